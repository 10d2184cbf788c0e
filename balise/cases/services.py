"""Opening breach files, keeping evidence, and the follow-up other apps rely on (CONTRACTS.md)."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import datetime
from functools import lru_cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from balise.audit.services import record_change, snapshot
from balise.cases.models import (
    NETWORK_WITHDRAWAL,
    BreachFile,
    Evidence,
    EvidenceKind,
    Measure,
    Origin,
    State,
)

log = logging.getLogger(__name__)

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
#: Content types accepted as evidence, recognized from the file's first bytes (never its name).
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)


def sniff(content: bytes) -> str | None:
    """Returns the accepted content type of `content`, or None for a forbidden type."""
    for magic, kind in SIGNATURES:
        if content.startswith(magic):
            return kind
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if content[4:8] == b"ftyp":
        return "video/mp4"
    if b"\x00" not in content:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not re.search(r"<\s*(script|html|iframe|svg)", text[:4096], re.IGNORECASE):
            return "text/plain"
    return None


def validate_evidence(name: str, content: bytes) -> str:
    """Returns the content type; raises ValidationError with a French message otherwise."""
    if not content:
        raise ValidationError(_("Le fichier « %(name)s » est vide.") % {"name": name})
    if len(content) > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Le fichier « %(name)s » pèse %(size)s Mo : la limite est de %(max)s Mo.")
            % {
                "name": name,
                "size": round(len(content) / 1024 / 1024, 1),
                "max": MAX_EVIDENCE_BYTES // 1024 // 1024,
            }
        )
    content_type = sniff(content)
    if content_type is None:
        raise ValidationError(
            _(
                "Le fichier « %(name)s » n'est pas d'un type accepté : images (PNG, JPEG, GIF, WebP), PDF, "
                "vidéo MP4 ou texte."
            )
            % {"name": name}
        )
    return content_type


@transaction.atomic
def attach_evidence(
    file: BreachFile, *, name: str, content: bytes, kind: str, source_url: str = "", by=None
) -> Evidence:
    """Stores a piece of evidence under MEDIA_ROOT/evidence/<org>/ with its SHA-256; returns it."""
    content_type = validate_evidence(name, content)
    safe_name = get_valid_filename(name)[:120] or "preuve"
    evidence = Evidence(
        organization=file.organization,
        file=file,
        name=name[:200],
        kind=kind,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        source_url=source_url,
        captured_at=timezone.now(),
        added_by=by,
    )
    evidence.content.save(safe_name, ContentFile(content), save=False)
    evidence.save()
    record_change(
        organization=file.organization,
        actor=by,
        action="preuve-ajoutee",
        obj=evidence,
        after=snapshot(evidence),
    )
    return evidence


def org_profile(org):
    """Returns the engine's OrgProfile: from the registers when present, else the CPE's own fields."""
    if apps.is_installed("balise.registers"):
        try:
            from balise.registers.engine import org_profile as from_registers
        except ImportError:
            pass
        else:
            return from_registers(org)
    from balise.engine import OrgProfile

    director = org.director_general
    return OrgProfile(
        name=org.name,
        aliases=tuple(org.aliases or ()),
        city=org.city,
        website=org.website,
        trademarks=tuple(org.trademarks or ()),
        director_general=str(director.user) if director else "",
    )


@lru_cache(maxsize=8)
def _checker(profile):
    from balise.engine import Checker

    return Checker(profile)


def analyze(org, text: str) -> list[dict]:
    """Returns the engine's findings on `text` as dicts; an empty list when it cannot run."""
    if not text.strip():
        return []
    try:
        from balise.engine import Context, Post

        result = _checker(org_profile(org)).check(Post(id="dossier", text=text, context=Context()))
        return [
            {k: v for k, v in f.items() if k != "explanation"} for f in result.to_dict()["findings"]
        ]
    except Exception:  # the engine must never prevent a file from being opened
        log.exception("analyse du dossier impossible")
        return []


@transaction.atomic
def open_file(
    org,
    *,
    by,
    title: str,
    learned_on,
    origin: str = Origin.HAND,
    person=None,
    reporter: str = "",
    source_url: str = "",
    captured_text: str = "",
    incident_on=None,
    findings: list[dict] | None = None,
    mention_id: int | None = None,
) -> BreachFile:
    """Opens a breach file; the engine's findings pre-fill its rules, which the direction confirms."""
    findings = analyze(org, captured_text) if findings is None else findings
    file = BreachFile(
        organization=org,
        title=title,
        person=person,
        origin=origin,
        reporter=reporter,
        source_url=source_url,
        captured_text=captured_text,
        incident_on=incident_on,
        learned_on=learned_on,
        opened_by=by,
        mention_id=mention_id,
        suggested_findings=findings,
    )
    file.rules = file.suggested_rules()
    file.full_clean(exclude=["organization", "person", "opened_by"])
    file.save()
    record_change(
        organization=org, actor=by, action="dossier-ouvert", obj=file, after=snapshot(file)
    )
    if captured_text:
        attach_evidence(
            file,
            name=_("texte-capte.txt"),
            content=captured_text.encode("utf-8"),
            kind=EvidenceKind.TEXT,
            source_url=source_url,
            by=by,
        )
    return file


def mention_model():
    """Returns watch.Mention, or None while the web-watch app is not installed."""
    if not apps.is_installed("balise.watch"):
        return None
    try:
        return apps.get_model("watch", "Mention")
    except LookupError:
        return None


def open_from_mention(mention, *, by) -> BreachFile:
    """Opens a file from a web mention, with the watch's own analysis as the pre-filled rules."""
    published = getattr(mention, "published_at", None)
    file = open_file(
        mention.organization,
        by=by,
        origin=Origin.MENTION,
        title=(mention.title or mention.text[:80] or mention.url)[:200],
        reporter=mention.author_handle or "",
        source_url=mention.url or "",
        captured_text=mention.text or "",
        incident_on=timezone.localtime(published).date() if published else None,
        learned_on=timezone.localtime(mention.first_seen_at or timezone.now()).date(),
        findings=list(mention.findings or []) or None,
        mention_id=mention.pk,
    )
    if hasattr(mention, "mark_file_opened"):
        mention.mark_file_opened(file.pk)
    return file


def measure_choices(org) -> list[tuple[str, str]]:
    """Returns article 6's measures from the code in force, as (id, label)."""
    from balise.policy.services import current_version

    version = current_version(org)
    return [(m["id"], m["label"]) for m in (version.measures if version else [])]


def rule_choices(org) -> list[tuple[str, str]]:
    from balise.policy.services import current_version

    version = current_version(org)
    return [
        (r["id"], f"{r['id']} — {r['title']} ({r['article']})")
        for r in (version.rules if version else [])
    ]


def severity_of(org, rules: list[str]) -> str:
    """Returns the highest severity of `rules` in the code in force ("bloquant" or "attention")."""
    from balise.policy.services import current_version

    version = current_version(org)
    severities = {(version.rule(r) or {}).get("severity") for r in rules} if version else set()
    return "bloquant" if "bloquant" in severities or not severities else "attention"


def comparable_decisions(file: BreachFile) -> list[BreachFile]:
    """Returns past decided files of the CPE with a rule in common and the same severity."""
    decided = (
        BreachFile.objects.filter(
            organization=file.organization, decided_at__isnull=False, severity=file.severity
        )
        .exclude(pk=file.pk)
        .prefetch_related("measures")
        .order_by("-decided_at")
    )
    rules = set(file.rules)
    return [f for f in decided if rules & set(f.rules)]


def network_withdrawals(org, at: datetime) -> list[tuple]:
    """Returns (Person, end date) for people whose network access is withdrawn by a measure at `at`."""
    measures = (
        Measure.objects.filter(
            organization=org,
            kind=NETWORK_WITHDRAWAL,
            until__isnull=False,
            file__person__isnull=False,
            file__decided_at__isnull=False,
        )
        .select_related("file__person")
        .order_by("until")
    )
    latest: dict[int, tuple] = {}
    for measure in measures:
        if measure.in_force(at):
            person = measure.file.person
            latest[person.pk] = (
                person,
                max(measure.until, latest.get(person.pk, (None, measure.until))[1]),
            )
    return list(latest.values())


def check_removal(measure: Measure, *, by, timeout: float = 10.0) -> tuple[bool, str]:
    """Re-fetches the file's URL; returns (removed, a French explanation) and keeps the result."""
    import httpx

    url, captured = measure.file.source_url, measure.file.captured_text
    try:
        response = httpx.get(
            url,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": "Balise (verification de retrait)"},
        )
    except httpx.HTTPError as exc:
        removed, result = (
            False,
            _("Vérification impossible : %(e)s") % {"e": exc.__class__.__name__},
        )
    else:
        removed, result = removal_verdict(response.status_code, response.text, captured)
    measure.record_check(removed, result, by=by)
    return removed, result


def removal_verdict(status: int, body: str, captured: str) -> tuple[bool, str]:
    """Decides from a re-fetch whether the content is gone (404/410, or its text no longer there)."""
    if status in (404, 410):
        return True, _("Contenu retiré : la page répond %(s)s.") % {"s": status}
    if status >= 400:
        return False, _("La page répond %(s)s : vérifiez à nouveau plus tard.") % {"s": status}
    excerpt = " ".join(captured.split())[:80]
    if excerpt and excerpt in " ".join(body.split()):
        return False, _("Le contenu est toujours en ligne.")
    return True, _("Le texte capté n'apparaît plus sur la page.")


def files_of_user(org, user):
    """Returns the files concerning the signed-in person (their right of access)."""
    return BreachFile.objects.filter(organization=org, person__user=user).exclude(
        state=State.OPENED, rules_confirmed_at=None
    )


def save_file(original: BreachFile, updated: BreachFile, *, by) -> None:
    """Saves the direction's edit of a file's facts and records before and after."""
    before = snapshot(original)
    updated.save()
    record_change(
        organization=updated.organization,
        actor=by,
        action="dossier-modifie",
        obj=updated,
        before=before,
        after=snapshot(updated),
    )
