#!/usr/bin/env python3
"""Speed of articleparse (and jusText, when importable) on plain-text news dumps.

Usage (from the project root):

    .venv/bin/python benchmarks/speed.py DATA [DATA ...] [--limit N] [--repeat 3]
                                         [--growth-docs 5] [--no-peers] [--json OUT]
    .venv/bin/python benchmarks/speed.py DATA [DATA ...] --big [--big-mb 10] [--repeat 3]

DATA are the same files or folders as for ``accuracy.py``.

Default mode prints two markdown tables:

* per file and extractor: documents, megabytes, median / 95th percentile / maximum
  milliseconds per document, documents per second and megabytes per second.  Each
  document is parsed ``--repeat`` times (in separate passes over the file) and its time
  is the median of those runs.  jusText runs on the same dumps in the same process,
  each non-blank line wrapped as a ``<p>``; the wrapping is part of its time.
* growth: one document made of the first ``--growth-docs`` non-empty dumps, parsed as
  it is and concatenated 10 and 100 times; ms and ms per MB for each.  Linear time
  keeps ms per MB flat.

``--big`` instead builds a dump of about ``--big-mb`` megabytes by concatenating the
DATA dumps (cycling through them if they are fewer), and parses its first 1, 2, 5 and
10 MB (cut at a line break), reporting ms and ms per MB: the check that a 10 MB dump
parses in linear time.

A megabyte here is 1,000,000 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from typing import Callable, Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _metrics as M  # noqa: E402  (benchmarks/ is not a package)
import accuracy  # noqa: E402  (data loading and the jusText wrapper are shared with it)

import articleparse  # noqa: E402

MB = 1_000_000
SEPARATOR = "\n\n"


def mb(text: str) -> float:
    """Size of ``text`` in megabytes of UTF-8."""
    return len(text.encode("utf-8")) / MB


# the clock: wall time (time.perf_counter), or with --cpu the CPU time of this process
# (time.process_time), which a machine shared with other jobs inflates far less
CLOCK: list[Callable[[], float]] = [time.perf_counter]


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    clock = CLOCK[0]
    start = clock()
    fn()
    return clock() - start


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds over ``repeat`` calls of ``fn`` (after a garbage collection)."""
    gc.collect()
    return statistics.median(timed(fn) for _ in range(max(1, repeat)))


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))
    return ordered[rank]


# ------------------------------------------------------------------ per-file timing


def time_documents(texts: Sequence[str], run: Callable[[int, str], object], repeat: int,
                   before_pass: Callable[[], object] | None = None) -> list[float]:
    """Per document, the median seconds of ``run(index, text)`` over ``repeat`` passes.

    ``before_pass`` runs before each pass (articleparse gets a fresh engine there, so a
    pass never profits from the line votes a previous pass remembered).
    """
    runs: list[list[float]] = [[] for _ in texts]
    for _ in range(max(1, repeat)):
        if before_pass is not None:
            before_pass()
        for i, text in enumerate(texts):
            runs[i].append(timed(lambda: run(i, text)))
    return [statistics.median(r) for r in runs]


def file_rows(source: accuracy.Source, repeat: int, peers: bool) -> list[dict]:
    """Timing rows of articleparse (and jusText) on one DATA file."""
    texts = [doc.text for doc in source.docs]
    size = sum(mb(t) for t in texts)
    languages: list[str | None] = [M.primary_language(doc.truth.get("lang")) for doc in source.docs]

    engine: list[articleparse.Engine] = []

    def fresh_engine() -> None:
        # a new engine remembers no line votes: each pass starts cold, as a new pipeline worker does
        engine[:] = [articleparse.Engine()]
        engine[0].parse("warm up\n\nthe engine's rule sets before timing anything.\n")

    def ours(i: int, text: str) -> object:
        article = engine[0].parse(text)
        if languages[i] is None:  # remember the detected language for jusText's stoplist
            languages[i] = M.primary_language(article.meta.language)
        return article

    rows = [row(source, "articleparse", time_documents(texts, ours, repeat, fresh_engine), size)]
    if peers:
        stoplists = [accuracy.justext_stoplist(lang) for lang in languages]  # loaded before timing
        seconds = time_documents(texts, lambda i, text: accuracy.run_justext(text, stoplists[i]), repeat)
        rows.append(row(source, "justext", seconds, size))
    return rows


def row(source: accuracy.Source, extractor: str, seconds: Sequence[float], size_mb: float) -> dict:
    """Summary of per-document times."""
    total = sum(seconds)
    return {
        "data": source.label, "style": source.style, "extractor": extractor, "docs": len(seconds),
        "mb": size_mb,
        "median_ms": 1000 * statistics.median(seconds) if seconds else 0.0,
        "p95_ms": 1000 * percentile(seconds, 0.95),
        "max_ms": 1000 * max(seconds, default=0.0),
        "docs_per_s": len(seconds) / total if total else 0.0,
        "mb_per_s": size_mb / total if total else 0.0,
    }


def files_table(rows: Sequence[dict]) -> str:
    """Markdown table of the per-file timing rows."""
    out = ["| data | style | extractor | docs | MB | ms/doc (median) | ms/doc (p95) | ms/doc (max) "
           "| docs/s | MB/s |", "|" + "---|" * 10]
    for r in rows:
        out.append(f"| {r['data']} | {r['style']} | {r['extractor']} | {r['docs']} | {r['mb']:.2f} "
                   f"| {r['median_ms']:.2f} | {r['p95_ms']:.2f} | {r['max_ms']:.2f} "
                   f"| {r['docs_per_s']:.0f} | {r['mb_per_s']:.2f} |")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ growth


def size_rows(label: str, texts: Sequence[tuple[str, str]], repeat: int) -> list[dict]:
    """Parse each (name, text) and report ms, ms per MB and ms per MB relative to the first."""
    rows = []
    for name, text in texts:
        # a fresh engine per size: line votes remembered from a smaller size must not help a larger one
        engine = articleparse.Engine()
        engine.parse("warm up\n\nthe engine's rule sets before timing anything.\n")
        seconds = median_time(lambda: engine.parse(text), repeat)
        size = mb(text)
        rows.append({label: name, "mb": size, "lines": text.count("\n") + 1, "ms": 1000 * seconds,
                     "ms_per_mb": 1000 * seconds / size if size else 0.0})
    base = rows[0]["ms_per_mb"] if rows else 0.0
    for r in rows:
        r["relative"] = r["ms_per_mb"] / base if base else 0.0
    return rows


def size_table(label: str, rows: Sequence[dict]) -> str:
    """Markdown table of ``size_rows`` output."""
    out = [f"| {label} | MB | lines | ms | ms/MB | ms/MB relative to first |", "|" + "---|" * 6]
    for r in rows:
        out.append(f"| {r[label]} | {r['mb']:.3f} | {r['lines']} | {r['ms']:.1f} | {r['ms_per_mb']:.1f} "
                   f"| {r['relative']:.2f} |")
    return "\n".join(out) + "\n"


def growth_texts(texts: Sequence[str], docs: int, factors: Sequence[int]) -> list[tuple[str, str]]:
    """The first ``docs`` non-empty dumps joined, then repeated ``factor`` times each."""
    base = SEPARATOR.join([t for t in texts if t.strip()][:docs])
    return [(f"{k}x", SEPARATOR.join([base] * k)) for k in factors]


# ------------------------------------------------------------------ big dump


def big_texts(texts: Sequence[str], sizes_mb: Sequence[float]) -> list[tuple[str, str]]:
    """Prefixes of sizes ``sizes_mb`` (cut at a line break) of the dumps concatenated, cycled as needed."""
    pieces = [t for t in texts if t.strip()]
    if not pieces:
        raise SystemExit("--big needs at least one non-empty dump")
    target = int(max(sizes_mb) * MB)
    parts, total, i = [], 0, 0
    while total < target:
        piece = pieces[i % len(pieces)]
        parts.append(piece)
        total += len(piece.encode("utf-8")) + len(SEPARATOR)
        i += 1
    data = SEPARATOR.join(parts).encode("utf-8")
    out = []
    for size in sizes_mb:
        cut = data[: int(size * MB)]
        newline = cut.rfind(b"\n")
        if newline > 0:
            cut = cut[:newline]
        out.append((f"{size:g} MB", cut.decode("utf-8", errors="ignore")))
    return out


# ------------------------------------------------------------------ main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="+", metavar="DATA", help="DATASET-STYLE.jsonl.gz files or folders")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N documents of each file")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is kept")
    ap.add_argument("--growth-docs", type=int, default=5, help="dumps joined into the growth document")
    ap.add_argument("--no-peers", action="store_true", help="do not time jusText")
    ap.add_argument("--big", action="store_true", help="time 1, 2, 5, 10 MB dumps instead")
    ap.add_argument("--big-mb", type=float, default=10.0, help="largest size for --big (default 10)")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON here")
    ap.add_argument("--cpu", action="store_true",
                    help="time with the CPU time of this process instead of wall time (for a busy machine)")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    CLOCK[0] = time.process_time if args.cpu else time.perf_counter
    sources = [accuracy.load_source(path, args.limit) for path in args.data]
    all_texts = [doc.text for source in sources for doc in source.docs]
    articleparse.parse("warm up\n\nthe engine before timing anything.\n")
    results: dict = {}

    if args.big:
        sizes = sorted({s for s in (1, 2, 5, 10) if s < args.big_mb} | {args.big_mb})
        rows = size_rows("size", big_texts(all_texts, sizes), args.repeat)
        results["big"] = rows
        print(size_table("size", rows))
        print(f"ms/MB at {rows[-1]['size']} is {rows[-1]['relative']:.2f}x that at {rows[0]['size']} "
              "(1.00 = linear; well above 1 means superlinear growth)")
    else:
        peers = not args.no_peers
        if peers:
            reason = accuracy.justext_importable()
            if reason is not None:
                print(f"jusText is not importable ({reason}); timing articleparse only", file=sys.stderr)
                peers = False
        rows = []
        for source in sources:
            rows.extend(file_rows(source, args.repeat, peers))
            print(f"timed {source.path}: {len(source.docs)} docs", file=sys.stderr)
        results["files"] = rows
        print(files_table(rows))
        growth = size_rows("copies", growth_texts(all_texts, args.growth_docs, (1, 10, 100)), args.repeat)
        results["growth"] = growth
        print(size_table("copies", growth))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
