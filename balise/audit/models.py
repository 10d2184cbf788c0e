"""The audit trail: append-only records chained by hashes, so no change can be quietly rewritten."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models

from balise.accounts.models import Organization


def canonical(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


class AuditRecord(models.Model):
    """Who changed what, when, before and after; each record holds the hash of the one before."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"n° {self.id} · {self.action} · {self.object_repr}"

    def payload(self) -> dict:
        """Returns the fields covered by the hash."""
        return {
            "id": self.id,
            "organization": self.organization_id,
            "created_at": self.created_at.isoformat(),
            "actor": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "before": self.before,
            "after": self.after,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        return hashlib.sha256(canonical(self.payload()).encode()).hexdigest()

    def delete(self, *args, **kwargs):
        raise ValueError("Le journal d'audit ne se modifie pas.")
