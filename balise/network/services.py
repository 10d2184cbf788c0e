"""What other apps call (work_status), and the bridges to the apps this one leans on."""

from __future__ import annotations

from datetime import date, datetime

from django.apps import apps

from balise.network import schedule


def person_of(org, user):
    """Returns the registers.Person of a Balise account in a CPE, or None."""
    if user is None or not getattr(user, "pk", None):
        return None
    from balise.registers.models import Person

    return Person.objects.filter(organization=org, user=user).first()


def work_status(org, user, at: datetime) -> dict:
    """Returns {"on_shift", "on_break"} for a person at an instant (None when unknown).

    Unknown means the CPE has no opening hours in Balise yet.
    """
    data = schedule.load(org)
    if not data.is_defined:
        return {"on_shift": None, "on_break": None}
    person = person_of(org, user)
    if person is not None and not person.is_covered_on(at.astimezone(data.tz).date()):
        return {"on_shift": False, "on_break": False}
    on_shift, on_break = data.status(at, person.pk if person else None)
    return {"on_shift": on_shift, "on_break": on_break}


def withdrawals(org, at: datetime) -> dict[int, date]:
    """Returns {person id: end date} of network access withdrawn by a measure (article 6).

    Empty while the breach-file app (cases) is absent.
    """
    if not apps.is_installed("balise.cases"):
        return {}
    try:
        from balise.cases.services import network_withdrawals
    except ImportError:
        return {}
    return {person.pk: until for person, until in network_withdrawals(org, at)}


def can_attach_evidence() -> bool:
    """True when the breach-file app offers attach_evidence."""
    if not apps.is_installed("balise.cases"):
        return False
    try:
        from balise.cases.services import attach_evidence  # noqa: F401
    except ImportError:
        return False
    return True
