"""dnsmasq's query log (log-queries, through syslog): `Jan 15 09:12:03 dnsmasq[123]: query[A] x from ip`.

Syslog writes neither the year nor the offset: the year is given at import (and rolls over when
the months go back), the time is the CPE's local time.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.utils.translation import gettext as _

from balise.network.importers.base import LineImporter, Query, ReadOptions, Refused

MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
LINE = re.compile(
    r"^(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d) "
    r"(?:\S+ )?dnsmasq(?:\[\d+\])?: (?:\d+ \S+ )?(?P<rest>.*)$"
)


# Fast path: a query line in one match, positional groups (most lines of a log-queries file).
FAST = re.compile(
    r"^([A-Z][a-z]{2} +\d{1,2} \d\d:\d\d):(\d\d) (?:\S+ )?dnsmasq(?:\[\d+\])?: (?:\d+ \S+ )?"
    r"query\[[A-Za-z0-9]+\] (\S+) from (\S+)$"
)


class DnsmasqLog(LineImporter):
    kind = "dnsmasq"
    label = "dnsmasq"

    def looks_like(self, line: str) -> bool:
        return LINE.match(line) is not None

    def parse(self, line: str, options: ReadOptions, state: dict) -> Query | None:
        fast = FAST.match(line)
        if fast is not None:
            minute, second, domain, client = fast.groups()
            base = state.get(minute) or self._minute(minute, options, state)
            return Query(0, base.replace(second=int(second)), client, domain.rstrip(".").lower())
        return self._slow(line, options, state)

    def _minute(self, text: str, options: ReadOptions, state: dict) -> datetime:
        """Returns the datetime of a "Mon dd hh:mm" prefix (one per minute, remembered)."""
        mon, day, clock = text.split()
        month = MONTHS.get(mon)
        if month is None:
            raise Refused(_("ligne tronquée ou illisible (journal dnsmasq attendu)"))
        year = state.setdefault("year", options.year)
        if month < state.get("month", month):
            year = state["year"] = year + 1
        state["month"] = month
        try:
            base = datetime(
                year, month, int(day), int(clock[:2]), int(clock[3:5]), tzinfo=options.tz
            )
        except ValueError:
            raise Refused(_("date invalide")) from None
        if len(state) > 10_000:
            state.clear()
            state.update(year=year, month=month)
        state[text] = base
        return base

    def _slow(self, line: str, options: ReadOptions, state: dict) -> Query | None:
        match = LINE.match(line)
        if match is None or match["mon"] not in MONTHS:
            raise Refused(_("ligne tronquée ou illisible (journal dnsmasq attendu)"))
        if not match["rest"].startswith("query["):
            return None  # reply, forwarded, cached…: not a lookup by a client
        raise Refused(_("ligne de requête tronquée"))
