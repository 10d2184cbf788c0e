"""One polling cycle: claim the due sources, fetch them concurrently, store what names the CPE.

Fetching is asynchronous (httpx, one client, a per-host limit) and never touches the database;
storing, matching and judging happen afterwards, in the worker's thread. A source that fails
is recorded as such, with its back-off, and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balise.watch.canonical import canonical_url, fingerprint
from balise.watch.conf import WatchConf, conf
from balise.watch.judge import judge, org_profile, staff_names
from balise.watch.matching import Matcher
from balise.watch.media import media_contexts
from balise.watch.models import Mention, Source, WatchedTerm
from balise.watch.net import Fetcher, FetchError, make_client
from balise.watch.sources import FetchResult, SourceSpec, adapter_for
from balise.watch.text import sanitize

log = logging.getLogger("balise.watch")
LEASE = timedelta(minutes=10)
BATCH = 250


@dataclass
class CycleReport:
    polled: int = 0
    failed: int = 0
    items: int = 0
    new_mentions: list[int] = field(default_factory=list)


def claim_due(now: datetime, only: list[int] | None = None) -> list[Source]:
    """Returns the due sources after leasing them (a second worker will not take them)."""
    due = Source.objects.filter(is_active=True).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    )
    if only is not None:
        due = due.filter(pk__in=only)
    ids = list(due.values_list("pk", flat=True))
    lease = now + LEASE
    Source.objects.filter(pk__in=ids).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    ).update(next_poll_at=lease)
    return list(
        Source.objects.filter(pk__in=ids, next_poll_at=lease).select_related("organization")
    )


def spec_of(source: Source, terms: tuple[str, ...]) -> SourceSpec:
    return SourceSpec(
        id=source.pk,
        kind=source.kind,
        name=source.name,
        url=source.url,
        config=source.config,
        state=source.state,
        terms=terms,
        secret=source.secret() if source.adapter.needs_secret else "",
        etag=source.etag,
        last_modified=source.last_modified,
    )


async def fetch_all(specs: list[SourceSpec], cfg: WatchConf) -> list[FetchResult]:
    """Fetches every spec concurrently; a failure becomes a FetchResult with an error."""
    async with make_client(cfg) as client:
        http = Fetcher(client, cfg)
        slots = asyncio.Semaphore(cfg.concurrency)

        async def one(spec: SourceSpec) -> FetchResult:
            async with slots:
                try:
                    return await adapter_for(spec.kind).fetch(spec, http)
                except FetchError as exc:
                    return FetchResult(error=str(exc), retry_after=exc.retry_after)
                except Exception as exc:  # an adapter bug must not stop the other sources
                    log.exception(
                        "watch adapter crashed", extra={"source": spec.name, "source_id": spec.id}
                    )
                    return FetchResult(
                        error=_("Erreur inattendue : %(e)s") % {"e": type(exc).__name__}
                    )

        return await asyncio.gather(*(one(s) for s in specs))


class OrgContext:
    """What a cycle needs per CPE: its terms, its matcher and its engine profile."""

    def __init__(self, org) -> None:
        self.org = org
        self.terms = tuple(WatchedTerm.active_for(org))
        self.profile = org_profile(org)
        self.matcher = Matcher(self.terms, staff_names(self.profile))


def run_cycle(now: datetime | None = None, only: list[int] | None = None) -> CycleReport:
    """Polls every due source once; returns what happened. Alerts go out at the end."""
    from balise.watch.alerts import send_urgent_alerts

    now = now or timezone.now()
    cfg, report, orgs = conf(), CycleReport(), {}
    sources = claim_due(now, only)
    for start in range(0, len(sources), BATCH):
        batch = sources[start : start + BATCH]
        for s in batch:
            if s.organization_id not in orgs:
                orgs[s.organization_id] = OrgContext(s.organization)
        specs = [spec_of(s, orgs[s.organization_id].terms) for s in batch]
        results = asyncio.run(fetch_all(specs, cfg))
        with transaction.atomic():  # one commit per batch, not one per source
            _store_batch(batch, results, orgs, now, report)
    send_urgent_alerts()
    if sources:  # parsed feeds leave large freed blocks that glibc would keep in the worker
        from balise.engine.nlp import release_memory

        release_memory()
    return report


def _store_batch(batch, results, orgs, now, report: CycleReport) -> None:
    pending: dict[int, list[Mention]] = defaultdict(list)
    for source, result in zip(batch, results, strict=True):
        report.polled += 1
        if result.error:
            report.failed += 1
            _record_failure(source, result, now)
            continue
        report.items += len(result.items)
        pending[source.organization_id] += candidates(
            source, result, orgs[source.organization_id], now
        )
    created = {}
    for org_id, mentions in pending.items():
        for m in save_new(judged(orgs[org_id], dedup(org_id, mentions))):
            created.setdefault(m.source_id, []).append(m.pk)
            report.new_mentions.append(m.pk)
    for source, result in zip(batch, results, strict=True):
        if not result.error:
            _record_success(source, result, now, len(created.get(source.pk, [])))


def _record_failure(source: Source, result: FetchResult, now: datetime) -> None:
    log.warning(
        "watch source failed: %s",
        result.error,
        extra={"source": source.name, "source_id": source.pk, "kind": source.kind},
    )
    source.record_failure(result.error, now=now, retry_after=result.retry_after)


def _record_success(source: Source, result: FetchResult, now: datetime, new: int) -> None:
    changes = {}
    if not result.not_modified:
        changes = {"etag": result.etag[:300], "last_modified": result.last_modified[:100]}
    state = dict(result.state if result.state is not None else source.state)
    if result.min_interval:
        state["min_interval_s"] = int(result.min_interval.total_seconds())
    changes["state"] = state
    for warning in result.warnings:
        log.info(
            "watch source warning: %s",
            warning,
            extra={"source": source.name, "source_id": source.pk},
        )
    source.record_success(
        now=now, items=len(result.items), new=new, warnings=result.warnings, changes=changes
    )


def candidates(
    source: Source, result: FetchResult, ctx: OrgContext, now: datetime
) -> list[Mention]:
    """Returns unsaved mentions for the items that name the CPE."""
    out = []
    for item in result.items:
        found = ctx.matcher.match(f"{item.title}\n{item.text}")
        if found is None:
            continue
        out.append(
            Mention(
                organization_id=source.organization_id,
                source=source,
                url=item.url[:1000],
                canonical_url=(item.key or canonical_url(item.url))[:1000],
                title=item.title[:500],
                text=item.text,
                html=sanitize(item.html),
                author_handle=item.author[:200],
                published_at=item.published_at,
                matched_term=found.term[:120],
                roster_names=list(found.roster_names),
                images=item.images[:4],
                fingerprint=fingerprint(item.title, item.text),
                first_seen_at=now,
            )
        )
    return out


def dedup(org_id: int, mentions: list[Mention]) -> list[Mention]:
    """Drops mentions already stored (same canonical URL or same text) or repeated in the batch."""
    urls = {m.canonical_url for m in mentions}
    prints = {m.fingerprint for m in mentions}
    known = Mention.objects.filter(organization_id=org_id).filter(
        Q(canonical_url__in=urls) | Q(fingerprint__in=prints)
    )
    seen_urls, seen_prints = set(), set()
    for url, fp in known.values_list("canonical_url", "fingerprint"):
        seen_urls.add(url)
        seen_prints.add(fp)
    fresh = []
    for m in mentions:
        if m.canonical_url in seen_urls or m.fingerprint in seen_prints:
            continue
        seen_urls.add(m.canonical_url)
        seen_prints.add(m.fingerprint)
        fresh.append(m)
    return fresh


def judged(ctx: OrgContext, mentions: list[Mention]) -> list[Mention]:
    """Sets each mention's verdict and findings from the engine, in one batch."""
    if not mentions:
        return mentions
    media = _media_of(mentions)
    texts = [
        (str(i), f"{m.title}\n{m.text}".strip(), m.published_at, media[i])
        for i, m in enumerate(mentions)
    ]
    try:
        verdicts = judge(ctx.profile, texts)
    except Exception:
        log.exception("watch engine failed", extra={"organization_id": ctx.org.pk})
        verdicts = [("attention", [_unjudged()])] * len(mentions)
    for m, (verdict, findings) in zip(mentions, verdicts, strict=True):
        m.verdict, m.findings = verdict, findings
    return mentions


def _media_of(mentions: list[Mention]) -> list[tuple]:
    try:
        return media_contexts([m.images for m in mentions])
    except Exception:  # images are a bonus: the text is judged anyway
        log.exception("watch images failed")
        return [() for _ in mentions]


def _unjudged() -> dict:
    return {
        "rule": "",
        "article": "",
        "severity": "attention",
        "message": _("Le moteur n'a pas pu analyser cette mention : lisez-la vous-même."),
    }


def save_new(mentions: list[Mention]) -> list[Mention]:
    """Saves each mention; one that another worker stored meanwhile is skipped."""
    saved = []
    for m in mentions:
        try:
            with transaction.atomic():
                m.save()
        except IntegrityError:
            continue
        saved.append(m)
    return saved
