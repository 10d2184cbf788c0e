from __future__ import annotations

from urllib.parse import quote

from django.core import mail
from django.urls import reverse

from balise.registers.models import FaqEntry, Question
from tests.web.registers.helpers import make_registers


def test_it_attaches_the_draft_only_when_the_person_says_so(client_for, world):
    client = client_for(world.educator)
    client.post(
        reverse("registers:question_new"),
        {"subject": "Photo", "body": "Est-ce permis?", "draft": "Photo du groupe"},
    )
    assert Question.objects.get().draft == ""
    client.post(
        reverse("registers:question_new"),
        {
            "subject": "Photo 2",
            "body": "Et ceci?",
            "draft": "Photo du groupe",
            "attach_draft": "on",
        },
    )
    assert Question.objects.get(subject="Photo 2").draft == "Photo du groupe"
    assert mail.outbox and "josee@premierpas.example" in mail.outbox[0].to


DRAFT = "La petite Léa Gagnon de mon groupe a encore mordu un ami."


def test_a_draft_never_travels_in_the_url(client_for, world):
    """GET ?draft= (access log, history) is ignored; only the GET and POST methods are served."""
    client = client_for(world.educator)
    url = reverse("registers:question_new")
    page = client.get(url + "?draft=" + quote(DRAFT)).content.decode()
    assert "Gagnon" not in page
    assert 'action="' + url + '"' in page and "?" not in page.split('action="')[1].split('"')[0]
    assert client.put(url).status_code == 405 and client.delete(url).status_code == 405
    assert client.head(url).status_code == 405


def test_the_check_page_prefills_the_question_by_post_without_saving_or_errors(client_for, world):
    client = client_for(world.educator)
    url = reverse("registers:question_new")
    response = client.post(url, {"prefill": "1", "attach_draft": "on", "draft": DRAFT})
    page = response.content.decode()
    assert response.status_code == 200 and "Gagnon" in page
    assert 'name="attach_draft" id="id_attach_draft" checked' in page
    assert "Ce champ est obligatoire" not in page and 'class="error' not in page
    assert not Question.objects.exists()  # nothing saved until the person sends it
    assert not mail.outbox
    unticked = client.post(url, {"prefill": "1", "draft": DRAFT}).content.decode()
    assert "Gagnon" not in unticked  # not ticked on the check page: the draft is dropped
    client.post(
        url, {"subject": "Mon brouillon", "body": "Puis-je?", "draft": DRAFT, "attach_draft": "on"}
    )
    assert Question.objects.get().draft == DRAFT


def test_the_direction_answers_privately_and_makes_an_anonymous_faq_entry(client_for, world):
    client = client_for(world.educator)
    client.post(
        reverse("registers:question_new"),
        {"subject": "Groupe Facebook", "body": "Puis-je créer un groupe?"},
    )
    q = Question.objects.get()
    director = client_for(world.director)
    director.post(
        reverse("registers:question", args=[q.pk]),
        {"body": "Demandez une autorisation à la directrice générale."},
    )
    q.refresh_from_db()
    assert q.status == "repondue" and mail.outbox[-1].to == ["melissa@premierpas.example"]
    director.post(
        reverse("registers:question_faq", args=[q.pk]),
        {
            "question": "Puis-je créer un groupe?",
            "answer": "Demandez une autorisation à la directrice générale.",
        },
    )
    entry = FaqEntry.objects.get()
    assert entry.source == q
    faq = client_for(world.consultant).get(reverse("registers:faq")).content.decode()
    assert "Puis-je créer un groupe?" in faq and "Mélissa" not in faq


def test_an_employee_never_sees_anothers_question(client_for, world):
    make_registers(world)
    q = world.extra["question"]
    client = client_for(world.educator)
    assert client.get(reverse("registers:question", args=[q.pk])).status_code == 403
    assert "Photo de groupe?" not in client.get(reverse("registers:questions")).content.decode()
    assert (
        "Photo de groupe?"
        in client_for(world.consultant).get(reverse("registers:mine")).content.decode()
    )
