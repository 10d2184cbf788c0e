"""Workplace criticism (5 ii) and harassment, threats, discrimination (5 vi)."""

from __future__ import annotations

import re

from balise.engine.analyzers import harassment_lexicon as L
from balise.engine.analyzers.base import (
    Hit,
    SemanticAnalyzer,
    _matches,
    best_sentence,
    rx,
)
from balise.engine.document import Document

#: Attack or venting: when the model's harassment probability is reached without any harassment
#: pattern, yet its criticism probability is at least VENT_MIN and VENT_RATIO × the harassment
#: one, the post is venting (5 ii), not an attack (5 vi). Chosen by leave-one-source-out (model
#: A-L, 14 sources: ratio 0.6 → 1.0 with criticism's floor 0.55, 0.8696 → 0.8720, false alarms
#: 6.0 % → 5.7 %; 0.4, 0.8 and 1.2 tried).
VENT_MIN = 0.3
VENT_RATIO = 1.0
C_RULE = "5.ii.critique-milieu"
H_RULE = "5.vi.harcelement"


def _venting(doc: Document) -> bool:
    """Return True when the model's harassment verdict is better read as venting."""
    th = doc.extra.get("thresholds", {}).get(H_RULE)
    pc, ph = doc.scores.get(C_RULE, 0.0), doc.scores.get(H_RULE, 0.0)
    if (
        th is None
        or ph < max(th, HarassmentAnalyzer.MIN_THRESHOLD) * HarassmentAnalyzer.WEAK_FACTOR
    ):
        return False
    if HarassmentAnalyzer.has_pattern(doc.text):
        return False
    return pc >= VENT_MIN and pc >= VENT_RATIO * ph


_SWEAR = (
    r"(?:osti|ostie|esti|estie|câlisse|câlice|calice|tabarnak|tabarnac|crisse|maudite?|sacrament)"
)


def _alt(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(words) + ")"


_PERSON = _alt(L.PERSON)
_ANY_INSULT = _alt(L.PERSON + L.AMBIGUOUS)
_AMBIGUOUS_NOT_BANTER = _alt(tuple(w for w in L.AMBIGUOUS if w not in (r"folles?", r"fous")))
_GROUP = rx(*L.GROUP)
_GENERALIZATION = rx(*L.GENERALIZATION)
_POLITICS = rx(*L.POLITICS)
#: The author speaking of themself just before the word ("je suis", "moi la", "m'a traitée de").
_SELF = re.compile(
    r"(?:\bje\b|\bj['’]|\bchu\b|\bsuis\b|\bmoi\b|\bme\b|\bm['’]|\bi\b|\bi['’]m\b|\bim\b|\bmyself\b)"
    r"(?:\s*[^\s]+){0,3}\s*$",
    re.IGNORECASE,
)
_OTHER_PERSON = re.compile(
    r"\b(?:elle|il|ils|elles|tu|t['’]|vous|she|he|they|you|qu['’]elle|qu['’]il)\b", re.IGNORECASE
)
_NEGATED = re.compile(
    r"\b(?:pas|jamais|pu|not|never|no|aucune?|isn['’]t|aren['’]t|n['’]est)\b(?:\s+[^\s]+){0,2}\s*$",
    re.IGNORECASE,
)
#: "C'est débile", "that's pathetic": said of a thing or a situation, not of somebody.
_ABOUT_A_THING = re.compile(
    r"(?:\bc['’]est|\bc['’]était|\bça|\bca|\bit['’]s|\bthat['’]s|\bthis is)"
    r"(?:\s+(?:rendu|vraiment|tellement|juste|donc|ben|so|really|just|too|trop|assez))*\s*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[«\"“]\s*(?:\w+\s+){0,3}$")
_PRAISE_AFTER = rx(r"dans le bon sens", r"in a good way", r"je blague", r"jk")
_CLAUSE_END = re.compile(r"[.!?;:\n]|,\s|\s(?:mais|pis|et|but|and)\s")
#: Threats aimed at one's own family or pets are jokes, not 5 vi ("je vais tuer mon frère 😂").
_OWN_OR_PET = rx(
    r"(?:mon|ma|mes|my)\s+(?:frère|soeur|sœur|chum|blonde|mari|femme|chat|chatte|chien|"
    r"chienne|fils|fille|enfants?|kids?|husband|wife|cat|dog|brother|sister|boyfriend|"
    r"girlfriend|mère|père|mom|dad|ado|ados|coloc)",
    r"minou",
    r"toutou",
    r"petite bête",
    r"chat",
    r"chien",
)


#: Somebody else's words reported, to answer them ("le post qui dit que… fuyez").
_REPORTED = rx(
    r"qui (?:dit|disent|écrit|écrivent|prétend|prétendent|says|wrote|writes)",
    r"(?:dit|écrit|disent|disaient|prétend) que",
    r"rép\.",
    r"en réponse",
    r"pour répondre",
    r"réponse",
    r"c['’]est faux",
    r"lu (?:sur|dans)",
    r"read (?:on|in)",
)


def _in_quotes(text: str, start: int) -> bool:
    pre = text[:start]
    return pre.count("«") > pre.count("»") or pre.count("“") > pre.count("”")


def _clause_before(text: str, start: int) -> str:
    pre = text[max(0, start - 60) : start]
    cut = 0
    for m in _CLAUSE_END.finditer(pre):
        cut = m.end()
    return pre[cut:]


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[s : min(ends) if ends else len(text)]


def _aimed_at_others(text: str, start: int, end: int) -> bool:
    """Return False when the insult is negated, self-deprecating, quoted, praise or politics."""
    pre = _clause_before(text, start)
    if _NEGATED.search(pre) or _QUOTED.search(pre) or _ABOUT_A_THING.search(pre):
        return False
    m = _SELF.search(pre)
    if m:
        between = pre[m.start() :].split(None, 1)[1:]  # the words after the author's own
        if not (between and _OTHER_PERSON.search(between[0])):
            return False
    if _PRAISE_AFTER.search(text[end : end + 30]):
        return False
    return not _POLITICS.search(_sentence(text, start, end))


def _threat_ok(text: str, start: int, end: int) -> bool:
    """Return False for a threat at one's own family or pet (a figure of speech)."""
    return not _OWN_OR_PET.search(_sentence(text, start, end))


#: A welcome or praise: a group named to include it, not to put it down.
_INCLUSIVE = rx(
    r"bienvenue?s?",
    r"richesse",
    r"fière?s?",
    r"bravo",
    r"célébr\w*",
    r"welcome",
    r"proud",
    r"respect",
)
#: Calls to avoid or boycott need the CPE, a daycare or an employer in the post ("fuyez la 20").
_WORKPLACE = rx(
    r"cpe",
    r"garderies?",
    r"daycares?",
    r"installations?",
    r"direction",
    r"milieu",
    r"places?",
    r"éducatrices?",
    r"éducateurs?",
    r"enfants",
    r"kids",
)


def _discrimination(text: str) -> list[tuple[int, int]]:
    """Spans of a group word with a generalization or contempt in the same sentence."""
    out = []
    for g in _GROUP.finditer(text):
        sent = _sentence(text, g.start(), g.end())
        if (
            _GENERALIZATION.search(sent)
            and not _POLITICS.search(sent)
            and not _INCLUSIVE.search(sent)
        ):
            out.append((g.start(), g.end()))
    return out


class HarassmentAnalyzer(SemanticAnalyzer):
    """Insults, mockery, threats and discriminatory remarks aimed at people or the CPE."""

    name = "harcelement"
    rule = "5.vi.harcelement"
    rules = (rule,)
    #: Model trained with part-g: its 0.425 threshold raised false alarms (LOSO 6.0 % → 5.0 %);
    #: with the model A-L, 0.55 (0.45, 0.5, 0.55, 0.6, 0.65 tried by leave-one-source-out).
    MIN_THRESHOLD = 0.55
    #: Fire alone; a threat at one's own family or pet is exempt (``_threat_ok``).
    STRONG = (
        (
            "juron + insulte",
            rx(
                _SWEAR
                + r"\s+(?:de\s+|d')(?:\w+\s+)?(?:conne?|folle|fou|vache|chienne|incompétente?|"
                r"niaiseuse?|niaiseux|épaisse?|cave|idiote?|imbécile|salope?|menteuse?|menteur|paresseuse?|paresseux|grosse?)"
            ),
        ),
        (
            "insulte",
            rx(
                r"(?:grosse?|espèce d'|espèce de|gang de|bande de)\s+(?:conne?s?|vaches?|tarée?s?|idiote?s?|imbéciles?|"
                r"incompétente?s?|crétine?s?|épaisse?s?|caves|niaiseu(?:x|ses?)|débiles?|truies?|torches?|"
                r"dindes?|lards?|porcs?|baleines?)",
                r"(?:conne|connard|connasse|imbécile|crétine?|tarée|salope|pétasse|grognasse)s?",
                r"(?:face|tête) (?:à|a) (?:claques?|fesser|fesses)",
                r"(?:le|la|une?) (?:qi|q\.i\.|cerveau|charisme|intelligence) d['’]une?",
                r"(?:tête|face) de (?:bœuf|boeuf|cochon|rat|pet|mule|singe|carême)",
                r"(?:va|allez) (?:donc )?(?:chier|te faire foutre|vous faire foutre|"
                r"(?:te|vous) faire soigner)",
                r"mange(?:z)? (?:donc )?(?:un char de )?(?:marde|merde)",
                r"fuck (?:you|off)",
                r"(?:boss|boss des) bécosses",
            ),
        ),
        (
            "menace",
            rx(
                r"(?:je vais|j'vais|jvais|m'as|on va|va falloir)\s+(?:lui|leur|la|le|les|te|vous)?\s*"
                r"(?:tuer|frapper|péter la gueule|casser la gueule|arracher|régler (?:son|leur|ton) compte|faire payer|planter)",
                r"(?:elle|il|ils|elles|tu|vous)\s+(?:va|vont|vas|allez)\s+(?:le\s+)?regretter",
                r"(?:elle|il|ils|elles|tu|vous)\s+(?:va|vont|vas|allez)\s+(?:me\s+)?le\s+payer",
                r"(?:va|vont|vas|allez)\s+(?:me\s+)?le\s+(?:regretter|payer)",
                r"je sais où (?:tu|elle|il|vous) (?:habite|habites|restes?|demeure)s?",
                r"attends?-toi à",
                r"fais attention à toi",
                r"(?:te|t['’]|lui|leur|vous)\s*(?:aller\s+)?(?:casser|casse|péter|pète|fendre|fends|"
                r"arranger|arrange|refaire|refais|replacer|replace|sacrer|sacre|crisser|crisse)\s+"
                r"(?:la gueule|la face|le portrait|les dents|la yeule|le dentier|la margoulette|une volée)",
                r"(?:crever|crève|crèverai|crevé|percer|perce|rayer|raye|défoncer|défonce)\s+"
                r"(?:tes|ses|leurs|vos|tous ses|toutes ses)\s+(?:pneus|roues|vitres|chars?|autos?)",
                r"(?:mettre|mets|mettrai|sacrer|crisser)\s+le feu\s+(?:à|a|au|chez)\s+"
                r"(?:son|sa|ses|ton|ta|tes|leur|leurs|votre|vos|chez)",
                r"avec moins de dents",
                r"je réponds (?:pu|plus|pas) de moi",
                r"qu['’](?:il|elle|ils|elles) (?:essaie|essaye|essaient|essayent|ose|osent) "
                r"(?:juste|donc|pour voir)",
                r"(?:t['’]es|tu es|vous êtes|(?:il|elle) est|considère-toi|considérez-vous) "
                r"(?:avertie?s?|prévenue?s?)",
                r"dernier avertissement",
                r"(?:tu|vous|il|elle) (?:perds|perdez|perd) rien pour attendre",
                r"(?:ta|sa|leur|votre) vie va (?:devenir|être) un enfer",
                r"(?:je vais|jvais|j'vais|m'as)\s+(?:te|lui|leur|vous)\s+(?:faire|rendre)\s+"
                r"la vie (?:dure|impossible)",
                r"(?:ruiner|détruire|salir|démolir)\s+(?:sa|ta|leur|votre|la)\s+réputation",
                r"je connais (?:vos|tes|ses|leurs) (?:noms?|chars?|autos?|adresses?|enfants|"
                r"maisons?|plaques?)",
                r"(?:je vais|jvais|j'vais)\s+(?:l['’]|les\s+|t['’]|vous\s+)attendre\s+"
                r"(?:dans le stationnement|à la sortie|dehors|après)",
                r"watch (?:your|yo|ur) back",
                r"i know where (?:you|she|he|they) (?:live|lives)",
                r"i have your (?:number|address)",
                r"(?:you|she|he|they)(?:['’]ll| will| are going to| is going to) (?:regret|pay for) it",
                r"karma['’]?s? (?:is )?coming",
                r"le karma s['’]en vient",
                r"make sure (?:his|her|their|your) (?:car|house|kids?)",
                r"j['’]espère qu['’](?:il|elle|ils|elles) (?:crève|crèvent|meure|meurent|"
                r"tombe|tombent|se casse|va avoir un accident|ait un accident|se fasse frapper)",
                r"i hope (?:she|he|they|you) (?:dies?|die|trips?|falls?|gets? hit|chokes?)",
            ),
        ),
        (
            "moquerie",
            rx(
                r"(?:votez|vote|votons|sondage|concours|prix)\b.{0,50}\b(?:la|le|the)\s+(?:plus|most)\s+"
                r"(?:laide?|grosse?|niaiseu(?:x|se)|épaisse?|conne?|vieille|plate|ugly|fat|dumb|"
                r"stupid)",
                r"(?:votez|vote)\b.{0,40}\b(?:ugliest|fattest|dumbest)",
                r"(?:mèmes?|memes?)\s+(?:sur|de|d['’]|avec|of|about)\s+"
                r"(?:la|le|ma|mon|notre|nos|the|my|(?-i:[A-ZÉ])\w+)\b(?!\s+(?:chat|chien|cat|dog))",
                r"(?:montage(?: photo)?|photomontage)\s+(?:de|d['’]|of)\s+(?:la |le |ma |mon |notre |the |my )?"
                r"(?:directrice|directeur|dg|da|coordo\w*|collègue|boss|gestionnaire|éduc\w*|"
                r"cuisinière|secrétaire|concierge|prof|coworker|manager)",
                r"(?:pour|on va)\s+(?:rire|se moquer|niaiser)\s+(?:d['’]elle|de lui|d['’]eux|de (?:sa|son|ses) )",
                r"(?:j['’]imite|je reproduis|imiter|reproduire|mimer|copier|i imitate|imitating)\s+"
                r"(?:la démarche|l['’]accent|la voix|le bégaiement|la façon de parler|the accent|the walk)",
                r"filtre de (?:cochon|porc|clown|vache)",
                r"(?:in|en)\s+clown\b(?!.{0,20}\b(?:fête|party|spectacle|show))",
            ),
        ),
        (
            "discrimination",
            rx(
                r"(?:ces|les|maudits?|maudites?)\s+(?:immigrants?|immigrées?|arabes|musulmane?s|noirs|noires|"
                r"nègres?|juifs|juives|chinois|autochtones|indiens|sauvages|gais|gaies|lesbiennes|trans|"
                r"tapettes?|handicapée?s)\s+(?:qui\s+)?(?:devraient|sont\s+(?:tous|toutes|juste|des)|"
                r"volent|profitent|ont rien|comprennent rien|retournez|retourner)",
                r"(?:retourne|retournez)\s+(?:donc\s+)?dans\s+(?:ton|votre|leur)\s+pays",
                r"(?<!je )(?<!j')(?<!on )(?<!il )(?<!elle )(?<!tu )(?<!nous )retourne(?:z)?\s+"
                r"(?:donc\s+)?(?:en|à|au)\s+(?-i:[A-ZÉ])\w+",
                r"go back (?:to|where) (?:your country|where you came from|you came from|"
                r"(?-i:[A-Z])\w+)",
                r"c['’]est dans (?:leur|son|sa) (?:sang|culture|gènes|nature)",
                r"(?:you|on) (?:know|sait|connaît) (?:how|comment) (?:those|these|ces) (?:people|gens|"
                r"gens-là|monde-là)",
                r"quota (?:de diversité|ethnique)",
                r"diversité à tout prix",
                r"diversity hire",
                r"(?:nègres?|négresses?|bougnoules?|chinetoques?|bridée?s|niggers?|n-word|"
                r"faggots?|dykes?|trannys?|trannies)",
            ),
        ),
    )
    #: Insults that fire alone only when aimed at others (``_aimed_at_others``).
    TARGETED = (
        (
            "insulte",
            rx(
                L.COPULA_PERSON + r"\s+" + L.FILL + _PERSON,
                L.COPULA + r"\s+" + L.FILL + L.ARTICLE + L.FILL + _PERSON,
                L.HEAD + r"\s+(?:de\s+|d['’])?" + L.FILL + _ANY_INSULT,
                r"(?:t['’]es|tu es|vous êtes|you['’]re|you are)\s+"
                + L.FILL
                + _AMBIGUOUS_NOT_BANTER,
                r"(?:cette|ce|la|le|une?|those|that)\s+(?:"
                + _PERSON
                + r"|folle|fou)\s+(?:de|d['’])\s*"
                r"(?:(?-i:[A-ZÉ])|la |le |sa |son |ma |mon )",
                r"(?:run|managed|dirigée?|gérée?) (?:by|par) (?:des |a bunch of |une gang de )?"
                + _ANY_INSULT,
            ),
        ),
    )
    WEAK = (
        (
            "insulte probable",
            rx(
                r"incompétente?s?",
                r"niaiseu(?:x|se|ses)",
                r"épaisse?s?",
                r"débiles?",
                r"tarée?s?",
                r"paresseu(?:x|se|ses)",
                r"hypocrites?",
                r"menteu(?:r|se|ses|rs)",
                r"(?<!en )(?<!de )sorcières?",
                r"(?:(?:devrai(?:en)?t|devriez|devrais) avoir|honte à (?:toi|vous|elle|lui|eux)|quelle) honte",
                r"honte à (?:toi|vous|elle|lui|eux)",
                r"pathétiques?",
                r"crisse",
                r"osti",
                r"tabarnak",
                _PERSON,
                r"🖕",
                r"🐀",
                r"paresse",
                r"lazy",
                r"useless",
                r"stupid",
                r"(?:direction|directrice|gestion|mère|père|parents?|collègues?|boss|patronne?|"
                r"gestionnaire|coordo\w*|personne|femme|homme|madame|monsieur|dg|da) toxiques?",
                r"pourrie?s?(?= (?:jusqu|à l['’]os|de la tête))",
                r"(?:lente?|faible|bête|laide?|grosse?) comme (?:une?|des)",
            ),
        ),
        (
            "menace probable",
            rx(
                r"(?:tout le monde|le monde entier|toute la ville|toute la région|everyone) "
                r"(?:va|vont|will) (?:savoir|le savoir|know)",
                r"(?:je vais|jvais|j'vais)\s+(?:tout\s+)?(?:le\s+|les\s+)?(?:publier|raconter|afficher|dire)"
                r"\s+(?:partout|à tout le monde|son nom|sa photo|leur nom)",
                r"publier (?:son|leur|ton) nom",
                r"je vais m['’]en (?:souvenir|rappeler)",
                r"(?:ça|ca) (?:va )?leur apprendr",
                r"goûte(?:r)? à sa (?:propre )?médecine",
                r"(?:suivre|surveiller|espionner|filmer|traquer|pister|follow|track)\s+"
                r"(?:(?-i:[A-ZÉ])\w+|la|le|cette|ce|ma|mon|her|him)\b.{0,40}\b(?:pour voir|après|avec qui|"
                r"home|after)",
                r"pour (?:ceux|celles) qui veulent (?:lui|leur) (?:dire|écrire|expliquer|parler)",
                r"allez-y en gang",
                r"(?:voici|here['’]s) (?:son|le|leur|her|his) (?:numéro|adresse|cell|number|address)",
                r"expliquer ma façon de penser",
                r"en personne",
                r"(?:i|je) (?:swear|jure)\b.{0,30}\b(?:if|si)\b",
            ),
        ),
        (
            "insinuation",
            rx(
                r"(?:elle|il|ils|elles|iel)s? (?:va|vont)? ?se reconna[iî]t(?:ra|ront)",
                r"(?:elle|il|ils|elles|iel|qui) se reconna[iî]tr(?:a|ont)",
                r"(?:y'en|y en|il y en) a (?:qui|une|un) (?:qui )?(?:vont )?se reconna[iî]tr",
                r"qui se sent morveux",
                r"suivez mon regard",
                r"je (?:ne )?nomme personne",
                r"je nommerai personne",
                r"(?:pas besoin de|sans) (?:nommer|donner de noms?|dire de noms?)",
                r"(?:je dis|j'dis|jdis) (?:ça|ca),? (?:je dis|j'dis|jdis) rien",
                r"je dis juste (?:ça|ca)",
                r"(?:devinez|guess) (?:qui|who)",
                r"(?:une|un) certaine? (?:personne|collègue|éduc\w*|maman|mère|madame|coordo\w*|"
                r"direction|directrice|employée?|cuisinière|famille|parent)",
                r"(?:certaines?|certains) (?:personnes|collègues|éduc\w*|mamans|mères|parents) "
                r"(?:qui|devraient|feraient|pourraient|se)",
                r"vous savez (?:de )?qui",
                r"(?:you|y'all) know who you are",
                r"not naming (?:names|anyone)",
                r"(?:some|certain) (?:people|coworkers|colleagues|moms|parents) (?:should|need|could|who)",
            ),
        ),
        (
            "dénigrement",
            rx(
                r"fuyez",
                r"évitez (?:cette|ce|leur|la|le) (?:place|cpe|garderie|endroit)",
                r"(?:don['’]t|never|do not) send your (?:kids|children)",
                r"retirez vos enfants",
                r"boycott(?:ez)?",
                r"ne faites (?:jamais|pas) affaire",
                r"partagez partout",
                r"(?:direction|gestion) (?:toxique|pourrie)",
                r"la direction couvre",
                r"couvre tout",
                r"maltraite",
                r"négligence",
                r"insalubre",
                r"c['’]est un zoo",
            ),
        ),
    )

    @classmethod
    def hits(cls, text: str, weak: bool = False) -> list[tuple[str, int, int]]:
        """Return the harassment patterns (strong, or weak) in ``text``, guards applied."""
        out: list[tuple[str, int, int]] = []
        if not weak:
            for name, s, e in _matches(cls.STRONG, text):
                if name != "menace" or _threat_ok(text, s, e):
                    out.append((name, s, e))
            for name, s, e in _matches(cls.TARGETED, text):
                if _aimed_at_others(text, s, e):
                    out.append((name, s, e))
            return out
        for name, s, e in _matches(cls.WEAK, text):
            if name == "insulte probable" and not _aimed_at_others(text, s, e):
                continue
            if name == "dénigrement" and (
                _REPORTED.search(text[max(0, s - 80) : s])
                or _in_quotes(text, s)
                or _NEGATED.search(_clause_before(text, s))
                or not _WORKPLACE.search(text)
            ):
                continue
            out.append((name, s, e))
        out += [
            ("discrimination probable", s, e)
            for s, e in _discrimination(text)
            if not _REPORTED.search(text[max(0, s - 150) : s])
        ]
        return out

    @classmethod
    def has_pattern(cls, text: str) -> bool:
        """Return True when a strong or weak harassment pattern is in ``text``."""
        return bool(cls.hits(text) or cls.hits(text, weak=True))

    def strong_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        return self.hits(doc.text)

    def weak_hits(self, doc: Document) -> list[tuple[str, int, int]]:  # noqa: D102
        return self.hits(doc.text, weak=True)

    def _model_hit(self, doc: Document) -> list[Hit]:
        hits = super()._model_hit(doc)
        if hits and _venting(doc):
            return []  # venting (never with a pattern): WorkplaceCriticismAnalyzer reports it
        return hits


class WorkplaceCriticismAnalyzer(SemanticAnalyzer):
    """Venting about the workplace, colleagues or families, short of an attack."""

    name = "critique-milieu"
    rule = "5.ii.critique-milieu"
    rules = (rule,)
    #: Model trained with part-g: its 0.425 threshold raised false alarms (LOSO 6.0 % → 5.0 %);
    #: with the model A-L, 0.55 (0.45, 0.5, 0.55, 0.6, 0.65 tried by leave-one-source-out).
    MIN_THRESHOLD = 0.55
    WEAK = (
        (
            "plainte",
            rx(
                r"tannée?s?",
                r"écœurée?s?",
                r"écoeurée?s?",
                r"j'en peux plus",
                r"j'en peux pu",
                r"ras-le-bol",
                r"mal organisée?",
                r"désorganisée?",
                r"chaos",
                r"bordel",
                r"n'importe quoi",
                r"sous-payée?s?",
                r"pas de remplaçante?s?",
                r"jamais de remplaçante?s?",
                r"manque de personnel",
                r"à bout",
                r"brûlée?s?",
                r"épuisée?s?",
                r"je chiale",
                r"me plaindre",
                r"pire (?:job|milieu|cpe|place)",
                r"fed up",
                r"sick of",
            ),
        ),
    )

    def _model_hit(self, doc: Document) -> list[Hit]:
        hits = super()._model_hit(doc)
        if hits or len(doc.tokens) < 3:
            return hits
        threshold = doc.extra.get("thresholds", {}).get(self.rule)
        score = doc.scores.get(self.rule, 0.0)
        if threshold is None:
            return []
        if _venting(doc):
            why = (
                f"modèle : probabilité {score:.2f}; du défoulement sur le milieu plutôt "
                f"qu'une attaque (harcèlement {doc.scores.get(H_RULE, 0.0):.2f})"
            )
            return [Hit(self.rule, self._spans(doc), why)]
        return []

    def _spans(self, doc: Document) -> tuple[tuple[int, int], ...]:

        best = best_sentence(doc, self.rule)
        return (best[0],) if best else ()
