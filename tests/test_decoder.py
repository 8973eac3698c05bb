"""The decoder's detach and cut passes: body far behind the article's main run, and the teaser list under
a related heading inside it, are page furniture; the lead and list passes give the article back what the
zones left out of it."""

import articleparse
from articleparse.decoder import LABEL_INDEX, SPACER_ALT, SPACER_IMAGE, SPACER_MARK, SPACER_RULE, Zone, decode, spacer
from articleparse.model import Label

N_LABELS = len(LABEL_INDEX)


def _row(**scores: float) -> list[float]:
    row = [0.0] * N_LABELS
    for name, value in scores.items():
        row[LABEL_INDEX[Label(name.replace("_", "-"))]] = value
    return row


PROSE = _row(body=6.0)
MENU = _row(navigation=3.0)
BLURB = _row(body=3.5)  # one strong line of prose: a newsletter appeal, an author's box


def _labels(rows, lead_ins=None):
    return [lb.value for lb in decode(rows, lead_ins=lead_ins).labels]


def test_a_short_body_run_far_behind_the_article_leaves_the_body():
    rows = [PROSE] * 8 + [MENU] * 5 + [BLURB] * 2
    labels = _labels(rows)
    assert labels[:8] == ["body"] * 8
    assert "body" not in labels[8:]


def test_a_gap_right_after_a_lead_in_is_the_article_s_own_list():
    # "Here are the results:" then a table of five rows, then the article goes on
    rows = [PROSE] * 8 + [MENU] * 5 + [BLURB] * 2
    lead_ins = [False] * 7 + [True] + [False] * 7
    assert _labels(rows, lead_ins)[13:] == ["body", "body"]


def test_a_long_rest_after_the_gap_stays_body():
    # a table splits a long article: what follows is more than a blurb
    rows = [PROSE] * 8 + [MENU] * 5 + [PROSE] * 9
    assert _labels(rows)[13:] == ["body"] * 9


def test_a_short_gap_does_not_detach():
    rows = [PROSE] * 8 + [MENU] * 2 + [BLURB] * 2
    assert _labels(rows)[10:] == ["body", "body"]


RELATED = _row(related_section=4.0, body=1.0)  # "Related Stories" inside the article
ITEM = _row(body=2.5, related_title=1.0)  # "* Do masks offer protection? It depends": a bulleted title


def test_bulleted_titles_under_a_related_heading_inside_the_body_are_teasers():
    rows = [PROSE] * 6 + [RELATED] + [ITEM] * 3 + [PROSE] * 6
    titles = [False] * 7 + [True] * 3 + [False] * 6
    labels = [lb.value for lb in decode(rows, list_titles=titles).labels]
    assert labels[6:10] == ["related-section"] + ["related-title"] * 3
    assert labels[10:] == ["body"] * 6


def test_without_list_titles_the_body_votes_keep_the_items():
    # a list of sentences (each ends with a full stop) under a misread heading stays in the text
    rows = [PROSE] * 6 + [RELATED] + [ITEM] * 3 + [PROSE] * 6
    labels = [lb.value for lb in decode(rows, list_titles=[False] * 16).labels]
    assert labels[6] == "related-section"
    assert labels[7:10] == ["body"] * 3


COMMENT_RULES = _row(body=4.5, comment=3.5)  # "Please understand that comments are moderated ...": prose, and a comment rule


def test_a_comment_rule_line_leaves_the_body_though_its_prose_outweighs_it():
    rows = [PROSE] * 6 + [COMMENT_RULES] + [PROSE] * 6
    labels = _labels(rows)
    assert labels[6] == "comment"
    assert labels[:6] == labels[7:] == ["body"] * 6


def test_weak_comment_evidence_does_not_take_prose_out_of_the_body():
    rows = [PROSE] * 6 + [_row(body=4.5, comment=2.5)] + [PROSE] * 6
    assert _labels(rows) == ["body"] * 13


INLINE_TEASER = _row(body=3.5, related_title=4.7, headline=5.0)  # "À lire aussi » Ballonnements, lourdeurs ...": a weight-5 teaser rule


def test_an_inline_teaser_between_paragraphs_leaves_the_body():
    rows = [PROSE] * 6 + [INLINE_TEASER] + [PROSE] * 6
    labels = _labels(rows)
    assert labels[6] == "related-title"
    assert labels[:6] == labels[7:] == ["body"] * 6


def test_a_subheading_s_own_teaser_vote_keeps_it_in_the_body():
    # a title-shaped line between paragraphs: headline votes lead, its teaser vote (core:RL010) is weak
    rows = [PROSE] * 6 + [_row(body=1.0, related_title=0.7, headline=4.0)] + [PROSE] * 6
    assert _labels(rows) == ["body"] * 13


def test_an_inline_teaser_whose_prose_outweighs_it_stays():
    rows = [PROSE] * 6 + [_row(body=5.0, related_title=4.7)] + [PROSE] * 6
    assert _labels(rows) == ["body"] * 13


def test_a_rest_of_up_to_forty_units_behind_a_gap_is_detached():
    # a long run of short comment lines after the article, each weak prose
    rows = [PROSE] * 30 + [MENU] * 5 + [_row(body=0.5)] * 30
    labels = _labels(rows)
    assert labels[:30] == ["body"] * 30
    assert "body" not in labels[35:]


HEADING = _row(related_title=2.0)  # a subheading or a teaser's title: title-shaped, no sentence
PARAGRAPH = _row(body=4.0, related_snippet=1.5)  # strong prose right under it


def test_paragraphs_under_subheadings_above_the_body_are_body():
    # subheading, paragraph, subheading, paragraph ... above the article's longest run: the article's own text
    rows = [MENU] * 3 + [HEADING, PARAGRAPH] * 3 + [MENU] * 6 + [PROSE] * 10
    labels = _labels(rows)
    assert labels[3:9] == ["related-title", "body"] * 3


def test_a_teaser_s_snippet_alone_between_titles_and_menus_stays_a_teaser():
    # a title and its snippet, a menu line, another title and snippet: a teaser list, not paragraphs
    rows = [MENU] * 3 + [HEADING, PARAGRAPH, MENU, HEADING, PARAGRAPH] + [MENU] * 6 + [PROSE] * 10
    labels = _labels(rows)
    assert labels[3:8] == ["related-title", "related-snippet", "navigation", "related-title", "related-snippet"]


def test_a_lone_line_of_prose_far_above_the_body_stays_out():
    # a browser or cookie notice at the page's top, a menu of 70 lines, then the article
    rows = [BLURB] + [MENU] * 70 + [PROSE] * 10
    assert _labels(rows)[0] != "body"
    # the same line a few units above the article is its lead
    rows = [BLURB] + [MENU] * 10 + [PROSE] * 10
    assert _labels(rows)[0] == "body"


def test_far_prose_above_the_body_is_body_when_it_is_a_run_or_weighs_enough():
    # two paragraphs far above are a part of the article that a gallery split off
    assert _labels([BLURB] * 2 + [MENU] * 70 + [PROSE] * 10)[:2] == ["body", "body"]
    # a lone paragraph far above a short body weighs more than a tenth of it
    assert _labels([BLURB] + [MENU] * 70 + [PROSE] * 3)[0] == "body"


LIST_ITEM = _row(navigation=2.0, related_title=1.5)  # "200 g Zucker", a table row, a line of code


def test_a_list_a_body_unit_introduces_with_a_colon_is_body():
    # "Your Dockerfile might then look like this:" then four lines of code, then the article goes on
    rows = [PROSE] * 7 + [LIST_ITEM] * 4 + [PROSE] * 6
    assert _labels(rows)[7:11] == ["navigation"] * 4
    lead_ins = [False] * 6 + [True] + [False] * 10
    assert _labels(rows, lead_ins) == ["body"] * 17


def test_a_list_without_body_after_it_stays_out():
    # the article ends with a colon and a list of links: nothing after it is body, so the list stays out
    rows = [PROSE] * 7 + [LIST_ITEM] * 4 + [MENU] * 6
    lead_ins = [False] * 6 + [True] + [False] * 10
    assert "body" not in _labels(rows, lead_ins)[7:]


WEAK = _row(body=2.0)  # a short paragraph the rules are not sure of (a test page's Lorem ipsum, a subheading)
RULE = _row(boilerplate=2.0, navigation=1.5)  # a horizontal rule: lynx `____`, w3m `━━━━` (core:NV011, core:NV001)
CARD = _row(related_title=3.0, body=1.0)  # a teaser card's title inside the article


def test_a_rule_between_two_paragraphs_does_not_interrupt_the_body():
    rows = [MENU] * 3 + [WEAK, RULE, WEAK, RULE, WEAK, RULE, PROSE, PROSE]
    spacers = [0] * 3 + [0, SPACER_RULE] * 3 + [0, 0]
    labels = [lb.value for lb in decode(rows, spacers=spacers).labels]
    assert labels[3:] == ["body", "boilerplate"] * 3 + ["body", "body"]
    # read as units of their own, the rules keep the first paragraphs out of the body
    assert "body" not in _labels(rows)[3:8]


def test_rows_of_rules_are_a_form_s_text_box_not_a_break():
    # lynx prints a <textarea> as rows of `____`: a run of rules is read as it always was
    rows = [MENU] * 3 + [WEAK, RULE, RULE, WEAK, RULE, RULE, WEAK, RULE, RULE, PROSE, PROSE]
    spacers = [0] * 3 + [0, SPACER_RULE, SPACER_RULE] * 3 + [0, 0]
    assert decode(rows, spacers=spacers) == decode(rows)


def test_a_rule_beside_a_line_that_is_not_prose_is_read_as_before():
    # after the article's last paragraph a rule often ends it (a teaser, `More information:`, a form below)
    rows = [PROSE] * 6 + [CARD, RULE, CARD, RULE] + [PROSE] * 2 + [MENU] * 3
    spacers = [0] * 6 + [0, SPACER_RULE, 0, SPACER_RULE] + [0] * 5
    assert decode(rows, spacers=spacers) == decode(rows)


def test_an_image_s_place_is_a_blank_line_to_the_zones():
    # lynx prints an image without alt text as `[]`: teaser cards inside the article, each with its picture
    rows = [PROSE] * 6 + [RULE, CARD] * 2 + [PROSE] * 3 + [MENU] * 3
    spacers = [0] * 6 + [SPACER_IMAGE, 0] * 2 + [0] * 6
    decoded = decode(rows, spacers=spacers)
    labels = [lb.value for lb in decoded.labels]
    assert labels[10:13] == ["body"] * 3
    assert labels[6] == labels[8] == "boilerplate" and decoded.zones[6] is Zone.CRUFT
    assert _labels(rows)[10:13] != ["body"] * 3
    assert len(decoded.confidence) == len(rows)


def test_images_between_page_numbers_are_a_pager_not_blank_lines():
    # a gallery's pager in lynx: `[]` / `1` / `[]` / `2` ...; a unit without a letter beside an image keeps it a unit
    rows = [PROSE] * 4 + [RULE, MENU] * 4 + [PROSE] * 2
    spacers = [0] * 4 + [SPACER_IMAGE, SPACER_MARK] * 4 + [0, 0]
    assert decode(rows, spacers=spacers) == decode(rows)


def test_an_image_printed_twice_and_a_gallery_of_alt_text_items_are_blank_lines():
    # lynx prints a lazy-loaded image as `[]` then `[] []` (its placeholder and its <noscript> copy), and
    # `<li><img alt="Screenshot">` as `* Screenshot`, any number in a row: the body runs across both
    for kind, k in ((SPACER_IMAGE, 2), (SPACER_ALT, 2), (SPACER_ALT, 3)):
        rows = [PROSE] * 6 + ([RULE] * k + [CARD]) * 2 + [PROSE] * 3 + [MENU] * 3
        spacers = [0] * 6 + ([kind] * k + [0]) * 2 + [0] * 6
        end = 6 + 2 * (k + 1)
        assert [lb.value for lb in decode(rows, spacers=spacers).labels][end:end + 3] == ["body"] * 3
        assert _labels(rows)[end:end + 3] != ["body"] * 3


def test_three_bare_image_places_in_a_row_stay_units():
    # a carousel or a logo strip (`[]` / `[]` / `[]`) is no blank line: decoded as without spacers
    rows = [PROSE] * 6 + ([RULE] * 3 + [CARD]) * 2 + [PROSE] * 3 + [MENU] * 3
    spacers = [0] * 6 + ([SPACER_IMAGE] * 3 + [0]) * 2 + [0] * 6
    assert decode(rows, spacers=spacers) == decode(rows)


def test_spacer_tells_rules_image_places_and_units_without_letters():
    assert [spacer(t) for t in ("[]", "[] [] []", "  ________", "━━━━━━━━", "* * *", "-----", "┼───┼")] == [
        SPACER_IMAGE, SPACER_IMAGE, SPACER_RULE, SPACER_RULE, SPACER_RULE, SPACER_RULE, SPACER_RULE]
    # an empty list item, a checkbox, a reference, two dashes, a page number: no letter, but no spacer to blank
    assert [spacer(t) for t in ("•", "[ ]", "[1]", "--", "12")] == [SPACER_MARK] * 5
    assert [spacer(t) for t in ("___ Name", "* Item", "Home", "3. Foo")] == [0] * 4
    # a list item of an image's generic alt text; not one that names what the image shows, nor a caption
    assert [spacer(t) for t in ("* Screenshot", "* An image", "• Photos", "+ Thumbnail")] == [SPACER_ALT] * 4
    assert [spacer(t) for t in ("* Screenshot of the editor", "Photo", "Image: Reuters", "* Photography")] == [0] * 4


TITLE = _row(body=2.0, headline=3.0)  # "Weitere aktuelle Themen aus der Arbeitswelt": title-shaped, its prose paid for by the article


def test_title_shaped_lines_at_the_body_s_end_leave_it():
    rows = [PROSE] * 6 + [TITLE] * 2
    labels = [lb.value for lb in decode(rows).labels]
    assert labels[:6] == ["body"] * 6
    assert "body" not in labels[6:]


def test_a_trailing_line_that_ends_like_a_sentence_stays():
    # "Vielen Dank für das interessante Interview!" is the article's last line, however title-shaped
    rows = [PROSE] * 6 + [TITLE] * 2
    sentences = [True] * 6 + [False, True]
    labels = [lb.value for lb in decode(rows, sentences=sentences).labels]
    assert labels == ["body"] * 8


def test_a_subheading_followed_by_prose_stays():
    rows = [PROSE] * 3 + [TITLE] + [PROSE] * 3
    assert [lb.value for lb in decode(rows).labels] == ["body"] * 7


def test_the_trim_stops_at_the_first_line_of_prose():
    rows = [PROSE] + [TITLE] * 3
    labels = [lb.value for lb in decode(rows).labels]
    assert labels[0] == "body"
    assert "body" not in labels[1:]


def test_what_ends_like_a_sentence():
    from articleparse.engine import _ends_like_sentence
    from articleparse.features import Features

    def ends(text):
        return _ends_like_sentence(Features(0, text, frozenset()))

    assert ends("Vielen Dank für das interessante Interview!")
    assert ends("Man fühlt sich danach wie ein Badass – und das gefällt mir 😉")
    assert ends("Belohnung: unbekannt ( man kann ja nicht alles wissen ;-P )")
    assert ends("Nikole Hannah-Jones (Hrsg.)")
    assert not ends("Weitere aktuelle Themen aus der Arbeitswelt")
    assert not ends("Next: Elegantly activating a virtualenv in a Dockerfile")
    assert not ends("Sharen mit:")


_ARTICLE = ("Home\n\nBridge closes after cracks are found\n\n"
            "The council voted on Tuesday to close the old river bridge, which has carried traffic over the water "
            "since 1931, after engineers found cracks in two of its piers.\n\n"
            "Lorries will have to use the ring road from Monday, the council said in a statement on its website.\n\n"
            "Work on the piers is expected to last until the summer, and the cost has not yet been set, officials said.\n\n")


def test_parse_trims_a_teaser_title_after_the_text():
    import articleparse

    labels = [ln.label.value for ln in articleparse.parse(_ARTICLE + "Read more about the bridges of the city\n").lines
              if ln.label.value != "blank"]
    assert labels[-4:-1] == ["body"] * 3
    assert labels[-1] != "body"


def test_parse_keeps_a_line_longer_than_trim_max_words():
    import articleparse

    last = ("More from the Council and City Lifestyle Site Search: Get additional content on saving on your "
            "river crossings")
    labels = [ln.label.value for ln in articleparse.parse(_ARTICLE + last + "\n").lines if ln.label.value != "blank"]
    assert labels[-1] == "body"


def test_the_trim_reads_the_sentence_flags_of_a_page_with_spacers():
    # a rule between two paragraphs is decoded around; the flags of the other units still line up
    rule = _row(boilerplate=2.0)
    rows = [PROSE] * 3 + [rule] + [PROSE] * 3 + [TITLE]
    spacers = [0, 0, 0, SPACER_RULE, 0, 0, 0, 0]
    kept = decode(rows, spacers=spacers, sentences=[True] * 7 + [True])
    trimmed = decode(rows, spacers=spacers, sentences=[True] * 7 + [False])
    assert kept.labels[-1] is Label.BODY
    assert trimmed.labels[-1] is not Label.BODY
    assert kept.labels[3] is not Label.BODY and trimmed.labels[:3] == (Label.BODY,) * 3


def test_a_short_rest_after_teaser_titles_kept_in_the_body_leaves_it():
    # the article, two teaser titles the zone pass kept in the body, a menu line, then a teaser's text
    rows = [PROSE] * 8 + [TITLE] * 2 + [MENU] * 2 + [BLURB] * 2
    labels = _labels(rows)
    assert labels[:8] == ["body"] * 8
    assert "body" not in labels[8:]


def test_the_article_s_own_code_after_title_shaped_lines_stays():
    # title-shaped lines (a code block) then more than detach_title_units units of the article
    rows = [PROSE] * 8 + [TITLE] * 2 + [MENU] * 2 + [BLURB] * 6
    assert _labels(rows)[12:] == ["body"] * 6



INTRO_PROSE = ("The project was announced with great fanfare in September 2010, and nearly one year later "
         "its rival was cut loose from its owner and found a new home as a foundation project.")
INTRO_MORE = ("Apache has made two releases in the past year, and the main feature added during that "
        "time would appear to be a significantly improved support for screen readers.")
INTRO_LEAD = "The release history of the other project tells a slightly different story:"
INTRO_ROWS = ["4.2.3       April 2014", "4.1.6       April 2014", "4.2.4       May 2014", "4.2.5       June 2014",
        "4.3         July 2014", "4.2.6       August 2014", "4.3.1       August 2014",
        "4.3.2       September 2014", "4.3.4       November 2014", "4.2.8       December 2014",
        "4.3.5       December 2014", "4.4         January 2015", "4.3.6       February 2015"]
INTRO_AFTER = ("It seems clear that the project has maintained a rather more frenetic release cadence, "
         "generally putting out at least one release per month across its supported branches.")
INTRO_AFTER2 = ("In the one-year period since late March 2014, there have been 381 changesets committed "
          "to the repository by a fairly small group of regular developers and a few others.")


def _intro_page(rows, tail):
    return "\n\n".join(["Menu", "News", "Release cadence compared", INTRO_PROSE, INTRO_MORE, INTRO_LEAD, "\n".join(rows), *tail])


def test_a_table_the_article_introduces_and_goes_on_after_is_body():
    art = articleparse.parse(_intro_page(["Release     Date"] + INTRO_ROWS, [INTRO_AFTER, "Development statistics", INTRO_AFTER2]))
    body = art.text
    assert "4.3.2 September 2014" in " ".join(body.split())
    assert INTRO_AFTER in body and INTRO_AFTER2 in body


def test_rows_after_a_colon_stay_out_when_no_prose_follows():
    art = articleparse.parse(_intro_page(["Release     Date"] + INTRO_ROWS, ["Impressum", "Datenschutz", "Kontakt"]))
    assert "September 2014" not in art.text



def test_a_comment_form_under_the_article_s_last_colon_is_no_list_of_the_article_s():
    # the article ends with a colon (a video below it), then a comment form's fields, then its notes as prose
    from articleparse.decoder import _introduced_runs
    rows = [PROSE] * 4 + [MENU] * 3 + [PROSE] * 3
    lead_ins = [False] * 3 + [True] + [False] * 6
    sentences = [True] * 4 + [False] * 3 + [True] * 3
    assert _introduced_runs(rows, lead_ins, sentences, 20) == {4, 5, 6}
    form = [MENU, _row(comment=5.0, body=1.0), MENU]  # `[    ] E-Mail (wird benötigt und nicht veröffentlicht)`
    assert _introduced_runs([PROSE] * 4 + form + [PROSE] * 3, lead_ins, sentences, 20) == set()
    # a reader's words the article quotes under `Makali wrote:` (a comment head that is itself a lead-in) stay
    quoted = [False] * 3 + [True] + [False, True, False] + [False] * 3
    assert _introduced_runs([PROSE] * 4 + form + [PROSE] * 3, quoted, sentences, 20) == {4, 5, 6}


def _decoded(labels, ranked=None):
    from articleparse.decoder import Decoded
    return Decoded(tuple(Zone.PRE for _ in labels), tuple(Label(lb) for lb in labels), tuple(0.5 for _ in labels),
                   ranked=ranked)


def test_strong_prose_under_the_ranked_headline_is_body_not_a_teaser_s_snippet():
    from articleparse.decoder import standfirst_pass
    # the ranker made the title the headline; the lead pass had read the prose under it as its teaser's snippet
    rows = [MENU, _row(headline=7.0, related_title=0.7), _row(body=4.2, related_snippet=1.0), _row(date=1.5)]
    got = standfirst_pass(_decoded(["navigation", "headline", "related-snippet", "date"], ranked=1), rows)
    assert [lb.value for lb in got.labels] == ["navigation", "headline", "body", "date"]
    assert got.zones[2] is Zone.BODY and got.confidence[2] > 0.5
    # under the decoder's own headline the lead pass had its say
    decoded = _decoded(["navigation", "headline", "related-snippet", "date"])
    assert standfirst_pass(decoded, rows) is decoded


def test_weak_prose_or_a_snippet_under_another_title_stays_a_teaser():
    from articleparse.decoder import standfirst_pass
    weak = [_row(headline=7.0), _row(body=3.5, related_snippet=3.0)]  # beats the snippet by less than the margin
    decoded = _decoded(["headline", "related-snippet"], ranked=0)
    assert standfirst_pass(decoded, weak) is decoded
    # a teaser's snippet under a related title, the headline elsewhere
    rows = [_row(headline=7.0), PROSE, _row(related_title=2.0), _row(body=4.2, related_snippet=1.0)]
    decoded = _decoded(["headline", "body", "related-title", "related-snippet"], ranked=0)
    assert standfirst_pass(decoded, rows) is decoded



FILE_NAME = _row(boilerplate=6.0, headline=1.5)  # a photo's file name (`IMG_3886.jpg`: core:NV012)
CLAUSE = _row(body=3.0, related_title=0.7, related_snippet=1.0)  # a paragraph of a photo blog


def test_photo_file_names_between_paragraphs_are_blank_lines_and_stay_units_elsewhere():
    # lynx prints a photo whose alt text is its file name between the paragraphs of a blog post
    from articleparse.decoder import SPACER_FILE

    rows = [MENU] * 3 + [CLAUSE, FILE_NAME, FILE_NAME, CLAUSE, FILE_NAME, CLAUSE, FILE_NAME, CLAUSE] + [MENU] * 2
    spacers = [0] * 3 + [0, SPACER_FILE, SPACER_FILE, 0, SPACER_FILE, 0, SPACER_FILE, 0] + [0] * 2
    labels = [lb.value for lb in decode(rows, spacers=spacers).labels]
    assert [labels[i] for i in (3, 6, 8, 10)] == ["body"] * 4
    assert [_labels(rows)[i] for i in (3, 6, 8, 10)] != ["body"] * 4
    # beside a line that is not prose (a title above the article, a caption under it) it is read as before
    rows = [MENU] * 3 + [CARD, FILE_NAME] + [PROSE] * 4 + [MENU] * 2
    spacers = [0] * 4 + [SPACER_FILE] + [0] * 6
    assert decode(rows, spacers=spacers) == decode(rows)
