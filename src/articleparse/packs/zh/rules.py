"""Code rules of the Chinese pack: evidence that needs the page around a line.

Thresholds come from ``[params]`` in this pack's ``pack.toml`` (and the core pack's) through ``ctx.params``.
"""

from __future__ import annotations

from articleparse.features import Features
from articleparse.rules import Context, code_rule, line_fact
from articleparse.rules.cjk import clause_shaped, in_clause_run


def _p(ctx: Context, name: str) -> float:
    return ctx.params[name]


@line_fact
def _cjk_clause(f: Features, ctx: Context) -> bool:
    """A CJK line of running prose written without a sentence mark: long enough, rich in the language's
    function characters (的, 了, 是, 在 ...), and with no teaser or menu marks."""
    return clause_shaped(f, _p(ctx, "zh_clause_chars")) and f.cjk_function_share >= _p(ctx, "zh_clause_function_share")


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
                "(one-character stop words: 的, 了, 是, 在 ...) and free of teaser marks (【】, [], |, a cut-off "
                "end), among several such lines",
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
    return 1.0 if in_clause_run(f, ctx, _cjk_clause) else 0.0


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
    return 1.0 if in_clause_run(f, ctx, _cjk_clause) else 0.0

