"""Policy packs: rule severities, French messages and suggestions, read from YAML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from balise.engine.types import EngineError

RULE_IDS = (
    "5.ii.renseignements",
    "5.ii.image",
    "5.ii.critique-milieu",
    "5.iii.identite",
    "5.iv.porte-parole",
    "5.v.confidentiel",
    "5.v.marque",
    "5.v.page",
    "5.v.reseau",
    "5.vi.harcelement",
    "5.vii.temps",
)

DEFAULT_PACK_PATH = Path(__file__).resolve().parents[2] / "packs" / "cpe-premier-pas.yaml"


class PackError(EngineError):
    """The policy pack cannot be read."""


@dataclass(frozen=True)
class RuleDef:
    """A rule of the pack: its article, severity and the French texts shown to the author."""

    id: str
    article: str
    severity: str
    title: str
    message: str
    suggestion: str


@dataclass(frozen=True)
class Pack:
    """A policy pack: the rules by id, and the article 5 i) reminder."""

    id: str
    rules: Mapping[str, RuleDef]
    reminder: str = ""

    def rule(self, rule_id: str) -> RuleDef:
        """Return the rule ``rule_id``; raises KeyError if the pack lacks it."""
        return self.rules[rule_id]


def pack_from_dict(data: Mapping[str, Any]) -> Pack:
    """Build a pack from its YAML structure; every rule id of the spec must be present."""
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise PackError("Le paquet de politique n'a pas de section « rules ».")
    rules: dict[str, RuleDef] = {}
    for item in data["rules"]:
        try:
            rules[item["id"]] = RuleDef(
                id=item["id"],
                article=str(item["article"]),
                severity=str(item["severity"]),
                title=str(item.get("title", "")),
                message=" ".join(str(item["message"]).split()),
                suggestion=" ".join(str(item.get("suggestion", "")).split()),
            )
        except (KeyError, TypeError) as exc:
            raise PackError(f"Règle incomplète dans le paquet de politique : {exc}") from exc
    missing = [r for r in RULE_IDS if r not in rules]
    if missing:
        raise PackError(f"Règles absentes du paquet de politique : {', '.join(missing)}")
    reminder = (data.get("reminder") or {}).get("text", "")
    return Pack(id=str(data.get("id", "")), rules=rules, reminder=" ".join(str(reminder).split()))


@lru_cache(maxsize=8)
def load_pack(path: str | Path = DEFAULT_PACK_PATH) -> Pack:
    """Load a policy pack from a YAML file (the CPE Premier Pas pack by default)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"Impossible de lire le paquet de politique {path} : {exc}") from exc
    return pack_from_dict(data)
