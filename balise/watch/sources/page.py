"""A web page watched for changes (a review page, a forum thread), robots.txt respected.

The page's readable text is extracted with trafilatura; each poll reports only the paragraphs
that were not there before (the first poll reports the page as it is).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import trafilatura
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.watch.canonical import canonical_url
from balise.watch.net import Fetcher, FetchError
from balise.watch.sources.base import (
    Adapter,
    FetchResult,
    Item,
    SourceSpec,
    conditional_headers,
    register,
)

ROBOTS_AGENT = "Balise-veille"
MAX_PARAGRAPHS = 3000


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


async def robots_allows(http: Fetcher, url: str) -> bool:
    """True when robots.txt lets Balise read the URL (RFC 9309: 4xx allows, 5xx forbids)."""
    parts = urlsplit(url)
    try:
        response = await http.get(f"{parts.scheme}://{parts.netloc}/robots.txt")
    except FetchError as exc:
        if exc.status and 400 <= exc.status < 500:
            return True
        return False
    parser = RobotFileParser()
    parser.parse(response.body.decode("utf-8", "replace").splitlines())
    return parser.can_fetch(ROBOTS_AGENT, url)


def extract(html: bytes) -> list[str]:
    """Returns the page's readable paragraphs (not the raw HTML)."""
    text = (
        trafilatura.extract(
            html.decode("utf-8", "replace"), include_comments=True, favor_recall=True
        )
        or ""
    )
    return [p.strip() for p in text.splitlines() if p.strip()]


def changes(paragraphs: list[str], state: dict) -> tuple[list[str], dict]:
    """Returns the paragraphs not seen before and the new state."""
    seen = set(state.get("paragraphs", []))
    added = [p for p in paragraphs if _hash(p) not in seen]
    return added, {"paragraphs": [_hash(p) for p in paragraphs][:MAX_PARAGRAPHS]}


@register
class PageAdapter(Adapter):
    kind = "page"
    label = gettext_lazy("Page Web surveillée (changements)")
    min_interval = timedelta(minutes=60)

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        if not await robots_allows(http, spec.url):
            raise FetchError(_("Le fichier robots.txt du site interdit la lecture de cette page."))
        response = await http.get(spec.url, headers=conditional_headers(spec))
        if response.status == 304:
            return FetchResult(not_modified=True, etag=spec.etag, last_modified=spec.last_modified)
        added, state = changes(extract(response.body), spec.state)
        result = FetchResult(
            state=state,
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
        )
        if added:
            text = "\n".join(added)
            result.items.append(
                Item(
                    url=spec.url,
                    text=text,
                    published_at=timezone.now(),
                    key=f"{canonical_url(spec.url)}#{_hash(text)}",
                )
            )
        return result
