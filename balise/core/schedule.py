"""Periodic background work on the database queue, with no cron and no broker.

An app registers a task with `every(task, interval)` in its AppConfig.ready(). `ensure_scheduled()`
(run by `manage.py prepare` and by each periodic run) enqueues the task when no run of it is
pending; the task's wrapper re-enqueues the next run after the interval.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    task: object  # a django_tasks Task
    interval: timedelta


PERIODIC: dict[str, Periodic] = {}


def every(task, interval: timedelta) -> None:
    PERIODIC[task.module_path] = Periodic(task, interval)


def is_pending(task_path: str) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=task_path, status__in=["READY", "RUNNING"]
    ).exists()


def ensure_scheduled(delay: timedelta | None = None) -> list[str]:
    """Enqueues every registered periodic task that has no pending run; returns their paths."""
    from django.conf import settings

    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return []
    enqueued = []
    for path, periodic in PERIODIC.items():
        if not is_pending(path):
            run_after = timezone.now() + (delay if delay is not None else timedelta(0))
            periodic.task.using(run_after=run_after).enqueue()
            enqueued.append(path)
    return enqueued


def schedule_next(task_path: str) -> None:
    """Called at the end of a periodic task: enqueues its next run after its interval."""
    periodic = PERIODIC.get(task_path)
    if periodic is None:
        return
    from django.conf import settings

    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return
    periodic.task.using(run_after=timezone.now() + periodic.interval).enqueue()
