"""Responses written by hand in each service's documented format."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime


def rss(items: list[dict], *, ttl: int | None = None) -> str:
    """An RSS 2.0 channel; each item dict has title, link, description, and optional date/author."""
    entries = []
    for i in items:
        date = f"<pubDate>{format_datetime(i['date'])}</pubDate>" if i.get("date") else ""
        author = f"<author>{i['author']}</author>" if i.get("author") else ""
        entries.append(
            f"<item><title>{i['title']}</title><link>{i['link']}</link>"
            f"<guid>{i['link']}</guid><description><![CDATA[{i['description']}]]></description>{date}{author}</item>"
        )
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Nouvelles de La Tuque</title>'
        f"<link>https://nouvelles.example/</link><description>Fil</description>{ttl_tag}{''.join(entries)}</channel></rss>"
    )


def google_alerts_atom(entries: list[dict]) -> str:
    """A Google Alerts feed (Atom), whose links go through google.com/url?…&url=<article>."""
    parts = []
    for e in entries:
        link = f"https://www.google.com/url?rct=j&amp;sa=t&amp;url={e['link']}&amp;ct=ga&amp;cd=CAIyGj&amp;usg=AOvVaw"
        parts.append(
            f"<entry><id>tag:google.com,2013:googlealerts/feed:{e['id']}</id>"
            f'<title type="html">{e["title"]}</title><link href="{link}"/>'
            f"<published>{e['date']}</published><updated>{e['date']}</updated>"
            f'<content type="html">{e["content"]}</content><author><name></name></author></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:idx="urn:atom-extension:indexing"><id>tag:google.com,2013:googlealerts/feed:1</id>'
        '<title>Google Alert - "CPE Premier Pas"</title><link href="https://www.google.com/alerts/feeds/1/2" rel="self"/>'
        f"<updated>2026-03-01T12:00:00Z</updated>{''.join(parts)}</feed>"
    )


XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol9 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>CPE Premier Pas &lol9;</title><link>https://x.example/1</link></item></channel></rss>"""


def mastodon_status(
    sid: str,
    content: str,
    *,
    acct: str = "maman@mastodon.example",
    created: str = "2026-03-01T14:02:11.000Z",
    images: tuple[str, ...] = (),
) -> dict:
    """A Status entity as /api/v1/timelines/tag/:hashtag returns it."""
    return {
        "id": sid,
        "created_at": created,
        "in_reply_to_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": "public",
        "language": "fr",
        "uri": f"https://mastodon.example/users/maman/statuses/{sid}",
        "url": f"https://mastodon.example/@maman/{sid}",
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 1,
        "content": content,
        "reblog": None,
        "account": {
            "id": "1",
            "username": acct.split("@")[0],
            "acct": acct,
            "display_name": "Maman",
            "url": "https://mastodon.example/@maman",
        },
        "media_attachments": [
            {"id": str(n), "type": "image", "url": url, "preview_url": url, "description": None}
            for n, url in enumerate(images)
        ],
        "mentions": [],
        "tags": [{"name": "cpepremierpas", "url": "https://mastodon.example/tags/cpepremierpas"}],
        "emojis": [],
        "card": None,
        "poll": None,
    }


def mastodon_link(url: str, statuses: list[dict]) -> dict[str, str]:
    """The Link header Mastodon sends with a page of a timeline (newest status first)."""
    if not statuses:
        return {}
    return {
        "Link": f'<{url}?max_id={statuses[-1]["id"]}>; rel="next", '
        f'<{url}?min_id={statuses[0]["id"]}>; rel="prev"'
    }


def mastodon_search(statuses: list[dict]) -> str:
    return json.dumps({"accounts": [], "statuses": statuses, "hashtags": []})


def bluesky_session(handle: str = "cpepremierpas.bsky.social") -> str:
    return json.dumps(
        {
            "did": "did:plc:abc123",
            "handle": handle,
            "email": "x@example.org",
            "accessJwt": "eyJhY2Nlc3MiOiJ0b2tlbiJ9.jwt",
            "refreshJwt": "eyJyZWZyZXNoIjoxfQ.jwt",
            "active": True,
        }
    )


def bluesky_post(
    rkey: str,
    text: str,
    *,
    handle: str = "parent.bsky.social",
    created: str = "2026-03-02T09:00:00.000Z",
) -> dict:
    """An app.bsky.feed.defs#postView as searchPosts returns it."""
    return {
        "uri": f"at://did:plc:xyz/app.bsky.feed.post/{rkey}",
        "cid": "bafyreib2rxk3rh6kzwq",
        "author": {
            "did": "did:plc:xyz",
            "handle": handle,
            "displayName": "Un parent",
            "labels": [],
        },
        "record": {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": created,
            "langs": ["fr"],
        },
        "replyCount": 0,
        "repostCount": 0,
        "likeCount": 2,
        "quoteCount": 0,
        "indexedAt": created,
        "labels": [],
    }


def bluesky_search(posts: list[dict], cursor: str | None = "25") -> str:
    """A searchPosts answer; the last page has no `cursor`."""
    answer = {"hitsTotal": len(posts), "posts": posts}
    if cursor is not None:
        answer = {"cursor": cursor} | answer
    return json.dumps(answer)


def reddit_listing(links: list[dict], after: str | None = None) -> str:
    """A Listing of t3 children as /search.json returns it; `after` names the next page."""
    children = [
        {
            "kind": "t3",
            "data": {
                "id": link["id"],
                "name": f"t3_{link['id']}",
                "subreddit": "quebec",
                "title": link["title"],
                "selftext": link.get("selftext", ""),
                "author": link.get("author", "montrealais"),
                "permalink": f"/r/quebec/comments/{link['id']}/un_titre/",
                "url": link.get(
                    "url", f"https://www.reddit.com/r/quebec/comments/{link['id']}/un_titre/"
                ),
                "created_utc": link.get(
                    "created_utc", datetime(2026, 3, 3, tzinfo=UTC).timestamp()
                ),
                "num_comments": 3,
                "score": 12,
                "over_18": False,
            },
        }
        for link in links
    ]
    return json.dumps(
        {
            "kind": "Listing",
            "data": {
                "after": after,
                "dist": len(children),
                "modhash": "",
                "children": children,
                "before": None,
            },
        }
    )


def review_page(reviews: list[str]) -> str:
    """A reviews page: navigation and footer around the content trafilatura keeps."""
    body = "".join(f"<div class='review'><p>{r}</p></div>" for r in reviews)
    return (
        "<!doctype html><html lang='fr'><head><title>Avis — Garderies de La Tuque</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/garderies'>Garderies</a> <a href='/contact'>Contact</a></nav>"
        "<main><article><h1>Avis sur les garderies de La Tuque</h1>"
        "<p>Les parents de la région partagent ici leur expérience des services de garde éducatifs.</p>"
        f"{body}</article></main><footer>© 2026 Annuaire des garderies</footer></body></html>"
    )
