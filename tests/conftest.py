"""Shared fixtures: named people of two CPEs, built in code (no JSON fixtures)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "client", "admin_client"}


def pytest_collection_modifyitems(items):
    """Marks every test that touches the database `db`, so .ci/run can rerun them on PostgreSQL."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & DB_FIXTURES or "world" in fixtures:
            item.add_marker(pytest.mark.db)


@pytest.fixture(autouse=True)
def _check_counts_written_at_once(settings):
    """Tests read the check counters right after a check (tests/web/checks/test_counters.py
    covers the counts kept in memory between writes)."""
    settings.CHECK_COUNTS_FLUSH_SECONDS = 0


@pytest.fixture
def world(db):
    from tests.factories import build_world

    return build_world()


@pytest.fixture
def client_for(client):
    """Returns a function that signs a person in and gives back the test client."""

    def sign_in(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return sign_in
