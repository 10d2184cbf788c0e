"""Anonymous check counters kept in a server process's memory between writes."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.db import DatabaseError
from django.urls import reverse

from balise.checks import models as counters
from balise.checks.models import TOTAL, CheckCounter


def stored(org) -> dict[str, int]:
    return dict(CheckCounter.objects.filter(organization=org).values_list("rule", "count"))


def test_counts_wait_in_memory_then_are_written_together(world, settings):
    settings.CHECK_COUNTS_FLUSH_SECONDS = 3600
    CheckCounter.flush()
    CheckCounter.bump(world.org, ["5.ii.renseignements"])
    CheckCounter.bump(world.org, ["5.ii.renseignements", "5.v.confidentiel"])
    CheckCounter.bump(world.other_org, [])
    assert stored(world.org) == {}  # nothing written yet
    assert CheckCounter.flush() == 6
    assert stored(world.org) == {TOTAL: 2, "5.ii.renseignements": 2, "5.v.confidentiel": 1}
    assert stored(world.other_org) == {TOTAL: 1}
    CheckCounter.bump(world.org, [])
    assert CheckCounter.flush() == 1
    assert stored(world.org)[TOTAL] == 3  # added to the row already there
    assert CheckCounter.flush() == 0


def test_counts_are_written_once_the_interval_has_passed(world, settings):
    settings.CHECK_COUNTS_FLUSH_SECONDS = 3600
    CheckCounter.flush()
    CheckCounter.bump(world.org, [])
    assert stored(world.org) == {}
    settings.CHECK_COUNTS_FLUSH_SECONDS = 0
    CheckCounter.bump(world.org, [])
    assert stored(world.org) == {TOTAL: 2}


def test_counts_the_database_refused_are_kept_for_the_next_write(world, settings):
    settings.CHECK_COUNTS_FLUSH_SECONDS = 3600
    CheckCounter.flush()
    CheckCounter.bump(world.org, ["5.vi.harcelement"], day=date(2026, 11, 2))
    with mock.patch.object(CheckCounter, "_add", side_effect=DatabaseError("verrou")):
        assert CheckCounter.flush() == 0
    assert stored(world.org) == {}
    assert CheckCounter.flush() == 2
    assert stored(world.org) == {TOTAL: 1, "5.vi.harcelement": 1}


def test_the_statistics_page_writes_this_process_counts_first(client_for, world, settings):
    settings.CHECK_COUNTS_FLUSH_SECONDS = 3600
    CheckCounter.flush()
    CheckCounter.bump(world.org, ["5.v.confidentiel"])
    html = client_for(world.director).get(reverse("checks:stats")).content.decode()
    assert stored(world.org) == {TOTAL: 1, "5.v.confidentiel": 1}
    assert "5.v.confidentiel" in html or "confidenti" in html


def test_counts_left_in_memory_are_written_when_the_process_stops(world, settings):
    settings.CHECK_COUNTS_FLUSH_SECONDS = 3600
    CheckCounter.flush()
    CheckCounter.bump(world.org, [])
    counters._flush_at_exit()
    assert stored(world.org) == {TOTAL: 1}
