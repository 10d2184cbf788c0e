from __future__ import annotations

from django.core import mail
from django.urls import reverse

from balise.registers.models import FaqEntry, Question
from tests.web.registers.helpers import make_registers


def test_it_attaches_the_draft_only_when_the_person_says_so(client_for, world):
    client = client_for(world.educator)
    page = client.get(reverse("registers:question_new") + "?draft=Photo+du+groupe").content.decode()
    assert "Photo du groupe" in page
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
