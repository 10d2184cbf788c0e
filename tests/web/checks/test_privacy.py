"""Private by design: after a check, nothing of its text, media or result is anywhere."""

from __future__ import annotations

import logging
import re
import tempfile
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from balise.checks.models import TOTAL, CheckCounter
from tests.web.checks.conftest import HTMX

# Unusual words that no table, log line or file holds unless the check leaked them.
MARKER = "Zéphyrine Quintal-Brodeur"
SECRET_POST = f"La petite {MARKER} de mon groupe a fait une crise au CPE, sa mère boit trop."


def database_dump() -> str:
    """Returns every value of every table of the test database, as one text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from introspection)
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def private_temp_dir(tmp_path, monkeypatch, settings):
    """Points every temporary file of the check (ours and Django's uploads) to a folder of this
    test alone, so the scan below sees all of them and nothing of other programs."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def temp_files() -> set[Path]:
    return set(Path(tempfile.gettempdir()).rglob("*"))


def touched_since(started: float) -> set[Path]:
    """Returns the temp folder's files created or modified since `started` (a time.time())."""
    found = set()
    for path in temp_files():
        try:
            if path.is_file() and path.stat().st_mtime >= started:
                found.add(path)
        except OSError:
            continue
    return found


def contains(paths, needle: bytes) -> list[Path]:
    found = []
    for path in paths:
        try:
            if path.is_file() and needle in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


def test_it_keeps_nothing_of_the_text_media_or_result(educator, world, caplog, two_faces_bytes):
    caplog.set_level(logging.DEBUG)
    before, started = temp_files(), time.time() - 1
    photo = SimpleUploadedFile("Zephyrine-fete.jpg", two_faces_bytes, content_type="image/jpeg")
    response = educator.post("/verifier/", {"text": SECRET_POST, "media": photo}, **HTMX)
    assert response.status_code == 200
    assert MARKER in re.sub(
        r"<[^>]+>", "", response.content.decode()
    )  # the person sees the result…

    dump = database_dump()
    assert MARKER not in dump and "Zephyrine" not in dump and "crise au CPE" not in dump
    logs = caplog.text + "".join(repr(r.__dict__) for r in caplog.records)
    assert MARKER not in logs and "Zephyrine" not in logs and "mère boit" not in logs
    new = temp_files() - before
    assert not [p for p in new if "balise-check-" in str(p)]
    assert not contains(new, two_faces_bytes[-4096:])
    assert not contains(touched_since(started), MARKER.encode())
    counts = dict(CheckCounter.objects.filter(organization=world.org).values_list("rule", "count"))
    assert counts[TOTAL] == 1 and counts["5.ii.image"] == 1  # …and only counters remain


def test_it_deletes_the_temporary_files_also_on_error(educator, caplog):
    caplog.set_level(logging.DEBUG)
    before, started = temp_files(), time.time() - 1
    fake = SimpleUploadedFile("Zephyrine.jpg", MARKER.encode() * 4000, content_type="image/jpeg")
    response = educator.post("/verifier/", {"text": SECRET_POST, "media": fake}, **HTMX)
    assert response.status_code == 422
    new = temp_files() - before
    assert not [p for p in new if "balise-check-" in str(p)]
    assert not contains(touched_since(started), MARKER.encode())
    assert MARKER not in caplog.text


def test_it_keeps_nothing_of_an_api_check_either(client_for, world, caplog):
    from balise.checks.models import ApiToken

    caplog.set_level(logging.DEBUG)
    _token, clear = ApiToken.issue(world.educator, "téléphone")
    response = client_for(world.educator).post(
        "/api/v1/check", {"text": SECRET_POST}, HTTP_AUTHORIZATION=f"Bearer {clear}"
    )
    assert response.status_code == 200
    assert MARKER not in database_dump()
    assert MARKER not in caplog.text
