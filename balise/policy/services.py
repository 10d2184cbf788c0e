"""Loading the policy pack and giving each CPE its code of conduct."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings

from balise.policy.models import CodeVersion, PolicyPack


class PackError(ValueError):
    """The policy pack file cannot be used."""


REQUIRED = ("id", "title", "articles", "rules", "measures", "organization")


def read_pack(path: Path) -> dict:
    """Returns the pack read from a YAML file, checked for the fields Balise needs."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"Le fichier de code de conduite {path} est illisible : {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(f"Le fichier {path} ne décrit pas un code de conduite.")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise PackError(f"Il manque {', '.join(missing)} dans {path}.")
    return data


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> dict:
    return read_pack(Path(path))


def default_pack() -> dict:
    path = Path(settings.POLICY_PACK)
    return _cached(str(path), path.stat().st_mtime)


def load_pack_into_db(path: Path | None = None) -> tuple[PolicyPack, bool]:
    """Stores the pack in the database; returns it and whether anything changed."""
    path = Path(path or settings.POLICY_PACK)
    data = read_pack(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    pack, created = PolicyPack.objects.get_or_create(
        slug=data["id"], defaults={"sha256": digest, "data": data}
    )
    if not created and pack.sha256 != digest:
        pack.sha256, pack.data = digest, data
        pack.save()
        return pack, True
    return pack, created


def install_default_pack(org) -> CodeVersion:
    """Gives a new CPE version 1 of the default code, and the pack's public facts."""
    pack, _ = load_pack_into_db()
    data = pack.data
    facts = data.get("organization", {})
    if not org.aliases and facts.get("name", "").lower() in org.name.lower():
        org.aliases = facts.get("aliases", [])
        org.trademarks = facts.get("trademarks", [])
        org.website = org.website or facts.get("website", "")
        org.save()
    return CodeVersion.objects.create(
        organization=org,
        number=1,
        title=data["title"],
        articles=data["articles"],
        rules=data["rules"],
        measures=data["measures"],
        reminder=data.get("reminder", {}),
        summary="Version initiale",
    )


def current_version(org) -> CodeVersion | None:
    """Returns the version of the code in force for the organization."""
    return CodeVersion.objects.filter(organization=org).order_by("-number").first()
