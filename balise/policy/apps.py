from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "balise.policy"
    label = "policy"
    verbose_name = "Code de conduite"
