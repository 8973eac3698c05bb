"""Stage 1 of the pipeline: split a dump into lines with spans, and lines into units.

A *line* is one physical line of the input (split on ``\\r\\n``, ``\\r`` or ``\\n``)
with its character span. A *unit* is what the engine labels: one non-blank line,
or, in a hard-wrapped dump (``w3m -dump`` wraps at 80 columns), the run of
wrapped lines that make one paragraph, glued back together::

    >>> [u.text for u in split_units(split_lines("A short\\nline\\n\\nAnother"))]
    ['A short', 'line', 'Another']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import regex

__all__ = ["Line", "Unit", "display_width", "split_lines", "split_units", "detect_wrap_width"]

_BREAK = regex.compile(r"\r\n|\r|\n")
# characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# every kind of white space, NBSP and the other Unicode spaces included
# (\x1c-\x1f count too: Python's str.isspace() says so, and users strip with it)
_SPACES = regex.compile(r"[\s\x1c-\x1f\x85\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# characters that take two terminal columns (CJK, Hangul, full-width forms)
# (a class of ranges: the standard library's engine finds them faster)
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                      r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
# scripts written without spaces between words: wrapped lines join without a space
_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
                                 r"\u3000-\u303f\uff00-\uffef]")
_BULLET_START = regex.compile(r"^\s*(?:[*+•·▪◦‣○●■□–—-]|\d{1,3}[.)])\s")
# a dash that w3m moved to the next line of a wrapped sentence ("… Tritt\n– aber auch …")
_DASH_START = regex.compile(r"^\s*[–—]\s")


class Line(NamedTuple):
    """One physical line: ``raw`` is ``source[start:end]``, ``text`` its normalised form."""

    index: int
    start: int
    end: int
    raw: str
    text: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


class Unit(NamedTuple):
    """What the engine labels: one line, or wrapped lines joined into one paragraph.

    ``first`` and ``last`` are line indices; ``start``/``end`` the span in the input.
    """

    index: int
    first: int
    last: int
    start: int
    end: int
    text: str
    indent: int


def normalise(raw: str) -> str:
    """Drop invisible characters, fold every run of white space to one space, trim."""
    if not raw:
        return ""
    text = _INVISIBLE.sub("", raw) if not raw.isascii() else raw
    return _SPACES.sub(" ", text).strip()


def split_lines(source: str) -> tuple[Line, ...]:
    """Split ``source`` into physical lines with their spans (line breaks excluded)."""
    if "\r" in source:
        return _split_lines_cr(source)
    # only "\n" breaks the lines: str.split cuts there, and the spans follow from the lengths
    raws = source.split("\n")
    if len(raws) > 1 and not raws[-1]:
        raws.pop()  # a final line break ends the last line; it does not start an empty one
    starts = []
    pos = 0
    for raw in raws:
        starts.append(pos)
        pos += len(raw) + 1
    ends = [start + len(raw) for start, raw in zip(starts, raws)]
    # a printable line has no invisible character and no white space but " ": with no "  " in it,
    # normalising it only trims it
    texts = [raw.strip() if raw.isprintable() and "  " not in raw else normalise(raw) for raw in raws]
    indents = [len(raw) - len(raw.lstrip(" \t\u00a0")) for raw in raws]
    return tuple(map(Line._make, zip(range(len(raws)), starts, ends, raws, texts, indents)))


def _split_lines_cr(source: str) -> tuple[Line, ...]:
    out: list[Line] = []
    pos = 0
    index = 0
    for m in _BREAK.finditer(source):
        raw = source[pos:m.start()]
        out.append(_line(index, pos, m.start(), raw))
        index += 1
        pos = m.end()
    if pos < len(source) or not out:
        out.append(_line(index, pos, len(source), source[pos:]))
    return tuple(out)


def _line(index: int, start: int, end: int, raw: str) -> Line:
    stripped = raw.lstrip(" \t\u00a0")
    return Line(index, start, end, raw, normalise(raw), len(raw) - len(stripped))


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (CJK and full-width characters count two)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def detect_wrap_width(lines: Sequence[Line]) -> int | None:
    """The column at which the dump was hard-wrapped, or None when it was not.

    A dump is taken as wrapped when almost no line is wider than the wrap column
    and many lines come close to it (``w3m -dump`` wraps at 80 columns).
    """
    widths = [len(raw) if raw.isascii() else display_width(raw)
              for raw in [ln.raw.rstrip() for ln in lines if ln.text]]
    if len(widths) < 4:
        return None
    for width in (80, 72, 78, 100):
        over = sum(w > width for w in widths)
        near = sum(width - 12 <= w <= width for w in widths)
        # many lines near the column and (almost) none past it; with none past it, fewer suffice
        share = 0.03 if over == 0 else 0.15
        if over <= 0.02 * len(widths) and near >= max(3, share * len(widths)):
            return width
    return None


def _glue(left: str, right: str) -> str:
    """Join two pieces of one wrapped paragraph: no space between CJK/Thai characters."""
    if left and right and _NO_SPACE_SCRIPT.match(left[-1]) and _NO_SPACE_SCRIPT.match(right[0]):
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left + right  # a word hyphenated at the wrap; keep the hyphen's word whole
    return left + " " + right


def split_units(lines: Sequence[Line], wrap_width: int | None = None) -> tuple[Unit, ...]:
    """Group non-blank lines into units; with ``wrap_width``, join wrapped continuation lines."""
    if wrap_width is None:
        # every non-blank line is a unit of its own
        return tuple(map(Unit._make, [(k, ln.index, ln.index, ln.start, ln.end, ln.text, ln.indent)
                                      for k, ln in enumerate([ln for ln in lines if ln.text])]))
    units: list[Unit] = []
    threshold = None if wrap_width is None else wrap_width * 3 // 4
    current: list[Line] = []

    def flush() -> None:
        if not current:
            return
        first, last = current[0], current[-1]
        text = first.text
        for ln in current[1:]:
            text = _glue(text, ln.text)
        units.append(Unit(len(units), first.index, last.index, first.start, last.end, text, first.indent))
        current.clear()

    prev: Line | None = None
    for ln in lines:
        if not ln.text:
            flush()
            prev = None
            continue
        if (
            threshold is not None
            and prev is not None
            and current
            and display_width(prev.raw.rstrip()) >= threshold
            and abs(ln.indent - _body_indent(current)) <= 1
            and (not _BULLET_START.match(ln.raw)
                 # an en or em dash continues the sentence unless the unit is itself a dash item
                 or (_DASH_START.match(ln.raw) is not None and not _BULLET_START.match(current[0].raw)))
        ):
            current.append(ln)
        else:
            flush()
            current.append(ln)
        prev = ln
    flush()
    return tuple(units)


def _body_indent(current: Sequence[Line]) -> int:
    """The indent continuation lines share: a bullet's text hangs under its first word."""
    first = current[0]
    if len(current) > 1:
        return current[-1].indent
    m = _BULLET_START.match(first.raw)
    return m.end() if m else first.indent
