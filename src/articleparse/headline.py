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
- its headline score against the best candidate's and its neighbours'.

The score is ``sum(weight * (value - mean) / scale)`` over the facts, with the means,
scales and weights in the core pack's ``[params.headline_rank]`` table (one
``name = [mean, scale, weight]`` entry per fact). The weights were fitted once, as a
conditional logit over the candidates of each page, on the trafilatura dev pages of all
five dump styles, five-fold cross-validated by page; the table is data, so a pack can
replace it. The best candidate becomes the headline (a body unit only when two or more body
units follow it, so a short text is never emptied); the old headline goes back to its
best label of the page's top. When the ranker overrides the decoder this way, the new
headline's line lists ``rank:headline`` among its rules, so ``explain`` shows who decided.
Nothing happens when the table is missing or empty.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from .decoder import LABEL_INDEX, LABELS, ZONE_LABELS, Decoded, Zone, confidence
from .errors import PackError
from .features import Features
from .model import Label

__all__ = ["rank_headline", "candidate_facts", "compile_model", "FACT_NAMES"]

_H = LABEL_INDEX[Label.HEADLINE]
_B = LABEL_INDEX[Label.BODY]
_PRE = tuple(LABEL_INDEX[lb] for lb in ZONE_LABELS[Zone.PRE])


#: Every fact ``candidate_facts`` computes, the names a ``[params.headline_rank]`` table may use.
FACT_NAMES: tuple[str, ...] = tuple(lb.value for lb in LABELS) + (
    "dist", "logdist", "at_fb", "in_body", "rank", "top", "gap", "nw", "lognc", "ends_sent", "ends_colon",
    "bullet", "seps", "ov_share", "ov_n", "nws", "current", "lab_nav", "lab_rt", "lab_rs", "lab_body", "lab_sf",
    "upper", "prev_h", "next_h", "next_body", "headline*logdist", "ov_share*nws", "lognc^2", "nw^2", "dist^2",
    "gap^2", "current*gap", "ov_share*logdist", "in_body*body", "lab_rt*logdist",
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


def _model(model: Any) -> tuple[tuple[str, float, float, float], ...]:
    """``compile_model`` once per table object."""
    hit = _COMPILED.get(id(model))
    if hit is None or hit[0] is not model:
        hit = _COMPILED[id(model)] = (model, compile_model(model))
    return hit[1]


def candidate_facts(scores: Sequence[Sequence[float]], labels: Sequence[Label],
                    features: Sequence[Features], window: int) -> tuple[list[int], list[dict[str, float]]]:
    """The headline candidates of a decoded page and the named facts of each.

    Returns ``(units, facts)``; both are empty when the page has no body.
    """
    n = len(labels)
    start = next((i for i in range(n) if labels[i] is Label.BODY), None)
    if start is None:
        return [], []
    current = next((i for i in range(n) if labels[i] is Label.HEADLINE), None)
    cands = [i for i in range(max(0, start - window), min(n, start + 3)) if scores[i][_H] > 0]
    if current is not None and current not in cands:
        cands.append(current)
    if not cands:
        return [], []
    body: Counter[str] = Counter()
    for i in range(n):
        if labels[i] is Label.BODY:
            body.update(features[i].content_words)
    heads = sorted((scores[i][_H] for i in cands), reverse=True)
    facts = []
    for i in cands:
        row = scores[i]
        f = features[i]
        words = f.content_words
        own = 1 if labels[i] is Label.BODY else 0
        shared = sum(1 for w in words if body[w] - own > 0)
        dist = start - i
        lab = labels[i]
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
        )
        # products and squares the linear score needs
        x.update({
            "headline*logdist": x["headline"] * x["logdist"], "ov_share*nws": x["ov_share"] * x["nws"],
            "lognc^2": x["lognc"] ** 2, "nw^2": x["nw"] ** 2 / 100, "dist^2": x["dist"] ** 2 / 100,
            "gap^2": x["gap"] ** 2, "current*gap": x["current"] * x["gap"],
            "ov_share*logdist": x["ov_share"] * x["logdist"], "in_body*body": x["in_body"] * x["body"],
            "lab_rt*logdist": x["lab_rt"] * x["logdist"],
        })
        facts.append(x)
    return cands, facts


def rank_headline(decoded: Decoded, scores: Sequence[Sequence[float]], features: Sequence[Features],
                  params: Mapping[str, Any]) -> Decoded:
    """Re-choose the headline of a decoded page with the ``headline_rank`` model (see module doc)."""
    model = params.get("headline_rank")
    if not model:
        return decoded
    labels = list(decoded.labels)
    cands, facts = candidate_facts(scores, labels, features, int(params.get("headline_rank_window", 25)))
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
        value = 0.0
        for name, mean, scale, weight in rows:
            value += weight * (x[name] - mean) / scale
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
