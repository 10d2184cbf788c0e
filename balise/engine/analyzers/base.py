"""What an analyzer is: a name, the rules it may report, and one method returning hits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import Pattern
from typing import Any, ClassVar

from balise.engine.document import Document

#: Below this many words a text says too little for the model to judge it.
MIN_WORDS_FOR_MODEL = 3
#: A weak pattern lowers the model's threshold, never below this probability.
MIN_WEAK_PROBABILITY = 0.2


@dataclass(frozen=True)
class Hit:
    """A rule that fired, before the pack turns it into a Finding."""

    rule: str
    spans: tuple[tuple[int, int], ...]
    explanation: str
    media: tuple[dict[str, Any], ...] = ()


def rx(*alternatives: str) -> Pattern[str]:
    """Return one case-insensitive regex matching any of ``alternatives`` as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


class Analyzer:
    """One concern of the code of conduct."""

    name: ClassVar[str] = ""
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, doc: Document) -> list[Hit]:  # pragma: no cover - interface
        """Return the hits this analyzer finds in ``doc``."""
        raise NotImplementedError


def sentence_of(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Return the sentence that holds ``start``..``end`` (the span itself when none)."""
    for s, e in doc.sentences:
        if s <= start < e:
            return s, max(e, end)
    return start, end


def best_sentence(doc: Document, rule: str) -> tuple[tuple[int, int], float] | None:
    """Return the sentence the model scores highest for ``rule``, with its score."""
    best = None
    for (s, e), scores in zip(doc.sentences, doc.sentence_scores, strict=False):
        p = scores.get(rule, 0.0)
        if best is None or p > best[1]:
            best = ((s, e), p)
    return best


class SemanticAnalyzer(Analyzer):
    """A rule decided by the trained model and by patterns.

    STRONG patterns are precise enough to fire alone; WEAK ones only lower the model's threshold
    (by WEAK_FACTOR) and point at the evidence.
    """

    rule: ClassVar[str] = ""
    STRONG: ClassVar[tuple[tuple[str, Pattern[str]], ...]] = ()
    WEAK: ClassVar[tuple[tuple[str, Pattern[str]], ...]] = ()
    WEAK_FACTOR: ClassVar[float] = 0.6
    #: When set, the model alone may fire only if one of these cues is in the text.
    CUES: ClassVar[Pattern[str] | None] = None
    #: The model's threshold is never taken under this (a floor against false alarms).
    MIN_THRESHOLD: ClassVar[float] = 0.0

    def applies(self, doc: Document) -> bool:
        """Return False when the context exempts the post from this rule."""
        return True

    def has_cue(self, doc: Document) -> bool:
        """Return True when the text holds one of the cues the model needs (or none are required)."""
        return self.CUES is None or bool(self.CUES.search(doc.text))

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:
        """Return (pattern name, start, end) of the strong patterns found (overridable)."""
        return list(_matches(self.STRONG, doc.text))

    def weak_hits(self, doc: Document) -> list[tuple[str, int, int]]:
        """Return (pattern name, start, end) of the weak patterns found (overridable)."""
        return list(_matches(self.WEAK, doc.text))

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        if not self.applies(doc):
            return []
        strong = self.strong_hits(doc)
        if strong:
            names = ", ".join(sorted({n for n, _, _ in strong}))
            return [Hit(self.rule, tuple((s, e) for _, s, e in strong), f"motif : {names}")]
        return self._model_hit(doc)

    def _model_hit(self, doc: Document) -> list[Hit]:
        if len(doc.tokens) < MIN_WORDS_FOR_MODEL or not self.has_cue(doc):
            return []
        threshold = doc.extra.get("thresholds", {}).get(self.rule)
        score = doc.scores.get(self.rule)
        if threshold is None or score is None:
            return []
        threshold = max(threshold, self.MIN_THRESHOLD)
        best = best_sentence(doc, self.rule)
        weak = self.weak_hits(doc)
        limit = max(threshold * self.WEAK_FACTOR, MIN_WEAK_PROBABILITY) if weak else threshold
        if score < limit:
            return []
        why = f"modèle : probabilité {score:.2f} (seuil {limit:.2f})"
        if weak:
            names = ", ".join(sorted({n for n, _, _ in weak}))
            return [Hit(self.rule, tuple((s, e) for _, s, e in weak), f"{why}; motif : {names}")]
        spans = (best[0],) if best else ()
        if best:
            why += f"; phrase la plus probable : {best[1]:.2f}"
        return [Hit(self.rule, spans, why)]


def _matches(
    patterns: Iterable[tuple[str, Pattern[str]]], text: str
) -> Iterable[tuple[str, int, int]]:
    for name, pattern in patterns:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                yield name, m.start(), m.end()
