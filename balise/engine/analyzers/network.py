"""Downloads through the CPE's network or equipment (5 v, last paragraph)."""

from __future__ import annotations

from balise.engine.analyzers.base import SemanticAnalyzer, rx

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
