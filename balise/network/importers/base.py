"""The shape of a log importer: one module per format, one small class each.

An importer reads a file and yields, line by line, a `Query`, a `LineError` (the line number and
why it was refused), or None for a line of the format that is not a query (a dnsmasq reply…).
Nothing is held in memory: the caller aggregates as it goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from django.utils.translation import gettext as _


@dataclass(slots=True)
class Query:
    line: int
    at: datetime  # aware
    client: str  # the client's IP address as the log gives it
    domain: str
    url: str = ""


@dataclass(slots=True)
class LineError:
    line: int
    message: str


@dataclass(frozen=True)
class ReadOptions:
    tz: tzinfo  # the CPE's zone, for logs that write local time without an offset
    year: int  # for logs that write no year (dnsmasq through syslog)


class Refused(ValueError):
    """A line of the importer's format that cannot be read; the message is French."""


class LogImporter:
    kind = ""
    label = ""

    def sniff(self, head: bytes) -> bool:
        """True when the beginning of a file looks like this format."""
        raise NotImplementedError

    def read(self, path: Path, options: ReadOptions) -> Iterator[Query | LineError | None]:
        raise NotImplementedError


class LineImporter(LogImporter):
    """A text log, one record per line."""

    def looks_like(self, line: str) -> bool:
        raise NotImplementedError

    def parse(self, line: str, options: ReadOptions, state: dict) -> Query | None:
        """Returns the query of a line, None for a line to ignore; raises Refused."""
        raise NotImplementedError

    def sniff(self, head: bytes) -> bool:
        first = next(
            (line for line in head.decode("utf-8", "replace").splitlines() if line.strip()), ""
        )
        return self.looks_like(first)

    def read(self, path: Path, options: ReadOptions) -> Iterator[Query | LineError | None]:
        from balise.network.importers import LINE_IMPORTERS

        state: dict = {}
        with open(path, encoding="utf-8", errors="replace", newline="") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    yield None
                    continue
                try:
                    query = self.parse(line.rstrip("\r\n"), options, state)
                except Refused as exc:
                    yield LineError(number, _other_format(line, self, LINE_IMPORTERS) or str(exc))
                    continue
                if query is not None:
                    query.line = number
                yield query


def _other_format(line: str, current: LineImporter, importers) -> str | None:
    for other in importers:
        if other.kind != current.kind and other.looks_like(line):
            return _("format différent : une ligne %(other)s dans un journal %(current)s") % {
                "other": other.label,
                "current": current.label,
            }
    return None
