"""Documents drafted from templates (letters, notices) and the PDF and CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import date
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from balise.cases.models import BreachFile, IncidentEntry, Measure

NOTICES = {
    "commission": (
        "cases/notices/commission.txt",
        _lazy("Avis à la Commission d'accès à l'information"),
    ),
    "parent": ("cases/notices/parent.txt", _lazy("Avis à un parent")),
}


def render_text(template: str, context: dict) -> str:
    """Returns a plain-text document drafted from a template."""
    return render_to_string(template, context).strip() + "\n"


def pdf_from_blocks(title: str, blocks: list[tuple[str, str]]) -> bytes:
    """Returns a PDF with a title and (heading, text) blocks; empty headings give plain paragraphs."""
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=title,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    story = [Paragraph(escape(title), styles["Title"])]
    for heading, text in blocks:
        if heading:
            story.append(Paragraph(escape(heading), styles["Heading3"]))
        for paragraph in (text or "—").split("\n"):
            story.append(Paragraph(escape(paragraph) or "&nbsp;", styles["BodyText"]))
        story.append(Spacer(1, 0.2 * cm))
    doc.build(story)
    return buffer.getvalue()


def letter_text(measure: Measure) -> str:
    file = measure.file
    return render_text(
        "cases/letters/disciplinaire.txt",
        {
            "measure": measure,
            "file": file,
            "org": file.organization,
            "person": file.person,
            "today": timezone.localdate(),
            "director": file.decided_by,
        },
    )


def letter_pdf(measure: Measure) -> bytes:
    return pdf_from_blocks(measure.label, [("", letter_text(measure))])


def notice_text(entry: IncidentEntry, kind: str) -> str:
    template, _title = NOTICES[kind]
    director = entry.organization.director_general
    return render_text(
        template,
        {
            "entry": entry,
            "org": entry.organization,
            "today": timezone.localdate(),
            "director": director.user if director else None,
        },
    )


def own_file_blocks(file: BreachFile, rule_titles: dict[str, str]) -> list[tuple[str, str]]:
    """What the person concerned may read of their file: allegations, decision and measures."""
    allegations = "\n".join(f"{r} — {rule_titles.get(r, '')}" for r in file.rules) or _(
        "Aucune règle retenue."
    )
    blocks = [
        (_("Personne concernée"), str(file.person or "")),
        (_("Ce qui est reproché"), allegations),
        (
            _("Publication en cause"),
            "\n".join(x for x in (file.source_url, file.captured_text) if x),
        ),
    ]
    if file.is_decided:
        blocks.append(
            (
                _("Décision du %(d)s") % {"d": timezone.localtime(file.decided_at).date()},
                file.decision_note or "—",
            )
        )
        blocks.append((_("Mesures"), "\n".join(measure_line(m) for m in file.measures.all())))
    else:
        blocks.append((_("Décision"), _("Aucune décision n'a encore été prise.")))
    return blocks


def measure_line(measure: Measure) -> str:
    line = measure.label
    if measure.until:
        line += " " + _("jusqu'au %(d)s") % {"d": measure.until.isoformat()}
    return line + (" — " + _("faite") if measure.is_done else "")


def own_file_pdf(file: BreachFile, rule_titles: dict[str, str]) -> bytes:
    title = _("Mon dossier n° %(n)s — %(org)s") % {"n": file.pk, "org": file.organization.name}
    return pdf_from_blocks(title, own_file_blocks(file, rule_titles))


REGISTER_COLUMNS = (
    ("id", _lazy("N°")),
    ("info_description", _lazy("Renseignements personnels visés")),
    ("circumstances", _lazy("Circonstances")),
    ("period", _lazy("Date ou période de l'incident")),
    ("learned_on", _lazy("Date de prise de connaissance")),
    ("persons", _lazy("Nombre de personnes concernées")),
    ("risk_sensitivity", _lazy("Sensibilité des renseignements")),
    ("risk_consequences", _lazy("Conséquences appréhendées")),
    ("risk_likelihood", _lazy("Probabilité d'utilisation préjudiciable")),
    ("risk", _lazy("Risque de préjudice sérieux")),
    ("commission", _lazy("Avis à la Commission")),
    ("persons_notified", _lazy("Avis aux personnes concernées")),
    ("mitigation", _lazy("Mesures pour diminuer le risque")),
)


def register_row(entry: IncidentEntry) -> dict[str, str]:
    """Returns one entry's values for the exports, in French."""
    count = "" if entry.persons_count is None else str(entry.persons_count)
    if count and entry.count_is_estimate:
        count += " " + _("(estimation)")
    no = _("non")
    return {
        "id": str(entry.pk),
        "info_description": entry.info_description,
        "circumstances": entry.circumstances,
        "period": entry.period_label,
        "learned_on": entry.learned_on.isoformat(),
        "persons": count,
        "risk_sensitivity": entry.risk_sensitivity,
        "risk_consequences": entry.risk_consequences,
        "risk_likelihood": entry.risk_likelihood,
        "risk": entry.get_risk_display(),
        "commission": _("oui, le %(d)s") % {"d": entry.commission_notified_on}
        if entry.commission_notified_on
        else no,
        "persons_notified": (
            _("oui, le %(d)s") % {"d": entry.persons_notified_on}
            if entry.persons_notified_on
            else no
        ),
        "mitigation": entry.mitigation,
    }


def register_csv(entries: list[IncidentEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _key, label in REGISTER_COLUMNS])
    for entry in entries:
        row = register_row(entry)
        writer.writerow([row[key] for key, _label in REGISTER_COLUMNS])
    return "\ufeff" + out.getvalue()  # the BOM lets spreadsheets read the accents


def register_pdf(org, entries: list[IncidentEntry], start: date, end: date) -> bytes:
    title = _("Registre des incidents de confidentialité — %(org)s") % {"org": org.name}
    intro = _("Période du %(a)s au %(b)s · %(n)s incident(s) · produit le %(t)s") % {
        "a": start.isoformat(),
        "b": end.isoformat(),
        "n": len(entries),
        "t": timezone.localdate().isoformat(),
    }
    blocks: list[tuple[str, str]] = [("", intro)]
    for entry in entries:
        row = register_row(entry)
        lines = [f"{label} : {row[key] or '—'}" for key, label in REGISTER_COLUMNS if key != "id"]
        blocks.append((_("Incident n° %(n)s") % {"n": entry.pk}, "\n".join(lines)))
    return pdf_from_blocks(title, blocks)
