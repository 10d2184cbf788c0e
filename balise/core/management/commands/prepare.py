from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from balise.accounts.services import issue_setup_link_if_needed
from balise.core.database import check_database
from balise.core.schedule import ensure_scheduled
from balise.policy.services import PackError, load_pack_into_db


class Command(BaseCommand):
    help = "Prépare Balise : base de données à jour, code de conduite chargé, lien d'installation."

    def handle(self, *args, **options):
        problem = check_database()
        if problem:
            raise CommandError(problem)
        call_command("migrate", interactive=False, verbosity=0)
        try:
            load_pack_into_db()
        except PackError as exc:
            raise CommandError(str(exc)) from exc
        ensure_scheduled()
        link = issue_setup_link_if_needed()
        if link:
            self.stdout.write(
                self.style.SUCCESS(
                    "\nAucun compte n'existe encore. Pour créer votre CPE, ouvrez ce lien (utilisable une seule fois) :"
                )
            )
            self.stdout.write(f"\n    {link}\n")
        else:
            self.stdout.write("Balise est prête.")
