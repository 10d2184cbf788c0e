"""The CPE's work time, computed in local wall-clock time (America/Toronto by default).

Every instant is first converted to the CPE's zone with zoneinfo, then compared with the
opening hours and breaks as wall-clock times: a daylight-saving change never shifts a shift.
The schedule is loaded once into a frozen `ScheduleData`, so a log import of a million lines
asks the database nothing per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from django.conf import settings
from django.utils.translation import gettext as _

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _monday_before(day: date) -> date:
    """Returns the last Monday strictly before `day`."""
    d = day - timedelta(days=1)
    return d - timedelta(days=d.weekday())


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


@lru_cache(maxsize=64)
def quebec_holidays(year: int, easter_choice: str = "les-deux") -> dict[date, str]:
    """Returns Quebec's statutory holidays (Loi sur les normes du travail, art. 60) of a year."""
    e = easter(year)
    days = {
        date(year, 1, 1): _("Jour de l'An"),
        _monday_before(date(year, 5, 25)): _("Journée nationale des patriotes"),
        date(year, 6, 24): _("Fête nationale du Québec"),
        date(year, 7, 1): _("Fête du Canada"),
        _nth_monday(year, 9, 1): _("Fête du Travail"),
        _nth_monday(year, 10, 2): _("Action de grâce"),
        date(year, 12, 25): _("Noël"),
    }
    if easter_choice in ("vendredi", "les-deux"):
        days[e - timedelta(days=2)] = _("Vendredi saint")
    if easter_choice in ("lundi", "les-deux"):
        days[e + timedelta(days=1)] = _("Lundi de Pâques")
    if date(year, 6, 24).weekday() == 6:
        days[date(year, 6, 25)] = _("Fête nationale du Québec (reportée)")
    if date(year, 7, 1).weekday() == 6:
        days[date(year, 7, 2)] = _("Fête du Canada (reportée)")
    return days


@dataclass(frozen=True)
class BreakRule:
    weekday: int | None
    start: time
    end: time
    group_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class ScheduleData:
    """The schedule of one CPE, detached from the database."""

    hours: dict[int, tuple[time, time]]
    closures: tuple[tuple[date, date, str], ...] = ()
    breaks: tuple[BreakRule, ...] = ()
    groups_of: dict[int, frozenset[int]] = field(default_factory=dict)
    easter_choice: str = "les-deux"
    pause_during_breaks: bool = False
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(settings.TIME_ZONE))

    @property
    def is_defined(self) -> bool:
        return bool(self.hours)

    def closed_reason(self, day: date) -> str | None:
        """Returns why the CPE is closed on a day (holiday, closure, no hours), else None."""
        holiday = quebec_holidays(day.year, self.easter_choice).get(day)
        if holiday:
            return holiday
        for start, end, label in self.closures:
            if start <= day <= end:
                return label
        if day.weekday() not in self.hours:
            return _("Fermé ce jour-là")
        return None

    def hours_on(self, day: date) -> tuple[time, time] | None:
        """Returns the opening hours of a day, or None when the CPE is closed."""
        return None if self.closed_reason(day) else self.hours[day.weekday()]

    def breaks_on(self, weekday: int, person_id: int | None) -> list[tuple[time, time]]:
        """Returns a person's breaks on a weekday: their own, else their group's, else everyone's."""
        rules = [b for b in self.breaks if b.weekday is None or b.weekday == weekday]
        own = [b for b in rules if person_id and b.person_id == person_id]
        if own:
            return sorted((b.start, b.end) for b in own)
        groups = self.groups_of.get(person_id or 0, frozenset())
        grouped = [b for b in rules if b.group_id and b.group_id in groups]
        if grouped:
            return sorted((b.start, b.end) for b in grouped)
        return sorted((b.start, b.end) for b in rules if not b.group_id and not b.person_id)

    def status(self, at: datetime, person_id: int | None = None) -> tuple[bool, bool]:
        """Returns (on_shift, on_break) at an instant, in the CPE's wall-clock time."""
        local = at.astimezone(self.tz)
        hours = self.hours_on(local.date())
        clock = local.time().replace(tzinfo=None)
        if hours is None or not (hours[0] <= clock < hours[1]):
            return False, False
        on_break = any(s <= clock < e for s, e in self.breaks_on(local.weekday(), person_id))
        return True, on_break

    def dst_warnings(self, start: date, days: int = 366) -> list[str]:
        """Returns a message for each clock change that falls inside opening hours."""
        notes = []
        for offset in range(days):
            day = start + timedelta(days=offset)
            before = datetime.combine(day, time(0), self.tz).utcoffset()
            after = datetime.combine(day, time(23, 59), self.tz).utcoffset()
            hours = self.hours_on(day)
            if before == after or hours is None or not (hours[0] <= time(2) < hours[1]):
                continue
            shift = _("une heure de moins") if after > before else _("une heure de plus")
            notes.append(
                _(
                    "Le %(day)s, l'heure change à 2 h pendant les heures d'ouverture : la journée compte %(shift)s. "
                    "Balise compare toujours l'heure locale, les pauses restent à leur heure."
                )
                % {"day": day.isoformat(), "shift": shift}
            )
        return notes


def load(org) -> ScheduleData:
    """Returns the CPE's schedule, read once from the database."""
    from balise.network.models import Break, Closure, OpeningHours, WorkGroup, WorkSchedule

    choices = WorkSchedule.for_org(org)
    groups_of: dict[int, set[int]] = {}
    for group in WorkGroup.objects.filter(organization=org).prefetch_related("members"):
        for person in group.members.all():
            groups_of.setdefault(person.pk, set()).add(group.pk)
    return ScheduleData(
        hours={
            h.weekday: (h.opens, h.closes) for h in OpeningHours.objects.filter(organization=org)
        },
        closures=tuple(
            Closure.objects.filter(organization=org).values_list("starts_on", "ends_on", "label")
        ),
        breaks=tuple(
            BreakRule(b.weekday, b.starts, b.ends, b.group_id, b.person_id)
            for b in Break.objects.filter(organization=org)
        ),
        groups_of={k: frozenset(v) for k, v in groups_of.items()},
        easter_choice=choices.easter_holiday,
        pause_during_breaks=choices.pause_during_breaks,
    )
