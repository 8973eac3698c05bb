"""Stage 1: lines and units, the joins that glue a paragraph back together."""

from __future__ import annotations

import pytest

import articleparse
from articleparse.lines import _side_by_side_runs, detect_wrap_width, display_width, split_lines, split_units, table_cells

FRENCH = ("Une brève parue dans la presse régionale, que nous vous proposons de lire.\n\n"
          "E\nxercice: après avoir attentivement lu cette brève, vous expliquerez en quoi elle "
          "résume une certaine idée de la France.\n\n"
          "Vous insisterez aussi sur les ressemblances entre les deux hommes.\n")
ENGLISH = ("I know the story, and I tell it as I heard it, because I was there.\n\n"
           "I\nam a rather elderly man. The nature of my avocations has brought me into contact.\n")


def units(text: str, wrap: int | None = None) -> list[str]:
    return [u.text for u in split_units(split_lines(text), wrap)]


@pytest.mark.parametrize("wrap", [None, 80])
def test_a_drop_cap_is_glued_to_its_word(wrap):
    got = units(FRENCH, wrap)
    assert got[1].startswith("Exercice: après avoir")
    assert "E" not in got


@pytest.mark.parametrize("wrap", [None, 80])
def test_a_drop_cap_that_is_a_word_on_the_page_keeps_its_space(wrap):
    got = units(ENGLISH, wrap)
    assert got[1].startswith("I am a rather elderly man.")


@pytest.mark.parametrize("text", [
    "E\n\nxercice: a blank line between them means they are not one paragraph.\n",
    "E\nXercice: the next line opens with a capital, so it is a line of its own.\n",
    "E\nxs\n",  # too short to be the rest of a paragraph
    "E\n    xercice: indented differently, so a different block of the page.\n",
])
def test_lines_that_are_not_a_drop_cap_stay_apart(text):
    assert units(text)[0] == "E"


def test_the_joined_unit_spans_both_lines_and_the_body_reads_the_word_whole():
    us = split_units(split_lines(FRENCH))
    joined = us[1]
    assert FRENCH[joined.start:joined.end].startswith("E\nxercice")
    assert (joined.first, joined.last) == (2, 3)
    article = articleparse.parse(FRENCH)
    assert "Exercice: après avoir" in article.text
    assert all(ln.label is not None for ln in article.lines)


def test_wrapped_lines_join_and_cjk_lines_join_without_a_space():
    text = ("The first line of a wrapped paragraph runs on to the eightieth column of the dump\n"
            "and goes on here.\n\n"
            "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询并向香港民众道歉\n"
            "梁振英在星期二的答问大会开始之际在其演说中道歉\n")
    got = units(text, 80)
    assert got[0].endswith("eightieth column of the dump and goes on here.")
    assert "道歉梁振英" in got[1]


SOURCE_WRAPPED = (
    "Lost in JIT\n\n"
    "PyPy and the road towards SciPy\n\n"
    "Recent PyPys effort to bring NumPy and the associated fundraiser\n"
    "caused a lot of discussion in the SciPy community regarding PyPy, NumPy,\n"
    "SciPy and the future of numeric computing in Python.\n\n"
    "There were discussions on the topic as well as various blog posts\n"
    "from the SciPy community who addressed few issues. It seems there was a lot\n"
    "of talking past each other and I would like to clarify on a few points here,\n"
    "although this should be taken as my personal opinion on the subject.\n\n"
    "So, let's start from the beginning. There are no plans for PyPy to\n"
    "reimplement everything that's out there in RPython. That has been pointed\n"
    "out from the beginning as a fallacy of our approach, we simply don't plan\n"
    "to do that.\n"
)


def test_paragraphs_wrapped_in_the_page_source_are_joined():
    # the dump as a whole is not wrapped (no column is common enough), but its paragraphs
    # keep the source's line breaks: lines stop mid-sentence and go on in lowercase
    lines = split_lines(SOURCE_WRAPPED)
    got = [u.text for u in split_units(lines)]
    assert got[2].startswith("Recent PyPys effort to bring NumPy and the associated fundraiser caused a lot")
    assert got[3].endswith("my personal opinion on the subject.")
    assert got[4].endswith("we simply don't plan to do that.")
    assert got[:2] == ["Lost in JIT", "PyPy and the road towards SciPy"]
    article = articleparse.parse(SOURCE_WRAPPED)
    assert article.headline != "Recent PyPys effort to bring NumPy and the associated fundraiser"
    assert "fundraiser caused a lot of discussion" in article.text


@pytest.mark.parametrize("text", [
    # a title over a byline in lowercase: one such pair is no source wrapping
    "Diese Stars haben sich mit dem Coronavirus infiziert\nvon Ineye Komonibo\n\nText follows here.\n",
    # list items of a nested inscriptis list are bullets, not continuations
    "Termine und Veranstaltungen in der ganzen Region hier\no theaterpodcast\n",
])
def test_lines_without_source_wrapping_stay_apart(text):
    assert len(units(text)) >= 2


def test_source_wrapped_lines_printed_with_a_blank_line_between_are_joined():
    # lxml prints some pages' source breaks inside a paragraph as an empty line
    spaced = SOURCE_WRAPPED.replace("\n", "\n\n").replace("\n\n\n\n", "\n\n\n")
    got = [u.text for u in split_units(split_lines(spaced))]
    assert any(t.startswith("Recent PyPys effort to bring NumPy and the associated fundraiser caused a lot")
               for t in got)
    assert got[0] == "Lost in JIT"


def test_a_source_break_in_a_dump_that_is_not_wrapped_is_joined():
    # one paragraph broken twice by its source (lxml prints a break at a tag), the last piece one word
    text = ("Bridge closed\n\n"
            "The council voted on Tuesday to close the old\n"
            "river bridge, which has carried traffic over the water since 1931, after engineers found cracks\n"
            "in two of its three stone\n"
            "piers.\n\n"
            "Home\nnews and weather\n")
    got = [u.text for u in split_units(split_lines(text))]
    assert got == ["Bridge closed",
                   "The council voted on Tuesday to close the old river bridge, which has carried traffic over "
                   "the water since 1931, after engineers found cracks in two of its three stone piers.",
                   "Home", "news and weather"]


@pytest.mark.parametrize("text", [
    # a sentence that ends, then a lowercase line
    "He said the plan would go ahead on Monday.\nand the rest of it follows here\n",
    # a blank line between: only a dump whose source wraps its paragraphs joins across it
    "The council voted on Tuesday to close the old\n\nriver bridge, which has carried traffic\n",
    # a last word without its full stop is a lowercase menu item
    "Read the latest news from the region\nsport\n",
    # a title over a lowercase byline or time: the run does not end like a sentence
    "Kalifornien verpachtet Seeboden zur Entwicklung von Floating-Offshore-Windfarmen\nvon Tilman Weber\n",
    "Das neue Advanced OFFROAD Pro Race MTB FS im ersten Test\nvor 11 Minuten\n",
])
def test_a_break_that_is_no_source_break_stays(text):
    assert len(units(text)) == 2


def test_w3m_centred_paragraph_lines_join_despite_their_indents():
    # w3m centres each line of a centred paragraph: the indents differ, the sentence goes on
    text = ("Opposition to a proposal to remove certain personal data from court records is\n"
            "        mounting and with good reason. Or good reasons, we should say.\n\n"
            "A line of its own that is long enough to reach the wrap column of the dump here\n"
            "        Indented Heading\n")
    got = units(text, 80)
    assert got[0] == ("Opposition to a proposal to remove certain personal data from court records is "
                      "mounting and with good reason. Or good reasons, we should say.")
    assert got[-1] == "Indented Heading"


# wrap detection and display widths on hard-wrapped (w3m) dumps
PARAGRAPH = (
    "The council voted on Tuesday to close the old river bridge, which has carried\n"
    "traffic over the water since 1931, after engineers found cracks in two of its\n"
    "piers. Lorries will have to use the ring road from Monday, the council said in\n"
    "a statement on its website, and the work is expected to last until the summer.\n"
)


def test_combining_marks_take_no_column():
    # Devanagari vowel signs and the virama, Thai vowel and tone marks: zero columns, as w3m counts
    assert display_width("कि") == 1
    assert display_width("ที่") == 1
    assert display_width("café") == 4
    assert display_width("日本") == 4


def test_an_unbreakable_long_line_does_not_hide_the_wrap():
    # tracking codes and URLs with no space cannot be wrapped: they run past the column in any dump
    code = "16lu7dcl9%2fX%3d1489053188%2fE%3d2078709551%2fR%3djp_hdln_te%2fK%3d5%2fV%3d2.1" * 2
    text = (code + "\n\n") * 3 + PARAGRAPH * 3
    lines = split_lines(text)
    assert detect_wrap_width(lines) == 80
    units = split_units(lines, 80)
    assert len(units) == 3 + 1  # the three codes, and the paragraph joined back into one unit


def test_a_form_field_wider_than_the_column_does_not_hide_the_wrap():
    # w3m prints a text input or a textarea's rows as brackets around blanks, at the field's own
    # size: past the column when the field is wider, though nothing there can be wrapped
    field = "[" + " " * 90 + "]"
    text = (field + "\n") * 10 + "\n" + PARAGRAPH * 3
    lines = split_lines(text)
    assert detect_wrap_width(lines) == 80
    assert [u.text[:1] for u in split_units(lines, 80)] == ["[", "T"]  # the field's rows, the paragraph


def test_a_wrapped_line_is_joined_when_the_next_word_did_not_fit_after_it():
    # "Existenzgründungsprämie." would have run past column 80 after "eine": the wrap put it on the
    # next line, though the line stops well short of three quarters of the column
    text = ("Die Jugendverbände der Landwirtschaft in NRW fordern eine\n"
            "Existenzgründungsprämie. In einem ersten Gespräch zeigte sich die\n"
            "Ministerin offen für die Forderung.\n")
    assert len(units(text, 80)) == 1


@pytest.mark.parametrize("text", [
    # a short word would have fitted: the line ended there on purpose (a title over a byline)
    "Die Jugendverbände der Landwirtschaft in NRW fordern eine\nNeue Prämie für Gründer im Land\n",
    # the line ends a sentence
    "Die Jugendverbände der Landwirtschaft fordern eine Prämie.\nExistenzgründungsprämien sind gefragt und gut\n",
    # a list item under it
    "Die Jugendverbände der Landwirtschaft in NRW fordern eine\n  • Existenzgründungsprämie für alle\n",
])
def test_a_short_line_stays_apart_when_the_next_word_would_have_fitted(text):
    assert len(units(text, 80)) == 2


def test_a_line_with_a_form_field_and_words_past_the_column_still_means_no_wrap():
    wide = ("Your name: [                    ] and your e-mail address: [                    ] and a word"
            " or two more [Send]")
    text = (wide + "\n\n") * 3 + PARAGRAPH * 3
    assert detect_wrap_width(split_lines(text)) is None


def test_a_long_line_with_spaces_still_means_no_wrap():
    wide = "This line has spaces and runs well past the eighty columns of a terminal, so the dump is not wrapped at all."
    text = (wide + "\n\n") * 3 + PARAGRAPH * 3
    assert detect_wrap_width(split_lines(text)) is None


def test_a_short_wrapped_dump_is_found_by_its_lines_going_on_in_lowercase():
    # two paragraphs, five lines: too few lines near the column for the shares, but every line
    # near it goes on under it in lowercase and none runs past it
    text = ("Lorem\n\n"
            "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod\n"
            "tempor incididunt ut labore et dolore magna aliqua.\n\n"
            "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut\n"
            "aliquip ex ea commodo consequat.\n")
    lines = split_lines(text)
    assert detect_wrap_width(lines) == 80
    assert len(split_units(lines, 80)) == 3
    # one such line is not enough, and lines under it in capitals are headings or items, not a wrap
    assert detect_wrap_width(split_lines(text.replace("\ntempor", "\nTempor"))) is None
    assert detect_wrap_width(split_lines("Menu\n" + "A heading of some sixty-five characters or so, standing alone\n"
                                         "Another heading under it, also long enough to come near\nHome\n")) is None


def test_code_printed_past_the_column_does_not_hide_the_wrap():
    # w3m prints a <pre> block unwrapped: its long lines run past the column (here 4 of 96 lines,
    # over the 2% allowed), while the prose around it wraps and goes on in lowercase
    code = "SELECT avg(n) AS mean, stddev(n) AS deviation, count(n) AS total FROM unnest(array[2, 3, 5, 2, 3, 12]) AS n;"
    text = PARAGRAPH * 20 + "\n" + (code + "\n") * 4 + "\n" + PARAGRAPH * 3
    lines = split_lines(text)
    assert detect_wrap_width(lines) == 80
    # the same lines past the column with prose that never goes on in lowercase: not wrapped
    flat = PARAGRAPH.replace("\ntraffic", "\nTraffic").replace("\npiers", "\nPiers").replace("\na statement", "\nA statement")
    assert detect_wrap_width(split_lines(flat * 23 + "\n" + (code + "\n") * 4)) is None


def test_w3m_centred_lines_of_a_caseless_script_join():
    # an Arabic paragraph that w3m centred: its last line stands in the middle, and Arabic has
    # no lowercase, so a letter of a caseless script goes on the sentence as lowercase does
    first = "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار"
    last = "النفس."
    text = first + "\n" + " " * ((80 - len(last)) // 2) + last + "\n"
    assert units(text, 80) == [first + " " + last]
    # a centred line in capitals is a heading of its own
    assert len(units(first + "\n" + " " * 33 + "New Heading\n", 80)) == 2


def test_normalise_folds_every_kind_of_white_space_and_drops_invisible_characters() -> None:
    import sys

    from articleparse.lines import normalise

    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace() and chr(i) not in "\n\r"]
    assert "\u00a0" in spaces and "\u3000" in spaces and "\x1c" in spaces
    for ch in spaces:
        assert normalise(f"{ch}a{ch}{ch}b{ch}") == "a b", repr(ch)
    assert normalise("Zero\u200bwidth soft\u00adhyphen \ufeffBOM") == "Zerowidth softhyphen BOM"
    assert normalise("  \u200b  ") == ""
    # printable lines take a shortcut in split_lines: the same text as normalise gives
    for raw in ("  two  spaces  ", "tab\tand\u00a0nbsp", "plain line"):
        assert split_lines(raw)[0].text == normalise(raw)


def test_a_paragraph_lynx_broke_near_a_thousand_bytes_is_one_unit():
    first = " ".join(["word"] * 198) + " ends"            # 994 bytes: "continuation" would not fit
    assert len(first.encode()) == 994
    text = f"Intro line\n\n{first}\ncontinuation of the paragraph.\n\nNext paragraph.\n"
    assert units(text) == ["Intro line", first + " continuation of the paragraph.", "Next paragraph."]
    bullet = "  * " + " ".join(["item"] * 197) + " ends"    # under a bullet the text hangs at column 4
    assert units(f"{bullet}\n    continuation\n")[0].endswith("ends continuation")


@pytest.mark.parametrize("text", [
    " ".join(["word"] * 150) + "\nA line under a long one is its own unit.\n",      # 750 bytes: no break
    " ".join(["word"] * 199) + "\n\nAfterwards, after a blank line.\n",
    " ".join(["word"] * 199) + "\n  * a bullet under it\n",
])
def test_lines_under_a_long_line_that_lynx_did_not_break_stay_apart(text):
    assert len(units(text)) == 2


LYNX_MATH = ("When\n"
             "[MATH: <mi> a </mi> <mo> ≠ </mo> <mn> 0 </mn> :MATH]\n"
             ", there are two solutions to\n"
             "[MATH: <mi> a </mi> <msup> <mi> x </mi> <mn> 2 </mn> </msup> <mo> + </mo> <mi> c </mi>"
             " <mo> = </mo> <mn> 0 </mn> :MATH]\n"
             "and they are real.\n\n"
             "The Lorenz Equations\n")


def test_a_mathml_formula_lynx_prints_as_markup_reads_as_its_text_inside_its_paragraph():
    assert units(LYNX_MATH) == ["When a ≠ 0, there are two solutions to a x 2 + c = 0 and they are real.",
                                "The Lorenz Equations"]
    article = articleparse.parse(LYNX_MATH)
    assert "MATH" not in article.text and "<mi>" not in article.text


def test_a_hidden_mathml_copy_with_its_tex_source_and_the_tex_alt_text_are_left_out():
    # MediaWiki: a hidden MathML copy (with the TeX as an annotation), then the image's alt text
    text = ("If the conjugate transpose of a matrix\n"
            '[MATH: <semantics> <mrow> <mi> A </mi> </mrow> <annotation encoding="application/x-tex">'
            " {\\displaystyle A} </annotation> </semantics> :MATH]\n"
            "{\\displaystyle A^{\\mathsf {H}}} , then the property can be written as\n\n"
            "{\\displaystyle A=A^{\\mathsf {H}}}\n")
    got = units(text)
    assert got[0] == "If the conjugate transpose of a matrix, then the property can be written as"
    # a line that is only TeX keeps its text (core:NV014 labels it)
    assert got[1] == "{\\displaystyle A=A^{\\mathsf {H}}}"
    # w3m wraps inside the TeX: "{\" at the end of one line, "displaystyle" on the next
    wrapped = ("the transpose of a matrix A {\\displaystyle A} is denoted by A H {\\\n"
               "displaystyle A^{\\mathsf {H}}} , then the Hermitian property can be written\n")
    assert units(wrapped, 80) == ["the transpose of a matrix A is denoted by A H, then the Hermitian property "
                                  "can be written"]


def test_a_line_break_of_the_page_under_a_long_line_is_not_a_lynx_break():
    # the next line's first word would have fitted on the 975-byte line: the page broke it
    long = " ".join(["word"] * 194) + " end."                  # 975 bytes
    assert units(f"{long}\nPubliziert: 03.04.2020, 12:35\n") == [long, "Publiziert: 03.04.2020, 12:35"]
    blob = "QUJD" * 250                                          # base64 without a space
    assert len(units(f"{blob}\n{blob}\n")) == 2


def test_a_formula_printed_one_element_a_line_joins_its_sentence_and_leaves_its_text():
    # lxml: each MathML element on a line of its own, then the TeX alt text of the formula's image
    text = ("Given a set of\n\nN\n\n{\\displaystyle N}\n\nhigh-dimensional objects\n\nx\n\n1\n\n,\n\n"
            "{\\displaystyle \\mathbf {x} _{1}}\n\n, t-SNE first computes probabilities\n\n"
            "Contents\n\nA formula on its own:\n\np\n\ni\n\nj\n\n{\\displaystyle p_{ij}}\n\nThe End of it.\n")
    assert units(text) == ["Given a set of high-dimensional objects, t-SNE first computes probabilities",
                           "Contents", "A formula on its own:", "The End of it."]
    # short lines with no TeX after them are not a formula
    assert units("Home\n\nNews\n\nA\n\nB\n\nThe council voted on Tuesday.\n") == [
        "Home", "News", "A", "B", "The council voted on Tuesday."]


TABLE = ("Here are examples of app updates already using the new patching:\n\n"
         "Application\n\nOriginal Size\n\nPatch Size\n\n"
         "Farm Heroes Super Saga\n\n71.1 MB\n\n8.0 MB (-89%)\n\n"
         "Google Maps\n\n32.7 MB\n\n9.6 MB (-71%)\n\n"
         "Google\n\n22.2 MB\n\n5.1 MB (-77%)\n\n"
         "The savings are large, so we are rolling the new patches out to everyone.\n")


def test_a_table_printed_one_cell_a_block_is_joined_into_rows():
    got = units(TABLE)
    assert "Farm Heroes Super Saga 71.1 MB 8.0 MB (-89%)" in got
    assert "Google Maps 32.7 MB 9.6 MB (-71%)" in got
    assert "Google 22.2 MB 5.1 MB (-77%)" in got
    # the header has no quantity, so its cells stay units of their own; the prose around stays too
    assert got[:2] == ["Here are examples of app updates already using the new patching:", "Application"]
    assert got[-1].startswith("The savings are large")
    row = split_units(split_lines(TABLE))[4]
    assert TABLE[row.start:row.end] == "Farm Heroes Super Saga\n\n71.1 MB\n\n8.0 MB (-89%)"
    # a cell the page's source wrapped over two lines belongs to its row whole
    wrapped = TABLE.replace("Google Maps\n", "Google\nMaps\n")
    assert "Google Maps 32.7 MB 9.6 MB (-71%)" in units(wrapped)


@pytest.mark.parametrize("text", [
    # two rows are not yet a table
    "Farm Heroes\n\n71.1 MB\n\nGoogle Maps\n\n32.7 MB\n\nMore text follows here.\n",
    # a numbered list: the numbers are list marks, not quantities
    "1.\n\nFirst story title\n\n2.\n\nSecond story title\n\n3.\n\nThird story title\n\n4.\n\nFourth\n",
    # teasers with their dates: a date is no quantity
    "First story\n\nMay 5, 2021\n\nSecond story\n\nMay 4, 2021\n\nThird story\n\n03.05.2021\n\nFourth\n\n12:30\n",
    # cells with no blank line between them are lines of one block, not a table
    "Farm Heroes\n71.1 MB\nGoogle Maps\n32.7 MB\nGoogle\n22.2 MB\n",
    # no header row above the rows: a run of cards, not a table
    "The savings are large, as this list shows.\n\nFarm Heroes\n\n71.1 MB\n\n8.0 MB\n\nGoogle Maps\n\n32.7 MB\n\n"
    "9.6 MB\n\nGoogle\n\n22.2 MB\n\n5.1 MB\n",
    # two columns: a title and its time is a list of teasers
    "Title\n\nAge\n\nFirst story\n\n1 Woche\n\nSecond story\n\n2 Wochen\n\nThird story\n\n3 Wochen\n",
    # every row opens with the same label: picture cards
    "Photo\n\nSize\n\nCount\n\n© Agency\n\n14 MB\n\n2/28\n\n© Agency\n\n12 MB\n\n3/28\n\n© Agency\n\n11 MB\n\n4/28\n",
])
def test_lists_that_are_not_a_table_stay_apart(text):
    got = units(text)
    assert got == [ln for ln in text.split("\n") if ln]


def test_a_katakana_word_wrapped_after_its_prolonged_sound_mark_joins_without_a_space():
    # "ー" (U+30FC) and "・" belong to no one script, but to the kana blocks: w3m wrapped "ビッグデータ"
    first = "莫大なセキュリティ情報のビッグデー"
    text = first + "\n" + "タを保有するクラウド型セキュリティ技術基盤\n"
    assert units(text, 36) == [first + "タを保有するクラウド型セキュリティ技術基盤"]


def test_a_source_break_mid_sentence_in_a_wrapped_dump_joins_its_paragraph():
    # a wrapped dump (lxml keeps the page source's line breaks) whose paragraph the source broke well short
    # of the column: the line stops mid-sentence and the next one goes on in lowercase
    text = ("Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla\n"
            "pariatur, and the rest of the sentence goes on here.\n"
            "Excepteur sint occaecat cupidatat non\n"
            "proident, sunt in culpa qui officia deserunt mollit anim id est laborum.\n\n"
            "Short heading line\n"
            "Another line that starts in capitals and stays apart\n")
    got = units(text, 80)
    assert "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est " \
           "laborum." in " ".join(got)
    assert not any(u.startswith("proident") for u in got)
    assert "Short heading line" in got and "Another line that starts in capitals and stays apart" in got


def test_a_short_line_of_few_words_before_a_lowercase_line_stays_apart_in_a_wrapped_dump():
    # a menu item or a heading of under five words is no sentence broken by the source
    assert units("Home page\nnews and more things here\n", 80) == ["Home page", "news and more things here"]


def test_a_date_or_ordinal_the_wrap_put_first_joins_its_sentence():
    # w3m wrapped "… bis ins 19. Jahrhundert zurück": the number and its full stop read as a list item's start
    text = ("Die Geschichte der Hotels „The Dolder Grand“ und anderer Häuser reichen bis ins\n"
            "19. Jahrhundert zurück. In Zusammenarbeit mit den Leuten wurde es neu gestaltet und\n"
            "erweitert, so dass es heute gut läuft.\n")
    assert units(text, 80) == [" ".join(text.split())]


def test_a_title_over_a_bare_date_and_numbered_items_stay_apart_in_a_wrapped_dump():
    title = "Reichsverfassungskampagne in Bayern 1849 und die Folgen für das Land und die Leute"
    assert units(title + "\n13. Januar 2015\n", 80) == [title, "13. Januar 2015"]
    items = ("  1. Preheat the oven to 200 degrees and grease a large baking tin with some butter\n"
             "  2. Mix the flour with the sugar and the eggs until it is smooth and creamy and so on\n")
    assert units(items, 80) == [ln.strip() for ln in items.splitlines()]


def test_a_rule_of_box_drawing_characters_ends_its_block_in_a_wrapped_dump():
    # w3m prints a page's <hr> as a full-width rule: it reaches the column, but the line under it starts a unit
    rule = "\u2501" * 79
    para = ("The river rose two metres overnight, and the town's older streets were under water by\n"
            "the morning, when the first boats went out to bring the people to the school.\n")
    text = para + rule + "\nWas this article helpful?\n(95 votes: 4.73 of 5)\n" + rule + "\n"
    assert units(text, 80) == [" ".join(para.split()), rule, "Was this article helpful?", "(95 votes: 4.73 of 5)",
                               rule]


def test_a_table_row_printed_with_tab_stops_keeps_its_cell_count():
    text = "Hauptprodukt\t2020\t2021\nRohbenzin\t10,72 Mio. t\t12,40 Mio. t\nEin Satz ohne Tabulator.\nA\t\t\n"
    got = split_units(split_lines(text))
    assert [u.cells for u in got] == [3, 3, 0, 0]
    assert got[1].text == "Rohbenzin 10,72 Mio. t 12,40 Mio. t"
    assert table_cells("Name\t(05121) 90-0") == 2 and table_cells("no tab here") == 0
# w3m lays a table's cells side by side: the article's column and a sidebar share the lines
SIDE_BY_SIDE = (
    "    The river rose two metres overnight, and the        Most read\n"
    "    town's older streets were under water by the        Weather warning for\n"
    "    morning, when the first boats went out.             the coast\n"
    "    Residents who had stayed were taken to the          Match report\n"
    "    school on the hill, the mayor said.\n"
)
BOXED = (
    "┌────────────────────────────────┬────────────────────────────────┐\n"
    "│ In December I tried to install │                                │\n"
    "│ some software on my computer,  │                                │\n"
    "│ and it did not go well.        │                                │\n"
    "│                                │                                │\n"
    "│ So of course that day I got    │ While I am flattered that so   │\n"
    "│ hundreds of emails about it,   │ many of you wrote, please do   │\n"
    "│ most of them angry.            │ not send more mail about it.   │\n"
    "└────────────────────────────────┴────────────────────────────────┘\n"
)


def test_side_by_side_columns_read_one_column_after_the_other():
    got = split_units(split_lines(SIDE_BY_SIDE))
    assert len(got) == 1 and (got[0].first, got[0].last) == (0, 4)
    assert got[0].text == ("The river rose two metres overnight, and the town's older streets were under water by the "
                           "morning, when the first boats went out. Residents who had stayed were taken to the school "
                           "on the hill, the mayor said. Most read Weather warning for the coast Match report")
    # in a dump wrapped at 80 columns too
    assert [u.text for u in split_units(split_lines(SIDE_BY_SIDE), 80)] == [got[0].text]


def test_a_boxed_table_of_two_prose_columns_reads_cell_after_cell():
    got = split_units(split_lines(BOXED), 80)
    assert len(got) == 1 and (got[0].first, got[0].last) == (0, 8)
    assert got[0].text == ("In December I tried to install some software on my computer, and it did not go well. "
                           "So of course that day I got hundreds of emails about it, most of them angry. "
                           "While I am flattered that so many of you wrote, please do not send more mail about it.")


@pytest.mark.parametrize("text", [
    # a table of data: no cell goes on in lowercase under a cell of three words
    " 2 │ -0.75703329861022517346 │ t │ f\n 3 │ -0.43259045634870009448 │ f │ f\n 5 │ 0.21629522817435006346 │ f │ f\n",
    # a grid of links
    "Home        News        Sport\nWeather     Travel      Culture\nAbout us    Contact     Privacy\n",
    # a wrapped paragraph with one aside on a single line is no layout of columns
    "The river rose two metres overnight, and the        Most read\n"
    "town's older streets were under water by the\n"
    "morning, when the first boats went out.\n",
])
def test_lines_that_are_not_columns_of_prose_are_not_read_as_columns(text):
    assert _side_by_side_runs(split_lines(text)) == []


def test_a_wrap_between_cjk_and_a_latin_word_cuts_no_space_on_a_page_that_writes_them_together():
    # the page writes "フリーWi-Fi" and "3月9日" with no space: w3m's wrap before "Wi-Fi" cut none out
    body = ("トレンドマイクロは3月9日、フリーWi-Fiの利用者向けのアプリを発表した。同社のVPN技術で通信を守る。\n\n"
            "同アプリは公衆無線LANの通信を暗号化し、盗み見を防ぐ。また、利用者が指定した\n"
            "Wi-Fiへ接続する際に、自動的に通信を暗号化する。\n")
    assert "同アプリは公衆無線LANの通信を暗号化し、盗み見を防ぐ。また、利用者が指定したWi-Fiへ接続する際に、" \
           "自動的に通信を暗号化する。" in units(body, 80)
    # a page that puts a space between them keeps one at the wrap too
    spaced = ("我们使用 Python 进行分析，并用 R 语言 和 SQL 查询 数据。\n\n"
              "我们的团队三年里一直使用 Python 进行数据分析，并且写了很多使用 Python 编写的\nWeb 服务。\n")
    assert "我们的团队三年里一直使用 Python 进行数据分析，并且写了很多使用 Python 编写的 Web 服务。" in units(spaced, 80)


RECIPE = ("Zutaten\n\nFür den Teig:\n\n125 g\n\nMehl\n\n65 g\n\nMargarine oder Butter\n\n1\n\nEi(er)\n\n"
          "1\nPck.\n\nVanillepuddingpulver\n\nFür die Füllung:\n\n200 g\n\nZucker\n\n"
          "Als erstes den Pudding kochen und abkühlen lassen.\n")


def test_a_recipe_ingredient_list_printed_one_cell_a_block_is_joined_into_rows():
    got = units(RECIPE)
    # each quantity joins what it measures; a number and its measure on two lines are one quantity
    assert got == ["Zutaten", "Für den Teig:", "125 g Mehl", "65 g Margarine oder Butter", "1 Ei(er)",
                   "1 Pck. Vanillepuddingpulver", "Für die Füllung:", "200 g", "Zucker",
                   "Als erstes den Pudding kochen und abkühlen lassen."]
    row = split_units(split_lines(RECIPE))[2]
    assert RECIPE[row.start:row.end] == "125 g\n\nMehl"
    # an English recipe names its measure after a bare number: "1/4" / "cup butter"
    english = "Ingredients\n\n1/4\n\ncup butter\n\n1\n\ncup packed brown sugar\n\n1\n\ncan (20 oz) pineapple slices\n\nSteps\n"
    assert units(english) == ["Ingredients", "1/4 cup butter", "1 cup packed brown sugar", "1 can (20 oz) pineapple slices",
                              "Steps"]
    # a level spoon and a bag are measures too
    german = "Zutaten\n\n2\ngestr. TL\n\nBackpulver\n\n3\nBtl.\n\nGelatine fix\n\n135\ng\n\nButter\n\nZubereitung\n"
    assert units(german) == ["Zutaten", "2 gestr. TL Backpulver", "3 Btl. Gelatine fix", "135 g Butter", "Zubereitung"]
    # the joined rows read as the recipe's text: core:BD013 fires on them
    article = articleparse.parse(RECIPE)
    line = next(ln for ln in article.lines if RECIPE[ln.span[0]:ln.span[1]].startswith("65 g"))
    assert "core:BD013" in line.rules


@pytest.mark.parametrize("text", [
    # two pairs are not yet a list
    "125 g\n\nMehl\n\n65 g\n\nZucker\n\nMore text follows here.\n",
    # bare counts only: comments, likes, shares
    "5\n\nKommentare\n\n12\n\nLikes\n\n3\n\nShares\n\nMore text follows here.\n",
    # a nutrition table, a label over its quantity, read one cell late
    "Fett\n\n2 g\n\nEiweiß\n\n10 g\n\nKohlenhydrate\n\n30 g\n\nBallaststoffe\n\n4 g\n",
    # a nutrition table with its shares: milligrams are no kitchen measure
    "Eisen\n\n3,7 mg\n\n(25 %)\n\nmehr\n\nFett\n\n2 g\n\nHarnsäure\n\n61 mg\n\nCholesterin\n\n0 mg\n\nmehr\n",
])
def test_lists_that_are_not_an_ingredient_list_stay_apart(text):
    got = units(text)
    assert got == [ln for ln in text.split("\n") if ln]
