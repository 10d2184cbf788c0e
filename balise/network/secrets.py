"""The AdGuard Home password, encrypted at rest with the installation's data key.

One key for every secret Balise keeps (BALISE_DATA_KEY, else var/data_key): see
balise/registers/crypto.py.
"""

from __future__ import annotations

from balise.registers.crypto import decrypt, encrypt

__all__ = ["decrypt", "encrypt"]
