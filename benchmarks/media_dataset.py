"""Builds the labelled face set from images the project may ship: scikit-image's samples
(public domain / CC0; LFW crops) pasted at chosen sizes and angles on scenes without faces,
plus images with no face at all (food, crafts, landscapes, drawings, text).

    .venv/bin/python benchmarks/media_dataset.py [OUT_DIR]

Writes OUT_DIR/*.jpg and OUT_DIR/labels.json ({file: {"faces": [[x, y, w, h], ...],
"kind": ...}}). Deterministic (fixed seed): the images need not be stored, labels.json is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
import numpy as np
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.media.conftest import ASTRONAUT_FACE, CAMERA_FACE, astronaut, camera_rgb  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "tests" / "media" / "data" / "faceset"
SIZE = (1280, 960)
SIZE_BINS = [(10, 20), (20, 40), (40, 80), (80, 200)]  # face width in the image's pixels
BACKGROUNDS = [
    "coffee",
    "chelsea",
    "rocket",
    "brick",
    "grass",
    "gravel",
    "hubble_deep_field",
    "coins",
    "immunohistochemistry",
    "retina",
    "cell",
    "moon",
    "page",
    "text",
]


def face_sources() -> list[tuple[np.ndarray, list[int]]]:
    """Return (image, face box) pairs: the two portraits, mirrored, and 40 LFW faces."""
    sources = [(astronaut(), ASTRONAUT_FACE), (camera_rgb(), CAMERA_FACE)]
    sources += [
        (np.ascontiguousarray(img[:, ::-1]), [img.shape[1] - b[0] - b[2], b[1], b[2], b[3]])
        for img, b in sources
    ]
    lfw = data.lfw_subset()[:40]  # the first 100 are faces (25×25, tight crops)
    for face in lfw:
        gray = (face * 255).astype(np.uint8)
        padded = cv2.copyMakeBorder(gray, 6, 6, 6, 6, cv2.BORDER_REPLICATE)
        sources.append((cv2.cvtColor(padded, cv2.COLOR_GRAY2RGB), [7, 5, 23, 25]))
    return sources


def background(name: str) -> np.ndarray:
    image = getattr(data, name)()
    rgb = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image[:, :, :3]
    return cv2.resize(np.ascontiguousarray(rgb), SIZE, interpolation=cv2.INTER_LINEAR)


def paste_face(scene, source, box, width, angle, center):
    """Paste a face (with its surroundings) so the face is `width` px wide, turned `angle`°;
    return the scene and the label: the axis-aligned box of the turned face rectangle."""
    image, (x, y, w, h) = source
    margin = int(w * 0.5)
    x0, y0 = max(0, x - margin), max(0, y - margin)
    crop = image[y0 : y + h + margin, x0 : x + w + margin]
    scale = width / w
    matrix = cv2.getRotationMatrix2D((x - x0 + w / 2, y - y0 + h / 2), angle, scale)
    matrix[:, 2] += np.array(center) - np.array([x - x0 + w / 2, y - y0 + h / 2])
    warped = cv2.warpAffine(
        crop, matrix, SIZE, flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    )
    mask = cv2.warpAffine(np.full(crop.shape[:2], 255, np.uint8), matrix, SIZE) > 127
    scene[mask] = warped[mask]
    corners = (
        np.array(
            [
                [x - x0, y - y0, 1],
                [x - x0 + w, y - y0, 1],
                [x - x0 + w, y - y0 + h, 1],
                [x - x0, y - y0 + h, 1],
            ]
        )
        @ matrix.T
    )
    x1, y1 = corners.min(axis=0)
    x2, y2 = corners.max(axis=0)
    return [round(x1), round(y1), round(x2 - x1), round(y2 - y1)]


def positive(index: int, rng, sources) -> tuple[np.ndarray, list[list[int]], list[str]]:
    """Return a scene with one face per size bin, at random places that do not overlap."""
    scene = background(BACKGROUNDS[index % len(BACKGROUNDS)])
    labels, taken, kinds = [], [], []
    for low, high in SIZE_BINS:
        width = int(rng.uniform(low, high))
        portrait = width >= 60 or rng.random() < 0.5  # small faces: half portraits, half LFW
        source = (
            sources[rng.integers(4)] if portrait else sources[4 + rng.integers(len(sources) - 4)]
        )
        angle = float(rng.choice([0, 0, 15, -15, 30, -30]))
        reach = width * 1.8  # the pasted crop's half-size, with its hair and shoulders
        for _ in range(100):
            center = (
                int(rng.uniform(0.12, 0.88) * SIZE[0]),
                int(rng.uniform(0.15, 0.85) * SIZE[1]),
            )
            if all(
                abs(center[0] - cx) > reach + r or abs(center[1] - cy) > reach + r
                for cx, cy, r in taken
            ):
                break
        taken.append((*center, reach))
        labels.append(paste_face(scene, source, source[1], width, angle, center))
        kinds.append("portrait" if any(source is s for s in sources[:4]) else "lfw")
    return scene, labels, kinds


def drawing(rng) -> np.ndarray:
    """Return a child's drawing: crayon lines, a house, a sun, on paper (no face)."""
    paper = np.full((SIZE[1], SIZE[0], 3), 245, np.uint8)
    cv2.rectangle(paper, (300, 450), (700, 800), (200, 60, 40), 8)
    cv2.fillPoly(paper, [np.array([[280, 450], [500, 250], [720, 450]])], (180, 40, 40))
    cv2.circle(paper, (1050, 180), 90, (250, 200, 30), -1)
    for _ in range(25):
        p1 = rng.integers(0, [SIZE[0], SIZE[1]])
        p2 = p1 + rng.integers(-200, 200, 2)
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.line(
            paper,
            tuple(int(v) for v in p1),
            tuple(int(v) for v in p2),
            color,
            int(rng.integers(3, 12)),
        )
    return paper


def crafts(rng) -> np.ndarray:
    """Return a table of coloured paper cut-outs and beads (no face)."""
    table = np.full((SIZE[1], SIZE[0], 3), (150, 110, 80), np.uint8)
    for _ in range(60):
        center = tuple(int(v) for v in rng.integers(0, [SIZE[0], SIZE[1]]))
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        if rng.random() < 0.5:
            cv2.circle(table, center, int(rng.integers(8, 60)), color, -1)
        else:
            axes = tuple(int(v) for v in rng.integers(10, 90, 2))
            cv2.ellipse(table, center, axes, float(rng.uniform(0, 180)), 0, 360, color, -1)
    return table


def negatives(rng) -> list[tuple[str, str, np.ndarray]]:
    scenes = [(f"sans-{name}", "photo sans visage", background(name)) for name in BACKGROUNDS[:12]]
    scenes += [(f"dessin-{i}", "dessin", drawing(rng)) for i in range(3)]
    scenes += [(f"bricolage-{i}", "bricolage", crafts(rng)) for i in range(3)]
    return scenes


def build(out: Path = OUT, positives: int = 24) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20260312)
    sources = face_sources()
    labels: dict[str, dict] = {}
    for index in range(positives):
        scene, faces, kinds = positive(index, rng, sources)
        name = f"visages-{index:02d}.jpg"
        cv2.imwrite(
            str(out / name), cv2.cvtColor(scene, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 88]
        )
        labels[name] = {"kind": "composition", "faces": faces, "sources": kinds}
    for stem, kind, scene in negatives(rng):
        name = f"{stem}.jpg"
        cv2.imwrite(
            str(out / name), cv2.cvtColor(scene, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 88]
        )
        labels[name] = {"kind": kind, "faces": []}
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return labels


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(f"{len(build(target))} images written to {target}")
