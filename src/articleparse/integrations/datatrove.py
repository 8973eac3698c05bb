"""A datatrove pipeline step that finds the article in each document's text.

Install with ``pip install 'articleparse[datatrove]'``. Put :class:`ArticleparseExtractor`
after a reader of plain-text documents (WET files, JSONL dumps): it parses ``doc.text``,
writes the article's fields into ``doc.metadata`` as JSON primitives, and by default
replaces ``doc.text`` with the article body::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from articleparse.integrations.datatrove import ArticleparseExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/", glob_pattern="*.warc.wet.gz"),
        ArticleparseExtractor(),
        JsonlWriter("articles/"),
    ], tasks=4).run()

The step runs in datatrove's own worker processes (one engine per process, built on first
use); it needs no timeout sandbox because parsing time grows linearly with the document.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as _exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articleparse.integrations.datatrove needs datatrove, which is not installed; "
        "install it with: pip install 'articleparse[datatrove]'"
    ) from _exc

from ..batch import _warc_datetime, pack_language
from ..engine import parse
from ..model import Article

__all__ = ["ArticleparseExtractor", "DEFAULT_FIELDS", "FIELDS"]


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


#: The fields the step can write into ``doc.metadata`` (under ``prefix + name``), each a JSON
#: primitive, a list of strings or None.
FIELDS: Mapping[str, Callable[[Article], Any]] = {
    "headline": lambda a: a.headline,
    "standfirst": lambda a: a.standfirst,
    "byline": lambda a: a.byline.raw if a.byline is not None else None,
    "authors": lambda a: list(a.authors),
    "published": lambda a: _iso(a.published),
    "updated": lambda a: _iso(a.updated),
    "language": lambda a: a.meta.language,
    "text": lambda a: a.text,
    "paragraphs": lambda a: len(a.body),
    "related": lambda a: [r.title for r in a.related],
    "source": lambda a: a.meta.source,
    "agency": lambda a: a.meta.agency,
    "reading_time": lambda a: a.meta.reading_time,
    "format": lambda a: a.meta.format,
    "article": lambda a: a.to_json(),  # the whole Article, as a JSON string
}

#: What the step writes unless told otherwise.
DEFAULT_FIELDS = ("headline", "standfirst", "byline", "authors", "published", "updated", "language")


class ArticleparseExtractor(PipelineStep):
    """Parse ``doc.text`` with articleparse; keep the body and record the article's fields.

    Args:
        replace_text: replace ``doc.text`` with the article body (``Article.text``). When
            False the text is left as it is (add ``"text"`` to ``fields`` to keep the body).
        fields: names from :data:`FIELDS` to write into ``doc.metadata``.
        prefix: prepended to each field name in ``doc.metadata`` (default ``article_``).
        keep_empty: keep documents in which no article body was found (default: drop them,
            counted as ``dropped`` in the step's stats).
        url_key, lang_key, date_key: ``doc.metadata`` keys whose values are passed to
            ``parse()`` as ``url``, ``lang`` (a hint: used only when articleparse has a pack for
            it; ISO 639-3 and ``eng_Latn``-style tags are understood) and ``now`` (ISO 8601,
            as WarcReader writes ``date``). None to not use one.
        lang: one language for every document (overrides ``lang_key``).

    A document that makes ``parse()`` raise (a bug) is dropped and counted as ``parse_error``;
    the first such error is logged.

        >>> from datatrove.data import Document
        >>> step = ArticleparseExtractor()
        >>> doc = next(step.run([Document(text="Bridge to close\\n\\nThe council voted on Tuesday to close the old bridge.", id="1")]))
        >>> doc.text, doc.metadata["article_headline"]
        ('The council voted on Tuesday to close the old bridge.', 'Bridge to close')
    """

    name = "📰 articleparse"
    type = "🛢 - EXTRAC"

    def __init__(self, *, replace_text: bool = True, fields: Sequence[str] = DEFAULT_FIELDS,
                 prefix: str = "article_", keep_empty: bool = False, url_key: str | None = "url",
                 lang_key: str | None = "language", date_key: str | None = "date",
                 lang: str | None = None):
        super().__init__()
        unknown = [f for f in fields if f not in FIELDS]
        if unknown:
            raise ValueError(f"ArticleparseExtractor: unknown field(s) {', '.join(map(repr, unknown))}; "
                             f"choose from {', '.join(FIELDS)}")
        self.replace_text = replace_text
        self.fields = tuple(fields)
        self.prefix = prefix
        self.keep_empty = keep_empty
        self.url_key = url_key
        self.lang_key = lang_key
        self.date_key = date_key
        self.lang = lang
        self._warned = False

    def _hints(self, metadata: Mapping[str, Any]) -> tuple[str | None, str | None, _dt.datetime | None]:
        url = metadata.get(self.url_key) if self.url_key else None
        lang = self.lang or (pack_language(metadata.get(self.lang_key)) if self.lang_key else None)
        when = metadata.get(self.date_key) if self.date_key else None
        if isinstance(when, str):
            when = _warc_datetime(when)
        return (url if isinstance(url, str) else None, lang,
                when if isinstance(when, _dt.datetime) else None)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Parse each document of ``data`` and yield those that keep an article."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                url, lang, now = self._hints(doc.metadata)
                try:
                    article = parse(doc.text, url=url, lang=lang, now=now)
                except Exception as exc:  # one bad document must not stop the pipeline
                    self.stat_update("parse_error")
                    if not self._warned:
                        self._warned = True
                        logger.warning(f"articleparse could not parse document {doc.id!r}: "
                                       f"{type(exc).__name__}: {exc} (a bug in articleparse; please report "
                                       "it with the document). Dropping it; this is logged once.")
                    continue
            if not article.text and not self.keep_empty:
                self.stat_update(StatHints.dropped)
                continue
            for name in self.fields:
                doc.metadata[self.prefix + name] = FIELDS[name](article)
            if self.replace_text:
                doc.text = article.text
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
