"""Mastodon: public hashtag timelines and, where the instance allows it, status search."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balise.watch.net import Fetcher, FetchError
from balise.watch.sources._json import expect, iso_date, load
from balise.watch.sources.base import (
    Adapter,
    FetchResult,
    Item,
    SourceSpec,
    kept_state,
    link_query,
    register,
)
from balise.watch.text import checked_date, to_text

SERVICE = "Mastodon"
LIMIT = 40


def status_item(status: Any) -> Item:
    """Returns the item of one Mastodon Status entity."""
    expect(isinstance(status, dict), SERVICE, "statut non objet")
    account = status.get("account")
    expect(isinstance(account, dict) and "acct" in account, SERVICE, "statut sans « account.acct »")
    expect(isinstance(status.get("content"), str), SERVICE, "statut sans « content »")
    url = status.get("url") or status.get("uri")
    expect(isinstance(url, str) and bool(url), SERVICE, "statut sans « url »")
    content = status["content"]
    if status.get("spoiler_text"):
        content = f"<p>{status['spoiler_text']}</p>{content}"
    published, _problem = checked_date(iso_date(status.get("created_at")))
    media = status.get("media_attachments") or []
    return Item(
        url=url,
        text=to_text(content),
        html=content,
        author="@" + str(account["acct"]),
        published_at=published,
        images=[
            m["url"]
            for m in media
            if isinstance(m, dict) and m.get("type") == "image" and m.get("url")
        ][:4],
    )


def _status_id(status: Any) -> str:
    expect(isinstance(status, dict) and status.get("id"), SERVICE, "statut sans « id »")
    return str(status["id"])


@register
class MastodonAdapter(Adapter):
    kind = "mastodon"
    label = gettext_lazy("Mastodon (mots-clics et recherche)")
    min_interval = timedelta(minutes=10)
    default_url = "https://mastodon.social"
    uses_terms = True

    def clean_config(self, config: dict[str, Any]) -> dict[str, Any]:
        tags = [t.strip().lstrip("#") for t in config.get("hashtags", []) if t.strip().lstrip("#")]
        if not tags and not config.get("search"):
            raise ValueError(_("Indiquez au moins un mot-clic ou activez la recherche."))
        return {"hashtags": tags, "search": bool(config.get("search"))}

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        base = spec.url.rstrip("/")
        tags = spec.config.get("hashtags", [])
        result = FetchResult(state=kept_state(spec.state, "since:", set(tags)))
        for tag in tags:
            statuses, newest = await self._timeline(
                http, base, tag, spec.state.get(f"since:{tag}"), result
            )
            result.items += [status_item(s) for s in statuses]
            if newest:
                result.state[f"since:{tag}"] = newest
        if spec.config.get("search"):
            for term in spec.terms:
                result.items += await self._search(http, base, term, result)
        return result

    async def _timeline(
        self, http: Fetcher, base: str, tag: str, seen: str | None, result: FetchResult
    ) -> tuple[list, str]:
        """Returns the tag's statuses newer than `seen` and the newest id read.

        The first poll reads the newest page only. Later polls page forward from the last status
        seen (`min_id`, then the `min_id` of the Link header's rel="prev"), oldest page first,
        until a page is not full or `max_pages` pages were read: what is left is read at the
        next poll, from where this one stopped, so nothing is skipped.
        """
        url = f"{base}/api/v1/timelines/tag/{quote(tag, safe='')}"
        if not seen:
            statuses, _links = await self._page(http, url, {"limit": LIMIT})
            return statuses, _status_id(statuses[0]) if statuses else ""
        read, cursor = [], seen
        for _page_no in range(http.cfg.max_pages):
            statuses, links = await self._page(http, url, {"limit": LIMIT, "min_id": cursor})
            if not statuses:
                break
            read = statuses + read  # newest first, like one long page
            cursor = link_query(links, "prev").get("min_id") or _status_id(statuses[0])
            if len(statuses) < LIMIT:
                break
        else:
            result.warnings.append(
                _(
                    "#%(tag)s : %(pages)s pages de nouvelles publications lues (la limite d'un "
                    "passage) ; la suite sera lue au prochain passage."
                )
                % {"tag": tag, "pages": http.cfg.max_pages}
            )
        return read, cursor if read else seen

    async def _page(self, http: Fetcher, url: str, query: dict) -> tuple[list, str]:
        response = await http.get(f"{url}?{urlencode(query)}")
        statuses = load(response, SERVICE)
        expect(isinstance(statuses, list), SERVICE, "le fil du mot-clic n'est pas une liste")
        return statuses, response.headers.get("link", "")

    async def _search(self, http: Fetcher, base: str, term: str, result: FetchResult) -> list[Item]:
        query = urlencode({"q": term, "type": "statuses", "limit": LIMIT, "resolve": "false"})
        try:
            response = await http.get(f"{base}/api/v2/search?{query}")
        except FetchError as exc:
            if exc.status in (401, 403, 422):
                result.warnings.append(
                    _("Recherche non permise par cette instance (HTTP %(s)s).") % {"s": exc.status}
                )
                return []
            raise
        found = load(response, SERVICE)
        expect(
            isinstance(found, dict) and isinstance(found.get("statuses"), list),
            SERVICE,
            "« statuses » absent de la recherche",
        )
        return [status_item(s) for s in found["statuses"]]
