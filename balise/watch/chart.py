"""Mentions per week by verdict, as numbers an SVG template can draw (no JavaScript).

A verdict never changes once stored, so the chart only changes when a mention is added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

VERDICTS = ("ok", "attention", "bloquant")
WIDTH, HEIGHT, BAR, GAP, AXIS = 600, 180, 36, 12, 24


@dataclass
class Week:
    start: date
    counts: dict[str, int] = field(default_factory=dict)
    x: int = 0
    segments: list[dict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(qs: QuerySet, *, weeks: int = 12, now: datetime | None = None) -> list[Week]:
    """Returns the last `weeks` weeks (Monday first) with their counts per verdict.

    One query, counting on local-midnight boundaries computed here: no per-row date function,
    so the database uses the (organization, first_seen_at) index.
    """
    today = timezone.localdate(now or timezone.now())
    first = monday(today) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=i) for i in range(weeks + 1)]
    bounds = [timezone.make_aware(datetime.combine(d, datetime.min.time())) for d in starts]
    counts = {
        f"w{i}": Count(
            "id", filter=Q(first_seen_at__gte=bounds[i], first_seen_at__lt=bounds[i + 1])
        )
        for i in range(weeks)
    }
    rows = qs.filter(first_seen_at__gte=bounds[0]).order_by().values("verdict").annotate(**counts)
    table = [Week(starts[i]) for i in range(weeks)]
    for row in rows:
        for i, week in enumerate(table):
            if row[f"w{i}"]:
                week.counts[row["verdict"]] = row[f"w{i}"]
    return layout(table)


def weekly_cached(qs: QuerySet, org_id: int, *, weeks: int = 12) -> list[Week]:
    """weekly(), kept while no mention is added (statuses do not change the chart) and the day holds."""
    from django.core.cache import cache

    newest = qs.aggregate(newest=Max("id"))["newest"] or 0
    key = f"watch:chart:{org_id}:{newest}:{timezone.localdate().isoformat()}:{weeks}"
    found = cache.get(key)
    if found is None:
        found = weekly(qs, weeks=weeks)
        cache.set(key, found, 3600)
    return found


def layout(weeks: list[Week]) -> list[Week]:
    """Places stacked bars: ok at the bottom, bloquant on top; heights scale to the top week."""
    top = max((w.total for w in weeks), default=0) or 1
    usable = HEIGHT - AXIS
    for i, week in enumerate(weeks):
        week.x = GAP + i * (BAR + GAP)
        y = usable
        for verdict in VERDICTS:
            n = week.counts.get(verdict, 0)
            h = round(n * (usable - 10) / top)
            if n:
                y -= h
                week.segments.append({"verdict": verdict, "n": n, "y": y, "h": max(h, 1)})
    return weeks


def size(weeks: list[Week]) -> tuple[int, int]:
    return max(WIDTH, GAP + len(weeks) * (BAR + GAP)), HEIGHT
