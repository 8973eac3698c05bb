"""Guessing the page's language from its text, without any model download.

Scripts decide first (kana → ja, Hangul → ko, Han → zh, Thai → th); for
alphabetic scripts the language whose stop words cover the most tokens of the
page's longer lines wins::

    >>> detect_language(["Der Hund und die Katze sind nicht im Haus."],
    ...                 {"de": frozenset({"der", "und", "die", "nicht", "im"}), "en": frozenset({"the", "and"})})
    'de'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import regex

__all__ = ["detect_language"]

_WORD = regex.compile(r"\w+")
_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("el", regex.compile(r"\p{Greek}")),
)
# how many tokens of the page to look at: enough to be sure, few enough to be fast
_SAMPLE_TOKENS = 600
_MIN_HITS = 3


def detect_language(texts: Iterable[str], stopwords: Mapping[str, frozenset[str]]) -> str | None:
    """The most likely language code of ``texts``, or None when nothing is conclusive."""
    sample: list[str] = []
    letters = 0
    for text in texts:
        sample.append(text)
        letters += len(text)
        if letters > 6000:
            break
    joined = "\n".join(sample)
    if not joined:
        return None
    if not joined.isascii():
        n = max(1, sum(1 for c in joined if c.isalpha()))
        for code, pattern in _SCRIPTS:
            share = len(pattern.findall(joined)) / n
            # kana is a small share of Japanese text, next to many Han characters
            if share >= (0.05 if code == "ja" else 0.3):
                return code
    counts = Counter(t.lower() for t in _WORD.findall(joined)[:_SAMPLE_TOKENS])
    best, best_hits = None, 0
    for code, words in stopwords.items():
        if not words:
            continue
        hits = sum(counts[w] for w in words.intersection(counts))
        if hits > best_hits:
            best, best_hits = code, hits
    if best_hits < _MIN_HITS:
        return None
    return best
