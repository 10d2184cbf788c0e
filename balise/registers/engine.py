"""What the engine and the check page read from the registers (docs/CONTRACTS.md)."""

from __future__ import annotations

import threading
from datetime import date, datetime

from django.utils import timezone

from balise.accounts.models import Organization
from balise.registers.crypto import name_hash
from balise.registers.models import (
    Authorization,
    AuthorizationKind,
    AuthorizationStatus,
    Person,
    RosterEntry,
    RosterKind,
)

#: Which consent scopes let an image appear on which account of the batch contract.
SCOPES_FOR_ACCOUNT = {
    "officiel": ("page-officielle", "toute-utilisation"),
    "personnel": ("toute-utilisation",),
    "interne": ("interne", "page-officielle", "toute-utilisation"),
}


def _director_general_name(org) -> str:
    membership = org.director_general
    return (membership.user.full_name or membership.user.email) if membership else ""


_profiles: dict[tuple, object] = {}
_profiles_lock = threading.Lock()


def org_profile(org, on: date | None = None):
    """Returns the CPE's balise.engine.OrgProfile; roster names are decrypted in memory only.

    Kept per process until the CPE's `profile_version` changes (people, roster, roles: see the
    signals in the accounts and registers apps) or the day does (article 2's service dates): one
    small query instead of reading and decrypting the roster on every check. The engine's
    Checker, cached per profile, holds the same names in memory anyway."""
    day = on or timezone.localdate()
    version = (
        Organization.objects.filter(pk=org.pk).values_list("profile_version", flat=True).first()
    )
    key = (
        org.pk,
        version,
        day,
        org.name,
        tuple(org.aliases or ()),
        org.city,
        org.website,
        tuple(org.trademarks or ()),
    )
    profile = _profiles.get(key)
    if profile is None:
        profile = _build_profile(org, day)
        with _profiles_lock:
            if len(_profiles) > 64:
                _profiles.clear()
            _profiles[key] = profile
    return profile


def _build_profile(org, day: date):
    from balise.engine import OrgProfile

    entries = list(RosterEntry.objects.filter(organization=org, is_active=True))
    staff = [
        (p.full_name, p.job_title)
        for p in Person.objects.filter(organization=org)
        if p.is_covered_on(day)
    ]
    staff += [(e.name, e.role) for e in entries if e.kind in (RosterKind.STAFF, RosterKind.ADULT)]
    return OrgProfile(
        name=org.name,
        aliases=tuple(org.aliases or ()),
        city=org.city,
        website=org.website,
        trademarks=tuple(org.trademarks or ()),
        director_general=_director_general_name(org),
        children=tuple(e.name for e in entries if e.kind == RosterKind.CHILD),
        parents=tuple(e.name for e in entries if e.kind == RosterKind.PARENT),
        staff=tuple(dict.fromkeys(staff)),
    )


def current_authorizations(org, user, day: date) -> list[Authorization]:
    person = Person.for_user(org, user)
    if person is None:
        return []
    qs = Authorization.objects.filter(
        organization=org, person=person, status=AuthorizationStatus.GRANTED
    )
    return [a for a in qs if a.is_current_on(day)]


def author_context(org, user, on: datetime | None = None) -> dict:
    """Returns {"mandated": bool, "authorizations": ("porte-parole", "logo", "page:<name>", …)}."""
    moment = on or timezone.now()
    day = timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    grants = current_authorizations(org, user, day)
    purposes = tuple(dict.fromkeys(a.purpose for a in grants))
    mandated = any(a.kind == AuthorizationKind.SPOKESPERSON for a in grants)
    return {"mandated": mandated, "authorizations": purposes}


def photo_people(org, on: date | None = None) -> list[dict]:
    """Returns who may be ticked in "who is in this photo?", with the consent scopes in force."""
    day = on or timezone.localdate()
    entries = RosterEntry.objects.filter(organization=org, is_active=True).exclude(
        kind=RosterKind.PARENT
    )
    people = []
    for e in entries.prefetch_related("consents"):
        scopes = sorted({c.scope for c in e.consents_in_force(day)})
        kind = "enfant" if e.kind == RosterKind.CHILD else "adulte"
        people.append({"id": e.pk, "label": e.name, "kind": kind, "channels": scopes})
    return sorted(people, key=lambda p: (p["kind"], p["label"].lower()))


def consent_covers(channels: list[str], account: str | None) -> bool:
    """True when a consent scope in force covers the post's account ("officiel" or "personnel")."""
    allowed = SCOPES_FOR_ACCOUNT.get(account or "personnel", ("toute-utilisation",))
    return any(scope in allowed for scope in channels)


def consented_faces(org, ids: list[int], account: str | None, on: date | None = None) -> int:
    """Counts the ticked people whose consent covers the post's channel (else: no consent)."""
    by_id = {p["id"]: p for p in photo_people(org, on)}
    return sum(1 for i in ids if i in by_id and consent_covers(by_id[i]["channels"], account))


def find_by_name(org, name: str) -> list[RosterEntry]:
    """Returns the roster entries whose normalised name matches, through the keyed-hash index."""
    return list(RosterEntry.objects.filter(organization=org, name_hash=name_hash(name)))
