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
from collections.abc import Callable, Sequence
from typing import NamedTuple

import regex

__all__ = ["Line", "Unit", "display_width", "split_lines", "split_units", "detect_wrap_width"]

_BREAK = regex.compile(r"\r\n|\r|\n")
# characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # (the standard library's engine is faster here)
# characters that take two terminal columns (CJK, Hangul, full-width forms)
# (a class of ranges: the standard library's engine finds them faster)
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                      r"\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
# combining marks (Thai and Indic vowel signs, tone marks, accents written apart) take no column
# of their own: w3m wraps Hindi and Thai text as if they took none
_COMBINING = regex.compile(r"\p{M}")
# scripts written without spaces between words: wrapped lines join without a space (the kana blocks
# whole: the prolonged sound mark "ー" and the middle dot "・" are of no one script, "ビッグデー" + "タ")
_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
                                 r"\u3000-\u303f\u3040-\u30ff\uff00-\uffef]")
_BULLET_START = regex.compile(r"^\s*(?:[*+•·▪◦‣○●■□–—-]|\d{1,3}[.)])\s")
# a dash that w3m moved to the next line of a wrapped sentence ("… Tritt\n– aber auch …")
_DASH_START = regex.compile(r"^\s*[–—]\s")
# a drop cap: the first letter of a paragraph set apart in large type, which a renderer prints
# on a line of its own ("E" then "xercice: après avoir ..."); the next line goes on in lowercase
_DROP_CAP_REST = regex.compile(r"^\p{Ll}\p{L}*[\p{L}\p{P}]?\s")
# a byline printed under a paragraph: "von Lars Fischer und Alina Schadwinkel", "By Jose de la Cruz"
_BYLINE_START = regex.compile(r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR)\s+\p{Lu}")
_CLAUSE_END = regex.compile(r"[.!?…:;,]\W*$")


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

    ``first`` and ``last`` are line indices; ``start``/``end`` the span in the input. ``cells`` is how many
    cells a table row printed with tab stops between them (a browser copy's ``Dieselkraftstoff⇥32,23 Mio. t⇥…``)
    holds on the unit's line: the tab-separated pieces with text, for a unit of one line whose text has a tab
    between two words (0 otherwise; ``text`` folds the tabs to spaces).
    """

    index: int
    first: int
    last: int
    start: int
    end: int
    text: str
    indent: int
    cells: int = 0


def table_cells(raw: str) -> int:
    """How many cells a line printed as a table row holds: the pieces between its tab stops that have text, when
    a tab stands between two of them (``Rohbenzin⇥10,72 Mio. t⇥12,40 Mio. t`` holds 3), else 0."""
    if "\t" not in raw:
        return 0
    cells = sum(1 for piece in raw.split("\t") if piece.strip())
    return cells if cells > 1 else 0


def normalise(raw: str) -> str:
    r"""Drop invisible characters, fold every run of white space to one space, trim.

    White space is what ``str.isspace()`` accepts: NBSP and the other Unicode spaces, and
    ``\x1c``-``\x1f`` too, as users strip with it.
    """
    if not raw:
        return ""
    text = _INVISIBLE.sub("", raw) if not raw.isascii() else raw
    # splitting at white space and joining with one space folds the runs and trims at once
    return " ".join(text.split())


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
    """Terminal columns ``text`` takes (CJK and full-width characters count two, combining marks none)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text)) - len(_COMBINING.findall(text))


def _columns(raw: str) -> int:
    """``display_width``, with the plain-ASCII line (one column a character) counted at once."""
    return len(raw) if raw.isascii() else display_width(raw)


def detect_wrap_width(lines: Sequence[Line]) -> int | None:
    """The column at which the dump was hard-wrapped, or None when it was not.

    A dump is taken as wrapped when almost no line is wider than the wrap column
    and many lines come close to it (``w3m -dump`` wraps at 80 columns).
    """
    raws = [ln.raw.rstrip() for ln in lines if ln.text]
    widths = [_columns(raw) for raw in raws]  # the columns of the lines with text, in their order
    if len(widths) < 4:
        return None
    # a line with no break opportunity (one long word: a URL, a tracking code) cannot be wrapped;
    # that it runs past the column says nothing about the dump
    # nor can a form field (w3m prints a text input or a textarea's rows as ``[`` and spaces to the
    # field's own size, past the column when the field is wider)
    breakable = [" " in _FORM_FIELD.sub("[]", raw).strip() or _NO_SPACE_SCRIPT.search(raw) is not None
                 for raw in raws]
    counted = {}
    for width in _WRAP_WIDTHS:
        over = sum(w > width and b for w, b in zip(widths, breakable))
        near = sum(width - 12 <= w <= width for w in widths)
        counted[width] = over, near
        # many lines near the column and (almost) none past it; with none past it, fewer suffice
        share = 0.03 if over == 0 else 0.15
        if over <= 0.02 * len(widths) and near >= max(3, share * len(widths)):
            return width
    # Lines near the column that go on on the next line in lowercase are the wrap itself. They
    # also tell a wrapped dump whose preformatted blocks (code, ASCII tables) w3m printed past the
    # column unwrapped, and a dump too short for the shares above.
    breaks = None
    for width in _WRAP_WIDTHS:
        over, near = counted[width]
        if over > 0.05 * len(widths):
            continue  # a browser copy's paragraphs run past every column: no need to read the wrap
        if breaks is None:
            breaks = _break_columns(lines, widths)
        going_on = sum(width - 12 <= c <= width for c in breaks)
        if near >= max(3, 0.15 * len(widths)) and going_on > over:
            return width
        if over == 0 and going_on >= 2:
            return width
    return None


_WRAP_WIDTHS = (80, 72, 78, 100)
# a form's text field as w3m prints it: brackets around blanks (or underscores)
_FORM_FIELD = regex.compile(r"\[[ _\u00a0]*\]")


def _break_columns(lines: Sequence[Line], widths: Sequence[int]) -> list[int]:
    """The widths of the lines that hold a space and are followed right under them at the same indent
    by a line that goes on in lowercase (or a script without case), not a list item: those of them
    that end within 12 columns of a wrap width are the lines a dump wrapped there broke inside a
    sentence. ``widths`` are the columns of the lines with text, in their order."""
    out = []
    at = -1  # the index in ``widths`` of lines[k]
    for k in range(len(lines) - 1):
        ln, nxt = lines[k], lines[k + 1]
        if not ln.text:
            continue
        at += 1
        if not nxt.text or " " not in ln.text:
            continue
        if (abs(nxt.indent - ln.indent) <= 1 and _CASELESS_OR_LOWER_START.match(nxt.text) is not None
                and not _BULLET_START.match(nxt.raw)):
            out.append(widths[at])
    return out


def _glue(left: str, right: str, tight: Callable[[], bool] | None = None) -> str:
    """Join two pieces of one wrapped paragraph: no space between CJK/Thai characters, nor, when
    ``tight()`` says the page writes Latin words and numbers right against them, between such a
    character and a letter or digit."""
    if left and right:
        # every character of those scripts comes after U+0E00: one cheap test for most joins
        a = left[-1] >= "\u0e00" and _NO_SPACE_SCRIPT.match(left[-1]) is not None
        b = right[0] >= "\u0e00" and _NO_SPACE_SCRIPT.match(right[0]) is not None
        if a and b:
            return left + right
        if (a != b and tight is not None and left[-1].isalnum() and right[0].isalnum()
                and tight()):
            return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        return left + right  # a word hyphenated at the wrap; keep the hyphen's word whole
    return left + " " + right


def split_units(lines: Sequence[Line], wrap_width: int | None = None) -> tuple[Unit, ...]:
    """Group non-blank lines into units; with ``wrap_width``, join wrapped continuation lines."""
    if wrap_width is None:
        # every non-blank line is a unit of its own
        units0 = tuple(map(Unit._make, [(k, ln.index, ln.index, ln.start, ln.end, ln.text, ln.indent,
                                         table_cells(ln.raw))
                                        for k, ln in enumerate([ln for ln in lines if ln.text])]))
        units0 = _join_side_by_side(units0, lines)
        if any(len(ln.raw) >= _LONG_WRAP_MIN_CHARS for ln in lines):
            units0 = _join_long_wrapped(units0, lines)
        source = _source_wrap_width(lines)
        if source is not None:
            units0 = _join_source_wrapped(units0, lines, source)
        else:
            units0 = _join_source_breaks(units0, lines)
        if any("[MATH:" in u.text for u in units0):
            units0 = _join_formulas(units0, lines)
        if any("displaystyle" in u.text for u in units0):
            units0 = _join_token_formulas(units0)
            units0 = tuple(u._replace(text=_without_tex_alt(u.text)) for u in units0)
        units0 = _join_table_rows(units0)
        units0 = _join_measure_cells(units0)
        return _join_drop_caps(units0, lines)
    units: list[Unit] = []
    threshold = None if wrap_width is None else wrap_width * 3 // 4
    current: list[Line] = []

    tight: list[bool] = []  # _tight_mixed_script(lines), read the first time a join needs it

    def is_tight() -> bool:
        if not tight:
            tight.append(_tight_mixed_script(lines))
        return tight[0]

    def flush() -> None:
        if not current:
            return
        first, last = current[0], current[-1]
        text = first.text
        for ln in current[1:]:
            text = _glue(text, ln.text, is_tight)
        cells = table_cells(first.raw) if len(current) == 1 else 0
        units.append(Unit(len(units), first.index, last.index, first.start, last.end, text, first.indent, cells))
        current.clear()

    prev: Line | None = None
    n = len(lines)
    for k, ln in enumerate(lines):
        if not ln.text:
            flush()
            prev = None
            continue
        if (
            threshold is not None
            and prev is not None
            and current
            and (display_width(prev.raw.rstrip()) >= threshold
                 # a line the page's source broke mid-sentence, well short of the column: the next line goes on
                 # with its sentence in lowercase (lxml keeps a source break inside a paragraph)
                 or _continues(prev, ln)
                 # the next line's first word would not have fitted after this line's last one
                 or _word_did_not_fit(prev, ln, wrap_width))
            and not _byline_under(ln, lines[k + 1] if k + 1 < n else None)
            # a rule of box-drawing characters (w3m prints a page's <hr> and a table's frame so) spans the
            # column but ends its block: the text under it starts a unit, and the rule joins no text above it
            and _FRAME_LINE.fullmatch(prev.raw) is None and _FRAME_LINE.fullmatch(ln.raw) is None
            # indented like the paragraph, or centred and going on in lowercase (or in a script
            # without case): w3m centres each line of a centred paragraph, so their indents differ
            and (abs(ln.indent - _body_indent(current)) <= 1
                 or (_CASELESS_OR_LOWER_START.match(ln.text) is not None and _centred(ln, wrap_width)))
            and (not _BULLET_START.match(ln.raw)
                 # an en or em dash continues the sentence unless the unit is itself a dash item
                 or (_DASH_START.match(ln.raw) is not None and not _BULLET_START.match(current[0].raw))
                 # so does a date or an ordinal the wrap put first ("… reichen bis ins" / "19. Jahrhundert zurück")
                 or _ordinal_goes_on(prev, ln, current[0]))
        ):
            current.append(ln)
        else:
            flush()
            current.append(ln)
        prev = ln
    flush()
    units1 = _join_side_by_side(tuple(units), lines)
    if any("displaystyle" in u.text for u in units1):
        units1 = tuple(u._replace(text=_without_tex_alt(u.text)) for u in units1)
    return _join_drop_caps(units1, lines)


_FULL_STOP_END = regex.compile(r"[.!?:;…]['\"’”»)]*$")
_LOWER_START = regex.compile(r"^\p{Ll}")
# a lowercase letter, or a letter of a script without case (Arabic, Hebrew, CJK, Thai ...)
_CASELESS_OR_LOWER_START = regex.compile(r"^(?:\p{Ll}|(?=\p{L})[^\p{Lu}\p{Lt}\p{Latin}\p{Greek}\p{Cyrillic}\p{Armenian}])")
# inscriptis marks the items of a nested list with a lowercase "o"
_O_BULLET = regex.compile(r"^o \S")


def _continues(a: Line, b: Line, lower: bool = True, last_word: bool = False) -> bool:
    """``b`` reads as the next piece of ``a``'s sentence: ``a`` (five words or more) stops
    mid-sentence and ``b`` goes on under it (next line, or after one blank line, as lxml prints
    a source break inside some pages' paragraphs) at the same indent, in lowercase unless
    ``lower`` is false. ``b`` holds a space, or with ``last_word`` it may be one word that ends
    the sentence (``consequat.``)."""
    return (b.index - a.index <= 2 and (not lower or _LOWER_START.match(b.text) is not None)
            and a.text.count(" ") >= 4
            and (" " in b.text or (last_word and _FULL_STOP_END.search(b.text) is not None))
            and _FULL_STOP_END.search(a.text) is None and abs(a.indent - b.indent) <= 1
            and not _BULLET_START.match(b.raw) and _O_BULLET.match(b.text) is None)


# a number and a full stop at a line's start: a numbered list item, or a date or an ordinal a wrap put there
_ORDINAL_START = regex.compile(r"^\s*\d{1,3}\.\s+(\S+\s+){2}\S")


def _ordinal_goes_on(a: Line, b: Line, first: Line) -> bool:
    """Whether line ``b``, which starts like a numbered list item (``19. Jahrhundert zurück. …``), goes on
    with the sentence of line ``a`` above it: a wrap put a date or an ordinal first (German writes them with a
    full stop: ``… reichen bis ins`` / ``19. Jahrhundert zurück``, ``… Einzelfinals am`` / ``11. Februar ab
    11.00 Uhr``). ``a`` stops mid-sentence, ``b`` stands at its indent and has three words or more after the
    number (a title over a bare date, ``… in Bayern 1849`` / ``13. Januar 2015``, stays two units), and the
    unit does not itself start with a bullet or a number (a list item's next item keeps its line)."""
    return (b.indent == a.indent and _ORDINAL_START.match(b.raw) is not None
            and _FULL_STOP_END.search(a.text) is None and not _BULLET_START.match(first.raw))


def _word_did_not_fit(a: Line, b: Line, width: int) -> bool:
    """``b`` goes on with ``a``'s sentence in a dump wrapped at ``width`` columns: ``a`` (five words
    or more) stops mid-sentence and ``b``'s first word (a capitalised noun, a number) would have run
    past the column after ``a``'s last one, so the wrap put it on the next line, at the same indent
    (``… fordern eine`` / ``Existenzgründungsprämie. In einem …``)."""
    if b.index != a.index + 1 or a.text.count(" ") < 4 or _FULL_STOP_END.search(a.text) is not None:
        return False
    if abs(a.indent - b.indent) > 1 or _BULLET_START.match(b.raw) or " " not in b.text:
        return False
    return display_width(a.raw.rstrip()) + 1 + display_width(b.text.split(" ", 1)[0]) > width


def _source_wrap_width(lines: Sequence[Line]) -> int | None:
    """The column at which the page's own HTML source wrapped its paragraphs, or None.

    Some pages keep hard line breaks inside their paragraphs' source, and dumps that keep
    source breaks (lxml, lynx) print them; the dump as a whole is not wrapped, so
    ``detect_wrap_width`` finds nothing. Such a page has many lines that stop mid-sentence
    with the next line going on in lowercase, and those lines end near one column: at least
    five of them, two thirds within 12 columns below the widest of them (which is at most
    100 columns wide).
    """
    widths = []
    prev: Line | None = None
    for ln in lines:
        if not ln.text:
            continue
        if prev is not None and _continues(prev, ln):
            widths.append(_columns(prev.raw.rstrip()))
        prev = ln
    if len(widths) < 5:
        return None
    widths.sort()
    top = widths[-1] if widths[-1] <= 100 else next((w for w in reversed(widths) if w <= 100), 0)
    near = sum(1 for w in widths if top - 12 <= w <= top)
    return top if top >= 40 and near * 3 >= len(widths) * 2 else None


def _join_source_wrapped(units: tuple[Unit, ...], lines: Sequence[Line], width: int) -> tuple[Unit, ...]:
    """Join the lines of a paragraph that the page's source wrapped at ``width`` columns: a line
    that ends within 20 columns of it, stops mid-sentence and is followed by a lowercase
    continuation takes that continuation into its unit. A continuation in capitals
    (``… NumPy,`` / ``SciPy and the future …``) is taken after a comma, or after a line of
    eight words or more that ends in a lowercase word within 8 columns of ``width``."""
    def joins(last: Unit, u: Unit) -> str | None:
        a, b = lines[last.last], lines[u.first]
        wa = _columns(a.raw.rstrip())
        if width - 20 <= wa <= width and (
                _continues(a, b)
                or (_continues(a, b, lower=False)
                    and (a.text.endswith(",") or (wa >= width - 8 and a.text.count(" ") >= 7
                                                   and a.text[-1:].islower())))):
            return _glue(last.text, u.text)
        return None

    return _join_pairs(units, joins)


def _join_source_breaks(units: tuple[Unit, ...], lines: Sequence[Line]) -> tuple[Unit, ...]:
    """Join a source break inside a paragraph of a dump that is not wrapped: a line that stops
    mid-sentence (five words or more, no final mark) and the line right under it (no blank line
    between) that goes on in lowercase at the same indent are one unit, also when that line is a
    last word with its full stop (``… ex ea commodo`` / ``consequat.``), when the run of such lines
    ends a sentence (its last line ends with a final mark).

    ``_source_wrap_width`` finds a page whose source wraps its paragraphs at one column; a page that
    breaks a paragraph only here and there (at a link, a ``<br>``, a tag lxml prints as a break) has
    too few such lines, or at columns too far apart. A title over a lowercase byline, date or
    dateline (``… Floating-Offshore-Windfarmen`` / ``von Tilman Weber``, ``… im ersten Test`` /
    ``vor 11 Minuten``) stops mid-sentence too, but its run does not end like a sentence.
    """
    def pair(a: Line, b: Line) -> bool:
        return b.index == a.index + 1 and _continues(a, b, last_word=True)

    out: list[Unit] = []
    k, n = 0, len(units)
    while k < n:
        j = k
        while j + 1 < n and pair(lines[units[j].last], lines[units[j + 1].first]):
            j += 1
        first = units[k]
        if j > k and _SENTENCE_END.search(units[j].text) is not None:
            text = first.text
            for u in units[k + 1:j + 1]:
                text = _glue(text, u.text)
            out.append(Unit(len(out), first.first, units[j].last, first.start, units[j].end, text, first.indent))
        else:
            for u in units[k:j + 1]:
                _put(out, u)
        k = j + 1
    return tuple(out)


# a sentence's end: a full stop, question or exclamation mark or ellipsis, before closing quotes or brackets
_SENTENCE_END = regex.compile(r"[.!?…]['\"’”»)\]]*$")


def _put(out: list[Unit], u: Unit) -> None:
    """Append ``u`` to ``out`` as its next unit (its ``index`` the place it takes there)."""
    out.append(u if u.index == len(out) else u._replace(index=len(out)))


def _join_pairs(units: tuple[Unit, ...], joins: Callable[[Unit, Unit], str | None]) -> tuple[Unit, ...]:
    """Units where ``joins(last, u)`` gives the joined text of the unit built so far and the next one
    merged into one unit (spanning both), renumbered; None keeps ``u`` a unit of its own."""
    out: list[Unit] = []
    for u in units:
        if out:
            last = out[-1]
            text = joins(last, u)
            if text is not None:
                out[-1] = Unit(last.index, last.first, u.last, last.start, u.end, text, last.indent)
                continue
        _put(out, u)
    return tuple(out)


# lynx -dump -width=1000 breaks a paragraph longer than its line of 1,000 bytes (sometimes inside
# a word); the rest goes on on the next line at the paragraph's indent
_LONG_WRAP_BYTES = 1000
_LONG_WRAP_MIN_BYTES = 900
_LONG_WRAP_MIN_CHARS = _LONG_WRAP_MIN_BYTES // 4


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _join_long_wrapped(units: tuple[Unit, ...], lines: Sequence[Line]) -> tuple[Unit, ...]:
    """Join a paragraph that lynx broke at its line length of 1,000 bytes.

    ``lynx -dump -width=1000`` prints each paragraph on one line, but one longer than that
    goes on on the next line, with no blank line between, at the paragraph's indent (under
    the text of a bullet item). A line of 900 to 1,010 bytes (UTF-8) with a space in it takes
    the line directly under it into its unit when that line's first word would not have fitted
    on it (the two together pass 1,000 bytes) and it is not a bullet. On the dev dumps nearly
    every such pair is in a lynx dump (about 200 of the 990 trafilatura lynx dumps have one);
    a line that would have fitted is a line break of the page's own (``… beitragen.»`` /
    ``Publiziert: 03.04.2020``).
    """
    def joins(last: Unit, u: Unit) -> str | None:
        a, b = lines[last.last], lines[u.first]
        size = _utf8_size(a.raw.rstrip())
        if (b.index == a.index + 1 and _LONG_WRAP_MIN_BYTES <= size <= _LONG_WRAP_BYTES + 10
                and size + 1 + _utf8_size(b.text.split(" ", 1)[0]) > _LONG_WRAP_BYTES
                and " " in a.text
                and abs(b.indent - _body_indent([lines[last.first]] if last.first == last.last
                                                else [lines[last.first], a])) <= 1
                and not _BULLET_START.match(b.raw)):
            return last.text + " " + u.text
        return None

    return _join_pairs(units, joins)


# MathML printed as markup (lynx: "[MATH: <mi> a </mi> <mo> ≠ </mo> <mn> 0 </mn> :MATH]")
_MATH_BLOCK = regex.compile(r"\[MATH:(.*?)(?::MATH\]|$)", regex.S)
_MATH_ANNOTATION = regex.compile(r"<annotation(?:-xml)?\b[^>]*>.*?(?:</annotation(?:-xml)?>|$)", regex.S)
_TEX_ANNOTATION = regex.compile(r'<annotation\b[^>]*encoding="application/x-tex"')
_TAG = regex.compile(r"</?[A-Za-z][^<>]*>|^[^<>]*>|<[^<>]*$")
_SPACES = regex.compile(r"\s+")


def _render_math(match: regex.Match[str]) -> str:
    """A MathML formula printed as markup, as a browser shows it: the text of its elements.

    A formula that carries its TeX source as an annotation is the hidden, accessible copy of a
    formula the page shows otherwise (MediaWiki shows an image whose alt text is the TeX,
    KaTeX its own HTML); it is left out, as a browser leaves it out.
    """
    inner = match.group(1)
    if _TEX_ANNOTATION.search(inner):
        return " "
    inner = _MATH_ANNOTATION.sub(" ", inner)
    return " " + _SPACES.sub(" ", _TAG.sub(" ", inner)).strip() + " "


def _math_text(text: str) -> str:
    out = _SPACES.sub(" ", _MATH_BLOCK.sub(_render_math, text)).strip()
    return regex.sub(r" (?=[,.;:!?])", "", out)


def _join_formulas(units: tuple[Unit, ...], lines: Sequence[Line]) -> tuple[Unit, ...]:
    """Glue MathML formulas printed as markup back into their paragraph and show their text.

    lynx prints a formula on a line of its own, as markup between ``[MATH:`` and ``:MATH]``,
    with the text before and after it on the lines directly above and below. Such a unit is
    joined with the units on the lines directly above and below it at the same indent, and
    the formula's markup is replaced by its text (``When a ≠ 0 , there are two solutions``).
    """
    out: list[Unit] = []
    math_last = False
    for u in units:
        math = "[MATH:" in u.text
        if out and (math or math_last):
            last = out[-1]
            if u.first == last.last + 1 and abs(u.indent - last.indent) <= 1:
                out[-1] = Unit(last.index, last.first, u.last, last.start, u.end, last.text + " " + u.text,
                               last.indent)
                math_last = math
                continue
        _put(out, u)
        math_last = math
    return tuple(u._replace(text=_math_text(u.text) or u.text) if "[MATH:" in u.text else u for u in out)


# the TeX source of a formula printed as the alt text of its image (MediaWiki: "{\\displaystyle A^{H}}");
# w3m may wrap the line inside it ("{\\" / "displaystyle …")
_TEX_ALT_START = regex.compile(r"\{\\ ?displaystyle\b")


_TEX_ONLY = regex.compile(r"^\{\\ ?displaystyle\b.*\}\W*$")
# a token of a formula printed one element a line: a letter, a digit, a sign, "exp"
_FORMULA_TOKEN_CHARS = 4


def _join_token_formulas(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Glue formulas printed one element a line back into their sentence.

    lxml prints each element of a MathML formula on a line of its own (``p`` / ``i`` / ``j``),
    then the TeX alt text of the formula's image (``{\\displaystyle p_{ij}}``), with the
    sentence around it on the lines before and after. A run of such short units (at most four
    characters each, one blank line apart at most) that ends in a unit of TeX only is one
    formula: it joins the unit before it and, when that goes on in lowercase or with a
    punctuation mark, the unit after it. The formula's elements are the hidden, accessible copy
    of a formula the page shows as an image, and are left out of the unit's text with its TeX
    (a formula on its own keeps its TeX, for ``core:NV014``).
    """
    n = len(units)
    role = ["text"] * n
    for i, u in enumerate(units):
        if _TEX_ONLY.match(u.text):
            role[i] = "tex"
            j = i - 1
            while (j >= 0 and role[j] == "text" and len(units[j].text) <= _FORMULA_TOKEN_CHARS
                   and units[j + 1].first - units[j].last <= 2):
                role[j] = "token"
                j -= 1
    if "token" not in role:
        return units
    out: list[Unit] = []
    texts: list[list[str]] = []
    ends_formula = False
    for i, u in enumerate(units):
        near = bool(out) and u.first - out[-1].last <= 2
        if near and (role[i] != "text" or (ends_formula and _GOES_ON.match(u.text) is not None)):
            last = out[-1]
            out[-1] = Unit(last.index, last.first, u.last, last.start, u.end, last.text, last.indent)
            if role[i] == "text":
                texts[-1].append(u.text)
            ends_formula = role[i] != "text"
            continue
        _put(out, u)
        texts.append([u.text] if role[i] == "text" else [])
        ends_formula = role[i] != "text"
    return tuple(o._replace(text=" ".join(t)) if t and (o.first != o.last or t[0] != o.text) else o
                 for o, t in zip(out, texts))


# the next piece of a sentence: lowercase, or a punctuation mark that goes on
_GOES_ON = regex.compile(r"^(?:\p{Ll}|[,.;:)])")


def _without_tex_alt(text: str) -> str:
    """``text`` without the TeX alt text of formula images (``{\\displaystyle …}``, braces
    balanced), which text browsers print where a browser shows the image; a unit that is only
    such TeX keeps it (there is nothing else to label)."""
    out: list[str] = []
    pos = 0
    while True:
        m = _TEX_ALT_START.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        k = m.start()
        depth = 0
        end = len(text)
        for j in range(k, len(text)):
            c = text[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    end = j + 1
                    break
        out.append(text[pos:k])
        pos = end
    rest = _SPACES.sub(" ", "".join(out)).strip()
    rest = regex.sub(r" (?=[,.;:!?])", "", rest)
    return rest if regex.search(r"\w", rest) else text


# a table cell that holds a quantity: a number with at most two more words ("1947", "71.1 MB",
# "13.4 MB (-81%)"); not a date or a time, which teaser lists print under each title
_TABLE_DIGIT = re.compile(r"\d")
_TABLE_DATE = regex.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d:\d\d|(?:19|20)\d\d\D+\d|\d\D+(?:19|20)\d\d")
# a list number or a count alone ("1.", "(22)", "12"): a ranked or numbered list, not a quantity
_TABLE_MARKER = regex.compile(r"^[(\[#]?\d{1,3}[.)\]]?$")
_TABLE_WORD = regex.compile(r"\p{L}{3}")
_TABLE_NUMBER = regex.compile(r"[\d.,\s]+")
# the words with letters in a cell: a quantity has at most one (its unit: "MB", "kcal", "Mio.")
_TABLE_LETTERS = regex.compile(r"\S*\p{L}\S*")
_TABLE_MIN_ROWS = 3
_TABLE_HEAD_WORDS = 12
_TABLE_LABEL_WORDS = 6
_TABLE_QUANTITY_CHARS = 24
# two columns (a title and its time, "vor 1 Woche") are as often a list of teasers as a table
_TABLE_MIN_COLUMNS = 3
_TABLE_MAX_COLUMNS = 8
_TABLE_CELL_UNITS = 8


def _cell_kind(text: str) -> str:
    """"N" and the quantity's unit for a cell that holds a quantity ("N" for "1947", "NMB" for
    "71.1 MB"), "T" for a cell of text, "X" for anything else (a list number, a date, a symbol)."""
    if (_TABLE_DIGIT.search(text) is not None and text.count(" ") <= 2 and len(text) <= _TABLE_QUANTITY_CHARS
            and len(_TABLE_LETTERS.findall(text)) <= 1):
        if _TABLE_DATE.search(text) or _TABLE_MARKER.match(text):
            return "X"
        # a column of quantities shares its unit: "71.1 MB" and "32.7 MB" are both "N MB"
        return "N" + _TABLE_NUMBER.sub("", text)
    return "T" if _TABLE_WORD.search(text) else "X"


def _join_table_rows(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Join the cells of a table that the dump printed one cell to a block back into rows.

    lxml prints each cell of a table as a block of its own, a blank line apart (``Repeat
    Performance`` / ``1947`` / ``A woman who shot her husband …``), where a browser prints a row
    on one line. A run of blocks (one or two adjacent units each, one blank line apart) whose
    kinds, a quantity or other text, repeat with a period of 2 to 8 columns for at least three
    rows, with at least one column of quantities and one of text in each row, is such a table;
    each row becomes one unit, its cells joined by spaces.
    """
    n = len(units)
    if n < 2 * _TABLE_MIN_ROWS:
        return units
    blocks, texts = _blocks(units)
    kinds = [_cell_kind(t) if b - a < _TABLE_CELL_UNITS else "X" for t, (a, b) in zip(texts, blocks)]
    if sum(1 for c in kinds if c[0] == "N") < _TABLE_MIN_ROWS:
        return units
    # a blank line between two blocks (exactly one) keeps them in one run
    linked = [units[blocks[j + 1][0]].first - units[blocks[j][1]].last == 2 for j in range(len(blocks) - 1)]
    def short(first: int, k: int) -> bool:
        """Every cell of the row but the last is short: only a table's last column holds prose."""
        return all(texts[i].count(" ") < _TABLE_HEAD_WORDS for i in range(first, first + k - 1))

    def header(first: int, k: int) -> bool:
        """The k blocks above the first row are a header: short labels without a quantity. (A run
        that goes on under a table found already, at most two rows of other cells below it, needs
        none: a row whose first cell is a time, "12:01 PM", breaks the run.)"""
        if first < k or not all(linked[first - k:first]):
            return False
        return all(kinds[i] == "T" and texts[i].count(" ") < _TABLE_LABEL_WORDS
                   and _FULL_STOP_END.search(texts[i]) is None for i in range(first - k, first))

    rows: list[tuple[int, int]] = []  # (first block, last block) of each row to join
    j = 0
    nb = len(blocks)
    while j < nb:
        best = 0
        best_k = 0
        for k in range(_TABLE_MIN_COLUMNS, _TABLE_MAX_COLUMNS + 1):
            sig = kinds[j:j + k]
            if (len(sig) < k or sig[0] != "T" or "X" in sig or not any(c[0] == "N" for c in sig)
                    or not short(j, k)):
                continue
            if not (header(j, k) or (rows and rows[-1][1] >= j - 1 - 2 * k)):
                continue
            if not all(linked[j:j + k - 1]):
                continue
            r = 1
            while (j + (r + 1) * k <= nb and kinds[j + r * k:j + (r + 1) * k] == sig
                   and all(linked[j + r * k - 1:j + (r + 1) * k - 1]) and short(j + r * k, k)):
                r += 1
            # each row is named by its first cell: a column of repeated labels ("© Shutterstock", a
            # section name) is a run of teaser cards, not a table (a name may recur: a film and its remake)
            if len({texts[j + i * k] for i in range(r)}) * 4 < r * 3:
                continue
            if r >= _TABLE_MIN_ROWS and r * k > best * max(best_k, 1):
                best, best_k = r, k
        if best:
            for r in range(best):
                rows.append((j + r * best_k, j + (r + 1) * best_k - 1))
            j += best * best_k
        else:
            j += 1
    if not rows:
        return units
    join_to: dict[int, int] = {}  # unit index -> last unit index of its row (for each row's first unit)
    for a, b in rows:
        join_to[blocks[a][0]] = blocks[b][1]
    return _join_spans(units, join_to)


def _join_drop_caps(units: tuple[Unit, ...], lines: Sequence[Line]) -> tuple[Unit, ...]:
    """Glue a drop cap back onto its paragraph.

    A unit that is one capital letter, directly followed (no blank line between) at the same
    indent by a unit that opens in lowercase and goes on as prose, becomes one unit with it. The
    letter is glued to the word (``E`` + ``xercice: après …`` → ``Exercice: après …``) unless the
    page uses that letter as a word of its own (``I`` + ``am a rather …`` → ``I am a rather …``,
    ``A`` + ``web editor …``): three or more lowercase or capital occurrences of it between spaces
    elsewhere in the text.
    """
    if not any(len(u.text) == 1 for u in units):
        return units
    out: list[Unit] = []
    page: str | None = None
    k = 0
    while k < len(units):
        u = units[k]
        nxt = units[k + 1] if k + 1 < len(units) else None
        if (nxt is not None and len(u.text) == 1 and u.text.isupper() and u.last + 1 == nxt.first
                and abs(u.indent - nxt.indent) <= 1 and len(nxt.text) >= 20
                and _DROP_CAP_REST.match(nxt.text)):
            if page is None:
                page = " ".join(ln.text for ln in lines)
            letter = regex.escape(u.text)
            word = len(regex.findall(rf"(?<=\s)(?i:{letter})(?=\s)", page)) >= 3
            text = u.text + (" " if word else "") + nxt.text
            out.append(Unit(len(out), u.first, nxt.last, u.start, nxt.end, text, u.indent))
            k += 2
            continue
        _put(out, u)
        k += 1
    return tuple(out)


def _centred(ln: Line, width: int) -> bool:
    """The line stands in the middle of the wrap width, as w3m prints a centred paragraph."""
    return ln.indent > 1 and abs(2 * ln.indent + _columns(ln.raw.strip()) - width) <= 6


def _byline_under(ln: Line, following: Line | None) -> bool:
    """``ln`` is a byline printed right under a paragraph, not the paragraph's last line: it opens with
    'By', 'Von', 'Par', 'Por' or 'Door' and a capital, has at most six words and no sentence end, and ends
    its block (a blank line or the end of the dump follows)."""
    return (_BYLINE_START.match(ln.text) is not None and (following is None or not following.text)
            and len(ln.text.split()) <= 6 and _CLAUSE_END.search(ln.text) is None)


def _body_indent(current: Sequence[Line]) -> int:
    """The indent continuation lines share: a bullet's text hangs under its first word."""
    first = current[0]
    if len(current) > 1:
        return current[-1].indent
    m = _BULLET_START.match(first.raw)
    return m.end() if m else first.indent


# Side-by-side columns (session 10). w3m lays a table's cells out next to each other, so a page built
# as a table prints its article's column and a sidebar (or two columns of text) on the same lines:
# each line holds a piece of each column, apart by a gap of blanks or a box-drawing bar.
# a column's piece on one line: text with at most two blanks in a row, no bar
_COLUMN_PIECE = re.compile(r"[^ │]+(?: {1,2}[^ │]+)*")
# a line of a table's frame only: box-drawing characters and blanks
_FRAME_LINE = re.compile(r"[ \u2500-\u257f]*[\u2500-\u257f][ \u2500-\u257f]*")
# a gap of three blanks or more between two pieces of text on a line
_INNER_GAP = re.compile(r"\S {3,}\S")
_SIDE_MIN_LINES = 3  # lines with text in two columns at least
_SIDE_MIN_WRAPS = 2  # line pairs at least where a column's text wraps on to the next line


def _column_pieces(raw: str) -> list[tuple[int, int, str]]:
    """The pieces of text on a line as (start column, end column, text), apart by 3+ blanks or a bar."""
    out = []
    for m in _COLUMN_PIECE.finditer(raw):
        start = _columns(raw[:m.start()])
        out.append((start, start + _columns(m.group()), m.group()))
    return out


def _piece_wraps(a: str, b: str) -> bool:
    """``b`` goes on with ``a``'s sentence in the next line of one column: ``a`` holds three words or
    more (or ten characters of a script without spaces) and no final mark, ``b`` opens in lowercase
    or a script without case."""
    if _FULL_STOP_END.search(a) is not None or _CASELESS_OR_LOWER_START.match(b) is None:
        return False
    return a.count(" ") >= 2 or len(_NO_SPACE_SCRIPT.findall(a)) >= 10


def _bars(raw: str) -> tuple[int, ...]:
    """The columns of a line's box-drawing bars (``│``), as w3m frames a table's cells."""
    out = []
    at = 0
    for part in raw.split("│")[:-1]:
        at += _columns(part)
        out.append(at)
        at += 1
    return tuple(out)


def _row_cells(raw: str, starts: Sequence[int], bars: tuple[int, ...]) -> list[str] | None:
    """The text of each column on one line of a run (``starts``: the columns' first columns; with
    ``bars``, the cells between the bars), or None when a piece of text does not keep to them."""
    if bars:
        if _bars(raw) != bars:
            return None
        cells = [""] * (len(bars) - 1)
        for s, e, text in _column_pieces(raw):
            col = next((c for c in range(len(bars) - 1) if bars[c] < s and e <= bars[c + 1]), None)
            if col is None:
                return None
            cells[col] = _glue(cells[col], normalise(text)) if cells[col] else normalise(text)
        return cells
    cells = [""] * len(starts)
    for s, e, text in _column_pieces(raw):
        col = next((c for c, at in enumerate(starts) if abs(s - at) <= 1), None)
        if col is None or (col + 1 < len(starts) and e > starts[col + 1] - 2) or cells[col]:
            return None
        cells[col] = normalise(text)
    return cells


def _side_by_side_runs(lines: Sequence[Line]) -> list[tuple[int, int, str]]:
    """The runs of lines that print two or more columns of text side by side, as (first line, last
    line, the columns' text read one column after the other).

    A run is a block of lines (no blank line in it) whose pieces of text all start at the columns
    of its first line's pieces (within one column) and end before the next of them, or that all
    have a table's bars (``│``) at the same columns, each piece between two of them; the table's
    frame lines right above and under it belong to it. It counts when three lines or more hold
    text in two columns and a column's text wraps on to the next line (a piece that goes on in
    lowercase under one of three words or more) twice or more: two columns of prose, not a table
    of data or a grid of links. Each column's pieces are glued back into paragraphs (a line with
    nothing in the column ends one).
    """
    out: list[tuple[int, int, str]] = []
    # the lines a run can start on: a bar, or a gap of three blanks inside the text
    starts_at = [k for k, ln in enumerate(lines)
                 if "│" in ln.raw or (ln.raw.find("   ", ln.indent) >= 0 and _INNER_GAP.search(ln.raw) is not None)]
    n = len(lines)
    k = 0
    for at, k0 in enumerate(starts_at):
        if k0 < k:
            continue
        # three lines of the block at least hold a gap or a bar: the third such line comes before a blank one
        if at + 2 >= len(starts_at) or not all(lines[m].text for m in range(k0 + 1, starts_at[at + 2])):
            continue
        k = k0
        ln = lines[k]
        bars = _bars(ln.raw) if "│" in ln.raw else ()
        starts = [p[0] for p in _column_pieces(ln.raw)]
        if len(bars) < 3 and (bars or len(starts) < 2):
            k += 1
            continue
        rows: list[list[str]] = []
        j = k
        while j < n and lines[j].text:
            cells = _row_cells(lines[j].raw, starts, bars)
            if cells is None:
                break
            rows.append(cells)
            j += 1
        both = sum(1 for cells in rows if sum(1 for c in cells if c) >= 2)
        wraps = sum(1 for a, b in zip(rows, rows[1:]) for x, y in zip(a, b) if x and y and _piece_wraps(x, y))
        if len(rows) < _SIDE_MIN_LINES or both < _SIDE_MIN_LINES or wraps < _SIDE_MIN_WRAPS:
            k = max(k + 1, j)  # a run starting inside this block keeps to the same columns or fewer
            continue
        lo, hi = k, j - 1
        if lo > 0 and lines[lo - 1].text and _FRAME_LINE.fullmatch(lines[lo - 1].raw):
            lo -= 1
        if hi + 1 < n and lines[hi + 1].text and _FRAME_LINE.fullmatch(lines[hi + 1].raw):
            hi += 1
        paragraphs: list[str] = []
        for col in range(len(rows[0])):
            text = ""
            for cells in rows:
                if cells[col]:
                    text = _glue(text, cells[col]) if text else cells[col]
                elif text:
                    paragraphs.append(text)
                    text = ""
            if text:
                paragraphs.append(text)
        out.append((lo, hi, " ".join(paragraphs)))
        k = j
    return out


def _join_side_by_side(units: tuple[Unit, ...], lines: Sequence[Line]) -> tuple[Unit, ...]:
    """One unit for each run of side-by-side columns (``_side_by_side_runs``) whose lines are whole
    units, its text read column after column; the text of a column that wrapped reads as one
    paragraph, not broken on every line by the other column's pieces."""
    runs = _side_by_side_runs(lines)
    if not runs:
        return units
    out: list[Unit] = []
    k = 0
    for lo, hi, text in runs:
        while k < len(units) and units[k].last < lo:
            _put(out, units[k])
            k += 1
        j = k
        while j < len(units) and units[j].first <= hi:
            j += 1
        inside = units[k:j]
        if inside and inside[0].first == lo and inside[-1].last == hi:
            first = inside[0]
            out.append(Unit(len(out), lo, hi, first.start, inside[-1].end, text, first.indent))
            k = j
    for u in units[k:]:
        _put(out, u)
    return tuple(out)


# a character of a script written without spaces right against a Latin letter or a digit, or apart from
# it by one space (``利用者が指定したWi-Fi``, ``指定した Wi-Fi``)
_MIXED_TIGHT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}][A-Za-z0-9]|[A-Za-z0-9][\p{Han}\p{Hiragana}\p{Katakana}]")
_MIXED_SPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}] [A-Za-z0-9]|[A-Za-z0-9] [\p{Han}\p{Hiragana}\p{Katakana}]")


def _tight_mixed_script(lines: Sequence[Line]) -> bool:
    """The page writes Latin words and numbers right against CJK characters (``フリーWi-Fiの利用``),
    not apart by a space (``使用 Python 进行``): inside its lines, five or more such places and at
    least four times as many as spaced ones. A wrap between such a character and a Latin word then
    cut no space out (w3m breaks CJK text anywhere)."""
    tight = spaced = 0
    for ln in lines:
        text = ln.text
        if not text or text.isascii():
            continue
        tight += len(_MIXED_TIGHT.findall(text))
        spaced += len(_MIXED_SPACED.findall(text))
    return tight >= 5 and tight >= 4 * spaced


# a recipe's measures after a quantity: metric and kitchen units in the languages of the built-in packs (core:BD013
# reads an ingredient line with them, and milligrams too)
KITCHEN_MEASURES = (
    r"g|gr|kg|ml|l|cl|dl|Msp|Pck|Pkg|Päckchen|Prisen?|Becher|Dosen?|Dose/n|Bund|Zehen?|Zehe/n|"
    r"Scheiben?|Scheibe/n|Tassen?|Handvoll|Spritzer|Tropfen|Stangen?|Zweige?|cups?|tbsp|tsp|Tbsp|Tsp|"
    r"tablespoons?|teaspoons?|oz|ounces?|lbs?|pounds?|cloves?|pinch(?:es)?|cans?|sticks?|slices?|bunch(?:es)?|"
    r"sprigs?|łyżk[aię]|łyżeczk[aię]|szklank[aię]|cuillères?|cucharadas?|cucharaditas?|tazas?|cucchiai[on]?|"
    r"cucchiaini?")
# a recipe's quantity printed as a cell of its own: a number (a fraction, a range) and at most a kitchen measure
# ("125 g", "1 Pck.", "2 Dose/n", "½ TL", "3", "1-2"), a level or heaped spoon and a bag ("2 gestr. TL", "3 Btl.")
# too, and not milligrams (a nutrition table's)
_MEASURES = r"(?:gestr\.\s*|geh\.\s*)?(?:EL|TL)|Btl|Beutel|" + KITCHEN_MEASURES
_MEASURE_CELL = regex.compile(
    r"(?:\d+(?:[.,/]\d+)?(?:\s*[½¼¾⅓⅔⅛])?|[½¼¾⅓⅔⅛]|\d+\s*[-–]\s*\d+)"
    r"(?:\s*(?:" + _MEASURES + r")\.?)?")
# what a bare number measures may name its measure first ("1/4" / "cup butter")
_MEASURE_FIRST = regex.compile(r"(?:" + _MEASURES + r")\.?(?=\s|$)")
# what it measures: a word, and a short line
_MEASURED = regex.compile(r"^\(?\p{L}{2}")
_MEASURED_WORDS = 10
# pairs in a run at least, and how many of them name a measure (a bare count, "3" / "Eier", is not enough alone)
_MEASURE_MIN_PAIRS = 3
_MEASURE_MIN_UNITS = 2
_MEASURE_CELL_UNITS = 2


def _join_measure_cells(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Join a recipe's ingredient list that the dump printed one cell to a block back into its rows.

    lxml prints a recipe's ingredient table (a quantity and what it measures in each row) as one block per
    cell, a blank line apart (``125 g`` / ``Mehl`` / ``65 g`` / ``Zucker``), sometimes with the number and its
    measure on two adjacent lines (``350`` / ``g``), where a browser prints ``125 g⇥Mehl``. A run of at least
    three such pairs, each a quantity block (a number and at most a kitchen measure, at most two adjacent
    units) and the text block right after it (one blank line apart, starting with a word, at most ten words),
    two of them with a measure (``125 g``, or ``1/4`` over ``cup butter``), becomes one unit a row
    (``125 g Mehl``), which core:BD013 reads as the recipe's ingredient line. A heading inside the list
    (``Belag:``) ends a run and stays a unit of its own. A run with a quantity right under its last text is a
    table of labels over their quantities read one cell late (a nutrition table) and stays apart.
    """
    n = len(units)
    if n < 2 * _MEASURE_MIN_PAIRS or not any((u.text[:1].isdigit() or u.text[:1] in "½¼¾⅓⅔⅛")
                                             and _MEASURE_CELL.fullmatch(u.text) for u in units):
        return units
    blocks, texts = _blocks(units)
    nb = len(blocks)

    def linked(j: int) -> bool:  # block j + 1 stands one blank line under block j
        return units[blocks[j + 1][0]].first - units[blocks[j][1]].last == 2

    def pair(j: int) -> bool:  # blocks j and j + 1 are a quantity and what it measures
        if j + 1 >= nb:
            return False
        a, b = blocks[j]
        return (b - a < _MEASURE_CELL_UNITS and _MEASURE_CELL.fullmatch(texts[j]) is not None
                and linked(j) and blocks[j + 1][0] == blocks[j + 1][1]
                and _MEASURED.match(texts[j + 1]) is not None
                and len(texts[j + 1].split()) <= _MEASURED_WORDS)

    def quantity(j: int) -> bool:
        return _MEASURE_CELL.fullmatch(texts[j]) is not None or _cell_kind(texts[j])[0] == "N"

    def shifted(last: int) -> bool:
        """The run is a table of labels and their quantities read one cell late (``Fett`` / ``2 g`` /
        ``Eiweiß`` / ``10 g``, a nutrition table): a quantity stands right under its last text."""
        return last + 1 < nb and linked(last) and quantity(last + 1)

    join_to: dict[int, int] = {}
    j = 0
    while j < nb:
        run = []
        while pair(j) and (not run or linked(j - 1)):
            run.append(j)
            j += 2
        if (len(run) >= _MEASURE_MIN_PAIRS
                and sum(1 for i in run if any(c.isalpha() for c in texts[i])
                        or _MEASURE_FIRST.match(texts[i + 1])) >= _MEASURE_MIN_UNITS
                and not shifted(run[-1] + 1)):
            for i in run:
                join_to[blocks[i][0]] = blocks[i + 1][1]
        if not run:
            j += 1
    if not join_to:
        return units
    return _join_spans(units, join_to)


def _join_spans(units: tuple[Unit, ...], join_to: dict[int, int]) -> tuple[Unit, ...]:
    """``units`` with each unit ``k`` of ``join_to`` joined with the units after it up to ``join_to[k]``
    (their texts a space apart), the others kept as they are."""
    out: list[Unit] = []
    k = 0
    n = len(units)
    while k < n:
        u = units[k]
        end = join_to.get(k)
        if end is not None:
            text = " ".join(units[i].text for i in range(k, end + 1))
            last = units[end]
            out.append(Unit(len(out), u.first, last.last, u.start, last.end, text, u.indent))
            k = end + 1
            continue
        _put(out, u)
        k += 1
    return tuple(out)


def _blocks(units: tuple[Unit, ...]) -> tuple[list[tuple[int, int]], list[str]]:
    """The runs of directly adjacent units, as ``(first unit, last unit)``, and the text of each (its units' texts
    a space apart)."""
    blocks: list[tuple[int, int]] = []
    for k, u in enumerate(units):
        if blocks and units[blocks[-1][1]].last + 1 == u.first:
            blocks[-1] = (blocks[-1][0], k)
        else:
            blocks.append((k, k))
    return blocks, [" ".join(units[i].text for i in range(a, b + 1)) for a, b in blocks]
