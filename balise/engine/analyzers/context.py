"""Rules decided by the context of a post: work time and equipment (5 vii), photos (5 ii)."""

from __future__ import annotations

from balise.engine.analyzers.base import Analyzer, Hit
from balise.engine.document import Document


class WorkTimeAnalyzer(Analyzer):
    """Personal use outside breaks, with children present, or on the CPE's equipment."""

    name = "temps"
    rules = ("5.vii.temps",)

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        ctx = doc.context
        if ctx.official_mandated:
            return []
        reasons = []
        if ctx.device == "cpe":
            reasons.append("appareil du CPE (device=cpe)")
        if ctx.children_present:
            reasons.append("en présence des enfants (children_present)")
        if ctx.on_shift and not ctx.on_break:
            reasons.append("pendant les heures de travail, hors pause (on_shift)")
        if not reasons:
            return []
        return [Hit("5.vii.temps", (), "contexte : " + "; ".join(reasons))]


class ImageConsentAnalyzer(Analyzer):
    """Photos or videos showing more faces than have a recorded consent."""

    name = "image"
    rules = ("5.ii.image",)

    def analyze(self, doc: Document) -> list[Hit]:  # noqa: D102
        hits = []
        for item in doc.context.media:
            faces = int(item.get("faces") or 0)
            consented = int(item.get("consented_faces") or 0)
            if faces > consented:
                label = item.get("name") or item.get("kind") or "média"
                why = (
                    f"analyse des médias : {label}, {faces} visage(s), {consented} consentement(s)"
                )
                hits.append(Hit("5.ii.image", (), why, _face_evidence(item)))
        if len(hits) > 1:
            return [
                Hit(
                    "5.ii.image",
                    (),
                    " | ".join(h.explanation for h in hits),
                    tuple(m for h in hits for m in h.media),
                )
            ]
        return hits


def _face_evidence(item: dict) -> tuple[dict, ...]:
    return media_evidence(item.get("boxes"), item.get("name") or "")


def media_evidence(boxes: object, name: str) -> tuple[dict, ...]:
    """Return finding media items from boxes given as evidence dicts, {x,y,w,h} or [x,y,w,h]."""
    out = []
    for box in boxes or ():  # type: ignore[attr-defined]
        if isinstance(box, dict) and "box" in box:
            entry = {"file": name, **box}
        elif isinstance(box, dict):
            entry = {"file": name, "box": [box.get(k) for k in ("x", "y", "w", "h")]}
            if box.get("t0") is not None:
                entry["t"] = [box.get("t0"), box.get("t1")]
        else:
            entry = {"file": name, "box": list(box)}
        out.append(entry)
    return tuple(out)
