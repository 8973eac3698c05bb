"""Date lines copied from real pages parse to the page's true date.

``fixtures/dates/real_pages.tsv`` holds lines from pages of the dev data whose true
publication date is known: month-name, numeric and native-script (CJK) forms, in every
built-in language the dev data has pages for. Each line must yield that date with the
language's own date table (and its default order for ambiguous numeric dates).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articleparse.dates import DateLexicon

TSV = Path(__file__).resolve().parent.parent / "fixtures" / "dates" / "real_pages.tsv"


def _rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, form, iso, source, page, text = line.split("\t")
            rows.append((lang, form, iso, source, page, text))
    return rows


ROWS = _rows()


@pytest.mark.parametrize(("lang", "form", "iso", "source", "page", "text"), ROWS,
                         ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_real_page_date_line(lang, form, iso, source, page, text):
    found = DateLexicon.for_languages([lang]).find(text)
    values = [d.value.date() if isinstance(d.value, dt.datetime) else d.value for d in found]
    assert dt.date.fromisoformat(iso) in values, f"{source} page {page}: {text!r} gave {values}"


def test_the_big_languages_have_month_name_and_numeric_lines():
    forms = {(r[0], r[1]) for r in ROWS}
    for lang in ("en", "de", "fr", "es", "pt", "ru"):
        assert {(lang, "month-name"), (lang, "numeric")} <= forms, lang
    for lang in ("zh", "ja", "ko"):
        assert (lang, "native") in forms, lang
