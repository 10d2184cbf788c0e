from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from balise.accounts.models import Role
from balise.core.nav import tiles_for
from balise.policy.services import current_version


def home(request):
    """The home page of the person's role, or the sign-in page."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.membership is None:
        return render(request, "core/no_membership.html", status=403)
    role = request.membership.role
    tiles = tiles_for(role)
    template = {
        Role.DIRECTION: "core/home_direction.html",
        Role.INFORMATIQUE: "core/home_informatique.html",
    }.get(role, "core/home_employe.html")
    context = {"tiles": tiles, "version": current_version(request.organization)}
    if role == Role.DIRECTION:
        context["first_steps"] = first_steps(request.organization)
    return render(request, template, context)


def first_steps(org) -> list[dict] | None:
    """What a new CPE still has to do, in order; None once everything is done."""
    from django.apps import apps

    steps = []
    if apps.is_installed("balise.registers"):
        people = apps.get_model("registers", "Person").objects.filter(organization=org).exists()
        steps.append(
            {
                "done": people,
                "url": "registers:people",
                "label": _("Inscrire les personnes visées par le code"),
                "help": _(
                    "Article 2 : ajoutez-les une à une ou importez un fichier CSV, "
                    "puis invitez-les depuis le registre."
                ),
            }
        )
    it = org.memberships.filter(role=Role.INFORMATIQUE, is_active=True).exists()
    steps.append(
        {
            "done": it,
            "url": "accounts:invitations",
            "label": _("Inviter la personne responsable de l'informatique"),
            "help": _("Elle règle l'horaire, les appareils du CPE et le blocage (article 5 vii)."),
        }
    )
    if apps.is_installed("balise.watch"):
        sources = apps.get_model("watch", "Source").objects.filter(organization=org).exists()
        steps.append(
            {
                "done": sources,
                "url": "watch:sources",
                "label": _("Ajouter les sources de la veille du Web"),
                "help": _("Fils RSS, Mastodon, Bluesky, Reddit ou pages à surveiller (article 6)."),
            }
        )
    if all(s["done"] for s in steps):
        return None
    return steps


def healthz(request):
    """Liveness and database reachability, as JSON."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "erreur", "database": "injoignable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def error_403(request, exception=None):
    return render(request, "core/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "core/404.html", status=404)


def error_500(request):
    """The 500 page; an unreachable database gets the 503 page instead."""
    import sys

    from django.db import InterfaceError, OperationalError

    from balise.core.middleware import database_unavailable

    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        return database_unavailable(exc)
    return render(request, "core/500.html", status=500)
