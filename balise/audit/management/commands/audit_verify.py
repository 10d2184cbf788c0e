from django.core.management.base import BaseCommand, CommandError

from balise.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Vérifie la chaîne du journal d'audit et nomme le premier enregistrement altéré ou retiré."
    )

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                f"Journal d'audit altéré : {result.reason} (enregistrement n° {result.first_bad_id}; "
                f"{result.checked} enregistrements vérifiés avant lui)."
            )
        self.stdout.write(f"Journal d'audit intact : {result.checked} enregistrements vérifiés.")
