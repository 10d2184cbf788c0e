from __future__ import annotations

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "balise.registers"
    label = "registers"
    verbose_name = "Registres"

    def ready(self) -> None:
        from balise.core.nav import add_nav, add_tile
        from balise.core.schedule import every
        from balise.registers import tasks

        direction, everyone = ("direction",), ("direction", "employe", "informatique")
        add_nav(_("Personnes"), "registers:people", direction, order=20)
        add_nav(_("Signatures du code"), "registers:versions", direction, order=21)
        add_nav(_("Consentements"), "registers:roster", direction, order=23)
        add_nav(_("Autorisations"), "registers:authorizations", everyone, order=22)
        add_nav(_("Questions"), "registers:questions", everyone, order=24)
        add_nav(_("FAQ"), "registers:faq", everyone, order=25)
        add_nav(_("Mon dossier"), "registers:mine", ("employe", "informatique"), order=10)
        add_tile("registers/tile_mine.html", everyone, order=5)
        add_tile("registers/tile_direction.html", direction, order=6)
        every(tasks.weekly_acknowledgement_reminders, timedelta(days=7))
        every(tasks.daily_account_sync, timedelta(days=1))

        from django.db.models.signals import post_delete, post_save

        from balise.registers.models import Person, RosterEntry

        for model in (Person, RosterEntry):  # what registers.engine.org_profile reads
            post_save.connect(
                _profile_changed, sender=model, dispatch_uid=f"profile-{model.__name__}"
            )
            post_delete.connect(
                _profile_changed, sender=model, dispatch_uid=f"profile-{model.__name__}-del"
            )


def _profile_changed(sender, instance, **kwargs) -> None:
    from balise.accounts.models import Organization

    Organization.profile_changed(instance.organization_id)
