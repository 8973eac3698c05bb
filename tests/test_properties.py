"""Properties of ``parse()`` that hold for every ``str``, checked with hypothesis.

The contract (DESIGN.md, "Invariants"): ``parse()`` never raises on a ``str`` and is
deterministic; the input's lines are those between the line breaks ``\\r\\n``, ``\\n`` and ``\\r``
(not everything ``str.splitlines()`` breaks on); every line gets exactly one LabeledLine, in
order, whose span slices the input to that line; a line is blank when only whitespace is left
after removing zero-width characters, and every non-blank line has a non-blank label; every span
lies inside the input; a body paragraph keeps its span's characters in order; the Article
serialises. A non-``str`` argument raises a TypeError that says what to pass instead.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from articleparse import Article, Label, parse
from articleparse.render import to_markdown, to_text, to_xml

# ------------------------------------------------------------- the contract

#: The engine's line breaks; ``\r\n`` first so that it counts as one break.
LINE_BREAK = re.compile(r"\r\n|\n|\r")

#: Removed before deciding whether a line is blank.
# characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def is_blank(line: str) -> bool:
    return not line.translate(ZERO_WIDTH).strip()


def reference_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the input's lines, by the engine's definition of a line."""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def expected_line_spans(text: str, article: Article) -> list[tuple[int, int]]:
    """``reference_lines``, allowing the engine to leave out the empty "line" after a final break
    (and so to give the empty input no line at all)."""
    spans = reference_lines(text)
    last_is_empty = spans[-1][0] == spans[-1][1] == len(text)
    if last_is_empty and len(article.lines) == len(spans) - 1:
        spans.pop()
    return spans


def all_spans(article: Article):
    """Every (what, span) in the Article that points into the input."""
    for line in article.lines:
        yield f"line {line.index}", line.span
    for i, paragraph in enumerate(article.body):
        yield f"body[{i}]", paragraph.span
    for i, link in enumerate(article.related):
        if link.span is not None:
            yield f"related[{i}]", link.span
    for i, block in enumerate(article.boilerplate):
        yield f"boilerplate[{i}]", block.span
    if article.byline is not None and article.byline.span is not None:
        yield "byline", article.byline.span


def is_subsequence(needle: str, haystack: str) -> bool:
    position = 0
    for char in needle:
        position = haystack.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


# -------------------------------------------------------------- strategies

#: Characters that have broken text tools: NUL and other controls, lone surrogates, BOM and
#: zero-width characters, non-characters, Unicode line and paragraph separators (which
#: ``str.splitlines`` breaks on but the engine does not), NBSP, bidi marks, combining marks.
NASTY = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f", "\x7f",
    "\x85", "\xa0", "\xad", "\u2028", "\u2029", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
    "\u202e", "\u2060", "\u3000", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\ud800", "\udbff",
    "\udc00", "\udfff", "\U0001f600", "\U0010ffff", "e\u0301", "\t", " ", "\r", "\n", "\r\n",
]  # fmt: skip

#: Lines as they come in news dumps, in several scripts.
NEWS_LINES = [
    "Home | World | Business | Sport | Opinion",
    "November 9, 2022",
    "Updated: 10 Nov 2022, 08:30 IST",
    "3 mins read",
    "With new big data centre, China strengthens Tibet surveillance",
    "By Jane Doe and John Roe",
    "NEW DELHI (Reuters) - The government said on Monday it would act.",
    "China is set to develop its AI and Big Data capabilities, which will strengthen the network.",
    "“We will build it,” he said.",
    "ALSO READ",
    "Previous Story",
    "Next Story",
    "Floods hit the coast",
    "Thousands of people were moved to safety on Monday.",
    "Share on Facebook  Share on Twitter  WhatsApp",
    "© 2022 Example News. All rights reserved.",
    "We use cookies to improve your experience. Accept",
    "* bullet point one",
    "- bullet point two",
    "## A heading",
    "> a quoted line",
    "新华社北京11月9日电 中国将加强大数据能力建设。",
    "据报道，该中心已在拉萨投入运行。",
    "قالت الحكومة يوم الاثنين إنها ستتخذ إجراءات.",
    "بقلم: أحمد علي",
    "Москва, 9 ноября. Правительство заявило, что примет меры.",
    "Автор: Иван Петров",
    "",
    "   ",
    "\t",
]

BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\n\n\n\n\n"]

def joined(pieces: st.SearchStrategy[str], **sizes: int) -> st.SearchStrategy[str]:
    """Strings made of ``pieces``; unlike ``st.text`` a piece may be longer than one character."""
    return st.lists(pieces, **sizes).map("".join)


nasty_char = st.sampled_from(NASTY)
any_char = st.one_of(
    nasty_char,
    st.characters(),
    st.characters(categories=["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"]),
)
noisy_line = joined(any_char, max_size=40)
news_line = st.one_of(
    st.sampled_from(NEWS_LINES),
    st.builds(lambda a, b: a + b, st.sampled_from(NEWS_LINES), noisy_line),
    st.builds(lambda a, b: a + b, noisy_line, st.sampled_from(NEWS_LINES)),
    noisy_line,
)
long_line = st.builds(
    lambda word, filler, count: (word + filler) * count,
    st.sampled_from(["word", "新闻", "خبر", "новость", "x"]),
    st.sampled_from([" ", "", "\t", "\x00", "\u200b", "\ud800"]),
    st.integers(min_value=1500, max_value=10_000),
).map(lambda line: line[:10_000])
blank_run = st.builds(
    lambda unit, count: unit * count,
    st.sampled_from(["\n", "\r\n", "\r", " \n", "\t\r\n", "\u200b\n", "\xa0\n", "\n\r"]),
    st.integers(min_value=2, max_value=300),
)


@st.composite
def news_dumps(draw: st.DrawFn) -> str:
    """A news-like dump: realistic and noisy lines, mixed line breaks, blank runs, maybe one
    very long line."""
    pieces = []
    for line in draw(st.lists(news_line, max_size=40)):
        pieces.append(line)
        pieces.append(draw(st.one_of(st.sampled_from(BREAKS), blank_run)) if draw(st.booleans()) else "\n")
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(pieces)))
        pieces.insert(at, draw(long_line) + "\n")
    if pieces and draw(st.booleans()):
        pieces.pop()  # sometimes no final line break
    return "".join(pieces)


inputs = st.one_of(st.text(), joined(any_char), news_dumps())

whitespace_only = joined(
    st.sampled_from(
        [" ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028",
         "\u2029", "\u3000", "\u200b", "\u200c", "\u200d", "\ufeff"]  # fmt: skip
    ),
    max_size=200,
)

#: Sized so that the whole file runs in well under a minute on a slow engine.
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -------------------------------------------------------------- properties


@PROPERTY
@given(inputs)
def test_parse_never_raises(text: str) -> None:
    assert isinstance(parse(text), Article)


@PROPERTY
@given(inputs)
def test_parse_is_deterministic(text: str) -> None:
    assert parse(text) == parse(text)


@PROPERTY
@given(inputs)
def test_lines_tile_the_input(text: str) -> None:
    article = parse(text)
    spans = [line.span for line in article.lines]
    assert spans == expected_line_spans(text, article)


@PROPERTY
@given(inputs)
def test_line_indexes_count_from_zero(text: str) -> None:
    lines = parse(text).lines
    assert [line.index for line in lines] == list(range(len(lines)))


@PROPERTY
@given(inputs)
def test_every_nonblank_line_has_one_nonblank_label(text: str) -> None:
    article = parse(text)
    labelled = {line.span: line.label for line in article.lines}
    assert len(labelled) == len(article.lines), "two LabeledLines for one line"
    for start, end in reference_lines(text):
        line = text[start:end]
        if not is_blank(line):
            assert (start, end) in labelled, f"line {line!r} at {start}:{end} has no label"
            assert labelled[start, end] is not Label.BLANK, f"non-blank line {line!r} labelled blank"


@PROPERTY
@given(inputs)
def test_blank_lines_are_labelled_blank(text: str) -> None:
    for line in parse(text).lines:
        raw = text[line.span[0] : line.span[1]]
        if is_blank(raw):
            assert line.label is Label.BLANK, f"blank line {raw!r} labelled {line.label}"


@PROPERTY
@given(inputs)
def test_every_span_is_within_the_input(text: str) -> None:
    for what, (start, end) in all_spans(parse(text)):
        assert 0 <= start <= end <= len(text), f"{what} span {(start, end)} outside 0..{len(text)}"


@PROPERTY
@given(inputs)
def test_labeled_line_spans_slice_to_the_line(text: str) -> None:
    lines = reference_lines(text)
    for line in parse(text).lines:
        raw = text[line.span[0] : line.span[1]]
        assert LINE_BREAK.search(raw) is None, f"line {line.index} {raw!r} holds a line break"
        assert line.span in lines


@PROPERTY
@given(inputs)
def test_body_paragraphs_keep_their_characters_in_order(text: str) -> None:
    for i, paragraph in enumerate(parse(text).body):
        source = text[paragraph.span[0] : paragraph.span[1]]
        visible = "".join(paragraph.text.split())
        assert is_subsequence(visible, source), f"body[{i}] {paragraph.text!r} is not from {source!r}"


@PROPERTY
@given(inputs)
def test_article_serialises_and_round_trips(text: str) -> None:
    article = parse(text)
    assert pickle.loads(pickle.dumps(article)) == article
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article


@PROPERTY
@given(inputs)
def test_every_output_format_renders(text: str) -> None:
    article = parse(text)
    root = etree.fromstring(to_xml(article))
    assert root.tag == "article"
    assert len(root.findall("body/p")) == len(article.body)
    assert isinstance(to_markdown(article), str)
    assert isinstance(to_text(article), str)


@PROPERTY
@given(whitespace_only)
def test_whitespace_only_input_is_an_empty_article(text: str) -> None:
    article = parse(text)
    assert article.body == ()
    assert article.text == ""
    assert article.headline is None
    assert all(line.label is Label.BLANK for line in article.lines)


@settings(max_examples=30, deadline=None)
@given(joined(nasty_char, min_size=1, max_size=50))
def test_nasty_characters_alone(text: str) -> None:
    assume(any(0xD800 <= ord(c) <= 0xDFFF for c in text) or "\x00" in text or "\r" in text)
    article = parse(text)
    assert [line.span for line in article.lines] == expected_line_spans(text, article)


# ------------------------------------------------------------------ examples


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ud800",
        "\x00",
        "a\r\nb\rc\nd",
        "\r\n\r\n",
        "Headline\u2028still the same line\x85and this\n\nBody text here.",
        "x" * 10_000,
        "\n" * 1000,
    ],
    ids=["empty", "lone-surrogate", "nul", "mixed-breaks", "crlf-only", "unicode-separators", "10k", "1000-blank"],
)
def test_edge_cases(text: str) -> None:
    article = parse(text)
    assert [line.span for line in article.lines] == expected_line_spans(text, article)
    assert Article.from_json(article.to_json()) == article


def test_bytes_are_refused_with_a_hint_to_decode() -> None:
    with pytest.raises(TypeError) as info:
        parse(b"x")
    assert "bytes" in str(info.value)
    assert "decode" in str(info.value)


def test_none_is_refused_naming_its_type() -> None:
    with pytest.raises(TypeError, match="NoneType"):
        parse(None)


DETERMINISM_SCRIPT = """
import sys
import articleparse
text = sys.stdin.buffer.read().decode("utf-8")
sys.stdout.write(articleparse.parse(text).to_json())
"""


def test_deterministic_across_processes() -> None:
    """Same result under different hash seeds: no set or dict order leaks into the Article."""
    text = "\n".join(NEWS_LINES * 3).encode("utf-8")
    outputs = set()
    for seed in ("0", "1", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", DETERMINISM_SCRIPT],
            input=text,
            capture_output=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
            timeout=60,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
