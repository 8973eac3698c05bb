"""The ``articleparse`` command line and the output formats it prints."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import articleparse
import articleparse.cli as cli
from articleparse import Article, Label, parse
from articleparse.model import Block, Byline, LabeledLine, Meta, Paragraph, ParagraphKind, RelatedLink
from articleparse.render import to_markdown, to_text, to_xml, xml_safe

DUMP = """\
Home | World | Business | Sport
November 9, 2022
3 mins read

With new big data centre, China strengthens Tibet surveillance

By Jane Doe and John Roe

China is set to develop its AI and Big Data capabilities, which will strengthen the existing surveillance network in Tibet.
\tAs per Tibet Rights Collective (TRC), a new centre for big data began operation in Lhasa.

ALSO READ
Floods hit the coast
Thousands of people were moved to safety on Monday.

Share on Facebook
© 2022 Example News"""

OTHER_DUMP = "Второй заголовок\n\nЭто второй текст, и он о чём-то другом.\n"

#: One explain row: number, label, confidence, rules, then the text after two spaces.
ROW = re.compile(r"^ *(\d+)  (\S+) +(\d\.\d\d)  (\S+)(?: +(.*))?$")


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


@pytest.fixture
def other(tmp_path: Path) -> Path:
    path = tmp_path / "other.txt"
    path.write_text(OTHER_DUMP, encoding="utf-8")
    return path


def rich_article() -> Article:
    """An Article with every part a renderer shows, as the real engine would fill it."""
    return Article(
        headline="China strengthens Tibet surveillance",
        standfirst="A new centre for big data began operation in Lhasa",
        byline=Byline("By Jane Doe and John Roe, Reuters", ("Jane Doe", "John Roe"), "Reuters", (0, 33)),
        authors=("Jane Doe", "John Roe"),
        published=dt.date(2022, 11, 9),
        updated=dt.datetime(2022, 11, 10, 8, 30),
        body=(
            Paragraph("China is set to develop its AI.", (40, 71)),
            Paragraph("Background", (73, 83), ParagraphKind.HEADING),
            Paragraph("We will build it, he said.", (85, 111), ParagraphKind.QUOTE),
            Paragraph("first point", (113, 124), ParagraphKind.LIST_ITEM),
            Paragraph("Control \x00 and \ud800 and \uffff gone.", (126, 150)),
        ),
        text="(not used by the renderers)",
        related=(
            RelatedLink("Floods hit the coast", "ALSO READ", "Thousands moved.", (160, 200)),
            RelatedLink("Markets rally", "Top News", None, (201, 214)),
            RelatedLink("Rain again", "ALSO READ", "More to come.", (215, 240)),
        ),
        boilerplate=(Block("Home | World", Label.NAVIGATION, (241, 253), ("core:NAV001", "en:NAV002")),),
        meta=Meta(language="en", format="browser-copy", reading_time=3),
        lines=(LabeledLine(0, (0, 33), Label.BYLINE, 0.87, ("en:BY001",)),),
    )


@pytest.fixture
def fake_parse(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Make the CLI's parse() return :func:`rich_article`; returns the calls it received."""
    calls: list[dict] = []

    def fake(text: str, *, url: str | None = None, lang: str | None = None) -> Article:
        calls.append({"text": text, "url": url, "lang": lang})
        return rich_article()

    monkeypatch.setattr(cli, "parse", fake)
    return calls


@pytest.fixture
def one_label_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's parse() label each \\n-separated line body or blank, with no rules,
    so that explain's layout can be tested independently of the engine."""

    def fake(text: str, **kwargs) -> Article:
        lines, start = [], 0
        for index, line in enumerate(text.split("\n")):
            label = Label.BODY if line.strip() else Label.BLANK
            lines.append(LabeledLine(index, (start, start + len(line)), label))
            start += len(line) + 1
        return Article(lines=tuple(lines))

    monkeypatch.setattr(cli, "parse", fake)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# ------------------------------------------------------------------ formats


def test_json_parses_back_to_the_same_article(capsys, dump: Path) -> None:
    status, out, err = run(capsys, "parse", str(dump))
    assert (status, err) == (0, "")
    assert Article.from_json(out) == parse(DUMP)
    assert out.startswith("{\n  ")  # indent=2


def test_json_is_the_default_and_explicit_format_is_the_same(capsys, dump: Path) -> None:
    _, default, _ = run(capsys, "parse", str(dump))
    _, explicit, _ = run(capsys, "parse", "--format", "json", str(dump))
    assert default == explicit


def test_xml_parses_with_lxml(capsys, dump: Path) -> None:
    status, out, err = run(capsys, "parse", "--format", "xml", str(dump))
    assert (status, err) == (0, "")
    assert out.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(out.encode("utf-8"))
    assert root.tag == "article"
    article = parse(DUMP)
    paragraphs = root.findall("body/p")
    assert len(paragraphs) == len(article.body)
    for element, paragraph in zip(paragraphs, article.body):
        assert element.get("kind") == paragraph.kind.value
        assert (int(element.get("start")), int(element.get("end"))) == paragraph.span


def test_markdown_starts_with_the_headline(capsys, dump: Path) -> None:
    status, out, _ = run(capsys, "parse", "--format", "md", str(dump))
    assert status == 0
    article = parse(DUMP)
    if article.headline:
        assert out.startswith("# " + article.headline)
    for paragraph in article.body:
        first_word = paragraph.text.split()[0]
        assert first_word in out


def test_text_format_is_headline_then_body(capsys, dump: Path) -> None:
    status, out, _ = run(capsys, "parse", "--format", "text", str(dump))
    article = parse(DUMP)
    expected = "\n\n".join(([article.headline] if article.headline else []) + [p.text for p in article.body])
    assert (status, out) == (0, expected + "\n")


def test_every_format_renders_a_full_article(capsys, dump: Path, fake_parse) -> None:
    for fmt, check in [
        ("json", lambda out: Article.from_json(out) == rich_article()),
        ("md", lambda out: out.startswith("# China strengthens Tibet surveillance\n")),
        ("text", lambda out: out.startswith("China strengthens Tibet surveillance\n\nChina is set")),
        ("xml", lambda out: etree.fromstring(out.encode()).findtext("headline") is not None),
    ]:
        status, out, err = run(capsys, "parse", "-f", fmt, str(dump))
        assert (status, err) == (0, ""), fmt
        assert check(out), fmt


# --------------------------------------------------------------- renderers


def test_markdown_layout() -> None:
    assert to_markdown(rich_article()) == (
        "# China strengthens Tibet surveillance\n\n"
        "*A new centre for big data began operation in Lhasa*\n\n"
        "By Jane Doe, John Roe · Reuters · Published 2022-11-09 · Updated 2022-11-10T08:30:00\n\n"
        "China is set to develop its AI.\n\n"
        "## Background\n\n"
        "> We will build it, he said.\n\n"
        "- first point\n\n"
        "Control \x00 and \ud800 and \uffff gone.\n\n"
        "## Related\n\n"
        "### ALSO READ\n\n"
        "- **Floods hit the coast** — Thousands moved.\n"
        "- **Rain again** — More to come.\n\n"
        "### Top News\n\n"
        "- **Markets rally**\n"
    )


def test_markdown_escapes_body_lines_that_look_like_markup() -> None:
    article = Article(body=(Paragraph("# not a heading", (0, 15)), Paragraph("1. not a list", (16, 29))))
    assert to_markdown(article) == "\\# not a heading\n\n1\\. not a list\n"


def test_text_of_an_empty_article_is_empty() -> None:
    assert to_text(Article()) == "" and to_markdown(Article()) == ""


def test_xml_layout() -> None:
    root = etree.fromstring(to_xml(rich_article()))
    assert root.tag == "article"
    assert (root.get("language"), root.get("format"), root.get("reading-time")) == ("en", "browser-copy", "3")
    assert root.findtext("headline") == "China strengthens Tibet surveillance"
    assert root.findtext("standfirst") == "A new centre for big data began operation in Lhasa"
    byline = root.find("byline")
    assert byline.get("organization") == "Reuters"
    assert [a.text for a in byline.findall("author")] == ["Jane Doe", "John Roe"]
    assert root.findtext("published") == "2022-11-09"
    assert root.findtext("updated") == "2022-11-10T08:30:00"
    assert [p.get("kind") for p in root.findall("body/p")] == [
        "paragraph",
        "heading",
        "quote",
        "list-item",
        "paragraph",
    ]
    links = root.findall("related/link")
    assert [(ln.get("section"), ln.findtext("title"), ln.findtext("snippet")) for ln in links] == [
        ("ALSO READ", "Floods hit the coast", "Thousands moved."),
        ("Top News", "Markets rally", None),
        ("ALSO READ", "Rain again", "More to come."),
    ]
    assert (links[0].get("start"), links[0].get("end")) == ("160", "200")
    block = root.find("boilerplate/block")
    assert (block.get("label"), block.get("rules"), block.text) == (
        "navigation",
        "core:NAV001,en:NAV002",
        "Home | World",
    )


def test_xml_drops_characters_xml_cannot_hold() -> None:
    document = to_xml(rich_article())
    assert document.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    root = etree.fromstring(document)
    assert root.findall("body/p")[-1].text == "Control  and  and  gone."
    assert xml_safe("tab\tnl\nc\r\x7f\x1f\ufffe\U0001f600") == "tab\tnl\nc\r\x7f\U0001f600"


def test_xml_of_an_empty_article() -> None:
    root = etree.fromstring(to_xml(Article()))
    assert [child.tag for child in root] == ["body", "related", "boilerplate"]


# ---------------------------------------------------------------- inputs


def test_stdin_dash(capsys, monkeypatch) -> None:
    set_stdin(monkeypatch, DUMP.encode("utf-8"))
    status, out, err = run(capsys, "parse", "-")
    assert (status, err) == (0, "")
    assert Article.from_json(out) == parse(DUMP)


def test_several_files_json_is_one_document_per_line(capsys, dump: Path, other: Path) -> None:
    status, out, err = run(capsys, "parse", str(dump), str(other))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == [str(dump), str(other)]
    assert Article.from_dict(records[0]["article"]) == parse(DUMP)
    assert Article.from_dict(records[1]["article"]) == parse(OTHER_DUMP)


def test_several_files_other_formats_get_headers(capsys, dump: Path, other: Path, monkeypatch) -> None:
    set_stdin(monkeypatch, OTHER_DUMP.encode("utf-8"))
    status, out, _ = run(capsys, "parse", "--format", "text", str(dump), str(other), "-")
    assert status == 0
    assert out == (
        f"==> {dump} <==\n{to_text(parse(DUMP))}\n"
        f"==> {other} <==\n{to_text(parse(OTHER_DUMP))}\n"
        f"==> <stdin> <==\n{to_text(parse(OTHER_DUMP))}"
    )


def test_one_file_has_no_header(capsys, dump: Path) -> None:
    _, out, _ = run(capsys, "parse", "-f", "md", str(dump))
    assert "==>" not in out


def test_missing_file_exits_2_and_the_others_are_still_parsed(capsys, dump: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = run(capsys, "parse", str(missing), str(dump))
    assert status == 2
    assert err == f"articleparse: {missing}: no such file\n"
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(dump)]


def test_a_directory_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "explain", str(tmp_path))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and str(tmp_path) in err and "Traceback" not in err


def test_invalid_utf8_is_replaced_with_a_warning(capsys, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 au lait\n".encode("latin-1"))
    status, out, err = run(capsys, "parse", "-f", "text", str(path))
    assert status == 0
    assert str(path) in err and "UTF-8" in err and "warning" in err
    assert "Caf\ufffd au lait" in out


def test_parse_failure_is_a_one_line_error(capsys, dump: Path, other: Path, monkeypatch) -> None:
    real_parse = cli.parse

    def flaky(text: str, **kwargs) -> Article:
        if text == DUMP:
            raise RuntimeError("boom")
        return real_parse(text, **kwargs)

    monkeypatch.setattr(cli, "parse", flaky)
    status, out, err = run(capsys, "parse", str(dump), str(other))
    assert status == 2
    assert err.count("\n") == 1 and "boom" in err and str(dump) in err
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(other)]


def test_lang_and_url_are_passed_through(capsys, dump: Path, fake_parse) -> None:
    run(capsys, "parse", "--lang", "en", "--url", "https://example.com/a", str(dump))
    run(capsys, "explain", str(dump), "--url", "https://example.org/b", "--lang", "ru")
    run(capsys, "parse", str(dump))
    assert [(c["url"], c["lang"]) for c in fake_parse] == [
        ("https://example.com/a", "en"),
        ("https://example.org/b", "ru"),
        (None, None),
    ]
    assert all(c["text"] == DUMP for c in fake_parse)


# ---------------------------------------------------------------- explain


def explain(capsys, *argv: str) -> list[re.Match]:
    status, out, err = run(capsys, "explain", *argv)
    assert (status, err) == (0, "")
    rows = [ROW.match(line) for line in out.splitlines()]
    assert all(rows), out
    return rows


def test_explain_shows_one_row_per_line(capsys, dump: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    rows = explain(capsys, str(dump))
    source_lines = DUMP.split("\n")
    assert [int(r[1]) for r in rows] == list(range(1, len(source_lines) + 1))
    labels = {label.value for label in Label}
    for row, source in zip(rows, source_lines):
        assert row[2] in labels
        assert float(row[3]) <= 1.0
        assert (row[5] or "").strip() == source.strip()
        if not source.strip():
            assert row[2] == "blank"
        else:
            assert row[2] != "blank"


def test_explain_matches_the_articles_lines(capsys, dump: Path) -> None:
    rows = explain(capsys, str(dump))
    lines = parse(DUMP).lines
    assert [(r[2], r[3], r[4]) for r in rows] == [
        (ln.label.value, f"{ln.confidence:.2f}", ",".join(ln.rules) or "-") for ln in lines
    ]


def test_explain_layout(capsys, dump: Path, monkeypatch) -> None:
    lines = (
        LabeledLine(0, (0, 31), Label.NAVIGATION, 0.934, ("core:NAV001", "en:NAV002")),
        LabeledLine(1, (32, 48), Label.DATE, 1.0, ("en:DT001",)),
        LabeledLine(2, (49, 60), Label.META, 0.5),
        LabeledLine(3, (61, 61), Label.BLANK, 1.0),
    )
    monkeypatch.setattr(cli, "parse", lambda text, **kwargs: Article(lines=lines))
    _, out, _ = run(capsys, "explain", str(dump))
    assert out == (
        "1  navigation  0.93  core:NAV001,en:NAV002  Home | World | Business | Sport\n"
        "2  date        1.00  en:DT001               November 9, 2022\n"
        "3  meta        0.50  -                      3 mins read\n"
        "4  blank       1.00  -\n"
    )


def test_explain_columns_line_up_on_the_real_engine(capsys, dump: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")
    _, out, _ = run(capsys, "explain", str(dump))
    matches = [ROW.match(row) for row in out.splitlines()]
    assert len({m.start(2) for m in matches}) == 1
    text_starts = {
        m.start(5) for m, source in zip(matches, DUMP.split("\n")) if source.strip() and not source[0].isspace()
    }
    assert len(text_starts) == 1


def test_explain_only_nonblank(capsys, dump: Path) -> None:
    rows = explain(capsys, "--only-nonblank", str(dump))
    nonblank = [i for i, line in enumerate(DUMP.split("\n"), start=1) if line.strip()]
    assert [int(r[1]) for r in rows] == nonblank
    assert "blank" not in {r[2] for r in rows}


def test_explain_truncates_to_the_terminal_width(capsys, tmp_path: Path, monkeypatch, one_label_per_line) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100 + "\n\n" + "短" * 100, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(capsys, "explain", str(path))
    rows = out.splitlines()
    assert rows[0].endswith("…") and len(rows[0]) <= 60
    assert rows[2].endswith("…") and len(rows[2]) < 60  # wide characters take two columns


def test_explain_defaults_to_120_columns(capsys, tmp_path: Path, monkeypatch, one_label_per_line) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    # what shutil.get_terminal_size does when stdout is not a terminal and $COLUMNS is unset
    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size(fallback))
    _, out, _ = run(capsys, "explain", str(path))
    assert len(out.rstrip("\n")) == 120


def test_explain_shows_control_characters_escaped(capsys, tmp_path: Path, one_label_per_line) -> None:
    path = tmp_path / "ctl.txt"
    path.write_text("bell\x07 and escape\x1b[31m here", encoding="utf-8")
    _, out, _ = run(capsys, "explain", str(path))
    assert "\x1b" not in out and "\x07" not in out
    assert "bell\\x07 and escape\\x1b[31m here" in out


def test_explain_stdin(capsys, monkeypatch) -> None:
    set_stdin(monkeypatch, b"One\n\nTwo")
    rows = explain(capsys, "-")
    assert [int(r[1]) for r in rows] == [1, 2, 3]


def test_explain_missing_file(capsys, tmp_path: Path) -> None:
    status, out, err = run(capsys, "explain", str(tmp_path / "gone.txt"))
    assert (status, out, err) == (2, "", f"articleparse: {tmp_path / 'gone.txt'}: no such file\n")


# ----------------------------------------------------------- command line


def test_version(capsys) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"articleparse {articleparse.__version__}\n")


def test_usage_errors_return_2_without_raising(capsys) -> None:
    assert cli.main([]) == 2
    assert cli.main(["parse"]) == 2
    assert cli.main(["parse", "--format", "pdf", "x"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_help_returns_0(capsys) -> None:
    status, out, _ = run(capsys, "parse", "--help")
    assert status == 0 and "--format" in out


# ------------------------------------------------------------- subprocess


def _console_script() -> list[str]:
    """The installed ``articleparse`` script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("articleparse")
    return [str(script)] if script.exists() else [sys.executable, "-m", "articleparse"]


def test_console_script() -> None:
    result = subprocess.run(
        [*_console_script(), "parse", "-", "--format", "json"],
        input=DUMP.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert Article.from_json(result.stdout.decode("utf-8")) == parse(DUMP)


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "articleparse", "--version"], capture_output=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout.decode().strip()) == (0, f"articleparse {articleparse.__version__}")


def test_output_is_utf8_whatever_the_locale(other: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii", LC_ALL="C")
    result = subprocess.run(
        [*_console_script(), "parse", "-f", "text", str(other)], capture_output=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == to_text(parse(OTHER_DUMP))


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("A sentence of a long article, told again and again.\n" * 4000, encoding="utf-8")
    process = subprocess.Popen(
        [*_console_script(), "parse", str(path), str(path), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()  # what `| head -c 10` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert stderr == ""
