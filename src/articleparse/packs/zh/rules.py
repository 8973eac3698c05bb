"""Code rules of the Chinese pack: evidence that needs the page around a line.

Thresholds come from ``[params]`` in this pack's ``pack.toml`` (and the core pack's) through ``ctx.params``.
"""

from __future__ import annotations

from articleparse.features import Features
from articleparse.rules import Context, line_fact
from articleparse.rules.cjk import clause_run_rules, clause_shaped


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


# zh:BD001 (body) and zh:HL001 (no headline): a run of such clause lines is article text
CLAUSE_BODY, CLAUSE_NO_TITLE = clause_run_rules(
    "zh", "Chinese", _cjk_clause, 12,
    "Chinese prose written in short lines without sentence marks (a blog's clauses, one a "
    "line) is article text: a line of twelve CJK characters or more, rich in function characters "
    "(one-character stop words: 的, 了, 是, 在 ...) and free of teaser marks (【】, [], |, a cut-off "
    "end), among several such lines",
    example="這次的行程雖然短 但是讓人覺得很放鬆也很開心", prose=_CJK_PROSE_LINES,
    menu=(["首頁", "部落格"], ["相簿", "留言"]),
    not_prose=["【台中美食】超人氣早午餐推薦，這家一定要吃的...", "国务院召开常务会议 部署进一步扩大对外开放"],
    not_prose_for_title=["国务院召开常务会议 部署进一步扩大对外开放"],
)
