"""Fixtures of the check tests: a signed-in educator, htmx headers, test photos."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.web.checks.photos import two_faces_jpeg

HTMX = {"HTTP_HX_REQUEST": "true"}
CHILD_POST = "La petite Léa Gagnon de mon groupe a encore mordu un ami aujourd'hui au CPE, ses parents divorcent."
HARMLESS_POST = "Belle randonnée en famille ce matin au lac Saint-Louis!"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate-limit windows and double-submit nonces
    yield
    cache.clear()


@pytest.fixture
def educator(client_for, world):
    return client_for(world.educator)


@pytest.fixture(scope="session")
def two_faces_bytes() -> bytes:
    return two_faces_jpeg()


@pytest.fixture
def two_faces(two_faces_bytes):
    return SimpleUploadedFile("groupe.jpg", two_faces_bytes, content_type="image/jpeg")
