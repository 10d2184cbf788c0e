"""Recall and precision of face detection per face size, on the generated labelled set
(benchmarks/media_dataset.py), for several detection strategies. From the repository root:

    .venv/bin/python benchmarks/media_quality.py [--write-docs]

A detection matches a labelled face when their IoU is at least 0.3 (labels of turned faces are
the upright box around the turned face rectangle, looser than the detector's boxes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from balise.engine.media.boxes import FaceBox, iou  # noqa: E402
from balise.engine.media.faces import BLUR_THRESHOLD, REPORT_THRESHOLD, get_detector  # noqa: E402
from benchmarks.media_bench import write_section  # noqa: E402
from benchmarks.media_dataset import OUT, SIZE_BINS, build  # noqa: E402

MATCH_IOU = 0.3
RUNS = [  # (strategy, threshold, detector options)
    ("1 passe, 640 px (défaut vidéo)", REPORT_THRESHOLD, {"max_side": 640}),
    ("1 passe, 1024 px (défaut photo)", REPORT_THRESHOLD, {"max_side": 1024}),
    ("1 passe, 1024 px (défaut photo)", BLUR_THRESHOLD, {"max_side": 1024}),
    ("1 passe, 896 px", REPORT_THRESHOLD, {"max_side": 896}),
    ("1 passe, 896 px", BLUR_THRESHOLD, {"max_side": 896}),
    ("1 passe, 1280 px (taille réelle)", REPORT_THRESHOLD, {"max_side": 1280}),
    (
        "1024 px + tuiles agrandies ×2 (minutieux)",
        REPORT_THRESHOLD,
        {"max_side": 1024, "zoom": 2.0},
    ),
]
SOURCES = ("portrait", "lfw")


def load_set(folder: Path) -> dict:
    labels_path = folder / "labels.json"
    if not labels_path.exists() or not all(
        (folder / name).exists() for name in json.loads(labels_path.read_text())
    ):
        build(folder)
    return json.loads(labels_path.read_text())


def evaluate(folder: Path, labels: dict, threshold: float, options: dict) -> dict:
    detector = get_detector()
    bins = {(src, b): [0, 0] for src in SOURCES for b in SIZE_BINS}  # found, total
    true_pos = false_pos = 0
    fp_on_empty = 0
    elapsed = 0.0
    for name, entry in labels.items():
        rgb = cv2.cvtColor(cv2.imread(str(folder / name)), cv2.COLOR_BGR2RGB)
        started = time.perf_counter()
        found = detector.detect(rgb, threshold=threshold, **options)
        elapsed += time.perf_counter() - started
        truth = [FaceBox(*box, score=1.0) for box in entry["faces"]]
        matched = _match(found, truth)
        for i, box in enumerate(truth):
            size_bin = next(
                b for b in SIZE_BINS if b[0] <= _width(box) < b[1] or b == SIZE_BINS[-1]
            )
            key = (entry["sources"][i], size_bin)
            bins[key][1] += 1
            bins[key][0] += i in matched.values()
        true_pos += len(matched)
        false_pos += len(found) - len(matched)
        if not truth:
            fp_on_empty += len(found)
    return {
        "bins": bins,
        "precision": true_pos / max(1, true_pos + false_pos),
        "false_pos": false_pos,
        "fp_on_empty": fp_on_empty,
        "ms": elapsed * 1000 / len(labels),
    }


def _width(box: FaceBox) -> float:
    return box.w / 1.3 if box.w > 1.3 * box.h else box.w  # turned labels are wider


def _match(found: list[FaceBox], truth: list[FaceBox]) -> dict[int, int]:
    """Return detection index -> label index, greedily by IoU."""
    pairs = sorted(
        ((iou(f, t), i, j) for i, f in enumerate(found) for j, t in enumerate(truth)), reverse=True
    )
    matched: dict[int, int] = {}
    for overlap, i, j in pairs:
        if overlap >= MATCH_IOU and i not in matched and j not in matched.values():
            matched[i] = j
    return matched


def table(results: dict, labels: dict) -> str:
    empty = sum(1 for entry in labels.values() if not entry["faces"])
    header = "| stratégie | seuil | " + " | ".join(
        f"rappel {src} {lo}–{hi} px" for src in SOURCES for lo, hi in SIZE_BINS
    )
    header += " | précision | fausses alertes (images sans visage) | ms/image (1280×960) |\n"
    header += "|---" * (2 * len(SIZE_BINS) + 5) + "|\n"
    rows = []
    for (name, threshold), r in results.items():
        recalls = " | ".join(f"{f}/{t} ({f / max(1, t):.0%})" for f, t in r["bins"].values())
        rows.append(
            f"| {name} | {threshold} | {recalls} | {r['precision']:.0%} ({r['false_pos']} FP) | "
            f"{r['fp_on_empty']} sur {empty} images | {r['ms']:.0f} |\n"
        )
    return header + "".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--folder", type=Path, default=OUT)
    parser.add_argument(
        "--only", default="", help="only the strategies whose name contains this text (no docs)"
    )
    args = parser.parse_args()
    cv2.setNumThreads(1)
    labels = load_set(args.folder)
    results = {}
    for name, threshold, options in RUNS:
        if args.only not in name:
            continue
        results[(name, threshold)] = evaluate(args.folder, labels, threshold, options)
        print(name, threshold, results[(name, threshold)], flush=True)
    text = table(results, labels)
    print(text)
    if args.write_docs and not args.only:
        write_section(text, "quality")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
