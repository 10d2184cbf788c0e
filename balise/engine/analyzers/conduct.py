"""Workplace criticism (5 ii) and harassment, threats, discrimination (5 vi)."""

from __future__ import annotations

from balise.engine.analyzers.base import SemanticAnalyzer, rx

_SWEAR = (
    r"(?:osti|ostie|esti|estie|câlisse|câlice|calice|tabarnak|tabarnac|crisse|maudite?|sacrament)"
)


class HarassmentAnalyzer(SemanticAnalyzer):
    """Insults, mockery, threats and discriminatory remarks aimed at people or the CPE."""

    name = "harcelement"
    rule = "5.vi.harcelement"
    rules = (rule,)
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
                r"incompétente?s?|crétine?s?|épaisse?s?|caves|niaiseu(?:x|ses?)|débiles?|truies?|torches?)",
                r"(?:conne|connard|connasse|imbécile|crétine?|tarée|salope|pétasse|grognasse)s?",
            ),
        ),
        (
            "menace",
            rx(
                r"(?:je vais|j'vais|m'as|on va|va falloir)\s+(?:lui|leur|la|le|les|te|vous)?\s*"
                r"(?:tuer|frapper|péter la gueule|casser la gueule|arracher|régler (?:son|leur|ton) compte|faire payer|planter)",
                r"(?:elle|il|ils|elles|tu|vous)\s+(?:va|vont|vas|allez)\s+(?:le\s+)?(?:regretter|payer)",
                r"je sais où (?:tu|elle|il|vous) (?:habite|habites|restes?|demeure)s?",
                r"attends?-toi à",
                r"fais attention à toi",
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
                r"sorcières?",
                r"ridicules?",
                r"honte",
                r"pathétiques?",
                r"crisse",
                r"osti",
                r"tabarnak",
            ),
        ),
    )


class WorkplaceCriticismAnalyzer(SemanticAnalyzer):
    """Venting about the workplace, colleagues or families, short of an attack."""

    name = "critique-milieu"
    rule = "5.ii.critique-milieu"
    rules = (rule,)
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
