from __future__ import annotations

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: How often the worker looks for due sources; each source keeps its own schedule.
POLL_TICK = timedelta(minutes=5)


class WatchConfig(AppConfig):
    name = "balise.watch"
    label = "watch"
    verbose_name = "Veille"

    def ready(self) -> None:
        from balise.core.nav import add_nav, add_tile
        from balise.core.schedule import every
        from balise.watch import sources, tasks  # noqa: F401  (registers the adapters)

        direction = ("direction",)
        add_nav(_("Veille"), "watch:triage", direction, order=40)
        add_tile("watch/tile.html", direction, order=30)
        every(tasks.poll_sources, POLL_TICK)
        every(tasks.daily_digest, timedelta(days=1))
