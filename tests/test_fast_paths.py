"""The shortcuts that make features and lines cheaper give what the plain definitions give."""

from __future__ import annotations

import regex
import pytest

from articleparse import features as F
from articleparse.lines import normalise

_EDGE = ["", ".", ")", '"', "a.", 'a."', "a.)", "a. (ANI)", "a (ANI)", "x.\n", "x .))", "Done!»", "完了。」",
         "a | b", "a/b", "x » y", "a·b c", "[1] Home", "see](x)", "http://x", "www.x.org", "A_b-C", "Straße",
         "İstanbul", "ǰ", "Ünïcödé words, here", "日本語のテキスト", "ภาษาไทย", "한국어", "mix 中文 text",
         "Go toTop", "tab\there", "nbsp\u00a0here", "zero\u200bwidth", "a  b", " lead", "trail "]


@pytest.mark.parametrize("text", _EDGE)
def test_features_match_their_plain_definitions(text):
    f = F.Features(0, text, frozenset({"the", "a"}))
    assert f.ends_sentence == bool(F._SENTENCE_END.search(text))
    assert f.n_links == len(F._LINK_MARKER.findall(text))
    assert f.n_separators == len(F._SEPARATOR.findall(text))
    assert f.n_cjk == (0 if text.isascii() else len(F._CJK.findall(text)))
    assert f.tokens == F._WORD.findall(text)
    assert F.phrase_key(text) == F._PHRASE_STRIP.sub("", text.casefold())


def test_ascii_word_characters_are_the_same_in_both_engines():
    import re

    for cp in range(128):
        c = chr(cp)
        assert bool(regex.match(r"\w", c)) == bool(re.match(r"\w", c, re.ASCII)), cp
        assert F._ASCII_STRIP.get(cp, c) == (c if regex.match(r"[^\W_]", c) else None), cp


def test_every_cjk_or_thai_letter_is_in_the_blocks_n_cjk_looks_for_first():
    # Features.n_cjk skips its search on lines without a character of _CJK_BLOCKS
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if F._CJK.match(c):
            assert F._CJK_BLOCKS.match(c), hex(cp)
    assert F._CJK.match("\u0e01") and F._CJK_BLOCKS.match("\u0e01")
    assert F._CJK_BLOCKS.search("Über uns – „Kontakt“ und Impressum …") is None


def test_printable_lines_without_double_spaces_only_need_trimming():
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for raw in (c, " a" + c + "b "):
            if raw.isprintable() and "  " not in raw:
                assert normalise(raw) == raw.strip(), hex(cp)
