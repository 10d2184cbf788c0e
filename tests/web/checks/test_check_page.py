"""The « Vérifier avant de publier » page: the form, the htmx result, and every bad input."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balise.checks.models import TOTAL, CheckCounter
from tests.web.checks.conftest import CHILD_POST, HARMLESS_POST, HTMX

URL = "/verifier/"


def post(client, data=None, files=None, htmx=True):
    return client.post(URL, {**(data or {}), **(files or {})}, **(HTMX if htmx else {}))


def test_it_is_mounted_at_verifier():
    assert reverse("checks:check") == URL


def test_it_shows_the_form_with_the_context_prefilled(educator):
    page = educator.get(URL).content.decode()
    assert "Vérifier avant de publier" in page
    assert "n'est jamais enregistré ni montré à la direction" in page
    assert 'name="text"' in page and 'type="file" name="media"' in page
    assert "Votre rôle : Personnel" in page
    assert '<option value="personnel" selected>Mon appareil personnel</option>' in page
    assert "checks/htmx.min.js" in page


def test_it_finds_a_child_named_quotes_the_article_and_highlights_the_evidence(educator):
    response = post(educator, {"text": CHILD_POST})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # a fragment for htmx, no page reload
    assert "À ne pas publier tel quel" in html and 'class="verdict bloquant"' in html
    assert 'data-rule="5.ii.renseignements"' in html
    assert "Article 5 ii) : Utiliser son jugement en tout temps et respecter la vie privée" in html
    assert "Évitez en tout temps de diffuser des informations" in html  # the article quoted
    assert "<mark>Léa Gagnon</mark>" in html
    assert 'id="texte-caviarde"' in html and "[personne]" in html
    assert "Copier le texte caviardé" in html
    assert "Rappel de l'article 5 i)" in html and "auditoire" in html
    assert 'href="/code/#article-5-ii"' in html


def test_it_says_ok_for_a_harmless_post(educator):
    html = post(educator, {"text": HARMLESS_POST}).content.decode()
    assert "Rien à signaler" in html and 'class="verdict ok"' in html
    assert "Verdict : « ok »" in html
    assert "data-rule=" not in html


def test_it_renders_the_whole_page_without_javascript(educator):
    response = post(educator, {"text": CHILD_POST}, htmx=False)
    html = response.content.decode()
    assert "<html" in html and 'data-rule="5.ii.renseignements"' in html
    assert CHILD_POST.replace("'", "&#x27;") in html  # the text stays in its box


def test_it_refuses_an_empty_post_beside_the_text_box(educator):
    response = post(educator, {"text": "   "})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="erreur-texte"' in html
    assert "Votre publication est vide : écrivez ou collez son texte" in html


def test_it_refuses_50000_characters_and_keeps_the_text(educator):
    text = ("Une journée ordinaire au parc. " * 1700)[:50_000]
    response = post(educator, {"text": text}, htmx=False)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Votre texte compte 50 000 caractères; la limite est de 20 000" in html
    assert text in html  # nothing typed is lost


def test_it_refuses_a_30_mo_photo_beside_the_file_field(educator):
    big = SimpleUploadedFile(
        "vacances.jpg", b"\xff\xd8\xff" + b"0" * (30 * 1024 * 1024), content_type="image/jpeg"
    )
    response = post(educator, {"text": HARMLESS_POST}, {"media": big})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="erreur-media"' in html
    assert "La photo « vacances.jpg » pèse 30 Mo; la limite est de 20 Mo." in html


def test_it_refuses_a_video_over_the_limit(educator):
    video = SimpleUploadedFile("fete.mp4", b"\x00" * (101 * 1024 * 1024), content_type="video/mp4")
    html = post(educator, {"text": HARMLESS_POST}, {"media": video}).content.decode()
    assert "La vidéo « fete.mp4 » pèse 101 Mo; la limite est de 100 Mo." in html


def test_it_refuses_a_non_image_renamed_jpg(educator):
    fake = SimpleUploadedFile(
        "photo.jpg", b"%PDF-1.4 pas une photo " * 200, content_type="image/jpeg"
    )
    response = post(educator, {"text": HARMLESS_POST}, {"media": fake}, htmx=False)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Le fichier « photo.jpg » n&#x27;est pas une photo ou une vidéo lisible" in html
    assert HARMLESS_POST in html


def test_it_counts_a_double_submit_once(educator, world):
    data = {"text": CHILD_POST, "nonce": "3f1c0e"}
    first, second = post(educator, data), post(educator, data)
    assert first.status_code == second.status_code == 200
    assert 'data-rule="5.ii.renseignements"' in second.content.decode()
    total = CheckCounter.objects.get(organization=world.org, rule=TOTAL)
    assert total.count == 1


def test_it_counts_checks_per_day_and_rule_anonymously(educator, world):
    post(educator, {"text": CHILD_POST, "nonce": "a"})
    post(educator, {"text": HARMLESS_POST, "nonce": "b"})
    counts = dict(CheckCounter.objects.filter(organization=world.org).values_list("rule", "count"))
    assert counts == {TOTAL: 2, "5.ii.renseignements": 1}


def test_it_does_not_count_the_text_first_preview(educator, world):
    html = post(educator, {"text": CHILD_POST, "etape": "texte"}).content.decode()
    assert "l'analyse de vos photos ou de votre vidéo se poursuit" in html
    assert not CheckCounter.objects.filter(organization=world.org).exists()


def test_it_tells_an_expired_session_mid_check(client, world):
    response = client.post(URL, {"text": CHILD_POST}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 401
    assert "Votre session a expiré." in html
    assert "Votre texte et vos fichiers sont toujours dans le formulaire." in html
    assert 'target="_blank"' in html


def test_it_rate_limits_each_person(educator, client_for, world, settings):
    settings.CHECKS_PER_MINUTE = 2
    statuses = [post(educator, {"text": HARMLESS_POST}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert "Attendez une minute" in post(educator, {"text": HARMLESS_POST}).content.decode()
    other = client_for(world.consultant)
    assert other.post(URL, {"text": HARMLESS_POST}, **HTMX).status_code == 200


def test_it_links_a_question_to_the_direction_only_when_the_feature_exists(educator):
    html = post(educator, {"text": CHILD_POST}).content.decode()
    try:
        reverse("registers:question_new")
    except Exception:
        assert "Poser une question" not in html
    else:
        assert "Poser une question à la direction" in html
        assert "Joindre mon brouillon à la question" in html


def test_the_draft_goes_to_the_question_in_a_post_body_never_in_a_url(educator):
    """A URL lands in the access log and the browser's history: no link carries the draft."""
    html = post(educator, {"text": CHILD_POST}).content.decode()
    question = reverse("registers:question_new")
    urls = re.findall(r'(?:href|action|src|hx-\w+)="([^"]*)"', html)
    assert urls and not [u for u in urls if "draft" in u or "Gagnon" in u or "petite" in u]
    form = (
        html.split('class="question-form"')[0].rsplit("<form", 1)[1]
        + html.split('class="question-form"')[1].split("</form>")[0]
    )
    assert 'method="post"' in form and f'action="{question}"' in form
    assert 'name="prefill" value="1"' in form and 'type="checkbox" name="attach_draft"' in form
    assert 'type="hidden" name="draft"' in form and "Léa Gagnon" in form  # sent only if ticked


@pytest.mark.parametrize("role_person", ["director", "it", "consultant"])
def test_it_serves_every_member_of_the_cpe(client_for, world, role_person):
    client = client_for(getattr(world, role_person))
    assert client.post(URL, {"text": HARMLESS_POST}, **HTMX).status_code == 200
