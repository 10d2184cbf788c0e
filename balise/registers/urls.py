from __future__ import annotations

from django.urls import path

from balise.registers import views

app_name = "registers"
urlpatterns = [
    path("personnes/", views.people, name="people"),
    path("personnes/ajouter/", views.person_edit, name="person_new"),
    path("personnes/<int:pk>/", views.person_edit, name="person_edit"),
    path("personnes/<int:pk>/inviter/", views.person_invite, name="person_invite"),
    path("personnes/importer/", views.people_import, name="people_import"),
    path("personnes/exporter/", views.people_export, name="people_export"),
    path("code/", views.versions, name="versions"),
    path("code/nouvelle-version/", views.version_new, name="version_new"),
    path("code/rappel/", views.remind, name="remind"),
    path("code/signer/", views.acknowledge, name="acknowledge"),
    path("code/attestation/<int:pk>/", views.attestation, name="attestation"),
    path("autorisations/", views.authorizations, name="authorizations"),
    path("autorisations/demander/", views.authorization_new, name="authorization_new"),
    path("autorisations/<int:pk>/", views.authorization, name="authorization"),
    path(
        "autorisations/<int:pk>/decision/", views.authorization_decide, name="authorization_decide"
    ),
    path("consentements/", views.roster, name="roster"),
    path("consentements/<int:pk>/", views.roster_entry, name="roster_entry"),
    path("consentements/<int:pk>/formulaire.pdf", views.consent_form_pdf, name="consent_form_pdf"),
    path("consentements/<int:pk>/lien-parent/", views.consent_request, name="consent_request"),
    path(
        "consentements/consentement/<int:pk>/retirer/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("consentements/consentement/<int:pk>/copie/", views.consent_copy, name="consent_copy"),
    path("consentement/<str:token>/", views.consent_link, name="consent_link"),
    path("api/personnes-photo/", views.api_photo_people, name="api_photo_people"),
    path("questions/", views.questions, name="questions"),
    path("questions/poser/", views.question_new, name="question_new"),
    path("questions/<int:pk>/", views.question, name="question"),
    path("questions/<int:pk>/faq/", views.question_faq, name="question_faq"),
    path("faq/", views.faq, name="faq"),
    path("mon-dossier/", views.mine, name="mine"),
]
