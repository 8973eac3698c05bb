"""The Article model: frozen, tuple-valued, picklable, and round-tripping through dicts and JSON."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest

from articleparse.model import (
    BOILERPLATE_LABELS,
    Article,
    Block,
    Byline,
    Label,
    LabeledLine,
    Meta,
    Paragraph,
    ParagraphKind,
    RelatedLink,
)

UTC = dt.timezone.utc
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def full_article(published: dt.date | None, updated: dt.date | None) -> Article:
    """An Article with every field set, including awkward text (quotes, CJK, NUL, emoji)."""
    return Article(
        headline="With new big data centre, China strengthens “Tibet” surveillance",
        standfirst="It is the first such centre at the regional level…",
        byline=Byline(
            raw="By Jane Doe and 李小龙 | Asian Lite News",
            authors=("Jane Doe", "李小龙"),
            organization="Asian Lite News",
            span=(70, 108),
        ),
        authors=("Jane Doe", "李小龙"),
        published=published,
        updated=updated,
        body=(
            Paragraph("China is set to develop its AI.", (120, 151)),
            Paragraph("Background", (153, 163), ParagraphKind.HEADING),
            Paragraph("“We will build it,” he said.", (165, 193), ParagraphKind.QUOTE),
            Paragraph("first point", (195, 208), ParagraphKind.LIST_ITEM),
            Paragraph("Odd bytes: \x00\t\ufeff 😀 مرحبا Привет", (210, 240)),
        ),
        text="China is set to develop its AI.\n\nBackground",
        related=(
            RelatedLink("Floods hit the coast", "ALSO READ", "Thousands moved.", (250, 290)),
            RelatedLink("Untitled section teaser"),
        ),
        boilerplate=(
            Block("Home | World | Sport", Label.NAVIGATION, (0, 20), ("core:NAV001", "en:NAV002")),
            Block("© 2022 Example News", "footer", (300, 319)),
        ),
        meta=Meta(
            language="en",
            reading_time=3,
            source="Asian Lite News",
            agency="ANI",
            dateline="NEW DELHI",
            format="browser-copy",
        ),
        lines=(
            LabeledLine(0, (0, 20), Label.NAVIGATION, 0.93, ("core:NAV001",)),
            LabeledLine(1, (21, 21), Label.BLANK, 1.0),
            LabeledLine(2, (22, 68), "headline", 0.5, ["en:HL001", "core:LEN002"]),
        ),
    )


DATE_VALUES = [
    pytest.param(None, None, id="no-dates"),
    pytest.param(dt.date(2022, 11, 9), dt.date(2022, 11, 10), id="dates"),
    pytest.param(dt.datetime(2022, 11, 9, 14, 5), dt.datetime(2022, 11, 9, 0, 0), id="naive-datetimes"),
    pytest.param(
        dt.datetime(2022, 11, 9, 14, 5, 7, 123456, tzinfo=IST),
        dt.datetime(2022, 11, 10, 8, 0, tzinfo=UTC),
        id="aware-datetimes",
    ),
    pytest.param(dt.date(2022, 11, 9), dt.datetime(2022, 11, 10, 8, 30), id="date-and-datetime"),
]

ARTICLES = [pytest.param(Article(), id="default"), pytest.param(Article.empty(language="de"), id="empty")]
ARTICLES += [
    pytest.param(full_article(published, updated), id="full-" + param.id)
    for param in DATE_VALUES
    for published, updated in [param.values]
]


def _same_dates(a: Article, b: Article) -> None:
    # date(2022, 11, 9) != datetime(2022, 11, 9) anyway, but say so plainly when types drift
    assert type(a.published) is type(b.published)
    assert type(a.updated) is type(b.updated)


def _walk_attrs(value: object, path: str = "article"):
    """Yield (path, value) for every value inside attrs instances and tuples."""
    yield path, value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _walk_attrs(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk_attrs(item, f"{path}[{i}]")


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("article", ARTICLES)
def test_dict_round_trip(article: Article) -> None:
    back = Article.from_dict(article.to_dict())
    assert back == article
    _same_dates(back, article)


@pytest.mark.parametrize("article", ARTICLES)
def test_json_round_trip(article: Article) -> None:
    back = Article.from_json(article.to_json())
    assert back == article
    _same_dates(back, article)
    assert Article.from_json(article.to_json(indent=2)) == article


@pytest.mark.parametrize("article", ARTICLES)
def test_pickle_round_trip(article: Article) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(article, protocol=protocol))
        assert back == article
        _same_dates(back, article)


@pytest.mark.parametrize("article", ARTICLES)
def test_json_is_the_dict(article: Article) -> None:
    assert json.loads(article.to_json()) == article.to_dict()


def test_dates_serialise_as_iso_strings() -> None:
    article = full_article(dt.datetime(2022, 11, 9, 14, 5, tzinfo=IST), dt.date(2022, 11, 10))
    data = article.to_dict()
    assert data["published"] == "2022-11-09T14:05:00+05:30"
    assert data["updated"] == "2022-11-10"
    back = Article.from_dict(data)
    assert back.published == dt.datetime(2022, 11, 9, 14, 5, tzinfo=IST)
    assert type(back.updated) is dt.date


def test_to_json_keeps_non_ascii_readable() -> None:
    assert "李小龙" in full_article(None, None).to_json()


def test_from_dict_fills_missing_fields_with_defaults() -> None:
    assert Article.from_dict({}) == Article()
    assert Article.from_dict({"headline": "Only this"}) == Article(headline="Only this")


# ------------------------------------------------------------- JSON primitives


def _assert_json_primitives(value: object, path: str = "$") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str, f"{path}: key {key!r} is not a str"
            _assert_json_primitives(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _assert_json_primitives(item, f"{path}[{i}]")
    else:
        # exact types: an enum member is a str subclass but not a JSON primitive
        assert value is None or type(value) in (str, int, float, bool), (
            f"{path}: {type(value).__name__} {value!r} is not a JSON primitive"
        )


@pytest.mark.parametrize("article", ARTICLES)
def test_to_dict_holds_only_json_primitives(article: Article) -> None:
    _assert_json_primitives(article.to_dict())


def test_to_dict_uses_enum_values() -> None:
    data = full_article(None, None).to_dict()
    assert data["lines"][2]["label"] == "headline"
    assert data["boilerplate"][1]["label"] == "footer"
    assert [p["kind"] for p in data["body"]] == ["paragraph", "heading", "quote", "list-item", "paragraph"]


# ------------------------------------------------------------ frozen and tuples


@pytest.mark.parametrize("article", ARTICLES)
def test_every_value_is_frozen(article: Article) -> None:
    checked = 0
    for _path, value in _walk_attrs(article):
        if attrs.has(type(value)):
            name = attrs.fields(type(value))[0].name
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(value, name, None)
            checked += 1
    assert checked >= 2  # at least the Article and its Meta


def test_evolve_makes_a_new_value() -> None:
    article = full_article(None, None)
    changed = attrs.evolve(article, headline="Another")
    assert changed.headline == "Another"
    assert article.headline != "Another"


@pytest.mark.parametrize("article", ARTICLES)
def test_collections_are_tuples_not_lists(article: Article) -> None:
    for source in (article, Article.from_dict(article.to_dict()), Article.from_json(article.to_json())):
        for path, value in _walk_attrs(source):
            assert not isinstance(value, list), f"{path} is a list"


def test_converters_turn_lists_into_tuples() -> None:
    line = LabeledLine(0, [3, 7], "body", rules=["a", "b"])
    assert line.span == (3, 7) and line.rules == ("a", "b")
    assert Byline("By A", authors=["A"], span=[0, 4]).authors == ("A",)
    assert Article(body=[Paragraph("x", (0, 1))], authors=["A"]).body == (Paragraph("x", (0, 1)),)


def test_equal_articles_hash_equal() -> None:
    a, b = full_article(dt.date(2022, 11, 9), None), full_article(dt.date(2022, 11, 9), None)
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Article()}) == 2


# ------------------------------------------------------------------- enums


def test_label_values() -> None:
    assert {label.value for label in Label} == {
        "headline",
        "standfirst",
        "byline",
        "date",
        "meta",
        "body",
        "related-section",
        "related-title",
        "related-snippet",
        "navigation",
        "share",
        "ad",
        "caption",
        "comment",
        "footer",
        "boilerplate",
        "blank",
    }


@pytest.mark.parametrize("label", list(Label))
def test_label_is_its_value(label: Label) -> None:
    assert Label(label.value) is label
    assert str(label) == label.value
    assert label == label.value  # a str enum: compares equal to its value
    assert json.dumps(label) == json.dumps(label.value)


def test_boilerplate_labels_are_the_non_article_ones() -> None:
    assert BOILERPLATE_LABELS == {
        Label.NAVIGATION,
        Label.SHARE,
        Label.AD,
        Label.CAPTION,
        Label.COMMENT,
        Label.FOOTER,
        Label.BOILERPLATE,
    }


def test_paragraph_kind_values() -> None:
    assert [kind.value for kind in ParagraphKind] == ["paragraph", "heading", "quote", "list-item"]
    assert str(ParagraphKind.LIST_ITEM) == "list-item"


def test_unknown_label_is_rejected() -> None:
    with pytest.raises(ValueError):
        LabeledLine(0, (0, 1), "not-a-label")


def test_empty_article() -> None:
    article = Article.empty(language="en", format="wet")
    assert article.headline is None and article.byline is None
    assert article.body == () and article.lines == () and article.text == ""
    assert article.meta == Meta(language="en", format="wet")
