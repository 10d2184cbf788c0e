"""Sources the watch reads, the terms it looks for, and the mentions it found."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import Organization, OrgOwned
from balise.watch import crypto

#: Longest pause after repeated failures.
MAX_BACKOFF = timedelta(hours=24)


class SourceKind(models.TextChoices):
    FEED = "flux", _("Flux RSS ou Atom (dont Google Alertes)")
    MASTODON = "mastodon", _("Mastodon (mots-clics et recherche)")
    BLUESKY = "bluesky", _("Bluesky (recherche de publications)")
    REDDIT = "reddit", _("Reddit (recherche)")
    PAGE = "page", _("Page Web surveillée (changements)")


class Source(OrgOwned):
    """A place the watch reads on a schedule; its health is kept on the row."""

    kind = models.CharField(_("type"), max_length=20, choices=SourceKind.choices)
    name = models.CharField(_("nom"), max_length=120)
    url = models.URLField(_("adresse"), max_length=500)
    config = models.JSONField(default=dict, blank=True)
    state = models.JSONField(default=dict, blank=True)
    secret_encrypted = models.TextField(blank=True)
    interval_minutes = models.PositiveIntegerField(_("fréquence (minutes)"), default=30)
    is_active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_warning = models.TextField(blank=True)
    failure_count = models.PositiveIntegerField(default=0)
    last_item_count = models.PositiveIntegerField(default=0)
    last_new_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")

    def __str__(self) -> str:
        return self.name

    @property
    def adapter(self):
        from balise.watch.sources import adapter_for

        return adapter_for(self.kind)

    @property
    def is_healthy(self) -> bool:
        return self.failure_count == 0

    def set_secret(self, clear: str) -> None:
        self.secret_encrypted = crypto.encrypt(clear)

    def secret(self) -> str:
        return crypto.decrypt(self.secret_encrypted)

    def interval(self) -> timedelta:
        """Returns the pause between polls: never shorter than the source allows."""
        asked = timedelta(minutes=self.interval_minutes)
        allowed = timedelta(seconds=int(self.state.get("min_interval_s", 0)))
        return max(asked, self.adapter.min_interval, allowed)

    def record_success(
        self, *, now: datetime, items: int, new: int, warnings: list[str], changes: dict
    ) -> None:
        """Stores a good poll and schedules the next one."""
        for name, value in changes.items():
            setattr(self, name, value)
        self.last_polled_at = self.last_success_at = now
        self.failure_count = 0
        self.last_item_count, self.last_new_count = items, new
        self.last_warning = "\n".join(warnings)
        self.next_poll_at = now + self.interval()
        self.save()

    def record_failure(
        self, message: str, *, now: datetime, retry_after: float | None = None
    ) -> None:
        """Stores a failed poll and backs off: doubling pauses, or what Retry-After asks."""
        self.last_polled_at = self.last_failure_at = now
        self.failure_count += 1
        self.last_error = message
        pause = min(self.interval() * (2 ** min(self.failure_count - 1, 10)), MAX_BACKOFF)
        if retry_after is not None:
            pause = max(
                self.interval(), timedelta(seconds=min(retry_after, MAX_BACKOFF.total_seconds()))
            )
        self.next_poll_at = now + pause
        self.save()


class AlertChannels(OrgOwned):
    """A CPE's Apprise channels (Teams, SMS, …), set by its direction. The URLs hold tokens:
    they are stored encrypted and never shown back, only their schemes."""

    urls_encrypted = models.TextField(blank=True)
    schemes = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="watch_one_channel_set_per_org")
        ]

    def __str__(self) -> str:
        return self.schemes

    def urls(self) -> list[str]:
        return [u for u in crypto.decrypt(self.urls_encrypted).splitlines() if u.strip()]

    def set_urls(self, urls: list[str]) -> None:
        from balise.watch.channels import scheme_of

        self.urls_encrypted = crypto.encrypt("\n".join(urls))
        self.schemes = ", ".join(scheme_of(u) for u in urls)[:300]


class TermKind(models.TextChoices):
    NAME = "nom", _("Nom")
    ALIAS = "alias", _("Autre nom")
    TRADEMARK = "marque", _("Marque de commerce")
    ADDED = "ajout", _("Ajouté par la direction")


class WatchedTerm(OrgOwned):
    """A name the watch looks for; seeded from the CPE's names, editable by the direction."""

    term = models.CharField(_("terme"), max_length=120)
    kind = models.CharField(
        _("origine"), max_length=10, choices=TermKind.choices, default=TermKind.ADDED
    )
    is_active = models.BooleanField(_("actif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "term"], name="watch_one_term_per_org")
        ]

    def __str__(self) -> str:
        return self.term

    @classmethod
    def seed(cls, org: Organization) -> None:
        """Creates the CPE's name, aliases and trademarks as terms, once each."""
        wanted = [(org.name, TermKind.NAME)]
        wanted += [(a, TermKind.ALIAS) for a in org.aliases or ()]
        wanted += [(t, TermKind.TRADEMARK) for t in org.trademarks or ()]
        for term, kind in wanted:
            if term and term.strip():
                cls.objects.get_or_create(
                    organization=org, term=term.strip()[:120], defaults={"kind": kind}
                )

    @classmethod
    def active_for(cls, org: Organization) -> list[str]:
        cls.seed(org)
        return list(
            cls.objects.filter(organization=org, is_active=True).values_list("term", flat=True)
        )

    def toggle(self) -> None:
        self.is_active = not self.is_active
        self.save(update_fields=["is_active"])


class Verdict(models.TextChoices):
    OK = "ok", _("Conforme")
    ATTENTION = "attention", _("À surveiller")
    BLOQUANT = "bloquant", _("Bloquant")


class MentionStatus(models.TextChoices):
    NEW = "nouveau", _("Nouveau")
    SEEN = "vu", _("Vu")
    DISMISSED = "sans-suite", _("Sans suite")
    FILE = "dossier", _("Dossier ouvert")


VERDICT_RISK = {Verdict.OK: 0, Verdict.ATTENTION: 100, Verdict.BLOQUANT: 300}
CHILD_RULES = {"5.ii.renseignements", "5.ii.image"}


class Mention(OrgOwned):
    """A post, article or page change that names the CPE, judged by the engine."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="mentions")
    url = models.URLField(max_length=1000)
    canonical_url = models.CharField(max_length=1000)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)  # sanitised with nh3 before it is stored
    author_handle = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    matched_term = models.CharField(max_length=120)
    roster_names = models.JSONField(default=list, blank=True)
    images = models.JSONField(default=list, blank=True)
    verdict = models.CharField(max_length=10, choices=Verdict.choices, default=Verdict.OK)
    findings = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=12, choices=MentionStatus.choices, default=MentionStatus.NEW
    )
    fingerprint = models.CharField(max_length=40)
    first_seen_at = models.DateTimeField(default=timezone.now)
    rank = models.PositiveIntegerField(default=0)  # new first, risky on top: see compute_rank()
    alerted_at = models.DateTimeField(null=True, blank=True)
    digested_at = models.DateTimeField(null=True, blank=True)
    breach_file_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-rank", "-first_seen_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "canonical_url"], name="watch_mention_once_by_url"
            ),
            models.UniqueConstraint(
                fields=["organization", "fingerprint"], name="watch_mention_once_by_text"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "-rank", "-first_seen_at"], name="watch_triage"),
            models.Index(fields=["organization", "first_seen_at"], name="watch_by_week"),
            models.Index(
                fields=["organization", "verdict", "-rank", "-first_seen_at"],
                name="watch_triage_verdict",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:80]

    @property
    def is_risky(self) -> bool:
        return self.risk() >= VERDICT_RISK[Verdict.BLOQUANT] or bool(self.roster_names)

    @property
    def mentions_child_information(self) -> bool:
        return any(f.get("rule") in CHILD_RULES for f in self.findings or ())

    def risk(self) -> int:
        """Returns how urgently the direction should look: verdict, roster names, children."""
        score = VERDICT_RISK.get(self.verdict, 0)
        score += 200 if self.roster_names else 0
        score += 200 if self.mentions_child_information else 0
        return score

    def compute_rank(self) -> int:
        return (1000 if self.status == MentionStatus.NEW else 0) + self.risk()

    def save(self, *args, **kwargs):
        self.rank = self.compute_rank()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "rank"}
        super().save(*args, **kwargs)

    def _set_status(self, status: str) -> None:
        self.status = status
        self.save(update_fields=["status"])

    def mark_seen(self) -> None:
        self._set_status(MentionStatus.SEEN)

    def dismiss(self) -> None:
        self._set_status(MentionStatus.DISMISSED)

    def mark_file_opened(self, file_id: int) -> None:
        """Called by the breach-file app once it has opened a file from this mention."""
        self.breach_file_id = file_id
        self.status = MentionStatus.FILE
        self.save(update_fields=["status", "breach_file_id"])
