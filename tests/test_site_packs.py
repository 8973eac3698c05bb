"""Site packs: chosen by url or signature, used on their site's pages, inert everywhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articleparse
from articleparse.engine import Engine, default_engine
from articleparse.rules.loader import installed_packs

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = sorted((ROOT / "fixtures" / "goldens").glob("*.json"))
SITE_GOLDENS = [p for p in GOLDENS if p.stem.startswith("site-")]
OTHER_GOLDENS = [p for p in GOLDENS if not p.stem.startswith("site-")]


def load(path: Path) -> tuple[str, dict]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    return (ROOT / spec["input"]).read_text(encoding="utf-8"), spec


@pytest.fixture(scope="module")
def without_sites() -> Engine:
    return Engine(packs=[p for p in installed_packs() if not p.startswith("site.")])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://1hundetagebuch.wordpress.com/2019/10/31/post/", "site.wordpress.com"),
        ("https://wordpress.com/about", "site.wordpress.com"),
        ("http://emacspeak.blogspot.com/2019/10/x.html", "site.blogspot.com"),
        ("https://unexpecteduser.blogspot.de/2011/", "site.blogspot.com"),
        ("https://www.example.org/news/1", None),
        ("https://notwordpress.com/a", None),
    ],
)
def test_site_chosen_by_url(url, expected):
    pack = default_engine().site_for("Some text without any platform credit.", url)
    assert (pack.id if pack else None) == expected


def test_site_chosen_by_signature_without_url():
    engine = default_engine()
    assert engine.site_for("Post\n\nText.\n\nBloggen auf WordPress.com.\n").id == "site.wordpress.com"
    assert engine.site_for("Post\n\nText.\n\nPowered by Blogger.\n").id == "site.blogspot.com"
    seed = (ROOT / "seeds" / "000_b77d87d1f81881a2.txt").read_text(encoding="utf-8")
    assert engine.site_for(seed) is None


@pytest.mark.parametrize("path", SITE_GOLDENS, ids=[p.stem for p in SITE_GOLDENS])
def test_site_rules_fire_on_their_pages(path):
    text, spec = load(path)
    article = articleparse.parse(text, url=spec["url"])
    site_rules = {r for line in article.lines for r in line.rules if r.startswith("site.")}
    assert site_rules, "no rule of the site pack decided any line"
    # what the site pack labels never reaches the body
    for line in article.lines:
        if any(r.startswith("site.") for r in line.rules):
            assert text[line.span[0]:line.span[1]].strip() not in article.text.split("\n\n")


@pytest.mark.parametrize("path", OTHER_GOLDENS, ids=[p.stem for p in OTHER_GOLDENS])
def test_other_pages_unchanged_by_site_packs(path, without_sites):
    text, spec = load(path)
    with_sites = articleparse.parse(text, url=spec.get("url"), lang=spec.get("lang"))
    assert without_sites.parse(text, url=spec.get("url"), lang=spec.get("lang")) == with_sites


def test_packs_argument_limits_the_packs():
    text = "Menu\n\nBridge closes after cracks are found\n\nThe council voted on Tuesday to close the bridge."
    assert articleparse.parse(text, packs=["core"]).text.endswith("close the bridge.")
    with pytest.raises(articleparse.PackNotFoundError) as err:
        articleparse.parse(text, packs=["core", "xx-nonexistent"])
    assert "core" in str(err.value) and "xx-nonexistent" in str(err.value)
