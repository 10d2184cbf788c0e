"""Speaking for the CPE without a mandate (5 iv); false identities (5 iii) are in identity.py."""

from __future__ import annotations

import re

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.document import Document


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
            "parle pour le CPE",
            rx(
                r"on behalf of (?:the team|the daycare|the cpe|cpe|our|management|everyone at)",
                r"je (?:parle|réponds|publie|écris|annonce) (?:pour|au nom de) (?:eux|elle|la direction|le cpe|l'équipe|"
                r"mes collègues|tout le monde|la garderie)",
                r"j'annonce pour (?:l'équipe|la direction|le cpe)",
                r"(?:i'll|i will|let me) (?:answer|respond|speak) for (?:the daycare|the cpe|the team|management)",
                r"c'est moi qui vous l'annonce",
                r"(?:fière?|heureuse?|content(?:e)?) de vous (?:l'annoncer|annoncer)",
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

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        text = doc.text
        hits = [
            h
            for h in super().strong_hits(doc)
            if not (
                h[0] == "au nom du CPE" and _NOT_SPEAKING.search(text[max(0, h[1] - 40) : h[1]])
            )
        ]
        # The CPE as the subject of a statement: "Le CPE X remercie / s'excuse / appuie…".
        from balise.engine.analyzers.brand import shares_official_page

        if shares_official_page(doc):
            return hits
        subjects = list(doc.org_spans) + [(m.start(), m.end()) for m in _CPE_SUBJECT.finditer(text)]
        for s, e in subjects:
            m = _CPE_SPEAKS.match(text, e)
            if m:
                hits.append(("le CPE parle", s, m.end()))
        return hits

    def _model_hit(self, doc: Document) -> list[Hit]:
        # Opinions on the government, the ministry or the unions, the CPE not named: the
        # author speaks for themself (or their trade), not for the CPE.
        from balise.engine.analyzers.brand import mentions_org

        if (
            _PUBLIC_DEBATE.search(doc.text)
            and not mentions_org(doc)
            and not (_ANSWER.search(doc.text) or _QA.search(doc.text))
        ):
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
        from balise.engine.analyzers.confidential import DISCLOSURE

        if DISCLOSURE.search(doc.text):
            # A leak told in confidence ("entre nous", "secret pour l'instant") is 5.v, not an
            # answer given in the CPE's name.
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
    r"je laisse (?:la direction|la dg|ma direction) (?:répondre|gérer|s'en occuper)",
    r"(?:la direction|elle|ils) (?:du cpe )?(?:est|sont) (?:la |les )?mieux placée?s? pour (?:vous )?répondre",
    r"(?:ce n'est|c'est) pas à moi (?:d'y|de) répondre",
    r"(?:écrivez|adressez-vous|contactez|appelez) (?:directement )?(?:à )?la direction",
    r"c'est (?:eux|elle|la direction) qui (?:gère|gèrent|répond|répondent)",
    r"elle seule peut répondre",
    r"(?:suggère|invite|conseille|recommande) (?:de |d'|à )?(?:appeler|écrire à|contacter|aller sur|vous adresser à)"
    r"[^.!?\n]{0,30}(?:direction|site)",
    r"(?:peux|peut) pas parler pour (?:le cpe|la garderie|l'employeur|mon employeur)",
    r"(?:peux|peut|vais|veux|dois|devrais|suis) pas (?:\w+ )?(?:répondre|parler|m'exprimer|commenter)"
    r"(?: \w+){0,2} au nom",
    r"(?:je ne peux|je peux) pas (?:répondre|commenter)[^.!?\n]{0,60}(?:direction|site)",
    r"(?:c'est|voyez|voir|contactez|écrivez à|adressez-vous à|référez-vous à) (?:la direction|le site (?:web )?officiel)"
    r"[^.!?\n]{0,40}(?:qui (?:gère|répond)|pour (?:toute|les) questions?)",
)
#: "un compte au nom du CPE" (a page, 5.v.page), "vendre au nom du CPE", "seule la direction
#: peut répondre au nom du CPE": the author does not speak in the CPE's name.
_NOT_SPEAKING = rx(
    r"(?:compte|page|groupe|profil|chaîne)(?: \w+){0,3}\s*$",
    r"(?:vendent|vend|vendre|ramass\w+|amass\w+)(?: \w+){0,4}\s*$",
    r"seule?s?(?: qui)? (?:peut|peuvent|pourra) (?:répondre|parler|s'exprimer)\s*$",
)
_CPE_SUBJECT = rx(r"(?:le|notre) cpe", r"(?:the|our) (?:daycare|cpe)")
#: Verbs of a statement made by the organization itself (its voice, not a fact about it).
_CPE_SPEAKS = re.compile(
    r",?\s+(?:(?:tient|tiennent) à|est (?:fier|fière|heureux|heureuse|ravie?) d[e']|remercie|s'excuse|présente ses|"
    r"appuie|dénonce|condamne|se dissocie|vous invite|invite (?:les|tous)|assume|félicite|souhaite (?:la|un|une|à)|"
    r"rappelle aux|demande aux parents|is (?:proud|happy|pleased) to|thanks|apologi[sz]es|would like to "
    r"(?:apologi[sz]e|thank)|supports)",
    re.IGNORECASE,
)
#: Answering a question or a criticism about the CPE (code of conduct, article 5 iv).
_ANSWER = rx(
    r"pour (?:vous )?répondre",
    r"(?:en )?réponse (?:à|aux)",
    r"pour (?:la|les|ceux|celles) (?:personnes? )?qui",
    r"(?:ceux|celles|les gens|les parents|la personne|la madame|le monsieur|la mère|le père)(?: \w+)? qui "
    r"(?:disent|dit|écrivent|a écrit|ont écrit|se plaignent|se plaint|parlent|critiquent|chialent|racontent)",
    r"je (?:vous |te )?(?:le )?(?:confirme|assure|garantis?)",
    r"je (?:peux|vais) (?:vous |te )?(?:répondre|le dire)",
    r"(?:au|à la) (?:monsieur|madame|personne|mère|père|maman|papa|parent)(?: \w+)? qui",
    r"(?:qqn|qq1) (?:\w+ )?(?:demandait|demande|disait|dit|a demandé)",
    r"(?:on|nous) (?:vous )?annon\w+",
    r"(?:sommes|suis|est) (?:fiers?|fières?|heureux|heureuses?|ravie?s?) d'annoncer",
    r"(?:we're|we are) (?:proud|happy|excited|thrilled) to (?:announce|share|welcome)",
    r"(?:that's|thats|it's|its|is|totally|completely) (?:not true|false|untrue)",
    r"not true",
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
    # answering, defending, reassuring (general French and English)
    r"(?:arrêtez|cessez|arrête) de (?:partager|publier)",
    r"stop (?:spreading|sharing)",
    r"(?:petite )?mise au point",
    r"pour clarifier",
    r"(?:let me|to) clear (?:this|things|that) up",
    r"(?:je me permets de|je veux|je vais) défendre",
    r"(?:i want to|let me|just want to) reassure",
    r"soyez rassurés?",
    r"(?:inquiétez-vous|stressez) pas",
    r"whoever (?:said|posted|wrote)",
    r"je réponds",
    r"(?:i'll|i will|let me) answer",
    r"(?:for anyone|to everyone|people|those) (?:wondering|asking)",
    r"(?:someone|somebody|quelqu'un) (?:on \w+ )?(?:asked|said|a demandé|demande|disait|dit)",
    r"(?:j'ai vu|je vois|just saw|i saw|i keep seeing|je suis tannée? de lire)(?: \w+){0,6} "
    r"(?:post|publication|commentaires?|critiques?|questions?|plaintes?|niaiseries|people|someone|qu'on parlait)",
    r"(?:réponse|reply) (?:à|to) @?\w+",
    r"(?:nous recrutons|on recrute|on engage|we're hiring|we are hiring)",
    r"inscriptions? (?:sont |est )?(?:ouvertes?|en cours)",
    r"registration (?:is )?(?:now )?open",
    r"(?:on|nous) (?:ouvre|ouvrons|ferme|fermons) à",
    r"(?:le cpe|on|nous) (?:sera|va être) (?:fermée?|ouverte?)",
)
#: A question then its answer: "Est-ce que les repas sont inclus?\n↳ oui…".
_QA = re.compile(
    r"\?\s*\n\s*(?:↳\s*)?(?:\w+,?\s+){0,2}(?:oui|non|yes|no)(?!\w)"
    r"|\?\s*[»\"”]\s*(?:—|–|-|:|→)"
    r"|^\s*(?:re\s*:|>|«)[^\n?]{3,120}\?",
    re.IGNORECASE | re.MULTILINE,
)
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
