"""Untrusted HTML from the web: sanitised when kept, flattened to text when read."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import nh3

ALLOWED_TAGS = {"p", "br", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "q"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\n\s*\n+")
_BLOCKS = re.compile(r"(?i)<\s*(br|/p|/li|/div|/h\d|/blockquote)\b[^>]*>")
#: A date further ahead than this is a publisher's mistake (or a lure), not a date.
FUTURE_SLACK = timedelta(days=1)


def sanitize(fragment: str) -> str:
    """Returns HTML keeping only harmless tags; links get rel=noopener noreferrer nofollow."""
    return nh3.clean(
        fragment or "",
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
    )


def to_text(fragment: str) -> str:
    """Returns the visible text of an HTML fragment, one paragraph per line."""
    if "<" not in (fragment or "") and "&" not in (fragment or ""):
        plain = "\n".join(_SPACES.sub(" ", line).strip() for line in (fragment or "").splitlines())
        return _LINES.sub("\n\n", plain).strip()
    marked = _BLOCKS.sub(lambda m: m.group(0) + "\n", fragment or "")
    flat = html.unescape(nh3.clean(marked, tags=set()))
    flat = "\n".join(_SPACES.sub(" ", line).strip() for line in flat.splitlines())
    return _LINES.sub("\n\n", flat).strip()


def checked_date(
    value: datetime | None, now: datetime | None = None
) -> tuple[datetime | None, str]:
    """Returns (date, problem): dates in the future are dropped with a reason."""
    if value is None:
        return None, "sans-date"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return None, "date-future"
    return value, ""
