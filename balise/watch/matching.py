"""Finding the CPE's watched terms in a text, whatever the case, accents, hyphens or spacing.

"CPE 1er Pas", "cpe premier-pas" and "#CPEPremierPas" all match the term "CPE Premier Pas", and
the match says which term it was. A person of the staff roster named in the same neighbourhood
as a term is reported too: those are the posts article 6 is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Ordinals written with digits, read as words (after accents are removed).
ORDINALS = {
    "1er": "premier",
    "1re": "premiere",
    "1ere": "premiere",
    "1ier": "premier",
    "1iere": "premiere",
    "2e": "deuxieme",
    "2eme": "deuxieme",
    "3e": "troisieme",
    "3eme": "troisieme",
}
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_ORDINAL = re.compile(r"\b(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b")
#: A roster name counts when it is within this many characters of a term.
ROSTER_WINDOW = 300
#: Multi-word terms also match written together ("#CPEPremierPas") from this length on.
COMPACT_MIN = 8


def normalize(text: str) -> str:
    """Returns lowercase words without accents, hyphens or punctuation, one space apart."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    # NFKD splits "é" into "e" + accent; the ASCII encoding then drops the accents (in C, fast).
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _SEPARATORS.sub(" ", text).strip()
    return _ORDINAL.sub(lambda m: ORDINALS[m.group(1)], text)


@dataclass(frozen=True)
class Match:
    term: str  # the watched term as the direction wrote it
    roster_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Term:
    label: str
    spaced: str  # " cpe premier pas "
    compact: str  # "cpepremierpas", or "" when too short to match glued


class Matcher:
    """Matches texts against a CPE's terms and its staff roster; build once per cycle."""

    def __init__(self, terms: Iterable[str], roster: Iterable[str] = ()) -> None:
        self.terms = [t for t in (_term(label) for label in terms) if t.spaced.strip()]
        self.roster = [
            (name, f" {normalize(name)} ") for name in roster if len(normalize(name)) > 3
        ]

    def match(self, text: str) -> Match | None:
        """Returns the first term found in `text` (longest terms first), or None."""
        spaced = f" {normalize(text)} "
        compact = spaced.replace(" ", "")
        for term in sorted(self.terms, key=lambda t: -len(t.spaced)):
            at = spaced.find(term.spaced)
            if at < 0 and term.compact and term.compact in compact:
                at = _glued_position(spaced, term.compact)
            if at >= 0:
                return Match(term.label, self._roster_near(spaced, at, len(term.spaced)))
        return None

    def _roster_near(self, spaced: str, at: int, length: int) -> tuple[str, ...]:
        start, end = max(0, at - ROSTER_WINDOW), at + length + ROSTER_WINDOW
        window = spaced[start:end]
        return tuple(name for name, norm in self.roster if norm in window)


def _term(label: str) -> _Term:
    norm = normalize(label)
    compact = (
        norm.replace(" ", "") if " " in norm and len(norm.replace(" ", "")) >= COMPACT_MIN else ""
    )
    return _Term(label.strip(), f" {norm} ", compact)


def _glued_position(spaced: str, compact: str) -> int:
    """Returns where a term written without spaces starts, on word boundaries, or -1.

    "#CPEPremierPas" and "C.P.E. Premier Pas" match "CPE Premier Pas"; "cpe premier passage"
    does not, because the match would end inside a word.
    """
    squeezed, starts, ends, where = [], set(), set(), []
    for token_at, token in _tokens(spaced):
        starts.add(len(squeezed))
        for offset, char in enumerate(token):
            squeezed.append(char)
            where.append(token_at + offset)
        ends.add(len(squeezed))
    text = "".join(squeezed)
    found = text.find(compact)
    while found >= 0:
        if found in starts and found + len(compact) in ends:
            return where[found]
        found = text.find(compact, found + 1)
    return -1


def _tokens(spaced: str):
    at = 0
    for token in spaced.split(" "):
        if token:
            yield at, token
        at += len(token) + 1
