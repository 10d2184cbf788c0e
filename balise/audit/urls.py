from django.urls import path

from balise.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("verifier/", views.verify, name="verify"),
]
