"""« Qui est sur cette photo? »: the people ticked whose consent covers the post's channel count
as consented faces for article 5 ii); nothing of it is stored."""

from __future__ import annotations

import base64
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from balise.checks import services
from balise.engine.media import analyze_file
from balise.registers.models import Consent, RosterEntry
from tests.web.checks.conftest import HTMX

pytestmark = pytest.mark.django_db


def child(world, name: str, scope: str | None, org=None) -> RosterEntry:
    entry = RosterEntry(
        organization=org or world.org, kind="enfant", name=name, group="Les Lucioles"
    )
    entry.save()
    if scope:
        Consent(
            organization=entry.organization,
            subject=entry,
            scope=scope,
            given_by="Un parent",
            given_on=date(2026, 1, 5),
            valid_from=date(2026, 1, 5),
        ).save()
    return entry


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("groupe.jpg", content, content_type="image/jpeg")


def check(client, photo: SimpleUploadedFile, account: str, people=(), faces=()) -> str:
    key = services.media_key(photo)
    data = {
        "text": "",
        "media": photo,
        "account": account,
        f"qui-{key}": [str(p.pk) for p in people],
        f"garder-{key}": [str(n) for n in faces],
    }
    return client.post("/verifier/", data, **HTMX).content.decode()


def test_one_child_with_a_consent_for_the_official_page_counts_there_only(
    educator, world, two_faces_bytes
):
    lou = child(world, "Lou Bérubé", "page-officielle")
    child(world, "Zoé Ferland", None)
    official = check(educator, upload(two_faces_bytes), "officiel", [lou])
    assert "1 visage sans consentement" in official and "1 avec un consentement" in official
    assert 'data-rule="5.ii.image"' in official  # two faces, one consent: still one too many
    assert re.search(rf'value="{lou.pk}" checked>\s*Lou Bérubé', official)  # the tick stays
    personal = check(educator, upload(two_faces_bytes), "personnel", [lou])
    assert "2 visages sans consentement" in personal and "0 avec un consentement" in personal
    assert "ne couvre pas ce canal" in personal
    assert 'data-rule="5.ii.image"' in personal


def test_the_engine_gets_the_consented_faces_of_the_channel(world, two_faces_bytes):
    lou = child(world, "Lou Bérubé", "page-officielle")
    membership = world.educator.memberships.get()
    photo = upload(two_faces_bytes)
    who = {services.media_key(photo): services.Who(people=frozenset({lou.pk}))}

    def run(account: str):
        photo.seek(0)
        answers = {"account": account}
        return services.run_check(membership, "", answers, [photo], count=False, who=who)

    official, personal = run("officiel"), run("personnel")
    assert official.media[0].context["consented_faces"] == 1
    assert official.media[0].without_consent == 1
    assert personal.media[0].context["consented_faces"] == 0
    assert personal.media[0].without_consent == 2
    internal = run("interne")  # a consent for the official page covers internal use too
    assert internal.media[0].context["consented_faces"] == 1


def test_two_consents_that_cover_the_channel_lift_the_finding_and_keep_the_marked_faces(
    educator, world, two_faces_bytes, tmp_path
):
    lou, zoe = (
        child(world, "Lou Bérubé", "page-officielle"),
        child(world, "Zoé", "toute-utilisation"),
    )
    html = check(educator, upload(two_faces_bytes), "officiel", [lou, zoe], faces=[1, 2])
    assert 'data-rule="5.ii.image"' not in html and "0 visage sans consentement" in html
    assert "sauf ceux que vous avez marqués (1, 2)" in html
    assert len(analyze_file(anonymized(html, tmp_path)).faces) == 2  # the marked faces stay sharp
    unmarked = check(educator, upload(two_faces_bytes), "officiel", [lou, zoe])
    assert analyze_file(anonymized(unmarked, tmp_path)).faces == []  # none marked: all blurred


def test_marking_more_faces_than_consents_blurs_them_all(
    educator, world, two_faces_bytes, tmp_path
):
    lou = child(world, "Lou Bérubé", "page-officielle")
    html = check(educator, upload(two_faces_bytes), "officiel", [lou], faces=[1, 2])
    assert "tous les visages restent brouillés" in html
    assert analyze_file(anonymized(html, tmp_path)).faces == []


def test_the_list_shows_the_cpe_people_only_and_only_when_a_photo_has_faces(
    educator, client_for, world, two_faces_bytes, monkeypatch
):
    child(world, "Lou Bérubé", "page-officielle")
    child(world, "Enfant Ailleurs", "toute-utilisation", org=world.other_org)
    html = check(educator, upload(two_faces_bytes), "officiel")
    assert "Qui est sur cette photo? (groupe.jpg)" in html and "Chercher un nom" in html
    assert "Lou Bérubé" in html and "Enfant Ailleurs" not in html
    assert "2 visages sans consentement" in html

    def must_not_load(org, on=None):
        raise AssertionError("the roster is read only when a photo shows faces")

    monkeypatch.setattr("balise.registers.engine.photo_people", must_not_load)
    wall = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 200, 190)).save(wall, "JPEG")
    plain = SimpleUploadedFile("mur.jpg", wall.getvalue(), content_type="image/jpeg")
    html = educator.post("/verifier/", {"text": "", "media": plain}, **HTMX).content.decode()
    assert "Qui est sur cette photo?" not in html and "Lou Bérubé" not in html


def anonymized(html: str, folder: Path) -> Path:
    found = re.search(r'href="data:image/jpeg;base64,([^"]+)" download=', html)
    path = folder / "copie.jpg"
    path.write_bytes(base64.b64decode(found.group(1)))
    return path
