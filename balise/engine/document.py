"""The parsed post that every analyzer reads: parsed once, shared by all."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from balise.engine.recognizers import ENTITY_THRESHOLDS
from balise.engine.roster import CHILD, PARENT, STAFF, Mention, RosterMatcher
from balise.engine.textutil import Token, fold, sentences, words
from balise.engine.types import Context, OrgProfile

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Placeholders that replace people and contact details before the model reads a text, so that
#: what it learns does not depend on one organization's roster.
MASKS = {
    CHILD: "xenfantx",
    PARENT: "xparentx",
    STAFF: "xcollegux",
    "PERSON": "xpersonnex",
    "ORG": "xcpex",
    "PHONE_NUMBER": "xtelx",
    "EMAIL_ADDRESS": "xcourrielx",
    "QC_ADDRESS": "xadressex",
    "CA_POSTAL_CODE": "xpostalx",
    "CA_SIN": "xnasx",
    "QC_RAMQ": "xramqx",
}


@dataclass(frozen=True)
class Entity:
    """Personal information found by Presidio (phone, e-mail, address…)."""

    type: str
    start: int
    end: int
    score: float
    recognizer: str


@dataclass
class Document:
    """A post's text with everything the analyzers need, computed once."""

    text: str
    context: Context
    profile: OrgProfile
    tokens: list[Token]
    mentions: list[Mention]
    entities: list[Entity]
    persons: list[tuple[int, int]]
    org_spans: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    scores: dict[str, float] = field(default_factory=dict)
    sentence_scores: list[dict[str, float]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def replacements(self) -> list[tuple[int, int, str]]:
        """Return non-overlapping (start, end, mask) for people, org names and contact details."""
        items = [(m.start, m.end, MASKS[m.kind]) for m in self.mentions]
        items += [(e.start, e.end, MASKS[e.type]) for e in self.entities if e.type in MASKS]
        items += [(s, e, MASKS["PERSON"]) for s, e in self.persons]
        items += [(s, e, MASKS["ORG"]) for s, e in self.org_spans]
        return _non_overlapping(items)

    def masked(self, start: int = 0, end: int | None = None) -> str:
        """Return the text between ``start`` and ``end`` with the model's placeholders."""
        end = len(self.text) if end is None else end
        out, pos = [], start
        for s, e, mask in self.replacements():
            if s < start or e > end:
                continue
            out.append(self.text[pos:s])
            out.append(mask)
            pos = e
        out.append(self.text[pos:end])
        return "".join(out)


def _non_overlapping(items: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, str]] = []
    for s, e, m in items:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, m))
    return out


def org_name_spans(text: str, profile: OrgProfile) -> list[tuple[int, int]]:
    """Return where the organization's names (and "CPE" + name) appear, accent-insensitive."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for pattern in _org_name_patterns(profile.names):
        for m in pattern.finditer(folded):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


@functools.lru_cache(maxsize=64)
def _org_name_patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of the organization's names, longest first (once per profile)."""
    return tuple(
        re.compile(
            r"(?<!\w)(?:cpe\s+)?"
            + r"[\s\-]+".join(re.escape(w) for w in fold(name).split())
            + r"(?!\w)"
        )
        for name in sorted(names, key=len, reverse=True)
    )


def build_document(
    text: str,
    context: Context,
    profile: OrgProfile,
    roster: RosterMatcher,
    doc: Doc | None,
    analyzer: Any,
) -> Document:
    """Return the Document of ``text``: roster mentions, Presidio entities, names, sentences."""
    toks = words(text)
    mentions = roster.mentions(text, toks)
    entities: list[Entity] = []
    persons: list[tuple[int, int]] = []
    if doc is not None and analyzer is not None and text.strip():
        from balise.engine import nlp

        results = analyzer.analyze(text, language=nlp.LANGUAGE, nlp_artifacts=nlp.artifacts(doc))
        for r in results:
            if r.entity_type == "PERSON":
                continue
            if r.score >= ENTITY_THRESHOLDS.get(r.entity_type, 1.1):
                rec = (r.recognition_metadata or {}).get("recognizer_name", "")
                entities.append(Entity(r.entity_type, r.start, r.end, float(r.score), rec))
        taken = [(m.start, m.end) for m in mentions]
        for ent in doc.ents:
            if ent.label_ in ("PER", "PERSON") and not _overlaps(
                ent.start_char, ent.end_char, taken
            ):
                persons.append((ent.start_char, ent.end_char))
    org_spans = org_name_spans(text, profile)
    persons = [p for p in persons if not _overlaps(p[0], p[1], org_spans)]
    return Document(
        text=text,
        context=context,
        profile=profile,
        tokens=toks,
        mentions=mentions,
        entities=sorted(entities, key=lambda e: e.start),
        persons=persons,
        org_spans=org_spans,
        sentences=list(sentences(text)),
    )


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)
