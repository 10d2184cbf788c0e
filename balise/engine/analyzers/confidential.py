"""Confidential information of the CPE (5 v): money, board, HR, strategy, "between us"."""

from __future__ import annotations

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.document import Document

#: Words that say the author discloses something not meant to be public.
DISCLOSURE = rx(
    r"entre (?:vous et moi|toi et moi|nous deux|nous autres|nous)",
    r"c'est confidentiel",
    r"confidentiel(?:le)?s?",
    r"(?:info|information)s? (?:confidentielles?|internes?|de l'intérieur|privilégiées?)",
    r"(?:dites|dis|répétez|répète)[- ]le (?:à personne|pas)",
    r"pas encore (?:été )?(?:annoncée?s?|officiel(?:le)?s?|publiée?s?|public(?:que)?s?|dit|confirmée?s?)",
    r"(?:pas|jamais) (?:été )?annoncée? (?:aux parents|à l'équipe|officiellement)",
    r"(?:gardez|garde) ça pour (?:vous|toi)",
    r"off the record",
    r"ça reste entre nous",
    r"(?:ça|ca) sort pas d'ici(?:tte)?",
    r"je (?:devrais|devrait|suis pas censée?|suis pas supposée?|suis pas sensée?) (?:pas )?(?:le dire|vous le dire|en parler|le savoir)",
    r"(?:chu|j'suis|je suis) pas (?:censée?|supposée?|sensée?) (?:le savoir|le dire|en parler)",
    r"je peux pas en dire plus",
    r"on vient (?:juste )?d'apprendre",
    r"on (?:l'a|vient de l')appris",
    r"en primeur",
    r"scoop",
    r"petite fuite",
    r"fuite",
    r"(?:top )?secret(?:s| commercial)?",
    r"entente secrète",
    r"chut+",
    r"sh+h",
    r"🤫",
    r"(?:c'est|ce n'est|c'est) pas public",
    r"vous l'avez pas (?:lu|entendu) ici",
    r"à huis clos",
    r"(?:veut|voulait|veulent) pas (?:que ça sorte|le dire|l'annoncer|en parler)",
    r"on (?:en )?parle pas encore",
    r"(?:en parle|le dit) pas encore",
    r"avant l'annonce",
    r"keep it quiet",
)
#: The CPE's own business: money, board, negotiations, HR, plans, inspections, complaints.
BUSINESS = rx(
    r"budgets?",
    r"budgétaires?",
    r"déficits?",
    r"surplus",
    r"subventions?",
    r"financement",
    r"(?:le |au |du )?c\.?a\.?(?= |$|,|:)",
    r"conseil d'administration",
    r"procès-verbal",
    r"mises? à pied",
    r"postes? (?:abolis|coupés|supprimés)",
    r"abol\w+",
    r"coupures?",
    r"coupe[rz]?",
    r"négo\w*",
    r"offre patronale",
    r"syndicat",
    r"convention",
    r"grève",
    r"plans? (?:de|d'|du)\s*\w+",
    r"plan d'action",
    r"restructuration",
    r"fusion\w*",
    r"inspection",
    r"audit",
    r"plaintes?",
    r"enquête",
    r"décisions?",
    r"décidée?",
    r"ferm\w+",
    r"déménag\w*",
    r"agrandissement",
    r"agrandir",
    r"relocalisation",
    r"contrats?",
    r"fournisseurs?",
    r"ententes?",
    r"salaires?",
    r"salariales?",
    r"primes?",
    r"augmentation",
    r"tarifs?",
    r"frais",
    r"liste d'attente",
    r"admissions?",
    r"politique",
    r"ministère",
    r"dérogation",
    r"avis (?:disciplinaire|de non-conformité)",
    r"avertissement",
    r"probation",
    r"congédi\w+",
    r"suspendue?",
    r"suspension",
    r"démission\w*",
    r"évaluation",
    r"code d'accès",
    r"mot de passe",
    r"rapport",
    r"résultats?",
    r"sondage",
    r"caméras",
    r"achat",
    r"acheter",
    r"vendre",
    r"vente",
    r"embauche\w*",
    r"postes?",
    r"direction",
    r"comité",
    r"réunion",
    r"expansion",
    r"deficit",
    r"board",
    r"places?",
)
#: Public facts: what is official, announced or in the news is not confidential.
PUBLIC = rx(
    r"c'est officiel",
    r"officiellement",
    r"annoncée? (?:hier|aujourd'hui|publiquement|officiellement|aux parents|ce matin|à tous)",
    r"aux nouvelles",
    r"dans le journal",
    r"communiqué",
    r"site (?:web|internet)",
    r"la règle du ministère",
)


class ConfidentialAnalyzer(SemanticAnalyzer):
    """Budgets, subsidies, internal decisions, board and HR matters, anything said in confidence.

    A disclosure marker ("entre nous", "chut", "pas encore annoncé") makes the post confidential
    only with a business term of the CPE in it; with a private fact about a person alone it is
    5.ii.renseignements, not 5.v.confidentiel (rules.md).
    """

    name = "confidentiel"
    rule = "5.v.confidentiel"
    rules = (rule,)
    STRONG = (
        (
            "conseil d'administration",
            rx(
                r"(?:le |au |du )?(?:conseil d'administration|c\.a\.)\s+(?:a|va|veut|envisage|a voté|a décidé|"
                r"songe|discute|prévoit)"
            ),
        ),
        (
            "finances",
            rx(
                r"(?:notre |le |du |un )?(?:déficit|surplus) (?:du cpe|de \d|budgétaire)",
                r"masse salariale",
                r"plan d'affaires",
                r"coupures? (?:de|dans les) (?:postes|budget)",
                r"subventions? (?:coupées?|réduites?|de \d)",
                r"offre patronale",
                r"plan de restructuration",
                r"procès-verbal du (?:ca|conseil)",
            ),
        ),
    )
    WEAK = (
        (
            "sujet interne",
            rx(
                r"budget",
                r"subventions?",
                r"déficit",
                r"ministère",
                r"négociations?",
                r"convention collective",
                r"congédiée?",
                r"suspendue?",
                r"renvoyée?",
                r"mise? à pied",
                r"démission\w*",
                r"entre nous",
                r"réunion (?:d'équipe|du ca|de direction)",
                r"stratégie",
                r"contrat",
                r"salaires?",
                r"fermeture",
                r"agrandissement",
                r"places? subventionnées?",
                r"inspection",
            ),
        ),
    )

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        hits = super().strong_hits(doc)
        told = [(m.start(), m.end()) for m in DISCLOSURE.finditer(doc.text)]
        business = [(m.start(), m.end()) for m in BUSINESS.finditer(doc.text)]
        if told and business:
            hits += [("confidence + affaire interne du CPE", s, e) for s, e in told + business[:2]]
        return hits

    def _model_hit(self, doc: Document) -> list[Hit]:
        if PUBLIC.search(doc.text) and not DISCLOSURE.search(doc.text):
            return []
        return super()._model_hit(doc)
