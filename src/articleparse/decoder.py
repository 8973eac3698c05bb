"""Stage 4: turn the rules' votes into exactly one label per unit.

The page grammar has seven zones, in this order::

    PRE ─► HEAD1 ─► HEADLINE ─► HEAD2 ─► BODY ⇄ CRUFT ─► POST
     └──────────┴──────────────────────────┘▲

PRE is the page's top (menus, teasers); HEAD1 and HEAD2 hold the fields around
the headline (date, byline, standfirst, reading time); BODY is the article,
interrupted only by CRUFT (an ad, a caption, an inline "ALSO READ"); POST is
everything after it (related teasers, navigation, footer, comments). Zones
may be skipped but never revisited, so the body is one stretch of the page.

Decoding happens in two Viterbi passes:

1. over zones, each unit's score in a zone being the best of its label scores
   among the labels that zone allows, with named penalties for entering and
   leaving the body (``params`` of the core pack);
2. within each run of units in a multi-label zone, over labels, with bonuses
   for the teaser grammar (section → title → snippet → title ...).

Eight passes then correct the labels in place (headline, fields, tail, lead,
cut, detach, list, trim); see docs/architecture.md, Stage 4. A horizontal rule
between two paragraphs and an image's place (``spacer``) are read as blank lines.

The confidence of a unit's label is a logistic of the margin between the
chosen label's score and the best other label's score.
"""

from __future__ import annotations

import enum
import itertools
import math
import operator
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .model import Label

__all__ = ["Zone", "Decoded", "decode", "confidence", "spacer", "LABELS", "LABEL_INDEX", "SPACER_IMAGE",
           "SPACER_ALT", "SPACER_MARK", "SPACER_RULE", "SPACER_FILE"]

#: Every label a unit can get (blank lines are labelled outside the decoder).
LABELS: tuple[Label, ...] = tuple(lb for lb in Label if lb is not Label.BLANK)
LABEL_INDEX: Mapping[Label, int] = {lb: i for i, lb in enumerate(LABELS)}


class Zone(enum.IntEnum):
    PRE = 0
    HEAD1 = 1
    HEADLINE = 2
    HEAD2 = 3
    BODY = 4
    CRUFT = 5
    POST = 6


L = Label
ZONE_LABELS: Mapping[Zone, tuple[Label, ...]] = {
    Zone.PRE: (L.NAVIGATION, L.BOILERPLATE, L.RELATED_SECTION, L.RELATED_TITLE, L.RELATED_SNIPPET, L.SHARE,
               L.AD, L.FOOTER, L.CAPTION),
    Zone.HEAD1: (L.DATE, L.BYLINE, L.META),
    Zone.HEADLINE: (L.HEADLINE,),
    Zone.HEAD2: (L.STANDFIRST, L.BYLINE, L.DATE, L.META, L.CAPTION, L.SHARE, L.NAVIGATION, L.AD),
    Zone.BODY: (L.BODY,),
    # no related-section heading in CRUFT: a 'Related' heading ends the article, it does not interrupt it
    Zone.CRUFT: (L.AD, L.SHARE, L.CAPTION, L.RELATED_TITLE, L.NAVIGATION, L.BOILERPLATE, L.DATE, L.BYLINE),
    Zone.POST: (L.RELATED_SECTION, L.RELATED_TITLE, L.RELATED_SNIPPET, L.NAVIGATION, L.SHARE, L.AD, L.FOOTER,
                L.COMMENT, L.BOILERPLATE, L.CAPTION),
}
_ZONE_LABEL_IDX = {z: tuple(LABEL_INDEX[lb] for lb in labels) for z, labels in ZONE_LABELS.items()}

# allowed zone moves; the value names the penalty parameter charged (None: free)
_MOVES: Mapping[Zone, Mapping[Zone, str | None]] = {
    Zone.PRE: {Zone.PRE: None, Zone.HEAD1: "enter_head", Zone.HEADLINE: "enter_head", Zone.BODY: "enter_body"},
    Zone.HEAD1: {Zone.HEAD1: None, Zone.HEADLINE: None, Zone.BODY: "enter_body"},
    Zone.HEADLINE: {Zone.HEAD2: None, Zone.BODY: None},
    Zone.HEAD2: {Zone.HEAD2: None, Zone.BODY: None},
    Zone.BODY: {Zone.BODY: None, Zone.CRUFT: "enter_cruft", Zone.POST: "leave_body"},
    Zone.CRUFT: {Zone.CRUFT: None, Zone.BODY: None, Zone.POST: "leave_body"},
    Zone.POST: {Zone.POST: None},
}
_STARTS: Mapping[Zone, str | None] = {Zone.PRE: None, Zone.HEAD1: None, Zone.HEADLINE: None,
                                      Zone.BODY: "enter_body"}

DEFAULT_PARAMS: Mapping[str, float] = {
    "enter_head": 0.5,
    "enter_body": 1.0,
    "enter_cruft": 2.0,
    "leave_body": 1.0,
    # per-unit cost of a zone, so that short header zones are preferred
    "zone_cost_head1": 0.5,
    "zone_cost_head2": 0.8,
    "zone_cost_cruft": 0.5,
    # the headline pass: how far above the body to look, and what distance costs
    "headline_window": 25,
    "headline_decay": 0.15,
    "headline_min": 0.5,
    "headline_body_allowance": 1.0,
    # a title-shaped line just above the chosen headline, at least this share as strong, is the headline
    "headline_above_ratio": 0.8,
    "headline_above_reach": 2,
    # the header-field pass: bylines and date lines near the headline, wherever the zones put them
    "field_window_before": 10,
    "field_window_after": 10,
    "field_decay": 0.05,
    # byline votes strong enough to be taken anywhere on the page when none is near the headline
    "field_strong_byline": 2.0,
    "field_byline_near": 3,
    "field_byline_above": 2,
    # the tail pass: a last body run of at most this many units after an interruption is page furniture
    "tail_units": 1,
    # the lead pass: strong prose above the body, cut off from it by a list or a form, is body
    "lead_body_min": 3.0,
    "lead_body_margin": 1.0,
    # ... but a lone unit of it far above the body (a browser or cookie notice at the page's top) only when it
    # weighs a share of the body
    "lead_reach": 60,
    "lead_far_units": 1,
    "lead_far_share": 0.1,
    # the cut pass: a heading, caption, credit, ad label, comment form, share button or appeal inside the body
    # that beats its body votes, on evidence of at least ``cut_min`` (not a label's prior alone)
    "cut_margin": 0.3,
    "cut_min": 1.0,
    "cut_teaser_reach": 10,
    # ... and a comment section's head, form or rules (a comment rule of weight 5 fired) even when its prose
    # outweighs it by up to ``cut_comment_allowance``
    "cut_comment": 3.0,
    "cut_comment_allowance": 2.0,
    # ... and an inline teaser (a related-story label and a title on one line, a weight-5 related-title rule)
    # whose related-title score reaches this and beats its body score by ``cut_margin``
    "cut_teaser": 4.0,
    # the detach pass: body after a gap of this many units behind the article's main run is page furniture
    "detach_gap": 4,
    "detach_share": 0.7,
    "detach_units": 40,
    # ... and with title-shaped body units counted in the gap, a rest of at most this many units
    "detach_title_units": 5,
    # the list pass: the units between a body unit that ends in a colon and the next body unit, at most this
    # many, all read as a list or table inside the body (related-title or navigation in CRUFT), are body
    "list_reach": 20,
}
_ZONE_COST = {Zone.HEAD1: "zone_cost_head1", Zone.HEAD2: "zone_cost_head2", Zone.CRUFT: "zone_cost_cruft"}

#: Teaser grammar inside multi-label zones: bonus for label a followed by label b.
DEFAULT_LABEL_BONUS: Mapping[tuple[Label, Label], float] = {
    (L.RELATED_SECTION, L.RELATED_TITLE): 1.0,
    (L.RELATED_TITLE, L.RELATED_SNIPPET): 1.5,
    (L.RELATED_SNIPPET, L.RELATED_TITLE): 1.0,
    (L.RELATED_SNIPPET, L.RELATED_SNIPPET): -1.5,
    (L.RELATED_TITLE, L.RELATED_TITLE): 0.3,
    (L.NAVIGATION, L.NAVIGATION): 0.3,
    (L.FOOTER, L.FOOTER): 0.3,
}


#: ``spacer``'s answers: a unit that is only an image's place (lynx prints an image without alt text as
#: ``[]``), a horizontal rule or section break (lynx ``____``, w3m ``━━━━``, ``* * *``, ``-----``), and
#: any other unit without a letter (a page number, an empty list item ``•``, a bracket of code), and a list
#: item that is only an image's generic alt text (lynx prints a gallery ``<li><img alt="Screenshot">`` as
#: ``* Screenshot``; ``SPACER_ALT``, read as an image's place), and a unit that is only an image's file name
#: (``IMG_3886.jpg``; ``SPACER_FILE``, read as an image's place only between two units of prose).
SPACER_IMAGE = 1
SPACER_RULE = 2
SPACER_MARK = 3
SPACER_ALT = 4
SPACER_FILE = 5
_IMAGES = (SPACER_IMAGE, SPACER_ALT)
_IMAGE_MARKS = re.compile(r"\[\](?:\s*\[\])*")
_RULE_LINE = re.compile(r"(?:[_\-=~*#.·•+\u2010-\u2015\u2500-\u257f]\s*){3,}")
# the characters a spacer can start with (most units start with none of them: one cheap test)
_SPACER_FIRST = frozenset("[_-=~*#.·•+" + "".join(map(chr, range(0x2010, 0x2016)))
                          + "".join(map(chr, range(0x2500, 0x2580))))


# a bullet, then only a generic word for an image (an alt text that names no subject)
_ALT_ITEM = re.compile(r"[*•+\-]\s+(?:an?\s+)?(?:image|photo|picture|screenshot|thumbnail)s?", re.I)
# a unit that is only an image's file name: a text browser prints it for a photo whose alt text is its file
# name ('12-IMG_3886.jpg', 'P1610088.jpg'), often between every two paragraphs of a photo blog
_IMAGE_FILE = re.compile(r"[^\s/]{1,80}\.(?:jpe?g|png|gif|webp)", re.I)
_IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def spacer(text: str) -> int:
    """What a unit is to the zones: ``SPACER_IMAGE``, ``SPACER_RULE``, ``SPACER_MARK`` (no letter),
    ``SPACER_ALT`` (a list item of an image's generic alt text), ``SPACER_FILE`` (an image's file name) or 0 (words).

        >>> spacer("[] []"), spacer("  ______________"), spacer("* * *"), spacer("•"), spacer("12"), spacer("Home")
        (1, 2, 2, 3, 3, 0)
        >>> spacer("  * Screenshot"), spacer("* An image"), spacer("* Screenshot of the new editor")
        (4, 4, 0)
        >>> spacer("12-IMG_3886.jpg"), spacer("P1610088.JPG"), spacer("See photo.jpg")
        (5, 5, 0)
    """
    if text[-5:].lower().endswith(_IMAGE_EXTS) and _IMAGE_FILE.fullmatch(text.strip()):
        return SPACER_FILE
    if text[:1].isalpha():
        return 0  # most units: one cheap test (a unit's text is trimmed, so this is its first character)
    t = text.strip()
    first = t[:1]
    if first.isalpha():
        return 0
    if first in _SPACER_FIRST:
        if _IMAGE_MARKS.fullmatch(t):
            return SPACER_IMAGE
        if _RULE_LINE.fullmatch(t):
            return SPACER_RULE
        if _ALT_ITEM.fullmatch(t):
            return SPACER_ALT
    return 0 if any(map(str.isalpha, t)) else SPACER_MARK


@attrs.frozen
class Decoded:
    """The decoder's answer: per unit a zone, a label and a confidence.

    ``ranked`` is the unit the headline ranker (``headline.rank_headline``) made the headline
    against the decoder's own choice, or None.
    """

    zones: tuple[Zone, ...]
    labels: tuple[Label, ...]
    confidence: tuple[float, ...]
    ranked: int | None = None


def _params(params: Mapping[str, Any] | None) -> dict[str, float]:
    """``DEFAULT_PARAMS`` with the decoder's own keys of ``params`` (a pack's ``[params]``) over them."""
    p = dict(DEFAULT_PARAMS)
    if params:
        p.update({k: float(v) for k, v in params.items() if k in DEFAULT_PARAMS})
    return p


def decode(scores: Sequence[Sequence[float]], params: Mapping[str, Any] | None = None,
           label_bonus: Mapping[tuple[Label, Label], float] | None = None,
           lead_ins: Sequence[bool] | None = None, list_titles: Sequence[bool] | None = None,
           spacers: Sequence[int] | None = None, sentences: Sequence[bool] | None = None) -> Decoded:
    """Label every unit. ``scores[i][LABEL_INDEX[label]]`` is the rules' total for that label.

    ``lead_ins[i]`` is true when unit ``i`` introduces what follows it (it ends in a colon):
    the detach pass does not end the article at a gap right after such a unit, and the list
    pass gives the body back the list, table or code it introduces. A list or table so introduced
    that the article goes on after (``_introduced_runs``) is decoded around, as blank lines,
    and is body when the body stands on both sides of it.
    ``list_titles[i]`` is true when unit ``i`` is a list item (it starts with a bullet) that
    does not end with a full stop: the cut pass reads such items right under a related heading
    as its teaser titles.
    ``spacers[i]`` is ``spacer(text)`` of unit ``i``: an image's place between two units with
    letters, and a rule between two units with letters whose best label is body, are read as
    blank lines (see ``_decode_around``).
    ``sentences[i]`` is true when unit ``i`` reads as a sentence: it ends like one (a full stop,
    question or exclamation mark, an ellipsis, an emoji or emoticon) or it is longer than a title
    (the engine's ``trim_max_words``); the trim pass keeps such a unit at the body's end. Without
    it no unit is known to read as a sentence.
    """
    n = len(scores)
    if n == 0:
        return Decoded((), (), ())
    p = _params(params)
    blank: set[int] = set()
    if spacers and (SPACER_IMAGE in spacers or SPACER_RULE in spacers or SPACER_ALT in spacers
                    or SPACER_FILE in spacers):
        blank = _blank_spacers(scores, spacers)
    introduced = _introduced_runs(scores, lead_ins, sentences, int(p["list_reach"])) if lead_ins else set()
    if blank or introduced:
        return _decode_around(scores, params, label_bonus, lead_ins, list_titles, sentences, blank | introduced,
                              introduced)
    zones = _zone_viterbi(scores, p)
    bonus = DEFAULT_LABEL_BONUS if label_bonus is None else label_bonus
    labels: list[Label] = [L.BODY] * n
    specials: dict[Zone, Any] = {}
    i = 0
    while i < n:
        j = i
        while j + 1 < n and zones[j + 1] == zones[i]:
            j += 1
        allowed = ZONE_LABELS[zones[i]]
        if len(allowed) == 1:
            for k in range(i, j + 1):
                labels[k] = allowed[0]
        else:
            idx = _ZONE_LABEL_IDX[zones[i]]
            special = specials.get(zones[i])
            if special is None:
                special = specials[zones[i]] = _label_specials(idx, bonus)
            run = _label_viterbi(scores, i, j, idx, bonus, special)
            labels[i:j + 1] = run
        i = j + 1
    zones_out = list(zones)
    _headline_pass(scores, zones_out, labels, p)
    _field_pass(scores, zones_out, labels, p)
    _tail_pass(scores, zones_out, labels, p)
    _lead_pass(scores, zones_out, labels, p)
    cut = _cut_pass(scores, zones_out, labels, p, list_titles)
    _detach_pass(scores, zones_out, labels, p, lead_ins, cut)
    _list_pass(zones_out, labels, p, lead_ins)
    _trim_pass(scores, zones_out, labels, sentences)
    zones = zones_out
    label_index = LABEL_INDEX
    conf = [confidence(scores[k], label_index[labels[k]]) for k in range(n)]
    return Decoded(tuple(zones), tuple(labels), tuple(conf))


def _blank_spacers(scores: Sequence[Sequence[float]], spacers: Sequence[int]) -> set[int]:
    """The spacers the zones read as blank lines: alone between units with letters, a rule or a run of image file
    names only between prose.

    A run of rule lines is no section break but a form's text box (lynx prints a ``<textarea>`` as
    rows of ``____``), and images between page numbers are a gallery's pager (``[]`` / ``1`` /
    ``[]`` / ``2``); a rule after the article's last paragraph often ends it (``More information:``,
    a comment form below), so a rule is blank only between two units whose best label is body.
    """
    n = len(scores)
    out = set()
    # the run of image places or of file names unit i is in (read once per run), and its answer
    run_end, run_blank = -1, False
    for i, kind in enumerate(spacers):
        if kind == SPACER_FILE:
            # a photo's file name (a run of them) between two paragraphs of prose: elsewhere it may stand
            # between a title and its page, or end the article above a caption, and stays a unit
            if i > run_end:
                lo = hi = i
                while hi + 1 < n and spacers[hi + 1] == SPACER_FILE:
                    hi += 1
                run_end = hi
                run_blank = 0 < lo and hi < n - 1 and _body_leads(scores[lo - 1]) and _body_leads(scores[hi + 1])
            if run_blank:
                out.add(i)
            continue
        if kind == SPACER_RULE:
            if (i and spacers[i - 1]) or (i + 1 < n and spacers[i + 1]):
                continue
        elif kind in _IMAGES:
            if i > run_end:
                lo = hi = i
                while hi + 1 < n and spacers[hi + 1] in _IMAGES:
                    hi += 1
                run_end = hi
                # not with a rule or a page number beside the run (a pager, a form), nor three or more bare
                # image places in a row (a carousel or a logo strip)
                run_blank = (not ((lo and spacers[lo - 1]) or (hi + 1 < n and spacers[hi + 1]))
                             and not (hi - lo > 1 and any(spacers[k] != SPACER_ALT for k in range(lo, hi + 1))))
            if not run_blank:
                continue
        else:
            continue
        if kind == SPACER_RULE and not (0 < i < n - 1 and _body_leads(scores[i - 1]) and _body_leads(scores[i + 1])):
            continue
        out.add(i)
    if len(out) == n:
        return set()
    return out


def _decode_around(scores: Sequence[Sequence[float]], params: Mapping[str, Any] | None,
                   label_bonus: Mapping[tuple[Label, Label], float] | None, lead_ins: Sequence[bool] | None,
                   list_titles: Sequence[bool] | None, sentences: Sequence[bool] | None,
                   blank: set[int], introduced: set[int] = frozenset()) -> Decoded:
    """Decode the other units as if the units in ``blank`` were blank lines, then label those.

    The units in ``introduced`` (a subset of ``blank``: a list or table the article introduces
    with a colon and goes on after, ``_introduced_runs``) are body when the units on both
    sides of their run are.

    A horizontal rule between two paragraphs (lynx ``____``, w3m ``━━━━``) or an image's place
    (lynx ``[]``) says nothing about where the article runs, but as a unit of its own it would
    interrupt the body (``enter_cruft``, ``zone_cost_cruft``, and its votes as a layout line) and
    count in every pass's gaps. Both Viterbi searches and every pass run without them. Each one then takes an
    interruption's place (``CRUFT``) between two units of the body, the page's end (``POST``) after
    the body, the page's top (``PRE``) before it, with that zone's best label.
    """
    n = len(scores)
    keep = [i for i in range(n) if i not in blank]
    sub = decode([scores[i] for i in keep], params, label_bonus,
                 [lead_ins[i] for i in keep] if lead_ins else None,
                 [list_titles[i] for i in keep] if list_titles else None,
                 sentences=[sentences[i] for i in keep] if sentences else None)
    zones: list[Zone | None] = [None] * n
    labels: list[Label | None] = [None] * n
    for k, i in enumerate(keep):
        zones[i] = sub.zones[k]
        labels[i] = sub.labels[k]
    inside = (Zone.BODY, Zone.CRUFT)
    prev: Zone | None = None
    j = 0  # the first unit after the run of blank units unit i is in (found once per run)
    for i in range(n):
        if i not in blank:
            prev = zones[i]
            continue
        if j <= i:
            j = i + 1
            while j < n and j in blank:
                j += 1
        nxt = zones[j] if j < n else None
        if i in introduced and prev is Zone.BODY and nxt is Zone.BODY:
            labels[i], zones[i] = L.BODY, Zone.BODY
            continue
        if prev in inside and nxt in inside:
            z = Zone.CRUFT
        elif prev in inside or prev is Zone.POST:
            z = Zone.POST
        else:
            z = Zone.PRE
        _move(scores, zones, labels, i, z)
    conf: list[float] = [0.0] * n
    for k, i in enumerate(keep):
        conf[i] = sub.confidence[k]
    for i in blank:
        conf[i] = confidence(scores[i], LABEL_INDEX[labels[i]])
    return Decoded(tuple(zones), tuple(labels), tuple(conf))


def _introduced_runs(scores: Sequence[Sequence[float]], lead_ins: Sequence[bool],
                     sentences: Sequence[bool] | None, reach: int) -> set[int]:
    """The units of a list or table that the article introduces with a colon and then goes on after.

    A table's rows (`4.2.3       April 2014`) or a list's short items are title-shaped and
    menu-like, and a long one costs the zones more to bridge than the prose after it gains: the
    zone pass then ends the article at the table and reads the rest of it as the page's end, where
    the list pass (which gives back only an interruption inside the body) cannot reach it. A run
    of at most ``reach`` units none of which reads as a sentence or leads with its body votes is
    such a list when the unit before it ends in a colon and leads with its body votes, the unit
    before that is prose (body votes lead and it reads as a sentence), and prose follows the run,
    with more prose one or two units further on. ``decode`` reads such runs as blank lines and
    then gives them to the body when the body stands on both sides.
    """
    n = len(scores)
    out: set[int] = set()

    def prose(k: int) -> bool:
        return 0 <= k < n and _body_leads(scores[k]) and bool(sentences and sentences[k])

    for i in range(1, n):
        if not lead_ins[i] or not _body_leads(scores[i]) or not prose(i - 1):
            continue
        j = i + 1
        while j < n and j - i <= reach and not _body_leads(scores[j]) and not (sentences and sentences[j]):
            j += 1
        # a comment form's fields under the article's last colon (`Name (wird benötigt)`, `E-Mail (wird benötigt
        # und nicht veröffentlicht)`) are no list of the article's: a run with a unit whose comment votes lead is
        # none, unless that unit ends in a colon itself (`Makali wrote:` over a reader's words the article quotes)
        if (i + 1 < j and prose(j) and (prose(j + 1) or prose(j + 2))
                and not any(max(scores[k]) == scores[k][_COMMENT] and not lead_ins[k] for k in range(i + 1, j))):
            out.update(range(i + 1, j))
    return out


def _move(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label], i: int, zone: Zone) -> None:
    """Put unit ``i`` in ``zone`` with the best of that zone's labels by its scores (in place)."""
    row = scores[i]
    labels[i] = LABELS[max(_ZONE_LABEL_IDX[zone], key=row.__getitem__)]
    zones[i] = zone


def _body_leads(row: Sequence[float]) -> bool:
    """Whether a unit's body score is its best: it is not title-shaped (its headline, teaser or navigation
    votes do not lead)."""
    return row[LABEL_INDEX[L.BODY]] >= max(row[q] for q in _NOT_BODY)


def confidence(row: Sequence[float], i: int) -> float:
    """A logistic of the margin between label ``i``'s score and the best other label's."""
    mine = row[i]
    # the best other label's score: the row's best unless this label alone holds it
    other = max(row)
    if mine >= other and row.count(other) == 1:
        rest = row[:i] + row[i + 1:]
        other = max(rest) if rest else mine
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, mine - other)))), 3)


#: Labels whose evidence competes with a headline candidate's (a title-shaped teaser does not).
_HEADLINE_RIVALS = tuple(LABEL_INDEX[lb] for lb in (
    L.NAVIGATION, L.SHARE, L.RELATED_SECTION, L.BYLINE, L.DATE, L.META, L.CAPTION, L.AD, L.FOOTER, L.COMMENT,
    L.BOILERPLATE, L.STANDFIRST))


def _headline_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
                   p: Mapping[str, float]) -> None:
    """Choose the headline among the title-shaped lines just above the body (in place).

    The zone pass only lets header fields (date, byline, standfirst ...) stand between
    headline and body; real pages also put captions, share bars and kickers there. So
    the headline is re-chosen: the candidate whose headline votes beat its rival
    labels by the widest margin, less ``headline_decay`` per unit of distance from the
    body, within ``headline_window`` units. The body's first unit is a candidate too
    when it is title-shaped and more body follows.
    """
    n = len(labels)
    start = next((i for i in range(n) if labels[i] is L.BODY), None)
    if start is None:
        return
    h = LABEL_INDEX[L.HEADLINE]
    b = LABEL_INDEX[L.BODY]
    best, best_i = p["headline_min"], None
    lo = max(0, start - int(p["headline_window"]))
    for i in range(lo, start + 1):
        row = scores[i]
        margin = row[h] - max(row[k] for k in _HEADLINE_RIVALS)
        if i == start:
            # a title printed as the body's first line: it must beat its body votes
            if start + 1 >= n or labels[start + 1] is not L.BODY:
                continue
            margin = min(margin, row[h] - row[b] + p["headline_body_allowance"])
        value = margin - p["headline_decay"] * (start - 1 - i if i < start else 0)
        if value > best:
            best, best_i = value, i
    old = [i for i in range(n) if labels[i] is L.HEADLINE]
    if best_i is None:
        return
    # a strong title-shaped line right above the choice is the headline, the choice its standfirst (dek)
    dek = None
    for j in range(best_i - 1, best_i - 1 - int(p["headline_above_reach"]), -1):
        if j < 0:
            break
        row = scores[j]
        margin = row[h] - max(row[k] for k in _HEADLINE_RIVALS)
        if margin >= p["headline_above_ratio"] * best and labels[j] is not L.BODY:
            dek, best_i = best_i, j
            break
    for i in old:
        if i != best_i:
            _move(scores, zones, labels, i, Zone.PRE)
    labels[best_i] = L.HEADLINE
    zones[best_i] = Zone.HEADLINE
    if dek is not None and labels[dek] is not L.BODY:
        labels[dek] = L.STANDFIRST
        zones[dek] = Zone.HEAD2


_FIELD_RIVALS = tuple(LABEL_INDEX[lb] for lb in (
    L.SHARE, L.RELATED_SECTION, L.META, L.CAPTION, L.AD, L.FOOTER, L.COMMENT, L.BOILERPLATE, L.STANDFIRST,
    L.NAVIGATION))


def _field_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
                p: Mapping[str, float]) -> None:
    """Label the byline and date lines around the headline and the body's start (in place).

    Pages put "Von Anna Schmidt" or "19.10.2019, 05:00 Uhr" above the headline, between
    a caption and the text, or after the first paragraph, where the zone pass may have
    read them as teasers or body. Within ``field_window_before`` units above the
    headline (or the body's start) and ``field_window_after`` units into the body, a
    unit whose byline or date votes beat its rivals' takes that label; one byline (the
    nearest strong one) and any number of date lines.
    """
    n = len(labels)
    start = next((i for i in range(n) if labels[i] is L.BODY), None)
    if start is None:
        return
    anchor = next((i for i in range(n) if labels[i] is L.HEADLINE), start)
    lo = max(0, min(anchor, start) - int(p["field_window_before"]))
    hi = min(n, start + int(p["field_window_after"]) + 1)
    by, dt = LABEL_INDEX[L.BYLINE], LABEL_INDEX[L.DATE]
    best, best_i = -math.inf, None
    weak = False
    have_byline = any(labels[i] is L.BYLINE for i in range(lo, hi))
    for i in range(lo, hi):
        if labels[i] in (L.HEADLINE, L.BYLINE):
            continue
        row = scores[i]
        rival = max(row[k] for k in _FIELD_RIVALS)
        margin = row[by] - rival - p["field_decay"] * abs(i - anchor)
        # right under (or just above) the headline, any byline evidence is enough: a lone name there is the author
        near = -p["field_byline_above"] <= i - anchor <= p["field_byline_near"] and i != anchor
        if row[by] > 0 and (row[by] > rival or near) and margin > best:
            # a date line that names the author ("Von Anna Schmidt am 19.10.2019") stays a date line
            best, best_i, weak = margin, i, row[by] <= rival
        if labels[i] is not L.DATE and row[dt] > rival and row[dt] > 0:
            labels[i] = L.DATE
            zones[i] = Zone.HEAD2 if i < start else Zone.CRUFT
    if (best_i is None or weak) and not have_byline:
        # no byline near the headline, or only a line taken on weak evidence because it stands right by the
        # headline: an explicit one ("By Jane Doe", "Von Anna Schmidt") anywhere will do
        strong = [i for i in range(n) if labels[i] is not L.HEADLINE and scores[i][by] >= p["field_strong_byline"]
                  and scores[i][by] > max(scores[i][k] for k in _FIELD_RIVALS)]
        if strong:
            best_i = min(strong, key=lambda i: (abs(i - anchor), i))
    if best_i is not None and labels[best_i] is not L.DATE:
        labels[best_i] = L.BYLINE
        zones[best_i] = Zone.HEAD2 if best_i < start else Zone.CRUFT


def _zone_code() -> str:
    """Source of the zone Viterbi, unrolled over the zone grammar (see ``_zone_viterbi``).

    Generated once from ``_MOVES`` and ``_STARTS``, so those tables stay the one place the
    grammar is written down. Every comparison and every subtraction happens in the same order
    as in a loop over the tables (sources in zone order, a strict ``>``), so ties break the same
    way and the floats come out the same. ``em`` holds one sequence of emission scores per zone.
    """
    nz = len(Zone)
    zs = range(nz)
    lines = ["def run(em, neg, mc, sc):"]
    n_moves = sum(1 for src in Zone for cost in _MOVES[src].values() if cost)
    if n_moves:
        lines.append("    " + ", ".join(f"mc{k}" for k in range(n_moves)) + ", = mc")
    lines.append("    rows = zip(" + ", ".join(f"em[{z}]" for z in zs) + ")")
    lines.append("    " + ", ".join(f"e{z}" for z in zs) + ", = next(rows)")
    for z in Zone:
        lines.append(f"    d{int(z)} = e{int(z)} - sc[{int(z)}]" if z in _STARTS else f"    d{int(z)} = neg")
    lines.append("    back = [None]")
    lines.append("    append = back.append")
    lines.append("    for " + ", ".join(f"e{z}" for z in zs) + " in rows:")
    k = 0
    costs: dict[tuple[int, int], str] = {}
    for src in Zone:
        for dst, cost in _MOVES[src].items():
            if cost:
                costs[(int(src), int(dst))] = f"mc{k}"
                k += 1
    for dst in Zone:
        lines.append("        best = neg")
        lines.append("        arg = -1")
        for src in Zone:
            if dst in _MOVES[src]:
                c = costs.get((int(src), int(dst)))
                lines.append(f"        v = d{int(src)} - {c}" if c else f"        v = d{int(src)}")
                lines.append(f"        if v > best: best = v; arg = {int(src)}")
        lines.append(f"        n{int(dst)} = best + e{int(dst)}")
        lines.append(f"        p{int(dst)} = arg")
    lines.append("        " + ", ".join(f"d{z}" for z in zs) + " = " + ", ".join(f"n{z}" for z in zs))
    lines.append("        append((" + ", ".join(f"p{z}" for z in zs) + ",))")
    lines.append("    return [" + ", ".join(f"d{z}" for z in zs) + "], back")
    return "\n".join(lines) + "\n"


def _move_costs(p: Mapping[str, float]) -> tuple[float, ...]:
    """The penalties of the charged zone moves, in the order ``_zone_code`` numbers them."""
    return tuple(p[cost] for src in Zone for cost in _MOVES[src].values() if cost)


_zone_namespace: dict[str, Any] = {"zip": zip, "next": next}
exec(compile(_zone_code(), "<articleparse.decoder zone viterbi>", "exec"), _zone_namespace)
_zone_run = _zone_namespace["run"]
_ZONES = tuple(Zone)


def _tail_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
               p: Mapping[str, float]) -> None:
    """Move a short last body run that follows an interruption to the page's end (in place).

    A line of prose after the article's last paragraph and a share bar or teaser ("Support
    our work", "Sign in to comment", an author's one-line bio) is page furniture: the
    last run of at most ``tail_units`` body units, when non-body units stand between it
    and the body before it, takes the best label of the ``POST`` zone.
    """
    body = [i for i, lb in enumerate(labels) if lb is L.BODY]
    n_tail = int(p["tail_units"])
    if len(body) < n_tail + 2:
        return
    # the last run of body units with no interruption between them
    k = len(body) - 1
    while k > 0 and body[k] - body[k - 1] == 1:
        k -= 1
    run = body[k:]
    if k == 0 or len(run) > n_tail or body[k] - body[k - 1] < 2:
        return
    for i in run:
        _move(scores, zones, labels, i, Zone.POST)


def _strong_prose(row: Sequence[float], least: float, margin: float) -> bool:
    """Whether a unit's body score is at least ``least`` and beats every other label's by ``margin``
    (``lead_body_min``, ``lead_body_margin``: the lead and standfirst passes' strong prose)."""
    b = LABEL_INDEX[L.BODY]
    mine = row[b]
    return mine >= least and mine - max(row[:b] + row[b + 1:]) >= margin


def _lead_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
               p: Mapping[str, float]) -> None:
    """Give back to the body the strong prose the zone pass left above it (in place).

    The body is one stretch, so when a list, a form, a fact box or a gallery splits an
    article, the zone pass keeps the longer part and reads the text above the split as
    the page's top (teasers, navigation). A unit in ``PRE`` above the body's first unit
    whose body score is at least ``lead_body_min`` and beats every other label by
    ``lead_body_margin`` is body, unless it is a teaser's snippet: a related-snippet
    right after a related-title, with no such strong prose unit within two units of it. An
    article's paragraphs come in runs, also when a subheading stands between two of them
    (paragraph, subheading, paragraph); a teaser's snippet stands alone between titles.
    The strong units form runs bottom up, parted where more than ``lead_reach`` units stand between
    two of them (or the lowest and the body); a run of at most ``lead_far_units`` units beyond such a
    gap whose body score is under ``lead_far_share`` of the body's stays out: a browser or cookie
    notice, a site's tagline at the page's top, far above the article.
    """
    b = LABEL_INDEX[L.BODY]
    start = next((i for i, lb in enumerate(labels) if lb is L.BODY), None)
    if start is None:
        return
    lo, margin = p["lead_body_min"], p["lead_body_margin"]
    strong = set()
    for i in range(start):
        if zones[i] is not Zone.PRE:
            continue
        if _strong_prose(scores[i], lo, margin):
            strong.add(i)
    # runs of strong prose, bottom up, split where more than lead_reach units stand between two of them
    reach = p["lead_reach"]
    groups: list[list[int]] = []
    below = start
    for i in sorted(strong, reverse=True):
        teaser = labels[i] is L.RELATED_SNIPPET and i > 0 and labels[i - 1] is L.RELATED_TITLE
        if teaser and not strong.intersection((i - 2, i - 1, i + 1, i + 2)):
            continue
        if not groups or below - i - 1 > reach:
            groups.append([])
        groups[-1].append(i)
        below = i
    if not groups:
        return
    body = sum(max(0.0, scores[i][b]) for i, lb in enumerate(labels) if lb is L.BODY)
    near = start - groups[0][0] - 1 <= reach
    for k, group in enumerate(groups):
        if ((k or not near) and len(group) <= p["lead_far_units"]
                and sum(scores[i][b] for i in group) < p["lead_far_share"] * body):
            continue
        for i in group:
            labels[i] = L.BODY
            zones[i] = Zone.BODY


#: Labels whose evidence takes a unit out of the body when it beats the body's (see ``_cut_pass``).
_CUT_LABELS = tuple(LABEL_INDEX[lb] for lb in (L.RELATED_SECTION, L.FOOTER, L.CAPTION, L.AD, L.COMMENT,
                                               L.BOILERPLATE, L.SHARE))
#: The labels a cut label must beat: all but the headline, which cannot stand inside the body (a caption is
#: title-shaped and often repeats the text's words, so its headline votes run high).
_CUT_RIVALS = tuple(LABEL_INDEX[lb] for lb in LABELS if lb is not L.HEADLINE)


def _rival(row: Sequence[float]) -> float:
    """The best score of ``row`` among the labels a cut label must beat (``_CUT_RIVALS``)."""
    return max(row[q] for q in _CUT_RIVALS)


def _cut_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
              p: Mapping[str, float], list_titles: Sequence[bool] | None = None) -> set[int]:
    """Take out of the body the headings, captions, credits, ad labels and appeals inside it (in place).

    The zone pass keeps a one-line interruption in the body when leaving the body for it
    costs more than the line's own votes gain (``enter_cruft`` and ``zone_cost_cruft``).
    A body unit whose best label, the headline aside, is related-section, footer, caption,
    ad, comment, boilerplate or share, by at least ``cut_margin`` over its body score and
    with a score of at least ``cut_min``, takes that label (zone ``CRUFT``). After a
    related-section heading ("Related Coverage", "Lesen Sie auch:"), the next body units
    whose best label is not body, up to ``cut_teaser_reach`` of them, are its teaser titles;
    so are the list items under it that do not end with a full stop (``list_titles``),
    whatever their votes: a dump that prints the list's bullets (``* Title``) gives its teaser
    titles the body votes of a list in the text, where a browser copy prints bare title
    lines; a list of sentences under a heading the rules misread (``Empfehlungen``) stays.
    A unit whose comment score reaches ``cut_comment`` (a rule of weight 5 read the head, form
    or rules of a comment section: ``Please understand that comments are moderated …``) is a
    comment line even when its body votes lead by up to ``cut_comment_allowance``: such lines
    are whole sentences, so their prose votes run as high as a paragraph's.
    A unit whose related-title score reaches ``cut_teaser`` and beats its body score by
    ``cut_margin`` and every other label's, the headline aside, is an inline teaser
    (``À lire aussi » Ballonnements, lourdeurs…``, ``PUEDES VER: ¿Qué es la Sunedu…?``: a
    language pack's weight-5 rule read a related-story label and a title on one line); a
    title-shaped line's own teaser vote (``core:RL010``) stays far below it, so subheadings stay.
    Returns the units it took out (the detach pass reads the article's runs across them).
    """
    b = LABEL_INDEX[L.BODY]
    c = LABEL_INDEX[L.COMMENT]
    n = len(labels)
    margin, reach, least = p["cut_margin"], int(p["cut_teaser_reach"]), p["cut_min"]
    strong, allowance = p["cut_comment"], p["cut_comment_allowance"]
    rt, teaser = LABEL_INDEX[L.RELATED_TITLE], p["cut_teaser"]
    out: set[int] = set()

    def cut(i: int, label: Label) -> None:
        labels[i] = label
        zones[i] = Zone.CRUFT
        out.add(i)

    i = 0
    while i < n:
        if labels[i] is not L.BODY:
            i += 1
            continue
        row = scores[i]
        k = max(_CUT_LABELS, key=row.__getitem__)
        if row[k] - row[b] < margin or row[k] < least or row[k] < _rival(row):
            if row[c] >= strong and row[c] - row[b] >= -allowance:
                cut(i, L.COMMENT)
            elif row[rt] >= teaser and row[rt] - row[b] >= margin and row[rt] >= _rival(row):
                cut(i, L.RELATED_TITLE)
            i += 1
            continue
        cut(i, LABELS[k])
        i += 1
        if LABELS[k] is L.RELATED_SECTION:
            end = min(n, i + reach)
            while i < end and labels[i] is L.BODY and (scores[i][b] < max(scores[i]) or list_titles and list_titles[i]):
                cut(i, L.RELATED_TITLE)
                i += 1
    return out


#: Every label but body (the trim pass asks whether one of them beats a unit's body votes).
_NOT_BODY = tuple(LABEL_INDEX[lb] for lb in LABELS if lb is not L.BODY)
_COMMENT = LABEL_INDEX[L.COMMENT]

#: What a list, table or code block inside the article reads as when the zones leave it out of the body.
_LIST_LABELS = (L.RELATED_TITLE, L.NAVIGATION)


def _list_pass(zones: list[Zone], labels: list[Label], p: Mapping[str, float],
               lead_ins: Sequence[bool] | None = None) -> None:
    """Give the body back the list, table or code a body unit introduces with a colon (in place).

    Short lines of a list (ingredients, specifications), a table's rows or a code block inside
    the article are title-shaped or menu-like, so the zone pass interrupts the body for them
    (``CRUFT``, as teaser titles or navigation). When a body unit ends in a colon (``lead_ins``:
    `Your Dockerfile might then look like this:`) and the next body unit comes after at most
    ``list_reach`` units that are all such an interruption, those units are body.
    """
    if not lead_ins:
        return
    n = len(labels)
    reach = int(p["list_reach"])
    i = 0
    while i < n:
        if labels[i] is not L.BODY or not lead_ins[i]:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= reach and zones[j] is Zone.CRUFT and labels[j] in _LIST_LABELS:
            j += 1
        if i + 1 < j < n and labels[j] is L.BODY:
            for k in range(i + 1, j):
                labels[k] = L.BODY
                zones[k] = Zone.BODY
        i = j if j > i + 1 else i + 1


def _trim_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
               sentences: Sequence[bool] | None = None) -> None:
    """Move the title-shaped lines at the body's very end to the page's end (in place).

    A subheading stands above the paragraph it heads, so a body unit with no body after it
    whose body score is not its best (title-shaped: its headline, teaser or navigation votes
    lead) and that does not read as a sentence (``sentences``) is the page's furniture: a
    teaser's title (`Weitere aktuelle Themen aus der Arbeitswelt`, `Next: Elegantly activating
    a virtualenv in a Dockerfile`), a section heading or a call to action the zone pass kept
    because the article's prose paid for it. From the last body unit backwards, each such unit
    takes the best label of the ``POST`` zone, in zone ``POST``; the first body unit that is not
    such a line stops the pass, and one body unit always stays.
    """
    body = [i for i, lb in enumerate(labels) if lb is L.BODY]
    for i in reversed(body[1:]):
        if (sentences and sentences[i]) or _body_leads(scores[i]):
            return
        _move(scores, zones, labels, i, Zone.POST)


def _detach_pass(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label],
                 p: Mapping[str, float], lead_ins: Sequence[bool] | None = None,
                 bridged: frozenset[int] | set[int] = frozenset()) -> None:
    """Move the body that stands far behind the article's main run to the page's end (in place).

    The main run is the run of consecutive body units with the highest total body score; a
    unit the cut pass took out of the body (``bridged``: a credit, a separator, an appeal
    inside the article) does not break a run, it only adds nothing to its score. After the
    main run, the first body unit that follows ``detach_gap`` or more non-body units ends
    the article: it and every body unit after it take the best label of the ``POST`` zone
    (an author's box, a newsletter or donation appeal, a teaser's text, comments).
    Then the same walk runs again with the title-shaped body units (body score not their best:
    teaser titles the zone pass kept in the body) counted in the gap instead of the runs; it
    moves a rest of at most ``detach_title_units`` units (a teaser's text, an appeal after a
    list of teaser titles), since an article's own list or code block is title-shaped too.
    """
    body = [i for i, lb in enumerate(labels) if lb is L.BODY]
    _detach(scores, zones, labels, p, body, body, p["detach_units"], lead_ins, bridged)
    body = [i for i, lb in enumerate(labels) if lb is L.BODY]
    held = [i for i in body if _body_leads(scores[i])]
    _detach(scores, zones, labels, p, body, held, p["detach_title_units"], lead_ins, bridged)


def _detach(scores: Sequence[Sequence[float]], zones: list[Zone], labels: list[Label], p: Mapping[str, float],
            body: list[int], held: list[int], most: float, lead_ins: Sequence[bool] | None,
            bridged: frozenset[int] | set[int]) -> None:
    """One walk of the detach pass: the runs are made of the ``held`` body units, a rest of at most ``most``."""
    b = LABEL_INDEX[L.BODY]
    if len(held) < 2:
        return
    runs: list[list[int]] = []
    for i in sorted(set(held) | set(bridged)) if bridged else held:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if bridged:
        runs = [[i for i in run if i not in bridged] for run in runs]
        runs = [run for run in runs if run]
    main = max(range(len(runs)), key=lambda r: sum(scores[i][b] for i in runs[r]))
    gap = int(p["detach_gap"])
    last = runs[main][-1]
    cut = None
    for run in runs[main + 1:]:
        if run[0] - last - 1 >= gap and not (lead_ins and lead_ins[last]):
            cut = run[0]
            break
        last = run[-1]
    if cut is None:
        return
    # a long article split by a table or a list goes on after the gap: only a short rest is furniture
    tail = [i for i in held if i >= cut]
    rest = sum(scores[i][b] for i in tail if scores[i][b] > 0)
    if len(tail) > most or rest >= p["detach_share"] * sum(scores[i][b] for i in runs[main]):
        return
    for i in body:
        if i >= cut:
            _move(scores, zones, labels, i, Zone.POST)


def _zone_viterbi(scores: Sequence[Sequence[float]], p: Mapping[str, float]) -> list[Zone]:
    """The best zone path: Viterbi over ``_MOVES`` (one state per zone)."""
    n = len(scores)
    columns = list(zip(*scores))  # columns[label index] = that label's score on every unit
    em = []
    for z in Zone:
        # a zone's emission: the best of its labels' scores (first best, as max picks it), less its cost
        idx = _ZONE_LABEL_IDX[z]
        best = list(map(max, *(columns[k] for k in idx))) if len(idx) > 1 else columns[idx[0]]
        cost = p[_ZONE_COST[z]] if z in _ZONE_COST else 0.0
        em.append(list(map(operator.sub, best, itertools.repeat(cost, n))))
    start_cost = tuple((p[_STARTS[z]] if _STARTS[z] else 0.0) if z in _STARTS else 0.0 for z in Zone)
    delta, back = _zone_run(em, -math.inf, _move_costs(p), start_cost)
    z = delta.index(max(delta))  # the first zone with the best score, as max(range, key) picks it
    zones = _ZONES
    path = [zones[z]] * n
    for t in range(n - 1, 0, -1):
        path[t] = zones[z]
        z = back[t][z]
    path[0] = zones[z]
    return path


def _label_specials(allowed: tuple[int, ...], bonus: Mapping[tuple[Label, Label], float]
                    ) -> tuple[tuple[int, tuple[tuple[int, float], ...]], ...]:
    """The teaser-grammar transitions among ``allowed``: ``(b, ((a, bonus), ...))`` for each b that has any."""
    k = len(allowed)
    special: list[list[tuple[int, float]]] = [[] for _ in range(k)]
    for a in range(k):
        for b in range(k):
            v = bonus.get((LABELS[allowed[a]], LABELS[allowed[b]]), 0.0)
            if v:
                special[b].append((a, v))
    return tuple((b, tuple(sp)) for b, sp in enumerate(special) if sp)


def _label_viterbi(scores: Sequence[Sequence[float]], i: int, j: int, allowed: tuple[int, ...],
                   bonus: Mapping[tuple[Label, Label], float],
                   special: tuple[tuple[int, tuple[tuple[int, float], ...]], ...] | None = None) -> list[Label]:
    k = len(allowed)
    # transitions are free except for the few label pairs of the teaser grammar
    if special is None:
        special = _label_specials(allowed, bonus)
    if k == 1:
        def get(row, _i=allowed[0]):  # noqa: E306 - itemgetter of one index returns a bare value
            return (row[_i],)
    else:
        get = operator.itemgetter(*allowed)
    delta = list(get(scores[i]))
    back = []
    for t in range(i + 1, j + 1):
        row = get(scores[t])
        top_v = max(delta)
        top = delta.index(top_v)  # the first best label, as max(range, key) picks it
        new = [top_v + x for x in row]
        ptr = [top] * k
        for b, pairs in special:
            best, arg = top_v, top
            for a, v in pairs:
                x = delta[a] + v
                if x > best:
                    best, arg = x, a
            new[b] = best + row[b]
            ptr[b] = arg
        delta = new
        back.append(ptr)
    s = delta.index(max(delta))
    out = [s]
    for ptr in reversed(back):
        s = ptr[s]
        out.append(s)
    out.reverse()
    return [LABELS[allowed[x]] for x in out]


def standfirst_pass(decoded: Decoded, scores: Sequence[Sequence[float]],
                    params: Mapping[str, Any] | None = None) -> Decoded:
    """Give back to the body the strong prose right under the headline that the lead pass read as a teaser's
    snippet (run after the headline ranker; session 11).

    The lead pass keeps a related-snippet right after a related-title out of the body (a teaser's text under its
    title). When the headline ranker has made that title the page's headline against the decoder's choice
    (``decoded.ranked``), the unit under it is the article's
    standfirst (``Schnee belastet Solarmodule …`` / ``Eine Schneedecke auf der Photovoltaikanlage sorgt …``): when
    it is labelled related-snippet and is strong prose (body score at least ``lead_body_min`` and beating every
    other label by ``lead_body_margin``), it becomes body.
    """
    p = _params(params)
    labels = decoded.labels
    heads = [i for i, lb in enumerate(labels) if lb is L.HEADLINE]
    if (len(heads) != 1 or heads[0] != decoded.ranked or heads[0] + 1 >= len(labels)
            or labels[heads[0] + 1] is not L.RELATED_SNIPPET):
        return decoded
    i = heads[0] + 1
    row = scores[i]
    if not _strong_prose(row, p["lead_body_min"], p["lead_body_margin"]):
        return decoded
    b = LABEL_INDEX[L.BODY]
    new_labels = list(labels)
    zones = list(decoded.zones)
    conf = list(decoded.confidence)
    new_labels[i], zones[i] = L.BODY, Zone.BODY
    conf[i] = confidence(row, b)
    return attrs.evolve(decoded, zones=tuple(zones), labels=tuple(new_labels), confidence=tuple(conf))
