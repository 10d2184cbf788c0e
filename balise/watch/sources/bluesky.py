"""Bluesky: post search per watched term, with the CPE's handle and an app password.

Since early 2025 `app.bsky.feed.searchPosts` needs a session: each poll opens one with
`com.atproto.server.createSession` (the password is decrypted only for that call, and no token
is kept).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.watch.net import Fetcher, FetchError
from balise.watch.sources._json import expect, iso_date, load
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

SERVICE = "Bluesky"
LIMIT = 25


def post_item(post: Any) -> Item:
    """Returns the item of one app.bsky.feed.defs#postView."""
    expect(isinstance(post, dict), SERVICE, "publication non objet")
    author, record = post.get("author"), post.get("record")
    expect(
        isinstance(author, dict) and isinstance(author.get("handle"), str),
        SERVICE,
        "publication sans « author.handle »",
    )
    expect(
        isinstance(record, dict) and isinstance(record.get("text"), str),
        SERVICE,
        "publication sans « record.text »",
    )
    uri = post.get("uri")
    expect(isinstance(uri, str) and uri.startswith("at://"), SERVICE, "publication sans « uri »")
    published, _problem = checked_date(iso_date(record.get("createdAt")))
    embed = post.get("embed") if isinstance(post.get("embed"), dict) else {}
    images = [
        i.get("fullsize", "")
        for i in embed.get("images", [])
        if isinstance(i, dict) and i.get("fullsize")
    ]
    return Item(
        url=f"https://bsky.app/profile/{author['handle']}/post/{uri.rsplit('/', 1)[-1]}",
        text=record["text"],
        author="@" + author["handle"],
        published_at=published,
        images=images[:4],
    )


def _newest(posts: list) -> dict | None:
    """Returns what identifies the newest post read: its URI and when it was indexed."""
    dated = [
        (when, str(p.get("uri", "")))
        for p in posts
        if isinstance(p, dict) and (when := iso_date(p.get("indexedAt"))) is not None
    ]
    if not dated:
        return None
    when, uri = max(dated)
    return {"uri": uri, "at": when.isoformat()}


def _reaches(page: list, seen: dict) -> bool:
    """True when the page holds the newest post of the previous poll, or anything older."""
    before = iso_date(seen.get("at"))
    for post in page:
        if not isinstance(post, dict):
            continue
        if post.get("uri") == seen.get("uri"):
            return True
        when = iso_date(post.get("indexedAt"))
        if before is not None and when is not None and when <= before:
            return True
    return False


@register
class BlueskyAdapter(Adapter):
    kind = "bluesky"
    label = gettext_lazy("Bluesky (recherche de publications)")
    min_interval = timedelta(minutes=15)
    default_url = "https://bsky.social"
    needs_secret = True
    uses_terms = True

    def clean_config(self, config: dict[str, Any]) -> dict[str, Any]:
        handle = str(config.get("handle", "")).strip().lstrip("@")
        if not handle:
            raise ValueError(_("Indiquez l'identifiant Bluesky du CPE (ex. cpe.bsky.social)."))
        return {"handle": handle}

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        if not spec.secret:
            raise FetchError(_("Mot de passe d'application Bluesky manquant."))
        base = spec.url.rstrip("/")
        token = await self._session(http, base, spec.config.get("handle", ""), spec.secret)
        result = FetchResult(state=kept_state(spec.state, "seen:", set(spec.terms)))
        for term in spec.terms:
            seen = spec.state.get(f"seen:{term}")
            posts, behind = await self._search(http, base, token, term, seen)
            result.items += [post_item(p) for p in posts]
            result.state[f"seen:{term}"] = _newest(posts) or seen
            if behind:
                result.warnings.append(behind_warning(term, http.cfg.max_pages))
        return result

    async def _search(
        self, http: Fetcher, base: str, token: str, term: str, seen: Any
    ) -> tuple[list, bool]:
        """Returns the term's posts down to the newest of the previous poll, and whether some
        may be left (the page cap came first).

        The first poll reads one page. Later polls follow `cursor` until a page reaches a post
        already seen (same URI, or indexed no later than it), the service has no next page, or
        `max_pages` pages were read.
        """
        posts: list = []
        cursor = ""
        for _page_no in range(http.cfg.max_pages):
            query = {"q": term, "limit": LIMIT, "sort": "latest"}
            if cursor:
                query["cursor"] = cursor
            response = await http.get(
                f"{base}/xrpc/app.bsky.feed.searchPosts?{urlencode(query)}",
                headers={"Authorization": f"Bearer {token}"},
            )
            data = load(response, SERVICE)
            expect(
                isinstance(data, dict) and isinstance(data.get("posts"), list),
                SERVICE,
                "« posts » absent",
            )
            page = data["posts"]
            posts += page
            cursor = data.get("cursor") if isinstance(data.get("cursor"), str) else ""
            if not isinstance(seen, dict) or not page or not cursor or _reaches(page, seen):
                return posts, False
        return posts, True

    async def _session(self, http: Fetcher, base: str, handle: str, password: str) -> str:
        try:
            response = await http.request(
                "POST",
                f"{base}/xrpc/com.atproto.server.createSession",
                json={"identifier": handle, "password": password},
            )
        except FetchError as exc:
            if exc.status in (400, 401):
                raise FetchError(
                    _("Bluesky a refusé l'identifiant ou le mot de passe d'application.")
                ) from None
            raise
        data = load(response, SERVICE)
        expect(
            isinstance(data, dict) and isinstance(data.get("accessJwt"), str),
            SERVICE,
            "session sans « accessJwt »",
        )
        return data["accessJwt"]
