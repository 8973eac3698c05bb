"""The assembler's byline choice (``assemble._pick_byline``): which line names the article's author."""

import pytest

import articleparse
from articleparse.assemble import PICK_RULE
from articleparse.model import Label

_BODY = ("The council voted on Tuesday to close the old river bridge, which has carried traffic over the water "
         "since 1931, after engineers found cracks in two of its piers.\n\n"
         "Lorries will have to use the ring road from Monday, the council said in a statement on its website.\n\n"
         "Work on the piers is expected to last until the summer, and the cost has not yet been set, officials said.\n\n")
_MENU = "".join(f"{w}\n\n" for w in ("Home", "News", "Sport", "Weather", "Contact", "Jobs", "Events", "About us",
                                      "Archive", "Shop", "Login", "Help"))


def _page(tail: str) -> str:
    return "Home\n\nBridge closes after cracks are found\n\n" + _BODY + "Related stories\n\n" + _MENU + tail + "\n\nHome\n"


def test_an_introduced_name_far_below_the_article_is_its_byline():
    # 'Author Jane Doe' stands 17 units under the headline, amid a menu the decoder reads as navigation
    a = articleparse.parse(_page("Author Jane Doe"))
    assert a.authors == ("Jane Doe",)
    [line] = [ln for ln in a.lines if ln.label is Label.BYLINE]
    assert PICK_RULE in line.rules and "core:BY014" in line.rules
    assert a.byline.span == line.span


def test_a_bare_name_far_from_the_headline_is_not_taken():
    # a name alone that far down may be anyone (a teaser's subject, a photographer)
    a = articleparse.parse(_page("Jane Doe"))
    assert a.authors == ()
    assert all(ln.label is not Label.BYLINE for ln in a.lines)


def test_a_picked_line_is_the_only_change():
    before = articleparse.parse(_page("Jane Doe"))
    after = articleparse.parse(_page("Author Jane Doe"))
    changed = [(x.label, y.label) for x, y in zip(before.lines, after.lines) if x.label is not y.label]
    assert changed == [(Label.NAVIGATION, Label.BYLINE)]
    assert before.text == after.text and before.headline == after.headline


def _authors_of(line: str, lang: str = "de") -> tuple[str, ...]:
    """The authors of a page whose only byline candidate is ``line``, right under the headline."""
    if lang == "en":
        page = "Home\n\nBridge closes after cracks are found\n\n" + line + "\n\n" + _BODY
    else:
        page = ("Home\n\nDie alte Brücke wird geschlossen\n\n" + line + "\n\n"
                "Der Rat hat am Dienstag beschlossen, die alte Brücke zu schließen, die seit 1931 den Verkehr über den "
                "Fluss trägt, nachdem Ingenieure Risse in zwei ihrer Pfeiler gefunden hatten.\n")
    return articleparse.parse(page, lang=lang).authors



@pytest.mark.parametrize("line, lang, want", [
    ("By Eric Levitz@EricLevitz", "en", ("Eric Levitz",)),
    ("Devindra Hardawar, @devindra", "en", ("Devindra Hardawar",)),
    ("von Alexander Karper  Foto: © GEPA", "de", ("Alexander Karper",)),
    ("Veröffentlicht vonChris Jung 28. Februar 2016", "de", ("Chris Jung",)),
    ("von Alexander Karper Barisic:", "de", ("Alexander Karper",)),
    ("By Evan Halper Staff Writer", "en", ("Evan Halper",)),
    ("Richard Adams Education editor", "en", ("Richard Adams",)),
    ("Marie Merlet |", "fr", ("Marie Merlet",)),
    ("6. November 2023 Octavius Hallenstein Azad, Bushido, finished, Seitenhieb", "de", ("Octavius Hallenstein",)),
    ("1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen, Katzenbeschäftigung", "de", ("Steffi",)),
    ("STAND 21.4.2021 , 16:41 Uhr AUTOR/IN Julius Richter", "de", ("Julius Richter",)),
    ("Will Knight", "en", ("Will Knight",)),
    ("Christoph von Ritter 24. April 2020", "de", ("Christoph von Ritter",)),
    ("Ein Kommentar von Anna Schmidt 24. April 2020", "de", ("Anna Schmidt",)),
    ("Article // 31 octobre 2021", "fr", ()),
    ("19.2.2020 16:20päivitetty 19.2.2020 16:20", "fi", ()),
    ("Von Stubenhockern und Glucken", "de", ()),
    ("Powered by Livefyre", "en", ()),
    ("By Alex Heath, a deputy editor and author of the Command Line newsletter. He has covered the tech industry "
     "for over a decade at The Information and other outlets.", "en", ("Alex Heath",)),
    ("James Akinaka • 8h", "en", ("James Akinaka",)),
    ("by Bob Yirka , Phys.org", "en", ("Bob Yirka",)),
    ("Autoren Jelko Djuren und Jutta Klaukien", "de", ("Jelko Djuren", "Jutta Klaukien")),
    ("BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by MatsWichmann)", "en", ("MatsWichmann",)),
    ("(60 - extract('seconds' from '2020-08-01 17:00 UTC'::timestamptz - period))", "en", ()),
])
def test_the_name_in_a_byline_line(line, lang, want):
    assert _authors_of(line, lang) == want


def test_a_wrapped_dump_keeps_a_byline_under_a_paragraph_apart():
    from articleparse.lines import split_lines, split_units

    standfirst = ("In Baden-Württemberg und NRW gibt es erstmals Covid-19-Fälle. Wie Behörden die\n"
                  "Ausbreitung verhindern wollen und wie man sich schützen kann, eine FAQ, so lang wie es geht.\n")
    units = split_units(split_lines(standfirst + "von Lars Fischer und Alina Schadwinkel\n\nLaden...\n"), 80)
    assert [u.text for u in units][1:] == ["von Lars Fischer und Alina Schadwinkel", "Laden..."]
    # the last line of a sentence that happens to start with 'by' is still the paragraph's
    sentence = "The report that the council published on Tuesday was written over many months\nby Jane Doe.\n"
    assert [u.text for u in split_units(split_lines(sentence), 80)] == [
        "The report that the council published on Tuesday was written over many months by Jane Doe."]


def _button_page(between: str) -> str:
    # a lone name above the title, then share buttons; a lynx dump prints each button as "(BUTTON)"
    buttons = "".join(f"{between}{w}\n\n" for w in ("Reblog", "Share", "Tweet", "Pin it", "Share", "Email", "Print", "Save", "More"))
    return ("Home\n\nNews\n\nJane Doe\n\nNews Editor\n\n" + buttons
            + "Bridge closes after cracks are found\n\n" + _BODY + "Related stories\n\n" + _MENU)


def test_markup_lines_of_a_text_browser_do_not_push_a_name_away_from_the_headline():
    # the name stands 11 units above the title in the browser copy and 20 in the lynx dump (15 at most count)
    browser = articleparse.parse(_button_page(""))
    lynx = articleparse.parse(_button_page("(BUTTON)\n\n"))
    assert browser.headline == lynx.headline == "Bridge closes after cracks are found"
    assert browser.authors == lynx.authors == ("Jane Doe",)


def test_words_between_a_name_and_the_headline_still_count():
    # the same gap filled with words, not markup, keeps a bare name too far away to be taken
    a = articleparse.parse(_button_page("Share this\n\nand that\n\n"))
    assert a.authors == ()


def _blog(meta: str, menu: tuple[str, ...] = ("Kultur", "Sport", "Reisen")) -> str:
    nav = "".join(f"{w}\n\n" for w in menu)
    return "Startseite\n\n" + nav + "Bridge closes after cracks are found\n\n" + meta + "\n\n" + _BODY


def test_a_category_after_the_name_that_the_menu_prints_is_dropped():
    # "date, author, category" on one line of a blog; the category is also a menu item
    a = articleparse.parse(_blog("30. Oktober 2023 Carola Pönisch Kultur"))
    assert a.authors == ("Carola Pönisch",)
    assert a.byline.raw == "30. Oktober 2023 Carola Pönisch Kultur"


def test_a_two_word_category_is_dropped_too():
    a = articleparse.parse(_blog("Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International",
                                 ("Reiterrevue International", "Sport", "Reisen")))
    assert a.authors == ("Sarah Schnieder",)


def test_a_three_word_name_the_menu_does_not_print_stays_whole():
    a = articleparse.parse(_blog("30. Oktober 2023 Anna Maria Pönisch"))
    assert a.authors == ("Anna Maria Pönisch",)


def _lines_page(meta: str) -> str:
    """A page whose header prints each piece of the byline on a line of its own, as lxml dumps do."""
    return "Home\n\nBridge closes after cracks are found\n\n" + meta + "\n\n" + _BODY


@pytest.mark.parametrize("meta, want", [
    ("By\nDavid Brand\nand\nRamsey Khalifeh", ("David Brand", "Ramsey Khalifeh")),
    ("Von\nBenjamin Fischer und\nMarcus Theurer", ("Benjamin Fischer", "Marcus Theurer")),
])
def test_names_joined_over_lines_all_belong_to_the_byline(meta, want):
    a = articleparse.parse(_lines_page(meta))
    assert set(a.authors) == set(want)


def test_a_name_on_the_line_after_the_byline_without_a_joining_word_is_not_added():
    a = articleparse.parse(_lines_page("By Jane Doe\n\nCouncil Offices"))
    assert a.authors == ("Jane Doe",)


@pytest.mark.parametrize("meta, want", [
    ("Paddy\n·\nApril 19, 2019", ("Paddy",)),
    ("von\nNewsdesk\n28. Januar 2022, 12:01", ("Newsdesk",)),
    ("Nike Jane\n–\n14.09.2022", ("Nike Jane",)),
])
def test_a_name_and_a_date_on_lines_of_their_own_read_as_one_meta_line(meta, want):
    # the browser prints "Paddy · April 19, 2019" on one line; an lxml dump puts each inline element on its own
    a = articleparse.parse(_lines_page(meta))
    assert a.authors == want
    assert a.published is not None


def test_a_biography_byline_read_as_text_leaves_the_body():
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\nBy Jane Doe, a reporter who has covered the "
                           "city council and its bridges for the paper since 2015.\n\n" + _BODY)
    assert a.authors == ("Jane Doe",)
    assert "Jane Doe" not in a.text


_LONG_BODY = "".join(f"Paragraph {k}: " + p + "\n\n" for k in range(1, 7) for p in _BODY.split("\n\n") if p)


def test_a_posts_meta_line_under_the_text_names_the_author():
    # the text runs 18 units, so the line under it is far from the headline
    meta = "Jane Doe — 2013-09-29 — in News — Permalink"
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\n" + _LONG_BODY + meta + "\n\n" + _MENU)
    assert a.authors == ("Jane Doe",)
    # a lone name there is a tag or a teaser's subject, not the author
    b = articleparse.parse("Home\n\nBridge closes after cracks are found\n\n" + _LONG_BODY + "Jane Doe\n\n" + _MENU)
    assert b.authors == ()


def test_a_name_under_a_meta_line_that_stops_at_by():
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\n" + _LONG_BODY
                           + "Written on Mar 17 by\n\nJane Doe\n\n" + _MENU)
    assert a.authors == ("Jane Doe",)


def test_a_page_without_a_byline_names_the_person_its_copyright_line_names():
    page = "Home\n\nBridge closes after cracks are found\n\n" + _BODY + _MENU + "© 2009-2012 Jonathan Krase. Impressum\n"
    a = articleparse.parse(page)
    assert a.authors == ("Jonathan Krase",)
    assert all(ln.label is not Label.BYLINE for ln in a.lines)  # the copyright line keeps its label
    # a company is no author, and a byline beats the copyright line
    assert articleparse.parse(page.replace("Jonathan Krase", "Heise Medien")).authors == ()
    bylined = page.replace("Bridge closes after cracks are found\n\n", "Bridge closes after cracks are found\n\nBy Jane Doe\n\n")
    assert articleparse.parse(bylined).authors == ("Jane Doe",)


def test_an_author_box_inside_the_text_names_the_author():
    # "By Jane Doe @janedoe" / "Jane has covered ...": the decoder reads the box as text, far from the headline
    rest = _LONG_BODY.replace("Paragraph", "Part")
    bio = "Jane has covered the council and its roads for the paper since 2009 and lives by the river.\n\n"
    page = "Home\n\nBridge closes after cracks are found\n\n" + _LONG_BODY + "By Jane Doe @janedoe\n\n{}" + rest + _MENU
    a = articleparse.parse(page.format(bio))
    assert a.authors == ("Jane Doe",)
    [line] = [ln for ln in a.lines if ln.label is Label.BYLINE]
    assert PICK_RULE in line.rules
    # without a sentence about the person under it, a "By" line inside the text is a heading or a credit
    assert articleparse.parse(page.format("")).authors == ()
    assert articleparse.parse(page.format(bio.replace("Jane has", "The mayor has"))).authors == ()


def _teasers(*names: str) -> str:
    return "".join(f"{t}\n\n{s}\n\nBy {n}, {h}h ago\n\nSave\n\n" for (t, s, h), n in zip((
        ("Town hall gets a new roof", "Work starts in May", 2),
        ("School buses change their routes", "Parents get a letter", 3),
        ("Library opens on Sundays", "A six-month trial", 5)), names))


def test_the_bylines_of_a_teaser_list_under_the_text_are_not_the_articles():
    # a "More stories" list: each title, its snippet and its author's byline; the article's own byline is weaker
    top = "Home\n\nNews\n\nBridge closes after cracks are found\n\n" + _BODY + "By Jane Doe @janedoe\n\nMore stories\n\n"
    a = articleparse.parse(top + _teasers("R. Lawler", "M. Smith", "K. Jones") + "About\n\nContact\n")
    assert a.authors == ("Jane Doe",)
    # the same name twice is as often the article's author printed twice (under the text, in the author box): it
    # stays a candidate
    b = articleparse.parse(top + _teasers("R. Lawler", "R. Lawler") + "About\n\nContact\n")
    assert b.authors == ("R. Lawler",)


def test_the_contributors_boxes_under_the_text_are_not_a_teaser_list():
    # "A short portrait of Jane Doe" / "Written by Jane Doe", one box per contributor: the line above names the person
    top = "Home\n\nNews\n\nBridge closes after cracks are found\n\n" + _BODY + "More stories\n\n"
    boxes = "".join(f"{t}\n\nSave\n\nA short portrait of {n}\n\nWritten by {n}\n\n" for t, n in (
        ("Town hall gets a new roof", "Jane Doe"), ("School buses change their routes", "Ann Roe")))
    assert articleparse.parse(top + boxes + "About\n\nContact\n").authors == ("Jane Doe",)


_BODY_DE = ("In Baden-Württemberg hat sich eine Initiative aus Jugendverbänden und Eine-Welt-Gruppen gebildet, die sich "
            "für faire Bedingungen in den Lieferketten der großen Unternehmen einsetzt.\n\n"
            "Deshalb lädt der Weltdienst zusammen mit dem Landesjugendring zu einem Aktionstag ein, an dem Gruppen "
            "aus dem ganzen Land ihre Ideen vorstellen.\n\n"
            "Die Anmeldung ist bis Ende Februar möglich, die Teilnahme ist kostenlos, und für Verpflegung wird gesorgt.\n\n")


def _page_de(heading: str) -> str:
    return ("Startseite\n\nPresse und News\n\n" + heading + "\n\nAktionen planen, die was bewegen\n\n" + _BODY_DE
            + "Impressum\n\nDatenschutz\n")


@pytest.mark.parametrize("heading", ["Rasende Polizisten", "Soziale Energie", "Kleine Schafskunde", "Ähnliche Artikel"])
def test_a_german_heading_that_opens_with_an_adjective_is_not_a_person(heading):
    # de:BY002: two capitalised words over the title read as a name, but 'rasende' or 'soziale' opens no person's name
    a = articleparse.parse(_page_de(heading))
    assert a.meta.language == "de"
    assert a.authors == ()
    assert all(ln.label is not Label.BYLINE for ln in a.lines)


def test_a_german_name_over_the_title_is_still_the_byline():
    assert articleparse.parse(_page_de("Anna Schmidt")).authors == ("Anna Schmidt",)


@pytest.mark.parametrize("heading", ["Recent Posts", "Install App", "Speak Freely", "Home Johannes"])
def test_a_name_shaped_line_that_opens_with_an_interface_word_is_not_a_person(heading):
    # core:BY026: two capitalised words under the title read as a name, but 'Recent' or 'Install' opens a button
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\n" + heading + "\n\n" + _BODY + "Contact\n")
    assert a.authors == ()


def test_a_name_under_the_title_is_still_its_byline():
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\nJane Doe\n\n" + _BODY + "Contact\n")
    assert a.authors == ("Jane Doe",)


@pytest.mark.parametrize("name", ["Dr. Tim Loppe", "Prof. Dr. Anna Schmidt", "Dr.-Ing. Jan Koch"])
def test_a_name_with_an_academic_title_under_the_title_is_the_byline(name):
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\n" + name + "\n\n" + _BODY + "Contact\n")
    assert a.authors == (name,)


def test_a_brand_with_a_title_is_no_name():
    a = articleparse.parse("Home\n\nBridge closes after cracks are found\n\nDr. Oetker\n\n" + _BODY + "Contact\n")
    assert a.authors == ()
