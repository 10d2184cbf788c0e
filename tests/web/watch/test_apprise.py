"""Alerts through Apprise, besides the e-mail: delivered to a real local HTTP server (Apprise's
json:// and form:// services), failures logged by scheme only, a CPE's own channels encrypted,
checked at entry and guarded on each connection."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from urllib.parse import parse_qs

import pytest
from django.core import mail
from django.urls import reverse

from balise.watch.alerts import send_daily_digest, send_urgent_alerts
from balise.watch.models import AlertChannels, Mention, Source
from balise.watch.poller import run_cycle
from tests.web.watch import samples

RISKY = (
    "Au CPE Premier Pas, la petite Léa Tremblay (3 ans) a encore mordu, elle est suivie pour un "
    "trouble du langage et sa mère est en instance de divorce."
)
TOKEN = "s3cr3t-T0ken"


def closed_port() -> int:
    """A port nobody listens on (connection refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def mention(source: Source, n: int, verdict: str, org=None) -> Mention:
    return Mention.objects.create(
        organization=org or source.organization,
        source=source,
        url=f"https://n.example/{n}",
        canonical_url=f"https://n.example/{n}",
        text=f"CPE Premier Pas {n}",
        matched_term="CPE Premier Pas",
        fingerprint=f"fp{n}",
        verdict=verdict,
    )


@pytest.fixture
def feed_source(world, make_source):
    return make_source("flux", "https://n.example/rss", name="Nouvelles locales")


def hook_of(web, path: str = f"/hook/{TOKEN}") -> str:
    return web.base.replace("http://", "json://") + path


def test_it_sends_the_bloquant_alert_to_apprise_within_the_cycle(
    world, web, loopback, make_source, settings
):
    web.route(
        "/fil.xml",
        samples.rss([{"title": RISKY, "link": "https://n.example/1", "description": RISKY}]),
    )
    web.route(f"/hook/{TOKEN}", "ok")
    settings.BALISE_WATCH_APPRISE_URLS = hook_of(web)
    make_source("flux", web.url("/fil.xml"), name="Nouvelles locales")
    run_cycle()
    risky = Mention.objects.get(verdict="bloquant")
    assert len(mail.outbox) == 1
    (hit,) = web.hits("/hook/")
    assert hit.method == "POST" and hit.headers["Content-Type"].startswith("application/json")
    payload = json.loads(hit.body)
    assert payload["type"] == "failure" and "bloquante" in payload["title"]
    assert "CPE Premier Pas" in payload["title"]
    message = payload["message"]
    assert "1 mention jugée bloquante" in message and "Nouvelles locales" in message
    assert f"http://127.0.0.1:8000/veille/mention/{risky.pk}/" in message
    assert "Léa" not in message and "mordu" not in message  # no child's data, no text
    assert len(message) < 400
    assert Mention.objects.get(pk=risky.pk).alerted_at is not None
    run_cycle()
    assert len(web.hits("/hook/")) == 1  # alerted once


def test_it_sends_the_daily_digest_to_apprise(world, web, loopback, feed_source, settings):
    web.route("/form", "ok")
    settings.BALISE_WATCH_APPRISE_URLS = web.base.replace("http://", "form://") + "/form"
    mention(feed_source, 1, "ok")
    mention(feed_source, 2, "attention")
    mention(feed_source, 3, "ok")
    assert send_daily_digest() == 3
    (hit,) = web.hits("/form")
    fields = {k: v[0] for k, v in parse_qs(hit.body.decode()).items()}
    assert fields["type"] == "info" and "résumé du jour" in fields["title"]
    assert fields["message"] == (
        "3 nouvelles mentions à trier (1 à surveiller, 2 conformes) : http://127.0.0.1:8000/veille/"
    )
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("failure", ["500", "refused", "unknown"])
def test_a_failing_channel_never_stops_the_email_nor_the_others(
    world, web, loopback, feed_source, settings, caplog, failure
):
    web.route(f"/panne/{TOKEN}", status=500, body="Internal Server Error")
    web.route("/bon", "ok")
    broken = {
        "500": hook_of(web, f"/panne/{TOKEN}"),
        "refused": f"json://127.0.0.1:{closed_port()}/hook/{TOKEN}",
        "unknown": f"pasunservice://{TOKEN}@nulle.part/",
    }[failure]
    settings.BALISE_WATCH_APPRISE_URLS = f"{broken}, {hook_of(web, '/bon')}"
    risky = mention(feed_source, 1, "bloquant")
    with caplog.at_level(logging.DEBUG):
        assert send_urgent_alerts() == 1
    assert len(mail.outbox) == 1 and len(web.hits("/bon")) == 1
    assert Mention.objects.get(pk=risky.pk).alerted_at is not None
    failed = [r for r in caplog.records if "watch alert channel" in r.getMessage()]
    scheme = "pasunservice" if failure == "unknown" else "json"
    assert any(r.levelno == logging.WARNING and r.channel == scheme for r in failed)
    for record in caplog.records:  # the URL (and its token) is never logged, by anyone
        assert TOKEN not in record.getMessage() and TOKEN not in repr(vars(record))


def test_a_failing_channel_does_not_stop_the_cycle(world, web, loopback, make_source, settings):
    web.route(
        "/fil.xml",
        samples.rss([{"title": RISKY, "link": "https://n.example/1", "description": RISKY}]),
    )
    settings.BALISE_WATCH_APPRISE_URLS = f"json://127.0.0.1:{closed_port()}/hook/{TOKEN}"
    make_source("flux", web.url("/fil.xml"))
    report = run_cycle()
    assert len(report.new_mentions) == 1 and len(mail.outbox) == 1


def test_the_direction_sets_the_cpes_channels_encrypted_and_never_shown_back(
    client_for, world, web, loopback
):
    client = client_for(world.director)
    url = reverse("watch:alerts")
    response = client.post(url, {"urls": f"{hook_of(web)}\nntfy://ntfy.sh/{TOKEN}"})
    assert response.status_code == 302
    own = AlertChannels.objects.get(organization=world.org)
    assert TOKEN not in own.urls_encrypted and own.schemes == "json, ntfy"
    assert own.urls() == [hook_of(web), f"ntfy://ntfy.sh/{TOKEN}"]
    page = client.get(url).content.decode()
    assert "json, ntfy" in page and TOKEN not in page and "127.0.0.1" not in page
    # A wrong entry is refused, and what was typed is not rendered back either.
    page = client.post(url, {"urls": f"mailto://moi:{TOKEN}@smtp.example"}).content.decode()
    assert "n&#x27;est pas accepté" in page and TOKEN not in page
    assert AlertChannels.objects.get(organization=world.org).schemes == "json, ntfy"
    # Leaving the field empty keeps them; « Retirer » removes them.
    assert client.post(url, {"urls": ""}).status_code == 200
    client.post(url, {"urls": "", "clear": "on"})
    assert not AlertChannels.objects.filter(organization=world.org).exists()


@pytest.mark.parametrize(
    "typed, message",
    [
        ("pasunservice://x/y", "non reconnue"),
        ("mailtos://moi:pw@smtp.example", "pas accepté"),
        ("syslog://", "pas accepté"),
        ("json://169.254.169.254/latest", "machine interne"),
        ("json://localhost:8000/x", "machine interne"),
        ("json://[::1]/x", "machine interne"),
        ("form://10.0.0.5/x", "machine interne"),
    ],
)
def test_it_refuses_channels_a_cpe_may_not_use(client_for, world, typed, message):
    response = client_for(world.director).post(reverse("watch:alerts"), {"urls": typed})
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not AlertChannels.objects.exists()


def set_channels(org, *urls: str) -> None:
    own = AlertChannels(organization=org)
    own.set_urls(list(urls))
    own.save()


def test_a_cpes_channels_get_only_its_own_alerts(world, web, loopback, feed_source):
    web.route("/ours", "ok")
    web.route("/theirs", "ok")
    set_channels(world.org, hook_of(web, "/ours"))
    set_channels(world.other_org, hook_of(web, "/theirs"))
    mention(feed_source, 1, "bloquant")
    send_urgent_alerts()
    assert len(web.hits("/ours")) == 1 and web.hits("/theirs") == []


def test_a_cpes_channel_cannot_reach_an_internal_address_even_stored_directly(
    world, web, feed_source, settings, caplog
):
    """The guard is checked on each connection: loopback by IP or by name is refused (the test
    setting that allows loopback is off here), while the installation's own channel is not a
    URL someone typed in the app and may point at the local network."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    web.route("/cpe", "ok")
    web.route("/installation", "ok")
    port = web.base.rsplit(":", 1)[1]
    set_channels(world.org, f"json://127.0.0.1:{port}/cpe", f"json://localhost:{port}/cpe")
    settings.BALISE_WATCH_APPRISE_URLS = f"json://localhost:{port}/installation"
    mention(feed_source, 1, "bloquant")
    with caplog.at_level(logging.INFO, logger="balise.watch"):
        send_urgent_alerts()
    assert web.hits("/cpe") == [] and len(web.hits("/installation")) == 1
    assert len(mail.outbox) == 1
    refused = [r for r in caplog.records if "refused (internal address)" in r.getMessage()]
    assert [r.channel_owner for r in refused] == ["cpe", "cpe"]


def test_the_direction_can_send_a_test_message(client_for, world, web, loopback, settings):
    web.route("/essai", "ok")
    web.route("/installation", "ok")
    settings.BALISE_WATCH_APPRISE_URLS = hook_of(web, "/installation")
    set_channels(world.org, hook_of(web, "/essai"))
    response = client_for(world.director).post(reverse("watch:alerts_test"), follow=True)
    assert "1 canal sur 1" in response.content.decode().replace("&#x27;", "'")
    payload = json.loads(web.hits("/essai")[0].body)
    assert "essai" in payload["title"].lower() and world.org.name in payload["message"]
    assert web.hits("/installation") == []  # the installation's channels are not the CPE's


def test_apprise_sends_only_to_the_channel_it_is_given(
    world, web, loopback, feed_source, settings, monkeypatch
):
    """No call home: every socket Apprise opens while alerting goes to the local test server."""
    web.route("/hook", "ok")
    settings.BALISE_WATCH_APPRISE_URLS = hook_of(web, "/hook")
    reached = []
    real_connect = socket.socket.connect

    def connect(sock, address):
        reached.append(address)
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    mention(feed_source, 1, "bloquant")
    send_urgent_alerts()
    assert reached and {a[0] for a in reached} == {"127.0.0.1"}


def test_importing_apprise_makes_no_network_call():
    code = """
import socket
calls = []
def refuse(*args, **kwargs):
    calls.append(args)
    raise OSError("no network in this test")
socket.socket.connect = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse
import apprise
from apprise import Apprise, AppriseAsset
asset = AppriseAsset(async_mode=False, storage_mode="memory")
for url in ("json://example.org/x", "ntfy://ntfy.sh/sujet", "form://example.org/"):
    assert Apprise.instantiate(url, asset=asset) is not None, url
print(len(calls))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "0"
