from __future__ import annotations

import os
import sys
import threading

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecksConfig(AppConfig):
    name = "balise.checks"
    label = "checks"
    verbose_name = _("Vérifier avant de publier")

    def ready(self) -> None:
        from balise.core.nav import add_nav, add_tile

        everyone = ("direction", "employe", "informatique")
        add_nav(_("Vérifier"), "checks:check", everyone, order=10)
        add_tile("checks/_tile.html", everyone, order=10)
        if _under_web_server():
            # Loading the French pipeline takes seconds: do it before the first person waits.
            threading.Thread(target=_warm_up, name="balise-checks-warm-up", daemon=True).start()


def _under_web_server() -> bool:
    return "gunicorn" in sys.argv[0] or os.environ.get("BALISE_WARM_CHECKER") == "1"


def _warm_up() -> None:
    from balise.checks.services import warm_up

    warm_up()
