"""Stage 1: wrap detection and display widths on hard-wrapped (w3m) dumps."""

from articleparse.lines import detect_wrap_width, display_width, split_lines, split_units

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


def test_a_long_line_with_spaces_still_means_no_wrap():
    wide = "This line has spaces and runs well past the eighty columns of a terminal, so the dump is not wrapped at all."
    text = (wide + "\n\n") * 3 + PARAGRAPH * 3
    assert detect_wrap_width(split_lines(text)) is None
