"""Importing a DNS log: stream the lines, keep the CPE's devices only, aggregate the findings.

For each lookup by a CPE device: a social-media domain during work hours outside the person's
breaks (article 5 vii), or an app-store, game or download domain, or a URL ending in an
installer's extension, at any time (article 5 v). Lookups by unknown clients (the guest network,
employees' own phones) are counted and dropped, never stored. Only per-day aggregates are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from balise.network import schedule as sched
from balise.network.importers import IMPORTERS, LineError, Query, ReadOptions
from balise.network.rules import DATA_DIR, install_default_services

MAX_ERRORS_KEPT = 200


@dataclass(frozen=True)
class Classifier:
    """Tells what a domain or URL is: ("social", service) or ("telechargement", what) or None."""

    domains: dict[str, tuple[str, str]]
    extensions: frozenset[str]

    @classmethod
    def for_org(cls, org) -> Classifier:
        from balise.network.models import FindingKind, SocialService

        if not SocialService.objects.filter(organization=org).exists():
            install_default_services(org)
        data = json.loads((DATA_DIR / "downloads.json").read_text(encoding="utf-8"))
        domains = {
            d: (FindingKind.DOWNLOAD.value, label)
            for label, ds in data["domains"].items()
            for d in ds
        }
        for service in SocialService.objects.filter(organization=org, is_blocked=True):
            domains.update(
                {d.lower(): (FindingKind.SOCIAL.value, service.name) for d in service.domains}
            )
        return cls(domains, frozenset(data["extensions"]))

    def of_domain(self, domain: str) -> tuple[str, str] | None:
        """Returns what the domain or its closest listed parent is (subdomains included)."""
        get = self.domains.get
        while True:
            found = get(domain)
            if found is not None:
                return found
            dot = domain.find(".")
            if dot < 0:
                return None
            domain = domain[dot + 1 :]

    def of_url(self, url: str) -> tuple[str, str] | None:
        path = url.split("?", 1)[0].split("#", 1)[0]
        name = path.rsplit("/", 1)[-1]
        if "." in name and name.rsplit(".", 1)[1].lower() in self.extensions:
            return "telechargement", name[:200]
        return None


@dataclass
class Tally:
    lines: int = 0
    queries: int = 0
    cpe_queries: int = 0
    dropped_queries: int = 0
    ignored_lines: int = 0
    errors: list[list] = field(default_factory=list)
    error_count: int = 0
    unknown_clients: set[str] = field(default_factory=set)
    first_at: datetime | None = None
    last_at: datetime | None = None
    # (device id, kind, label, day) -> [count, first, last]
    findings: dict[tuple, list] = field(default_factory=dict)

    def error(self, err: LineError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append([err.line, err.message])


class Analyzer:
    """Feeds on queries; keeps counts and per-day findings of the CPE's devices only."""

    def __init__(self, org):
        from balise.network.models import Device

        self.devices = {
            str(d.ip): d for d in Device.objects.filter(organization=org, ip__isnull=False)
        }
        self.schedule = sched.load(org)
        self.classifier = Classifier.for_org(org)
        self.tally = Tally()
        self._status_cache: dict[tuple, tuple] = {}
        self._domain_cache: dict[str, tuple[str, str] | None] = {}

    def feed(self, items: Iterable[Query | LineError | None]) -> Tally:
        tally = self.tally
        for item in items:
            tally.lines += 1
            if item is None:
                tally.ignored_lines += 1
            elif isinstance(item, LineError):
                tally.error(item)
            else:
                self._query(item)
        return tally

    def _query(self, q: Query) -> None:
        tally = self.tally
        tally.queries += 1
        tally.first_at = q.at if tally.first_at is None or q.at < tally.first_at else tally.first_at
        tally.last_at = q.at if tally.last_at is None or q.at > tally.last_at else tally.last_at
        device = self.devices.get(q.client)
        if device is None:
            tally.dropped_queries += 1
            tally.unknown_clients.add(q.client)
            return
        tally.cpe_queries += 1
        found = (q.url and self.classifier.of_url(q.url)) or self._of_domain(q.domain)
        if found is None:
            return
        local = q.at.astimezone(self.schedule.tz)
        if found[0] == "social" and not self._at_work(local, device.person_id):
            return
        key = (device.pk, found[0], found[1], local.date())
        slot = self.tally.findings.get(key)
        if slot is None:
            self.tally.findings[key] = [1, q.at, q.at]
        else:
            slot[0] += 1
            slot[1] = min(slot[1], q.at)
            slot[2] = max(slot[2], q.at)

    def _of_domain(self, domain: str) -> tuple[str, str] | None:
        """Classifies a domain, remembering the answer: logs repeat the same names all day."""
        try:
            return self._domain_cache[domain]
        except KeyError:
            if len(self._domain_cache) > 200_000:
                self._domain_cache.clear()  # bounded memory on logs with endless unique names
            found = self._domain_cache[domain] = self.classifier.of_domain(domain)
            return found

    def _at_work(self, local: datetime, person_id: int | None) -> bool:
        """True during work hours outside the person's breaks (wall-clock, cached per day)."""
        key = (local.date(), person_id)
        cached = self._status_cache.get(key)
        if cached is None:
            hours = self.schedule.hours_on(local.date())
            breaks = tuple(self.schedule.breaks_on(local.weekday(), person_id)) if hours else ()
            cached = self._status_cache[key] = (hours, breaks)
        hours, breaks = cached
        clock = local.time()
        if hours is None or not (hours[0] <= clock < hours[1]):
            return False
        return not any(s <= clock < e for s, e in breaks)


def read_head(path: Path, size: int = 4096) -> bytes:
    with open(path, "rb") as f:
        return f.read(size)


def run_import(org, path: Path, *, filename: str, kind: str, by=None, year: int | None = None):
    """Imports a log file and returns the LogImport with its findings."""
    from balise.network.models import LogImport

    importer = IMPORTERS[kind]
    data = sched.load(org)
    options = ReadOptions(tz=data.tz, year=year or timezone.localtime().year)
    analyzer = Analyzer(org)
    tally = analyzer.feed(importer.read(path, options))
    return _save(org, analyzer, tally, filename=filename, kind=kind, by=by, log_model=LogImport)


@transaction.atomic
def _save(org, analyzer: Analyzer, tally: Tally, *, filename: str, kind: str, by, log_model):
    from balise.network.models import LogFinding

    log = log_model.objects.create(
        organization=org,
        by=by,
        filename=filename[:200],
        format=kind,
        lines=tally.lines,
        queries=tally.queries,
        cpe_queries=tally.cpe_queries,
        dropped_queries=tally.dropped_queries,
        dropped_clients=len(tally.unknown_clients),
        ignored_lines=tally.ignored_lines,
        error_count=tally.error_count,
        errors=tally.errors,
        first_at=tally.first_at,
        last_at=tally.last_at,
    )
    names = {d.pk: d.name for d in analyzer.devices.values()}
    LogFinding.objects.bulk_create(
        LogFinding(
            log_import=log,
            device_id=dev,
            device_name=names[dev],
            kind=kind_,
            label=label,
            day=day,
            count=count,
            first_at=first,
            last_at=last,
        )
        for (dev, kind_, label, day), (count, first, last) in tally.findings.items()
    )
    return log
