#!/usr/bin/env python3
"""Throughput and peak memory of ``articleparse batch`` (and jusText) on a WET file.

Usage (from the project root; needs warcio, and jusText for the peer rows):

    .venv/bin/python benchmarks/throughput.py DATA [DATA ...] [--records N] [--jobs 1 2]
                                              [--no-peers] [--keep DIR] [--json OUT]

    .venv/bin/python benchmarks/throughput.py ../shared/data/dev/*.jsonl.gz

DATA are dev dump files (``DATASET-STYLE.jsonl.gz`` with ``{"id", "text", "truth"}`` records).
The script takes their records round-robin (so every prefix mixes datasets and styles) and
writes two gzipped WET files with warcio: N records, and the same N records four times over
(4N), so that the two runs see the same document sizes and only the input's length differs. Each record is a ``conversion`` record with
WARC-Target-URI (``truth.url``, else a made-up ``https://bench.invalid/...`` address),
WARC-Date and, when the truth knows it, WARC-Identified-Content-Language.

Then, for each WET file and each ``--jobs`` value, it runs as a fresh process tree:

* ``articleparse batch WET -o OUT.jsonl --jobs J`` (ordered output, the default);
* jusText on the same records (this script in its ``--_justext`` mode): each non-blank line
  of the dump becomes one ``<p>``, as in ``accuracy.py``; the stoplist is the record's
  language's (English when unknown); the good paragraphs are written as JSONL. ``--jobs 2``
  uses a bounded pool of worker processes the way articleparse does.

and prints one markdown row per run:

| column | meaning |
|---|---|
| docs/s | records divided by the wall time of the whole command, interpreter start-up and engine loading included |
| MB/s | megabytes (10^6 bytes of UTF-8 text) per wall second |
| peak RSS main | the largest resident set of the command's main process (``os.wait4`` rusage, exact) |
| peak RSS all | the largest sum of resident sets of all its processes (main, workers, helpers), sampled from /proc every 50 ms (Linux only; `-` elsewhere) |

The last table compares each command's peak memory on 4N records with that on N: a ratio
near 1.0 means memory does not grow with the input's length (records stream through a
bounded window; nothing is kept per record). The 4N run repeats pages, so articleparse's
remembered line votes make it faster there: read documents per second from the N rows.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import gzip
import io
import itertools
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accuracy  # noqa: E402  (the jusText wrapping and stoplists are shared with it)

MB = 1_000_000
WARC_DATE = "2024-01-15T12:00:00Z"

# ISO 639-1 -> 639-3, for WARC-Identified-Content-Language (Common Crawl writes 639-3)
_TO_639_3 = {
    "ar": "ara", "cs": "ces", "da": "dan", "de": "deu", "en": "eng", "es": "spa", "fi": "fin",
    "fr": "fra", "hu": "hun", "it": "ita", "ja": "jpn", "ko": "kor", "nl": "nld", "no": "nor",
    "pl": "pol", "pt": "por", "ru": "rus", "sv": "swe", "tr": "tur", "uk": "ukr", "zh": "zho",
}
_TO_639_1 = {v: k for k, v in _TO_639_3.items()}


# ------------------------------------------------------------------ building the WET files


def read_records(path: str) -> Iterator[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def round_robin(paths: Sequence[str]) -> Iterator[dict]:
    """Records of all ``paths`` taken in turn, cycling forever."""
    while True:
        iterators = [read_records(p) for p in paths]
        while iterators:
            alive = []
            for it in iterators:
                record = next(it, None)
                if record is not None:
                    alive.append(it)
                    yield record
            iterators = alive


def build_wet(records: Iterable[dict], path: str) -> tuple[int, float]:
    """Write ``records`` as a gzipped WET file; returns (records, megabytes of text)."""
    from warcio.warcwriter import WARCWriter

    count, size = 0, 0
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(os.path.basename(path), {"software": "throughput.py"}))
        for rec in records:
            truth = rec.get("truth") or {}
            data = rec["text"].encode("utf-8")
            headers = {"WARC-Date": WARC_DATE}
            lang = (truth.get("lang") or "").split("-")[0].lower()
            if lang in _TO_639_3:
                headers["WARC-Identified-Content-Language"] = _TO_639_3[lang]
            uri = truth.get("url") or f"https://bench.invalid/{rec.get('dataset', 'x')}/{rec['id']}"
            writer.write_record(writer.create_warc_record(
                uri, "conversion", payload=io.BytesIO(data), warc_content_type="text/plain",
                warc_headers_dict=headers))
            count += 1
            size += len(data)
    return count, size / MB


# ------------------------------------------------------------------ measuring a process tree


def _tree_rss_kb(session: int) -> int | None:
    """Summed VmRSS (kB) of the live processes of ``session``; None without /proc."""
    if not os.path.isdir("/proc"):
        return None
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            if int(stat[stat.rindex(")") + 2:].split()[3]) != session:
                continue
            with open(f"/proc/{entry}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
    return total


def measure(command: Sequence[str]) -> dict:
    """Run ``command`` as a new session; wall seconds, exit status and peak memory in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    peak_tree = [0]
    have_proc = [True]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            rss = _tree_rss_kb(proc.pid)
            if rss is None:
                have_proc[0] = False
                return
            peak_tree[0] = max(peak_tree[0], rss)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{stderr.decode(errors='replace')}")
    scale = 1024 if sys.platform != "darwin" else 1  # ru_maxrss is kB on Linux, bytes on macOS
    return {
        "seconds": seconds,
        "rss_main_mb": usage.ru_maxrss * scale / MB,
        "rss_all_mb": peak_tree[0] * 1024 / MB if have_proc[0] else None,
    }


# ------------------------------------------------------------------ the jusText runner


def _justext_chunk(chunk: list[tuple[str, str, str | None]]) -> list[str]:
    import justext

    lines = []
    for rid, text, lang in chunk:
        body = ""
        if text.strip():
            paragraphs = justext.justext(accuracy.dump_to_html(text), accuracy.justext_stoplist(lang))
            body = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        lines.append(json.dumps({"id": rid, "body": body}, ensure_ascii=False) + "\n")
    return lines


def _wet_chunks(wet: str, size: int) -> Iterator[list[tuple[str, str, str | None]]]:
    from warcio.archiveiterator import ArchiveIterator

    def records() -> Iterator[tuple[str, str, str | None]]:
        with open(wet, "rb") as handle:
            for rec in ArchiveIterator(handle):
                if rec.rec_type != "conversion":
                    continue
                lang = (rec.rec_headers.get_header("WARC-Identified-Content-Language") or "").split(",")[0]
                yield (rec.rec_headers.get_header("WARC-Record-ID"),
                       rec.content_stream().read().decode("utf-8"), _TO_639_1.get(lang))

    it = records()
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def justext_main(wet: str, out: str, jobs: int, chunksize: int = 8) -> None:
    """jusText over ``wet`` into ``out`` (JSONL), in ``jobs`` processes with a bounded window."""
    with open(out, "w", encoding="utf-8") as sink:
        if jobs == 1:
            for chunk in _wet_chunks(wet, chunksize):
                sink.writelines(_justext_chunk(chunk))
            return
        context = multiprocessing.get_context("forkserver")
        with cf.ProcessPoolExecutor(jobs, mp_context=context) as pool:
            window: list[cf.Future] = []
            for chunk in _wet_chunks(wet, chunksize):
                window.append(pool.submit(_justext_chunk, chunk))
                if len(window) >= jobs * 4:
                    sink.writelines(window.pop(0).result())
            for future in window:
                sink.writelines(future.result())


# ------------------------------------------------------------------ the report


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # not on this platform
        return "-"


def table(rows: Sequence[dict]) -> str:
    head = "| extractor | jobs | docs | MB | seconds | docs/s | MB/s | peak RSS main (MB) | peak RSS all (MB) |"
    out = [head, "|" + "---|" * 9]
    for r in rows:
        rss_all = f"{r['rss_all_mb']:.0f}" if r["rss_all_mb"] is not None else "-"
        out.append(f"| {r['extractor']} | {r['jobs']} | {r['docs']} | {r['mb']:.1f} | {r['seconds']:.1f} | "
                   f"{r['docs'] / r['seconds']:.1f} | {r['mb'] / r['seconds']:.2f} | {r['rss_main_mb']:.0f} | {rss_all} |")
    return "\n".join(out)


def growth_table(rows: Sequence[dict]) -> str:
    out = ["| extractor | jobs | docs N → 4N | peak RSS main N → 4N (MB) | ratio | peak RSS all N → 4N (MB) | ratio |",
           "|" + "---|" * 7]
    by_key: dict[tuple[str, int], list[dict]] = {}
    for r in rows:
        by_key.setdefault((r["extractor"], r["jobs"]), []).append(r)
    for (extractor, jobs), (small, big) in ((k, sorted(v, key=lambda r: r["docs"])) for k, v in by_key.items()
                                            if len(v) == 2):
        cells_all = "- | -"
        if small["rss_all_mb"] and big["rss_all_mb"]:
            cells_all = (f"{small['rss_all_mb']:.0f} → {big['rss_all_mb']:.0f} | "
                         f"{big['rss_all_mb'] / small['rss_all_mb']:.2f}")
        out.append(f"| {extractor} | {jobs} | {small['docs']} → {big['docs']} | "
                   f"{small['rss_main_mb']:.0f} → {big['rss_main_mb']:.0f} | "
                   f"{big['rss_main_mb'] / small['rss_main_mb']:.2f} | {cells_all} |")
    return "\n".join(out)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Throughput and peak memory of articleparse batch and jusText.")
    parser.add_argument("data", nargs="+", metavar="DATA", help="dev dump files (.jsonl.gz)")
    parser.add_argument("--records", type=int, default=500, metavar="N", help="N: the small WET's records (default 500)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run (default: 1 2)")
    parser.add_argument("--no-peers", action="store_true", help="do not run jusText")
    parser.add_argument("--keep", metavar="DIR", help="build the WET files and outputs in DIR and keep them")
    parser.add_argument("--json", metavar="OUT", help="also write the rows as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--_justext"]:  # the jusText runner, as its own process tree
        justext_main(argv[1], argv[2], int(argv[3]))
        return 0
    args = parse_args(argv)
    try:
        import warcio  # noqa: F401
    except ImportError:
        raise SystemExit("throughput.py builds WET files with warcio: pip install 'articleparse[warc]'")
    peers = not args.no_peers
    if peers and (reason := accuracy.justext_importable()):
        print(f"jusText cannot be imported ({reason}); measuring articleparse only", file=sys.stderr)
        peers = False

    workdir = args.keep or tempfile.mkdtemp(prefix="articleparse-throughput-")
    os.makedirs(workdir, exist_ok=True)
    n = args.records
    sizes = {}
    first = list(itertools.islice(round_robin(args.data), n))
    for count in (n, 4 * n):
        wet = os.path.join(workdir, f"bench-{count}.warc.wet.gz")
        docs, mb = build_wet(first * (count // n), wet)
        sizes[count] = (wet, docs, mb)
        print(f"built {wet}: {docs} records, {mb:.1f} MB of text", file=sys.stderr)

    load_before = _load()
    rows = []
    for count, (wet, docs, mb) in sizes.items():
        for jobs in args.jobs:
            out = os.path.join(workdir, f"articleparse-{count}-j{jobs}.jsonl")
            command = [sys.executable, "-m", "articleparse", "batch", wet, "-o", out, "--jobs", str(jobs),
                       "--overwrite", "--no-progress"]
            rows.append({"extractor": "articleparse", "jobs": jobs, "docs": docs, "mb": mb, **measure(command)})
            print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)
            if peers:
                out = os.path.join(workdir, f"justext-{count}-j{jobs}.jsonl")
                command = [sys.executable, os.path.abspath(__file__), "--_justext", wet, out, str(jobs)]
                rows.append({"extractor": "justext", "jobs": jobs, "docs": docs, "mb": mb, **measure(command)})
                print(table(rows[-1:]).splitlines()[-1], file=sys.stderr)

    rows.sort(key=lambda r: (r["extractor"], r["jobs"], r["docs"]))
    print(f"## Throughput ({os.cpu_count()} CPUs; WET files in {workdir})\n")
    print(table(rows))
    print(f"\n1-minute load average before the runs: {load_before}, after: {_load()} "
          "(well above 0 means other processes shared the CPUs and the times are not clean)")
    print("\n## Peak memory on N and 4N records\n")
    print(growth_table(rows))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=2)
    if not args.keep:
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
