"""Every example of every rule of every installed pack is its own test item."""

from __future__ import annotations

import pytest

from articleparse.testing import check_case, rule_example_cases

CASES = list(rule_example_cases())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_example(case):
    problem = check_case(case)
    assert problem is None, problem


def test_every_rule_has_both_kinds_of_example():
    rules = {c.rule.id: set() for c in CASES}
    for c in CASES:
        rules[c.rule.id].add(c.expect)
    assert rules, "no installed pack has rules"
    lacking = sorted(rid for rid, kinds in rules.items() if kinds != {True, False})
    assert not lacking, f"rules without a match and a no_match example: {lacking}"
