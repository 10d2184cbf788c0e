"""What a photo or a video shows: faces, logos, metadata; `analyze_file` is the entry point."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .boxes import FaceBox, LogoBox
from .faces import BLUR_THRESHOLD, MAX_SIDE, REPORT_THRESHOLD, get_detector
from .limits import DEFAULT_LIMITS, Limits
from .logo import LogoRef, find_logos, load_refs
from .photo import Photo, open_photo
from .sniff import PHOTO_FORMATS, sniff_format


@dataclass
class MediaAnalysis:
    """The facts the engine needs about one file (see CONTRACT.md)."""

    name: str
    kind: str  # "photo" | "video"
    width: int
    height: int
    faces: list[FaceBox] = field(default_factory=list)
    logo_boxes: list[LogoBox] = field(default_factory=list)
    gps: bool = False
    metadata: list[str] = field(default_factory=list)
    fmt: str = ""
    duration: float | None = None  # seconds, videos only
    frames_analyzed: int = 0
    weak_faces: list[FaceBox] = field(default_factory=list)  # below the report threshold
    explanation: str = ""

    def to_context(self, consented_faces: int = 0) -> dict:
        """Return the `context.media` item of spec/rules.md, with boxes as finding evidence."""
        return {
            "kind": self.kind,
            "faces": len(self.faces),
            "consented_faces": max(0, min(consented_faces, len(self.faces))),
            "logo": bool(self.logo_boxes),
            "name": self.name,
            "boxes": [face.evidence(self.name) for face in self.faces],
            "logo_boxes": [logo.evidence(self.name) for logo in self.logo_boxes],
            "gps": self.gps,
        }

    def summary_fr(self) -> str:
        """Return a one-paragraph French summary for a person (CLI, web page)."""
        parts = [f"{self.name} : {_faces_fr(len(self.faces), self.kind)}"]
        if self.logo_boxes:
            parts.append("le logo de l'organisation apparaît")
        if self.gps:
            parts.append(
                "l'original contient des coordonnées GPS (il révèle où la photo a été prise)"
            )
        return "; ".join(parts) + "."


def analyze_file(
    path: str | Path,
    *,
    logo_refs: Iterable[str | Path | LogoRef] = (),
    limits: Limits = DEFAULT_LIMITS,
    threads: int = 1,
) -> MediaAnalysis:
    """Return the analysis of a photo or a video, told apart by content; raise MediaError."""
    path = Path(path)
    fmt = sniff_format(path)
    refs = load_refs(logo_refs)
    if fmt in PHOTO_FORMATS:
        photo = open_photo(path, fmt, limits, draft_side=MAX_SIDE)
        return analyze_photo(path.name, photo, refs, threads=threads)
    from .video import analyze_video  # OpenCV's video stack only when a video comes

    return analyze_video(path, fmt, refs, limits=limits, threads=threads)


def analyze_photo(
    name: str, photo: Photo, refs: list[LogoRef], *, threads: int = 1, zoom: float = 1.0
) -> MediaAnalysis:
    """Return the analysis of decoded pixels; boxes in the original's coordinates.
    `zoom` > 1 adds enlarged tiles for very small faces (slower; see FaceDetector.detect)."""
    found = get_detector(threads).detect(photo.rgb, threshold=BLUR_THRESHOLD, zoom=zoom)
    found = [box.scaled(photo.scale) for box in found]
    logos = [box.scaled(photo.scale) for box in find_logos(photo.rgb, refs)]
    return MediaAnalysis(
        name=name,
        kind="photo",
        width=photo.width,
        height=photo.height,
        faces=[box for box in found if box.score >= REPORT_THRESHOLD],
        weak_faces=[box for box in found if box.score < REPORT_THRESHOLD],
        logo_boxes=logos,
        gps=photo.gps,
        metadata=photo.metadata,
        fmt=photo.fmt,
        frames_analyzed=1,
        explanation=_explain(photo, refs),
    )


def _explain(photo: Photo, refs: list[LogoRef]) -> str:
    side = max(photo.rgb.shape[:2])
    text = f"CenterFace (ONNX) sur {side} px de côté, visage compté à un score ≥ {REPORT_THRESHOLD}"
    if refs:
        text += f"; logo cherché d'après {len(refs)} image(s) de référence (ORB + homographie)"
    return text


def _faces_fr(count: int, kind: str) -> str:
    if count == 0:
        return "aucun visage détecté"
    if kind == "video":
        return f"{count} personne{'s' if count > 1 else ''} distincte{'s' if count > 1 else ''} (environ)"
    return f"{count} visage{'s' if count > 1 else ''} détecté{'s' if count > 1 else ''}"
