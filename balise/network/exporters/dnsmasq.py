"""dnsmasq: `address=` lines for the social-media domains, switched by cron."""

from __future__ import annotations

from django.utils.translation import gettext as _

from balise.network.exporters.base import Exporter, ExportFile, closures_file, cron_file, readme
from balise.network.rules import RulePlan

TARGET = "/etc/dnsmasq.d/balise.conf"
SOURCE = "/etc/balise/dnsmasq-blocage.conf"


class DnsmasqExporter(Exporter):
    kind = "dnsmasq"
    label = "dnsmasq"

    def files(self, plan: RulePlan) -> list[ExportFile]:
        lines = [_("# Balise — domaines des médias sociaux (article 5 vii)")]
        for domain in plan.domains:
            lines += [f"address=/{domain}/0.0.0.0", f"address=/{domain}/::"]
        return [
            ExportFile("dnsmasq-blocage.conf", "\n".join(lines) + "\n"),
            cron_file(
                plan,
                on=f"ln -sf {SOURCE} {TARGET} && systemctl restart dnsmasq",
                off=f"rm -f {TARGET} && systemctl restart dnsmasq",
                service="dnsmasq",
            ),
            closures_file(plan),
            readme(
                plan,
                _("Balise pour dnsmasq"),
                [
                    _("Copiez dnsmasq-blocage.conf et fermetures.txt dans /etc/balise/."),
                    _("Copiez cron.d/balise-dnsmasq dans /etc/cron.d/."),
                ],
                [
                    _(
                        "dnsmasq bloque pour tout le réseau qu'il sert : réservez-le au réseau de l'équipement du CPE."
                    ),
                    _(
                        "dnsmasq ne sait pas refuser un seul appareil : un retrait d'accès se fait sur le routeur."
                    ),
                ],
            ),
        ]
