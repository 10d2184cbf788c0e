"""Analyses MP4/MOV videos through OpenCV's FFmpeg reader: sampled frames, face tracks, logo."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import cv2

from .analysis import MediaAnalysis
from .boxes import LogoBox
from .errors import MediaError, megabytes
from .faces import BLUR_THRESHOLD, REPORT_THRESHOLD, get_detector
from .limits import DEFAULT_LIMITS, Limits
from .logo import LogoRef, find_logos
from .tracks import Track, Tracker

SAMPLE_FPS = 2.0
VIDEO_SIDE = 640  # long side fed to the face network for each sampled frame
LOGO_EVERY = 2  # search the logo on one sampled frame out of this many


@dataclass
class VideoScan:
    """A video's analysis plus what a blurred copy needs: the tracks behind each person
    (`people[i]` is `analysis.faces[i]`), and every other track to blur anyway (single unsure
    sightings, candidates between BLUR_THRESHOLD and REPORT_THRESHOLD)."""

    analysis: MediaAnalysis
    fps: float
    people: list[Track] = field(default_factory=list)
    others: list[Track] = field(default_factory=list)


def analyze_video(
    path: Path,
    fmt: str,
    refs: list[LogoRef],
    *,
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
    sample_fps: float = SAMPLE_FPS,
) -> MediaAnalysis:
    """Return the analysis of a video: one face per distinct person (track) with its time
    range, logo sightings, duration. Raise MediaError before decoding when limits are exceeded."""
    return scan_video(
        path, fmt, refs, limits=limits, threads=threads, sample_fps=sample_fps
    ).analysis


def scan_video(
    path: Path,
    fmt: str,
    refs: list[LogoRef],
    *,
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
    sample_fps: float = SAMPLE_FPS,
) -> VideoScan:
    """Return the analysis (as analyze_video) with the face tracks kept for blurring.

    One detection per sampled frame at BLUR_THRESHOLD: the boxes at or above REPORT_THRESHOLD
    are exactly those a detection at that threshold returns (suppression keeps the best first),
    so the report is unchanged; the weaker ones are tracked apart, only to be blurred."""
    _check_bytes(path, limits)
    capture = _open(path)
    try:
        fps, width, height, duration = _probe(path, capture, limits)
        tracker, weak, logos, sampled = Tracker(), Tracker(), [], 0
        detector = get_detector(threads)
        for t, frame in _sampled_frames(capture, fps, sample_fps):
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            found = detector.detect(rgb, threshold=BLUR_THRESHOLD, max_side=VIDEO_SIDE)
            tracker.update(t, [face for face in found if face.score >= REPORT_THRESHOLD])
            weak.update(t, [face for face in found if face.score < REPORT_THRESHOLD])
            if refs and sampled % LOGO_EVERY == 0:
                logos += [_timed(box, t) for box in find_logos(rgb, refs)]
            sampled += 1
    finally:
        capture.release()
    if sampled == 0:
        raise _codec_error(path)
    people = tracker.credible()
    others = [tr for tr in tracker.tracks if not any(tr is p for p in people)] + weak.tracks
    analysis = MediaAnalysis(
        name=path.name,
        kind="video",
        width=width,
        height=height,
        faces=tracker.people(),
        logo_boxes=_merge_logos(logos),
        fmt=fmt,
        duration=round(duration, 2),
        frames_analyzed=sampled,
        explanation=(
            f"{sampled} images échantillonnées ({sample_fps:g}/s), CenterFace sur {VIDEO_SIDE} px, "
            f"visages regroupés en pistes (IoU); seuil {REPORT_THRESHOLD} (flou : {BLUR_THRESHOLD})"
        ),
    )
    return VideoScan(analysis=analysis, fps=fps, people=people, others=others)


def _check_bytes(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.video_bytes:
        raise MediaError(
            path,
            "too_large",
            f"la vidéo pèse {megabytes(size)}, au-delà de la limite de {megabytes(limits.video_bytes)}.",
        )


def _open(path: Path) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not capture.isOpened():
        capture.release()
        raise _codec_error(path)
    return capture


def _probe(path: Path, capture: cv2.VideoCapture, limits: Limits) -> tuple[float, int, int, float]:
    fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
    width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
    height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    frames = capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0.0
    if fps <= 0 or fps > 1000 or width <= 0 or height <= 0:
        raise _codec_error(path)
    if width * height > limits.video_pixels:
        raise MediaError(
            path,
            "too_large",
            f"la vidéo fait {width} × {height} pixels, au-delà de la limite (4K).",
        )
    duration = frames / fps
    if duration > limits.video_seconds:
        raise MediaError(
            path,
            "too_long",
            f"la vidéo dure {duration / 60:.0f} min, au-delà de la limite de "
            f"{limits.video_seconds / 60:.0f} min.",
        )
    return fps, width, height, duration


def _sampled_frames(capture: cv2.VideoCapture, fps: float, sample_fps: float):
    """Yield (seconds, BGR frame) about `sample_fps` times per second of video.

    Frames in between are grabbed (demuxed and decoded, not converted), which is cheaper and
    more reliable than seeking in streams with sparse key frames."""
    step = max(1, round(fps / sample_fps))
    index = 0
    while capture.grab():
        if index % step == 0:
            ok, frame = capture.retrieve()
            if ok and frame is not None:
                yield index / fps, frame
        index += 1


def _timed(box: LogoBox, t: float) -> LogoBox:
    return replace(box, t0=t, t1=t)


def _merge_logos(logos: list[LogoBox]) -> list[LogoBox]:
    """Return one box per reference: the best sighting, spanning all sighting times."""
    merged: dict[str, LogoBox] = {}
    for box in logos:
        seen = merged.get(box.reference)
        if seen is None:
            merged[box.reference] = box
            continue
        best = box if box.score > seen.score else seen
        merged[box.reference] = replace(best, t0=min(seen.t0, box.t0), t1=max(seen.t1, box.t1))
    return list(merged.values())


def _codec_error(path: Path) -> MediaError:
    return MediaError(
        path,
        "codec",
        "la vidéo ne peut pas être décodée (codec non pris en charge ou fichier endommagé).",
    )
