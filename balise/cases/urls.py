from django.urls import path

from balise.cases import views, views_register

app_name = "cases"
urlpatterns = [
    path("", views.file_list, name="list"),
    path("ouvrir/", views.open_file, name="open"),
    path("depuis-mention/<int:mention_id>/", views.open_from_mention, name="open_from_mention"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/regles/", views.confirm_rules, name="confirm_rules"),
    path("<int:pk>/preuves/", views.add_evidence, name="add_evidence"),
    path("<int:pk>/decision/", views.decide, name="decide"),
    path("<int:pk>/fermer/", views.close, name="close"),
    path("<int:pk>/registre/", views.to_register, name="to_register"),
    path("preuves/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("mesures/<int:pk>/faite/", views.measure_done, name="measure_done"),
    path("mesures/<int:pk>/verifier/", views.measure_check, name="measure_check"),
    path("mesures/<int:pk>/lettre.pdf", views.measure_letter, name="measure_letter"),
    path("moi/", views.mine, name="mine"),
    path("moi/<int:pk>/", views.my_file, name="my_file"),
    path("moi/<int:pk>/dossier.pdf", views.my_file_pdf, name="my_file_pdf"),
    path("registre/", views_register.register, name="register"),
    path("registre/nouvelle/", views_register.new_entry, name="register_new"),
    path("registre/exporter/", views_register.export, name="register_export"),
    path("registre/<int:pk>/", views_register.entry, name="register_entry"),
    path("registre/<int:pk>/avis/<slug:kind>/", views_register.notice, name="register_notice"),
    path("registre/<int:pk>/supprimer/", views_register.delete_entry, name="register_delete"),
]
