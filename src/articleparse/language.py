"""Guessing the page's language from its text, without any model download.

Scripts decide first (kana → ja, Hangul → ko, Han → zh, Thai → th); for
alphabetic scripts the language whose stop words cover the most tokens of the
page's longer lines wins::

    >>> detect_language(["Der Hund und die Katze sind nicht im Haus."],
    ...                 {"de": frozenset({"der", "und", "die", "nicht", "im"}), "en": frozenset({"the", "and"})})
    'de'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import regex

__all__ = ["detect_language", "DETECTION_ONLY"]

#: Stop words of languages no built-in pack covers, so that their pages are told apart instead of
#: read as the pack language that happens to share a few short words with them: Indonesian pages
#: came out as Czech, Vietnamese as Italian, a lorem-ipsum test page as Swedish. A page detected as
#: one of these gets ``meta.language`` set and reads its stop words from here; the rules are the
#: core pack's (and English navigation words), as for any language without a pack. A pack for the
#: language, when installed, takes precedence.
DETECTION_ONLY: Mapping[str, frozenset[str]] = {
    # Indonesian (and Malay, which shares most of these)
    "id": frozenset("""yang dan di ini itu dengan untuk dari tidak akan pada juga ke karena ada dalam oleh atau
        sudah bisa saat mereka kami kita telah lebih hanya bahwa sebagai namun seperti jika para menjadi tersebut
        adalah masih dapat belum tak saya anda bagi hingga antara setelah serta sebuah secara kepada""".split()),
    # Vietnamese (its function words are syllables of their own)
    "vi": frozenset("""của và các có là được trong cho không người những một với này đã để khi từ theo như cũng
        đến về thì nhưng sẽ tại ra lại nhiều vào đó trên hơn sau phải nên bị nếu còn rất mà vì hay đang chỉ""".split()),
    # Latin: the filler text of templates and test pages ("Lorem ipsum dolor sit amet ...")
    "la": frozenset("""et in est non ut ad sed cum quod qui quae ex sit at id eu nisi quis vel nec ac aut enim
        esse sunt do ea quam atque neque""".split()),
}

_WORD = regex.compile(r"\w+")
_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("el", regex.compile(r"\p{Greek}")),
)
# how many tokens of the page to look at: enough to be sure, few enough to be fast
_SAMPLE_TOKENS = 600
_MIN_HITS = 3


_LETTER = regex.compile(r"\p{L}")
# letters of the scripts decided by script alone (not Latin, not Cyrillic: those need stop words)
_SCRIPTED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Arabic}\p{Hebrew}\p{Greek}]")
_SAMPLE_CHARS = 3000


def detect_language(texts: Iterable[str], stopwords: Mapping[str, frozenset[str]], *,
                    scripts_only: bool = False) -> str | None:
    """The most likely language code of ``texts``, or None when nothing is conclusive.

    ``scripts_only=True`` answers only from the script test (a code of ``_SCRIPTS``, or None).
    """
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size > _SAMPLE_CHARS:
            break
    joined = "\n".join(sample)
    if not joined:
        return None
    if not joined.isascii():
        scripted = "".join(_SCRIPTED.findall(joined))
        if scripted:
            n = max(1, len(_LETTER.findall(joined)))
            for code, pattern in _SCRIPTS:
                share = len(pattern.findall(scripted)) / n
                # kana is a small share of Japanese text, next to many Han characters
                if share >= (0.05 if code == "ja" else 0.3):
                    return code
    if scripts_only:
        return None
    counts = Counter(map(str.lower, _WORD.findall(joined)[:_SAMPLE_TOKENS]))
    index = stopwords if isinstance(stopwords, StopwordIndex) else None
    best, best_hits = None, 0
    if index is not None:
        # one lookup per distinct token instead of one set intersection per language
        found = dict.fromkeys(index.codes, 0)
        for word, n in counts.items():
            for code in index.languages.get(word, ()):
                found[code] += n
        for code in index.codes:
            hits = found[code]
            if hits > best_hits:
                best, best_hits = code, hits
    else:
        for code, words in stopwords.items():
            if not words:
                continue
            hits = sum(counts[w] for w in words.intersection(counts))
            if hits > best_hits:
                best, best_hits = code, hits
    if best_hits < _MIN_HITS:
        return None
    return best


class StopwordIndex(dict):
    """``{language: stop words}`` that also knows, for each word, the languages it is a stop word of.

    Pass one to :func:`detect_language` in place of a plain mapping to count every
    language's hits in one pass over the sample; the answer is the same.
    """

    def __init__(self, stopwords: Mapping[str, frozenset[str]]):
        super().__init__(stopwords)
        self.codes = tuple(code for code, words in self.items() if words)  # in the mapping's order
        languages: dict[str, list[str]] = {}
        for code in self.codes:
            for word in self[code]:
                languages.setdefault(word, []).append(code)
        self.languages = {word: tuple(codes) for word, codes in languages.items()}
