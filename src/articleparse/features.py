"""Stage 2: cheap facts about each unit, computed lazily and at most once.

Rules read these instead of re-scanning the text, so that twenty rules asking
"how many words?" cost one regex pass::

    >>> f = Features(0, "By Jane Doe, Staff Reporter", frozenset({"by"}))
    >>> f.n_words, f.ends_sentence, f.stop_ratio
    (5, False, 0.2)
"""

from __future__ import annotations

import re

import regex

__all__ = ["Features", "phrase_key"]


class cached_property:  # noqa: N801 - reads like the functools decorator it replaces
    """A lazily computed attribute, stored on the instance on first use.

    Like :class:`functools.cached_property` but without its lock, which costs more
    than the features themselves; Features are never shared between threads.
    """

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value

_WORD = regex.compile(r"\w+")
# the same words in ASCII text, where the standard library's engine finds them faster
_ASCII_WORD = re.compile(r"\w+", re.ASCII)
# a whole ASCII token of four or more characters, as ``tokens`` cuts them
_LONG_ASCII_WORD = re.compile(r"(?<!\w)\w{4,}", re.ASCII)
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# blocks that hold every character of _CJK (and a few more): a line without any of them has none
# (the standard library's engine tests a class of ranges faster than a max() over the line)
_CJK_BLOCKS = re.compile("[\u0e01-\u0e5b\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
                         "\uff66-\uffdc\U00016fe0-\U00016fff\U0001aff0-\U0001b16f\U0001f200\U00020000-\U0003347f]")
# sentence-final punctuation, looking through closing quotes and brackets
_SENTENCE_END = regex.compile(r"[.!?。！？…][\"'”’»)\]）」』]*$|[.!?。！？…]\s*\(\p{Lu}{2,}\)$")
_BULLET = regex.compile(r"^(?:[*+•·▪◦‣○●■□–—-]|\d{1,3}[.)])\s")
_LINK_MARKER = regex.compile(r"\[\d+\]|\]\(|\(https?://|https?://\S+|www\.\S+")
# a separator with a space on one side at least, or a breadcrumb's arrow glued between two words, as a browser
# copy prints a trail whose separators are inline elements ("Business News›Tech›Hardware")
_SEPARATOR = regex.compile(r"\s[|»›·/•]\s|\s[|»›·]\S|\S[|»›·]\s|(?<=\p{L})[›»](?=\p{L})")
_PHRASE_STRIP = regex.compile(r"[\W_]+")
# what phrase_key removes from ASCII text: everything but ASCII letters and digits
_ASCII_STRIP = {c: None for c in range(128) if not chr(c).isalnum()}
# the same as bytes.translate takes it (one pass in C: delete these, lower-case the rest)
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))
# the first characters a _BULLET match can have besides a digit
_BULLET_MARKS = frozenset("*+•·▪◦‣○●■□–—-")
# _SENTENCE_END's parts: the final marks, and the closing quotes and brackets after them
_FINAL_MARKS = ".!?。！？…"
_CLOSERS = "\"'”’»)]）」』"
# every _SEPARATOR match holds one of these; every _LINK_MARKER match one of "]", "http", "www."
_SEPARATOR_CHARS = "|»›·/•"


def phrase_key(text: str) -> str:
    """The form under which whole-line phrases are compared: case-folded, letters and digits only.

    Spaces go too, so glued renderings (``Go toTop``) meet their phrase (``go to top``).
    """
    if text.isascii():
        # the same result, cheaper: ASCII case-folds as it lower-cases, and its word characters are [A-Za-z0-9_]
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_ALNUM).decode("ascii")
    return _PHRASE_STRIP.sub("", text.casefold())


class Features:
    """Facts about one unit's text. Every attribute is computed on first use."""

    __slots__ = ("index", "text", "_stopwords", "__dict__")

    def __init__(self, index: int, text: str, stopwords: frozenset[str]):
        self.index = index
        self.text = text
        self._stopwords = stopwords

    @cached_property
    def n_chars(self) -> int:
        return len(self.text)

    @cached_property
    def tokens(self) -> list[str]:
        text = self.text
        return _ASCII_WORD.findall(text) if text.isascii() else _WORD.findall(text)

    @cached_property
    def content_words(self) -> frozenset[str]:
        """Words of four or more characters, lower-cased, without stop words: what the line is about."""
        text = self.text
        if text.isascii():
            # lower-casing ASCII changes no token's length or boundaries: tokenise the lowered text at once
            words = _LONG_ASCII_WORD.findall(text.lower())
        else:
            words = [t.lower() for t in self.tokens if len(t) >= 4]
        return frozenset(words).difference(self._stopwords)

    @cached_property
    def n_cjk(self) -> int:
        text = self.text
        return 0 if text.isascii() or _CJK_BLOCKS.search(text) is None else len(_CJK.findall(text))

    @cached_property
    def cjk_function_share(self) -> float:
        """Share of the CJK characters that are one-character stop words of the page's language.

        Chinese and Japanese prose is dense in function characters (的, 了, 是, 在; の, は, が);
        a title or a menu item is mostly content words. 0 on a line without CJK characters.
        """
        n = self.n_cjk
        if not n:
            return 0.0
        sw = self._stopwords
        # only characters of the CJK blocks count: a Latin one-letter stop word is no function character here
        return sum(1 for c in self.text if c >= "\u2e80" and c in sw) / n

    @cached_property
    def n_words(self) -> int:
        """Words; in scripts without spaces, about one word per two characters."""
        if self.n_cjk:
            latin = sum(1 for t in self.tokens if not _CJK.match(t))
            return latin + (self.n_cjk + 1) // 2
        return len(self.tokens)

    @cached_property
    def stop_ratio(self) -> float:
        """Share of words that are stop words of the page's language (0 when none are known)."""
        toks = self.tokens
        if not toks or not self._stopwords:
            return 0.0
        sw = self._stopwords
        return sum(map(sw.__contains__, map(str.lower, toks))) / len(toks)

    @cached_property
    def ends_sentence(self) -> bool:
        text = self.text
        if text.endswith((")", "\n")):
            # a credit such as "(ANI)" (or a final line break, before which "$" also matches)
            return bool(_SENTENCE_END.search(text))
        # otherwise _SENTENCE_END's first branch alone can match: a final mark, then only closers
        text = text.rstrip(_CLOSERS)
        return bool(text) and text[-1] in _FINAL_MARKS

    @cached_property
    def ends_colon(self) -> bool:
        return self.text.endswith((":", "："))

    @cached_property
    def cap_ratio(self) -> float:
        """Share of alphabetic words that start with a capital letter."""
        words = [t for t in self.tokens if t[0].isalpha() and len(t) > 1]
        if not words:
            return 0.0
        return sum(1 for t in words if t[0].isupper()) / len(words)

    @cached_property
    def upper_ratio(self) -> float:
        letters = [c for c in self.text if c.isalpha()]
        if not letters:
            return 0.0
        return sum(1 for c in letters if c.isupper()) / len(letters)

    @cached_property
    def digit_ratio(self) -> float:
        text = self.text
        if not text:
            return 0.0
        if text.isascii():
            # in ASCII only 0-9 are digits: count them by deleting them (in C)
            return (len(text) - len(text.encode("ascii").translate(None, b"0123456789"))) / len(text)
        return sum(map(str.isdigit, text)) / len(text)

    @cached_property
    def n_commas(self) -> int:
        return self.text.count(",") + self.text.count("，") + self.text.count("、")

    @cached_property
    def is_bullet(self) -> bool:
        # a line that starts with an ASCII character other than a mark or a digit is none (cheap: most lines)
        first = self.text[:1]
        if first < "\x80" and not ("0" <= first <= "9" or first in _BULLET_MARKS):
            return False
        return bool(_BULLET.match(self.text))

    @cached_property
    def n_links(self) -> int:
        text = self.text
        if "]" not in text and "http" not in text and "www." not in text:
            return 0
        return len(_LINK_MARKER.findall(text))

    @cached_property
    def n_separators(self) -> int:
        text = self.text
        if text.isascii():
            if "|" not in text and "/" not in text:
                return 0
        elif not any(c in text for c in _SEPARATOR_CHARS):
            return 0
        return len(_SEPARATOR.findall(text))

    @cached_property
    def key(self) -> str:
        """The text as :func:`phrase_key` folds it."""
        return phrase_key(self.text)

    @cached_property
    def last_word(self) -> str:
        toks = self.tokens
        return toks[-1].lower() if toks else ""

    @cached_property
    def stops_mid_sentence(self) -> bool:
        """Cut off: ends in a comma, a stop word or an ellipsis-less fragment of a sentence."""
        if self.ends_sentence:
            return False
        t = self.text.rstrip()
        if t.endswith((",", "，", "、", ";")):
            return True
        return self.last_word in self._stopwords

    @cached_property
    def opens_with_stopword(self) -> bool:
        """The first word is a stop word of the page's language ("The …", "Ich …", "When …"; session 10)."""
        toks = self.tokens
        return bool(toks) and toks[0].lower() in self._stopwords
