"""The blurred video copy: no face left for the detector on any checked frame, kept people
intact, the rest of the picture untouched, and the same refusals as for photos."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from balise.engine.media import MediaError, anonymize_file, anonymize_image, anonymize_video
from balise.engine.media.boxes import FaceBox
from balise.engine.media.faces import BLUR_THRESHOLD, get_detector
from balise.engine.media.videocopy import box_at
from tests.media.synth import write_video

from .test_video import scene


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    """6 s at 10 fps: one person walking all along, a second one from 2 s to 4 s."""
    return write_video(tmp_path_factory.mktemp("copie") / "sortie.mp4", scene, seconds=6)


def frames(path) -> list[np.ndarray]:
    capture = cv2.VideoCapture(str(path))
    out = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        out.append(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    capture.release()
    return out


def faces_on(rgb: np.ndarray) -> list[FaceBox]:
    return get_detector().detect(rgb, threshold=BLUR_THRESHOLD, max_side=640)


def test_every_face_is_gone_from_every_checked_frame(clip, tmp_path):
    out = tmp_path / "floue.mp4"
    analysis = anonymize_video(clip, out)
    assert analysis.kind == "video" and len(analysis.faces) == 2
    original, copy = frames(clip), frames(out)
    assert len(copy) == len(original) == 60
    assert copy[0].shape == original[0].shape == (360, 640, 3)
    # Frames between the sampled ones (every 5th is sampled at 10 fps) included: 1, 7, 23…
    checked = [i for i in range(0, 60, 3)] + [21, 22, 23, 24, 38, 39]
    assert all(faces_on(original[i]) for i in checked)  # the faces are there to begin with
    assert [i for i in checked if faces_on(copy[i])] == []
    # Away from the faces the picture is the original's (up to the codec).
    corner = (slice(300, 360), slice(0, 60))
    diff = np.abs(copy[30][corner].astype(int) - original[30][corner].astype(int))
    assert diff.mean() < 6


def test_a_kept_person_stays_visible_and_the_other_does_not(clip, tmp_path):
    analysis = anonymize_video(clip, tmp_path / "tmp.mp4")
    walker = next(i for i, face in enumerate(analysis.faces) if face.t0 < 1.0)
    out = tmp_path / "garde.mp4"
    anonymize_video(clip, out, keep={walker})
    copy = frames(out)
    for i in (5, 30, 50):  # the walker (x grows with time) is still found
        assert faces_on(copy[i])
    for i in (25, 30, 35):  # the second person (x 450–550, 2–4 s) is not
        assert all(face.x + face.w < 440 for face in faces_on(copy[i]))


def test_anonymize_file_dispatches_videos_and_photos_are_refused_by_the_video_path(
    clip, tmp_path, group_photo
):
    analysis = anonymize_file(clip, tmp_path / "auto.mp4")
    assert analysis.kind == "video" and (tmp_path / "auto.mp4").exists()
    photo, _ = group_photo
    with pytest.raises(MediaError) as error:
        anonymize_video(photo, tmp_path / "x.mp4")
    assert error.value.code == "unsupported"
    with pytest.raises(MediaError) as error:
        anonymize_image(clip, tmp_path / "x.jpg")  # callers rely on this code for videos
    assert error.value.code == "unsupported" and "vidéo" in str(error.value)


def test_it_refuses_a_non_mp4_output_and_writing_over_the_original(clip, tmp_path):
    with pytest.raises(MediaError, match=r"\.mp4"):
        anonymize_video(clip, tmp_path / "copie.avi")
    with pytest.raises(MediaError) as error:
        anonymize_video(clip, clip)
    assert error.value.code == "same_file"
    assert not list(tmp_path.glob(".balise-*"))  # no temporary file left behind


def test_boxes_are_interpolated_between_sightings_and_held_at_the_ends():
    a, b = FaceBox(100, 50, 40, 40, 0.9), FaceBox(140, 50, 40, 40, 0.9)
    track = [(1.0, a), (1.5, b)]
    middle = box_at(track, 1.25, pad=0.5)
    assert middle is not None
    assert middle.x <= 120 - 20 + 1 and middle.x + middle.w >= 120 + 40 + 20 - 1  # grown by 20
    assert box_at(track, 0.6, pad=0.5) == a and box_at(track, 1.9, pad=0.5) == b
    assert box_at(track, 0.4, pad=0.5) is None and box_at(track, 2.1, pad=0.5) is None
