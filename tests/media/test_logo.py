"""The CPE's logo: found printed on a T-shirt or a sign at any reasonable scale and angle,
never found where it is not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from skimage import data

from balise.engine.media import BUNDLED_LOGO, LogoBox, analyze_file
from balise.engine.media.boxes import iou
from balise.engine.media.logo import find_logos, load_refs, plausible_quad
from tests.media.synth import draw_reference_logo, paste_rotated, tshirt_background

from .conftest import save_rgb

REFS = load_refs([BUNDLED_LOGO])
LOGO = np.asarray(draw_reference_logo())


def as_box(values: list[int]) -> LogoBox:
    return LogoBox(*values, score=1.0)


@pytest.mark.parametrize("side", [80, 150, 400])
@pytest.mark.parametrize("angle", [0, 25, -60, 180])
def test_it_finds_the_logo_on_a_tshirt(side, angle):
    scene, pasted = paste_rotated(tshirt_background(seed=side), LOGO, (450, 430), side, angle)
    found = find_logos(scene, REFS)
    assert len(found) == 1
    assert iou(found[0], as_box(pasted)) > 0.7


def test_it_finds_a_light_logo_printed_on_a_dark_shirt():
    scene, pasted = paste_rotated(tshirt_background(seed=3), 255 - LOGO, (450, 430), 220, 15)
    assert iou(find_logos(scene, REFS)[0], as_box(pasted)) > 0.7


def test_it_finds_a_sign_seen_at_an_angle_in_a_compressed_photo(media_dir):
    wall = cv2.resize(data.brick(), (1000, 750))
    wall = cv2.cvtColor(wall, cv2.COLOR_GRAY2RGB)
    h, w = LOGO.shape[:2]
    quad = np.float32([[560, 180], [860, 220], [850, 430], [570, 460]])
    warp = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), quad)
    sign = cv2.warpPerspective(LOGO, warp, (1000, 750))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), warp, (1000, 750)) > 127
    wall[mask] = sign[mask]
    path = save_rgb(media_dir / "affiche.jpg", wall, quality=75)
    analysis = analyze_file(path, logo_refs=[BUNDLED_LOGO])
    assert analysis.to_context()["logo"] is True
    assert iou(analysis.logo_boxes[0], as_box([560, 180, 300, 280])) > 0.7


@pytest.mark.parametrize(
    "name", ["astronaut", "camera", "coffee", "chelsea", "rocket", "brick", "text", "page", "logo"]
)
def test_it_finds_no_logo_where_there_is_none(name):
    image = getattr(data, name)()
    rgb = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image[:, :, :3]
    assert find_logos(np.ascontiguousarray(rgb), REFS) == []


def test_it_finds_no_logo_on_a_plain_shirt_or_a_group_photo(group_photo):
    assert find_logos(tshirt_background(seed=9), REFS) == []
    assert analyze_file(group_photo[0], logo_refs=[BUNDLED_LOGO]).logo_boxes == []


def test_it_does_not_search_without_references(media_dir):
    scene, _ = paste_rotated(tshirt_background(), LOGO, (450, 430), 300, 0)
    assert analyze_file(save_rgb(media_dir / "chandail.png", scene)).logo_boxes == []


@pytest.mark.parametrize(
    ("quad", "plausible"),
    [
        ([[0, 0], [100, 0], [100, 80], [0, 80]], True),
        ([[0, 0], [0, 80], [100, 80], [100, 0]], False),  # mirrored
        ([[0, 0], [100, 0], [10, 10], [0, 80]], False),  # not convex
        ([[0, 0], [100, 0], [100, 5], [0, 5]], False),  # degenerate sliver
        ([[0, 0], [100, 0], [400, 80], [0, 80]], False),  # extreme skew
    ],
)
def test_it_rejects_implausible_outlines(quad, plausible):
    assert plausible_quad(np.float32(quad), (500, 500)) is plausible
