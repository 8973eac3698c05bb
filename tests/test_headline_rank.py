"""The headline ranker (articleparse.headline): a linear model over each candidate's facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import articleparse
from articleparse import Engine
from articleparse.errors import PackError
from articleparse.headline import candidate_facts, compile_model

ROOT = Path(__file__).resolve().parents[1]
LIBERATION = (ROOT / "fixtures" / "pages" / "inscriptis-liberation-1.txt").read_text(encoding="utf-8")
# the page's true title (mozilla/readability's test page liberation-1)
TITLE = "Un troisième Français mort dans le séisme au Népal"


def _engine(model: dict | None) -> Engine:
    engine = Engine()
    params = {k: v for k, v in engine.params.items() if k != "headline_rank"}
    if model is not None:
        params["headline_rank"] = model
    engine.params = params
    return engine


def _facts(text: str, lang: str = "fr") -> tuple[list[str], list[dict[str, float]]]:
    """The candidates' texts and facts, as the decoder leaves them before the ranker."""
    page = Engine()._stages(text, lang=lang, rank=False)
    window = int(Engine().params["headline_rank_window"])
    cands, facts = candidate_facts(page.votes.scores, list(page.decoded.labels), page.features, window)
    return [page.units[i].text for i in cands], facts


def test_the_core_model_names_only_facts_the_ranker_computes() -> None:
    model = Engine().params["headline_rank"]
    cands, facts = _facts(LIBERATION)
    assert len(cands) >= 2 and len(facts) == len(cands)
    assert len(model) >= 20
    for name, (mean, scale, weight) in model.items():
        assert name in facts[0], name
        assert scale > 0


BBC = (ROOT / "fixtures" / "pages" / "w3m-bbc.com.52241221.txt").read_text(encoding="utf-8")
# the page's true title (adbar/trafilatura's evaluation page bbc.com.52241221)
BBC_TITLE = "Coronavirus: New York ramps up mass burials amid outbreak"


@pytest.mark.parametrize(("page", "title"), [(LIBERATION, TITLE), (BBC, BBC_TITLE)], ids=["liberation", "bbc"])
def test_the_ranker_finds_the_title_the_decoder_missed(page: str, title: str) -> None:
    # the decoder's pass takes a quoted teaser title (liberation) or a share bar's note (bbc);
    # the ranker takes the article's title
    assert _engine(None).parse(page).headline != title
    article = articleparse.parse(page)
    assert article.headline == title
    # the line says who decided
    line = next(ln for ln in article.lines if ln.label.value == "headline")
    assert line.rules[-1] == "rank:headline"
    assert all("rank:headline" not in ln.rules for ln in _engine(None).parse(page).lines)


def test_the_model_comes_from_the_params() -> None:
    # a model that only likes few characters picks the shortest candidate
    texts, facts = _facts(LIBERATION)
    shortest = min(texts, key=len)
    assert len(shortest) < len(TITLE)
    assert _engine({"lognc": [0.0, 1.0, -5.0]}).parse(LIBERATION).headline == shortest


def test_every_line_stays_labelled_and_one_headline_at_most() -> None:
    article = articleparse.parse(LIBERATION)
    assert len(article.lines) == len(LIBERATION.splitlines())
    assert sum(1 for ln in article.lines if ln.label.value == "headline") == 1


def test_the_fact_names_are_the_facts_computed() -> None:
    from articleparse.headline import FACT_NAMES
    texts, facts = _facts(LIBERATION)
    assert set(facts[0]) == set(FACT_NAMES)


@pytest.mark.parametrize(("table", "message"), [
    ({"wordcount": [1.0, 1.0, 0.5]}, "not a fact the headline ranker computes"),
    ({"nw": [1.0, 0.0, 0.5]}, "scale above 0"),
    ({"nw": [1.0, 2.0]}, "[mean, scale, weight]"),
    ([1, 2, 3], "not a table"),
])
def test_a_bad_model_is_a_clear_pack_error(table, message) -> None:
    with pytest.raises(PackError, match=re.escape(message)):
        compile_model(table)
    with pytest.raises(PackError, match=re.escape(message)):
        _engine(table).parse(LIBERATION)


COOKIE_THEN_ARTICLE = (
    "Home\nNews\nSport\n\n"
    "We use cookies to give you the best experience on our website. By continuing to browse the "
    "site you agree to our use of cookies and to our privacy policy.\n\n"
    + "\n".join(f"Section {k}" for k in range(40)) + "\n\n"
    "Harbour bridge closes after engineers find cracks in its main span\n\n"
    "March 3, 2022\n\n"
    "The harbour bridge was closed to traffic on Thursday after engineers found cracks in the steel "
    "of its main span during a routine inspection, the city council said.\n\n"
    "Engineers will need at least two weeks to decide whether the bridge can reopen, and ferries "
    "will run extra services until then, a council spokeswoman said on Thursday.\n\n"
    "The bridge carries about forty thousand vehicles a day and is the only road link between the "
    "two halves of the old town, which lies on both banks of the river.\n"
)


def test_candidates_come_from_above_the_bodys_longest_run_too() -> None:
    # the first body unit is a cookie notice far above the article: the title over the
    # article's own text is still a candidate, and a date right under it says it is the title
    from articleparse.model import Label

    page = Engine()._stages(COOKIE_THEN_ARTICLE, lang="en", rank=False)
    labels = list(page.decoded.labels)
    title = "Harbour bridge closes after engineers find cracks in its main span"
    assert articleparse.parse(COOKIE_THEN_ARTICLE).headline == title
    # as if the decoder had read the cookie notice as the body's first paragraph
    cookie = next(i for i, u in enumerate(page.units) if u.text.startswith("We use cookies"))
    assert cookie < [u.text for u in page.units].index(title) - 25
    labels[cookie] = Label.BODY
    cands, facts = candidate_facts(page.votes.scores, labels, page.features, 25)
    texts = [page.units[i].text for i in cands]
    assert title in texts
    row = facts[texts.index(title)]
    assert row["meta_below"] == 1.0 and row["closest_above_meta"] == 1.0 and row["before_main"] == 1.0


def test_a_bare_name_right_above_the_text_is_a_candidate() -> None:
    text = ("Home\nAbout\nContact\n\nBaumgutachten\n\n"
            "Die Erstellung von Baumgutachten erfordert gleichermaßen Fachwissen und Erfahrung, denn jeder "
            "Baum ist anders und jeder Standort stellt eigene Anforderungen an die Prüfung.\n\n"
            "Wir prüfen die Standsicherheit, die Vitalität und den Zustand der Krone und schreiben alles in "
            "einem Gutachten auf, das auch vor Gericht Bestand hat.\n")
    texts, _ = _facts(text, lang="de")
    assert "Baumgutachten" in texts


def test_a_title_echoed_inside_a_breadcrumb_and_named_by_the_first_paragraph() -> None:
    # the title recurs inside a longer line (the breadcrumb), the dek under it does not; the
    # first paragraph's words are the title's
    title = "Harbour bridge closes after engineers find cracks"
    dek = "Ferries will run extra services while the council decides what to do next"
    text = ("Home\nNews\nYou are here: News > " + title + "\n\n" + title + "\n\n" + dek + "\n\n"
            "March 3, 2022\n\n"
            "The harbour bridge was closed to traffic on Thursday after engineers found cracks in the steel "
            "of its main span during a routine inspection, the city council said.\n\n"
            "The bridge carries about forty thousand vehicles a day and is the only road link between the "
            "two halves of the old town, which lies on both banks of the river.\n")
    texts, facts = _facts(text, lang="en")
    assert title in texts and dek in texts
    at_title, at_dek = facts[texts.index(title)], facts[texts.index(dek)]
    assert at_title["echo_sub"] == 1 and at_title["echo"] == 0
    assert at_dek["echo_sub"] == 0
    assert at_title["ov_first"] > at_dek["ov_first"]


def _units_facts(text: str, lang: str = "en") -> tuple[list[str], list[dict[str, float]]]:
    """Like ``_facts``, with the units, so the blank-line and indent facts are computed."""
    page = Engine()._stages(text, lang=lang, rank=False)
    cands, facts = candidate_facts(page.votes.scores, list(page.decoded.labels), page.features, 25, page.units)
    return [page.units[i].text for i in cands], facts


_PARAS = ("The harbour bridge was closed to traffic on Thursday after engineers found cracks in the steel "
          "of its main span during a routine inspection, the city council said.\n\n"
          "The bridge carries about forty thousand vehicles a day and is the only road link between the "
          "two halves of the old town, which lies on both banks of the river.\n")
_TITLE = "Harbour bridge closes after engineers find cracks"


def test_blank_lines_and_indents_are_facts_of_the_page_kind() -> None:
    # a text-mode dump indents its lists and sets the title apart with blank lines: the sp_ facts
    laid_out = ("  * Home\n  * News\n  * Sport\n  * Weather\n\n" + _TITLE + "\n\n" + _PARAS)
    texts, facts = _units_facts(laid_out)
    row = facts[texts.index(_TITLE)]
    assert row["sp_bb"] == 1.0 and row["sp_before"] == 1.0 and row["sp_after"] == 1.0 and row["sp_indent"] == 0.0
    assert row["tt_bb"] == row["tt_before"] == row["tt_after"] == 0.0
    # a browser copy indents nothing: the same lines count as tt_ facts
    copied = ("Home\nNews\nSport\nWeather\n" + _TITLE + "\n\n" + _PARAS)
    texts, facts = _units_facts(copied)
    row = facts[texts.index(_TITLE)]
    assert row["tt_before"] == 0.0 and row["tt_after"] == 1.0 and row["tt_bb"] == 0.0
    assert row["sp_bb"] == row["sp_before"] == row["sp_after"] == 0.0
    # without the units the facts are 0
    _, facts = _facts(laid_out, lang="en")
    assert all(x["sp_bb"] == x["tt_bb"] == 0.0 for x in facts)


def test_the_ranker_leaves_a_byline_or_date_line_its_label() -> None:
    # a model that likes byline and date votes would take those lines; the ranker skips them
    text = ("Home\nNews\n\n" + _TITLE + "\n\nBy Jane Smith\n\nMarch 3, 2022\n\n" + _PARAS)
    article = _engine({"byline": [0.0, 1.0, 5.0], "date": [0.0, 1.0, 5.0]}).parse(text)
    assert article.headline not in ("By Jane Smith", "March 3, 2022")
    assert "Jane Smith" in article.authors


def test_a_menu_name_the_page_prints_again_is_a_candidate_far_above_the_text() -> None:
    # the page's own name stands in its menu, more than six lines over the text, and again as the
    # last crumb of the breadcrumb at the foot of the page: a candidate, with its echoes as facts
    menu = "\n".join(["Home", "Games", "Bee Simulator", "Reviews", "Forum", "Shop", "About us", "Contact",
                      "Imprint", "Privacy"])
    text = (menu + "\n\n" + _PARAS + "\nHome » Games » Bee Simulator\n")
    texts, facts = _units_facts(text)
    assert "Bee Simulator" in texts and "Reviews" not in texts
    row = facts[texts.index("Bee Simulator")]
    assert row["echo_end"] == 1.0 and row["echo_down"] == 1.0 and row["echo_up"] == 0.0 and row["echo"] == 0


def test_echo_facts_tell_a_far_repeat_from_a_doubled_line() -> None:
    # a title printed twice in a row (a heading and its link) against one printed again far below
    filler = "\n".join(f"Section number {k}" for k in range(12))
    text = ("Home\nNews\n" + _TITLE + "\n" + _TITLE + "\n\n" + _PARAS + "\n" + filler + "\n\n" + _TITLE + "\n")
    texts, facts = _units_facts(text)
    row = facts[texts.index(_TITLE)]
    assert row["dup_adj"] == 1.0 and row["echo_far"] == 1.0 and row["echo_down"] == 2.0


def test_a_date_under_a_line_counts_whatever_its_label() -> None:
    # lxml prints "AFP" and the date on lines of their own, and the decoder reads such a date as a menu line
    # or a teaser's snippet as often as a date: date_below asks only whether a date rule voted for a line
    # within three units under the candidate (tt*date_below: on a page not laid out as text)
    dek = "Ferries will run extra services while the council decides what to do next"
    text = ("Home\nNews\nSport\n" + _TITLE + "\nAFP\nMarch 3, 2022 at 07:19 (Updated: March 3, 2022 at 07:38)\n"
            "Share\nTweet\n" + dek + "\nSave\nPrint\n\n" + _PARAS)
    texts, facts = _units_facts(text)
    at_title, at_dek = facts[texts.index(_TITLE)], facts[texts.index(dek)]
    assert at_title["date_below"] == 1.0 and at_dek["date_below"] == 0.0
    assert at_title["tt*date_below"] == at_title["tt"] == 1.0


def test_a_title_the_decoder_read_as_the_first_paragraph_is_a_candidate() -> None:
    # a title that ends in a full stop, right over the text, reads as the body's first paragraph; it is a
    # candidate all the same: a short line of one sentence, starting with a capital, over a longer body unit
    title = "Running in winter: from cold feet to a habit in twelve months."
    text = ("Home\nBlog\nAbout\n\n" + title + "\n\n" + _PARAS)
    page = Engine()._stages(text, lang="en", rank=False)
    units = [u.text for u in page.units]
    assert page.decoded.labels[units.index(title)].value == "body"
    texts, _ = _units_facts(text)
    assert title in texts
    # the body's paragraphs themselves are not: longer than the unit under them, or more than one sentence
    assert not any(t.startswith("The harbour bridge") or t.startswith("The bridge") for t in texts)
    # nor is a statement of prose (a full stop after a line that opens with a stop word) or a line with a comma
    for line in ("The harbour website is hosted by the city council.", "When I woke up, there was nothing."):
        prose = "Home\nBlog\nAbout\n\n" + line + "\n\n" + _PARAS
        page = Engine()._stages(prose, lang="en", rank=False)
        assert page.decoded.labels[[u.text for u in page.units].index(line)].value == "body"
        texts, _ = _units_facts(prose)
        assert line not in texts


def test_a_dek_under_a_title_is_not_made_a_candidate_as_the_body_start() -> None:
    # the line under a title-voted line is the title's dek when the decoder took it for the body's start
    dek = "Ferries will run extra services while the council decides."
    text = ("Home\nNews\n\n" + _TITLE + "\n" + dek + "\n\n" + _PARAS)
    page = Engine()._stages(text, lang="en", rank=False)
    units = [u.text for u in page.units]
    assert page.decoded.labels[units.index(dek)].value == "body"
    texts, _ = _units_facts(text)
    assert _TITLE in texts and dek not in texts
