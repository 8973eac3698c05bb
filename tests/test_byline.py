"""The assembler's byline choice (``assemble._pick_byline``): which line names the article's author."""

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
