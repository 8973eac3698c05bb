"""Code rules of the Chinese pack: evidence that needs the page around a line.

Thresholds come from ``[params]`` in this pack's ``pack.toml`` through ``ctx.params``.
"""

from __future__ import annotations

import regex

from articleparse.features import Features
from articleparse.rules import Context, code_rule, line_fact


def _p(ctx: Context, name: str) -> float:
    return ctx.params[name]


# what marks a CJK line as a teaser or a menu entry rather than a clause of prose: title brackets and
# bars ('【新竹景點】', '[食記]', '《西部世界》', '｜'), angle brackets, and a cut-off end ('…', '...')
_CJK_TEASER_MARKS = regex.compile(r"[【】\[\]|｜<>＜＞《》〈〉]|(?:\.\.\.|…)$")


@line_fact
def _cjk_clause(f: Features, ctx: Context) -> bool:
    """A CJK line of running prose written without a sentence mark: long enough, rich in the language's
    function characters (的, 了, 是, 在 ...), and with no teaser or menu marks."""
    if f.n_cjk < _p(ctx, "cjk_clause_chars") or f.ends_sentence or f.is_bullet or f.n_links or f.n_separators:
        return False
    if f.cjk_function_share < _p(ctx, "cjk_clause_function_share"):
        return False
    return _CJK_TEASER_MARKS.search(f.text) is None


# a blog's prose, one clause a line with no sentence mark (written for these examples)
_CJK_PROSE_LINES = [
    "早上出門的時候天空還在下著小雨 我們沿著山路慢慢往上開",
    "到了營地才發現地上都是落葉 踩上去還會沙沙作響",
    "晚上大家圍著火堆聊天 一直聊到很晚才回帳篷睡覺",
    "第二天醒來雨已經停了 陽光從樹葉之間灑了下來",
    "我们在山上住了两天 每天都被云雾包围着",
]


@code_rule(
    id="zh:BD001", label="body", weight=3.0,
    when={"n_cjk": [12, None], "ends_sentence": False, _cjk_clause: True},
    description="Chinese prose written in short lines without sentence marks (a blog's clauses, one a "
                "line) is article text: a line of twelve CJK characters or more, rich in function characters "
                "(one-character stop words: 的, 了, 是, 在 ...) and free of teaser marks (【】, [], |, a cut-off end), among several such lines",
    match=[{"text": "這次的行程雖然短 但是讓人覺得很放鬆也很開心",
            "before": _CJK_PROSE_LINES[:3], "after": _CJK_PROSE_LINES[3:]}],
    no_match=[{"text": "這次的行程雖然短 但是讓人覺得很放鬆也很開心",
               "before": ["首頁", "部落格"], "after": ["相簿", "留言"]},
              {"text": "【台中美食】超人氣早午餐推薦，這家一定要吃的...",
               "before": _CJK_PROSE_LINES[:3], "after": _CJK_PROSE_LINES[3:]},
              {"text": "国务院召开常务会议 部署进一步扩大对外开放",
               "before": _CJK_PROSE_LINES[:3], "after": _CJK_PROSE_LINES[3:]}],
)
def cjk_clause_run(f: Features, ctx: Context) -> float:
    return 1.0 if _in_clause_run(f, ctx) else 0.0


@code_rule(
    id="zh:HL001", label="headline", weight=-2.5,
    when={"n_cjk": [12, None], "ends_sentence": False, _cjk_clause: True},
    description="A line of a run of Chinese prose clauses without sentence marks (as zh:BD001 reads them) is no "
                "headline, however title-shaped it is: it keeps the title votes (core:HL001) from outweighing its "
                "body votes",
    match=[{"text": "這次的行程雖然短 但是讓人覺得很放鬆也很開心",
            "before": _CJK_PROSE_LINES[:3], "after": _CJK_PROSE_LINES[3:]}],
    no_match=[{"text": "這次的行程雖然短 但是讓人覺得很放鬆也很開心",
               "before": ["首頁", "部落格"], "after": ["相簿", "留言"]},
              {"text": "国务院召开常务会议 部署进一步扩大对外开放",
               "before": _CJK_PROSE_LINES[:3], "after": _CJK_PROSE_LINES[3:]}],
)
def clause_is_no_title(f: Features, ctx: Context) -> float:
    return 1.0 if _in_clause_run(f, ctx) else 0.0


def _in_clause_run(f: Features, ctx: Context) -> bool:
    """The unit is a CJK clause line (``_cjk_clause``) among enough others (``cjk_clause_run`` of the
    ``cjk_clause_reach`` nearest lines with CJK characters on either side, itself counted)."""
    if not _cjk_clause(f, ctx):
        return False
    # one such line may be a teaser title that reads like a sentence ('最爱炫技的广告人，现在对VR的态度也变得谨慎起来');
    # prose comes as a run of them. The run is counted over the nearest lines with CJK characters on either
    # side: a text browser prints each photo between the clauses as a line of its own ('IMG_3886.jpg')
    reach = int(_p(ctx, "cjk_clause_reach"))
    i, feats = f.index, ctx.features
    near = 1
    for step in (-1, 1):
        seen, j = 0, i + step
        while seen < reach and 0 <= j < len(feats):
            g = feats[j]
            if g.n_cjk:
                seen += 1
                near += _cjk_clause(g, ctx)
            j += step
    return near >= _p(ctx, "cjk_clause_run")
