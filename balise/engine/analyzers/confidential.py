"""Confidential information of the CPE (5 v): money, board, HR, strategy, "between us"."""

from __future__ import annotations

from balise.engine.analyzers.base import SemanticAnalyzer, rx


class ConfidentialAnalyzer(SemanticAnalyzer):
    """Budgets, subsidies, internal decisions, board and HR matters, anything said in confidence."""

    name = "confidentiel"
    rule = "5.v.confidentiel"
    rules = (rule,)
    STRONG = (
        (
            "confidence",
            rx(
                r"entre (?:vous et moi|toi et moi|nous deux)",
                r"c'est confidentiel",
                r"(?:info|information)s? confidentielles?",
                r"(?:dites|dis|répétez|répète)[- ]le (?:à personne|pas)",
                r"pas encore (?:été )?(?:annoncée?s?|officiel(?:le)?s?)",
                r"(?:gardez|garde) ça pour (?:vous|toi)",
                r"off the record",
                r"ça reste entre nous",
            ),
        ),
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
