"""Secrets at rest (a Bluesky app password), encrypted with the installation's data key.

The registers app owns the data key (BALISE_DATA_KEY, else var/data_key) and its Fernet helper:
the watch uses it when that app is installed, and otherwise falls back to the same key source
with its own few lines, so the two always agree.
"""

from __future__ import annotations

import os
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings

from balise.env import env_str


@lru_cache(maxsize=1)
def _own_fernet() -> Fernet:
    key = env_str("BALISE_DATA_KEY").strip()
    if not key:
        path = settings.VAR_DIR / "data_key"
        if not path.exists():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(Fernet.generate_key())
        key = path.read_text().strip()
    return Fernet(key.encode())


def _fernet() -> Fernet:
    if apps.is_installed("balise.registers"):
        try:
            from balise.registers.crypto import fernet
        except ImportError:
            return _own_fernet()
        return fernet()
    return _own_fernet()


def encrypt(clear: str) -> str:
    return _fernet().encrypt(clear.encode()).decode() if clear else ""


def decrypt(token: str) -> str:
    """Returns the clear text, or "" when the token is empty or the key changed."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""
