"""Pattern shapes (rules/guards.py, session 11): the shortest match and the first characters of an
anchored pattern may only ever skip a search that would fail."""

from __future__ import annotations

import regex
import pytest

from articleparse.rules.guards import pattern_shape
from articleparse.rules.loader import load_installed

_ASCII = [chr(c) for c in range(128)]


@pytest.mark.parametrize("source, least, first", [
    (r"(?i)^(?:\d+\s*)?(?:comments?|responses?)", 7, "0123456789CRcr"),
    (r"^(?:ANZEIGE|Anzeige)\s*[:–—-]\s*\S", 9, "A"),
    (r"^\p{Lu}\p{Ll}+", 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    (r"(?i)^ſx", 2, "Ss"),                 # IGNORECASE matches ſ with s and S
    (r"(?i)^\p{Lu}", 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    (r"^(?P<x>ab)?c", 1, "ac"),
    (r"^(?!x)[xy]z", 2, "xy"),             # a lookahead narrows nothing here: a superset is enough
    (r"^a|b", 1, None),                    # the second branch is not anchored
    (r"abc", 3, None),                     # not anchored: only the length
    (r"^.{3}", 3, None),                   # "." may start with anything
    (r"^(?:x?)", 0, None),                 # may match nothing
    (r"^\b(?:\s*)$", 0, None),
    (r"(?m)^abc", 0, None),                # multi-line: "^" after any line break
    (r"(\w+) \1", 0, None),                # back reference: the reader gives up
    (r"^a{2,}b{,3}(?:cd){2}", 6, "a"),
])
def test_pattern_shape(source, least, first):
    got_least, got_first = pattern_shape(regex.compile(source, regex.V0))
    assert got_least == least
    assert (None if got_first is None else "".join(sorted(got_first))) == (None if first is None else "".join(sorted(first)))


def _shaped_rules():
    for pack in load_installed():
        for rule in pack.rules:
            if rule.kind == "pattern":
                yield rule, pattern_shape(rule.pattern)


def test_shapes_hold_on_every_pattern_rules_match_examples():
    checked = 0
    for rule, (least, first) in _shaped_rules():
        for example in rule.match:
            m = rule.pattern.search(example.text)
            if m is None:
                continue
            assert m.end() - m.start() >= least, (rule.id, example.text)
            if first is not None:
                assert m.start() == 0, (rule.id, example.text)
                c = example.text[:1]
                assert c in first or c > "\x7f", (rule.id, example.text)
            checked += 1
    assert checked > 150


def test_another_first_character_never_matches():
    """A match example of an anchored pattern with its first character changed to any ASCII character
    outside the pattern's first characters no longer matches."""
    checked = 0
    for rule, (_, first) in _shaped_rules():
        if first is None:
            continue
        for example in rule.match:
            if rule.pattern.search(example.text) is None:
                continue
            for c in _ASCII:
                if c not in first:
                    assert rule.pattern.search(c + example.text[1:]) is None, (rule.id, c, example.text)
                    assert rule.pattern.search(c + example.text) is None, (rule.id, c, example.text)
                    checked += 1
    assert checked > 10_000


def test_most_pattern_rules_have_a_shape():
    shapes = [s for _, s in _shaped_rules()]
    assert sum(1 for least, _ in shapes if least > 0) >= 0.9 * len(shapes)
    assert sum(1 for _, first in shapes if first is not None) >= 0.5 * len(shapes)
