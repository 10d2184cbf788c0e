"""Background work of the registers."""

from __future__ import annotations

from django_tasks import task


@task()
def weekly_acknowledgement_reminders() -> int:
    """Reminds, every week, the covered people who have not acknowledged the version in force."""
    from balise.core.schedule import schedule_next
    from balise.registers.services import weekly_reminders

    try:
        return weekly_reminders()
    finally:
        schedule_next(weekly_acknowledgement_reminders.module_path)


@task()
def daily_account_sync() -> int:
    """Deactivates the accounts of consultants and sub-contractors outside their service (article 2)."""
    from balise.accounts.models import Organization
    from balise.core.schedule import schedule_next
    from balise.registers.services import sync_accounts

    try:
        return sum(sync_accounts(org) for org in Organization.objects.all())
    finally:
        schedule_next(daily_account_sync.module_path)
