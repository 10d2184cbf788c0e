"""Evidence: SHA-256 and capture time, size and type limits, stored per CPE, direction-only download."""

from __future__ import annotations

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balise.cases.models import Evidence
from balise.cases.services import MAX_EVIDENCE_BYTES
from tests.web.cases.helpers import make_file, page_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload(client, file, name, content, kind="capture"):
    return client.post(
        reverse("cases:add_evidence", args=[file.pk]),
        {"upload": SimpleUploadedFile(name, content), "kind": kind},
        follow=True,
    )


def test_it_keeps_a_screenshot_with_its_hash_and_capture_time(client_for, world, media_root):
    file = make_file(world)
    upload(client_for(world.director), file, "capture.png", PNG)
    evidence = Evidence.objects.get(file=file, kind="capture")
    assert evidence.sha256 == hashlib.sha256(PNG).hexdigest()
    assert (
        evidence.content_type == "image/png" and evidence.size == len(PNG) and evidence.captured_at
    )
    assert evidence.content.name.startswith(f"evidence/{world.org.slug}/{file.pk}/")
    assert (media_root / evidence.content.name).read_bytes() == PNG


def test_it_refuses_a_file_over_the_limit(client_for, world, media_root):
    file = make_file(world, text="")
    response = upload(
        client_for(world.director), file, "enorme.png", PNG + b"\x00" * MAX_EVIDENCE_BYTES
    )
    assert "dépasse la limite de 10 Mo" in page_of(response)
    assert not Evidence.objects.filter(file=file).exists()
    assert not (media_root / "evidence").exists()


def test_it_refuses_a_forbidden_type_whatever_its_name(client_for, world):
    file = make_file(world, text="")
    response = upload(
        client_for(world.director), file, "photo.png", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
    )
    assert "n'est pas d'un type accepté" in page_of(response)
    response = upload(
        client_for(world.director), file, "page.txt", b"<html><script>alert(1)</script></html>"
    )
    assert "n'est pas d'un type accepté" in page_of(response)
    assert not Evidence.objects.filter(file=file).exists()


def test_only_the_direction_downloads_evidence(client_for, world):
    file = make_file(world)
    evidence = file.evidence.get()
    response = client_for(world.deputy).get(reverse("cases:evidence_download", args=[evidence.pk]))
    assert b"".join(response.streaming_content).decode() == file.captured_text
    assert (
        client_for(world.educator)
        .get(reverse("cases:evidence_download", args=[evidence.pk]))
        .status_code
        == 403
    )
