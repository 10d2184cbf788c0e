"""Face detection on shippable samples: who is found, where, and nothing where nobody is."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image
from skimage import data

from balise.engine.media import FaceBox, analyze_file
from balise.engine.media.boxes import iou

from .conftest import ASTRONAUT_FACE, CAMERA_FACE, astronaut, camera_rgb, save_rgb


def box(values: list[int]) -> FaceBox:
    return FaceBox(*values, score=1.0)


def matches(found: list[FaceBox], labels: list[list[int]], threshold: float = 0.4) -> int:
    """Return how many labelled faces have a detection overlapping them."""
    return sum(any(iou(f, box(label)) >= threshold for f in found) for label in labels)


@pytest.mark.parametrize(
    ("sample", "label"), [(astronaut, ASTRONAUT_FACE), (camera_rgb, CAMERA_FACE)]
)
def test_it_finds_the_face_in_a_portrait(media_dir, sample, label):
    path = save_rgb(media_dir / f"{sample.__name__}.png", sample())
    analysis = analyze_file(path)
    assert analysis.kind == "photo"
    assert len(analysis.faces) == 1
    assert iou(analysis.faces[0], box(label)) >= 0.5


def test_it_finds_every_person_of_a_group(group_photo):
    path, labels = group_photo
    analysis = analyze_file(path)
    assert len(analysis.faces) == 3
    assert matches(analysis.faces, labels) == 3
    assert analysis.to_context()["faces"] == 3


@pytest.mark.parametrize("name", ["coffee", "chelsea", "rocket", "brick", "text", "coins"])
def test_it_finds_no_face_where_there_is_none(media_dir, name):
    image = getattr(data, name)()
    rgb = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image[:, :, :3]
    analysis = analyze_file(save_rgb(media_dir / f"{name}.png", np.ascontiguousarray(rgb)))
    assert analysis.faces == []


@pytest.mark.parametrize(
    ("suffix", "options"), [(".webp", {"quality": 90}), (".heic", {"quality": 90})]
)
def test_it_reads_webp_and_heic(media_dir, suffix, options):
    pytest.importorskip("pillow_heif")
    path = save_rgb(media_dir / f"portrait{suffix}", astronaut(), **options)
    analysis = analyze_file(path)
    assert analysis.fmt == ("webp" if suffix == ".webp" else "heif")
    assert matches(analysis.faces, [ASTRONAUT_FACE]) == 1


def test_it_reports_boxes_as_the_viewer_sees_a_turned_phone_photo(media_dir):
    # A phone held sideways stores the pixels turned and an EXIF orientation (6: turn 90° CW).
    stored = np.ascontiguousarray(np.rot90(astronaut(), k=1))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = media_dir / "tourne.jpg"
    Image.fromarray(stored).save(path, exif=exif.tobytes(), quality=92)
    analysis = analyze_file(path)
    assert matches(analysis.faces, [ASTRONAUT_FACE]) == 1


def test_it_finds_a_small_face_in_a_large_photo(media_dir):
    # 3000×2000 with a face about 70 px wide: 24 px after the 1024 px detection pass.
    scene = np.full((2000, 3000, 3), 200, np.uint8)
    crop = cv2.resize(astronaut()[10:260, 130:320], None, fx=0.75, fy=0.75)
    scene[900 : 900 + crop.shape[0], 1500 : 1500 + crop.shape[1]] = crop
    analysis = analyze_file(save_rgb(media_dir / "petit.jpg", scene, quality=90))
    label = [1500 + round(48 * 0.75), 900 + round(48 * 0.75), round(95 * 0.75), round(122 * 0.75)]
    assert matches(analysis.faces, [label], threshold=0.3) == 1
    assert analysis.width == 3000 and analysis.height == 2000
