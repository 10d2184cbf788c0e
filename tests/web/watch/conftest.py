"""Fixtures of the watch's tests: a local web server and the settings that let us reach it."""

from __future__ import annotations

import pytest

from tests.web.watch.server import Server


@pytest.fixture
def web():
    server = Server().start()
    yield server
    server.stop()


@pytest.fixture
def loopback(settings):
    """Lets the fetcher reach 127.0.0.1 (test-only), with short limits so bad servers fail fast."""
    settings.BALISE_WATCH_ALLOW_LOOPBACK = True
    settings.BALISE_WATCH_TIMEOUT = 1.5
    settings.BALISE_WATCH_TOTAL_TIMEOUT = 3
    settings.BALISE_WATCH_MAX_BYTES = 1024 * 1024
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


@pytest.fixture
def make_source(world):
    from balise.watch.models import Source

    def make(kind: str, url: str, *, org=None, **fields) -> Source:
        return Source.objects.create(
            organization=org or world.org,
            kind=kind,
            name=fields.pop("name", f"{kind} test"),
            url=url,
            **fields,
        )

    return make


@pytest.fixture(autouse=True)
def fresh_cache():
    """The chart is cached by newest mention id; ids are reused between rolled-back tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
