"""The report of one log import: rows per week, a weekly SVG chart, CSV and PDF downloads."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _

from balise.network.models import FindingKind, LogImport


def week_of(day: date) -> date:
    """Returns the Monday of a day's week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Row:
    week: date
    device: str
    kind: str
    kind_label: str
    label: str
    count: int
    first_at: str
    last_at: str


def rows(log: LogImport) -> list[Row]:
    """Returns the findings grouped per week, device, kind and service or domain."""
    grouped: dict[tuple, list] = {}
    for f in log.findings.all():
        key = (week_of(f.day), f.device_name, f.kind, f.label)
        slot = grouped.setdefault(key, [0, f.first_at, f.last_at])
        slot[0] += f.count
        slot[1], slot[2] = min(slot[1], f.first_at), max(slot[2], f.last_at)
    labels = dict(FindingKind.choices)
    fmt = "%Y-%m-%d %H:%M"
    return [
        Row(
            week,
            device,
            kind,
            str(labels[kind]),
            label,
            count,
            timezone.localtime(first).strftime(fmt),
            timezone.localtime(last).strftime(fmt),
        )
        for (week, device, kind, label), (count, first, last) in sorted(grouped.items())
    ]


def weekly_totals(log: LogImport) -> list[tuple[date, int, int]]:
    """Returns (Monday, social lookups, download lookups) per week, weeks without any included."""
    totals: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for f in log.findings.all():
        totals[week_of(f.day)][0 if f.kind == FindingKind.SOCIAL else 1] += f.count
    if not totals:
        return []
    weeks, week = [], min(totals)
    while week <= max(totals):
        weeks.append((week, *totals.get(week, (0, 0))))
        week += timedelta(days=7)
    return weeks


def svg_chart(log: LogImport) -> str:
    """Returns an accessible SVG bar chart of the lookups per week (two bars a week)."""
    weeks = weekly_totals(log)
    width, height, top, bottom, left = max(320, 70 * len(weeks) + 60), 240, 20, 50, 40
    peak = max((max(s, d) for _, s, d in weeks), default=0) or 1
    scale = (height - top - bottom) / peak
    title = _("Recherches par semaine : médias sociaux pendant le travail et téléchargements")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="titre-graphique" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
        f'<title id="titre-graphique">{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#4a5560"/>',
    ]
    for i, (week, social, downloads) in enumerate(weeks):
        x = left + 10 + i * 70
        for j, (value, color, name) in enumerate(
            ((social, "#a4161a", _("médias sociaux")), (downloads, "#0b5cad", _("téléchargements")))
        ):
            h = round(value * scale)
            y = height - bottom - h
            parts.append(
                f'<rect x="{x + j * 26}" y="{y}" width="24" height="{h}" fill="{color}">'
                f"<title>{escape(week.isoformat())} · {escape(name)} : {value}</title></rect>"
            )
            parts.append(
                f'<text x="{x + j * 26 + 12}" y="{y - 3}" text-anchor="middle">{value}</text>'
            )
        parts.append(
            f'<text x="{x + 25}" y="{height - bottom + 15}" text-anchor="middle">{week.strftime("%d/%m")}</text>'
        )
    parts.append(
        f'<rect x="{left}" y="{height - 18}" width="10" height="10" fill="#a4161a"/>'
        f'<text x="{left + 14}" y="{height - 9}">{escape(_("Médias sociaux (5 vii)"))}</text>'
    )
    parts.append(
        f'<rect x="{left + 170}" y="{height - 18}" width="10" height="10" fill="#0b5cad"/>'
        f'<text x="{left + 184}" y="{height - 9}">{escape(_("Téléchargements (5 v)"))}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def summary_lines(log: LogImport) -> list[str]:
    """Returns the import's counts as sentences, guest network and refused lines included."""
    lines = [
        _("%(n)s lignes lues, %(q)s recherches DNS, dont %(c)s par les appareils du CPE.")
        % {"n": log.lines, "q": log.queries, "c": log.cpe_queries},
        _(
            "%(q)s recherches de %(c)s appareils inconnus (réseau invités, appareils personnels) écartées à "
            "l'importation : le code vise l'équipement du CPE."
        )
        % {"q": log.dropped_queries, "c": log.dropped_clients},
    ]
    if log.error_count:
        lines.append(_("Importation partielle : %(n)s lignes refusées.") % {"n": log.error_count})
    return lines


def csv_bytes(log: LogImport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("semaine"),
            _("appareil"),
            _("constat"),
            _("service ou fichier"),
            _("recherches"),
            _("première"),
            _("dernière"),
        ]
    )
    for r in rows(log):
        writer.writerow(
            [r.week.isoformat(), r.device, r.kind_label, r.label, r.count, r.first_at, r.last_at]
        )
    writer.writerow([])
    for line in summary_lines(log):
        writer.writerow([line])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def pdf_bytes(log: LogImport) -> bytes:
    """Returns the report as a PDF (reportlab), for a breach file or the direction."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(letter), title=_("Rapport des journaux DNS"))
    story = [
        Paragraph(
            escape(_("Rapport des journaux DNS — %(f)s") % {"f": log.filename}), styles["Title"]
        )
    ]
    story += [Paragraph(escape(line), styles["Normal"]) for line in summary_lines(log)]
    data = [
        [
            _("Semaine"),
            _("Appareil"),
            _("Constat"),
            _("Service ou fichier"),
            _("Recherches"),
            _("Première"),
            _("Dernière"),
        ]
    ]
    data += [
        [
            r.week.isoformat(),
            r.device,
            Paragraph(escape(r.kind_label), styles["Normal"]),
            r.label[:60],
            r.count,
            r.first_at,
            r.last_at,
        ]
        for r in rows(log)
    ]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buffer.getvalue()
