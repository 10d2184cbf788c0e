"""Balise's URLs. Each app mounts its own namespaced urls; later apps are added when present."""

from importlib.util import find_spec

from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("balise.core.urls")),
    path("compte/", include("balise.accounts.urls")),
    path("code/", include("balise.policy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the footer's language switcher
]

MOUNTS = {
    "checks": "verifier/",
    "registers": "registres/",
    "cases": "dossiers/",
    "audit": "audit/",
    "watch": "veille/",
    "network": "reseau/",
}
for app, prefix in MOUNTS.items():
    if f"balise.{app}" in settings.INSTALLED_APPS and find_spec(f"balise.{app}.urls"):
        urlpatterns.append(path(prefix, include(f"balise.{app}.urls")))

if "balise.checks" in settings.INSTALLED_APPS:  # the check API (issue 5) lives at /api/v1/check
    from balise.checks.api import api as checks_api

    urlpatterns.append(path("api/v1/", checks_api.urls))

handler403 = "balise.core.views.error_403"
handler404 = "balise.core.views.error_404"
handler500 = "balise.core.views.error_500"
