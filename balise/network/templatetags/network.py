from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.network.enforcement import describe_value

register = template.Library()


@register.simple_tag
def describe(field_name, value):
    return describe_value(field_name, value)


@register.filter
def change_label(action: str) -> str:
    return {
        "ajout": _("Ajout"),
        "modification": _("Modification"),
        "suppression": _("Suppression"),
        "acces": _("Accès au réseau"),
    }.get(action, action)


FIELD_LABELS = {
    "ids": gettext_lazy("Adresses (MAC, IP)"),
    "use_global_blocked_services": gettext_lazy("Services bloqués du réglage global"),
    "blocked_services": gettext_lazy("Services bloqués"),
    "blocked_services_schedule": gettext_lazy("Horaire (plages où le blocage est suspendu)"),
    "disallowed_clients": gettext_lazy("Clients refusés"),
}


@register.filter
def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))
