"""Follow-up of measures: content removal re-fetched over HTTP, withdrawals until a date, letters."""

from __future__ import annotations

import io
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from balise.cases.models import State
from balise.cases.services import network_withdrawals
from tests.web.cases.helpers import CHILD_POST, make_file, page_of, person_for

REMOVAL = {"kind": "retrait-contenu", "label": "Retrait ou modification du contenu publié"}


@pytest.fixture
def social():
    """A local web server standing for the social network: paths map to (status, body)."""
    pages: dict[str, tuple[int, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, body = pages.get(self.path, (404, "Page introuvable"))
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()


def decided(world, measures, url="https://social.example/x"):
    file = make_file(world, url=url)
    file.record_version("Ma version.", by=world.educator)
    file.decide(measures, by=world.director)
    return file


def test_it_sees_the_content_still_online_then_removed(client_for, world, social):
    base, pages = social
    pages["/@melissa/1"] = (200, f"<html><body><p>{CHILD_POST}</p></body></html>")
    file = decided(world, [REMOVAL], url=f"{base}/@melissa/1")
    measure = file.measures.get()
    client = client_for(world.director)
    response = client.post(reverse("cases:measure_check", args=[measure.pk]), follow=True)
    assert "Le contenu est toujours en ligne." in page_of(response)
    measure.refresh_from_db()
    assert not measure.is_done and measure.last_check_at

    del pages["/@melissa/1"]
    response = client.post(reverse("cases:measure_check", args=[measure.pk]), follow=True)
    assert "Contenu retiré : la page répond 404." in page_of(response)
    measure.refresh_from_db()
    file.refresh_from_db()
    assert measure.is_done and file.state == State.CONTENT_REMOVED


def test_an_edited_post_without_the_text_counts_as_removed(world, social):
    from balise.cases.services import check_removal

    base, pages = social
    pages["/p"] = (200, "<p>Belle journée au parc!</p>")
    measure = decided(world, [REMOVAL], url=f"{base}/p").measures.get()
    assert check_removal(measure, by=world.director) == (
        True,
        "Le texte capté n'apparaît plus sur la page.",
    )


def test_an_unreachable_site_leaves_the_measure_to_do(world, social):
    from balise.cases.services import check_removal

    base, _pages = social
    measure = decided(world, [REMOVAL], url="http://127.0.0.1:9/parti").measures.get()
    removed, result = check_removal(measure, by=world.director, timeout=2)
    measure.refresh_from_db()
    assert not removed and result.startswith("Vérification impossible") and not measure.is_done


def test_network_withdrawals_hold_from_the_decision_to_the_end_date(world):
    until = timezone.localdate() + timedelta(days=14)
    file = decided(
        world,
        [{"kind": "retrait-acces-reseau", "label": "Retrait de l'accès au réseau", "until": until}],
    )
    person = person_for(world)
    now = timezone.now()
    assert network_withdrawals(world.org, now) == [(person, until)]
    assert network_withdrawals(world.org, now + timedelta(days=30)) == []
    assert network_withdrawals(world.org, file.decided_at - timedelta(minutes=1)) == []
    assert network_withdrawals(world.other_org, now) == []


def test_a_withdrawal_of_personal_equipment_privileges_is_not_a_network_withdrawal(world):
    decided(
        world,
        [
            {
                "kind": "retrait-privileges-equipement-personnel",
                "label": "Retrait",
                "until": timezone.localdate() + timedelta(days=3),
            }
        ],
    )
    assert network_withdrawals(world.org, timezone.now()) == []


def test_the_disciplinary_letter_is_generated_as_pdf_from_its_template(client_for, world):
    file = decided(
        world,
        [{"kind": "avertissement-ecrit", "label": "Mesure disciplinaire : avertissement écrit"}],
    )
    measure = file.measures.get()
    response = client_for(world.director).get(reverse("cases:measure_letter", args=[measure.pk]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Mélissa Lapointe" in text and "avertissement écrit" in text
    assert f"dossier n° {file.pk}" in text and "Josée Lamontagne" in text


def test_a_removal_measure_has_no_letter(client_for, world):
    measure = decided(world, [REMOVAL]).measures.get()
    assert (
        client_for(world.director)
        .get(reverse("cases:measure_letter", args=[measure.pk]))
        .status_code
        == 404
    )


def test_a_file_closes_only_once_every_measure_is_done(client_for, world):
    file = decided(world, [{"kind": "retractation", "label": "Rétractation par son auteur"}])
    client = client_for(world.director)
    response = client.post(reverse("cases:close", args=[file.pk]), follow=True)
    assert "Des mesures restent à effectuer" in page_of(response)
    client.post(
        reverse("cases:measure_done", args=[file.measures.get().pk]),
        {"note": "Rétractation publiée le 12 mars"},
    )
    client.post(reverse("cases:close", args=[file.pk]))
    file.refresh_from_db()
    assert (
        file.state == State.CLOSED and "Rétractation publiée le 12 mars" in file.measures.get().note
    )
    response = client.post(reverse("cases:my_file", args=[file.pk]), {"text": "…"})
    assert not file.statements.filter(text="…").exists()
