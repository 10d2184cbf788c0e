"""Reddit: search results for each watched term, through its public JSON listing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy

from balise.watch.net import Fetcher
from balise.watch.sources._json import expect, load
from balise.watch.sources.base import Adapter, FetchResult, Item, SourceSpec, register
from balise.watch.text import checked_date

SERVICE = "Reddit"
IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def link_item(child: Any, base: str) -> Item:
    """Returns the item of one t3 (link) child of a Listing."""
    expect(
        isinstance(child, dict) and isinstance(child.get("data"), dict),
        SERVICE,
        "enfant sans « data »",
    )
    data = child["data"]
    expect(isinstance(data.get("permalink"), str), SERVICE, "publication sans « permalink »")
    created = data.get("created_utc")
    when = datetime.fromtimestamp(created, UTC) if isinstance(created, int | float) else None
    published, _problem = checked_date(when)
    target = str(data.get("url") or "")
    return Item(
        url=base + data["permalink"],
        title=str(data.get("title") or ""),
        text=str(data.get("selftext") or ""),
        author="u/" + str(data.get("author") or "?"),
        published_at=published,
        images=[target] if target.lower().endswith(IMAGE_ENDINGS) else [],
    )


@register
class RedditAdapter(Adapter):
    kind = "reddit"
    label = gettext_lazy("Reddit (recherche)")
    # Reddit asks unauthenticated clients for few requests; one search per term per 30 min.
    min_interval = timedelta(minutes=30)
    default_url = "https://www.reddit.com"
    uses_terms = True

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        base = spec.url.rstrip("/")
        result = FetchResult()
        for term in spec.terms:
            query = urlencode({"q": f'"{term}"', "sort": "new", "limit": 25, "raw_json": 1})
            listing = load(await http.get(f"{base}/search.json?{query}"), SERVICE)
            expect(
                isinstance(listing, dict) and isinstance(listing.get("data"), dict),
                SERVICE,
                "« Listing » attendu",
            )
            children = listing["data"].get("children")
            expect(isinstance(children, list), SERVICE, "« data.children » absent")
            result.items += [link_item(c, base) for c in children if c.get("kind") in ("t3", None)]
        return result
