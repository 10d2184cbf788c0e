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
from .photo import open_photo, open_pixels
from .sniff import PHOTO_FORMATS, sniff_format

OUTPUT_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MARGIN = 0.25  # box grown by this share on each side: hair, ears and chin identify too
BLOCKS = 6  # a face keeps no more than BLOCKS×BLOCKS averaged colours
JPEG_QUALITY = 88
# Fast, ordinary JPEG: no Huffman optimisation pass, chroma at half resolution (4:2:0).
JPEG_OPTIONS = {"quality": JPEG_QUALITY, "optimize": False, "subsampling": "4:2:0"}
WEBP_OPTIONS = {"quality": JPEG_QUALITY}
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
            src,
            "unsupported",
            "c'est une vidéo, pas une photo (sa copie floutée s'écrit en .mp4 : anonymize_video "
            "ou anonymize_file).",
        )
    output_format = _output_format(src, dst)
    preview = open_photo(src, fmt, limits, draft_side=None if thorough else MAX_SIDE)
    zoom = THOROUGH_ZOOM if thorough else 1.0
    analysis = analyze_photo(src.name, preview, load_refs(logo_refs), threads=threads, zoom=zoom)
    full = open_pixels(src, fmt, limits)
    blur_image(full, boxes_to_blur(analysis, keep))
    write_clean(full, dst, output_format)
    return analysis


def anonymize_file(
    src: str | Path,
    dst: str | Path,
    *,
    keep: Collection[int] = frozenset(),
    logo_refs: Iterable[str | Path | LogoRef] = (),
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
    thorough: bool = False,
) -> MediaAnalysis:
    """Write the anonymised copy of a photo (anonymize_image) or a video (anonymize_video,
    .mp4, without sound), told apart by content. `thorough` applies to photos only."""
    src = Path(src)
    if sniff_format(src) in PHOTO_FORMATS:
        return anonymize_image(
            src,
            dst,
            keep=keep,
            logo_refs=logo_refs,
            limits=limits,
            threads=threads,
            thorough=thorough,
        )
    from .videocopy import anonymize_video

    return anonymize_video(src, dst, keep=keep, logo_refs=logo_refs, limits=limits, threads=threads)


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
    for x1, y1, x2, y2 in _grown(boxes, width, height):
        out[y1:y2, x1:x2] = _obliterate(out[y1:y2, x1:x2])
    return out


def blur_image(image: Image.Image, boxes: Iterable[Box]) -> None:
    """Blur each (grown) box of a Pillow RGB image in place, like blur_boxes: only the face
    regions go through NumPy, never the whole frame."""
    for x1, y1, x2, y2 in _grown(boxes, image.width, image.height):
        region = np.asarray(image.crop((x1, y1, x2, y2)))
        image.paste(Image.fromarray(_obliterate(region)), (x1, y1))


def _grown(boxes: Iterable[Box], width: int, height: int) -> list[tuple[int, int, int, int]]:
    """Return each box grown by MARGIN on every side, clipped to the frame, as x1, y1, x2, y2."""
    regions = []
    for box in boxes:
        dx, dy = int(box.w * MARGIN), int(box.h * MARGIN)
        x1, y1 = max(0, box.x - dx), max(0, box.y - dy)
        x2, y2 = min(width, box.x + box.w + dx), min(height, box.y + box.h + dy)
        if x2 > x1 and y2 > y1:
            regions.append((x1, y1, x2, y2))
    return regions


def _obliterate(region: np.ndarray) -> np.ndarray:
    """Return the region averaged down to BLOCKS×BLOCKS cells and smoothly interpolated back:
    no eye, mouth or contour survives, and no block edge forms a new pattern. Costs one
    resize each way whatever the face's size (a large Gaussian kernel would not)."""
    height, width = region.shape[:2]
    cells = (max(1, min(BLOCKS, width)), max(1, min(BLOCKS, height)))
    small = cv2.resize(region, cells, interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_LINEAR)


def write_clean(pixels: np.ndarray | Image.Image, dst: Path, output_format: str) -> None:
    """Write pixels only (no EXIF, XMP, GPS, ICC, comment) atomically to `dst`."""
    if isinstance(pixels, np.ndarray):
        image = Image.fromarray(pixels)  # a fresh image: it carries no metadata at all
    else:
        image = pixels
        image.info = {}  # Pillow's PNG writer copies an ICC profile, its JPEG writer a comment
    options = {"JPEG": JPEG_OPTIONS, "WEBP": WEBP_OPTIONS}.get(output_format, {})
    # Nothing but pixels, said explicitly too in case a writer falls back on other sources.
    options = {**options, "exif": b"", "icc_profile": None}
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
