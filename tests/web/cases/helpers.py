"""Builders for breach-file tests: Mélissa (the educator) is the person concerned."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

CHILD_POST = (
    "Journée difficile au CPE Premier Pas : la petite Léa Tremblay du groupe des Coccinelles a encore "
    "mordu un ami, elle est suivie en orthophonie depuis janvier."
)
CHILD_FINDING = {
    "rule": "5.ii.renseignements",
    "article": "5 ii)",
    "severity": "bloquant",
    "message": "Renseignements personnels d'autrui.",
    "evidence": [{"start": 47, "end": 59, "text": "Léa Tremblay"}],
    "suggestion": "",
}


def person_for(world, user=None, **extra):
    """Returns the registers' Person of a Balise user (the educator by default)."""
    from balise.registers.models import Person

    user = user or world.educator
    # A distinct e-mail keeps clear of the registers' own rows for the same people.
    person, _ = Person.objects.get_or_create(
        organization=world.org,
        email=f"dossier.{user.email}",
        defaults={
            "full_name": user.full_name,
            "category": "temps-plein",
            "job_title": "Éducatrice",
            "service_start": date(2020, 8, 24),
            "user": user,
            **extra,
        },
    )
    return person


def make_file(
    world, *, findings=None, text=CHILD_POST, url="https://social.example/@melissa/1", **kwargs
):
    """Opens a file as the director with given engine findings (the engine itself is not run)."""
    from balise.cases import services

    defaults = {
        "title": "Publication sur un enfant",
        "person": person_for(world),
        "source_url": url,
        "captured_text": text,
        "learned_on": timezone.localdate(),
        "findings": [CHILD_FINDING] if findings is None else findings,
    }
    return services.open_file(world.org, by=world.director, **{**defaults, **kwargs})


def make_decided_file(world):
    """Returns (file, letter measure, evidence, register entry) of a decided file of the first CPE."""
    file = make_file(world)
    entry = file.confirm_rules(["5.ii.renseignements"], "bloquant", by=world.director)
    file.record_version("Je ne pensais pas que son nom apparaîtrait.", by=world.educator)
    measures = file.decide(
        [{"kind": "avertissement-ecrit", "label": "Mesure disciplinaire : avertissement écrit"}],
        by=world.director,
    )
    return file, measures[0], file.evidence.first(), entry


def make_mention(
    world, *, text=CHILD_POST, url="https://social.example/@melissa/42", findings=None
):
    """Returns a watch.Mention of the first CPE (only when the web-watch app is installed)."""
    from django.apps import apps

    Source = apps.get_model("watch", "Source")
    Mention = apps.get_model("watch", "Mention")
    source = Source.objects.create(
        organization=world.org, kind="flux", name="Alertes", url="https://alertes.example/"
    )
    return Mention.objects.create(
        organization=world.org,
        source=source,
        url=url,
        canonical_url=url,
        title="Une publication",
        text=text,
        author_handle="@melissa",
        published_at=timezone.now() - timedelta(days=1),
        matched_term="Premier Pas",
        verdict="bloquant",
        findings=[CHILD_FINDING] if findings is None else findings,
        fingerprint=url[-40:],
    )


def page_of(response) -> str:
    """Returns the response's HTML with entities decoded, as a person reads it."""
    from html import unescape

    return unescape(response.content.decode())
