"""Merges per-frame face detections into tracks: one track ≈ one person on screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from .boxes import FaceBox, iou

MAX_GAP = 2.5  # seconds a person may vanish (turned away, occluded) and still be the same track
MIN_IOU = 0.2
MAX_CENTER_SHIFT = 0.8  # in face widths between two samples
MIN_HITS = 2
SURE_SCORE = 0.8  # a single sighting this confident is a person too


@dataclass
class Track:
    """Successive sightings of one face; `best` is the most confident box."""

    boxes: list[tuple[float, FaceBox]] = field(default_factory=list)

    @property
    def last(self) -> tuple[float, FaceBox]:
        return self.boxes[-1]

    @property
    def best(self) -> FaceBox:
        return max((box for _, box in self.boxes), key=lambda box: box.score)

    def as_face(self) -> FaceBox:
        """Return the best box with the track's time range."""
        best = self.best
        return FaceBox(best.x, best.y, best.w, best.h, best.score, self.boxes[0][0], self.last[0])


class Tracker:
    """Greedy association of each frame's faces to the open tracks, best match first."""

    def __init__(self) -> None:
        self.tracks: list[Track] = []

    def update(self, t: float, faces: list[FaceBox]) -> None:
        """Add one sampled frame's detections at time `t` (seconds)."""
        open_tracks = [tr for tr in self.tracks if t - tr.last[0] <= MAX_GAP]
        pairs = sorted(
            (
                (_affinity(tr.last[1], face), i, j)
                for i, tr in enumerate(open_tracks)
                for j, face in enumerate(faces)
            ),
            reverse=True,
        )
        used_tracks: set[int] = set()
        used_faces: set[int] = set()
        for affinity, i, j in pairs:
            if affinity <= 0 or i in used_tracks or j in used_faces:
                continue
            open_tracks[i].boxes.append((t, faces[j]))
            used_tracks.add(i)
            used_faces.add(j)
        for j, face in enumerate(faces):
            if j not in used_faces:
                self.tracks.append(Track([(t, face)]))

    def credible(self) -> list[Track]:
        """Return the tracks that count as people (seen twice, or once with high confidence),
        in the order of `people()`."""
        return [
            tr for tr in self.tracks if len(tr.boxes) >= MIN_HITS or tr.best.score >= SURE_SCORE
        ]

    def people(self) -> list[FaceBox]:
        """Return one box per credible track (seen twice, or once with high confidence)."""
        return [tr.as_face() for tr in self.credible()]


def _affinity(a: FaceBox, b: FaceBox) -> float:
    """Return how well two boxes continue each other (>0), or 0 when they cannot."""
    overlap = iou(a, b)
    if overlap >= MIN_IOU:
        return 1 + overlap
    size = max(a.w, a.h, b.w, b.h, 1)
    ratio = max(a.w, b.w) / max(min(a.w, b.w), 1)
    shift = ((a.x + a.w / 2 - b.x - b.w / 2) ** 2 + (a.y + a.h / 2 - b.y - b.h / 2) ** 2) ** 0.5
    if ratio > 2 or shift > MAX_CENTER_SHIFT * size:
        return 0.0
    return 1 - shift / (MAX_CENTER_SHIFT * size)
