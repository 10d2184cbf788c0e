"""Downloads through the CPE's network or equipment (5 v, last paragraph)."""

from __future__ import annotations

from balise.engine.analyzers.base import Hit, SemanticAnalyzer, rx
from balise.engine.document import Document

_DOWNLOAD = r"(?:télécharg\w*|telecharg\w*|download\w*|install\w*|torrent\w*|dl)"
_NETWORK = r"(?:wi-?fi|réseau|internet|ordi\w*|tablette|portable|laptop|serveur|poste|ipad)"


class NetworkAnalyzer(SemanticAnalyzer):
    """Files, games or applications downloaded with the CPE's network or devices."""

    name = "reseau"
    rule = "5.v.reseau"
    rules = (rule,)
    STRONG = (
        (
            "téléchargement sur le réseau du CPE",
            rx(
                _DOWNLOAD
                + r"\b[^.!?\n]{0,60}?\b"
                + _NETWORK
                + r"\s+(?:du|de la|au|de notre)\s+(?:cpe|garderie|bureau|travail|job)",
                _NETWORK
                + r"\s+(?:du|de la|au|de notre)\s+(?:cpe|garderie|bureau|travail|job)\b[^.!?\n]{0,60}?\b"
                + _DOWNLOAD,
            ),
        ),
    )
    WEAK = (("téléchargement", rx(_DOWNLOAD)),)
    CUES = rx(
        _DOWNLOAD,
        r"wi-?fi",
        r"réseau",
        r"apps?",
        r"applications?",
        r"jeux",
        r"jeu",
        r"films?",
        r"séries?",
        r"fichiers?",
        r"mises? à jour",
        r"update\w*",
        r"logiciels?",
        r"\.exe",
        r"\.apk",
        r"streaming",
        r"netflix",
        r"ordi\w*",
        r"tablette",
    )

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        if _NEGATED.search(doc.text):
            return []
        if _PERSONAL_NET.search(doc.text) and not _CPE_NET.search(doc.text):
            return []
        return super().analyze(doc)


#: The author's own connection or device, away from the CPE: not the CPE's network.
_PERSONAL_NET = rx(
    r"perso\w*",
    r"chez (?:nous|moi|ma mère|mon père|mes parents|ma sœur|ma soeur|une amie|mon chum)",
    r"à la maison",
    r"(?:mes|sur mes|avec mes) données(?: cellulaires| mobiles)?",
    r"données cellulaires",
    r"(?:mon|ma) (?:propre )?(?:wifi|wi-fi|réseau|forfait|connexion|cell|cellulaire|téléphone)",
    r"au café",
    r"leur wi-?fi",
    r"à la bibliothèque",
    r"at home",
    r"my own",
)
#: The CPE's network or equipment.
_CPE_NET = rx(
    r"(?:du|au|de notre|de la|à la|sur le) (?:cpe|job|travail|garderie|bureau|local|installation)",
    r"(?:wi-?fi|réseau|ordi\w*|tablette|portable|laptop|poste|ipad|serveur) (?:du|de la|au) \w+",
    r"sur place",
    r"pendant (?:la sieste|mon quart|le dîner des enfants)",
)
#: "Je télécharge jamais rien sur le wifi de la job", "avant d'installer quoi que ce soit".
_NEGATED = rx(
    r"(?:télécharg|install|download)\w*\s+(?:jamais|pas|rien|plus)",
    r"(?:jamais|pas|rien|avant d'|avant de|sans)\s*(?:\w+\s+){0,2}?(?:télécharg|install|download)\w*",
    r"(?:on a |j'ai )?pas le droit de (?:télécharg|install)\w*",
)
