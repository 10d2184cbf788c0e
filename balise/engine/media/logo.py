"""Finds the organization's logo in a photo: ORB features, ratio test, RANSAC homography, and
a sanity check on the projected quadrilateral so that a chance alignment is not called a logo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from .boxes import LogoBox

DATA_DIR = Path(__file__).parent / "data"
BUNDLED_LOGO = DATA_DIR / "premier-pas-logo.png"
REF_SIDE = 480  # reference long side before its pyramid
REF_SCALES = (1.0, 0.6, 0.36)  # the scene's logo may be much smaller than the reference
SCENE_SIDE = 1280
RATIO = 0.75  # Lowe's ratio test
MIN_INLIERS = 12
MIN_INLIER_SHARE = 0.3
MIN_SIDE_PX = 20
ANGLE_RANGE = (40.0, 140.0)  # degrees, interior angles of the projected quad


@dataclass(frozen=True)
class LogoRef:
    """Features of one reference image, keypoints in the reference's own coordinates."""

    name: str
    width: int
    height: int
    points: np.ndarray  # N×2 float32
    descriptors: np.ndarray  # N×32 uint8 (ORB)


def load_refs(items: Iterable[str | Path | LogoRef]) -> list[LogoRef]:
    """Return references from paths (cached per path) or ready LogoRef objects."""
    return [item if isinstance(item, LogoRef) else _ref_from_path(str(item)) for item in items]


@lru_cache(maxsize=16)
def _ref_from_path(path: str) -> LogoRef:
    image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError(f"logo reference unreadable: {path}")
    return make_ref(Path(path).stem, _to_gray(image))


def make_ref(name: str, gray: np.ndarray) -> LogoRef:
    """Return a reference from a grayscale image, with features at several scales and with
    inverted contrast (a logo printed light on a dark T-shirt)."""
    gray = _resize_long(gray, REF_SIDE)
    orb = cv2.ORB_create(nfeatures=800, scaleFactor=1.2, nlevels=6, edgeThreshold=15, patchSize=31)
    points, descriptors = [], []
    for scale in REF_SCALES:
        small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        for variant in (small, 255 - small):
            padded = cv2.copyMakeBorder(variant, 16, 16, 16, 16, cv2.BORDER_REPLICATE)
            keypoints, desc = orb.detectAndCompute(padded, None)
            if desc is None:
                continue
            xy = np.array([kp.pt for kp in keypoints], dtype=np.float32) - 16
            points.append(xy / scale)
            descriptors.append(desc)
    height, width = gray.shape[:2]
    return LogoRef(name, width, height, np.concatenate(points), np.concatenate(descriptors))


def find_logos(rgb: np.ndarray, refs: list[LogoRef]) -> list[LogoBox]:
    """Return one box per reference found in the RGB image, in its pixel coordinates."""
    if not refs:
        return []
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    factor = min(1.0, SCENE_SIDE / max(gray.shape))
    if factor < 1:
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    orb = cv2.ORB_create(nfeatures=4000, scaleFactor=1.2, nlevels=8, edgeThreshold=15)
    keypoints, descriptors = orb.detectAndCompute(gray, None)
    if descriptors is None or len(keypoints) < MIN_INLIERS:
        return []
    scene = np.array([kp.pt for kp in keypoints], dtype=np.float32)
    found = (_match(ref, scene, descriptors, gray.shape) for ref in refs)
    return [box.scaled(1 / factor) for box in found if box is not None]


def _match(ref: LogoRef, scene: np.ndarray, descriptors: np.ndarray, shape) -> LogoBox | None:
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = matcher.knnMatch(ref.descriptors, descriptors, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < RATIO * p[1].distance]
    if len(good) < MIN_INLIERS:
        return None
    src = ref.points[[m.queryIdx for m in good]]
    dst = scene[[m.trainIdx for m in good]]
    homography, mask = cv2.findHomography(src, dst, cv2.RANSAC, 5.0, maxIters=2000)
    if homography is None:
        return None
    inliers = int(mask.sum())
    if inliers < MIN_INLIERS or inliers < MIN_INLIER_SHARE * len(good):
        return None
    quad = _project_corners(homography, ref.width, ref.height)
    if not plausible_quad(quad, shape):
        return None
    return _box_from_quad(quad, shape, inliers / len(good), ref.name)


def _project_corners(homography: np.ndarray, width: int, height: int) -> np.ndarray:
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]]).reshape(-1, 1, 2)
    return cv2.perspectiveTransform(corners, homography).reshape(-1, 2)


def plausible_quad(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Return whether a projected reference outline looks like a real, printed logo:
    convex, not mirrored, not degenerate, mostly inside the image, angles near square."""
    if not np.all(np.isfinite(quad)) or not cv2.isContourConvex(quad.astype(np.float32)):
        return False
    sides = np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1)
    if sides.min() < MIN_SIDE_PX or sides.max() > 8 * sides.min():
        return False
    if _signed_area(quad) <= 0:  # mirrored: corners turned the other way
        return False
    height, width = shape[:2]
    inside = np.clip(quad, [0, 0], [width, height])
    if _signed_area(inside) < 0.6 * _signed_area(quad):
        return False
    return all(ANGLE_RANGE[0] <= angle <= ANGLE_RANGE[1] for angle in _angles(quad))


def _signed_area(quad: np.ndarray) -> float:
    x, y = quad[:, 0], quad[:, 1]
    return float(0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def _angles(quad: np.ndarray) -> list[float]:
    angles = []
    for i in range(4):
        a = quad[i - 1] - quad[i]
        b = quad[(i + 1) % 4] - quad[i]
        cos = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9)
        angles.append(float(np.degrees(np.arccos(np.clip(cos, -1, 1)))))
    return angles


def _box_from_quad(quad: np.ndarray, shape, score: float, name: str) -> LogoBox:
    height, width = shape[:2]
    x1, y1 = np.clip(quad.min(axis=0), 0, [width, height])
    x2, y2 = np.clip(quad.max(axis=0), 0, [width, height])
    corners = tuple((int(round(x)), int(round(y))) for x, y in quad)
    return LogoBox(
        x=int(x1),
        y=int(y1),
        w=int(x2 - x1),
        h=int(y2 - y1),
        score=round(score, 3),
        reference=name,
        corners=corners,
    )


def _to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:  # transparent background becomes white, as printed
        alpha = image[:, :, 3:4].astype(np.float32) / 255
        image = (image[:, :, :3] * alpha + 255 * (1 - alpha)).astype(np.uint8)
    return cv2.cvtColor(image[:, :, :3], cv2.COLOR_BGR2GRAY)


def _resize_long(gray: np.ndarray, side: int) -> np.ndarray:
    factor = side / max(gray.shape[:2])
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=interpolation)
