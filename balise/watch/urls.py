from django.urls import path

from balise.watch import views

app_name = "watch"
urlpatterns = [
    path("", views.triage, name="triage"),
    path("mention/<int:pk>/", views.mention, name="mention"),
    path("mention/<int:pk>/vu/", views.mark_seen, name="mark_seen"),
    path("mention/<int:pk>/sans-suite/", views.dismiss, name="dismiss"),
    path("sources/", views.sources, name="sources"),
    path("sources/ajouter/", views.source_new, name="source_new"),
    path("sources/<int:pk>/", views.source_edit, name="source_edit"),
    path("sources/<int:pk>/pause/", views.source_toggle, name="source_toggle"),
    path("termes/", views.terms, name="terms"),
    path("termes/<int:pk>/basculer/", views.term_toggle, name="term_toggle"),
    path("alertes/", views.alerts, name="alerts"),
    path("alertes/essai/", views.alerts_test, name="alerts_test"),
]
