"""Reddit: search results for each watched term, through its public JSON listing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy

from balise.watch.net import Fetcher
from balise.watch.sources._json import expect, load
from balise.watch.sources.base import (
    Adapter,
    FetchResult,
    Item,
    SourceSpec,
    behind_warning,
    kept_state,
    register,
)
from balise.watch.text import checked_date

SERVICE = "Reddit"
LIMIT = 25
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


def _created(child: dict) -> float | None:
    created = child.get("data", {}).get("created_utc")
    return float(created) if isinstance(created, int | float) else None


def _newest(children: list) -> dict | None:
    """Returns what identifies the newest link read: its fullname and creation time."""
    dated = [
        (when, str(c["data"].get("name") or ""))
        for c in children
        if (when := _created(c)) is not None
    ]
    if not dated:
        return None
    when, name = max(dated)
    return {"name": name, "at": when}


def _reaches(page: list, seen: dict) -> bool:
    """True when the page holds the newest link of the previous poll, or anything older."""
    before = seen.get("at")
    for child in page:
        if child["data"].get("name") and child["data"].get("name") == seen.get("name"):
            return True
        when = _created(child)
        if isinstance(before, int | float) and when is not None and when <= before:
            return True
    return False


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
        result = FetchResult(state=kept_state(spec.state, "seen:", set(spec.terms)))
        for term in spec.terms:
            seen = spec.state.get(f"seen:{term}")
            children, behind = await self._search(http, base, term, seen)
            result.items += [link_item(c, base) for c in children]
            result.state[f"seen:{term}"] = _newest(children) or seen
            if behind:
                result.warnings.append(behind_warning(term, http.cfg.max_pages))
        return result

    async def _search(self, http: Fetcher, base: str, term: str, seen: Any) -> tuple[list, bool]:
        """Returns the term's links down to the newest of the previous poll, and whether some
        may be left (the page cap came first).

        The first poll reads one page. Later polls follow the Listing's `data.after` until a
        page reaches a link already seen (same fullname, or created no later than it), there is
        no next page, or `max_pages` pages were read.
        """
        links: list = []
        after = ""
        for _page_no in range(http.cfg.max_pages):
            query = {"q": f'"{term}"', "sort": "new", "limit": LIMIT, "raw_json": 1}
            if after:
                query["after"] = after
            listing = load(await http.get(f"{base}/search.json?{urlencode(query)}"), SERVICE)
            expect(
                isinstance(listing, dict) and isinstance(listing.get("data"), dict),
                SERVICE,
                "« Listing » attendu",
            )
            children = listing["data"].get("children")
            expect(isinstance(children, list), SERVICE, "« data.children » absent")
            for child in children:
                expect(
                    isinstance(child, dict) and isinstance(child.get("data"), dict),
                    SERVICE,
                    "enfant sans « data »",
                )
            page = [c for c in children if c.get("kind") in ("t3", None)]
            links += page
            after = listing["data"].get("after")
            after = after if isinstance(after, str) else ""
            if not isinstance(seen, dict) or not children or not after or _reaches(page, seen):
                return links, False
        return links, True
