from django.urls import path

from balise.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check, name="check"),
    path("partage/", views.share, name="share"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("jetons/", views.tokens, name="tokens"),
    path("jetons/<int:pk>/revoquer/", views.token_revoke, name="token_revoke"),
    path("statistiques/", views.stats, name="stats"),
]
