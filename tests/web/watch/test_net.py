"""The fetcher's guards: internal addresses (also after redirects and DNS rebinding), size and
time caps, 429 and Retry-After."""

from __future__ import annotations

import gzip
import ipaddress
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from balise.watch import net
from balise.watch.models import Mention, Source
from balise.watch.poller import run_cycle
from tests.web.watch import samples

FEED = samples.rss(
    [
        {
            "title": "Le CPE Premier Pas recrute",
            "link": "https://emplois.example/1",
            "description": "Éducatrice.",
        }
    ]
)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_it_blocks_internal_addresses(address):
    assert net.is_blocked_ip(ipaddress.ip_address(address), allow_loopback=False)


@pytest.mark.parametrize("address", ["93.184.216.34", "142.250.65.78", "2606:4700:4700::1111"])
def test_it_lets_public_addresses_through(address):
    assert not net.is_blocked_ip(ipaddress.ip_address(address), allow_loopback=False)


def test_it_keeps_private_addresses_blocked_when_loopback_is_allowed_for_tests():
    assert not net.is_blocked_ip(ipaddress.ip_address("127.0.0.1"), allow_loopback=True)
    assert net.is_blocked_ip(ipaddress.ip_address("169.254.169.254"), allow_loopback=True)
    assert net.is_blocked_ip(ipaddress.ip_address("192.168.0.10"), allow_loopback=True)


def test_it_refuses_the_local_server_without_the_test_setting(world, web, make_source, settings):
    settings.BALISE_WATCH_ALLOW_LOOPBACK = False
    web.route("/fil.xml", FEED)
    source = make_source("flux", web.url("/fil.xml"))
    run_cycle()
    source.refresh_from_db()
    assert "Adresse refusée" in source.last_error
    assert web.requests == []


def test_it_refuses_a_redirect_to_the_metadata_address(world, web, loopback, make_source):
    web.route(
        "/fil.xml", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    source = make_source("flux", web.url("/fil.xml"))
    run_cycle()
    source.refresh_from_db()
    assert "Adresse refusée" in source.last_error and "169.254.169.254" in source.last_error


def test_it_connects_to_the_address_it_checked(world, web, loopback, make_source, monkeypatch):
    answers = {"flux.example": ["127.0.0.1"], "autre.example": ["10.0.0.7"]}
    calls = []

    def fake_resolve(host, port):
        calls.append(host)
        if calls.count(host) > 1:  # a rebinding DNS answers differently the second time
            return ["10.0.0.1"]
        return answers[host]

    monkeypatch.setattr(net, "resolve", fake_resolve)
    web.route("/fil.xml", FEED)
    port = web.httpd.server_address[1]
    make_source("flux", f"http://flux.example:{port}/fil.xml")
    run_cycle()
    assert Mention.objects.count() == 1  # reached 127.0.0.1 though flux.example resolves nowhere
    assert calls == ["flux.example"]
    assert web.requests[0].headers["Host"] == f"flux.example:{port}"


def test_it_checks_again_after_a_redirect_to_another_host(
    world, web, loopback, make_source, monkeypatch
):
    monkeypatch.setattr(
        net, "resolve", lambda host, port: {"flux.example": ["127.0.0.1"]}.get(host, ["10.0.0.7"])
    )
    port = web.httpd.server_address[1]
    web.route(
        "/fil.xml", status=301, headers={"Location": f"http://interne.example:{port}/fil.xml"}
    )
    source = make_source("flux", f"http://flux.example:{port}/fil.xml")
    run_cycle()
    source.refresh_from_db()
    assert "Adresse refusée : interne.example" in source.last_error
    assert len(web.requests) == 1


def test_it_refuses_other_schemes(world, make_source, loopback):
    source = make_source("flux", "file:///etc/passwd")
    run_cycle()
    source.refresh_from_db()
    assert "seules les adresses http et https" in source.last_error


def test_it_stops_waiting_for_a_silent_server(world, web, loopback, make_source):
    web.route("/muet.xml", delay=8)
    source = make_source("flux", web.url("/muet.xml"))
    started = time.monotonic()
    run_cycle()
    assert time.monotonic() - started < 6
    source.refresh_from_db()
    assert "ne répond pas" in source.last_error


def test_it_refuses_a_declared_oversized_body_without_reading_it(world, web, loopback, make_source):
    web.route("/gros.xml", body=b"x" * (2 * 1024 * 1024))
    source = make_source("flux", web.url("/gros.xml"))
    run_cycle()
    source.refresh_from_db()
    assert "trop volumineuse" in source.last_error


def test_it_caps_a_compressed_bomb(world, web, loopback, make_source):
    bomb = gzip.compress(b"<rss>" + b" " * (30 * 1024 * 1024))
    assert len(bomb) < 100_000
    web.route("/zip.xml", body=bomb, headers={"Content-Encoding": "gzip"})
    source = make_source("flux", web.url("/zip.xml"))
    run_cycle()
    source.refresh_from_db()
    assert "trop volumineuse" in source.last_error


def test_it_reads_gzip_feeds(world, web, loopback, make_source):
    web.route("/zip.xml", body=gzip.compress(FEED.encode()), headers={"Content-Encoding": "gzip"})
    make_source("flux", web.url("/zip.xml"))
    run_cycle()
    assert Mention.objects.count() == 1


def test_it_waits_as_long_as_retry_after_asks(world, web, loopback, make_source):
    web.route("/search.json", status=429, body="{}", headers={"Retry-After": "7200"})
    source = make_source("reddit", web.base)
    now = timezone.now()
    run_cycle(now=now)
    source.refresh_from_db()
    assert "429" in source.last_error
    assert source.next_poll_at == now + timedelta(seconds=7200)


def test_it_reads_retry_after_as_a_date():
    later = timezone.now() + timedelta(minutes=10)
    from email.utils import format_datetime

    seconds = net.retry_after_seconds(format_datetime(later, usegmt=True))
    assert 590 <= seconds <= 600
    assert net.retry_after_seconds("bientôt") is None


def test_it_does_not_poll_a_source_before_its_time(world, web, loopback, make_source):
    web.route("/fil.xml", FEED)
    source = make_source("flux", web.url("/fil.xml"), interval_minutes=5)
    now = timezone.now()
    run_cycle(now=now)
    source.refresh_from_db()
    assert source.next_poll_at == now + timedelta(minutes=15)  # feeds: never more often than 15 min
    run_cycle(now=now + timedelta(minutes=10))
    assert len(web.hits("/fil.xml")) == 1
    assert Source.objects.get().last_polled_at == now
