"""`balise` subcommands that run Django: serve, worker, prepare, audit verify, manage."""

from __future__ import annotations

import argparse
import os
import sys

from balise.cli import register


def _django(argv: list[str]) -> int:
    """Runs a manage.py command in this process and returns its exit status."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balise.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["balise", *argv])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _serve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bind", default=None, help="adresse:port (par défaut 127.0.0.1:8000)")
    p.add_argument("--no-worker", action="store_true", help="sans le travailleur de tâches")


def _serve(args: argparse.Namespace) -> int:
    status = _django(["prepare"])
    if status:
        return status
    argv = (
        ["serve"]
        + (["--bind", args.bind] if args.bind else [])
        + (["--no-worker"] if args.no_worker else [])
    )
    return _django(argv)


def _worker(args: argparse.Namespace) -> int:
    return _django(["db_worker", "--interval", "1"])


def _prepare(args: argparse.Namespace) -> int:
    return _django(["prepare"])


def _audit_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "action", choices=["verify"], help="verify : vérifier la chaîne du journal d'audit"
    )


def _audit(args: argparse.Namespace) -> int:
    return _django(["audit_verify"])


def _manage_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs=argparse.REMAINDER, help="commande de manage.py et ses arguments")


def _manage(args: argparse.Namespace) -> int:
    return _django(args.args or ["help"])


register(
    "serve",
    _serve_arguments,
    _serve,
    "préparer la base et servir l'application avec son travailleur",
)
register("worker", lambda p: None, _worker, "lancer seulement le travailleur de tâches")
register("prepare", lambda p: None, _prepare, "migrations, code de conduite, lien d'installation")
register("audit", _audit_arguments, _audit, "journal d'audit : « balise audit verify »")
register("manage", _manage_arguments, _manage, "toute commande de manage.py")

if __name__ == "__main__":  # pragma: no cover
    sys.exit(_manage(argparse.Namespace(args=sys.argv[1:])))
