"""Code rules of the core pack: graded evidence that a threshold in data cannot express.

Each rule's thresholds come from ``[params]`` in ``pack.toml`` through ``ctx.params``.
"""

from __future__ import annotations

import regex

from articleparse.features import Features
from articleparse.rules import Capture, Context, code_rule

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
    description="Prose is rich in the language's stop words: the vote grows with their share",
    match=[_PROSE], no_match=["Politics Business Technology Science Health Sports Culture Travel"],
)
def stop_word_rich(f: Features, ctx: Context) -> float:
    return max(0.0, _stop_evidence(f, ctx))


@code_rule(
    page_context=False,
    id="core:BD005", label="body", weight=-1.0,
    description="A line of several words with almost no stop words is a list of names or links, not prose",
    match=["Politics Business Technology Science Health Sports Culture Travel"], no_match=[_PROSE, "Home"],
)
def stop_word_poor(f: Features, ctx: Context) -> float:
    return max(0.0, -_stop_evidence(f, ctx))


@code_rule(
    page_context=False,
    id="core:BD004", label="body", weight=-1.5,
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
    description="Menu separators (|, ·, », ›) between short items mark a menu or breadcrumb",
    match=["Home | World | Asia", "News » Politics » Elections"], no_match=[_PROSE],
)
def separators(f: Features, ctx: Context) -> float:
    if f.n_separators < 2 and not (f.n_separators == 1 and f.n_words <= 6):
        return 0.0
    return min(f.n_separators, 4) / 2


@code_rule(
    page_context=False,
    id="core:NV003", label="navigation", weight=1.5,
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
    description="A bulleted line of a few words is a menu or list of links",
    match=["* Politics", "• Sign up for our newsletter"], no_match=[_PROSE, "Politics"],
)
def short_bullet(f: Features, ctx: Context) -> float:
    return 1.0 if f.is_bullet and f.n_words <= 8 and not f.ends_sentence else 0.0


def _title_shaped(f: Features, ctx: Context) -> bool:
    """A few words, no sentence end, no list or menu marks: a headline or teaser title (cached per unit)."""
    cached = f.__dict__.get("_title_shaped")
    if cached is None:
        cached = f.__dict__["_title_shaped"] = _compute_title_shaped(f, ctx)
    return cached


def _compute_title_shaped(f: Features, ctx: Context) -> bool:
    if not (_p(ctx, "title_min_words") <= f.n_words <= _p(ctx, "title_max_words")):
        return False
    if f.is_bullet or f.n_separators or f.ends_colon or f.n_links:
        return False
    text = f.text
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    if text[:1].islower() or _mostly_date(f, ctx):
        return False
    return True


def _mostly_date(f: Features, ctx: Context) -> bool:
    """The dates found in the line cover a large share of it (a date line, not a title)."""
    if f.n_chars > 80:
        return False
    found = ctx.dates_in(f.index)
    return bool(found) and sum(d.end - d.start for d in found) >= _p(ctx, "date_line_share") * f.n_chars


_GLUED = regex.compile(r"\p{Ll}{2,}\p{Lu}|\p{Ll}\p{Lu}{2,}|\p{L}\d{2,}\p{Lu}")
_HYPHEN_CHAIN = regex.compile(r"\w-\w+-\w+-\w")


@code_rule(
    page_context=False,
    id="core:HL001", label="headline", weight=2.0,
    description="A title-shaped line may be the headline: longer titles score more; dates, glued menus and lists less",
    match=["With new big data centre, China strengthens Tibet surveillance", "Is this the end of the road?"],
    no_match=["He said the plan would go ahead.", "Home", "• Politics and more"],
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
    if _GLUED.search(f.text):
        strength -= 1.0  # words run together: a flattened menu ("Contact UsABC13 News")
    if _HYPHEN_CHAIN.search(f.text):
        strength -= 0.8  # a slug or a tag list
    if ctx.stopwords and f.n_words >= 5 and not f.stop_ratio and not f.n_cjk:
        strength -= 0.5  # a list of names, not a sentence-like title
    if "[" in f.text or f.digit_ratio > 0.2:
        strength -= 0.5
    return max(0.1, strength)


@code_rule(
    page_context=False,
    id="core:RL010", label="related-title", weight=1.0,
    description="A title-shaped line may be the title of a teaser for another story",
    match=["Kolkata Port upbeat after trials through Bangladesh ports"],
    no_match=["He said the plan would go ahead.", "Home"],
)
def teaser_title(f: Features, ctx: Context) -> float:
    return 1.0 if _title_shaped(f, ctx) and f.n_words >= 3 else 0.0


@code_rule(
    id="core:RL011", label="related-snippet", weight=1.5,
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
    description="A short line that is mostly a date is the page's date line",
    match=["November 9, 2022", "Updated: 09.11.2022, 14:30 Uhr"],
    no_match=[_PROSE, "Home"], max_chars=80,
)
def date_line(f: Features, ctx: Context) -> tuple[float, object]:
    found = ctx.dates_in(f.index)
    if not found or not (_mostly_date(f, ctx) or f.n_words <= 6):
        return 0.0, None
    return 1.0, found[0]


def _unit_text_counts(ctx: Context) -> dict[str, int]:
    """How often each line's case-folded text occurs in the page (computed once per page)."""
    key = ("text_counts", -1)
    counts = ctx._cache.get(key)
    if counts is None:
        counts = {}
        for g in ctx.features:
            t = g.text.casefold()
            counts[t] = counts.get(t, 0) + 1
        ctx._cache[key] = counts
    return counts


@code_rule(
    id="core:HL002", label="headline", weight=1.5,
    description="A title-shaped line that the page repeats (title bar, breadcrumb, share text) is likely the headline",
    match=[{"text": "Bridge closes after cracks are found", "after": ["Home", "Bridge closes after cracks are found"]}],
    no_match=[{"text": "Bridge closes after cracks are found", "after": ["Home"]}],
)
def echoed_title(f: Features, ctx: Context) -> float:
    if f.n_words < 4 or not _title_shaped(f, ctx):
        return 0.0
    return 1.0 if _unit_text_counts(ctx).get(f.text.casefold(), 0) >= 2 else 0.0


_NAME_PREFIX = regex.compile(r"^(?:by|von|par|por|door|di|da|av|af|autor(?:in)?|author|text)\s*:?\s+", regex.I)
_NAME = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|den|da|di|del|la|le|du|dos|das|y)){0,3}$")
_NAME_TRIM = " |·•/,;–—-:()[]"
_NAME_END = regex.compile(r"\s+(?:in|unter|im|en|dans|em|on|am|um|at)\s+|\s*[|·•/,;]\s*")
# words of the labels that stand beside dates, never names ("Print Date:", "Stand:")
_LABEL_WORDS = frozenset("""print date datum stand updated published posted modified created permalink link
permanenter aktualisiert veröffentlicht zuletzt geändert publié publicado atualizado pubblicato""".split())
_HANDLES = regex.compile(r"@\w+|\b(?:Follow|Folgen)\b.*$")


@code_rule(
    page_context=False,
    id="core:BY010", label="byline", weight=2.5, max_chars=120,
    description="A short line with a date and, beside it, a name (two to four capitalised words, or 'by'/'von' and a name) is a byline",
    match=["Bettina Kugler 19.10.2019, 05:00 Uhr", "Von Jan Kupitz | Oct 24, 2023", "By Jane Doe · March 9, 2017"],
    no_match=["November 9, 2022", "Updated: 19.10.2019, 05:00 Uhr", "Published on March 9, 2017"],
)
def name_and_date(f: Features, ctx: Context) -> float | tuple[float, Capture]:
    if f.n_words > 16 or "(@" in f.text:
        return 0.0  # "— Jane Doe (@jane) May 1, 2020" signs an embedded post, not the article
    found = ctx.dates_in(f.index)
    if not found:
        return 0.0
    text = f.text
    pieces, pos = [], 0
    for d in found:
        # text right before a labelled date ("Updated:") is the label, not a name
        pieces.append("" if d.role else text[pos:d.start])
        pos = d.end
    pieces.append(text[pos:])
    for piece in pieces:
        cand = _HANDLES.sub("", piece).strip(_NAME_TRIM)
        prefixed = bool(_NAME_PREFIX.match(cand))
        cand = _NAME_PREFIX.sub("", cand).strip(_NAME_TRIM)
        # "von Fatima in Gefühle, Popkultur": the name ends where the category begins
        cand = _NAME_END.split(cand, 1)[0].strip(_NAME_TRIM)
        words = cand.split()
        if not words or len(words) > 4 or (len(words) < 2 and not prefixed):
            continue
        if _NAME.match(cand) and not any(w.lower() in ctx.stopwords or w.lower() in _LABEL_WORDS for w in words):
            return 1.0, Capture({"authors": cand})
    return 0.0


@code_rule(
    page_context=False,
    id="core:BD006", label="body", weight=-0.8,
    description="A long line that does not end like a sentence (a title, a teaser, a list entry) is less likely article text",
    match=["4. 東証大引け　大幅続落、401円安　米中摩擦を警戒、中国株安も重荷", "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum Hamburg"],
    no_match=[_PROSE, "The MoU between the two Parliaments also mentions the BRI,"],
)
def no_sentence_end(f: Features, ctx: Context) -> float:
    if f.n_words < 8 or f.ends_sentence or f.ends_colon or f.stops_mid_sentence:
        return 0.0
    return 1.0


_NUMBERED = regex.compile(r"^\d{1,2}[.)]\s")


@code_rule(
    page_context=False,
    id="core:RL012", label="related-title", weight=1.5,
    description="A numbered line that reads like a title is an entry of a ranking or 'most read' list",
    match=["1. 中国Ｍ＆Ａ阻止の動き　米欧政府、技術流出を警戒［有料会員限定］", "3. Bridge closes after cracks are found"],
    no_match=["1. Preheat the oven to 180 degrees and grease the tin.", "Bridge closes after cracks are found"],
)
def numbered_title(f: Features, ctx: Context) -> float:
    return 1.0 if _NUMBERED.match(f.text) and not f.ends_sentence and f.n_words >= 3 else 0.0


_LONE_NAME = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’-]+)){1,2}$")


@code_rule(
    page_context=False,
    id="core:BY011", label="byline", weight=2.0, max_chars=40,
    description="A line that is only a person's name (two or three capitalised words) may be the byline; position decides",
    match=["Pippin Lee", "John C. Welch", "Sarah Archer"],
    no_match=["Home", "With new big data centre", "Contact Us", "Sign In Now"],
)
def lone_name(f: Features, ctx: Context) -> float:
    if not _LONE_NAME.match(f.text):
        return 0.0
    if any(t.lower() in ctx.stopwords for t in f.tokens):
        return 0.0
    return 1.0


# a word of four or more word characters (a whole \w+ token, as Features.tokens cuts them)
_LONG_WORD = regex.compile(r"(?<!\w)\w{4,}")


def _content_words(f: Features, ctx: Context) -> frozenset[str]:
    """The line's words of four or more characters, lower-cased, without stop words (cached per unit)."""
    cached = f.__dict__.get("_content_words")
    if cached is None:
        text = f.text
        if text.isascii():
            # lower-casing ASCII changes no token's length or boundaries: tokenise the lowered text at once
            cached = frozenset(_LONG_WORD.findall(text.lower())).difference(ctx.stopwords)
        else:
            cached = frozenset(map(str.lower, [t for t in f.tokens if len(t) >= 4])).difference(ctx.stopwords)
        f.__dict__["_content_words"] = cached
    return cached


def _prose_words(ctx: Context) -> frozenset[str]:
    """Content words of the page's long lines (its likely text), computed once per page."""
    key = ("prose_words", -1)
    words = ctx._cache.get(key)
    if words is None:
        minimum = _p(ctx, "prose_line_words")
        words = frozenset().union(*[_content_words(g, ctx) for g in ctx.features if g.n_words >= minimum])
        ctx._cache[key] = words
    return words


@code_rule(
    id="core:HL003", label="headline", weight=2.0,
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
    mine = _content_words(f, ctx)
    if len(mine) < 2:
        return 0.0
    share = len(mine & _prose_words(ctx)) / len(mine)
    return share if share >= _p(ctx, "title_overlap_min") else 0.0


_CODE = regex.compile(
    r"(?:[{};]\s*$|^\s*[{}]|^\s*(?:def|class|function|var|let|const|return|import|from|if|for|while|else|elif|try|"
    r"catch|public|private|static|void|int|#include|#define|\$|>>>|//|/\*|\*/)\b|\w\(.*\)\s*[;{]?\s*$|=>|[=!]==|\+=|"
    r"\w+\.\w+\(|</?\w+[ >])"
)

# every branch of _CODE but the keyword at the start needs one of { } ; ( < =; without them only this one can match
_CODE_START = regex.compile(
    r"^\s*(?:def|class|function|var|let|const|return|import|from|if|for|while|else|elif|try|"
    r"catch|public|private|static|void|int|#include|#define|\$|>>>|//|/\*|\*/)\b"
)


@code_rule(
    page_context=False,
    id="core:BD007", label="body", weight=2.0, max_chars=200,
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
