"""The person's own file, for the home-page tile and the « Mon dossier » page."""

from __future__ import annotations

from django import template
from django.utils import timezone

register = template.Library()


def my_file(request) -> dict:
    """Returns the person's acknowledgement status, authorizations, questions and notices."""
    from balise.policy.services import current_version
    from balise.registers.models import Acknowledgement, Authorization, Person, Question

    org, user = request.organization, request.user
    person = Person.for_user(org, user)
    version = current_version(org)
    ack = (
        Acknowledgement.objects.filter(person=person, version=version).first()
        if person and version
        else None
    )
    auths = list(Authorization.objects.filter(organization=org, person=person)) if person else []
    questions = list(Question.objects.filter(organization=org, asked_by=user)[:10])
    today = timezone.localdate()
    return {
        "person": person,
        "version": version,
        "ack": ack,
        "needs_ack": bool(person and version and ack is None and person.is_covered_on(today)),
        "my_authorizations": auths,
        "my_questions": questions,
        "new_decisions": [a for a in auths if a.decided_at and not a.seen_by_person_at],
        "new_answers": [q for q in questions if q.status == "repondue" and not q.seen_by_asker_at],
    }


@register.simple_tag(takes_context=True)
def registers_my_file(context) -> dict:
    return my_file(context["request"])
