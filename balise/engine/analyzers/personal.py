"""Personal information about other people (5 ii and 5 v, 2nd paragraph)."""

from __future__ import annotations

import re

from balise.engine.analyzers.base import SemanticAnalyzer, rx, sentence_of
from balise.engine.document import Document
from balise.engine.roster import CHILD, PARENT, STAFF
from balise.engine.textutil import fold

_MONTHS = r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
DATE_OF_BIRTH = re.compile(
    r"(?:\bn[ée]e?s?\s+le|date de naissance\s*:?|ddn\s*:?|born on)\s+"
    r"(?P<date>\d{1,2}(?:er)?\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
#: A child not on the roster, named or initialled next to a word for a small child.
UNLISTED_CHILD = re.compile(
    r"\b(?i:le|la|mon|ma|notre|du|de la)\s+(?i:petit|petite|p'tit|p'tite|ti|tite|cocotte|coco|puce|poupon|bébé)\s+"
    r"(?P<name>[A-ZÉÈÀÂÎÔ][a-zéèêëàâîïôûùç]+(?:-[A-ZÉÈ][a-zéèêëàâîïôûùç]+)?|[A-Z]\.)"
)
#: Private facts that make a named adult's mention personal information.
PRIVATE_FACT = rx(
    r"malade",
    r"maladie",
    r"cancer",
    r"enceinte",
    r"grossesse",
    r"fausse couche",
    r"dépression",
    r"burn-?out",
    r"chimio\w*",
    r"opérée?",
    r"opération",
    r"hospitalisée?",
    r"hôpital",
    r"diagnostic\w*",
    r"médicaments?",
    r"antidépresseurs?",
    r"thérapie",
    r"psychologue",
    r"psychiatre",
    r"ménopause",
    r"santé mentale",
    r"anxiété",
    r"divorce\w*",
    r"séparée?s?",
    r"séparation",
    r"garde partagée",
    r"la garde",
    r"chicane de garde",
    r"dpj",
    r"violence conjugale",
    r"chômage",
    r"faillite",
    r"dettes?",
    r"deuil",
    r"décès",
    r"funérailles",
    r"salaire",
    r"paie",
    r"payée?",
    r"gagne",
    r"évaluation",
    r"avertissement",
    r"mesure disciplinaire",
    r"suspendue?",
    r"congédiée?",
    r"renvoyée?",
    r"mise? à pied",
    r"en arrêt",
    r"arrêt de travail",
    r"congé de maladie",
    r"congé de maternité",
    r"absente?",
    r"alcool\w*",
    r"boit",
    r"drogue",
    r"prison",
    r"avocate?",
    r"cour",
    r"police",
    r"allergi\w+",
    r"tsa",
    r"tdah",
    r"autis\w+",
    r"trisomie",
    r"suivi",
    r"orthophonie",
    r"ergothérapeute",
    r"habite",
    r"demeure",
    r"reste au",
    r"adresse",
    # The same facts in English.
    r"sick",
    r"illness",
    r"pregnant",
    r"pregnancy",
    r"miscarriage",
    r"depress(?:ed|ion)",
    r"chemo(?:therapy)?",
    r"surgery",
    r"hospital(?:ized|ised)?",
    r"diagnos(?:is|ed)",
    r"medications?",
    r"meds",
    r"antidepressants?",
    r"therapy",
    r"therapist",
    r"psychologist",
    r"psychiatrist",
    r"mental health",
    r"anxiety",
    r"divorc\w*",
    r"separated",
    r"custody",
    r"youth protection",
    r"domestic violence",
    r"unemployment",
    r"bankrupt\w*",
    r"debts?",
    r"passed away",
    r"funeral",
    r"salary",
    r"paycheck",
    r"(?:gets?|got) paid",
    r"makes \$\d+",
    r"performance review",
    r"written warning",
    r"disciplin\w+",
    r"suspended",
    r"fired",
    r"let go",
    r"laid off",
    r"sick leave",
    r"maternity leave",
    r"off work",
    r"drinking problem",
    r"drunk",
    r"rehab",
    r"jail",
    r"lawyer",
    r"allerg(?:y|ies|ic)",
    r"asd",
    r"adhd",
    r"down syndrome",
    r"speech therapy",
    r"occupational therapist",
    r"lives (?:on|at|in)",
)
#: One's own child, family or health is the author's to share (rules.md).
OWN_FAMILY = rx(
    r"(?:mon|ma|mes|notre|nos)\s+(?:petit dernier|petite dernière|plus vieux|plus vieille|plus jeune|"
    r"grand|grande|garçon|gars|fille|fils|bébé|enfants?|filles|garçons|cocos?|puce|chum|conjointe?|"
    r"mari|blonde|femme|mère|père|mom|sœur|soeur|frère|famille|beau-fils|belle-fille|ados?|"
    r"petits?|petite|cadet|cadette|aîné|aînée|jumeaux|jumelles|neveu|nièce)",
    r"(?:my|our)\s+(?:son|daughter|kids?|baby|husband|wife|family|boy|girl|toddler)",
    r"moi aussi",
    # The author's own health or leave.
    r"je suis (?:enceinte|malade|en arrêt|en congé|en retrait|en burn-?out|en dépression)",
    r"(?:i'm|i am) (?:pregnant|sick|on (?:sick |maternity )?leave|having (?:surgery|a baby))",
)
#: Warm, public mentions of a colleague: nothing private in them (rules.md).
WARM = rx(
    r"bienvenue",
    r"félicitations?",
    r"bravo",
    r"merci",
    r"bonne fête",
    r"joyeux anniversaire",
    r"bonne retraite",
    r"shout ?out",
    r"chapeau",
    r"fière? de",
    r"hâte",
    r"welcome",
    r"congrat\w*",
    r"thanks?",
)
#: "C'était malade" is slang for "great", not a health fact.
_SLANG_SICK = rx(
    r"(?:c'était|c'est|c'tait|trop|full|tellement) malade",
    r"(?:that's|thats|that was|so|pretty) sick",
)
_IDENTIFIER = rx(r"[A-Z]\.", r"(?:le|la) seule?", r"l'unique", r"(?:le|la) seule? enfant")
_OWN_CONTACT = re.compile(
    r"(?:\b(?:mon|ma|mes|notre|nos|my|our)\s+(?:num[ée]ro|no|#|cell\w*|t[ée]l[ée]phone|t[ée]l|courriel|adresse|email|e-mail|phone)"
    r"|\b(?:me|nous)\s+(?:joindre|rejoindre|texter|écrire|contacter|appeler)|\bm'(?:écrire|appeler|texter)"
    r"|\b(?:écrivez|appelez|textez|contactez|joignez|texte|écris|appelle)-(?:moi|nous)|\b(?:call|text|email|reach) (?:me|us))"
    r"[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
CONTACT_TYPES = {
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "QC_ADDRESS",
    "CA_POSTAL_CODE",
    "CA_SIN",
    "QC_RAMQ",
}


class PersonalInfoAnalyzer(SemanticAnalyzer):
    """Children identified in connection with the CPE, adults with a private fact, contact details."""

    name = "renseignements"
    rule = "5.ii.renseignements"
    rules = (rule,)

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        hits = [
            (f"enfant du CPE ({m.form})", m.start, m.end)
            for m in doc.mentions
            if m.kind == CHILD and not _in_org_name(doc, m.start, m.end)
        ]
        hits += [
            ("enfant nommé", m.start("name"), m.end("name"))
            for m in UNLISTED_CHILD.finditer(doc.text)
            if not _in_org_name(doc, m.start(), m.end())
        ]
        hits += [
            (f"coordonnées ({e.type})", e.start, e.end)
            for e in doc.entities
            if e.type in CONTACT_TYPES and not _own_contact(doc, e.start, e.end)
        ]
        hits += [
            ("date de naissance", m.start("date"), m.end("date"))
            for m in DATE_OF_BIRTH.finditer(doc.text)
        ]
        hits += self._adults_with_private_fact(doc)
        return hits

    #: The model alone needs a person in the text (a name, an initial, contact details…).
    NEED_NAME = False

    def _model_hit(self, doc: Document) -> list:
        # No name, initial or unique detail, and a post about one's own family or a warm word
        # for a colleague: the model's guess is not enough (rules.md).
        named = bool(doc.mentions or doc.persons or doc.entities) or bool(
            _IDENTIFIER.search(doc.text) or UNLISTED_CHILD.search(doc.text)
        )
        if self.NEED_NAME and not named:
            return []
        if OWN_FAMILY.search(doc.text) and not any(m.kind == CHILD for m in doc.mentions):
            if not PRIVATE_FACT.search(_without_own_family_sentences(doc)):
                return []
        if WARM.search(doc.text) and not _real_private_fact(doc, 0, len(doc.text)):
            return []
        return super()._model_hit(doc)

    def _adults_with_private_fact(self, doc: Document) -> list[tuple[str, int, int]]:
        adults = [(m.start, m.end) for m in doc.mentions if m.kind in (PARENT, STAFF)] + list(
            doc.persons
        )
        out = []
        for start, end in adults:
            s, e = sentence_of(doc, start, end)
            if OWN_FAMILY.search(doc.text, s, e):
                continue  # "@Nathalie moi aussi, ma plus jeune a un TDAH": the author's own family
            fact = _real_private_fact(doc, s, e)
            if fact:
                out.append((f"adulte identifiable + fait privé « {fact.group()} »", start, end))
                out.append(("fait privé", fact.start(), fact.end()))
        return out


def _real_private_fact(doc: Document, s: int, e: int) -> re.Match[str] | None:
    for fact in PRIVATE_FACT.finditer(doc.text, s, e):
        slang = _SLANG_SICK.search(doc.text, max(s, fact.start() - 12), fact.end())
        if not (slang and slang.end() == fact.end()):
            return fact
    return None


def _without_own_family_sentences(doc: Document) -> str:
    return " ".join(
        doc.text[s:e] for s, e in doc.sentences if not OWN_FAMILY.search(doc.text, s, e)
    )


def _in_org_name(doc: Document, start: int, end: int) -> bool:
    """Return True inside the CPE's own name ("CPE Le Petit Monde" names no child)."""
    return any(s <= start and end <= e for s, e in doc.org_spans)


def _own_contact(doc: Document, start: int, end: int) -> bool:
    """Return True for the author's or the CPE's own contact details."""
    before = doc.text[max(0, start - 40) : start]
    if _OWN_CONTACT.search(before):
        return True
    site = fold(doc.profile.website).split("//")[-1].removeprefix("www.").split("/")[0]
    return bool(site) and site in fold(doc.text[start:end])


REDACTION_LABELS = {
    CHILD: "[enfant]",
    PARENT: "[parent]",
    STAFF: "[personne]",
    "PERSON": "[personne]",
    "PHONE_NUMBER": "[téléphone]",
    "EMAIL_ADDRESS": "[courriel]",
    "QC_ADDRESS": "[adresse]",
    "CA_POSTAL_CODE": "[code postal]",
    "CA_SIN": "[NAS]",
    "QC_RAMQ": "[RAMQ]",
    "DATE_OF_BIRTH": "[date de naissance]",
}


def redact(doc: Document) -> str:
    """Return the text with people and their personal details replaced by labels."""
    items = [(m.start, m.end, REDACTION_LABELS[m.kind]) for m in doc.mentions]
    items += [
        (m.start("name"), m.end("name"), "[enfant]") for m in UNLISTED_CHILD.finditer(doc.text)
    ]
    items += [
        (e.start, e.end, REDACTION_LABELS[e.type])
        for e in doc.entities
        if e.type in REDACTION_LABELS
    ]
    items += [(s, e, "[personne]") for s, e in doc.persons]
    items += [
        (m.start("date"), m.end("date"), "[date de naissance]")
        for m in DATE_OF_BIRTH.finditer(doc.text)
    ]
    items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, pos = [], 0
    for s, e, label in items:
        if s < pos:
            continue
        out.append(doc.text[pos:s])
        out.append(label)
        pos = e
    out.append(doc.text[pos:])
    return "".join(out)
