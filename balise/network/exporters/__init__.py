"""Router exporters, registered by kind: one module per format behind `Exporter.files(plan)`."""

from __future__ import annotations

import io
import zipfile

from balise.network.exporters.base import Exporter, ExportFile
from balise.network.exporters.dnsmasq import DnsmasqExporter
from balise.network.exporters.hosts import HostsExporter
from balise.network.exporters.unbound import UnboundExporter
from balise.network.rules import RulePlan

EXPORTERS: dict[str, Exporter] = {
    e.kind: e for e in (DnsmasqExporter(), HostsExporter(), UnboundExporter())
}

__all__ = ["EXPORTERS", "ExportFile", "Exporter", "zip_bundle"]


def zip_bundle(kind: str, plan: RulePlan) -> bytes:
    """Returns a zip of an exporter's files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for f in EXPORTERS[kind].files(plan):
            bundle.writestr(f"balise-{kind}/{f.name}", f.content)
    return buffer.getvalue()
