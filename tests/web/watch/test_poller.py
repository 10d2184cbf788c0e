"""The cycle: conditional requests, schedule, dedup across polls, alerts and the daily digest."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from balise.watch.alerts import send_daily_digest
from balise.watch.models import Mention, Source
from balise.watch.poller import run_cycle
from tests.web.watch import samples

RISKY = (
    "Au CPE Premier Pas, la petite Léa Tremblay (3 ans) a encore mordu, elle est suivie pour un "
    "trouble du langage et sa mère est en instance de divorce."
)
CALM = "Le CPE Premier Pas organise une collecte de jouets samedi."


def feed(*items):
    return samples.rss(
        [
            {"title": t, "link": f"https://n.example/{i}", "description": t}
            for i, t in enumerate(items)
        ]
    )


def test_it_asks_again_with_etag_and_last_modified(world, web, loopback, make_source):
    web.route(
        "/fil.xml",
        feed(CALM),
        etag='"v1"',
        headers={"Last-Modified": "Sun, 01 Mar 2026 10:00:00 GMT"},
    )
    source = make_source("flux", web.url("/fil.xml"))
    run_cycle()
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    run_cycle()
    second = web.hits("/fil.xml")[1].headers
    assert second["If-None-Match"] == '"v1"'
    assert second["If-Modified-Since"] == "Sun, 01 Mar 2026 10:00:00 GMT"
    source.refresh_from_db()
    assert source.failure_count == 0 and source.etag == '"v1"' and source.last_item_count == 0
    assert Mention.objects.count() == 1


def test_it_stores_a_mention_once_across_polls(world, web, loopback, make_source):
    web.route("/fil.xml", feed(CALM))
    source = make_source("flux", web.url("/fil.xml"))
    run_cycle()
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    report = run_cycle()
    assert report.items == 1 and report.new_mentions == []
    assert Mention.objects.count() == 1


def test_it_never_polls_faster_than_the_feed_asks(world, web, loopback, make_source):
    web.route("/fil.xml", samples.rss([], ttl=120))
    source = make_source("flux", web.url("/fil.xml"))
    now = timezone.now()
    run_cycle(now=now)
    source.refresh_from_db()
    assert source.next_poll_at == now + timedelta(minutes=120)


def test_it_skips_paused_sources_and_those_of_no_one(world, web, loopback, make_source):
    web.route("/fil.xml", feed(CALM))
    make_source("flux", web.url("/fil.xml"), is_active=False)
    assert run_cycle().polled == 0


def test_it_keeps_each_cpe_to_its_own_terms(world, web, loopback, make_source):
    web.route("/fil.xml", feed(CALM, "Le CPE Les Lucioles déménage."))
    make_source("flux", web.url("/fil.xml"), name="Premier Pas")
    make_source("flux", web.url("/fil.xml"), org=world.other_org, name="Lucioles")
    run_cycle()
    assert Mention.objects.get(organization=world.org).matched_term == "CPE Premier Pas"
    assert Mention.objects.get(organization=world.other_org).matched_term == "CPE Les Lucioles"


def test_it_emails_the_direction_within_the_cycle_for_a_bloquant_mention(
    world, web, loopback, make_source
):
    web.route("/fil.xml", feed(RISKY, CALM))
    make_source("flux", web.url("/fil.xml"), name="Nouvelles locales")
    run_cycle()
    risky = Mention.objects.get(verdict="bloquant")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {world.director.email, world.deputy.email}
    assert "bloquante" in message.subject and f"/veille/mention/{risky.pk}/" in message.body
    assert "Léa Tremblay" not in message.body  # the text stays in Balise
    assert Mention.objects.get(pk=risky.pk).alerted_at is not None
    run_cycle()
    assert len(mail.outbox) == 1  # alerted once


def test_it_sends_a_daily_digest_of_the_rest(world, make_source):
    source = make_source("flux", "https://n.example/rss", name="Nouvelles")
    for n, verdict in enumerate(["ok", "attention", "bloquant"]):
        Mention.objects.create(
            organization=world.org,
            source=source,
            url=f"https://n.example/{n}",
            canonical_url=f"https://n.example/{n}",
            text=f"CPE Premier Pas {n}",
            matched_term="CPE Premier Pas",
            fingerprint=str(n),
            verdict=verdict,
        )
    Mention.objects.create(
        organization=world.other_org,
        source=make_source("flux", "https://l.example/rss", org=world.other_org),
        url="https://l.example/1",
        canonical_url="https://l.example/1",
        matched_term="CPE Les Lucioles",
        fingerprint="l1",
        verdict="ok",
    )
    assert send_daily_digest() == 3
    ours = next(m for m in mail.outbox if world.director.email in m.to)
    assert "2 nouvelles mentions" in ours.body and "https://n.example" not in ours.body
    assert world.outsider.email not in ours.to
    assert send_daily_digest() == 0


def test_it_ranks_a_roster_name_next_to_the_cpe_as_risky(world, web, loopback, make_source):
    from datetime import date

    from balise.registers.models import Person

    Person.objects.create(
        organization=world.org,
        full_name="Mélissa Lapointe",
        email="melissa@premierpas.example",
        category="temps-plein",
        service_start=date(2020, 1, 1),
    )
    web.route("/fil.xml", feed("Sortie au parc avec Mélissa Lapointe du CPE Premier Pas.", CALM))
    make_source("flux", web.url("/fil.xml"))
    run_cycle()
    top = Mention.objects.order_by("-rank").first()
    assert top.roster_names == ["Mélissa Lapointe"] and top.is_risky


def test_it_lets_only_one_worker_take_a_due_source(world, web, loopback, make_source):
    from balise.watch.poller import claim_due

    web.route("/fil.xml", feed(CALM))
    make_source("flux", web.url("/fil.xml"))
    now = timezone.now()
    assert len(claim_due(now)) == 1
    assert claim_due(now) == []
