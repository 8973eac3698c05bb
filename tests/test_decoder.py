"""The decoder's detach pass: body far behind the article's main run is page furniture."""

from articleparse.decoder import LABEL_INDEX, decode
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
