"""Rectangles found in a photo or a video: faces and logos, in original pixel coordinates."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np


@dataclass(frozen=True)
class Box:
    """An axis-aligned box; `t0`/`t1` (seconds) only for videos."""

    x: int
    y: int
    w: int
    h: int
    score: float
    t0: float | None = None
    t1: float | None = None

    def as_list(self) -> list[int]:
        """Return [x, y, w, h], the form findings carry as evidence."""
        return [self.x, self.y, self.w, self.h]

    def evidence(self, name: str) -> dict:
        """Return the finding `media` item for this box in file `name`."""
        item: dict = {"file": name, "box": self.as_list()}
        if self.t0 is not None and self.t1 is not None:
            item["t"] = [round(self.t0, 2), round(self.t1, 2)]
        return item

    def scaled(self, factor: float) -> Box:
        """Return the box with coordinates multiplied by `factor`."""
        return replace(
            self,
            x=round(self.x * factor),
            y=round(self.y * factor),
            w=round(self.w * factor),
            h=round(self.h * factor),
        )


@dataclass(frozen=True)
class FaceBox(Box):
    """A detected face; `score` is the detector's confidence (0 to 1)."""


@dataclass(frozen=True)
class LogoBox(Box):
    """A logo match; `score` is the share of matched features that fit the homography."""

    reference: str = ""
    corners: tuple[tuple[int, int], ...] = ()

    def scaled(self, factor: float) -> LogoBox:
        """Return the box and its corners with coordinates multiplied by `factor`."""
        box = super().scaled(factor)
        corners = tuple((round(x * factor), round(y * factor)) for x, y in self.corners)
        return replace(box, corners=corners)


def iou(a: Box, b: Box) -> float:
    """Return the intersection over union of two boxes (0 when disjoint)."""
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union > 0 else 0.0


def nms(boxes: np.ndarray, scores: np.ndarray, threshold: float = 0.3) -> list[int]:
    """Return indexes of boxes (N×4 as x1, y1, x2, y2) kept by greedy non-maximum suppression."""
    order = np.argsort(scores)[::-1]
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    keep: list[int] = []
    while order.size:
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        ix = np.clip(
            np.minimum(boxes[i, 2], boxes[rest, 2]) - np.maximum(boxes[i, 0], boxes[rest, 0]),
            0,
            None,
        )
        iy = np.clip(
            np.minimum(boxes[i, 3], boxes[rest, 3]) - np.maximum(boxes[i, 1], boxes[rest, 1]),
            0,
            None,
        )
        inter = ix * iy
        overlap = inter / np.maximum(areas[i] + areas[rest] - inter, 1e-9)
        order = rest[overlap < threshold]
    return keep
