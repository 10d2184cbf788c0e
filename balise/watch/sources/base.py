"""The one shape of a source adapter: a spec in, items (or an error) out.

An adapter never touches the database: the poller hands it a frozen `SourceSpec` and a
`Fetcher`, and stores what comes back. Adding a source type is one new module that subclasses
`Adapter` and decorates it with `@register`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext as _

from balise.watch.net import Fetcher

_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")
_REL = re.compile(r"""rel\s*=\s*"?([^";]+)"?""", re.IGNORECASE)

ADAPTERS: dict[str, type[Adapter]] = {}


def register(cls: type[Adapter]) -> type[Adapter]:
    """Registers an adapter class under its `kind`."""
    ADAPTERS[cls.kind] = cls
    return cls


def adapter_for(kind: str) -> Adapter:
    from balise.watch import sources  # noqa: F401  (imports every adapter module)

    return ADAPTERS[kind]()


@dataclass(frozen=True)
class SourceSpec:
    """What an adapter knows of a source: no ORM object crosses into the async code."""

    id: int
    kind: str
    name: str
    url: str
    config: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    terms: tuple[str, ...] = ()
    secret: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass
class Item:
    """One post, article or page change found by a source."""

    url: str
    title: str = ""
    text: str = ""
    html: str = ""  # as the source sent it: sanitised (nh3) by the poller before it is stored
    author: str = ""
    published_at: datetime | None = None
    images: list[str] = field(default_factory=list)
    key: str = ""  # overrides the canonical URL (a page's successive changes share one URL)


@dataclass
class FetchResult:
    items: list[Item] = field(default_factory=list)
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""
    state: dict[str, Any] | None = None  # replaces the source's state when not None
    min_interval: timedelta | None = None  # what the source asked for (RSS <ttl>, …)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    retry_after: float | None = None


class Adapter:
    """Base class: `fetch` returns a FetchResult or raises net.FetchError."""

    kind: ClassVar[str]
    label: ClassVar[str]
    #: Never polled more often than this, whatever the direction sets.
    min_interval: ClassVar[timedelta] = timedelta(minutes=15)
    default_url: ClassVar[str] = ""
    needs_secret: ClassVar[bool] = False
    uses_terms: ClassVar[bool] = False  # queries the service once per watched term

    async def fetch(self, spec: SourceSpec, http: Fetcher) -> FetchResult:
        raise NotImplementedError

    def clean_config(self, config: dict[str, Any]) -> dict[str, Any]:
        """Returns the config this kind keeps (none by default); raises ValueError in French."""
        return {}


def conditional_headers(spec: SourceSpec) -> dict[str, str]:
    headers = {}
    if spec.etag:
        headers["If-None-Match"] = spec.etag
    if spec.last_modified:
        headers["If-Modified-Since"] = spec.last_modified
    return headers


def link_query(header: str, rel: str) -> dict[str, str]:
    """Returns the query parameters of the RFC 8288 `Link` whose rel is `rel` ({} if none).

    Only the parameters are used: the next request is built on the source's own address, so a
    Link header cannot send the watch to another host.
    """
    for target, params in _LINK.findall(header or ""):
        found = _REL.search(params)
        if found and rel in found.group(1).split():
            return {k: v[0] for k, v in parse_qs(urlsplit(target).query).items() if v}
    return {}


def kept_state(state: dict[str, Any], prefix: str, keys: set[str]) -> dict[str, Any]:
    """Returns the state without the `prefix` entries of terms or tags no longer watched."""
    return {k: v for k, v in state.items() if not k.startswith(prefix) or k[len(prefix) :] in keys}


def behind_warning(term: str, pages: int) -> str:
    """The health page's note when a search hit the page cap before the previous poll's posts."""
    return _(
        "« %(term)s » : %(pages)s pages lues sans rejoindre le passage précédent ; des "
        "publications plus anciennes ont pu être manquées (BALISE_WATCH_MAX_PAGES)."
    ) % {"term": term, "pages": pages}
