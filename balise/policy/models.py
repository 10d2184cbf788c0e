"""The policy pack (the code of conduct, its rules and measures) and each CPE's versions of it."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned


class PolicyPack(models.Model):
    """A pack as loaded from packs/*.yaml: the template every new CPE starts from."""

    slug = models.SlugField(unique=True)
    sha256 = models.CharField(max_length=64)
    data = models.JSONField()
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.slug


def article_text(articles: list[dict]) -> str:
    """Returns the code's full text, as hashed for acknowledgements."""
    return json.dumps(articles, ensure_ascii=False, sort_keys=True)


class CodeVersion(OrgOwned):
    """One published version of a CPE's code of conduct; never altered once published."""

    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    articles = models.JSONField()
    rules = models.JSONField()
    measures = models.JSONField()
    reminder = models.JSONField(default=dict)
    summary = models.TextField(_("résumé des changements"), blank=True)
    text_hash = models.CharField(max_length=64)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="one_number_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.title} — version {self.number}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("Une version publiée du code ne peut pas être modifiée.")
        self.text_hash = hashlib.sha256(article_text(self.articles).encode()).hexdigest()
        super().save(*args, **kwargs)

    def rule(self, rule_id: str) -> dict | None:
        return next((r for r in self.rules if r["id"] == rule_id), None)

    def section(self, ref: str) -> dict | None:
        """Returns the article or sub-article named like '5 ii)' or '6'."""
        for article in self.articles:
            if article["number"] == ref:
                return article
            for section in article.get("sections", []):
                if section["ref"] == ref:
                    return section
        return None
