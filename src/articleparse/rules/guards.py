"""Literal guards: strings one of which every match of a pattern rule must contain.

Most lines match none of a page's pattern rules, and a failed ``regex`` search still
walks the line. A substring test is much cheaper: ``(?i)\\bcookies?\\b`` cannot match a
line without ``cookie`` in its folded form, ``\\s(?:by|By|BY)\\s+...`` none without
``by``, ``By`` or ``BY``. :func:`literal_guard` reads a pattern's source and returns such
strings; the engine searches the pattern only on lines that hold one of them, so a
guard changes what a rule costs, never what it finds.

The reader is deliberately small. It follows literal characters, escaped punctuation,
groups (capturing, named, non-capturing, atomic, scoped flags), alternation and
quantifiers; classes, ``.``, anchors, ``\\b``, ``\\d``, ``\\p{..}`` and lookarounds count
as "not a literal". On anything else (back references, conditionals, ``\\Q``, verbose
or version-1 syntax, full case folding, a brace that is not a repeat) it gives up, and
the rule is searched on every line as before.

Case: when the pattern ignores case anywhere (``(?i)``, ``(?i:...)``, the flag), its
literals are lower-cased and lines are compared in the form :func:`fold` gives them.
Only ASCII characters and characters without case are kept as literals then; under
``IGNORECASE`` ``regex`` matches an ASCII letter with its two cases and, beyond ASCII,
only with ``İ`` (i), ``ſ`` (s) and the Kelvin sign (k), which :func:`fold` maps to them
(``tests/test_guards.py`` checks this against ``regex`` over all of Unicode).
"""

from __future__ import annotations

import unicodedata
from typing import Optional

import regex

__all__ = ["Guard", "Shape", "fold", "literal_guard", "pattern_shape", "worth_guarding"]

#: ``(folded, literals)``: every match holds one of ``literals``, in the line itself or, when
#: ``folded``, in :func:`fold` of the line.
Guard = tuple[bool, tuple[str, ...]]

# the characters beyond ASCII that IGNORECASE matches with an ASCII letter
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` with every character that IGNORECASE matches with an ASCII letter made that letter, lower case."""
    if text.isascii() or ("\u0130" not in text and "\u017f" not in text and "\u212a" not in text):
        return text.lower()
    # the few characters first: str.lower() would turn "İ" into two characters
    return text.translate(_FOLD_TO_ASCII).lower()


def _caseless(c: str) -> bool:
    """A character that IGNORECASE matches only with itself (``©``, ``–``, a digit, Han)."""
    return (c == c.lower() == c.upper() == c.casefold()
            and not unicodedata.category(c).startswith(("L", "M")))


class _GiveUp(Exception):
    """The pattern uses syntax this reader does not follow: no guard."""


# what is known of a sub-pattern: a set of strings one of which each of its matches holds, or None
_Req = Optional[frozenset]

# two-character escapes that stand for a class, a position or a control character, never a literal
_CLASS_ESCAPES = frozenset("dDsSwWbBAZzGtnrfvae")
_BRACE = regex.compile(r"\{(\d*)(?:(,)(\d*))?\}")
_FLAGS = regex.compile(r"[aiLmsux-]*")


class _Cursor:
    """A cursor over a pattern's source, with the syntax both readers below step over the same way."""

    def __init__(self, source: str):
        self.s = source
        self.i = 0

    def open_group(self, forbidden: str) -> str:
        """Step past a group's opening at the cursor (``(``, ``(?:``, ``(?P<name>``, a lookaround, scoped
        flags): ``"group"`` for one whose text is part of the match, ``"look"`` for a lookaround, ``"flags"``
        for ``(?i)``-style flags for the rest of the pattern (their ``)`` stepped past too). Inline flags
        among ``forbidden`` give up."""
        s = self.s
        self.i += 1
        if not s.startswith("?", self.i):
            return "group"
        self.i += 1
        if s.startswith(("P<", "<"), self.i) and not s.startswith(("<=", "<!"), self.i):
            close = s.find(">", self.i)
            if close < 0:
                raise _GiveUp("an unclosed group name")
            self.i = close + 1
            return "group"
        if s.startswith(("=", "!"), self.i):
            self.i += 1
            return "look"
        if s.startswith(("<=", "<!"), self.i):
            self.i += 2
            return "look"
        if s.startswith((":", ">"), self.i):
            self.i += 1
            return "group"
        # inline flags: "(?i)" for the whole pattern, or scoped "(?i:...)"
        flags = _FLAGS.match(s, self.i).group()
        if any(f in flags for f in forbidden):
            raise _GiveUp("verbose or multi-line syntax")
        self.i += len(flags)
        if s.startswith(")", self.i):
            self.i += 1
            return "flags"
        if not s.startswith(":", self.i):
            raise _GiveUp("an unknown group")
        self.i += 1
        return "group"

    def close_group(self) -> None:
        if self.i >= len(self.s) or self.s[self.i] != ")":
            raise _GiveUp("an unclosed group")
        self.i += 1

    def quantifier(self) -> tuple[int, bool]:
        """(least repeats, exactly once) of the quantifier at the cursor; (1, True) when there is none."""
        s = self.s
        if self.i >= len(s):
            return 1, True
        c = s[self.i]
        if c in "?*+":
            self.i += 1
            least = 1 if c == "+" else 0
        elif c == "{":
            m = _BRACE.match(s, self.i)
            if m is None or not (m.group(1) or m.group(3)):
                raise _GiveUp("a brace that is not a repeat")
            self.i = m.end()
            least = int(m.group(1) or 0)
            if m.group(2) is None and least == 1:
                self.lazy_or_possessive()
                return 1, True
        else:
            return 1, True
        self.lazy_or_possessive()
        return least, False

    def lazy_or_possessive(self) -> None:
        if self.i < len(self.s) and self.s[self.i] in "?+":
            self.i += 1

    def skip_class(self) -> None:
        """Step past the character class at the cursor."""
        s = self.s
        self.i += 1
        if s.startswith("^", self.i):
            self.i += 1
        if s.startswith("]", self.i):
            self.i += 1
        while self.i < len(s):
            c = s[self.i]
            if c == "\\":
                self.i += 2
            elif c == "[":
                raise _GiveUp("a nested or POSIX class")
            elif c == "]":
                self.i += 1
                return
            else:
                self.i += 1
        raise _GiveUp("an unclosed class")


class _Reader(_Cursor):
    def __init__(self, source: str, folded: bool):
        super().__init__(source)
        self.folded = folded

    def alternation(self) -> _Req:
        branches = [self.branch()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            branches.append(self.branch())
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)

    def branch(self) -> _Req:
        found: list[frozenset] = []
        run: list[str] = []

        def end_run() -> None:
            if run:
                found.append(frozenset({"".join(run)}))
                run.clear()

        s = self.s
        while self.i < len(s) and s[self.i] not in "|)":
            kind, value = self.atom()
            least, once = self.quantifier()
            if kind == "char" and least >= 1:
                run.append(value)
                if not once:
                    end_run()  # "x+": one x is certain, what follows need not touch it
            else:
                end_run()
                if kind == "group" and least >= 1 and value is not None:
                    found.append(value)
        end_run()
        if not found:
            return None
        # the most selective: the longest shortest string, then the fewest strings
        return max(found, key=lambda c: (min(len(x) for x in c), -len(c)))

    def atom(self) -> tuple[str, object]:
        """("char", c) for a literal character, ("group", what it holds), or ("other", None)."""
        s = self.s
        c = s[self.i]
        if c == "(":
            return self.group()
        if c == "[":
            self.skip_class()
            return "other", None
        if c == "\\":
            if self.i + 1 >= len(s):
                raise _GiveUp("a trailing backslash")
            e = s[self.i + 1]
            self.i += 2
            if e in "pP":
                if s.startswith("{", self.i):
                    close = s.find("}", self.i)
                    if close < 0:
                        raise _GiveUp("an unclosed property")
                    self.i = close + 1
                else:
                    raise _GiveUp("a one-letter property")
                return "other", None
            if e.isalnum() or e == "_":
                if e not in _CLASS_ESCAPES:
                    raise _GiveUp(f"the escape \\{e}")  # back references, \N, \x, \g, \L, \Q ...
                return "other", None
            return self.literal(e)
        self.i += 1
        if c in ".^$":
            return "other", None
        if c in "*+?{":
            raise _GiveUp("a quantifier with nothing to repeat")
        return self.literal(c)

    def literal(self, c: str) -> tuple[str, object]:
        if self.folded:
            if c.isascii():
                return "char", c.lower()
            if not _caseless(c):
                return "other", None
        return "char", c

    def group(self) -> tuple[str, object]:
        kind = self.open_group("x")
        if kind == "flags":
            return "other", None
        req = self.alternation()
        self.close_group()
        return ("other", None) if kind == "look" else ("group", req)


def literal_guard(pattern: regex.Pattern) -> Guard | None:
    """The guard of ``pattern``, or None when the reader does not know one."""
    flags = pattern.flags
    if flags & (regex.VERBOSE | regex.V1 | regex.FULLCASE):
        return None
    source = pattern.pattern
    if not isinstance(source, str) or regex.search(r"\(\?[a-zA-Z-]*[fVwbe0-9]", source):
        return None  # full case folding, version or word flags set inline
    folded = bool(flags & regex.IGNORECASE) or regex.search(r"\(\?[a-zA-Z-]*i", source) is not None
    reader = _Reader(source, folded)
    try:
        req = reader.alternation()
        if reader.i != len(source):
            raise _GiveUp("an unbalanced parenthesis")
    except (_GiveUp, IndexError):
        return None
    if not req or any(not x for x in req):
        return None
    return folded, tuple(sorted(req, key=lambda x: (-len(x), x)))


_LEADING_FLAGS = regex.compile(r"(?:\(\?[a-zA-Z]+\))+")
# after "^": what makes regex try many ways at the line's start (a repeated class: "^\S+ ...", or a
# lookahead that reads ahead through the line: "^(?!.*<)...")
_SLIDING = regex.compile(r"(?:\((?:\?:|\?P?<\w+>)?)*(?:(?:\\[SWwDd]|\\[pP]\{[^}]*\}|\.|\[(?:\\.|[^\]])*\])[+*{]|\(\?[=!])")
_READS_AHEAD = regex.compile(r"(?:\((?:\?:|\?P?<\w+>)?)*(?:\.[+*{]|\(\?[=!])")
# a group that opens the pattern: "(?:", "(?P<name>", "(?<name>" or "("
_OPEN_GROUP = regex.compile(r"\((?:\?:|\?P?<\w+>)?")


def _top_branches(source: str, at: int) -> list[str]:
    """The branches of the group that opens at ``at`` in ``source`` (its whole text when none opens there)."""
    m = _OPEN_GROUP.match(source, at)
    if m is None or source.startswith(("(?=", "(?!"), at):
        return [source[at:]]
    branches, depth, start, i = [], 0, m.end(), m.end()
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            # a class: skip to its closing bracket (a "]" right after "[" or "[^" is a member)
            i += 2 if source.startswith("[^", i) else 1
            if source.startswith("]", i):
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                branches.append(source[start:i])
                return branches
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
        i += 1
    return [source[at:]]  # unbalanced: read it as one branch


def worth_guarding(pattern: regex.Pattern, guard: Guard) -> bool:
    """Whether testing ``guard`` is likely cheaper than searching ``pattern`` (speed only, never results).

    ``regex`` fails fast on most patterns anchored at the line's start; it does not on
    one that opens with a repeated class (``^\\S+(?: \\S+){0,4} said``) or a lookahead
    (``^(?!.*<)...``), nor on one whose opening group has a later branch that reads
    through the line that way (``^(?:« ...|(?![^«]*«).*»)``), nor on an unanchored
    pattern, which it tries at every position.
    """
    source = pattern.pattern
    m = _LEADING_FLAGS.match(source)
    if m is not None:
        source = source[m.end():]
    if source.startswith("^"):
        if len(guard[1]) <= 2 or _SLIDING.match(source, 1) is not None:
            return True
        # a later branch that reads through the line before it can fail: a lookahead or ".*"
        return any(_READS_AHEAD.match(b) is not None for b in _top_branches(source, 1)[1:])
    return True


# ---------------------------------------------------------------------------- shapes (session 11)
#
# A pattern's *shape*: the fewest characters any match spans, and, for a pattern anchored at the
# line's start, the ASCII characters a match can begin with. The engine tests both before a search
# (``len(line) >= least``; the line's first character among ``first`` or beyond ASCII), so that a
# short line or one that starts with the wrong character costs a comparison instead of a ``regex``
# call. Which ASCII characters a single-character piece of the pattern (a literal, an escape, a
# class, ``.``) matches is asked of ``regex`` itself, with the pattern's flags, so that case folding
# and properties are ``regex``'s own; a line whose first character is beyond ASCII is always searched.

#: ``(least, first)``: every match spans at least ``least`` characters; when ``first`` is not None, the
#: pattern matches only at the line's start and a match starts with one of ``first`` or beyond ASCII.
Shape = tuple[int, Optional[frozenset]]

_ASCII_ALL = "".join(chr(c) for c in range(128))
# escapes (a letter after the backslash) that match one character
_ONE_CHAR_ESCAPES = frozenset("dDsSwWtnrfv")


# the ASCII characters of each one-character piece, by its source and flags (pieces repeat across patterns)
_PIECES: dict[tuple[str, int], frozenset] = {}


class _ShapeReader(_Cursor):
    """Reads a pattern's source into ``(least, first, nullable)`` per piece; ``first`` None means "any"."""

    def __init__(self, source: str, flags: int):
        super().__init__(source)
        self.flags = flags
        self.ignorecase = bool(flags & regex.IGNORECASE)

    def ascii_set(self, piece: str) -> frozenset:
        """The ASCII characters the one-character piece ``piece`` matches, as ``regex`` reads it."""
        key = (piece, self.flags)
        done = _PIECES.get(key)
        if done is None:
            # (a one-character piece matches exactly the characters findall finds in a string of them all)
            done = _PIECES[key] = frozenset(regex.compile(piece, self.flags).findall(_ASCII_ALL))
        return done

    def alternation(self, top: bool = False):
        branches = [self.branch(top)]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            branches.append(self.branch(top))
        least = min(b[0] for b in branches)
        nullable = any(b[2] for b in branches)
        first = None if any(b[1] is None for b in branches) else frozenset().union(*(b[1] for b in branches))
        return least, first, nullable

    def branch(self, top: bool):
        """``(least, first, nullable)`` of a sequence; at the top, ``first`` is None unless it opens with ``^``."""
        s = self.s
        least, first, nullable = 0, frozenset(), True
        anchored = not top
        start = True
        while self.i < len(s) and s[self.i] not in "|)":
            if top and start:
                # leading global flags, then "^": the branch matches only at the line's start
                m = _LEADING_FLAGS.match(s, self.i)
                if m is not None and m.end() > self.i:
                    self.i = m.end()
                    continue
                if s.startswith("^", self.i):
                    self.i += 1
                    anchored = True
                    start = False
                    continue
            start = False
            a_least, a_first, a_nullable = self.atom()
            q_least, _ = self.quantifier()
            if q_least == 0:
                a_nullable = True
            least += a_least * q_least
            if nullable:
                first = None if first is None or a_first is None else first | a_first
                nullable = a_nullable
        if not anchored or nullable:
            first = None
        return least, first, nullable

    def atom(self):
        """``(least, first, nullable)`` of the piece at the cursor."""
        s = self.s
        c = s[self.i]
        if c == "(":
            return self.group()
        if c == "[":
            start = self.i
            self.skip_class()
            return 1, self.ascii_set(s[start:self.i]), False
        if c == "\\":
            if self.i + 1 >= len(s):
                raise _GiveUp("a trailing backslash")
            e = s[self.i + 1]
            if e in "pP":
                close = s.find("}", self.i) if s.startswith("{", self.i + 2) else -1
                if close < 0:
                    raise _GiveUp("a property without braces")
                piece = s[self.i:close + 1]
                self.i = close + 1
                return 1, self.ascii_set(piece), False
            self.i += 2
            if e in "bBAZz":
                return 0, frozenset(), True
            if e.isalnum() or e == "_":
                if e not in _ONE_CHAR_ESCAPES:
                    raise _GiveUp(f"the escape \\{e}")
            return 1, self.ascii_set("\\" + e), False
        self.i += 1
        if c in "^$":
            if c == "^":
                raise _GiveUp("a '^' inside the pattern")
            return 0, frozenset(), True
        if c in "*+?{":
            raise _GiveUp("a quantifier with nothing to repeat")
        if c == ".":
            return 1, None, False
        return 1, self.literal_set(c), False

    def literal_set(self, c: str) -> frozenset:
        """The ASCII characters the literal ``c`` matches: itself, both cases of an ASCII letter under
        IGNORECASE, and for the three characters beyond ASCII that IGNORECASE matches with an ASCII
        letter (see :func:`fold`), what ``regex`` says."""
        if c.isascii():
            return frozenset({c.lower(), c.upper()}) if self.ignorecase else frozenset(c)
        if self.ignorecase and c in "\u0130\u017f\u212a":
            return self.ascii_set(regex.escape(c))
        return frozenset()

    def group(self):
        kind = self.open_group("xm")
        if kind == "flags":
            raise _GiveUp("inline flags inside the pattern")
        least, first, nullable = self.alternation()
        self.close_group()
        if kind == "look":
            return 0, frozenset(), True
        return least, first, nullable


def pattern_shape(pattern: regex.Pattern) -> Shape:
    """The :data:`Shape` of ``pattern``; ``(0, None)`` when the reader does not follow its syntax."""
    flags = pattern.flags
    source = pattern.pattern
    if flags & (regex.VERBOSE | regex.V1 | regex.FULLCASE | regex.MULTILINE) or not isinstance(source, str):
        return 0, None
    if regex.search(r"\(\?[a-zA-Z-]*[fVwbexm0-9]", source):
        return 0, None  # full case folding, version, word, verbose or multi-line flags set inline
    folded = bool(flags & regex.IGNORECASE) or regex.search(r"\(\?[a-zA-Z-]*i", source) is not None
    # one-character pieces read with the pattern's case and dot flags (a scoped "(?i:...)" read as everywhere,
    # which only adds characters)
    piece_flags = (flags & (regex.ASCII | regex.UNICODE | regex.LOCALE | regex.IGNORECASE)) | regex.DOTALL
    if folded:
        piece_flags |= regex.IGNORECASE
    reader = _ShapeReader(source, piece_flags)
    try:
        least, first, nullable = reader.alternation(top=True)
        if reader.i != len(source):
            raise _GiveUp("an unbalanced parenthesis")
    except (_GiveUp, IndexError, regex.error):
        return 0, None
    return least, (None if nullable else first)
