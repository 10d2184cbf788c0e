"""Pages beyond the first: Mastodon's Link header, Bluesky's `cursor`, Reddit's `data.after`.

Each service is a local server answering pages in its documented format. The first poll reads
one page; later polls read on until they reach what the previous poll saw, or the page cap
(BALISE_WATCH_MAX_PAGES).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from balise.watch.models import Mention, Source, WatchedTerm
from balise.watch.poller import run_cycle
from tests.web.watch import samples

TAG = "/api/v1/timelines/tag/cpe"


def again(source: Source) -> None:
    Source.objects.filter(pk=source.pk).update(next_poll_at=None)


def statuses(first: int, last: int) -> list[dict]:
    """Mastodon statuses with ids last..first (newest first); every tenth names the CPE."""
    return [
        samples.mastodon_status(
            str(n),
            f"<p>Publication {n} du CPE Premier Pas</p>" if n % 10 == 0 else f"<p>Autre {n}</p>",
        )
        for n in range(last, first - 1, -1)
    ]


def route_tag_page(web, query: dict, page: list[dict]) -> None:
    web.route(
        f"{TAG}?{urlencode(query)}",
        json.dumps(page),
        headers=samples.mastodon_link(web.url(TAG), page),
    )


def test_it_pages_forward_through_a_mastodon_hashtag_from_the_last_status_seen(
    world, web, loopback, make_source
):
    route_tag_page(web, {"limit": 40}, statuses(91, 100))
    source = make_source("mastodon", web.base, config={"hashtags": ["cpe"]})
    first = run_cycle()
    assert first.items == 10 and len(web.hits(TAG)) == 1  # a first poll reads one page
    source.refresh_from_db()
    assert source.state["since:cpe"] == "100"

    # 90 new statuses since: 101..140, 141..180, then 181..190 (a page that is not full).
    route_tag_page(web, {"limit": 40, "min_id": "100"}, statuses(101, 140))
    route_tag_page(web, {"limit": 40, "min_id": "140"}, statuses(141, 180))
    route_tag_page(web, {"limit": 40, "min_id": "180"}, statuses(181, 190))
    again(source)
    second = run_cycle()
    paths = [h.path.split("?")[1] for h in web.hits(TAG)[1:]]
    assert paths == ["limit=40&min_id=100", "limit=40&min_id=140", "limit=40&min_id=180"]
    assert second.items == 90
    urls = set(Mention.objects.values_list("url", flat=True))
    assert {f"https://mastodon.example/@maman/{n}" for n in range(110, 191, 10)} <= urls
    source.refresh_from_db()
    assert source.state["since:cpe"] == "190" and source.last_warning == ""


def test_it_stops_mastodon_at_the_page_cap_and_goes_on_at_the_next_poll(
    world, web, loopback, make_source, settings
):
    settings.BALISE_WATCH_MAX_PAGES = 2
    route_tag_page(web, {"limit": 40, "min_id": "100"}, statuses(101, 140))
    route_tag_page(web, {"limit": 40, "min_id": "140"}, statuses(141, 180))
    route_tag_page(web, {"limit": 40, "min_id": "180"}, statuses(181, 190))
    route_tag_page(web, {"limit": 40, "min_id": "190"}, [])
    source = make_source(
        "mastodon", web.base, config={"hashtags": ["cpe"]}, state={"since:cpe": "100"}
    )
    assert run_cycle().items == 80
    source.refresh_from_db()
    assert source.state["since:cpe"] == "180"
    assert "2 pages" in source.last_warning and source.failure_count == 0
    again(source)
    assert run_cycle().items == 10  # nothing skipped: it goes on from 180
    source.refresh_from_db()
    assert source.state["since:cpe"] == "190" and source.last_warning == ""
    assert Mention.objects.filter(url__endswith="/@maman/190").exists()


def test_it_follows_the_mastodon_link_header_rather_than_guessing(
    world, web, loopback, make_source
):
    """The next min_id comes from rel="prev", as the instance paginates."""
    page = statuses(101, 140)
    web.route(
        f"{TAG}?limit=40&min_id=100",
        json.dumps(page),
        headers={
            "Link": f'<{web.url(TAG)}?max_id=101>; rel="next", '
            f'<{web.url(TAG)}?min_id=139>; rel="prev"'
        },
    )
    route_tag_page(web, {"limit": 40, "min_id": "139"}, [])
    make_source("mastodon", web.base, config={"hashtags": ["cpe"]}, state={"since:cpe": "100"})
    run_cycle()
    assert web.hits(TAG)[-1].path.endswith("min_id=139")


def bluesky_source(world, base: str, state: dict | None = None) -> Source:
    source = Source(
        organization=world.org,
        kind="bluesky",
        name="Bluesky",
        url=base,
        config={"handle": "cpepremierpas.bsky.social"},
        state=state or {},
    )
    source.set_secret("abcd-efgh-ijkl-mnop")
    source.save()
    return source


def posts(first: int, last: int, start: datetime) -> list[dict]:
    """searchPosts postViews, newest first, one minute apart; every fifth names the CPE."""
    return [
        samples.bluesky_post(
            f"3k{n:04d}",
            f"Le CPE Premier Pas, message {n}" if n % 5 == 0 else f"Rien {n}",
            created=(start + timedelta(minutes=n)).isoformat().replace("+00:00", "Z"),
        )
        for n in range(last, first - 1, -1)
    ]


def search_path(term: str, cursor: str = "") -> str:
    query = {"q": term, "limit": 25, "sort": "latest"} | ({"cursor": cursor} if cursor else {})
    return f"/xrpc/app.bsky.feed.searchPosts?{urlencode(query)}"


def test_it_follows_the_bluesky_cursor_down_to_the_posts_already_seen(
    world, web, loopback, settings
):
    term = WatchedTerm.active_for(world.org)[0]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    web.route("/xrpc/com.atproto.server.createSession", samples.bluesky_session())
    web.route("/xrpc/app.bsky.feed.searchPosts", samples.bluesky_search([], cursor=None))
    web.route(search_path(term), samples.bluesky_search(posts(1, 10, start), cursor="c1"))
    source = bluesky_source(world, web.base)
    run_cycle()
    assert len(web.hits(search_path(term))) == 1  # first poll: one page, cursor not followed
    source.refresh_from_db()
    seen = source.state[f"seen:{term}"]
    assert seen["uri"].endswith("/3k0010")

    # 60 new posts: pages of 25, 25, then one that reaches post 10, seen last time.
    web.route(search_path(term), samples.bluesky_search(posts(46, 70, start), cursor="c2"))
    web.route(search_path(term, "c2"), samples.bluesky_search(posts(21, 45, start), cursor="c3"))
    web.route(search_path(term, "c3"), samples.bluesky_search(posts(1, 20, start), cursor="c4"))
    again(source)
    report = run_cycle()
    asked = [h.path for h in web.hits("/xrpc/app.bsky.feed.searchPosts")]
    assert search_path(term, "c4") not in asked and search_path(term, "c3") in asked
    assert report.items == 70
    urls = set(Mention.objects.values_list("url", flat=True))
    assert {
        f"https://bsky.app/profile/parent.bsky.social/post/3k{n:04d}" for n in range(5, 71, 5)
    } <= urls
    source.refresh_from_db()
    assert source.state[f"seen:{term}"]["uri"].endswith("/3k0070")
    assert source.last_warning == ""


def test_it_warns_when_bluesky_hits_the_page_cap(world, web, loopback, settings):
    settings.BALISE_WATCH_MAX_PAGES = 2
    term = WatchedTerm.active_for(world.org)[0]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    web.route("/xrpc/com.atproto.server.createSession", samples.bluesky_session())
    web.route("/xrpc/app.bsky.feed.searchPosts", samples.bluesky_search([], cursor=None))
    web.route(search_path(term), samples.bluesky_search(posts(46, 70, start), cursor="c2"))
    web.route(search_path(term, "c2"), samples.bluesky_search(posts(21, 45, start), cursor="c3"))
    seen = {"uri": "at://did:plc:xyz/app.bsky.feed.post/3k0001", "at": start.isoformat()}
    source = bluesky_source(world, web.base, {f"seen:{term}": seen, "seen:ancien terme": {}})
    run_cycle()
    assert not web.hits(search_path(term, "c3"))
    source.refresh_from_db()
    assert "2 pages lues sans rejoindre" in source.last_warning and source.failure_count == 0
    assert "seen:ancien terme" not in source.state  # a term no longer watched is forgotten
    assert source.state[f"seen:{term}"]["uri"].endswith("/3k0070")


def reddit_links(first: int, last: int) -> list[dict]:
    """Search results, newest first, one minute apart; every fifth names the CPE."""
    start = datetime(2026, 3, 3, tzinfo=UTC).timestamp()
    return [
        {
            "id": f"r{n:03d}",
            "title": f"Avis sur le CPE Premier Pas ({n})" if n % 5 == 0 else f"Autre sujet {n}",
            "created_utc": start + 60 * n,
        }
        for n in range(last, first - 1, -1)
    ]


def reddit_path(term: str, after: str = "") -> str:
    query = {"q": f'"{term}"', "sort": "new", "limit": 25, "raw_json": 1}
    if after:
        query["after"] = after
    return f"/search.json?{urlencode(query)}"


def test_it_follows_reddit_after_down_to_the_links_already_seen(world, web, loopback, make_source):
    term = WatchedTerm.active_for(world.org)[0]
    web.route("/search.json", samples.reddit_listing([]))
    web.route(reddit_path(term), samples.reddit_listing(reddit_links(1, 10), after="t3_r001"))
    source = make_source("reddit", web.base)
    run_cycle()
    assert len(web.hits("/search.json")) == len(WatchedTerm.active_for(world.org))
    source.refresh_from_db()
    assert source.state[f"seen:{term}"]["name"] == "t3_r010"

    web.route(reddit_path(term), samples.reddit_listing(reddit_links(36, 60), after="t3_r036"))
    web.route(
        reddit_path(term, "t3_r036"), samples.reddit_listing(reddit_links(11, 35), after="t3_r011")
    )
    web.route(
        reddit_path(term, "t3_r011"), samples.reddit_listing(reddit_links(1, 10), after="t3_r001")
    )
    again(source)
    report = run_cycle()
    asked = [h.path for h in web.hits("/search.json")]
    assert reddit_path(term, "t3_r011") in asked and reddit_path(term, "t3_r001") not in asked
    assert report.items == 60
    titles = set(Mention.objects.values_list("title", flat=True))
    assert {f"Avis sur le CPE Premier Pas ({n})" for n in range(5, 61, 5)} <= titles
    source.refresh_from_db()
    assert source.state[f"seen:{term}"]["name"] == "t3_r060" and source.last_warning == ""


def test_a_429_on_a_later_page_backs_the_source_off_and_loses_nothing(
    world, web, loopback, make_source
):
    term = WatchedTerm.active_for(world.org)[0]
    seen = {"name": "t3_r001", "at": datetime(2026, 3, 3, tzinfo=UTC).timestamp() + 60}
    web.route("/search.json", samples.reddit_listing([]))
    web.route(reddit_path(term), samples.reddit_listing(reddit_links(36, 60), after="t3_r036"))
    web.route(
        reddit_path(term, "t3_r036"),
        status=429,
        body=json.dumps({"message": "Too Many Requests", "error": 429}),
        headers={"Retry-After": "600"},
    )
    source = make_source("reddit", web.base, state={f"seen:{term}": seen})
    run_cycle()
    source.refresh_from_db()
    assert source.failure_count == 1 and "429" in source.last_error
    assert source.state[f"seen:{term}"] == seen  # the next poll starts again from the same place
    assert source.next_poll_at - source.last_failure_at >= timedelta(minutes=30)
    assert Mention.objects.count() == 0
