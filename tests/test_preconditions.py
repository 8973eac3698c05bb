"""Code-rule preconditions (``code_rule(when=..., contains=...)``) and line facts (``line_fact``).

A precondition lets the engine skip a rule's call; it must never skip a vote. These tests
check that on every line of the pages in this repository, that the compiled checks honour
the preconditions as ``Rule.evaluate`` does, and that the declaration is validated.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articleparse import Engine
from articleparse.features import Features
from articleparse.rules import Context, code_rule, line_fact
from articleparse.rules.base import Example
from articleparse.testing import check_case, hidden_vote, ExampleCase
from articleparse.rules.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "pages").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "sites").glob("*.txt"))]
    with gzip.open(ROOT / "fixtures" / "bench" / "sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    return texts


def _strength(out) -> float:
    return float((out[0] if isinstance(out, tuple) else out) or 0.0)


def test_no_precondition_hides_a_vote_on_real_pages():
    engine = Engine()
    checked = skipped = 0
    for text in _pages():
        page = engine._stages(text)
        ctx = page.ctx
        rules = [r for r in engine._ruleset(page.language).rules
                 if r.kind == "code" and (r.conditions or r.facts or r.contains)]
        for f in page.features:
            for rule in rules:
                if not rule.applies_to(f):
                    continue
                checked += 1
                if not rule.admits(f, ctx):
                    skipped += 1
                    assert _strength(rule.function(f, ctx)) == 0, (rule.id, f.text)
    # the preconditions keep most lines from most rules
    assert checked > 10000 and skipped > checked / 2


def test_compiled_checks_give_what_evaluate_gives():
    engine = Engine()
    for text in _pages()[:6]:
        page = engine._stages(text)
        ruleset = engine._ruleset(page.language)
        for f in page.features:
            want = []
            for check in ruleset.line_checks + ruleset.page_checks:
                strength, _ = check[4].evaluate(f, page.ctx)
                if strength:
                    want.append((check[4].id, check[3] * strength))
            got: list = []
            ruleset.run_line(f, page.ctx, f.n_chars, f.text, [], got, [])
            ruleset.run_page(f, page.ctx, f.n_chars, f.text, [], got, [])
            assert sorted((i, v) for i, _, v in got) == sorted(want), f.text


def test_line_fact_is_worked_out_once_per_unit_and_kept_with_the_features():
    calls = []

    @line_fact
    def shouty(f):
        calls.append(f.text)
        return f.text.isupper()

    f = Features(0, "BREAKING NEWS", frozenset())
    assert shouty(f) is True and shouty(f, None) is True
    assert calls == ["BREAKING NEWS"]
    assert shouty.fact_key in f.__dict__  # remembered with the features (and so with the line's votes)


def test_code_rule_preconditions_are_tested_before_the_function():
    @line_fact
    def has_colon(f, ctx):
        return ":" in f.text

    called = []

    @code_rule(id="xx:BY001", description="'Reporter: Name' is a byline", label="byline", page_context=False,
               when={"n_words": [2, 6], "ends_sentence": False, has_colon: True}, contains=("reporter",),
               match=["Reporter: Jane Doe"], no_match=["Home"])
    def reporter(f, ctx):
        called.append(f.text)
        return 1.0 if f.text.startswith("Reporter:") else 0.0

    assert reporter.conditions == (("n_words", 2, 6), ("ends_sentence", False, False))
    assert reporter.facts == ((has_colon, True),) and reporter.contains == ("reporter",)
    ctx = Context([], [], {}, None, None, frozenset())
    for text, want in [("Reporter: Jane Doe", 1.0), ("REPORTER: Jane Doe", 0.0), ("Reporter Jane Doe", 0.0),
                       ("Home", 0.0), ("Reporter: Jane Doe said so.", 0.0),
                       ("Reporter: one two three four five six seven", 0.0)]:
        assert reporter.evaluate(Features(0, text, frozenset()), ctx)[0] == want, text
    # only the lines that meet every precondition reach the function
    assert called == ["Reporter: Jane Doe", "REPORTER: Jane Doe"]


@pytest.mark.parametrize(("when", "contains", "message"), [
    ({"n_wrds": [1, 2]}, (), "use one of"),
    ({"n_words": [1, 2, 3]}, (), "give [low, high]"),
    ({len: True}, (), "must be a line_fact"),
    ({}, ("Reporter",), "lower-case"),
    ({}, ("",), "lower-case"),
])
def test_code_rule_rejects_malformed_preconditions(when, contains, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        code_rule(id="xx:NV001", description="d", label="navigation", when=when, contains=contains,
                  match=["a"], no_match=["b"])


def test_a_precondition_that_hides_a_vote_is_reported():
    @code_rule(id="core:NV999", description="A line that starts with 'Menu' is navigation", label="navigation",
               page_context=False, when={"n_words": [3, None]},  # wrong: 'Menu' alone is one word
               match=["Menu"], no_match=["Menu of the day"])
    def menu(f, ctx):
        return 1.0 if f.text.startswith("Menu") else 0.0

    pack = load_pack("core")
    assert hidden_vote(pack, menu, Example("Menu"))
    assert "preconditions" in check_case(ExampleCase(pack, menu, Example("Menu"), True, 0))
    assert not hidden_vote(pack, menu, Example("Menu of the day"))
