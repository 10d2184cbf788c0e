"""The register of confidentiality incidents (Loi 25)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from balise.audit.models import AuditRecord
from balise.cases.models import IncidentEntry, RetentionError
from tests.web.cases.helpers import make_file, page_of

COMPLETE = {
    "info_description": "Nom et suivi en orthophonie d'un enfant",
    "circumstances": "Publication Facebook publique",
    "incident_start": "2026-03-10",
    "incident_end": "2026-03-11",
    "learned_on": "2026-03-12",
    "persons_count": "3",
    "count_is_estimate": "on",
    "risk_sensitivity": "Santé d'un enfant : très sensible",
    "risk_consequences": "Atteinte à la réputation de l'enfant",
    "risk_likelihood": "Faible, publication retirée",
    "risk": "serieux",
    "commission_notified_on": "2026-03-13",
    "persons_notified_on": "2026-03-13",
    "mitigation": "Publication retirée le jour même",
}


def entry_for(world):
    file = make_file(world)
    return file.confirm_rules(["5.ii.renseignements"], "bloquant", by=world.director)


def test_a_personal_information_finding_opens_an_entry_prefilled_from_the_file(world):
    entry = entry_for(world)
    assert entry.opened_automatically and entry.file.learned_on == entry.learned_on
    assert "Léa Tremblay" in entry.info_description and "social.example" in entry.circumstances


def test_other_rules_open_no_entry_but_the_direction_may_choose_to(client_for, world):
    file = make_file(world, findings=[])
    assert file.confirm_rules(["5.vi.harcelement"], "bloquant", by=world.director) is None
    response = client_for(world.director).post(reverse("cases:to_register", args=[file.pk]))
    entry = IncidentEntry.objects.get(file=file)
    assert response["Location"] == reverse("cases:register_entry", args=[entry.pk])
    assert not entry.opened_automatically


def test_the_direction_completes_every_field_and_the_change_is_audited(client_for, world):
    entry = entry_for(world)
    client_for(world.director).post(reverse("cases:register_entry", args=[entry.pk]), COMPLETE)
    entry.refresh_from_db()
    assert (entry.persons_count, entry.count_is_estimate, entry.risk) == (3, True, "serieux")
    assert (
        entry.commission_notified_on == date(2026, 3, 13)
        and entry.mitigation == COMPLETE["mitigation"]
    )
    record = AuditRecord.objects.filter(action="registre-entree-modifiee").latest("id")
    assert record.before["risk"] == "a-evaluer" and record.after["risk"] == "serieux"


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"incident_end": "2026-03-01"},
            "La fin de la période ne peut pas précéder le début de l'incident.",
        ),
        (
            {"learned_on": "2026-03-01", "incident_end": ""},
            "Le CPE ne peut pas avoir appris l'incident avant qu'il ait eu lieu.",
        ),
        (
            {"commission_notified_on": "2026-03-11"},
            "Un avis ne peut pas précéder la date où le CPE a appris l'incident.",
        ),
    ],
)
def test_it_refuses_dates_out_of_order_and_keeps_the_entry(client_for, world, changes, message):
    entry = entry_for(world)
    response = client_for(world.director).post(
        reverse("cases:register_entry", args=[entry.pk]), {**COMPLETE, **changes}
    )
    assert message in page_of(response)
    stored = IncidentEntry.objects.get(pk=entry.pk)
    assert stored.risk == "a-evaluer" and stored.mitigation == ""


def test_an_entry_can_be_added_without_a_file(client_for, world):
    client_for(world.director).post(reverse("cases:register_new"), COMPLETE)
    entry = IncidentEntry.objects.get()
    assert entry.organization == world.org and entry.file is None


def export(client, start, end, fmt):
    return client.get(
        reverse("cases:register_export"), {"start": start, "end": end, "format": fmt}, follow=True
    )


def test_it_exports_the_period_as_pdf_and_csv(client_for, world):
    client = client_for(world.director)
    client.post(reverse("cases:register_new"), COMPLETE)
    client.post(
        reverse("cases:register_new"),
        {
            **COMPLETE,
            "learned_on": "2025-06-01",
            "incident_start": "",
            "incident_end": "",
            "commission_notified_on": "",
            "persons_notified_on": "",
            "circumstances": "Ancien incident",
        },
    )
    response = export(client, "2026-01-01", "2026-12-31", "pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Publication Facebook publique" in text and "Ancien incident" not in text
    assert "1 incident(s)" in text
    response = export(client, "2025-01-01", "2026-12-31", "csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][1] == "Renseignements personnels visés" and len(rows) == 3
    recent = next(r for r in rows if r[2] == "Publication Facebook publique")
    assert (
        recent[5] == "3 (estimation)"
        and recent[10] == "oui, le 2026-03-13"
        and recent[3] == "du 2026-03-10 au 2026-03-11"
    )


def test_an_empty_period_gets_a_clear_message_and_no_file(client_for, world):
    client = client_for(world.director)
    client.post(reverse("cases:register_new"), COMPLETE)
    response = export(client, "2024-01-01", "2024-12-31", "pdf")
    assert response["Content-Type"].startswith("text/html")
    assert (
        "Aucun incident n'est inscrit au registre entre le 2024-01-01 et le 2024-12-31"
        in page_of(response)
    )


def test_a_period_ending_before_it_starts_is_refused(client_for, world):
    response = export(client_for(world.director), "2026-12-31", "2026-01-01", "csv")
    assert "La fin de la période ne peut pas précéder son début." in page_of(response)


def test_an_export_shows_only_this_cpes_entries(client_for, world):
    IncidentEntry.objects.create(
        organization=world.other_org,
        learned_on=date(2026, 3, 1),
        circumstances="Incident des Lucioles",
    )
    client = client_for(world.director)
    client.post(reverse("cases:register_new"), COMPLETE)
    response = export(client, "2026-01-01", "2026-12-31", "csv")
    assert "Incident des Lucioles" not in response.content.decode("utf-8-sig")


def test_an_entry_is_kept_five_years(client_for, world):
    entry = entry_for(world)
    response = client_for(world.director).post(
        reverse("cases:register_delete", args=[entry.pk]), follow=True
    )
    assert "doit être conservée jusqu'au" in page_of(response)
    assert IncidentEntry.objects.filter(pk=entry.pk).exists()
    with pytest.raises(RetentionError):
        IncidentEntry.objects.filter(pk=entry.pk).delete()


def test_an_entry_older_than_five_years_may_be_deleted(client_for, world):
    old = IncidentEntry.objects.create(
        organization=world.org, learned_on=timezone.localdate() - timedelta(days=5 * 366)
    )
    client_for(world.director).post(reverse("cases:register_delete", args=[old.pk]))
    assert not IncidentEntry.objects.filter(pk=old.pk).exists()
    assert AuditRecord.objects.filter(
        action="registre-entree-supprimee", object_id=str(old.pk)
    ).exists()


def test_notices_are_drafted_from_the_entry(client_for, world):
    entry = entry_for(world)
    client = client_for(world.director)
    client.post(reverse("cases:register_entry", args=[entry.pk]), COMPLETE)
    commission = page_of(
        client.get(reverse("cases:register_notice", args=[entry.pk, "commission"]))
    )
    assert "Commission d'accès à l'information du Québec" in commission
    assert "Nom et suivi en orthophonie d'un enfant" in commission
    assert "3 (estimation)" in commission and "Josée Lamontagne" in commission
    parent = page_of(client.get(reverse("cases:register_notice", args=[entry.pk, "parent"])))
    assert "Publication retirée le jour même" in parent
    assert client.get(reverse("cases:register_notice", args=[entry.pk, "autre"])).status_code == 404
