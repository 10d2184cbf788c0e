"""Speaking for the CPE without a mandate (5 iv) and false identity or usurped function (5 iii)."""

from __future__ import annotations

import re

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.document import Document
from balise.engine.textutil import fold

ROLE_WORDS = (
    "directrice générale",
    "directeur général",
    "directrice adjointe",
    "directeur adjoint",
    "directrice",
    "directeur",
    "coordonnatrice",
    "coordonnateur",
    "présidente",
    "président",
    "gestionnaire",
    "propriétaire",
    "porte-parole",
    "conseillère pédagogique",
    "conseiller pédagogique",
    "responsable",
    "fondatrice",
    "fondateur",
    "adjointe administrative",
    "éducatrice spécialisée",
)
_ROLE_RX = "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True))
ROLE_CLAIM = re.compile(
    r"(?<!\w)(?:en tant que|comme|moi,? la|moi,? le|je suis|j'suis|chu|c'est moi)\s+(?:la |le |l'|votre |ta |une |un )?"
    r"(?P<role>" + _ROLE_RX + r")(?!\w)",
    re.IGNORECASE,
)


class SpokespersonAnalyzer(SemanticAnalyzer):
    """Positions taken, criticism answered or questions about the CPE answered in its name."""

    name = "porte-parole"
    rule = "5.iv.porte-parole"
    rules = (rule,)
    STRONG = (
        (
            "au nom du CPE",
            rx(
                r"au nom (?:du cpe|de notre cpe|de la direction|de toute l'équipe|de l'équipe du cpe|"
                r"de l'organisation|de la garderie)"
            ),
        ),
        (
            "position officielle",
            rx(
                r"(?:la |notre )?position (?:officielle )?du cpe",
                r"le cpe tient à (?:préciser|rassurer|dire)",
                r"officiellement,? le cpe",
            ),
        ),
    )
    WEAK = (
        (
            "réponse publique",
            rx(
                r"je (?:tiens à|veux) (?:préciser|rectifier|rassurer|clarifier)",
                r"c'est faux",
                r"pour (?:répondre|info)",
                r"je (?:vous )?(?:confirme|assure|garantis?)",
                r"nous (?:n'avons|avons|allons|sommes)",
                r"notre cpe",
                r"chez nous au",
                r"on a (?:toujours|jamais)",
            ),
        ),
    )

    def applies(self, doc: Document) -> bool:  # noqa: D102
        return not doc.context.is_mandated


class IdentityAnalyzer(SemanticAnalyzer):
    """False identities, impersonation, or a function in the CPE the author does not hold."""

    name = "identite"
    rule = "5.iii.identite"
    rules = (rule,)
    STRONG = (
        (
            "fausse identité",
            rx(
                r"(?:un|mon|des|mes|ce|un autre)\s+(?:faux|fake)\s+(?:compte|profil|nom)s?",
                r"me (?:suis )?(?:fait|faire|fais) passer pour",
                r"sous un (?:faux|autre) nom",
                r"compte (?:bidon|anonyme|fictif)",
                r"profil (?:bidon|anonyme|fictif)",
                r"fake account",
                r"pretend(?:ing)? to be",
            ),
        ),
    )

    CUES = rx(
        _ROLE_RX,
        r"faux",
        r"fake",
        r"anonymes?",
        r"pseudo\w*",
        r"comptes?",
        r"profils?",
        r"identités?",
        r"passer pour",
        r"usurp\w*",
        r"prétend\w*",
        r"se présente",
        r"me présente",
        r"titre",
        r"poste de",
        r"coordo\w*",
        r"gestion",
        r"patronne",
        r"boss",
        r"cheffe?",
        r"signé",
        r"signature",
    )

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        hits = super().strong_hits(doc)
        actual = fold(doc.context.author_role or "")
        if not actual:
            return hits
        for m in ROLE_CLAIM.finditer(doc.text):
            claimed = fold(m.group("role"))
            if not _same_role(claimed, actual):
                hits.append(
                    (
                        f"fonction revendiquée « {m.group('role')} » ≠ « {doc.context.author_role} »",
                        m.start(),
                        m.end(),
                    )
                )
        return hits

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        hits = super().analyze(doc)
        if hits and not hits[0].explanation.startswith("motif") and _claims_own_role(doc):
            return []
        return hits


def _same_role(claimed: str, actual: str) -> bool:
    claimed = claimed.replace("directeur", "directrice").replace("conseiller ", "conseillere ")
    actual = actual.replace("directeur", "directrice").replace("conseiller ", "conseillere ")
    return claimed in actual or actual in claimed


def _claims_own_role(doc: Document) -> bool:
    actual = fold(doc.context.author_role or "")
    return bool(actual) and any(
        _same_role(fold(m.group("role")), actual) for m in ROLE_CLAIM.finditer(doc.text)
    )
