from django.contrib.auth import views as auth_views
from django.urls import path

from balise.accounts import views

app_name = "accounts"
urlpatterns = [
    path("installation/<str:token>/", views.setup, name="setup"),
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitation/<str:token>/", views.accept, name="accept"),
    path("mot-de-passe/oublie/", views.password_reset, name="password_reset"),
    path("mot-de-passe/envoye/", views.password_reset_done, name="password_reset_done"),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("mot-de-passe/change/", views.password_reset_complete, name="password_reset_complete"),
]
