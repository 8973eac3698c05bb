"""``articleparse explain FILE --html OUT.html``: the page, checked as lxml parses it and as a browser renders it.

The browser tests load the page in headless Chromium (``--dump-dom`` and ``--screenshot``) and
are skipped when no Chromium binary is found (Debian: ``apt-get install -y chromium``); set
``ARTICLEPARSE_CHROMIUM`` to use another binary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

import articleparse
from articleparse import Label
from articleparse.explain_html import LABEL_COLOURS, render_explain_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b77d87d1f81881a2.txt"
NASTY = ("<script>alert('x')</script>\n\nTom & Jerry's \"great\" escape </div><b>bold?</b>\n\n"
         "The council voted on Tuesday to close the old bridge, which has carried traffic since 1931.\n"
         "Nul \x00 bell \x07 tab\tend, lone \ud800 surrogate, right-to-left \u202e mark\n")


def _browser() -> str | None:
    configured = os.environ.get("ARTICLEPARSE_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


BROWSER = _browser()
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium binary found (Debian: apt-get install -y chromium; "
    "or set ARTICLEPARSE_CHROMIUM)")


def _chromium(page: Path, *args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180,
    )


def _page(tmp_path: Path, text: str, name: str = "page.html") -> tuple[Path, articleparse.Article]:
    article = articleparse.parse(text)
    path = tmp_path / name
    path.write_text(render_explain_html(text, article, title="seed.txt"), encoding="utf-8")
    return path, article


def _check_dom(root: lxml.html.HtmlElement, text: str, article: articleparse.Article) -> None:
    """Every input line is there, numbered, with its label's class, confidence and rules; the legend is complete."""
    rows = root.xpath('//div[@class="dump"]/div[contains(concat(" ", @class, " "), " line ")]')
    assert len(rows) == len(article.lines)
    for number, (row, line) in enumerate(zip(rows, article.lines), start=1):
        raw = text[line.span[0]:line.span[1]]
        assert row.get("id") == f"L{number}"
        assert f"lab-{line.label.value}" in row.get("class").split()
        assert row.xpath('string(span[@class="n"])') == str(number)
        title = row.get("title")
        assert f"confidence {line.confidence:.2f}" in title
        assert all(rule in title for rule in line.rules)
        if raw.strip():
            assert row.xpath('string(span[@class="t"])') == raw.replace("\t", "    ")
    used = {line.label.value for line in article.lines}
    legend = set(root.xpath('//ul[@class="legend"]/li/@data-label'))
    assert legend == used
    for label in used:  # every used label has a colour rule in the page's CSS
        assert f".lab-{label}{{" in "".join(root.xpath("//style/text()"))


def test_every_label_has_a_colour() -> None:
    assert set(LABEL_COLOURS) == set(Label)


def test_seed_page_structure(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    path, article = _page(tmp_path, text)
    root = lxml.html.parse(str(path)).getroot()
    _check_dom(root, text, article)
    assert root.xpath('string(//h3[@class="headline"])') == article.headline
    assert len(root.xpath('//div[@class="body"]/p')) == len(article.body)
    assert len(root.xpath('//section[@class="related"]//li')) == len(article.related)
    sections = root.xpath('//section[@class="related"]/div[@class="section"]/text()')
    assert sections[:3] == ["ALSO READ", "Previous Story", "Next Story"]
    assert "by Asian Lite News" in root.xpath('string(//p[@class="fields"])')
    assert "published 2022-11-09" in root.xpath('string(//p[@class="fields"])')
    meta = dict(zip(root.xpath("//section[@class='meta']//th/text()"),
                    root.xpath("//section[@class='meta']//td/text()")))
    assert meta["language"] == "en" and meta["agency"] == "ANI" and meta["reading time"] == "3 min"
    # paragraphs link back to their line in the dump
    first = article.body[0]
    number = next(i for i, line in enumerate(article.lines, 1) if line.span[0] == first.span[0])
    assert root.xpath('//div[@class="body"]/p[1]/a/@href') == [f"#L{number}"]


def test_self_contained(tmp_path: Path) -> None:
    path, _ = _page(tmp_path, SEED.read_text(encoding="utf-8"))
    root = lxml.html.parse(str(path)).getroot()
    assert not root.xpath("//script | //link | //img | //iframe | //*[@src]")
    assert "url(" not in "".join(root.xpath("//style/text()"))
    assert all(href.startswith("#") for href in root.xpath("//a/@href"))


def test_everything_is_escaped(tmp_path: Path) -> None:
    path, article = _page(tmp_path, NASTY)
    page = path.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert" in page
    root = lxml.html.parse(str(path)).getroot()
    assert not root.xpath("//script | //b")
    rows = root.xpath('//div[@class="dump"]/div')
    assert rows[0].xpath('string(span[@class="t"])') == "<script>alert('x')</script>"
    assert rows[2].xpath('string(span[@class="t"])') == "Tom & Jerry's \"great\" escape </div><b>bold?</b>"
    # control characters and a lone surrogate show as escapes, so the page is valid UTF-8
    assert "\\x00" in page and "\\x07" in page and "\\ud800" in page
    page.encode("utf-8")


def test_an_empty_dump(tmp_path: Path) -> None:
    page = render_explain_html("", articleparse.parse(""))
    root = lxml.html.fromstring(page)
    assert root.xpath('string(//h3[contains(@class, "headline")])') == "no headline found"
    assert "no body found" in page


@needs_browser
def test_browser_renders_every_line_with_its_label(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    path, article = _page(tmp_path, text)
    done = _chromium(path, "--dump-dom", profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    root = lxml.html.fromstring(done.stdout)
    _check_dom(root, text, article)
    assert root.xpath('string(//h3[@class="headline"])') == article.headline


@needs_browser
def test_browser_keeps_hostile_text_inert(tmp_path: Path) -> None:
    path, article = _page(tmp_path, NASTY)
    done = _chromium(path, "--dump-dom", profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    root = lxml.html.fromstring(done.stdout)
    assert not root.xpath("//script | //b")
    assert len(root.xpath('//div[@class="dump"]/div')) == len(article.lines)
    assert root.xpath('string(//div[@id="L1"]/span[@class="t"])') == "<script>alert('x')</script>"


@needs_browser
def test_browser_screenshot(tmp_path: Path) -> None:
    path, _ = _page(tmp_path, SEED.read_text(encoding="utf-8"))
    shot = tmp_path / "explain.png"
    done = _chromium(path, f"--screenshot={shot}", "--window-size=1400,1800", "--hide-scrollbars",
                     profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a real rendering, not a blank page


def test_cli_explain_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from articleparse.cli import main

    out = tmp_path / "explain.html"
    assert main(["explain", str(SEED), "--html", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    root = lxml.html.parse(str(out)).getroot()
    text = SEED.read_text(encoding="utf-8")
    _check_dom(root, text, articleparse.parse(text))
    assert main(["explain", str(SEED), "--html", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["explain", str(SEED), "--html", str(tmp_path / "no" / "such" / "dir.html")]) == 2
    assert "cannot write" in capsys.readouterr().err
