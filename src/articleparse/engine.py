"""The pipeline, end to end: lines → features → rules vote → decoder → assemble.

:class:`Engine` compiles its packs once and is then reused for any number of
documents; :func:`parse` uses a shared default engine built on first use.
"""

from __future__ import annotations

import datetime as _dt
import threading
from urllib.parse import urlsplit
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from . import assemble as _assemble
from ._gcpause import paused_gc
from .decoder import LABEL_INDEX, LABELS, decode, spacer, standfirst_pass
from .features import Features
from .headline import rank_headline
from .language import DETECTION_ONLY, StopwordIndex, detect_language
from .lines import detect_wrap_width, display_width, split_lines, split_units
from .model import Article, Label
from .rules.base import FEATURE_NAMES, Context, Rule
from .rules.guards import fold, literal_guard, pattern_shape, worth_guarding
from .rules.loader import Pack, load_installed

__all__ = ["Engine", "parse", "Votes"]

# a page shorter than this many long lines is searched in full for its language
_LANG_SAMPLE_UNITS = 40


@attrs.frozen
class Votes:
    """What the rules said about each unit: label scores, fired rules, captured matches."""

    scores: tuple[list[float], ...]
    fired: tuple[list[tuple[str, Label, float]], ...]
    matches: tuple[dict[str, Any], ...]


# how many distinct lines a rule set remembers the votes of, per generation: when the young
# generation is full it becomes the old one (lines found there are promoted), so memory stays
# bounded and the lines a site repeats stay remembered
_MEMO_SIZE = 4096
# cached feature values copied into the memo: the small ones (the token list is cheap to redo)
_MEMO_SKIP = frozenset({"tokens"})
# the max_chars of a rule without one
_UNBOUNDED = 1 << 62


class _RuleSet:
    """The rules that apply to pages of one language, indexed for speed.

    Phrase rules are one dict lookup per unit. The others are kept as
    ``(max_chars, min_chars, label index, weight, rule, search, function)`` tuples
    sorted by ``max_chars`` (longest first), so that a long line stops at the first
    rule too short for it. Rules that read only their own line (``page_context``
    false) are split from those that read the page: the votes of the first kind are
    remembered per line text, because menus, share bars and footers repeat within a
    page and across the pages of a site.
    """

    __slots__ = ("rules", "phrases", "phrase_chars", "line_checks", "page_checks", "run_line", "run_page", "stopwords", "dates",
                 "language", "memo", "memo_old", "memo_params")

    def __init__(self, packs: Sequence[Pack], language: str | None, dates: Any):
        self.language = language
        self.phrases: dict[str, list[tuple[int, float, Rule]]] = {}
        self.rules: list[Rule] = []
        # no phrase rule applies to a line longer than this: its phrase key need not be worked out
        self.phrase_chars = -1
        for pack in packs:
            for rule in pack.rules:
                if rule.kind == "phrases":
                    for key in rule.phrases:
                        self.phrases.setdefault(key, []).append((LABEL_INDEX[rule.label], rule.weight, rule))
                    self.phrase_chars = max(self.phrase_chars,
                                            _UNBOUNDED if rule.max_chars is None else rule.max_chars)
                else:
                    self.rules.append(rule)
        checks = sorted(
            ((r.max_chars if r.max_chars is not None else _UNBOUNDED, r.min_chars, LABEL_INDEX[r.label], r.weight, r,
              r.pattern.search if r.kind == "pattern" else None,
              r.function if r.kind == "code" else None) for r in self.rules),
            key=lambda c: -c[0],
        )
        self.line_checks = [c for c in checks if not c[4].page_context]
        self.page_checks = [c for c in checks if c[4].page_context]
        self.run_line = _compile_checks(self.line_checks, "line_checks")
        self.run_page = _compile_checks(self.page_checks, "page_checks")
        lang_packs = [p for p in packs if language and language in p.languages]
        if lang_packs:
            self.stopwords = frozenset().union(*(p.stopwords for p in lang_packs))
        else:  # a language the detector knows without a pack, or none
            self.stopwords = DETECTION_ONLY.get(language or "", frozenset())
        self.dates = dates
        self.memo: dict[tuple[str | None, str], tuple[Any, ...]] = {}
        self.memo_old: dict[tuple[str | None, str], tuple[Any, ...]] = {}
        self.memo_params: Any = None


# compiled check functions by the rules they run (the rules kept with them, so that their ids stay theirs):
# the engines of one process share them, as they share the loaded packs
_COMPILED: dict[tuple[Any, ...], tuple[list[Rule], Callable[..., None]]] = {}


def _compile_checks(checks: Sequence[tuple], name: str) -> Callable[..., None]:
    """:func:`_build_checks`, built once per list of rules in a process."""
    key = (name, *(id(c[4]) for c in checks))
    done = _COMPILED.get(key)
    if done is None:
        done = _COMPILED[key] = ([c[4] for c in checks], _build_checks(checks, name))
    return done[1]


# what is worked out once per pattern, by pattern id (the pattern kept with its answer, so that its id stays its own)
_GUARDS: dict[int, tuple[Any, Any]] = {}
_SHAPES: dict[int, tuple[Any, Any]] = {}


def _per_pattern(table: dict[int, tuple[Any, Any]], pattern: Any, compute: Callable[[Any], Any]) -> Any:
    """``compute(pattern)``, worked out once per pattern and remembered in ``table``."""
    done = table.get(id(pattern))
    if done is None:
        done = table[id(pattern)] = (pattern, compute(pattern))
    return done[1]


def _guard_of(pattern: Any) -> Any:
    """:func:`~articleparse.rules.guards.literal_guard` of ``pattern``, worked out once per pattern."""
    return _per_pattern(_GUARDS, pattern, literal_guard)


def _guard(pattern: Any) -> Any:
    """The literal guard of ``pattern`` when it is worth testing before a search, else None."""
    guard = _guard_of(pattern)
    return guard if guard is not None and worth_guarding(pattern, guard) else None


def _shape(pattern: Any) -> Any:
    """:func:`~articleparse.rules.guards.pattern_shape` of ``pattern``, worked out once per pattern."""
    return _per_pattern(_SHAPES, pattern, pattern_shape)


def _build_checks(checks: Sequence[tuple], name: str) -> Callable[..., None]:
    """One Python function that evaluates ``checks`` on a unit, in their order, appending what fired.

    The loop over the checks is unrolled into straight-line code, the rules' functions,
    patterns and weights bound as constants: the interpreter then spends its time in the
    rules instead of in unpacking and testing each check's bounds. The checks are
    sorted longest ``max_chars`` first, so a line too long for one check is too long
    for every later one and the function returns there. A code rule's preconditions
    (``code_rule(when=..., contains=...)``) and a ``when`` rule's thresholds are written
    in as tests, so that a rule is called only on lines it can fire on. The function takes
    ``(f, ctx, n, text, deltas, hits, caught)``, ``n`` being ``f.n_chars`` and ``text``
    ``f.text``. A pattern is searched only on lines as long as its shortest match, and a pattern
    anchored at the line's start only on lines that begin with a character its matches can
    begin with (:func:`~articleparse.rules.guards.pattern_shape`; ``t0`` is the line's first
    character, None beyond ASCII, where every anchored pattern is searched).
    """
    env: dict[str, Any] = {"isinstance": isinstance, "tuple": tuple, "fold": fold}
    code = [f"def {name}(f, ctx, n, text, deltas, hits, caught):", "    d = f.__dict__",
            "    t0 = text[:1]", "    if t0 > '\\x7f': t0 = None"]
    bound = None
    has_folded = False

    def need_folded(min_chars: int) -> None:
        nonlocal has_folded
        if not has_folded:
            # the folded line, worked out once, before the first test that needs it
            code.insert(len(code) - (1 if min_chars > 0 else 0), "    low = fold(text)")
            has_folded = True

    for k, (max_chars, min_chars, idx, weight, rule, search, function) in enumerate(checks):
        first = None
        if search is not None:
            least, first = _shape(rule.pattern)
            min_chars = max(min_chars, least)
        if max_chars != bound:
            bound = max_chars
            if bound < _UNBOUNDED:
                code.append(f"    if n > {bound}: return")
        pad = "    "
        if min_chars > 0:
            code.append(f"    if n >= {min_chars}:")
            pad = "        "
        env[f"I{k}"], env[f"L{k}"], env[f"W{k}"] = rule.id, rule.label, weight
        if search is not None:
            env[f"S{k}"], env[f"V{k}"] = search, weight * 1.0
            guard = _guard(rule.pattern)
            if guard is not None and guard[0]:
                need_folded(min_chars)  # now, while the last line written is this check's "if n >= ..." (if any)
            if first is not None:
                # None stands for any first character beyond ASCII
                env[f"A{k}"] = frozenset(first | {None})
                code.append(f"{pad}if t0 in A{k}:")
                pad += "    "
            if guard is not None:
                folded, literals = guard
                where = "low" if folded else "text"
                code.append(f"{pad}if " + " or ".join(f"{lit!r} in {where}" for lit in literals) + ":")
                pad += "    "
            code += [f"{pad}m = S{k}(text)",
                     f"{pad}if m is not None:",
                     f"{pad}    deltas.append(({idx}, V{k}))",
                     f"{pad}    hits.append((I{k}, L{k}, V{k}))",
                     f"{pad}    caught.append((I{k}, m))"]
            continue
        if rule.kind in ("code", "when"):
            tests = _precondition_tests(rule, k, env)
            if rule.contains:
                need_folded(min_chars)
            if tests:
                code.append(f"{pad}if " + " and ".join(tests) + ":")
                pad += "    "
            if rule.kind == "when":
                env[f"V{k}"] = weight * 1.0
                code += [f"{pad}deltas.append(({idx}, V{k}))",
                         f"{pad}hits.append((I{k}, L{k}, V{k}))"]
                continue
        if function is not None:
            env[f"F{k}"] = function
            code += [f"{pad}out = F{k}(f, ctx)",
                     f"{pad}if isinstance(out, tuple):",
                     f"{pad}    s, m = out",
                     f"{pad}else:",
                     f"{pad}    s, m = out, None"]
        else:
            env[f"R{k}"] = rule
            code.append(f"{pad}s, m = R{k}.evaluate(f, ctx)")
        code += [f"{pad}if s:",
                 f"{pad}    v = W{k} * s",
                 f"{pad}    deltas.append(({idx}, v))",
                 f"{pad}    hits.append((I{k}, L{k}, v))",
                 f"{pad}    if m is not None:",
                 f"{pad}        caught.append((I{k}, m))"]
    code.append("    return")
    exec(compile("\n".join(code), f"<articleparse.engine {name}>", "exec"), env)  # noqa: S102 - our own code
    return env[name]


def _constant(value: Any, name: str, env: dict[str, Any]) -> str:
    """``value`` as source: an int or float literal when it is one, else a name bound to it in ``env``."""
    if type(value) in (int, float) and value == value and abs(value) != float("inf"):
        return repr(value)
    env[name] = value
    return name


def _precondition_tests(rule: Rule, k: int, env: dict[str, Any]) -> list[str]:
    """Python tests of ``rule``'s conditions (:meth:`Rule.admits`), in its order: features, strings, facts.

    A feature test reads the attribute (computed on first use); ``low`` is the folded line.
    """
    tests = []
    for j, (feature, lo, hi) in enumerate(rule.conditions):
        attr = f"f.{feature}"
        if FEATURE_NAMES.get(feature) is bool and lo is not None and lo == hi and isinstance(lo, bool):
            tests.append(attr if lo else f"not {attr}")
        else:
            low, high = _constant(lo, f"B{k}_{j}", env), _constant(hi, f"H{k}_{j}", env)
            if lo is not None and lo == hi:
                tests.append(f"{attr} == {low}")
            elif hi is None and lo is not None:
                tests.append(f"{attr} >= {low}")
            elif lo is None and hi is not None:
                tests.append(f"{attr} <= {high}")
            elif lo is not None:
                tests.append(f"{low} <= {attr} <= {high}")
    if rule.contains:
        tests.append("(" + " or ".join(f"{s!r} in low" for s in rule.contains) + ")")
    for j, (fact, expected) in enumerate(rule.facts):
        # the fact as the unit's features hold it, else worked out (and kept there) by the fact itself
        env[f"C{k}_{j}"], key = fact, repr(fact.fact_key)
        test = f"(d[{key}] if {key} in d else C{k}_{j}(f, ctx))"
        tests.append(test if expected else f"not {test}")
    return tests


_DIGIT = regex.compile(r"\d")


def _full_stop(text: str) -> bool:
    """True when ``text`` ends a sentence with a full stop (``.``, ``。``), not an ellipsis."""
    t = text.rstrip().rstrip("\"'”’»)")
    return t.endswith("。") or (t.endswith(".") and not t.endswith(".."))


# an emoji or an emoticon at a line's end, before closing brackets: "und das gefällt mir 😉", "( … wissen ;-P )"
_SMILEY_END = regex.compile(r"(?:\p{Extended_Pictographic}|[;:]-?[)PpD])[\s\"'”’»)\]）」』]*$")


class _SentenceFlags(Sequence[bool]):
    """``decode``'s ``sentences``, worked out for a unit only when the trim pass asks about it (it reads a
    few units at the body's end, by index): a unit reads as a sentence when it has more than ``most`` words
    or ends like one."""

    def __init__(self, features: Sequence[Features], most: float) -> None:
        self._features = features
        self._most = most
        self._known: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self._features)

    def __getitem__(self, i):  # type: ignore[override]
        flag = self._known.get(i)
        if flag is None:
            f = self._features[i]
            flag = self._known[i] = f.n_words > self._most or _ends_like_sentence(f)
        return flag


def _ends_like_sentence(f: Features) -> bool:
    """True when a unit ends like a sentence: a final mark (``.``, ``!``, ``?``, ``…``, ``。``), an emoji or emoticon."""
    return f.ends_sentence or bool(_SMILEY_END.search(f.text[-16:]))


_SLASH_DATE = regex.compile(r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\d/])")
# glued renderings: "Australia28 October 2020", "Juni 201914. Januar 2020"
_GLUE_LETTER_DIGIT = regex.compile(r"(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})")
# "2019" run into what follows: the next date's day ("202020 janvier") or a clock time ("202207:59")
_GLUE_YEAR_DAY = regex.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}(?:\.|:\d\d|\s+\p{L}))")
# a line that holds neither seam: a letter beside a digit, or five digits from "19" or "20" on
_GLUE_ANY = regex.compile(r"\p{L}\d|\d\p{L}|(?:19|20)\d{3}")


def open_seams(text: str) -> str:
    """``text`` with a space where a date is glued to a word or to another date ("Collignon22. Februar")."""
    return _GLUE_YEAR_DAY.sub(" ", _GLUE_LETTER_DIGIT.sub(" ", text))


def page_date_order(text: str, default: str | None) -> str | None:
    """How this page writes 03/04/2022: "dmy" or "mdy" when one of its own slash dates says so.

    A page that writes 16/04/2020 somewhere reads its other day-month dates the same way,
    whatever its language's habit; without such a date the language's order stands.
    """
    dmy = mdy = 0
    for m in _SLASH_DATE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            dmy += 1
        elif second > 12 >= first:
            mdy += 1
    if dmy > mdy:
        return "dmy"
    if mdy > dmy:
        return "mdy"
    return default


# how many lines' dates a _LanguageDates remembers before it starts over
_DATES_MEMO_SIZE = 8192
# the dates of a line without any (shared: callers must not change what find returns)
_NO_DATES: list[Any] = []


class _LanguageDates:
    """The engine's date lexicon read with one order for ambiguous numeric dates.

    Without ``now`` the dates of a line depend only on its text and the order, so they
    are remembered (per engine, like the line votes): date lines, bylines and footers
    repeat within a page and across the pages of a site. Callers must not change the
    returned lists.
    """

    __slots__ = ("lexicon", "order", "_memo")

    def __init__(self, lexicon: Any, order: str | None):
        self.lexicon = lexicon
        self.order = order
        self._memo: dict[str, list[Any]] = {}

    def find(self, text: str, *, now: _dt.datetime | None = None) -> list[Any]:
        if now is None:
            found = self._memo.get(text)
            if found is None:
                # most lines hold no date: they share one empty list (one object less for the cycle collector)
                found = self._find(text, None) or _NO_DATES
                memo = self._memo
                if len(memo) >= _DATES_MEMO_SIZE:
                    memo = self._memo = {}
                memo[text] = found
            return found
        return self._find(text, now)

    def _find(self, text: str, now: _dt.datetime | None) -> list[Any]:
        first_digit = _DIGIT.search(text)
        found = self.lexicon.find_from(text, first_digit, now, self.order or self.lexicon.order)
        if first_digit is None or _GLUE_ANY.search(text) is None or any(d.has_year for d in found):
            return found  # no seam to open (a line without digits has none), or a date with a year
        # dates glued to the words around them: search again with the seams opened
        opened = open_seams(text)
        return self.lexicon.find(opened, now=now, order=self.order) if opened != text else found


def _date_lexicon(packs: Sequence[Pack]) -> Any:
    """One lexicon of every installed language's month names: pages mix languages in their dates."""
    from .dates import DateLexicon

    return DateLexicon.from_tables([p.dates for p in packs if p.dates])


class _Page(NamedTuple):
    """What the stages before the assembler made of one dump (see ``Engine._stages``)."""

    lines: Sequence[Any]
    units: Sequence[Any]
    fmt: str
    language: str | None
    features: list[Features]
    ctx: Context | None
    votes: Any
    decoded: Any


class Engine:
    """A compiled set of rule packs; build once, call :meth:`parse` many times.

    ``packs`` lists pack ids to use (all installed packs when None). Without a
    ``lang``, each page's language is detected and the matching language pack
    is used next to ``core`` (and ``en``, whose navigation words are found on
    pages in every language).

    ``pause_gc`` (on by default) turns Python's cyclic garbage collector off while
    :meth:`parse` runs and back on after it, if it was on: its passes over the
    page's live objects free nothing and cost about a tenth of the parse time, more
    on very large dumps (see ``articleparse._gcpause``). Pass ``pause_gc=False`` to
    leave the collector alone.
    """

    def __init__(self, packs: Iterable[str] | None = None, *, pause_gc: bool = True):
        self.pause_gc = pause_gc
        loaded = load_installed(None if packs is None else list(packs))
        self.packs: tuple[Pack, ...] = tuple(loaded)
        self._core = [p for p in loaded if p.kind == "core"]
        self._sites = [p for p in loaded if p.kind == "site"]
        self._by_language: dict[str, Pack] = {}
        for p in loaded:
            if p.kind == "language":
                for code in p.languages:
                    self._by_language.setdefault(code, p)
        params: dict[str, Any] = {}
        for p in self._core + [p for p in loaded if p.kind != "core"]:
            for k, v in p.params.items():
                params.setdefault(k, v)
        self.params: Mapping[str, Any] = params
        prior = params.get("prior", {})
        self._prior = [float(prior.get(lb.value, 0.0)) for lb in LABELS]
        known = {code: p.stopwords for code, p in self._by_language.items() if p.stopwords}
        if packs is None:
            # with every installed pack, languages without one are detected too (see DETECTION_ONLY); a chosen
            # list of packs keeps detection to their languages
            for code, words in DETECTION_ONLY.items():
                known.setdefault(code, words)
        self._stopwords = StopwordIndex(known)
        self._rulesets: dict[tuple[str | None, str | None], _RuleSet] = {}
        self._dates: Any = None
        self._dates_by_order: dict[str | None, _LanguageDates] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ helpers

    def site_for(self, text: str, url: str | None = None) -> Pack | None:
        """The site pack for this page: by the url's domain (or a subdomain), else by a signature in the text.

        The signature also catches a platform's blogs on their own domains (a
        WordPress.com blog at example.org still carries the platform's footer).
        """
        if not self._sites:
            return None
        if url:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
            for pack in self._sites:
                if any(host == d or host.endswith("." + d) for d in pack.domains):
                    return pack
        for pack in self._sites:
            if pack.signature is None:
                continue
            guard = _guard_of(pack.signature)
            if guard is not None:
                page = fold(text) if guard[0] else text
                if not any(lit in page for lit in guard[1]):
                    continue  # the signature's words are not in the page: no need to search it
            if pack.signature.search(text):
                return pack
        return None

    def _language_dates(self, order: str | None) -> _LanguageDates:
        """The engine's date lexicon read with ``order``: one per order, shared by every rule set."""
        dates = self._dates_by_order.get(order)
        if dates is None:
            if self._dates is None:
                self._dates = _date_lexicon(self.packs)
            dates = self._dates_by_order.setdefault(order, _LanguageDates(self._dates, order))
        return dates

    def _ruleset(self, language: str | None, site: Pack | None = None) -> _RuleSet:
        key = (language, site.id if site is not None else None)
        rs = self._rulesets.get(key)
        if rs is None:
            with self._lock:
                chosen = list(self._core)
                if language in self._by_language:
                    chosen.append(self._by_language[language])
                if "en" in self._by_language and language != "en":
                    # English menu and share words are everywhere; its sentence patterns are not
                    en = self._by_language["en"]
                    chosen.append(attrs.evolve(en, rules=tuple(r for r in en.rules if r.kind == "phrases")))
                if site is not None:
                    chosen.append(site)
                if self._dates is None:
                    self._dates = _date_lexicon(self.packs)
                table = self._by_language[language].dates if language in self._by_language else None
                order = (table or {}).get("order")
                rs = _RuleSet(chosen, language, self._language_dates(order if order in ("dmy", "mdy") else None))
                self._rulesets[key] = rs
        return rs

    def vote(self, features: Sequence[Features], ctx: Context, ruleset: _RuleSet) -> Votes:
        """Run every rule of ``ruleset`` on every unit.

        The votes of the rules that read only their own line are remembered by the
        line's text (see :class:`_RuleSet`); the page-reading rules run every time.
        The order of the fired rules is the same either way.
        """
        phrases, phrase_chars = ruleset.phrases, ruleset.phrase_chars
        run_line, run_page = ruleset.run_line, ruleset.run_page
        prior = self._prior
        if ruleset.memo_params is not self.params:  # the thresholds changed: forget old votes
            ruleset.memo, ruleset.memo_old = {}, {}
            ruleset.memo_params = self.params
        # line votes depend on the line and on how the page orders day and month (date rules)
        order = getattr(ctx.dates, "order", None)
        # first the line votes of every unit (remembered or worked out), then the page votes: a
        # page rule may read any unit's features, which the first pass has filled in by then
        entries = []
        add_entry = entries.append
        for f in features:
            key = (order, f.text)
            memo = ruleset.memo
            entry = memo.get(key)
            line_hits = None
            if entry is None:
                entry = ruleset.memo_old.get(key)
                if entry is None:
                    deltas: list[tuple[int, float]] = []
                    line_hits = []
                    line_caught: list[tuple[str, Any]] = []
                    if f.n_chars <= phrase_chars:
                        for idx, weight, rule in phrases.get(f.key, ()):
                            if rule.applies_to(f):
                                deltas.append((idx, weight))
                                line_hits.append((rule.id, rule.label, weight))
                    run_line(f, ctx, f.n_chars, f.text, deltas, line_hits, line_caught)
                    # what the features worked out about this text holds for the same text anywhere
                    saved = f.__dict__.copy()
                    for k in _MEMO_SKIP:
                        saved.pop(k, None)
                    names, values = tuple(saved), tuple(saved.values())
                    row = list(prior)
                    for idx, value in deltas:
                        row[idx] += value
                    # the fired rules as their ids and (label index, vote) pairs, not as (id, Label, vote), and the
                    # features as a tuple of names and one of values: an entry of tuples of strings and numbers is
                    # one the cycle collector stops visiting, so a full memo does not slow its passes down
                    entry = (tuple(row), tuple([h[0] for h in line_hits]), tuple(deltas), tuple(line_caught),
                             names, values)
                else:
                    f.__dict__.update(zip(entry[4], entry[5]))
                if len(memo) >= _MEMO_SIZE:
                    ruleset.memo_old, ruleset.memo = memo, {}
                    memo = ruleset.memo
                memo[key] = entry
            else:
                f.__dict__.update(zip(entry[4], entry[5]))
            add_entry((entry, line_hits))
        scores, fired, matches = [], [], []
        labels = LABELS
        for f, (entry, hits) in zip(features, entries):
            row = list(entry[0])
            if hits is None:
                hits = [(rule_id, labels[idx], value) for rule_id, (idx, value) in zip(entry[1], entry[2])]
            deltas: list[tuple[int, float]] = []
            page_caught: list[tuple[str, Any]] = []
            run_page(f, ctx, f.n_chars, f.text, deltas, hits, page_caught)
            for idx, value in deltas:
                row[idx] += value
            matches.append(dict(entry[3] + tuple(page_caught) if page_caught else entry[3]))
            scores.append(row)
            fired.append(hits)
        return Votes(tuple(scores), tuple(fired), tuple(matches))

    # ------------------------------------------------------------------ API

    def parse(self, text: str, *, url: str | None = None, lang: str | None = None,
              now: _dt.datetime | None = None) -> Article:
        """Parse one dump. See :func:`articleparse.parse`."""
        if not isinstance(text, str):
            raise TypeError(_type_message(text))
        if not self.pause_gc:
            return self._parse(text, url, lang, now)
        with paused_gc():
            return self._parse(text, url, lang, now)

    def _parse(self, text: str, url: str | None, lang: str | None, now: _dt.datetime | None) -> Article:
        page = self._stages(text, url=url, lang=lang)
        if page.decoded is None:
            return _assemble.empty_article(page.lines, page.fmt, lang)
        return _assemble.assemble(text, page.lines, page.units, page.features, page.votes, page.decoded,
                                  page.ctx, language=page.language, fmt=page.fmt, now=now)

    def _stages(self, text: str, *, url: str | None = None, lang: str | None = None,
                rank: bool = True) -> _Page:
        """Run the stages up to the assembler; ``rank=False`` leaves out the headline ranker.

        ``decoded`` is None when the dump has no text. ``benchmarks/fit_headline.py`` uses this
        to see the decoder's choice before the ranker.
        """
        lines = split_lines(text)
        wrap = detect_wrap_width(lines)
        units = split_units(lines, wrap)
        fmt = _assemble.detect_format(lines, wrap)
        if not units:
            return _Page(lines, units, fmt, None, [], None, None, None)
        language = lang.lower().split("-")[0] if lang else self._detect(units)
        ruleset = self._ruleset(language, self.site_for(text, url))
        features = [Features(u.index, u.text, ruleset.stopwords) for u in units]
        dates = ruleset.dates
        order = page_date_order(text, dates.order)
        if order != dates.order:
            dates = self._language_dates(order)
        ctx = Context(features, units, self.params, dates, language, ruleset.stopwords)
        votes = self.vote(features, ctx, ruleset)
        lead_ins = [f.ends_colon for f in features]
        bullets = [f.is_bullet and not _full_stop(f.text) for f in features]
        spacers = [spacer(f.text) for f in features]
        most = self.params.get("trim_max_words", 16)
        sentences = _SentenceFlags(features, most)
        decoded = decode(votes.scores, self.params, lead_ins=lead_ins, list_titles=bullets, spacers=spacers,
                         sentences=sentences)
        if Label.BODY not in decoded.labels:
            decoded = decode(_lift_body(votes.scores, self.params), self.params, lead_ins=lead_ins,
                             list_titles=bullets, spacers=spacers, sentences=sentences)
        if rank:
            decoded = rank_headline(decoded, votes.scores, features, self.params, units)
            decoded = standfirst_pass(decoded, votes.scores, self.params)
        return _Page(lines, units, fmt, language, features, ctx, votes, decoded)

    def _detect(self, units: Sequence[Any]) -> str | None:
        long_units = [u.text for u in units if len(u.text) >= 60][:_LANG_SAMPLE_UNITS]
        # a line of CJK prose says as much in 30 characters as a Latin one in 60: by characters alone, a page
        # of short Chinese lines is sampled from its few long lines of markup, links and file names, and is
        # read by their stop words (a blog in Chinese as Portuguese); sampled by columns, its script decides.
        # Only a script decides from that sample: stop words are still counted on the long lines
        wide_units = [u.text for u in units if display_width(u.text) >= 60][:_LANG_SAMPLE_UNITS]
        if wide_units != long_units:
            by_script = detect_language(wide_units, self._stopwords, scripts_only=True)
            if by_script is not None:
                return by_script
        return detect_language(long_units or [u.text for u in units], self._stopwords)


def _lift_body(scores: Sequence[list[float]], params: Mapping[str, Any]) -> list[list[float]]:
    """Scores with body raised just enough for the best body candidate to win: every page has an article."""
    b = LABEL_INDEX[Label.BODY]
    margins = [row[b] - max(v for k, v in enumerate(row) if k != b) for row in scores]
    # enough to pay for entering and leaving the body zone too
    lift = 1.0 + float(params.get("enter_body", 1.0)) + float(params.get("leave_body", 1.0)) - max(margins)
    out = []
    for row in scores:
        row = list(row)
        row[b] += lift
        out.append(row)
    return out


def _type_message(value: object) -> str:
    name = type(value).__name__
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (f"parse() takes the dump as str, not {name}; decode the bytes first, "
                f"e.g. parse(data.decode('utf-8'))")
    return f"parse() takes the dump as str, not {name}; pass the page's text as a string"


_default: Engine | None = None
_default_lock = threading.Lock()


def default_engine() -> Engine:
    """The engine ``parse()`` uses: all installed packs, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Engine()
    return _default


_engines: dict[tuple[str, ...], Engine] = {}


def engine_for(packs: Iterable[str] | None = None) -> Engine:
    """The shared engine for ``packs`` (all installed packs when None), built once per set of ids."""
    if packs is None:
        return default_engine()
    key = tuple(dict.fromkeys(packs))
    engine = _engines.get(key)
    if engine is None:
        with _default_lock:
            engine = _engines.get(key)
            if engine is None:
                engine = _engines[key] = Engine(packs=key)
    return engine


def parse(text: str, *, url: str | None = None, lang: str | None = None,
          now: _dt.datetime | None = None, packs: Iterable[str] | None = None) -> Article:
    """Find the article in a plain-text dump of a web page.

    ``text`` is the whole dump (browser copy, lynx/w3m dump, WET record ...).
    ``url`` and ``lang`` are optional hints (``url`` picks the site pack of its
    domain); ``now`` resolves relative dates such as "2 hours ago"; ``packs``
    names the pack ids to use instead of every installed pack (a missing one
    raises :class:`~articleparse.PackNotFoundError`). Never raises on a ``str``; a non-``str`` raises
    ``TypeError`` saying what to pass.

        >>> a = parse("Bridge to close\\n\\nThe council voted on Tuesday to close the old bridge.")
        >>> a.headline, a.text
        ('Bridge to close', 'The council voted on Tuesday to close the old bridge.')
    """
    if not isinstance(text, str):
        raise TypeError(_type_message(text))
    return engine_for(packs).parse(text, url=url, lang=lang, now=now)
