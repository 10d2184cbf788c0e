"""A hosts file: one line per social-media name, switched by cron on one computer."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.network.exporters.base import Exporter, ExportFile, closures_file, cron_file, readme
from balise.network.rules import RulePlan

PREFIXES = ("", "www.", "m.", "mobile.", "web.", "api.")


class HostsExporter(Exporter):
    kind = "hosts"
    label = gettext_lazy("fichier hosts")

    def files(self, plan: RulePlan) -> list[ExportFile]:
        lines = [_("# Balise — médias sociaux (article 5 vii)")]
        for domain in plan.domains:
            lines += [f"0.0.0.0 {p}{domain}" for p in PREFIXES]
        return [
            ExportFile("hosts-blocage", "\n".join(lines) + "\n"),
            cron_file(
                plan,
                on="cat /etc/hosts.sans-balise /etc/balise/hosts-blocage > /etc/hosts",
                off="cp /etc/hosts.sans-balise /etc/hosts",
                service="hosts",
            ),
            closures_file(plan),
            readme(
                plan,
                _("Balise pour un fichier hosts"),
                [
                    _("Copiez /etc/hosts vers /etc/hosts.sans-balise (une fois)."),
                    _(
                        "Copiez hosts-blocage et fermetures.txt dans /etc/balise/, cron.d/balise-hosts dans /etc/cron.d/."
                    ),
                ],
                [
                    _(
                        "Un fichier hosts ne connaît pas les jokers : seuls les noms listés sont bloqués."
                    ),
                    _("Il vaut pour l'ordinateur où il est installé seulement."),
                ],
            ),
        ]
