"""Mastodon, Bluesky, Reddit and page watching, each against its documented response format."""

from __future__ import annotations

import json

from balise.watch.models import Mention, Source, WatchedTerm
from balise.watch.poller import run_cycle
from tests.web.watch import samples


def test_it_reads_a_mastodon_hashtag_timeline_and_search(world, web, loopback, make_source):
    web.route(
        "/api/v1/timelines/tag/cpepremierpas",
        json.dumps(
            [
                samples.mastodon_status(
                    "111",
                    "<p>Merci au <a href='https://x'>#CPEPremierPas</a> pour la fête!</p>",
                    images=("https://files.example/a.jpg",),
                ),
                samples.mastodon_status("110", "<p>Rien à voir avec la garderie.</p>"),
            ]
        ),
    )
    web.route(
        "/api/v2/search",
        samples.mastodon_search(
            [
                samples.mastodon_status(
                    "200",
                    "<p>Le cpe premier-pas ferme plus tôt vendredi.</p>",
                    acct="papa@autre.example",
                ),
            ]
        ),
    )
    source = make_source(
        "mastodon", web.base, config={"hashtags": ["cpepremierpas"], "search": True}
    )
    run_cycle()
    mentions = {m.url: m for m in Mention.objects.all()}
    assert set(mentions) == {
        "https://mastodon.example/@maman/111",
        "https://mastodon.example/@maman/200",
    }
    tagged = mentions["https://mastodon.example/@maman/111"]
    assert tagged.author_handle == "@maman@mastodon.example"
    assert tagged.text == "Merci au #CPEPremierPas pour la fête!"
    assert tagged.images == ["https://files.example/a.jpg"]
    search = web.hits("/api/v2/search")[0].path
    assert "type=statuses" in search and "resolve=false" in search and "q=CPE+Premier+Pas" in search
    source.refresh_from_db()
    assert source.state["since:cpepremierpas"] == "111"


def test_it_asks_mastodon_only_for_newer_statuses_next_time(world, web, loopback, make_source):
    web.route(
        "/api/v1/timelines/tag/cpe",
        json.dumps([samples.mastodon_status("5", "<p>CPE Premier Pas</p>")]),
    )
    source = make_source("mastodon", web.base, config={"hashtags": ["cpe"]})
    run_cycle()
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    run_cycle()
    assert "min_id=5" in web.hits("/api/v1/timelines/tag/cpe")[1].path


def test_it_notes_when_an_instance_forbids_search(world, web, loopback, make_source):
    web.route(
        "/api/v2/search", status=401, body=json.dumps({"error": "The access token is invalid"})
    )
    source = make_source("mastodon", web.base, config={"hashtags": [], "search": True})
    run_cycle()
    source.refresh_from_db()
    assert source.failure_count == 0 and "Recherche non permise" in source.last_warning


def test_it_searches_bluesky_with_a_session(world, web, loopback, make_source):
    web.route("/xrpc/com.atproto.server.createSession", samples.bluesky_session())
    web.route(
        "/xrpc/app.bsky.feed.searchPosts",
        samples.bluesky_search(
            [
                samples.bluesky_post("3kabc", "Quelqu'un connaît le CPE 1er Pas à La Tuque?"),
            ]
        ),
    )
    source = Source(
        organization=world.org,
        kind="bluesky",
        name="Bluesky",
        url=web.base,
        config={"handle": "cpepremierpas.bsky.social"},
    )
    source.set_secret("abcd-efgh-ijkl-mnop")
    source.save()
    run_cycle()
    mention = Mention.objects.get()
    assert mention.url == "https://bsky.app/profile/parent.bsky.social/post/3kabc"
    assert mention.author_handle == "@parent.bsky.social"
    session = web.hits("/xrpc/com.atproto.server.createSession")[0]
    assert json.loads(session.body) == {
        "identifier": "cpepremierpas.bsky.social",
        "password": "abcd-efgh-ijkl-mnop",
    }
    search = web.hits("/xrpc/app.bsky.feed.searchPosts")[0]
    assert search.headers["Authorization"] == "Bearer eyJhY2Nlc3MiOiJ0b2tlbiJ9.jwt"


def test_it_keeps_the_bluesky_password_encrypted(world):
    source = Source(
        organization=world.org, kind="bluesky", name="Bluesky", url="https://bsky.social"
    )
    source.set_secret("abcd-efgh-ijkl-mnop")
    source.save()
    stored = Source.objects.filter(pk=source.pk).values_list("secret_encrypted", flat=True).get()
    assert "abcd" not in stored and stored
    assert Source.objects.get(pk=source.pk).secret() == "abcd-efgh-ijkl-mnop"


def test_it_reports_a_refused_bluesky_password(world, web, loopback):
    web.route(
        "/xrpc/com.atproto.server.createSession",
        status=401,
        body=json.dumps(
            {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}
        ),
    )
    source = Source(
        organization=world.org, kind="bluesky", name="Bluesky", url=web.base, config={"handle": "x"}
    )
    source.set_secret("mauvais")
    source.save()
    run_cycle()
    source.refresh_from_db()
    assert "refusé l'identifiant" in source.last_error


def test_it_searches_reddit_for_each_term(world, web, loopback, make_source):
    world.org.trademarks = ["Les Petits Pas"]
    world.org.save()
    web.route(
        "/search.json",
        samples.reddit_listing(
            [
                {
                    "id": "abc1",
                    "title": "Avis sur le CPE Premier Pas?",
                    "selftext": "On hésite entre deux garderies.",
                },
            ]
        ),
    )
    make_source("reddit", web.base)
    run_cycle()
    mention = Mention.objects.get()
    assert mention.url == f"{web.base}/r/quebec/comments/abc1/un_titre/"
    assert mention.author_handle == "u/montrealais"
    queries = sorted(h.path for h in web.hits("/search.json"))
    terms = WatchedTerm.active_for(world.org)
    assert "Les Petits Pas" in terms
    assert len(queries) == len(terms) and all(
        "sort=new" in q and "raw_json=1" in q for q in queries
    )
    assert "Balise-veille" in web.hits("/search.json")[0].headers["User-Agent"]


def test_it_reports_the_changed_text_of_a_watched_page(world, web, loopback, make_source):
    first = "Très bonne expérience avec le CPE Premier Pas, l'équipe est chaleureuse et attentive."
    second = "Je déconseille le CPE Premier Pas : la directrice ne rappelle jamais les parents."
    web.route("/robots.txt", "User-agent: *\nDisallow: /prive/\n")
    web.route("/avis", samples.review_page([first]))
    source = make_source("page", web.url("/avis"), name="Avis")
    run_cycle()
    web.route("/avis", samples.review_page([first, second]))
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)
    run_cycle()
    texts = list(Mention.objects.order_by("first_seen_at", "id").values_list("text", flat=True))
    assert len(texts) == 2
    assert first in texts[0] and "<div" not in texts[0] and "Accueil" not in texts[0]
    assert texts[1] == second


def test_it_respects_robots_txt(world, web, loopback, make_source):
    web.route("/robots.txt", "User-agent: *\nDisallow: /prive/\n")
    web.route("/prive/avis", samples.review_page(["CPE Premier Pas"]))
    source = make_source("page", web.url("/prive/avis"))
    run_cycle()
    source.refresh_from_db()
    assert "robots.txt" in source.last_error
    assert web.hits("/prive/") == []


def test_it_judges_the_images_of_a_mention(world, web, loopback, make_source):
    from tests.web.checks.photos import two_faces_jpeg

    # A photo with two faces, made from scikit-image's samples (no generated file needed).
    web.route("/media/photo.jpg", two_faces_jpeg(), headers={"Content-Type": "image/jpeg"})
    web.route(
        "/api/v1/timelines/tag/cpe",
        json.dumps(
            [
                samples.mastodon_status(
                    "9",
                    "<p>Belle sortie du CPE Premier Pas aujourd'hui!</p>",
                    images=(web.url("/media/photo.jpg"),),
                ),
            ]
        ),
    )
    make_source("mastodon", web.base, config={"hashtags": ["cpe"]})
    run_cycle()
    mention = Mention.objects.get()
    assert web.hits("/media/photo.jpg")
    image_findings = [f for f in mention.findings if f["rule"] == "5.ii.image"]
    assert mention.verdict == "bloquant" and image_findings
    assert image_findings[0]["media"]  # the face boxes, as evidence
