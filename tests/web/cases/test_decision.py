"""The direction decides: article 6's measures listed, comparable past decisions shown, never chosen."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from balise.audit.models import AuditRecord
from balise.cases.models import Measure, State
from balise.policy.services import current_version
from tests.web.cases.helpers import make_file, page_of

WARNING = {"kind": "avertissement-ecrit", "label": "Mesure disciplinaire : avertissement écrit"}


def heard_file(world, rules=("5.ii.renseignements",), severity="bloquant"):
    file = make_file(world)
    file.confirm_rules(list(rules), severity, by=world.director)
    file.record_version("Ma version.", by=world.educator)
    return file


def test_it_lists_every_measure_of_article_6_and_preselects_none(client_for, world):
    file = heard_file(world)
    page = page_of(client_for(world.director).get(reverse("cases:decide", args=[file.pk])))
    for measure in current_version(world.org).measures:
        assert f'value="{measure["id"]}"' in page
    assert "checked" not in page


def test_it_shows_past_decisions_for_the_same_rule_and_severity_only(client_for, world):
    past = heard_file(world)
    past.decide([WARNING], by=world.director)
    other_severity = heard_file(world, severity="attention")
    other_severity.decide(
        [{"kind": "suspension", "label": "Mesure disciplinaire : suspension"}], by=world.director
    )
    other_rule = heard_file(world, rules=("5.vi.harcelement",))
    other_rule.decide(
        [{"kind": "congediement", "label": "Mesure disciplinaire : congédiement sans préavis"}],
        by=world.director,
    )
    current = heard_file(world)
    page = page_of(client_for(world.director).get(reverse("cases:decide", args=[current.pk])))
    assert f"Dossier n° {past.pk}, décidé le" in page and "avertissement écrit" in page
    assert (
        f"Dossier n° {other_severity.pk}," not in page
        and f"Dossier n° {other_rule.pk}," not in page
    )


def test_the_direction_decides_the_measures_it_chose(client_for, world):
    file = heard_file(world)
    client_for(world.director).post(
        reverse("cases:decide", args=[file.pk]),
        {"measures": ["retrait-contenu", "avertissement-ecrit"], "note": "Motifs."},
    )
    file.refresh_from_db()
    assert (
        file.state == State.DECIDED
        and file.decided_by == world.director
        and not file.decision_warning
    )
    assert sorted(file.measures.values_list("kind", flat=True)) == [
        "avertissement-ecrit",
        "retrait-contenu",
    ]
    assert AuditRecord.objects.filter(action="mesure-decidee").count() == 2


def test_deciding_without_the_person_heard_is_allowed_and_the_warning_recorded(client_for, world):
    file = make_file(world)
    client = client_for(world.director)
    assert "pas encore donné sa version" in page_of(
        client.get(reverse("cases:decide", args=[file.pk]))
    )
    response = client.post(
        reverse("cases:decide", args=[file.pk]), {"measures": ["avertissement-ecrit"]}, follow=True
    )
    assert "Décision prise sans que la personne concernée ait été entendue." in page_of(response)
    file.refresh_from_db()
    assert file.state == State.DECIDED and file.decision_warning
    record = AuditRecord.objects.get(
        action="avertissement-decision-sans-version", object_id=str(file.pk)
    )
    assert record.after == {
        "avertissement": "Décision prise sans que la personne concernée ait été entendue."
    }


def test_a_withdrawal_needs_an_end_date(client_for, world):
    file = heard_file(world)
    response = client_for(world.director).post(
        reverse("cases:decide", args=[file.pk]), {"measures": ["retrait-acces-reseau"]}
    )
    assert "Indiquez jusqu'à quelle date les privilèges sont retirés." in page_of(response)
    file.refresh_from_db()
    assert file.state == State.HEARD and not Measure.objects.exists()


def test_a_withdrawal_ending_before_the_decision_is_refused(client_for, world):
    file = heard_file(world)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client_for(world.director).post(
        reverse("cases:decide", args=[file.pk]),
        {"measures": ["retrait-acces-reseau"], "until": yesterday},
    )
    assert "La fin du retrait ne peut pas précéder la date de la décision." in page_of(response)
    assert not Measure.objects.exists()


def test_a_decision_with_no_measure_is_refused(client_for, world):
    file = heard_file(world)
    response = client_for(world.director).post(
        reverse("cases:decide", args=[file.pk]), {"note": "?"}
    )
    assert "Choisissez au moins une mesure de l'article 6." in page_of(response)
    file.refresh_from_db()
    assert file.decided_at is None


def test_a_file_is_decided_only_once(client_for, world):
    file = heard_file(world)
    client = client_for(world.director)
    client.post(reverse("cases:decide", args=[file.pk]), {"measures": ["avertissement-ecrit"]})
    response = client.post(
        reverse("cases:decide", args=[file.pk]), {"measures": ["congediement"]}, follow=True
    )
    assert "Ce dossier a déjà une décision." in page_of(response)
    assert list(file.measures.values_list("kind", flat=True)) == ["avertissement-ecrit"]
