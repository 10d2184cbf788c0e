"""Writes a blurred copy of a video: every face without consent blurred on every frame.

Two passes over the file. The first is the analysis (sampled frames, face tracks, see
video.py). The second decodes every frame, blurs the boxes of the tracks to hide, interpolated
between the sampled frames along each track, and encodes the copy. The copy is MPEG-4 Part 2
video (`mp4v`, the only MP4 encoder OpenCV ships here) in an MP4 file, **without sound**, at the
original frame rate and size; nothing of the original's metadata (place, device) is copied.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from .analysis import MediaAnalysis
from .anonymize import blur_boxes
from .boxes import Box, FaceBox, iou
from .errors import MediaError
from .limits import DEFAULT_LIMITS, Limits
from .logo import LogoRef, load_refs
from .sniff import VIDEO_FORMATS, sniff_format
from .tracks import Track
from .video import SAMPLE_FPS, VideoScan, _codec_error, _open, scan_video

VIDEO_OUTPUT_SUFFIXES = {".mp4"}
FOURCC = "mp4v"


def anonymize_video(
    src: str | Path,
    dst: str | Path,
    *,
    keep: Collection[int] = frozenset(),
    logo_refs: Iterable[str | Path | LogoRef] = (),
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
    sample_fps: float = SAMPLE_FPS,
) -> MediaAnalysis:
    """Write to `dst` (.mp4) a copy of video `src` with every face not in `keep` (indexes
    into the analysis' people) blurred on every frame, unsure candidates too; the sound is
    dropped. Return the analysis of the original. `src` is never modified."""
    src, dst = Path(src), Path(dst)
    fmt = sniff_format(src)
    if fmt not in VIDEO_FORMATS:
        raise MediaError(src, "unsupported", "ce n'est pas une vidéo (MP4 ou MOV).")
    _check_output(src, dst)
    scan = scan_video(
        src, fmt, load_refs(logo_refs), limits=limits, threads=threads, sample_fps=sample_fps
    )
    plan = BlurPlan.from_scan(scan, keep, 1.0 / sample_fps)
    _write_copy(src, dst, scan.fps, plan)
    return scan.analysis


@dataclass
class BlurPlan:
    """The face tracks to hide, each a time-ordered list of (seconds, box) sightings."""

    tracks: list[list[tuple[float, Box]]]
    pad: float  # seconds a box is held before the first and after the last sighting

    @classmethod
    def from_scan(cls, scan: VideoScan, keep: Collection[int], pad: float) -> BlurPlan:
        """Hide every person not kept and every other track, except the sightings of those
        that overlap a kept person at the same moment (a kept child turning away, say)."""
        kept = [track for i, track in enumerate(scan.people) if i in keep]
        hidden = [track for i, track in enumerate(scan.people) if i not in keep]
        tracks = [list(track.boxes) for track in hidden]
        for track in scan.others:
            sightings = [(t, box) for t, box in track.boxes if not _touches(kept, t, box, pad)]
            if sightings:
                tracks.append(sightings)
        return cls(tracks=tracks, pad=pad)

    def boxes_at(self, t: float) -> list[Box]:
        """Return the boxes to blur on the frame at `t` seconds."""
        return [
            box for sightings in self.tracks if (box := box_at(sightings, t, self.pad)) is not None
        ]


def box_at(sightings: list[tuple[float, Box]], t: float, pad: float) -> Box | None:
    """Return the track's box at time `t`: held from `pad` seconds before the first sighting
    to `pad` seconds after the last; between two sightings, linearly interpolated and grown on
    every side by half the distance the face moved (it may not move in a straight line)."""
    first, last = sightings[0][0], sightings[-1][0]
    if t < first - pad or t > last + pad:
        return None
    if t <= first:
        return sightings[0][1]
    if t >= last:
        return sightings[-1][1]
    for (ta, a), (tb, b) in zip(sightings, sightings[1:], strict=False):
        if ta <= t <= tb:
            f = (t - ta) / (tb - ta) if tb > ta else 0.0
            grow = 0.5 * max(abs(b.x - a.x), abs(b.y - a.y), abs(b.w - a.w), abs(b.h - a.h))
            x = a.x + f * (b.x - a.x) - grow
            y = a.y + f * (b.y - a.y) - grow
            w = a.w + f * (b.w - a.w) + 2 * grow
            h = a.h + f * (b.h - a.h) + 2 * grow
            return FaceBox(round(x), round(y), round(w), round(h), min(a.score, b.score))
    return None  # pragma: no cover - sightings are sorted by time


def _touches(kept: list[Track], t: float, box: Box, pad: float) -> bool:
    for track in kept:
        other = box_at(track.boxes, t, pad)
        if other is not None and iou(box, other) > 0:
            return True
    return False


def _write_copy(src: Path, dst: Path, fps: float, plan: BlurPlan) -> None:
    """Decode every frame of `src`, blur the planned boxes, encode to `dst` atomically."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=dst.parent, prefix=".balise-", suffix=dst.suffix)
    os.close(handle)
    temp = Path(temp_name)
    capture = _open(src)
    writer: cv2.VideoWriter | None = None
    try:
        index = 0
        while True:
            ok, frame = capture.read()
            if not ok or frame is None:
                break
            if writer is None:
                writer = _writer(dst, temp, fps, frame)
            boxes = plan.boxes_at(index / fps)
            writer.write(blur_boxes(frame, boxes) if boxes else frame)
            index += 1
        if writer is None:
            raise _codec_error(src)
        writer.release()
        writer = None
        os.replace(temp, dst)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        capture.release()
        if writer is not None:
            writer.release()


def _writer(dst: Path, temp: Path, fps: float, frame: np.ndarray) -> cv2.VideoWriter:
    height, width = frame.shape[:2]
    writer = cv2.VideoWriter(str(temp), cv2.VideoWriter_fourcc(*FOURCC), fps, (width, height))
    if not writer.isOpened():
        writer.release()
        raise MediaError(
            dst, "codec", "la copie vidéo ne peut pas être écrite (encodeur MPEG-4 indisponible)."
        )
    return writer


def _check_output(src: Path, dst: Path) -> None:
    if dst.exists() and dst.resolve() == src.resolve():
        raise MediaError(src, "same_file", "la copie anonymisée ne peut pas remplacer l'original.")
    if dst.suffix.lower() not in VIDEO_OUTPUT_SUFFIXES:
        raise MediaError(
            dst,
            "unsupported",
            "format de sortie non pris en charge pour une vidéo (choisir .mp4).",
        )
