"""Every bad input of the issue, in one cycle next to a good source: each is handled, recorded
with the source's name, logged, and shown on the health page; the good source still works."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from balise.watch.models import Mention, Source
from balise.watch.poller import run_cycle
from tests.web.watch import samples

GOOD_ITEM = {
    "title": "Portes ouvertes au CPE Premier Pas",
    "link": "https://nouvelles.example/portes",
    "description": "Samedi prochain.",
    "date": datetime(2026, 3, 1, tzinfo=UTC),
}


def endless_feed():
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>Gros</title>'
    chunk = b"<item><title>" + b"x" * 8000 + b"</title></item>"
    for _ in range(200 * 1024 * 1024 // len(chunk)):  # 200 MB if nobody stops reading
        yield chunk


@pytest.fixture
def bad_world(world, web, loopback, make_source):
    web.route("/bon.xml", samples.rss([GOOD_ITEM]))
    web.route(
        "/pas-xml",
        "<html><body><h1>Bienvenue</h1><p>Ceci n'est pas un flux",
        headers={"Content-Type": "text/html"},
    )
    web.route("/bombe.xml", samples.XML_BOMB, headers={"Content-Type": "application/rss+xml"})
    web.route("/enorme.xml", stream=endless_feed, headers={"Content-Type": "application/rss+xml"})
    web.route("/muet.xml", delay=6)
    web.route("/boucle-a", status=302, headers={"Location": "/boucle-b"})
    web.route("/boucle-b", status=302, headers={"Location": "/boucle-a"})
    web.route("/panne.xml", status=500, body="Internal Server Error")
    web.route(
        "/api/v1/timelines/tag/cpepremierpas",
        json.dumps({"data": {"statuses": []}, "version": "5.0"}),
    )
    names = {
        "bon": ("flux", "/bon.xml"),
        "pas-xml": ("flux", "/pas-xml"),
        "bombe": ("flux", "/bombe.xml"),
        "enorme": ("flux", "/enorme.xml"),
        "muet": ("flux", "/muet.xml"),
        "boucle": ("flux", "/boucle-a"),
        "panne": ("flux", "/panne.xml"),
    }
    sources = {
        n: make_source(kind, web.url(path), name=f"Source {n}") for n, (kind, path) in names.items()
    }
    sources["mastodon"] = make_source(
        "mastodon", web.base, name="Source mastodon", config={"hashtags": ["cpepremierpas"]}
    )
    return sources


EXPECTED = {
    "pas-xml": "pas un flux XML valide",
    "bombe": "bombe XML",
    "enorme": "trop volumineuse",
    "muet": "ne répond pas",
    "boucle": "Trop de redirections",
    "panne": "HTTP 500",
    "mastodon": "l'API a peut-être changé",
}


def test_it_records_each_bad_source_and_keeps_the_others_going(bad_world, caplog):
    with caplog.at_level(logging.WARNING, logger="balise.watch"):
        report = run_cycle()

    assert report.polled == 8 and report.failed == 7
    assert Mention.objects.get().url == GOOD_ITEM["link"]
    for name, fragment in EXPECTED.items():
        source = Source.objects.get(pk=bad_world[name].pk)
        assert source.failure_count == 1, name
        assert fragment in source.last_error, (name, source.last_error)
        assert source.last_success_at is None
        logged = [r for r in caplog.records if getattr(r, "source", None) == source.name]
        assert logged and fragment in logged[0].getMessage(), name


def test_it_shows_failures_on_the_health_page(bad_world, client_for, world):
    run_cycle()
    page = client_for(world.director).get(reverse("watch:sources")).content.decode()
    for name, fragment in EXPECTED.items():
        assert f"Source {name}" in page
        assert fragment.replace("'", "&#x27;") in page, name
    assert "En santé" in page


def test_it_backs_off_a_failing_source(bad_world):
    now = timezone.now()
    run_cycle(now=now)
    panne = Source.objects.get(pk=bad_world["panne"].pk)
    first_pause = panne.next_poll_at - now
    assert first_pause == timedelta(minutes=30)
    later = now + first_pause
    run_cycle(now=later, only=[panne.pk])
    panne.refresh_from_db()
    assert panne.failure_count == 2
    assert panne.next_poll_at - later == timedelta(minutes=60)


def test_it_handles_undated_and_future_items(world, web, loopback, make_source):
    web.route(
        "/dates.xml",
        samples.rss(
            [
                {
                    "title": "CPE Premier Pas sans date",
                    "link": "https://a.example/1",
                    "description": "Un texte.",
                },
                {
                    "title": "CPE Premier Pas en 2099",
                    "link": "https://a.example/2",
                    "description": "Autre texte.",
                    "date": datetime(2099, 1, 1, tzinfo=UTC),
                },
            ]
        ),
    )
    source = make_source("flux", web.url("/dates.xml"))
    run_cycle()
    assert Mention.objects.count() == 2
    assert not Mention.objects.filter(published_at__isnull=False).exists()
    source.refresh_from_db()
    assert "sans date" in source.last_warning and "futur" in source.last_warning
    assert source.failure_count == 0


def test_it_keeps_one_mention_for_links_that_differ_by_tracking_parameters(
    world, web, loopback, make_source
):
    link = "https://nouvelles.example/cpe-premier-pas"
    web.route(
        "/a.xml",
        samples.rss(
            [
                {
                    "title": "CPE Premier Pas : nouvelle",
                    "link": f"{link}?utm_source=facebook&amp;utm_medium=social",
                    "description": "Texte A.",
                },
                {
                    "title": "CPE Premier Pas : nouvelle",
                    "link": f"{link}?fbclid=IwAR123",
                    "description": "Texte B.",
                },
            ]
        ),
    )
    web.route(
        "/b.xml",
        samples.rss(
            [
                {
                    "title": "Reprise",
                    "link": f"{link}/?utm_campaign=x#commentaires",
                    "description": "CPE Premier Pas, autre texte.",
                },
            ]
        ),
    )
    make_source("flux", web.url("/a.xml"), name="A")
    make_source("flux", web.url("/b.xml"), name="B")
    run_cycle()
    assert Mention.objects.count() == 1
    assert Mention.objects.get().canonical_url == "https://nouvelles.example/cpe-premier-pas"
