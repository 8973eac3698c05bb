#!/usr/bin/env python3
"""What the pipeline costs without its rules: the floor under ``speed.py``'s numbers.

Usage (from the project root):

    .venv/bin/python benchmarks/floor.py DATA [DATA ...] [--limit 300] [--warm 30]

DATA are the same files or folders as for ``accuracy.py``. For each file the script prints, in
milliseconds per document (median and mean, wall clock, one pass over the documents on one engine
warmed on ``--warm`` documents that follow the measured ones):

* ``all on``: ``articleparse.parse`` as shipped;
* ``page checks off``, ``line checks off``, ``both off``: the same engine with the rule checks
  that read the page, the rule checks that read one line (with the phrase rules), or both, replaced
  by nothing, so that every unit's votes are the label priors alone and the lines, language
  detection, features, decoder, headline ranker and assembly run as usual on them;
* ``bare pass``: one pass over the dump's lines that does the least any line labeller does
  (split, ``\\w+`` tokens of each non-blank line, the share of a few stop words, a sentence end),
  with no articleparse code at all.

It measures and changes nothing. The switches reach into ``engine._RuleSet`` (the compiled
checks ``run_line`` and ``run_page`` and the phrase table) on a subclass of ``Engine``, so no
other engine in the process is touched; they are a measuring device, not an option of the library.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402

import articleparse  # noqa: E402
from articleparse import engine as _engine  # noqa: E402

_MODES = ("all on", "page checks off", "line checks off", "both off")
_WORD = regex.compile(r"\w+")
_FEW_STOPWORDS = frozenset("der die das und in zu den von the of and to a is for on that le la les et".split())


def _nothing(*_args: object) -> None:
    return None


class _SwitchedEngine(articleparse.Engine):
    """An engine whose rule sets run no page checks, no line checks, or neither (see the module doc)."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self._mode = mode
        self._switched: dict[int, _engine._RuleSet] = {}

    def _ruleset(self, language, site=None):  # type: ignore[override]
        rs = super()._ruleset(language, site)
        switched = self._switched.get(id(rs))
        if switched is None:
            # a copy of the shared rule set, so that no other engine of the process loses its checks
            switched = _engine._RuleSet.__new__(_engine._RuleSet)
            for name in _engine._RuleSet.__slots__:
                setattr(switched, name, getattr(rs, name))
            switched.memo, switched.memo_old = {}, {}
            if self._mode in ("page checks off", "both off"):
                switched.run_page = _nothing
            if self._mode in ("line checks off", "both off"):
                switched.run_line = _nothing
                switched.phrases = {}
            self._switched[id(rs)] = switched
        return switched


def _bare_pass(text: str) -> int:
    """The least a line labeller does: split, tokens, a stop-word share and a sentence end per line."""
    kept = 0
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        words = _WORD.findall(s.lower())
        share = sum(1 for w in words if w in _FEW_STOPWORDS) / len(words) if words else 0.0
        kept += share > 0.2 or s[-1:] in ".!?"
    return kept


def _times(texts: Sequence[str], run: Callable[[str], object]) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        run(text)
        out.append(time.perf_counter() - start)
    return out


def measure(texts: Sequence[str], warm: Sequence[str]) -> list[tuple[str, float, float]]:
    """(mode, median ms, mean ms) for each mode and the bare pass."""
    rows = []
    for mode in _MODES:
        engine = articleparse.Engine() if mode == "all on" else _SwitchedEngine(mode)
        for text in warm:
            engine.parse(text)
        seconds = _times(texts, engine.parse)
        rows.append((mode, statistics.median(seconds) * 1000, sum(seconds) / len(seconds) * 1000))
    seconds = _times(texts, _bare_pass)
    rows.append(("bare pass", statistics.median(seconds) * 1000, sum(seconds) / len(seconds) * 1000))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="+", metavar="DATA", help="DATASET-STYLE.jsonl.gz files or folders")
    ap.add_argument("--limit", type=int, default=300, help="documents measured per file (default 300)")
    ap.add_argument("--warm", type=int, default=30, help="documents after those that warm each engine (default 30)")
    args = ap.parse_args(argv)
    print("| data | style | rule checks | docs | ms/doc (median) | ms/doc (mean) |")
    print("|---|---|---|---|---|---|")
    for path in args.data:
        source = accuracy.load_source(path)
        texts = [doc.text for doc in source.docs if doc.text.strip()]
        measured, warm = texts[:args.limit], texts[args.limit:args.limit + args.warm]
        if not measured:
            continue
        for mode, median, mean in measure(measured, warm):
            print(f"| {source.label} | {source.style or '-'} | {mode} | {len(measured)} | {median:.2f} | {mean:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
