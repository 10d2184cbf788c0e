"""The watch's tunables: Django settings first (tests override them), then the environment."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from balise.env import env_bool, env_int, env_str

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
        user_agent=pick(
            "BALISE_WATCH_USER_AGENT",
            env_str("BALISE_WATCH_USER_AGENT") or DEFAULT_USER_AGENT.format(site=settings.SITE_URL),
        ),
    )
