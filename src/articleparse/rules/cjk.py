"""What the Chinese and Japanese packs share to read prose written one clause a line.

Bloggers who write Chinese or Japanese often put each clause on a line of its own, with a
blank line or a photo between, and no sentence mark (。！？) at the end. Each such line is
title-shaped, so the core rules read a post of them as a list of teaser titles. A language
pack says which lines read as clauses of prose (a ``line_fact``); :func:`in_clause_run` tells
a run of them, which is prose, from one such line among teaser titles or menu items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ..features import Features
from .base import Context, Rule, code_rule

__all__ = ["TEASER_MARKS", "clause_shaped", "clause_run_rules", "in_clause_run"]

#: What marks a CJK line as a teaser or a menu entry rather than a clause of prose: title brackets and
#: bars ('【新竹景點】', '[食記]', '《西部世界》', '｜'), angle brackets, and a cut-off end ('…', '...').
TEASER_MARKS = regex.compile(r"[【】\[\]|｜<>＜＞《》〈〉]|(?:\.\.\.|…)$")


def clause_shaped(f: Features, min_chars: float) -> bool:
    """What every clause line of either language is: ``min_chars`` CJK characters or more, no sentence end,
    no bullet, link or separator, and no teaser mark (``TEASER_MARKS``). The language's fact adds its own test."""
    return not (f.n_cjk < min_chars or f.ends_sentence or f.is_bullet or f.n_links or f.n_separators
                or TEASER_MARKS.search(f.text))


def in_clause_run(f: Features, ctx: Context, clause: Callable[[Features, Context], bool]) -> bool:
    """Unit ``f`` is a clause line (``clause``) among enough others: ``cjk_clause_run`` of it and the
    ``cjk_clause_reach`` nearest lines with CJK characters on either side of it are clause lines.

    Lines without CJK characters are passed over: a text browser prints each photo between two
    clauses as a line of its own (``IMG_3886.jpg``). The answer is kept for the page: a pack's body
    rule and its headline rule both ask it of the same units.
    """
    done = ctx.once(f"cjk_clause_run:{clause.fact_key}", dict)  # type: ignore[attr-defined]
    found = done.get(f.index)
    if found is None:
        found = done[f.index] = _in_clause_run(f, ctx, clause)
    return found


def _in_clause_run(f: Features, ctx: Context, clause: Callable[[Features, Context], bool]) -> bool:
    if not clause(f, ctx):
        return False
    reach = int(ctx.params["cjk_clause_reach"])
    i, feats = f.index, ctx.features
    near = 1
    for step in (-1, 1):
        seen, j = 0, i + step
        while seen < reach and 0 <= j < len(feats):
            g = feats[j]
            if g.n_cjk:
                seen += 1
                near += clause(g, ctx)
            j += step
    return near >= ctx.params["cjk_clause_run"]


def clause_run_rules(lang: str, language: str, clause: Callable[[Features, Context], bool], min_cjk: int,
                     body_description: str, example: str, prose: Sequence[str], menu: tuple[list[str], list[str]],
                     not_prose: Sequence[str], not_prose_for_title: Sequence[str]) -> tuple[Rule, Rule]:
    """A pack's two rules for prose written one clause a line: ``LANG:BD001`` (body, 3.0) and ``LANG:HL001``
    (headline, −2.5), both firing on a line of ``min_cjk`` CJK characters or more that ``clause`` reads as a
    clause and :func:`in_clause_run` finds among enough others.

    Their examples are built alike: ``example`` matches between the first three and the last lines of ``prose``
    and does not between the two lists of ``menu``; the lines of ``not_prose`` (of ``not_prose_for_title`` for
    the headline rule) do not match between the lines of ``prose``. Assign the two rules to module names of the
    pack's ``rules.py``, where the loader finds them.
    """
    around = {"before": list(prose[:3]), "after": list(prose[3:])}
    off_page = {"text": example, "before": menu[0], "after": menu[1]}

    def in_run(f: Features, ctx: Context) -> float:
        return 1.0 if in_clause_run(f, ctx, clause) else 0.0

    body = code_rule(
        id=f"{lang}:BD001", label="body", weight=3.0,
        when={"n_cjk": [min_cjk, None], "ends_sentence": False, clause: True},
        description=body_description,
        match=[{"text": example, **around}],
        no_match=[off_page] + [{"text": t, **around} for t in not_prose],
    )(in_run)
    title = code_rule(
        id=f"{lang}:HL001", label="headline", weight=-2.5,
        when={"n_cjk": [min_cjk, None], "ends_sentence": False, clause: True},
        description=f"A line of a run of {language} prose clauses without sentence marks (as {lang}:BD001 reads "
                    "them) is no headline, however title-shaped it is: it keeps the title votes (core:HL001) from "
                    "outweighing its body votes",
        match=[{"text": example, **around}],
        no_match=[off_page] + [{"text": t, **around} for t in not_prose_for_title],
    )(in_run)
    return body, title
