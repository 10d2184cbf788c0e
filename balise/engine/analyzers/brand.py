"""The CPE's logo and trademark (5 v) and pages created in its name (5 v)."""

from __future__ import annotations

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.analyzers.context import media_evidence
from balise.engine.document import Document
from balise.engine.textutil import fold

_CREATE = r"(?:créé|créée|crée|créer|ouvert|ouvre|ouvrir|lancé|lance|lancer|parti|partir|fondé|démarré|démarre|fait|monté|start(?:ed)?|made)"
_PLACE = (
    r"(?:page|groupe|compte|chaîne|canal|événement|évènement|forum|discord|instagram|tiktok|messenger|"
    r"infolettre|site|blogue|blog|group|account)"
)


_BRAND_CUES = rx(
    r"logos?",
    r"marques?",
    r"trademark",
    r"brand\w*",
    r"cpe",
    r"t-shirts?",
    r"chandails?",
    r"tasses?",
    r"autocollants?",
    r"stickers?",
    r"vends?",
    r"vente",
    r"boutique",
    r"etsy",
    r"commandes?",
    r"affiche\w*",
    r"imprim\w*",
    r"brod\w*",
    r"entreprise",
    r"business",
    r"services?",
    r"\$",
)


class TrademarkAnalyzer(SemanticAnalyzer):
    """The logo or the CPE's name used without authorization (also from the media analysis)."""

    name = "marque"
    rule = "5.v.marque"
    rules = (rule,)
    WEAK = (("logo", rx(r"logos?", r"marque de commerce", r"marque", r"trademark", r"brand")),)

    def has_cue(self, doc: Document) -> bool:  # noqa: D102
        return bool(doc.org_spans) or bool(_BRAND_CUES.search(doc.text))

    def applies(self, doc: Document) -> bool:  # noqa: D102
        return not (doc.context.official_mandated or "logo" in doc.context.authorizations)

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        if not self.applies(doc):
            return []
        hits = super().analyze(doc)
        logos = [m for m in doc.context.media if m.get("logo")]
        if logos and not hits:
            media = tuple(_logo_evidence(m) for m in logos)
            hits = [
                Hit(
                    self.rule,
                    (),
                    "analyse des médias : logo du CPE détecté",
                    tuple(x for group in media for x in group),
                )
            ]
        return hits


def _logo_evidence(item: dict) -> tuple[dict, ...]:
    name = item.get("name") or ""
    return media_evidence(item.get("logo_boxes"), name) or ({"file": name},)


class PageAnalyzer(SemanticAnalyzer):
    """A page, group, account or event named after the CPE without the director general's consent."""

    name = "page"
    rule = "5.v.page"
    rules = (rule,)
    STRONG = (
        (
            "création de page",
            rx(
                _CREATE
                + r"\s+(?:une|un|la|le|notre|ma|mon|the|a)\s+(?:nouvelle?\s+|petite?\s+|new\s+)?"
                + _PLACE
            ),
        ),
    )
    WEAK = (("page", rx(_PLACE + r"s?")),)
    CUES = rx(
        _PLACE + r"s?",
        r"pages?",
        r"groupes?",
        r"comptes?",
        r"chaînes?",
        r"events?",
        r"hashtags?",
        r"#\w+",
        r"abonnez-vous",
        r"rejoignez",
        r"joignez",
        r"membres?",
        r"admin\w*",
        r"facebook",
        r"fb",
        r"insta",
        r"youtube",
        r"linkedin",
    )

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        if not (doc.org_spans or "cpe" in fold(doc.text)):
            return []
        return super().strong_hits(doc)

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        if _page_authorized(doc):
            return []
        return super().analyze(doc)


def _page_authorized(doc: Document) -> bool:
    folded = fold(doc.text)
    for grant in doc.context.authorizations:
        if grant in ("page", "page:*"):
            return True
        if (
            grant.startswith("page:")
            and fold(grant[5:].strip())
            and fold(grant[5:].strip()) in folded
        ):
            return True
    return False
