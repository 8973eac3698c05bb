"""``articleparse batch`` and ``parse_many``: inputs, error rows, output formats, resuming after a
kill, streaming with bounded memory, and pathological documents.

Extras are optional here: WARC/WET tests need warcio and Parquet tests pyarrow; each skips
with the reason when its library is missing.
"""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articleparse import Article
from articleparse import batch as B
from articleparse.batch import BatchError, BatchResult, parse_many, run_batch
from articleparse.cli import main

# ------------------------------------------------------------------ helpers


def story(i: int, paragraphs: int = 3) -> str:
    """A small news dump whose headline names ``i``."""
    body = "\n\n".join(
        f"Paragraph {k} of story {i}: the council voted on Tuesday to close the old bridge, "
        "and residents said they would appeal the decision in court."
        for k in range(paragraphs)
    )
    return f"Home | News | Sport\n\nCouncil votes on bridge {i}\n\nBy Staff Reporter\n\n{body}\n\nShare on Facebook\n"


def read_rows(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "the output ends with a partial line"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def batch(*argv: str) -> int:
    return main(["batch", "--no-progress", *argv])


def write_jsonl_gz(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def make_wet(path: Path, records: list[dict], *, extra_types: bool = True) -> None:
    """Write a gzipped WET file: a warcinfo record, then one ``conversion`` record per dict
    (``text``, ``uri``, optional ``lang``, ``date``, ``type``, ``content_type``), then a
    ``response`` record that batch must skip."""
    warcio = pytest.importorskip("warcio", reason="WARC/WET input needs warcio (pip install 'articleparse[warc]')")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    assert warcio
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        if extra_types:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for rec in records:
            headers = {"WARC-Date": rec.get("date", "2024-01-15T12:00:00Z")}
            if rec.get("lang"):
                headers["WARC-Identified-Content-Language"] = rec["lang"]
            writer.write_record(writer.create_warc_record(
                rec["uri"], rec.get("type", "conversion"), payload=io.BytesIO(rec["text"].encode("utf-8")),
                warc_content_type=rec.get("content_type", "text/plain"), warc_headers_dict=headers))
        if extra_types:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "http://example.com/html", "response", payload=io.BytesIO(b"<html><p>x</p></html>"),
                http_headers=http))


# ------------------------------------------------------------------ inputs


def test_folder_of_txt_files_one_row_each_with_error_for_undecodable(tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(story(2), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"Headline\n\nBody \xff\xfe text that is not UTF-8.\n")
    (folder / "truth.json").write_text("{}", encoding="utf-8")  # not a .txt: not an input
    out = tmp_path / "out.jsonl"

    assert batch(str(folder), "-o", str(out), "--jobs", "1") == 0

    rows = read_rows(out)
    assert [(Path(r["source"]).name, r["id"]) for r in rows] == [("a.txt", "a"), ("bad.txt", "bad"), ("b.txt", "b")]
    assert rows[0]["article"]["headline"] == "Council votes on bridge 1"
    assert "article" not in rows[1]
    assert "not valid UTF-8 (first bad byte at offset 15)" in rows[1]["error"]
    assert "--encoding-errors replace" in rows[1]["error"]
    assert Article.from_dict(rows[2]["article"]).headline == "Council votes on bridge 2"


def test_encoding_errors_replace_reads_bad_bytes(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Headline\n\nBody \xff text that is not quite UTF-8, said officials.\n")
    out = tmp_path / "out.jsonl"
    assert batch(str(tmp_path / "bad.txt"), "-o", str(out), "--jobs", "1", "--encoding-errors", "replace") == 0
    (row,) = read_rows(out)
    assert "\ufffd" in row["article"]["text"]


def test_gzipped_jsonl_with_planted_failures_keeps_order(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": story(1)}),
        "{this is not json",
        json.dumps({"id": "r3", "body": story(3)}),  # no "text" field
        json.dumps({"id": 4, "text": 12345}),  # text not a string
        "",  # blank lines are not records
        json.dumps(["a", "list"]),
        json.dumps({"text": story(7)}),  # no id: line number
        json.dumps({"id": "r8", "text": story(8), "url": "https://example.com/8", "lang": "en-GB"}),
    ]
    src = tmp_path / "dumps.jsonl.gz"
    write_jsonl_gz(src, lines)
    out = tmp_path / "out.jsonl"

    assert batch(str(src), "-o", str(out), "--jobs", "2") == 0

    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["r1", "line-2", "r3", "4", "line-6", "line-7", "r8"]
    assert {r["source"] for r in rows} == {str(src)}
    errors = {r["id"]: r["error"] for r in rows if "error" in r}
    assert set(errors) == {"line-2", "r3", "4", "line-6"}
    assert "line 2 is not JSON" in errors["line-2"]
    assert 'no "text" field (its fields: body, id)' in errors["r3"] and "--text-field" in errors["r3"]
    assert '"text" is int, not a string' in errors["4"]
    assert "a JSON list, not an object" in errors["line-6"]
    assert rows[5]["article"]["headline"] == "Council votes on bridge 7"
    assert rows[6]["article"]["meta"]["language"] == "en"


def test_text_and_id_fields_are_configurable(tmp_path: Path) -> None:
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"key": "k1", "body": story(1)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch(str(src), "-o", str(out), "--jobs", "1", "--text-field", "body", "--id-field", "key") == 0
    assert read_rows(out)[0]["id"] == "k1"
    out.unlink()
    assert batch(str(src), "-o", str(out), "--jobs", "1", "--text-field", "body", "--id-field", "") == 0
    assert read_rows(out)[0]["id"] == "line-1"


def test_truncated_gzip_gives_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl.gz"
    write_jsonl_gz(whole, [json.dumps({"id": f"r{i}", "text": story(i, 12)}) for i in range(40)])
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    after = tmp_path / "z.txt"
    after.write_text(story(99), encoding="utf-8")
    out = tmp_path / "out.jsonl"

    assert batch(str(broken), str(after), "-o", str(out), "--jobs", "1") == 0

    rows = read_rows(out)
    assert "truncated or corrupt" in rows[-2]["error"]
    assert rows[-2]["id"].startswith("line-")
    assert rows[-1]["id"] == "z" and "article" in rows[-1]


def test_glob_and_output_inside_the_inputs(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"d{i}.jsonl").write_text(json.dumps({"id": i, "text": story(i)}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"  # matched by the glob, but never read as an input
    assert batch(str(tmp_path / "*.jsonl"), "-o", str(out), "--jobs", "1") == 0
    assert [r["id"] for r in read_rows(out)] == ["0", "1", "2"]


def test_wet_file_records_headers_and_skipped_types(tmp_path: Path) -> None:
    german = ("Die Brücke wird geschlossen\n\nDer Stadtrat hat am Dienstag beschlossen, die alte Brücke "
              "zu schließen, und die Anwohner wollen dagegen klagen, weil sie den Umweg nicht wollen.\n")
    wet = tmp_path / "crawl.warc.wet.gz"
    make_wet(wet, [
        {"uri": "https://example.com/1", "text": story(1), "lang": "eng"},
        {"uri": "https://example.de/2", "text": german, "lang": "deu,eng"},
        {"uri": "https://example.com/3", "text": "<html>x</html>", "type": "resource", "content_type": "text/html"},
        {"uri": "https://example.com/4", "text": story(4), "type": "resource"},
    ])
    out = tmp_path / "out.jsonl"

    assert batch(str(wet), "-o", str(out), "--jobs", "1") == 0

    rows = read_rows(out)
    assert len(rows) == 4  # warcinfo and response records are not articles
    assert all(r["id"].startswith("<urn:uuid:") and r["source"] == str(wet) for r in rows)
    assert rows[0]["article"]["headline"] == "Council votes on bridge 1"
    assert rows[1]["article"]["meta"]["language"] == "de"
    assert "is text/html, not text/plain" in rows[2]["error"]
    assert rows[3]["article"]["headline"] == "Council votes on bridge 4"


def test_warc_headers_reach_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wet = tmp_path / "crawl.wet"
    make_wet(wet, [{"uri": "https://example.de/a", "text": story(1), "lang": "deu,eng",
                    "date": "2024-03-01T08:30:00Z"}], extra_types=False)
    seen = []
    real_parse = B.parse

    def spy(text, *, url=None, lang=None, now=None):
        seen.append((url, lang, now))
        return real_parse(text, url=url, lang=lang, now=now)

    monkeypatch.setattr(B, "parse", spy)  # jobs=1 parses in this process
    run_batch([str(wet)], str(tmp_path / "out.jsonl"), jobs=1, progress=False)
    assert seen == [("https://example.de/a", "de", dt.datetime(2024, 3, 1, 8, 30, tzinfo=dt.timezone.utc))]


def test_language_hints_and_warc_dates() -> None:
    assert B.pack_language("deu,eng") == "de"
    assert B.pack_language("eng") == "en"
    assert B.pack_language("en-US") == "en"
    assert B.pack_language("nob") == "no"
    assert B.pack_language("fra_Latn") == "fr"
    assert B.pack_language("xho") is None  # no pack: let parse() detect
    assert B.pack_language("") is None and B.pack_language(None) is None
    utc = dt.timezone.utc
    assert B._warc_datetime("2024-01-15T12:00:00Z") == dt.datetime(2024, 1, 15, 12, tzinfo=utc)
    assert B._warc_datetime("2024-01-15T12:00:00.250000Z") == dt.datetime(2024, 1, 15, 12, 0, 0, 250000, tzinfo=utc)
    assert B._warc_datetime("2024-01-15") == dt.datetime(2024, 1, 15, tzinfo=utc)
    assert B._warc_datetime("yesterday") is None and B._warc_datetime(None) is None


# ------------------------------------------------------------------ outputs and exit status


def test_parquet_output_matches_jsonl(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow (pip install 'articleparse[parquet]')")
    src = tmp_path / "d.jsonl"
    src.write_text("\n".join([json.dumps({"id": "a", "text": story(1)}), "not json",
                              json.dumps({"id": "c", "text": story(3)})]) + "\n", encoding="utf-8")
    assert batch(str(src), "-o", str(tmp_path / "out.parquet"), "--jobs", "2") == 0
    assert batch(str(src), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1") == 0

    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.names == ["id", "source", "article", "error"]
    assert not (tmp_path / "out.parquet.partial").exists()
    rows = table.to_pylist()
    reference = read_rows(tmp_path / "out.jsonl")
    assert [r["id"] for r in rows] == ["a", "line-2", "c"]
    assert rows[1]["article"] is None and "not JSON" in rows[1]["error"]
    for row, ref in zip(rows[::2], reference[::2]):
        assert row["error"] is None
        assert Article.from_dict(row["article"]) == Article.from_dict(ref["article"])


def test_parquet_without_pyarrow_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    assert batch(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.parquet"), "--jobs", "1") == 2
    err = capsys.readouterr().err
    assert "needs pyarrow" in err and "pip install 'articleparse[parquet]'" in err
    assert not (tmp_path / "out.parquet").exists()


def test_fail_on_error_sets_the_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"id": 1, "text": story(1)}) + "\n[1]\n", encoding="utf-8")
    assert batch(str(src), "-o", str(tmp_path / "a.jsonl"), "--jobs", "1") == 0
    assert "1 of 2 records failed" in capsys.readouterr().err
    assert batch(str(src), "-o", str(tmp_path / "b.jsonl"), "--jobs", "1", "--fail-on-error") == 2
    assert len(read_rows(tmp_path / "b.jsonl")) == 2  # the run still went to the end


def test_existing_output_needs_resume_or_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    assert batch(str(tmp_path / "a.txt"), "-o", str(out), "--jobs", "1") == 2
    assert "already exists; pass --resume" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert batch(str(tmp_path / "a.txt"), "-o", str(out), "--jobs", "1", "--overwrite") == 0
    assert len(read_rows(out)) == 1


def test_missing_input_and_unknown_kind_stop_before_any_output(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert batch(str(tmp_path / "nope.jsonl"), "-o", str(out)) == 2
    assert "nope.jsonl: no such file or folder" in capsys.readouterr().err
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    assert batch(str(tmp_path / "page.html"), "-o", str(out)) == 2
    assert "--input-format" in capsys.readouterr().err
    assert batch(str(tmp_path / "*.nothing"), "-o", str(out)) == 2
    assert "matches no files" in capsys.readouterr().err
    assert not out.exists()


def test_bad_jobs_and_a_warc_without_text_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    assert batch(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), "--jobs", "-1") == 2
    assert "--jobs: jobs must be a positive number" in capsys.readouterr().err
    warc = tmp_path / "pages.warc.gz"
    make_wet(warc, [])  # a warcinfo and a response record: no text to parse
    assert batch(str(warc), "-o", str(tmp_path / "w.jsonl")) == 0
    err = capsys.readouterr().err
    assert "no conversion or resource records (only 1 response, 1 warcinfo)" in err and "WET files" in err


def test_stdout_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(story(5), encoding="utf-8")
    assert batch(str(tmp_path / "a.txt"), "-o", "-", "--jobs", "1") == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["id"] == "a" and row["article"]["headline"] == "Council votes on bridge 5"


def test_progress_counter_without_tqdm(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    bar = B._Progress(True)
    for i in range(3):
        bar.update(error=i == 1)
    bar.close()
    err = capsys.readouterr().err
    assert "3 docs, 1 errors" in err and "docs/s" in err and err.endswith("\n")
    silent = B._Progress(False)
    silent.update(error=False)
    silent.close()
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------ resuming


def test_resume_drops_a_partial_line_and_skips_done_records(tmp_path: Path) -> None:
    src = tmp_path / "d.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": story(i)}) + "\n" for i in range(30)), encoding="utf-8")
    full = tmp_path / "full.jsonl"
    assert batch(str(src), "-o", str(full), "--jobs", "1") == 0
    expected = full.read_bytes()

    # what a run killed while writing record 12 leaves behind
    lines = expected.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:12]) + lines[12][:40])
    assert batch(str(src), "-o", str(out), "--jobs", "1", "--resume") == 0
    assert out.read_bytes() == expected

    # resuming a finished run changes nothing
    assert batch(str(src), "-o", str(out), "--jobs", "2", "--resume") == 0
    assert out.read_bytes() == expected


def test_resume_refuses_a_file_that_is_not_batch_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("hello\n", encoding="utf-8")
    assert batch(str(tmp_path / "a.txt"), "-o", str(out), "--resume") == 2
    assert "line 1 is not an articleparse batch record" in capsys.readouterr().err


def _session_processes(sid: int) -> list[int]:
    """Live (not zombie) processes of session ``sid``, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            found.append(int(entry))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="kills a process tree and reads /proc")
def test_killed_run_resumes_with_every_record_exactly_once(tmp_path: Path) -> None:
    n = 3000
    src = tmp_path / "dumps.jsonl.gz"
    lines = [json.dumps({"id": f"r{i}", "text": story(i, 6)}) for i in range(n)]
    lines.insert(100, "not json")  # an error row is a record too
    write_jsonl_gz(src, lines)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "articleparse", "batch", str(src), "-o", str(out), "--jobs", "2"]

    run = subprocess.Popen(command + ["--unordered"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and run.poll() is None:
            if out.exists() and out.stat().st_size > 0 and out.read_bytes().count(b"\n") >= 300:
                break
            time.sleep(0.005)
        assert run.poll() is None, f"the run ended before it could be killed: {run.stderr.read().decode()}"
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=10)
        # the workers notice their parent is gone and exit by themselves
        deadline = time.monotonic() + 15
        while _session_processes(run.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _session_processes(run.pid), "worker processes outlived the killed run"
    finally:
        try:
            os.killpg(run.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        run.stderr.close()

    written_before = out.read_bytes().count(b"\n")
    assert 300 <= written_before < n + 1

    resumed = subprocess.run(command + ["--resume"], capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr.decode()

    rows = read_rows(out)
    counts = collections.Counter(r["id"] for r in rows)
    assert len(rows) == n + 1
    assert set(counts.values()) == {1}
    assert counts.keys() == {f"r{i}" for i in range(n)} | {"line-101"}
    assert sum("error" in r for r in rows) == 1


# ------------------------------------------------------------------ parse_many


def test_parse_many_ordered_and_unordered() -> None:
    records = [{"id": i, "text": story(i, 1 + (i % 5) * 4)} for i in range(40)]
    ordered = list(parse_many(records, jobs=2, chunksize=2))
    assert [r.id for r in ordered] == list(range(40))
    assert all(isinstance(r, BatchResult) and r.ok for r in ordered)
    assert ordered[7].article.headline == "Council votes on bridge 7"

    unordered = list(parse_many(records, jobs=2, ordered=False, chunksize=2))
    assert sorted(r.id for r in unordered) == list(range(40))
    assert {r.id: r.article for r in unordered} == {r.id: r.article for r in ordered}


def test_parse_many_strings_records_and_bad_items() -> None:
    results = list(parse_many([story(1), {"id": "x", "text": story(2), "lang": "en"}, {"id": "y"},
                               {"id": "z", "text": b"bytes"}]))
    assert isinstance(results[0], Article) and results[0].headline == "Council votes on bridge 1"
    assert results[1] == BatchResult(id="x", article=results[1].article, error=None)
    assert results[1].article.meta.language == "en"
    assert results[2].article is None and 'no "text" field' in results[2].error
    assert not results[3].ok and '"text" is bytes, not a string' in results[3].error
    assert results[2].to_dict() == {"id": "y", "article": None, "error": results[2].error}
    with pytest.raises(TypeError, match=r"item 1 is int; pass each dump as a str"):
        list(parse_many([story(1), 42]))
    with pytest.raises(ValueError, match="chunksize"):
        next(parse_many([], chunksize=0))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_reads_a_bounded_window_of_an_endless_input(jobs: int) -> None:
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield {"id": i, "text": story(i, 1)}

    chunksize, wanted = 4, 60
    stream = parse_many(endless(), jobs=jobs, chunksize=chunksize)
    first = list(itertools.islice(stream, wanted))
    stream.close()  # stops the workers
    assert [r.id for r in first] == list(range(wanted))
    # never more than the in-flight window ahead of what was consumed
    window = 1 if jobs == 1 else jobs * B.IN_FLIGHT_PER_JOB
    assert pulled <= wanted + (window + 1) * chunksize


# ------------------------------------------------------------------ bounded cost per document


def _pathological() -> dict[str, str]:
    return {
        "one 5 MB line": "word " * 1_000_000,
        "200k short lines": "\n".join(f"line {i}" for i in range(200_000)),
        "long punctuation runs": "!" * 500_000 + "\n" + "?!.,;:-—…" * 50_000 + "\n" + ("." * 500 + "\n") * 1000,
        "repeated words": "By By By By " * 40_000,
        "repeated share rows": "Share on Facebook Share on Twitter\n" * 10_000,
        "repeated dates": "January 1, 2024 " * 20_000,
        "nested brackets": "(" * 100_000 + ")" * 100_000,
        "a wall of digits": "1234567890" * 100_000,
        "blank-separated items": "\n\n".join(f"Item {i}." for i in range(20_000)),
    }


def test_pathological_inputs_parse_without_error() -> None:
    """Huge or degenerate dumps parse (in 2 processes, to keep the suite quick); timing is
    measured by benchmarks/speed.py and benchmarks/throughput.py, not asserted here."""
    cases = _pathological()
    records = ({"id": name, "text": text} for name, text in cases.items())
    results = {r.id: r for r in parse_many(records, jobs=2, chunksize=1, ordered=False)}
    assert results.keys() == cases.keys()
    for name, result in results.items():
        assert result.ok, f"{name}: {result.error}"
        assert isinstance(result.article, Article)
    assert results["one 5 MB line"].article.body  # the line is the article
    assert len(results["200k short lines"].article.lines) == 200_000


def test_batch_error_is_an_articleparse_error() -> None:
    with pytest.raises(BatchError, match="--resume and --overwrite"):
        run_batch([], "x.jsonl", resume=True, overwrite=True)
