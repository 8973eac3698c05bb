"""The public, typed result of :func:`articleparse.parse`.

Every value is a frozen attrs class holding tuples, never lists, so an
:class:`Article` is hashable-friendly, picklable and safe to share between
threads and processes. ``to_dict()`` returns only JSON primitives and
``Article.from_dict()`` rebuilds an equal value::

    >>> a = Article.empty()
    >>> Article.from_dict(a.to_dict()) == a
    True
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from typing import Any

import attr
import attrs

__all__ = [
    "Article",
    "Block",
    "Byline",
    "Label",
    "LabeledLine",
    "Meta",
    "Paragraph",
    "ParagraphKind",
    "RelatedLink",
    "Span",
]

Span = tuple[int, int]


class Label(str, enum.Enum):
    """What a line of the dump is."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATE = "date"
    META = "meta"  # reading time, kicker, tags: facts about the article, not its text
    BODY = "body"
    RELATED_SECTION = "related-section"
    RELATED_TITLE = "related-title"
    RELATED_SNIPPET = "related-snippet"
    NAVIGATION = "navigation"
    SHARE = "share"
    AD = "ad"
    CAPTION = "caption"
    COMMENT = "comment"
    FOOTER = "footer"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"

    def __str__(self) -> str:
        return self.value


#: Labels whose lines end up in ``Article.boilerplate``.
BOILERPLATE_LABELS = frozenset(
    {
        Label.NAVIGATION,
        Label.SHARE,
        Label.AD,
        Label.CAPTION,
        Label.COMMENT,
        Label.FOOTER,
        Label.BOILERPLATE,
    }
)


class ParagraphKind(str, enum.Enum):
    """The kind of a body paragraph."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list-item"

    def __str__(self) -> str:
        return self.value


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


def _opt_span(value: Any) -> Span | None:
    return None if value is None else _span(value)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


@attrs.frozen
class Byline:
    """Who wrote the article: ``raw`` as printed, people in ``authors``, an outlet in ``organization``."""

    raw: str
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    organization: str | None = None
    span: Span | None = attrs.field(default=None, converter=_opt_span)


@attrs.frozen
class Paragraph:
    """One body paragraph; ``span`` gives its offsets in the input."""

    text: str
    span: Span = attrs.field(converter=_span)
    kind: ParagraphKind = attrs.field(default=ParagraphKind.PARAGRAPH, converter=ParagraphKind)


@attrs.frozen
class RelatedLink:
    """A teaser for another story, under its ``section`` label when the page gives one."""

    title: str
    section: str | None = None
    snippet: str | None = None
    span: Span | None = attrs.field(default=None, converter=_opt_span)


@attrs.frozen
class Block:
    """A run of non-article lines (navigation, share bar, footer ...) with the rules that decided it."""

    text: str
    label: Label = attrs.field(converter=Label)
    span: Span = attrs.field(converter=_span)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strs)


@attrs.frozen
class Meta:
    """Facts about the page that are not article text."""

    language: str | None = None
    reading_time: int | None = None
    source: str | None = None
    agency: str | None = None
    dateline: str | None = None
    format: str | None = None


@attrs.frozen
class LabeledLine:
    """One physical line of the input with the label the engine gave it.

    ``span`` slices the input to the line's raw text (without its line break);
    ``rules`` are the ids of the rules that voted for the chosen label (``grammar:<zone>`` when
    none did; ``rank:headline`` is added when the headline ranker chose the headline).
    """

    index: int
    span: Span = attrs.field(converter=_span)
    label: Label = attrs.field(converter=Label)
    confidence: float = 1.0
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @classmethod
    def _trusted(cls, index: int, span: Span, label: Label, confidence: float,
                 rules: tuple[str, ...]) -> LabeledLine:
        """Build from values already of the right types, skipping the converters.

        A page has thousands of lines; the engine builds them all this way.
        """
        line = object.__new__(cls)
        set_index, set_span, set_label, set_confidence, set_rules = _LABELED_LINE_SETTERS
        set_index(line, index)
        set_span(line, span)
        set_label(line, label)
        set_confidence(line, confidence)
        set_rules(line, rules)
        return line


# the slots' own setters: they skip the frozen class's __setattr__ (its fields are set once, here)
_LABELED_LINE_SETTERS = tuple(
    getattr(LabeledLine.__dict__.get(name), "__set__", None)
    or (lambda obj, value, _name=name: object.__setattr__(obj, _name, value))
    for name in ("index", "span", "label", "confidence", "rules")
)


def _date_from_json(value: Any) -> _dt.date | _dt.datetime | None:
    if value is None or isinstance(value, _dt.date):
        return value
    text = str(value)
    if "T" in text or " " in text:
        return _dt.datetime.fromisoformat(text)
    return _dt.date.fromisoformat(text)


@attrs.frozen
class Article:
    """Everything ``parse()`` found in one dump.

    ``authors`` mirrors ``byline.authors`` and ``text`` is the body joined by
    blank lines; both are stored so that ``to_dict()`` carries them.
    """

    headline: str | None = None
    standfirst: str | None = None
    byline: Byline | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    published: _dt.date | _dt.datetime | None = None
    updated: _dt.date | _dt.datetime | None = None
    body: tuple[Paragraph, ...] = attrs.field(default=(), converter=tuple)
    text: str = ""
    related: tuple[RelatedLink, ...] = attrs.field(default=(), converter=tuple)
    boilerplate: tuple[Block, ...] = attrs.field(default=(), converter=tuple)
    meta: Meta = attrs.field(factory=Meta)
    lines: tuple[LabeledLine, ...] = attrs.field(default=(), converter=tuple)

    @classmethod
    def empty(cls, *, language: str | None = None, format: str | None = None) -> Article:
        """The Article of an empty or whitespace-only dump."""
        return cls(meta=Meta(language=language, format=format))

    # ------------------------------------------------------------ serialisation

    def to_dict(self) -> dict[str, Any]:
        """A dict of JSON primitives (dates as ISO strings, enums as their values)."""

        def convert(inst: Any, field: attrs.Attribute, value: Any) -> Any:
            if isinstance(value, enum.Enum):
                return value.value
            if isinstance(value, (_dt.date, _dt.datetime)):
                return value.isoformat()
            return value

        # attr.asdict (not attrs.asdict) turns tuples into lists, as JSON has them
        return attr.asdict(self, retain_collection_types=False, value_serializer=convert)

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as a JSON string; keyword arguments go to :func:`json.dumps`."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict()`` output."""
        byline = data.get("byline")
        return cls(
            headline=data.get("headline"),
            standfirst=data.get("standfirst"),
            byline=None if byline is None else Byline(**byline),
            authors=data.get("authors", ()),
            published=_date_from_json(data.get("published")),
            updated=_date_from_json(data.get("updated")),
            body=tuple(Paragraph(**p) for p in data.get("body", ())),
            text=data.get("text", ""),
            related=tuple(RelatedLink(**r) for r in data.get("related", ())),
            boilerplate=tuple(Block(**b) for b in data.get("boilerplate", ())),
            meta=Meta(**data.get("meta", {})),
            lines=tuple(LabeledLine(**ln) for ln in data.get("lines", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an Article from ``to_json()`` output."""
        return cls.from_dict(json.loads(text))
