"""Output formats for an :class:`~articleparse.model.Article`: Markdown, plain text and XML.

Each renderer is a pure function of the Article; JSON is ``Article.to_json()``::

    >>> from articleparse.model import Article, Paragraph
    >>> article = Article(headline="Big news", body=(Paragraph("It happened.", (10, 22)),))
    >>> print(to_text(article), end="")
    Big news
    <BLANKLINE>
    It happened.
    >>> print(to_markdown(article), end="")
    # Big news
    <BLANKLINE>
    It happened.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

from lxml import etree

from .model import Article, ParagraphKind, RelatedLink, Span

__all__ = ["to_markdown", "to_text", "to_xml", "xml_safe"]


# ------------------------------------------------------------------ Markdown

#: Joins the parts of the byline/date line.
_META_SEPARATOR = " · "

#: A line that Markdown would read as a block marker (heading, quote, list, rule, fence, table,
#: numbered list) rather than as paragraph text: group 1 is kept, group 2 gets a backslash.
_MD_BLOCK_START = re.compile(r"^(\s*\d*)((?<=\d)[.)]|(?<!\d)[#>*+\-=|`~])")

#: Characters that would start inline markup inside italics or bold.
_MD_INLINE = re.compile(r"([\\*_`\[\]])")


def _md_inline(text: str) -> str:
    """Escape inline markup so ``text`` shows literally inside ``*...*`` or ``**...**``."""
    return _MD_INLINE.sub(r"\\\1", text)


def _md_one_line(text: str) -> str:
    """Collapse ``text`` onto one line: headings, list items and teasers cannot span lines."""
    return " ".join(text.split())


def _md_block(text: str) -> str:
    """Escape each line of ``text`` that Markdown would otherwise read as a block marker."""
    return "\n".join(_MD_BLOCK_START.sub(r"\1\\\2", line) for line in text.splitlines())


def _iso(value: _dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _byline_and_dates(article: Article) -> str | None:
    """The line under the headline: who wrote it, for whom, and when; ``None`` when unknown."""
    parts: list[str] = []
    byline = article.byline
    if article.authors:
        parts.append("By " + ", ".join(article.authors))
    elif byline is not None and byline.raw.strip():
        parts.append(_md_one_line(byline.raw))
    if byline is not None and byline.organization:
        parts.append(byline.organization)
    if article.published is not None:
        parts.append(f"Published {_iso(article.published)}")
    if article.updated is not None:
        parts.append(f"Updated {_iso(article.updated)}")
    return _META_SEPARATOR.join(parts) if parts else None


def _md_paragraph(text: str, kind: ParagraphKind) -> str:
    if kind is ParagraphKind.HEADING:
        return "## " + _md_one_line(text)
    if kind is ParagraphKind.LIST_ITEM:
        return "- " + _md_one_line(text)
    if kind is ParagraphKind.QUOTE:
        return "\n".join("> " + line for line in _md_block(text).splitlines())
    return _md_block(text)


def _group_by_section(links: Iterable[RelatedLink]) -> dict[str | None, list[RelatedLink]]:
    """Teasers grouped under their section label, sections in order of first appearance."""
    groups: dict[str | None, list[RelatedLink]] = {}
    for link in links:
        groups.setdefault(link.section, []).append(link)
    return groups


def _md_related(article: Article) -> list[str]:
    blocks = ["## Related"]
    for section, links in _group_by_section(article.related).items():
        items = []
        for link in links:
            item = f"- **{_md_inline(_md_one_line(link.title))}**"
            if link.snippet:
                item += " — " + _md_one_line(link.snippet)
            items.append(item)
        if section:
            blocks.append("### " + _md_one_line(section))
        blocks.append("\n".join(items))
    return blocks


def to_markdown(article: Article) -> str:
    """The article as Markdown.

    The headline is a ``#`` heading, the standfirst is in italics, then a line with the byline
    and dates, the body (headings as ``##``, list items as ``-``, quotes as ``>``) and, when the
    page had teasers, a ``## Related`` section listing them under their section labels as
    ``- **title** — snippet``. Blocks are separated by blank lines; the result ends with a
    newline unless it is empty.
    """
    blocks: list[str] = []
    if article.headline:
        blocks.append("# " + _md_one_line(article.headline))
    if article.standfirst and article.standfirst.strip():
        blocks.append("*" + _md_inline(_md_one_line(article.standfirst)) + "*")
    meta_line = _byline_and_dates(article)
    if meta_line:
        blocks.append(meta_line)
    blocks.extend(_md_paragraph(p.text, p.kind) for p in article.body if p.text.strip())
    if article.related:
        blocks.extend(_md_related(article))
    return "\n\n".join(blocks) + "\n" if blocks else ""


# ---------------------------------------------------------------- plain text


def to_text(article: Article) -> str:
    """The headline, a blank line, then the body paragraphs separated by blank lines.

    Without a headline the result is just the body. It ends with a newline unless it is empty.
    """
    blocks = [p.text for p in article.body]
    if article.headline:
        blocks.insert(0, article.headline)
    return "\n\n".join(blocks) + "\n" if blocks else ""


# ----------------------------------------------------------------------- XML

#: Everything XML 1.0 cannot hold: C0 controls other than tab/LF/CR, lone surrogates and the
#: non-characters U+FFFE and U+FFFF (https://www.w3.org/TR/xml/#charsets).
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot represent, so that it always serialises.

    >>> xml_safe("a\\x00b\\ud800c\\uffff")
    'abc'
    """
    return _XML_INVALID.sub("", text)


def _set(element: etree._Element, name: str, value: object) -> None:
    """Set attribute ``name`` unless ``value`` is ``None``."""
    if value is not None:
        element.set(name, xml_safe(str(value)))


def _set_span(element: etree._Element, span: Span | None) -> None:
    if span is not None:
        element.set("start", str(span[0]))
        element.set("end", str(span[1]))


def _child(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    if text is not None:
        element.text = xml_safe(text)
    return element


def to_xml(article: Article) -> bytes:
    """The article as a pretty-printed UTF-8 XML document, with declaration.

    The root ``<article>`` carries the page facts from ``meta`` as attributes (``language``,
    ``format`` and, when known, ``reading-time``, ``source``, ``agency``, ``dateline``).
    Its children: ``<headline>``, ``<standfirst>``, ``<byline>`` (with ``<author>`` children),
    ``<published>`` and ``<updated>`` (ISO 8601) when present; then always ``<body>`` with one
    ``<p kind= start= end=>`` per paragraph, ``<related>`` with
    ``<link section= start= end=><title/><snippet/></link>`` per teaser and ``<boilerplate>``
    with one ``<block label= rules= start= end=>`` per block. Characters XML cannot hold are
    dropped (see :func:`xml_safe`), so every Article serialises.
    """
    root = etree.Element("article")
    meta = article.meta
    _set(root, "language", meta.language)
    _set(root, "format", meta.format)
    _set(root, "reading-time", meta.reading_time)
    _set(root, "source", meta.source)
    _set(root, "agency", meta.agency)
    _set(root, "dateline", meta.dateline)

    if article.headline is not None:
        _child(root, "headline", article.headline)
    if article.standfirst is not None:
        _child(root, "standfirst", article.standfirst)
    if article.byline is not None:
        byline = _child(root, "byline")
        _set(byline, "organization", article.byline.organization)
        _set(byline, "raw", article.byline.raw)
        _set_span(byline, article.byline.span)
        for author in article.byline.authors:
            _child(byline, "author", author)
    if article.published is not None:
        _child(root, "published", article.published.isoformat())
    if article.updated is not None:
        _child(root, "updated", article.updated.isoformat())

    body = _child(root, "body")
    for paragraph in article.body:
        p = _child(body, "p", paragraph.text)
        p.set("kind", paragraph.kind.value)
        _set_span(p, paragraph.span)

    related = _child(root, "related")
    for link in article.related:
        element = _child(related, "link")
        _set(element, "section", link.section)
        _set_span(element, link.span)
        _child(element, "title", link.title)
        if link.snippet is not None:
            _child(element, "snippet", link.snippet)

    boilerplate = _child(root, "boilerplate")
    for block in article.boilerplate:
        element = _child(boilerplate, "block", block.text)
        element.set("label", block.label.value)
        element.set("rules", ",".join(block.rules))
        _set_span(element, block.span)

    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
