"""Log importers, registered by kind (like the exporters): one module per format."""

from __future__ import annotations

from balise.network.importers.adguard import AdGuardQueryLog
from balise.network.importers.base import LineError, LogImporter, Query, ReadOptions
from balise.network.importers.dnsmasq import DnsmasqLog
from balise.network.importers.pihole import PiholeDatabase
from balise.network.importers.squid import SquidAccessLog

LINE_IMPORTERS = (AdGuardQueryLog(), DnsmasqLog(), SquidAccessLog())
IMPORTERS: dict[str, LogImporter] = {i.kind: i for i in (*LINE_IMPORTERS, PiholeDatabase())}

__all__ = [
    "IMPORTERS",
    "LINE_IMPORTERS",
    "LineError",
    "LogImporter",
    "Query",
    "ReadOptions",
    "detect",
]


def detect(head: bytes) -> LogImporter | None:
    """Returns the importer whose format the beginning of a file matches, or None."""
    return next((i for i in IMPORTERS.values() if i.sniff(head)), None)
