"""Builds the synthetic test material: the CPE logo reference, scenes with faces pasted from
scikit-image's public-domain samples, and hostile files. Run `python -m tests.media.synth` to
regenerate the shipped logo."""

from __future__ import annotations

import io
import math
import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from balise.engine.media.logo import BUNDLED_LOGO

SKY = (70, 150, 90)
SUN = (245, 190, 40)
FOOT = (40, 90, 170)


def draw_reference_logo(size: tuple[int, int] = (480, 360)) -> Image.Image:
    """Return the synthetic « Premier Pas » logo: a framed sun, two footprints and the name."""
    width, height = size
    logo = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(logo)
    draw.rounded_rectangle([6, 6, width - 7, height - 7], radius=36, outline=SKY, width=10)
    draw.pieslice([150, 40, 330, 220], 180, 360, fill=SUN)
    for angle in range(195, 360, 30):
        x, y = 240 + 120 * math.cos(math.radians(angle)), 130 + 120 * math.sin(math.radians(angle))
        draw.line(
            [
                240 + 100 * math.cos(math.radians(angle)),
                130 + 100 * math.sin(math.radians(angle)),
                x,
                y,
            ],
            fill=SUN,
            width=8,
        )
    _footprint(draw, 95, 120, 1)
    _footprint(draw, 360, 90, -1)
    draw.rectangle([40, 140, width - 40, 150], fill=SKY)
    font = ImageFont.load_default(size=62)
    draw.text((width / 2, 215), "Premier Pas", fill=FOOT, font=font, anchor="mm")
    small = ImageFont.load_default(size=30)
    draw.text((width / 2, 290), "CPE · La Tuque", fill=SKY, font=small, anchor="mm")
    return logo


def _footprint(draw: ImageDraw.ImageDraw, x: int, y: int, side: int) -> None:
    draw.ellipse([x - 22, y - 10, x + 22, y + 55], fill=FOOT)
    for i, (dx, r) in enumerate([(-18, 9), (-5, 8), (7, 7), (17, 6), (25, 5)]):
        cx = x + side * dx
        cy = y - 22 + abs(i - 1) * 3
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=FOOT)


def paste_rotated(
    background: np.ndarray, patch: np.ndarray, center: tuple[int, int], side: int, angle: float
) -> tuple[np.ndarray, list[int]]:
    """Return the background with `patch` scaled so its long side is `side`, turned by `angle`
    degrees and centred at `center`, plus the pasted patch's bounding box [x, y, w, h]."""
    scale = side / max(patch.shape[:2])
    h, w = patch.shape[:2]
    rotation = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    rotation[:, 2] += np.array(center) - np.array([w / 2, h / 2])
    size = (background.shape[1], background.shape[0])
    warped = cv2.warpAffine(patch, rotation, size, flags=cv2.INTER_AREA)
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), rotation, size)
    out = background.copy()
    out[mask > 127] = warped[mask > 127]
    ys, xs = np.nonzero(mask > 127)
    return out, [int(xs.min()), int(ys.min()), int(np.ptp(xs) + 1), int(np.ptp(ys) + 1)]


def tshirt_background(width: int = 900, height: int = 700, seed: int = 1) -> np.ndarray:
    """Return a fabric-like scene: a coloured torso shape with weave noise on a grey wall."""
    rng = np.random.default_rng(seed)
    scene = np.full((height, width, 3), 170, np.uint8)
    scene = np.clip(scene + rng.normal(0, 12, scene.shape), 0, 255).astype(np.uint8)
    torso = np.array(
        [
            [150, 120],
            [750, 120],
            [850, 330],
            [720, 330],
            [720, 690],
            [180, 690],
            [180, 330],
            [50, 330],
        ]
    )
    cv2.fillPoly(scene, [torso], (200, 60, 60))
    weave = (np.indices((height, width)).sum(axis=0) % 4 < 2)[..., None] * 10
    return np.clip(scene.astype(int) - weave, 0, 255).astype(np.uint8)


def gps_jpeg(path: Path, rgb: np.ndarray, orientation: int = 1) -> None:
    """Write a JPEG carrying EXIF with GPS coordinates (La Tuque), XMP, an ICC profile and a
    comment naming the daycare."""
    image = Image.fromarray(rgb)
    exif = Image.Exif()
    exif[0x010F] = "Phone Maker"
    exif[0x0110] = "Phone 12"
    if orientation != 1:
        exif[0x0112] = orientation
    gps = {1: "N", 2: (47.0, 26.0, 30.0), 3: "W", 4: (72.0, 47.0, 0.0)}
    exif[0x8825] = gps
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(
        path,
        "JPEG",
        exif=exif.tobytes(),
        xmp=xmp,
        icc_profile=icc,
        quality=90,
        comment=b"Garderie Premier Pas",
    )


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """Return a tiny PNG whose header declares width×height pixels (never allocated)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def jpeg_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """Return a small valid-looking JPEG whose SOF0 declares width×height pixels."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def write_video(path: Path, frame_at, seconds: float, fps: int = 10, size=(640, 360)) -> Path:
    """Write an MP4 (mp4v) whose frame at time t is `frame_at(t)` (RGB, `size`)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
    if not writer.isOpened():
        raise RuntimeError("OpenCV cannot write mp4v here")
    for index in range(int(seconds * fps)):
        writer.write(cv2.cvtColor(frame_at(index / fps), cv2.COLOR_RGB2BGR))
    writer.release()
    return path


if __name__ == "__main__":
    BUNDLED_LOGO.parent.mkdir(parents=True, exist_ok=True)
    draw_reference_logo().save(BUNDLED_LOGO, optimize=True)
    print(f"wrote {BUNDLED_LOGO}")
