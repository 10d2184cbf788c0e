"""What a check leaves behind: anonymous counters only, and the people's API tokens."""

from __future__ import annotations

import atexit
import logging
import secrets
import threading
import time
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import OrgOwned, hash_token

log = logging.getLogger(__name__)

#: The counter row that counts checks themselves rather than one rule.
TOTAL = "total"


class CheckCounter(OrgOwned):
    """How many checks a CPE ran on a day, and how many found each rule. Nothing else."""

    day = models.DateField(_("jour"))
    rule = models.CharField(_("règle"), max_length=40)
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        ordering = ["-day", "rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "day", "rule"], name="one_counter_per_day_rule"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.rule}: {self.count}"

    @classmethod
    def bump(
        cls, organization, rules: list[str] | set[str] | tuple[str, ...], day: date | None = None
    ) -> None:
        """Adds one check to the day's total and one to each rule found.

        Counts wait in the process's memory and are written together, in one transaction, at
        most every `BALISE_CHECK_COUNTS_FLUSH_SECONDS` (5 s; 0 writes at once), when the
        statistics page is read, and when the process stops: on SQLite, one write transaction
        per check made concurrent checks queue for the database's single write lock."""
        day = day or timezone.localdate()
        with _pending_lock:
            for rule in (TOTAL, *set(rules)):
                key = (organization.pk, day, rule)
                _pending[key] = _pending.get(key, 0) + 1
            due = time.monotonic() - _flushed_at[0] >= flush_seconds()
        if due:
            cls.flush()

    @classmethod
    def flush(cls) -> int:
        """Writes the counts waiting in memory (one transaction); returns how many were written.
        If the database refuses, they are kept for the next time."""
        with _pending_lock:
            counts = dict(_pending)
            _pending.clear()
            _flushed_at[0] = time.monotonic()
        if not counts:
            return 0
        try:
            with transaction.atomic():
                for (org_id, day, rule), n in sorted(counts.items()):
                    cls._add(org_id, day, rule, n)
        except Exception:
            with _pending_lock:
                for key, n in counts.items():
                    _pending[key] = _pending.get(key, 0) + n
            log.exception("checks.counters_not_written", extra={"counts": len(counts)})
            return 0
        return sum(counts.values())

    @classmethod
    def _add(cls, org_id: int, day: date, rule: str, n: int) -> None:
        lookup = {"organization_id": org_id, "day": day, "rule": rule}
        if cls.objects.filter(**lookup).update(count=F("count") + n):
            return
        try:
            with transaction.atomic():
                cls.objects.create(count=n, **lookup)
        except IntegrityError:  # another process created it first
            cls.objects.filter(**lookup).update(count=F("count") + n)


def flush_seconds() -> float:
    """How long check counts may wait in memory before they are written."""
    return float(getattr(settings, "CHECK_COUNTS_FLUSH_SECONDS", 5))


_pending: dict[tuple[int, date, str], int] = {}
_pending_lock = threading.Lock()
_flushed_at = [time.monotonic()]


def _flush_at_exit() -> None:
    try:
        CheckCounter.flush()
    except Exception:  # noqa: BLE001 - the database may already be gone at exit
        log.warning("checks.counters_lost_at_exit")


atexit.register(_flush_at_exit)


class ApiToken(models.Model):
    """A personal token for the check API; only its hash is stored."""

    PREFIX = "bal_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nom du jeton"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple[ApiToken, str]:
        """Creates a token and returns it with its clear value, shown to the person once."""
        clear = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, token_hash=hash_token(clear), hint=clear[:10]
        )
        return token, clear

    @classmethod
    def find_active(cls, clear: str) -> ApiToken | None:
        token = (
            cls.objects.filter(
                token_hash=hash_token(clear), revoked_at__isnull=True, user__is_active=True
            )
            .select_related("user")
            .first()
        )
        now = timezone.now()
        if token and (
            token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5)
        ):
            # At most one write every five minutes: the check itself stays read-only.
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        """Makes the token unusable from now on."""
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class RateWindow(models.Model):
    """How many checks a person started in one minute: the rate limit, shared by every worker.

    Kept in the database rather than in a worker's memory, so that the limit holds for the server
    whichever gunicorn worker answers. One row per person and minute; the person's older rows are
    removed when a new minute starts, so the table holds one row per active person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    minute = models.BigIntegerField()  # minutes since the Unix epoch
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "minute"], name="one_rate_window_per_minute")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.minute}: {self.count}"

    @classmethod
    def hit(cls, user, minute: int) -> int:
        """Counts one check of the person in `minute` and returns the minute's count (atomic).

        One `INSERT … ON CONFLICT DO UPDATE … RETURNING` statement (SQLite ≥ 3.35, PostgreSQL):
        two workers counting at once never lose a check."""
        from django.db import connection

        q = connection.ops.quote_name
        table, count = q(cls._meta.db_table), q("count")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({q('user_id')}, {q('minute')}, {count}) VALUES (%s, %s, 1) "  # noqa: S608
                f"ON CONFLICT ({q('user_id')}, {q('minute')}) DO UPDATE SET {count} = {table}.{count} + 1 "
                f"RETURNING {count}",
                [user.pk, minute],
            )
            total = cursor.fetchone()[0]
        if total == 1:  # a new minute for this person: forget the older ones
            cls.objects.filter(user=user, minute__lt=minute).delete()
        return total
