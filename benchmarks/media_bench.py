"""Speed of the media package on one core: a 12 MP photo (detect + blur + strip), a
60-second 1080p video (detection) and its blurred copy. Run from the repository root:

    taskset -c 0 .venv/bin/python benchmarks/media_bench.py [--write-docs]

The inputs are generated (scikit-image samples pasted on a scene) in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from balise.engine.media import analyze_file, anonymize_image, anonymize_video  # noqa: E402
from balise.engine.media.faces import BLUR_THRESHOLD, get_detector  # noqa: E402
from tests.media.conftest import (  # noqa: E402
    ASTRONAUT_FACE,
    CAMERA_FACE,
    astronaut,
    camera_rgb,
    face_crop,
)
from tests.media.synth import gps_jpeg, write_video  # noqa: E402

DOC = Path(__file__).resolve().parents[1] / "docs" / "media.md"
PHOTO_TARGET_MS, VIDEO_TARGET_S = 400, 15


def twelve_megapixel_photo(path: Path, portrait: bool = False) -> Path:
    """Write a 4000×3000 JPEG with four people and GPS EXIF, like a phone's. `portrait`: a
    phone held upright, stored sideways with EXIF orientation 6 (the copy must turn it)."""
    from skimage import data

    size = (3000, 4000) if portrait else (4000, 3000)
    scene = cv2.resize(data.coffee(), size, interpolation=cv2.INTER_LINEAR)
    people = [face_crop(astronaut(), ASTRONAUT_FACE), face_crop(camera_rgb(), CAMERA_FACE)]
    spots = [(300, 400, 700), (1400, 900, 450), (2300, 500, 300), (3200, 1600, 180)]
    if portrait:
        spots = [(200, 400, 700), (1300, 1500, 450), (2300, 600, 300), (1800, 3200, 180)]
    for i, (x, y, side) in enumerate(spots):
        crop = people[i % 2]
        crop = cv2.resize(crop, (side, int(side * crop.shape[0] / crop.shape[1])))
        scene[y : y + crop.shape[0], x : x + crop.shape[1]] = crop
    if portrait:  # stored turned a quarter left; orientation 6 tells viewers to turn it back
        gps_jpeg(path, np.ascontiguousarray(np.rot90(scene)), orientation=6)
    else:
        gps_jpeg(path, scene)
    return path


def one_minute_video(path: Path) -> Path:
    """Write 60 s of 1080p at 30 fps (mp4v) with two people moving across the frame."""
    first = cv2.resize(face_crop(astronaut(), ASTRONAUT_FACE), (240, 320))
    second = cv2.resize(face_crop(camera_rgb(), CAMERA_FACE), (200, 250))
    base = cv2.resize(
        cv2.cvtColor(__import__("skimage.data").data.brick(), cv2.COLOR_GRAY2RGB), (1920, 1080)
    )

    def frame_at(t: float) -> np.ndarray:
        frame = base.copy()
        x = int(100 + 25 * t)
        frame[300:620, x : x + 240] = first
        if 20 <= t < 45:
            frame[500:750, 1500:1700] = second
        return frame

    return write_video(path, frame_at, seconds=60, fps=30, size=(1920, 1080))


def bench_photo(folder: Path, runs: int = 5, portrait: bool = False) -> dict:
    src = twelve_megapixel_photo(folder / f"photo-12mp-{portrait}.jpg", portrait=portrait)
    anonymize_image(src, folder / "warmup.jpg")  # loads the model once, as a server would
    timings, cpu = [], []
    for run in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        analysis = anonymize_image(src, folder / f"copie-{run}.jpg")
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return {
        "median_ms": statistics.median(timings),
        "cpu_ms": statistics.median(cpu),
        "faces": len(analysis.faces),
        "weak": len(analysis.weak_faces),
        "gps": analysis.gps,
    }


def bench_video(folder: Path) -> dict:
    path = one_minute_video(folder / "video-1080p.mp4")
    get_detector()
    started, cpu_started = time.perf_counter(), time.process_time()
    analysis = analyze_file(path)
    elapsed = time.perf_counter() - started
    return {
        "cpu_seconds": time.process_time() - cpu_started,
        "seconds": elapsed,
        "people": len(analysis.faces),
        "frames": analysis.frames_analyzed,
        "mb": path.stat().st_size / 1e6,
    }


def bench_video_copy(folder: Path) -> dict:
    """The blurred copy of the same minute (analysis pass + decode, blur, encode every frame),
    then a check: the detector on 12 frames of the copy spread over the minute."""
    path = folder / "video-1080p.mp4"
    out = folder / "video-copie.mp4"
    started, cpu_started = time.perf_counter(), time.process_time()
    analysis = anonymize_video(path, out)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    capture = cv2.VideoCapture(str(out))
    count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    left = 0
    for index in np.linspace(0, count - 1, 12).astype(int):
        capture.set(cv2.CAP_PROP_POS_FRAMES, int(index))
        ok, frame = capture.read()
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        left += len(get_detector().detect(rgb, threshold=BLUR_THRESHOLD, max_side=640))
    capture.release()
    return {
        "cpu_seconds": cpu,
        "seconds": elapsed,
        "people": len(analysis.faces),
        "frames": count,
        "faces_left": left,
        "mb": out.stat().st_size / 1e6,
    }


def report(photo: dict, video: dict, copy: dict | None = None, portrait: dict | None = None) -> str:
    """Return the Markdown table; the verdict uses CPU time, which the other processes sharing
    the core cannot inflate (wall time is shown beside it, with the machine's load)."""
    ok = lambda good: "atteint" if good else "NON atteint"  # noqa: E731
    load = os.getloadavg()[0]
    rows = [
        f"| photo 12 Mpx (4000×3000 JPEG) : détection + flou + retrait des métadonnées, "
        f"médiane de 5 ({photo['faces']} visages + {photo['weak']} faible(s), "
        f"GPS {'vu' if photo['gps'] else 'absent'}) | "
        f"{photo['cpu_ms']:.0f} ms | {photo['median_ms']:.0f} ms | "
        f"≤ {PHOTO_TARGET_MS} ms : {ok(photo['cpu_ms'] <= PHOTO_TARGET_MS)} |"
    ]
    if portrait:
        rows.append(
            f"| même photo prise en portrait (3000×4000 affichée, rangée couchée avec "
            f"l'orientation EXIF 6 : la copie doit la tourner), médiane de 5 "
            f"({portrait['faces']} visages + {portrait['weak']} candidat(s) faible(s), flouté(s) "
            f"aussi) | {portrait['cpu_ms']:.0f} ms | "
            f"{portrait['median_ms']:.0f} ms | ≤ {PHOTO_TARGET_MS} ms : "
            f"{ok(portrait['cpu_ms'] <= PHOTO_TARGET_MS)} |"
        )
    rows.append(
        f"| vidéo 60 s 1080p 30 i/s (mp4v, {video['mb']:.0f} Mo) : détection sur "
        f"{video['frames']} images ({video['people']} personnes) | {video['cpu_seconds']:.1f} s | "
        f"{video['seconds']:.1f} s | ≤ {VIDEO_TARGET_S} s : "
        f"{ok(video['cpu_seconds'] <= VIDEO_TARGET_S)} |"
    )
    if copy:
        rows.append(
            f"| même vidéo : copie floutée (analyse + décodage, flou et encodage mp4v des "
            f"{copy['frames']} images, sans son ; {copy['mb']:.0f} Mo) ; visages retrouvés "
            f"ensuite sur 12 images de la copie : {copy['faces_left']} | "
            f"{copy['cpu_seconds']:.1f} s | {copy['seconds']:.1f} s | ≤ {VIDEO_TARGET_S} s "
            f"(cible de l'analyse) : {ok(copy['cpu_seconds'] <= VIDEO_TARGET_S)} |"
        )
    return (
        f"Charge de la machine pendant la mesure : {load:.1f} (2 cœurs).\n\n"
        "| mesure | temps CPU (1 fil) | temps réel | cible |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


def write_section(text: str, marker: str) -> None:
    """Replace the text between `<!-- marker -->` and `<!-- /marker -->` in docs/media.md."""
    doc = DOC.read_text(encoding="utf-8")
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    head, rest = doc.split(start, 1)
    _, tail = rest.split(end, 1)
    DOC.write_text(f"{head}{start}\n{text}{end}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    with tempfile.TemporaryDirectory() as folder:
        photo = bench_photo(Path(folder))
        print(photo, flush=True)
        portrait = bench_photo(Path(folder), portrait=True)
        print(portrait, flush=True)
        video = bench_video(Path(folder))
        print(video, flush=True)
        copy = bench_video_copy(Path(folder))
        print(copy, flush=True)
    text = report(photo, video, copy, portrait)
    print(text)
    if args.write_docs:
        write_section(text, "speed")


if __name__ == "__main__":
    main()
