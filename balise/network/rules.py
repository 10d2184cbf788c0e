"""The CPE's rule, detached from any router: which devices, which services, when.

Article 5 vii): no social media on the CPE's equipment during work hours. The rule is built once
from the database into a frozen `RulePlan`; AdGuard Home's client configuration and every
exporter are computed from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from balise.network import schedule as sched
from balise.network.services import withdrawals

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class ServiceRule:
    key: str
    name: str
    adguard_id: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class DeviceRule:
    device_id: int
    name: str
    ids: tuple[str, ...]
    ip: str | None
    person_id: int | None
    withdrawn_until: date | None = None


@dataclass(frozen=True)
class RulePlan:
    devices: tuple[DeviceRule, ...]
    exempt: tuple[str, ...]
    services: tuple[ServiceRule, ...]
    schedule: sched.ScheduleData
    start: date

    @property
    def week(self) -> list[date]:
        """The seven days the weekly router schedule is computed for, from `start`."""
        return [self.start + timedelta(days=i) for i in range(7)]

    @property
    def domains(self) -> list[str]:
        return sorted({d for s in self.services for d in s.domains})

    def work_window(self, day: date) -> tuple[time, time] | None:
        return self.schedule.hours_on(day)

    def unblocked_breaks(self, day: date, person_id: int | None) -> list[tuple[time, time]]:
        """Breaks during which blocking pauses; none unless the CPE chose so."""
        if not self.schedule.pause_during_breaks or self.work_window(day) is None:
            return []
        return self.schedule.breaks_on(day.weekday(), person_id)


def default_services() -> list[dict]:
    """Returns the default list of social-media services kept in the project."""
    return json.loads((DATA_DIR / "social_services.json").read_text(encoding="utf-8"))["services"]


def install_default_services(org, *, reset: bool = False) -> int:
    """Creates the default services missing for a CPE (or restores them all); returns the count."""
    from balise.network.models import SocialService

    count = 0
    for item in default_services():
        defaults = {
            "name": item["name"],
            "adguard_id": item.get("adguard_id", ""),
            "domains": item["domains"],
        }
        if reset:
            SocialService.objects.update_or_create(
                organization=org, key=item["key"], defaults=defaults
            )
            count += 1
        elif not SocialService.objects.filter(organization=org, key=item["key"]).exists():
            SocialService.objects.create(organization=org, key=item["key"], **defaults)
            count += 1
    return count


def build_plan(org, *, at: datetime | None = None) -> RulePlan:
    """Returns the CPE's rule for the week starting at `at` (now by default)."""
    from balise.network.models import Device, SocialService

    at = at or timezone.now()
    data = sched.load(org)
    withdrawn = withdrawals(org, at)
    devices, exempt = [], []
    for d in Device.objects.filter(organization=org):
        if d.exempt and d.person_id not in withdrawn:
            exempt.append(d.name)
            continue
        devices.append(
            DeviceRule(
                d.pk, d.name, tuple(d.client_ids), d.ip, d.person_id, withdrawn.get(d.person_id)
            )
        )
    if not SocialService.objects.filter(organization=org).exists():
        install_default_services(org)
    services = tuple(
        ServiceRule(s.key, s.name, s.adguard_id, tuple(s.domains))
        for s in SocialService.objects.filter(organization=org, is_blocked=True)
    )
    return RulePlan(tuple(devices), tuple(exempt), services, data, at.astimezone(data.tz).date())
