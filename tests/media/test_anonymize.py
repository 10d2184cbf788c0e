"""The anonymised copy: faces gone for the detector, kept faces intact, no metadata left."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from balise.engine.media import MediaError, analyze_file, anonymize_image
from balise.engine.media.boxes import iou
from balise.engine.media.faces import BLUR_THRESHOLD, get_detector
from tests.media.synth import gps_jpeg

from .conftest import astronaut


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_it_blurs_every_face_beyond_detection(group_photo, tmp_path):
    path, _ = group_photo
    before = digest(path)
    out = tmp_path / "anonyme.jpg"
    analysis = anonymize_image(path, out)
    assert len(analysis.faces) == 3
    rgb = __import__("numpy").asarray(Image.open(out).convert("RGB"))
    assert get_detector().detect(rgb, threshold=BLUR_THRESHOLD) == []
    assert digest(path) == before  # the original is never changed


def test_it_keeps_the_faces_with_consent(group_photo, tmp_path):
    path, _ = group_photo
    faces = analyze_file(path).faces
    out = tmp_path / "garde.png"
    anonymize_image(path, out, keep={1})
    after = analyze_file(out).faces
    assert len(after) == 1
    assert iou(after[0], faces[1]) > 0.7


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".webp"])
def test_it_strips_exif_gps_xmp_and_icc_from_the_copy(tmp_path, suffix):
    src = tmp_path / "gps.jpg"
    gps_jpeg(src, astronaut())
    analysis = analyze_file(src)
    assert analysis.gps is True
    assert {"EXIF", "GPS", "XMP", "ICC", "commentaire"} <= set(analysis.metadata)
    out = tmp_path / f"propre{suffix}"
    anonymize_image(src, out)
    with Image.open(out) as copy:
        assert len(copy.getexif()) == 0
        assert not copy.info.get("icc_profile") and not copy.info.get("xmp")
    raw = out.read_bytes()
    for marker in (b"Exif", b"adobe:ns:meta", b"Phone Maker", b"GPS", b"Premier Pas"):
        assert marker not in raw
    clean = analyze_file(out)
    assert clean.gps is False and clean.metadata == []


def test_it_reports_no_gps_when_there_is_none(tmp_path):
    path = tmp_path / "sans.jpg"
    Image.fromarray(astronaut()).save(path, quality=90)
    assert analyze_file(path).gps is False


def test_it_refuses_to_overwrite_the_original(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.fromarray(astronaut()).save(path)
    with pytest.raises(MediaError) as error:
        anonymize_image(path, path)
    assert "photo.jpg" in str(error.value) and "original" in str(error.value)


def test_it_refuses_an_unknown_output_format(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.fromarray(astronaut()).save(path)
    with pytest.raises(MediaError, match="format de sortie"):
        anonymize_image(path, tmp_path / "copie.gif")


def test_thorough_mode_blurs_a_face_too_small_for_the_quick_pass(tmp_path):
    import cv2
    import numpy as np

    from .conftest import ASTRONAUT_FACE, face_crop

    # A 12 px face in a 1400×1000 photo: 9 px in the quick 1024 px pass, found only by tiles.
    scene = np.full((1000, 1400, 3), 190, np.uint8)
    crop = face_crop(astronaut(), ASTRONAUT_FACE, margin=0.5)
    crop = cv2.resize(crop, None, fx=12 / 95, fy=12 / 95, interpolation=cv2.INTER_AREA)
    scene[600 : 600 + crop.shape[0], 700 : 700 + crop.shape[1]] = crop
    src = tmp_path / "foule.png"
    Image.fromarray(scene).save(src)
    quick = anonymize_image(src, tmp_path / "rapide.png")
    thorough = anonymize_image(src, tmp_path / "minutieux.png", thorough=True)
    assert quick.faces == [] and quick.weak_faces == []
    assert len(thorough.faces + thorough.weak_faces) >= 1
    copy = np.asarray(Image.open(tmp_path / "minutieux.png"))
    assert not np.array_equal(copy[600:625, 700:725], scene[600:625, 700:725])
