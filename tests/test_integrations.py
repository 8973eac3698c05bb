"""``articleparse.integrations``: the schema, the datatrove step in a real LocalPipelineExecutor,
and the Spark helper in a local Spark session.

The datatrove test needs ``datatrove`` (``pip install 'articleparse[datatrove]'``); the Spark
test needs ``pyspark`` and a Java runtime. Each skips with the reason when they are missing.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path

import pytest

import articleparse
from articleparse import Article
from articleparse.integrations.schema import article_fields, arrow_type

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b77d87d1f81881a2.txt"

BRIDGE = ("Home | News | Sport\n\nCouncil votes to close the old bridge\n\nBy Jane Smith\n\n"
          "The council voted on Tuesday to close the old bridge, and residents said they would "
          "appeal the decision in court.\n\nThe bridge has carried traffic over the river since 1902, "
          "officials said.\n\nShare on Facebook\n")
GERMAN = ("Die Brücke wird geschlossen\n\nDer Stadtrat hat am Dienstag beschlossen, die alte Brücke zu "
          "schließen, und die Anwohner wollen dagegen klagen, weil sie den langen Umweg nicht wollen.\n")


def _names(schema_type) -> object:
    """The field names of a schema type, nested like the type."""
    if isinstance(schema_type, str):
        return None
    kind, inner = schema_type
    if kind == "list":
        return _names(inner)
    return {name: _names(t) for name, t in inner}


def _dict_names(value) -> object:
    if isinstance(value, dict):
        return {k: _dict_names(v) for k, v in value.items()}
    if isinstance(value, list):
        nested = [_dict_names(v) for v in value if isinstance(v, dict)]
        return nested[0] if nested else None
    return None


def _agrees(expected, found) -> bool:
    """Every key of ``found`` is in ``expected``, recursively (lists may be empty in ``found``)."""
    if found is None:
        return True
    return isinstance(expected, dict) and found.keys() == expected.keys() and all(
        _agrees(expected[k], v) for k, v in found.items())


# ------------------------------------------------------------------ schema


def test_schema_has_every_field_of_to_dict() -> None:
    article = articleparse.parse(SEED.read_text(encoding="utf-8"))
    data = article.to_dict()
    assert article.byline and article.body and article.related and article.boilerplate  # all parts present
    assert _agrees(_names(("struct", article_fields())), _dict_names(data))
    assert [name for name, _ in article_fields()] == list(data)


def test_arrow_round_trip_of_a_real_article() -> None:
    pa = pytest.importorskip("pyarrow", reason="Arrow types need pyarrow (pip install 'articleparse[parquet]')")
    article = articleparse.parse(SEED.read_text(encoding="utf-8"))
    table = pa.Table.from_pylist([{"article": article.to_dict()}, {"article": None}],
                                 schema=pa.schema([pa.field("article", arrow_type())]))
    first, second = table.to_pylist()
    assert Article.from_dict(first["article"]) == article
    assert second["article"] is None


# ------------------------------------------------------------------ datatrove


def test_datatrove_pipeline_runs_the_extractor(tmp_path: Path) -> None:
    pytest.importorskip("datatrove", reason="needs datatrove (pip install 'articleparse[datatrove]')")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    from articleparse.integrations.datatrove import ArticleparseExtractor

    source = tmp_path / "docs.jsonl.gz"
    docs = [
        {"id": "bridge", "text": BRIDGE, "metadata": {"url": "https://example.com/bridge",
                                                      "date": "2024-01-15T12:00:00Z"}},
        {"id": "german", "text": GERMAN, "metadata": {"language": "deu"}},
        {"id": "blank", "text": " \n\n ", "metadata": {}},
    ]
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc) + "\n")
    out = tmp_path / "out.jsonl"

    # datatrove's own JSONL reader and writer need orjson; plain steps keep this test's needs small
    def read(data, rank: int = 0, world_size: int = 1):
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield Document(**json.loads(line))

    def write(data, rank: int = 0, world_size: int = 1):
        with open(out, "w", encoding="utf-8") as handle:
            for doc in data:  # the standard json module: metadata must be JSON primitives
                handle.write(json.dumps({"id": doc.id, "text": doc.text, "metadata": doc.metadata}) + "\n")
                yield doc

    executor = LocalPipelineExecutor(
        pipeline=[read, ArticleparseExtractor(fields=("headline", "byline", "authors", "published", "language",
                                                      "article")), write],
        tasks=1, workers=1, logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {d["id"]: d for d in written}
    assert set(by_id) == {"bridge", "german"}  # the blank document has no article and is dropped
    bridge = by_id["bridge"]
    assert bridge["text"].startswith("The council voted on Tuesday")
    assert "Share on Facebook" not in bridge["text"]
    meta = bridge["metadata"]
    assert meta["url"] == "https://example.com/bridge"  # what was there stays
    assert meta["article_headline"] == "Council votes to close the old bridge"
    assert meta["article_byline"] == "By Jane Smith"
    assert meta["article_authors"] == ["Jane Smith"]
    assert meta["article_language"] == "en"
    assert Article.from_json(meta["article_article"]).headline == meta["article_headline"]
    assert by_id["german"]["metadata"]["article_language"] == "de"

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step = next(s for s in stats if "articleparse" in s["name"])
    assert step["stats"]["total"] == 3 and step["stats"]["dropped"] == 1 and step["stats"]["forwarded"] == 2


def test_datatrove_step_rejects_unknown_fields() -> None:
    pytest.importorskip("datatrove", reason="needs datatrove (pip install 'articleparse[datatrove]')")
    from articleparse.integrations.datatrove import ArticleparseExtractor

    with pytest.raises(ValueError, match="unknown field.*'title'.*choose from headline"):
        ArticleparseExtractor(fields=("title",))


def test_datatrove_step_keeps_text_when_asked() -> None:
    pytest.importorskip("datatrove", reason="needs datatrove (pip install 'articleparse[datatrove]')")
    from datatrove.data import Document

    from articleparse.integrations.datatrove import ArticleparseExtractor

    step = ArticleparseExtractor(replace_text=False, fields=("text",), prefix="ap.", keep_empty=True)
    docs = list(step.run([Document(text=BRIDGE, id="1"), Document(text="", id="2")]))
    assert [d.text for d in docs] == [BRIDGE, ""]
    assert docs[0].metadata["ap.text"].startswith("The council voted") and docs[1].metadata["ap.text"] == ""


# ------------------------------------------------------------------ Spark


def _spark_or_skip():
    pytest.importorskip("pyspark", reason="needs pyspark (pip install 'articleparse[spark]')")
    if shutil.which("java") is None:
        pytest.skip("needs a Java runtime for Spark (no `java` on PATH)")


def test_spark_parse_dataframe_in_local_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    _spark_or_skip()
    # Spark's Python workers must run this interpreter, which has articleparse installed
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from articleparse.integrations.spark import parse_dataframe, result_schema

    spark = (SparkSession.builder.master("local[1]").appName("articleparse-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate())
    try:
        spark.sparkContext.setLogLevel("ERROR")
        df = spark.createDataFrame(
            [("a", BRIDGE, None), ("b", GERMAN, "deu"), ("c", None, None)], "id string, text string, lang string")
        out = parse_dataframe(df)
        assert out.schema == result_schema()
        rows = {r["id"]: r for r in out.collect()}
        assert rows["a"]["article"]["headline"] == "Council votes to close the old bridge"
        assert rows["a"]["article"]["byline"]["authors"] == ["Jane Smith"]
        assert rows["a"]["error"] is None
        assert rows["b"]["article"]["meta"]["language"] == "de"
        assert rows["c"]["article"] is None and '"text" is null' in rows["c"]["error"]
        headlines = out.select("id", "article.headline").where("article.headline IS NOT NULL").collect()
        assert sorted(r["id"] for r in headlines) == ["a", "b"]
        # the struct holds everything Article.from_dict needs
        rebuilt = Article.from_dict(rows["a"]["article"].asDict(recursive=True))
        assert rebuilt == articleparse.parse(BRIDGE)
    finally:
        spark.stop()
