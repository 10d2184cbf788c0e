"""The one exception of the media package: a refusal that a person can read."""

from __future__ import annotations

from pathlib import Path


class MediaError(Exception):
    """A file that Balise refuses to analyse; `str()` is a French sentence naming file and reason.

    `code` is a stable machine key (``empty``, ``missing``, ``unsupported``, ``not_media``,
    ``corrupt``, ``bomb``, ``too_large``, ``too_long``, ``codec``) for callers and tests.
    """

    def __init__(self, path: str | Path, code: str, reason: str) -> None:
        self.name = Path(path).name
        self.code = code
        self.reason = reason
        super().__init__(f"Fichier « {self.name} » refusé : {reason}")


def megabytes(size: int) -> str:
    """Return a size in bytes as French megabytes, e.g. ``2 048 Mo``."""
    return f"{size / 1_000_000:,.0f} Mo".replace(",", "\u202f")


def thousands(value: int) -> str:
    """Return an integer with French thousands separators, e.g. ``50 000``."""
    return f"{value:,}".replace(",", "\u202f")
