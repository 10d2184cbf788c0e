"""Value objects shared by the engine, the CLI and the web app (see CONTRACT.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

VERDICTS = ("ok", "attention", "bloquant")
SEVERITY_RANK = {"ok": 0, "attention": 1, "bloquant": 2}
ACCOUNTS = ("personnel", "officiel")
DEVICES = ("personnel", "cpe")
#: Texts longer than this are refused with a clear error instead of being analysed.
MAX_TEXT_CHARS = 20_000


class EngineError(ValueError):
    """An input the engine refuses; ``str()`` is a French message for the user."""


class ContextError(EngineError):
    """A context field has a malformed value; ``field`` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


class OrgFileError(EngineError):
    """The organization file cannot be read or misses a field."""


class TextTooLong(EngineError):
    """The text is over :data:`MAX_TEXT_CHARS`."""


@dataclass(frozen=True)
class OrgProfile:
    """The organization a post is checked for: its names and the people it protects."""

    name: str
    aliases: tuple[str, ...] = ()
    city: str = ""
    website: str = ""
    trademarks: tuple[str, ...] = ()
    director_general: str = ""
    children: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    staff: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Return every name the organization goes by (name, aliases, trademarks)."""
        seen: dict[str, None] = {}
        for n in (self.name, *self.aliases, *self.trademarks):
            if n and n.strip():
                seen.setdefault(n.strip(), None)
        return tuple(seen)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OrgProfile:
        """Build a profile from the ORG.yaml structure of spec/rules.md."""
        if not isinstance(data, Mapping):
            raise OrgFileError("Le profil d'organisation doit être un dictionnaire YAML.")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise OrgFileError("Le profil d'organisation n'a pas de champ « name ».")
        roster = data.get("roster") or {}
        if not isinstance(roster, Mapping):
            raise OrgFileError("Le champ « roster » doit être un dictionnaire.")
        return cls(
            name=name.strip(),
            aliases=_str_tuple(data.get("aliases"), "aliases"),
            city=str(data.get("city") or ""),
            website=str(data.get("website") or ""),
            trademarks=_str_tuple(data.get("trademarks"), "trademarks"),
            director_general=str(data.get("director_general") or ""),
            children=_str_tuple(roster.get("children"), "roster.children"),
            parents=_str_tuple(roster.get("parents"), "roster.parents"),
            staff=_staff_tuple(roster.get("staff")),
        )

    @classmethod
    def from_yaml(cls, path: str | Path) -> OrgProfile:
        """Load a profile from an ORG.yaml file; raises OrgFileError in French."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OrgFileError(
                f"Impossible de lire le fichier d'organisation {path} : {exc}"
            ) from exc
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise OrgFileError(
                f"Le fichier d'organisation {path} n'est pas du YAML valide."
            ) from exc
        return cls.from_dict(data)


def _str_tuple(value: Any, field_name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise OrgFileError(f"Le champ « {field_name} » doit être une liste.")
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def _staff_tuple(value: Any) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in value or ():
        if isinstance(item, Mapping):
            if not item.get("name"):
                raise OrgFileError("Un membre du personnel (roster.staff) n'a pas de « name ».")
            out.append((str(item["name"]).strip(), str(item.get("role") or "").strip()))
        elif isinstance(item, str):
            out.append((item.strip(), ""))
        else:
            raise OrgFileError("roster.staff doit contenir des noms ou des {name, role}.")
    return tuple(out)


CONTEXT_FIELDS = (
    "posted_at",
    "account",
    "device",
    "on_shift",
    "on_break",
    "children_present",
    "author_role",
    "mandated",
    "media",
    "authorizations",
)


@dataclass(frozen=True)
class Context:
    """What is known of the circumstances of a post; every field is optional."""

    posted_at: datetime | None = None
    account: str | None = None
    device: str | None = None
    on_shift: bool | None = None
    on_break: bool | None = None
    children_present: bool | None = None
    author_role: str | None = None
    mandated: bool | None = None
    media: tuple[dict[str, Any], ...] = ()
    authorizations: tuple[str, ...] = ()

    @property
    def is_mandated(self) -> bool:
        """Return True when the author may speak for the CPE (flag or authorization)."""
        return bool(self.mandated) or "porte-parole" in self.authorizations

    @property
    def official_mandated(self) -> bool:
        """Return True for a mandated person posting on the CPE's official account."""
        return self.account == "officiel" and self.is_mandated

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any] | None, warnings: list[str] | None = None
    ) -> Context:
        """Validate a batch-contract context; unknown keys are reported in ``warnings``."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ContextError("context", "Le champ « context » doit être un objet JSON.")
        for key in data:
            if key not in CONTEXT_FIELDS and warnings is not None:
                warnings.append(f"champ de contexte inconnu ignoré : « {key} »")
        return cls(
            posted_at=_parse_date(data.get("posted_at")),
            account=_enum(data, "account", ACCOUNTS),
            device=_enum(data, "device", DEVICES),
            on_shift=_bool(data, "on_shift"),
            on_break=_bool(data, "on_break"),
            children_present=_bool(data, "children_present"),
            author_role=_opt_str(data, "author_role"),
            mandated=_bool(data, "mandated"),
            media=_media(data.get("media")),
            authorizations=_authorizations(data.get("authorizations")),
        )

    def replace(self, **changes: Any) -> Context:
        """Return a copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


def _parse_date(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ContextError("posted_at", "Le champ « posted_at » doit être une date ISO 8601.")
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ContextError(
            "posted_at", f"Le champ « posted_at » n'est pas une date ISO 8601 valide : {value!r}."
        ) from None


def _enum(data: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in allowed:
        return value.strip().lower()
    choices = " ou ".join(f"« {a} »" for a in allowed)
    raise ContextError(key, f"Le champ « {key} » doit valoir {choices} (reçu : {value!r}).")


def _bool(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise ContextError(key, f"Le champ « {key} » doit valoir true ou false (reçu : {value!r}).")


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ContextError(key, f"Le champ « {key} » doit être du texte.")


def _media(value: Any) -> tuple[dict[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise ContextError("media", "Le champ « media » doit être une liste d'objets.")
    items = []
    for item in value:
        if not isinstance(item, Mapping):
            raise ContextError("media", "Chaque élément de « media » doit être un objet.")
        for key in ("faces", "consented_faces"):
            n = item.get(key)
            if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
                raise ContextError("media", f"« media.{key} » doit être un entier positif ou nul.")
        items.append(dict(item))
    return tuple(items)


def _authorizations(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ContextError(
            "authorizations", "Le champ « authorizations » doit être une liste de textes."
        )
    return tuple(v.strip() for v in value)


@dataclass(frozen=True)
class Post:
    """A post someone means to publish."""

    id: str
    text: str
    context: Context = field(default_factory=Context)


@dataclass(frozen=True)
class Span:
    """A piece of the text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Return the span of ``text`` between ``start`` and ``end``."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """Return the batch-contract form of the span."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Finding:
    """One breach of one rule, with its evidence and why it fired."""

    rule: str
    article: str
    severity: str
    message: str
    evidence: tuple[Span, ...] = ()
    suggestion: str = ""
    explanation: str = ""
    media: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the batch-contract form of the finding (plus explanation and media)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "article": self.article,
            "severity": self.severity,
            "message": self.message,
            "evidence": [s.to_dict() for s in self.evidence],
            "suggestion": self.suggestion,
            "explanation": self.explanation,
        }
        if self.media:
            out["media"] = [dict(m) for m in self.media]
        return out


@dataclass(frozen=True)
class Result:
    """The verdict on a post, its findings and a redacted version of its text."""

    id: str
    verdict: str
    findings: tuple[Finding, ...] = ()
    redacted_text: str = ""

    @property
    def rules(self) -> frozenset[str]:
        """Return the distinct rule ids found."""
        return frozenset(f.rule for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Return the result object of spec/rules.md, plus ``redacted``."""
        return {
            "id": self.id,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "redacted": self.redacted_text,
        }


def verdict_of(findings: Iterable[Finding]) -> str:
    """Return the highest severity among ``findings``, or ``ok``."""
    best = "ok"
    for f in findings:
        if SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK[best]:
            best = f.severity
    return best
