"""Code rules of the core pack: graded evidence that a threshold in data cannot express.

Each rule's thresholds come from ``[params]`` in ``pack.toml`` through ``ctx.params``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from collections.abc import Callable

import regex

from articleparse.assemble import SITE_ADDRESS
from articleparse.engine import open_seams
from articleparse.features import Features, phrase_key
from articleparse.lines import KITCHEN_MEASURES
from articleparse.rules import Capture, Context, code_rule, line_fact

_PROSE = ("The council voted on Tuesday to close the old bridge, which has carried traffic over the river "
          "since 1931, after engineers found cracks in two of its piers.")


def _p(ctx: Context, name: str) -> float:
    return ctx.params[name]


@code_rule(
    page_context=False,
    id="core:BD001", label="body", weight=1.0,
    description="A long line is article text: the vote grows with its word count",
    match=[_PROSE], no_match=["Home", "Sign in to comment"],
)
def long_line(f: Features, ctx: Context) -> float:
    if f.n_words < _p(ctx, "long_line_words"):
        return 0.0
    return min(f.n_words, _p(ctx, "long_line_cap")) / _p(ctx, "long_line_scale")


@code_rule(
    page_context=False,
    id="core:BD002", label="body", weight=1.0,
    when={"ends_sentence": True, "n_words": [3, None]},
    description="A line of several words that ends like a sentence is article text",
    match=["He said the plan would go ahead.", "Will it work?"], no_match=["World News", "Read more"],
)
def ends_like_sentence(f: Features, ctx: Context) -> float:
    return 1.0 if f.ends_sentence and f.n_words >= 3 else 0.0


def _stop_evidence(f: Features, ctx: Context) -> float:
    """Signed distance of the line's stop-word share from that of ordinary prose (0 when unknown)."""
    if not ctx.stopwords or len(f.tokens) < 5 or f.n_cjk:
        return 0.0
    v = (f.stop_ratio - _p(ctx, "stop_ratio_pivot")) * _p(ctx, "stop_ratio_scale")
    return max(-2.0, min(2.0, v))


@code_rule(
    page_context=False,
    id="core:BD003", label="body", weight=1.0,
    when={"n_cjk": 0, "n_words": [5, None]},
    description="Prose is rich in the language's stop words: the vote grows with their share",
    match=[_PROSE], no_match=["Politics Business Technology Science Health Sports Culture Travel"],
)
def stop_word_rich(f: Features, ctx: Context) -> float:
    return max(0.0, _stop_evidence(f, ctx))


@code_rule(
    page_context=False,
    id="core:BD005", label="body", weight=-1.0,
    when={"n_cjk": 0, "n_words": [5, None]},
    description="A line of several words with almost no stop words is a list of names or links, not prose",
    match=["Politics Business Technology Science Health Sports Culture Travel"], no_match=[_PROSE, "Home"],
)
def stop_word_poor(f: Features, ctx: Context) -> float:
    return max(0.0, -_stop_evidence(f, ctx))


@code_rule(
    page_context=False,
    id="core:BD004", label="body", weight=-1.5,
    when={"n_words": [8, None], "stops_mid_sentence": True},
    description="A long line that stops mid-sentence (a trailing comma or stop word) is a cut-off teaser, not text",
    match=["The MoU between the two Parliaments also mentions the BRI,",
           "Report by an Australian newspaper, The Klaxon, claims that its"],
    no_match=[_PROSE, "Short line,"],
)
def cut_off(f: Features, ctx: Context) -> float:
    return 1.0 if f.n_words >= 8 and f.stops_mid_sentence else 0.0


@code_rule(
    page_context=False,
    id="core:NV001", label="navigation", weight=1.5,
    when={"ends_sentence": False},
    description="A short line without sentence punctuation is a menu item (the shorter, the surer)",
    match=["Home", "World News", "Contact us"], no_match=[_PROSE, "It rained."],
)
def short_line(f: Features, ctx: Context) -> float:
    limit = _p(ctx, "short_line_words")
    if f.ends_sentence or f.n_words > limit:
        return 0.0
    return (limit + 1 - max(f.n_words, 1)) / limit


@code_rule(
    page_context=False,
    id="core:NV002", label="navigation", weight=1.0,
    when={"n_separators": [1, None]},
    description="Menu separators (|, ·, », ›) between short items mark a menu or breadcrumb",
    match=["Home | World | Asia", "News » Politics » Elections",
           "Business News›Technology›Hardware"],  # a browser copy glues a trail's inline arrows to the words
    no_match=[_PROSE, "Der Rat nennt den Plan »gut«, sagte die Sprecherin am Montag in der Sitzung."],
)
def separators(f: Features, ctx: Context) -> float:
    if f.n_separators < 2 and not (f.n_separators == 1 and f.n_words <= 6):
        return 0.0
    return min(f.n_separators, 4) / 2


@code_rule(
    page_context=False,
    id="core:NV003", label="navigation", weight=1.5,
    when={"n_links": [1, None]},
    description="Lines dense with link markers ([12] in lynx, [text](url) in markdown) are navigation",
    match=["[1]Home [2]World [3]Business", "* [News](https://example.com/news)"],
    no_match=[_PROSE, "It cost [4]$20, the report said, after the council published its review of the bridge."],
)
def link_dense(f: Features, ctx: Context) -> float:
    if not f.n_links:
        return 0.0
    density = f.n_links / max(1.0, f.n_words / 6)
    return min(2.0, density) if density >= 0.5 else 0.0


@code_rule(
    page_context=False,
    id="core:NV004", label="navigation", weight=1.0,
    when={"is_bullet": True, "n_words": [None, 8], "ends_sentence": False},
    description="A bulleted line of a few words is a menu or list of links",
    match=["* Politics", "• Sign up for our newsletter"], no_match=[_PROSE, "Politics"],
)
def short_bullet(f: Features, ctx: Context) -> float:
    return 1.0 if f.is_bullet and f.n_words <= 8 and not f.ends_sentence else 0.0


@line_fact
def _title_shaped(f: Features, ctx: Context) -> bool:
    """A few words, no sentence end, no list or menu marks: a headline or teaser title (worked out once per unit)."""
    if not (_p(ctx, "title_min_words") <= f.n_words <= _p(ctx, "title_max_words")):
        return False
    if f.is_bullet or f.n_separators or f.ends_colon or f.n_links:
        return False
    text = f.text
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    if text[:1].islower() or _mostly_date(f, ctx):
        return False
    # a photo credit ("Bild: Jahr Media", "Foto: dpa", "Quelle: Reuters") labels a picture, it is no title
    return _CREDIT.match(text) is None


# a picture credit's opening label, in the languages of the built-in packs (as core:CP001 reads it)
_CREDIT = regex.compile(
    r"(?i)\(?(?:fotos?|photos?|bild(?:er)?|images?|credits?|quelle|source|pictures?|grafik|illustration|fot\.|"
    r"zdjęcie|foto ?credit)\s*[:©/]")


def _mostly_date(f: Features, ctx: Context) -> bool:
    """The dates found in the line cover a large share of it (a date line, not a title)."""
    if f.n_chars > 80:
        return False
    found = ctx.dates_in(f.index)
    return bool(found) and sum(d.end - d.start for d in found) >= _p(ctx, "date_line_share") * f.n_chars


@line_fact
def _has_dates(f: Features, ctx: Context) -> bool:
    """The line holds a date (``ctx.dates_in``)."""
    return bool(ctx.dates_in(f.index))


_GLUED = regex.compile(r"\p{Ll}{2,}\p{Lu}|\p{Ll}\p{Lu}{2,}|\p{L}\d{2,}\p{Lu}")
# whether _GLUED finds a match, searched faster: its runs cut to what a match needs (two lower-case letters
# and a capital ...), and in ASCII text (where \p{Ll} is [a-z], \p{Lu} [A-Z], \d [0-9]) with the standard engine
_GLUED_ANY = regex.compile(r"\p{Ll}\p{Ll}\p{Lu}|\p{Ll}\p{Lu}\p{Lu}|\p{L}\d\d+\p{Lu}")
_GLUED_ASCII = re.compile(r"[a-z][a-z][A-Z]|[a-z][A-Z][A-Z]|[A-Za-z][0-9][0-9]+[A-Z]")
_HYPHEN_CHAIN = regex.compile(r"\w-\w+-\w+-\w")


@code_rule(
    page_context=False,
    id="core:HL001", label="headline", weight=2.0,
    when={"n_words": [3, None], _title_shaped: True},
    description="A title-shaped line may be the headline: longer titles score more; dates, glued menus and lists less",
    match=["With new big data centre, China strengthens Tibet surveillance", "Is this the end of the road?"],
    no_match=["He said the plan would go ahead.", "Home", "• Politics and more", "Bild: Jahr Media am Hafen",
              "Photo: Madeleine Hadwiger for Reuters"],
)
def headline_shape(f: Features, ctx: Context) -> float:
    if not _title_shaped(f, ctx) or f.n_words < 3:
        return 0.0
    strength = 1.0 + (0.5 if f.cap_ratio >= 0.5 else 0.0)
    if f.n_words > 4:
        # real headlines run to a dozen words; menu items and kickers stay short
        strength += _p(ctx, "headline_word_bonus") * (min(f.n_words, 12) - 4)
    if f.n_words > 16:
        # a sentence-long line under the title is its dek, not the title
        strength -= _p(ctx, "headline_word_bonus") * (f.n_words - 16)
    if ctx.dates_in(f.index):
        strength -= 1.0
    if (_GLUED_ASCII if f.text.isascii() else _GLUED_ANY).search(f.text):
        strength -= 1.0  # words run together: a flattened menu ("Contact UsABC13 News")
    if _HYPHEN_CHAIN.search(f.text):
        strength -= 0.8  # a slug or a tag list
    if ctx.stopwords and f.n_words >= 5 and not f.stop_ratio and not f.n_cjk:
        strength -= 0.5  # a list of names, not a sentence-like title
    if "[" in f.text or f.digit_ratio > 0.2:
        strength -= 0.5
    return max(0.1, strength)


@code_rule(
    id="core:NV020", label="navigation", weight=3.0, max_chars=400,
    when={"n_words": [4, None], "ends_sentence": False},
    description="A line that ends with the whole text of a line next to it, after a few words more, is a breadcrumb "
                "trail or a kicker run into the title ('Home > Articles > Title'), not the title itself",
    match=[{"text": "Home>Articles>Amazon Liable for Defective Products", "after": ["Share", "Amazon Liable for Defective Products"]},
           {"text": "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum",
            "before": ["Getränke per Schiff ins Stadtzentrum"]},
           # a back link, a photo credit and a date line between the trail and the title
           {"text": "Home News Council approves the budget for the new river bridge",
            "after": ["Back to overview", "© Photo: city press office", "8 November 2021 | News",
                      "Council approves the budget for the new river bridge"]}],
    no_match=[{"text": "Die Haubenfahrzeuge der Nachkriegszeit - Teil 49 – Büssing-NAG",
               "before": ["Die Haubenfahrzeuge der Nachkriegszeit - Teil 49"]},
              {"text": "Amazon Liable for Defective Products", "after": ["Home>Articles>Amazon Liable for Defective Products"]},
              {"text": "Politik und Wirtschaft News", "after": ["News"]},
              {"text": "He said it twice. The bridge will close on Monday.", "after": ["The bridge will close on Monday."]},
              {"text": "Learn more about Web Audio Editor", "before": ["Web Audio Editor"]}],
)
def trail_to_title(f: Features, ctx: Context) -> float:
    # a trail is a short line that does not end like a sentence; prose may repeat a sentence
    if f.n_words < 4 or f.n_words > _p(ctx, "title_max_words") or f.ends_sentence:
        return 0.0
    i = f.index
    text = f.text.casefold()
    reach = int(_p(ctx, "trail_reach"))
    for j in range(max(0, i - reach), min(len(ctx.features), i + reach + 1)):
        g = ctx.features[j]
        if j == i or g.n_words < 3 or g.n_words >= f.n_words or len(g.text) < 12:
            continue
        if text.endswith(g.text.casefold()):
            # "Learn more about Web Audio Editor": a phrase ending in the name, not a trail
            lead = text[: len(text) - len(g.text)].split()
            if lead and lead[-1] in ctx.stopwords:
                return 0.0
            return 1.0
    return 0.0


@code_rule(
    id="core:HL004", label="headline", weight=2.0, max_chars=60,
    when={"n_words": [1, 3], "ends_colon": False},
    description="A short line of one to three words right above the page's first paragraph of prose, with no prose "
                "above it, may be a short headline ('Zeitphilosophie', 'CDPATH replacements')",
    match=[{"text": "CDPATH replacements", "before": ["Contact"], "after": [_PROSE]}],
    no_match=[{"text": "CDPATH replacements", "before": [_PROSE], "after": [_PROSE]},
              {"text": "Kontakt:", "before": ["Home"], "after": [_PROSE]},
              {"text": "CDPATH replacements", "before": ["Contact"], "after": ["Home"]}],
)
def short_title_over_text(f: Features, ctx: Context) -> float:
    if not 1 <= f.n_words <= 3 or f.ends_colon or f.text.endswith((".", ",", ";")) or f.text[:1].islower():
        return 0.0
    i = f.index
    if i + 1 >= len(ctx.features):
        return 0.0
    after = ctx.features[i + 1]
    if after.n_words < _p(ctx, "prose_line_words") or not after.ends_sentence:
        return 0.0
    # a subheading inside the text has prose above it; a short headline does not
    for j in range(max(0, i - 3), i):
        if ctx.features[j].n_words >= _p(ctx, "prose_line_words"):
            return 0.0
    return 1.0


@code_rule(
    page_context=False,
    id="core:RL010", label="related-title", weight=1.0,
    when={"n_words": [3, None], _title_shaped: True},
    description="A title-shaped line may be the title of a teaser for another story",
    match=["Kolkata Port upbeat after trials through Bangladesh ports"],
    no_match=["He said the plan would go ahead.", "Home"],
)
def teaser_title(f: Features, ctx: Context) -> float:
    return 1.0 if _title_shaped(f, ctx) and f.n_words >= 3 else 0.0


@code_rule(
    id="core:RL011", label="related-snippet", weight=1.5,
    when={"n_words": [6, None]},
    description="A longer line right after a title-shaped line is that teaser's snippet",
    match=[{"text": "Highlighting the diaspora's achievements, PM Modi praised their contributions, noting that "
                    "India is now the world's top recipient", "before": ["Modi rallies diaspora for India's 2047 vision"]}],
    no_match=[{"text": "Home", "before": ["Modi rallies diaspora for India's 2047 vision"]}, _PROSE],
)
def teaser_snippet(f: Features, ctx: Context) -> float:
    prev = ctx.prev(f.index)
    if prev is None or f.n_words < 6 or ctx.gap_before(f.index) > 1:
        return 0.0
    if not _title_shaped(prev, ctx) or prev.n_words < 3:
        return 0.0
    if not (f.n_words >= prev.n_words or f.ends_sentence or f.stops_mid_sentence):
        return 0.0
    # teaser snippets are a sentence or two; a long paragraph under a subheading is article text
    full, none = _p(ctx, "snippet_full_words"), _p(ctx, "snippet_max_words")
    if f.n_words <= full:
        return 1.0
    return max(0.0, (none - f.n_words) / (none - full))


@code_rule(
    page_context=False,
    id="core:DT001", label="date", weight=3.0,
    when={_has_dates: True},
    description="A short line that is mostly a date is the page's date line",
    match=["November 9, 2022", "Updated: 09.11.2022, 14:30 Uhr"],
    no_match=[_PROSE, "Home"], max_chars=80,
)
def date_line(f: Features, ctx: Context) -> tuple[float, object]:
    found = ctx.dates_in(f.index)
    if not found or not (_mostly_date(f, ctx) or f.n_words <= 6):
        return 0.0, None
    return 1.0, found[0]


def _unit_texts(ctx: Context) -> tuple[list[str], dict[str, list[int]]]:
    """Each unit's case-folded text, and the units of each such text (computed once per page)."""
    def collect() -> tuple[list[str], dict[str, list[int]]]:
        folded = [g.text.casefold() for g in ctx.features]
        where: dict[str, list[int]] = {}
        for k, t in enumerate(folded):
            where.setdefault(t, []).append(k)
        return folded, where

    return ctx.once("unit_texts", collect)


def _unit_text_count(ctx: Context, folded: str) -> int:
    """How often the case-folded text ``folded`` is a whole unit of the page."""
    return len(_unit_texts(ctx)[1].get(folded, ()))


@code_rule(
    id="core:HL002", label="headline", weight=1.5,
    when={"n_words": [4, None], _title_shaped: True},
    description="A title-shaped line that the page repeats (title bar, breadcrumb, share text) is likely the headline",
    match=[{"text": "Bridge closes after cracks are found", "after": ["Home", "Bridge closes after cracks are found"]}],
    no_match=[{"text": "Bridge closes after cracks are found", "after": ["Home"]},
              # a menu or teaser list printed twice (its desktop and its mobile copy): the neighbours repeat too
              {"text": "Council budget for the new river bridge", "before": ["Local news"],
               "after": ["Weather and traffic today", "Contact", "Local news", "Council budget for the new river bridge",
                         "Weather and traffic today"]}],
)
def echoed_title(f: Features, ctx: Context) -> float:
    if f.n_words < 4 or not _title_shaped(f, ctx):
        return 0.0
    text = f.text.casefold()
    if _unit_text_count(ctx, text) < 2:
        return 0.0
    return 0.0 if _in_repeated_block(f.index, text, ctx) else 1.0


# a sentence's end inside a line, before more words ('Nüsse anrösten. Äpfel waschen')
_SENTENCE_END_INSIDE = regex.compile(r"[.!?]\s+\S")
# a list item's mark and the spaces before it ('  * 1 large chicken')
_LIST_MARK = regex.compile(r"^[\s*+•·▪◦‣○●■□–—-]+")


@code_rule(
    id="core:NV021", label="navigation", weight=1.0,
    when={"n_words": [1, 8], "ends_sentence": False},
    description="A short line that the page prints again with the same lines right above and below it belongs to a "
                "block printed twice, a menu in its desktop and its mobile copy (a browser copy prints no bullets "
                "that would mark it)",
    match=[{"text": "Weather and traffic", "before": ["Local news"],
            "after": ["Contact", "Imprint", "Local news", "Weather and traffic", "Contact"]},
           # the last line of a block printed twice: the two lines above it repeat with it
           {"text": "Contact", "before": ["Local news", "Weather and traffic"],
            "after": ["Imprint", "Local news", "Weather and traffic", "Contact", "Jobs"]}],
    no_match=[{"text": "Weather and traffic", "before": ["Local news"], "after": ["Contact", "Weather and traffic"]},
              {"text": "  * 1 tablespoon ground cumin", "before": ["Ingredients"],
               "after": ["  * 2 onions", "Ingredients", "  * 1 tablespoon ground cumin", "  * 2 onions"]},
              {"text": "In cinemas from 8 October 2020", "before": ["Local news"],
               "after": ["Contact", "Local news", "In cinemas from 8 October 2020", "Contact"]},
              {"text": "Council closes the bridge.", "before": ["Local news"],
               "after": ["Contact", "Local news", "Council closes the bridge.", "Contact"]}],
)
def repeated_block(f: Features, ctx: Context) -> float:
    # a line with a date is a teaser's or the article's date line, whatever repeats around it; a line that opens
    # with a number ('1 tablespoon ground') or holds a sentence's end is a recipe's or a list's item, printed
    # twice with its list (a recipe's card and its print view), not a menu entry
    # (the page's count of the line first: most lines are printed once, and that test is one lookup)
    folded = f.text.casefold()
    if not 1 <= f.n_words <= 8 or f.ends_sentence or _unit_text_count(ctx, folded) < 2:
        return 0.0
    text = _LIST_MARK.sub("", f.text)
    if text[:1].isdigit() or _SENTENCE_END_INSIDE.search(text) or ctx.dates_in(f.index):
        return 0.0
    return 1.0 if _in_repeated_block(f.index, folded, ctx) else 0.0


def _in_repeated_block(i: int, text: str, ctx: Context) -> bool:
    """Whether the page prints line ``i`` again with the same lines right above and right below it: a block
    printed twice (a menu or a teaser list in its desktop and its mobile copy), not a title that a breadcrumb,
    a share text or a "Comments on ..." line echoes."""
    folded, where = _unit_texts(ctx)
    n = len(folded)

    def same(j: int, d: int) -> bool:
        return 0 <= i + d < n and 0 <= j + d < n and folded[i + d] == folded[j + d]

    # the lines right above and below repeat too, or the two lines right above, or the two right below (a block's edge)
    return any(j != i and ((same(j, -1) and same(j, 1)) or (same(j, -1) and same(j, -2)) or (same(j, 1) and same(j, 2)))
               for j in where.get(text, ()))


# the words that introduce an author: "By", "Von", "Par", "Posted by", "Geschrieben von", "Autor:"
_PREFIX_WORDS = (r"(?:(?:ein|eine|un|una|a|an|blog|artikel|beitrag|interview|kommentar|kolumne|gastbeitrag|"
                 r"reportage|analyse|essay|article|story|words|text|written|posted|reported|geschrieben|verfasst|"
                 r"gepostet|gespeichert|erstellt|veröffentlicht|publié|publicado|escrito|scritto|pubblicato|"
                 r"geplaatst|post|author)\s+){0,2}"
                 r"(?:text\s*(?:&|und|and|\+|/)\s*(?:fotos?|bilder?|photos?)|by|von|vom|par|por|door|di|da|av|af|durch|autor(?:innen|in|/in|\*in|:in|_in|en|es|as)?|authors?|auteure?s?|autrice|autore|autori|text|texto|"
                 r"interview|escribe)")
_NAME_PREFIX = regex.compile(r"^(?i:" + _PREFIX_WORDS + r")(?:\s*:\s*|\s+|(?<=(?:^|\s)(?:[Bb]y|[Vv]on|[Pp]or|[Pp]ar|[Dd]oor))(?=\p{Lu}(?:\p{Ll}|\.)))")
# "Ein Artikel von", "words written by", "Posted in Politik by": a prefix after a few words
_INNER_PREFIX = regex.compile(r"^(?:\S+\s+){1,3}?(?i:by|von|par|por|door|da|di)\s+(?=\S)")
_PREFIX_ALONE = regex.compile(r"^(?i:" + _PREFIX_WORDS + r")\s*:?$")
# a line that ends in a capitalised 'Von' or 'By' ("Disko Von"): the name follows on the next line
_PREFIX_END = regex.compile(r"^(?:\S+\s+){1,3}(?:Von|By|Par|Por|Door|Autor(?:in)?:|Author:)$")
_MIDDLE_INITIAL = regex.compile(r"\s\p{Lu}\.\s")
# a bare 'Text', 'Texto' or 'Interview' (no colon) heads a settings panel or a menu as often as an author's name
_GENERIC_ALONE = regex.compile(r"^(?i:text|texto|interview)$")
_PLURAL_ALONE = regex.compile(r"^(?i:autoren|autorinnen|authors|autores|autoras|auteurs|autori)\s*:?$")
# a post's meta line that stops at a lower-case 'by' after its date: "Written on Mar 17 by", "Posted on 3 May by"
_DATED_BY = regex.compile(r"^(?i:written|posted|published|geschrieben|veröffentlicht|verfasst)\s+(?:on|am)\s+.{3,20}\s(?:by|von)$")
# the heading of an author box: "About the Author", "Über den Autor", "Die Autorin", "À propos de l'auteur"
_ABOUT_AUTHOR = regex.compile(r"^(?i:about\s+the\s+authors?|über\s+(?:den\s+autor|die\s+autorin)|zum\s+autor|zur\s+autorin|"
                              r"der\s+autor|die\s+autorin|à\s+propos\s+de\s+l['’]auteur|sobre\s+(?:el\s+autor|la\s+autora|o\s+autor|a\s+autora)|"
                              r"over\s+de\s+auteur|sull['’]autore)\s*:?$")
_NAME = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|den|da|di|del|la|le|du|dos|das|y)){0,3}$")
# a user name: "mh", "telebasel", "MikeNils", "Marianne1", "Isabella.DiBiase"
_HANDLE_NAME = regex.compile(r"^(?=.*\p{L})(?:[\p{Ll}\p{N}][\p{L}\p{N}._-]{1,30}|\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{L}+[\p{N}_][\p{L}\p{N}_.-]*)$")
_NAME_TRIM = " |·•∙/,;–—-:()[]\u00a0"
# where a name stops: a category ("in Politik"), a connector before the date ("am", "on", "le")
_NAME_END = regex.compile(r"\s+(?:in|unter|under|im|en|dans|em|on|am|um|at|le|el|il|op|à|mit|with|avec|con|com)(?:\s+|$)"
                          r"|\s*[,;/(]\s*|\s+\d|\s+(?:Fotos?|Photos?|Bild(?:er)?|Image)\s*[:©]")
_SEGMENTS = regex.compile(r"\s*[|·•∙»«]\s*|\s+[-–—/]+\s+|\s*//\s*")
_TIME = regex.compile(r"\b\d{1,2}[:.h]\d{2}(?:\s*(?i:uhr|h|am|pm|Uhr))?\b|^(?i:um|at|à|alle|a\s+las)$")
# words of the labels that stand beside dates, never names ("Print Date:", "Stand:")
_LABEL_WORDS = frozenset("""print date datum stand updated published publiziert posted modified created permalink link
permanenter aktualisiert veröffentlicht zuletzt geändert erstellt publié publicado atualizado pubblicato
comments comment kommentare kommentar schreibe hinterlasse leave reply antworten lesezeichen
kategorie kategorien category categories rubrik rubriken tags tagged schlagwörter filed catégorie catégories categoría
last letzte letztes päivitetty julkaistu
article artikel artículo articolo artigo video videos vidéo vídeo audio podcast gallery galerie fotostrecke
photo photos foto fotos reportage
share teilen partager compartir compartilhar condividi edit bearbeiten whatsapp facebook twitter telegram linkedin
pinterest instagram""".split())
_HANDLES = regex.compile(r"@\w+|\b(?:Follow|Folgen)\b.*$")
# a social-media handle after a name: "Eric Levitz@EricLevitz", "Devindra Hardawar, @devindra"
_AT_HANDLE = regex.compile(r"[\s,]*\S*@[\w-]+(?:\.[\w-]+)+|[\s,]*(?<![\w.])@\w+|(?<=\p{Ll})@\w+")
_GAP_CHARS = " \u00a0|·•∙-–—/"
_SET_OFF = "|·•∙-–—/"


def _name_words(words: list[str], ctx: Context) -> bool:
    """No stop words (but a particle inside the name: "Alexa von Heyden") and no label words."""
    return not any((w.lower() in ctx.stopwords and not (0 < k < len(words) - 1 and w.lower() in _NAME_PARTICLES))
                   or w.lower().strip(":") in _LABEL_WORDS for k, w in enumerate(words))


# the words that join the names of a line that is only a list of names (core:BY011)
_LIST_WORDS = frozenset(("and", "und", "y", "et", "e"))
_LIST_SEP = regex.compile(r"\s*[,&]\s*|\s+(?:and|und|et|y|e|en|og|och|i|a)\s+")


def _name_list(text: str, ctx: Context) -> str | None:
    """The names that follow a 'By' or 'Von': "Anna Schmidt und Peter Roe, dpa" gives "Anna Schmidt, Peter Roe".

    Parts after the first one that is not a name (a role, an agency) are dropped.
    """
    names = []
    for part in _LIST_SEP.split(text)[:8]:
        cand = _NAME_END.split(part.strip(_NAME_TRIM) + " ", 1)[0].strip(_NAME_TRIM)
        words = cand.split()
        if not words or len(words) > 4 or not _name_words(words, ctx):
            break
        if not (_NAME.match(cand) or (len(words) == 1 and _HANDLE_NAME.match(cand))) or SITE_ADDRESS.search(cand):
            break  # not a name, or a site's address ("by Bob Yirka , Phys.org")
        names.append(cand)
        if cand != part.strip(_NAME_TRIM):
            break  # the name ended inside this part ("Jane Doe on March 9")
    if names and all(" " not in n and not _MARKED_HANDLE.search(n) for n in names):
        return None  # "Von Stubenhockern und Glucken": capitalised words (nouns), not people
    return ", ".join(names) or None


def _name_in(piece: str, ctx: Context, *, before_date: bool) -> str | None:
    """The author's name in the text beside a date, or None.

    ``piece`` is what stands before (``before_date``) or after one date of the line;
    of its parts between '|' or '·' marks, the one next to the date is read. A name of
    two to four capitalised words is taken as it is; a single word only after a 'By'
    or 'Von', as a user name ("mh", "MikeNils"), or when a dash or bar sets it off
    from the date ("Redaktion - 31. Januar 2022") -- a comma there marks a dateline
    place ("Berlin, 19.10.2019").
    """
    parts = [s for s in _SEGMENTS.split(_HANDLES.sub("", piece)) if s and not _TIME.fullmatch(s.strip(_NAME_TRIM))]
    parts = [_TIME.sub("", s).strip(_NAME_TRIM) for s in parts]
    parts = [s for s in parts if s]
    if not parts:
        return None
    # a label alone next to the date ("Jacobo Betancur Peláez | Publicado hace 3 horas"): the name is beyond it
    near = -1 if before_date else 0
    if len(parts) >= 2 and all(w.lower().strip(":") in _LABEL_WORDS for w in parts[near].split()):
        parts.pop(near)
    cand = _unmarked(parts[-1] if before_date else parts[0])
    bare = piece.rstrip(_GAP_CHARS) if before_date else piece.lstrip(_GAP_CHARS)
    gap = piece[len(bare):] if before_date else piece[:len(piece) - len(bare)]
    set_off = any(c in _SET_OFF for c in gap)
    m = _NAME_PREFIX.match(cand) or _INNER_PREFIX.match(cand)
    if m and _PARTICLE_NAME.match(cand) and _given_name(cand):
        m = None  # "Christoph von Ritter": a particle inside a name that starts with a given name, not 'von' and a name
    prefixed = m is not None
    if m:
        cand = cand[m.end():]
        if _LIST_SEP.search(cand):
            listed = _name_list(cand, ctx)
            if listed and "," in listed:
                return listed
    whole = cand
    cand = _NAME_END.split(cand + " ", 1)[0].strip(_NAME_TRIM)
    words = cand.split()
    if not before_date and len(words) >= 2 and _TAG_LIST.match(whole, len(cand)):
        # "6. November 2023 Octavius Hallenstein Azad, Bushido, finished": a post's date, author and a list of
        # categories or tags; the list starts with the word before its first comma
        words = words[:-1]
        set_off = True  # "1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen": one word is a name here
    for k, w in enumerate(words):
        # the name ends at a label ("Zuletzt geändert"), a prompt ("Schreibe einen Kommentar"), a count,
        # or a capitalised small word after a name word ("Von Jule Radeck Vom 3. Februar 2022")
        if (w.lower().strip(":") in _LABEL_WORDS or w.isdigit()
                or (k >= 1 and w[:1].isupper() and w.lower() in ctx.stopwords
                    and (k == len(words) - 1 or w.lower() not in _NAME_PARTICLES))):
            words = words[:k]
            break
    words = _undoubled(words)
    if not words or len(words) > 4 or not _name_words(words, ctx):
        return None
    cand = " ".join(words)
    if len(words) >= 2:
        return cand if _NAME.match(cand) else None
    if _HANDLE_NAME.match(cand) and not ctx.dates.find(cand):
        # a small word left beside the date ("on 16/08/2020", "21 de Abril de 2022") is no user name
        return None if cand.lower() in _CONNECTORS or cand.lower() in _NAME_PARTICLES else cand
    if _NAME.match(cand) and (prefixed or set_off):
        return cand
    return None


@code_rule(
    page_context=False,
    id="core:BY010", label="byline", weight=2.5, max_chars=120,
    when={"n_words": [None, 32], _has_dates: True},
    description="A short line with a date and, beside it, a name (capitalised words, a user name, or 'by'/'von' and a name) is a byline; surer when 'by'/'von' introduces the name",
    match=["Bettina Kugler 19.10.2019, 05:00 Uhr", "Von Jan Kupitz | Oct 24, 2023", "By Jane Doe · March 9, 2017",
           "MikeNils 18.10.2019, 15:07 Uhr", "Redaktion - 31. Januar 2022", "Von Jörg Staff am 16.11.2022",
           "Evgenia Karp Zuletzt geändert am 06.11.2023", "yas! | By Cara Stiles | April 13, 2020",
           "Written by Ana Sandoiu on July 27, 2017", "von eseppelt · 31. Oktober 2023",
           "July 24, 2019 by Amy Motroni 5 Comments", "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen",
           "Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45",
           "Par Alexandre Hervaud et Jérémy Piette — 24 novembre 2017 à 18:42",
           "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", "September 17, 2019 Helmut Rubik 0",
           "Nicole Collignon22. Februar 2020", "Von Jule Radeck Vom 3. Februar 2022",
           "BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by MatsWichmann)",
           "Von Katharina Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr",
           "von Sonia Mevißen Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35",
           "Jacobo Betancur Peláez | Publicado hace 3 horas", "Profilbild MikeNils 18.10.2019, 15:07 Uhr",
           "1. Januar 2016 von KleineGrüneMonster Ein Kommentar", "STAND 21.4.2021 , 16:41 Uhr AUTOR/IN Julius Richter",
           "6. November 2023 Octavius Hallenstein Azad, Bushido, finished, Seitenhieb",
           "1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen, Katzenbeschäftigung"],
    no_match=["November 9, 2022", "Updated: 19.10.2019, 05:00 Uhr", "Published on March 9, 2017",
              "Published 21 November 2019 · Tagged with WebAssembly tooling",
              "Berlin, 19.10.2019", "Montag, 19.10.2019 um 11:14 Uhr", "19.10.2019 | 11:36",
              "Am 3. Februar 2022 sprach der Minister in Berlin lange über die neuen Regeln für die Bahn und den Bus",
              "on 16/08/2020 at 12:56", "Jueves, 21 de Abril de 202221/04/2022",
              "(60 - extract('seconds' from '2020-08-01 17:00 UTC'::timestamptz - period))"],
)
def name_and_date(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if f.n_words > 32 or "(@" in f.text:
        return 0.0  # "— Jane Doe (@jane) May 1, 2020" signs an embedded post, not the article
    found = ctx.dates_in(f.index)
    if not found:
        return 0.0
    text = f.text
    if _CODE_MARKS.search(text):
        return 0.0  # "(60 - extract('seconds' from '2020-08-01 17:00 UTC'::timestamptz": program code, no name
    if any(text[d.start:d.end] != d.raw for d in found):
        text = open_seams(text)  # the dates were found with their seams opened ("Nicole Collignon22. Februar 2020")
    if f.n_words > 16 and _words_beside_dates(text, found) > 12:
        return 0.0  # a sentence with a date in it, not a date line; two dates with times may run to 20 words
    named = _name_beside_dates(text, found, ctx)
    return (named[0], Capture({"authors": named[1]})) if named else 0.0


# what program code prints around a date and no byline does: a call ("extract('"), a cast ("::"), braces
_CODE_MARKS = regex.compile(r"\w::\w|[{}]|\b[a-z_][\w.]*\(['\"]")


def _name_beside_dates(text: str, found: list, ctx: Context) -> tuple[float, str] | None:
    """The name beside one of the line's dates (``found``) and core:BY010's vote for it, or None."""
    pos = 0
    for d in found:
        # a label before the date ("Updated:", "Zuletzt geändert am") is cut off by _LABEL_WORDS
        name = _name_in(text[pos:d.start], ctx, before_date=True)
        if name:
            strength = _introduced(text, name, found)
            if strength <= 1.0:
                # "BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by MatsWichmann)": a name that 'by'
                # introduces after the last date outranks capitalised words before one
                tail = _TIME.sub("", text[found[-1].end:]).strip(_NAME_TRIM)
                after = _name_in(tail, ctx, before_date=False) if _NAME_PREFIX.match(tail) else None
                if after:
                    return _introduced(text, after, found), after
            return strength, name
        pos = d.end
    name = _name_in(text[pos:], ctx, before_date=False)
    return (_introduced(text, name, found), name) if name else None


_WORD = regex.compile(r"\w*\p{L}\w*")
# a list of two or more categories or tags after a name: ", Bushido, finished" (the first item ends the name)
_TAG_LIST = regex.compile(r"\s*,\s*[^,|·•]{2,40},\s*\S")


def _words_beside_dates(text: str, found: list) -> int:
    """How many words (with a letter: no times or counts) of the line lie outside its dates."""
    pos, n = 0, 0
    for d in found:
        n += len(_WORD.findall(text, pos, max(pos, d.start)))
        pos = max(pos, d.end)
    return n + len(_WORD.findall(text, pos))


_INTRODUCER = regex.compile(r"(?i:\b(?:by|von|vom|par|por|door|autor(?:innen|in|/in|\*in|:in|_in|en|es|as)?|authors?)\b\s*:?\s*)$")


def _introduced(text: str, name: str, found: list) -> float:
    """The vote for a name beside a date: surer when 'by', 'von' or 'Autor:' introduces it
    ("Veröffentlicht am 8. Februar 2022 von PETA-Team") than for capitalised words alone.

    The introducer must open its part of the line (after a date, a separator or labels such
    as 'Posted on'): in a title ("Stillen senkt das Risiko von Frauen 02.02.2022") it does not.
    """
    first = name.split(",", 1)[0]
    if not first[:1].isupper() and not _MARKED_HANDLE.search(first):
        return 1.0  # a lower-case word ("von human") may be no name at all; "von freeman1984" is one
    at = text.find(first)
    m = _INTRODUCER.search(text, 0, at) if at > 0 else None
    if m is None:
        return 1.0
    lead = text[:m.start()]
    for d in found:
        if d.end <= len(lead):
            lead = lead[:d.start] + " | " + lead[d.end:]  # a date ends a part, as a separator does
    words = _SEGMENTS.split(" " + lead + " ")[-1].split()
    return 1.4 if all(w.lower().strip(":,") in _LABEL_WORDS or w.lower() in _CONNECTORS for w in words) else 1.0


# the small words between a label and a date or name: "Posted on", "Veröffentlicht am", "Publié le"
_CONNECTORS = frozenset("on am um at le el il à the".split())


# a user name that cannot be a word: letters and a digit, dot or underscore ("Marianne1", "j.doe")
_MARKED_HANDLE = regex.compile(r"(?=.*\p{L}{2}).*[\d._]")


@code_rule(
    page_context=False,
    id="core:BY014", label="byline", weight=3.0, max_chars=100,
    when={"n_words": [None, 12]},
    description="A short line of 'By', 'Von', 'Par' or 'Por' (or 'Posted by', 'Autor:') and a name, in any language, is a byline",
    match=["von Kathrin", "by Danilo Dietsch", "Von: Adrian Padeanu", "Publicado por Alberto González",
           "Gepostet von Katharina Volkwein | Wohnen", "Artikel von Alexa von Heyden", "von Marianne1",
           "Blog Beitrag von Margarita Koreneva", "Par Alexandre Hervaud et Jérémy Piette", "• von Alexander Rosenkranz",
           "• PorRodolfo Costa", "Post author By Helge Fahrnberger", "Escribe Camila Méndez", "ByJ.R. Stone KGO logo",
           "By Eric Levitz@EricLevitz", "Geschrieben vonElisa Marvena", "von Alexander Karper  Foto: © GEPA",
           "AUTOR/IN Julius Richter", "Autor*in: Kim Weber", "Auteur: Anna Kubišta",
           "Autoren Jelko Djuren und Jutta Klaukien", "by Bob Yirka , Phys.org", "Text & Fotos: Ivan Valetny", "Authors: Jane Doe and John Roe", "Autores: Ana Pérez y Luis Gómez"],
    no_match=["Von Berlin aus fuhr er weiter.", "by the way", "Par exemple", "von 10 bis 12 Uhr",
              "Von Stubenhockern und Glucken",
              "By 2030, emissions must fall", "von oradmin", "Die Rede von Angela Merkel"],
)
def prefixed_name(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if f.n_words > 12:
        return 0.0
    text = _unmarked(f.text).strip(_NAME_TRIM)
    if _NAME_PREFIX.match(text) is None:
        return 0.0
    if "@" in text:
        text = _AT_HANDLE.sub("", text)  # "By Eric Levitz@EricLevitz": the name, then its social-media handle
    segment = _SEGMENTS.split(text, 1)[0]
    m = _NAME_PREFIX.match(segment)
    if m is None:
        return 0.0
    rest = segment[m.end():]
    if _LIST_SEP.search(rest):
        listed = _name_list(rest, ctx)
        if listed and "," in listed:
            return 1.0, Capture({"authors": listed})
    words = _undoubled(_NAME_END.split(rest + " ", 1)[0].strip(_NAME_TRIM).split())
    if len(words) >= 3 and f.text.rstrip().endswith(":") and segment == text:
        words = words[:-1]  # "von Alexander Karper Barisic:": the word before a colon heads what follows
    cand = " ".join(words)
    if not words or len(words) > 4 or not _name_words(words, ctx):
        return 0.0
    # a lower-case user name needs a digit, dot or underscore to be told from a word ("by far")
    if _NAME.match(cand) or (len(words) == 1 and _HANDLE_NAME.match(cand) and _MARKED_HANDLE.search(cand)):
        return 1.0, Capture({"authors": cand})
    return 0.0


# a post's meta line that opens with the poster and the time of posting: "Posted by Günter W. Kienitz at 18:52"
_POSTED_BY = regex.compile(
    r"^(?:Posted|Written|Published|Gepostet|Geschrieben|Verfasst|Veröffentlicht)\s+(?:by|von)\s+"
    r"(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,3})\s+(?:at|on|am|um)\s+\d")


@code_rule(
    page_context=False,
    id="core:BY025", label="byline", weight=3.0, max_chars=240,
    when={"n_words": [5, 40]}, contains=("posted", "written", "published", "gepostet", "geschrieben", "verfasst",
                                         "veröffentlicht"),
    description="A post's meta line that opens with 'Posted by' ('Geschrieben von', 'Verfasst von' ...), a name of two to "
                "four capitalised words and 'at' or 'on' with the time or date of posting, whatever follows (its tags: "
                "'Posted by Günter W. Kienitz at 18:52 Tagged with: bildung, Eltern'), names the author; core:BY014 reads "
                "such a line only when it is short",
    match=["Posted by Günter W. Kienitz at 18:52 Tagged with: bildung, Eltern, Hausschule, Homeschooling, Lehranstalt",
           "Posted by Ned Deily at 5:11 AM", "Geschrieben von Anna Schmidt am 3. Mai 2021 in Allgemein, Garten, Kochen"],
    no_match=["Posted by admin at 18:52", "Posted by the team on 3 May", "Posted at 18:52 by Günter W. Kienitz",
              "Written by Anna Schmidt, who has covered the region since 2001"],
)
def posted_by_at(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    m = _POSTED_BY.match(_unmarked(f.text).strip())
    if m is None:
        return 0.0
    name = m.group(1)
    if not _name_words(name.split(), ctx) or not _NAME.match(name):
        return 0.0
    return 1.0, Capture({"authors": name})


# a link to the author's other articles: "Mehr von Henry Steinhau", "View all posts by Daniel Lemire"
_AUTHOR_LINK = regex.compile(
    r"^(?i:(?:mehr|alle|weitere)(?:\s+(?:artikel|beiträge|texte|posts))?\s*von|alles\s+von|"
    r"(?:view\s+)?all\s+(?:posts|articles|stories)\s+by|(?:more\s+)?(?:posts|articles|stories)\s+by)"
    r"(?:\s*:\s*|\s+|(?<=[nNyY])(?=\p{Lu}\p{Ll}))")


@code_rule(
    page_context=False,
    id="core:BY019", label="byline", weight=3.0, max_chars=80,
    when={"n_words": [None, 8]}, contains=("von", "by"),
    description="A link to the author's other articles ('Mehr von Henry Steinhau', 'Alles von Martin Junker', 'View "
                "all posts by Daniel Lemire') names the author: two to four capitalised words after it",
    match=["Mehr von Henry Steinhau", "MEHR VON HENRY STEINHAU", "Alles von Martin Junker",
           "View all posts by Daniel Lemire", "Mehr vonNike Jane", "Weitere Artikel von Anna Schmidt",
           "More posts by Jane Doe"],
    no_match=["Mehr von Spiegel", "Mehr vom Autor", "Mehr von uns", "Alle Artikel von heute",
              "More from The Guardian", "Mehr von Anna Schmidt lesen Sie hier im großen Archiv der Zeitung"],
)
def author_link(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if f.n_words > 8:
        return 0.0
    text = _unmarked(f.text).strip(_NAME_TRIM)
    m = _AUTHOR_LINK.match(text)
    if m is None:
        return 0.0
    cand = text[m.end():].strip(_NAME_TRIM)
    words = cand.split()
    if not 2 <= len(words) <= 4 or not _name_words([w.lower() if w.isupper() else w for w in words], ctx):
        return 0.0
    shaped = cand.title() if cand.isupper() else cand
    return (1.0, Capture({"authors": cand})) if _NAME.match(shaped) else 0.0


# the words that open an author's description after a byline's name and a comma: "By Alex Heath, a deputy editor"
_BIO_COMMA = regex.compile(r"\s*,\s+")
# (not 'le', 'el', 'de' and their kin, which open a date as often: "Par Bruno Gobin, le mercredi 15 mai 2019")
_BIO_OPEN = regex.compile(r"(?i:a|an|the|our|who|is|ein|eine|un|une|um|uma|een)\s+\S")


@code_rule(
    page_context=False,
    id="core:BY021", label="byline", weight=3.0, max_chars=400,
    when={"n_words": [6, 60]}, contains=("by", "von", "par", "por", "door"),
    description="A line of 'By' or 'Von' and a name, then a comma and a description of the author ('By Alex Heath, a "
                "deputy editor and author of the Command Line newsletter. He has covered ...'), is a byline with the "
                "author's biography: the name is the author",
    match=["By Alex Heath, a deputy editor and author of the Command Line newsletter. He’s covered the tech industry "
           "for over a decade at The Information and other outlets.",
           "Von Anna Schmidt, eine Korrespondentin, die seit Jahren für unsere Zeitung aus Brüssel berichtet",
           "Par Jean Dupont, un journaliste spécialisé dans les questions d'énergie",
           "By Alex Heath , a deputy editor and author of the Command Line newsletter"],
    no_match=["By 2030, the city wants a new bridge over the river and two more ferries.",
              "By Alex Heath", "Von Berlin aus, die Hauptstadt im Blick, fuhr er weiter nach Hamburg.",
              "By the time the firefighters arrived, the house had burned down to the ground.",
              "By Alex Heath, Jane Doe and John Roe, our reporters in the field",
              "Written by Ana Sandoiu on July 27, 2017, a day after the vote in the senate",
              "Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07",
              "By Jane Doe, a reporter, on March 3, 2020 at 10:00 in the morning"],
)
def byline_with_bio(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if not 6 <= f.n_words <= 60:
        return 0.0
    text = _unmarked(f.text).strip(_NAME_TRIM)
    m = _NAME_PREFIX.match(text)
    if m is None:
        return 0.0
    parts = _BIO_COMMA.split(text[m.end():], 1)  # "By Alex Heath , a deputy editor": a dump's space before the comma
    if len(parts) < 2:
        return 0.0
    cand, rest = parts
    words = cand.split()
    if not 2 <= len(words) <= 4 or not _NAME.match(cand) or not _name_words(words, ctx):
        return 0.0
    if not _BIO_OPEN.match(rest):
        return 0.0
    start = len(text) - len(rest)
    if any(d.start < start + 40 for d in ctx.dates_in(f.index)):
        return 0.0  # "By Jane Doe, a day ago": a date beside the name, core:BY010's line, not a biography
    return 1.0, Capture({"authors": cand})


# a name set off from a bare age by a separator: "James Akinaka • 8h", "Jane Doe · 3d", "Jane Doe | 12 min"
_NAME_AGE = regex.compile(r"^(.+?)\s*[•·∙|]\s*\d{1,2}\s?(?:h|hr|hrs|d|m|min|mins|w|wk|wks)\.?$")


@code_rule(
    page_context=False,
    id="core:BY022", label="byline", weight=2.5, max_chars=60,
    when={"n_words": [2, 8]}, contains=("•", "·", "∙", "|"),
    description="A short line of a name and, set off by a separator, a bare age ('James Akinaka • 8h', 'Jane Doe · 3d'): "
                "the author and how long ago the post went up, as core:BY010 reads a name beside '8 hours ago'",
    match=["James Akinaka • 8h", "[submit] James Akinaka • 8h", "Jane Doe · 3d", "Jane Doe | 12 min"],
    no_match=["Home • 8h", "Politics · 3d", "James Akinaka • 8 Comments", "Share • 8h", "James Akinaka",
              "James Akinaka • 2021"],
)
def name_and_age(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    m = _NAME_AGE.match(_unmarked(f.text).strip())
    if m is None:
        return 0.0
    cand = m.group(1).strip(_NAME_TRIM)
    words = cand.split()
    if not 2 <= len(words) <= 4 or not _NAME.match(cand) or not _name_words(words, ctx):
        return 0.0
    return 1.0, Capture({"authors": cand})


# a sentence's end and then the writer's initials in lower case, a news desk's sign-off ('… Cheval Blanc). aw',
# '… im Mai. red', '… der Bahn. tk/dpa')
_SIGN_OFF = regex.compile(r"\.[\"'”“»)]*\s+\p{Ll}{2,3}(?:/\p{Ll}{2,3})?$")


@code_rule(
    page_context=False,
    id="core:BD006", label="body", weight=-0.8,
    when={"n_words": [8, None], "ends_sentence": False, "ends_colon": False, "stops_mid_sentence": False},
    description="A long line that does not end like a sentence (a title, a teaser, a list entry) is less likely article text; "
                "a sentence's full stop followed by the writer's initials in lower case (a news desk's sign-off, "
                "'… Cheval Blanc). aw') ends like one",
    match=["4. 東証大引け　大幅続落、401円安　米中摩擦を警戒、中国株安も重荷", "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum Hamburg",
           "05.11.23 - 17:42 von Wir sind auf dem richtigen Weg? zu"],
    no_match=[_PROSE, "The MoU between the two Parliaments also mentions the BRI,",
              "Zu LVMH gehören zudem die Top-Châteaux Chateau d’Yquem und Cheval Blanc (Cheval Blanc). aw",
              "Der Umschlag im Hafen stieg im vergangenen Jahr um zwölf Prozent. tk/dpa"],
)
def no_sentence_end(f: Features, ctx: Context) -> float:
    if f.n_words < 8 or f.ends_sentence or f.ends_colon or f.stops_mid_sentence:
        return 0.0
    if _SIGN_OFF.search(f.text):
        return 0.0  # the sentence ends before the writer's initials ('… Cheval Blanc). aw')
    return 1.0


_NUMBERED = regex.compile(r"^\d{1,2}[.)]\s")


@code_rule(
    page_context=False,
    id="core:RL012", label="related-title", weight=1.5,
    when={"is_bullet": True, "n_words": [3, None], "ends_sentence": False},
    description="A numbered line that reads like a title is an entry of a ranking or 'most read' list",
    match=["1. 中国Ｍ＆Ａ阻止の動き　米欧政府、技術流出を警戒［有料会員限定］", "3. Bridge closes after cracks are found"],
    no_match=["1. Preheat the oven to 180 degrees and grease the tin.", "Bridge closes after cracks are found"],
)
def numbered_title(f: Features, ctx: Context) -> float:
    return 1.0 if _NUMBERED.match(f.text) and not f.ends_sentence and f.n_words >= 3 else 0.0


@code_rule(
    page_context=False,
    id="core:RL013", label="related-title", weight=4.0,
    description="A line that prints its title twice (a teaser card's image text and link text run together, "
                "as lynx and w3m dump them: 'Google has captured your mind Google has captured your mind') is a teaser",
    match=["* Google has captured your mind Google has captured your mind",
           "Kylie Jenner -- When I Was 17 ... (PHOTO) Kylie Jenner -- When I Was 17 ...",
           "Ashley Judd pressing charges against misogynist trolls who threatened her over sports Ashley Judd pressing charges against misogynist"],
    no_match=["We don't know what we don't know", "Bridge closes after cracks are found", _PROSE,
              "Home Home Home"],
)
def doubled_title(f: Features, ctx: Context) -> float:
    words = f.tokens
    n = len(words)
    if n < 8 or n > 2 * _p(ctx, "title_max_words"):
        return 0.0
    folded = [w.casefold() for w in words]
    # the title (k words) and then its repetition, whole or cut short after at least five words
    for k in range(4, n - 3):
        rest = n - k
        if rest > k:
            continue
        if (rest == k or rest >= 5) and folded[k:] == folded[:rest]:
            return 1.0
    return 0.0


# a capitalised name word: "Anna", "DeFino", "O'Callaghan", "Engels-Krone"
_NAME_WORD = r"\p{Lu}(?:[\p{Ll}\p{M}]|['’-]\p{L}|\p{Lu}\p{Ll})+"
# an academic title before a name: "Dr. Tim Loppe", "Prof. Dr. Anna Schmidt", "Dr.-Ing. Jan Koch" (kept in the name)
_ACADEMIC_TITLE = r"(?:(?:Prof\.|Dr\.(?:-Ing\.|\s+(?:med|phil|rer\.\s?nat|jur)\.)?|Dipl\.-\p{Lu}\p{Ll}*\.|Mag\.|PD)\s+){0,3}"
_LONE_NAME = regex.compile(r"^" + _ACADEMIC_TITLE + _NAME_WORD + r"(?:\s+(?:\p{Lu}\.|" + _NAME_WORD + r")){1,2}$")


_ONE_NAME = r"(?:" + _NAME_WORD + r"(?:\s+(?:\p{Lu}\.|" + _NAME_WORD + r")){1,2})"
# "Isabel Caro, Rocío Latorre y José Miguel Wilson": two to five names and nothing else
_NAME_LIST_LINE = regex.compile(r"^" + _ONE_NAME + r"(?:\s*,\s*" + _ONE_NAME + r"){0,3}"
                                r"(?:\s*(?:,|&|" + "|".join(rf"\b{w}\b" for w in sorted(_LIST_WORDS)) + r")\s*"
                                + _ONE_NAME + r")$")


# what text dumps put before a name: list marks ("* "), lynx's form and image marks ("[submit]", "[]");
# a numbered list of names is a ranking, not a byline
_NAME_LEAD = regex.compile(r"^(?:\[[^\]]{0,20}\]\s*|[*•·+\-□■◦▪‣]\s+)+")
_LEAD_MARKS = frozenset("[*•·+-□■◦▪‣")


@line_fact
def _lone_name_text(f: Features) -> str | None:
    """The name when the line is only a name, or None (worked out once per unit). A name printed twice in a
    row (an image's alt text, then the name) counts once."""
    return _compute_lone_name(f) if f.n_words <= 16 else None


# the alt text of an author's picture, printed by lynx beside the name: "Avatar Frank Hahn",
# "Profilbild MikeNils", "Alex Bozarjian Image", "ByJ.R. Stone KGO logo"
_IMAGE_LEAD = regex.compile(r"^(?:(?i:avatar|gravatar|profilbild|autorenbild|autorbild|autorfoto|"
                            r"profile (?:photo|picture|image)|author (?:photo|image|avatar))\s+)+")
# an image's file name as its alt text: "dsteer-headshot Dave Steer", "jane_doe_headshot.jpg Jane Doe"
_HEADSHOT_LEAD = regex.compile(r"^[\w.-]*(?i:headshot)[\w.-]*\s+(?=\p{Lu})")
_IMAGE_TAIL = regex.compile(r"\s+(?:\p{Lu}[\p{Lu}\d]{1,6}\s+)?(?i:logo|image|avatar)$")


def _unmarked(text: str) -> str:
    """``text`` without the list, box or form marks a dump puts before it and without the alt text of an
    author's picture around it (cheap when there are none)."""
    if text[:1] in _LEAD_MARKS:
        text = _NAME_LEAD.sub("", text)
    if text[:1] in "AaGgPp":
        text = _IMAGE_LEAD.sub("", text)
    if "eadshot" in text:
        text = _HEADSHOT_LEAD.sub("", text)
    if text[-4:].lower() in ("logo", "mage", "atar"):
        text = _IMAGE_TAIL.sub("", text)
    return text


def _undoubled(words: list[str]) -> list[str]:
    """A name printed twice in a row counts once: "Newsdesk Newsdesk" -> "Newsdesk"."""
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:] and len("".join(words[:half])) >= 4:
        return words[:half]
    return words  # initials may repeat ("R. R.")


def _compute_lone_name(f: Features) -> str | None:
    text = _unmarked(f.text)
    if "@" in text:
        text = _AT_HANDLE.sub("", text)  # "Devindra Hardawar, @devindra": the name and its handle
    text = text.rstrip(",;|/·•–— \u00a0")  # "Marie Merlet |", "Gunter Frank /": a separator left of the next item
    if not text[:1].isupper() or text.endswith(":"):
        return None  # "Open Journalism Project:" heads what follows
    if " " not in text and _SPACE.search(text) is None:
        return None  # one word: every name shape below has two or more (cheap: most such lines are menu items)
    half = len(text) // 2
    if len(text) % 2 and text[half] == " " and text[:half] == text[half + 1:]:
        text = text[:half]
    if _NAME_PREFIX.match(text):
        return None  # "Autor Mark Newton": a prefixed byline, read by core:BY014
    # (each shape is searched only when the line can hold it: a role tail ends in a role word or ')', a list of
    # names holds ',', '&' or a list word between spaces or after an initial's dot: "Anna B.und Jan Koch")
    if f.n_words >= 3 and (text.endswith((")", ")\n")) or _ROLE_END.search(text, max(0, len(text) - _ROLE_REACH))):
        # "Richard Adams Education editor", "Brit Weirich (Medizinredakteurin)": the name and the author's role
        for tail in _ROLE_TAILS:
            role = tail.search(text)
            if role and _LONE_NAME.match(text[:role.start()]):
                return text[:role.start()]
    if _LONE_NAME.match(text) or (f.n_words <= 16 and ("," in text or "&" in text or not _LIST_WORDS.isdisjoint(text.replace(".", " ").split()))
                                  and _NAME_LIST_LINE.match(text)):
        return text
    if _given_name(text) and (_CAPS_NAME.match(text) or _PARTICLE_NAME.match(text)):
        return text  # "SVEN MICHAELSEN", "Christoph von Eichhorn": a given name first
    return None


# an author's role after the name: a role word, perhaps after one word ("Education editor"), or a short
# parenthesis that holds one ("(Medizinredakteurin. M.A.)")
_ROLES = (r"editor|redakteur(?:in)?|chefredakteur(?:in)?|autor(?:in)?|author|reporter(?:in)?|correspondent|"
          r"korrespondent(?:in)?|columnist|kolumnist(?:in)?|writer|journalist(?:in)?|redacteur|rédact(?:eur|rice)|"
          r"redactor(?:a)?|periodista|giornalista|jornalista")
# (a role word in lower case may follow one word of its own: "Education editor", "senior writer")
_ROLE_TAILS = (regex.compile(r"\s+\p{L}+\s+(?:" + _ROLES + r")$"), regex.compile(r"\s+(?i:" + _ROLES + r")$"),
               regex.compile(r"\s+\((?i:[^()]{0,40}?(?:" + _ROLES + r")[^()]{0,60})\)$"))
# a role word at the line's end, in any case (the first two tails need one); no role word is longer than _ROLE_REACH,
# so it is searched in the line's last _ROLE_REACH characters only
_ROLE_END = regex.compile(r"(?i:" + _ROLES + r")$")
_ROLE_REACH = 24


def _load_given_names() -> frozenset[str]:
    path = Path(__file__).with_name("given_names.txt")
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for line in words if not line.startswith("#") for w in line.split())


#: common given names (lower case) of the languages the built-in packs read
GIVEN_NAMES = _load_given_names()
# a name in capitals: "SVEN MICHAELSEN", "NATALIYA VASILYEVA"
_CAPS_NAME = regex.compile(r"^\p{Lu}{2,}(?:-\p{Lu}{2,})?(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Lu}'’-]+)){1,2}$")
# words inside a name that are no name words of their own: "Christoph von Eichhorn", "Edilson La Rosa"
_NAME_PARTICLES = frozenset("von van vom zu de der den da di del della la le du dos das bin ibn al".split())
_PARTICLE_NAME = regex.compile(r"^" + _NAME_WORD + r"\s+(?:(?i:" + "|".join(sorted(_NAME_PARTICLES)) + r")\s+){1,2}"
                               + _NAME_WORD + r"$")


def _given_name(name: str) -> bool:
    """The name starts with a common given name ("Jan Koch", "SVEN MICHAELSEN", "Anne-Sophie Mutter")."""
    first = name.split(None, 1)[0].casefold()
    return first in GIVEN_NAMES or first.split("-", 1)[0] in GIVEN_NAMES


@line_fact
def _is_lone_name(f: Features, ctx: Context) -> bool:
    """The line is only a person's name (two or three capitalised words) or a list of such names;
    the connecting 'and' aside, no stop words."""
    name = _lone_name_text(f)
    if name is None:
        return False
    # a particle inside a name that starts with a given name is no stop word ("Christoph von Eichhorn"),
    # nor is the given name itself ("Will Knight")
    # (only the name's own words count: not those of a role cut off after it)
    tokens = f.tokens if name == f.text else _NAME_TOKENS.findall(name)
    if any(t.lower() in _ACCOUNT_WORDS for t in tokens):
        return False  # "Login Join", "Anmelden Registrieren": an account's buttons, not a person
    if _given_name(name):
        first = name.split(None, 1)[0].lower()
        return not any(t.lower() in ctx.stopwords and t.lower() not in _LIST_WORDS | _NAME_PARTICLES
                       and not (k == 0 and t.lower() == first) for k, t in enumerate(tokens))
    return not any(t.lower() in ctx.stopwords and t.lower() not in _LIST_WORDS for t in tokens)


_NAME_TOKENS = regex.compile(r"\w+")
# the words of a site's account buttons, which no person's name holds
_ACCOUNT_WORDS = frozenset("login logout signin signup register subscribe join anmelden abmelden registrieren "
                           "abonnieren einloggen connexion inscription".split())
_SPACE = regex.compile(r"\s")


@code_rule(
    page_context=False,
    id="core:BY011", label="byline", weight=2.0, max_chars=120,
    when={"n_words": [None, 16], _is_lone_name: True},
    description="A line that is only a person's name (two or three capitalised words), or a list of names, may be the byline; position decides",
    match=["Pippin Lee", "John C. Welch", "Sarah Archer", "Amelie Siekmann,", "Jessica DeFino", "Gavin O'Callaghan",
           "Isabel Caro, Rocío Latorre y José Miguel Wilson", "David Brand and Ramsey Khalifeh", "* Hazel Sheffield",
           "Pippin Lee Pippin Lee", "[submit] James Akinaka", "Avatar Frank Hahn", "dsteer-headshot Dave Steer", "Alex Bozarjian Image",
           "Devindra Hardawar, @devindra", "Will Knight", "Richard Adams Education editor",
           "Brit Weirich (Medizinredakteurin. M.A. Mehrsprachige Kommunikation)", "Harald Bauer Autor", "Marie Merlet |",
           "Dr. Tim Loppe", "Prof. Dr. Anna Schmidt"],
    no_match=["Home", "With new big data centre", "Contact Us", "Sign In Now", "Politik, Wirtschaft und Kultur",
              "1. Sir Ian McKellen", "Autor Mark Newton", "Enlarge Image", "Open Journalism Project:",
              "Terms of Use and Privacy Policy", "Will Power Now Ends Here", "@devindra", "Login Join", "Dr. Oetker"],
)
def lone_name(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    return (1.0, Capture({"authors": _lone_name_text(f)})) if _is_lone_name(f, ctx) else 0.0


@line_fact
def _names_author_next(f: Features) -> bool:
    """The line is only 'Von', 'By' or 'Autor:', ends in a capitalised 'Von' or 'By', heads an author box, or is a
    post's meta line that stops at 'by' after its date ("Written on Mar 17 by"): the next line may name the author
    (core:BY012)."""
    before = _unmarked(f.text.strip())
    return bool(_PREFIX_ALONE.match(before) or _PREFIX_END.match(before) or _ABOUT_AUTHOR.match(before)
                or _DATED_BY.match(before))


@code_rule(
    id="core:BY012", label="byline", weight=3.0, max_chars=60,
    when={"n_words": [None, 5]},
    description="The line after a line that is only 'Von', 'By' or 'Autor:', after the heading of an author box ('About the "
                "Author', 'Über den Autor') or after a meta line that stops at 'by' ('Written on Mar 17 by'), names the author (one capitalised word only when it is a known given name)",
    match=[{"text": "Thomas Steinberg", "before": ["Von"]}, {"text": "mh", "before": ["Autor:"]}, {"text": "mh", "before": ["Text:"]},
           {"text": "Sarah Archer", "before": ["About the Author"]}, {"text": "Anna Kubišta", "before": ["Auteur:"]}, {"text": "Katharina Volkwein", "before": ["Über den Autor"]},
           {"text": "Ernst Lohoff", "before": ["Disko Von"]},
           {"text": "Jane Doe", "before": ["Written by"]}, {"text": "Kathrin", "before": ["Von"]},
           {"text": "Pippin Lee", "before": ["Written on Mar 17 by"]},
           {"text": "Marwan H. Adwan", "before": ["Authors"]}, {"text": "Tilman Weber", "before": ["Autoren:"]},
           {"text": "MikeNils", "before": ["Von"]}],
    no_match=[{"text": "Thomas Steinberg", "before": ["Home"]}, {"text": "Berlin ist eine Stadt.", "before": ["Von"]},
              {"text": "Zeige alle Artikel", "before": ["Über den Autor"]}, {"text": "Affiliations", "before": ["About the author"]},
              {"text": "Thomas Steinberg", "before": ["Er sprach lange davon"]},
              {"text": "Thomas Steinberg", "before": ["The book was written by"]},
              {"text": "Neueste Aktivitäten", "before": ["Authors"]},
              {"text": "Thomas Steinberg"}, {"text": "Meinung", "before": ["Von"]},
              {"text": "background", "before": ["Text"]}],
)
def name_after_prefix(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    i = f.index
    if i == 0 or f.n_words > 5 or ctx.features[i - 1].n_words > 5:
        return 0.0
    if not _names_author_next(ctx.features[i - 1]):
        return 0.0
    cand = _NAME_END.split(_unmarked(f.text).strip(_NAME_TRIM), 1)[0].strip(_NAME_TRIM)
    words = cand.split()
    if not words or len(words) > 4 or not _name_words(words, ctx):
        return 0.0
    if _PLURAL_ALONE.match(_unmarked(ctx.features[i - 1].text.strip())) and not (
            _given_name(cand) or _MIDDLE_INITIAL.search(cand)):
        return 0.0  # "Autoren" alone is as often a menu item ("Authors" / "Neueste Aktivitäten"): a person's name only
    # one capitalised word is a name only when it is a known given name: under a lone 'Von' it is as often a
    # heading ("Meinung", "Veranstaltung") as a person; a user name ("mh", "MikeNils") is one, but not under a
    # bare 'Text' or 'Interview', which heads a settings panel or a menu as often ("Text" / "background")
    if len(words) >= 2 and _NAME.match(cand):
        return 1.0, Capture({"authors": cand})
    if len(words) == 1 and (_given_name(cand) or (
            _HANDLE_NAME.match(cand) and not _GENERIC_ALONE.match(_unmarked(ctx.features[i - 1].text.strip())))):
        return 1.0, Capture({"authors": cand})
    return 0.0


@code_rule(
    id="core:BY013", label="byline", weight=1.0, max_chars=40,
    when={"n_words": [None, 16], _is_lone_name: True},
    description="A line that is only a person's name, right above or below a line that is mostly a date (up to two separator "
                "lines or empty list items between them: 'Nike Jane', '–', '14.09.2022'; a time stamp with a two-digit "
                "year, '9/11/13 10:00AM', is one), is the byline",
    match=[{"text": "Oliver Baroni", "before": ["19.10.19, 18:56"]},
           {"text": "Amelie Siekmann,", "after": ["am Sonntag, 11.12.2022 - 05:00"]},
           {"text": "Nike Jane", "after": ["–", "14.09.2022"]}, {"text": "* Bianca Praetorius", "after": ["*", "*", "+ 2. Okt. 2022"]},
           {"text": "* Amber Guetebier", "before": ["* 2021/09/19", "* |"]},
           {"text": "Mama Robotnik", "after": ["9/11/13 10:00AM"]}],
    no_match=[{"text": "Oliver Baroni", "before": ["Home"]}, {"text": "Sport", "before": ["19.10.19, 18:56"]},
              {"text": "Oliver Baroni", "after": ["9/11/13"]}, {"text": "Oliver Baroni", "after": ["Version 1.2.13 10:00"]},
              {"text": "Oliver Baroni", "after": ["*", "Home", "19.10.19, 18:56"]},
              {"text": "Vorheriges Weiter", "after": ["«", "»", "24. Juli 2017"]},
              {"text": "Felipe Berríos", "after": ["Por Rodrigo Mejías04 de mayo 2022 a las 09:01 hrs."]}],
)
def name_beside_date(f: Features, ctx: Context) -> float:
    if not _is_lone_name(f, ctx):
        return 0.0
    i = f.index
    for step in (-1, 1):
        j = _past_fillers(ctx, i, step)[0]
        if 0 <= j < len(ctx.features) and _mostly_date(ctx.features[j], ctx) and not _names_its_own(j, ctx):
            return 1.0
    return 0.0


def _names_its_own(j: int, ctx: Context) -> bool:
    """Whether date line ``j`` names a person of its own ("Por Rodolfo Mejías 04 de mayo 2022"): then the name
    line beside it is someone else (a photo credit, the person in the picture)."""
    found = ctx.dates_in(j)
    text = ctx.features[j].text
    if any(text[d.start:d.end] != d.raw for d in found):
        text = open_seams(text)  # "Por Rodrigo Mejías04 de mayo 2022"
    return _name_beside_dates(text, found, ctx) is not None


def _past_fillers(ctx: Context, i: int, step: int) -> tuple[int, str]:
    """The next unit from ``i`` in the direction ``step`` past at most ``_FILLER_MAX`` filler lines printed right
    beside it (one blank line allowed): a separator ("·", "—", "|"), an empty list item ("*"), a form mark
    ("(BUTTON)"), a connector ("on", "am"). Also what of the fillers goes between a name and a date written on one
    line: the separators and connectors (" · ", " on "), or a space. The unit is -1 when a filler stands apart."""
    n = len(ctx.features)
    j, between = i + step, []
    while 0 <= j < n and abs(j - i) <= _FILLER_MAX and ctx.features[j].n_chars <= _FILLER_CHARS and _FILLER_LINE.match(ctx.features[j].text):
        if ctx.gap_before(max(j, j - step)) > 1:
            return -1, " "
        text = ctx.features[j].text
        if text.isalpha() or any(c in _SET_OFF for c in text):
            between.append(text)
        j += step
    if j != i + step and 0 <= j < n and ctx.gap_before(max(j, j - step)) > 1:
        return -1, " "
    return j, " ".join(["", *(between if step > 0 else reversed(between)), ""])


_SEPARATOR_LINE = regex.compile(r"^[\W_]{1,3}$")
_CAP_PARTS = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+")


def _user_name(f: Features, ctx: Context) -> str | None:
    """The line's one word when it is shaped like a user name (core:BY017), or None."""
    if f.n_words != 1:
        return None
    cand = _unmarked(f.text).strip(_NAME_TRIM)
    if not cand or " " in cand or not _HANDLE_NAME.match(cand) or not _name_words([cand], ctx):
        return None
    # a user name has digits, a dot or an underscore ("Marianne1", "j.doe") or two or three capitalised parts
    # ("MikeNils"); a plain word ("Sport", "schließen", "partager") is a button or a heading as often
    if not _MARKED_HANDLE.search(cand):
        parts = _CAP_PARTS.findall(cand)
        if not 2 <= len(parts) <= 3 or len(set(parts)) < len(parts) or "".join(parts) != cand:
            return None
    return cand


@code_rule(
    id="core:BY017", label="byline", weight=2.5, max_chars=32,
    when={"n_words": 1},
    description="A line that is only a user name (one word of two or three capitalised parts, or with digits, a dot or "
                "an underscore: 'MikeNils', 'Marianne1') right above or below a line that is mostly a date (a separator "
                "line between them allowed) is the byline: the name and the date of a post, one to a line",
    match=[{"text": "MikeNils", "after": ["18.10.2019, 15:07 Uhr"]}, {"text": "HansEhrlich", "after": ["—", "2. Februar 2022"]},
           {"text": "Marianne1", "before": ["26.09.20"]}],
    no_match=[{"text": "MikeNils", "after": ["Home"]}, {"text": "Sport", "after": ["15. Oktober 2023"]},
              {"text": "contact", "after": ["15. Oktober 2023"]},
              {"text": "TeilenTeilenDrucken", "after": ["15. Oktober 2023"]},
              {"text": "149", "after": ["18.10.2019, 15:07 Uhr"]}, {"text": "the", "after": ["October 15, 2023"]},
              {"text": "Jane Doe", "after": ["15. Oktober 2023"]}],
)
def user_name_beside_date(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    cand = _user_name(f, ctx)
    if cand is None:
        return 0.0
    i, n = f.index, len(ctx.features)
    for step in (-1, 1):
        j = i + step
        if 0 <= j < n and _SEPARATOR_LINE.match(ctx.features[j].text):
            j += step  # "reineckefuchs", "—", "2. Februar 2022"
        if 0 <= j < n and _mostly_date(ctx.features[j], ctx):
            return 1.0, Capture({"authors": cand})
    return 0.0


# what a dump prints on a line of its own between the name and the date of a post's meta line: a separator
# ("·", "—", "|"), an empty list item ("*", "•"), a form or image mark ("(BUTTON)", "[]")
# (not an arrow: "«", "»" page through posts)
_FILLER_MARK = r"[|·•∙*+□■◦▪‣#_=/,:;\-–—]"
_FILLER_LINE = regex.compile(r"^(?:" + _FILLER_MARK + r"(?:\s?" + _FILLER_MARK + r"){0,2}|\((?:BUTTON|IMAGE)\)|\[[^\]\s]{0,12}\]|"
                             r"(?i:on|am|um|at|le|el|il|à))$")
_FILLER_MAX = 2
_FILLER_CHARS = 14  # no filler line is longer


@code_rule(
    id="core:BY020", label="byline", weight=2.5, max_chars=40,
    when={"n_words": [1, 4]},
    description="A short line that is only a name, right above a line that is mostly a date (separators, empty list "
                "items or a connector such as 'on' between them, a lone 'von' or 'By' above it), reads as the one line a "
                "browser prints ('Paddy · April 19, 2019', 'von Newsdesk 28. Januar 2022'): the name beside the date is "
                "the byline, as core:BY010 reads it ('von flerche' too). Dumps that print each inline element of a "
                "post's meta line on a line of its own (lxml) need it. Not for an item of a menu of short lines, nor "
                "for what core:BY013, core:BY014 and core:BY017 read (a person's name, 'von Jane Doe', a user name)",
    match=[{"text": "Paddy", "after": ["·", "April 19, 2019"]},
           {"text": "reineckefuchs", "before": ["Viviane Obenauf – Staatsanwaltschaft hat Beweise vorgelegt"],
            "after": ["—", "2. Februar 2022"]},
           {"text": "Limespacer", "before": ["von"], "after": ["·", "22. Oktober 2019"]},
           {"text": "Newsdesk", "before": ["von"], "after": ["28. Januar 2022, 12:01"]},
           {"text": "Dago", "before": ["By"], "after": ["on", "11. März 2014"]},
           {"text": "mh", "after": ["15. Oktober 2023"]}, {"text": "Redaktion", "after": ["-", "31. Januar 2022"]},
           {"text": "von flerche", "after": ["21. September 2019"]},
           {"text": "Eurosport", "before": ["Von"], "after": ["Publiziert 02/02/2022 um 09:23 GMT"]}],
    no_match=[{"text": "Sport", "after": ["15. Oktober 2023"]}, {"text": "Paddy", "after": ["Home"]},
              {"text": "Paddy", "after": ["·", "Home", "April 19, 2019"]},
              {"text": "instagram", "before": ["twitter"], "after": ["24.01.2022"]},
              {"text": "picture alliance | Andrew Milligan", "after": ["03.11.2021"]},
              {"text": "Updated", "after": ["April 19, 2019"]}, {"text": "Mehr lesen", "after": ["April 19, 2019"]},
              {"text": "Paddy · April 19, 2019"}, {"text": "Paddy", "before": ["April 19, 2019"]},
              {"text": "Nike Jane", "after": ["–", "14.09.2022"]}, {"text": "MikeNils", "after": ["18.10.2019, 15:07 Uhr"]},
              {"text": "von Jane Doe", "after": ["21. September 2019"]}, {"text": "von Marianne1", "after": ["am 20.09.2020"]},
              {"text": "Share", "after": ["|", "April 21, 2022"]}, {"text": "edit", "after": ["4 de maio de 2022, 05:34 h"]},
              {"text": "WhatsApp", "after": ["4 de maio de 2022, 05:34 h"]}],
)
def name_over_split_date(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if f.n_words > 4 or not f.n_words:
        return 0.0
    # the cheap tests first: a date line beside this one (a short line: 'hace una hora' has no digit), and no
    # date in this line
    i, n = f.index, len(ctx.features)
    if i + 1 >= n or ctx.features[i + 1].n_chars > 80:
        return 0.0  # neither a filler nor a date line
    j, between = _past_fillers(ctx, i, 1)
    if not 0 <= j < n or ctx.gap_before(j) > 1:
        return 0.0
    if not _mostly_date(ctx.features[j], ctx) or ctx.dates_in(i):
        return 0.0
    name = _unmarked(f.text).strip(_NAME_TRIM)
    if not name or _FILLER_LINE.match(name):
        return 0.0
    lead = ""
    prefix = _NAME_PREFIX.match(name)
    if prefix:
        # "von flerche": a user name in lower case after 'von', which core:BY014 leaves to the date beside it
        lead, name = name[:prefix.end()], name[prefix.end():].strip(_NAME_TRIM)
        if not name or _NAME.match(name) or " " in name or _MARKED_HANDLE.search(name):
            return 0.0  # "von Jane Doe", "von Marianne1": core:BY014 reads it
    elif _is_lone_name(f, ctx) or _user_name(f, ctx):
        return 0.0  # a person's name or a user name: core:BY011 with core:BY013, or core:BY017, weigh it
    if _names_its_own(j, ctx):
        return 0.0
    if i > 0 and ctx.gap_before(i) <= 1 and not lead:
        above = ctx.features[i - 1]
        if _PREFIX_ALONE.match(_unmarked(above.text).strip()):
            lead = _unmarked(above.text).strip() + " "
        elif above.n_words <= 2 and not ctx.dates_in(i - 1):
            return 0.0  # "twitter", "instagram", "24.01.2022": an item of a menu of short lines, beside a date
    text = lead + name + between + _unmarked(ctx.features[j].text)
    found = ctx.dates.find(text)
    named = _name_beside_dates(text, found, ctx) if found else None
    if named is None or named[1] != name:
        return 0.0
    return named[0], Capture({"authors": named[1]})


# a copyright line and the name of its holder: "© 2009-2012 Jonathan Krase.", "Copyright (c) 2012- Gregory Szorc. All
# rights reserved", "©2020 - Bernhard Sgoda - RENT A SALESMAN", "© Jonathan Krase 2016-2020"
_COPYRIGHT_HOLDER = regex.compile(
    r"(?:©|\([cC]\)|\b[Cc]opyright\b)(?:\s*(?:©|\([cC]\)))?\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?(?:[-–]\s*)?"
    r"(?:by\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}\p{Ll}+){1,2})(?=\s*(?:$|[.,•|·–-]|\d{4}|All\b))")


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


def _holder(f: Features, ctx: Context) -> str | None:
    """The person-shaped holder of a copyright line with a year, or None ("© Anna Schäffer", "Foto © Peter
    Steiger": a photo credit, which names no year)."""
    m = _COPYRIGHT_HOLDER.search(f.text)
    if m is None or not _YEAR.search(f.text):
        return None
    name = m.group(1)
    return name if _name_words(name.split(), ctx) else None


@code_rule(
    page_context=False,
    id="core:BY023", label="footer", weight=0.5, max_chars=160,
    when={"n_words": [2, 24]}, contains=("©", "(c)", "copyright"),
    description="A copyright line whose holder is a person ('© 2009-2012 Jonathan Krase.', 'Copyright (c) 2012- Gregory "
                "Szorc. All rights reserved'): two or three capitalised words that start with a common given name, and "
                "a year on the line (a photo credit, '© Anna Schäffer', names none). "
                "Votes footer and captures `holder`: the byline choice names the holder the author of a page that has "
                "no byline",
    match=["© 2009-2012 Jonathan Krase. Impressum & Datenschutz Proudly powered by WordPress",
           "Copyright (c) 2012- Gregory Szorc. All rights reserved. Design by CSS Templates.",
           "©2020 - Bernhard Sgoda - RENT A SALESMAN®",
           "© Jonathan Krase 2016-2020"],
    no_match=["© 2022 Asian Lite News", "© Getty Images", "© 2019 Heise Medien GmbH", "© Anna Schäffer",
              "Foto © Peter Steiger",
              {"text": "© Auswärtiges Amt", "before": ["Auswärtiges Amt"]},
              "Copyright 2023 Statistics Globe – Legal Notice & Privacy Policy"],
)
def copyright_holder(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    name = _holder(f, ctx)
    if name is None:
        return 0.0
    if not _given_name(name):
        return 0.0  # "© Auswärtiges Amt", "© 2023 Spanien Forum", even when the site's title prints it alone
    return 1.0, Capture({"holder": name})


def _token_counts(ctx: Context) -> dict[str, int]:
    """How often each word (case-folded) occurs on the page, counted once per page."""
    def count() -> dict[str, int]:
        counts: dict[str, int] = {}
        for g in ctx.features:
            for t in g.tokens:
                t = t.casefold()
                counts[t] = counts.get(t, 0) + 1
        return counts

    return ctx.once("token_counts", count)


_SITE_TITLE_UNITS = 3  # how many units at the top of the page may print a personal site's title


@code_rule(
    id="core:BY024", label="footer", weight=0.5, max_chars=160,
    when={"n_words": [2, 24]}, contains=("©", "(c)", "copyright"),
    description="A copyright line with a year whose holder (two or three capitalised words, no common given name) is also the "
                "site's title, a line of its own among the page's first three units, and whose words the page prints "
                "nowhere but in that name ('Haki Benita' at the top, '© Haki Benita 2016-2020' at the foot) names a "
                "personal site's owner: votes footer and captures `holder`, which the byline choice takes for a page "
                "that has no byline. Not a company or a society whose title is made of words the page also uses "
                "('Auswärtiges Amt', 'Spanien Forum': 'das Amt', 'im Forum')",
    match=[{"text": "© Haki Benita 2016-2020", "before": ["Haki Benita", "Blog", "About",
                                                          "I write about Django and PostgreSQL."]}],
    no_match=["© Haki Benita 2016-2020",
              {"text": "© Haki Benita", "before": ["Haki Benita", "Blog"]},
              {"text": "© 2023 Spanien Forum", "before": ["Spanien Forum", "Reisen", "Das Forum für Reisen nach Spanien."]},
              {"text": "© 2023 Spanien Forum", "before": ["Home", "Reisen", "Urlaub", "Spanien Forum"]},
              {"text": "© 2020 Jonathan Krase", "before": ["Jonathan Krase", "Blog"]}],
)
def site_owner(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    name = _holder(f, ctx)
    if name is None or _given_name(name):
        return 0.0  # a common given name: core:BY023 reads it
    words = name.split()
    if not any(_unmarked(ctx.features[k].text).strip(_NAME_TRIM) == name
               for k in range(min(_SITE_TITLE_UNITS, f.index))):
        return 0.0
    # each word of the name occurs only as often as the whole name does: no word of it is an ordinary word of the page
    folded = name.casefold()
    times = sum(g.text.casefold().count(folded) for g in ctx.features)
    counts = _token_counts(ctx)
    if any(counts.get(w.casefold(), 0) > times for w in words):
        return 0.0
    return 1.0, Capture({"holder": name})


@code_rule(
    id="core:BY015", label="byline", weight=-2.0, max_chars=40,
    when={"n_words": [None, 16], _is_lone_name: True},
    description="A name-shaped line the page repeats four or more times (a run of it counting once) labels teasers (a source, a section), not the article",
    match=[{"text": "Tech Insider", "after": ["Bridge closes after cracks are found", "Tech Insider",
                                              "Council votes to close the old bridge", "Tech Insider",
                                              "Ferry timetable changes from March", "Tech Insider"]}],
    no_match=[{"text": "Sarah Archer", "after": ["Home", "Sarah Archer", "Home", "Sarah Archer"]}, {"text": "Tech Insider"},
              {"text": "André Borbe", "after": ["André Borbe", "Redaktion", "André Borbe", "André Borbe"]}],
)
def repeated_name(f: Features, ctx: Context) -> float:
    if not _is_lone_name(f, ctx):
        return 0.0
    return 1.0 if _run_counts(ctx).get(f.text.casefold(), 0) >= _p(ctx, "repeated_name_count") else 0.0


@code_rule(
    id="core:BY018", label="byline", weight=-2.5, max_chars=60,
    when={"n_words": [None, 16], _is_lone_name: True},
    description="A name-shaped line with a capitalised word that the page also writes in lower case, as a word of its "
                "own, is a heading or a button ('Security Blog', 'Share Tweet Share', 'Fútbol Internacional'), not a "
                "person; a line that starts with a common given name is left alone ('Will Knight' beside 'will')",
    match=[{"text": "Marketing Strategy", "after": ["A good marketing plan needs a strategy that the whole team knows."]},
           {"text": "Fútbol Internacional", "before": ["El equipo jugó un partido internacional el domingo."]}],
    no_match=[{"text": "Sarah Archer", "after": ["The archer drew the bow and the arrow flew over the field."]},
              {"text": "Marketing Strategy", "after": ["See https://example.com/marketing and write to strategy@example.com."]},
              {"text": "Dave Steer", "after": ["The steer was sold at the fair."]},
              {"text": "Marketing Strategy"}],
)
def common_words_as_name(f: Features, ctx: Context) -> float:
    if not _is_lone_name(f, ctx):
        return 0.0
    name = _lone_name_text(f) or ""
    words = [w for w in _NAME_TOKENS.findall(name) if w[:1].isupper()]
    if not words or _given_name(name):
        return 0.0
    return 1.0 if any(_written_lower(w, ctx) for w in words) else 0.0


def _written_lower(word: str, ctx: Context) -> bool:
    """Whether the page writes ``word`` in lower case as a word of its own: not inside a longer word, an
    address, a handle or a file name ("strategy", not "strategy@example.com") (remembered per page and word)."""
    lower = word.lower()
    if len(lower) < 2:
        return False
    seen: dict[str, bool] = ctx.once("written_lower", dict)
    known = seen.get(lower)
    if known is None:
        known = seen[lower] = _free_occurrence(ctx.once("page_text", lambda: "\n".join(g.text for g in ctx.features)),
                                               lower)
    return known


def _free_occurrence(text: str, word: str) -> bool:
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "@./:#_-" or after.isalnum() or after in "@/_-"
                or unicodedata.category(after).startswith("M")
                or (after == "." and end + 1 < len(text) and text[end + 1].isalnum())):
            return True
        at = text.find(word, at + 1)
    return False


def _run_counts(ctx: Context) -> dict[str, int]:
    """How often each line's case-folded text occurs in the page, a run of the same line counting once
    (a picture's alt text and then the name: "André Borbe" twice in a row) (computed once per page)."""
    def count() -> dict[str, int]:
        counts: dict[str, int] = {}
        last = None
        for g in ctx.features:
            t = g.text.casefold()
            if t != last:
                counts[t] = counts.get(t, 0) + 1
            last = t
        return counts

    return ctx.once("run_counts", count)


@code_rule(
    page_context=False,
    id="core:BY016", label="byline", weight=1.0, max_chars=60,
    when={"n_words": [None, 16], _is_lone_name: True},
    description="A line that is only a person's name is surer to be one when its first word is a common given name",
    match=["Jan Koch", "SVEN MICHAELSEN", "Christoph von Eichhorn", "* Marie Jaster", "Will Knight"],
    no_match=["Grüne Jobs", "Provence Travel Guide", "Jan", "Jan Koch und die Stadt", "Will Power Now Ends Here"],
)
def given_name_line(f: Features, ctx: Context) -> float:
    name = _lone_name_text(f)
    if name is None or not _is_lone_name(f, ctx):
        return 0.0
    return 1.0 if _given_name(name) else 0.0


def _prose_words(ctx: Context) -> frozenset[str]:
    """Content words of the page's long lines (its likely text), computed once per page."""
    def collect() -> frozenset[str]:
        minimum = _p(ctx, "prose_line_words")
        return frozenset().union(*[g.content_words for g in ctx.features if g.n_words >= minimum])

    return ctx.once("prose_words", collect)


@code_rule(
    id="core:HL003", label="headline", weight=2.0,
    when={"n_words": [2, 30], _title_shaped: True},
    description="A title-shaped line whose content words recur in the page's long paragraphs names their subject",
    match=[{"text": "Council closes old river bridge",
            "after": ["The council voted on Tuesday to close the old river bridge, which has carried traffic over "
                      "the water since 1931, after engineers found cracks in two of its piers and warned of danger."]}],
    no_match=[{"text": "Sports and weather tonight",
               "after": ["The council voted on Tuesday to close the old river bridge, which has carried traffic "
                         "over the water since 1931, after engineers found cracks in two of its piers."]}],
)
def title_words_in_text(f: Features, ctx: Context) -> float:
    if f.n_words < 2 or f.n_words > 30 or not _title_shaped(f, ctx):
        return 0.0
    mine = f.content_words
    if len(mine) < 2:
        return 0.0
    share = len(mine & _prose_words(ctx)) / len(mine)
    return share if share >= _p(ctx, "title_overlap_min") else 0.0


# the keywords and marks a line of code opens with; core:BD007 reads a line alone and takes these too,
# core:BD012 reads whole blocks and leaves them out ('from', 'else' and 'int' open prose as often)
_STATEMENT_OPENERS = ("def", "class", "function", "var", "let", "const", "return", "import", "if", "for", "while",
                      "elif", "try", "catch", "public", "private", "static", "void", "#include", "#define", ">>>",
                      "//", "/*", "*/")
_LINE_OPENERS = _STATEMENT_OPENERS + ("from", "else", "int", "$")


def _opener(words: tuple[str, ...]) -> str:
    """``words`` at a line's start (after spaces), as a regex branch: ``^\\s*(?:def|class|...)\\b``."""
    return r"^\s*(?:" + "|".join(regex.escape(w) for w in words) + r")\b"


_CODE = regex.compile(
    r"(?:[{};]\s*$|^\s*[{}]|" + _opener(_LINE_OPENERS) + r"|\w\(.*\)\s*[;{]?\s*$|=>|[=!]==|\+=|"
    r"\w+\.\w+\(|</?\w+[ >])"
)

# every branch of _CODE but the keyword at the start needs one of { } ; ( < =; without them only this one can match
_CODE_START = regex.compile(_opener(_LINE_OPENERS))


@code_rule(
    page_context=False,
    id="core:BD007", label="body", weight=2.0, max_chars=200,
    when={"n_words": [None, 25]},
    description="A line of program code (braces, semicolons, keywords, calls) belongs to the text it illustrates",
    match=["var cow = new Cow(\"Kate\");", "describe(\"Cow\", function() {", "}", "def parse(text):"],
    no_match=["Home", "The council voted on Tuesday to close the old bridge."],
)
def code_line(f: Features, ctx: Context) -> float:
    if f.n_chars < 1 or f.n_words > 25:
        return 0.0
    text = f.text
    if ("(" not in text and "=" not in text and ";" not in text and "{" not in text and "}" not in text
            and "<" not in text):
        # no brace, semicolon, bracket, '<' or '=': of _CODE only the keyword at the start can match
        return 1.0 if _CODE_START.match(text) else 0.0
    return 1.0 if _CODE.search(text) else 0.0


# a relation or operator sign of a formula (not < or >, which menus and breadcrumbs use)
_FORMULA_SIGN = regex.compile(r"[=≤≥≠≈≡⟺⇔→∈∉⊂⊆±∑∏∫√∂∇×]")


@code_rule(
    page_context=False,
    id="core:BD011", label="body", weight=2.5, max_chars=400,
    description="A formula as a browser renders it into text (five or more tokens, at least 60% of them one "
                "character, a relation or operator sign, at most two words of four letters or more: "
                "'x ˙ = σ ( y − x )') belongs to the text it sits in",
    match=["x ˙ = σ ( y − x ) y ˙ = ρ x − y − x z z ˙ = − β z + x y",
           "( ∑ k = 1 n a k b k ) 2 ≤ ( ∑ k = 1 n a k 2 ) ( ∑ k = 1 n b k 2 )",
           "E = m c 2"],
    no_match=["+ > Banque - Crédit", "Home > News > World", "The council voted on Tuesday to close the old bridge.",
              "1 - 2"],
)
def rendered_formula(f: Features, ctx: Context) -> float:
    text = f.text
    if _FORMULA_SIGN.search(text) is None:
        return 0.0
    toks = text.split()
    n = len(toks)
    if n < 5:
        return 0.0
    short = sum(1 for w in toks if len(w) == 1)
    words = sum(1 for w in toks if len(w) >= 4 and w.isalpha())
    return 1.0 if short * 5 >= n * 3 and words <= 2 else 0.0


# a sentence going on after a full stop: ". The council voted", not "St. Helena" in a list of names
_SENTENCE_GOES_ON = regex.compile(r"[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}")


@code_rule(
    page_context=False,
    id="core:NV016", label="navigation", weight=5.0,
    when={"n_words": [40, None], "cap_ratio": [0.55, None], "stop_ratio": [None, 0.08], "digit_ratio": [None, 0.02]},
    description="A long line of names without sentences (40 words or more between spaces, at least 55% of them "
                "capitalised, at most 8% stop words, hardly any digits, at most one full stop that a sentence goes on "
                "after) is a picker, a menu, a tag "
                "cloud or a list of names printed on one line (inscriptis prints a <select>'s options so: "
                "'Afghanistan Albania Algeria American Samoa …', 'América Latina (español) Argentina (español) …')",
    match=["Afghanistan Albania Algeria American Samoa Andorra Angola Anguilla Antarctica Antigua and Barbuda "
           "Argentina Armenia Aruba Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus "
           "Belgium Belize Benin Bermuda Bhutan Bolivia Bonaire, Sint Eustatius and Saba Bosnia and Herzegovina "
           "Botswana Bouvet Island Brazil"],
    no_match=[_PROSE, "Afghanistan Albania Algeria",
              "Google Maps 32.7 MB 17.5 MB (-46%) 9.6 MB (-71%) Gmail 17.8 MB 7.6 MB (-57%) 7.3 MB (-59%) Google TTS "
              "18.9 MB 17.2 MB (-9%) 13.1 MB (-31%) Google Play Music 14.3 MB 6.3 MB (-56%) 5.9 MB (-59%) Google Play "
              "Books 13.2 MB 5.1 MB (-61%) 4.6 MB (-65%) Google Translate 12.8 MB 5.6 MB (-56%)"],
)
def names_line(f: Features, ctx: Context) -> float:
    if (f.n_words < 40 or f.cap_ratio < 0.55 or f.stop_ratio > 0.08 or f.digit_ratio > 0.02
            or f.text.count(" ") < 39):
        return 0.0
    return 1.0 if len(_SENTENCE_GOES_ON.findall(f.text)) <= 1 else 0.0


# an SQL clause as a code block prints it, one clause a line: the keyword in capitals, then code in
# lowercase, a star, a bracket, a quote or a number (or nothing: "SELECT" alone); "FROM THE HOMEPAGE"
# and "JOIN Our Newsletter" are headings, not clauses
_SQL_CLAUSE = regex.compile(
    r"^(?:SELECT|FROM|WHERE)$|^(?:SELECT|FROM|WHERE|WITH|(?:LEFT |RIGHT |INNER |OUTER |CROSS )?JOIN|GROUP BY|ORDER BY|"
    r"PARTITION BY|HAVING|LIMIT|OFFSET|UNION(?: ALL)?|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|VALUES|"
    r"RETURNING|WINDOW|ROWS BETWEEN|AND|OR|ON|WHEN|THEN|ELSE) [a-z_*(\"'\d]"
)
# a row of a table drawn in text, as a terminal or a code block prints a query's result: a column rule
# "│" between cells, or the rule of light box lines under its header ("───┼───"; a text browser draws
# a page's <hr> with other characters: "━━━", "___")
_TEXT_TABLE = regex.compile(r"\S\s*│\s*\S|^[─┼┬┴]{3,}$")
#: the fewest units of a code block, and the share of them that must read as code
_CODE_BLOCK_UNITS = 2
_CODE_BLOCK_SHARE = 0.5


# a statement (core:BD007's shapes, from the same openers but 'from', 'else', 'int' and '$'), a call only when its name is written in lowercase or is a
# function of SQL ("avg(n)", "cls.browser.quit()", "STDDEV(entries)"; not "Kommentare(0)",
# "Fachberater(in)", "Genre(s):"), a name in snake_case ("server_log_summary"), a line of closing
# brackets ("),"; not lynx's image mark "[]"); not an HTML tag (raw HTML a dump prints from a <noscript> block: an ad's or a tracker's
# markup, which is no article's code)
_CODE_STATEMENT = regex.compile(
    r"(?:[{};]\s*$|^\s*[{}]|" + _opener(_STATEMENT_OPENERS) + r"|\b[a-z_][\w.]*\([^()]*\)|\b[A-Z]{2,}\([a-z_*]|"
    r"\b[a-z]+_[a-z_]+\b|^[)\]}]+[,;]?$|=>|[=!]==|\+=)"
)


_SERVER_MESSAGE = regex.compile(r"^(?:Deprecated|Warning|Notice|Strict Standards|Fatal error|Parse error|Catchable fatal error):")


# what a line must hold for each of the searches below to have a chance (cheap tests first: most lines of a
# page are in some block, and the searches walk the whole line): the first letters of _SQL_CLAUSE's keywords
# and of _SERVER_MESSAGE's,
# a character of _TEXT_TABLE, and the characters, operators ("=>", "==", "+=") and line openings of
# _CODE_STATEMENT's branches
_SQL_FIRST = frozenset("SFWLRICOJGPHUDVATE")
_SERVER_FIRST = frozenset("DWNSFPC")
_TABLE_FIRST = frozenset("─┼┬┴")
_CODE_CHARS = frozenset("{};(_")
_CODE_OPENERS = _STATEMENT_OPENERS + (")", "]", "}")


def _code_like(text: str) -> bool:
    if "{{" in text or "javascript:" in text or (text[:1] in _SERVER_FIRST and _SERVER_MESSAGE.match(text)):
        # a template's placeholder left unfilled ("{{category.text}}"), a link's script address printed
        # beside its label ("保存javascript:void(0)"), a server's error message printed above the page
        # ("Deprecated: preg_replace(): …"): page furniture, not code
        return False
    if text[:1] in _SQL_FIRST and _SQL_CLAUSE.match(text) is not None:
        return True
    if ("│" in text or text[:1] in _TABLE_FIRST) and _TEXT_TABLE.search(text) is not None:
        return True
    if (_CODE_CHARS.isdisjoint(text) and "=>" not in text and "==" not in text and "+=" not in text
            and not text.lstrip().startswith(_CODE_OPENERS)):
        return False
    return len(text.split()) <= 25 and _CODE_STATEMENT.search(text) is not None


def _code_blocks(ctx: Context) -> list[bool]:
    """For each unit: it stands in a block of units printed with no blank line between them (two or
    more) of which at least half read as code (a statement, an SQL clause, a row of a text table)."""
    def compute() -> list[bool]:
        n = len(ctx.features)
        out = [False] * n
        start = 0
        while start < n:
            end = start + 1
            while end < n and ctx.gap_before(end) == 0:
                end += 1
            size = end - start
            if size >= _CODE_BLOCK_UNITS:
                code = sum(1 for k in range(start, end) if _code_like(ctx.features[k].text))
                if code >= _CODE_BLOCK_UNITS and code >= _CODE_BLOCK_SHARE * size:
                    out[start:end] = [True] * size
            start = end
        return out

    return ctx.once("code_blocks", compute)


@code_rule(
    id="core:BD012", label="body", weight=2.0, max_chars=200,
    when={"n_words": [None, 25]},
    description="A line of a code block (a run of lines with no blank line between them, at least half of them "
                "code: statements, SQL clauses one a line, rows of a text table) belongs to the text the block "
                "illustrates, its bare keywords, names and output values too ('SELECT', 'avg', "
                "'4.3333333333333333'), which alone read as menu items",
    match=[{"text": "avg", "before": ["SELECT avg(n)", "FROM unnest(array[2, 3, 5, 2, 3, 12, 5, 3, 4]) AS n;"],
            "after": ["────────────────────", "4.3333333333333333"]},
           {"text": "SELECT", "after": ["avg(n) - stddev(n) AS lower_bound,", "FROM", "series;"]},
           {"text": "lower_bound │ upper_bound", "after": ["───────────────────┼────────────────────",
                                                           "1.2511263318488451 │ 7.4155403348178215"]}],
    no_match=[{"text": "Home", "after": ["News", "Sport", "Contact us"]},
              {"text": "{{category.text}}", "after": ["{{section.heading.text}}", "{{link.text}}"]},
              {"text": "Fotostream", "after": ["[]", "Homestorys", "[]"]},
              {"text": "中javascript:void(0)javascript:void(0)", "after": ["大javascript:void(0)javascript:void(0)"]},
              {"text": "Deprecated: preg_replace(): The /e modifier is deprecated, use preg_replace_callback instead",
               "after": ["Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible"]},
              {"text": "FROM THE HOMEPAGE", "after": ["JOIN Our FREE Plant Care Newsletter", "More stories"]},
              {"text": "Kommentare(0)", "after": ["Fachberater(in)", "Impressum", "Datenschutz"]}],
)
def code_block_line(f: Features, ctx: Context) -> float:
    if f.n_words > 25:
        return 0.0  # a paragraph of prose glued to the block (lynx prints no blank line before a <pre>)
    return 1.0 if _code_blocks(ctx)[f.index] else 0.0


# a quantity, a recipe's measure (lines.KITCHEN_MEASURES, spoons and milligrams) and a word
_INGREDIENT = regex.compile(
    r"^(?:[-•*·]\s*)?(?:\d+(?:[.,/]\d+)?(?:\s*[½¼¾⅓⅔⅛])?|[½¼¾⅓⅔⅛]|\d+\s*[-–]\s*\d+)\s*"
    r"(?:EL|TL|mg|" + KITCHEN_MEASURES + r")\.?(?=\s|$)\s*(?:\([^)]*\)\s*)?\p{L}")
# a recipe lists at least this many of them on its page
_INGREDIENT_LINES = 3


@line_fact
def _ingredient_shaped(f: Features) -> bool:
    """A quantity, a measure and a word (`200 g Zucker`, `2 tbsp olive oil`, `1 Pck. Vanillin-Zucker`)."""
    return f.n_words <= 12 and not f.ends_sentence and _INGREDIENT.match(f.text.lstrip()) is not None


def _ingredient_count(ctx: Context) -> int:
    """How many units of the page read as a recipe's ingredient (computed once per page)."""
    return ctx.once("ingredients", lambda: sum(1 for g in ctx.features if g.n_words <= 12
                                               and _ingredient_shaped(g)))


@code_rule(
    id="core:BD013", label="body", weight=3.0, max_chars=120,
    when={"n_words": [2, 12], _ingredient_shaped: True},
    description="A line of a recipe's ingredient list (a quantity, a measure and what it measures: '200 g Zucker', "
                "'2 tbsp olive oil', '1 Pck. Vanillin-Zucker') on a page with at least three such lines is the "
                "recipe's text, which alone reads as a teaser title or a menu item",
    match=[{"text": "200 g Zucker", "before": ["125 g Mehl", "65 g Margarine oder Butter"]},
           {"text": "2 tbsp (30 ml) olive oil", "after": ["1/2 teaspoon cumin seeds", "4½ cups or 1125 ml of water"]}],
    no_match=[{"text": "200 g Zucker", "before": ["Zutaten"]},
              {"text": "0,75 l (13,99 €/l)", "before": ["0,375 l (53,07 €/l)", "1,5 l (12,99 €/l)"]},
              {"text": "5 Kommentare", "before": ["3 Antworten", "12 Bewertungen"]},
              {"text": "2 cups of sugar go into the dough.", "before": ["125 g Mehl", "65 g Zucker"]}],
)
def ingredient_line(f: Features, ctx: Context) -> float:
    if f.n_words > 12 or not _ingredient_shaped(f):
        return 0.0
    return 1.0 if _ingredient_count(ctx) >= _INGREDIENT_LINES else 0.0


# a fact box's line: a capitalised label of at most four words, a colon and a short value ("Ort: Kasberg im
# Frankenland", "Effektiver Jahreszins: 3,9 Prozent", "• Nennversorgungsspannung: 220...240VAC")
_FACT = regex.compile(r"^(?:[-•*·]\s*)?(\p{Lu}[\p{L}\d/()&.\-]*(?:\s+[\p{L}\d/()&.\-]+){0,3}):\s+\S")
_FACT_VALUE_WORDS = 8
_FACT_RUN = 3


def _long_runs(flags: list[bool], least: int, joined: Callable[[int], bool] | None = None) -> list[bool]:
    """``flags`` with only its runs of at least ``least`` true entries in a row kept true.

    ``joined(j)``, when given, must also hold for entries ``j`` and ``j + 1`` to be one run.
    """
    n = len(flags)
    out = [False] * n
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and flags[j + 1] and (joined is None or joined(j)):
            j += 1
        if j - i + 1 >= least:
            out[i:j + 1] = [True] * (j - i + 1)
        i = j + 1
    return out


# the labels of a post's meta box (author, dates, filing, credits), which the byline and date rules read
_META_LABELS = frozenset((
    "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore", "autores", "by", "von", "par",
    "por", "published", "posted", "updated", "last updated", "veröffentlicht", "aktualisiert", "erschienen",
    "erschienen am", "letzte änderung", "stand", "datum", "date", "fecha", "publié", "publié le", "mis à jour",
    "kategorie", "kategorien", "category", "categories", "catégorie", "categoría", "tags", "schlagwörter",
    "schlagworte", "quelle", "quellen", "source", "sources", "fuente", "foto", "fotos", "bild", "bilder", "photo",
    "photos", "credit", "credits", "lesezeit", "reading time", "kommentare", "comments", "redaktion"))


@line_fact
def _fact_label(f: Features) -> str | None:
    """The label of a line that reads as a fact box's entry, case-folded (None for any other line)."""
    m = _FACT.match(f.text)
    if m is None or len(f.text[m.end(1) + 1:].split()) > _FACT_VALUE_WORDS:
        return None
    label = m.group(1).casefold()
    return None if label in _META_LABELS else label


def _fact_boxes(ctx: Context) -> list[bool]:
    """For each unit: it stands in a run of three or more consecutive fact lines whose labels the page prints
    once each (computed once per page)."""
    def compute() -> list[bool]:
        n = len(ctx.features)
        labels = [_fact_label(g) if ":" in g.text and g.n_words <= 14 else None for g in ctx.features]
        counts: dict[str, int] = {}
        for lab in labels:
            if lab is not None:
                counts[lab] = counts.get(lab, 0) + 1
        return _long_runs([lab is not None and counts[lab] == 1 for lab in labels], _FACT_RUN)

    return ctx.once("fact_boxes", compute)


@code_rule(
    id="core:BD014", label="body", weight=2.0, max_chars=200,
    when={"n_words": [2, 14]}, contains=(":",),
    description="A line of a fact box or spec list (three or more lines in a row of a capitalised label of at most "
                "four words, a colon and a value of at most eight words, each label printed once on the page: "
                "'Ort: Kasberg im Frankenland', 'Effektiver Jahreszins: 3,9 Prozent') is the article's text, which "
                "alone reads as a menu item or a teaser title; a label the page repeats is a table of cookies or "
                "a list of teasers ('Zweck: …', 'Cover: …'), and a post's meta box ('Author: …', 'Published: …') "
                "is no fact box",
    match=[{"text": "Ort: Kasberg im Frankenland",
            "before": ["Art der Aufnahme: Digitalfoto", "Objekt: Plejaden (M45)"], "after": ["Belichtung: 30 s"]},
           {"text": "Verdicker/Basisöl: Li-Seifen/Mineralöl", "after": ["Farbe: braun", "Gebindegröße: 400 g"]}],
    no_match=[{"text": "Ort: Kasberg im Frankenland", "before": ["Art der Aufnahme: Digitalfoto"]},
              {"text": "Zweck: Sammelt Informationen über die Sprache", "before": ["Name: _ga", "Anbieter: Google"],
               "after": ["Name: _gid", "Zweck: Unterscheidet Nutzer", "Anbieter: Google"]},
              {"text": "Viva Magenta: Pantone kürt eine unkonventionelle Farbe für eine unkonventionelle Zeit",
               "before": ["Das gute Ganze: Kendix erweitert seine Kollektion", "Abgespeichert: die Lieblingstrends"]},
              {"text": "Home", "before": ["Ort: Kasberg", "Objekt: Plejaden (M45)"], "after": ["Belichtung: 30 s"]},
              {"text": "Author: Jacopo Cascioli", "after": ["Published: 03 December 2019", "Updated: 06 December 2019"]}],
)
def fact_line(f: Features, ctx: Context) -> float:
    if ":" not in f.text or f.n_words > 14 or _fact_label(f) is None:
        return 0.0
    return 1.0 if _fact_boxes(ctx)[f.index] else 0.0


# a table row as a browser copy prints it: at least this many cells with tab stops between them, in a run of at
# least this many rows on lines right under each other (stage 1's ``Unit.cells``; the unit's text folds the tabs)
_TABLE_CELLS = 3
_TABLE_ROWS = 3


def _table_rows(ctx: Context) -> list[bool]:
    """For each unit: it is a row of a table printed with tab stops, three cells or more, in a run of three rows
    or more on lines right under each other (computed once per page)."""
    def compute() -> list[bool]:
        units = ctx.units
        row = [getattr(u, "cells", 0) >= _TABLE_CELLS for u in units]
        # the rows stand right under each other, with no blank line between two of them
        return _long_runs(row, _TABLE_ROWS, lambda j: units[j + 1].first == units[j].last + 1)

    return ctx.once("table_rows", compute)


@code_rule(
    id="core:BD015", label="body", weight=2.0,
    when={"n_words": [3, None]},
    description="A row of a table a browser copy printed with tab stops between its cells (three cells or more, in "
                "three rows or more right under each other: 'Dieselkraftstoff⇥32,23 Mio. t⇥32,28 Mio. t⇥0,1 %') is "
                "the article's text; its rows alone read as teaser titles and snippets. A list of two columns (a "
                "time and a headline, a name and a phone number) is no such table",
    match=[{"text": "Dieselkraftstoff\t32,23 Mio. t\t32,28 Mio. t\t0,1 %",
            "before": ["Rohbenzin\t10,72 Mio. t\t12,40 Mio. t\t15,7 %", "Ottokraftstoff\t15,02 Mio. t\t15,12 Mio. t\t0,7 %"]},
           {"text": "Mindestlagerzeit Rotwein\t24 Monate\t36 Monate\t60 Monate",
            "after": ["davon mindestens im Fass\t12 Monate\t12 Monate\t24 Monate",
                      "Mindestlagerzeit Weißwein\t24 Monate\t24 Monate\t48 Monate"]}],
    no_match=[{"text": "Dieselkraftstoff 32,23 Mio. t 32,28 Mio. t 0,1 %",
               "before": ["Rohbenzin 10,72 Mio. t 12,40 Mio. t 15,7 %", "Ottokraftstoff 15,02 Mio. t 15,12 Mio. t 0,7 %"]},
              {"text": "12:45\tMIDDAY BRIEFING - Unternehmen und Märkte DAX ® 16.105,83 +0,14%",
               "before": ["13:30\tKrypto-Hot-Stock mit 60% Potenzial", "13:06\tDevisen: Euro knapp über Tiefstand"]},
              {"text": "Dieselkraftstoff\t32,23 Mio. t\t32,28 Mio. t\t0,1 %",
               "before": ["Rohbenzin\t10,72 Mio. t\t12,40 Mio. t\t15,7 %", "Quelle: BAFA"]}],
)
def table_row(f: Features, ctx: Context) -> float:
    if f.n_words < _TABLE_CELLS:
        return 0.0
    return 1.0 if _table_rows(ctx)[f.index] else 0.0


_ECHO_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ECHO_CODE = regex.compile(r"\w\(|[{}<>=;│|_$#^]")


def _echo_words(f: Features, ctx: Context) -> list[str]:
    """The words of ``f``, case-folded, worked out once per unit of the page."""
    done = ctx.once("echo_words", dict)
    words = done.get(f.index)
    if words is None:
        words = done[f.index] = [w.casefold() for w in _ECHO_WORD.findall(_unmarked(f.text.strip()))]
    return words


_ALT = ("Kauri Parata, watched by his father Hori Parata, carves a traditional Maori design at their home in "
        "Whangarei.")
_CAPTION = ("* Kauri (Te Kaurinui) Parata, watched by his father, Hori Parata, carves a traditional Maori design at "
            "their home in Whangarei. Photograph: Adrian Malloch")


def _echo_pair(f: Features | None, g: Features | None, ctx: Context, same_start: bool = True) -> bool:
    """Whether ``g`` repeats nearly all of ``f``'s words, in other words (and opens with the same word)."""
    if f is None or g is None:
        return False
    mine, theirs = _echo_words(f, ctx), _echo_words(g, ctx)
    if not mine or not theirs or (same_start and mine[0] != theirs[0]):
        return False
    a, b = set(mine), set(theirs)
    share = _p(ctx, "alt_echo_share")
    return a != b and len(a & b) >= share * len(a) and len(a & b) >= share * 0.8 * len(b)


@code_rule(
    id="core:CP007", label="caption", weight=5.0,
    when={"n_words": [12, None]},
    description="A line of words whose next unit (right under it or one blank line down) opens with the same word, "
                "is about as long and repeats almost all its words, in other words, is an image's alt text that a "
                "text browser prints above the caption that says the same: the browser copy prints only the "
                "caption. Two equal lines, a heading over its paragraph, code and table rows are no such pair",
    match=[{"text": _ALT, "after": [_CAPTION]}],
    no_match=[{"text": _ALT, "after": [_PROSE]}, {"text": _PROSE, "after": [_PROSE]},
              {"text": _CAPTION, "before": [_ALT]},
              {"text": "zscore NOT BETWEEN -0.5 AND 0.5 AS is_anomaly_0_5, zscore",
               "after": ["zscore NOT BETWEEN -1 AND 1 AS is_anomaly_1, zscore"]},
              {"text": "* request: guard for a Headers object obtained from a Request, which the fetch reads first.",
               "after": ["* request-no-cors: guard for a Headers object obtained from a Request, which the fetch reads."]},
              {"text": "“request”: guard for a Headers object obtained from a Request, which the fetch reads first.",
               "after": ["“request”: a guard for a Headers object obtained from a Request, which the fetch reads.",
                         "response: guard for a Headers object obtained from a Response, which the fetch reads."]},
              {"text": "Spend Some Time Away from Material Things",
               "after": ["Spend some time away from material things: it can help to get away from them."]}],
)
def alt_over_caption(f: Features, ctx: Context) -> float:
    least = _p(ctx, "alt_echo_words")
    i = f.index
    after = ctx.next(i)
    if f.n_words < least or after is None or after.n_words < least or ctx.gap_before(i + 1) > 1:
        return 0.0
    # text browsers print an image's alt text bare, never as a list item
    if f.text.lstrip()[:1] in _LEAD_MARKS:
        return 0.0
    mine, theirs = _echo_words(f, ctx), _echo_words(after, ctx)
    if not mine or not theirs or mine[0] != theirs[0]:
        return 0.0  # (the pair opens with the same word: the cheapest test first)
    if _ECHO_CODE.search(f.text) or _ECHO_CODE.search(after.text):
        return 0.0
    # a term and its definition ('“request”: guard for …') or a labelled line ('Map: …') is no alt text
    if ":" in " ".join(f.text.split()[:3]):
        return 0.0
    if sum(w.isalpha() for w in mine) < 0.8 * len(mine) or not 2 * len(mine) >= len(theirs) * 1.5 >= len(mine):
        return 0.0
    if not _echo_pair(f, after, ctx):
        return 0.0
    # a list of items that differ in a word or two (links, references, teaser titles) is a series, not a pair
    if _echo_pair(ctx.prev(i), f, ctx, False) or _echo_pair(after, ctx.next(i + 1), ctx, False):
        return 0.0
    return 1.0


# The link under a reader's comment that answers it, in the built-in languages: 'Reply', 'Antworten',
# 'Répondre', 'Responder' ... alone on its line, compared as phrase_key folds it (so a bullet, a bar or an
# arrow beside it goes: '| Antworten', 'Reply ↓'), also glued to the platform's other actions as text
# dumps print them (Blogger's 'ReplyDelete', 'AntwortenLöschen'). Not a forum's numbered 'Reply #3'.
_REPLY_KEYS = frozenset(phrase_key(p) for p in (
    "reply", "log in to reply", "reply to this comment", "replydelete", "reply delete", "reply flag delete",
    "antworten", "antwort", "beantworten", "antwortenlöschen", "antworten löschen",
    "répondre", "repondre", "répondresupprimer",
    "responder", "responder eliminar", "responder borrar",
    "rispondi", "rispondi elimina", "odpowiedz", "odpowiedz usuń", "beantwoorden", "antwoorden",
    "svara", "svar", "besvar", "vastaa", "odpovědět", "odpovedať", "válasz", "válaszol", "yanıtla", "cevapla",
    "ответить", "відповісти", "responda", "返信", "回复", "回覆", "답글", "답글달기", "رد",
    # WordPress.com's like button under each comment, printed twice ('LikenLiken', 'LikeLike')
    "likelike", "likenliken", "jaimejaime", "megustamegusta",
))
# a commenter's signature with its verb ('Jane says:', 'Borchert sagt:', 'Jean dit :')
_SAYS = regex.compile(
    r"^\S+(?:\s+\S+){0,4}\s+(?:says|said|wrote|commented|sagt|schrieb|schreibt|meint|dit|a dit|écrit|dice|"
    r"escribió|comentó|diz|disse|scrive|zegt|schreef|pisze|napisał|говорит|пишет|каже|пише|skriver|siger|sier|"
    r"sanoo|kirjoitti|írta|diyor)\s*(?P<colon>:?)$")
#: how many units a comment may run from its signature to its reply link
_THREAD_REACH = 30
#: a signature has at most this many words (a name and a date, a time, a verb)
_SIGNATURE_WORDS = 16


def _reply_link(f: Features) -> bool:
    if f.n_chars > 40:
        return False
    key = f.key
    # phrase_key keeps marks: an emoji's variation selector beside the link ('antworten ✍️') goes
    return (key if key.isascii() else "".join(c for c in key if c.isalnum())) in _REPLY_KEYS


def _signature(ctx: Context, j: int) -> bool:
    """Whether unit ``j`` is shaped like a commenter's signature: a few words with a date or time in them
    ('Rarst · March 10, 2017 at 1:26 AM', '12. März 2020 um 10:15 Uhr') or a name and a verb of saying."""
    f = ctx.features[j]
    if f.n_words > _SIGNATURE_WORDS or f.n_chars > 160 or _reply_link(f):
        return False
    return _SAYS.match(f.text) is not None or bool(ctx.dates_in(j))


def _prose_like(f: Features) -> bool:
    return f.n_words >= 4 or f.ends_sentence


def _first_comment(ctx: Context, floor: int, reply: int) -> int | None:
    """Where the first comment of a thread starts, the comment that ends at the reply link ``reply``: the
    nearest signature above it (not above ``floor``) with a line of the comment's text between them that is no
    signature itself (a comment may end with sources that carry dates), and the lines of a signature printed
    over two ('Anna sagt:' over its date) with it. None when there is none, or when the lines between are
    mostly a bar of buttons (a picture's credit with its date over a share bar and a 'Reply' button of the
    comment form is no comment)."""
    feats = ctx.features
    text_seen = False
    for s in range(reply - 1, floor - 1, -1):
        if not _signature(ctx, s):
            text_seen = text_seen or _prose_like(feats[s])
            continue
        if not text_seen:
            continue
        while s > floor and _signature(ctx, s - 1):
            s -= 1
        between = [feats[j] for j in range(s + 1, reply)]
        chatter = sum(1 for g in between if g.n_words <= 2 and not g.ends_sentence)
        return s if chatter <= 3 or 2 * chatter <= len(between) else None
    return None


def _text_run_end(ctx: Context, j: int) -> int:
    """The last of the lines of text that follow unit ``j`` (``j`` itself when none does): a comment's text
    printed under its signature or its reply link, up to the next reply link and at most ``_THREAD_REACH``
    lines."""
    feats = ctx.features
    end = j
    while (end + 1 < len(feats) and end - j < _THREAD_REACH and not _reply_link(feats[end + 1])
           and _prose_like(feats[end + 1])):
        end += 1
    return end


# a signature that says it opens a comment ('Comment by Anna — 17.07, 2011 @ 16:29') or that carries the
# comment's reply link on its own line ('Ben 19. Juni 2018 um 15:28 Uhr - Antworten', 'Hella, Sa 11 Apr 2020 /
# 00:40 Antworten'), in the built-in languages
_MARKED_SIGNATURE = regex.compile(
    r"(?i)^(?:comment by|reply by|kommentar von|antwort von|commentaire (?:de|par)|comentario de|comentado por|"
    r"commento di|reactie van|komentarz od)\s|[\s\-–—|·•](?:reply|antworten|répondre|responder|rispondi|odpowiedz|"
    r"beantworten|reageer|svara|svar|vastaa)$")


# a time of day, which a marked signature may give instead of a date the date finder reads ('17.07, 2011 @ 16:29')
_CLOCK = regex.compile(r"(?<![\d:.])[012]?\d:[0-5]\d(?![\d:])")


def _said_signature(ctx: Context, j: int) -> bool:
    """Whether unit ``j`` opens a comment printed without a reply link of its own: a signature with a verb of
    saying and a colon ('Anna sagt:', 'Jane says:') and a date or time in it or in one of the two units under
    it (WordPress prints the comment's date under the name), or a signature with a date that names itself a
    comment or carries the reply link (``_MARKED_SIGNATURE``; a time of day will do there)."""
    f = ctx.features
    text = f[j].text
    if f[j].n_words > _SIGNATURE_WORDS:
        return False
    if text.endswith(":"):
        m = _SAYS.match(text) if f[j].n_words <= 6 else None
        if m is None or not m.group("colon"):
            return False
        return any(ctx.dates_in(k) for k in range(j, min(len(f), j + 3)))
    return _MARKED_SIGNATURE.search(text) is not None and (bool(ctx.dates_in(j)) or _CLOCK.search(text) is not None)


def _says_threads(ctx: Context, out: list[bool]) -> None:
    """Mark in ``out`` the threads printed without reply links of their own: comments one after the other,
    each opening with a signature of ``_said_signature``'s kind, at most ``_THREAD_REACH`` units apart, with
    a line under each that is no signature (the comment's text); three or more of them, or two whose
    signatures carry a marker of their own (``_MARKED_SIGNATURE``). A transcript's 'Merkel sagt:' carries no
    date, a live blog's time stamp no marker."""
    feats = ctx.features
    n = len(feats)
    heads = [j for j in range(n) if feats[j].n_words <= _SIGNATURE_WORDS
             and (feats[j].text.endswith(":") or _MARKED_SIGNATURE.search(feats[j].text) is not None)
             and _said_signature(ctx, j)]
    k = 0
    while k < len(heads):
        last = k
        while (last + 1 < len(heads) and heads[last + 1] - heads[last] <= _THREAD_REACH
               and any(not _signature(ctx, j) for j in range(heads[last] + 1, heads[last + 1]))):
            last += 1
        marked = sum(1 for h in heads[k:last + 1] if not feats[h].text.endswith(":"))
        if last - k >= 2 or (last > k and marked == last + 1 - k):
            # the last comment: its signature's lines (a date under the name), then its text
            tail = heads[last]
            while tail + 1 < n and _signature(ctx, tail + 1) and tail - heads[last] < 2:
                tail += 1
            end = _text_run_end(ctx, tail)
            for j in range(heads[k], end + 1):
                out[j] = True
        k = last + 1


def _comment_thread(ctx: Context) -> list[bool]:
    """For each unit: it stands in a thread of readers' comments (worked out once per page).

    A comment is a signature line (a name with a date or time, or 'Name says:'), the comment's text and a
    reply link ('Reply', 'Antworten', 'Répondre' ...). A thread is two or more comments one after the other:
    a signature stands between each reply link and the one before, at most ``_THREAD_REACH`` units apart.
    Most platforms print the link under the comment's text; some print it right under the signature, above
    the text (WordPress.com's 'Anna schreibt:' / date / 'Antworten' / text): when most links of the thread
    stand right under a signature, the thread runs from the first link's signature through the text under
    the last link. Otherwise it runs from the first comment's signature (``_first_comment``) to the last
    link, and on through a last comment printed without a link (a signature right under the last link, and
    the lines of text under it).
    """
    def compute() -> list[bool]:
        feats = ctx.features
        n = len(feats)
        out = [False] * n
        replies = [j for j in range(n) if _reply_link(feats[j])]
        k = 0
        while k + 1 < len(replies):
            last = k
            while (last + 1 < len(replies) and 2 < replies[last + 1] - replies[last] <= _THREAD_REACH
                   and any(_signature(ctx, s) for s in range(replies[last] + 1, replies[last + 1]))):
                last += 1
            if last == k:
                k += 1
                continue
            first = replies[k]
            floor = max(0, first - _THREAD_REACH, replies[k - 1] + 1 if k else 0)
            under = sum(1 for r in replies[k + 1:last + 1] if _signature(ctx, r - 1))
            if 2 * under > last - k:
                # links under the signatures: the first link's signature (if any) to the text under the last
                start = first
                while start > floor and _signature(ctx, start - 1):
                    start -= 1
                end = _text_run_end(ctx, replies[last])
            else:
                found = _first_comment(ctx, floor, first)
                if found is None:
                    k += 1  # no first comment above this link: the thread may start at the next one
                    continue
                start = found
                end = replies[last]
                # a last comment without a reply link: its signature right under the last link, and its text
                sig = next((s for s in range(end + 1, min(n, end + 4)) if _signature(ctx, s)), None)
                if sig is not None:
                    end = _text_run_end(ctx, sig)
            out[start:end + 1] = [True] * (end + 1 - start)
            k = last + 1
        _says_threads(ctx, out)
        return out

    return ctx.once("comment_thread", compute)


@code_rule(
    id="core:CM014", label="comment", weight=8.0,
    description="A unit inside a thread of readers' comments is a comment, its text too, however much it reads like "
                "the article (the weight outvotes the prose rules): two or more comments one after the other, each "
                "a signature line (the commenter's name with a date or time, or 'Name says:'), the comment's text "
                "and a reply link ('Reply', 'Antworten', 'Répondre', 'Responder' ...) under the text or right under "
                "the signature; or, printed without reply links, three or more comments each opening with "
                "'Name says:' ('Anna sagt:', 'Jean dit :') over a date, or two or more whose dated signatures say "
                "they open a comment or carry its reply link ('Comment by Anna — 17.07, 2011 @ 16:29', "
                "'Ben 19. Juni 2018 um 15:28 Uhr - Antworten'); a live blog's time stamps make no thread",
    match=[{"text": "You are right about this one. Many people call themselves developers.",
            "before": ["There are 2 comments", "Rarst · March 10, 2017 at 1:26 AM"],
            "after": ["Reply", "Barry Kooij · March 10, 2017 at 2:56 AM", "I feel the same way.", "Reply"]},
           {"text": "Reply", "before": ["Anna sagt:", "12. März 2020 um 10:15 Uhr", "Toller Beitrag, danke!"],
            "after": ["Peter sagt:", "13. März 2020 um 08:01 Uhr", "Sehe ich genauso.", "Antworten"]},
           {"text": "Merci pour cet article.",
            "before": ["Marie", "3 mars 2021 à 10 h 12 min", "Très intéressant.", "Répondre", "Jean",
                       "4 mars 2021 à 8 h 01 min"],
            "after": ["Répondre"]},
           {"text": "Das ist ein wirklich gut geschriebener Text.",
            "before": ["Manuel schreibt:", "12. August 2015 um 8:13", "Antworten"],
            "after": ["Feli schreibt:", "13. August 2015 um 17:46", "Antworten",
                      "Ich wusste gar nicht, dass du so weit fährst."]},
           {"text": "Ein bisschen off-topic, aber woher wissen Sie das?",
            "before": ["17 Kommentare", "Kritischer Kritiker sagt:", "3. November 2023 um 20:14 Uhr",
                       "Ich finde, Sie vermengen hier zwei Dinge.", "Christian Keitel sagt:",
                       "4. November 2023 um 9:29 Uhr"],
            "after": ["Soronume sagt:", "4. November 2023 um 11:19 Uhr", "Sorry, aber das sehe ich anders."]},
           {"text": "Thank you, it helped me a lot with my thesis.",
            "before": ["9 Comments", "Chris Anamani February 23, 2017 at 12:33 pm Reply"],
            "after": ["Amna March 26, 2018 at 1:09 pm Reply", "Good and very rich material."]},
           {"text": "So ist es. War vielleicht zu umständlich formuliert.",
            "before": ["Comment by Christoph Kappes — 17.07, 2011 @ 16:29"],
            "after": ["Comment by Stadler — 17.07, 2011 @ 16:42", "Verstehe trotzdem die Logik nicht."]}],
    no_match=[{"text": _PROSE, "before": ["March 10, 2017"], "after": ["Reply"]},
              {"text": "Reply", "before": ["Leave a Reply"], "after": ["Your email address will not be published."]},
              {"text": _PROSE, "before": ["Reply #2", "March 10, 2017"], "after": ["Reply #3"]},
              {"text": "The minister arrived at the port an hour later than planned.",
               "before": ["10:15 AM", "The ferry left on time this morning."], "after": ["10:42 AM", "Crowds waited."]},
              {"text": "Wir müssen jetzt handeln, sagte die Kanzlerin am Dienstag.",
               "before": ["Merkel sagt:", "Das ist der richtige Weg.", "Scholz sagt:", "Wir sehen das anders."],
               "after": ["Lindner sagt:", "Dazu fehlt das Geld."]}],
)
def comment_thread(f: Features, ctx: Context) -> float:
    return 1.0 if _comment_thread(ctx)[f.index] else 0.0
