"""Parse dumps in Spark: a ``mapPartitions`` function and the schema of its rows.

Install with ``pip install 'articleparse[spark]'`` (and have articleparse installed on the
executors too). Each Spark task parses its partition with one articleparse engine::

    from articleparse.integrations.spark import parse_dataframe

    dumps = spark.read.json("dumps.jsonl")            # columns id, text (url, lang optional)
    articles = parse_dataframe(dumps)                  # columns id, article (struct), error
    articles.select("id", "article.headline", "article.published").show()

or, at the RDD level, ``spark.createDataFrame(rdd.mapPartitions(parse_partition),
result_schema())``. ``article`` is a nested struct with the fields of
``Article.to_dict()`` (see :mod:`articleparse.integrations.schema`); it is null when the
record failed, and ``error`` then says why.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

try:
    from pyspark.sql import types as T
except ImportError as _exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articleparse.integrations.spark needs pyspark, which is not installed; "
        "install it with: pip install 'articleparse[spark]'"
    ) from _exc

from ..batch import _warc_datetime, pack_language
from ..engine import parse
from .schema import SchemaType, article_fields

__all__ = ["article_schema", "parse_dataframe", "parse_partition", "result_schema", "spark_type"]


def spark_type(schema_type: SchemaType) -> T.DataType:
    """The Spark SQL type of a :mod:`~articleparse.integrations.schema` type."""
    if isinstance(schema_type, str):
        return {"string": T.StringType(), "int64": T.LongType(), "double": T.DoubleType(),
                "bool": T.BooleanType()}[schema_type]
    kind, inner = schema_type
    if kind == "list":
        return T.ArrayType(spark_type(inner), containsNull=True)
    return T.StructType([T.StructField(name, spark_type(t), nullable=True) for name, t in inner])


def article_schema() -> T.StructType:
    """The ``StructType`` of ``Article.to_dict()``."""
    return spark_type(("struct", article_fields()))  # type: ignore[return-value]


def result_schema() -> T.StructType:
    """The rows :func:`parse_partition` yields: ``id`` (string), ``article`` (struct), ``error`` (string).

        >>> result_schema().fieldNames()
        ['id', 'article', 'error']
    """
    return T.StructType([
        T.StructField("id", T.StringType(), nullable=True),
        T.StructField("article", article_schema(), nullable=True),
        T.StructField("error", T.StringType(), nullable=True),
    ])


def _field(row: Any, name: str | None) -> Any:
    if name is None:
        return None
    if isinstance(row, Mapping):
        return row.get(name)
    try:
        return row[name]  # a pyspark Row
    except (KeyError, ValueError, IndexError, TypeError):
        return None


def parse_partition(rows: Iterable[Any], *, text_field: str = "text", id_field: str | None = "id",
                    url_field: str | None = "url", lang_field: str | None = "lang",
                    date_field: str | None = None) -> Iterator[tuple[str | None, dict | None, str | None]]:
    """Parse each row of a partition; yields ``(id, article dict, error)`` tuples in
    :func:`result_schema` order.

    ``rows`` are pyspark ``Row`` objects or dicts. ``id`` is the ``id_field`` value as a string
    (None without one); ``url_field`` and ``date_field`` (ISO 8601 or a datetime) go to
    ``parse()`` as ``url`` and ``now``; ``lang_field`` is a language hint, used only when
    articleparse has a pack for it. A row whose text is missing or not a string, or that makes
    ``parse()`` raise, gives ``(id, None, reason)``. To change the field names, pass a
    ``functools.partial`` of this function to ``mapPartitions``.

        >>> list(parse_partition([{"id": 1, "text": None}]))
        [('1', None, '"text" is null, not a string; each row needs its dump as a string')]
    """
    for row in rows:
        rid = _field(row, id_field)
        rid = None if rid is None else str(rid)
        text = _field(row, text_field)
        if not isinstance(text, str):
            kind = "null" if text is None else type(text).__name__
            yield rid, None, f'"{text_field}" is {kind}, not a string; each row needs its dump as a string'
            continue
        url = _field(row, url_field)
        now = _field(row, date_field)
        if isinstance(now, str):
            now = _warc_datetime(now)
        try:
            article = parse(text, url=url if isinstance(url, str) else None,
                            lang=pack_language(_field(row, lang_field)),
                            now=now if isinstance(now, _dt.datetime) else None)
        except Exception as exc:  # one bad row must not fail the Spark task
            yield rid, None, f"cannot parse: {type(exc).__name__}: {exc} (a bug in articleparse; please report it)"
            continue
        yield rid, article.to_dict(), None


def parse_dataframe(df: Any, *, text_field: str = "text", id_field: str | None = "id",
                    url_field: str | None = "url", lang_field: str | None = "lang",
                    date_field: str | None = None) -> Any:
    """A DataFrame of :func:`result_schema` rows, one per row of ``df``.

    Field names that ``df`` does not have are ignored (except ``text_field``, which every row
    needs).
    """
    columns = set(df.columns)
    if text_field not in columns:
        raise ValueError(f"parse_dataframe(): the DataFrame has no {text_field!r} column (its columns: "
                         f"{', '.join(sorted(columns))}); name the text column with text_field=")

    def present(name: str | None) -> str | None:
        return name if name in columns else None

    fn = functools.partial(parse_partition, text_field=text_field, id_field=present(id_field),
                           url_field=present(url_field), lang_field=present(lang_field),
                           date_field=present(date_field))
    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(fn), result_schema())
