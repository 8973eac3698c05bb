"""Literal guards (rules/guards.py): a guard may only ever skip a search that would fail."""

from __future__ import annotations

import regex
import pytest

from articleparse.rules.guards import fold, literal_guard, worth_guarding
from articleparse.rules.loader import load_installed


def _holds(guard, text: str) -> bool:
    folded, literals = guard
    line = fold(text) if folded else text
    return any(lit in line for lit in literals)


def test_fold_maps_every_character_ignorecase_matches_with_an_ascii_letter():
    letters = {c: regex.compile("(?i)" + c) for c in "abcdefghijklmnopqrstuvwxyz"}
    any_letter = regex.compile("(?i)[a-z]")
    for cp in range(0x110000):
        ch = chr(cp)
        if any_letter.match(ch):
            matched = [c for c, p in letters.items() if p.match(ch)]
            assert matched, hex(cp)
            for c in matched:
                assert fold(ch) == c, (hex(cp), c)


@pytest.mark.parametrize("source, folded, literals", [
    (r"(?i)\bcookies?\b", True, ("cookie",)),
    (r"\s(?:by|By|BY)\s+\p{Lu}", False, ("BY", "By", "by")),
    (r"(?i)(?:©|\(c\)\s*\d{4}|\bcopyright\b)", True, ("copyright", "(c)", "©")),
    (r"^[\W_]+$", None, None),
    (r"(?:abc|x?)", None, None),             # a branch that may be empty: nothing is certain
    (r"a(?=bc)d", False, ("a",)),            # a lookahead's text is not collected
    (r"(\w+) \1", None, None),               # back reference: the reader gives up
    (r"(?x) a b", None, None),               # verbose: gives up
    (r"ab{2,}c", False, ("ab",)),
    (r"(?i:Ärger)x", True, ("rger",)),        # a letter with case beyond ASCII is not a literal under IGNORECASE
])
def test_literal_guard(source, folded, literals):
    guard = literal_guard(regex.compile(source, regex.V0))
    if literals is None:
        assert guard is None
    else:
        assert guard is not None and guard[0] == folded and set(guard[1]) == set(literals)


def test_guards_hold_on_every_pattern_rules_match_examples():
    checked = 0
    for pack in load_installed():
        for rule in pack.rules:
            if rule.kind != "pattern":
                continue
            guard = literal_guard(rule.pattern)
            if guard is None:
                continue
            worth_guarding(rule.pattern, guard)  # must not raise
            for example in rule.match:
                if rule.pattern.search(example.text):
                    assert _holds(guard, example.text), (rule.id, example.text)
                    checked += 1
    assert checked > 50


def test_guard_holds_on_case_variants():
    pattern = regex.compile(r"(?i)\b(?:ad-?blockers?|disable your ad)\b", regex.V0)
    guard = literal_guard(pattern)
    for text in ("Please DISABLE YOUR AD blocker", "AdBlocker detected", "İnstall an ad-blocker",
                 "ADBLOCKER", "Disable your ad\u017fense"):
        if pattern.search(text):
            assert _holds(guard, text), text



@pytest.mark.parametrize("source, worth", [
    (r"(?i)\bcookies?\b", True),                                   # unanchored: tried at every position
    (r"^(?:ANZEIGE|Anzeige|WERBUNG|Werbung)\s*[:–—-]\s*\S", False),  # anchored: regex fails at the first letter
    (r"^\S+(?:\s+\S+){0,3}\s+(?:says|said|wrote)\b", True),          # opens with a repeated class
    (r"^(?!.*<)(?:Next|Weiter|Older)\b", True),                      # opens with a lookahead that reads the line
    (r"^(?:(?:←|«)\s*\S.*|(?![^«]*«).*\S\s*(?:→|»))$", True),       # a later branch reads the line first
    (r"^(?:(?:←|«)\s*\S.*|(?:Next|Weiter)\s*(?:→|»))$", False),      # every branch fails at once
    (r"^(?:a[|(]b|c[)|]d|e)$", False),                               # brackets in classes are not groups
])
def test_worth_guarding(source, worth):
    pattern = regex.compile(source, regex.V0)
    guard = literal_guard(pattern)
    assert guard is not None
    assert worth_guarding(pattern, guard) is worth
