"""Helpers for testing rule packs, for this project's tests and for third-party packs alike.

A pack's own test suite can be one line::

    from articleparse.testing import check_pack

    def test_my_pack():
        assert check_pack("site.example.org") == []

:func:`rule_example_cases` yields one case per example of every rule, for
``pytest.mark.parametrize``, so each example is its own test item.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .features import Features
from .lines import split_lines, split_units
from .rules.base import Context, Example, Rule
from .rules.loader import Pack, load_installed, load_pack, load_pack_folder

__all__ = ["ExampleCase", "check_pack", "evaluate_example", "rule_example_cases"]


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


def _engine_for(pack: Pack) -> Any:
    from .engine import default_engine

    return default_engine()


def evaluate_example(pack: Pack, rule: Rule, example: Example) -> float:
    """The strength with which ``rule`` fires on ``example`` (its neighbours around it)."""
    engine = _engine_for(pack)
    language = pack.languages[0] if pack.languages else "en"
    ruleset = engine._ruleset(language)
    stopwords = pack.stopwords or ruleset.stopwords
    text = "\n".join([*example.before, example.text, *example.after])
    units = split_units(split_lines(text))
    target = len(example.before)
    features = [Features(u.index, u.text, stopwords) for u in units]
    ctx = Context(features, units, engine.params, ruleset.dates, language, stopwords)
    strength, _ = rule.evaluate(features[target], ctx)
    return strength


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
    strength = evaluate_example(case.pack, case.rule, case.example)
    # a rule with a negative weight "fires" when it votes at all
    fired = strength != 0
    if fired == case.expect:
        return None
    verb = "does not fire on" if case.expect else "fires on"
    field = "match" if case.expect else "no_match"
    return (f"pack {case.pack.id!r} rule {case.rule.id}: {verb} its {field} example {case.example.text!r}; "
            f"fix the rule or the example in {case.pack.path}")


def check_pack(pack: str | Path | Pack) -> list[str]:
    """Validate a pack and run every rule example; return the problems (empty when all is well).

    ``pack`` is an installed pack id, a pack folder, or a loaded :class:`Pack`.
    """
    from .errors import ArticleparseError

    try:
        if isinstance(pack, Pack):
            loaded = pack
        elif isinstance(pack, Path) or "/" in str(pack) or Path(str(pack)).is_dir():
            loaded = load_pack_folder(pack)
        else:
            loaded = load_pack(str(pack))
    except ArticleparseError as exc:
        return [str(exc)]
    problems = []
    for case in rule_example_cases([loaded]):
        msg = check_case(case)
        if msg:
            problems.append(msg)
    return problems
