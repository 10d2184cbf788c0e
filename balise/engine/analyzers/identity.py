"""False identity, impersonation, or a function in the CPE the author does not hold (5 iii).

The patterns are written from the code of conduct and from general French and English: how
people sign a message, introduce themselves, fill a profile, speak as a body of the CPE, borrow
somebody's account or pose as a parent. A claimed function is compared with
``context.author_role`` (feminine/masculine, department and qualifier aware): the real holder of
a function may say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.document import Document
from balise.engine.textutil import fold

# --------------------------------------------------------------------------------------------
# The functions of a CPE (and of its board), feminine and masculine.
# --------------------------------------------------------------------------------------------
ROLE_WORDS = (
    "directrice générale",
    "directeur général",
    "directrice adjointe",
    "directeur adjoint",
    "directrice pédagogique",
    "directeur pédagogique",
    "directrice",
    "directeur",
    "dga",
    "dg",
    "coordonnatrice",
    "coordonnateur",
    "coordinatrice",
    "coordinateur",
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
    "membre du conseil",
    "membre du comité de direction",
    "membre de la direction",
    "membre de l'équipe de direction",
    "administratrice",
    "administrateur",
    "gestionnaire",
    "propriétaire",
    "copropriétaire",
    "porte-parole",
    "conseillère pédagogique",
    "conseiller pédagogique",
    "responsable",
    "fondatrice",
    "fondateur",
    "adjointe administrative",
    "adjoint administratif",
    "adjointe à la direction",
    "adjoint à la direction",
    "adjointe",
    "adjoint",
    "éducatrice spécialisée",
    "éducateur spécialisé",
    "éducatrice en chef",
    "éducateur en chef",
    "éducatrice titulaire",
    "éducateur titulaire",
    "éducatrice permanente",
    "éducateur permanent",
    "éducatrice qualifiée",
    "éducateur qualifié",
    "éducatrice responsable",
    "éducateur responsable",
    "psychoéducatrice",
    "psychoéducateur",
    "nutritionniste",
    "infirmière",
    "infirmier",
    "la direction",
    "direction",
    "administration",
    "patronne",
    "patron",
    "boss",
    "cheffe cuisinière",
    "chef cuisinière",
    "chef cuisinier",
    "cuisinière en chef",
    "cuisinier en chef",
    "conseil d'administration",
    "conseil",
    "coordination",
    "équipe de direction",
    "équipe de gestion",
    "comité de direction",
    "comité de sélection",
    "psychologue",
    "inspectrice",
    "inspecteur",
    "superviseure",
    "superviseur",
    "gérante",
    "gérant",
    "intendante",
    "intendant",
    "codirectrice",
    "codirecteur",
    "co-directrice",
    "co-directeur",
    "cheffe d'équipe",
    "chef d'équipe",
    "diététiste",
    "pdg",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "recruteuse",
    "recruteur",
    "représentante",
    "représentant",
    "ingénieure",
    "ingénieur",
    "comptable",
    "avocate",
    "avocat",
    "architecte",
)
_ROLE_RX = "|".join(re.escape(r) for r in sorted(ROLE_WORDS, key=len, reverse=True))

#: English functions (regular expressions), with the French function they stand for.
ENGLISH_ROLES: tuple[tuple[str, str], ...] = (
    (r"general manager|executive director|managing director", "directrice générale"),
    (r"(?:assistant|deputy|associate) director", "directrice adjointe"),
    (r"director of operations|operations (?:director|manager)", "directrice des opérations"),
    (
        r"(?:pedagogical|educational|curriculum) (?:coordinator|advisor|adviser|consultant|"
        r"counsell?or|lead|director)",
        "conseillère pédagogique",
    ),
    (
        r"(?:hr|human resources) (?:manager|director|coordinator|officer|advisor|lead)",
        "responsable rh",
    ),
    (r"(?:hr )?recruiter", "recruteuse"),
    (
        r"communications? (?:manager|director|coordinator|officer|lead)",
        "responsable des communications",
    ),
    (r"head of(?: [a-z-]+){1,3}", "responsable"),
    (
        r"(?:head|lead|senior|chief) (?:early childhood |ece |daycare |preschool |toddler )?"
        r"(?:educator|teacher)|room (?:supervisor|lead)",
        "éducatrice en chef",
    ),
    (
        r"(?:certified |registered |pediatric |paediatric )*(?:nutritionist|dietitian)",
        "nutritionniste",
    ),
    (r"(?:qualified|certified|licensed) (?:educator|teacher)", "éducatrice qualifiée"),
    (
        r"special(?:ized)? (?:needs )?educator|special education (?:technician|teacher)",
        "éducatrice spécialisée",
    ),
    (r"psycho-?educator", "psychoéducatrice"),
    (r"head (?:cook|chef)", "cheffe cuisinière"),
    (r"(?:acting |interim )?director", "directrice"),
    (r"manager", "gestionnaire"),
    (r"(?:co-)?owner", "propriétaire"),
    (r"board member|member of the board", "membre du ca"),
    (r"(?:board's )?treasurer", "trésorière"),
    (r"vice[- ]president", "vice-présidente"),
    (r"(?:board )?president|chair(?:woman|man|person)? of the board|board chair", "présidente"),
    (r"coordinator", "coordonnatrice"),
    (r"spokes(?:person|woman|man)|official representative", "porte-parole"),
    (r"management", "direction"),
)
_EN_RX = "|".join(f"(?:{p})" for p, _ in ENGLISH_ROLES)


def english_role(words: str) -> str:
    """Return the French function an English title stands for."""
    w = fold(words).strip()
    if w.startswith("head of "):
        return "responsable " + w[len("head of ") :]
    for pattern, french in ENGLISH_ROLES:
        if re.fullmatch(pattern, w, re.IGNORECASE):
            return french
    return "responsable"


#: What a function may be "of": a department ("responsable des admissions") or a qualifier.
_COMPLEMENT = (
    r"(?P<comp>\s+(?:pédagogique|adjointe?|générale?|officiel(?:le)?|rh|par intérim|intérimaire|"
    r"(?:des|du|de la|de l'|d'|aux?|à la|en)\s*[\w-]+(?:\s+d'[\w-]+)?))?"
)
_QUOTE_OPEN = r"[«\"“]"
_QUOTE_CLOSE = r"[»\"”]"
#: The author's own or used account: "mon compte", "j'ai ouvert un compte", "avec le profil".
_OWN = (
    r"(?:mon|ma|mes|avec (?:le|mon|un)|sous (?:le|mon|un)|via (?:le|mon)|"
    r"j'ai (?:créé|ouvert|fait|lancé|changé|mis|inventé)|je me suis (?:créé|fait|inventé)|"
    r"me (?:créer|faire|suis créé)|m'ouvrir|ouvert|créé|ouvrir|créer)\b[^.!?\n]{0,30}?"
)
#: A person's name as written (capitalised words, an initial), case-sensitive.
_NAME = (
    r"(?-i:(?!(?:Bonjour|Bonsoir|Allô|Allo|Salut|Coucou|Hello|Hi|Hey|Merci|Oui|Non|Ok|Bon|Ben|"
    r"Alors|Voilà|Voici|Chers?|Chères?|Mesdames|Messieurs|Bravo|Félicitations|Attention|Rappel|"
    r"Important|Avis|Message|Mot|Note|Direction|Ici|Moi|Nous|Le|La|Les|Un|Une|Mme|Madame|M|Mr|"
    r"Monsieur|Dre?|CPE|Nouvelle|Nouveau)\b)"
    r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    r"(?:\s+(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?|[A-ZÀ-Ý]\.)){0,2})"
)
_GREETING = r"(?:bonjour|bonsoir|rebonjour|allô|allo|salut|coucou|hello|hi|hey|yo)"
#: What is before a self-introduction: the start of the post or of a line, a greeting.
_START = (
    r"(?:^|(?<=\n))[^\w\n]*(?:"
    + _GREETING
    + r"\b(?:\s+(?:tout le monde|à tous|à toutes|tous|toutes|"
    r"chers parents|les parents|les amis|everyone|all|folks))?[\s,!.]*(?:[^\w\s]\s*)*)?"
)

# --------------------------------------------------------------------------------------------
# Forms of a claimed function.
# --------------------------------------------------------------------------------------------
#: Words that introduce a claimed function: "en tant que", "à titre de", "moi qui suis", "ici"…
_CLAIM_INTRO = (
    r"en tant que|en tant qu'|à titre de|a titre de|à titre d'|comme|moi,? la|moi,? le|moi qui suis|"
    r"je suis|j'suis|chu|c'est moi|ici,?|nous,? la|nous,? le|"
    r"me présentant comme|en me présentant comme|je me présente(?:rai)? comme|"
    r"(?:je )?me suis présentée?s? comme|te présentes? comme|me présentais comme|me présenter comme|"
    r"(?:me suis|m'suis|je suis|t'es|suis|j'ai été)\s+(?:inscrite?|enregistrée?|identifiée?|annoncée?)"
    r"(?:\s+[\w'-]+){0,5}?\s+comme|"
    r"je dis que je suis|je dis que j'suis|étant|moi,|in my role as|my title is|"
    r"(?:j'ai|je me suis)\s+(?:dit|écrit|fait croire|prétendu|laissé entendre|annoncé)\s+(?:[\w'-]+\s+){0,5}?"
    r"que (?:j'étais|je suis|j'suis)|"
    r"(?:j'ai été|je suis|je viens d'être|j'viens d'être)\s+(?:nommée?|promue?|élue?|embauchée?)\s+(?:comme |au poste de |à titre de )?|"
    r"je suis (?:à|dans|sur) (?=la coordination|la direction|le comité de direction|l'équipe de direction|le conseil|le ca\b)|"
    r"(?:je parle |j'écris |je réponds |je publie )?au nom de|"
    r"(?:je parle |j'écris |je réponds |je publie )?au nom du|"
    r"(?:(?:petit |court )?(?:mot|message|note|communiqué|rappel)\s+)?de la part (?:de|du)|"
    r"(?:petit |court )?(?:mot|message|note|communiqué|rappel)(?: important| officiel)? (?:de|du|des)|"
    r"je siège (?:au|sur le|à)|je suis (?:sur le|au|membre du)|"
    r"en signant|j'ai signé(?: \w+){0,4}|en ma qualité de|en ma qualité d'|"
    r"sign[ée]e?\s*:?\s*(?:[A-ZÉÈ][\w-]+\s*,\s*)?|c'est (?=la |le |votre )|je travaille à (?=la direction)|"
    r"(?:membre|je fais partie|fais partie) (?:de|d') ?(?=l'équipe de direction|la direction|l'équipe de gestion)|"
    r"(?:rejoindre|rejoins|j'intègre|intégrer|nommée?|élue?)\s+(?=au conseil|le conseil|la direction|au ca\b)|"
    r"linkedin\s*:|"
    r"(?:mon |ma )?(?:titre|profil|bio|signature|statut|description|carte d'affaires|carte professionnelle)"
    r"(?: [\w'-]+){0,5}\s*:|mon poste(?: \w+){0,5}\s*:|nouveau poste\s*[!:.]?|"
    r"(?:mon|ma) (?:nom|pseudo|nom d'utilisateur|nom d'affichage|titre|statut|bio|description|profil|signature)"
    r"(?: [\w'-]+){0,4} (?:c'est|est|dit|indique|affiche)|"
    r"je signe(?:\s+mes\s+\w+(?:\s+\w+)?)?|signée?\s*:?|signature\s*:?(?:\s*"
    + _NAME
    + r"\s*[,–—-])?|"
    r"(?:mon|ma) (?:titre|profil|signature)(?: linkedin| facebook)? (?:dit|indique|est)"
)
ROLE_CLAIM = re.compile(
    r"(?<!\w)(?:" + _CLAIM_INTRO + r")(?:(?<=['\s])|\s+)" + _QUOTE_OPEN + r"?\s*"
    r"(?:la |le |l'|votre |ta |une |un |officiellement |maintenant |désormais |aussi |rendue )?\s*"
    + _QUOTE_OPEN
    + r"?\s*(?:nouvelle |nouveau |vraie |vrai |seule |seul )?"
    r"(?P<role>"
    + _ROLE_RX
    + r")(?:\s*[»\"”](?=\s+(?:du|de la|de l'|des|au|à la)\s))?"
    + _COMPLEMENT
    + r"(?!\w)",
    re.IGNORECASE,
)

ENGLISH_CLAIM = re.compile(
    r"(?<!\w)(?:i'm|i am|as|speaking as|writing as|this is|here is|here's|it's)\s+"
    + r"(?:(?:officially|now|actually|also)\s+)?"
    + _QUOTE_OPEN
    + r"?\s*(?:the|a|an|your|our)?\s*(?:(?:daycare|centre|center|cpe|new|acting|interim|official|clinical|"
    r"executive|program|site|head)(?:'s)?\s+)*"
    r"(?P<role>" + _EN_RX + r")(?!\w)",
    re.IGNORECASE,
)
#: "I'm Lucie, assistant director at…", "This is Marc, the director".
ENGLISH_NAME_CLAIM = re.compile(
    r"(?<!\w)(?:i'm|i am|this is|it's|here's|my name is)\s+"
    + _NAME
    + r"\s*,\s*(?:the |a |an |your |our )?(?:(?:new|acting|interim|daycare|centre|center|cpe)(?:'s)?\s+)*(?P<role>"
    + _EN_RX
    + r")(?!\w)",
    re.IGNORECASE,
)
#: A title written in a profile: "Profile updated: Marc B. – Assistant Director", "work info to «…»".
ENGLISH_TITLE_CLAIM = re.compile(
    r"(?<!\w)(?:profile|bio|headline|job title|title|linkedin|work info|position|email signature|"
    r"signature|current role|current position|resume|résumé|cv)\b[^.!?\n]{0,30}?(?:[:«\"“]|\bto\b|\bas\b)\s*[«\"“]?\s*(?:"
    + _NAME
    + r"\s*[–—,|-]\s*)?(?:the |a |an )?(?P<role>"
    + _EN_RX
    + r")(?!\w)",
    re.IGNORECASE,
)
#: A function written as a title: in a signature, a bio, a profile ("Directrice, CPE …").
_TITLE_WORDS = (
    r"(?:sign\w*|bio|profil|titre|linkedin|statut|cartes? d'affaires|cartes? professionnelles?|"
    r"en-tête|nom (?:facebook|instagram|insta|tiktok|d'affichage|d'utilisateur))"
)
TITLE_CLAIM = re.compile(
    _TITLE_WORDS
    + r"[^.!?\n]{0,40}?"
    + _QUOTE_OPEN
    + r"\s*(?:la |l')?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)|"
    + _QUOTE_OPEN
    + r"\s*(?:la |l')?(?P<role2>"
    + _ROLE_RX
    + r")"
    + r"(?P<comp2>(?:\s+[\w-]+)?)\s*(?:\([^)\n]{1,20}\)\s*)?"
    + _QUOTE_CLOSE
    + r"[^.!?\n]{0,40}?"
    + _TITLE_WORDS,
    re.IGNORECASE,
)
#: A self-description opening the post: "Responsable de l'alimentation en CPE depuis 12 ans, voici…".
OPENING_CLAIM = re.compile(
    r"^\W*(?:\w+\s+ici,?\s+)?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?:\s+(?:permanente?|en chef|certifiée?))?"
    r"(?P<gap>\s+(?:(?:du|de la|des|de|au|aux|à la|chez|pour le|pour la|pour|en|dans)\s+|(?:de l'|d')\s*)[^,.!?:;\n]{1,50}?|"
    r"\s+depuis\s+[^,.!?:;\n]{1,30}?|\s*\([^)\n]{1,30}\)|(?<=cpe)\s+[^,.!?:;\n]{1,40}?)?"
    r"(?:\s+ici\b(?=\s*(?:$|[^\w\s]))|(?:\s+ici)?\s*[,:]\s*"
    r"(?:je|j'|voici|moi|on|nous|oui|non|posez|demandez|écrivez|contactez|fière?|heureuse|heureux|"
    r"merci|bienvenue|veuillez|chers|chères|bonjour|rappel|important))",
    re.IGNORECASE,
)
#: A post that opens on a function held at the CPE: "Cheffe cuisinière au CPE … depuis 2019",
#: "Nouvelle éducatrice spécialisée au CPE …!", "Représentant officiel du CPE pour…".
OPENING_AT_CPE = re.compile(
    r"^[^\w\n]*(?:(?:fière?|fièrement|heureuse|heureux|officiellement|désormais|maintenant|"
    r"nouvelle|nouveau|new|proud)\s+)*(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?:\s+(?:et|&)\s+[^,.!?:;\n–—|]{1,40}?)?"
    r"(?:\s*[,–—|-]\s*|\s+(?:au|aux|du|de la|de l'|à la|chez|pour le|pour la|pour|at|of)\s+)"
    r"(?P<org>)",
    re.IGNORECASE,
)
#: What may follow a self-introduction "Name, function…".
_NAME_ROLE_END_RX = r"\s*(?:,\s*ici\b|ici\b|[.:!;\n)]|$|[-–—|]|,\s*(?:je|j'|nous|on|moi|voici|pour|merci|bonjour)\b)"
#: The CPE as named after a function: "au CPE Les Lucioles", "de la garderie", "des Lucioles".
_ORG_PHRASE = (
    r"(?:le |la |l'|notre )?(?:(?:cpe|garderie|service de garde|installation)(?!\w)|"
    r"(?-i:[A-ZÀ-Ý][\w'-]*))"
    r"(?:\s+(?-i:[A-ZÀ-Ý][\w'-]*|de|des|du|la|les|d'\w+))*"
)
#: "Ici Chantale Beauregard, DG.", "Nathalie X, directrice adjointe, ici.", "C'est Denis, président
#: du CA!", "Réjean, directeur des opérations au CPE …".
NAME_ROLE_CLAIM = re.compile(
    _START
    + r"(?P<intro>(?:(?P<strong>ici|moi,? c'est|je m'appelle|mon nom est|je me présente\s*:?)|c'est|je suis)\s+)?"
    + r"(?P<name>"
    + _NAME
    + r")"
    + r"\s*,\s*(?P<article>la |le |l'|votre |ta )?(?:nouvelle |nouveau )?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)(?P<org>\s+(?:au|aux|du|de la|de l'|des|chez|à la|pour le|pour la)\s+"
    + _ORG_PHRASE
    + r")?(?(strong)|(?="
    + _NAME_ROLE_END_RX
    + r"))",
    re.IGNORECASE,
)
#: Addressing someone ("Francine, directrice: vous devriez…") rather than signing.
_VOCATIVE_NEXT = re.compile(
    r"[\s.:!;,]*(?:vous|tu|t'|ton|ta|tes|votre|vos|merci (?:de|pour|d')|bravo|félicitations|bienvenue)\b",
    re.IGNORECASE,
)
#: A signature closing a message: "— Lucie Vigneault, directrice adjointe", "Signé : Marc, DG".
SIGNATURE_CLAIM = re.compile(
    r"(?:^|(?<=[\n.!?)]))\s*(?:[-–—]+|signée?\s*:?|signature\s*:?|cordialement,?|merci,?|xx+|bisous,?)\s*"
    + _NAME
    + r"\s*,\s*(?:la |le |l'|votre )?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)(?:\s+(?:au|du|de la|de l'|des|chez)\s+[^.!?\n]{1,40})?[\s.!]*$",
    re.IGNORECASE,
)
#: "Mon nom sur TikTok c'est « la directrice… »", an account name or handle holding a function.
PERSONA_ROLE = re.compile(
    _OWN
    + r"(?:compte|profil|pseudo|nom|username|handle)\b[^.!?\n]{0,30}?"
    + _QUOTE_OPEN
    + r"[^»\"”\n]{0,30}?(?<![\w'])(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)[^»\"”\n]{0,30}"
    + _QUOTE_CLOSE,
    re.IGNORECASE,
)
#: "un compte Instagram @direction.lucioles": a handle that speaks for the direction.
HANDLE_ROLE = re.compile(
    r"(?:ouvert|créé|crée|fait|lancé|mon|ma|nouveau)\b[^.!?\n]{0,40}?@(?P<role>direction|admin|dg|"
    r"directrice|directeur|administration|gestion|coordo)[._-]?[\w.]*|"
    r"(?:adresse|courriel|e-?mail|gmail|hotmail|outlook)\b[^.!?\n]{0,20}?[«\"“]?\s*(?P<role2>direction|admin|dg|"
    r"directrice|directeur|administration|gestion|coordo)[._-]?[\w.-]*@[\w.-]+"
    r"(?=[^.!?\n]{0,60}?(?:je me suis|j'ai|créé|ouvert|inventé|fait)|)",
    re.IGNORECASE,
)
#: "Je représente officiellement le CPE", "on behalf of the daycare's management".
SPEAKS_AS_BODY = re.compile(
    r"(?<!\w)(?:je (?:représente|parle pour) (?:officiellement )?(?:le cpe|la direction|la garderie|le conseil)|"
    r"on behalf of (?:the )?(?:[\w'-]+\s+){0,4}?(?:management|direction|board|director|administration))(?!\w)",
    re.IGNORECASE,
)
#: A message signed by the direction as a body: "… lundi. Merci! La direction",
#: "– Management", "The Management Team 🌲" closing the post.
DIRECTION_SIGNOFF = re.compile(
    r"(?:^|(?<=[\n.!?)»\"”])|[-–—]+)\s*(?:[-–—]+\s*)?(?:(?-i:[A-ZÀ-Ý][a-zà-ÿ]+),?\s+(?:pour|for)\s+)?"
    r"(?:la |the |l')?(?P<role>direction(?: générale)?|management(?: team)?|équipe de direction)"
    r"(?:\s+(?:du|de la|des|of the|of)\b)?(?:\s+(?-i:CPE|[A-ZÀ-Ý][\w'’-]*|(?:le|la|les|de|du|des|l')\b))*"
    r"[\s.!\W]*$",
    re.IGNORECASE,
)
#: "Le CTO du CPE, c'est moi", "La directrice des Lucioles? C'est moi."
ROLE_IS_ME = re.compile(
    r"(?<!\w)(?:la |le |l')(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?:\s+(?:du|de la|de l'|des|au|aux)\s+"
    + _ORG_PHRASE
    + r")?\s*[,?!:]*\s*c'est moi\b(?!\s+qui)"
    r"(?!\s+(?:aujourd'hui|ce matin|ce soir|cette semaine|pour (?:la journée|aujourd'hui|cette semaine)))",
    re.IGNORECASE,
)
#: "Comme cheffe cuisinière et diététiste du CPE…", "je suis le concierge en chef et superviseur…".
CHAINED_CLAIM = re.compile(
    r"(?<!\w)(?:en tant que|en tant qu'|comme|je suis|moi,|étant|as|i'm)\s+(?:la |le |l'|the |a |an )?"
    r"[\w-]+(?:\s+[\w'-]+){0,3}?\s+(?:et|and)\s+(?:la |le |l'|the |a |an )?(?P<role>"
    + _ROLE_RX
    + r")"
    + _COMPLEMENT
    + r"(?!\w)",
    re.IGNORECASE,
)


def role_claims(
    text: str, org_spans: Sequence[tuple[int, int]] = ()
) -> list[tuple[str, str, int, int]]:
    """Return (claimed function folded, words, start, end) for each function the author claims."""
    out: list[tuple[str, str, int, int]] = []

    def add(role: str, m: re.Match[str], start: int | None = None) -> None:
        s = m.start() if start is None else start
        if role in _TOO_VAGUE:
            return  # "je suis responsable de mes actes", "représentante chez Avon"
        if not _hypothetical(text, s) and not _quoted_speech(text, s, m.end()):
            out.append((role, text[s : m.end()].strip(), s, m.end()))

    if _NEW_JOB.search(text):
        return out
    for m in ROLE_CLAIM.finditer(text):
        if _not_a_claim(text, m) or _non_cpe(text, m):
            continue
        role = claimed_role(m, text, org_spans)
        if role in _TOO_VAGUE and m.group("comp"):
            role += " du cpe"  # "comme « responsable » du CPE"
        if role.startswith("represent") and _ELECTED.match(text, m.end("role")):
            continue  # "représentante des employées": elected by the staff
        add(role, m)
    for m in ENGLISH_CLAIM.finditer(text):
        if re.search(r"(?:['’]|\btu\s+)$", text[: m.start()], re.I):
            continue  # "t'as", "tu as": French
        after = text[m.end() : m.end() + 30]
        if re.match(
            r"\s+(?:said|says|told|tells|asked|asks|wants|wanted|announced|explained|put it)\b",
            after,
            re.I,
        ):
            continue
        add(fold(english_role(m.group("role"))), m)
    for m in (*ENGLISH_NAME_CLAIM.finditer(text), *ENGLISH_TITLE_CLAIM.finditer(text)):
        add(fold(english_role(m.group("role"))), m)
    for m in TITLE_CLAIM.finditer(text):
        key = "" if m.group("role") else "2"
        add(
            _with_complement(
                m.group("role" + key), m.group("comp" + key), m.span("comp" + key), org_spans
            ),
            m,
        )
    job_ad = bool(_JOB_AD.search(text))
    about_other = bool(_ABOUT_OTHER.search(text))
    if not job_ad:
        for m in OPENING_CLAIM.finditer(text):
            if not _NOT_CLAIM_AFTER.match(text, m.end("role")):
                add(claimed_role(m, text, org_spans), m)
        for m in OPENING_AT_CPE.finditer(text):
            end = _cpe_named_at(text, m.end("org"), org_spans)
            if about_other or end is None:
                continue
            colon_only = fold(m.group("role")).startswith(("la ", "le "))
            if _OPENING_NEXT.match(text, end) and (not colon_only or re.match(r"\s*:", text[end:])):
                add(claimed_role(m, text, org_spans), m)
    named = list(NAME_ROLE_CLAIM.finditer(text))
    if len({m.group("name") for m in named}) > 1:
        named = [
            m for m in named if fold(m.group("intro") or "").strip() == "ici"
        ]  # a list of people
    for m in named:
        intro = fold(m.group("intro") or "").strip()
        end = m.end()
        if not m.group("strong") and (about_other or job_ad or _VOCATIVE_NEXT.match(text, end)):
            continue
        if m.group("article") and not intro and not re.match(r"\s*,?\s*ici\b", text[end:], re.I):
            continue  # "Honnêtement, la coordonnatrice du CPE…": no name, no signature
        if intro in ("c'est", "je suis") and re.match(
            r"\s*,?\s*(?:qui|que|qu')\b", text[end:], re.I
        ):
            continue
        add(claimed_role(m, text, org_spans), m)
    for m in SIGNATURE_CLAIM.finditer(text):
        before = text[: m.start()].rstrip()
        if before.endswith(("»", '"', "”")):
            continue  # "« … » — Julie, directrice": a quotation and its author
        add(claimed_role(m, text, org_spans), m)
    for m in PERSONA_ROLE.finditer(text):
        add(claimed_role(m, text, org_spans), m)
    for m in HANDLE_ROLE.finditer(text):
        key = "role" if m.group("role") else "role2"
        if key == "role2" and not re.search(
            r"(?:je me suis|j'ai|créé|ouvert|inventé|depuis|avec)",
            text[max(0, m.start() - 60) : m.end() + 60],
            re.I,
        ):
            continue
        add(fold(m.group(key)), m, m.start(key) - (1 if key == "role" else 0))
    for m in DIRECTION_SIGNOFF.finditer(text):
        add("direction", m, m.start("role"))
    for m in SPEAKS_AS_BODY.finditer(text):
        if not re.search(
            r"(?:\bpas\b|\bjamais\b|\bne\b|\bn')[^.!?\n]{0,25}$", text[: m.start()], re.I
        ):
            add("direction", m)
    for m in (*ROLE_IS_ME.finditer(text), *CHAINED_CLAIM.finditer(text)):
        if not _non_cpe(text, m):
            add(claimed_role(m, text, org_spans), m)
    return out


#: Functions too vague to be claimed without a department.
_TOO_VAGUE = {"responsable", "representante", "representant"}
#: Representatives the staff or the parents elect: not a function the CPE gives.
_ELECTED = re.compile(
    r"\s+(?:des|du)\s+(?:employée?s|travailleu\w+|personnel|parents|éducatrices|syndicat)\b|\s+syndica",
    re.IGNORECASE,
)
#: Starting a new job: the context's role may be the one just left.
_NEW_JOB = rx(
    r"premi(?:er|ère) (?:jour|journée|semaine) comme",
    r"first day as",
    r"diplôme en poche",
    r"(?:j'ai|je viens d'avoir) (?:eu )?(?:mon|ma) (?:diplôme|dec|aec|attestation)",
)


def claimed_role(
    m: re.Match[str], text: str = "", org_spans: Sequence[tuple[int, int]] = ()
) -> str:
    """Return the folded function claimed by a match, with its department if any."""
    return _with_complement(m.group("role"), m.group("comp"), m.span("comp"), org_spans)


def _with_complement(
    role: str, comp: str | None, span: tuple[int, int], org_spans: Sequence[tuple[int, int]]
) -> str:
    """Return ``role`` folded, with its complement unless that only names the CPE."""
    role = fold(role)
    comp = fold(comp or "").strip()
    s, e = span
    if comp and (
        re.search(r"cpe|garderie|installation|centre|bureau|equipe", comp)
        or any(os < e and oe > s for os, oe in org_spans)
    ):
        comp = ""
    return f"{role} {comp}".strip()


def _cpe_named_at(text: str, pos: int, org_spans: Sequence[tuple[int, int]]) -> int | None:
    """Return where the CPE's name ends when it is named at ``pos`` ("au CPE …", its name)."""
    skip = re.match(r"(?:le |la |les |l'|notre |nos |the )?", text[pos:], re.IGNORECASE)
    at = pos + (skip.end() if skip else 0)
    for s, e in org_spans:
        if s <= at < e:
            return e
    m = re.compile(
        r"(?:cpe|garderie|service de garde|centre de la petite enfance|installation|daycare)(?!\w)"
        r"(?:\s+(?-i:(?:[A-ZÀ-Ý][\w'-]*|de|des|du|la|les|d'\w+)))*",
        re.IGNORECASE,
    ).match(text, at)
    return m.end() if m else None


#: What follows a function that opens a post ("… au CPE X depuis 2019", "… du CPE : nous…"),
#: unlike a sentence about the function ("La direction du CPE a décidé…").
_OPENING_NEXT = re.compile(
    r"\s*(?:[!.:;,\n|–—(-]|$|ici\b|depuis\b|pour\b|since\b|for\b|et (?:fière?|heureuse|heureux)\b|"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF])",
    re.IGNORECASE,
)


#: A job offer or a search for candidates: the functions it names are not claimed.
_JOB_AD = rx(
    r"poste (?:à combler|disponible|ouvert|affiché|permanent à combler)",
    r"postes? à pourvoir",
    r"offre d'emploi",
    r"on (?:embauche|recrute|cherche)",
    r"nous (?:embauchons|recrutons|cherchons|recherchons)",
    r"(?:recherchée?|recherchons|cherchons)",
    r"postulez",
    r"envoyez (?:votre|vos|ton|ta) (?:cv|candidature)",
    r"candidatures?",
    r"now hiring",
    r"apply (?:now|today)",
)
#: Speaking about somebody else in a function: a welcome, congratulations, an announcement.
_ABOUT_OTHER = rx(
    r"bienvenue",
    r"souhaitons (?:la )?bienvenue",
    r"accueill\w*",
    r"félicitations",
    r"bravo à",
    r"welcome",
    r"congrat\w*",
    r"se joint à",
    r"se joindra",
    r"joins? (?:our|the) team",
    r"(?:on|je|nous) (?:vous )?(?:présente|présentons)",
    r"(?:elle|il) (?:commence|arrive|entre en poste|se joint)",
)


#: "comme la directrice l'a dit", "je suis la directrice sur Facebook" are not claims.
_NOT_CLAIM_AFTER = re.compile(
    r"\s*(?:l'a|l'avait|nous|nous a|m'a|a dit|a demandé|l'a demandé|le demande|"
    r"va|veut|voulait|était|est|a|avait|qui(?! (?:vous|te) (?:salue|parle|écri|souhait|répond))|que|me|le sait|de mon|de ma|de notre|d'un autre|"
    r"d'une autre|sur (?:facebook|fb|insta|instagram|linkedin|twitter|x|tiktok))\b",
    re.IGNORECASE,
)
#: Functions outside the CPE: "la directrice de la maison", "présidente du club de patinage".
_NON_CPE_AFTER = re.compile(
    r"\s*(?:de la |du |de l'|de |d'|des |à la |à l')?(?:mon |ma |mes |sa |son |notre |propre )*"
    r"(?:maison|famille|foyer|ménage|couple|vie|chez nous|chez moi|club|ligue|association|chorale|"
    r"école|comité(?! de (?:direction|gestion|sélection))|fan-club|fan club|party|fête|soirée|bbq|pool|karaoké|playlist|"
    r"sieste|bricolage|bac à sable|cuisine de la maison|salle de bain|lave-vaisselle|"
    r"frigo|café|potins|blagues|bonne humeur|bordel|chaos)\b",
    re.IGNORECASE,
)
_ADMIN_OF_A_GROUP = re.compile(
    r"\s*(?:du|de la|de mon|de ma|de notre|d'un|d'une)\s+(?:groupe|page|compte|serveur|discord|chat|forum)\b",
    re.IGNORECASE,
)
_AT_LINE_START = re.compile(r"(?:^|[\n(\[—–])[^\w\n]*$")


def _not_a_claim(text: str, m: re.Match[str]) -> bool:
    intro = m.group(0)[: m.start("role") - m.start()].strip().lower()
    after = text[m.end() : m.end() + 30]
    before = text[: m.start()]
    if intro.startswith(("ici", "c'est", "nous", "moi")) and _NOT_CLAIM_AFTER.match(after):
        return True
    if intro.startswith("nous") and re.search(r"entre\s*$", before, re.I):
        return True  # "entre nous, la direction va…"
    if intro.startswith("comme") and re.match(
        r"comme\s+(?:la|le|l'|une|un|votre|ta)\b", m.group(0), re.I
    ):
        return True  # "comme une directrice", "comme la directrice": a comparison, not a claim
    if intro.startswith("ici"):
        if re.match(
            r"ici,?\s+(?:la|le|l')?\s*(?:direction|directrice|directeur|administration|coordo|coordonnatrice)",
            m.group(0),
            re.I,
        ):
            return False
        # "Ici la psychoéducatrice du CPE": a self-introduction opens the post, a line or a
        # sentence (after a greeting); "je travaille ici comme…" is not one.
        lead = re.sub(r"(?i)\b" + _GREETING + r"\b", " ", before)
        return not re.search(r"(?:^|[\n.!?:(])[^\w\n]*$", lead)
    if intro.startswith("je suis") and re.match(
        r"\s*(?:de|d'|du)\s+(?:mon|ma|notre|son|sa|l'autre|un autre|une autre)\b", after
    ):
        return True  # "je suis la directrice de mon fils"? rare; the direction of another place
    if re.match(
        r"(?:petit |court )?(?:mot|message|note|communiqué|rappel)\b", intro
    ) or intro.startswith("de la part"):
        # "Message du conseil d'administration :", "(de la part de la direction)" speak as the
        # body; "pas un mot de la direction", "un message de la direction" speak about it.
        return not (
            _AT_LINE_START.search(before)
            and re.match(
                r"(?:\s+(?:(?:du|de la|de l'|des|au|aux)\s+)?" + _ORG_PHRASE + r")?"
                r"\s*(?:[:()–—\n-]|$|pour\b|à (?:tous|toutes)\b|aux (?:parents|familles)\b)",
                text[m.end() :],
            )
        )
    if intro.startswith("au nom") or intro.startswith(
        ("je parle", "j'écris", "je réponds", "je publie")
    ):
        if re.search(r"(?:\bpas\b|\bjamais\b|\bne\b|\bn')[^.!?\n]{0,25}$", before, re.I):
            return True  # "je peux pas parler au nom de la direction"
    return False


def _non_cpe(text: str, m: re.Match[str]) -> bool:
    """Return True when the function is held outside the CPE (a joke, a club, a group)."""
    end = m.end("role")
    if _NON_CPE_AFTER.match(text, end) and not re.match(
        r"(?:\s+[\w'-]+){0,2}?\s*(?:de la |du |de l'|de |des )?(?:cpe|garderie|installation)\b",
        text[end:],
        re.I,
    ):
        return True
    role = fold(m.group("role"))
    return role.startswith(("administrat", "responsable")) and bool(
        _ADMIN_OF_A_GROUP.match(text, end)
    )


#: A condition or a wish: "si j'étais la directrice", "un jour je serai directrice".
_HYPOTHETICAL = re.compile(
    r"(?:\bsi\b|\bs'ils?\b|\bif\b|\bimagine\w*|\bun jour\b|\brêv\w*|\baimerais\b|\bvoudrais\b|"
    r"\bwish\b|\bwould\b|\bsupposons\b|\bpeut-être\b)[^.!?\n]{0,40}$",
    re.IGNORECASE,
)


def _hypothetical(text: str, start: int) -> bool:
    return bool(_HYPOTHETICAL.search(text[max(0, start - 60) : start]))


def _quoted_speech(text: str, start: int, end: int) -> bool:
    """Return True for "« Je suis la directrice », a-t-elle dit": somebody else's words."""
    opened = text.rfind("«", 0, start)
    if opened < 0 or text.rfind("»", 0, start) > opened:
        return False
    close = text.find("»", end)
    return close >= 0 and bool(
        re.match(
            r"\s*,?\s*(?:a-t-elle|a-t-il|dit-elle|dit-il|qu'elle|qu'il|m'a|nous a|she said|he said|"
            r"(?:elle|il) (?:a|m'a) (?:dit|répondu|écrit))",
            text[close + 1 : close + 40],
            re.IGNORECASE,
        )
    )


# --------------------------------------------------------------------------------------------
# Comparing a claimed function with the author's own.
# --------------------------------------------------------------------------------------------
_DROP = {
    "la",
    "le",
    "les",
    "l",
    "d",
    "de",
    "du",
    "des",
    "a",
    "au",
    "aux",
    "en",
    "et",
    "of",
    "the",
    "co",
}
_WORD = {
    "gerant": "directeur",
    "codirecteur": "directeur",
    "direction": "directeur",
    "coordo": "coordonnateur",
    "coordination": "coordonnateur",
    "coordinateur": "coordonnateur",
    "coproprietair": "proprietair",
    "patron": "directeur",
    "boss": "directeur",
    "gestionnair": "directeur",
    "operation": "operations",
    "communication": "communications",
}
#: Whole functions that stand for another: "l'administration" speaks as the direction.
_WHOLE = {("administration",): ("directeur",), ("conseil",): ("conseil", "administration")}
_PHRASES = (
    (("pdg",), ("directeur", "general")),
    (("ceo",), ("directeur", "general")),
    (("dga",), ("directeur", "general", "adjoint")),
    (("dg",), ("directeur", "general")),
    (("ca",), ("conseil", "administration")),
    (("adjoint", "directeur"), ("adjoint", "administratif")),
    (("responsabl", "alimentation"), ("cuisinier",)),
    (("chef", "cuisinier"), ("cuisinier",)),
    (("cuisinier", "chef"), ("cuisinier",)),
    (("responsabl", "pedagogiqu"), ("conseiller", "pedagogiqu")),
    (("coordonnateur", "pedagogiqu"), ("conseiller", "pedagogiqu")),
    (("equip", "directeur"), ("directeur",)),
    (("equip", "gestion"), ("directeur",)),
    (("comit", "directeur"), ("directeur",)),
    (("membr", "directeur"), ("directeur",)),
    (("membr", "comit", "directeur"), ("directeur",)),
    (("membr", "equip", "directeur"), ("directeur",)),
    (("representant", "directeur"), ("directeur",)),
)
#: Qualifiers that make a function another, higher one: "éducatrice" ≠ "éducatrice spécialisée".
_UPGRADES = {"speciali", "chef"}
#: What the direction holds: a director claiming to speak as the direction, the spokesperson…
_MANAGEMENT = {
    "directeur",
    "adjoint",
    "port",
    "parol",
    "representant",
    "officiel",
    "responsabl",
    "communications",
    "operations",
    "coordonnateur",
    "recruteur",
    "rh",
}


def _masculine(word: str) -> str:
    w = word
    for fem, masc in (
        ("trice", "teur"),
        ("euse", "eur"),
        ("iere", "ier"),
        ("ienne", "ien"),
        ("elle", "el"),
        ("ive", "if"),
        ("ffe", "f"),
        ("nne", "n"),
        ("ee", "e"),
    ):
        if w.endswith(fem):
            w = w[: -len(fem)] + masc
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if w.endswith("s") and len(w) > 4 and not w.endswith(("operations", "communications")):
        w = w[:-1]
    return w


def role_words(role: str, *, canon: bool = True) -> tuple[str, ...]:
    """Return a function as a sequence of normalised words (masculine, no articles); with
    ``canon``, synonyms are replaced by one form ("responsable de l'alimentation" → cuisinier)."""
    x = fold(role)
    x = re.sub(r"[()«»\"“”|,.:;!?]", " ", x)
    words = [w for w in re.findall(r"[a-z0-9]+", x) if w not in _DROP]
    seq = tuple(_masculine(w) for w in words)
    if not canon:
        return seq
    seq = tuple(_WORD.get(w, w) for w in seq)
    seq = _WHOLE.get(seq, seq)
    for phrase, words_ in _PHRASES:
        seq = _replace(seq, phrase, words_)
    return tuple(w for i, w in enumerate(seq) if i == 0 or seq[i - 1] != w)


def _replace(
    seq: tuple[str, ...], phrase: tuple[str, ...], canon: tuple[str, ...]
) -> tuple[str, ...]:
    n = len(phrase)
    for i in range(len(seq) - n + 1):
        if seq[i : i + n] == phrase:
            return seq[:i] + canon + _replace(seq[i + n :], phrase, canon)
    return seq


def _within(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _same_role(claimed: str, actual: str) -> bool:
    raw_c, raw_a = role_words(claimed, canon=False), role_words(actual, canon=False)
    if raw_c and raw_a[: len(raw_c)] == raw_c:
        return True  # the head of one's own function: "responsable" for "responsable de…"
    return _same_words(role_words(claimed), role_words(actual))


def _same_words(c: tuple[str, ...], a: tuple[str, ...]) -> bool:
    if a[:1] == ("educateur",) and c[:1] == ("educateur",):
        # An educator may say "éducatrice qualifiée", "… responsable du groupe des Poupons"; not
        # "spécialisée" nor "en chef"; a substitute not "permanente", "titulaire", "responsable".
        substitute = {"remplacant", "suppleant", "occasionnel", "temporair", "appel"} & set(a)
        held = {"permanent", "titulair", "responsabl"} if substitute else set()
        return not (set(c) - set(a)) & (_UPGRADES | held)
    if not c or not a:
        return True
    if _within(c, a):
        return True  # a less precise form of one's own function ("directrice" for the DG)
    if _within(a, c) and not (set(c) - set(a)) & _UPGRADES:
        return True  # one's own function with a department ("éducatrice du groupe des Poupons")
    if c == ("directeur",) and a[0] in ("directeur", "coordonnateur"):
        return True
    if "directeur" in a and set(c) <= _MANAGEMENT | {"general"}:
        return "general" not in c or "general" in a  # a deputy is not the director general
    return False


def _claims_own_role(doc: Document) -> bool:
    actual = fold(doc.context.author_role or "")
    return bool(actual) and any(
        _same_role(c, actual) for c, _, _, _ in role_claims(doc.text, doc.org_spans)
    )


# --------------------------------------------------------------------------------------------
# False identities: fake or borrowed accounts, posing as someone else.
# --------------------------------------------------------------------------------------------
_KIN = (
    r"(?:conjointe?|chum|blonde|mari|femme|s(?:oe|œ)ur|frère|mère|père|maman|papa|cousine?|amie?|"
    r"voisine?|fille|fils|tante|oncle|coloc|belle-s(?:oe|œ)ur|beau-frère|belle-mère|beau-père|"
    r"grand-mère|grand-père|grand-maman|grand-papa|collègue|chef|boss|patronne?|ado)"
)
_OWNER = (
    r"(?:de|d'|du)\s*(?:mon |ma |son |sa |la |le |l'|notre |une |un )?\s*(?:"
    + _KIN
    + r"|"
    + _ROLE_RX
    + r"|éducatrice|éducateur|(?-i:(?!CPE\b)[A-ZÀ-Ý][a-zà-ÿ]+))"
)
_DEVICE = (
    r"(?:compte|profil|messenger|facebook|fb|instagram|insta|téléphone|cell|cellulaire|tablette|"
    r"session|courriel|adresse courriel|gmail|outlook|teams|google)"
)
_PLATFORM = (
    r"(?:\s+(?:facebook|fb|google|instagram|insta|messenger|tiktok|linkedin|teams|gmail|outlook))?"
)
_WRITE = (
    r"(?:écrit|écris|écrire|publié|publie|publier|posté|poste|poster|commenté|commente|commenter|"
    r"liké|like|liker|répondu|réponds|répondre|envoyé|envoie|texté|signé|laissé|mis|fait|avis)"
)
_PARENT = r"(?:maman|papa|parent|parente|mère|père|mom|dad|grand-maman|grand-papa|famille)"
#: Words that make an account name a persona: a parent, the direction, an administrator.
_PERSONA_WORDS = re.compile(
    r"(?<![\w'])(?:(?P<parent>"
    + _PARENT
    + r"s?)|admin|administration|direction|directrice|directeur|dg|"
    r"(?P<official>(?<!non )(?<!non-)officiel(?:le)?))(?![\w'])",
    re.IGNORECASE,
)
#: A name in quotes, as account names are written.
_QUOTED = re.compile(r"[«\"“]\s*(?P<name>[^»\"”\n]{2,60}?)\s*[»\"”]")
#: The account is the author's: "mon compte « … »", "j'ai ouvert un compte « … »".
_OWN_ACCOUNT = re.compile(
    _OWN + r"(?:compte|profil|pseudo|nom)\b[^.!?\n]{0,25}?$|"
    r"(?:^|\n)[^\w\n]*(?:compte|profil|page|pseudo|account|profile)\b[^.!?\n]{0,25}?$|"
    r"(?:laissé|écrit|commenté|publié|signé|posté|répondu|posting|posted|commenting|writing)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:en tant que|comme|sous le nom de?|sous|as)\s*$|(?:message|mot|avis|commentaire) d'une?\s*$",
    re.IGNORECASE,
)
#: The quoted name is an account's (or, for the CPE's "official" page, a page's).
_ACCOUNT_BEFORE = re.compile(
    r"(?:compte|profil|pseudo|nom|username|account|profile|handle)\b[^.!?\n«»\"“”]{0,25}?$|"
    r"(?:en tant que|comme|sous le nom de?|sous|as|d'une?|c'est moi)\s*$|"
    r"(?:message|courriel|texto|mot|avis|commentaire|demande d'amitié|invitation)s? (?:de|d'une?|signée?)\s*$",
    re.IGNORECASE,
)
_PAGE_BEFORE = re.compile(
    r"(?:compte|profil|pseudo|nom|username|account|profile|handle|page|groupe)\b[^.!?\n«»\"“”]{0,25}?$",
    re.IGNORECASE,
)
#: "Compte « … » créé ce soir", "Page « … » créée par moi".
_OWN_AFTER = re.compile(r"\s*(?:créée?|ouverte?|inventée?|fait)\b", re.IGNORECASE)
#: A confession that the persona is the author: "(en vrai, une éducatrice…)".
_CONFESSION = rx(
    r"en vrai",
    r"en réalité",
    r"in reality",
    r"(?:i'm|i am) actually",
    r"je suis (?:en fait|plutôt) (?:une?|la|le)",
    r"personne (?:ne |n')?(?:sait|connaît|se doute|a deviné|l'a deviné)\w*",
    r"nobody (?:needs to )?knows?",
)
#: … or the author owns up to it: "« Papa X », c'est moi", "c'est moi « Papa X »".
_OWNED_UP_AFTER = re.compile(
    r"[^.!?\n]{0,40}?[?!.,]?\s*c'est (?:moi|nous)\b(?!\s+qui)", re.IGNORECASE
)
_OWNED_UP_BEFORE = re.compile(r"c'est moi\s*$", re.IGNORECASE)

FALSE_IDENTITY = (
    r"(?:un|mon|des|mes|ce|un autre|deux|2)\s+(?:faux|fake)\s+(?:comptes?|profils?|noms?)",
    r"(?:un|des|mes|mon|ce|quelques|deux|trois|\d+)\s+(?:faux|fake)\s+(?:avis|reviews?|commentaires?)",
    r"(?:faux|fake)\s+(?:compte|profil)s?\s+(?:de|d'|pour|sous)",
    r"(?:2e|deuxième|second|autre)\s+(?:compte|profil)\s+(?:\w+\s+)?(?:sous|au nom|pour (?:espionner|lire|surveiller|voir|répondre|commenter|laisser))",
    r"(?:me|te|on se|nous|vous)\s+(?:(?:suis|est|sont|étais|était|serais|suis déjà)\s+)?"
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
    r"(?:je |j'|on )(?:\w+ ){0,2}?(?:fais|faisais|fait|ferai|ferais|faire) semblant d'être",
    r"(?:fait|fais|faire|faisant) semblant d'être (?:une? |la |le )?(?:" + _PARENT + r"|cliente?)",
    r"(?:à sa place|en son nom) sur (?:son|ses) (?:compte|profil|page)",
    r"(?:avec|sur|dans) (?:le|son) compte (?:facebook |fb |messenger )?(?:de|d')\s+(?:ma|mon|la|le)\s+"
    r"(?:collègue|directrice|directeur|boss|patronne|coordo\w*|voisine)",
    r"compte secondaire",
    r"(?:deux|trois|quatre|plusieurs|\d+) (?:faux )?(?:comptes|profils)(?: différents)?",
    r"(?:inventée?|créée?|fait|fais|faite)\s+(?:un|une)\s+(?:faux |fausse |nouveau |autre )?(?:compte|profil)\s+"
    r"(?:au nom d|de parent|de maman|de papa|de mère|de père|de client)",
    r"(?:compte|profil)\s+(?:\w+\s+){0,2}au nom de (?:mon|ma)\s+\w+",
    r"(?:compte|profil)\s+(?:\w+\s+){0,2}au nom (?:de|d')\s*(?-i:(?!CPE\b)[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý][a-zà-ÿ]+)",
    r"(?:le |du )?compte (?:facebook |fb |instagram |insta |google |messenger |tiktok )?(?:de|d') ?(?:mon|ma|son|sa) "
    r"(?:conjointe?|chum|mari|blonde|s(?:oe|œ)ur|frère|mère|père|amie?|voisine?|fille|fils)",
    r"comme si (?:c'était|j'étais) (?:une?|la|le) (?:maman|papa|parent|mère|père|cliente?)",
    r"(?:poster|publier|écrire|répondre|signer|annoncer|commenter|annonces?|écris|réponds|publie|signe)\b"
    r"[^.!?\n]{0,40}?comme si (?:c'était|j'étais) (?:la|le) (?:" + _ROLE_RX + r")",
    r"sous (?:mon|un|ce) pseudo\w*",
    r"sans (?:que|qu')\s*(?:personne|on|la direction|ils|elles|les parents) (?:\w+\s+){0,3}(?:sache|sachent|le sache|me reconnaisse|me trouve|sachent que c'est moi)",
    r"pour (?:pas|ne pas) qu'on me reconnaisse",
    r"(?:pas vraiment|c'est moi[^.!?\n]{0,30}),? mais chut",
    # Somebody else's account, phone or session, used to write.
    r"(?:connectée?|loggée?|logguée?|logged in)\s+(?:sur|avec|dans|à|into|to|on)\s+(?:le |son |sa |l')?"
    + _DEVICE
    + _PLATFORM
    + r"\s+"
    + _OWNER,
    r"(?:avec|depuis|via|en utilisant|à partir d[eu])\s+(?:le |son |sa |l')?"
    + _DEVICE
    + _PLATFORM
    + r"\s+"
    + _OWNER,
    _WRITE + r"\b[^.!?\n]{0,40}?sur (?:le |son )compte" + _PLATFORM + r"\s+" + _OWNER,
    r"c'est (?-i:[A-ZÀ-Ý][a-zà-ÿ]+|moi) (?:sur|avec|depuis) (?:le |son |sa )" + _DEVICE,
    r"(?:emprunté|empruntée|volé|piqué|utilisé|pris)\s+(?:le |son |sa )(?:compte|profil|messenger|facebook|session)"
    r"(?:" + _PLATFORM + r"\s+" + _OWNER + r")?",
    r"(?:emprunté|empruntée|volé|piqué|pris)\s+(?:le |son |sa )(?:téléphone|cell|cellulaire|tablette)"
    r"[^.!?\n]{0,40}?(?:pour|et|pis)\s+(?:écrire|répondre|publier|poster|commenter|liker|texter|envoyer)",
    r"(?:emprunté|empruntée|volé|pris|piqué|copié)\s+(?:la |le |les |son |sa )?(?:photos? de profil|nom|identité|profil)"
    r"(?:\s+(?:pis|et)\s+(?:la |le |les )?(?:photos?(?: de profil)?|nom))?\s+" + _OWNER,
    r"(?:compte|messenger|facebook|session|profil|cell|téléphone)\b[^.!?\n]{0,60}?"
    r"(?:resté|restée|laissé|laissée)\s+(?:ouvert|ouverte|connecté|connectée|allumé)",
    r"c'est pas (?-i:[A-ZÀ-Ý][a-zà-ÿ]+) qui (?:écrit|écris|parle|publie|répond|texte)",
    r"(?:pensai(?:en)?t|croyai(?:en)?t) (?:vraiment |toutes |tous |que )*(?:que )?c'était (?:vraiment )?(?:elle|lui|la directrice|le directeur)",
    r"(?:changé|changer|modifié|remplacé|mis)\s+(?:mon|ma)\s+(?:nom|photo de profil|pseudo)"
    r"(?:\s+(?:facebook|fb|instagram|insta|tiktok|messenger|d'affichage|de profil)){0,2}"
    r"\s+(?:pour|par|à|en)\s*(?:celui |celle )?(?:de\s+)?(?:ma |mon |la |le )(?:collègue|directrice|directeur|boss|patronne)",
    # Speaking as someone else, or as a parent.
    r"(?:je|j')\s*(?:réponds|répond|parle|écris|publie|signe|commente|texte)\s+(?:\w+\s+){0,2}?en (?:son|leur) nom",
    r"(?:laissé|laissée|laisser|fait|faire)\s+(?:croire|penser)\s+(?:\w+\s+){0,3}?que j'(?:étais|suis)",
    r"(?:pensant|croyant|pensait|croyait|pensaient|croyaient)\s+que j'(?:étais|suis) (?:la|le|une?) "
    r"(?:" + _ROLE_RX + r")[^\n]{0,120}?(?:pas corrigé|rien corrigé|pas démenti|jamais corrigé|"
    r"continué|pas dit le contraire|laissé faire)",
    r"si j'étais (?:la|le) (?:" + _ROLE_RX + r")[^.!?\n]{0,60}?j'ai (?:répondu|dit)\s*(?:que\s+)?"
    r"(?:oui|«\s*(?:oui|en quelque sorte|un peu|genre|pas loin|presque))",
    r"(?:psst+|chut+|shh+)[\s,!.:]*c'est (?:moi|nous)\b",
    r"(?:je suis|j'suis|chu)\s+(?:pas |son |sa |leur |l'|une? |la |le )?(?:aide|éducat\w+|remplaçant\w*|"
    r"cuisini\w+|stagiaire|préposée?|employée?|" + _ROLE_RX + r")\b[^.!?\n]{0,30}?,?\s*"
    r"mais (?:chut|personne (?:ne |n')?(?:le )?sait)",
    r"\(\s*(?:compte |page |profil |message |texte |post |avis )?(?:créé|écrit|publié|posté|rédigé)e?s? "
    r"par (?:moi\b|(?-i:[A-ZÀ-Ý][a-zà-ÿ]+)|une? (?:éducatrice|éducateur|collègue|employée?|aide))",
    r"(?:second|2nd|alt|another|fake|burner) (?:account|profile)",
    r"sock ?puppets?",
    r"(?<!connue )(?<!connu )sous (?:le )?(?:nom|pseudo|identité) (?:de|d')\s*(?-i:(?!CPE\b)[A-ZÀ-Ý][a-zà-ÿ]+)",
    r"sous le nom (?:de|d')\s*(?:ma|mon|sa|son)\s+" + _KIN,
    r"(?:répondu|écrit|voté|signé|commenté|publié|rempli)\s+(?:[\w'-]+\s+){0,4}?au nom (?:de|d')\s*(?:ma|mon|sa|son)\s+"
    + _KIN,
    r"(?:mon|un|ce) (?:deuxième|2e|second|autre) (?:compte|profil)",
    r"personne (?:ne |n')?(?:sait|se doute|a deviné|l'a deviné|devine)\w* (?:que c'est (?:moi|une? [\w-]+)|que je suis)",
    r"nobody (?:needs to |has to )?knows? (?:that )?(?:i'm|i am|it's me)",
    r"(?:posting|posted|commenting|writing) as\s*[«\"“]",
    r"(?:laissé|écrit|commenté|publié|signé|posté)e?s?\s+(?:[\w'-]+\s+){0,3}?(?:en tant que|sous le nom de?)\s*[«\"“]",
    r"en changeant (?:de|mon) (?:nom|pseudo|compte|identité)",
    r"pour (?:que|qu')\s*(?:les gens|les parents|ils|elles|on|le monde|tout le monde) (?:pense|pensent|croie|croient) "
    r"que c'est (?:la vraie|le vrai|officiel|la direction|le cpe|une? (?:maman|papa|parent|mère|père))",
    r"i told [^.!?\n]{0,40}?(?:i'm|i am|i was) (?:a|an|the) (?:parent|mom|dad|mother|father|director|manager|owner)",
    r"(?:j'ai|je me suis)\s+(?:dit|écrit|fait croire|prétendu|laissé entendre)\s+(?:[\w'-]+\s+){0,5}?"
    r"que (?:j'étais|je suis|j'suis) (?:une?|la|le) (?:" + _PARENT + r")",
    r"(?:m'appell?\w*|me prenn?\w*|me croi\w*|pensent que je suis|croient que je suis)\b[^.!?\n]{0,60}?"
    r"(?:"
    + _ROLE_RX
    + r")[^\n]{0,80}?(?:corrige (?:jamais|pas)|pas corrigé|jamais corrigé|laisse (?:faire|croire))",
    r"posting as a",
    # A named persona, a parody, a rename, somebody's account (session 4).
    r"(?:faux|fake)\s+(?:compte|profil|account|profile)\s*:?\s*[«\"“]",
    r"sous le pseudo\w*\s*:?\s*[«\"“]",
    r"(?:(?:^|[\n\[(])\s*|(?:mon|ma|notre|j'ai\s+(?:créé|fait|ouvert|parti|lancé)\s+(?:un|une))\s+"
    r"(?:\w+\s+){0,2}?)comptes? parodi\w*",
    r"(?:my|our|(?:i|we) (?:made|created|started|run) (?:a|an))\s+(?:\w+\s+){0,2}?parody (?:account|page|profile)",
    r"(?:avis|commentaire|review)\b[^.!?\n]{0,40}?sign[ée]\w*\s*:?\s*[«\"“]\s*(?:une?\s+|a\s+)?(?:"
    + _PARENT
    + r"|cliente?)",
    r"(?:me suis|m'étais|me|I)\s+(?:renommée?|renamed myself)\s*(?:en\s+|to\s+|as\s+)?[«\"“][^»\"”\n]{0,40}?(?:"
    + _ROLE_RX
    + r"|management|director)",
    r"(?:utilise|j'utilise|utiliser|using)\s+(?:le |son |sa |the )?(?:compte|profil|account|profile)\s+"
    r"(?:\w+\s+)?(?:de|d'|of)\s*(?:ma|mon|la|le|my|our)\s+(?:collègue|directrice|directeur|boss|patronne|"
    r"coordo\w*|coworker|colleague|director)",
    r"(?:on|from|using|with|via|into)\s+(?-i:[A-Z][a-z]+)['’]s\s+(?:facebook\s+|fb\s+|instagram\s+|insta\s+|"
    r"google\s+|tiktok\s+)?(?:account|profile|phone)\b[^.!?\n]{0,40}?(?:left (?:it )?open|logged in|"
    r"still open|forgot to log out)",
    r"without anyone knowing",
    r"fake account",
    r"pretend(?:ing)? to be",
    r"(?:on|from|using|with|via|into)\s+(?:my\s+)?(?:husband|wife|partner|boyfriend|girlfriend|mom|mother|dad|"
    r"father|sister|brother|friend|colleague|coworker|boss|director)'s\s+(?:facebook\s+|fb\s+|google\s+|"
    r"instagram\s+)?(?:account|profile|phone)",
)
#: A victim or a warning: "quelqu'un a créé un faux compte avec mes photos, signalez-le".
_VICTIM = rx(
    r"quelqu'un",
    r"someone",
    r"somebody",
    r"une personne",
    r"un(?:e)? inconnue?",
    r"un individu",
    r"signal\w*",
    r"report(?: it|ed)?",
    r"méfiez-vous",
    r"ne l'acceptez pas",
    r"n'acceptez pas",
    r"(?:don't|do not) accept",
    r"(?:c'est|ce n'est) pas moi",
    r"not me",
    r"(?:avec |using )?(?:mes|my) (?:photos|pictures|pics)",
    r"mon vrai (?:compte|profil)",
    r"my real (?:account|profile)",
)
#: Putting one's real name forward is the transparency 5 iii) asks for.
_TRANSPARENT = rx(r"mon vrai nom", r"my real name", r"sous mon (?:vrai )?nom")
_SELF_MADE = rx(
    r"j'ai (?:créé|fait|ouvert|inventé|un|deux|mon)",
    r"je me suis (?:créé|fait|inventé)",
    r"je (?:vais|va) (?:me )?(?:créer|faire|ouvrir)",
    r"(?:mon|mes) (?:faux|fake|deuxième|2e|second)",
    r"i (?:made|created|opened|have|use)",
    r"my (?:fake|second|alt)",
    r"je (?:commente|publie|réponds|poste|écris|like)",
)
_FAKE_WORDS = rx(
    r"faux", r"fausse", r"fake", r"usurp\w*", r"comptes?", r"profils?", r"account", r"profile"
)
#: Presenting oneself as a parent of the CPE (the author works there).
PARENT_PERSONA = re.compile(
    r"(?:"
    + _START
    + r"(?:je suis |moi,? )?(?:la |le |une? )?|je suis (?:la |le |une? )|en tant que |comme )"
    r"(?P<who>" + _PARENT + r")\b[^.!?\n]{0,60}?(?:\bici\b|\bde\s|\bd'|\bdu\s|,)",
    re.IGNORECASE,
)
ENGLISH_PARENT = re.compile(
    r"(?<!\w)(?:as a|i'm a|i am a|this is a)\s+(?:proud\s+|happy\s+)?(?:mom|dad|parent|mother|father)\b",
    re.IGNORECASE,
)
#: Defending the CPE against a criticism, what a staff member posing as a parent writes.
_PRAISE = rx(
    r"je réponds à (?:cette|ces|la|leur|votre) critiques?", r"to (?:this|that) (?:criticism|review)"
)
_SECRECY = re.compile(
    r"(?<!\w)(?:mais chut|chut|psst+|shh+|🤫|personne (?:ne |n')?(?:le )?sait|dites-le pas)",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(
    r"(?<!\w)(?:je (?:vous )?(?:le |la |les )?recommande\w*|recommand\w+ (?:fortement|à 100)|[★⭐]|"
    r"\d\s*étoiles|5/5|avis (?:google|facebook)|i (?:highly )?recommend|\d stars?)(?!\w)",
    re.IGNORECASE,
)
#: "comme éducatrice…, je suis pas éducatrice": a function claimed, then taken back.
_RETRACTION = re.compile(
    r"(?:je suis|j'suis|chu|i'm|i am|je ne suis)\s+(?:pas|not)\s+(?:vraiment |really |encore |yet )?"
    r"(?:un |une |la |le |l'|a |an |the |sur le |au |membre (?:du|de la) )?(?P<word>[\w-]{3,})",
    re.IGNORECASE,
)
_CLAIM_WORD = re.compile(
    r"(?:en tant que|en tant qu'|à titre de|comme|moi qui suis|c'est moi|je suis|ici|i'm|i am|as)\s+"
    + _QUOTE_OPEN
    + r"?\s*(?:la |le |l'|une |un |a |an |the |votre |your )?(?P<word>[\w-]{3,})",
    re.IGNORECASE,
)


class IdentityAnalyzer(SemanticAnalyzer):
    """False identities, impersonation, or a function in the CPE the author does not hold."""

    name = "identite"
    rule = "5.iii.identite"
    rules = (rule,)
    STRONG = (("fausse identité", rx(*FALSE_IDENTITY)),)
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
        if hits and _VICTIM.search(doc.text) and not _SELF_MADE.search(doc.text):
            # a warning about somebody else's fake account, not the author's
            hits = [h for h in hits if not _FAKE_WORDS.search(doc.text[h[1] : h[2]])]
        if doc.context.account == "officiel":
            hits = [h for h in hits if not doc.text[h[1] : h[2]].lstrip().startswith("(")]
        hits += _retractions(doc.text)
        hits += _parent_persona(doc)
        hits += _persona_accounts(doc)
        actual = fold(doc.context.author_role or "")
        if not actual:
            return hits
        for claimed, words, start, end in role_claims(doc.text, doc.org_spans):
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
        if hits and (
            (_VICTIM.search(doc.text) and not _SELF_MADE.search(doc.text))
            or _TRANSPARENT.search(doc.text)
        ):
            return []  # a warning about somebody else's fake account; one's real name
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


#: The stems of the functions a retraction may take back (and the union delegate's).
_ROLE_STEMS = frozenset(fold(r.removeprefix("la ").split()[0])[:5] for r in ROLE_WORDS) | {
    "deleg",
    "manag",
    "assis",
    "owner",
}


def _retractions(text: str) -> list[tuple[str, int, int]]:
    """A function claimed, then taken back further on: "comme déléguée… (je suis pas déléguée)"."""
    out = []
    claims = [(m.start(), m.end(), fold(m.group("word"))[:5]) for m in _CLAIM_WORD.finditer(text)]
    for r in _RETRACTION.finditer(text):
        stem = fold(r.group("word"))[:5]
        if stem not in _ROLE_STEMS:
            continue
        for s, e, w in claims:
            if e <= r.start() and w == stem:
                out.append(("fonction revendiquée puis démentie", s, e))
                break
    return out


def _parent_persona(doc: Document) -> list[tuple[str, int, int]]:
    """A staff member presenting as a parent of the CPE, in secret or to recommend it."""
    if not doc.context.author_role:
        return []
    from balise.engine.analyzers.brand import mentions_org

    text = doc.text
    if not (
        _SECRECY.search(text)
        or _CONFESSION.search(text)
        or ((_RECOMMEND.search(text) or _PRAISE.search(text)) and mentions_org(doc))
    ):
        return []
    found = [*PARENT_PERSONA.finditer(text), *ENGLISH_PARENT.finditer(text)]
    return [("se présente comme parent", m.start(), m.end()) for m in found]


def _persona_accounts(doc: Document) -> list[tuple[str, int, int]]:
    """The author's account named as a parent, the direction or an administrator."""
    text, out = doc.text, []
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        words = list(_PERSONA_WORDS.finditer(name))
        if not words:
            continue
        before = text[max(0, m.start() - 80) : m.start()]
        official = any(w.group("official") for w in words)
        account = _ACCOUNT_BEFORE if not official else _PAGE_BEFORE
        if not account.search(before):
            continue  # « Parents des Hiboux » is a group's name, not somebody's account
        owned = (
            _OWN_ACCOUNT.search(before)
            or _OWNED_UP_BEFORE.search(before)
            or _OWNED_UP_AFTER.match(text, m.end())
            or _OWN_AFTER.match(text, m.end())
            or (_CONFESSION.search(text) and words[0].group("parent"))
        )
        if not owned:
            continue
        only_parent = all(w.group("parent") for w in words)
        names_cpe = re.search(r"(?<!\w)(?:cpe|garderie)(?!\w)", name, re.IGNORECASE) or any(
            s < m.end("name") and e > m.start("name") for s, e in doc.org_spans
        )
        if only_parent and names_cpe:
            continue  # « Parents du CPE … »: a page for the CPE (5 v), not a persona
        if official and not names_cpe and all(w.group("official") for w in words):
            continue  # « Petit Tardi Officiel »: a brand, not the CPE's own page
        actual = fold(doc.context.author_role or "")
        if not only_parent and actual and _same_role("direction", actual):
            continue  # the direction's own account
        out.append(("compte au nom d'un parent ou de la direction", m.start(), m.end()))
    return out
