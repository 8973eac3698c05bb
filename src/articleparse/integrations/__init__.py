"""Glue between articleparse and data-processing frameworks.

Each module needs its framework installed and imports it only when the module itself is
imported, so ``import articleparse`` never pulls them in:

| module | needs | what it gives |
|---|---|---|
| :mod:`articleparse.integrations.schema` | nothing (``pyarrow`` for :func:`~.schema.arrow_type`) | the typed shape of ``Article.to_dict()`` |
| :mod:`articleparse.integrations.datatrove` | ``pip install 'articleparse[datatrove]'`` | :class:`~.datatrove.ArticleparseExtractor`, a pipeline step |
| :mod:`articleparse.integrations.spark` | ``pip install 'articleparse[spark]'`` | :func:`~.spark.parse_partition` for ``mapPartitions`` and :func:`~.spark.result_schema` |

See ``docs/pipelines.md`` for worked examples.
"""

from __future__ import annotations

__all__: list[str] = []
