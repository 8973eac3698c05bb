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


_GLUED_CASES = ["Contact UsABC13 News", "Juni 201914. Januar", "iPhone", "eBay", "McDonald", "aBC", "abC", "ab1C",
                "a12B", "A12B", "x1B", "With new big data centre", "ÄrgerÜber", "straßeÖl", "élanÉTÉ", "Ωmega",
                "abcΔ", "日本Abc", "x١٢Y", "ab\u0130", "", "a", "AB", "ab"]


@pytest.mark.parametrize("text", _GLUED_CASES + _EDGE)
def test_glued_words_shortcut_finds_what_the_full_pattern_finds(text):
    from articleparse.packs.core import rules as R

    fast = R._GLUED_ASCII if text.isascii() else R._GLUED_ANY
    assert bool(fast.search(text)) == bool(R._GLUED.search(text))
    assert bool(R._GLUED_ANY.search(text)) == bool(R._GLUED.search(text))


def test_ascii_letter_and_digit_classes_are_the_same_in_both_engines():
    # _GLUED_ASCII reads \p{Ll}, \p{Lu}, \p{L} and \d as [a-z], [A-Z], [A-Za-z] and [0-9] in ASCII text
    for cp in range(128):
        c = chr(cp)
        assert bool(regex.match(r"\p{Ll}", c)) == ("a" <= c <= "z"), cp
        assert bool(regex.match(r"\p{Lu}", c)) == ("A" <= c <= "Z"), cp
        assert bool(regex.match(r"\p{L}", c)) == c.isalpha(), cp
        assert bool(regex.match(r"\d", c)) == ("0" <= c <= "9"), cp


@pytest.mark.parametrize("text", ["Sport", "Jane", "JaneDoe", "Jane\u2003Doe", "Jane\u3000Doe", "Jane Doe",
                                  "SVEN MICHAELSEN", "Brit Weirich (Medizinredakteurin)", "Will\u2028Knight"])
def test_lone_name_one_word_shortcut(text):
    # a text without white space is no lone name; one with any white space (not only " ") is tested in full
    from articleparse.packs.core import rules as R

    f = F.Features(0, text, frozenset())
    name = R._compute_lone_name(f)
    if not regex.search(r"\s", text):
        assert name is None
    elif text in ("Jane Doe", "SVEN MICHAELSEN", "Brit Weirich (Medizinredakteurin)"):
        assert name is not None


@pytest.mark.parametrize("text", ["Updated 2 hours ago", "gestern", "19.10.2019, 18:56", "Juni 201914. Januar 2020",
                                  "Home", "", "Collignon22. Februar", "heute, 12:00 Uhr", "3/4/2022"])
def test_dates_found_from_a_known_first_digit_are_those_find_gives(text):
    from articleparse.dates import _DIGIT, DateLexicon
    from articleparse.engine import Engine

    lexicon = Engine()._language_dates(None).lexicon
    assert isinstance(lexicon, DateLexicon)
    for order in ("dmy", "mdy"):
        assert lexicon.find_from(text, _DIGIT.search(text), None, order) == lexicon.find(text, order=order)


def test_no_role_word_is_longer_than_the_reach_its_search_looks_back():
    from articleparse.packs.core import rules as R

    # every alternative of _ROLES with its endings: a literal word and groups such as "(?:in)?" or "(?:eur|rice)"
    alternatives = regex.split(r"\|(?![^()]*\))", R._ROLES)
    words = []
    for alternative in alternatives:
        forms = [""]
        for piece in regex.split(r"(\(\?:[^)]*\)\??)", alternative):
            options = [piece]
            if piece.startswith("(?:"):
                options = piece[3:piece.index(")")].split("|") + ([""] if piece.endswith("?") else [])
            forms = [w + o for w in forms for o in options]
        words += forms
    assert "chefredakteurin" in words and "rédactrice" in words
    assert all(R._ROLE_END.fullmatch(w) for w in words)
    assert max(map(len, words)) < R._ROLE_REACH


@pytest.mark.parametrize("text", ["Richard Adams Education editor", "Brit Weirich (Medizinredakteurin. M.A.)",
                                  "Harald Bauer Autor", "Jan Koch und Anna Schmidt", "Isabel Caro, Rocío Latorre y José Wilson",
                                  "David Brand and Ramsey Khalifeh", "Anna Schmidt & Jan Koch", "Christoph von Eichhorn",
                                  "SVEN MICHAELSEN", "Mit neuem großen Rechenzentrum stärkt China", "Jane Doe Senior Writer",
                                  "Jan Koch\u2003und\u2003Anna Schmidt", "Jan Koch Xeditor", "Anna B.und Jan Koch",
                                  "Jane X.and Jim Beam", "Brit Weirich (Redakteurin)\n", "Jane Doe editor\n",
                                  "Anna B. und Jan Koch"])
def test_lone_name_shortcuts_agree_with_the_full_search(text):
    # the shapes _compute_lone_name skips on a cheap test are those that cannot match
    from articleparse.packs.core import rules as R

    name = R._compute_lone_name(F.Features(0, text, frozenset()))
    full = None
    if len(text.split()) >= 3:
        for tail in R._ROLE_TAILS:
            role = tail.search(text)
            if role and R._LONE_NAME.match(text[:role.start()]):
                full = text[:role.start()]
                break
    if full is None and (R._LONE_NAME.match(text) or R._NAME_LIST_LINE.match(text)
                         or ((R._CAPS_NAME.match(text) or R._PARTICLE_NAME.match(text)) and R._given_name(text))):
        full = text
    assert name == full


def test_ascii_shortcuts_of_key_and_digit_ratio_agree_with_the_plain_definitions():
    chars = "".join(map(chr, range(128)))
    for text in [chars, chars[::-1], *chars, "Go toTop", "Page 2 of 10", "2022-11-09", "A_b-C 9"]:
        f = F.Features(0, text, frozenset())
        assert F.phrase_key(text) == F._PHRASE_STRIP.sub("", text.casefold()), text
        assert f.digit_ratio == (sum(map(str.isdigit, text)) / len(text) if text else 0.0), text


def test_a_bullet_starts_with_a_mark_a_digit_or_a_character_beyond_ascii():
    # Features.is_bullet does not search _BULLET on a line that starts with another ASCII character
    for cp in range(128):
        c = chr(cp)
        if regex.match(r"\d", c) or F._BULLET.match(c + " x"):
            assert "0" <= c <= "9" or c in F._BULLET_MARKS, hex(cp)
    for text in ["* a", "• a", "12. a", "١٢. a", "\U00010d40. a", "a. b", "", "- a", "—a", "+ a"]:
        assert F.Features(0, text, frozenset()).is_bullet == bool(F._BULLET.match(text)), text
    assert all(F._BULLET.match(m + " x") for m in F._BULLET_MARKS)
