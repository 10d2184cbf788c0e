"""Pi-hole's long-term database (pihole-FTL.db): the `queries` table (a view in FTL v5.9+)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.utils.translation import gettext as _

from balise.network.importers.base import LineError, LogImporter, Query, ReadOptions

SQLITE_MAGIC = b"SQLite format 3\x00"


class PiholeDatabase(LogImporter):
    kind = "pihole"
    label = "Pi-hole"

    def sniff(self, head: bytes) -> bool:
        return head.startswith(SQLITE_MAGIC)

    def read(self, path: Path, options: ReadOptions) -> Iterator[Query | LineError | None]:
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            rows = db.execute("SELECT id, timestamp, domain, client FROM queries ORDER BY id")
        except sqlite3.DatabaseError:
            yield LineError(0, _("la base Pi-hole est illisible ou n'a pas de table « queries »"))
            return
        try:
            yield from self._rows(rows)
        except sqlite3.DatabaseError:
            yield LineError(
                0, _("la base Pi-hole est tronquée : lecture arrêtée en cours de route")
            )
        finally:
            db.close()

    @staticmethod
    def _rows(rows) -> Iterator[Query | LineError]:
        for row_id, ts, domain, client in rows:
            if not isinstance(ts, int | float) or not domain or not client:
                yield LineError(
                    row_id, _("enregistrement incomplet (heure, domaine ou client manquant)")
                )
                continue
            yield Query(
                row_id,
                datetime.fromtimestamp(ts, UTC),
                str(client),
                str(domain).rstrip(".").lower(),
            )
