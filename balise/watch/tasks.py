"""Background work of the watch, run by the worker that `make run` starts."""

from __future__ import annotations

from django_tasks import task


@task()
def poll_sources() -> int:
    """Polls the sources that are due (each on its own schedule); returns new mentions."""
    from balise.core.schedule import schedule_next
    from balise.watch.poller import run_cycle

    try:
        return len(run_cycle().new_mentions)
    finally:
        schedule_next(poll_sources.module_path)


@task()
def daily_digest() -> int:
    """E-mails the direction the day's new mentions that were not urgent."""
    from balise.core.schedule import schedule_next
    from balise.watch.alerts import send_daily_digest

    try:
        return send_daily_digest()
    finally:
        schedule_next(daily_digest.module_path)
