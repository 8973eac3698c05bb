"""Golden fixtures: an input dump and the Article expected from it, one test item each.

Each ``fixtures/goldens/NAME.json`` holds ``{"input": <path relative to the repo>, "expected": {...}}``;
``expected`` is ``Article.to_dict()`` with each line reduced to its label. Regenerate with
``pytest --update-goldens`` (which also checks that the Article round-trips through to_dict).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articleparse

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = sorted((ROOT / "fixtures" / "goldens").glob("*.json"))


def snapshot(article: articleparse.Article) -> dict:
    data = article.to_dict()
    data["lines"] = [line["label"] for line in data["lines"]]
    return data


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_golden(path: Path, update_goldens: bool) -> None:
    spec = json.loads(path.read_text(encoding="utf-8"))
    text = (ROOT / spec["input"]).read_text(encoding="utf-8")
    article = articleparse.parse(text, url=spec.get("url"), lang=spec.get("lang"))
    got = snapshot(article)
    if update_goldens:
        assert articleparse.Article.from_dict(article.to_dict()) == article, "Article does not round-trip"
        spec["expected"] = got
        path.write_text(json.dumps(spec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert got == spec["expected"]


def test_there_are_goldens() -> None:
    assert GOLDENS, "fixtures/goldens is empty"
