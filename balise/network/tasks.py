"""Background work of the network app, run by the worker that `make run` starts."""

from __future__ import annotations

import logging
from datetime import datetime

from django_tasks import task

log = logging.getLogger(__name__)


def push_all(at: datetime | None = None) -> int:
    """Brings every CPE's AdGuard Home to the coming week (holidays, withdrawals); returns the pushes.

    AdGuard Home's schedule is weekly while holidays and measures are dated, so the rule is
    pushed again each day. A refusal is recorded as a Push row for the IT person to see.
    """
    from balise.network import enforcement
    from balise.network.adguard import AdGuardError
    from balise.network.models import AdGuardServer
    from balise.network.rules import build_plan

    pushed = 0
    for server in AdGuardServer.objects.select_related("organization"):
        plan = build_plan(server.organization, at=at)
        try:
            preview = enforcement.preview(server, plan)
        except AdGuardError as exc:
            log.warning(
                "adguard injoignable", extra={"org": server.organization_id, "error": str(exc)}
            )
            continue
        if not preview.changes:
            continue
        try:
            enforcement.push(server, plan, expected=preview.fingerprint, by=None)
            pushed += 1
        except enforcement.PushRefused:
            continue
    return pushed


@task()
def daily_push() -> int:
    from balise.core.schedule import schedule_next

    try:
        return push_all()
    finally:
        schedule_next(daily_push.module_path)
