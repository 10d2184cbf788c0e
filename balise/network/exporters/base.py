"""The shape of a router exporter: one module per format, one small class each.

An exporter turns the CPE's rule (a RulePlan) into files to install on a router. Formats that
cannot carry time get a cron file that switches the blocking on at opening and off at closing,
skipping the dates listed in a closures file (statutory holidays and closures of the coming year).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.utils.translation import gettext as _

from balise.network.rules import RulePlan

CLOSURES_PATH = "/etc/balise/fermetures.txt"


@dataclass(frozen=True)
class ExportFile:
    name: str
    content: str


class Exporter:
    kind = ""
    label = ""

    def files(self, plan: RulePlan) -> list[ExportFile]:
        raise NotImplementedError


def cron_dow(weekday: int) -> int:
    """Returns cron's day of week (0 = Sunday) for Python's (0 = Monday)."""
    return (weekday + 1) % 7


def closed_dates(plan: RulePlan, days: int = 366) -> list[date]:
    """Returns the dates of the coming year the CPE is closed although it has hours that weekday."""
    out = []
    for offset in range(days):
        day = plan.start + timedelta(days=offset)
        if day.weekday() in plan.schedule.hours and plan.schedule.hours_on(day) is None:
            out.append(day)
    return out


def _at(t: time, dow: int, command: str) -> str:
    guard = f'grep -qx "$(date +\\%F)" {CLOSURES_PATH} ||'
    return f"{t.minute} {t.hour} * * {dow} root {guard} {command}"


def cron_file(plan: RulePlan, *, on: str, off: str, service: str) -> ExportFile:
    """Returns /etc/cron.d/balise-<service>: blocking on at opening, off at closing (and breaks)."""
    lines = [
        _(
            "# Balise — article 5 vii) : médias sociaux bloqués sur l'équipement du CPE pendant les heures de travail."
        ),
        _("# Généré le %(d)s. Les jours fériés et fermetures sont dans %(p)s.")
        % {"d": plan.start, "p": CLOSURES_PATH},
        "SHELL=/bin/sh",
        "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
    ]
    for weekday, (opens, closes) in sorted(plan.schedule.hours.items()):
        dow = cron_dow(weekday)
        lines.append(_at(opens, dow, on))
        breaks = plan.schedule.breaks_on(weekday, None) if plan.schedule.pause_during_breaks else []
        for start, end in breaks:
            lines += [_at(start, dow, off), _at(end, dow, on)]
        lines.append(f"{closes.minute} {closes.hour} * * {dow} root {off}")
    return ExportFile(f"cron.d/balise-{service}", "\n".join(lines) + "\n")


def closures_file(plan: RulePlan) -> ExportFile:
    return ExportFile("fermetures.txt", "".join(f"{d.isoformat()}\n" for d in closed_dates(plan)))


def readme(plan: RulePlan, title: str, steps: list[str], limits: list[str]) -> ExportFile:
    text = [
        title,
        "",
        _("Installation :"),
        *[f"  {i}. {s}" for i, s in enumerate(steps, 1)],
        "",
        _("Limites :"),
        *[f"  - {x}" for x in limits],
    ]
    if plan.exempt:
        text.append(
            "  - " + _("Appareils exemptés, non visés : %(n)s.") % {"n": ", ".join(plan.exempt)}
        )
    return ExportFile("LISEZMOI.txt", "\n".join(text) + "\n")
