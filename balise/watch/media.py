"""Images attached to mentions: downloaded through the guarded fetcher, analysed by the engine's
media module (faces, the CPE's logo), handed to the engine as `context.media`.

Images are read in memory and in a temporary file only; nothing is kept.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from dataclasses import replace
from pathlib import Path

from balise.watch.conf import conf
from balise.watch.net import Fetcher, FetchError, make_client

log = logging.getLogger("balise.watch")
MAX_IMAGES = 4
IMAGE_MAX_BYTES = 10 * 1024 * 1024


async def _download_all(url_lists: list[list[str]]) -> list[list[bytes]]:
    cfg = conf()
    cfg = replace(cfg, max_bytes=min(cfg.max_bytes * 2, IMAGE_MAX_BYTES))
    async with make_client(cfg) as client:
        http = Fetcher(client, cfg)

        async def one(url: str) -> bytes:
            try:
                return (await http.get(url)).body
            except FetchError as exc:
                log.info("watch image skipped: %s", exc, extra={"image_url": url[:200]})
                return b""

        return [
            list(await asyncio.gather(*(one(u) for u in urls[:MAX_IMAGES]))) for urls in url_lists
        ]


def analyse(images: list[bytes]) -> tuple[dict, ...]:
    """Returns one context.media item per readable image (faces, logo, metadata)."""
    from balise.engine.media import MediaError, analyze_file

    items = []
    with tempfile.TemporaryDirectory(prefix="balise-veille-") as tmp:
        for n, data in enumerate(images):
            if not data:
                continue
            path = Path(tmp) / f"image-{n + 1}"
            path.write_bytes(data)
            try:
                items.append(analyze_file(path).to_context())
            except MediaError as exc:
                log.info("watch image unreadable: %s", exc)
    return tuple(items)


def media_contexts(url_lists: list[list[str]]) -> list[tuple[dict, ...]]:
    """Returns the context.media of each list of image URLs (empty when there are none)."""
    if not any(url_lists) or not conf().images:
        return [() for _ in url_lists]
    downloaded = asyncio.run(_download_all(url_lists))
    return [analyse(images) if images else () for images in downloaded]
