from django.core.management.base import BaseCommand, CommandError

from balise.policy.services import PackError, load_pack_into_db


class Command(BaseCommand):
    help = "Charge le code de conduite (packs/*.yaml) dans la base de données."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="fichier YAML (par défaut BALISE_POLICY_PACK)")

    def handle(self, *args, path=None, **options):
        try:
            pack, changed = load_pack_into_db(path)
        except PackError as exc:
            raise CommandError(str(exc)) from exc
        state = "chargé" if changed else "déjà à jour"
        self.stdout.write(f"Code de conduite « {pack.slug} » {state}.")
