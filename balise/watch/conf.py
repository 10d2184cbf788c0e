"""The watch's tunables: Django settings first (tests override them), then the environment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings

from balise.env import env_bool, env_int, env_str

_URL_SEPARATORS = re.compile(r"[\s,]+")

DEFAULT_USER_AGENT = "Balise-veille/0.1 (veille du code de conduite d'un CPE; +{site}) python-httpx"


@dataclass(frozen=True)
class WatchConf:
    allow_loopback: bool
    timeout: float
    total_timeout: float
    max_bytes: int
    per_host: int
    concurrency: int
    max_redirects: int
    user_agent: str
    images: bool  # download and analyse the images of new mentions
    max_pages: int  # pages read per query and per poll (Mastodon, Bluesky, Reddit)
    apprise_urls: tuple[str, ...]  # the installation's Apprise channels (every CPE's alerts)


def split_urls(value) -> tuple[str, ...]:
    """Returns the URLs of a comma- or blank-separated string (or of a list)."""
    if isinstance(value, str):
        value = _URL_SEPARATORS.split(value)
    return tuple(str(v).strip() for v in value or () if str(v).strip())


def conf() -> WatchConf:
    """Returns the current tunables; BALISE_WATCH_ALLOW_LOOPBACK exists for tests only."""

    def pick(name: str, default):
        return getattr(settings, name, default)

    return WatchConf(
        # Never read from the environment: only a test (or a benchmark) can turn it on.
        allow_loopback=bool(pick("BALISE_WATCH_ALLOW_LOOPBACK", False)),
        timeout=float(pick("BALISE_WATCH_TIMEOUT", env_int("BALISE_WATCH_TIMEOUT", 15))),
        total_timeout=float(
            pick("BALISE_WATCH_TOTAL_TIMEOUT", env_int("BALISE_WATCH_TOTAL_TIMEOUT", 45))
        ),
        max_bytes=int(
            pick("BALISE_WATCH_MAX_BYTES", env_int("BALISE_WATCH_MAX_BYTES", 5 * 1024 * 1024))
        ),
        per_host=int(pick("BALISE_WATCH_PER_HOST", env_int("BALISE_WATCH_PER_HOST", 4))),
        concurrency=int(pick("BALISE_WATCH_CONCURRENCY", env_int("BALISE_WATCH_CONCURRENCY", 32))),
        max_redirects=int(pick("BALISE_WATCH_MAX_REDIRECTS", 5)),
        images=bool(pick("BALISE_WATCH_IMAGES", env_bool("BALISE_WATCH_IMAGES", True))),
        max_pages=max(1, int(pick("BALISE_WATCH_MAX_PAGES", env_int("BALISE_WATCH_MAX_PAGES", 5)))),
        apprise_urls=split_urls(
            pick("BALISE_WATCH_APPRISE_URLS", env_str("BALISE_WATCH_APPRISE_URLS"))
        ),
        user_agent=pick(
            "BALISE_WATCH_USER_AGENT",
            env_str("BALISE_WATCH_USER_AGENT") or DEFAULT_USER_AGENT.format(site=settings.SITE_URL),
        ),
    )
