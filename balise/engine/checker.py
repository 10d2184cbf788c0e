"""The Checker: parse a post once, run every analyzer, merge their hits into a verdict."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from balise.engine.analyzers import ANALYZERS, Analyzer, Hit
from balise.engine.analyzers.personal import redact
from balise.engine.document import Document, build_document
from balise.engine.model import TextModel, load_model
from balise.engine.pack import Pack, load_pack
from balise.engine.roster import RosterMatcher
from balise.engine.textutil import clean
from balise.engine.types import (
    MAX_TEXT_CHARS,
    Finding,
    OrgProfile,
    Post,
    Result,
    Span,
    TextTooLong,
    verdict_of,
)

#: An attack is reported as harassment alone, not also as workplace criticism (rules.md).
SUPERSEDES = {"5.vi.harcelement": ("5.ii.critique-milieu",)}


class Checker:
    """Check posts against a policy pack for one organization."""

    def __init__(
        self,
        profile: OrgProfile,
        pack: Pack | None = None,
        *,
        model: TextModel | None | bool = True,
        use_nlp: bool = True,
        analyzers: Sequence[Analyzer] | None = None,
    ) -> None:
        self.profile = profile
        self.pack = pack or load_pack()
        self.model = load_model() if model is True else (model or None)
        self.use_nlp = use_nlp
        self.roster = RosterMatcher(profile)
        self.analyzers = (
            tuple(analyzers) if analyzers is not None else tuple(cls() for cls in ANALYZERS)
        )

    def check(self, post: Post) -> Result:
        """Return the result of one post."""
        return next(self.check_many([post], batch_size=1))

    def check_many(self, posts: Iterable[Post], batch_size: int = 64) -> Iterator[Result]:
        """Yield results for ``posts`` in order, parsing them in batches with ``nlp.pipe``."""
        batch: list[Post] = []
        for post in posts:
            _check_length(post.text)
            batch.append(post)
            if len(batch) >= batch_size:
                yield from self._check_batch(batch)
                batch = []
        if batch:
            yield from self._check_batch(batch)

    def document(self, post: Post) -> Document:
        """Return the parsed, scored Document of ``post`` (for debugging and training)."""
        return self._documents([post])[0]

    def _check_batch(self, posts: list[Post]) -> Iterator[Result]:
        for post, doc in zip(posts, self._documents(posts), strict=True):
            yield self._result(post, doc)

    def _documents(self, posts: list[Post]) -> list[Document]:
        texts = [clean(p.text) for p in posts]
        docs: list = [None] * len(texts)
        analyzer = None
        if self.use_nlp:
            from balise.engine import nlp

            analyzer = nlp.get_analyzer()
            docs = list(nlp.parse_many(texts, batch_size=max(1, len(texts))))
        built = [
            build_document(t, p.context, self.profile, self.roster, d, analyzer)
            for t, p, d in zip(texts, posts, docs, strict=True)
        ]
        self._score(built)
        return built

    def _score(self, documents: list[Document]) -> None:
        if not self.model:
            return
        # One call for posts and sentences: the feature pipeline has a fixed cost per call.
        texts = [d.masked() for d in documents]
        texts += [d.masked(s, e) for d in documents for s, e in d.sentences]
        scored = self.model.predict(texts)
        whole, per_sentence = scored[: len(documents)], iter(scored[len(documents) :])
        for d, scores in zip(documents, whole, strict=True):
            d.scores = scores
            d.sentence_scores = [next(per_sentence) for _ in d.sentences]
            d.extra["thresholds"] = self.model.thresholds

    def _result(self, post: Post, doc: Document) -> Result:
        hits = (
            [h for a in self.analyzers for h in a.analyze(doc)]
            if doc.text.strip() or doc.context.media
            else []
        )
        hits = _context_hits_only_if_empty(doc, hits)
        hits = _supersede(hits)
        findings = tuple(self._finding(post.text, h) for h in _merge(hits))
        return Result(post.id, verdict_of(findings), findings, redact(doc))

    def _finding(self, text: str, hit: Hit) -> Finding:
        rule = self.pack.rule(hit.rule)
        spans = tuple(Span.of(text, s, e) for s, e in merge_spans(hit.spans, len(text)))
        return Finding(
            rule.id,
            rule.article,
            rule.severity,
            rule.message,
            spans,
            rule.suggestion,
            hit.explanation,
            hit.media,
        )


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Return ``spans`` sorted, with overlapping or nested ones joined ("Léa" inside "Léa Gagnon")."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if not 0 <= s < e <= length:
            continue
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(
            f"Le texte compte {len(text):,} caractères; la limite est de {MAX_TEXT_CHARS:,}. "
            "Découpez-le avant de le vérifier.".replace(",", " ")
        )


def _context_hits_only_if_empty(doc: Document, hits: list[Hit]) -> list[Hit]:
    """Return ``hits``; an empty text keeps only the context rules (time, media)."""
    if doc.text.strip():
        return hits
    return [h for h in hits if h.rule in ("5.vii.temps", "5.ii.image", "5.v.marque")]


def _supersede(hits: list[Hit]) -> list[Hit]:
    rules = {h.rule for h in hits}
    dropped = {r for winner, losers in SUPERSEDES.items() if winner in rules for r in losers}
    return [h for h in hits if h.rule not in dropped]


def _merge(hits: list[Hit]) -> list[Hit]:
    """Return one hit per rule, joining spans, explanations and media evidence."""
    by_rule: dict[str, Hit] = {}
    for h in hits:
        if h.rule in by_rule:
            old = by_rule[h.rule]
            h = Hit(
                h.rule,
                old.spans + h.spans,
                f"{old.explanation} | {h.explanation}",
                old.media + h.media,
            )
        by_rule[h.rule] = h
    return list(by_rule.values())
