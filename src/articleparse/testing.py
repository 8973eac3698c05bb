"""Helpers for testing rule packs, for this project's tests and for third-party packs alike.

A pack's own test suite can be one line::

    from articleparse.testing import check_pack

    def test_my_pack():
        assert check_pack("site.example.org") == []

:func:`check_pack` loads the pack, lints its ``pack.toml``, runs every rule example, rejects
patterns that backtrack catastrophically and compares every golden in the pack's ``fixtures/``
folder. ``articleparse packs check PATH`` runs exactly the same checks (through
:func:`check_pack_report`).

:func:`rule_example_cases` yields one case per example of every rule, for
``pytest.mark.parametrize``, so each example is its own test item; :func:`golden_cases` does
the same for goldens.

**Goldens.** A golden is a JSON file ``fixtures/NAME.json`` in the pack folder::

    {"input": "NAME.txt", "url": "https://example.org/a", "lang": null, "expected": {...}}

``input`` is the dump, relative to the JSON file; ``url`` and ``lang`` are passed to
``parse`` (a site pack is only used for pages of its domains, so its goldens need a ``url``);
``expected`` is :func:`snapshot` of the Article, or any subset of its keys: only the keys
present are compared. Without ``expected`` the golden fails until it is written with
:func:`update_golden` (``articleparse packs check PATH --update-goldens``).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import sys
import threading
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from .errors import ArticleparseError, PackError
from .features import Features
from .lines import split_lines, split_units
from .rules.base import FEATURE_NAMES, Context, Example, Rule
from .rules.loader import Pack, installed_packs, load_installed, load_pack, load_pack_folder

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = [
    "ExampleCase",
    "GoldenCase",
    "PackReport",
    "PatternRisk",
    "check_case",
    "check_golden",
    "check_pack",
    "check_pack_report",
    "engine_with",
    "evaluate_example",
    "golden_cases",
    "hidden_vote",
    "load_pack_path",
    "pattern_findings",
    "pattern_problems",
    "pattern_risks",
    "probe_pattern",
    "rule_example_cases",
    "snapshot",
    "update_golden",
]

#: Seconds one search of an adversarial line may take before the pattern is rejected.
PROBE_TIMEOUT = 0.5

#: Length of the adversarial lines for a rule without ``max_chars`` (and for site signatures).
PROBE_LENGTH = 5000


# ------------------------------------------------------------------ examples


@attrs.frozen
class ExampleCase:
    """One example of one rule: ``expect`` is True for a ``match`` example."""

    pack: Pack
    rule: Rule
    example: Example
    expect: bool
    number: int

    @property
    def id(self) -> str:
        return f"{self.rule.id}-{'match' if self.expect else 'no_match'}-{self.number}"


def _example_page(pack: Pack, example: Example) -> tuple[int, Context]:
    """The example's lines as a page: the index of its own unit and the page's ``Context``, read with the
    pack's first language (English for a pack without one) and its stop words (the language's if it has none)."""
    from .engine import default_engine

    engine = default_engine()
    language = pack.languages[0] if pack.languages else "en"
    ruleset = engine._ruleset(language)
    stopwords = pack.stopwords or ruleset.stopwords
    text = "\n".join([*example.before, example.text, *example.after])
    units = split_units(split_lines(text))
    features = [Features(u.index, u.text, stopwords) for u in units]
    return len(example.before), Context(features, units, engine.params, ruleset.dates, language, stopwords)


def evaluate_example(pack: Pack, rule: Rule, example: Example, *, bare: bool = False) -> float:
    """The strength with which ``rule`` fires on ``example`` (its neighbours around it).

    ``bare=True`` calls a code rule's function without its preconditions (``code_rule(when=...,
    contains=...)``): what the function says on a line the preconditions keep from it.
    """
    target, ctx = _example_page(pack, example)
    features = ctx.features
    if bare and rule.function is not None:
        out = rule.function(features[target], ctx)
        return float((out[0] if isinstance(out, tuple) else out) or 0.0)
    strength, _ = rule.evaluate(features[target], ctx)
    return strength


def hidden_vote(pack: Pack, rule: Rule, example: Example) -> bool:
    """True when ``rule``'s preconditions keep it from ``example`` although its function would vote there.

    A code rule's ``when`` and ``contains`` must only skip lines the function is silent on;
    the engine never calls the function on the others, so a wrong precondition loses votes.
    """
    if rule.kind != "code" or not (rule.conditions or rule.facts or rule.contains):
        return False
    target, ctx = _example_page(pack, example)
    features = ctx.features
    if not rule.applies_to(features[target]) or rule.admits(features[target], ctx):
        return False
    return evaluate_example(pack, rule, example, bare=True) != 0


def rule_example_cases(packs: list[Pack] | None = None) -> Iterator[ExampleCase]:
    """Every example of every rule of ``packs`` (all installed packs when None)."""
    for pack in packs if packs is not None else load_installed():
        for rule in pack.rules:
            for n, ex in enumerate(rule.match):
                yield ExampleCase(pack, rule, ex, True, n)
            for n, ex in enumerate(rule.no_match):
                yield ExampleCase(pack, rule, ex, False, n)


def check_case(case: ExampleCase) -> str | None:
    """None when the example behaves as declared, else a message saying what to fix."""
    try:
        strength = evaluate_example(case.pack, case.rule, case.example)
    except Exception as exc:  # a code rule that raises is a broken rule, not a crash of the check
        return (f"pack {case.pack.id!r} rule {case.rule.id}: raised {type(exc).__name__}: {exc} on its "
                f"{'match' if case.expect else 'no_match'} example {case.example.text!r}; fix the rule in "
                f"{case.pack.path}")
    # a rule with a negative weight "fires" when it votes at all
    fired = strength != 0
    if fired == case.expect:
        if not case.expect and hidden_vote(case.pack, case.rule, case.example):
            return (f"pack {case.pack.id!r} rule {case.rule.id}: its preconditions (when=, contains=) keep it from its "
                    f"no_match example {case.example.text!r}, but its function votes there; make the preconditions "
                    f"hold wherever the function can fire, in {case.pack.path}")
        return None
    if case.expect and hidden_vote(case.pack, case.rule, case.example):
        return (f"pack {case.pack.id!r} rule {case.rule.id}: its preconditions (when=, contains=) keep it from its "
                f"match example {case.example.text!r}, on which its function fires; make the preconditions hold "
                f"wherever the function can fire, in {case.pack.path}")
    verb = "does not fire on" if case.expect else "fires on"
    field = "match" if case.expect else "no_match"
    return (f"pack {case.pack.id!r} rule {case.rule.id}: {verb} its {field} example {case.example.text!r}; "
            f"fix the rule or the example in {case.pack.path}")


# ------------------------------------------------------------------ loading any folder

_module_counter = itertools.count()


def load_pack_path(path: str | Path) -> Pack:
    """Load the pack in folder ``path`` (or its ``pack.toml``), code rules in ``rules.py`` included.

    The folder need not be installed or importable: ``rules.py`` is imported from its file under
    a fresh module name, so a pack can be checked before it is installed, and re-checked after
    an edit in the same process.

        >>> load_pack_path("src/articleparse/packs/core").rules[0].id
        'core:...'
    """
    folder = Path(path)
    if folder.name == "pack.toml":
        folder = folder.parent
    if not (folder / "rules.py").is_file():
        return load_pack_folder(folder, origin=str(folder))
    # a synthetic package whose __path__ is the folder, so rules.py can import its siblings
    name = f"_articleparse_checked_pack_{next(_module_counter)}"
    package = types.ModuleType(name)
    package.__path__ = [str(folder.resolve())]  # type: ignore[attr-defined]
    package.__package__ = name
    sys.modules[name] = package
    try:
        return load_pack_folder(folder, origin=str(folder), module=name)
    except PackError:
        raise
    except Exception as exc:
        raise PackError(f"pack folder {folder}: rules.py failed to import: {type(exc).__name__}: {exc}; "
                        f"fix {folder / 'rules.py'}") from exc
    finally:
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            del sys.modules[key]


def _resolve(pack: str | Path | Pack) -> Pack:
    """A Pack from a Pack, a Path, a string with a slash (folders), or an id (installed first, then a folder)."""
    if isinstance(pack, Pack):
        return pack
    text = str(pack)
    # `packs new site.example.org` makes a folder named like the id: the installed pack wins
    looks_like_path = "/" in text or os.sep in text or (text not in installed_packs() and Path(text).is_dir())
    if isinstance(pack, Path) or looks_like_path:
        return load_pack_path(pack)
    return load_pack(text)


# ------------------------------------------------------------------ pack.toml lint

#: Keys of the ``[pack]`` table and the top-level tables the loader reads.
PACK_KEYS = ("id", "kind", "version", "description", "languages", "domains", "signature")
TOP_LEVEL_KEYS = ("pack", "rules", "params")


def _lint(pack: Pack) -> list[str]:
    """Mistakes the loader lets through: typos in table names and keys, odd bounds, clashing examples."""
    toml_path = pack.path / "pack.toml"
    problems: list[str] = []

    def fail(where: str, what: str, fix: str) -> None:
        problems.append(f"pack {pack.id!r} {where}: {what}; {fix} in {toml_path}")

    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return problems  # the loader has already said so
    for key in sorted(set(data) - set(TOP_LEVEL_KEYS)):
        # `[[rule]]` for `[[rules]]` would silently load a pack with no rules
        fail(f"table [{key}]", "is not read by articleparse", f"use only {', '.join(TOP_LEVEL_KEYS)}")
    head = data.get("pack", {})
    for key in sorted(set(head) - set(PACK_KEYS)):
        fail(f"field {key}", "is not a [pack] field", f"use only {', '.join(PACK_KEYS)}")
    for key in ("languages", "domains"):
        value = head.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            fail(f"field {key}", f"is {value!r}, not a list of strings", f'write it as {key} = ["..."]')
    if pack.kind == "language" and not pack.languages:
        fail("field languages", "is missing, so the engine never uses this language pack",
             'list its language codes (languages = ["xx"])')
    if pack.kind == "site" and not pack.domains:
        fail("field domains", "is missing, so the engine never uses this site pack",
             'list its domains (domains = ["example.org"])')
    rank = data.get("params", {}).get("headline_rank")
    if rank is not None:
        from .headline import compile_model
        try:
            compile_model(rank)
        except PackError as err:
            fail("table [params.headline_rank]", str(err).split("; ")[0], str(err).split("; ", 1)[-1])
    for raw in data.get("rules", ()):
        rid = str(raw.get("id", "?"))
        where = f"rule {rid}"
        description = str(raw.get("description", ""))
        if "\n" in description.strip():
            fail(where + " field description", "spans several lines", "keep it to one line")
        lo, hi = raw.get("min_chars", 0), raw.get("max_chars")
        for key, value in (("min_chars", lo), ("max_chars", hi)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                fail(where + f" field {key}", f"is {value!r}, not a whole number of characters", "set one")
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            fail(where + " field max_chars", f"is {hi}, below min_chars {lo}, so the rule never fires",
                 "raise max_chars or lower min_chars")
        for name, bound in dict(raw.get("when", {})).items():
            kind = FEATURE_NAMES.get(name)
            values = bound if isinstance(bound, list) else [bound]
            if kind is None:
                continue  # the loader reports unknown features
            if isinstance(bound, list) and len(bound) != 2:
                fail(where + f" field when.{name}", f"is {bound!r}", "give one value or a [low, high] pair")
            elif kind is bool and not all(isinstance(v, bool) for v in values):
                fail(where + f" field when.{name}", f"is {bound!r}, but {name} is true or false",
                     f"write {name} = true or {name} = false")
            elif kind is not bool and not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                              for v in values):
                fail(where + f" field when.{name}", f"is {bound!r}, but {name} is a number",
                     f"write {name} = [low, high] with numbers")
            elif isinstance(bound, list) and bound[0] > bound[1]:
                fail(where + f" field when.{name}", f"low bound {bound[0]} is above high bound {bound[1]}",
                     "swap them")
    for rule in pack.rules:
        for ex in rule.no_match:
            if ex in rule.match:  # the same line with the same neighbours cannot both fire and not
                fail(f"rule {rule.id} field no_match", f"repeats the match example {ex.text!r}",
                     "keep each line in one list only")
    return problems


# ------------------------------------------------------------------ catastrophic backtracking


@attrs.frozen
class PatternRisk:
    """A repeated part of a pattern that can match the same text in many ways.

    ``inner`` is the ambiguous repetition, ``outer`` the repetition around it, ``pump`` a
    character both can consume, ``unbounded`` whether ``outer`` has no upper limit (then the
    work grows exponentially with the line's length; otherwise as a power of it).
    """

    inner: str
    outer: str
    pump: str
    unbounded: bool

    def describe(self) -> str:
        growth = "exponentially" if self.unbounded else "polynomially"
        return (f"nested quantifier: {self.inner} inside {self.outer} can split a run of {self.pump!r} "
                f"in many ways, so the work grows {growth} on a line that almost matches")


try:  # the parser of Python's own `re`; the `regex` module's syntax is mostly a superset
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_MAXREPEAT = _sre.MAXREPEAT

# characters the analysis reasons about: every set is cut down to these (and the pattern's own)
_UNIVERSE = (
    [chr(c) for c in range(0x20, 0x7F)] + list("\t\n\xa0\u2009\u3000")
    + list("éÉßøÆçñüÜ’‘“”–—•·›»«…©®€£")
    + list("中文日本語한국어ไทยабвАБВ٣١")
)

# regex-module escapes Python's parser does not know
_ESCAPES = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]|\\[mM]|\\X|\\.|\[|\]", regex.S)


def _universe(source: str) -> list[str]:
    chars = dict.fromkeys(_UNIVERSE)
    for ch in source:
        for variant in (ch, ch.lower(), ch.upper()):
            if len(variant) == 1:
                chars.setdefault(variant)
    return list(chars)


def _class_body(chars: Iterable[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars) or "\ue000"


def _to_python_syntax(source: str, universe: list[str]) -> str:
    """``source`` with ``\\p{..}``, ``\\m`` and ``\\X`` rewritten for Python's parser, over ``universe``."""
    out: list[str] = []
    pos = 0
    in_class = False
    for m in _ESCAPES.finditer(source):
        out.append(source[pos:m.start()])
        pos = m.end()
        token = m.group()
        if token == "[":
            in_class = True
        elif token == "]":
            in_class = False
        elif token[:2] in ("\\p", "\\P"):
            test = regex.compile(token)
            body = _class_body(c for c in universe if test.match(c))
            token = body if in_class else f"[{body}]"
        elif token in ("\\m", "\\M"):
            token = "\\b"
        elif token == "\\X":
            token = "."
        out.append(token)
    out.append(source[pos:])
    return "".join(out)


def _name(op: Any) -> str:
    return str(op).upper()


class _Analysis:
    """First sets, nullability and consumable characters of a parsed pattern, over a universe."""

    def __init__(self, universe: list[str]):
        self.universe = universe
        self.all = frozenset(universe) - {"\n"}
        self.risks: list[PatternRisk] = []

    # ---- character sets

    def _category(self, cat: Any) -> frozenset[str]:
        name = _name(cat).replace("UNI_", "").replace("LOC_", "")
        tests = {
            "CATEGORY_DIGIT": str.isdecimal,
            "CATEGORY_SPACE": str.isspace,
            "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
            "CATEGORY_LINEBREAK": lambda c: c == "\n",
        }
        negate = "_NOT_" in name
        test = tests.get(name.replace("_NOT_", "_"), lambda c: True)
        return frozenset(c for c in self.universe if bool(test(c)) != negate)

    def _literal(self, code: int, ic: bool) -> frozenset[str]:
        ch = chr(code)
        return frozenset({ch, ch.lower(), ch.upper()} if ic else {ch}) & frozenset(self.universe) | {ch}

    def charset(self, op: str, av: Any, ic: bool) -> frozenset[str] | None:
        """The characters a one-character item matches, or None when it is not one."""
        if op == "LITERAL":
            return self._literal(av, ic)
        if op == "NOT_LITERAL":
            return self.all - self._literal(av, ic)
        if op == "ANY":
            return self.all
        if op == "IN":
            chars: set[str] = set()
            negate = False
            for sub_op, sub_av in av:
                name = _name(sub_op)
                if name == "NEGATE":
                    negate = True
                elif name == "LITERAL":
                    chars |= self._literal(sub_av, ic)
                elif name == "RANGE":
                    lo, hi = sub_av
                    chars |= {c for c in self.universe if lo <= ord(c) <= hi}
                    if ic:
                        chars |= {c for c in self.universe
                                  if any(len(v) == 1 and lo <= ord(v) <= hi for v in (c.lower(), c.upper()))}
                elif name == "CATEGORY":
                    chars |= self._category(sub_av)
            return self.all - chars if negate else frozenset(chars)
        return None

    # ---- first sets

    def item(self, item: tuple[Any, Any], ic: bool) -> tuple[frozenset[str], bool, frozenset[str]]:
        """(first characters, can match empty, every character it can consume) of one item."""
        op, av = _name(item[0]), item[1]
        chars = self.charset(op, av, ic)
        if chars is not None:
            return chars, False, chars
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, _hi, sub = av
            first, nullable, consumed = self.seq(sub, ic)
            return first, nullable or lo == 0, consumed
        if op == "SUBPATTERN":
            return self.seq(av[-1], self._flags(av, ic))
        if op == "ATOMIC_GROUP":
            return self.seq(av, ic)
        if op == "BRANCH":
            parts = [self.seq(alt, ic) for alt in av[1]]
            return (frozenset().union(*(p[0] for p in parts)), any(p[1] for p in parts),
                    frozenset().union(*(p[2] for p in parts)))
        if op == "GROUPREF_EXISTS":
            parts = [self.seq(alt, ic) for alt in av[1:] if alt is not None]
            return (frozenset().union(*(p[0] for p in parts)), True, frozenset().union(*(p[2] for p in parts)))
        if op == "GROUPREF":
            return self.all, True, self.all  # it repeats an earlier group: assume the worst
        return frozenset(), True, frozenset()  # assertions, anchors: zero width

    def seq(self, items: Sequence[Any], ic: bool, start: int = 0) -> tuple[frozenset[str], bool, frozenset[str]]:
        first: set[str] = set()
        consumed: set[str] = set()
        nullable = True
        for item in list(items)[start:]:
            f, n, c = self.item(item, ic)
            consumed |= c
            if nullable:
                first |= f
                nullable = n
        return frozenset(first), nullable, frozenset(consumed)

    @staticmethod
    def _flags(av: Any, ic: bool) -> bool:
        if len(av) == 4:  # (group, add_flags, del_flags, pattern) from Python 3.6 on
            add, remove = av[1], av[2]
            if add & _sre.SRE_FLAG_IGNORECASE:
                return True
            if remove & _sre.SRE_FLAG_IGNORECASE:
                return False
        return ic

    # ---- the search for ambiguous repetitions

    def _can_fail(self, items: Sequence[Any], ic: bool) -> bool:
        """Whether matching ``items`` can fail once reached: something must match, or an assertion may not hold."""
        for item in items:
            op, av = _name(item[0]), item[1]
            if op in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF", "GROUPREF_EXISTS"):
                return True
            if not self.item(item, ic)[1]:
                return True
            if op == "SUBPATTERN" and self._can_fail(av[-1], self._flags(av, ic)):
                return True
            if op == "BRANCH" and any(self._can_fail(alt, ic) for alt in av[1]):
                return True
        return False

    def scan(self, items: Sequence[Any], ic: bool, tail_fails: bool = False) -> None:
        """Check every repetition in ``items`` (recursively); ``tail_fails``: what follows ``items`` can fail."""
        items = list(items)
        for i, item in enumerate(items):
            op, av = _name(item[0]), item[1]
            rest_fails = tail_fails or self._can_fail(items[i + 1:], ic)
            if op in ("MAX_REPEAT", "MIN_REPEAT"):
                lo, hi, sub = av
                if hi > 1:
                    # when nothing after the loop can fail, only its first `lo` rounds are ever retried
                    unbounded = hi == _MAXREPEAT and rest_fails
                    first, _, _ = self.seq(sub, ic)
                    self._walk(sub, ic, first, outer=item, unbounded=unbounded)
                self.scan(sub, ic, True)
            elif op == "SUBPATTERN":
                self.scan(av[-1], self._flags(av, ic), rest_fails)
            elif op == "BRANCH":
                for alt in av[1]:
                    self.scan(alt, ic, rest_fails)
            elif op == "POSSESSIVE_REPEAT":
                self.scan(av[2], ic, True)
            elif op == "ATOMIC_GROUP":
                self.scan(av, ic, True)
            elif op in ("ASSERT", "ASSERT_NOT"):
                self.scan(av[1], ic, True)

    def _walk(self, items: Sequence[Any], ic: bool, follow: frozenset[str], *, outer: Any, unbounded: bool) -> None:
        """Within one round of ``outer``: can an inner repetition take characters that may also follow it?"""
        items = list(items)
        for i, item in enumerate(items):
            op, av = _name(item[0]), item[1]
            rest_first, rest_nullable, _ = self.seq(items, ic, i + 1)
            after = rest_first | (follow if rest_nullable else frozenset())
            if op in ("MAX_REPEAT", "MIN_REPEAT"):
                lo, hi, sub = av
                _, _, consumed = self.seq(sub, ic)
                overlap = consumed & after
                if hi != lo and overlap:
                    pump = min(overlap, key=lambda c: (not c.islower(), not c.isalnum(), c != " ", c))
                    self.risks.append(PatternRisk(inner=self.render([item]), outer=self.render([outer]),
                                                  pump=pump, unbounded=unbounded))
                    continue  # one finding per inner repetition is enough
                sub_first, _, _ = self.seq(sub, ic)
                self._walk(sub, ic, sub_first | after, outer=outer, unbounded=unbounded)
            elif op == "SUBPATTERN":
                self._walk(av[-1], self._flags(av, ic), after, outer=outer, unbounded=unbounded)
            elif op == "BRANCH":
                singles = [self.charset(_name(alt[0][0]), alt[0][1], ic) for alt in av[1] if len(alt) == 1]
                singles = [c for c in singles if c is not None]
                for a, b in itertools.combinations(singles, 2):
                    if a & b:  # `(?:\w|\d|ab)+`: a digit can be taken by either branch
                        self.risks.append(PatternRisk(inner=self.render([item]), outer=self.render([outer]),
                                                      pump=sorted(a & b)[0], unbounded=unbounded))
                        break
                for alt in av[1]:
                    self._walk(alt, ic, after, outer=outer, unbounded=unbounded)
            # possessive repeats and atomic groups never give characters back: no ambiguity

    # ---- messages

    @functools.cached_property
    def _named_sets(self) -> list[tuple[str, frozenset[str]]]:
        return [(name, frozenset(c for c in self.universe if regex.match(pat, c)))
                for name, pat in ((r"\w", r"\w"), (r"\p{L}", r"\p{L}"), (r"\p{Lu}", r"\p{Lu}"),
                                  (r"\p{Ll}", r"\p{Ll}"), (r"\d", r"\d"), (r"\s", r"\s"))]

    def render_set(self, chars: frozenset[str]) -> str:
        """A short class for ``chars``: named sets it contains, then the other characters (`[\\p{L}.'’-]`)."""
        if chars == self.all:
            return "."
        negate = len(self.all - chars) <= 8  # `[^,;]` reads better than a list of everything else
        left = set(self.all - chars if negate else chars)
        parts = []
        for name, members in self._named_sets:
            if members and members <= left:
                parts.append(name)
                left -= members
        shown = sorted(left)
        parts += [re.escape(c) if c not in "’‘“”–—•·›»«…" else c for c in shown[:8]]
        body = "".join(parts) + ("…" if len(shown) > 8 else "")
        if not negate and len(parts) == 1 and len(shown) <= 1:
            return body
        return f"[{'^' if negate else ''}{body}]"

    def render(self, items: Sequence[Any], ic: bool = False) -> str:
        """A readable approximation of parsed ``items`` for messages (`(?:\\w+\\s?)*`), at most 60 characters."""
        out = []
        for item in items:
            op, av = _name(item[0]), item[1]
            chars = self.charset(op, av, False)
            if chars is not None:
                out.append(re.escape(chr(av)) if op == "LITERAL" else self.render_set(chars))
            elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                lo, hi, sub = av
                inner = self.render(sub)
                if len(sub) > 1 or (len(sub) == 1 and _name(sub[0][0]) == "BRANCH"):
                    inner = f"(?:{inner})"
                q = {(0, _MAXREPEAT): "*", (1, _MAXREPEAT): "+", (0, 1): "?"}.get(
                    (lo, hi), f"{{{lo},}}" if hi == _MAXREPEAT else f"{{{lo},{hi}}}" if lo != hi else f"{{{lo}}}")
                out.append(inner + q + ("?" if op == "MIN_REPEAT" else "+" if op == "POSSESSIVE_REPEAT" else ""))
            elif op == "SUBPATTERN":
                out.append(f"({self.render(av[-1])})")
            elif op == "BRANCH":
                out.append("|".join(self.render(alt) for alt in av[1]))
            elif op == "AT":
                out.append({"AT_BEGINNING": "^", "AT_END": "$", "AT_BOUNDARY": r"\b", "AT_BEGINNING_STRING": r"\A",
                            "AT_END_STRING": r"\Z"}.get(_name(av).replace("UNI_", ""), ""))
            else:
                out.append("…")
        text = "".join(out)
        return text if len(text) <= 60 else text[:59] + "…"


def pattern_risks(source: str) -> list[PatternRisk]:
    """Repetitions in ``source`` (``regex`` syntax) whose body can match the same text in many ways.

    Found structurally: an inner quantifier inside an outer one, where the characters the inner
    part consumes can also start what follows it inside the outer repetition (``(a+)+``,
    ``(\\w*)*``, ``(.*a){3}``, ``(?:\\w|\\d|ab)+``). A pattern Python's parser cannot read (rare
    ``regex``-only syntax) gives no risks; :func:`probe_pattern` still tests it.

        >>> [r.unbounded for r in pattern_risks(r"^(\\w+\\s?)*$")]
        [True]
        >>> pattern_risks(r"^By\\s+(\\p{Lu}\\w*)(?:\\s+\\p{Lu}\\w*){0,3}$")
        []
    """
    universe = _universe(source)
    try:
        parsed = _sre_parse.parse(_to_python_syntax(source, universe))
    except Exception:  # regex-only syntax such as fuzzy matching or (?|...)
        return []
    analysis = _Analysis(universe)
    ic = bool(parsed.state.flags & _sre.SRE_FLAG_IGNORECASE)
    analysis.scan(list(parsed), ic)
    unique: dict[tuple[str, str], PatternRisk] = {}
    for risk in analysis.risks:
        unique.setdefault((risk.inner, risk.outer), risk)
    return list(unique.values())


def _leading_literal(source: str) -> str:
    """The literal text a pattern must start with (``^Home ›`` gives ``Home ›``), for probe prefixes."""
    m = regex.match(r"(?:\(\?[a-zA-Z]+\))?\^?((?:[^\\\[\](){}.*+?|^$]|\\[^\w])*)", source)
    text = m.group(1) if m else ""
    return regex.sub(r"\\(.)", r"\1", text).rstrip("*+?")[:40]


def _adversarial(source: str, length: int, risks: Sequence[PatternRisk]) -> list[tuple[str, str]]:
    """(description, line) pairs built to make a backtracking matcher work hard."""
    length = max(length, 8)
    pumps = list(dict.fromkeys([r.pump for r in risks] + list("a A1 .-")))
    literals = [c for c in dict.fromkeys(source) if not c.isspace() and c not in "\\()[]{}?*+|^$"][:24]
    prefix = _leading_literal(source)
    lines = []
    for pump in pumps + literals:
        end = "!" if pump != "!" else "\x01"
        lines.append((f"{pump!r} × {length - 1} + {end!r}", pump * (length - 1) + end))
        if prefix:
            body = prefix + pump * (length - 1 - len(prefix)) + end
            lines.append((f"{prefix!r} + {pump!r} × {length - 1 - len(prefix)} + {end!r}", body))
    if literals:
        mix = "".join(literals)
        lines.append((f"the pattern's characters {mix[:20]!r} repeated", (mix * (length // len(mix) + 1))[:length]))
    words = ("Aa " * length)[:length]
    lines.append(("'Aa ' repeated", words))
    return lines


def probe_pattern(pattern: regex.Pattern | str, *, max_chars: int | None = None, timeout: float = PROBE_TIMEOUT,
                  risks: Sequence[PatternRisk] = ()) -> str | None:
    """Search adversarial lines with ``pattern``; describe the first that takes over ``timeout`` s, else None.

    The lines are as long as the rule may see (``max_chars``, else :data:`PROBE_LENGTH`): runs of
    one character ending in a character that breaks the match, runs of the pattern's own
    characters, and runs of each ambiguous character :func:`pattern_risks` found.

        >>> probe_pattern(r"^(?:\\w+\\s?)+$", timeout=0.2) is not None
        True
        >>> probe_pattern(r"^Home\\s*[›»]") is None
        True
    """
    compiled = regex.compile(pattern, regex.V0) if isinstance(pattern, str) else pattern
    length = min(max_chars if max_chars is not None else PROBE_LENGTH, PROBE_LENGTH)
    for description, line in _adversarial(compiled.pattern, length, risks):
        try:
            compiled.search(line, timeout=timeout)
        except TimeoutError:
            return f"a {len(line)}-character line of {description}"
    return None


def pattern_findings(pack: Pack, where: str, pattern: regex.Pattern, *, max_chars: int | None = None,
                     timeout: float = PROBE_TIMEOUT) -> tuple[list[str], list[str]]:
    """``(problems, warnings)`` of one compiled pattern of ``pack``; ``where`` names its rule and field.

    A problem (the pattern is rejected): a nested quantifier whose outer repetition is unbounded
    (the work grows exponentially, so no ``max_chars`` makes it safe), or any adversarial line
    as long as the rule may see that takes more than ``timeout`` seconds to search. A warning: a
    nested quantifier with a bounded outer repetition that the probe found fast enough.
    """
    risks = pattern_risks(pattern.pattern)
    fix = ("make the inner part unable to match what follows it (e.g. `\\w+(?:\\s\\w+)*` instead of "
           "`(?:\\w+\\s?)*`), make it possessive (`++`, `*+`) or atomic (`(?>...)`), or bound the "
           "repetition and set max_chars")
    toml_path = pack.path / "pack.toml"
    problems = [f"pack {pack.id!r} {where}: {risk.describe()}; {fix} in {toml_path}"
                for risk in risks if risk.unbounded]
    if problems:
        return problems, []
    slow = probe_pattern(pattern, max_chars=max_chars, timeout=timeout, risks=risks)
    if slow:
        reason = f" ({risks[0].describe()})" if risks else ""
        return [f"pack {pack.id!r} {where}: backtracks catastrophically: one search of {slow} "
                f"took over {timeout:g} s{reason}; {fix} in {toml_path}"], []
    length = min(max_chars if max_chars is not None else PROBE_LENGTH, PROBE_LENGTH)
    return [], [f"pack {pack.id!r} {where}: {risk.describe()}; accepted because lines of up to {length} "
                f"characters search fast, but keep max_chars small" for risk in risks]


def pattern_problems(pack: Pack, where: str, pattern: regex.Pattern, *, max_chars: int | None = None,
                     timeout: float = PROBE_TIMEOUT) -> list[str]:
    """The problems of :func:`pattern_findings` alone: empty when the pattern is safe to use.

        >>> pattern_problems(load_pack("en"), "rule xx:AB001 field pattern", regex.compile(r"^(\\w+\\s?)*$"))
        ["pack 'en' rule xx:AB001 field pattern: nested quantifier: ..."]
    """
    return pattern_findings(pack, where, pattern, max_chars=max_chars, timeout=timeout)[0]


# ------------------------------------------------------------------ goldens


def snapshot(article: Any) -> dict[str, Any]:
    """``article.to_dict()`` with each line reduced to its label: what a golden's ``expected`` holds."""
    data = article.to_dict()
    data["lines"] = [line["label"] for line in data["lines"]]
    return data


@attrs.frozen
class GoldenCase:
    """One golden fixture of a pack: ``path`` is its JSON file."""

    pack: Pack
    path: Path

    @property
    def id(self) -> str:
        return f"{self.pack.id}-{self.path.stem}"


def golden_cases(pack: str | Path | Pack) -> list[GoldenCase]:
    """The goldens ``fixtures/*.json`` of ``pack`` (an installed id, a folder or a loaded Pack), sorted."""
    loaded = _resolve(pack)
    return [GoldenCase(loaded, p) for p in sorted((loaded.path / "fixtures").glob("*.json"))]


_engine_lock = threading.Lock()


def engine_with(pack: Pack) -> Any:
    """An :class:`~articleparse.Engine` using ``pack`` (loaded from anywhere) and every other installed pack.

    ``pack`` replaces an installed pack of the same id, so a folder is checked as it is now,
    not as it was when it was installed.

        >>> engine_with(load_pack_path("src/articleparse/packs/en")).packs[0].id
        '...'
    """
    from . import engine as engine_module

    others = [p for p in load_installed() if p.id != pack.id]
    chosen = [*others, pack]
    # Engine() takes pack ids and loads installed packs; hand it these Pack objects instead
    with _engine_lock:
        original = engine_module.load_installed
        engine_module.load_installed = lambda ids=None: list(chosen)  # type: ignore[assignment]
        try:
            return engine_module.Engine(packs=[p.id for p in chosen])
        finally:
            engine_module.load_installed = original  # type: ignore[assignment]


def _read_golden(case: GoldenCase) -> tuple[dict[str, Any], str]:
    """The golden's JSON and its input text; raises ValueError with the message to show."""
    where = f"pack {case.pack.id!r} golden {case.path}"
    try:
        spec = json.loads(case.path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{where}: is not valid JSON ({exc}); fix the file") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("input"), str):
        raise ValueError(f'{where}: has no "input"; add "input": "NAME.txt", the dump next to it')
    for key in sorted(set(spec) - {"input", "url", "lang", "expected", "note"}):
        raise ValueError(f'{where}: key {key!r} is not read; use input, url, lang, expected (and note)')
    source = case.path.parent / spec["input"]
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        raise ValueError(f"{where} field input: file {source} cannot be read; put the dump there "
                         "or fix the name") from None
    return spec, text


def _parse_golden(case: GoldenCase, spec: Mapping[str, Any], text: str, engine: Any) -> Any:
    return engine.parse(text, url=spec.get("url"), lang=spec.get("lang"))


def _differences(expected: Mapping[str, Any], got: Mapping[str, Any], text: str) -> list[str]:
    """What differs between ``expected`` (any subset of a snapshot's keys) and ``got``, one line a field."""
    out = []
    for key, want in expected.items():
        if key not in got:
            out.append(f"field {key} is not an Article field")
            continue
        have = got[key]
        if want == have:
            continue
        if key == "lines" and isinstance(want, list):
            raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            diffs = [i for i in range(max(len(want), len(have)))
                     if (want[i] if i < len(want) else None) != (have[i] if i < len(have) else None)]
            shown = ", ".join(
                f"line {i + 1} {raw[i][:40]!r} expected {want[i] if i < len(want) else None}, "
                f"got {have[i] if i < len(have) else None}" for i in diffs[:3] if i < len(raw))
            more = f" and {len(diffs) - 3} more" if len(diffs) > 3 else ""
            out.append(f"field lines: {len(diffs)} labels differ ({shown}{more})")
        else:
            out.append(f"field {key}: expected {_short(want)}, got {_short(have)}")
    return out


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def check_golden(case: GoldenCase, engine: Any | None = None) -> list[str]:
    """Problems of one golden: empty when its Article matches ``expected``.

    ``engine`` defaults to :func:`engine_with` the golden's pack; pass one to share it between goldens.
    """
    try:
        spec, text = _read_golden(case)
    except ValueError as exc:
        return [str(exc)]
    where = f"pack {case.pack.id!r} golden {case.path.name}"
    problems = []
    if case.pack.kind == "site" and not spec.get("url") and getattr(case.pack, "signature", None) is None:
        problems.append(f'{where} field url: is missing, so the site pack is not used for this page; add '
                        f'"url": "https://{(case.pack.domains or ("example.org",))[0]}/..." in {case.path}')
    if "expected" not in spec:
        return problems + [f"{where}: has no expected Article yet; write it with "
                           f"`articleparse packs check {case.pack.path} --update-goldens` and review the diff"]
    expected = spec["expected"]
    if not isinstance(expected, dict):
        return problems + [f"{where} field expected: is not an object; regenerate it with --update-goldens"]
    engine = engine if engine is not None else engine_with(case.pack)
    got = snapshot(_parse_golden(case, spec, text, engine))
    for diff in _differences(expected, got, text):
        problems.append(f"{where} {diff}; fix the rules, or if the new output is right run "
                        f"`articleparse packs check {case.pack.path} --update-goldens` ({case.path})")
    return problems


def update_golden(case: GoldenCase, engine: Any | None = None) -> bool:
    """Rewrite the golden's ``expected`` from the current output; True when the file changed.

    Only the keys already in ``expected`` are rewritten (all of them when it has none), so a
    golden that pins a few fields stays that way.
    """
    spec, text = _read_golden(case)
    engine = engine if engine is not None else engine_with(case.pack)
    got = snapshot(_parse_golden(case, spec, text, engine))
    old = spec.get("expected")
    spec["expected"] = {k: got[k] for k in old if k in got} if isinstance(old, dict) and old else got
    new_text = json.dumps(spec, ensure_ascii=False, indent=1) + "\n"
    if case.path.read_text(encoding="utf-8") == new_text:
        return False
    case.path.write_text(new_text, encoding="utf-8")
    return True


# ------------------------------------------------------------------ the whole pack


@attrs.frozen
class PackReport:
    """What :func:`check_pack_report` checked and found: ``problems`` is empty when all is well."""

    pack_id: str
    path: Path | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    rules: int = 0
    examples: int = 0
    patterns: int = 0
    goldens: int = 0
    updated: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line: ``pack 'en' (.../en): 31 rules, 90 examples, 15 patterns, 0 goldens: OK``."""
        counts = (f"{self.rules} rule{'s' * (self.rules != 1)}, {self.examples} example{'s' * (self.examples != 1)}, "
                  f"{self.patterns} pattern{'s' * (self.patterns != 1)} probed, "
                  f"{self.goldens} golden{'s' * (self.goldens != 1)}")
        state = "OK" if self.ok else f"{len(self.problems)} problem{'s' * (len(self.problems) != 1)}"
        return f"pack {self.pack_id!r} ({self.path}): {counts}: {state}"


def check_pack_report(pack: str | Path | Pack, *, goldens: bool = True, backtracking: bool = True,
                      update_goldens: bool = False, timeout: float = PROBE_TIMEOUT) -> PackReport:
    """Run every check on ``pack`` and say what was checked; see :func:`check_pack`.

        >>> check_pack_report("en").summary()
        "pack 'en' (...): ... rules, ... examples, ... patterns probed, 0 goldens: OK"
    """
    try:
        loaded = _resolve(pack)
    except ArticleparseError as exc:
        return PackReport(pack_id=str(getattr(pack, "id", pack)), path=None, problems=(str(exc),))
    problems = _lint(loaded)
    cases = list(rule_example_cases([loaded]))
    for case in cases:
        msg = check_case(case)
        if msg:
            problems.append(msg)
    patterns = 0
    warnings: list[str] = []
    if backtracking:
        checked = [(f"rule {r.id} field pattern", r.pattern, r.max_chars)
                   for r in loaded.rules if r.kind == "pattern" and r.pattern is not None]
        signature = getattr(loaded, "signature", None)
        if signature is not None:  # searched in the whole dump, so probed at full length
            checked.append(("field signature", signature, None))
        for where, pattern, max_chars in checked:
            found, warned = pattern_findings(loaded, where, pattern, max_chars=max_chars, timeout=timeout)
            problems += found
            warnings += warned
        patterns = len(checked)
    golden_list = golden_cases(loaded) if goldens else []
    updated = []
    if golden_list:
        engine = engine_with(loaded)
        for case in golden_list:
            if update_goldens:
                try:
                    if update_golden(case, engine):
                        updated.append(case.path)
                except ValueError as exc:
                    problems.append(str(exc))
                    continue
            problems += check_golden(case, engine)
    return PackReport(pack_id=loaded.id, path=loaded.path, problems=tuple(problems), warnings=tuple(warnings),
                      rules=len(loaded.rules),
                      examples=len(cases), patterns=patterns, goldens=len(golden_list), updated=tuple(updated))


def check_pack(pack: str | Path | Pack, *, goldens: bool = True, backtracking: bool = True) -> list[str]:
    """Validate a pack and run all its checks; return the problems (empty when all is well).

    ``pack`` is an installed pack id, a pack folder (code rules in ``rules.py`` included) or a
    loaded :class:`Pack`. The checks: the pack loads; ``pack.toml`` has no unknown tables or
    fields and sane bounds; every ``match``/``no_match`` example behaves; no pattern backtracks
    catastrophically (:func:`pattern_problems`); every golden in ``fixtures/`` gives its
    expected Article. Each message names the pack, the rule or golden, the field and the fix.

        >>> check_pack("en")
        []
    """
    return list(check_pack_report(pack, goldens=goldens, backtracking=backtracking).problems)
