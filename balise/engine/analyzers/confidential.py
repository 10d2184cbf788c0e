"""Confidential information of the CPE (5 v): money, board, HR, strategy, "between us"."""

from __future__ import annotations

import re

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
    r"fuite(?! d'eau| de gaz| partout| dans)",
    r"(?<!pas un )(?<!pas de )(?:top )?secret(?:s| commercial)?",
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
    # Written from general French/English: what is not (yet) known, official or public.
    r"confidentialité",
    r"non-divulgation",
    r"(?:sait|savent|sais|dit|dire|annoncée?s?|courant) (?:pas|rien) (?:encore )?officiellement",
    r"pas officiellement encore",
    r"(?:peux|peut) pas (?:le |en )?dire officiellement",
    r"officiellement,? (?:il|elle|ils|elles|on|c'est|ça)\b[^.!?\n]{0,30}[«\"“]",
    r"(?:sait|savent|saura) (?:même |toujours )?pas (?:encore|rien)",
    r"personne (?:le |l'|ne le )?sait (?:encore|à part)",
    r"(?:pas|personne) (?:encore )?au courant",
    r"pas encore (?:su|sorti|dans le journal)",
    r"(?:vous l'apprenez|vous l'avez (?:vu|lu|su|pas su de moi)|vous le lisez) (?:ici|en premier)",
    r"vous l'avez pas su de moi",
    r"(?:on a|j'ai|j'ai même) pas le droit (?:de (?:le |les |en )?(?:partager|dire|montrer|parler|savoir))",
    r"(?:on est|je suis|chu) pas (?:supposée?s?|censée?s?) (?:de )?(?:le dire|en parler|le savoir|le partager)",
    r"je (?:peux|peut) (?:rien|pas) (?:dire|en dire)",
    r"sans (?:donner|entrer dans les|dévoiler) (?:trop de |les )?détails",
    r"info(?:rmation)?s? de couloir",
    r"en exclusivité",
    r"faites comme si vous saviez rien",
    r"(?:va|vont|allez|allons|on va) (?:juste |seulement )?(?:être |l'|le |les |la )?(?:annoncée?s?|annoncer|dévoilée?s?|dévoiler|communiquée?s?)",
    r"(?:va|vont|allez) (?:l'|le )(?:apprendre|savoir) (?:officiellement|seulement|juste|en|lundi|demain|bientôt|la semaine|à la|au|aux)",
    r"(?:ils|elles|on) (?:l'|le )?annonce(?:nt|ra|ront)? (?:juste |seulement )?(?:en|à|au|après|lundi|demain)",
    r"ben moi je le dis",
    r"(?:you )?didn't hear (?:it|this) from me",
    r"(?:inside|insider) info",
    r"between us",
    r"not (?:public|announced|official)(?: yet)?",
    r"(?:hasn't|haven't|hasn't yet|have not|has not) (?:been )?(?:announced|told)",
    r"before (?:telling|announcing|they tell|they announce)",
    r"(?:they're|they are|we're|management is) (?:telling|announcing)\b[^.!?\n]{0,30}(?:in|after|next|on)",
    r"not on the website",
    r"internal (?:report|memo|document|email)",
    r"under wraps",
    r"(?:pas|not) (?:supposée?s?|censée?s?|sensée?s?) (?:de |to )?(?:le dire|en parler|le savoir|le partager|dire ça|say|tell)",
    r"je devrais pas (?:le |les |en )?(?:partager|publier|montrer)",
    r"motus",
    r"keep (?:it |this )?(?:quiet|secret|between us)",
    r"faut pas que ça sorte",
    r"(?:je vous |j'vous |jvous )?dis rien de plus",
    r"(?:dit|demandé) de (?:pas|ne pas) en parler",
    r"(?:will|gonna|are going to) find out (?:later|soon|eventually)",
    r"(?:attend|attendent|attendre) avant de (?:l'|le )?annoncer",
    r"pas dans le rapport annuel",
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
    r"admise?s?",
    r"projet",
    r"programme",
    r"logo",
    r"mascotte",
    r"lancement",
    r"heures",
    r"(?:avec|sans) (?:solde|salaire)",
    r"lettre",
    r"budget",
    r"fees",
    r"raises?",
    r"hiring",
    r"lease",
    r"renewal",
    r"certification",
    r"resignation",
    r"(?:fired|let go|laid off)",
    r"(?:new |the )?(?:site|building)",
    r"management",
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
    r"c'est public",
    r"(?:c'est )?pas un secret",
    r"public (?:announcement|meeting)",
    r"comme (?:annoncée?|prévu|publié)",
    r"(?:annoncée?s?|publiée?s?|disponibles?|affichée?s?) (?:sur|dans) (?:le|notre|la) (?:site|page|infolettre|babillard)",
    r"(?:on|in) (?:our|the|their|the cpe's) (?:website|newsletter)",
    r"rapport annuel",
    r"annual report",
    r"lettre (?:officielle |envoyée )?(?:aux|à tous les) parents",
    r"transmise? à (?:toutes les|tous les) (?:familles|parents)",
    r"gazette officielle",
)


#: A password, door or alarm code, admin account given with its value (5 v: the CPE's
#: security is its confidential information): the credential word, then within the sentence
#: "c'est / est / : / is" and a value holding a digit or an "@".
CREDENTIAL = rx(
    r"(?:mots? de passe|mdp|passwords?|passcodes?|nip|pin|identifiants?|login|compte admin\w*(?: global)?"
    r"|codes? (?:d'accès|d'alarme|d'entrée|de (?:la |l')?(?:porte|alarme|sécurité|serrure|barrure|cadenas|"
    r"clavier|bâtisse|immeuble|local|bureau|garage|wifi|coffre)|du (?:cadenas|clavier|système|portail|logiciel|"
    r"local|bureau|coffre|wifi|garage|système d'alarme)|pour (?:le|la|l') ?\w+))"
    r"[^.!?\n]{0,70}?(?:c'est|est|sont|is|are|:|=|→)\s*(?:encore |toujours |tous |maintenant |now |still )?"
    r"[«\"“']?\s*[\w#!@.$*&-]*[\d@][\w#!@.$*&-]*",
    r"(?:admin |default )?passwords? (?:is|are) still the default",
)
#: Someone's own credentials outside work (Netflix, a bank) are theirs to joke about.
OWN_CREDENTIAL = rx(
    r"(?:mon|ma|mes|my) (?:mot de passe|nip|pin|password|code)\s+(?:netflix|facebook|instagram|"
    r"banque|bancaire|cellulaire|téléphone|carte|phone|bank)"
)
#: Sharing an internal document of the CPE: minutes of the board, internal report or plan.
INTERNAL_DOC = rx(
    r"(?:document|rapport|mémo|note|courriel|fichier|plan|report|memo|document) (?:interne|internal)s?",
    r"(?:les |le |j'ai les |voici les |voici le )?(?:procès-verbaux|pv) (?:du|de la|des) (?:ca|conseil|réunion|comité)",
    r"(?:voici|je vous (?:mets|montre|partage|envoie)|jvous ai mis|en pièce jointe|ci-joint)[^.!?\n]{0,40}"
    r"(?:proposition (?:écrite|patronale)|offre (?:patronale|de la direction)|états? financiers?|procès-verbal|pv|"
    r"budget|contrat|entente|soumission)",
    r"(?:selon|dans) (?:le |les )?(?:dernier |derniers )?états? financiers?(?! (?:publiés?|adoptés?|présentés? à l'aga))",
)
#: A disciplinary measure or dismissal of a colleague as a fact (rules.md: HR matters about
#: an identifiable colleague are 5.ii.renseignements and 5.v.confidentiel).
HR_MEASURE = rx(
    r"(?:a|ont|avait|aurait) été (?:suspendue?s?|congédiée?s?|renvoyée?s?|remerciée?s?|mise?s? (?:à pied|dehors))",
    r"(?:est|sont) (?:suspendue?s?|congédiée?s?|renvoyée?s?)(?= |,|\.|$)",
    r"(?:va|vont) (?:se faire |être )(?:congédiée?s?|congédier|renvoyée?s?|renvoyer|suspendue?s?|suspendre|"
    r"mettre dehors|mise?s? (?:à pied|dehors))",
    r"se (?:fait|font) (?:congédier|renvoyer|suspendre|mettre dehors)",
    r"(?:a|ont) (?:eu|reçu) (?:un|son|des|un deuxième|un dernier) (?:avertissements? (?:écrits?|disciplinaires?|final)|"
    r"avis disciplinaires?)",
    r"avertissement écrit pour",
    r"(?:l'a|les a|l'ont|les ont) (?:congédiée?s?|renvoyée?s?|suspendue?s?|mise?s? (?:dehors|à pied))",
    r"(?:va|vont) (?:la|le|les) (?:laisser aller|mettre dehors|congédier|renvoyer)",
    r"(?:is|was|got|getting|being|been) (?:fired|suspended|let go|laid off|dismissed)",
    r"(?:formal )?(?:performance )?improvement plan",
    r"written warning",
    r"(?:a échoué|n'a pas passé|a pas passé) sa (?:période d'essai|probation)",
    r"suspendue? (?:avec|sans) (?:solde|salaire)",
)
#: Not a colleague: one's family, a sports player, a TV character, a former employer; or a wish.
NOT_COLLEAGUE = rx(
    r"(?:mon|ma|mes) (?:fils|fille|frère|sœur|soeur|chum|blonde|mari|femme|conjointe?|père|mère|cousine?|"
    r"oncle|tante|beau-frère|voisine?)",
    r"(?:le|la) (?:père|mère|papa|maman) (?:de|d')",
    r"(?:le joueur|la joueuse|le personnage|la série|l'épisode|de l'école|matchs?)",
    r"(?:son|de son|mon) ancien(?:ne)? (?:cpe|emploi|employeur|job|travail|garderie)",
    # a wish or a threat, not a fact
    r"j'?espère|jspr|devrai(?:t|ent)|mérite|should|hope",
)
#: The author's vantage point inside the CPE's administration, board or payroll, then what it shows.
INSIDER = rx(
    r"j'ai fait (?:les|la) paies?",
    r"je (?:travaille|suis) (?:à|dans) (?:l'admin\w*|la comptabilité|la paie|le bureau de la direction)",
    r"(?:j'étais|j'ai assisté|j'assistais) (?:au|à la) (?:ca|conseil|rencontre|réunion) (?:du|de)?",
    r"je prends les notes",
    r"j'ai tapé la lettre",
    r"(?:en réunion|au dernier ca|à huis clos|en comité)(?:,)? (?:on nous a|ils (?:nous )?ont|on a) "
    r"(?:dit|annoncé|appris|présenté|montré|parlé)",
    r"on vient de le voir en (?:équipe|réunion)",
    r"info(?:rmation)? de la dernière réunion",
    r"i (?:handle|do) (?:the )?(?:payroll|books|accounting)",
)
#: Reporting what was said behind the closed doors of a board, committee or staff meeting.
MEETING_REPORT = rx(
    r"ce (?:qui s'est dit|que j'ai appris|qu'on a appris|qui s'est décidé) (?:au|en|à la|à l') (?:ca|comité|réunion|conseil|assemblée syndicale)",
)
#: A seat on the board or a committee, then "je peux vous dire que": what the seat showed.
SEAT = rx(
    r"je (?:siège|suis|fais partie|suis membre|m'occupe) (?:au|du|sur le|dans le|de la) (?:conseil|ca|comité)",
    r"(?:trésorière?|secrétaire|membre|présidente?) du (?:ca|conseil|comité)",
    r"comité (?:de direction|de gestion|des finances)",
)
TELLS = rx(r"je (?:peux|peut) (?:vous |te )?dire que", r"i can tell you")
#: Denying a rumour or a criticism answers for the CPE (5 iv); it discloses nothing by itself.
DENIAL = rx(
    r"exagérée?s?",
    r"c'est (?:complètement |totalement |absolument )?(?:faux|pas vrai)",
    r"rumeurs? (?:\w+ ){0,8}(?:sont |est )?(?:fausses?|pas vraies?|non fondées?)",
    r"(?:fausses?|pas vraies?) rumeurs?",
    r"fausses? nouvelles?",
    r"non fondée?s?",
    r"(?:not|isn't|wasn't) true",
    r"ça s'est pas passé",
)
#: Public policy and the news (government, ministry, unions' national bargaining)...
PUBLIC_SPHERE = rx(
    r"gouvernements?",
    r"ministres?",
    r"ministère",
    r"ministry",
    r"government",
    r"conseil du trésor",
    r"budget (?:provincial|fédéral|du québec|girard)",
    r"provincial",
    r"front commun",
    r"négo(?:ciations?)? nationales?",
    r"vérificatrice générale",
    r"legault",
    r"caq",
    r"la presse",
    r"gazette officielle",
    r"québec\.ca",
    r"les cpe",
    r"réseau (?:des cpe|de la petite enfance)",
    r"petite enfance",
)
#: ...unless the post speaks of this CPE's own affairs.
LOCAL = rx(
    r"(?:notre|mon|le|au|du|ce) cpe",
    r"(?:notre|la|ma) garderie",
    r"(?:la|notre) (?:direction|dg|directrice)",
    r"(?:le|au|du|notre) (?:ca|conseil d'administration)",
    r"chez nous",
    r"(?:our|my|the) (?:daycare|cpe|board)",
    r"(?:notre|nos|our) (?:\w+ )?(?:dossier|subventions?|places|allocation|cuisine|kitchen|taux|chiffres|"
    r"éducatrices|financement|inscriptions)",
    r"(?:nous|on|us) (?:a|ont|va|vont)? ?(?:coupé|accordé|refusé|exigé|couper|cutting)",
    r"(?:nous|nos|on) (?:a|avons) (?:eu|reçu)",
    r"inspection",
    r"inspectrice",
    r"non-conformités?",
    r"amende",
    r"plainte",
    r"enquête",
    r"signalement",
    r"(?:taux d'occupation|fréquentation|taux de présence)",
    r"j'ai vu (?:le|la|les|passer)",
    r"au bureau",
)
#: A budget of one's own (household, a purchase) is not the CPE's.
OWN_BUDGET = rx(
    r"(?:mon|ma|notre|my|our) budget (?:familial|personnel|de la maison|d'épicerie|épicerie|de rénovation|"
    r"vacances|de noël|mensuel)",
    r"budget (?:familial|personnel|tip)",
    r"budget:? \d+ ?\$",
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
                r"(?:le |au |du )?(?:conseil d'administration|c\.a\.)\s+(?:va|veut|envisage|a voté|a décidé|"
                r"a refusé|a choisi|a accepté|a approuvé|songe|discute|prévoit|a (?:\w+ )?(?:coupé|gelé|aboli))",
                r"the board (?:just |has |already )?(?:voted|decided|approved|froze|cut|wants|is planning|refused)",
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
                r"(?:la )?partie patronale (?:veut|propose|offre|demande|exige)",
                r"(?:contre-)?(?:offre|proposition) (?:de la direction|de l'employeur|du ca) (?:pour|aux|sur)",
                r"management's (?:latest |last |new )?(?:offer|proposal)",
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
                # the CPE's money, with its figure
                r"(?:soumission|factures? impayées?|réserve|travaux|contrat|fournisseur|surplus|déficit|"
                r"états? financiers?|masse salariale|trou|immobilisation|paie|prime)[^.!?\n]{0,60}?\d[\d  ,.]*\s?k?\s?\$",
                r"\d[\d  ,.]*\s?k?\s?\$ (?:de |en )?(?:travaux|subventions?|déficit|surplus|factures|financement|"
                r"coupures?|contrat)",
                r"réorganisation",
                r"c'est (?:déjà )?(?:décidé|réglé|voté|signé)",
                r"(?:ont|a) déjà (?:choisi|décidé|voté|signé)",
            ),
        ),
    )

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        text = doc.text
        told = _told(doc)
        hits = super().strong_hits(doc)
        if PUBLIC.search(text) and not told:
            hits = []
        business = [(m.start(), m.end()) for m in BUSINESS.finditer(text)]
        own = OWN_CREDENTIAL.search(text)
        if own:  # one's own Netflix password is no business of the CPE
            business = [b for b in business if not own.start() <= b[0] < own.end()]
        if told and business:
            hits += [("confidence + affaire interne du CPE", s, e) for s, e in told + business[:2]]
        if not OWN_CREDENTIAL.search(text):
            hits += [
                ("code ou mot de passe", m.start(), m.end()) for m in CREDENTIAL.finditer(text)
            ]
        hits += [("document interne", m.start(), m.end()) for m in INTERNAL_DOC.finditer(text)]
        if not NOT_COLLEAGUE.search(text):
            hits += [
                ("mesure disciplinaire", m.start(), m.end()) for m in HR_MEASURE.finditer(text)
            ]
        inside = [(m.start(), m.end()) for m in INSIDER.finditer(text)]
        if inside and not DENIAL.search(text):
            after = [b for b in business if not any(s <= b[0] < e for s, e in inside)]
            if after:
                hits += [("de l'intérieur", s, e) for s, e in inside + after[:1]]
        hits += [("réunion interne", m.start(), m.end()) for m in MEETING_REPORT.finditer(text)]
        seat = SEAT.search(text)
        tells = TELLS.search(text)
        if seat and tells and not DENIAL.search(text):
            after = [b for b in business if b[0] > tells.end()]
            if after:
                hits += [
                    ("de l'intérieur", seat.start(), seat.end()),
                    ("de l'intérieur", *after[0]),
                ]
        return hits

    def _model_hit(self, doc: Document) -> list[Hit]:
        text = doc.text
        if not _told(doc):
            if PUBLIC.search(text) or DENIAL.search(text):
                return []
            local = bool(doc.org_spans or LOCAL.search(text))
            if not local and (PUBLIC_SPHERE.search(text) or OWN_BUDGET.search(text)):
                return []
        return super()._model_hit(doc)


#: "la direction le sait pas encore": the author acts behind management's back (a page, a
#: project), which tells nothing confidential about the CPE.
_BOSS_BEFORE = re.compile(
    r"(?:direction|dg|directrice|directeur|patronne?|boss)\W*(?:est\s*|n'est\s*)?(?:le |l'|la |les )?$",
    re.IGNORECASE,
)


def _told(doc: Document) -> list[tuple[int, int]]:
    """Return the spans of the disclosure markers (not the direction's own ignorance)."""
    spans = []
    for m in DISCLOSURE.finditer(doc.text):
        if m.group(0).lower().startswith(("sai", "pas", "personne")) and _BOSS_BEFORE.search(
            doc.text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        spans.append((m.start(), m.end()))
    return spans
