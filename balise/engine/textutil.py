"""Text helpers: accent-insensitive normalisation that keeps character offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?…]*", re.UNICODE)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
    # lower() may lengthen a letter (U+0130); keep one character to preserve offsets.
    return (base[0].lower() or ch)[:1]


class _FoldTable(dict):
    """``str.translate`` table filled on demand: each character folded once per process (only
    below U+3000, so that text full of rare characters cannot grow it without bound)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if code < 0x3000:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents (same length for common Latin letters)."""
    return text.translate(_FOLD_TABLE)


def clean(text: str) -> str:
    """Return ``text`` with lone surrogates and control characters (but newlines/tabs) blanked.

    The replacement keeps the length, so spans computed on the cleaned text are valid in the
    original text.
    """
    chars = []
    for ch in text:
        cp = ord(ch)
        if 0xD800 <= cp <= 0xDFFF or (cp < 32 and ch not in "\n\t\r") or 0x7F <= cp < 0xA0:
            chars.append(" ")
        else:
            chars.append(ch)
    return "".join(chars)


@dataclass(frozen=True)
class Token:
    """A word of the text with its offsets and its folded form."""

    start: int
    end: int
    text: str
    folded: str

    @property
    def capitalized(self) -> bool:
        """Return True when the word starts with a capital letter."""
        return self.text[:1].isupper()


def words(text: str) -> list[Token]:
    """Return the alphabetic words of ``text`` (hyphens and apostrophes split words)."""
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in WORD_RE.finditer(text)]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences of ``text``, without surrounding spaces."""
    for m in _SENTENCE_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Return True when ``a`` and ``b`` differ by at most one edit (incl. one transposition)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
