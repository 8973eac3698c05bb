"""Code rules of the Japanese pack: evidence that needs the page around a line.

Thresholds come from ``[params]`` in this pack's ``pack.toml`` (and the core pack's) through ``ctx.params``.
"""

from __future__ import annotations

import regex

from articleparse.features import Features
from articleparse.rules import Context, line_fact
from articleparse.rules.cjk import clause_run_rules, clause_shaped


def _p(ctx: Context, name: str) -> float:
    return ctx.params[name]


# how a clause of spoken or written prose ends when the writer leaves off the 。: a polite or plain
# predicate (ます, ました, です, でした, でしょう, 〜った, 〜いた, 〜した, 〜ない, 〜たい, 〜ている), a final
# particle (ね, よ, かな) or a conjunction that carries on to the next line (けど, ので), then perhaps an
# exclamation, a laugh or a note mark. A teaser title or a menu item ends in a noun or a case particle
# ('〜の理由とは', '〜について', '配信したい方へ')
_PREDICATE_END = regex.compile(
    r"(?:ます|ました|ません|です|でした|でしょう|ましょう|だ|った|いた|した|きた|んだ|ない|たい|ている|てる|ね|よ|かな|けど|ので)"
    r"[!！?？w笑～~ー・。.…)）♪]*$")


@line_fact
def _ja_clause(f: Features, ctx: Context) -> bool:
    """A Japanese line of running prose written without a sentence mark: long enough, ending in a
    predicate or a final particle, and with no teaser or menu marks."""
    return clause_shaped(f, _p(ctx, "ja_clause_chars")) and _PREDICATE_END.search(f.text) is not None


# a hiking blog's prose, one clause a line with no sentence mark (written for these examples)
_JA_PROSE_LINES = [
    "朝早く駐車場に車を停めて歩き始めました",
    "最初から急な登りが続いて息が上がります",
    "途中の展望台からは遠くの山がよく見えました",
    "山頂に着いたらお昼ご飯を食べて休憩です",
    "帰りは別の道を下りて温泉に寄ってきました",
]


# ja:BD001 (body) and ja:HL001 (no headline): a run of such clause lines is article text
CLAUSE_BODY, CLAUSE_NO_TITLE = clause_run_rules(
    "ja", "Japanese", _ja_clause, 10,
    "Japanese prose written in short lines without sentence marks (a blog's clauses, one a line) is "
    "article text: a line of ten CJK characters or more that ends in a predicate or a final particle "
    "(〜ました, 〜です, 〜ね) and is free of teaser marks (【】, [], |, a cut-off end), among several such lines",
    example="景色を見ていたら時間を忘れてしまいそうだね", prose=_JA_PROSE_LINES,
    menu=(["トップ", "ブログ"], ["ログイン", "ニュース"]),
    not_prose=["【速報】人気の温泉旅館ランキングを発表しました", "プレスリリースを配信したい方へ"],
    not_prose_for_title=["プレスリリースを配信したい方へ"],
)
