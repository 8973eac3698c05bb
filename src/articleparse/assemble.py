"""Stage 5: build the Article from the labelled units.

Fields come from what the rules captured (named groups such as ``authors``,
``source``, ``minutes``, ``agency``, ``section``, ``title``) and from the date
finder; nothing here decides a label.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from .decoder import LABEL_INDEX, Decoded, Zone, confidence
from .features import Features
from .lines import Line, Unit
from .model import (
    BOILERPLATE_LABELS,
    Article,
    Block,
    Byline,
    Label,
    LabeledLine,
    Meta,
    Paragraph,
    ParagraphKind,
    RelatedLink,
)
from .rules.base import Context

__all__ = ["assemble", "detect_format", "empty_article", "split_authors"]

_RELATED = (Label.RELATED_SECTION, Label.RELATED_TITLE, Label.RELATED_SNIPPET)
_HEADER_ZONES = (Zone.HEAD1, Zone.HEADLINE, Zone.HEAD2)
_AUTHOR_SPLIT = regex.compile(r"\s*(?:,|;|&|\band\b|\bAND\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b)\s*")
_BYLINE_PREFIX = regex.compile(r"^(?:(?:written|words|story|reported|text|posted)\s+)?(?:by|von|par|por|door|di|da|av|af)"
                               r"[:\s]\s*", regex.I)
_HEADING_MARK = regex.compile(r"^#{1,6}\s+|\s+#{1,6}$")
_QUOTE_MARK = regex.compile(r"^>\s?")
_WARC = regex.compile(r"^WARC/\d")
_LYNX_REF = regex.compile(r"^\s*\d+\.\s+(?:https?|file|ftp)://")
_MD = regex.compile(r"^(?:#{1,6}\s|!\[|\*\s+\[|-\s+\[)|\]\((?:https?://|/)")


def detect_format(lines: Sequence[Line], wrap: int | None) -> str:
    """Name the kind of dump: ``wet``, ``lynx``, ``w3m``, ``markdown`` or ``text``."""
    head = [ln.text for ln in lines[:40] if ln.text]
    if head and _WARC.match(head[0]):
        return "wet"
    if any(_LYNX_REF.match(ln.raw) for ln in lines[-200:]):
        return "lynx"
    if sum(1 for ln in lines[:400] if ln.text and _MD.search(ln.text)) >= 3:
        return "markdown"
    if wrap is not None:
        return "w3m"
    return "text"


def empty_article(lines: Sequence[Line], fmt: str, language: str | None) -> Article:
    """The Article of a dump with no text: every line blank."""
    return Article(
        meta=Meta(language=language, format=fmt),
        lines=tuple(LabeledLine(ln.index, (ln.start, ln.end), Label.BLANK, 1.0, ()) for ln in lines),
    )


#: The rule id a line lists when the headline ranker, not the decoder, made it the headline.
RANK_RULE = "rank:headline"

#: The rule id a line lists when the assembler, not the decoder, made it the byline (see ``_pick_byline``).
PICK_RULE = "pick:byline"

#: How much byline evidence one unit of distance from the headline costs when choosing the byline.
_BYLINE_DECAY = 0.1
#: A line the decoder labelled otherwise is a byline candidate when its byline score is above this ...
_PICK_MIN_SCORE = 0.9
#: ... and it stands within this many units of the headline ...
_PICK_NEAR = 15
#: ... or one rule alone voted byline with at least this much: a name introduced by 'By', 'Von', 'Autor:' ...
_PICK_INTRODUCED = 3.0
#: ... or it stands within this many units after the article text's last unit: a post's meta line printed under
#: it ("Nicolas Perriault — 2013-09-29 — in Code — Permalink")
_PICK_TAIL = 2
#: A unit the decoder labelled body is a candidate only this near the headline (and with a name one rule alone
#: captured with ``_PICK_INTRODUCED``): further down, "Von PUBLIC VOICE mit osAlliance zur ALLMENDA" is a heading
_PICK_BODY_NEAR = 3
#: ... or anywhere when a sentence of at least this many words about the person follows it (an author box)
_BIO_WORDS = 8
#: Labels whose lines never give up their label to a byline: the article's own text and title. (A date
#: line gives the byline only when its rules captured a name; it keeps its label. A text line right under the
#: headline does when one rule alone captured a name with ``_PICK_INTRODUCED``: "By Alex Heath, a deputy
#: editor and author of ...")
_TEASER_TEXT = frozenset((Label.RELATED_TITLE, Label.RELATED_SNIPPET))
_TEASER_REACH = 12
_PICK_KEEP = frozenset((Label.BODY, Label.HEADLINE, Label.STANDFIRST))


# a breadcrumb trail run into the title: "Forum>iPhone>Title", "Home › News › Title", "Home → News → Title"
_TRAIL = regex.compile(r"^(?:\[?[>›»→]\s*)?(?:[^>›»→\s][^>›»→]{0,30}?\s*[>›»→]\s*)+(?=\S)")
_LEAD_SEPARATORS = " \u00a0-–—|:·•/,"
# a breadcrumb trail written with slashes ("home / Betrieb / IT / Title"): the crumbs before the last one
_SLASH_TRAIL = regex.compile(r"^(?:[^/\s][^/]{0,30}?\s/\s+)+(?=\S)")
# a list item's mark before a title printed as one (lynx, w3m, inscriptis: "* Title", "• Title"; not a number)
_ITEM_MARK = regex.compile(r"^[*+•·▪◦‣○●■□]\s+(?=\S)")
# a rule drawn before the title (w3m prints a heading's border as box-drawing characters)
_LEAD_RULE = regex.compile(r"^[\u2500-\u257f\s]+(?=\S)")


def _headline_text(text: str, ctx: Context, index: int) -> str:
    """The title without what a dump runs into its start: a rule, a breadcrumb trail or a date.

        "Forum>iPhone>kein App Store mehr über Mobile Daten" -> "kein App Store mehr über Mobile Daten"
        "Home → Notizie → Il Climate Clock ha iniziato a scorrere" -> "Il Climate Clock ha iniziato a scorrere"
        "━━━━━━ Les Français travaillent-ils trop peu ?" -> "Les Français travaillent-ils trop peu ?"
        "23.01.2022 - Dorothea Wierer darf noch jubeln" -> "Dorothea Wierer darf noch jubeln"

    Nothing is cut when fewer than two words (three after a date) would be left. Then a
    kicker run into the title is dropped (see ``_drop_kicker``).
    """
    text = _ITEM_MARK.sub("", _LEAD_RULE.sub("", text))
    trail = _TRAIL.match(text)
    if trail and len(text[trail.end():].split()) >= 2:
        text = text[trail.end():]
    found = ctx.dates.find(text)
    if found and found[0].start == 0:
        rest = text[found[0].end:].lstrip(_LEAD_SEPARATORS)
        if len(rest.split()) >= 3:
            text = rest
    return _drop_kicker(text, ctx, index)


#: How many units above (and below) the headline a line may stand that names the bare title.
_KICKER_REACH = (12, 3)
_LIST_MARK = regex.compile(r"^(?:\d{1,3}[.)]|[•*·»›>|/-])\s*")


def _drop_kicker(text: str, ctx: Context, index: int) -> str:
    """The title without a kicker run into its start, when a nearby line prints the bare title.

    Dumps often join a kicker and the title on one line ("Neues Auto: Auto leasen oder kaufen")
    while the breadcrumb trail above or a share line below prints the title alone. The longest
    such line of three or more words that ends the headline wins. The cut part must be a short
    kicker (one to four words, not just a quotation mark) and the title left must not start in
    lower case (a tagline that ends the title is not the title).
    """
    folded = text.casefold()
    best = None
    features = ctx.features
    before, after = _KICKER_REACH
    for j in range(max(0, index - before), min(len(features), index + after + 1)):
        if j == index:
            continue
        bare = _SLASH_TRAIL.sub("", _LIST_MARK.sub("", features[j].text)).strip()
        if len(bare) >= len(text) or len(bare.split()) < 3 or not folded.endswith(bare.casefold()):
            continue
        kicker = text[:len(text) - len(bare)].rstrip()
        if bare[0].islower() or len(kicker.split()) > 4 or not any(c.isalpha() for c in kicker):
            continue
        if best is None or len(bare) > len(best):
            best = bare
    return text[len(text) - len(best):] if best else _split_spaced_colon(text, ctx) or _split_glued_kicker(text, ctx)


def _folded_page(ctx: Context) -> str:
    """The page's units, case-folded and one a line (worked out once per page)."""
    return ctx.once("folded_page", lambda: "\n".join([f.text for f in ctx.features]).casefold())


_SPACED_COLON = regex.compile(r"(?<=\S) : (?=\S)")
_UNSPACED_COLON = regex.compile(r"(?<=\w): (?=\S)")
_PROSE_WORDS = 15  # a unit of this many words shows how the page writes its colons


def _split_spaced_colon(text: str, ctx: Context) -> str | None:
    """The title after a kicker that the dump set off with a spaced colon, on a page whose prose writes
    its colons unspaced; None when that does not apply.

    A news site that marks its kicker and its title up as two elements puts the colon between them in
    an element of its own (a hidden one for screen readers, or a style's generated text), and dumps print
    it with a space on either side: "Klimaschutz : Bohren, bis es heiß wird", "Covid-19 : Lässt sich
    die Ausbreitung kontrollieren?". In German or English prose a colon follows its word directly, so the
    spaced one marks the seam; French typography spaces every colon ("Covid-19 et infox : comment une
    rumeur devient réalité" is one title), so nothing is cut on a French page, nor unless the page's long
    paragraphs write colons, and unspaced (at least twice as many as spaced ones). A browser copy may
    print the colon right after the kicker; the seam shows then when another line of the page prints the
    same text with the spaced colon. The kicker is one to six words with a letter; the title left has
    three words or more and starts with a capital, a digit or a quotation mark.
    """
    if ctx.language == "fr":
        return None
    if " : " not in text and text.count(": ") == 1:
        # a browser copy may close the gap ("Klimaschutz: Bohren ..."); a teaser or share line elsewhere on
        # the page that prints the same text with the spaced colon still shows the seam
        spaced_text = text.replace(": ", " : ", 1)
        if spaced_text.casefold() not in _folded_page(ctx):
            return None
        text = spaced_text
    if text.count(" : ") != 1:
        return None
    kicker, bare = text.split(" : ", 1)
    kicker_words = kicker.split()
    if (not 1 <= len(kicker_words) <= 6 or not any(c.isalpha() for c in kicker) or len(bare.split()) < 3
            or not (bare[0].isupper() or bare[0].isdigit() or bare[0] in "\"'„“«‚‘»")):
        return None
    spaced = unspaced = 0
    for f in ctx.features:
        if f.n_words >= _PROSE_WORDS and ":" in f.text:
            spaced += len(_SPACED_COLON.findall(f.text))
            unspaced += len(_UNSPACED_COLON.findall(f.text))
    if not unspaced or spaced * 2 >= unspaced:
        # the page's prose spaces its colons, or shows no colon at all: nothing says this one marks a seam
        # ('"Only One" Lyrics : PJ Morton' on a page of lyrics is the whole title)
        return None
    return bare


#: The marks between a kicker and its title on another line of the page: a colon, or a spaced dash or bar.
_KICKER_DASHES = "-–—|"


def _marked_pair(page: str, first: str, second: str) -> bool:
    """True when ``page`` writes ``first``, a mark and ``second``: a colon (white space before it
    optional), or a dash or bar with white space before it, then white space ("Kicker: Title",
    "Title - Kicker", "Title | Kicker").

    Plain string search: a pattern built from the two texts would be compiled anew for every page.
    """
    end = len(page)
    at = page.find(first)
    while at >= 0:
        k = at + len(first)
        while k < end and page[k].isspace():
            k += 1
        if k < end and (page[k] == ":" or (k > at + len(first) and page[k] in _KICKER_DASHES)):
            k += 1
            rest = k
            while k < end and page[k].isspace():
                k += 1
            if k > rest and page.startswith(second, k):
                return True
        at = page.find(first, at + 1)
    return False


def _split_glued_kicker(text: str, ctx: Context) -> str:
    """The title without a kicker the dump glued to it with a bare space, when another line of the page
    prints the two with a mark between them, in either order.

    A browser copy prints a kicker and a title that are two elements of one heading on one line
    ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt"); a teaser or a "Mehr zu:" line elsewhere
    on the page writes "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz". The kicker is one to
    four words with a letter, not ending in a mark itself; the title left has three words or more and
    starts with a capital or a digit.
    """
    words = text.split()
    if len(words) < 4:
        return text
    page = _folded_page(ctx)
    # every title left below holds the shortest one: when that stands on no other line, none does
    if page.count(" ".join(words[min(4, len(words) - 3):]).casefold()) < 2:
        return text
    for k in range(1, min(5, len(words) - 2)):
        kicker, bare = " ".join(words[:k]), " ".join(words[k:])
        if (not (bare[0].isupper() or bare[0].isdigit()) or kicker[-1] in ":-–—|"
                or not any(c.isalpha() for c in kicker)):
            continue
        folded, kicked = bare.casefold(), kicker.casefold()
        if page.count(folded) < 2 or page.count(kicked) < 2:
            continue  # the headline's own line is one: the title and the kicker must stand on another line too
        if _marked_pair(page, kicked, folded) or _marked_pair(page, folded, kicked):
            return bare
    return text


def split_authors(raw: str) -> tuple[str, ...]:
    """Names in a byline: the 'By' prefix dropped, split on commas and 'and'.

        >>> split_authors("By ABBY GOODNOUGH, THOMAS KAPLAN and ROBERT PEAR")
        ('ABBY GOODNOUGH', 'THOMAS KAPLAN', 'ROBERT PEAR')
        >>> split_authors("By Evan HalperStaff Writer")
        ('Evan Halper',)
        >>> split_authors("Autor: Rechtsanwalt Sebastian Einbock")
        ('Sebastian Einbock',)
        >>> split_authors("By Evan Halper Staff Writer")
        ('Evan Halper',)
        >>> split_authors("by Bob Yirka , Phys.org")
        ('Bob Yirka',)
    """
    text = _HANDLE.sub("", _BYLINE_PREFIX.sub("", raw.strip().lstrip("/ |•·-–—")))
    text = _GLUED_ROLE.sub(", ", _GLUED_LABEL.sub("", text))
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(text):
        part = _trim_name(_LEADING_ROLE.sub("", part.strip(" .:-–—|")))
        if not part or not any(c.isalpha() for c in part):
            continue
        if names and not _looks_like_name(part):
            break  # "Jane Doe, Senior Staff Reporter, ACLU": the rest is her role, not more people
        part = _without_trailing_role(part)
        if part not in names:
            names.append(part)
    return tuple(names)


_HANDLE = regex.compile(r"\s*@\w+")
# a label or job title run into the name ("AuthorAndreas Kalt", "Evan HalperStaff Writer")
_GLUED_LABEL = regex.compile(r"^(?:(?:Author|Autor|Autorin)(?::\s*|(?=\p{Lu}\p{Ll}))|(?:Von|By)(?=\p{Lu}\p{Ll}))")
_GLUED_ROLE = regex.compile(r"(?<=\p{Ll})(?=(?:Staff|Senior|Contributing|Chief|Editor|Reporter|Correspondent|Writer|"
                            r"Redakteur|Redakteurin|Korrespondent|Korrespondentin)\b)")
# a job title before the name ("Rechtsanwalt Sebastian Einbock", "Themenstarter Pepemaus")
_LEADING_ROLE = regex.compile(r"^(?:Rechtsanwalt|Rechtsanwältin|Themenstarter|Themenstarterin|Redakteur|Redakteurin|"
                              r"Reporter|Reporterin|Autor|Autorin|Author|Correspondent|Staff Writer)\s+(?=\p{Lu})")
# words that make a byline part a job title rather than a person
_ROLE_WORDS = frozenset("""
staff senior junior chief editor editors reporter reporters correspondent correspondents writer writers
marketing communications relations engineer engineering developer designer founder ceo cto cfo president
spokesperson spokesman spokeswoman
contributor contributing columnist technologist analyst director producer photographer photography reporting
attorney counsel professor fellow researcher manager head deputy associate assistant executive intern news
team desk agency agencies service services ma phd md jr sr health bureau
redakteur redakteurin korrespondent korrespondentin autor autorin redaktion
""".split())


def _without_trailing_role(part: str) -> str:
    """The name without a job title after it: "Evan Halper Staff Writer" -> "Evan Halper" (two name words stay).

    The title must end in a job noun (writer, reporter, editor ...); "Perry Bacon Jr." and "Teufel Blog
    Redaktion" keep their last word.
    """
    words = part.split()
    if len(words) < 3 or words[-1].strip(".,()").casefold() not in _JOB_NOUNS:
        return part
    k = len(words) - 1
    while k > 2 and words[k - 1].strip(".,()").casefold() in _JOB_WORDS:
        k -= 1
    return " ".join(words[:k])


# the nouns that end a job title after a name, and the words before them ("Senior Staff Writer")
_JOB_NOUNS = frozenset("writer writers reporter reporters editor editors correspondent correspondents columnist "
                       "contributor producer photographer intern redakteur redakteurin korrespondent "
                       "korrespondentin".split())
_JOB_MODIFIERS = frozenset("staff senior junior chief contributing deputy associate assistant executive managing "
                           "news features politics business sports science health education".split())
_JOB_WORDS = _JOB_NOUNS | _JOB_MODIFIERS


#: A word that ends like a site's address ("Phys.org", "Spiegel.de"): no part of a person's name. "by Bob Yirka ,
#: Phys.org" names the site after the author (the byline rules of the core pack stop a name list there too).
SITE_ADDRESS = regex.compile(r"\w\.(?:com|org|net|de|at|ch|fr|es|it|co\.uk|uk|info|io)$", regex.I)


def _looks_like_name(part: str) -> bool:
    """Two to four words, no job-title words, not a bare acronym ("CNN") or a site's address ("Phys.org"): a
    person's name."""
    words = part.split()
    if not 1 <= len(words) <= 4 or SITE_ADDRESS.search(part):
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
        return False
    return not any(w.strip(".,()").casefold() in _ROLE_WORDS for w in words)


# small words a byline pattern may catch after a name ("By Jane Doe On 12. Dezember")
_TRAILING_WORDS = frozenset("on at am um in le el em il the de du à".split())


def _trim_name(part: str) -> str:
    words = part.split()
    while len(words) > 1 and words[-1].casefold() in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)


def _locate(source: str, unit: Unit, piece: str) -> tuple[int, int]:
    """The span of ``piece`` inside ``unit`` in the source (the unit's span when not found verbatim)."""
    at = source.find(piece, unit.start, unit.end) if piece else -1
    return (at, at + len(piece)) if at >= 0 else (unit.start, unit.end)


def _group(match: Any, name: str) -> str | None:
    try:
        value = match.group(name)
    except (IndexError, AttributeError):
        return None
    return value.strip() if value else None


def _captured(votes_matches: dict[str, Any], name: str) -> tuple[str, Any] | None:
    for m in votes_matches.values():
        value = _group(m, name)
        if value:
            return value, m
    return None


def assemble(source: str, lines: Sequence[Line], units: Sequence[Unit], features: Sequence[Features],
             votes: Any, decoded: Decoded, ctx: Context, *, language: str | None, fmt: str,
             now: _dt.datetime | None = None) -> Article:
    labels = decoded.labels
    zones = decoded.zones
    n = len(units)
    chosen = _pick_byline(labels, votes, features, ctx)
    picked = chosen if chosen is not None and labels[chosen] not in (Label.BYLINE, Label.DATE) else None
    if picked is not None:
        labels = labels[:picked] + (Label.BYLINE,) + labels[picked + 1:]

    # ---- per-line labels, with the rules that voted for the chosen label
    unit_rules: list[tuple[str, ...]] = []
    grammar = {z: (f"grammar:{z.name.lower()}",) for z in set(zones)}
    for hits, label, zone in zip(votes.fired, labels, zones):
        ids = tuple(dict.fromkeys([rid for rid, lb, v in hits if lb is label and v > 0]))
        unit_rules.append(ids or grammar[zone])
    if decoded.ranked is not None:
        # the headline ranker overrode the decoder's choice: say so on the line
        unit_rules[decoded.ranked] = unit_rules[decoded.ranked] + (RANK_RULE,)
    confidence_of = decoded.confidence
    if picked is not None:
        # the byline was taken from a line the decoder labelled otherwise: say so on the line
        unit_rules[picked] = unit_rules[picked] + (PICK_RULE,)
        confidence_of = list(confidence_of)
        confidence_of[picked] = confidence(votes.scores[picked], LABEL_INDEX[Label.BYLINE])
    labelled: list[LabeledLine] = []
    owner: list[int | None] = [None] * len(lines)
    for u in units:
        for k in range(u.first, u.last + 1):
            owner[k] = u.index
    trusted = LabeledLine._trusted
    blank = Label.BLANK
    for ln in lines:
        i = owner[ln.index]
        if i is None:
            labelled.append(trusted(ln.index, (ln.start, ln.end), blank, 1.0, ()))
        else:
            labelled.append(trusted(ln.index, (ln.start, ln.end), labels[i], confidence_of[i], unit_rules[i]))

    # ---- header fields
    headline = None
    standfirst_parts: list[str] = []
    byline = None
    source_credit = None
    reading_time = None
    for i in range(n):
        lb = labels[i]
        text = features[i].text
        if lb is Label.HEADLINE and headline is None:
            headline = _headline_text(_HEADING_MARK.sub("", text).strip(), ctx, i) or None
        elif lb is Label.STANDFIRST:
            credit = _captured(votes.matches[i], "source")
            if credit:
                source_credit = source_credit or (credit[0], units[i])
                text = text[:credit[1].start()].rstrip()
            if text:
                standfirst_parts.append(text)
        if lb is Label.META and reading_time is None:
            minutes = _captured(votes.matches[i], "minutes")
            if minutes:
                reading_time = int(minutes[0])
    # the article's own byline (chosen by _pick_byline at the start)
    if chosen is not None:
        byline = _byline(source, units[chosen], features[chosen].text, votes.matches[chosen])
        byline = _without_page_tail(byline, features, chosen)
        byline = _with_names_beside(byline, features, chosen)
    if source_credit is None:
        for i in range(n):
            if zones[i] in _HEADER_ZONES:
                credit = _captured(votes.matches[i], "source")
                if credit:
                    source_credit = (credit[0], units[i])
                    break
    if byline is None:
        byline = _editor_byline(source, units, votes, source_credit)
    if byline is None and source_credit is not None:
        name, unit = source_credit
        byline = Byline(raw=name, authors=(), organization=name, span=_locate(source, unit, name))
    if byline is None:
        byline = _copyright_byline(source, units, labels, votes)

    published, updated = _dates(labels, zones, ctx, now)

    # ---- body, agency, dateline
    body: list[Paragraph] = []
    agency = dateline = None
    # the number of the ordered list's item each unit goes on from: the last item's, read over the
    # units indented under it (an item's further lines), whatever their labels
    follows: list[int | None] = []
    listed: int | None = None
    for i in range(n):
        follows.append(listed)
        item = _list_number(features[i].text, units[i].indent, listed)
        if item is not None:
            listed = item[0]
        elif units[i].indent == 0:
            listed = None
    for i in range(n):
        if labels[i] is not Label.BODY:
            continue
        u, f = units[i], features[i]
        body.append(Paragraph(_body_text(f, u.indent, follows[i]), (u.start, u.end), _kind(f)))
        found = _captured(votes.matches[i], "agency")
        if found:
            agency = found[0]
        if dateline is None:
            dl = _captured(votes.matches[i], "dateline")
            if dl:
                dateline = dl[0]

    related = _related(source, units, labels, features, votes)
    boilerplate = _boilerplate(source, units, labels, unit_rules)
    byline_authors = byline.authors if byline else ()
    return Article(
        headline=headline,
        standfirst=" ".join(standfirst_parts) or None,
        byline=byline,
        authors=byline_authors,
        published=published,
        updated=updated,
        body=tuple(body),
        text="\n\n".join(p.text for p in body),
        related=tuple(related),
        boilerplate=tuple(boilerplate),
        meta=Meta(language=language, reading_time=reading_time, source=source_credit[0] if source_credit else None,
                  agency=agency, dateline=dateline, format=fmt),
        lines=tuple(labelled),
    )


def _pick_byline(labels: Sequence[Label], votes: Any, features: Sequence[Features] | None = None,
                 ctx: Context | None = None) -> int | None:
    """The unit that holds the article's byline, or None.

    The candidates are the units labelled ``byline``, the units labelled ``date`` whose rules
    captured a name ("Bettina Kugler 19.10.2019, 05:00 Uhr"), and the units the decoder
    labelled otherwise (navigation, a teaser, a footer: not body, headline or standfirst) whose
    byline score is above ``_PICK_MIN_SCORE`` and that either stand within ``_PICK_NEAR`` units
    of the headline or hold a name one rule alone vouched for with ``_PICK_INTRODUCED`` ("By Jane
    Doe", "Autor: Anna Schmidt" in an author box far down the page). The strongest wins, less
    ``_BYLINE_DECAY`` per unit of distance from the headline (or the body's first unit); the
    earlier one on a tie. A candidate whose byline score is not above ``_PICK_MIN_SCORE`` (a
    name line the decoder took by the headline although the rules do not know it as a name,
    "Search Submit") is taken only when there is no other.
    """
    n = len(labels)
    anchor = next((i for i in range(n) if labels[i] is Label.HEADLINE),
                  next((i for i in range(n) if labels[i] is Label.BODY), 0))
    by = LABEL_INDEX[Label.BYLINE]
    # how far each unit stands from the anchor, not counting the units that are only markup between them
    # (lynx's "(BUTTON)" and "[]", rules of underscores): a lynx dump prints a dozen of them between a
    # byline and the title that a browser copy does not
    steps = [0 if features is not None and _MARKUP_ONLY.match(features[i].text) else 1 for i in range(n)]
    ahead = [0] * (n + 1)
    # the unit above each unit, past markup (-1 when none): worked out in one pass, not by a walk per unit
    above = [-1] * n
    for i in range(n):
        ahead[i + 1] = ahead[i] + steps[i]
        if i + 1 < n:
            above[i + 1] = i if steps[i] else above[i]

    # the body's first unit after the headline: a byline stands right above the text as often as under the headline
    # (a page that prints a teaser list between its headline and the article's meta line)
    body_start = next((i for i in range(anchor, n) if labels[i] is Label.BODY), None)

    def distance(i: int) -> int:
        lo, hi = (i, anchor) if i < anchor else (anchor, i)
        return ahead[hi] - ahead[lo]

    def above_text(i: int) -> bool:
        # within _PICK_NEAR units above the body's first unit after the headline
        return body_start is not None and anchor < i < body_start and ahead[body_start] - ahead[i] <= _PICK_NEAR

    def under_title(i: int) -> bool:
        # a name right under a teaser's title or snippet (the unit above, past markup, labelled a related title or snippet)
        j = above[i]
        if not (j >= 0 and labels[j] in _TEASER_TEXT and votes.scores[j][by] <= _PICK_MIN_SCORE
                and votes.scores[i][by] > _PICK_MIN_SCORE):
            return False
        if not _introduced(votes.fired[i]):
            return True
        # a name a rule introduced ("By R. Lawler, 2h ago") only in a list under the text ("More stories"): above
        # it, the decoder often reads the article's own title or standfirst as a teaser; and not under the line
        # that introduces it ("Geschrieben von" / "Jane Doe") or a line about the person ("Ein kleines Porträt von
        # Elisa Marvena" / "Geschrieben von Elisa Marvena": the article's contributors, one box each)
        if last_body is None or i < last_body or _INTRODUCER_END.search(features[j].text if features else ""):
            return False
        found = _captured(votes.matches[i], "authors")
        return not (found and features and found[0].split()[-1].casefold() in features[j].text.casefold())

    last_body = next((i for i in range(n - 1, -1, -1) if labels[i] is Label.BODY), None)

    # a list of teasers, each a title and its author's name ("Trump Shocked to Learn ..." / "Matt Novak" / "Today
    # 7:30AM", "Here's When You'll ..." / "Lisa Rowan" / "An hour ago"): two such names within _TEASER_REACH units,
    # not the same name twice (a post's author under its text and again in the author box under that)
    titled = [i for i in range(n) if under_title(i)]

    def named(i: int) -> str:
        found = _captured(votes.matches[i], "authors")
        return found[0].casefold() if found else ""

    teaser_names = {i for k, i in enumerate(titled)
                    if (k > 0 and ahead[i] - ahead[titled[k - 1]] <= _TEASER_REACH and named(i) != named(titled[k - 1]))
                    or (k + 1 < len(titled) and ahead[titled[k + 1]] - ahead[i] <= _TEASER_REACH
                        and named(i) != named(titled[k + 1]))}

    best, best_value = None, None
    for i in range(n):
        lb = labels[i]
        score = votes.scores[i][by]
        if lb is Label.BYLINE or (lb is Label.DATE and _captured(votes.matches[i], "authors")):
            pass
        elif (lb is Label.BODY and score > _PICK_MIN_SCORE and distance(i) <= _PICK_BODY_NEAR
              and _captured(votes.matches[i], "authors") and _introduced(votes.fired[i])):
            pass  # a byline the decoder read as text ("By Alex Heath, a deputy editor and author of ...")
        elif (lb is Label.BODY and score > _PICK_MIN_SCORE and _introduced(votes.fired[i])
              and _bio_follows(i, votes, features)):
            pass  # an author box the decoder read as text: "By Jane Doe @jdoe" / "Jane has covered ..."
        elif lb in _PICK_KEEP or score <= _PICK_MIN_SCORE:
            continue
        elif lb is Label.DATE:
            # a date line whose rules captured no name stays a date line
            continue
        elif distance(i) > _PICK_NEAR and not above_text(i) and not _introduced(votes.fired[i]) and not (
                last_body is not None and anchor < last_body < i and ahead[i] - ahead[last_body] <= _PICK_TAIL
                and lb is not Label.COMMENT and _meta_line(i, votes, features, ctx)):
            continue
        if i in teaser_names:
            continue
        # a weak candidate (a lone name the rules do not know as one: "Search Submit") only when there is no other
        value = (score > _PICK_MIN_SCORE, score - _BYLINE_DECAY * distance(i))
        if best_value is None or value > best_value:
            best, best_value = i, value
    return best


def _copyright_byline(source: str, units: Sequence[Unit], labels: Sequence[Label], votes: Any) -> Byline | None:
    """The byline of a page without one: the person a copyright line of the page's footer names (the last such
    footer line; ``holder``, captured by ``core:BY023``: "© 2009-2012 Jonathan Krase."). The line keeps its label."""
    for i in range(len(units) - 1, -1, -1):
        if labels[i] is not Label.FOOTER:
            continue  # a photo credit in a caption ("Bild 1 von 4 © Iona Dutz") names no author
        holder = _captured(votes.matches[i], "holder")
        if holder:
            return _person_byline(source, units[i], holder[0])
    return None


def _editor_byline(source: str, units: Sequence[Unit], votes: Any,
                   source_credit: tuple[str, Unit] | None) -> Byline | None:
    """The byline of a page that credits no writer but its responsible editor (``editor``, captured by
    ``zh:ED002``: "责任编辑：肖春芳", a Chinese portal's page), whom readability's and trafilatura's reference
    truths name the author; the page's source credit, if any, is its organisation. The first such credit."""
    for i, unit in enumerate(units):
        editor = _captured(votes.matches[i], "editor")
        if editor:
            return _person_byline(source, unit, editor[0], source_credit[0] if source_credit else None)
    return None


def _person_byline(source: str, unit: Unit, name: str, organization: str | None = None) -> Byline:
    """The byline of one person a rule captured on ``unit`` (a copyright holder, a responsible editor)."""
    return Byline(raw=name, authors=(name,), organization=organization, span=_locate(source, unit, name))


def _meta_line(i: int, votes: Any, features: Sequence[Features] | None, ctx: Context | None) -> bool:
    """Whether unit ``i`` is a post's meta line: a captured name opens it and a date follows on it ("Nicolas
    Perriault — 2013-09-29 — in Code — Permalink"), not a lone name (a tag, a teaser's subject) or a citation
    ("(OLG Oldenburg, Beschluss v. 3.1.2022)")."""
    if features is None or ctx is None:
        return False
    found = _captured(votes.matches[i], "authors")
    text = features[i].text.lstrip(" *•·-[]")
    if not found or not text.startswith(found[0].split(",", 1)[0]):
        return False
    return any(d.start > 0 for d in ctx.dates_in(i))


def _bio_follows(i: int, votes: Any, features: Sequence[Features] | None) -> bool:
    """Whether unit ``i``'s captured name heads an author box: the next unit is a sentence about the person that opens
    with the name's first or last word ("By Devindra Hardawar @devindra" / "Devindra has been obsessed with ...")."""
    if features is None or i + 1 >= len(features):
        return False
    found = _captured(votes.matches[i], "authors")
    if not found:
        return False
    words = found[0].split(",", 1)[0].split()
    nxt = features[i + 1]
    if len(words) < 2 or nxt.n_words < _BIO_WORDS:
        return False
    first = nxt.text.split(None, 1)[0].rstrip(",")
    return first in (words[0], words[-1])


def _introduced(fired: Any) -> bool:
    """Whether one rule alone voted byline with ``_PICK_INTRODUCED`` or more (a name after 'By', 'Von', 'Autor:')."""
    return any(label is Label.BYLINE and v >= _PICK_INTRODUCED for _, label, v in fired)


# a line that ends in the word that introduces an author's name on the next line ("Geschrieben von", "Written by")
_INTRODUCER_END = regex.compile(r"(?i:\b(?:by|von|vom|par|por|door|di|da|de|autor(?:in)?|author|auteur)\s*:?)\s*$")

# a unit that is only what a text browser prints for a form element, an image without alt text or a rule
_MARKUP_ONLY = regex.compile(r"^(?:\s*(?:\((?:BUTTON|IMAGE|FORM|Submit)\)|\[[^\]\s]{0,12}\]|[_=*•·|-]+))+\s*$")


def _byline(source: str, unit: Unit, text: str, matches: dict[str, Any]) -> Byline:
    found = _captured(matches, "authors")
    org = _captured(matches, "organization")
    authors = split_authors(found[0]) if found else split_authors(text)
    return Byline(raw=text, authors=authors, organization=org[0] if org else None, span=(unit.start, unit.end))


#: a line that is only the word joining two names of a byline ("and", "und", "&")
_JOINER_LINE = regex.compile(r"^(?:and|und|&|y|et|e)$")
#: a byline line that stops at the joining word: "Benjamin Fischer und" (the next name on the next line)
_JOINER_END = regex.compile(r"(?:\s+(?:and|und|y|et)|\s*&)$")
#: a person's name of two to four capitalised words, as a byline's line prints it
_PLAIN_NAME = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’-]*\.?(?:\s+\p{Lu}[\p{L}\p{M}'’-]*\.?){1,3}$")


def _with_names_beside(byline: Byline, features: Sequence[Features], chosen: int) -> Byline:
    """The byline with the names a dump printed on the lines beside it, joined by 'and' (in place of one line
    "By David Brand and Ramsey Khalifeh": "David Brand" / "and" / "Ramsey Khalifeh", or "Benjamin Fischer und" /
    "Marcus Theurer"). A name is added only when the joining word ends the byline's line or stands alone on
    the line between, and the line beyond is only a name (two to four capitalised words, no job-title words).
    """
    n = len(features)
    text = features[chosen].text
    after = chosen + 1 if _JOINER_END.search(text) else (
        chosen + 2 if chosen + 1 < n and _JOINER_LINE.match(features[chosen + 1].text) else None)
    before = None
    if chosen >= 1 and _JOINER_END.search(features[chosen - 1].text):
        before = chosen - 1
    elif chosen >= 2 and _JOINER_LINE.match(features[chosen - 1].text):
        before = chosen - 2
    added_before, added_after = [], []
    if after is not None and after < n:
        name = features[after].text.strip(" .,")
        if _PLAIN_NAME.match(name) and _looks_like_name(name):
            added_after.append(name)
    if before is not None:
        name = _JOINER_END.sub("", _BYLINE_PREFIX.sub("", features[before].text.strip())).strip(" .,")
        if _PLAIN_NAME.match(name) and _looks_like_name(name):
            added_before.append(name)
    if not added_before and not added_after or not byline.authors:
        return byline
    return attrs.evolve(byline, authors=tuple(dict.fromkeys([*added_before, *byline.authors, *added_after])))


def _without_page_tail(byline: Byline, features: Sequence[Features], chosen: int) -> Byline:
    """The byline's names without a tail the page also prints as a line of its own.

    A blog prints a post's date, author and category on one line ("30. Oktober 2023 Carola
    Pönisch Kultur", "von Sarah Schnieder Reiterrevue International"); the category is a menu
    item elsewhere on the page ("Kultur", "* Kultur"). The last one or two words of a name of
    three or more words are dropped when some other line of the page is exactly those words;
    at least two name words stay, the last of them capitalised ("Redaktion Profilbild von" stays whole).
    """
    if not any(len(a.split()) >= 3 for a in byline.authors):
        return byline
    short = {_menu_text(f.text) for i, f in enumerate(features) if i != chosen and f.n_words <= _TAIL_WORDS}
    authors = []
    for name in byline.authors:
        words = name.split()
        for k in range(min(_TAIL_WORDS, len(words) - 2), 0, -1):
            if (words[-k][:1].isupper() and words[-k - 1][:1].isupper()
                    and " ".join(words[-k:]).casefold() in short):
                words = words[:-k]
                break
        authors.append(" ".join(words))
    return attrs.evolve(byline, authors=tuple(dict.fromkeys(authors)))


_TAIL_WORDS = 2  # how many words a category after a name may have
_MENU_MARK = regex.compile(r"^[\s*+•·\-–—>»|]+")


def _menu_text(text: str) -> str:
    """A line as a menu prints it, without its bullet, case-folded ("* Kultur" -> "kultur")."""
    return _MENU_MARK.sub("", text).strip().casefold()


# How much each kind of evidence counts when choosing the publication date among all dates
# of the page (named here, documented in docs/architecture.md).
_DATE_LABEL_SCORE = {
    Label.DATE: 3.0, Label.BYLINE: 2.5, Label.META: 1.0, Label.HEADLINE: 1.0, Label.STANDFIRST: 0.5,
    Label.BODY: 0.0, Label.NAVIGATION: 0.0, Label.BOILERPLATE: 0.0, Label.CAPTION: 0.0, Label.SHARE: 0.0,
    Label.AD: -0.5, Label.RELATED_TITLE: -1.5, Label.RELATED_SNIPPET: -1.5, Label.RELATED_SECTION: -1.5,
    Label.COMMENT: -2.5, Label.FOOTER: -3.0,
}
_DATE_NEAR = ((2, 3.0), (5, 2.0), (12, 1.0), (30, 0.0))
_DATE_FAR = -4.0  # a date more than 30 lines from the headline is rarely the article's
_DATE_ROLE_PUBLISHED = 2.0
_DATE_SHORT_LINE = 1.0
_DATE_REPEATED = 0.5
_DATE_SCAN_CHARS = 200


def _dates(labels: Sequence[Label], zones: Sequence[Zone], ctx: Context,
           now: _dt.datetime | None) -> tuple[Any, Any]:
    """Published and updated dates, chosen among every date of the page.

    Each date found in a line of up to ``_DATE_SCAN_CHARS`` characters is a
    candidate, scored by the label of its line, its distance from the headline
    (or the body's start), a "published" label before it, and whether the line
    is little more than the date; an "updated" label makes it the update date.
    """
    n = len(labels)
    anchor = next((i for i in range(n) if labels[i] is Label.HEADLINE), None)
    if anchor is None:
        anchor = next((i for i in range(n) if labels[i] is Label.BODY), 0)
    candidates: list[tuple[float, int, Any, str | None]] = []
    seen: dict[Any, int] = {}
    for i in range(n):
        f = ctx.features[i]
        if f.n_chars > _DATE_SCAN_CHARS:
            continue
        found = ctx.dates_in(i)
        if not found:
            continue
        if now is not None and any(getattr(d, "relative", False) for d in found):
            found = ctx.dates.find(f.text, now=now)
        covered = sum(d.end - d.start for d in found)
        for d in found:
            value = d.value
            if value is None:
                continue
            score = _DATE_LABEL_SCORE.get(labels[i], 0.0)
            dist = abs(i - anchor)
            score += next((v for limit, v in _DATE_NEAR if dist <= limit), _DATE_FAR)
            if d.role == "published":
                score += _DATE_ROLE_PUBLISHED
            if covered >= 0.4 * f.n_chars:
                score += _DATE_SHORT_LINE
            key = value.isoformat()[:10] if hasattr(value, "isoformat") else value
            seen[key] = seen.get(key, 0) + 1
            candidates.append((score, i, value, d.role))
    if not candidates:
        return _dateline_date(labels, ctx, anchor), None
    published = updated = None
    best = -1e9
    for score, i, value, role in candidates:
        key = value.isoformat()[:10]
        score += _DATE_REPEATED * min(2, seen[key] - 1)
        if role == "updated":
            if updated is None:
                updated = value
            continue
        if score > best:
            best, published = score, value
    if published is None:
        published, updated = updated, None
    return published, updated


# how far into a long paragraph a dateline's date may start ("Pressemitteilung vom 25. Januar 2022 | Berlin –"),
# and how many of the article's first paragraphs may open with one
_DATELINE_REACH = 40
_DATELINE_PARAGRAPHS = 2
# what follows a dateline's date: a dash, a bar, a colon or an opening quotation mark
_DATELINE_END = regex.compile(r"\s*(?:[-–—|:]|[„“\"«»‚‘])")
# at most this many words before the date: a label or a place ("Pressemitteilung vom", "BERLIN,")
_DATELINE_LEAD_WORDS = 3


def _dateline_date(labels: Sequence[Label], ctx: Context, anchor: int) -> Any:
    """The date of a page whose lines of up to ``_DATE_SCAN_CHARS`` characters hold none: the date that opens one of
    the article's first ``_DATELINE_PARAGRAPHS`` paragraphs after ``anchor`` as its dateline ('01.02.2022 „Der
    Arbeitsmarkt ...', '27.1.2022 - Bei der Erinnerung ...', 'Pressemitteilung vom 25. Januar 2022 | Berlin – ...'),
    or None. Only the paragraph's first ``_DATELINE_REACH`` characters and a few more are read; at most
    ``_DATELINE_LEAD_WORDS`` words may stand before the date (a label, a place), and a dash, a bar, a colon or a
    quotation mark must follow it: a date inside a sentence ('Wir suchen zum 1. April 2016 (ggf. früher)') is what
    the text is about, not when it was written."""
    if ctx.dates is None:
        return None
    seen = 0
    for i in range(anchor, len(labels)):
        if labels[i] is not Label.BODY:
            continue
        seen += 1
        if seen > _DATELINE_PARAGRAPHS:
            break
        head = ctx.features[i].text[:_DATELINE_REACH + 30]
        for d in ctx.dates.find(head):
            if (d.value is not None and d.start <= _DATELINE_REACH and not getattr(d, "relative", False)
                    and len(head[:d.start].split()) <= _DATELINE_LEAD_WORDS and _DATELINE_END.match(head, d.end)):
                return d.value
    return None


# a paragraph that opens with the same words twice: lynx prints an image's alt text and then its
# caption on one line ("Dig a hole in the oasis. Dig a hole in the oasis. (Lucy Akins)")
_DOUBLED_OPENING = regex.compile(r"^(\S.{10,198}?\S) \1(?= |$)")


# the number lynx and w3m (and inscriptis, in some lists) print before an ordered list's item, right-aligned in
# a field of four columns (`` 1. ``, ``12. ``, nested ``     1. ``): the list's numbering, which a browser's
# copy of the page and the page's text leave out, not a word of the text. A number the page typed itself
# (``1. Take any blankets off the bed`` as a heading) stands elsewhere, or deeper.
_LIST_NUMBER = regex.compile(r"^(\d{1,3})\. (?=\S)")
# two lists deep at most: inscriptis indents some pages' numbered headings (``12. What is …``) deeper
_LIST_NUMBER_MAX_INDENT = 10


def _list_number(text: str, indent: int, follows: int | None = None) -> tuple[int, int] | None:
    """The number of an ordered list's item that a text browser printed before ``text`` (indented
    ``indent``), and where the item's own text starts; ``follows`` is the number of the item before,
    with only lines indented under it between (``10. `` stands at the margin under `` 9. ``)."""
    if not text[:1].isdigit():
        return None
    m = _LIST_NUMBER.match(text)
    if m is None or indent >= _LIST_NUMBER_MAX_INDENT or (indent + len(m.group(1))) % 4 != 2:
        return None
    number = int(m.group(1))
    if indent == 0 and (follows is None or number != follows + 1):
        return None
    return number, m.end()


def _body_text(f: Features, indent: int = 0, follows: int | None = None) -> str:
    text = f.text
    if text[:1] in "#>":
        return _QUOTE_MARK.sub("", _HEADING_MARK.sub("", text))
    item = _list_number(text, indent, follows)
    if item is not None:
        text = text[item[1]:]
    for _ in range(2):  # printed twice or three times
        if len(text) < 25 or text.find(text[:12], 12, 402) < 0:
            break
        m = _DOUBLED_OPENING.match(text)
        if m is None:
            break
        text = text[len(m.group(1)) + 1:]
    return text


def _kind(f: Features) -> ParagraphKind:
    if f.is_bullet:
        return ParagraphKind.LIST_ITEM
    if f.text.startswith(">"):
        return ParagraphKind.QUOTE
    if f.text.startswith("#") or (f.n_words <= 12 and not f.ends_sentence and not f.ends_colon
                                  and not f.stops_mid_sentence and f.text[:1].isupper()):
        return ParagraphKind.HEADING
    return ParagraphKind.PARAGRAPH


def _related(source: str, units: Sequence[Unit], labels: Sequence[Label], features: Sequence[Features],
             votes: Any) -> list[RelatedLink]:
    out: list[RelatedLink] = []
    section: str | None = None
    current: RelatedLink | None = None
    for i, u in enumerate(units):
        lb = labels[i]
        text = features[i].text
        if lb is Label.RELATED_SECTION:
            found = _captured(votes.matches[i], "section")
            section = (found[0] if found else text).rstrip(" :|»›>-–—") or text
            current = None
        elif lb is Label.RELATED_TITLE:
            sec, title = section, text
            found_title = _captured(votes.matches[i], "title")
            if found_title:
                title = found_title[0]
                found_sec = _captured(votes.matches[i], "section")
                sec = found_sec[0] if found_sec else sec
            current = RelatedLink(title=title, section=sec, snippet=None, span=(u.start, u.end))
            out.append(current)
        elif lb is Label.RELATED_SNIPPET:
            if current is not None and current.snippet is None:
                current = RelatedLink(title=current.title, section=current.section, snippet=text,
                                      span=(current.span[0], u.end))  # type: ignore[index]
                out[-1] = current
            else:
                current = RelatedLink(title=text, section=section, snippet=None, span=(u.start, u.end))
                out.append(current)
        elif lb in (Label.NAVIGATION, Label.FOOTER, Label.BODY, Label.COMMENT):
            section = None
            current = None
    return out


def _boilerplate(source: str, units: Sequence[Unit], labels: Sequence[Label],
                 unit_rules: Sequence[tuple[str, ...]]) -> list[Block]:
    out: list[Block] = []
    run_start = -1
    for i in range(len(units) + 1):
        lb = labels[i] if i < len(units) else None
        if run_start >= 0 and (lb is None or lb is not labels[run_start]):
            first, last = units[run_start], units[i - 1]
            rules = tuple(dict.fromkeys(r for k in range(run_start, i) for r in unit_rules[k]))
            out.append(Block(source[first.start:last.end], labels[run_start], (first.start, last.end), rules))
            run_start = -1
        if lb is not None and lb in BOILERPLATE_LABELS and run_start < 0:
            run_start = i
    return out
