from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "balise.cases"
    label = "cases"
    verbose_name = "Dossiers de manquement"

    def ready(self) -> None:
        from balise.core.nav import add_nav, add_tile

        add_nav(_("Dossiers"), "cases:list", {"direction"}, order=40)
        add_nav(_("Registre des incidents"), "cases:register", {"direction"}, order=45)
        add_nav(_("Mes dossiers"), "cases:mine", {"employe", "informatique"}, order=60)
        add_tile("cases/_tile.html", {"direction"}, order=40)
