"""Opens a photo safely: sizes checked before decoding, metadata inventoried, pixels as RGB."""

from __future__ import annotations

import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from .errors import MediaError, megabytes, thousands
from .limits import DEFAULT_LIMITS, Limits

try:  # HEIC/HEIF as phones produce them; optional so that the rest still works without it.
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - the project's environment has it
    HEIF_AVAILABLE = False

# Pillow's own guard (it refuses above twice this value); ours below is checked first, exactly.
Image.MAX_IMAGE_PIXELS = DEFAULT_LIMITS.photo_pixels
PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heif": "HEIF"}
GPS_IFD = 0x8825
GPS_POSITION_TAGS = {1, 2, 3, 4}  # latitude ref, latitude, longitude ref, longitude
TEXT_INFO_KEYS = {"comment": "commentaire", "photoshop": "IPTC", "icc_profile": "ICC"}
XMP_INFO_KEYS = ("xmp", "XML:com.adobe.xmp")
SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
ORIENTATIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass
class Photo:
    """Decoded pixels (RGB, upright as displayed) and what the file said about itself."""

    rgb: np.ndarray
    fmt: str
    width: int
    height: int
    metadata: list[str] = field(default_factory=list)
    gps: bool = False
    scale: float = 1.0  # original pixels per decoded pixel (above 1 after a JPEG draft decode)


def open_photo(
    path: Path, fmt: str, limits: Limits = DEFAULT_LIMITS, *, draft_side: int | None = None
) -> Photo:
    """Return the decoded photo, or raise MediaError for anything too big or unreadable.

    `draft_side`, for analysis only, lets a JPEG decode at a reduced scale (1/2 to 1/8) while
    keeping at least that many pixels on its long side: much faster for 12 MP photos.
    """
    _check_bytes(path, limits)
    with _open_image(path, fmt) as img:
        _check_pixels(path, img.size, limits)
        metadata, gps = inspect_metadata(img)
        orientation = img.getexif().get(0x0112, 1)
        full_size = img.size
        if draft_side and fmt == "jpeg":
            _apply_draft(img, draft_side)
        decoded = _decode_rgb(path, img)
    rgb = np.asarray(_orient(decoded, orientation))
    width, height = full_size if orientation < 5 else full_size[::-1]
    photo = Photo(rgb=rgb, fmt=fmt, width=width, height=height, metadata=metadata, gps=gps)
    photo.scale = width / rgb.shape[1]
    return photo


def open_pixels(path: Path, fmt: str, limits: Limits = DEFAULT_LIMITS) -> Image.Image:
    """Return the full-resolution pixels, RGB and upright, as a Pillow image whose `info` is
    emptied: nothing the file said about itself (EXIF, XMP, ICC, comment) goes along.

    For writing a copy: the pixels stay in Pillow (no NumPy round trip of a 12 MP frame,
    ~100 ms saved), and only the face regions are converted (see anonymize.blur_image)."""
    _check_bytes(path, limits)
    with _open_image(path, fmt) as img:
        _check_pixels(path, img.size, limits)
        orientation = img.getexif().get(0x0112, 1)
        decoded = _decode_rgb(path, img)
    image = _orient(decoded, orientation)
    image.info = {}
    return image


def inspect_metadata(img: Image.Image) -> tuple[list[str], bool]:
    """Return the kinds of metadata the image carries (EXIF, GPS, XMP, ICC…) and GPS presence."""
    found: list[str] = []
    exif = img.getexif()
    gps_ifd = exif.get_ifd(GPS_IFD) if GPS_IFD in exif else {}
    gps = bool(GPS_POSITION_TAGS & set(gps_ifd))
    if len(exif):
        found.append("EXIF")
    if gps:
        found.append("GPS")
    if any(img.info.get(key) for key in XMP_INFO_KEYS):
        found.append("XMP")
    for key, label in TEXT_INFO_KEYS.items():
        if img.info.get(key):
            found.append(label)
    if getattr(img, "text", None) and img.format == "PNG":
        found.append("texte PNG")
    return found, gps


def _check_bytes(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.photo_bytes:
        raise MediaError(
            path,
            "too_large",
            f"la photo pèse {megabytes(size)}, au-delà de la limite de "
            f"{megabytes(limits.photo_bytes)}.",
        )


def _check_pixels(path: Path, size: tuple[int, int], limits: Limits) -> None:
    width, height = size
    if width * height > limits.photo_pixels:
        raise _bomb(path, width, height, limits)


def _bomb(path: Path, width: int, height: int, limits: Limits) -> MediaError:
    return MediaError(
        path,
        "bomb",
        f"l'image déclare {thousands(width)} × {thousands(height)} pixels, au-delà de la limite "
        f"de {limits.photo_pixels // 1_000_000} mégapixels (possible bombe de décompression).",
    )


def _open_image(path: Path, fmt: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path, formats=[PIL_FORMATS[fmt]])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        size = declared_size(path, fmt)
        if size is not None:
            raise _bomb(path, *size, DEFAULT_LIMITS) from None
        raise MediaError(
            path,
            "bomb",
            "l'image déclare un nombre démesuré de pixels (possible bombe de décompression).",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, KeyError):
        raise _corrupt(path) from None


def declared_size(path: Path, fmt: str) -> tuple[int, int] | None:
    """Return (width, height) read from a PNG or JPEG header without Pillow, or None."""
    with path.open("rb") as handle:
        head = handle.read(65_536)
    if fmt == "png" and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    if fmt == "jpeg":
        return _jpeg_sof_size(head)
    return None


def _jpeg_sof_size(head: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(head) and head[index] == 0xFF:
        marker = head[index + 1]
        length = struct.unpack(">H", head[index + 2 : index + 4])[0]
        if marker in SOF_MARKERS:
            height, width = struct.unpack(">HH", head[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return None


def _apply_draft(img: Image.Image, draft_side: int) -> None:
    # Pillow picks the strongest DCT reduction that stays at or above the requested size;
    # asking for a little less than draft_side lets a 4000 px photo decode at 1000 px.
    scale = max(img.size) / (draft_side * 0.95)
    if scale >= 2:
        img.draft("RGB", (int(img.size[0] / scale), int(img.size[1] / scale)))


def _decode_rgb(path: Path, img: Image.Image) -> Image.Image:
    try:
        img.load()
        return img.convert("RGB") if img.mode != "RGB" else img
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _corrupt(path) from None


def _orient(image: Image.Image, orientation: int) -> Image.Image:
    """Return the image turned as its EXIF orientation says a viewer would display it."""
    method = ORIENTATIONS.get(orientation)
    return image.transpose(method) if method is not None else image


def _corrupt(path: Path) -> MediaError:
    return MediaError(
        path, "corrupt", "l'image est tronquée ou endommagée et ne peut pas être décodée."
    )
