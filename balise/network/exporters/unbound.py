"""unbound: a response-policy zone (RPZ), switched by cron; withdrawn devices stay refused."""

from __future__ import annotations

import ipaddress

from django.utils.translation import gettext as _

from balise.network.exporters.base import Exporter, ExportFile, closures_file, cron_file, readme
from balise.network.rules import RulePlan

ZONE = "balise.rpz"
HEADER = """$TTL 300
@ IN SOA localhost. root.localhost. ( {serial} 3600 600 86400 300 )
  IN NS localhost.
"""


def client_ip_trigger(ip: str) -> str:
    """Returns the RPZ owner name that matches queries from one client address."""
    address = ipaddress.ip_address(ip)
    if address.version == 4:
        return "32." + ".".join(reversed(str(address).split("."))) + ".rpz-client-ip"
    groups = address.exploded.split(":")
    return "128." + ".".join(reversed([g.lstrip("0") or "0" for g in groups])) + ".rpz-client-ip"


class UnboundExporter(Exporter):
    kind = "unbound"
    label = "unbound (RPZ)"

    def files(self, plan: RulePlan) -> list[ExportFile]:
        serial = plan.start.strftime("%Y%m%d01")
        withdrawn = [_("; Accès au réseau retiré (article 6)")] + [
            f"{client_ip_trigger(d.ip)} CNAME .  ; {d.name}, {_('jusqu’au')} {d.withdrawn_until}"
            for d in plan.devices
            if d.withdrawn_until and d.ip
        ]
        social = [_("; Médias sociaux (article 5 vii)")]
        for domain in plan.domains:
            social += [f"{domain} CNAME .", f"*.{domain} CNAME ."]
        head = HEADER.format(serial=serial)
        return [
            ExportFile("balise-travail.rpz", head + "\n".join(withdrawn + social) + "\n"),
            ExportFile("balise-hors-travail.rpz", head + "\n".join(withdrawn) + "\n"),
            ExportFile(
                "unbound-balise.conf",
                f"rpz:\n    name: {ZONE}\n    zonefile: /etc/unbound/{ZONE}\n",
            ),
            cron_file(
                plan,
                on=self._swap("balise-travail.rpz"),
                off=self._swap("balise-hors-travail.rpz"),
                service="unbound",
            ),
            closures_file(plan),
            readme(
                plan,
                _("Balise pour unbound"),
                [
                    _("Ajoutez unbound-balise.conf à la configuration d'unbound (include:)."),
                    _(
                        "Copiez les deux zones et fermetures.txt dans /etc/balise/, cron.d/balise-unbound dans /etc/cron.d/."
                    ),
                ],
                [
                    _(
                        "La zone vaut pour tous les clients de ce résolveur : réservez-le à l'équipement du CPE."
                    )
                ],
            ),
        ]

    @staticmethod
    def _swap(name: str) -> str:
        return (
            f"cp /etc/balise/{name} /etc/unbound/{ZONE} && unbound-control auth_zone_reload {ZONE}"
        )
