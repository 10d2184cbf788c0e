"""Test photos built from scikit-image's public-domain samples (the astronaut, the cameraman)."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
from PIL import Image
from skimage import data

# Face boxes [x, y, w, h] in the 512×512 samples (as labelled in tests/media/conftest.py).
ASTRONAUT_FACE = [178, 58, 95, 122]
CAMERA_FACE = [192, 108, 74, 92]


def _crop(image: np.ndarray, box: list[int], margin: float = 0.45) -> np.ndarray:
    x, y, w, h = box
    dx, dy = int(w * margin), int(h * margin)
    return image[max(0, y - dy) : y + h + dy, max(0, x - dx) : x + w + dx].copy()


def two_faces_rgb(width: int = 960, height: int = 540) -> np.ndarray:
    """Returns a scene on a plain wall with two people, side by side."""
    scene = np.full((height, width, 3), (180, 200, 190), np.uint8)
    people = (
        (data.astronaut()[:, :, :3], ASTRONAUT_FACE, (width // 12, height // 9), width * 27 // 100),
        (
            cv2.cvtColor(data.camera(), cv2.COLOR_GRAY2RGB),
            CAMERA_FACE,
            (width * 55 // 100, height * 2 // 9),
            width * 23 // 100,
        ),
    )
    for source, box, (x, y), size in people:
        crop = _crop(source, box)
        factor = size / crop.shape[1]
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        scene[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
    return scene


def jpeg_with_exif(rgb: np.ndarray, quality: int = 92) -> bytes:
    """Returns a JPEG carrying EXIF (camera make, a GPS block) like a phone's photo."""
    image = Image.fromarray(rgb)
    exif = Image.Exif()
    exif[0x010F] = "Téléphone de test"  # Make
    exif[0x0110] = "Modèle 12"  # Model
    exif[0x8825] = {1: "N", 2: (47.0, 26.0, 0.0), 3: "W", 4: (72.0, 47.0, 0.0)}  # GPS IFD
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif)
    return buffer.getvalue()


def two_faces_jpeg() -> bytes:
    return jpeg_with_exif(two_faces_rgb())


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
