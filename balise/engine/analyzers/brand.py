"""The CPE's logo and trademark (5 v) and pages created in its name (5 v)."""

from __future__ import annotations

import functools
import re

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.analyzers.context import media_evidence
from balise.engine.document import Document
from balise.engine.textutil import fold

_CREATE = (
    r"(?:créé|créée|crée|créer|cree|creer|ouvert|ouvre|ouvrir|lancé|lance|lancer|parti|partir|fondé|"
    r"démarré|démarre|démarrer|fait|faire|monté|monter|starté|starter|mis en ligne|mettre en ligne|"
    r"inauguré|start(?:ed)?|made|set up)"
)
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


_LOGO_WORDS = rx(r"logos?", r"marques? de commerce", r"trademark", r"brand\w*")
#: The employer's logo without its name: "notre logo", "le logo de la job".
_OUR_LOGO = rx(
    r"notre logo",
    r"(?:le|son) logo (?:de la job|de ma job|du travail|de la garderie|de mon cpe|du cpe)",
    r"our logo",
    r"(?:the|my) (?:daycare|work)'?s logo",
)
#: A commercial or personal use of the CPE's name or mark: selling, a business, goods bearing it,
#: one's own daycare, a profile or a card (rules.md, "Pages and the trademark").
_VENTURE = rx(
    r"vend\w*",
    r"ventes?",
    r"achet\w*",
    r"commande[rsz]?",
    r"boutique",
    r"etsy",
    r"marketplace",
    r"kijiji",
    r"mon (?:entreprise|commerce|service|portfolio|portefeuille|projet|blogue|site)",
    r"ma (?:compagnie|business|boutique|garderie|chaîne|marque|page pro)",
    r"mes (?:services|produits|créations|clients)",
    r"clients?",
    r"clientèle",
    r"portfolio",
    r"promo\w*",
    r"publicité",
    r"commandit\w*",
    r"sponsor\w*",
    r"rabais",
    r"t-?shirts?",
    r"chandails?",
    r"hoodies?",
    r"kangourous?",
    r"tasses?",
    r"sacs?",
    r"autocollants?",
    r"stickers?",
    r"macarons?",
    r"casquettes?",
    r"tuques?",
    r"bouteilles?",
    r"imprim\w*",
    r"brod\w*",
    r"sérigraph\w*",
    r"design\w*",
    r"graphis\w*",
    r"gâteaux?",
    r"tatou\w*",
    r"tattoo\w*",
    r"photo de profil",
    r"profile (?:picture|pic|photo)",
    r"fond d'écran",
    r"wallpaper",
    r"cartes? d'affaires?",
    r"business cards?",
    r"cv",
    r"curriculum",
    r"milieu familial",
    r"garderie (?:privée|maison|à la maison)",
    r"home daycare",
    r"my (?:business|company|shop|own daycare|brand)",
    r"for sale",
    r"sell\w*",
    r"merch\w*",
    r"utilis\w* (?:le|son|leur) nom",
    r"sous (?:le nom|la bannière)",
    r"(?:le|son|leur) nom",
    r"\d+(?:[,.]\d\d)?\s?(?:\$|€)",
    r"\$\s?\d+",
    r"gardiennage",
    r"babysitting",
    r"camps? de jour",
    r"cours",
    r"ateliers?",
    r"formations?",
    r"inscriptions? ouvertes?",
    r"contactez-(?:moi|nous)",
    r"écrivez-(?:moi|nous)",
    r"appelez(?:-(?:moi|nous))?",
    r"réserv\w*",
    r"book\w*",
    r"soumissions?",
    r"quotes?",
    r"contrats?",
    r"partenaires?",
    r"fournisseurs?",
    r"(?:recommandée?s?|approuvée?s?|choisie?s?) par",
    r"je lance",
    r"lancement",
    r"ma (?:nouvelle |petite )?(?:entreprise|compagnie|marque|clinique|ligne|collection)",
    r"mascotte",
    r"précommandes?",
    r"prévente",
    r"gofundme",
    r"side hustle",
    r"payante?s?",
    r"épinglettes?",
    r"doudous?",
    r"onesies?",
    r"cartes? de noël",
)


class TrademarkAnalyzer(SemanticAnalyzer):
    """The logo or the CPE's name used without authorization (also from the media analysis)."""

    name = "marque"
    rule = "5.v.marque"
    rules = (rule,)
    WEAK = (("logo", rx(r"logos?", r"marque de commerce", r"marque", r"trademark", r"brand")),)

    def has_cue(self, doc: Document) -> bool:  # noqa: D102
        # The model alone needs the CPE named *and* a use of its logo, mark or name: a logo or
        # a venture said in words (rules.md: "the CPE's name for a commercial or personal
        # venture"). A post that only names the CPE ("le CPE organise une collecte samedi"),
        # a sale of unicorn bags or the logo of a hockey team are not 5.v.
        if _OUR_LOGO.search(doc.text):
            return True
        return mentions_org(doc) and bool(_LOGO_WORDS.search(doc.text) or _VENTURE.search(doc.text))

    def applies(self, doc: Document) -> bool:  # noqa: D102
        return not (
            doc.context.official_mandated
            or "logo" in doc.context.authorizations
            or AUTHORIZED_IN_TEXT.search(doc.text)
            or shares_official_page(doc)
        )

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


#: "le CPE", "notre CPE", "la garderie": the CPE named without its name.
_ORG_WORDS = re.compile(r"(?<!\w)(?:cpe|garderie|installation)(?!\w)", re.IGNORECASE)
#: Sharing, following or joining the official page is compliant (rules.md).
_OFFICIAL = re.compile(r"(?<!\w)(?<!non )(?<!non-)officiel(?:le)?s?(?!\w)", re.IGNORECASE)
_SHARE = rx(
    r"partag\w*",
    r"suiv\w*",
    r"abonn\w*",
    r"aim\w*",
    r"lik\w*",
    r"rejoin\w*",
    r"joign\w*",
    r"retrouv\w*",
    r"visit\w*",
    r"consult\w*",
    r"share\w*",
    r"follow\w*",
)
_FIRST_PERSON_CREATE = rx(
    r"(?:j'ai|j'viens de|je viens d'|je viens de|je vais|j'vais|on a|on vient de|on va|nous avons|"
    r"m'as|jai)\s+(?:\w+\s+)?" + _CREATE
)


#: The author says they have (or ask for) the direction's authorization.
AUTHORIZED_IN_TEXT = rx(
    r"avec (?:l'autorisation|la permission|l'accord|l'approbation) (?:de|d'|du)\s*(?:la |notre |ma )?"
    r"(?:direction|directrice|directeur|dg|ca|conseil)",
    r"(?:autorisée?|approuvée?|mandatée?) par (?:la |notre )?(?:direction|directrice|directeur|dg)",
    r"(?:proposé|demandé|suggéré|demander|proposer)\s+(?:à|au)\s+(?:la |notre |ma )?(?:dg|direction|directrice|directeur|ca)\b",
)


def mentions_org(doc: Document) -> bool:
    """Return True when the text names the CPE: a name or alias (roster-normalised), a handle
    or hashtag made of it ("@cpelucioles"), or "le CPE", "notre CPE", "la garderie"."""
    if doc.org_spans or _ORG_WORDS.search(doc.text):
        return True
    compact = re.sub(r"[^a-z0-9]", "", fold(doc.text))
    return any(key in compact for key in _name_keys(doc.profile.names))


@functools.lru_cache(maxsize=64)
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    """Return the CPE's names squeezed, with and without "CPE" and articles ("lucioles")."""
    keys = set()
    for name in names:
        words = re.findall(r"[a-z0-9]+", fold(name))
        keys.add("".join(words))
        core = [
            w for w in words if w not in ("cpe", "le", "la", "les", "l", "du", "des", "de", "d")
        ]
        keys.add("".join(core))
    return frozenset(k for k in keys if len(k) >= 6)


def shares_official_page(doc: Document) -> bool:
    """Return True when the post shares, follows or joins the official page, creating nothing."""
    return bool(
        _OFFICIAL.search(doc.text)
        and _SHARE.search(doc.text)
        and not _FIRST_PERSON_CREATE.search(doc.text)
    )


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
                + r"\s+(?:une|un|la|le|notre|ma|mon|the|a|des|nos|mes)\s+(?:nouvelle?\s+|nouveaux\s+|petite?\s+|new\s+|\d+e\s+|deuxième\s+)?"
                + _PLACE
            ),
        ),
        (
            "nouvelle page",
            rx(
                r"(?:nouvelle?s?|nouveaux?|new)\s+(?:page|groupe|compte|chaîne|canal|serveur|événement|évènement|forum|"
                r"infolettre|blogue|group|account|channel|event|sous-reddit|subreddit)s?",
                _PLACE
                + r"s?\s+(?:\w+\s+){0,3}?(?:créée?|ouverte?|lancée?|mise? en ligne|partie?|fondée?|démarrée?)",
                _PLACE
                + r"[^.!?\n]{0,60}?(?:est|sont) (?:maintenant |enfin |officiellement )?(?:en ligne|actifs?|active?s?|ouverte?s?|lancée?s?)",
                r"(?:page|groupe|compte)s? non[- ]officiel\w*",
                r"(?:je suis|être|suis) (?:l'|un |une |la |le )?(?:admin\w*|modérat\w*)(?: avec moi)? (?:de|du|d')",
                r"c'est moi qui (?:le|la|les) (?:gère|gere|anime|administre)",
                r"(?:je|j')\s*(?:l'ai|les ai) (?:créée?s?|ouverte?s?|lancée?s?|mise? en ligne|partie?s?)",
                r"que j'ai (?:créée?|ouverte?|lancée?|mise? en ligne|partie?|fait|faite|monté|montée|démarrée?)",
                r"(?:réserv\w+|pris|prendre) le nom d'utilisat\w+",
                r"(?:sous-reddit|subreddit)",
                r"(?:invitation à l'|un |l')?(?:événement|évènement|event) (?:facebook|fb)",
                r"voici (?:la|le|un|une|mon|ma|notre) (?:nouvelle? |nouveau |petite? )?(?:page|groupe|compte|chaîne|canal|serveur|infolettre|blogue)",
            ),
        ),
        (
            "serveur ou chaîne",
            rx(
                _CREATE
                + r"\s+(?:un|une|le|la|notre|mon|ma)\s+(?:serveur|discord|chaîne|canal|subreddit|podcast|balado)",
            ),
        ),
    )
    WEAK = (("page", rx(_PLACE + r"s?", r"serveurs?", r"subreddit", r"chaînes?")),)
    CUES = rx(
        _PLACE + r"s?",
        r"pages?",
        r"groupes?",
        r"comptes?",
        r"chaînes?",
        r"serveurs?",
        r"events?",
        r"hashtags?",
        r"#\w+",
        r"@\w+",
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
        if not mentions_org(doc):
            return []
        return super().strong_hits(doc)

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        if (
            _page_authorized(doc)
            or shares_official_page(doc)
            or AUTHORIZED_IN_TEXT.search(doc.text)
        ):
            return []
        if not mentions_org(doc):
            return []  # a page about knitting or cats is not named after the CPE
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
