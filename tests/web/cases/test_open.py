"""Opening breach files: by hand, from a report (URL + captured text), from a web mention."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from balise.audit.models import AuditRecord
from balise.cases.models import BreachFile, Evidence, Origin, State
from tests.web.cases.helpers import CHILD_POST, make_file, make_mention, page_of, person_for

watch_only = pytest.mark.skipif(
    not apps.is_installed("balise.watch"), reason="l'app de veille n'est pas installée"
)


def report(world, **changes):
    data = {
        "title": "Signalement d'un parent",
        "person": person_for(world).pk,
        "origin": Origin.REPORT,
        "reporter": "Un parent du groupe des Coccinelles",
        "source_url": "https://social.example/@melissa/7",
        "captured_text": CHILD_POST,
        "incident_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "learned_on": timezone.localdate().isoformat(),
    }
    return {**data, **changes}


def test_it_opens_a_file_from_a_report_with_the_engine_prefilling_the_rules(client_for, world):
    response = client_for(world.director).post(reverse("cases:open"), report(world))
    file = BreachFile.objects.get()
    assert response["Location"] == reverse("cases:detail", args=[file.pk])
    assert file.origin == Origin.REPORT and file.state == State.OPENED
    assert "5.ii.renseignements" in file.rules and file.rules_confirmed_at is None
    evidence = Evidence.objects.get(file=file)
    assert evidence.content.read().decode() == CHILD_POST and len(evidence.sha256) == 64
    assert AuditRecord.objects.filter(action="dossier-ouvert", object_id=str(file.pk)).exists()


def test_it_refuses_an_incident_after_the_day_the_cpe_learned_of_it(client_for, world):
    later = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client_for(world.director).post(
        reverse("cases:open"),
        report(world, incident_on=later, learned_on=timezone.localdate().isoformat()),
    )
    assert response.status_code == 200
    assert "La date de l'incident ne peut pas suivre la date où le CPE l'a appris." in page_of(
        response
    )
    assert not BreachFile.objects.exists() and not Evidence.objects.exists()


def test_it_refuses_a_learning_date_in_the_future(client_for, world):
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client_for(world.director).post(
        reverse("cases:open"), report(world, incident_on="", learned_on=future)
    )
    assert "ne peut pas être dans le futur" in page_of(response)
    assert not BreachFile.objects.exists()


def test_it_offers_only_people_of_the_same_cpe(client_for, world):
    from balise.registers.models import Person

    stranger = Person.objects.create(
        organization=world.other_org,
        full_name="Diane Côté",
        email="d@l.example",
        category="temps-plein",
        service_start=timezone.localdate(),
    )
    response = client_for(world.director).post(
        reverse("cases:open"), report(world, person=stranger.pk)
    )
    assert response.status_code == 200 and not BreachFile.objects.exists()


def test_the_direction_confirms_the_rules_it_keeps(client_for, world):
    file = make_file(world)
    client_for(world.director).post(
        reverse("cases:confirm_rules", args=[file.pk]),
        {"rules": ["5.ii.renseignements", "5.ii.critique-milieu"], "severity": "bloquant"},
    )
    file.refresh_from_db()
    assert file.rules == ["5.ii.critique-milieu", "5.ii.renseignements"] and file.rules_confirmed_at


def test_confirming_no_rule_is_refused_with_a_message(client_for, world):
    file = make_file(world)
    response = client_for(world.director).post(
        reverse("cases:confirm_rules", args=[file.pk]), {"severity": "bloquant"}, follow=True
    )
    assert "Cochez au moins une règle du code." in page_of(response)
    file.refresh_from_db()
    assert file.rules_confirmed_at is None


@watch_only
def test_it_opens_a_file_from_a_web_mention_and_marks_the_mention(client_for, world):
    mention = make_mention(world)
    response = client_for(world.director).post(
        reverse("cases:open_from_mention", args=[mention.pk])
    )
    file = BreachFile.objects.get()
    assert response["Location"] == reverse("cases:detail", args=[file.pk])
    assert (file.origin, file.mention_id, file.source_url) == (
        Origin.MENTION,
        mention.pk,
        mention.url,
    )
    assert file.rules == ["5.ii.renseignements"] and file.captured_text == CHILD_POST
    mention.refresh_from_db()
    assert mention.status == "dossier"


@watch_only
def test_a_second_click_on_the_same_mention_opens_no_second_file(client_for, world):
    mention = make_mention(world)
    client = client_for(world.director)
    client.post(reverse("cases:open_from_mention", args=[mention.pk]))
    client.post(reverse("cases:open_from_mention", args=[mention.pk]))
    assert BreachFile.objects.count() == 1


def test_a_mention_that_does_not_exist_is_not_found(client_for, world):
    response = client_for(world.director).post(reverse("cases:open_from_mention", args=[999999]))
    assert response.status_code == 404 and not BreachFile.objects.exists()


def test_a_get_on_the_mention_route_is_refused(client_for, world):
    response = client_for(world.director).get(reverse("cases:open_from_mention", args=[1]))
    assert response.status_code == 405
