"""Code rules of the Japanese pack: evidence that needs the page around a line.

Thresholds come from ``[params]`` in this pack's ``pack.toml`` (and the core pack's) through ``ctx.params``.
"""

from __future__ import annotations

import regex

from articleparse.features import Features
from articleparse.rules import Context, code_rule, line_fact
from articleparse.rules.cjk import clause_shaped, in_clause_run


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


@code_rule(
    id="ja:BD001", label="body", weight=3.0,
    when={"n_cjk": [10, None], "ends_sentence": False, _ja_clause: True},
    description="Japanese prose written in short lines without sentence marks (a blog's clauses, one a line) is "
                "article text: a line of ten CJK characters or more that ends in a predicate or a final particle "
                "(〜ました, 〜です, 〜ね) and is free of teaser marks (【】, [], |, a cut-off end), among several such lines",
    match=[{"text": "景色を見ていたら時間を忘れてしまいそうだね",
            "before": _JA_PROSE_LINES[:3], "after": _JA_PROSE_LINES[3:]}],
    no_match=[{"text": "景色を見ていたら時間を忘れてしまいそうだね",
               "before": ["トップ", "ブログ"], "after": ["ログイン", "ニュース"]},
              {"text": "【速報】人気の温泉旅館ランキングを発表しました",
               "before": _JA_PROSE_LINES[:3], "after": _JA_PROSE_LINES[3:]},
              {"text": "プレスリリースを配信したい方へ",
               "before": _JA_PROSE_LINES[:3], "after": _JA_PROSE_LINES[3:]}],
)
def ja_clause_run(f: Features, ctx: Context) -> float:
    return 1.0 if in_clause_run(f, ctx, _ja_clause) else 0.0


@code_rule(
    id="ja:HL001", label="headline", weight=-2.5,
    when={"n_cjk": [10, None], "ends_sentence": False, _ja_clause: True},
    description="A line of a run of Japanese prose clauses without sentence marks (as ja:BD001 reads them) is no "
                "headline, however title-shaped it is: it keeps the title votes (core:HL001) from outweighing its "
                "body votes",
    match=[{"text": "景色を見ていたら時間を忘れてしまいそうだね",
            "before": _JA_PROSE_LINES[:3], "after": _JA_PROSE_LINES[3:]}],
    no_match=[{"text": "景色を見ていたら時間を忘れてしまいそうだね",
               "before": ["トップ", "ブログ"], "after": ["ログイン", "ニュース"]},
              {"text": "プレスリリースを配信したい方へ",
               "before": _JA_PROSE_LINES[:3], "after": _JA_PROSE_LINES[3:]}],
)
def ja_clause_is_no_title(f: Features, ctx: Context) -> float:
    return 1.0 if in_clause_run(f, ctx, _ja_clause) else 0.0
