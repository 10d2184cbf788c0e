from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "balise.registers"
    label = "registers"
    verbose_name = "Registres"
