"""The person concerned: sees what is alleged on their own page, writes their version, downloads it."""

from __future__ import annotations

import io

from django.urls import reverse
from pypdf import PdfReader

from balise.audit.models import AuditRecord
from balise.cases.models import State
from tests.web.cases.helpers import make_file, page_of


def confirmed_file(world):
    file = make_file(world, reporter="Un parent du groupe")
    file.confirm_rules(["5.ii.renseignements"], "bloquant", by=world.director)
    return file


def test_the_person_sees_the_allegation_on_their_own_page(client_for, world):
    file = confirmed_file(world)
    client = client_for(world.educator)
    assert reverse("cases:my_file", args=[file.pk]) in page_of(client.get(reverse("cases:mine")))
    page = page_of(client.get(reverse("cases:my_file", args=[file.pk])))
    assert "5.ii.renseignements" in page and "Ce qui est reproché" in page
    assert "Un parent du groupe" not in page  # who reported is not part of what the person sees
    assert "SHA-256" not in page and "Registre" not in page


def test_a_file_not_yet_confirmed_is_not_listed_for_the_person(client_for, world):
    make_file(world)
    assert "Aucun dossier ne vous concerne." in page_of(
        client_for(world.educator).get(reverse("cases:mine"))
    )


def test_every_version_the_person_writes_is_kept(client_for, world):
    file = confirmed_file(world)
    client = client_for(world.educator)
    client.post(
        reverse("cases:my_file", args=[file.pk]),
        {"text": "Je ne savais pas que la publication était publique."},
    )
    client.post(
        reverse("cases:my_file", args=[file.pk]),
        {"text": "J'ai retiré la publication le soir même."},
    )
    file.refresh_from_db()
    assert file.state == State.HEARD and file.heard_at
    assert [s.text for s in file.statements.all()] == [
        "Je ne savais pas que la publication était publique.",
        "J'ai retiré la publication le soir même.",
    ]
    assert (
        AuditRecord.objects.filter(
            action="dossier-version-de-la-personne", object_id=str(file.pk)
        ).count()
        == 2
    )
    detail = page_of(client_for(world.director).get(reverse("cases:detail", args=[file.pk])))
    assert "J'ai retiré la publication le soir même." in detail


def test_an_empty_version_is_refused_and_nothing_is_written(client_for, world):
    file = confirmed_file(world)
    response = client_for(world.educator).post(
        reverse("cases:my_file", args=[file.pk]), {"text": ""}
    )
    assert response.status_code == 200 and "Ce champ est obligatoire." in page_of(response)
    assert not file.statements.exists()


def test_a_colleague_cannot_read_or_answer_someone_elses_file(client_for, world):
    file = confirmed_file(world)
    client = client_for(world.consultant)
    assert client.get(reverse("cases:my_file", args=[file.pk])).status_code == 403
    assert client.post(reverse("cases:my_file", args=[file.pk]), {"text": "…"}).status_code == 403
    assert client.get(reverse("cases:my_file_pdf", args=[file.pk])).status_code == 403
    assert not file.statements.exists()


def test_the_direction_cannot_write_the_persons_version(client_for, world):
    file = confirmed_file(world)
    response = client_for(world.director).post(
        reverse("cases:my_file", args=[file.pk]), {"text": "Faux."}
    )
    assert response.status_code == 403 and not file.statements.exists()


def test_the_person_downloads_allegations_decision_and_measures_as_pdf(client_for, world):
    file = confirmed_file(world)
    file.decide(
        [{"kind": "retrait-contenu", "label": "Retrait ou modification du contenu publié"}],
        by=world.director,
        note="Publication à retirer dans les 24 heures.",
    )
    response = client_for(world.educator).get(reverse("cases:my_file_pdf", args=[file.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "5.ii.renseignements" in text and "Retrait ou modification du contenu publié" in text
    assert "Publication à retirer dans les 24 heures." in text
