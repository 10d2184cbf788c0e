"""Recording changes and verifying the chain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone

from balise.audit.models import AuditRecord

GENESIS = "0" * 64


def snapshot(obj: models.Model, exclude: tuple[str, ...] = ()) -> dict:
    """Returns the model's concrete fields as JSON-safe values (for before/after)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        value = getattr(obj, field.attname)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        elif isinstance(value, bytes | memoryview):
            value = "<binaire>"
        elif hasattr(value, "name") and isinstance(field, models.FileField):
            value = value.name
        data[field.attname] = value
    return json.loads(json.dumps(data, default=str))


@transaction.atomic
def record_change(
    *,
    organization,
    actor,
    action: str,
    obj: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditRecord:
    """Appends a record to the chain and returns it."""
    last = AuditRecord.objects.select_for_update().order_by("-id").first()
    record = AuditRecord(
        organization=organization,
        created_at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=str(getattr(actor, "email", "") or actor or "système"),
        action=action,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=object_id or (str(obj.pk) if obj is not None else ""),
        object_repr=(object_repr or (str(obj) if obj is not None else ""))[:300],
        before=before,
        after=after,
        prev_hash=last.hash if last else GENESIS,
        hash="pending",
    )
    record.save()  # the id is part of the hash
    record.hash = record.compute_hash()
    AuditRecord.objects.filter(pk=record.pk).update(hash=record.hash)
    return record


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def verify_chain() -> Verification:
    """Checks every record's hash and link; names the first record altered or removed."""
    prev_hash, prev_id, checked = GENESIS, 0, 0
    for record in AuditRecord.objects.order_by("id").iterator(chunk_size=2000):
        if record.prev_hash != prev_hash:
            reason = (
                f"l'enregistrement qui précède le n° {record.id} a été retiré"
                if record.id != prev_id + 1
                else f"le lien de l'enregistrement n° {record.id} vers le précédent est rompu"
            )
            return Verification(False, checked, record.id, reason)
        if record.compute_hash() != record.hash:
            return Verification(
                False, checked, record.id, f"l'enregistrement n° {record.id} a été modifié"
            )
        prev_hash, prev_id, checked = record.hash, record.id, checked + 1
    return Verification(True, checked)
