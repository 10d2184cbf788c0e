"""Small typed readers of environment variables that fail loudly, in French."""

from __future__ import annotations

import os
from collections.abc import Mapping

TRUE = {"1", "true", "yes", "on", "oui", "vrai"}
FALSE = {"0", "false", "no", "off", "non", "faux", ""}


class SettingError(ValueError):
    """A setting read from the environment has a value Balise cannot use."""


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    """Returns the variable's value, or the default when it is unset."""
    environ = os.environ if environ is None else environ
    return environ.get(name, default)


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Returns the variable read as a boolean (1/0, true/false, yes/no, oui/non)."""
    raw = env_str(name, "", environ).strip().lower()
    if name not in (os.environ if environ is None else environ):
        return default
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise SettingError(
        f"La variable {name} doit valoir vrai ou faux (1/0, true/false), pas « {raw} »."
    )


def env_int(name: str, default: int, environ: Mapping[str, str] | None = None) -> int:
    """Returns the variable read as a whole number."""
    raw = env_str(name, "", environ).strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(
            f"La variable {name} doit être un nombre entier, pas « {raw} »."
        ) from None


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """Returns the variable split on commas, blanks dropped."""
    raw = env_str(name, "", environ)
    if not raw.strip():
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]
