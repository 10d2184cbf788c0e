from django.urls import path

from balise.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.code, name="code"),
    path("version/<int:pk>/", views.version, name="version"),
]
