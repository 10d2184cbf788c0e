"""Fixtures for the media tests: small generated photos and videos (no database)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from skimage import data

# Hand-labelled face boxes [x, y, w, h] in scikit-image's public-domain samples (512×512).
ASTRONAUT_FACE = [178, 58, 95, 122]
CAMERA_FACE = [192, 108, 74, 92]


def astronaut() -> np.ndarray:
    return data.astronaut()[:, :, :3].copy()


def camera_rgb() -> np.ndarray:
    return cv2.cvtColor(data.camera(), cv2.COLOR_GRAY2RGB)


def face_crop(image: np.ndarray, box: list[int], margin: float = 0.45) -> np.ndarray:
    """Return the face with some head and shoulders around it, as a person would appear."""
    x, y, w, h = box
    dx, dy = int(w * margin), int(h * margin)
    return image[max(0, y - dy) : y + h + dy, max(0, x - dx) : x + w + dx].copy()


def paste(scene: np.ndarray, patch: np.ndarray, x: int, y: int) -> np.ndarray:
    out = scene.copy()
    out[y : y + patch.shape[0], x : x + patch.shape[1]] = patch
    return out


def save_rgb(path: Path, rgb: np.ndarray, **options) -> Path:
    from PIL import Image

    Image.fromarray(rgb).save(path, **options)
    return path


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def group_photo(media_dir) -> tuple[Path, list[list[int]]]:
    """A 960×540 scene on a plain wall with three people pasted at different sizes."""
    scene = np.full((540, 960, 3), (180, 200, 190), np.uint8)
    labels = []
    for source, box, (x, y), size in (
        (astronaut(), ASTRONAUT_FACE, (40, 60), 260),
        (camera_rgb(), CAMERA_FACE, (400, 120), 200),
        (np.fliplr(astronaut()), [512 - 273, 58, 95, 122], (700, 200), 160),
    ):
        crop = face_crop(source, box)
        factor = size / crop.shape[1]
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        scene = paste(scene, crop, x, y)
        dx, dy = int(box[2] * 0.45), int(box[3] * 0.45)
        inner = [dx, dy] if box[0] - dx >= 0 else [box[0], dy]
        labels.append(
            [
                round(x + inner[0] * factor),
                round(y + inner[1] * factor),
                round(box[2] * factor),
                round(box[3] * factor),
            ]
        )
    path = save_rgb(media_dir / "groupe.jpg", scene, quality=92)
    return path, labels
