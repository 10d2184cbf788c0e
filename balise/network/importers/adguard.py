"""AdGuard Home's query log (querylog.json): one JSON object per line, fields T, QH, IP…"""

from __future__ import annotations

import json
import re
from datetime import datetime

from django.utils.translation import gettext as _

from balise.network.importers.base import LineImporter, Query, ReadOptions, Refused

# Fast path: the three fields needed, read without decoding the whole object (T, QH and IP never
# hold JSON escapes). A line that does not fit is decoded with json to say what is wrong with it.
T_RE, QH_RE, IP_RE = (re.compile(rf'"{k}"\s*:\s*"([^"\\]*)"') for k in ("T", "QH", "IP"))


class AdGuardQueryLog(LineImporter):
    kind = "adguard"
    label = "AdGuard Home"

    def looks_like(self, line: str) -> bool:
        return line.lstrip().startswith("{") and '"QH"' in line

    def parse(self, line: str, options: ReadOptions, state: dict) -> Query | None:
        t, qh = T_RE.search(line), QH_RE.search(line)
        if t and qh and line.endswith("}"):
            ip = IP_RE.search(line)
            try:
                at = datetime.fromisoformat(t[1])
            except ValueError:
                raise Refused(_("champ T (heure) ou QH (domaine) manquant ou invalide")) from None
            return Query(0, at, ip[1] if ip else "", qh[1].rstrip(".").lower())
        return self._slow(line)

    def _slow(self, line: str) -> Query:
        try:
            record = json.loads(line)
        except ValueError:
            raise Refused(_("ligne tronquée ou JSON invalide")) from None
        try:
            at = datetime.fromisoformat(record["T"])
            return Query(0, at, record.get("IP", ""), record["QH"].rstrip(".").lower())
        except (KeyError, TypeError, AttributeError, ValueError):
            raise Refused(_("champ T (heure) ou QH (domaine) manquant ou invalide")) from None
