from __future__ import annotations

from datetime import date

from django.core import mail
from django.urls import reverse

from balise.accounts.models import Invitation, Membership
from balise.audit.models import AuditRecord
from balise.registers.models import Person
from balise.registers.services import sync_accounts
from tests.web.registers.helpers import person_for

NEW = {
    "full_name": "Kim Lachance",
    "email": "Kim@PremierPas.example",
    "category": "temps-partiel",
    "job_title": "cuisinière",
    "service_start": "2026-01-05",
    "service_end": "",
}


def test_it_adds_a_person_and_audits_it(client_for, world):
    response = client_for(world.director).post(reverse("registers:person_new"), NEW)
    assert response.status_code == 302
    person = Person.objects.get(organization=world.org, email="kim@premierpas.example")
    assert person.job_title == "cuisinière"
    record = AuditRecord.objects.get(action="registers.person.create")
    assert record.object_id == str(person.pk) and record.actor == world.director


def test_it_refuses_an_end_before_the_start(client_for, world):
    response = client_for(world.director).post(
        reverse("registers:person_new"), {**NEW, "service_end": "2025-12-31"}
    )
    assert "La fin du service précède son début." in response.content.decode()
    assert not Person.objects.filter(email="kim@premierpas.example").exists()


def test_it_refuses_a_duplicate_email(client_for, world):
    person_for(world, world.educator)
    response = client_for(world.director).post(
        reverse("registers:person_new"), {**NEW, "email": "MELISSA@premierpas.example"}
    )
    assert "Une autre personne du registre a déjà ce courriel." in response.content.decode()
    assert Person.objects.filter(organization=world.org).count() == 1


def test_it_sends_the_invitation_from_the_persons_line(client_for, world):
    client = client_for(world.director)
    client.post(reverse("registers:person_new"), NEW)
    person = Person.objects.get(email="kim@premierpas.example")
    page = client.get(reverse("registers:people")).content.decode()
    assert reverse("registers:person_invite", args=[person.pk]) in page
    client.post(reverse("registers:person_invite", args=[person.pk]))
    invitation = Invitation.objects.get(email="kim@premierpas.example")
    assert (invitation.organization, invitation.role, invitation.full_name) == (
        world.org,
        "employe",
        "Kim Lachance",
    )
    assert "/compte/invitation/" in mail.outbox[-1].body
    assert "Invitation envoyée" in client.get(reverse("registers:people")).content.decode()


def test_it_does_not_invite_someone_who_has_an_account(client_for, world):
    person = person_for(world, world.educator)
    client_for(world.director).post(reverse("registers:person_invite", args=[person.pk]))
    assert not Invitation.objects.exists()


def test_it_exports_the_register_as_csv_for_excel(client_for, world):
    person_for(world, world.educator)
    response = client_for(world.director).get(reverse("registers:people_export"))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffnom;courriel;categorie;fonction;debut;fin")
    assert "Mélissa Lapointe;melissa@premierpas.example;temps-plein;éducatrice;2020-01-06;" in text


def test_it_deactivates_a_consultants_account_outside_the_service(world):
    person_for(
        world,
        world.consultant,
        category="consultant",
        start=date(2026, 1, 1),
        end=date(2026, 3, 31),
    )
    assert sync_accounts(world.org, date(2026, 4, 1)) == 1
    assert not Membership.objects.get(user=world.consultant).is_active
    assert sync_accounts(world.org, date(2026, 3, 1)) == 1
    assert Membership.objects.get(user=world.consultant).is_active
