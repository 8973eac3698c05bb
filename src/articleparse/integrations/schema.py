"""The shape of ``Article.to_dict()`` as a typed schema, for columnar outputs.

Parquet files (``articleparse batch -o out.parquet``) and Spark DataFrames need column types
up front. This module derives them from the attrs classes of :mod:`articleparse.model`, so a
field added to :class:`~articleparse.Article` appears in both without editing a second copy.

The schema is a tree of plain values: a field is ``(name, type)`` and a type is one of

* ``"string"``, ``"int64"``, ``"double"``, ``"bool"``;
* ``("list", type)`` for a tuple field (``to_dict()`` gives a list);
* ``("struct", fields)`` for a nested attrs class.

Enums and dates are strings, as ``to_dict()`` writes them (dates in ISO 8601, a date or a
date-time). Spans (``(start, end)``) are ``("list", "int64")`` of length 2. Every field is
nullable. ::

    >>> dict(article_fields())["headline"]
    'string'
    >>> dict(article_fields())["authors"]
    ('list', 'string')
    >>> dict(dict(article_fields())["meta"][1])["reading_time"]
    'int64'
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
from typing import Any, Union

import attrs

from ..model import Article

__all__ = ["Field", "SchemaType", "article_fields", "arrow_type", "batch_arrow_schema"]

#: A schema type: a primitive name, ``("list", item type)`` or ``("struct", fields)``.
SchemaType = Union[str, tuple]
#: A named field of a struct.
Field = tuple[str, SchemaType]

_PRIMITIVES: dict[Any, str] = {str: "string", int: "int64", float: "double", bool: "bool"}


@functools.lru_cache(maxsize=None)
def article_fields() -> tuple[Field, ...]:
    """The fields of ``Article.to_dict()``, in order, with their schema types."""
    return _struct_fields(Article)


def _struct_fields(cls: type) -> tuple[Field, ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _schema_type(hints[f.name], f"{cls.__name__}.{f.name}")) for f in attrs.fields(cls))


def _schema_type(hint: Any, where: str) -> SchemaType:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        kinds = [a for a in args if a is not type(None)]
        if all(k in (_dt.date, _dt.datetime) for k in kinds):
            return "string"  # to_dict() writes either as ISO 8601
        if len(kinds) == 1:
            return _schema_type(kinds[0], where)
        raise TypeError(f"{where}: no single column type for {hint!r}; "
                        "give the field one type, or teach articleparse.integrations.schema about it")
    if origin is tuple:
        items = [a for a in args if a is not Ellipsis]
        item_types = {_schema_type(a, where) for a in items}
        if len(item_types) != 1:
            raise TypeError(f"{where}: a tuple of mixed types {hint!r} has no list column type; "
                            "use one item type")
        return ("list", item_types.pop())
    if hint in _PRIMITIVES:
        return _PRIMITIVES[hint]
    if hint in (_dt.date, _dt.datetime):
        return "string"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "string"
    if isinstance(hint, type) and attrs.has(hint):
        return ("struct", _struct_fields(hint))
    raise TypeError(f"{where}: no column type for {hint!r}; teach articleparse.integrations.schema about it")


# ------------------------------------------------------------------ Arrow


def _require_pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ImportError(
            "writing Parquet or Arrow needs pyarrow, which is not installed; "
            "install it with: pip install 'articleparse[parquet]'"
        ) from None
    return pyarrow


def arrow_type(schema_type: SchemaType | None = None) -> Any:
    """The pyarrow type of ``schema_type`` (default: the whole Article as a struct).

        >>> arrow_type("string")                      # doctest: +SKIP
        DataType(string)
    """
    pa = _require_pyarrow()
    if schema_type is None:
        schema_type = ("struct", article_fields())
    if isinstance(schema_type, str):
        return {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "bool": pa.bool_()}[schema_type]
    kind, inner = schema_type
    if kind == "list":
        return pa.list_(arrow_type(inner))
    return pa.struct([pa.field(name, arrow_type(t), nullable=True) for name, t in inner])


def batch_arrow_schema() -> Any:
    """The schema of ``articleparse batch`` Parquet output: ``id``, ``source``, ``article``, ``error``.

    ``article`` is the Article as a nested struct (null on an error row); ``error`` is the
    reason a record failed (null otherwise). See ``docs/pipelines.md``.
    """
    pa = _require_pyarrow()
    return pa.schema([
        pa.field("id", pa.string()),
        pa.field("source", pa.string()),
        pa.field("article", arrow_type()),
        pa.field("error", pa.string()),
    ])
