"""The direction's pages: triage order, filters, actions, escaping, chart, sources and terms."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from balise.watch.models import Mention, Source, WatchedTerm


@pytest.fixture
def feed_source(world):
    return Source.objects.create(
        organization=world.org, kind="flux", name="Journal local", url="https://journal.example/rss"
    )


def mention(source, n, **fields):
    defaults = dict(
        organization=source.organization,
        source=source,
        url=f"https://journal.example/{n}",
        canonical_url=f"https://journal.example/{n}",
        title=f"Article {n}",
        text=f"Texte {n} sur le CPE Premier Pas",
        matched_term="CPE Premier Pas",
        fingerprint=f"fp{n}",
    )
    defaults.update(fields)
    return Mention.objects.create(**defaults)


def titles(response):
    return [m.title for m in response.context["page"]]


def test_it_lists_new_first_and_risky_on_top(client_for, world, feed_source):
    now = timezone.now()
    mention(feed_source, 1, verdict="ok", first_seen_at=now)
    mention(feed_source, 2, verdict="bloquant", first_seen_at=now - timedelta(days=3))
    mention(feed_source, 3, verdict="bloquant", status="vu", first_seen_at=now)
    mention(
        feed_source,
        4,
        verdict="ok",
        roster_names=["Mélissa Lapointe"],
        first_seen_at=now - timedelta(days=5),
    )
    response = client_for(world.director).get(reverse("watch:triage"))
    assert titles(response) == ["Article 2", "Article 4", "Article 1", "Article 3"]


def test_it_filters_by_source_term_verdict_and_date(client_for, world, feed_source):
    other = Source.objects.create(
        organization=world.org, kind="reddit", name="Reddit", url="https://www.reddit.com"
    )
    now = timezone.now()
    mention(feed_source, 1, verdict="ok")
    mention(other, 2, verdict="bloquant", matched_term="Premier Pas")
    mention(feed_source, 3, verdict="attention", first_seen_at=now - timedelta(days=40))
    client = client_for(world.director)
    url = reverse("watch:triage")
    assert titles(client.get(url, {"source": other.pk})) == ["Article 2"]
    assert titles(client.get(url, {"verdict": "attention"})) == ["Article 3"]
    WatchedTerm.objects.get_or_create(organization=world.org, term="Premier Pas")
    assert titles(client.get(url, {"term": "Premier Pas"})) == ["Article 2"]
    since = (now - timedelta(days=7)).date().isoformat()
    assert sorted(titles(client.get(url, {"since": since}))) == ["Article 1", "Article 2"]
    until = (now - timedelta(days=30)).date().isoformat()
    assert titles(client.get(url, {"until": until})) == ["Article 3"]


@pytest.mark.parametrize(
    "query", [{"source": "abc"}, {"verdict": "pire"}, {"since": "hier"}, {"source": "999999"}]
)
def test_it_ignores_bad_filters_without_failing(client_for, world, feed_source, query):
    mention(feed_source, 1)
    response = client_for(world.director).get(reverse("watch:triage"), query)
    assert response.status_code == 200 and titles(response) == ["Article 1"]


def test_it_does_not_offer_another_cpes_source_as_a_filter(client_for, world, feed_source):
    theirs = Source.objects.create(
        organization=world.other_org, kind="flux", name="Leur flux", url="https://l.example/rss"
    )
    mention(theirs, 9, organization=world.other_org)
    response = client_for(world.director).get(reverse("watch:triage"), {"source": theirs.pk})
    assert "Leur flux" not in response.content.decode() and titles(response) == []


def test_it_draws_mentions_per_week_by_verdict(client_for, world, feed_source):
    mention(feed_source, 1, verdict="ok")
    mention(feed_source, 2, verdict="bloquant")
    mention(feed_source, 3, verdict="bloquant", first_seen_at=timezone.now() - timedelta(weeks=2))
    page = client_for(world.director).get(reverse("watch:triage")).content.decode()
    assert page.count('class="seg-bloquant"') == 2 and page.count('class="seg-ok"') == 1
    # The chart is plain SVG: the only script on the page is the site's own menu helper.
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/balise/balise.js" defer>']


def test_it_marks_seen_and_dismisses(client_for, world, feed_source):
    m = mention(feed_source, 1, verdict="bloquant")
    client = client_for(world.director)
    client.post(reverse("watch:mark_seen", args=[m.pk]))
    m.refresh_from_db()
    assert m.status == "vu" and m.rank == 300
    response = client.post(
        reverse("watch:dismiss", args=[m.pk]), {"next": "https://ailleurs.example/"}
    )
    assert response["Location"] == reverse("watch:triage")
    m.refresh_from_db()
    assert m.status == "sans-suite"


def test_it_marks_a_mention_when_a_file_is_opened(world, feed_source):
    m = mention(feed_source, 1)
    m.mark_file_opened(42)
    m.refresh_from_db()
    assert (m.status, m.breach_file_id) == ("dossier", 42)


def test_it_offers_a_breach_file_only_when_the_cases_app_answers(client_for, world, feed_source):
    from django.urls import NoReverseMatch

    m = mention(feed_source, 1)
    page = client_for(world.director).get(reverse("watch:mention", args=[m.pk])).content.decode()
    try:
        action = reverse("cases:open_from_mention", args=[m.pk])
    except NoReverseMatch:
        assert "Ouvrir un dossier" not in page
    else:
        assert f'action="{action}"' in page


def test_it_displays_web_text_escaped_and_html_sanitised(client_for, world, feed_source):
    from balise.watch.text import sanitize

    m = mention(
        feed_source,
        1,
        title="<img src=x onerror=alert(1)>",
        text="<script>alert('x')</script> CPE Premier Pas",
        html=sanitize(
            "<p onclick='x()'>Bonjour <script>alert(2)</script><a href='javascript:alert(3)'>lien</a></p>"
        ),
    )
    page = client_for(world.director).get(reverse("watch:mention", args=[m.pk])).content.decode()
    assert "<script>alert" not in page and "onerror=alert" not in page.replace(
        "&lt;img src=x onerror=alert(1)&gt;", ""
    )
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "onclick" not in m.html and "javascript:" not in m.html and "<script" not in m.html


def test_it_hides_another_cpes_mention(client_for, world, feed_source):
    m = mention(feed_source, 1)
    client = client_for(world.outsider)
    assert client.get(reverse("watch:mention", args=[m.pk])).status_code == 404
    assert client.post(reverse("watch:mark_seen", args=[m.pk])).status_code == 404
    m.refresh_from_db()
    assert m.status == "nouveau"


def test_it_adds_a_feed_source(client_for, world):
    response = client_for(world.director).post(
        reverse("watch:source_new"),
        {
            "kind": "flux",
            "name": "Google Alertes",
            "url": "https://www.google.com/alerts/feeds/123/456",
            "interval_minutes": 30,
        },
    )
    assert response.status_code == 302
    source = Source.objects.get(organization=world.org)
    assert source.name == "Google Alertes" and source.next_poll_at is None


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {
                "kind": "flux",
                "name": "x",
                "url": "http://169.254.169.254/latest",
                "interval_minutes": 30,
            },
            "url",
            "machine interne",
        ),
        (
            {
                "kind": "flux",
                "name": "x",
                "url": "http://localhost:8000/rss",
                "interval_minutes": 30,
            },
            "url",
            "machine interne",
        ),
        (
            {"kind": "flux", "name": "x", "url": "http://[::1]/rss", "interval_minutes": 30},
            "url",
            "machine interne",
        ),
        (
            {"kind": "flux", "name": "x", "url": "ftp://example.org/rss", "interval_minutes": 30},
            "url",
            "URL valide",
        ),
        (
            {"kind": "flux", "name": "x", "url": "", "interval_minutes": 30},
            "url",
            "Indiquez l'adresse",
        ),
        (
            {"kind": "reddit", "name": "x", "url": "", "interval_minutes": 5},
            "interval_minutes",
            "30 minutes",
        ),
        (
            {
                "kind": "mastodon",
                "name": "x",
                "url": "https://mastodon.social",
                "interval_minutes": 30,
            },
            "__all__",
            "mot-clic",
        ),
        (
            {
                "kind": "bluesky",
                "name": "x",
                "url": "",
                "interval_minutes": 30,
                "handle": "cpe.bsky.social",
            },
            "app_password",
            "requis",
        ),
        (
            {"kind": "inconnu", "name": "x", "url": "https://a.example", "interval_minutes": 30},
            "kind",
            "choix valide",
        ),
    ],
)
def test_it_refuses_bad_sources(client_for, world, data, field, message):
    response = client_for(world.director).post(reverse("watch:source_new"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in e for e in errors.get(field, [])), errors
    assert not Source.objects.exists()


def test_it_stores_a_bluesky_source_with_an_encrypted_password(client_for, world):
    client_for(world.director).post(
        reverse("watch:source_new"),
        {
            "kind": "bluesky",
            "name": "Bluesky",
            "url": "",
            "interval_minutes": 30,
            "handle": "@cpepremierpas.bsky.social",
            "app_password": "abcd-efgh-ijkl-mnop",
        },
    )
    source = Source.objects.get()
    assert source.url == "https://bsky.social" and source.config == {
        "handle": "cpepremierpas.bsky.social"
    }
    assert "abcd" not in source.secret_encrypted and source.secret() == "abcd-efgh-ijkl-mnop"
    page = (
        client_for(world.director)
        .get(reverse("watch:source_edit", args=[source.pk]))
        .content.decode()
    )
    assert "abcd-efgh" not in page


def test_it_adds_and_removes_terms(client_for, world):
    client = client_for(world.director)
    client.post(reverse("watch:terms"), {"term": "  Les   Petits Pas "})
    term = WatchedTerm.objects.get(organization=world.org, term="Les Petits Pas")
    client.post(reverse("watch:term_toggle", args=[term.pk]))
    term.refresh_from_db()
    assert not term.is_active


@pytest.mark.parametrize(
    "term, message",
    [("ab", "trois lettres"), ("cpe premier pas", "déjà surveillé"), ("", "obligatoire")],
)
def test_it_refuses_bad_terms(client_for, world, term, message):
    response = client_for(world.director).get(reverse("watch:terms"))  # seeds the CPE's name
    response = client_for(world.director).post(reverse("watch:terms"), {"term": term})
    assert any(message in e for e in response.context["form"].errors["term"])


def test_it_links_each_row_to_its_page_and_actions(client_for, world, feed_source):
    from django.urls import NoReverseMatch

    first, second = mention(feed_source, 1), mention(feed_source, 2)
    page = (
        client_for(world.director).get(reverse("watch:triage"), {"verdict": "ok"}).content.decode()
    )
    for m in (first, second):
        assert f'href="{reverse("watch:mention", args=[m.pk])}"' in page
        assert f'action="{reverse("watch:mark_seen", args=[m.pk])}"' in page
        assert f'action="{reverse("watch:dismiss", args=[m.pk])}"' in page
        try:
            assert f'action="{reverse("cases:open_from_mention", args=[m.pk])}"' in page
        except NoReverseMatch:
            assert "Ouvrir un dossier" not in page
    assert 'name="next" value="/veille/?verdict=ok"' in page
