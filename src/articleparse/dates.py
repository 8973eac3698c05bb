"""Find the dates in one line of a plain-text news dump.

The finder is data-driven: every word it knows (month names, weekdays,
"Published"/"Updated" labels, relative phrases such as "2 hours ago") comes
from the ``dates.toml`` file of a language pack.  The tables of several
languages are merged into one :class:`DateLexicon`, which compiles its
patterns once and then answers :meth:`DateLexicon.find` for every line::

    >>> lex = DateLexicon.for_languages(["en"])
    >>> [m.value.isoformat() for m in lex.find("By Jane Doe | Updated: Nov 9, 2022")]
    ['2022-11-09']
    >>> lex.find("By Jane Doe | Updated: Nov 9, 2022")[0].role
    'updated'

What is recognised
------------------
* named months in day-month-year, month-day-year and year-month-day order
  ("9 November 2022", "Nov. 9, 2022", "9 de noviembre de 2022",
  "2022. november 9."), with ordinal suffixes, joiners and year suffixes
  from the tables, an optional weekday before or after, and an optional
  clock time and time zone after;
* numeric dates ("2022-11-09", "09/11/2022", "9.11.2022", "09.11.22",
  "2022.11.09 14:30", ISO 8601 with ``T`` and an offset);
* CJK dates built from the year/month/day markers of the tables
  ("2022年11月9日", "2022년 11월 9일") and Japanese era years ("令和4年");
* dates without a year ("Nov 9 (Reuters)", "11月9日"): ``value`` is None,
  ``has_year`` False and ``month``/``day`` are set, so the caller can
  complete them;
* relative dates ("2 hours ago", "vor 2 Stunden", "yesterday", "2小时前"),
  resolved against ``now`` when it is given.  A bare word such as "today"
  or "hier" only counts when it stands alone between separators, after a
  label, or before a clock time, since it is an everyday word otherwise.

What is rejected
----------------
Impossible dates (Feb 30), years outside 1990-2100, bare years and year
ranges ("© 2000-2022"), times alone, phone numbers, version strings,
scores, prices and ISBNs: every numeric form needs three fields with one
consistent separator and guards on both sides against further digits.

Table format (``packs/<lang>/dates.toml``)
------------------------------------------
Every key is optional::

    order = "mdy"                 # how 01/02/2022 is read: dmy or mdy (ymd counts as dmy)
    weekdays = ["monday", "mon"]
    published = ["published", "posted on"]   # labels that make a date the publication date
    updated = ["updated", "last updated"]    # labels that make it the update date
    day_suffixes = ["st", "nd", "rd", "th"]  # after the day number ("9th", "1er")
    joiners = ["of"]              # between day, month and year ("9 de noviembre de 2022")
    year_suffixes = ["г."]        # after the year ("2022 г.")
    at = ["at"]                   # between the date and the clock time
    time_suffixes = ["uhr"]       # after the clock time ("14:30 Uhr")
    [months]                      # name -> month number (or a list of 12 lists of names)
    january = 1
    [eras]                        # era name -> Gregorian year of its first year
    "令和" = 2019
    [ampm]                        # after the time ("4:30 PM")
    am = ["am", "a.m."]
    pm = ["pm", "p.m."]
    [ampm_before]                 # before the time ("下午2:30")
    pm = ["下午"]
    [markers]                     # CJK year/month/day markers
    year = ["年"]
    month = ["月"]
    day = ["日"]
    [relative]
    now = ["just now"]
    today = ["today"]
    yesterday = ["yesterday"]
    day_before_yesterday = []
    ago_before = []               # before the number ("vor", "il y a", "hace")
    ago_after = ["ago"]           # after the unit ("ago", "назад", "前")
    numbers = { a = 1, an = 1 }   # number words usable instead of digits ("an hour ago")
    [relative.units]              # unit -> words; units: second minute hour day week month year
    hour = ["hour", "hours"]
    [relative.units_ago]          # unit words that mean "... ago" on their own (hu "2 órája")
    hour = ["órája"]

How it stays fast
-----------------
:meth:`DateLexicon.find` runs on every short line of millions of documents,
so it never searches a line with a big pattern.  A date with a number is
looked for only at the runs of digits: each run is tried as the start of a
date, and the (at most three) words right before it are looked up in sets
to see whether a month, a weekday, "vor"/"il y a" or an era opens the date
there.  Only then is one small pattern *matched* at that offset.  Word-only
relative dates ("yesterday", "an hour ago") are found the same way from
their gate words.  A line with no digit and no gate word returns at once.
Every pattern uses bounded repetitions only, word lists are compiled into
character tries (no repetition at all), and no repetition is applied to a
group that itself repeats (optional groups, taken at most once, aside), so
each match is linear in the length of the line.
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib.resources
import re
import string
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import attrs
import regex

from .errors import PackError, PackNotFoundError

if sys.version_info >= (3, 11):
    import tomllib as _toml
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as _toml

__all__ = ["MAX_YEAR", "MIN_YEAR", "DateLexicon", "DateMatch", "load_table"]

# Earliest and latest year accepted: older or later years in a news dump are
# history or fiction, not the date of the article.
MIN_YEAR = 1990
MAX_YEAR = 2100

_ORDERS = ("dmy", "mdy")

# Unit -> timedelta of one unit.  Months and years are approximated: a
# relative date is only ever resolved to a calendar day.
_UNIT_DELTAS = {
    "second": _dt.timedelta(seconds=1),
    "minute": _dt.timedelta(minutes=1),
    "hour": _dt.timedelta(hours=1),
    "day": _dt.timedelta(days=1),
    "week": _dt.timedelta(weeks=1),
    "month": _dt.timedelta(days=30),
    "year": _dt.timedelta(days=365),
}

# Keys of [relative] that name a fixed day, with how many days back it is.
_BARE_DAYS = {"now": 0, "today": 0, "yesterday": 1, "day_before_yesterday": 2}

# Time-zone abbreviations seen after clock times in news pages, in minutes
# east of UTC; None keeps the abbreviation in the match but the value naive,
# because the abbreviation does not fix the offset (ET is EST or EDT).
_TZ_OFFSETS: dict[str, int | None] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60,
    "CEST": 120, "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "SAST": 120,
    "MSK": 180, "TRT": 180, "GST": 240, "PKT": 300, "IST": 330, "NPT": 345,
    "WIB": 420, "ICT": 420, "SGT": 480, "HKT": 480, "PHT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CST": -360,
    "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "HST": -600, "ET": None, "CT": None, "PT": None,
}

# Punctuation that may separate a date from its neighbours on a line.
_SEPARATORS = frozenset("|·•,;:/()[]{}-–—*»«>：")

# One digit anywhere: every absolute date has one.
_DIGIT = regex.compile(r"\d")
# Runs of digits that are not the tail of a number ("282" of "919,282", "2" of
# "5.2"): the anchors from which every date with a number is looked for.
_DIGIT_RUN = regex.compile(r"(?<!\d[.,/:\-])\d+")
# Up to three words right before a digit run (matched right to left): the
# month, weekday or "il y a" that may open a word-first date.  Groups are read
# by number (1 = w3, 2 = w2, 3 = w1): named lookups are slow in ``regex``.
_WCH = r"[\p{L}\p{M}'’\-]"
_PREV_WORDS = regex.compile(
    rf"(?r)(?:(?<![\p{{L}}\p{{M}}])(?P<w3>\p{{L}}{_WCH}{{0,24}})[.,]{{0,2}}\s{{1,3}})?"
    rf"(?:(?<![\p{{L}}\p{{M}}])(?P<w2>\p{{L}}{_WCH}{{0,24}})[.,]{{0,2}}\s{{1,3}})?"
    rf"(?<![\p{{L}}\p{{M}}])(?P<w1>\p{{L}}{_WCH}{{0,24}})[.,]{{0,2}}\s{{0,3}}\Z"
)
# The word after a number ("November", "hours", "th"), looked up before any pattern.
_WORD_AT = regex.compile(r"\p{L}[\p{L}\p{M}'’]{0,30}")
# A separator then a digit right after a digit run: "09/11", "2022-11", "2022. 11".
_NUMERIC_NEXT = regex.compile(r"[\-/.]\s?\d")
# What may stand between a day and its month, or a number and its unit.
_DAY_GAP = frozenset(" \t\u00a0\u202f.-")
# What may stand between a lead word and the digits ("Nov. 9", "Mittwoch, 9.").
_LEAD_GAP = frozenset(" \t\u00a0\u202f.,")
# Stripped from the ends of whitespace tokens for the gate-word lookup.
_TOKEN_PUNCT = string.punctuation + "«»“”„‘’‹›·•|–—…：，。、（）"
# Stripped from the text between a label and its date ("Updated: ", "Stand: ", "发布时间：").
_LABEL_TRAIL = " \t\u00a0\u3000:：-–—|·•,"
# Punctuation that sticks to a word in running text ("yesterday,", "(today)").
_STICKY_AFTER = (".", ",", ";", ":", "!", "?", ")", "]", '"', "'", "»", "”", "’", "…", "|", "，", "。")
_STICKY_BEFORE = ("(", "[", '"', "'", "«", "“", "‘", "|", "¿", "¡")
# Below this many gate words a substring test beats tokenising the line.
_SMALL_GATE = 16


@attrs.frozen
class DateMatch:
    """One date found in a line.

    ``start``/``end`` are offsets into the searched string and ``raw`` is
    ``text[start:end]``.  ``value`` is a :class:`datetime.datetime` when a
    clock time is part of the match (timezone-aware when an offset or a known
    zone abbreviation follows it), a :class:`datetime.date` otherwise, and
    None for a date without a year or a relative date found without ``now``.
    ``role`` is "published" or "updated" when such a label stands right
    before the date on the same line.  ``month`` and ``day`` are set whenever
    they are known, so a year-less date can be completed by the caller.
    """

    start: int
    end: int
    raw: str
    value: _dt.date | _dt.datetime | None
    role: str | None
    relative: bool = False
    has_year: bool = True
    month: int | None = None
    day: int | None = None


class _Found(NamedTuple):
    """A date found by one pass, before its role is known (cheaper than a DateMatch)."""

    start: int
    end: int
    value: _dt.date | _dt.datetime | None
    relative: bool
    has_year: bool
    month: int | None
    day: int | None
    bare: bool  # a bare word such as "today", kept only if it stands alone


# --------------------------------------------------------------------------
# Loading tables
# --------------------------------------------------------------------------


def load_table(lang: str) -> dict[str, Any]:
    """The parsed ``dates.toml`` of the pack ``articleparse.packs.<lang>`` (cached).

    Raises :class:`PackNotFoundError` when the pack or its dates table is
    missing and :class:`PackError` when the file is not valid TOML.
    """
    return dict(_load_table_cached(lang))


@functools.lru_cache(maxsize=None)
def _load_table_cached(lang: str) -> dict[str, Any]:
    try:
        resource = importlib.resources.files(f"articleparse.packs.{lang}").joinpath("dates.toml")
        text = resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        raise PackNotFoundError(f"{lang} (dates.toml)", _languages_with_tables()) from None
    try:
        table = _toml.loads(text)
    except _toml.TOMLDecodeError as exc:
        raise PackError(f"pack {lang!r}: dates.toml is not valid TOML ({exc}); fix its syntax") from None
    table.setdefault("lang", lang)
    return table


def _languages_with_tables() -> list[str]:
    """Languages whose pack ships a dates.toml (for error messages)."""
    found = []
    for entry in importlib.resources.files("articleparse.packs").iterdir():
        if entry.is_dir() and entry.joinpath("dates.toml").is_file():
            found.append(entry.name)
    return found


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Lookup key of a table word or a matched word: lowered, one space, plain apostrophe."""
    text = text.lower()
    if "’" in text or "ʼ" in text:
        text = text.replace("’", "'").replace("ʼ", "'")
    if " " in text or "\u00a0" in text or "\t" in text:
        text = " ".join(text.split())
    return text


def _is_unspaced(ch: str) -> bool:
    """True for Han and kana: scripts written without spaces, so no word guards apply."""
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x3400 <= cp <= 0x9FFF  # CJK ideographs
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x2FFFF
    )


def _needs_guard(ch: str) -> bool:
    """A word edge made of a letter of a spaced script must not touch another letter."""
    return ch.isalpha() and not _is_unspaced(ch)


def _char_rx(ch: str) -> str:
    """Regex source of one character of a table word: spaces and apostrophes are flexible."""
    if ch == " ":
        return r"\s"  # one class, no quantifier: quantifiers cost setup on every call
    if ch in "'’ʼ":
        return "['’ʼ]"  # pages mix typographic and plain apostrophes
    return regex.escape(ch)


def _trie(tokens: Iterable[str], guard: bool) -> str:
    """Regex source of a character trie over ``tokens``, longest match first.

    Why a trie: the ``regex`` module tries the branches of an alternation
    one by one, so 400 month names cost 400 tests per attempt; a trie costs
    one test per distinct next character.  Optional endings are written as
    an empty last branch rather than ``?`` (a quantifier costs setup per call).
    """
    root: dict[str, dict] = {}
    for tok in tokens:
        node = root
        for ch in tok:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a word

    def emit(node: dict[str, dict], last: str) -> str:
        branches = [_char_rx(ch) + emit(child, ch) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            # the right guard keeps "nov" from matching the start of "novel"
            branches.append(r"(?!\p{L})" if guard and _needs_guard(last) else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root, "")


def _words(tokens: Iterable[str], *, guard: bool = True) -> str:
    """Regex source matching any of ``tokens`` as a whole word, longest first.

    Words of spaced scripts get letter guards on the sides where they start
    or end with a letter; Han/kana words get none, since those scripts run
    words together.  Returns a never-matching pattern for an empty list.
    """
    heads: dict[bool, list[str]] = {True: [], False: []}
    for tok in set(tokens):
        if tok:
            heads[guard and _needs_guard(tok[0])].append(tok.lower())
    alts = []
    if heads[True]:
        alts.append(r"(?<!\p{L})" + _trie(heads[True], guard))
    if heads[False]:
        alts.append(_trie(heads[False], guard))
    if not alts:
        return "(?!)"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _as_list(table: Mapping, key: str, lang: str) -> list[str]:
    """A list of strings from a table, or a PackError naming the field."""
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(f"pack {lang!r}: dates.toml field {key!r} must be a list of strings")
    return value


def _as_word_map(table: Mapping, key: str, lang: str) -> dict[str, list[str]]:
    """A mapping name -> list of words (``[relative.units]`` and friends)."""
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise PackError(f"pack {lang!r}: dates.toml table {key!r} must map names to lists of words")
    return {name: _as_list(value, name, lang) for name in value}


# --------------------------------------------------------------------------
# The lexicon
# --------------------------------------------------------------------------


class DateLexicon:
    """The merged date vocabulary of one or more languages, compiled once.

    Build it with :meth:`from_tables` (parsed ``dates.toml`` dicts) or
    :meth:`for_languages` (language ids, loaded from the packs and cached),
    then call :meth:`find` on each line.  A lexicon is immutable after
    construction and safe to share between threads.
    """

    def __init__(self, merged: dict[str, Any]) -> None:
        """Private: use :meth:`from_tables` or :meth:`for_languages`."""
        self.order: str = merged["order"]
        self.languages: tuple[str, ...] = merged["langs"]
        self._months: dict[str, int] = merged["months"]
        self._labels: dict[str, str] = merged["labels"]
        self._units: dict[str, str] = merged["units"]
        self._units_ago: dict[str, str] = merged["units_ago"]
        self._numbers: dict[str, int] = merged["numbers"]
        self._bare: dict[str, int] = merged["bare"]
        self._eras: dict[str, int] = merged["eras"]
        self._ampm: dict[str, str] = {**merged["ampm_before"], **merged["ampm"]}
        # words that may open a date before its first number, checked with set lookups
        self._weekdays = frozenset(w for w in merged["weekdays"] if len(w) >= 2)
        self._before = frozenset(merged["ago_before"])
        self._at_words = frozenset(w.split()[0] for w in merged["at"] if w)
        # every word that can follow the first number of a date: month, suffix, joiner, unit
        self._next_words = frozenset(
            w.split()[0]
            for w in (*self._months, *merged["day_suffixes"], *merged["joiners"], *self._units, *self._units_ago)
            if w
        )
        # every word that can stand right before the digits of a word-first date
        self._lead_words = frozenset(
            phrase.split()[-1] for phrase in (*self._months, *self._weekdays, *self._before) if phrase
        )
        self._markers = frozenset(ch for part in merged["markers"].values() for w in part for ch in w)
        self._rx = _Patterns(merged)
        self._init_gate(merged)
        # labels: spaced ones are looked up by their last words, Han/kana ones by suffix
        self._label_words = max((len(label.split()) for label in self._labels), default=0)
        self._labels_unspaced = tuple(
            sorted((label for label in self._labels if _is_unspaced(label[-1])), key=len, reverse=True)
        )

    def _init_gate(self, merged: dict[str, Any]) -> None:
        """Gate words of the word-only relative dates, and where each phrase starts.

        Every bare phrase ("yesterday", "il y a") is represented by its
        longest word, with that word's offset in the phrase; a line must
        contain one of these words before any pattern is tried.
        """
        gate: dict[str, list[tuple[str, int]]] = {}

        def add(phrase: str, kind: str) -> None:
            if not phrase.strip():
                return
            if any(_is_unspaced(ch) for ch in phrase):
                word = phrase  # written without spaces: the whole phrase is the gate
            else:
                # a whitespace token, as the line is split ("aujourd'hui", "avant-hier")
                word = max(reversed(phrase.split()), key=len)
            gate.setdefault(word, []).append((kind, phrase.find(word)))

        for phrase in self._bare:
            add(phrase, "bare")
        if self._numbers:
            for phrase in merged["ago_before"]:
                add(phrase, "before")
            for phrase in merged["ago_after"]:
                add(phrase, "after")
        self._gate = gate
        self._gate_words = frozenset(gate)
        self._gate_unspaced = tuple(w for w in gate if any(_is_unspaced(ch) for ch in w))
        # the first characters of those words: a line without any of them holds none of the words
        # (a set of literal characters: the standard library's engine finds one faster)
        self._gate_unspaced_first = re.compile(
            "[" + "".join(re.escape(c) for c in sorted({w[0] for w in self._gate_unspaced})) + "]"
        ) if self._gate_unspaced else None
        # each spaced gate word also with the punctuation that sticks to words in text
        self._gate_tokens: dict[str, str] = {}
        for word in self._gate_words.difference(self._gate_unspaced):
            for variant in (word, *(word + p for p in _STICKY_AFTER), *(p + word for p in _STICKY_BEFORE)):
                self._gate_tokens.setdefault(variant, word)
            for p in _STICKY_BEFORE:
                for q in _STICKY_AFTER:
                    self._gate_tokens.setdefault(p + word + q, word)
        self._gate_token_set = frozenset(self._gate_tokens)

    def __repr__(self) -> str:
        return f"DateLexicon(languages={list(self.languages)!r}, order={self.order!r})"

    # ---------------------------------------------------------- construction

    @classmethod
    def from_tables(cls, tables: Iterable[Mapping]) -> DateLexicon:
        """Merge the parsed ``dates.toml`` tables of several languages into one lexicon.

        Words are matched case-insensitively; when two tables give a word
        different meanings, the earlier table wins.  The merged ``order`` is
        "mdy" only when every table says "mdy" (a table without ``order``
        counts as "dmy"), since most of the world writes the day first.
        """
        merged: dict[str, Any] = {
            "months": {}, "weekdays": set(), "labels": {}, "day_suffixes": set(),
            "joiners": set(), "year_suffixes": set(), "at": set(), "time_suffixes": set(),
            "ampm": {}, "ampm_before": {}, "markers": {"year": set(), "month": set(), "day": set()},
            "eras": {}, "units": {}, "units_ago": {}, "numbers": {}, "bare": {},
            "ago_before": [], "ago_after": [],
        }
        orders = []
        langs = []
        for table in tables:
            lang = str(table.get("lang", f"#{len(langs)}"))
            langs.append(lang)
            order = table.get("order")
            if order is not None and order not in ("dmy", "mdy", "ymd"):
                raise PackError(f"pack {lang!r}: dates.toml order must be dmy, mdy or ymd, not {order!r}")
            orders.append(order)
            _merge_months(merged["months"], table.get("months", {}), lang)
            merged["weekdays"].update(_norm(w) for w in _as_list(table, "weekdays", lang))
            for role in ("published", "updated"):
                for label in _as_list(table, role, lang):
                    merged["labels"].setdefault(_norm(label), role)
            for key in ("day_suffixes", "joiners", "year_suffixes", "at", "time_suffixes"):
                merged[key].update(_norm(w) for w in _as_list(table, key, lang))
            for key in ("ampm", "ampm_before"):
                for half, words in _as_word_map(table, key, lang).items():
                    if half not in ("am", "pm"):
                        raise PackError(f"pack {lang!r}: dates.toml [{key}] keys are am and pm, not {half!r}")
                    for w in words:
                        merged[key].setdefault(_norm(w), half)
            for part, words in _as_word_map(table, "markers", lang).items():
                if part not in merged["markers"]:
                    raise PackError(f"pack {lang!r}: dates.toml [markers] keys are year, month, day, not {part!r}")
                merged["markers"][part].update(words)
            eras = table.get("eras", {})
            if not isinstance(eras, Mapping):
                raise PackError(f"pack {lang!r}: dates.toml [eras] must map era names to years")
            for era, first_year in eras.items():
                if not isinstance(first_year, int):
                    raise PackError(f"pack {lang!r}: dates.toml eras.{era} must be a year number")
                merged["eras"].setdefault(_norm(era), first_year)
            _merge_relative(merged, table.get("relative", {}), lang)
        merged["order"] = "mdy" if orders and all(o == "mdy" for o in orders) else "dmy"
        merged["langs"] = tuple(langs)
        return cls(merged)

    @classmethod
    def for_languages(cls, langs: Iterable[str]) -> DateLexicon:
        """The lexicon of the packs ``articleparse.packs.<lang>``, loaded once and cached.

        Raises :class:`PackNotFoundError` for a language without a dates table.
        """
        return _lexicon_for(tuple(dict.fromkeys(langs)))

    # --------------------------------------------------------------- finding

    def find(
        self,
        text: str,
        *,
        now: _dt.datetime | None = None,
        order: str | None = None,
    ) -> list[DateMatch]:
        """All dates in one line, left to right, non-overlapping.

        ``now`` resolves relative dates ("2 hours ago" -> ``(now - 2h).date()``);
        without it they come back with ``value=None`` and ``relative=True``.
        ``order`` ("dmy" or "mdy") reads ambiguous slash and dash dates such as
        01/02/2022; dotted dates (01.02.2022) are always day first, because no
        locale writes them month first.
        """
        if order is None:
            order = self.order
        elif order not in _ORDERS:
            raise ValueError(f"order must be 'dmy' or 'mdy', not {order!r}")
        return self.find_from(text, _DIGIT.search(text), now, order)

    def find_from(self, text: str, first_digit: Any, now: _dt.datetime | None, order: str) -> list[DateMatch]:
        """:meth:`find` for a caller that has searched the line's first digit (``\\d``) already (None: it has
        none); ``order`` is "dmy" or "mdy"."""
        gates = self._gates_present(text) if self._gate else ()
        if first_digit is None and not gates:
            return []
        found: list[_Found] = []
        if first_digit is not None:
            self._scan_digits(text, first_digit.start(), now, order, found)
        if gates:
            words = self._scan_words(text, gates, now, found)
            if words:
                found = _merge(found, words) if found else words
        # roles, and whether a bare "today" stands alone, depend on the previous kept match
        out: list[DateMatch] = []
        prev_end = 0
        for f in found:
            role = self._role(text, prev_end, f.start)
            if f.bare and role is None and not _bare_alone(text, prev_end, f.start):
                continue
            out.append(
                DateMatch(
                    start=f.start, end=f.end, raw=text[f.start : f.end], value=f.value, role=role,
                    relative=f.relative, has_year=f.has_year, month=f.month, day=f.day,
                )
            )
            prev_end = f.end
        return out

    # ------------------------------------------------- dates with a number

    def _scan_digits(
        self,
        text: str,
        first: int,
        now: _dt.datetime | None,
        order: str,
        out: list[_Found],
    ) -> None:
        """Find the dates that contain a number, anchored on each run of digits.

        The character tests here are inlined on purpose: most runs ("919,282",
        "$5.2", "12%") are rejected by them without any further call.
        """
        done = 0
        length = len(text)
        for run in _DIGIT_RUN.finditer(text, first):
            s, e = run.span()
            if s < done:
                continue
            found = None
            # word-first: a letter at most a few characters before the digits
            i = s - 1
            while i >= done and s - i <= 4 and text[i] in _LEAD_GAP:
                i -= 1
            if i >= done and text[i].isalpha():
                for lead, kind in self._lead_starts(text, s, i, done):
                    found = self._at_lead(text, lead, kind, s, now, order)
                    if found is not None:
                        break
            # digit-first: a separator and a digit, or a word, right after the digits
            if found is None and e < length:
                k = e
                while k < length and k - e < 3 and text[k] in _DAY_GAP:
                    k += 1
                word_next = k < length and text[k].isalpha()
                if word_next or (text[e] in "-/." and _NUMERIC_NEXT.match(text, e)):
                    found = self._at_digits(text, s, e, word_next, now, order, relative_ok=True)
            if found is not None:
                out.append(found)
                done = found.end

    def _lead_starts(self, text: str, s: int, i: int, lo: int) -> list[tuple[int, str]]:
        """(offset, kind) of the words before offset ``s`` that may open a date, leftmost first.

        ``text[i]`` is the last letter before the digits; ``lo`` the end of the previous date.
        """
        leads: list[tuple[int, str]] = []
        if self._eras and _is_unspaced(text[i]):
            for era in self._eras:
                if text.endswith(era, lo, i + 1):
                    leads.append((i + 1 - len(era), "era"))
        # fast path: the word right before the digits, cut with rfind and looked up;
        # only a known lead word (or the tail of a known phrase) earns the full look
        word = text[max(lo, text.rfind(" ", lo, i) + 1) : i + 1].split()
        if not word:
            return leads
        # a label glued to the word by a colon or a bar ("Updated:March 16, 2020", "Posted|March 16, 2020"): the part after it
        last = word[-1]
        cut = max(last.rfind(":"), last.rfind("|"))
        if _norm((last[cut + 1:] if cut >= 0 else last).lstrip(_TOKEN_PUNCT)) not in self._lead_words:
            return leads
        m = _PREV_WORDS.search(text, lo, s)
        if m is None:
            return leads
        w3, w2, w1 = m.groups()
        n1 = _norm(w1)
        if n1 in self._months:
            leads.append((m.start(3), "month"))
        elif n1 in self._weekdays:
            leads.append((m.start(3), "weekday"))
        elif n1 in self._before:
            leads.append((m.start(3), "before"))
        if w2 is not None:
            n2 = _norm(w2)
            two = f"{n2} {n1}"
            if n2 in self._weekdays:
                leads.append((m.start(2), "weekday"))  # "Wednesday, November 9"
            elif two in self._months:
                leads.append((m.start(2), "month"))  # "تشرين الثاني 9"
            elif two in self._before:
                leads.append((m.start(2), "before"))  # "il ya 2"
            if w3 is not None:
                n3 = _norm(w3)
                if f"{n3} {two}" in self._before:
                    leads.append((m.start(1), "before"))  # "il y a 2"
                elif n3 in self._weekdays and two in self._months:
                    leads.append((m.start(1), "weekday"))
        if len(leads) > 1:
            leads.sort()
        return leads

    def _at_lead(
        self, text: str, lead: int, kind: str, s: int, now: _dt.datetime | None, order: str
    ) -> _Found | None:
        """A date opened by the word at ``lead`` whose first digits are at ``s``."""
        rx = self._rx
        if kind == "month":
            m = rx.month_first.match(text, lead)
            return self._absolute(m, lead, text, order) if m is not None else None
        if kind == "before":
            m = rx.rel_before.match(text, lead)
            return self._relative(m, text, now) if m is not None else None
        if kind == "era":
            m = rx.era.match(text, lead)
            return self._absolute(m, lead, text, order) if m is not None else None
        # a weekday: the date proper follows it
        m = rx.weekday.match(text, lead)
        if m is None:
            return None
        at = m.end()
        if at == s:
            e = s
            while e < len(text) and text[e].isdigit():
                e += 1
            k = e
            while k < len(text) and k - e < 3 and text[k] in _DAY_GAP:
                k += 1
            word_next = k < len(text) and text[k].isalpha()
            found = self._at_digits(text, s, e, word_next, now, order, relative_ok=False)
        else:
            core = rx.month_first.match(text, at)
            found = self._absolute(core, at, text, order) if core is not None else None
        if found is None:
            return None
        wd = m.group(1)  # the only group of the weekday pattern
        if len(wd) <= 2 and wd.islower():
            return found  # "to 9.11.2022": a lowercase two-letter "weekday" is an ordinary word
        return found._replace(start=lead)

    def _at_digits(
        self,
        text: str,
        s: int,
        e: int,
        word_next: bool,
        now: _dt.datetime | None,
        order: str,
        *,
        relative_ok: bool,
    ) -> _Found | None:
        """A date whose first characters are the digit run ``text[s:e]``.

        ``word_next``: a letter follows within a few characters, so a month
        name, a CJK marker or a unit may follow.
        """
        rx = self._rx
        c = text[e] if e < len(text) else ""
        if c in "-/.":
            m = rx.numeric.match(text, s)
            if m is not None:
                found = self._absolute(m, s, text, order)
                if found is not None:
                    return found
        if self._markers and (c in self._markers or (c.isspace() and text[e + 1 : e + 2] in self._markers)):
            m = rx.cjk.match(text, s)
            if m is not None:
                found = self._absolute(m, s, text, order)
                if found is not None:
                    return found
        if not word_next:
            return None  # no month name or unit can follow ("9. Nov", "09-Nov", "2 h")
        k = e
        while text[k] in _DAY_GAP:
            k += 1
        w = _WORD_AT.match(text, k)
        if w is not None and not _is_unspaced(text[k]) and _norm(w.group()) not in self._next_words:
            return None  # "10 Main St.": the word is no month, suffix, joiner or unit
        m = rx.day_first.match(text, s)
        if m is not None:
            found = self._absolute(m, s, text, order)
            if found is not None:
                return found
        if relative_ok:
            m = rx.rel_after.match(text, s)
            if m is not None:
                return self._relative(m, text, now)
        return None

    # ---------------------------------------------- word-only relative dates

    def _gates_present(self, text: str) -> tuple[str, ...]:
        """The gate words on this line (cheap: substring tests or a set lookup, no pattern)."""
        ascii = text.isascii()
        low = text.lower() if ascii else text.lower().replace("’", "'")
        if len(self._gate_words) <= _SMALL_GATE:
            return tuple(w for w in self._gate_words if w in low)
        # whitespace tokens, looked up with the punctuation that commonly sticks to them
        hits = self._gate_token_set.intersection(low.split())
        present = tuple({self._gate_tokens[t] for t in hits}) if hits else ()
        if self._gate_unspaced and not ascii and self._gate_unspaced_first.search(low):
            present += tuple(w for w in self._gate_unspaced if w in low)
        return present

    def _scan_words(
        self, text: str, gates: tuple[str, ...], now: _dt.datetime | None, taken: list[_Found]
    ) -> list[_Found]:
        """Word-only relative dates ("yesterday", "an hour ago") around each gate word.

        Gate words inside a date already found (the "ago" of "2 hours ago") are skipped.
        """
        low = text.lower().replace("’", "'")
        if len(low) != len(text):  # lowering changed offsets (Turkish İ): search instead
            return self._search_words(text, now)
        rx = self._rx
        found: list[_Found] = []
        for word in gates:
            i = low.find(word)
            while i != -1:
                j = i + len(word)
                if _is_whole_word(low, i, j) and not any(dm.start <= i < dm.end for dm in taken):
                    for kind, offset in self._gate[word]:
                        item = None
                        if kind == "bare":
                            m = rx.bare.match(text, i - offset) if i >= offset else None
                            item = self._relative(m, text, now) if m is not None else None
                        elif kind == "before" and i >= offset:
                            m = rx.numword_before.match(text, i - offset)
                            item = self._relative(m, text, now) if m is not None else None
                        elif kind == "after":
                            m = rx.numword_after.search(text, max(0, i - 48), j)
                            item = self._relative(m, text, now) if m is not None else None
                        if item is not None:
                            found.append(item)
                            break
                i = low.find(word, j)
        if len(found) > 1:
            found = _merge(found, [])
        return found

    def _search_words(self, text: str, now: _dt.datetime | None) -> list[_Found]:
        """Slow path of :meth:`_scan_words`: search the line with the combined word pattern."""
        found: list[_Found] = []
        pos = 0
        while pos < len(text):
            m = self._rx.words.search(text, pos)
            if m is None:
                break
            item = self._relative(m, text, now)
            if item is None:
                pos = m.start() + 1
                continue
            found.append(item)
            pos = max(item.end, m.start() + 1)
        return found

    # -------------------------------------------------------- building values

    def _absolute(
        self, m: regex.Match, start: int, text: str, order: str
    ) -> _Found | None:
        """The DateMatch of an absolute date whose core ``m`` starts at ``start``, or None."""
        g = self._rx.groups(m)
        day_s = g.get("d")
        mon = g.get("mon")
        if mon is not None:
            month = self._months.get(_norm(mon))
            if month is None:
                return None
        elif g.get("f1") is not None:
            month, day_s = _resolve_order(g["f1"], g["f2"], g["s1"], order)
            if month is None:
                return None
        else:
            month = int(g["m"])
        day = int(day_s)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        if g.get("s1") is not None and g["s1"].strip() != g["s2"].strip():
            return None  # "2022-11/09": mixed separators are not a date

        year_s = g.get("y")
        has_year = True
        needs_clock = False
        if g.get("era") is not None:
            offset = 1 if g["ey"] == "元" else int(g["ey"])  # 元年 is the first year of an era
            year = self._eras[_norm(g["era"])] + offset - 1
        elif year_s is not None:
            year = int(year_s)
            if len(year_s) == 2:
                if len(g.get("f1") or "") != 2 or len(g.get("f2") or "") != 2:
                    # "1.2.33" is a version, "01.02.33" a date; "9/11/13 10:00AM" (a slashed date
                    # with a clock time after it) is one too, checked below
                    if g["s1"] != "/":
                        return None
                    needs_clock = True
                year += 2000 if year < 70 else 1900
        else:
            has_year = False
            year = 2000  # a leap year, so Feb 29 without a year is accepted
            if mon is not None and not _yearless_month_ok(mon):
                return None
        if has_year and not MIN_YEAR <= year <= MAX_YEAR:
            return None
        try:
            date = _dt.date(year, month, day)
        except ValueError:
            return None

        end = m.end()
        if not has_year and text[end - 1] == "." and mon is not None and len(mon) > 4 and m.end(self._rx.index(m, "mon")) == end - 1:
            end -= 1  # "on 5 March.": the full stop ends the sentence, it is no abbreviation dot
        if has_year:
            sm = self._rx.weekday_after.match(text, end)
            if sm is not None:
                end = sm.end()
        value: _dt.date | _dt.datetime | None = date
        end, clock = self._clock_after(text, end)
        if clock is not None:
            value = _dt.datetime.combine(date, clock)
        elif needs_clock:
            return None
        elif not has_year and mon is not None and len(mon) <= 4:
            # "Nov 9 (Reuters)" but not "14 Pro 5G" or "3 Mars bars": a short month
            # word without a year must end the line or meet a separator
            after = text[end:].lstrip()
            if after and after[0] not in _SEPARATORS:
                return None
        return _Found(start, end, value if has_year else None, False, has_year, month, day, False)

    def _relative(
        self, m: regex.Match, text: str, now: _dt.datetime | None
    ) -> _Found | None:
        """The DateMatch of a relative date ("2 hours ago", "yesterday"), or None."""
        g = self._rx.groups(m)
        start, end = m.start(), m.end()
        bare = g.get("rb")
        if bare is not None:
            days = self._bare.get(_norm(bare))
            if days is None:
                return None
            delta = _dt.timedelta(days=days)
            after = text[end:].lstrip()
            if after and not (after[0] in _SEPARATORS or after[0].isdigit()):
                # "now decided": an everyday word, not a date, unless "at 14:30" follows
                if after.split(None, 1)[0].lower() not in self._at_words:
                    return None
            end, clock = self._clock_after(text, end)  # "yesterday at 14:30"
            after = text[end:].lstrip()
            if after and (after[0] not in _SEPARATORS or after[0] in ":："):
                return None  # see _bare_alone
        else:
            unit_word = _norm(g["ru"])
            unit = self._units_ago.get(unit_word) or self._units.get(unit_word)
            if unit is None:
                return None
            if g.get("n") is not None:
                count = int(g["n"])
            else:
                count = self._numbers.get(_norm(g["nw"]), 0)
                if count == 0:
                    return None
            delta = _UNIT_DELTAS[unit] * count
            clock = None
        value: _dt.date | _dt.datetime | None = None
        if now is not None:
            day = (now - delta).date()
            value = _dt.datetime.combine(day, clock) if clock is not None else day
        month = day = None
        if value is not None:
            month, day = value.month, value.day
        return _Found(start, end, value, True, True, month, day, bare is not None)

    def _clock_after(self, text: str, end: int) -> tuple[int, _dt.time | None]:
        """(new end, time) of a clock time right after a date, or (end, None)."""
        tm = self._rx.time.match(text, end)
        if tm is None:
            return end, None
        clock = _clock(self._rx.groups(tm), self._ampm)
        return (tm.end(), clock) if clock is not None else (end, None)

    def _role(self, text: str, prev_end: int, start: int) -> str | None:
        """'published'/'updated' when a label ends right before ``start`` on the same line.

        A dictionary lookup of the last one to four words before the date
        (or, for Han/kana, of the label strings the text ends with).
        """
        if not self._labels or start == 0:
            return None
        lo = max(prev_end, start - 80)
        newline = text.rfind("\n", lo, start)
        if newline != -1:
            lo = newline + 1
        before = text[lo:start].rstrip(_LABEL_TRAIL)
        if not before:
            return None
        if _is_unspaced(before[-1]):
            for label in self._labels_unspaced:
                if before.endswith(label):
                    return self._labels[label]
            return None
        words = before.lower().split()[-self._label_words :]
        for k in range(len(words), 0, -1):
            role = self._labels.get(" ".join(words[-k:]).lstrip(_TOKEN_PUNCT).replace("’", "'"))
            if role is not None:
                return role
        return None


# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------


class _Patterns:
    """The compiled patterns of one lexicon; each is matched at an anchor, never searched.

    Why many small patterns rather than one: the ``regex`` module pays a setup
    cost per call for every quantifier in a pattern, so a pattern holding all
    forms costs microseconds even when it fails on the first character.
    """

    def __init__(self, merged: dict[str, Any]) -> None:
        flags = regex.IGNORECASE | regex.UNICODE
        # group names of each pattern in group-number order: ``groups()`` plus
        # these names is several times faster than ``groupdict()`` in ``regex``
        self._names: dict[regex.Pattern, tuple[str, ...]] = {}

        def c(source: str) -> regex.Pattern:
            pattern = regex.compile(source, flags)
            names = [""] * pattern.groups
            for name, number in pattern.groupindex.items():
                names[number - 1] = name
            self._names[pattern] = tuple(names)
            return pattern

        months = _words(merged["months"])
        weekdays = list(merged["weekdays"])
        # after the date a two-letter "weekday" is too often a word ("do", "to");
        # a one-letter one (ja 水) only counts in brackets
        wd_long = _words([w for w in weekdays if len(w) >= 2])
        wd_trail = _words([w for w in weekdays if len(w) >= 3])
        suffixes = _words(merged["day_suffixes"])
        joiners = _words(merged["joiners"])
        year_suffixes = _words(merged["year_suffixes"])
        at_words = _words(merged["at"])
        time_suffixes = _words(merged["time_suffixes"])
        tz_names = "|".join(sorted((n for n in _TZ_OFFSETS if n != "Z"), key=len, reverse=True))

        # numeric guards: no digit (or digit + separator) or Latin letter on the left,
        # no digit (or separator + digit) on the right, except a clock time glued by a dash ("28.01.2020-15:49")
        nl = r"(?<![\p{N}\p{Latin}])(?<!\p{N}[.,/:\-])"
        nr = r"(?!\p{N})(?![./]\p{N})(?!-(?!\d{1,2}:\d\d(?!\d))\p{N})"
        day = r"(?P<d>\d{1,2})(?!\d)"
        day_suffix = rf"(?:{suffixes}|\.)?"
        year4 = r"(?P<y>\d{4})(?!\d)"
        year_tail = rf"(?:\s?{year_suffixes})?"
        joiner = rf"(?:{joiners}\s{{1,2}})?"
        # "Mar-a-Lago" is no month: a month word is not hyphenated to another word
        mon = rf"(?P<mon>{months})(?![\-'’]\p{{L}})\.?"

        # 2022-11-09, 2022/11/09, 2022.11.09, 2022. 11. 9. | 09/11/2022, 9.11.2022, 09.11.22
        self.numeric = c(
            rf"{nl}(?:{year4}(?P<s1>[\-/]|\.\s?)(?P<m>\d{{1,2}})(?P<s2>[\-/]|\.\s?){day}"
            rf"|(?P<f1>\d{{1,2}})(?P<s1>[\-/]|\.\s?)(?P<f2>\d{{1,2}})(?P<s2>[\-/]|\.\s?)(?P<y>\d{{4}}|\d{{2}})){nr}"
        )
        # 9 November 2022, 9. Nov. 2022, 9 de noviembre de 2022, 09-Nov-2022, 9 November (no year)
        # | 2022. november 9.
        self.day_first = c(
            rf"{nl}(?:{day}{day_suffix}(?:\s{{0,2}}{joiner}|-){mon}"
            rf"(?:(?:,?\s{{1,2}}{joiner}|-){year4}{year_tail})?"
            rf"|{year4}\.?\s{{1,2}}{mon}\s{{1,2}}{day}\.?)"
        )
        # November 9, 2022, Nov. 9th 2022, Nov 9 (no year)
        self.month_first = c(
            rf"{mon}\s{{0,2}}{day}{day_suffix}"
            rf"(?:(?:,\s{{0,2}}|\s{{1,2}}){year4}{year_tail}|(?![\p{{N}}\p{{L}}])(?![:/\-.]\p{{N}}))"
        )
        # Wednesday, / Mi. / mercredi  (the date proper follows)
        self.weekday = c(rf"(?P<wd>{wd_long})\.?,?\s{{1,2}}")
        # after a full date: (水), (Mittwoch), Monday
        self.weekday_after = c(
            rf",?\s{{0,2}}[(（]\s?{_words(weekdays)}\.?\s?[)）]|,?\s{{1,2}}{wd_trail}\.?(?!\p{{L}})"
        )

        markers = merged["markers"]
        never = c("(?!)")
        self.cjk = self.era = never
        if markers["year"] and markers["month"] and markers["day"]:
            ym = _words(markers["year"], guard=False)
            mm = _words(markers["month"], guard=False)
            dm = _words(markers["day"], guard=False)
            md = rf"(?P<m>\d{{1,2}})\s?{mm}\s?{day}\s?{dm}"
            # 2022年11月9日, 2022년 11월 9일, 11月9日 (no year)
            self.cjk = c(rf"(?<!\p{{N}})(?:{year4}\s?{ym}\s?)?{md}")
            if merged["eras"]:
                # 令和4年11月9日, 平成元年1月8日
                eras = _words(merged["eras"], guard=False)
                self.era = c(rf"(?P<era>{eras})\s?(?P<ey>\d{{1,2}}|元)\s?{ym}\s?{md}")

        ampm = _words(merged["ampm"])
        ampm_before = _words(merged["ampm_before"])
        # what may follow a date: ", 14:30", " à 14h30", "T10:15:00+05:30", " 04:30 PM IST",
        # " 14時30分", " 오후 2:30", ", 14 Uhr"
        self.time = c(
            rf"(?:T|\.?,?\s{{0,3}}(?:{at_words}\s{{1,2}})?|\s{{1,2}}[\-–]\s{{1,2}}|-(?=\d{{1,2}}:\d\d))"
            rf"(?:(?P<ap0>{ampm_before})\s{{0,2}})?"
            r"(?:(?P<H>\d{1,2})(?:\s?h\s?|[:.])(?P<Mi>\d{2})(?!\d)"
            r"(?:[:.](?P<S>\d{2})(?!\d)(?:[.,](?P<fs>\d{1,6}))?)?"
            r"|(?P<H>\d{1,2})\s?[時时点點](?:\s?(?P<Mi>\d{1,2})\s?分)?"
            rf"|(?P<H>\d{{1,2}})\s?(?={time_suffixes}))"
            rf"(?:\s{{0,2}}(?P<ap>{ampm}))?(?:\s{{0,2}}{time_suffixes})?"
            r"(?:(?P<tz>(?-i:Z)|[+\-]\d{2}:?\d{2})(?!\d)"
            r"|\s{0,2}\(?(?P<tz>(?-i:(?:GMT|UTC)(?:\s?[+\-]\d{1,2}(?::?\d{2})?)?"
            rf"|{tz_names}))(?![\p{{L}}\d])\)?)?"
        )

        # relative dates
        units = _words(merged["units"])
        units_ago = _words(merged["units_ago"])
        before = _words(merged["ago_before"])
        after = _words(merged["ago_after"])
        numwords = _words(merged["numbers"])
        number = r"(?<![\p{N}.,])(?P<n>\d{1,3})(?!\p{N})\s{0,2}"
        # 2 hours ago, 2小时前, 2시간 전, 2 órája
        self.rel_after = c(rf"{number}(?:(?P<ru>{units})\s{{0,2}}{after}|(?P<ru>{units_ago}))")
        # vor 2 Stunden, il y a 2 heures, för 2 timmar sedan
        self.rel_before = c(rf"{before}\s{{1,2}}{number}(?P<ru>{units})(?:\s{{1,2}}{after})?")
        # vor einer Stunde, il y a une heure | an hour ago (matched right to left from "ago")
        self.numword_before = c(
            rf"{before}\s{{1,2}}(?P<nw>{numwords})\s{{1,2}}(?P<ru>{units})(?:\s{{1,2}}{after})?"
        )
        self.numword_after = c(
            rf"(?r)(?<![\p{{L}}\p{{N}}])(?P<nw>{numwords})\s{{1,2}}(?P<ru>{units})\s{{0,2}}{after}\Z"
        )
        bare = _words(merged["bare"])
        self.bare = c(rf"(?P<rb>{bare})")
        # every word-only form in one pattern, for lines whose lowercase shifts offsets
        self.words = c(
            rf"(?<![\p{{L}}\p{{N}}])(?:{before}\s{{1,2}}(?P<nw>{numwords})\s{{1,2}}(?P<ru>{units})"
            rf"(?:\s{{1,2}}{after})?|(?P<nw>{numwords})\s{{1,2}}(?P<ru>{units})\s{{0,2}}{after})"
            rf"|(?P<rb>{bare})"
        )



    def groups(self, m: regex.Match) -> dict[str, str | None]:
        """The named groups of a match of one of these patterns."""
        return dict(zip(self._names[m.re], m.groups()))

    def index(self, m: regex.Match, name: str) -> int:
        """The group number of ``name`` in the pattern of ``m``."""
        return self._names[m.re].index(name) + 1


# --------------------------------------------------------------------------
# Merging tables, reading values
# --------------------------------------------------------------------------


def _merge_months(into: dict[str, int], months: Any, lang: str) -> None:
    """Accept ``{name = n}`` or a list of 12 lists of names; the earlier table wins."""
    if isinstance(months, list):
        if len(months) != 12:
            raise PackError(f"pack {lang!r}: dates.toml months as a list needs 12 lists of names")
        pairs = [(name, i + 1) for i, names in enumerate(months) for name in names]
    elif isinstance(months, Mapping):
        pairs = list(months.items())
    else:
        raise PackError(f"pack {lang!r}: dates.toml months must map names to month numbers")
    for name, number in pairs:
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise PackError(f"pack {lang!r}: dates.toml month {name!r} must be 1..12, not {number!r}")
        into.setdefault(_norm(name).rstrip("."), number)  # the dot is matched optionally anyway


def _merge_relative(merged: dict[str, Any], rel: Any, lang: str) -> None:
    """Fold one table's ``[relative]`` section into the merged vocabulary."""
    if not isinstance(rel, Mapping):
        raise PackError(f"pack {lang!r}: dates.toml [relative] must be a table")
    for key, days in _BARE_DAYS.items():
        for w in _as_list(rel, key, lang):
            merged["bare"].setdefault(_norm(w), days)
    for key in ("units", "units_ago"):
        for unit, words in _as_word_map(rel, key, lang).items():
            if unit not in _UNIT_DELTAS:
                raise PackError(
                    f"pack {lang!r}: dates.toml [relative.{key}] unit {unit!r} is unknown; "
                    f"use one of {', '.join(_UNIT_DELTAS)}"
                )
            for w in words:
                merged[key].setdefault(_norm(w), unit)
    for key in ("ago_before", "ago_after"):
        merged[key].extend(_norm(w) for w in _as_list(rel, key, lang))
    numbers = rel.get("numbers", {})
    if not isinstance(numbers, Mapping):
        raise PackError(f"pack {lang!r}: dates.toml relative.numbers must map words to numbers")
    for word, n in numbers.items():
        if not isinstance(n, int) or n < 1:
            raise PackError(f"pack {lang!r}: dates.toml relative.numbers.{word} must be a positive number")
        merged["numbers"].setdefault(_norm(word), n)


def _merge(
    first: list[_Found], second: list[_Found]
) -> list[_Found]:
    """Matches of both passes by position, dropping any that overlaps an earlier, longer one."""
    both = sorted(first + second, key=lambda item: (item.start, -item.end))
    kept: list[_Found] = []
    for item in both:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _is_whole_word(low: str, i: int, j: int) -> bool:
    """``low[i:j]`` is not glued to letters of a spaced script on either side."""
    if i > 0 and _needs_guard(low[i]) and _needs_guard(low[i - 1]):
        return False
    return not (j < len(low) and _needs_guard(low[j - 1]) and _needs_guard(low[j]))


def _bare_alone(text: str, prev_end: int, start: int) -> bool:
    """Whether a bare "today"/"hier"/"now" opens the line or follows a separator.

    Why: these are everyday words ("I am here now", German "hier" = here);
    as a date they open the line, follow a label or a separator, and end the
    line or meet a separator (the end is checked in ``_relative``).
    """
    before = text[prev_end:start].rstrip()
    return not before or before[-1] in _SEPARATORS


def _yearless_month_ok(mon: str) -> bool:
    """A year-less date needs a convincing month word: capitalised or long.

    Why: short lowercase words ("may", "set", "mar") are ordinary words in
    some language of a merged lexicon.
    """
    return not mon[0].isalpha() or mon[0].isupper() or len(mon) >= 5


def _resolve_order(f1: str, f2: str, sep: str, order: str) -> tuple[int | None, str]:
    """(month, day text) of a numeric day/month pair whose year comes last."""
    a, b = int(f1), int(f2)
    if a > 12 and b > 12:
        return None, f1
    if a > 12:
        return b, f1  # only day-first fits
    if b > 12:
        return a, f2  # only month-first fits
    if sep.strip() == "." or order == "dmy":
        return b, f1
    return a, f2


def _clock(g: Mapping[str, str | None], ampm: Mapping[str, str]) -> _dt.time | None:
    """The clock time of a time match's groups (with its zone), or None when impossible."""
    hour = int(g["H"])  # type: ignore[arg-type]
    minute = int(g.get("Mi") or 0)
    second = int(g.get("S") or 0)
    frac = g.get("fs")
    micro = int((frac + "000000")[:6]) if frac else 0
    half_word = g.get("ap") or g.get("ap0")
    if half_word is not None:
        half = ampm.get(_norm(half_word))
        if half == "pm" and 12 < hour <= 23:
            pass  # "14:30 pm": the 24-hour clock already says it
        elif not 1 <= hour <= 12:
            return None
        elif half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return _dt.time(hour, minute, second, micro, tzinfo=_tzinfo(g.get("tz")))


@functools.lru_cache(maxsize=256)
def _tzinfo(tz: str | None) -> _dt.tzinfo | None:
    """A fixed-offset zone from 'Z', '+05:30', 'GMT+8' or a known abbreviation."""
    if not tz:
        return None
    tz = tz.replace(" ", "")
    sign_at = max(tz.find("+"), tz.find("-"))
    minutes: int | None
    if sign_at >= 0:
        name = tz[:sign_at]
        digits = tz[sign_at + 1 :].replace(":", "")
        hours, mins = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
        if hours > 14 or mins > 59:
            return None
        minutes = (hours * 60 + mins) * (-1 if tz[sign_at] == "-" else 1)
        minutes += (_TZ_OFFSETS.get(name.upper()) or 0) if name else 0  # "GMT+8"
    else:
        minutes = _TZ_OFFSETS.get(tz.upper())
    if minutes is None:
        return None
    return _dt.timezone(_dt.timedelta(minutes=minutes)) if minutes else _dt.timezone.utc


@functools.lru_cache(maxsize=64)
def _lexicon_for(langs: tuple[str, ...]) -> DateLexicon:
    """Cached lexicon of a tuple of language ids."""
    return DateLexicon.from_tables([_load_table_cached(lang) for lang in langs])
