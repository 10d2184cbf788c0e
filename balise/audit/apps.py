from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "balise.audit"
    label = "audit"
    verbose_name = "Journal d'audit"

    def ready(self) -> None:
        from balise.core.nav import add_nav

        add_nav(_("Journal d'audit"), "audit:log", {"direction"}, order=90)
