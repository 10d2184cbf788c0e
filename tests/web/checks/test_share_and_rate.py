"""Sharing while signed out keeps the text in the browser only; the rate limit holds per server."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client

from balise.checks.models import RateWindow
from tests.web.checks.conftest import CHILD_POST, HARMLESS_POST, HTMX
from tests.web.checks.test_privacy import database_dump

SHARE = "/verifier/partage/"


def test_a_signed_out_share_keeps_the_text_in_the_browser_then_asks_to_sign_in(world, two_faces):
    response = Client(enforce_csrf_checks=True).post(
        SHARE, {"title": "À publier", "text": CHILD_POST, "media": two_faces}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    kept = json.loads(html.split('<script id="partage" type="application/json">')[1].split("<")[0])
    assert kept == {"text": "À publier\n" + CHILD_POST, "files": 1}
    assert 'src="/static/checks/share-keep.js"' in html
    assert 'href="/compte/connexion/?next=/verifier/"' in html
    assert "jamais sur le serveur" in html
    assert "Léa Gagnon" not in database_dump()  # nothing of it kept on the server


def test_the_check_page_script_restores_and_forgets_the_shared_text(client):
    script = client.get("/static/checks/check.js")
    body = b"".join(script.streaming_content if script.streaming else [script.content]).decode()
    assert "sessionStorage.getItem(SHARED)" in body and "sessionStorage.removeItem(SHARED)" in body
    keep = client.get("/static/checks/share-keep.js")
    body = b"".join(keep.streaming_content if keep.streaming else [keep.content]).decode()
    assert 'sessionStorage.setItem("balise:partage"' in body and "location.replace" in body


@pytest.mark.parametrize("who", ["director", "educator", "it"])
def test_a_signed_in_member_gets_the_checked_share_at_once(client_for, world, who):
    response = client_for(getattr(world, who)).post(SHARE, {"text": CHILD_POST})
    assert response.status_code == 200
    assert 'data-rule="5.ii.renseignements"' in response.content.decode()


def test_a_share_is_a_post_only(client_for, world):
    assert client_for(world.educator).get(SHARE).status_code == 405


def test_the_rate_limit_is_kept_in_the_database_for_every_worker(
    educator, client_for, world, settings
):
    """Another gunicorn worker has its own memory: the count must not live there."""
    settings.CHECKS_PER_MINUTE = 2
    statuses = []
    for _ in range(3):
        cache.clear()  # as if each check were answered by a different worker
        statuses.append(educator.post("/verifier/", {"text": HARMLESS_POST}, **HTMX).status_code)
    assert statuses == [200, 200, 429]
    assert RateWindow.objects.get(user=world.educator).count == 3
    other = client_for(world.consultant)
    assert other.post("/verifier/", {"text": HARMLESS_POST}, **HTMX).status_code == 200


def test_a_new_minute_starts_afresh_and_forgets_the_old_ones(world):
    RateWindow.objects.create(user=world.educator, minute=1000, count=99)
    assert RateWindow.hit(world.educator, 1005) == 1
    assert RateWindow.hit(world.educator, 1005) == 2
    assert list(RateWindow.objects.filter(user=world.educator).values_list("minute", "count")) == [
        (1005, 2)
    ]
