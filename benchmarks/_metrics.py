"""Accuracy metrics for articleparse on plain-text news dumps with ground truth.

The definitions are those of the team's reference scorer (``shared/tools/score.py``);
this module is an independent implementation of them, shared by ``accuracy.py``,
``speed.py`` and the tests.  Every metric is computed only over the documents whose
ground truth carries the field it needs.

body
    Precision / recall / F1 over 4-token shingles, the scheme of the public
    article-extraction benchmark: tokens are ``\\w+`` matches (case kept); a text
    with fewer than four tokens is a single short shingle; per document the
    multiset overlap gives (tp, fp, fn), scaled so that they sum to 1.  Precision is
    the mean over documents with ``tp + fp > 0`` (an empty prediction is left out,
    it does not lower precision), recall the mean over documents with
    ``tp + fn > 0``, and F1 the harmonic mean of those two means (not the mean of
    per-document F1s).  ``exact`` is the share of documents whose token sequence is
    reproduced exactly.
snippets
    Whitespace-normalised substring tests of the ``with`` snippets (must be in the
    body) and the ``without`` snippets (must not be), counted over the whole corpus:
    ``with_found = tp/(tp+fn)``, ``without_absent = tn/(tn+fp)``, accuracy over all
    snippets, plus precision, recall and F1.
prefix
    The expected beginning of the body (``body_prefix``) occurs in the body.
headline
    Exact match after NFKC, whitespace collapsing and case-folding.
date
    Exact match of the first ``YYYY-MM-DD`` in each side.
authors
    Exact match of the normalised author sets.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import statistics
import unicodedata
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

__all__ = [
    "SHINGLE_SIZE",
    "DocScore",
    "Prediction",
    "author_set",
    "authors_match",
    "body_summary",
    "collapse_ws",
    "date_match",
    "doc_f1",
    "doc_precision",
    "doc_recall",
    "headline_match",
    "normalize_date",
    "normalize_headline",
    "prefix_found",
    "primary_language",
    "ratio_summary",
    "score_document",
    "shingle_overlap",
    "shingles",
    "snippet_check",
    "snippet_summary",
    "summarize",
    "tokenize",
]

SHINGLE_SIZE = 4

_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# separators between names: punctuation, or a conjunction in en/de/fr/es
_NAME_SEPARATOR_RE = re.compile(r"\s*(?:[,;&|/]|\b(?:and|und|et|y)\b)\s*", re.IGNORECASE)
# a leading "by" in en/de/es/fr/nl/it/pt
_BY_PREFIX_RE = re.compile(r"^(?:by|von|por|par|door|di|da)\s+", re.IGNORECASE)
_NAME_EDGE_CHARS = " .:-\u2013\u2014"  # space, full stop, colon, hyphen, en dash, em dash


# ------------------------------------------------------------------ text helpers


def collapse_ws(text: str | None) -> str:
    """``text`` with every whitespace run turned into one space, trimmed (None -> "")."""
    return _SPACE_RE.sub(" ", text or "").strip()


def tokenize(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case kept."""
    return _TOKEN_RE.findall(text or "")


# ------------------------------------------------------------------ body: shingles


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter:
    """The multiset of ``size``-token shingles of ``text``.

    A text with at least one but fewer than ``size`` tokens yields one shorter
    shingle holding all its tokens; a text without tokens yields nothing.
    """
    toks = tokenize(text)
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter({tuple(toks): 1})
    return Counter(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


def shingle_overlap(truth: str | None, pred: str | None, size: int = SHINGLE_SIZE) -> tuple[float, float, float]:
    """(tp, fp, fn) of the shingle multisets of ``truth`` and ``pred``, scaled to sum to 1.

    Both sides empty gives (0.0, 0.0, 0.0).
    """
    want, got = shingles(truth, size), shingles(pred, size)
    tp = fp = fn = 0
    for shingle in want.keys() | got.keys():
        w, g = want.get(shingle, 0), got.get(shingle, 0)
        common = min(w, g)
        tp += common
        fp += g - common
        fn += w - common
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def doc_precision(tp: float, fp: float, fn: float) -> float:
    """Precision of one document's scaled counts (1.0 when nothing was wrong or missed)."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp + fp == 0:
        return 0.0
    return tp / (tp + fp)


def doc_recall(tp: float, fp: float, fn: float) -> float:
    """Recall of one document's scaled counts (1.0 when nothing was wrong or missed)."""
    if fp == 0 and fn == 0:
        return 1.0
    if tp + fn == 0:
        return 0.0
    return tp / (tp + fn)


def doc_f1(tp: float, fp: float, fn: float) -> float:
    """F1 of one document; used to rank documents, not in the corpus score."""
    p, r = doc_precision(tp, fp, fn), doc_recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: Sequence[float]) -> float:
    return statistics.mean(values) if values else 0.0


def body_summary(triples: Sequence[tuple[float, float, float]], exact: Sequence[bool]) -> dict:
    """Corpus body score from per-document (tp, fp, fn) triples and exact-match flags."""
    precisions = [doc_precision(*t) for t in triples if t[0] + t[1] > 0]
    recalls = [doc_recall(*t) for t in triples if t[0] + t[2] > 0]
    p, r = _mean(precisions), _mean(recalls)
    return {
        "n": len(triples),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact": _mean([float(e) for e in exact]),
    }


# ------------------------------------------------------------------ snippets and prefix


def snippet_check(body: str | None, with_: Iterable[str], without: Iterable[str]) -> dict:
    """Test the snippets of one document against ``body``.

    Returns the counts ``tp`` (with, found), ``fn`` (with, missing), ``fp``
    (without, present), ``tn`` (without, absent) and the lists ``missed`` and
    ``leaked`` of the offending snippets.
    """
    with_, without = list(with_), list(without)
    haystack = collapse_ws(body)
    missed = [s for s in with_ if collapse_ws(s) not in haystack]
    leaked = [s for s in without if collapse_ws(s) in haystack]
    return {
        "tp": len(with_) - len(missed),
        "fn": len(missed),
        "fp": len(leaked),
        "tn": len(without) - len(leaked),
        "missed": missed,
        "leaked": leaked,
    }


def snippet_summary(counts: Iterable[Mapping[str, int]]) -> dict:
    """Corpus snippet score from per-document counts (as returned by :func:`snippet_check`)."""
    tp = fp = fn = tn = docs = 0
    for c in counts:
        docs += 1
        tp, fp, fn, tn = tp + c["tp"], fp + c["fp"], fn + c["fn"], tn + c["tn"]

    def ratio(num: int, den: int) -> float:
        return num / den if den else 0.0

    recall = ratio(tp, tp + fn)
    return {
        "n": docs,
        "with_found": recall,
        "without_absent": ratio(tn, tn + fp),
        "accuracy": ratio(tp + tn, tp + fp + fn + tn),
        "precision": ratio(tp, tp + fp),
        "recall": recall,
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
    }


def prefix_found(body: str | None, prefix: str | None) -> bool:
    """True when the expected body beginning occurs in ``body`` (whitespace-normalised)."""
    return collapse_ws(prefix) in collapse_ws(body)


# ------------------------------------------------------------------ headline, date, authors


def normalize_headline(text: str | None) -> str:
    """NFKC, whitespace collapsed, case-folded."""
    return collapse_ws(unicodedata.normalize("NFKC", text or "")).casefold()


def headline_match(truth: str | None, pred: str | None) -> bool:
    """Exact match of the normalised headlines."""
    return normalize_headline(truth) == normalize_headline(pred)


def normalize_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a date, a datetime or the first such pattern in a string; else None."""
    if value is None:
        return None
    if isinstance(value, datetime.date):  # datetime is a subclass of date
        return value.isoformat()[:10]
    found = _ISO_DATE_RE.search(str(value))
    return "-".join(found.groups()) if found else None


def date_match(truth: Any, pred: Any) -> bool:
    """Exact match of the normalised dates (two unreadable dates also match, as None == None)."""
    return normalize_date(truth) == normalize_date(pred)


def author_set(value: Any) -> set[str]:
    """The normalised set of names in ``value`` (a string, a list of strings, or nothing).

    Each item is NFKC-normalised and split on ``, ; & | /`` and on the words
    and/und/et/y; each name loses a leading by/von/por/par/door/di/da, has its
    whitespace collapsed, is case-folded and trimmed of spaces, dots, colons and
    dashes.  Empty names are dropped.
    """
    if not value:
        return set()
    items = [value] if isinstance(value, str) else list(value)
    names = set()
    for item in items:
        for piece in _NAME_SEPARATOR_RE.split(unicodedata.normalize("NFKC", str(item))):
            name = collapse_ws(_BY_PREFIX_RE.sub("", collapse_ws(piece)))
            name = name.casefold().strip(_NAME_EDGE_CHARS)
            if name:
                names.add(name)
    return names


def authors_match(truth: Any, pred: Any) -> bool:
    """Exact match of the normalised author sets."""
    return author_set(truth) == author_set(pred)


# ------------------------------------------------------------------ language


def primary_language(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased: ``"en-US"`` -> ``"en"``; None if empty."""
    if not tag:
        return None
    primary = re.split(r"[-_]", str(tag).strip(), maxsplit=1)[0].lower()
    return primary or None


# ------------------------------------------------------------------ per-document scoring


@dataclasses.dataclass
class Prediction:
    """What an extractor returned for one document (only ``body`` is required)."""

    body: str = ""
    headline: str | None = None
    authors: Sequence[str] | None = None
    date: Any = None


@dataclasses.dataclass
class DocScore:
    """The metrics of one document; a field is None when the truth lacks what it needs."""

    id: str
    dataset: str | None = None
    language: str = "?"
    extractor: str = ""
    seconds: float = 0.0
    error: str | None = None
    body: tuple[float, float, float] | None = None
    body_exact: bool | None = None
    snippets: dict | None = None
    prefix: bool | None = None
    headline: bool | None = None
    date: bool | None = None
    authors: bool | None = None
    predicted: dict = dataclasses.field(default_factory=dict)

    @property
    def body_f1(self) -> float | None:
        """Per-document shingle F1, or None without a body truth."""
        return None if self.body is None else doc_f1(*self.body)

    @property
    def snippet_accuracy(self) -> float | None:
        """Share of this document's snippets handled right, or None without snippets."""
        if self.snippets is None:
            return None
        c = self.snippets
        total = c["tp"] + c["fn"] + c["fp"] + c["tn"]
        return (c["tp"] + c["tn"]) / total if total else 1.0


def score_document(truth: Mapping[str, Any], pred: Prediction, **info: Any) -> DocScore:
    """Score one prediction against one ground-truth record; ``info`` fills the DocScore header."""
    body = pred.body or ""
    score = DocScore(**info)
    if "body" in truth:
        score.body = shingle_overlap(truth["body"], body)
        score.body_exact = tokenize(truth["body"]) == tokenize(body)
    if "with" in truth or "without" in truth:
        score.snippets = snippet_check(body, truth.get("with") or [], truth.get("without") or [])
    if "body_prefix" in truth:
        score.prefix = prefix_found(body, truth["body_prefix"])
    if "title" in truth:
        score.headline = headline_match(truth["title"], pred.headline)
    if "date" in truth:
        score.date = date_match(truth["date"], pred.date)
    if "authors" in truth:
        score.authors = authors_match(truth["authors"], pred.authors)
    score.predicted = {
        "headline": pred.headline,
        "date": normalize_date(pred.date),
        "authors": list(pred.authors or []),
    }
    return score


def ratio_summary(flags: Sequence[bool]) -> dict | None:
    """``{"n", "accuracy"}`` of a list of pass/fail flags, or None when empty."""
    if not flags:
        return None
    return {"n": len(flags), "accuracy": sum(map(bool, flags)) / len(flags)}


def summarize(scores: Sequence[DocScore]) -> dict:
    """Corpus metrics of a list of document scores, keyed like the reference scorer's rows.

    Keys absent from the result had no document with the needed truth.
    """
    out: dict[str, Any] = {}
    with_body = [s for s in scores if s.body is not None]
    if with_body:
        out["body"] = body_summary([s.body for s in with_body], [s.body_exact for s in with_body])
    with_snippets = [s.snippets for s in scores if s.snippets is not None]
    if with_snippets:
        out["snippets"] = snippet_summary(with_snippets)
    for key in ("prefix", "headline", "date", "authors"):
        summary = ratio_summary([getattr(s, key) for s in scores if getattr(s, key) is not None])
        if summary:
            out[key] = summary
    times = [s.seconds for s in scores]
    total = sum(times)
    out["time"] = {
        "median_ms": 1000 * statistics.median(times) if times else 0.0,
        "docs_per_s": len(times) / total if total else 0.0,
    }
    return out
