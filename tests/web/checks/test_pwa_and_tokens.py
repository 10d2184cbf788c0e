"""The installable app (manifest, icons, service worker, share target) and the API tokens page."""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.staticfiles import finders
from PIL import Image

from balise.accounts.models import hash_token
from balise.checks.models import ApiToken, CheckCounter
from tests.web.checks.conftest import CHILD_POST


def test_it_serves_a_manifest_with_icons_and_a_share_target(client):
    response = client.get("/verifier/manifest.webmanifest")
    manifest = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["start_url"] == "/verifier/" and manifest["display"] == "standalone"
    target = manifest["share_target"]
    assert target["action"] == "/verifier/partage/" and target["method"] == "POST"
    assert (
        target["enctype"] == "multipart/form-data"
        and target["params"]["files"][0]["name"] == "media"
    )
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert image.format == "PNG" and f"{image.width}x{image.height}" == icon["sizes"]


def test_it_serves_a_service_worker_that_caches_only_the_shell(client):
    response = client.get("/verifier/sw.js")
    script = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/verifier/"
    assert 'if (request.method !== "GET") return;' in script
    assert "FILES.includes(url.pathname)" in script
    cached = script.split("const FILES = [")[1].split("];")[0]
    assert "/verifier/" not in cached and "api" not in cached and ".css" in cached


def test_the_share_target_opens_the_check_page_filled_in(educator):
    response = educator.post("/verifier/partage/", {"title": "À publier", "text": CHILD_POST})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "À publier\nLa petite Léa Gagnon" in html.replace("&#x27;", "'")
    assert 'data-rule="5.ii.renseignements"' in html


def test_the_share_target_with_a_photo_checks_it(educator, two_faces):
    html = educator.post("/verifier/partage/", {"media": two_faces}).content.decode()
    assert 'data-rule="5.ii.image"' in html and 'download="groupe-anonymise.jpg"' in html


def test_the_share_target_needs_no_csrf_token_but_a_session(client, world):
    from django.test import Client

    anonymous = Client(enforce_csrf_checks=True)
    kept = anonymous.post("/verifier/partage/", {"text": "x"})  # kept in the browser, then sign in
    assert kept.status_code == 200 and "/compte/connexion/?next=/verifier/" in kept.content.decode()
    assert not CheckCounter.objects.exists()  # nothing checked without a session
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(world.educator, backend="django.contrib.auth.backends.ModelBackend")
    assert (
        signed_in.post("/verifier/partage/", {"text": "Mon jardin en fleurs."}).status_code == 200
    )


def test_it_creates_a_token_shown_once_and_stored_hashed(educator, world):
    html = educator.post("/verifier/jetons/", {"name": "Mon téléphone"}).content.decode()
    token = ApiToken.objects.get(user=world.educator)
    clear = html.split('id="nouveau-jeton" readonly value="')[1].split('"')[0]
    assert clear.startswith("bal_") and len(clear) > 40
    assert token.token_hash == hash_token(clear) and clear not in str(token.__dict__)
    assert clear not in educator.get("/verifier/jetons/").content.decode()


def test_it_revokes_a_token(educator, world):
    from django.test import Client

    token, clear = ApiToken.issue(world.educator, "Vieux téléphone")
    html = educator.post(f"/verifier/jetons/{token.pk}/revoquer/").content.decode()
    assert "Le jeton « Vieux téléphone » est révoqué." in html
    assert (
        Client()
        .post("/api/v1/check", {"text": "Bonjour"}, HTTP_AUTHORIZATION=f"Bearer {clear}")
        .status_code
        == 401
    )


def test_it_refuses_an_empty_token_name(educator):
    html = educator.post("/verifier/jetons/", {"name": ""}).content.decode()
    assert "Ce champ est obligatoire." in html


def test_nobody_revokes_the_token_of_another_person(client_for, world):
    token, _ = ApiToken.issue(world.educator, "À Mélissa")
    assert (
        client_for(world.consultant).post(f"/verifier/jetons/{token.pk}/revoquer/").status_code
        == 404
    )
    assert (
        client_for(world.outsider).post(f"/verifier/jetons/{token.pk}/revoquer/").status_code == 404
    )
    token.refresh_from_db()
    assert token.is_active


def test_the_direction_sees_only_anonymous_counters(client_for, world):
    client_for(world.educator).post("/verifier/", {"text": CHILD_POST}, HTTP_HX_REQUEST="true")
    html = client_for(world.director).get("/verifier/statistiques/").content.decode()
    assert "1 vérification" in html and "5.ii.renseignements" in html
    assert "Léa" not in html and "Mélissa" not in html


def test_the_icons_are_generated_by_pillow():
    from balise.checks.icons import draw_icon

    icon = draw_icon(192)
    shipped = Path(finders.find("checks/icon-192.png"))
    with Image.open(shipped) as image:
        assert list(image.convert("RGB").getdata()) == list(icon.getdata())
