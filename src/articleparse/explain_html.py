"""``articleparse explain FILE --html OUT.html``: the explanation as one self-contained web page.

The page shows the dump line by line, each line coloured by its label with its number, label
and confidence beside it and the ids of the rules that voted for it on hover; a legend of the
labels used; and, beside the dump, the Article assembled from those labels. It has inline CSS
only: no scripts, fonts or images, so it can be mailed, attached to an issue or opened offline.

    >>> import articleparse
    >>> text = "Bridge to close\\n\\nThe council voted on Tuesday to close the old bridge."
    >>> page = render_explain_html(text, articleparse.parse(text))
    >>> page.startswith("<!DOCTYPE html>"), 'class="line lab-headline"' in page
    (True, True)
"""

from __future__ import annotations

import bisect
import html
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .model import Article, Label, ParagraphKind

__all__ = ["LABEL_COLOURS", "LOW_CONFIDENCE", "render_explain_html"]

#: Lines labelled with less confidence than this get their confidence highlighted.
LOW_CONFIDENCE = 0.5

#: Background and accent colour of each label; the accent is the line's left border and swatch.
LABEL_COLOURS: dict[Label, tuple[str, str]] = {
    Label.HEADLINE: ("#fde68a", "#b45309"),
    Label.STANDFIRST: ("#fef3c7", "#d97706"),
    Label.BYLINE: ("#ede9fe", "#7c3aed"),
    Label.DATE: ("#e0e7ff", "#4338ca"),
    Label.META: ("#fae8ff", "#a21caf"),
    Label.BODY: ("#dcfce7", "#15803d"),
    Label.RELATED_SECTION: ("#bfdbfe", "#1d4ed8"),
    Label.RELATED_TITLE: ("#dbeafe", "#2563eb"),
    Label.RELATED_SNIPPET: ("#eff6ff", "#60a5fa"),
    Label.NAVIGATION: ("#e5e7eb", "#4b5563"),
    Label.SHARE: ("#fce7f3", "#be185d"),
    Label.AD: ("#fee2e2", "#b91c1c"),
    Label.CAPTION: ("#ccfbf1", "#0f766e"),
    Label.COMMENT: ("#ffedd5", "#c2410c"),
    Label.FOOTER: ("#d6d3d1", "#44403c"),
    Label.BOILERPLATE: ("#f5f5f4", "#a8a29e"),
    Label.BLANK: ("transparent", "transparent"),
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1c1917;
background:#fafaf9}
header{padding:14px 22px 10px;border-bottom:1px solid #e7e5e4;background:#fff}
header h1{margin:0 0 2px;font-size:18px;font-weight:600}
header p{margin:0;color:#57534e;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:10px 0 0;padding:0;list-style:none;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px}
.legend .sw{width:14px;height:14px;border-radius:3px;border-left:4px solid}
.legend .count{color:#78716c}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:22px;padding:18px 22px;
align-items:start}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr)}}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#57534e;margin:0 0 8px}
.dump{background:#fff;border:1px solid #e7e5e4;border-radius:8px;overflow:hidden}
.line{display:grid;grid-template-columns:3.2em 8.6em 2.8em minmax(0,1fr);align-items:baseline;
border-left:4px solid transparent;min-height:1.45em}
.line:target{outline:2px solid #f97316;outline-offset:-2px}
.line .n{color:#a8a29e;text-align:right;padding-right:8px;font:12px/1.6 ui-monospace,Menlo,Consolas,monospace;
user-select:none}
.line .lab{font-size:11px;color:#44403c;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding-right:6px}
.line .conf{font:11px ui-monospace,Menlo,Consolas,monospace;color:#78716c;text-align:right;padding-right:8px}
.line .t{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere;
padding:1px 10px 1px 0}
.line.lab-blank .lab,.line.lab-blank .conf{visibility:hidden}
.line.low .conf{color:#c2410c;font-weight:600}

.article{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;
border:1px solid #e7e5e4;border-radius:8px;padding:16px 20px}
.article h3.headline{font-size:22px;line-height:1.25;margin:0 0 8px}
.article .standfirst{font-size:16px;color:#44403c;margin:0 0 10px}
.article .fields{font-size:13px;color:#57534e;margin:0 0 12px}
.article .fields span+span::before{content:" · "}
.article .body p,.article .body blockquote,.article .body li{margin:0 0 10px}
.article .body blockquote{border-left:3px solid #d6d3d1;padding-left:10px;color:#44403c}
.article .body h4{margin:14px 0 6px;font-size:15px}
.article a.ln{font-size:11px;color:#a8a29e;text-decoration:none;margin-left:4px}
.article a.ln:hover{color:#ea580c}
.article section{margin-top:18px;border-top:1px solid #e7e5e4;padding-top:12px}
.article .related ul{margin:0;padding-left:18px}
.article .related .section{font-weight:600;font-size:13px;margin:8px 0 4px}
.article .snippet{display:block;color:#57534e;font-size:13px}
.article table{border-collapse:collapse;font-size:13px}
.article td,.article th{text-align:left;padding:2px 12px 2px 0;vertical-align:top}
.article th{color:#78716c;font-weight:500}
.empty{color:#a8a29e;font-style:italic}
"""


def _label_css() -> str:
    rules = []
    for label, (background, accent) in LABEL_COLOURS.items():
        rules.append(f".lab-{label.value}{{background:{background};border-left-color:{accent}}}")
        if label is Label.BLANK:  # an outline, so the legend's blank swatch is visible
            rules.append(".legend .sw.lab-blank{background:#fff;border:1px solid #a8a29e}")
        else:
            rules.append(f".legend .sw.lab-{label.value}{{background:{background};border-color:{accent}}}")
    return "\n".join(rules)


def _safe(text: str) -> str:
    """``text`` with control characters, lone surrogates and non-characters shown as escapes, then HTML-escaped."""
    pieces = []
    for char in text:
        if char == "\t":
            pieces.append("    ")
        elif unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            pieces.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            pieces.append(char)
    return html.escape("".join(pieces), quote=True)


def _line_starts(article: Article) -> list[int]:
    return [line.span[0] for line in article.lines]


def _line_link(starts: list[int], span: tuple[int, int] | None) -> str:
    """A link to the dump line where ``span`` starts (`↩ 13`), or nothing without a span."""
    if span is None or not starts:
        return ""
    number = bisect.bisect_right(starts, span[0])
    return f' <a class="ln" href="#L{number}" title="line {number} of the dump">↩&#8239;{number}</a>'


def _legend(labels: Counter[Label]) -> str:
    items = []
    for label in Label:
        if labels.get(label):
            items.append(f'<li data-label="{label.value}"><span class="sw lab-{label.value}"></span>'
                         f'{label.value} <span class="count">{labels[label]}</span></li>')
    return f'<ul class="legend" aria-label="labels">{"".join(items)}</ul>'


def _dump(text: str, article: Article) -> str:
    rows = []
    for number, line in enumerate(article.lines, start=1):
        raw = text[line.span[0]:line.span[1]]
        label = line.label.value
        rules = ", ".join(line.rules) or "no rule"
        hover = f"line {number}: {label}, confidence {line.confidence:.2f}; rules: {rules}"
        # an unsure decision is worth a second look: its confidence is printed in orange
        low = " low" if line.label is not Label.BLANK and line.confidence < LOW_CONFIDENCE else ""
        rows.append(
            f'<div class="line lab-{label}{low}" id="L{number}" data-label="{label}" title="{_safe(hover)}">'
            f'<span class="n">{number}</span><span class="lab">{label}</span>'
            f'<span class="conf">{line.confidence:.2f}</span><span class="t">{_safe(raw)}</span></div>')
    return "\n".join(rows)


def _body(article: Article, starts: list[int]) -> str:
    out = []
    in_list = False
    for p in article.body:
        link = _line_link(starts, p.span)
        if p.kind is ParagraphKind.LIST_ITEM and not in_list:
            out.append("<ul>")
            in_list = True
        elif p.kind is not ParagraphKind.LIST_ITEM and in_list:
            out.append("</ul>")
            in_list = False
        if p.kind is ParagraphKind.HEADING:
            out.append(f"<h4>{_safe(p.text)}{link}</h4>")
        elif p.kind is ParagraphKind.QUOTE:
            out.append(f"<blockquote>{_safe(p.text)}{link}</blockquote>")
        elif p.kind is ParagraphKind.LIST_ITEM:
            out.append(f"<li>{_safe(p.text)}{link}</li>")
        else:
            out.append(f"<p>{_safe(p.text)}{link}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out) or '<p class="empty">no body found</p>'


def _related(article: Article, starts: list[int]) -> str:
    if not article.related:
        return ""
    groups: list[tuple[str | None, list[str]]] = []
    for link in article.related:
        if not groups or groups[-1][0] != link.section:
            groups.append((link.section, []))
        snippet = f'<span class="snippet">{_safe(link.snippet)}</span>' if link.snippet else ""
        groups[-1][1].append(f"<li>{_safe(link.title)}{_line_link(starts, link.span)}{snippet}</li>")
    parts = []
    for section, items in groups:
        heading = _safe(section) if section else '<span class="empty">no section heading</span>'
        parts.append(f'<div class="section">{heading}</div><ul>{"".join(items)}</ul>')
    return f'<section class="related"><h2>Related ({len(article.related)})</h2>{"".join(parts)}</section>'


def _rows(pairs: Iterable[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th>{_safe(k)}</th><td>{_safe(str(v))}</td></tr>" for k, v in pairs if v not in (None, ""))
    return f"<table>{cells}</table>" if cells else '<p class="empty">none</p>'


def _article(article: Article, starts: list[int]) -> str:
    headline = (f'<h3 class="headline">{_safe(article.headline)}</h3>' if article.headline
                else '<h3 class="headline empty">no headline found</h3>')
    standfirst = f'<p class="standfirst">{_safe(article.standfirst)}</p>' if article.standfirst else ""
    fields = []
    if article.byline is not None:
        who = ", ".join(article.byline.authors) or article.byline.raw
        org = article.byline.organization
        fields.append(f"<span>by {_safe(who)}{' (' + _safe(org) + ')' if org and org != who else ''}</span>")
    if article.published is not None:
        fields.append(f"<span>published {_safe(article.published.isoformat())}</span>")
    if article.updated is not None:
        fields.append(f"<span>updated {_safe(article.updated.isoformat())}</span>")
    meta = article.meta
    blocks = Counter(block.label.value for block in article.boilerplate)
    return "\n".join([
        '<div class="article"><h2>Article</h2>',
        headline,
        standfirst,
        f'<p class="fields">{"".join(fields)}</p>' if fields else "",
        f'<div class="body">{_body(article, starts)}</div>',
        _related(article, starts),
        '<section class="meta"><h2>Meta</h2>',
        _rows([("language", meta.language), ("format", meta.format), ("reading time",
               f"{meta.reading_time} min" if meta.reading_time else None), ("source", meta.source),
               ("agency", meta.agency), ("dateline", meta.dateline),
               ("paragraphs", len(article.body)), ("words", len(article.text.split())),
               ("boilerplate blocks", ", ".join(f"{n} {label}" for label, n in sorted(blocks.items())))]),
        "</section></div>",
    ])


def render_explain_html(text: str, article: Article, *, title: str | None = None) -> str:
    """One self-contained HTML page explaining ``article``, the Article parsed from ``text``.

    ``title`` names the input (a file name) in the page's title and header. Every piece of the
    input is escaped; control characters show as ``\\x01`` escapes.

        >>> import articleparse
        >>> page = render_explain_html("Hello world.", articleparse.parse("Hello world."), title="a.txt")
        >>> '<title>a.txt · articleparse explain</title>' in page
        True
    """
    starts = _line_starts(article)
    labels = Counter(line.label for line in article.lines)
    name = title or article.headline or "dump"
    summary = (f"{len(article.lines)} lines · {sum(n for lb, n in labels.items() if lb is not Label.BLANK)} "
               f"labelled · language {article.meta.language or 'unknown'} · format {article.meta.format or '?'} · "
               "hover a line for its rules")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_safe(name)} · articleparse explain</title>",
        f"<style>{_CSS}\n{_label_css()}</style>",
        "</head><body>",
        f"<header><h1>articleparse explain: {_safe(name)}</h1><p>{_safe(summary)}</p>{_legend(labels)}</header>",
        '<main><div><h2>Dump</h2><div class="dump">',
        _dump(text, article),
        "</div></div>",
        _article(article, starts),
        "</main></body></html>",
        "",
    ])
