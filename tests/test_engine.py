"""Engine behaviour that no single rule owns: date order per page, glued dates, memoised votes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import articleparse
from articleparse.engine import Engine, page_date_order

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("Posted 16/04/2020 and 03/04/2020", "mdy", "dmy"),
        ("Posted 04/16/2020 and 03/04/2020", "dmy", "mdy"),
        ("Posted 03/04/2020", "mdy", "mdy"),
        ("No dates here", None, None),
        ("Version 1/2/3 and 12/13", "dmy", "dmy"),
    ],
)
def test_page_date_order(text, default, expected):
    assert page_date_order(text, default) == expected


def test_page_order_decides_ambiguous_dates():
    body = "The council voted on Tuesday to close the old bridge, which has carried traffic since 1931."
    page = f"Bridge closes after cracks are found\n\n08/11/2023\n\n{body}\n\nOlder story 16/10/2023\n"
    assert articleparse.parse(page, lang="en").published == dt.date(2023, 11, 8)


def test_glued_dates_are_found():
    body = "The council voted on Tuesday to close the old bridge, which has carried traffic since 1931."
    page = f"Bridge closes after cracks are found\n\nYahoo News Australia28 October 2020\n\n{body}\n"
    assert articleparse.parse(page).published == dt.date(2020, 10, 28)


@pytest.mark.parametrize(("line", "lang", "want"), [
    ("miércoles, 4 de mayo de 202207:59 hs", "es", dt.datetime(2022, 5, 4, 7, 59)),  # year run into the time
    ("28 luglio 202010:43 News", "it", dt.datetime(2020, 7, 28, 10, 43)),
    ("20 janvier 202020 janvier 2020", "fr", dt.date(2020, 1, 20)),  # year run into the next date
])
def test_year_glued_to_a_time_or_a_second_date(line, lang, want):
    body = {"es": "El consejo votó el martes cerrar el viejo puente, que ha llevado el tráfico desde 1931.",
            "it": "Il consiglio ha votato martedì di chiudere il vecchio ponte, che porta il traffico dal 1931.",
            "fr": "Le conseil a voté mardi la fermeture du vieux pont, qui porte la circulation depuis 1931."}[lang]
    page = f"Le pont ferme\n\n{line}\n\n{body}\n"
    assert articleparse.parse(page, lang=lang).published == want


_ARBEIT = ("Die Zahl der arbeitslosen Menschen ist im Januar gestiegen, aber weniger stark als in den Jahren zuvor, "
           "teilte die Bundesagentur am Dienstag in Nürnberg mit. Die Unternehmen suchen weiter Personal. ") * 2


def _press_page(first: str) -> str:
    return ("Startseite\n\nPresse\n\nArbeitsmarkt gut ins Jahr gestartet\n\n" + first + " " + _ARBEIT + "\n\n"
            + _ARBEIT + "\n\nImpressum\n")


@pytest.mark.parametrize(("first", "want"), [
    ("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet.“", dt.date(2022, 2, 1)),
    ("27.1.2022 - Bei der Erinnerung an die Verfolgten des NS-Regimes waren queere Opfer oft unsichtbar.",
     dt.date(2022, 1, 27)),
    ("Pressemitteilung vom 25. Januar 2022 | Berlin – Die Zusammenarbeit mit dem Programm wird enger.",
     dt.date(2022, 1, 25)),
])
def test_a_page_without_a_date_line_takes_the_dateline_of_its_first_paragraph(first, want):
    # the date opens a paragraph longer than the 200 characters a date line may have
    assert articleparse.parse(_press_page(first)).published == want


def test_a_date_inside_the_first_sentence_is_no_dateline():
    assert articleparse.parse(_press_page("Am 01.02.2022 hat die Agentur die neuen Zahlen vorgelegt.")).published is None


def test_a_date_line_wins_over_a_dateline():
    page = _press_page("27.1.2022 - Bei der Erinnerung an die Verfolgten waren queere Opfer oft unsichtbar.")
    page = page.replace("Arbeitsmarkt gut ins Jahr gestartet\n\n", "Arbeitsmarkt gut ins Jahr gestartet\n\n03.02.2022\n\n")
    assert articleparse.parse(page).published == dt.date(2022, 2, 3)


def test_remembered_votes_do_not_change_results():
    seed = (ROOT / "seeds" / "000_b77d87d1f81881a2.txt").read_text(encoding="utf-8")
    others = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "pages").glob("*.txt"))]
    fresh = Engine().parse(seed)
    warmed = Engine()
    for text in others:
        warmed.parse(text)
    assert warmed.parse(seed) == fresh
    assert warmed.parse(seed) == warmed.parse(seed)


def test_remembered_votes_are_plain_data_the_cycle_collector_can_skip():
    import gc

    from articleparse.decoder import LABELS

    seed = (ROOT / "seeds" / "000_b77d87d1f81881a2.txt").read_text(encoding="utf-8")
    engine = Engine()
    votes = engine._stages(seed).votes
    ruleset = engine._ruleset("en", None)
    for _ in range(3):
        gc.collect()  # a tuple leaves the collector's lists once the tuples inside it have
    entries = list(ruleset.memo.values())
    assert len(entries) == 41
    for entry in entries:
        row, ids, pairs, caught, names, values = entry
        # rows, rule ids, (label index, vote) pairs, feature names: no Label keeps them on the collector's lists
        assert not any(map(gc.is_tracked, (row, ids, pairs, names)))
        # nor the whole entry, unless a match (a Capture) or a feature value (a set) is an object it must visit
        assert gc.is_tracked(entry) == (gc.is_tracked(caught) or gc.is_tracked(values))
    assert sum(not gc.is_tracked(entry) for entry in entries) >= 25
    # a remembered line's fired rules come back with their labels, in the order they fired
    go_to_top = next(i for i, f in enumerate(engine._stages(seed).features) if f.text == "Go toTop")
    row, ids, pairs, _caught, _names, _values = ruleset.memo[("mdy", "Go toTop")]
    assert [(i, LABELS[k], v) for i, (k, v) in zip(ids, pairs)] == votes.fired[go_to_top][:len(ids)]
    # lines without a date share one empty list
    dates = ruleset.dates
    assert dates.find("Go toTop") == [] and dates.find("Go toTop") is dates.find("Home")


@pytest.mark.parametrize(("line", "want"), [
    ("Forum>iPhone>kein App Store mehr über Mobile Daten", "kein App Store mehr über Mobile Daten"),
    ("23.01.2022 - Dorothea Wierer darf beim Abschluss noch jubeln", "Dorothea Wierer darf beim Abschluss noch jubeln"),
    ("2019: Das Jahr der Brücke", "2019: Das Jahr der Brücke"),  # a bare year is not a date
    ("Home > News", "Home > News"),  # too little would be left
    ("Home → Verkehr → Die Stadt sperrt die alte Brücke", "Die Stadt sperrt die alte Brücke"),
    ("━━━━━━━━━━ Die Stadt sperrt die alte Brücke", "Die Stadt sperrt die alte Brücke"),
    ("Verkehr: Die alte Brücke bleibt gesperrt", "Verkehr: Die alte Brücke bleibt gesperrt"),  # a kicker stays
])
def test_headline_loses_a_leading_trail_or_date(line, want):
    body = ("Die Stadt sperrt die alte Brücke über den Fluss ab Montag für alle Lastwagen, weil die Ingenieure "
            "Risse in zwei Pfeilern gefunden haben.\n\nDer Verkehr wird über die Umgehungsstraße geleitet, "
            "teilte die Stadt am Freitag mit.\n")
    assert articleparse.parse(f"Startseite\n\n{line}\n\n{body}", lang="de").headline == want


@pytest.mark.parametrize(("line", "want"), [
    ("• Die Stadt sperrt die alte Brücke", "Die Stadt sperrt die alte Brücke"),  # a list item's mark goes
    ("* Die Stadt sperrt die alte Brücke", "Die Stadt sperrt die alte Brücke"),
    ("□ Die Stadt sperrt die alte Brücke", "Die Stadt sperrt die alte Brücke"),
    ("1. FC Köln gewinnt das Derby am Rhein", "1. FC Köln gewinnt das Derby am Rhein"),  # a number stays
    ("- Die Stadt sperrt die alte Brücke", "- Die Stadt sperrt die alte Brücke"),  # so does a dash
])
def test_headline_text_loses_a_list_items_mark(line, want):
    # lynx, w3m and inscriptis print a title that the page also lists ("Most read") with the list's mark; the
    # ranker may take that line, and the headline is the title without the mark
    from articleparse.assemble import _headline_text

    page = Engine()._stages(f"Startseite\n\n{line}\n\nDie Stadt sperrt die Brücke.\n", lang="de")
    assert _headline_text(line, page.ctx, 1) == want


@pytest.mark.parametrize(("crumb", "line", "want"), [
    # the breadcrumb prints the bare title: the kicker run into the headline is dropped
    ("4. Die Brücke bleibt bis Ostern gesperrt", "Verkehr: Die Brücke bleibt bis Ostern gesperrt",
     "Die Brücke bleibt bis Ostern gesperrt"),
    # a quotation mark is not a kicker
    ("4. Die Brücke bleibt bis Ostern gesperrt«", "»Die Brücke bleibt bis Ostern gesperrt«",
     "»Die Brücke bleibt bis Ostern gesperrt«"),
    # a tagline that ends the title, starting in lower case, is not the title
    ("4. bis Ostern gesperrt", "Die Brücke bleibt bis Ostern gesperrt", "Die Brücke bleibt bis Ostern gesperrt"),
    # five words before the bare title are more than a kicker
    ("4. Die Brücke bleibt gesperrt", "Nach dem Fund der Risse: Die Brücke bleibt gesperrt",
     "Nach dem Fund der Risse: Die Brücke bleibt gesperrt"),
    # a breadcrumb written with slashes ends in the bare title, the kicker run into the headline without a mark
    ("home / Verkehr / Die Brücke bleibt bis Ostern gesperrt", "Risse gefunden Die Brücke bleibt bis Ostern gesperrt",
     "Die Brücke bleibt bis Ostern gesperrt"),
    # a slash inside the title is no trail: nothing is cut without the bare title
    ("4. Stadt/Land: Die Brücke bleibt gesperrt", "Risse gefunden Die Brücke bleibt bis Ostern gesperrt",
     "Risse gefunden Die Brücke bleibt bis Ostern gesperrt"),
])
def test_headline_drops_a_kicker_when_a_nearby_line_prints_the_bare_title(crumb, line, want):
    body = ("Die Stadt sperrt die alte Brücke über den Fluss ab Montag für alle Lastwagen, weil die Ingenieure "
            "Risse in zwei Pfeilern gefunden haben.\n\nDer Verkehr wird über die Umgehungsstraße geleitet, "
            "teilte die Stadt am Freitag mit.\n")
    page = f"Startseite\n\n1. Nachrichten\n\n{crumb}\n\n{line}\n\n{body}"
    assert articleparse.parse(page, lang="de").headline == want


@pytest.mark.parametrize(("lang", "prose", "want"), [
    # a German page: the spaced colon between kicker and title marks two elements, the title is what follows
    ("de", "Die Stadt sperrt die alte Brücke über den Fluss ab Montag, sagte der Sprecher: Die Risse sind tief "
           "und die Ingenieure prüfen jeden Pfeiler.", "Die Brücke bleibt bis Ostern gesperrt"),
    # a French page spaces every colon: the whole line is the title
    ("fr", "La ville ferme le vieux pont sur le fleuve dès lundi, a déclaré le porte-parole : les fissures sont "
           "profondes et les ingénieurs examinent chaque pile.", "Verkehr : Die Brücke bleibt bis Ostern gesperrt"),
    # a page whose prose spaces its colons, whatever its language: nothing is cut either
    ("de", "Die Stadt sperrt die alte Brücke über den Fluss ab Montag, sagte der Sprecher : Die Risse sind tief "
           "und die Ingenieure prüfen jeden Pfeiler.", "Verkehr : Die Brücke bleibt bis Ostern gesperrt"),
])
def test_headline_drops_a_kicker_set_off_by_a_spaced_colon(lang, prose, want):
    from articleparse.assemble import _headline_text

    line = "Verkehr : Die Brücke bleibt bis Ostern gesperrt"
    page = Engine()._stages(f"Startseite\n\n{line}\n\n{prose}\n\n{prose}\n", lang=lang)
    assert _headline_text(line, page.ctx, 1) == want


def test_a_spaced_colon_cuts_only_a_short_kicker_before_a_title():
    from articleparse.assemble import _split_spaced_colon

    prose = ("Die Stadt sperrt die alte Brücke über den Fluss ab Montag, sagte der Sprecher: Die Risse sind tief "
             "und die Ingenieure prüfen jeden Pfeiler.")
    ctx = Engine()._stages(f"Start\n\n{prose}\n", lang="de").ctx
    assert _split_spaced_colon("Verkehr : Die Brücke bleibt gesperrt", ctx) == "Die Brücke bleibt gesperrt"
    assert _split_spaced_colon("Eins zwei drei vier fünf sechs sieben : Die Brücke bleibt gesperrt", ctx) is None
    assert _split_spaced_colon("Verkehr : die Brücke bleibt gesperrt", ctx) is None  # lower case: no title
    assert _split_spaced_colon("Verkehr : Gesperrt", ctx) is None  # too short to be the title
    assert _split_spaced_colon("A : B : Die Brücke bleibt gesperrt", ctx) is None  # two spaced colons


@pytest.mark.parametrize(("page", "found"), [
    ("x\nrisse: die brücke\n", True),  # a colon right after the first text
    ("risse : die brücke", True),  # ... or after white space
    ("risse - die brücke", True),  # a dash or a bar needs white space before it ...
    ("risse | die brücke", True),
    ("risse– die brücke", False),
    ("risse:die brücke", False),  # ... and every mark white space after it
    ("risse die brücke", False),  # no mark
    ("risse im pfeiler, risse: die brücke", True),  # the second occurrence of the first text is the one
])
def test_marked_pair(page, found):
    from articleparse.assemble import _marked_pair

    assert _marked_pair(page, "risse", "die brücke") is found


@pytest.mark.parametrize(("other", "want"), [
    # a teaser elsewhere writes the title, then the kicker after a spaced dash: the kicker is cut
    ("Die Brücke bleibt bis Ostern gesperrt - Risse im Pfeiler", "Die Brücke bleibt bis Ostern gesperrt"),
    # or the kicker, a colon and the title
    ("Mehr zu: Risse im Pfeiler: Die Brücke bleibt bis Ostern gesperrt", "Die Brücke bleibt bis Ostern gesperrt"),
    # the two words run together elsewhere too: nothing tells the kicker from the title
    ("Risse im Pfeiler Die Brücke bleibt bis Ostern gesperrt", "Risse im Pfeiler Die Brücke bleibt bis Ostern gesperrt"),
])
def test_headline_drops_a_kicker_glued_with_a_space_that_another_line_marks(other, want):
    # a browser copy prints a heading's kicker and title on one line with a bare space between them
    body = ("Die Stadt sperrt die alte Brücke über den Fluss ab Montag für alle Lastwagen, weil die Ingenieure "
            "Risse in zwei Pfeilern gefunden haben.\n\nDer Verkehr wird über die Umgehungsstraße geleitet, "
            "teilte die Stadt am Freitag mit.\n")
    line = "Risse im Pfeiler Die Brücke bleibt bis Ostern gesperrt"
    from articleparse.assemble import _headline_text

    page = Engine()._stages(f"Startseite\n\n{line}\n\n{body}\nMehr zum Thema\n\n{other}\n", lang="de")
    assert _headline_text(line, page.ctx, 1) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("* Do masks offer protection from new coronavirus? It depends", False),
        ("* Marsala, Terrakotta, Ochsenblut, Curry und Co. – und zwar am besten alles zusammen! Die neuen…", False),
        ("* Schwarze Liste...", False),
        ("* Informieren Sie sich regelmäßig über aktuelle Maßnahmen bei der italienischen Regierung.", True),
        ("* 他说：“我们会继续努力。”", True),
    ],
)
def test_a_list_item_that_ends_with_a_full_stop_is_a_sentence_not_a_title(line, want):
    from articleparse.engine import _full_stop

    assert _full_stop(line) is want


def test_a_page_wide_value_is_computed_once_per_page():
    page = Engine()._stages("Home\n\nA line of text on the page.\n")
    calls = []

    def compute():
        calls.append(1)
        return {}

    first = page.ctx.once("test_value", compute)
    assert page.ctx.once("test_value", compute) is first and calls == [1]
    # another page starts afresh
    other = Engine()._stages("Home\n\nAnother line of text.\n")
    assert other.ctx.once("test_value", compute) is not first and calls == [1, 1]


def test_a_body_paragraph_that_opens_with_its_words_twice_reads_them_once():
    # lynx prints an image's alt text and then its caption on one line
    from articleparse.assemble import _body_text
    from articleparse.features import Features

    def body(text: str) -> str:
        return _body_text(Features(0, text, frozenset()))

    assert body("Dig a hole in the oasis. Dig a hole in the oasis. (Lucy Akins)") == \
        "Dig a hole in the oasis. (Lucy Akins)"
    assert body("How to Defeat the Urge to Binge Shop How to Defeat the Urge to Binge Shop "
                "How to Defeat the Urge to Binge Shop") == "How to Defeat the Urge to Binge Shop"
    for text in ("The council voted on Tuesday to close the old bridge.", "Never again, never again.",
                 "Go go go, said the coach to the team."):
        assert body(text) == text
    page = ("Bridge to close\n\nThe council voted on Tuesday to close the old bridge, which has carried "
            "traffic over the river since 1931.\n\nThe old bridge at dusk The old bridge at dusk as the sun set "
            "over the river\n\nEngineers found cracks in two of its piers last month, the council said.\n")
    article = articleparse.parse(page)
    assert "\n\nThe old bridge at dusk as the sun set over the river\n\n" in article.text
    # the paragraph's span still covers the whole line
    line = next(p for p in article.body if p.text.startswith("The old bridge"))
    assert page[line.span[0]:line.span[1]].startswith("The old bridge at dusk The old bridge at dusk")



def test_an_ordered_list_number_a_text_browser_prints_is_left_out_of_the_body_text():
    # lynx and w3m right-align an ordered list's number in a field of four columns (" 1. ", "12. ")
    from articleparse.assemble import _body_text
    from articleparse.features import Features

    def body(text: str, indent: int) -> str:
        return _body_text(Features(0, text, frozenset()), indent)

    assert body("1. Loop over the cells in the netlist.", 1) == "Loop over the cells in the netlist."
    assert body("12. Pick the next unused cross-connection.", 0) == "12. Pick the next unused cross-connection."
    assert body("2. Make a list of nodes.", 5) == "Make a list of nodes."  # nested in a list
    # a number the page typed itself: at the margin, or indented otherwise (inscriptis indents headings)
    assert body("1. Take any blankets off the bed", 0) == "1. Take any blankets off the bed"
    assert body("1. Take any blankets off the bed", 10) == "1. Take any blankets off the bed"
    assert body("2015. It was a good year.", 1) == "2015. It was a good year."
    assert body("37. What did one volcano say to the other?", 12) == "37. What did one volcano say to the other?"
    # "10. " stands at the margin, right under " 9. ": the same list goes on
    assert _body_text(Features(0, "10. ^ Retrieved 2016.", frozenset()), 0, 9) == "^ Retrieved 2016."
    assert _body_text(Features(0, "10. The tenth tip", frozenset()), 0, None) == "10. The tenth tip"
    assert _body_text(Features(0, "12. The tenth tip", frozenset()), 0, 9) == "12. The tenth tip"
    page = ("How the placer works\n\nThe placer runs in two passes over the netlist, as follows.\n\n"
            " 1. Loop over the cells in the netlist and place the ones that are locked.\n"
            " 2. Loop over all of the other cells and assign them to the first free site.\n\n"
            "Then the router takes over and connects the placed cells to each other.\n")
    text = articleparse.parse(page).text
    assert "Loop over the cells in the netlist and place the ones that are locked." in text
    assert "1. Loop" not in text and "2. Loop" not in text


def _rules_on(article, page: str, line: str) -> tuple[str, ...]:
    """The ids of the rules that voted on ``line`` of ``page``, as ``article`` (the page parsed) lists them."""
    return next(ln.rules for ln in article.lines if ln.index == page.splitlines().index(line))


_RECIPE = """Home
Rezepte
Backen
Kontakt

Mandarinen-Schmand-Kuchen

Dieser Kuchen ist schnell gemacht und schmeckt der ganzen Familie, ob zum Kaffee am Sonntag oder als Nachtisch.

Zutaten

125 g Mehl
65 g Zucker
65 g Margarine oder Butter
1 TL Backpulver

Füllung

500 ml Milch
2 Pck. Vanillepuddingpulver
3 Becher Schmand, je ca. 200 g

Als erstes den Pudding kochen und abkühlen lassen. Dabei ab und zu umrühren, damit sich keine Haut bildet.

Für den Boden die Zutaten zusammenkneten und den Teig in die gefettete Springform drücken, dabei einen Rand formen.

Die Füllung auf den Boden geben und den Kuchen bei 180 Grad etwa 70 Minuten backen, dann auskühlen lassen.

Weitere Rezepte
Käsekuchen
Apfelkuchen
Impressum
"""


def test_a_recipe_s_ingredient_list_is_part_of_its_text():
    # without core:BD013 the list and the paragraph above it read as teaser titles and snippets above the body
    article = articleparse.parse(_RECIPE)
    for line in ("125 g Mehl", "2 Pck. Vanillepuddingpulver", "3 Becher Schmand, je ca. 200 g",
                 "Dieser Kuchen ist schnell gemacht"):
        assert line in article.text
    assert "Käsekuchen" not in article.text
    assert "core:BD013" in _rules_on(article, _RECIPE, "65 g Zucker")


_FACT_BOX = """Startseite
Fotos
Kontakt

Die Plejaden über dem Kasberg

Die Plejaden sind einer der schönsten offenen Sternhaufen am Winterhimmel und schon mit bloßem Auge gut zu sehen.

Art der Aufnahme: Digitalfoto
Ort: Kasberg im Frankenland
Objekt: Plejaden (M45)
Belichtung: 30 x 120 s
Kamera: Canon EOS 6D

Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen, die die Optik des Teleskops erzeugt hat.

Das Bild entstand in einer klaren Winternacht bei minus fünf Grad, kurz nach dem Untergang des Mondes.

Weitere Fotos
Der Orionnebel
Die Andromedagalaxie
Impressum
"""


def test_a_fact_box_inside_the_article_is_part_of_its_text():
    # without core:BD014 the box's short lines (and the paragraph above it) read as menu items and teasers
    article = articleparse.parse(_FACT_BOX)
    for line in ("Art der Aufnahme: Digitalfoto", "Ort: Kasberg im Frankenland", "Kamera: Canon EOS 6D",
                 "Die Plejaden sind einer der schönsten", "Nun nicht im Staub"):
        assert line in article.text
    assert "Der Orionnebel" not in article.text
    assert "core:BD014" in _rules_on(article, _FACT_BOX, "Ort: Kasberg im Frankenland")


_TABLE = """Startseite
Presse
Kontakt

Mineralölabsatz 2021

Nach Erhebungen des Bundesamtes sank der Absatz der Mineralölprodukte in Deutschland im aktuellen Zeitraum um 2,3 Prozent.

Der Rückgang geht vor allem auf den geringeren Verbrauch von leichtem Heizöl zurück, das viele Haushalte im Vorjahr noch auf Vorrat gekauft hatten.

Beim Flugturbinenkraftstoff dagegen stieg der Absatz wieder deutlich, weil nach den Einschränkungen der Pandemie mehr Flugzeuge abhoben.

Dabei zeigte sich folgende Entwicklung hinsichtlich des Absatzes einzelner Hauptprodukte (Mengenangaben in Millionen Tonnen):

Hauptprodukt\tJanuar bis November 2020\tJanuar bis November 2021\tÄnderungsrate (in Prozent)
Rohbenzin\t10,72 Mio. t\t12,40 Mio. t\t15,7 %
Ottokraftstoff\t15,02 Mio. t\t15,12 Mio. t\t0,7 %
Dieselkraftstoff\t32,23 Mio. t\t32,28 Mio. t\t0,1 %
Heizöl, schwer\t0,78 Mio. t\t1,12 Mio. t\t43,4 %

Im Vergleich zum Vorjahreszeitraum ist der Export von Mineralölprodukten deutlich gestiegen, hieß es weiter.

Die Zahlen für Dezember werden im Februar des kommenden Jahres veröffentlicht, teilte die Behörde mit.

Weitere Meldungen
Impressum
"""


def test_a_table_a_browser_copy_printed_with_tab_stops_is_part_of_the_text():
    # without core:BD015 the rows read as teaser titles and snippets between the article's paragraphs
    article = articleparse.parse(_TABLE)
    for row in ("Rohbenzin 10,72 Mio. t", "Dieselkraftstoff 32,23 Mio. t 32,28 Mio. t 0,1 %"):
        assert row in " ".join(article.text.split())
    assert "Impressum" not in article.text
    assert "core:BD015" in _rules_on(article, _TABLE, "Ottokraftstoff\t15,02 Mio. t\t15,12 Mio. t\t0,7 %")


_BLOG_THREAD = """Home
Blog
About

The Council Closes the Old Bridge

Jane Doe · March 3, 2017

The council voted on Tuesday to close the old bridge, which has carried traffic over the river since 1931, after engineers found cracks in two of its piers.

Repairs will take at least two years, the council said, and a ferry will carry cyclists and walkers across the river until then.

Drivers face a detour of twelve kilometres through the next town, where the council has promised to time the traffic lights for the extra cars.

There are 3 comments

Mark Weber · March 10, 2017 at 12:20 AM

If there were really no money for the bridge, they would not have built the new town hall. I think the council should have repaired it years ago, when the first cracks were found by the engineers.

Reply

Anna Smith · March 10, 2017 at 1:26 AM

The ferry is a good idea, but it will not carry the many people who cross the bridge every morning on their way to work in the city.

I hope the repairs take less time than the council says, because the detour is long and the traffic lights are already slow.

Reply

Peter Jones · March 11, 2017 at 8:41 PM

Thanks for the clear report, it answered all the questions I had about the closure and the ferry.

Leave a Reply

Your email address will not be published. Required fields are marked *
"""

# WordPress.com prints the reply link right under the signature, above the comment's text
_BLOG_THREAD_DE = """Startseite
Über mich

Unterwegs mit dem Rad

11. August 2015

Der kleine Junge bremst vor mir ab und erzählt mir, dass sein Vater das Rad schon seit einer Woche in der Werkstatt stehen hat und es heute fertig wird.

Es dauert nur ein paar Minuten bis ins Nachbardorf, und ich fahre in den Hof der Werkstatt, wo das Rad schon in der Sonne vor dem Tor auf mich wartet.

Ich schiebe es langsam vom Hof, steige auf und fahre los, und der Wind ist so warm, dass ich den ganzen Nachmittag nicht mehr nach Hause fahren will.

3 Gedanken zu „Unterwegs mit dem Rad“

Manuel schreibt:
12. August 2015 um 8:13
Antworten
Das ist ein wirklich gut geschriebener Text, den ich gern gelesen habe.

Feli schreibt:
13. August 2015 um 17:46
Antworten
Ich wusste gar nicht, dass du so weit mit dem Rad fährst.

Karl schreibt:
14. August 2015 um 7:20
Antworten
Eine schöne Geschichte über einen Sommertag, die mich an meine eigene erste Radtour erinnert hat.

Schreibe einen Kommentar
"""


@pytest.mark.parametrize("page, article_line, comment_lines, date", [
    (_BLOG_THREAD, "Drivers face a detour of twelve kilometres",
     ("If there were really no money", "The ferry is a good idea", "Thanks for the clear report"), "2017-03-03"),
    (_BLOG_THREAD_DE, "Ich schiebe es langsam vom Hof",
     ("Das ist ein wirklich gut", "Ich wusste gar nicht", "Eine schöne Geschichte"), "2015-08-11"),
])
def test_a_thread_of_readers_comments_under_the_article_is_no_part_of_its_text(page, article_line, comment_lines,
                                                                              date):
    # without core:CM014 the comments' prose outvotes the comment rules on the heading and the reply links,
    # and the thread (signatures read as date lines between paragraphs) runs on as the article's text
    article = articleparse.parse(page)
    assert article_line in article.text
    for line in comment_lines:
        assert line not in article.text
    assert article.published is not None and article.published.isoformat()[:10] == date
    assert "core:CM014" in _rules_on(article, page, "Reply" if "Reply" in page else "Antworten")


def test_a_date_in_a_sentence_that_opens_the_text_is_no_dateline():
    assert articleparse.parse(_press_page("Wir suchen zum 1. April 2016 (ggf. früher) eine Pädagogin.")).published is None
