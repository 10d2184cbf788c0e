"""Reaching the database, with a French message when it cannot be reached."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.db.utils import OperationalError


def describe_database() -> str:
    """Returns where the database is, without its password."""
    url = urlsplit(settings.DATABASE_URL)
    if url.scheme.startswith("sqlite"):
        return f"SQLite ({url.path})"
    return f"{url.scheme}://{url.hostname}:{url.port or ''}{url.path}"


def check_database() -> str | None:
    """Returns None when the database answers, else a French explanation."""
    try:
        connection.ensure_connection()
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return (
            f"La base de données {describe_database()} est injoignable ({first_line}). "
            "Vérifiez que le serveur fonctionne et que DATABASE_URL est juste."
        )
    return None
