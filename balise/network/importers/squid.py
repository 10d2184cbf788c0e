"""Squid's access.log (native format): the proxy log, where URLs show downloaded files."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from balise.network.importers.base import LineImporter, Query, ReadOptions, Refused

LINE = re.compile(
    r"^(?P<ts>\d{9,11}\.\d{3}) +\d+ (?P<client>\S+) \S+/\d{3} \d+ (?P<method>[A-Z]+) (?P<url>\S+)"
)


class SquidAccessLog(LineImporter):
    kind = "squid"
    label = "Squid"

    def looks_like(self, line: str) -> bool:
        return LINE.match(line) is not None

    def parse(self, line: str, options: ReadOptions, state: dict) -> Query | None:
        match = LINE.match(line)
        if match is None:
            raise Refused(_("ligne tronquée ou illisible (journal Squid attendu)"))
        url = match["url"]
        host = url.split(":")[0] if match["method"] == "CONNECT" else (urlsplit(url).hostname or "")
        at = datetime.fromtimestamp(float(match["ts"]), UTC)
        return Query(
            0, at, match["client"], host.lower(), "" if match["method"] == "CONNECT" else url
        )
