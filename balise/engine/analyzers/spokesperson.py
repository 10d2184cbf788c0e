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
    "directrice pédagogique",
    "directeur pédagogique",
    "directrice",
    "directeur",
    "coordonnatrice",
    "coordonnateur",
    "coordo",
    "vice-présidente",
    "vice-président",
    "présidente",
    "président",
    "trésorière",
    "trésorier",
    "secrétaire du ca",
    "secrétaire du conseil",
    "membre du ca",
    "membre du conseil d'administration",
    "administratrice",
    "administrateur",
    "gestionnaire",
    "propriétaire",
    "porte-parole",
    "conseillère pédagogique",
    "conseiller pédagogique",
    "responsable",
    "fondatrice",
    "fondateur",
    "adjointe administrative",
    "adjoint administratif",
    "adjointe à la direction",
    "éducatrice spécialisée",
    "nutritionniste",
    "infirmière",
    "la direction",
    "direction",
    "administration",
    "patronne",
    "boss",
    "cheffe cuisinière",
    "chef cuisinier",
    "éducatrice en chef",
    "conseil d'administration",
    "conseil",
    "coordination",
    "équipe de direction",
    "équipe de gestion",
    "psychologue",
    "inspectrice",
    "inspecteur",
    "superviseure",
    "superviseur",
    "comité de direction",
    "comité de sélection",
)
#: English functions, with the French function they stand for.
ENGLISH_ROLES = {
    "general manager": "directrice générale",
    "executive director": "directrice générale",
    "assistant director": "directrice adjointe",
    "director": "directrice",
    "manager": "gestionnaire",
    "owner": "propriétaire",
    "board member": "membre du ca",
    "board's treasurer": "trésorière",
    "treasurer": "trésorière",
    "president": "présidente",
    "chair of the board": "présidente",
    "pedagogical advisor": "conseillère pédagogique",
    "coordinator": "coordonnatrice",
    "spokesperson": "porte-parole",
    "management": "direction",
    "head educator": "éducatrice en chef",
    "acting director": "directrice",
}
_ROLE_RX = "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True))
#: What a function may be "of": a department ("responsable des admissions") or a qualifier.
_COMPLEMENT = (
    r"(?P<comp>\s+(?:pédagogique|adjointe?|générale?|officielle?|"
    r"(?:des|du|de la|de l'|aux?|à la|en)\s*[\w-]+))?"
)
#: Words that introduce a claimed function: "en tant que", "à titre de", "moi qui suis", "ici"…
_CLAIM_INTRO = (
    r"en tant que|en tant qu'|à titre de|a titre de|à titre d'|comme|moi,? la|moi,? le|moi qui suis|"
    r"je suis|j'suis|chu|c'est moi|ici,?|nous,? la|me présentant comme|en me présentant comme|"
    r"je me présente comme|je dis que je suis|(?:je parle |j'écris |je réponds )?au nom de|"
    r"(?:petit )?(?:mot|message|note) de|je siège (?:au|sur le|à)|je suis (?:sur le|au|membre du)|"
    r"en signant|j'ai signé(?: \w+){0,4}|en ma qualité de|en ma qualité d'|"
    r"sign[ée]e?\s*:?\s*(?:[A-ZÉÈ][\w-]+\s*,\s*)?|c'est (?=la |le |votre )|je travaille à (?=la direction)|"
    r"(?:membre|je fais partie|fais partie) (?:de|d') ?(?=l'équipe de direction|la direction|l'équipe de gestion)|"
    r"(?:rejoindre|rejoins|j'intègre|intégrer|nommée?|élue?)\s+(?=au conseil|le conseil|la direction|au ca\b)|"
    r"(?:mon |ma )?(?:titre|profil|bio|signature|poste)(?: \w+){0,5}\s*:|nouveau poste\s*[!:.]?|"
    r"je signe(?:\s+mes\s+\w+(?:\s+\w+)?)?|signée?\s*:?|signature\s*:?|"
    r"(?:mon|ma) (?:titre|profil|signature)(?: linkedin| facebook)? (?:dit|indique|est)"
)
ROLE_CLAIM = re.compile(
    r"(?<!\w)(?:" + _CLAIM_INTRO + r")(?:(?<=['\s])|\s+)[«\"“]?\s*"
    r"(?:la |le |l'|votre |ta |une |un |officiellement |maintenant |désormais |aussi |rendue )?\s*[«\"“]?\s*"
    r"(?:nouvelle |nouveau |vraie |vrai )?"
    r"(?P<role>" + _ROLE_RX + r")" + _COMPLEMENT + r"(?!\w)",
    re.IGNORECASE,
)


_EN_RX = "|".join(re.escape(r) for r in sorted(ENGLISH_ROLES, key=len, reverse=True))
ENGLISH_CLAIM = re.compile(
    r"(?<!\w)(?:i'm|i am|as|speaking as|writing as|this is|here is)\s+(?:the|a|an|your)?\s*(?:new\s+)?(?P<role>"
    + _EN_RX
    + r")(?!\w)",
    re.IGNORECASE,
)
#: A function written as a title: in a signature, a bio, a profile ("Directrice, CPE …").
TITLE_CLAIM = re.compile(
    r"(?:sign\w*|bio|profil|titre|linkedin)[^.!?\n]{0,40}?[«\"“]\s*(?:la |l')?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)|[«\"“]\s*(?:la |l')?(?P<role2>"
    + _ROLE_RX
    + r")"
    + r"(?:\s+[\w-]+)?\s*[»\"”][^.!?\n]{0,40}?(?:sign\w*|bio|profil|titre|linkedin)",
    re.IGNORECASE,
)
#: A self-description opening the post: "Responsable de l'alimentation en CPE depuis 12 ans, voici…".
OPENING_CLAIM = re.compile(
    r"^\W*(?:\w+\s+ici,?\s+)?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?:\s+(?:permanente?|en chef|certifiée?))?[^,.!?:;\n]{0,60}?(?:\s+ici)?\s*[,:]\s*"
    r"(?:je|j'|voici|moi|on|oui|non|posez|demandez|écrivez|fière?|heureuse|heureux|merci|bienvenue)",
    re.IGNORECASE,
)


def role_claims(text: str) -> list[tuple[str, str, int, int]]:
    """Return (claimed function folded, words, start, end) for each function the author claims."""
    out = []
    for m in ROLE_CLAIM.finditer(text):
        if not _not_a_claim(text, m):
            out.append((claimed_role(m), m.group(0).strip(), m.start(), m.end()))
    for m in ENGLISH_CLAIM.finditer(text):
        out.append(
            (fold(ENGLISH_ROLES[m.group("role").lower()]), m.group(0).strip(), m.start(), m.end())
        )
    for m in TITLE_CLAIM.finditer(text):
        role = m.group("role") or m.group("role2")
        out.append((fold(role), m.group(0).strip(), m.start(), m.end()))
    for m in OPENING_CLAIM.finditer(text):
        out.append((claimed_role(m), m.group(0).strip(), m.start(), m.end()))
    return out


def claimed_role(m: re.Match[str]) -> str:
    """Return the folded function claimed by a ROLE_CLAIM match, with its department if any."""
    role = fold(m.group("role"))
    comp = fold(m.group("comp") or "").strip()
    if comp and not re.search(r"cpe|garderie|installation|centre|bureau|equipe", comp):
        role = f"{role} {comp}"
    return role


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
        return not doc.context.is_mandated and not _DECLINES.search(doc.text)

    def _model_hit(self, doc: Document) -> list[Hit]:
        # Opinions on the government, the ministry or the unions, the CPE not named: the
        # author speaks for themself (or their trade), not for the CPE.
        from balise.engine.analyzers.brand import mentions_org

        if _PUBLIC_DEBATE.search(doc.text) and not mentions_org(doc):
            return []
        hits = super()._model_hit(doc)
        if hits or len(doc.tokens) < 3:
            return hits
        return self._answer_hit(doc, mentions_org(doc))

    #: With an answer cue and the CPE as the topic, the model's threshold is multiplied by
    #: this (never under ANSWER_FLOOR); with an answer cue alone, by WEAK_FACTOR as usual.
    ANSWER_FACTOR = 0.45
    ANSWER_FLOOR = 0.2

    def _answer_hit(self, doc: Document, topic: bool) -> list[Hit]:
        """Answering a question or a criticism about the CPE (5 iv), written from the code."""
        threshold = doc.extra.get("thresholds", {}).get(self.rule)
        score = doc.scores.get(self.rule)
        if threshold is None or score is None or _OWN_OTHER_DAYCARE.search(doc.text):
            return []
        cues = [(m.start(), m.end()) for m in _ANSWER.finditer(doc.text)]
        cues += [(m.start(), m.end()) for m in _QA.finditer(doc.text)]
        if not cues:
            return []
        factor = self.ANSWER_FACTOR if topic else self.WEAK_FACTOR
        limit = max(threshold * factor, self.ANSWER_FLOOR)
        if score < limit:
            return []
        why = (
            f"modèle : probabilité {score:.2f} (seuil {limit:.2f}); motif : réponse au sujet du CPE"
        )
        return [Hit(self.rule, tuple(sorted(cues)), why)]


#: Declining to speak for the CPE and pointing to the direction or the site is what 5 iv) asks.
_DECLINES = rx(
    r"(?:peux|peut|vais|veux|dois|devrais|suis) pas (?:\w+ )?(?:répondre|parler|m'exprimer|commenter)"
    r"(?: \w+){0,2} au nom",
    r"(?:je ne peux|je peux) pas (?:répondre|commenter)[^.!?\n]{0,60}(?:direction|site)",
    r"(?:c'est|voyez|voir|contactez|écrivez à|adressez-vous à|référez-vous à) (?:la direction|le site (?:web )?officiel)"
    r"[^.!?\n]{0,40}(?:qui (?:gère|répond)|pour (?:toute|les) questions?)",
)
#: Answering a question or a criticism about the CPE (code of conduct, article 5 iv).
_ANSWER = rx(
    r"pour (?:vous )?répondre",
    r"(?:en )?réponse (?:à|aux)",
    r"pour (?:la|les|ceux|celles) (?:personnes? )?qui",
    r"(?:ceux|celles|les gens|les parents|la personne|la madame|le monsieur|la mère|le père)(?: \w+)? qui "
    r"(?:disent|dit|écrivent|a écrit|ont écrit|se plaignent|se plaint|parlent|critiquent|chialent|racontent)",
    r"je (?:vous )?(?:le )?(?:confirme|assure|garantis?)",
    r"c'est (?:complètement |totalement |absolument |tellement )?(?:faux|pas vrai|des rumeurs)",
    r"(?:fake news|rumeurs?|faussetés?)",
    r"(?:venez|viens|venir) (?:visiter|voir|nous voir|faire un tour)",
    r"(?:il reste|on a|nous avons|y a|il y a|ya) (?:encore |toujours )?(?:des|quelques) places",
    r"places? (?:disponibles?|libres?)",
    r"liste d'attente",
    r"(?:les|nos) frais",
    r"frais de garde",
    r"(?:on|nous) (?:a|avons) pris la décision",
    r"(?:au cpe|à la garderie|chez nous),? (?:on|c'est|nous|y a|il y a)",
    r"chez nous au",
    r"(?:on|nous) (?:offre|offrons|fait|faisons|a|avons) (?:toujours|jamais|pas)",
    r"je travaille (?:là|là-bas|au cpe|à la garderie)",
    r"(?:informez|renseignez)-vous",
    r"(?:arrêtez|cessez|arrête) de (?:répandre|colporter|dire|raconter|inventer)",
    r"sachez que",
    r"pour (?:info|votre information|calmer)",
    r"précision",
    r"to answer",
    r"(?:we|we still) (?:have|offer) (?:spots|places|a|an)",
    r"spots?",
    r"(?:you're|you are) welcome to visit",
)
#: A question then its answer: "Est-ce que les repas sont inclus?\n↳ oui…".
_QA = re.compile(r"\?\s*\n\s*(?:↳\s*)?(?:\w+,?\s+){0,2}(?:oui|non|yes|no)(?!\w)", re.IGNORECASE)
#: A parent speaking of their own child's daycare (another one, or as a parent): not in its name.
_OWN_OTHER_DAYCARE = rx(
    r"(?:la garderie|le cpe|le service de garde)(?: \w+){0,3} de (?:mon|ma|mes|notre) (?:fils|fille|enfants?|petite?|garçon|bébé|cocotte|coco)",
    r"(?:mon|ma|mes) (?:fils|fille|enfants?|petite?|garçon|bébé) (?:va|vont|fréquente|fréquentent|est|sont) (?:à|au|dans|en)",
    r"comme (?:maman|papa|parent|mère|père)",
)
_PUBLIC_DEBATE = rx(
    r"gouvernement",
    r"ministre",
    r"ministère",
    r"québec",
    r"caq",
    r"legault",
    r"conseil du trésor",
    r"syndicat",
    r"csn",
    r"csq",
    r"fip",
    r"grève",
    r"pétition",
    r"#\w+",
)


class IdentityAnalyzer(SemanticAnalyzer):
    """False identities, impersonation, or a function in the CPE the author does not hold."""

    name = "identite"
    rule = "5.iii.identite"
    rules = (rule,)
    STRONG = (
        (
            "fausse identité",
            rx(
                r"(?:un|mon|des|mes|ce|un autre|deux|2)\s+(?:faux|fake)\s+(?:comptes?|profils?|noms?)",
                r"(?:faux|fake)\s+(?:compte|profil)s?\s+(?:de|d'|pour|sous)",
                r"(?:2e|deuxième|second|autre)\s+(?:compte|profil)\s+(?:\w+\s+)?(?:sous|au nom|pour (?:espionner|lire|surveiller|voir|répondre|commenter|laisser))",
                r"(?:me|te|se|nous|vous)\s+(?:(?:suis|est|sont|étais|était|serais|suis déjà)\s+)?"
                r"(?:faire|fais|fait|faisant|faisais|fasse|fassent|ferai|ferais)\s+passer pour",
                r"sous le nom d(?:e|') ?(?:ma|mon|une|un|la|le|sa|son)\s+(?:s(?:oe|œ)ur|frère|mère|père|cousine?|amie?|collègue|voisine?|chum|blonde|mari|femme|fille|fils|tante|oncle)",
                r"(?:pris|prendre|utilisé|emprunté) le nom de (?:ma|mon|la|le)\s+(?:collègue|directrice|directeur|patronne|boss|coordo\w*)",
                r"noms? (?:inventés?|bidons?|fictifs?)",
                r"(?:répondu|écrit|publié|commenté|signé|liké|liker|répondre|écrire|publier)\s+(?:\w+\s+){0,3}?à (?:la|sa) place (?:de|d')?",
                r"mot de passe (?:du compte |de la page )?(?:de|d') ?(?:ma|mon|la|le)\s+(?:collègue|directrice|directeur|boss|patronne)",
                r"(?:deuxième|2e|second|autre) compte (?:facebook |fb |instagram |insta )?(?:j'ai|pour|on)",
                r"(?:sous|avec) un (?:faux|autre) (?:nom|pseudo\w*)",
                r"sous un pseudo\w*",
                r"(?:nouveau|faux|autre) pseudo\w*",
                r"compte (?:bidon|anonyme|fictif)",
                r"profil (?:bidon|anonyme|fictif)",
                r"usurp\w*",
                r"en prétendant (?:être|que je suis)",
                r"fait semblant d'être",
                r"(?:à sa place|en son nom) sur (?:son|ses) (?:compte|profil|page)",
                r"(?:avec|sur|dans) (?:le|son) compte (?:facebook |fb |messenger )?(?:de|d')\s+(?:ma|mon|la|le)\s+"
                r"(?:collègue|directrice|directeur|boss|patronne|coordo\w*|voisine)",
                r"compte secondaire",
                r"(?:deux|trois|quatre|plusieurs|\d+) (?:faux )?(?:comptes|profils)(?: différents)?",
                r"(?:inventée?|créée?|fait|fais|faite)\s+(?:un|une)\s+(?:faux |fausse |nouveau |autre )?(?:compte|profil)\s+"
                r"(?:au nom d|de parent|de maman|de papa|de mère|de père|de client)",
                r"(?:compte|profil)\s+(?:\w+\s+){0,2}au nom de (?:mon|ma)\s+\w+",
                r"(?:le |du )?compte (?:facebook |fb |instagram |insta )?(?:de|d') ?(?:mon|ma) (?:conjointe?|chum|mari|blonde|"
                r"s(?:oe|œ)ur|frère|mère|père|amie?|voisine?|fille|fils)",
                r"comme si (?:c'était|j'étais) (?:une?|la|le) (?:maman|papa|parent|mère|père|cliente?)",
                r"sous (?:mon|un|ce) pseudo\w*",
                r"sans (?:que|qu')\s*(?:personne|on|la direction) (?:\w+\s+){0,3}(?:sache|le sache|me reconnaisse|me trouve)",
                r"pour (?:pas|ne pas) qu'on me reconnaisse",
                r"(?:pas vraiment|c'est moi[^.!?\n]{0,30}),? mais chut",
                r"(?:second|2nd|alt|another|fake) (?:account|profile)",
                r"posting as a",
                r"without anyone knowing",
                r"fake account",
                r"pretend(?:ing)? to be",
            ),
        ),
    )
    WEAK = (("pseudonyme", rx(r"pseudo\w*", r"anonymement", r"incognito")),)

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
        for claimed, words, start, end in role_claims(doc.text):
            if not _same_role(claimed, actual):
                hits.append(
                    (
                        f"fonction revendiquée « {words} » ≠ « {doc.context.author_role} »",
                        start,
                        end,
                    )
                )
        return hits

    #: The model alone (no pattern) must be this sure: on other authors' text it mistakes any
    #: mention of a function ("la directrice…") or of a new account for a false identity.
    HIGH = 0.6
    IDENTITY_CUES = rx(
        r"faux",
        r"fausse",
        r"fake",
        r"anonymes?",
        r"pseudo\w*",
        r"identités?",
        r"passer pour",
        r"usurp\w*",
        r"prétend\w*",
        r"me présente",
        r"sign\w*",
        r"titre",
        r"bio",
        r"à (?:sa|ma|la) place",
    )

    def _model_hit(self, doc: Document) -> list[Hit]:
        hits = super()._model_hit(doc)
        if not hits or "motif" in hits[0].explanation:
            return hits
        if doc.scores.get(self.rule, 0.0) < max(
            self.HIGH, doc.extra.get("thresholds", {}).get(self.rule, 0.0)
        ) or not self.IDENTITY_CUES.search(doc.text):
            return []
        return hits

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        hits = super().analyze(doc)
        if hits and not hits[0].explanation.startswith("motif") and _claims_own_role(doc):
            return []
        return hits


#: "comme la directrice l'a dit", "je suis la directrice sur Facebook" are not claims.
_NOT_CLAIM_AFTER = re.compile(
    r"\s*(?:l'a|l'avait|nous|nous a|m'a|a dit|a demandé|l'a demandé|le demande|"
    r"va|veut|voulait|était|est|a|avait|qui|que|me|le sait|de mon|de ma|de notre|d'un autre|"
    r"d'une autre|sur (?:facebook|fb|insta|instagram|linkedin|twitter|x|tiktok))\b",
    re.IGNORECASE,
)


def _not_a_claim(text: str, m: re.Match[str]) -> bool:
    intro = m.group(0)[: m.start("role") - m.start()].strip().lower()
    after = text[m.end() : m.end() + 30]
    if intro.startswith(("comme", "ici", "c'est", "nous")) and _NOT_CLAIM_AFTER.match(after):
        return True
    if intro.startswith("nous") and re.search(r"entre\s*$", text[: m.start()], re.I):
        return True  # "entre nous, la direction va…"
    if intro.startswith("comme") and re.match(
        r"comme\s+(?:la|le|l'|une|un|votre|ta)\b", m.group(0), re.I
    ):
        return True  # "comme une directrice", "comme la directrice": a comparison, not a claim
    if intro.startswith("ici") and not re.match(
        r"ici,?\s+(?:la|le|l')?\s*(?:direction|directrice|directeur|administration|coordo|coordonnatrice)",
        m.group(0),
        re.I,
    ):
        return bool(m.start() > 0 and not re.search(r"\w+\s*$", text[: m.start()]))
    if intro.startswith("je suis") and re.match(
        r"\s*(?:de|d'|du)\s+(?:mon|ma|notre|son|sa|l'autre|un autre|une autre)\b", after
    ):
        return True  # "je suis la directrice de mon fils"? rare; the direction of another place
    return False


def _same_role(claimed: str, actual: str) -> bool:
    def norm(x: str) -> str:
        x = re.sub(r"\b(?:la|le|l')\s*", "", x).strip()
        x = x.replace("directeur", "directrice").replace("conseiller ", "conseillere ")
        x = x.replace("coordonnateur", "coordonnatrice").replace("coordo ", "coordonnatrice ")
        x = re.sub(r"^coordo$", "coordonnatrice", x)
        x = x.replace("president", "presidente").replace("presidentee", "presidente")
        x = x.replace("direction", "directrice")
        x = re.sub(r"\bdg\b", "directrice generale", x)
        x = re.sub(r"(\w)teur\b", r"\1trice", x)
        x = re.sub(r"^(?:gestionnaire|administration|patronne|boss)$", "directrice", x)
        return x

    claimed, actual = norm(claimed), norm(actual)
    if claimed == "directrice" and actual.startswith(
        ("directrice", "coordonnatrice", "gestionnaire")
    ):
        return True
    return claimed in actual or actual in claimed


def _claims_own_role(doc: Document) -> bool:
    actual = fold(doc.context.author_role or "")
    return bool(actual) and any(_same_role(c, actual) for c, _, _, _ in role_claims(doc.text))
