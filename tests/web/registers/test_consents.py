from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from balise.audit.models import AuditRecord
from balise.registers.crypto import name_hash
from balise.registers.engine import consented_faces, find_by_name, org_profile, photo_people
from balise.registers.models import Consent, ConsentRequest, Person, RosterEntry
from tests.web.registers.helpers import make_registers


def test_it_encrypts_names_at_rest_and_matches_them_by_keyed_hash(world):
    make_registers(world)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, name_hash FROM registers_rosterentry")
        stored = cursor.fetchall()
        cursor.execute("SELECT given_by FROM registers_consent")
        given_by = cursor.fetchone()[0]
    assert all("Tremblay" not in name and "Tremblay" not in h for name, h in stored)
    assert "Tremblay" not in given_by
    assert [e.pk for e in find_by_name(world.org, "LEA   tremblay")] == [world.extra["child"].pk]
    assert name_hash("Léa Tremblay") != name_hash("Léo Tremblay")
    assert "Tremblay" not in str(
        list(AuditRecord.objects.values_list("before", "after", "object_repr"))
    )
    assert sqlite3  # the test database is SQLite or PostgreSQL; both store only tokens


def test_it_builds_the_engines_profile_with_the_roster(world):
    make_registers(world)
    profile = org_profile(world.org)
    assert profile.children == ("Léa Tremblay",) and profile.parents == ("Julie Tremblay",)
    assert ("Mélissa Lapointe", "éducatrice") in profile.staff
    assert profile.director_general == "Josée Lamontagne"


def test_it_counts_a_consent_that_does_not_cover_the_channel_as_none(world):
    make_registers(world)
    child = world.extra["child"]
    assert photo_people(world.org) == [
        {"id": child.pk, "label": "Léa Tremblay", "kind": "enfant", "channels": ["page-officielle"]}
    ]
    assert consented_faces(world.org, [child.pk], "officiel") == 1
    assert consented_faces(world.org, [child.pk], "personnel") == 0


def test_it_records_a_consent_with_its_signed_copy_and_withdraws_it(client_for, world):
    make_registers(world)
    child = world.extra["child"]
    client = client_for(world.director)
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("registers:roster_entry", args=[child.pk]),
        {
            "scope": "toute-utilisation",
            "given_by": "Julie Tremblay",
            "given_on": today,
            "valid_from": today,
            "valid_until": "",
            "copy": SimpleUploadedFile("signe.jpg", b"\xff\xd8\xff jpeg bytes", "image/jpeg"),
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(scope="toute-utilisation")
    assert b"jpeg bytes" not in bytes(consent.signed_copy)
    assert (
        client.get(reverse("registers:consent_copy", args=[consent.pk])).content
        == b"\xff\xd8\xff jpeg bytes"
    )
    client.post(reverse("registers:consent_withdraw", args=[consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert "toute-utilisation" not in photo_people(world.org)[0]["channels"]
    assert AuditRecord.objects.filter(
        action="registers.consent.withdraw", object_id=str(consent.pk)
    ).exists()


def test_it_refuses_a_consent_ending_in_the_past(client_for, world):
    make_registers(world)
    child = world.extra["child"]
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client_for(world.director).post(
        reverse("registers:roster_entry", args=[child.pk]),
        {
            "scope": "interne",
            "given_by": "Julie Tremblay",
            "given_on": "2025-01-01",
            "valid_from": "2025-01-01",
            "valid_until": past,
            "copy": SimpleUploadedFile("signe.pdf", b"%PDF-1.4", "application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "La date de fin du consentement est déjà passée." in response.content.decode()
    assert Consent.objects.count() == 1  # only the one made by make_registers


def test_it_prints_the_consent_form(client_for, world):
    make_registers(world)
    response = client_for(world.director).get(
        reverse("registers:consent_form_pdf", args=[world.extra["child"].pk])
    )
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_a_parent_consents_through_the_emailed_link(client_for, client, world):
    make_registers(world)
    child, parent = world.extra["child"], world.extra["parent"]
    client_for(world.director).post(
        reverse("registers:consent_request", args=[child.pk]), {"guardian": parent.pk}
    )
    assert mail.outbox[-1].to == ["julie@parents.example"]
    link = re.search(r"http://\S+/registres/consentement/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else link
    client.logout()
    page = client.get(path)
    assert "Léa Tremblay" in page.content.decode()
    response = client.post(path, {"agreed": "oui", "scope": "toute-utilisation", "valid_until": ""})
    assert "Votre consentement est enregistré" in response.content.decode()
    consent = Consent.objects.get(method="lien")
    assert (consent.subject, consent.given_by, consent.scope) == (
        child,
        "Julie Tremblay",
        "toute-utilisation",
    )
    assert client.post(path, {"agreed": "non"}).status_code == 410
    assert ConsentRequest.objects.get().consent == consent


def test_the_parent_link_refuses_a_past_end_date(client, world):
    make_registers(world)
    req, token = ConsentRequest.issue(
        subject=world.extra["child"], guardian=world.extra["parent"], by=world.director
    )
    past = (timezone.localdate() - timedelta(days=2)).isoformat()
    response = client.post(
        reverse("registers:consent_link", args=[token]),
        {"agreed": "oui", "scope": "interne", "valid_until": past},
    )
    assert "La date de fin du consentement est déjà passée." in response.content.decode()
    assert Consent.objects.filter(method="lien").count() == 0
    assert client.get(reverse("registers:consent_link", args=["inconnu"])).status_code == 404


def test_it_adds_a_child_to_the_roster_from_the_page(client_for, world):
    client_for(world.director).post(
        reverse("registers:roster"),
        {"kind": "enfant", "name": "Noah Gagnon", "group": "Les Lucioles"},
    )
    entry = RosterEntry.objects.get()
    assert entry.name == "Noah Gagnon" and entry.name_hash == name_hash("noah gagnon")
    assert str(entry) == f"Enfant n° {entry.pk}"


def test_the_profile_is_kept_until_what_it_is_made_of_changes(world):
    make_registers(world)
    first = org_profile(world.org)
    assert org_profile(world.org) is first  # kept: one small query, no decryption
    added = RosterEntry(organization=world.org, kind="enfant", name="Noah Gagnon")
    added.save()
    second = org_profile(world.org)
    assert second is not first and "Noah Gagnon" in second.children
    added.delete()
    assert "Noah Gagnon" not in org_profile(world.org).children
    person = Person.objects.get(organization=world.org, user=world.educator)
    person.full_name = "Mélissa Lapointe-Roy"
    person.save()
    assert any(name == "Mélissa Lapointe-Roy" for name, _ in org_profile(world.org).staff)
    world.director.full_name = "Josée Lamontagne-Dubé"
    world.director.save()
    assert org_profile(world.org).director_general == "Josée Lamontagne-Dubé"
    membership = world.director.memberships.get(organization=world.org)
    membership.is_director_general = False
    membership.save()
    assert org_profile(world.org).director_general == ""
    # Another day: service dates (article 2) are read again.
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert org_profile(world.org, on=tomorrow) is not org_profile(world.org)
