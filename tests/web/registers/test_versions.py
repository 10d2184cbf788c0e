from __future__ import annotations

from django.core import mail
from django.urls import reverse

from balise.audit.models import AuditRecord
from balise.policy.models import CodeVersion
from balise.policy.services import current_version
from balise.registers.models import Acknowledgement, ReminderLog
from balise.registers.services import weekly_reminders
from balise.registers.tasks import weekly_acknowledgement_reminders
from tests.web.registers.helpers import person_for


def publish(client, version, **changes):
    from balise.registers.forms import VersionForm

    form = VersionForm(version=version)
    data = {name: field.initial for name, field in form.fields.items()}
    data.update({"summary": "Précision sur les groupes Facebook", **changes})
    return client.post(reverse("registers:version_new"), data)


def test_it_publishes_a_new_version_and_keeps_the_old_one_whole(client_for, world):
    v1 = current_version(world.org)
    old_articles = v1.articles
    response = publish(
        client_for(world.director),
        v1,
        article_4="Adressez-vous à la direction.\n\nOu à votre adjointe.",
    )
    assert response.status_code == 302
    v2 = current_version(world.org)
    assert (v2.number, v2.summary) == (2, "Précision sur les groupes Facebook")
    assert next(a for a in v2.articles if a["number"] == "4")["paragraphs"] == [
        "Adressez-vous à la direction.",
        "Ou à votre adjointe.",
    ]
    assert v2.text_hash != v1.text_hash
    assert CodeVersion.objects.get(pk=v1.pk).articles == old_articles
    assert AuditRecord.objects.filter(action="policy.version.publish").count() == 1


def test_it_requires_a_summary(client_for, world):
    response = publish(client_for(world.director), current_version(world.org), summary=" ")
    assert "Résumez ce qui change dans cette version." in response.content.decode()
    assert current_version(world.org).number == 1


def test_it_records_an_acknowledgement_with_where_and_when(client_for, world):
    person = person_for(world, world.educator)
    client = client_for(world.educator)
    response = client.post(
        reverse("registers:acknowledge"),
        {"read": "on"},
        HTTP_USER_AGENT="Firefox/140",
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302
    ack = Acknowledgement.objects.get(person=person)
    version = current_version(world.org)
    assert (ack.version, ack.text_hash, ack.ip_address, ack.user_agent) == (
        version,
        version.text_hash,
        "10.1.2.3",
        "Firefox/140",
    )
    assert AuditRecord.objects.filter(
        action="registers.acknowledgement.create", object_id=str(ack.pk)
    ).exists()
    pdf = client.get(reverse("registers:attestation", args=[ack.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_it_asks_to_tick_the_box(client_for, world):
    person_for(world, world.educator)
    response = client_for(world.educator).post(reverse("registers:acknowledge"), {})
    assert "Cochez la case pour confirmer votre lecture." in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_it_asks_everyone_again_after_a_new_version_and_refuses_the_old_attestation(
    client_for, world
):
    person = person_for(world, world.educator)
    client = client_for(world.educator)
    client.post(reverse("registers:acknowledge"), {"read": "on"})
    old = Acknowledgement.objects.get(person=person)
    publish(client_for(world.director), current_version(world.org))
    client = client_for(world.educator)
    page = client.get(reverse("core:home")).content.decode()
    assert "La version 2 du code attend votre signature." in page
    refused = client.get(reverse("registers:attestation", args=[old.pk]))
    assert refused.status_code == 410
    assert "La version 1 du code n'est plus en vigueur" in refused.content.decode()


def test_it_shows_who_has_not_acknowledged_and_reminds_them(client_for, world):
    person_for(world, world.educator)
    consultant = person_for(world, world.consultant, category="consultant")
    Acknowledgement.objects.create(
        organization=world.org,
        person=consultant,
        version=current_version(world.org),
        text_hash="x",
        acknowledged_at="2026-11-01T10:00Z",
    )
    client = client_for(world.director)
    page = client.get(reverse("registers:versions")).content.decode()
    assert "1 personne n'a pas signé" in page and "Mélissa Lapointe" in page
    client.post(reverse("registers:remind"))
    assert [m.to for m in mail.outbox] == [["melissa@premierpas.example"]]
    assert "/registres/code/signer/" in mail.outbox[0].body


def test_it_reminds_every_week_only_people_in_service(world):
    person_for(world, world.educator)
    person_for(world, world.consultant, category="consultant", start="2020-01-01", end="2021-01-01")
    weekly_acknowledgement_reminders.enqueue()
    assert [m.to for m in mail.outbox] == [["melissa@premierpas.example"]]
    assert ReminderLog.objects.get().automatic
    assert weekly_reminders() == 1


def test_it_hides_another_employees_attestation(client_for, world):
    from tests.web.registers.helpers import make_registers

    make_registers(world)
    response = client_for(world.educator).get(
        reverse("registers:attestation", args=[world.extra["ack"].pk])
    )
    assert response.status_code == 403
