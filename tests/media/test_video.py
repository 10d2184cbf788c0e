"""Videos: sampled frames, faces merged into people with time ranges, and the tracker alone."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from balise.engine.media import BUNDLED_LOGO, FaceBox, analyze_file
from balise.engine.media.tracks import Tracker
from tests.media.synth import draw_reference_logo, write_video

from .conftest import ASTRONAUT_FACE, CAMERA_FACE, astronaut, camera_rgb, face_crop

FIRST = cv2.resize(face_crop(astronaut(), ASTRONAUT_FACE), (110, 150))
SECOND = cv2.resize(face_crop(camera_rgb(), CAMERA_FACE), (100, 130))
LOGO = cv2.resize(np.asarray(draw_reference_logo()), (160, 120))


def scene(t: float) -> np.ndarray:
    frame = np.full((360, 640, 3), (150, 170, 200), np.uint8)
    x = int(40 + 30 * t)  # the first person walks slowly to the right for the whole video
    frame[100:250, x : x + 110] = FIRST
    if 2.0 <= t < 4.0:  # the second person is on screen for two seconds only
        frame[150:280, 450:550] = SECOND
    if t >= 3.0:
        frame[10:130, 460:620] = LOGO
    return frame


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    return write_video(tmp_path_factory.mktemp("video") / "sortie.mp4", scene, seconds=6)


def test_it_counts_distinct_people_with_their_time_ranges(video):
    analysis = analyze_file(video)
    assert analysis.kind == "video" and analysis.fmt == "mp4"
    assert (analysis.width, analysis.height) == (640, 360)
    assert analysis.duration == pytest.approx(6.0, abs=0.2)
    assert analysis.frames_analyzed == 12
    people = sorted(analysis.faces, key=lambda face: face.t0)
    assert len(people) == 2
    assert people[0].t0 == pytest.approx(0.0, abs=0.1) and people[0].t1 >= 5.0
    assert people[1].t0 == pytest.approx(2.0, abs=0.6) and people[1].t1 == pytest.approx(
        3.5, abs=0.6
    )
    context = analysis.to_context(consented_faces=1)
    assert context["faces"] == 2 and context["consented_faces"] == 1
    assert context["boxes"][0]["t"][1] >= 5.0


def test_it_finds_the_logo_in_a_video_with_its_times(video):
    analysis = analyze_file(video, logo_refs=[BUNDLED_LOGO])
    assert len(analysis.logo_boxes) == 1
    logo = analysis.logo_boxes[0]
    assert logo.t0 >= 2.9 and logo.t1 >= 4.9
    assert abs(logo.x - 460) < 15 and abs(logo.y - 10) < 15


def face(x: int, score: float = 0.9, y: int = 100) -> FaceBox:
    return FaceBox(x, y, 60, 70, score)


def test_tracker_follows_a_moving_face_and_splits_distant_ones():
    tracker = Tracker()
    for step in range(6):
        tracker.update(step * 0.5, [face(100 + 25 * step), face(500)])
    people = tracker.people()
    assert len(people) == 2
    assert {(p.t0, p.t1) for p in people} == {(0.0, 2.5)}


def test_tracker_bridges_a_short_disappearance_but_not_a_long_one():
    short, long = Tracker(), Tracker()
    for t in (0.0, 0.5, 2.0, 2.5):  # gone for 1.5 s: the same person
        short.update(t, [face(100)])
    for t in (0.0, 0.5, 5.0, 5.5):  # gone for 4.5 s: counted again (cannot tell)
        long.update(t, [face(100)])
    assert len(short.people()) == 1
    assert len(long.people()) == 2


def test_tracker_drops_a_single_unsure_sighting():
    tracker = Tracker()
    tracker.update(0.0, [face(100, score=0.6)])
    tracker.update(0.5, [face(400, score=0.95)])
    assert [p.x for p in tracker.people()] == [400]
