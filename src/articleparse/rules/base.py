"""Stage 3: what a rule is, and how one votes.

A rule looks at one unit (and, read-only, at its neighbours through the
:class:`Context`) and returns a *strength*: 0 when it does not fire, otherwise a
positive number that is multiplied by the rule's weight and added to the score
of its label. Rules never change state and never see each other.

Four kinds exist; the first three are written as data in ``pack.toml``:

* ``pattern``: a regular expression (the ``regex`` module) searched in the line;
  its named groups (``authors``, ``section``, ``title``, ``minutes`` ...) are kept
  for the assembler;
* ``phrases``: the whole line is one of a list of phrases (compared after
  :func:`~articleparse.features.phrase_key` folding, so ``Go toTop`` is ``go to top``);
* ``when``: thresholds on features (``n_words = [1, 4]``, ``ends_sentence = false``);
* ``code``: a Python function in the pack's ``rules.py``, for what data cannot say.

A code rule may declare the cheap conditions under which it can fire at all
(``code_rule(when=..., contains=...)``): thresholds on features, as a ``when``
rule writes them, :func:`line_fact` facts that must hold, and strings one of which
the line must hold. The engine tests them inline before it calls the function, so
that most lines never reach most code rules. Facts that several rules share (is the
line shaped like a title? only a name?) are :func:`line_fact` functions: worked out
once per unit, on first use, and remembered with the unit's features.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import regex

from ..features import Features, phrase_key
from ..model import Label
from .guards import fold

__all__ = ["Capture", "Context", "Example", "Rule", "code_rule", "line_fact", "FEATURE_NAMES"]

#: Feature attributes a ``when`` rule may test, with their type.
FEATURE_NAMES: Mapping[str, type] = {
    "n_chars": int,
    "n_words": int,
    "n_cjk": int,
    "stop_ratio": float,
    "ends_sentence": bool,
    "ends_colon": bool,
    "cap_ratio": float,
    "upper_ratio": float,
    "digit_ratio": float,
    "n_commas": int,
    "is_bullet": bool,
    "n_links": int,
    "n_separators": int,
    "stops_mid_sentence": bool,
}


class Context:
    """Read-only view of the whole page that rules may consult.

    ``features[i]`` are the features of unit ``i``; ``params`` are the named
    thresholds of the loaded packs; ``dates`` finds dates in a string.
    """

    __slots__ = ("features", "units", "params", "dates", "language", "stopwords", "_cache", "_dates_found")

    def __init__(self, features: Sequence[Features], units: Sequence[Any], params: Mapping[str, Any],
                 dates: Any, language: str | None, stopwords: frozenset[str]):
        self.features = features
        self.units = units
        self.params = params
        self.dates = dates
        self.language = language
        self.stopwords = stopwords
        self._cache: dict[tuple[str, int], Any] = {}
        self._dates_found: list[list[Any] | None] = [None] * len(features)

    def __len__(self) -> int:
        return len(self.features)

    def prev(self, i: int) -> Features | None:
        return self.features[i - 1] if i > 0 else None

    def next(self, i: int) -> Features | None:
        return self.features[i + 1] if i + 1 < len(self.features) else None

    def gap_before(self, i: int) -> int:
        """Blank lines between unit ``i`` and the unit before it."""
        if i == 0:
            return 0
        return self.units[i].first - self.units[i - 1].last - 1

    def once(self, name: str, compute: Callable[[], Any]) -> Any:
        """The page-wide value ``name``, computed by ``compute()`` on first use and remembered for the page."""
        key = (name, -1)
        value = self._cache.get(key)
        if value is None:
            value = self._cache[key] = compute()
        return value

    def dates_in(self, i: int) -> list[Any]:
        """Dates found in unit ``i`` (computed once per unit)."""
        found = self._dates_found[i]
        if found is None:
            found = self._dates_found[i] = self.dates.find(self.features[i].text) if self.dates is not None else []
        return found


class Capture:
    """What a code rule found, in the shape of a regex match: named groups and a span.

        >>> Capture({"authors": "Jane Doe"}, 0, 8).group("authors")
        'Jane Doe'
    """

    __slots__ = ("_groups", "_start", "_end")

    def __init__(self, groups: Mapping[str, str | None], start: int = 0, end: int = 0):
        self._groups = dict(groups)
        self._start = start
        self._end = end

    def group(self, name: str) -> str | None:
        if name not in self._groups:
            raise IndexError(f"no such group: {name}")
        return self._groups[name]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


@attrs.frozen
class Example:
    """A line a rule must (or must not) fire on; ``before``/``after`` give optional neighbours."""

    text: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    @classmethod
    def coerce(cls, value: Any) -> Example:
        if isinstance(value, Example):
            return value
        if isinstance(value, str):
            return cls(value)
        if isinstance(value, Mapping):
            return cls(str(value["text"]), tuple(value.get("before", ())), tuple(value.get("after", ())))
        raise TypeError(f"an example is a string or a table with 'text', not {type(value).__name__}")


def _examples(values: Any) -> tuple[Example, ...]:
    return tuple(Example.coerce(v) for v in values)


Evaluator = Callable[[Features, Context], "float | tuple[float, Any]"]


@attrs.frozen
class Rule:
    """One named rule: ``evaluate`` returns ``(strength, match)``; strength 0 means silent."""

    id: str
    description: str
    label: Label = attrs.field(converter=Label)
    weight: float
    kind: str
    pack: str = ""
    match: tuple[Example, ...] = attrs.field(default=(), converter=_examples)
    no_match: tuple[Example, ...] = attrs.field(default=(), converter=_examples)
    max_chars: int | None = None
    min_chars: int = 0
    pattern: regex.Pattern | None = attrs.field(default=None, eq=False)
    phrases: frozenset[str] = frozenset()
    conditions: tuple[tuple[str, Any, Any], ...] = ()
    function: Evaluator | None = attrs.field(default=None, eq=False)
    #: True when the rule reads neighbours or page-wide facts; a rule that reads only its own
    #: line (and the language's data) gives the same answer for the same text, so the engine
    #: may remember it. Data rules never read context; code rules say so.
    page_context: bool = False
    #: a code rule's preconditions besides ``conditions``: ``(fact, expected)`` pairs, each a
    #: :func:`line_fact` whose truth must be ``expected``, and strings one of which the line must
    #: hold in the form :func:`~articleparse.rules.guards.fold` gives it (lower case)
    facts: tuple[tuple[Callable[..., Any], bool], ...] = attrs.field(default=(), eq=False)
    contains: tuple[str, ...] = ()

    def applies_to(self, f: Features) -> bool:
        n = f.n_chars
        return n >= self.min_chars and (self.max_chars is None or n <= self.max_chars)

    def admits(self, f: Features, ctx: Context) -> bool:
        """Whether ``f`` meets the rule's conditions (a ``when`` rule's thresholds, a code rule's preconditions)."""
        for name, lo, hi in self.conditions:
            value = getattr(f, name)
            if lo is not None and value < lo or hi is not None and value > hi:
                return False
        if self.contains:
            low = fold(f.text)
            if not any(s in low for s in self.contains):
                return False
        return all(bool(fact(f, ctx)) is expected for fact, expected in self.facts)

    def evaluate(self, f: Features, ctx: Context) -> tuple[float, Any]:
        """How strongly this rule fires on ``f`` (0.0 when it does not), and its match if any."""
        if not self.applies_to(f):
            return 0.0, None
        if self.kind == "pattern":
            m = self.pattern.search(f.text)  # type: ignore[union-attr]
            return (1.0, m) if m else (0.0, None)
        if self.kind == "phrases":
            return (1.0, None) if f.key in self.phrases else (0.0, None)
        if not self.admits(f, ctx):
            return 0.0, None
        if self.kind == "when":
            return 1.0, None
        out = self.function(f, ctx)  # type: ignore[misc]
        if isinstance(out, tuple):
            return float(out[0] or 0.0), out[1]
        return float(out or 0.0), None


def code_rule(*, id: str, description: str, label: str, weight: float = 1.0,
              match: Sequence[Any] = (), no_match: Sequence[Any] = (),
              max_chars: int | None = None, min_chars: int = 0,
              page_context: bool = True, when: Mapping[Any, Any] | None = None,
              contains: Sequence[str] = ()) -> Callable[[Evaluator], Rule]:
    """Declare a rule written in Python, in a pack's ``rules.py``::

        @code_rule(id="xx:BD001", description="...", label="body",
                   match=["A long sentence ..."], no_match=["Home"],
                   when={"n_words": [8, None], "ends_sentence": True})
        def prose(f, ctx):
            return f.n_words / 20

    The function gets the unit's :class:`Features` and the page :class:`Context`
    and returns a strength (0 when it does not fire), or ``(strength, match)``.
    Pass ``page_context=False`` when the answer depends only on the line's text
    (and the language's stop words and dates), so the engine may reuse it for
    the same line on other pages.

    ``when`` and ``contains`` say on which lines the rule *can* fire; the engine
    calls the function only on those (cheap tests, written into the compiled
    checks), so they must never hide a vote: on a line that fails them the
    function must return 0. ``when`` maps a feature of :data:`FEATURE_NAMES` to a
    bound as a ``when`` rule writes it (``[low, high]`` with ``None`` for no bound,
    or one value that the feature must equal), or a :func:`line_fact` to ``True``
    or ``False`` (the fact must be true or false); they are tested in the order
    given, so put the cheapest first. ``contains`` lists lower-case strings one of
    which the line, lower-cased (:func:`~articleparse.rules.guards.fold`), must hold.
    """
    conditions, facts = _preconditions(id, when or {})
    needles = tuple(contains)
    for s in needles:
        if not isinstance(s, str) or not s or fold(s) != s:
            raise ValueError(f"rule {id}: contains={s!r}: give non-empty lower-case strings")

    def wrap(fn: Evaluator) -> Rule:
        return Rule(id=id, description=description, label=label, weight=weight, kind="code",
                    match=match, no_match=no_match, max_chars=max_chars, min_chars=min_chars,
                    function=fn, page_context=page_context, conditions=conditions, facts=facts,
                    contains=needles)

    return wrap


def _preconditions(rule_id: str, when: Mapping[Any, Any]) -> tuple[tuple[tuple[str, Any, Any], ...],
                                                                   tuple[tuple[Callable[..., Any], bool], ...]]:
    """``code_rule(when=...)`` as feature conditions (``(name, low, high)``, as a ``when`` rule keeps them) and facts."""
    conditions, facts = [], []
    for key, bound in when.items():
        if callable(key):
            if getattr(key, "fact_key", None) is None:
                raise ValueError(f"rule {rule_id}: when={{{key!r}: ...}}: a function there must be a line_fact")
            if not isinstance(bound, bool):
                raise ValueError(f"rule {rule_id}: when={{{key.__name__}: {bound!r}}}: a fact takes True or False")
            facts.append((key, bound))
        elif key not in FEATURE_NAMES:
            raise ValueError(f"rule {rule_id}: when={{{key!r}: ...}}: use one of {', '.join(FEATURE_NAMES)}")
        elif isinstance(bound, (list, tuple)):
            if len(bound) != 2:
                raise ValueError(f"rule {rule_id}: when={{{key!r}: {bound!r}}}: give [low, high]")
            conditions.append((key, bound[0], bound[1]))
        else:
            conditions.append((key, bound, bound))
    return tuple(conditions), tuple(facts)


# what a unit's features hold under a fact's key before the fact is worked out
_MISSING = object()


def line_fact(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Declare a fact about one unit that several code rules read, worked out once per unit::

        @line_fact
        def title_shaped(f, ctx):
            return 2 <= f.n_words <= 25 and not f.ends_sentence

    The decorated function takes the unit's :class:`Features` and the page
    :class:`Context` (or only the features, when it is declared with one parameter).
    The first call for a unit computes the fact and keeps it with the unit's
    features; later calls return it. It may depend on what a line rule may read
    (the line's text and features, the stop words, the params, the dates found in
    the line: ``ctx.dates_in(f.index)``), never on other units: the engine
    remembers it, with the features, for the same text on later pages. Keep its
    value a string, number, bool or None (the remembered votes stay cheap for the
    cycle collector). A fact can be a precondition of a code rule:
    ``code_rule(..., when={title_shaped: True})``.
    """
    key = f"{fn.__module__}:{fn.__qualname__}"
    with_ctx = fn.__code__.co_argcount >= 2

    if with_ctx:
        def fact(f: Features, ctx: Context | None = None) -> Any:
            d = f.__dict__
            value = d.get(key, _MISSING)
            if value is _MISSING:
                value = d[key] = fn(f, ctx)
            return value
    else:
        def fact(f: Features, ctx: Context | None = None) -> Any:
            d = f.__dict__
            value = d.get(key, _MISSING)
            if value is _MISSING:
                value = d[key] = fn(f)
            return value

    fact.__name__, fact.__qualname__, fact.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    fact.__module__ = fn.__module__
    fact.__wrapped__ = fn  # type: ignore[attr-defined]
    fact.fact_key = key  # type: ignore[attr-defined]
    return fact


def phrase_set(phrases: Sequence[str]) -> frozenset[str]:
    return frozenset(k for k in (phrase_key(p) for p in phrases) if k)
