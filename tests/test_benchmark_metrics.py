"""Tests of the benchmark metrics (benchmarks/_metrics.py) on hand-made cases with known answers.

``benchmarks/`` is not a package, so the module is loaded by path.  Nothing here needs the
shared development data: the smoke test runs on the 5-document sample in fixtures/bench/.
"""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
SAMPLE = ROOT / "fixtures" / "bench" / "sample.jsonl.gz"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


M = _load("benchmark_metrics", BENCH / "_metrics.py")


# ------------------------------------------------------------------ tokens and shingles


def test_tokens_are_word_runs_with_case_kept():
    assert M.tokenize("Hello, World! it's 2024") == ["Hello", "World", "it", "s", "2024"]
    assert M.tokenize("") == [] and M.tokenize(None) == []


def test_shingles_of_a_long_text_are_overlapping_4_grams():
    assert M.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_short_shingle():
    assert M.shingles("just three words") == {("just", "three", "words"): 1}
    assert M.shingles("...") == {}


def test_repeated_shingles_are_counted():
    assert M.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


# ------------------------------------------------------------------ body metric


TRUTH = "one two three four five six seven eight"  # 5 shingles


def test_identical_texts_score_one():
    tp, fp, fn = M.shingle_overlap(TRUTH, TRUTH)
    assert (tp, fp, fn) == (1.0, 0.0, 0.0)
    summary = M.body_summary([(tp, fp, fn)], [True])
    assert summary["precision"] == summary["recall"] == summary["f1"] == summary["exact"] == 1.0


def test_disjoint_texts_score_zero():
    triple = M.shingle_overlap(TRUTH, "alpha beta gamma delta epsilon")  # 5 + 2 shingles, none shared
    assert triple == (0.0, 2 / 7, 5 / 7)
    summary = M.body_summary([triple], [False])
    assert summary["precision"] == summary["recall"] == summary["f1"] == 0.0


def test_partial_overlap_is_normalised_to_sum_one():
    # prediction: the first 6 tokens (3 shingles, all right) + 2 foreign tokens (2 wrong shingles)
    tp, fp, fn = M.shingle_overlap(TRUTH, "one two three four five six nine ten")
    assert (tp, fp, fn) == pytest.approx((3 / 7, 2 / 7, 2 / 7))
    assert M.doc_precision(tp, fp, fn) == pytest.approx(3 / 5)
    assert M.doc_recall(tp, fp, fn) == pytest.approx(3 / 5)
    assert M.doc_f1(tp, fp, fn) == pytest.approx(3 / 5)


def test_empty_prediction_is_left_out_of_precision():
    perfect = M.shingle_overlap(TRUTH, TRUTH)
    empty = M.shingle_overlap(TRUTH, "")
    assert empty == (0.0, 0.0, 1.0)
    summary = M.body_summary([perfect, empty], [True, False])
    assert summary["precision"] == 1.0  # averaged over the one non-empty prediction
    assert summary["recall"] == 0.5  # averaged over both documents
    assert summary["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # F1 of the averages
    assert summary["exact"] == 0.5


def test_empty_truth_is_left_out_of_recall_and_both_empty_out_of_both():
    spurious = M.shingle_overlap("", TRUTH)
    both_empty = M.shingle_overlap("", "")
    assert both_empty == (0.0, 0.0, 0.0)
    summary = M.body_summary([spurious, both_empty], [False, True])
    assert summary["precision"] == 0.0 and summary["recall"] == 0.0 and summary["n"] == 2


def test_f1_is_of_the_averages_not_the_average_of_f1s():
    a = (1.0, 0.0, 0.0)  # P 1, R 1
    b = M.shingle_overlap(TRUTH, "one two three four")  # P 1, R 1/5
    summary = M.body_summary([a, b], [True, False])
    p, r = 1.0, (1 + 1 / 5) / 2
    assert summary["f1"] == pytest.approx(2 * p * r / (p + r))


def test_short_texts_match_as_one_shingle():
    assert M.shingle_overlap("Breaking news", "breaking news") == (0.0, 0.5, 0.5)  # case is kept
    assert M.shingle_overlap("Breaking news!", "Breaking  news") == (1.0, 0.0, 0.0)


# ------------------------------------------------------------------ snippets and prefix


def test_snippet_counts_and_corpus_summary():
    body = "The mayor   said on Monday\nthat the bridge will reopen."
    doc = M.snippet_check(body, ["mayor said on Monday that", "not in there"], ["bridge will", "Cookie policy"])
    assert {k: doc[k] for k in ("tp", "fn", "fp", "tn")} == {"tp": 1, "fn": 1, "fp": 1, "tn": 1}
    assert doc["missed"] == ["not in there"] and doc["leaked"] == ["bridge will"]
    other = M.snippet_check("", ["a"], ["b", "c"])  # nothing found, nothing leaked
    s = M.snippet_summary([doc, other])
    assert s["n"] == 2
    assert s["with_found"] == pytest.approx(1 / 3)
    assert s["without_absent"] == pytest.approx(3 / 4)
    assert s["accuracy"] == pytest.approx(4 / 7)
    assert s["precision"] == pytest.approx(1 / 2)
    assert s["f1"] == pytest.approx(2 * 1 / (2 * 1 + 1 + 2))


def test_snippet_summary_without_snippets_is_zero_not_an_error():
    assert M.snippet_summary([M.snippet_check("x", [], [])])["accuracy"] == 0.0


def test_prefix_is_a_whitespace_normalised_substring():
    assert M.prefix_found("Menu\nThe  first\nparagraph goes on", "The first paragraph")
    assert not M.prefix_found("Menu", "The first paragraph")


# ------------------------------------------------------------------ headline, date, authors


def test_headline_normalisation():
    assert M.headline_match("Ｂｉｇ  News\u00a0Today ", "big news today")  # NFKC, spaces, case
    assert M.headline_match("STRASSE", "straße")  # casefold, not lower
    assert not M.headline_match("Big news", "Big news!")
    assert not M.headline_match("Big news", None)


def test_dates_compare_as_yyyy_mm_dd():
    assert M.normalize_date("2019-10-16T08:00:00+02:00") == "2019-10-16"
    assert M.normalize_date(datetime.datetime(2019, 10, 16, 23, 59)) == "2019-10-16"
    assert M.normalize_date(datetime.date(2019, 10, 16)) == "2019-10-16"
    assert M.normalize_date("16.10.2019") is None
    assert M.date_match("2019-10-16", datetime.date(2019, 10, 16))
    assert not M.date_match("2019-10-16", None)


def test_author_set_normalisation():
    assert M.author_set("By Jane Doe and John Roe") == {"jane doe", "john roe"}
    assert M.authors_match("By Jane Doe and John Roe", ["jane doe", "john roe"])
    assert M.author_set(["KEVIN SACK", "SHERI FINK"]) == {"kevin sack", "sheri fink"}
    assert M.author_set("von Anna Meier und Paul Schmidt") == {"anna meier", "paul schmidt"}
    assert M.author_set("Ana Pérez y Luis Gómez; Marie Curie et Pierre Curie") == {
        "ana pérez", "luis gómez", "marie curie", "pierre curie"}
    assert M.author_set("red, wien.ORF.at/Agenturen") == {"red", "wien.orf.at", "agenturen"}
    assert M.author_set(" — Jane Doe. ") == {"jane doe"}
    assert M.author_set(None) == M.author_set([]) == M.author_set("") == set()
    assert not M.authors_match(["Jane Doe"], ["Jane Doe", "John Roe"])


def test_primary_language():
    assert M.primary_language("en-US") == "en"
    assert M.primary_language("pt_BR") == "pt"
    assert M.primary_language("DE") == "de"
    assert M.primary_language("") is None and M.primary_language(None) is None


# ------------------------------------------------------------------ documents and corpus


def test_score_document_and_summarize_only_use_fields_the_truth_has():
    truth = {"body": TRUTH, "title": "A title", "date": "2020-01-02", "authors": ["Jane Doe"]}
    pred = M.Prediction(body=TRUTH, headline="a  TITLE", authors=("By Jane Doe",), date=datetime.date(2020, 1, 2))
    doc = M.score_document(truth, pred, id="x", seconds=0.002)
    assert doc.body_f1 == 1.0 and doc.headline and doc.date and doc.authors
    assert doc.snippets is None and doc.prefix is None
    other = M.score_document({"with": ["needle"], "without": []}, M.Prediction(body="hay needle"), id="y",
                             seconds=0.004)
    assert other.snippet_accuracy == 1.0 and other.body is None
    summary = M.summarize([doc, other])
    assert summary["body"]["n"] == 1 and summary["snippets"]["n"] == 1
    assert summary["headline"] == {"n": 1, "accuracy": 1.0}
    assert "prefix" not in summary
    assert summary["time"]["median_ms"] == pytest.approx(3.0)
    assert summary["time"]["docs_per_s"] == pytest.approx(2 / 0.006)


# ------------------------------------------------------------------ smoke test of accuracy.py


def test_accuracy_script_runs_on_the_sample():
    assert SAMPLE.exists()
    proc = subprocess.run(
        [sys.executable, str(BENCH / "accuracy.py"), str(SAMPLE), "--worst", "1"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| sample | sample | articleparse | 5 |")]
    assert len(rows) == 1, proc.stdout
    assert "| data | extractor | lang | docs |" in proc.stdout  # the per-language table
    assert "## Worst 1 of sample" in proc.stdout


# ------------------------------------------------------------------ smoke test of floor.py


def test_floor_script_switches_the_rule_checks_off_on_the_sample():
    proc = subprocess.run(
        [sys.executable, str(BENCH / "floor.py"), str(SAMPLE), "--limit", "3", "--warm", "2"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    modes = [line.split("|")[3].strip() for line in proc.stdout.splitlines() if line.startswith("| sample |")]
    assert modes == ["all on", "page checks off", "line checks off", "both off", "bare pass"], proc.stdout


def test_switched_engine_leaves_other_engines_their_rules():
    import articleparse

    sys.path.insert(0, str(BENCH))
    try:
        import floor
    finally:
        sys.path.remove(str(BENCH))
    page = "Home\n\nBridge closes after cracks are found\n\nBy Jane Doe\n\n" + "The council voted to close it. " * 8
    switched = floor._SwitchedEngine("both off").parse(page)
    normal = articleparse.Engine().parse(page)
    assert not any(line.rules for line in switched.lines if line.label.value != "blank" and
                   any(r.startswith(("core:", "en:")) for r in line.rules))
    assert normal.authors == ("Jane Doe",)
