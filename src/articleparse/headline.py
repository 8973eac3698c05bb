"""Stage 4b: rank the headline candidates above the body with a small linear model.

The decoder's headline pass (``decoder._headline_pass``) picks the title-shaped line with
the widest margin over its rival labels, less a little per unit of distance from the body.
That rule of thumb misses often: a kicker, a caption or a teaser title between the title
and the text wins on margin alone. This pass looks at every candidate again, the units
up to ``headline_rank_window`` above the body's first unit and two into it whose headline
score is positive, and scores each with named facts:

- its rules' totals for every label (``headline``, ``body``, ``caption`` ...);
- where it stands: units from the body's start, in the body or not, its label after the
  decoder, whether the decoder chose it;
- its shape: words, characters, sentence end, colon end, bullet, separators, capitals;
- how its content words recur in the body the decoder found (a title names its subject);
- its headline score against the best candidate's and its neighbours';
- the page's layout: blank lines around it and its indent, apart for pages of a text-mode
  renderer (lynx, w3m, inscriptis set headings apart with blank lines and indent lists) and
  for browser copies (where a blank line marks a paragraph).
- where the page prints its text again: whole, at the end of a longer line (a breadcrumb's
  last crumb), above it (a menu) or below it (a "Comments on ..." line, a footer), next to it;
- the main facts again for pages that are not laid out as text (browser copies, lxml), so that
  the fit weighs them apart there.

A short line further up that the page prints again under its text or as a breadcrumb's last
crumb is a candidate too: a page's own name stands in its menu.
So is one of the body's first three units when it reads as a title (one short sentence over a
longer body unit, with no title right above it): a title that ends in a full stop reads as the
first paragraph to the decoder.

The score is ``sum(weight * (value - mean) / scale)`` over the facts, with the means,
scales and weights in the core pack's ``[params.headline_rank]`` table (one
``name = [mean, scale, weight]`` entry per fact). The weights were fitted once, as a
conditional logit over the candidates of each page, on the trafilatura dev pages of all
five dump styles, five-fold cross-validated by page; the table is data, so a pack can
replace it. The best candidate becomes the headline (a body unit only when two or more body
units follow it, so a short text is never emptied; never a line the decoder labelled byline
or date, which would take the page's author or date with it); the old headline goes back to its
best label of the page's top. When the ranker overrides the decoder this way, the new
headline's line lists ``rank:headline`` among its rules, so ``explain`` shows who decided.
Nothing happens when the table is missing or empty.
"""

from __future__ import annotations

import math

import regex
from collections import Counter
from itertools import islice
from collections.abc import Mapping, Sequence
from typing import Any

from .decoder import LABEL_INDEX, LABELS, ZONE_LABELS, Decoded, Zone, confidence
from .errors import PackError
from .features import Features
from .model import Label

__all__ = ["rank_headline", "candidate_facts", "candidate_score", "compile_model", "FACT_NAMES"]

_H = LABEL_INDEX[Label.HEADLINE]
_B = LABEL_INDEX[Label.BODY]
_D = LABEL_INDEX[Label.DATE]
_PRE = tuple(LABEL_INDEX[lb] for lb in ZONE_LABELS[Zone.PRE])
_KEEP = frozenset((Label.BYLINE, Label.DATE))  # labels the ranker does not take a headline from
_NEAR = 6  # units above the body where a candidate needs no title vote
_LAID_OUT_SHARE = 0.1  # the share of indented units that marks a text-mode rendering ...
_BULLET_SHARE = 0.02  # ... with this share of bulleted units (a browser copy prints no bullets)


#: The main facts that ``candidate_facts`` also gives again as ``tt*NAME`` for pages not laid out as text.
_TT_FACTS = ("logdist", "nav_above", "meta_below", "lab_rt", "headline", "lognc", "ov_first", "echo_sub", "lab_nav",
             "closest_above_meta", "date_below")

#: Every fact ``candidate_facts`` computes, the names a ``[params.headline_rank]`` table may use.
FACT_NAMES: tuple[str, ...] = tuple(lb.value for lb in LABELS) + (
    "dist", "logdist", "at_fb", "in_body", "rank", "top", "gap", "nw", "lognc", "ends_sent", "ends_colon",
    "bullet", "seps", "ov_share", "ov_n", "nws", "current", "lab_nav", "lab_rt", "lab_rs", "lab_body", "lab_sf",
    "upper", "prev_h", "next_h", "next_body", "headline*logdist", "ov_share*nws", "lognc^2", "nw^2", "dist^2",
    "gap^2", "current*gap", "ov_share*logdist", "in_body*body", "lab_rt*logdist",
    "echo", "next_ratio", "prev_ratio", "meta_below", "meta_above", "next_longer_nosent",
    "meta_near", "rt_run", "nav_above", "cap_below", "closest_above_meta", "mdist", "before_main",
    "prev_cand_shorter", "next_cand_longer", "prev_h_pos", "echo_sub",
    "ov_first",
    "sp_before", "sp_after", "sp_bb", "sp_indent", "tt_before", "tt_after", "tt_bb", "tt_indent",
    "echo_end", "echo_far", "echo_down", "echo_up", "longest_above", "dup_adj",
    *("tt*" + name for name in _TT_FACTS), "tt",
    "date_below",
)

_COMPILED: dict[int, tuple[Any, tuple[tuple[str, float, float, float], ...]]] = {}


def compile_model(model: Any) -> tuple[tuple[str, float, float, float], ...]:
    """Check a ``[params.headline_rank]`` table and return its ``(fact, mean, scale, weight)`` rows.

    Raises ``PackError`` naming the entry and the fix when a fact is unknown or an entry is
    not three numbers with a positive scale.
    """
    if not isinstance(model, Mapping):
        raise PackError(f"params.headline_rank is {type(model).__name__}, not a table; "
                        "write it as a [params.headline_rank] table of fact = [mean, scale, weight]")
    rows = []
    for name, entry in model.items():
        if name not in FACT_NAMES:
            raise PackError(f"params.headline_rank.{name} is not a fact the headline ranker computes; "
                            f"use one of {', '.join(FACT_NAMES)}")
        ok = (isinstance(entry, (list, tuple)) and len(entry) == 3
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in entry))
        if not ok or entry[1] <= 0:
            raise PackError(f"params.headline_rank.{name} is {entry!r}; "
                            "write it as [mean, scale, weight] with numbers and a scale above 0")
        rows.append((name, float(entry[0]), float(entry[1]), float(entry[2])))
    return tuple(rows)


def candidate_score(rows: Sequence[tuple[str, float, float, float]], facts: Mapping[str, float]) -> float:
    """A candidate's score under a table's ``rows`` (:func:`compile_model`): the sum of
    ``weight * (value - mean) / scale`` over the rows, in their order."""
    value = 0.0
    for name, mean, scale, weight in rows:
        value += weight * (facts[name] - mean) / scale
    return value


def _model(model: Any) -> tuple[tuple[str, float, float, float], ...]:
    """``compile_model`` once per table object."""
    hit = _COMPILED.get(id(model))
    if hit is None or hit[0] is not model:
        hit = _COMPILED[id(model)] = (model, compile_model(model))
    return hit[1]


def _longest_run_start(labels: Sequence[Label], features: Sequence[Features], start: int) -> int:
    """The first unit of the body's longest run (body units at most three apart, most characters).

    The body's first unit is sometimes a cookie notice or a registration box far above the article.
    """
    main, best, run_start, run_chars, last = start, -1, start, 0, -10
    for i in range(start, len(labels)):
        if labels[i] is Label.BODY:
            if i - last > 3:
                run_start, run_chars = i, 0
            run_chars += features[i].n_chars
            last = i
            if run_chars > best:
                main, best = run_start, run_chars
    return main


def _bare_name(f: Features) -> bool:
    """A short line that can name a page: at most 20 words, two letters or more, and not a
    comma-separated list (tags, keywords: three commas or more)."""
    return f.n_words <= 20 and f.text.count(",") < 3 and sum(ch.isalpha() for ch in f.text[:40]) >= 2


_SENTENCE_INSIDE = regex.compile(r"[.!?…]\s+\S")


def _title_start(f: Features) -> bool:
    """A line that can open as a title: it starts with a capital, a digit or a quotation mark (not a lowercase
    continuation, not an ellipsis), holds one sentence at most and no comma, and is not a statement of prose, a
    line that ends in a full stop and opens with a stop word ("The website is hosted by …", "Ich war …")."""
    text = f.text
    first = text[:1]
    if "," in text or (text.endswith(".") and f.opens_with_stopword):
        return False
    return (first.isupper() or first.isdigit() or first in "\"'„“«‚‘") and not _SENTENCE_INSIDE.search(text)


def candidate_facts(scores: Sequence[Sequence[float]], labels: Sequence[Label],
                    features: Sequence[Features], window: int,
                    units: Sequence[Any] | None = None) -> tuple[list[int], list[dict[str, float]]]:
    """The headline candidates of a decoded page and the named facts of each.

    Returns ``(units, facts)``; both are empty when the page has no body.
    """
    n = len(labels)
    start = next((i for i in range(n) if labels[i] is Label.BODY), None)
    if start is None:
        return [], []
    current = next((i for i in range(n) if labels[i] is Label.HEADLINE), None)
    main = _longest_run_start(labels, features, start)
    anchors = (start,) if main == start else (start, main)
    pool: set[int] = set()
    for a in anchors:
        pool.update(i for i in range(max(0, a - window), min(n, a + 3)) if scores[i][_H] > 0)
        # a short line right above the text is a candidate even when no rule called it a
        # title: topic pages head their text with a bare name ("Baumgutachten")
        pool.update(i for i in range(max(0, a - _NEAR), a)
                    if scores[i][_H] > -1 and _bare_name(features[i]) and labels[i] is not Label.BODY)
    # how often each text occurs on the page: a title is often printed again (breadcrumb,
    # "latest" list, share line), a dek or a caption rarely
    folded = [f.text.casefold() for f in features]
    seen: Counter[str] = Counter(folded)
    # ... or inside a longer line: a breadcrumb, "Sie sind hier: > TITLE", a share text
    page_text = "\n".join(folded)
    # ... or at the end of a longer line (a breadcrumb's last crumb): the lines by their last word
    by_last: dict[str, list[int]] = {}
    where: dict[str, list[int]] = {}  # the units of each text
    for k, t in enumerate(folded):
        by_last.setdefault(t.rsplit(" ", 1)[-1], []).append(k)
        where.setdefault(t, []).append(k)

    def ends(t: str) -> int:
        """How many longer lines end with ``t``."""
        return sum(1 for k in by_last.get(t.rsplit(" ", 1)[-1], ())
                   if len(folded[k]) > len(t) and folded[k].endswith(t))

    # a short line further up that the page prints again, whole further down or as the end of a longer
    # line (a breadcrumb's last crumb): a page's own name in its menu, printed again under its text
    for a in anchors:
        pool.update(i for i in range(max(0, a - window), a - _NEAR)
                    if scores[i][_H] > -1 and labels[i] is not Label.BODY and len(folded[i]) >= 4
                    and (where[folded[i]][-1] >= start or ends(folded[i]) > 0)
                    and not features[i].is_bullet and _bare_name(features[i]))
    # the first units of the body when they read as a title (a short line over a longer body unit): a decoder
    # that starts the body one unit early takes a title ending in a full stop or a question for a paragraph
    opened: set[int] = set()
    for a in anchors:
        for i in range(a, min(n, a + 3)):
            f = features[i]
            if (i not in pool and labels[i] is Label.BODY and i + 1 < n and labels[i + 1] is Label.BODY
                    and 2 <= f.n_words <= 16 and _bare_name(f) and not f.is_bullet and not f.ends_colon
                    and features[i + 1].n_words > f.n_words and _title_start(f)
                    and (i == a or labels[i - 1] is not Label.BODY) and not (i > 0 and scores[i - 1][_H] > 0)):
                opened.add(i)
    pool |= opened
    cands = sorted(pool)
    if current is not None and current not in cands:
        cands.append(current)
    if not cands:
        return [], []
    body: Counter[str] = Counter()
    for i in range(n):
        if labels[i] is Label.BODY:
            body.update(features[i].content_words)
    # the words of the main run's first two units: a title names what the text opens with
    first: set[str] = set()
    for i in islice((k for k in range(main, n) if labels[k] is Label.BODY), 2):
        first.update(features[i].content_words)
    heads = sorted((scores[i][_H] for i in cands), reverse=True)
    # where each unit starts in page_text: what recurs above a line and what below it
    offs = [0] * (n + 1)
    for k in range(n):
        offs[k + 1] = offs[k] + len(folded[k]) + 1
    # the longest title-shaped candidate above the text
    above = [i for i in cands if i < start and scores[i][_H] > 0 and not features[i].ends_sentence]
    longest = max(above, key=lambda i: features[i].n_chars) if above else None
    meta = [lb is Label.DATE or lb is Label.BYLINE for lb in labels]
    dated = [scores[k][_D] > 0 and labels[k] is not Label.BODY for k in range(n)]
    # the candidate closest above each date or byline: the title usually sits right over them
    cset = set(cands)
    over_meta: set[int] = set()
    for j in range(n):
        if meta[j] and (j == 0 or not meta[j - 1]):
            k = next((k for k in range(j - 1, max(-1, j - 7), -1) if k in cset), None)
            if k is not None:
                over_meta.add(k)
    # blank lines around a unit: in a browser copy they mark a paragraph (<p>), in a text-mode
    # dump a heading or a paragraph rather than a menu or list item
    if units is not None and len(units) == n:
        b_before = [i > 0 and units[i].first - units[i - 1].last > 1 for i in range(n)]
        b_after = b_before[1:] + [True]
        indented = [units[i].indent > 0 for i in range(n)]
    else:
        b_before = b_after = indented = [False] * n
    # a text-mode rendering (lynx, w3m, inscriptis) indents and bullets its lists and sets headings
    # apart with blank lines; a browser copy indents nothing, prints no bullets and gives blank
    # lines to paragraphs only
    spaced = (sum(indented) >= _LAID_OUT_SHARE * n
              and sum(1 for f in features if f.is_bullet) >= _BULLET_SHARE * n)
    facts = []
    for i in cands:
        row = scores[i]
        f = features[i]
        words = f.content_words
        own = 1 if labels[i] is Label.BODY else 0
        shared = sum(1 for w in words if body[w] - own > 0)
        dist = start - i
        lab = labels[i]
        t = folded[i]
        # how often the page prints the text, whole or inside a longer line (texts of 8 characters or more)
        total = page_text.count(t) if len(t) >= 8 else 0
        x = {lb.value: row[k] for k, lb in enumerate(LABELS)}
        x.update(
            dist=dist, logdist=math.log1p(abs(dist)), at_fb=float(i == start), in_body=float(i > start),
            rank=heads.index(row[_H]), top=float(row[_H] == heads[0]), gap=heads[0] - row[_H],
            nw=f.n_words, lognc=math.log1p(f.n_chars), ends_sent=float(f.ends_sentence),
            ends_colon=float(f.ends_colon), bullet=float(f.is_bullet), seps=f.n_separators,
            ov_share=shared / len(words) if words else 0.0, ov_n=min(shared, 8), nws=min(len(words), 12),
            current=float(i == current), lab_nav=float(lab is Label.NAVIGATION),
            lab_rt=float(lab is Label.RELATED_TITLE), lab_rs=float(lab is Label.RELATED_SNIPPET),
            lab_body=float(lab is Label.BODY), lab_sf=float(lab is Label.STANDFIRST),
            upper=float(f.text.isupper()), prev_h=scores[i - 1][_H] if i > 0 else 0.0,
            next_h=scores[i + 1][_H] if i + 1 < n else 0.0, next_body=scores[i + 1][_B] if i + 1 < n else 0.0,
            echo=min(seen[folded[i]] - 1, 3),
            echo_sub=min(total - seen[t], 3) if len(t) >= 12 else 0,
            next_ratio=math.log((features[i + 1].n_words + 1) / (f.n_words + 1)) if i + 1 < n else 0.0,
            prev_ratio=math.log((features[i - 1].n_words + 1) / (f.n_words + 1)) if i > 0 else 0.0,
            meta_below=float(any(meta[i + 1:i + 4])), meta_above=float(any(meta[max(0, i - 3):i])),
            next_longer_nosent=float(i + 1 < n and features[i + 1].n_words > f.n_words
                                     and not features[i + 1].ends_sentence and labels[i + 1] is not Label.BODY),
            meta_near=1.0 / next((d for d in range(1, 7) if i + d < n and meta[i + d]), 8),
            rt_run=sum(1 for j in range(max(0, i - 3), min(n, i + 4))
                       if j != i and labels[j] is Label.RELATED_TITLE),
            nav_above=sum(1 for j in range(max(0, i - 5), i) if labels[j] is Label.NAVIGATION),
            cap_below=float(any(labels[j] is Label.CAPTION for j in range(i + 1, min(n, i + 3)))),
            closest_above_meta=float(i in over_meta),
            ov_first=len(words & first) / len(words) if words else 0.0,
            mdist=math.log1p(abs(main - i)), before_main=float(start < i < main),
            prev_cand_shorter=float(i > 0 and scores[i - 1][_H] > 0 and features[i - 1].n_words < f.n_words),
            next_cand_longer=float(i + 1 < n and scores[i + 1][_H] > 0 and features[i + 1].n_words > f.n_words),
            prev_h_pos=float(i > 0 and scores[i - 1][_H] > 0),
        )
        # the text again elsewhere: at the end of a longer line (a breadcrumb's last crumb), far from
        # it, further down (a "Comments on ..." line, the footer, a print line) or higher up (a menu)
        x["echo_end"] = float(min(ends(t), 2)) if len(t) >= 4 else 0.0
        x["echo_far"] = float(any(abs(j - i) >= 10 for j in where[t])) if seen[t] > 1 else 0.0
        if total:
            # above it, and so below it: the unit itself is one of the ``total``
            up = page_text.count(t, 0, max(0, offs[i] - 1))
            x["echo_up"], x["echo_down"] = float(min(up, 3)), float(min(total - up - 1, 3))
        else:
            x["echo_down"] = x["echo_up"] = 0.0
        x["longest_above"] = float(i == longest)
        x["dup_adj"] = float((i > 0 and folded[i - 1] == t) or (i + 1 < n and folded[i + 1] == t))
        # a line a date rule voted for within three units under it, whatever the decoder labelled it (lxml prints
        # "AFP" / "30 avril 2015 à 07:19" on lines of their own, a browser copy "AFP 30 avril 2015 à 07:19 ...",
        # and the decoder reads either as a menu line or a teaser's snippet more often than as the date)
        x["date_below"] = float(any(dated[i + 1:i + 4]))
        # the blank-line facts, apart for the two kinds of page
        kind = "sp_" if spaced else "tt_"
        x.update({"sp_before": 0.0, "sp_after": 0.0, "sp_bb": 0.0, "sp_indent": 0.0,
                  "tt_before": 0.0, "tt_after": 0.0, "tt_bb": 0.0, "tt_indent": 0.0})
        x[kind + "before"], x[kind + "after"] = float(b_before[i]), float(b_after[i])
        x[kind + "bb"], x[kind + "indent"] = float(b_before[i] and b_after[i]), float(indented[i])
        # products and squares the linear score needs
        x.update({
            "headline*logdist": x["headline"] * x["logdist"], "ov_share*nws": x["ov_share"] * x["nws"],
            "lognc^2": x["lognc"] ** 2, "nw^2": x["nw"] ** 2 / 100, "dist^2": x["dist"] ** 2 / 100,
            "gap^2": x["gap"] ** 2, "current*gap": x["current"] * x["gap"],
            "ov_share*logdist": x["ov_share"] * x["logdist"], "in_body*body": x["in_body"] * x["body"],
            "lab_rt*logdist": x["lab_rt"] * x["logdist"],
        })
        # the main facts again on pages that are not laid out as text (a browser copy, lxml), whose
        # structure tells less: the fit weighs them apart there
        tt = x["tt"] = 0.0 if spaced else 1.0
        for name in _TT_FACTS:
            x["tt*" + name] = tt * x[name]
        facts.append(x)
    return cands, facts


def rank_headline(decoded: Decoded, scores: Sequence[Sequence[float]], features: Sequence[Features],
                  params: Mapping[str, Any], units: Sequence[Any] | None = None) -> Decoded:
    """Re-choose the headline of a decoded page with the ``headline_rank`` model (see module doc).

    ``units`` (the page's ``lines.Unit`` rows) give the blank lines and indents around each
    candidate; without them those facts are 0.
    """
    model = params.get("headline_rank")
    if not model:
        return decoded
    labels = list(decoded.labels)
    cands, facts = candidate_facts(scores, labels, features, int(params.get("headline_rank_window", 25)), units)
    if not cands:
        return decoded
    # a candidate inside the body must leave at least two body units after it
    body_after = [0] * (len(labels) + 1)
    for k in range(len(labels) - 1, -1, -1):
        body_after[k] = body_after[k + 1] + (labels[k] is Label.BODY)
    rows = _model(model)
    best, best_value = None, -math.inf
    for i, x in zip(cands, facts):
        if labels[i] is Label.BODY and body_after[i + 1] < 2:
            continue
        if labels[i] in _KEEP:
            continue  # a byline or date line keeps its label: in cross-validation 5 of 21 such picks were right
        value = candidate_score(rows, x)
        if value > best_value:
            best, best_value = i, value
    old = [i for i, lb in enumerate(labels) if lb is Label.HEADLINE]
    if best is None or old == [best]:
        return decoded
    zones = list(decoded.zones)
    conf = list(decoded.confidence)
    for i in old:
        k = max(_PRE, key=lambda k: scores[i][k])
        labels[i], zones[i] = LABELS[k], Zone.PRE
        conf[i] = confidence(scores[i], k)
    labels[best], zones[best] = Label.HEADLINE, Zone.HEADLINE
    conf[best] = confidence(scores[best], _H)
    return Decoded(tuple(zones), tuple(labels), tuple(conf), ranked=best)
