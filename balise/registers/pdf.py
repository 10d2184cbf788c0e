"""Printable documents: the signed attestation of acknowledgement and the photo consent form."""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from balise.registers.models import ConsentScope


def _build(title: str, flow: list) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=title,
        author="Balise",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    doc.build(flow)
    return buffer.getvalue()


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def attestation(ack) -> bytes:
    """Returns the PDF attesting that a person acknowledged a version of the code."""
    styles = getSampleStyleSheet()
    version, person = ack.version, ack.person
    when = timezone.localtime(ack.acknowledged_at).strftime("%Y-%m-%d %H:%M")
    rows = [
        [_("Personne"), person.full_name],
        [_("Courriel"), person.email],
        [_("Fonction"), person.job_title or person.get_category_display()],
        [_("Version du code"), str(version.number)],
        [_("Empreinte du texte (SHA-256)"), ack.text_hash],
        [_("Date et heure"), when],
        [_("Adresse IP"), ack.ip_address or "—"],
        [_("Navigateur"), (ack.user_agent or "—")[:90]],
        [_("Code de vérification"), ack.signature()],
    ]
    flow = [
        _p(_("Attestation de lecture du code de conduite"), styles["Title"]),
        _p(ack.organization.name, styles["Heading2"]),
        _p(
            _(
                "Je, soussigné·e, atteste avoir lu le « %(title)s », version %(n)s, et m'engage à le respecter."
            )
            % {"title": version.title, "n": version.number},
            styles["BodyText"],
        ),
        Spacer(1, 0.5 * cm),
        Table(
            [
                [
                    _p(a, styles["BodyText"]),
                    _p(b, styles["Code"] if len(b) > 40 else styles["BodyText"]),
                ]
                for a, b in rows
            ],
            colWidths=[5 * cm, 12 * cm],
        ),
        Spacer(1, 1.5 * cm),
        _p(
            _("Signature : ______________________________     Date : ______________"),
            styles["BodyText"],
        ),
        Spacer(1, 0.5 * cm),
        _p(
            _(
                "Accusé de réception enregistré électroniquement dans Balise. Le code de vérification lie cette "
                "attestation à la personne, à la version et à son texte."
            ),
            styles["Italic"],
        ),
    ]
    return _build(_("Attestation — code de conduite"), flow)


def consent_form(child, guardians: list, org) -> bytes:
    """Returns the consent form to print and sign on paper for a person's image."""
    styles = getSampleStyleSheet()
    flow = [
        _p(_("Consentement à l'utilisation de l'image"), styles["Title"]),
        _p(org.name, styles["Heading2"]),
        _p(
            _("Personne photographiée ou filmée : %(name)s") % {"name": child.name},
            styles["BodyText"],
        ),
        _p(_("Groupe : %(g)s") % {"g": child.group or "—"}, styles["BodyText"]),
        Spacer(1, 0.4 * cm),
        _p(
            _(
                "J'autorise le CPE à utiliser les photos et vidéos où paraît cette personne, selon la portée cochée :"
            ),
            styles["BodyText"],
        ),
    ]
    for scope in ConsentScope:
        flow.append(Paragraph(f"[ &nbsp; ] {escape(str(scope.label))}", styles["BodyText"]))
    flow += [
        Spacer(1, 0.4 * cm),
        _p(
            _(
                "Valide du ____ / ____ / ______ au ____ / ____ / ______ (laisser vide : jusqu'à retrait)."
            ),
            styles["BodyText"],
        ),
        _p(
            _(
                "Ce consentement peut être retiré en tout temps en avisant la direction par écrit (article 5 ii du code de conduite)."
            ),
            styles["BodyText"],
        ),
        Spacer(1, 0.8 * cm),
        _p(
            _("Nom du parent ou tuteur : %(n)s")
            % {"n": guardians[0].name if guardians else "______________________________"},
            styles["BodyText"],
        ),
        Spacer(1, 0.8 * cm),
        _p(
            _("Signature : ______________________________     Date : ______________"),
            styles["BodyText"],
        ),
        Spacer(1, 1 * cm),
        _p(
            _(
                "Imprimé le %(d)s. Une copie signée est conservée, chiffrée, au registre des consentements."
            )
            % {"d": date.today().isoformat()},
            styles["Italic"],
        ),
    ]
    return _build(_("Consentement — image"), flow)
