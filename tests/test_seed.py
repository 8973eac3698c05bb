"""The seed article, checked field by field against what issue #2 requires of it.

The golden in fixtures/goldens pins the whole Article; this file states the requirements
themselves, so that regenerating the golden can never silently accept a regression.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import articleparse
from articleparse import Label

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b77d87d1f81881a2.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(text: str) -> articleparse.Article:
    return articleparse.parse(text)


def test_headline(article):
    assert article.headline == "With new big data centre, China strengthens Tibet surveillance"


def test_dates_and_reading_time(article):
    assert article.published == dt.date(2022, 11, 9)
    assert type(article.published) is dt.date
    assert article.updated is None
    assert article.meta.reading_time == 3


def test_standfirst_without_its_credit(article):
    assert article.standfirst == (
        "According to local media reports, it is the “first such centre at the regional level and a step "
        "toward big data integration and application sharing”"
    )


def test_byline_is_the_source_credit(article, text):
    assert article.byline is not None
    assert article.byline.organization == "Asian Lite News"
    assert article.authors == ()
    start, end = article.byline.span
    assert text[start:end] == "Asian Lite News"
    assert article.meta.agency == "ANI"


def test_body(article, text):
    body = article.body
    assert len(body) == 15
    assert body[0].text.startswith("China is set to develop its AI and Big Data capabilities")
    assert body[-1].text.endswith("tighten its grip on the area. (ANI)")
    # the standfirst itself is not in the body, but the body's own paragraph repeating its words is
    assert not any("reports Asian Lite News" in p.text for p in body)
    assert body[2].text == ("According to local media reports, it is the “first such centre at the regional level "
                            "and a step toward big data integration and application sharing”.")
    for p in body:
        assert p.text in text  # verbatim
        assert text[p.span[0]:p.span[1]] == p.text
    assert article.text == "\n\n".join(p.text for p in body)


def test_related(article):
    got = [(r.section, r.title) for r in article.related]
    top = "Latest from -Top News"
    assert got == [
        ("ALSO READ", "Tibet sees protests over Covid 19 curbs"),
        ("Previous Story", "Kolkata Port upbeat after trials through Bangladesh ports"),
        ("Next Story", "China firm on Zero Covid policy despite public ire"),
        (top, "Modi rallies diaspora for India’s 2047 vision"),
        (top, "More troubles await China in 2025"),
        (top, "Japan, Sri Lanka strengthen bilateral cooperation"),
        (top, "Sri Lankan President due in China on Jan 14"),
        (top, "Indo-Nepal forces tackle urban warfare, jungle survival"),
        ("Don't Miss", "Report claims China lost 42 soldiers in Galwan Valley clash"),
        ("Don't Miss", "Nepal, China ink 6-point agreement under BRI"),
    ]
    snippets = [r.snippet for r in article.related]
    assert snippets[:3] == [None, None, None]
    assert snippets[3].startswith("Highlighting the diaspora’s achievements")
    assert snippets[7].startswith("The exercise features rigorous training")
    assert snippets[8] == "Report by an Australian newspaper, The Klaxon, claims that its"
    assert snippets[9] == "The MoU between the two Parliaments also mentions the BRI,"
    for r in article.related:
        assert r.title == r.title.strip() and (r.snippet is None or r.snippet == r.snippet.strip())


def test_navigation_and_nothing_else_in_body(article):
    nav = [b for b in article.boilerplate if b.label is Label.NAVIGATION]
    assert any(b.text == "Go toTop" for b in nav)
    for p in article.body:
        assert "Go toTop" not in p.text
        assert not any(r.title in p.text for r in article.related)


def test_every_line_labelled(article, text):
    nonblank = [ln for ln in article.lines if ln.label is not Label.BLANK]
    # the issue speaks of 40 non-blank lines; the file has 41 (4 header lines, 15 body paragraphs,
    # 21 teaser lines and "Go toTop"), and every one of them must be labelled
    assert len([ln for ln in text.splitlines() if ln.strip()]) == 41
    assert len(nonblank) == 41
    for ln in nonblank:
        assert ln.rules, f"line {ln.index} has no rule id"
