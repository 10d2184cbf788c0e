from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balise.accounts"
    label = "accounts"
    verbose_name = "Comptes et organisations"
