"""Encryption of the roster's names at rest, and keyed hashes to match them.

The key never lives in the database: it comes from BALISE_DATA_KEY (a Fernet key, 32 url-safe
base64-encoded bytes), else from var/data_key, generated once with mode 0600. Losing the key means
losing the names; back it up apart from the database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models


class DataKeyError(RuntimeError):
    """The data key is missing or malformed."""


def key_path() -> Path:
    return Path(settings.VAR_DIR) / "data_key"


@lru_cache(maxsize=4)
def _load_key(env_value: str, path: str) -> bytes:
    if env_value:
        key = env_value.strip().encode()
    else:
        file = Path(path)
        if not file.exists():
            try:
                fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass  # another process wrote it first
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(Fernet.generate_key())
        key = file.read_bytes().strip()
    try:
        if len(base64.urlsafe_b64decode(key)) != 32:
            raise ValueError
    except ValueError as exc:
        raise DataKeyError(
            "La clé de chiffrement BALISE_DATA_KEY doit être une clé Fernet (32 octets en base64)."
        ) from exc
    return key


def data_key() -> bytes:
    return _load_key(os.environ.get("BALISE_DATA_KEY", ""), str(key_path()))


def fernet() -> Fernet:
    return Fernet(data_key())


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DataKeyError(
            "Ces données ne se déchiffrent pas avec la clé de chiffrement actuelle."
        ) from exc


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(data: bytes) -> bytes:
    return fernet().decrypt(bytes(data))


def fold(text: str) -> str:
    """Returns text lower-cased without accents, as balise.engine.textutil.fold (kept here so
    that Django's start-up does not import the engine and its language models)."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
        out.append((base[0].lower() or ch)[:1])
    return "".join(out)


def normalize_name(name: str) -> str:
    """Returns a name folded as the engine folds it: no case, no accents, single spaces."""
    return " ".join(re.findall(r"[^\W\d_]+", fold(name)))


def name_hash(name: str) -> str:
    """Returns the HMAC-SHA256 of the normalised name, keyed by a key derived from the data key."""
    mac_key = hashlib.sha256(b"balise-name-index:" + data_key()).digest()
    return hmac.new(mac_key, normalize_name(name).encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """A text stored as a Fernet token; Python code sees the clear text."""

    def from_db_value(self, value, expression, connection):
        return None if value in (None, "") else decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value in (None, "") else encrypt(value)
