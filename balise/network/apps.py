from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "balise.network"
    label = "network"
    verbose_name = _("Réseau du CPE")

    def ready(self) -> None:
        from datetime import timedelta

        from balise.core.nav import add_nav, add_tile
        from balise.core.schedule import every
        from balise.network import tasks

        add_nav(_("Réseau"), "network:index", {"informatique", "direction"}, order=60)
        add_tile("network/_tile.html", {"informatique", "direction"}, order=60)
        every(tasks.daily_push, timedelta(days=1))
