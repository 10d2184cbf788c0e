"""Writes an anonymised copy: faces without consent pixelated and blurred, metadata gone."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Iterable
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from .analysis import MediaAnalysis, analyze_photo
from .boxes import Box, FaceBox, iou
from .errors import MediaError
from .faces import MAX_SIDE
from .limits import DEFAULT_LIMITS, Limits
from .logo import LogoRef, load_refs
from .photo import open_photo
from .sniff import PHOTO_FORMATS, sniff_format

OUTPUT_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MARGIN = 0.25  # box grown by this share on each side: hair, ears and chin identify too
BLOCKS = 6  # a face keeps no more than BLOCKS×BLOCKS averaged colours
JPEG_QUALITY = 90
THOROUGH_ZOOM = 2.0


def anonymize_image(
    src: str | Path,
    dst: str | Path,
    *,
    keep: Collection[int] = frozenset(),
    logo_refs: Iterable[str | Path | LogoRef] = (),
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
    thorough: bool = False,
) -> MediaAnalysis:
    """Write to `dst` a copy of photo `src` with every face whose index is not in `keep`
    blurred (weak candidates too, unless they overlap a kept face), without any metadata.
    Return the analysis of the original (its faces, logo, GPS). `src` is never modified.
    `thorough` also searches enlarged tiles for faces of 10 to 20 px (several times slower)."""
    src, dst = Path(src), Path(dst)
    fmt = sniff_format(src)
    if fmt not in PHOTO_FORMATS:
        raise MediaError(
            src, "unsupported", "l'anonymisation d'une vidéo n'est pas encore offerte."
        )
    output_format = _output_format(src, dst)
    preview = open_photo(src, fmt, limits, draft_side=None if thorough else MAX_SIDE)
    zoom = THOROUGH_ZOOM if thorough else 1.0
    analysis = analyze_photo(src.name, preview, load_refs(logo_refs), threads=threads, zoom=zoom)
    full = open_photo(src, fmt, limits)
    pixels = blur_boxes(full.rgb, boxes_to_blur(analysis, keep))
    write_clean(pixels, dst, output_format)
    return analysis


def boxes_to_blur(analysis: MediaAnalysis, keep: Collection[int]) -> list[FaceBox]:
    """Return the faces not kept, plus weak candidates that touch no kept face."""
    kept = [face for i, face in enumerate(analysis.faces) if i in keep]
    chosen = [face for i, face in enumerate(analysis.faces) if i not in keep]
    chosen += [weak for weak in analysis.weak_faces if all(iou(weak, k) == 0 for k in kept)]
    return chosen


def blur_boxes(rgb: np.ndarray, boxes: Iterable[Box]) -> np.ndarray:
    """Return a copy of the pixels with each (grown) box pixelated then blurred."""
    out = rgb.copy()
    height, width = out.shape[:2]
    for box in boxes:
        dx, dy = int(box.w * MARGIN), int(box.h * MARGIN)
        x1, y1 = max(0, box.x - dx), max(0, box.y - dy)
        x2, y2 = min(width, box.x + box.w + dx), min(height, box.y + box.h + dy)
        if x2 > x1 and y2 > y1:
            out[y1:y2, x1:x2] = _obliterate(out[y1:y2, x1:x2])
    return out


def _obliterate(region: np.ndarray) -> np.ndarray:
    """Return the region averaged down to BLOCKS×BLOCKS cells and smoothly interpolated back:
    no eye, mouth or contour survives, and no block edge forms a new pattern. Costs one
    resize each way whatever the face's size (a large Gaussian kernel would not)."""
    height, width = region.shape[:2]
    cells = (max(1, min(BLOCKS, width)), max(1, min(BLOCKS, height)))
    small = cv2.resize(region, cells, interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


def write_clean(rgb: np.ndarray, dst: Path, output_format: str) -> None:
    """Write pixels only (no EXIF, XMP, GPS, ICC, comment) atomically to `dst`."""
    image = Image.fromarray(rgb)  # a fresh image: it carries no metadata at all
    options = {"quality": JPEG_QUALITY} if output_format in ("JPEG", "WEBP") else {}
    dst.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=dst.parent, prefix=".balise-", suffix=dst.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            image.save(stream, output_format, **options)
        os.replace(temp, dst)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _output_format(src: Path, dst: Path) -> str:
    if dst.exists() and dst.resolve() == src.resolve():
        raise MediaError(src, "same_file", "la copie anonymisée ne peut pas remplacer l'original.")
    suffix = dst.suffix.lower() or ".jpg"
    if suffix not in OUTPUT_FORMATS:
        raise MediaError(
            dst, "unsupported", "format de sortie non pris en charge (choisir .jpg, .png ou .webp)."
        )
    return OUTPUT_FORMATS[suffix]
