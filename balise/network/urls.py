from django.urls import path

from balise.network import views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("horaire/", views.schedule_page, name="schedule"),
    path("horaire/fermeture/", views.closure_add, name="closure_add"),
    path("horaire/pause/", views.break_add, name="break_add"),
    path("horaire/groupe/", views.group_add, name="group_add"),
    path("horaire/<str:what>/<int:pk>/retirer/", views.schedule_delete, name="schedule_delete"),
    path("appareils/", views.devices, name="devices"),
    path("appareils/<int:pk>/", views.device_edit, name="device_edit"),
    path("appareils/<int:pk>/retirer/", views.device_delete, name="device_delete"),
    path("services/", views.services, name="services"),
    path("services/ajouter/", views.service_edit, name="service_add"),
    path("services/<int:pk>/", views.service_edit, name="service_edit"),
    path("services/par-defaut/", views.services_reset, name="services_reset"),
    path("adguard/", views.adguard, name="adguard"),
    path("adguard/apercu/", views.preview, name="preview"),
    path("adguard/pousser/", views.push, name="push"),
    path("exporter/<str:kind>/", views.export, name="export"),
    path("journaux/", views.imports, name="imports"),
    path("journaux/<int:pk>/", views.import_detail, name="import_detail"),
    path("journaux/<int:pk>/rapport.<str:fmt>", views.import_download, name="import_download"),
    path("journaux/<int:pk>/joindre/", views.import_attach, name="import_attach"),
]
