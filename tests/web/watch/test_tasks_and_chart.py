"""The worker's tasks, the weekly chart, and the feed dialects beyond RSS 2.0 and Atom 1.0."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from balise.core.schedule import PERIODIC
from balise.watch import chart
from balise.watch.models import Mention, Source
from balise.watch.net import FetchError
from balise.watch.sources.feed import parse_feed
from balise.watch.tasks import daily_digest, poll_sources
from tests.web.watch import samples

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://forum.example/"><title>Forum</title><link>https://forum.example/</link></channel>
  <item rdf:about="https://forum.example/t/1"><title>CPE Premier Pas?</title><link>https://forum.example/t/1</link>
    <description>Des avis?</description><dc:date>2026-02-27T08:00:00-05:00</dc:date><dc:creator>anonyme</dc:creator></item>
</rdf:RDF>"""

ATOM03 = """<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Vieux blogue</title>
  <entry><title>Visite au CPE Premier Pas</title><link rel="alternate" type="text/html" href="https://vieux.example/1"/>
    <issued>2026-02-20T10:00:00Z</issued><summary>Souvenirs.</summary></entry>
</feed>"""


def test_it_registers_its_periodic_tasks():
    assert PERIODIC[poll_sources.module_path].interval == timedelta(minutes=5)
    assert PERIODIC[daily_digest.module_path].interval == timedelta(days=1)


def test_it_polls_through_the_worker_task(world, web, loopback, make_source):
    web.route(
        "/fil.xml",
        samples.rss(
            [{"title": "CPE Premier Pas", "link": "https://n.example/1", "description": "x"}]
        ),
    )
    make_source("flux", web.url("/fil.xml"))
    result = poll_sources.enqueue()
    assert result.return_value == 1
    assert Mention.objects.count() == 1


def test_it_reads_rss_1_0():
    result = parse_feed(RSS1.encode())
    item = result.items[0]
    assert (item.url, item.title, item.author) == (
        "https://forum.example/t/1",
        "CPE Premier Pas?",
        "anonyme",
    )
    assert item.published_at.isoformat() == "2026-02-27T08:00:00-05:00"


def test_it_hands_other_dialects_to_feedparser():
    result = parse_feed(ATOM03.encode())
    assert [i.url for i in result.items] == ["https://vieux.example/1"]


def test_it_refuses_xml_that_is_no_feed():
    with pytest.raises(FetchError, match="ni un flux RSS ni un flux Atom"):
        parse_feed(b"<?xml version='1.0'?><html><body><p>Bonjour</p></body></html>")


def test_it_counts_mentions_per_week_and_verdict(world):
    source = Source.objects.create(
        organization=world.org, kind="flux", name="F", url="https://f.example/"
    )
    now = timezone.now()
    for n, (verdict, weeks_ago) in enumerate(
        [("ok", 0), ("ok", 0), ("bloquant", 0), ("attention", 3), ("ok", 20)]
    ):
        Mention.objects.create(
            organization=world.org,
            source=source,
            url=f"https://f.example/{n}",
            canonical_url=f"https://f.example/{n}",
            matched_term="CPE Premier Pas",
            fingerprint=str(n),
            verdict=verdict,
            first_seen_at=now - timedelta(weeks=weeks_ago),
        )
    weeks = chart.weekly(Mention.objects.filter(organization=world.org), now=now)
    assert len(weeks) == 12
    assert weeks[-1].counts == {"ok": 2, "bloquant": 1}
    assert weeks[-4].counts == {"attention": 1}
    assert sum(w.total for w in weeks) == 4  # the 20-week-old one is outside the chart
    top = weeks[-1]
    assert [s["verdict"] for s in top.segments] == ["ok", "bloquant"]
    assert abs(top.segments[0]["h"] - 2 * top.segments[1]["h"]) <= 1
