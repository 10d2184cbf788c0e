"""Finding the organization's people in a text.

Names are compared folded (no case, no accents, hyphens split words) and tolerate one typo in
words of five letters or more. A full name always identifies its person. A first name alone
identifies a child only when the post speaks of children, and an adult only when it speaks of
colleagues or parents: "Rose" or "Florence" are also ordinary words and places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

from balise.engine.textutil import Token, edit_distance_at_most_one, fold, words
from balise.engine.types import OrgProfile

CHILD, PARENT, STAFF = "child", "parent", "staff"

CHILD_CONTEXT = re.compile(
    r"\b(?:enfants?|petite?s?|p'?tite?s?|tout-petits?|bébés?|poupons?|bambins?|cocottes?|coco|"
    r"puce|amis?|amies?|groupe|garderie|sieste|dodo|couches?|mordu|mord|mordre|pleur\w*|"
    r"\d+\s*ans|garçon|fillette|maman|papa|mère|père|parents?|children|child|kid|kids|toddler)\b",
    re.IGNORECASE,
)
ADULT_CONTEXT = re.compile(
    r"\b(?:coll[eè]gues?|coll|éduc\w*|educ\w*|cuisini[eè]re?|adjointe?|directrice|directeur|"
    r"direction|conseill[eè]re?|consultante?|stagiaire|équipe|job|travail|shift|quart|"
    r"mme|madame|monsieur|m\.|maman|papa|mère|père|parents?|coworker|colleague)\b",
    re.IGNORECASE,
)
OWN_FAMILY = re.compile(
    r"\b(?:mon|ma|mes|notre|nos|my)\s+(?:propre\s+)?(?:fils|filles?|gar[çc]ons?|chum|blonde|mari|conjointe?|"
    r"neveux?|nièces?|frères?|s[oœ]eurs?|cousins?|cousines?|filleule?s?|petits?-fils|petites?-filles?|"
    r"cadete?|aîn[ée]e?|bébé|beau-fils|belle-fille|son|daughter|husband|wife)\W+(?:\w+\W+){0,2}$"
    r"|\b(?:comme|en tant que|je suis (?:la|le)|(?:i'm|i am) (?:the)|as (?:the|a)?)\s*"
    r"(?:maman|mère|papa|père|parent|mom|mother|dad|father)\s+(?:de|d'|of|to)\s*$",
    re.IGNORECASE,
)
TITLES = {
    "mme",
    "madame",
    "monsieur",
    "m",
    "mr",
    "mrs",
    "ms",
    "famille",
    "les",
    "chez",
    "dr",
    "docteur",
}
#: Function words are never a typo of a name ("Elle" is not the child "Ellie").
FUNCTION_WORDS = frozenset(fold(w) for w in FR_STOP_WORDS | EN_STOP_WORDS)
#: First names that are also common words; alone they need a stronger hint.
COMMON_WORD_NAMES = {
    "rose",
    "jade",
    "florence",
    "claire",
    "pierre",
    "marine",
    "aurore",
    "prune",
    "olive",
    "ambre",
    "capucine",
    "victoire",
    "alice",
    "mia",
    "lou",
    "rosalie",
}


@dataclass(frozen=True)
class Person:
    """Someone on the roster: their name split into folded first-name and last-name words."""

    name: str
    kind: str
    role: str
    first: tuple[str, ...]
    last: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A place in the text naming a roster person (``form`` is full, first or last)."""

    start: int
    end: int
    text: str
    person: Person
    form: str

    @property
    def kind(self) -> str:
        """Return child, parent or staff."""
        return self.person.kind


def _person(name: str, kind: str, role: str = "") -> Person | None:
    parts = name.split()
    if not parts:
        return None
    first = tuple(t.folded for t in words(" ".join(parts[:-1]))) if len(parts) > 1 else ()
    last = tuple(t.folded for t in words(parts[-1]))
    if not first:
        first, last = last, ()
    return Person(name=name, kind=kind, role=role, first=first, last=last)


def _close(token: Token, name_word: str, allow_typo: bool) -> bool:
    if token.folded == name_word:
        return True
    return (
        allow_typo
        and len(name_word) >= 5
        and len(token.folded) >= 4
        and edit_distance_at_most_one(token.folded, name_word)
    )


class RosterMatcher:
    """Find the roster's people in texts; build once per OrgProfile."""

    def __init__(self, profile: OrgProfile) -> None:
        people: list[Person] = []
        people += [p for n in profile.children if (p := _person(n, CHILD))]
        people += [p for n in profile.parents if (p := _person(n, PARENT))]
        people += [p for n, role in profile.staff if (p := _person(n, STAFF, role))]
        if profile.director_general and not any(p.name == profile.director_general for p in people):
            p = _person(profile.director_general, STAFF, "directrice générale")
            if p:
                people.append(p)
        self.people = tuple(people)
        # The CPE's town and the words of its names are never a typo of a person's name
        # ("Joliette" is not the child "Juliette").
        self._places = frozenset(
            t.folded for phrase in (profile.city, *profile.names) for t in words(phrase)
        )
        self._by_initial: dict[str, list[Person]] = {}
        for p in self.people:
            for w in {p.first[0], *(p.last[:1])}:
                self._by_initial.setdefault(w[:1], []).append(p)

    def _seq_at(self, toks: list[Token], i: int, seq: tuple[str, ...], text: str) -> int:
        """Return how many tokens from ``i`` spell ``seq`` (0 when they do not)."""
        if i + len(seq) > len(toks):
            return 0
        for k, name_word in enumerate(seq):
            tok = toks[i + k]
            if k and not re.fullmatch(r"[\s\-‐–]{1,2}", text[toks[i + k - 1].end : tok.start]):
                return 0
            if not _close(
                tok,
                name_word,
                allow_typo=tok.capitalized
                and tok.folded not in self._places
                and tok.folded not in FUNCTION_WORDS,
            ):
                return 0
        return len(seq)

    def raw_mentions(self, text: str, toks: list[Token] | None = None) -> list[Mention]:
        """Return every full, first-name or titled last-name match, longest first at each place."""
        toks = words(text) if toks is None else toks
        found: list[Mention] = []
        i = 0
        while i < len(toks):
            best: Mention | None = None
            for p in self._by_initial.get(toks[i].folded[:1], ()):
                best = self._best_at(text, toks, i, p, best)
            if best:
                found.append(best)
                i = next(
                    k
                    for k in range(i, len(toks) + 1)
                    if k == len(toks) or toks[k].start >= best.end
                )
            else:
                i += 1
        return found

    def _best_at(
        self, text: str, toks: list[Token], i: int, p: Person, best: Mention | None
    ) -> Mention | None:
        n_first = self._seq_at(toks, i, p.first, text)
        candidates: list[tuple[int, str]] = []
        if n_first:
            n_last = self._seq_at(toks, i + n_first, p.last, text) if p.last else 0
            candidates.append((n_first + n_last, "full" if n_last and p.last else "first"))
        if p.last and i > 0 and toks[i - 1].folded in TITLES:
            n_last = self._seq_at(toks, i, p.last, text)
            if n_last:
                candidates.append((n_last, "last"))
        for n, form in candidates:
            end = toks[i + n - 1].end
            rank = (form == "full", end)
            if best is None or rank > (best.form == "full", best.end):
                best = Mention(toks[i].start, end, text[toks[i].start : end], p, form)
        return best

    def mentions(self, text: str, toks: list[Token] | None = None) -> list[Mention]:
        """Return the mentions that identify someone, resolving first names by context."""
        child_ctx = bool(CHILD_CONTEXT.search(text))
        adult_ctx = bool(ADULT_CONTEXT.search(text))
        out = []
        for m in self.raw_mentions(text, toks):
            resolved = self._resolve(m, text, child_ctx, adult_ctx)
            if resolved:
                out.append(resolved)
        return out

    def _resolve(self, m: Mention, text: str, child_ctx: bool, adult_ctx: bool) -> Mention | None:
        if m.form == "full":
            return m
        if m.form == "last":
            return self._family(m)
        if not m.text[:1].isupper() or OWN_FAMILY.search(text[max(0, m.start - 30) : m.start]):
            return None
        folded = fold(m.text)
        sharing = [
            p for p in self.people if " ".join(p.first) == " ".join(w.folded for w in words(folded))
        ]
        kinds = {p.kind for p in sharing} or {m.kind}
        common = folded in COMMON_WORD_NAMES
        plain_child = kinds == {CHILD} and not common
        if CHILD in kinds and (
            plain_child or (child_ctx and (not common or _near_child_word(text, m)))
        ):
            person = next((p for p in sharing if p.kind == CHILD), m.person)
            return Mention(m.start, m.end, m.text, person, "first")
        if kinds & {STAFF, PARENT} and adult_ctx and folded not in COMMON_WORD_NAMES:
            person = next((p for p in sharing if p.kind in (STAFF, PARENT)), m.person)
            return Mention(m.start, m.end, m.text, person, "first")
        return None

    def _family(self, m: Mention) -> Mention:
        """Return a titled last-name mention as an adult (the child's family when needed)."""
        if m.kind != CHILD:
            return m
        adults = [p for p in self.people if p.kind != CHILD and p.last == m.person.last]
        person = adults[0] if adults else Person(m.person.name, PARENT, "", (), m.person.last)
        return Mention(m.start, m.end, m.text, person, "last")


def _near_child_word(text: str, m: Mention) -> bool:
    window = text[max(0, m.start - 25) : m.end + 25]
    return bool(CHILD_CONTEXT.search(window))


def kinds_of(mentions: Iterable[Mention]) -> set[str]:
    """Return the kinds of people mentioned."""
    return {m.kind for m in mentions}
