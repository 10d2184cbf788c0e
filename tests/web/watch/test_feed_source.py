"""RSS 2.0 and Atom (Google Alerts) feeds, polled through the worker's cycle."""

from __future__ import annotations

from datetime import UTC, datetime

from balise.watch.models import Mention
from balise.watch.poller import run_cycle
from tests.web.watch import samples

TODAY = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_it_stores_only_the_items_that_name_the_cpe(world, web, loopback, make_source):
    web.route(
        "/fil.xml",
        samples.rss(
            [
                {
                    "title": "Le CPE 1er Pas agrandit",
                    "link": "https://nouvelles.example/a",
                    "description": "Deux nouveaux groupes.",
                    "date": TODAY,
                },
                {
                    "title": "Météo de la semaine",
                    "link": "https://nouvelles.example/b",
                    "description": "Neige.",
                    "date": TODAY,
                },
            ]
        ),
    )
    source = make_source("flux", web.url("/fil.xml"))

    report = run_cycle()

    mention = Mention.objects.get()
    assert report.items == 2 and report.failed == 0
    assert mention.source == source and mention.organization == world.org
    assert mention.matched_term == "CPE Premier Pas"
    assert mention.url == "https://nouvelles.example/a"
    assert mention.published_at == TODAY
    assert mention.status == "nouveau" and mention.verdict in ("ok", "attention", "bloquant")
    source.refresh_from_db()
    assert source.last_success_at and source.failure_count == 0 and source.last_new_count == 1


def test_it_sends_a_descriptive_user_agent(world, web, loopback, make_source):
    web.route("/fil.xml", samples.rss([]))
    make_source("flux", web.url("/fil.xml"))
    run_cycle()
    agent = web.hits("/fil.xml")[0].headers["User-Agent"]
    assert agent.startswith("Balise-veille/") and "CPE" in agent


def test_it_unwraps_google_alerts_links(world, web, loopback, make_source):
    web.route(
        "/alerts",
        samples.google_alerts_atom(
            [
                {
                    "id": "1",
                    "link": "https://journal.example/cpe-premier-pas-fete?utm_source=ga",
                    "title": "&lt;b&gt;CPE Premier Pas&lt;/b&gt; fête ses 20 ans",
                    "content": "Le &lt;b&gt;CPE Premier Pas&lt;/b&gt; de La Tuque célèbre.",
                    "date": "2026-03-01T12:00:00Z",
                }
            ]
        ),
    )
    make_source("flux", web.url("/alerts"))
    run_cycle()
    mention = Mention.objects.get()
    assert mention.url == "https://journal.example/cpe-premier-pas-fete?utm_source=ga"
    assert mention.canonical_url == "https://journal.example/cpe-premier-pas-fete"
    assert mention.title == "CPE Premier Pas fête ses 20 ans"


def test_it_judges_each_mention_with_the_engine(world, web, loopback, make_source):
    text = "Au CPE Premier Pas, la petite Léa Tremblay (3 ans) fait encore des crises, son diagnostic de TDAH est confirmé."
    web.route(
        "/fil.xml",
        samples.rss(
            [{"title": "Témoignage", "link": "https://blogue.example/1", "description": text}]
        ),
    )
    make_source("flux", web.url("/fil.xml"))
    run_cycle()
    mention = Mention.objects.get()
    assert mention.verdict == "bloquant"
    assert "5.ii.renseignements" in {f["rule"] for f in mention.findings}
    assert all(f["article"] for f in mention.findings)


def test_it_stores_feed_html_sanitised_and_text_flat(world, web, loopback, make_source):
    html = "<p onmouseover='x()'>Le CPE Premier Pas <script>steal()</script><a href='javascript:alert(1)'>ici</a> <b>gras</b></p>"
    web.route(
        "/fil.xml",
        samples.rss([{"title": "Nouvelle", "link": "https://n.example/1", "description": html}]),
    )
    make_source("flux", web.url("/fil.xml"))
    run_cycle()
    mention = Mention.objects.get()
    assert (
        "<script" not in mention.html
        and "onmouseover" not in mention.html
        and "javascript:" not in mention.html
    )
    assert "<b>gras</b>" in mention.html
    assert mention.text == "Le CPE Premier Pas ici gras"
