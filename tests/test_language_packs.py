"""The language packs load, and every rule fires on its ``match`` examples and stays silent on its ``no_match`` ones.

Each example is checked alone, as a one-unit page, the way the engine would see
a line (whitespace already normalised).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from articleparse.features import Features
from articleparse.rules.base import Context
from articleparse.rules.loader import Pack, load_pack_folder

PACKS_DIR = Path(__file__).resolve().parent.parent / "src" / "articleparse" / "packs"
LANGS = ("de", "fr", "es", "it", "pt", "nl", "ru", "zh", "ja", "pl", "uk", "cs", "tr", "sv", "da", "no", "fi", "hu",
         "ko", "ar")
# scripts without spaces: a \w+ token is a whole run of characters, so stop lists stay short
NO_SPACES = ("zh", "ja")
MIN_STOPWORDS = 50
# the rule kinds every language pack provides
REQUIRED_RULES = ("BY001", "RT001", "RL001", "RL002", "NV001", "SH001", "AD001", "PW001", "CK001", "CM001")

PRESENT = tuple(lang for lang in LANGS if (PACKS_DIR / lang / "pack.toml").is_file())


def _load(lang: str) -> Pack | None:
    try:
        return load_pack_folder(PACKS_DIR / lang)
    except Exception:  # reported by test_pack_loads
        return None


_PACKS = {lang: _load(lang) for lang in PRESENT}


def _cases() -> list:
    cases = []
    for lang, pack in _PACKS.items():
        if pack is None:
            continue
        for rule in pack.rules:
            for kind, examples in (("match", rule.match), ("no_match", rule.no_match)):
                for n, example in enumerate(examples):
                    cases.append(pytest.param(lang, rule.id, kind, example.text, id=f"{rule.id}-{kind}-{n}"))
    return cases


def _fires(lang: str, rule_id: str, text: str) -> bool:
    pack = _PACKS[lang]
    assert pack is not None
    rule = next(r for r in pack.rules if r.id == rule_id)
    f = Features(0, text, pack.stopwords)
    ctx = Context([f], [None], {}, None, lang, pack.stopwords)
    strength, _ = rule.evaluate(f, ctx)
    return strength > 0


def test_all_languages_present() -> None:
    assert PRESENT == LANGS


@pytest.mark.parametrize("lang", PRESENT)
def test_pack_loads(lang: str) -> None:
    pack = load_pack_folder(PACKS_DIR / lang)
    assert pack.id == lang
    assert pack.kind == "language"
    assert pack.languages == (lang,)
    ids = {r.id for r in pack.rules}
    missing = [k for k in REQUIRED_RULES if f"{lang}:{k}" not in ids]
    assert not missing, f"{lang} lacks rules {missing}"
    for rule in pack.rules:
        assert len(rule.match) >= 2 and len(rule.no_match) >= 2, rule.id
        for ex in rule.match + rule.no_match:
            assert ex.text == " ".join(ex.text.split()), f"{rule.id}: example is not whitespace-normalised: {ex.text!r}"


@pytest.mark.parametrize("lang", PRESENT)
def test_package_importable(lang: str) -> None:
    assert (PACKS_DIR / lang / "__init__.py").is_file()


@pytest.mark.parametrize("lang", PRESENT)
def test_stopwords(lang: str) -> None:
    path = PACKS_DIR / lang / "stopwords.txt"
    assert path.is_file()
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    assert words, f"{lang}: empty stop list"
    assert len(words) == len(set(words)), f"{lang}: duplicate stop words"
    for w in words:
        # the engine counts \w+ tokens, lower-cased: anything else could never be hit
        assert regex.fullmatch(r"\w+", w), f"{lang}: {w!r} is not one \\w+ token"
        assert w == w.lower(), f"{lang}: {w!r} is not lower case"
    if lang not in NO_SPACES:
        assert len(words) >= MIN_STOPWORDS, f"{lang}: only {len(words)} stop words"
        assert len(words) <= 250, f"{lang}: {len(words)} stop words"
    assert load_pack_folder(PACKS_DIR / lang).stopwords == frozenset(words)


@pytest.mark.parametrize(("lang", "rule_id", "kind", "text"), _cases())
def test_rule_example(lang: str, rule_id: str, kind: str, text: str) -> None:
    fired = _fires(lang, rule_id, text)
    if kind == "match":
        assert fired, f"{rule_id} should fire on {text!r}"
    else:
        assert not fired, f"{rule_id} should not fire on {text!r}"


def test_named_groups() -> None:
    """Bylines capture authors, reading times minutes, one-line teasers section and title."""
    groups = {"BY001": {"authors"}, "RT001": {"minutes"}, "RL002": {"section", "title"}}
    for lang, pack in _PACKS.items():
        if pack is None:
            continue
        for rule in pack.rules:
            want = groups.get(rule.id.split(":")[1])
            if want is None:
                continue
            assert rule.pattern is not None, rule.id
            assert want <= set(rule.pattern.groupindex), f"{rule.id} lacks groups {want}"
            for ex in rule.match:
                f = Features(0, ex.text, pack.stopwords)
                _, m = rule.evaluate(f, Context([f], [None], {}, None, lang, pack.stopwords))
                for name in want:
                    assert m.group(name), f"{rule.id}: group {name} empty on {ex.text!r}"
                if "minutes" in want:
                    assert int(m.group("minutes")) > 0
