"""Size limits that keep one upload from exhausting the server's memory or time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Upper bounds checked before any pixel is decoded."""

    photo_bytes: int = 60_000_000
    photo_pixels: int = 60_000_000
    video_bytes: int = 500_000_000
    video_seconds: float = 600.0
    video_pixels: int = 4096 * 2304


DEFAULT_LIMITS = Limits()
