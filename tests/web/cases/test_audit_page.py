"""The direction's audit page: their CPE's records, newest first, and the chain's verification."""

from __future__ import annotations

from django.urls import reverse

from balise.audit.models import AuditRecord
from balise.audit.services import record_change
from tests.web.cases.helpers import make_file, page_of


def test_it_lists_this_cpes_records_newest_first(client_for, world):
    make_file(world, title="Premier dossier")
    record_change(
        organization=world.other_org,
        actor=world.outsider,
        action="secret-des-lucioles",
        obj=world.other_org,
    )
    make_file(world, title="Second dossier")
    page = page_of(client_for(world.director).get(reverse("audit:log")))
    assert "secret-des-lucioles" not in page
    assert page.index("Second dossier") < page.index("Premier dossier")


def test_the_verify_button_reports_an_intact_chain(client_for, world):
    make_file(world)
    response = client_for(world.director).post(reverse("audit:verify"))
    assert f"Chaîne intacte : {AuditRecord.objects.count()} enregistrements vérifiés." in page_of(
        response
    )


def test_the_verify_button_names_the_record_altered_in_the_database(client_for, world):
    file = make_file(world)
    record = AuditRecord.objects.get(action="dossier-ouvert", object_id=str(file.pk))
    AuditRecord.objects.filter(pk=record.pk).update(after={"title": "Réécrit en douce"})
    response = client_for(world.director).post(reverse("audit:verify"))
    assert f"l'enregistrement n° {record.pk} a été modifié" in page_of(response)


def test_another_cpes_altered_record_is_not_described(client_for, world):
    record = record_change(
        organization=world.other_org, actor=world.outsider, action="x", obj=world.other_org
    )
    AuditRecord.objects.filter(pk=record.pk).update(action="y")
    page = page_of(client_for(world.director).post(reverse("audit:verify")))
    assert "un enregistrement d'un autre organisme" in page and f"n° {record.pk} a été" not in page


def test_every_step_of_a_file_is_in_the_chain(world):
    file = make_file(world)
    file.confirm_rules(["5.ii.renseignements"], "bloquant", by=world.director)
    file.record_version("Ma version", by=world.educator)
    measure = file.decide([{"kind": "retractation", "label": "Rétractation"}], by=world.director)[0]
    measure.mark_done(by=world.director)
    file.close(by=world.director)
    actions = list(
        AuditRecord.objects.filter(organization=world.org).values_list("action", flat=True)
    )
    for action in (
        "dossier-ouvert",
        "preuve-ajoutee",
        "dossier-regles-confirmees",
        "registre-entree-ouverte",
        "dossier-version-de-la-personne",
        "dossier-decision",
        "mesure-decidee",
        "mesure-faite",
        "dossier-ferme",
    ):
        assert action in actions, action
    closing = AuditRecord.objects.get(action="dossier-ferme")
    assert (closing.before["state"], closing.after["state"]) == ("decide", "ferme")
