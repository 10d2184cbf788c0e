"""Builds the registers' records for the named people of the world fixture."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from balise.policy.services import current_version
from balise.registers.models import (
    Acknowledgement,
    Authorization,
    Consent,
    Person,
    Question,
    RosterEntry,
)


def person_for(
    world, user, category="temps-plein", job="éducatrice", start=date(2020, 1, 6), end=None
) -> Person:
    return Person.objects.create(
        organization=world.org,
        full_name=user.full_name,
        email=user.email,
        category=category,
        job_title=job,
        service_start=start,
        service_end=end,
        user=user,
    )


def make_registers(world):
    """Fills world.extra with one record of each kind, owned by the consultant."""
    educator = person_for(world, world.educator)
    consultant = person_for(world, world.consultant, category="consultant", job="consultant")
    version = current_version(world.org)
    ack = Acknowledgement.objects.create(
        organization=world.org,
        person=consultant,
        user=world.consultant,
        version=version,
        text_hash=version.text_hash,
        acknowledged_at=timezone.now(),
        ip_address="127.0.0.1",
    )
    auth = Authorization.objects.create(
        organization=world.org,
        person=consultant,
        requested_by=world.consultant,
        kind="page",
        subject="Les amis du CPE Premier Pas",
        channel="Facebook",
    )
    child = RosterEntry(
        organization=world.org, kind="enfant", name="Léa Tremblay", group="Les Coccinelles"
    )
    child.save()
    parent = RosterEntry(
        organization=world.org,
        kind="parent",
        name="Julie Tremblay",
        email="julie@parents.example",
        child=child,
    )
    parent.save()
    consent = Consent(
        organization=world.org,
        subject=child,
        scope="page-officielle",
        given_by="Julie Tremblay",
        given_on=date(2026, 9, 1),
        valid_from=date(2026, 9, 1),
    )
    consent.save()
    consent.attach_signed_copy(
        name="signe.pdf", content_type="application/pdf", data=b"%PDF-1.4 signed"
    )
    question = Question.objects.create(
        organization=world.org, asked_by=world.consultant, subject="Photo de groupe?"
    )
    question.add_message(
        author=world.consultant, body="Puis-je publier la photo de l'équipe?", from_direction=False
    )
    question.add_message(
        author=world.director, body="Oui, avec l'accord de chacun.", from_direction=True
    )
    world.extra.update(
        person=consultant,
        educator_person=educator,
        ack=ack,
        auth=auth,
        child=child,
        parent=parent,
        consent=consent,
        question=question,
        version=version,
    )
    return world
