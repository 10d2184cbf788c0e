"""The check itself: builds the engine's inputs from the database, runs it, forgets everything.

Private by design: the text, the files and the result live in this request's memory only. Media
are copied into a private temporary directory that is removed when the check ends, also on error.
Only anonymous counters (CheckCounter) survive a check.
"""

from __future__ import annotations

import base64
import io
import logging
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from balise.checks.models import CheckCounter

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_VIDEO_BYTES = 100 * 1024 * 1024
MAX_FILES = 6
DOWNLOAD_SIDE = 2048  # the anonymized copy offered for download: enough for any social network
THUMB_SIDE = 480
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".avi", ".3gp", ".mkv")

_lock = threading.Lock()
_checkers: dict = {}  # OrgProfile -> Checker; profiles are frozen, hence hashable
_pack: dict = {}


class CheckInputError(ValueError):
    """An input the check refuses; `field` names the form field the French message belongs to."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


# --- The organization and the person, as the engine sees them -------------------------------


def org_profile(org):
    """Returns the CPE's OrgProfile: from the registers when they exist, else from the accounts."""
    if apps.is_installed("balise.registers"):
        try:
            from balise.registers.engine import org_profile as from_registers
        except ImportError:
            from_registers = None
        if from_registers is not None:
            return from_registers(org)
    return _profile_from_accounts(org)


def _profile_from_accounts(org):
    from balise.engine import OrgProfile

    members = org.memberships.filter(is_active=True).select_related("user")
    staff = tuple((m.user.full_name, m.get_role_display()) for m in members if m.user.full_name)
    dg = next((m.user.full_name for m in members if m.is_director_general), "")
    return OrgProfile(
        name=org.name,
        aliases=tuple(org.aliases or ()),
        city=org.city,
        website=org.website,
        trademarks=tuple(org.trademarks or ()),
        director_general=dg,
        staff=staff,
    )


def get_checker(org):
    """Returns the Checker of the CPE, built once per process for each version of its profile."""
    from balise.engine import Checker, load_pack

    profile = org_profile(org)
    checker = _checkers.get(profile)
    if checker is None:
        with _lock:
            if "pack" not in _pack:
                _pack["pack"] = load_pack()
            checker = _checkers.get(profile)
            if checker is None:
                if len(_checkers) > 64:  # profiles change when the registers do
                    _checkers.clear()
                checker = _checkers[profile] = Checker(profile, _pack["pack"])
    return checker


def warm_up() -> None:
    """Loads the engine (French pipeline, model) and runs one check, so the first person does not wait."""
    from balise.engine import Checker, Context, OrgProfile, Post

    started = time.monotonic()
    Checker(OrgProfile(name="Balise")).check(Post("warm-up", "Bonjour à tous.", Context()))
    log.info("checks.warm_up", extra={"seconds": round(time.monotonic() - started, 2)})


def work_status(org, user, at: datetime) -> dict:
    """Returns on_shift/on_break from the network app's schedule, or unknowns without it."""
    unknown = {"on_shift": None, "on_break": None}
    if not apps.is_installed("balise.network"):
        return unknown
    try:
        from balise.network.services import work_status as from_network

        status = from_network(org, user, at)
    except (ImportError, AttributeError):
        return unknown
    return {"on_shift": status.get("on_shift"), "on_break": status.get("on_break")}


def author_context(org, user, at: datetime) -> dict:
    """Returns the author's mandate and authorizations from the registers, or none."""
    nothing = {"mandated": None, "authorizations": ()}
    if not apps.is_installed("balise.registers"):
        return nothing
    try:
        from balise.registers.engine import author_context as from_registers
    except ImportError:
        return nothing
    found = from_registers(org, user, at)
    return {
        "mandated": found.get("mandated"),
        "authorizations": tuple(found.get("authorizations", ())),
    }


def context_defaults(membership, at: datetime | None = None) -> dict:
    """Returns the context questions pre-filled from what Balise knows (role, time, schedule)."""
    at = at or timezone.now()
    status = work_status(membership.organization, membership.user, at)
    return {
        "role": membership.get_role_display(),
        "at": timezone.localtime(at),
        "on_shift": _yes_no(status["on_shift"]),
        "on_break": _yes_no(status["on_break"]),
        "children_present": "non",
        "device": "personnel",
        "account": "personnel",
        "schedule_known": status["on_shift"] is not None,
    }


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("oui" if value else "non")


# --- Rate limit -------------------------------------------------------------------------------


def rate_limited(user, per_minute: int) -> bool:
    """Counts one check for the person; True when they are over `per_minute` in this minute.

    The counter lives in Django's cache (per process with the default local-memory cache)."""
    window = int(time.time() // 60)
    key = f"checks:rate:{user.pk}:{window}"
    if cache.add(key, 1, timeout=70):
        return per_minute < 1
    try:
        return cache.incr(key) > per_minute
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=70)
        return False


# --- The check --------------------------------------------------------------------------------


@dataclass
class MediaOutcome:
    """What the person sees about one file; never stored."""

    name: str
    kind: str
    faces: int
    logos: int
    gps: bool
    summary: str
    thumbnail: str = ""  # data: URL of the original with the boxes drawn
    anonymized: str = ""  # data: URL of the blurred, metadata-free copy (photos only)
    anonymized_name: str = ""
    context: dict = field(default_factory=dict)


@dataclass
class Outcome:
    """A check's result for the page and the API; lives for one request."""

    text: str
    result: dict
    media: list[MediaOutcome]
    seconds: float


def build_context(membership, answers: dict, media: list[dict], at: datetime):
    """Returns the engine Context from the person's answers and what Balise knows."""
    from balise.engine import Context

    author = author_context(membership.organization, membership.user, at)
    return Context(
        posted_at=timezone.localtime(at),
        account=answers.get("account") or None,
        device=answers.get("device") or None,
        on_shift=_bool_of(answers.get("on_shift")),
        on_break=_bool_of(answers.get("on_break")),
        children_present=_bool_of(answers.get("children_present")),
        author_role=membership.get_role_display(),
        mandated=author["mandated"],
        authorizations=author["authorizations"],
        media=tuple(media),
    )


def _bool_of(value) -> bool | None:
    if value in (True, False, None):
        return value
    return {"oui": True, "non": False}.get(str(value).lower())


def run_check(membership, text: str, answers: dict, files=(), *, count: bool = True) -> Outcome:
    """Checks a draft and its files; returns the outcome and keeps nothing but counters."""
    from balise.engine import EngineError, Post

    started = time.monotonic()
    at = timezone.now()
    check_files(files)
    with tempfile.TemporaryDirectory(prefix="balise-check-") as workdir:
        media = [_analyse(Path(workdir), i, f) for i, f in enumerate(files)]
        context = build_context(membership, answers, [m.context for m in media], at)
        try:
            result = get_checker(membership.organization).check(Post("verification", text, context))
        except EngineError as exc:
            raise CheckInputError("text", str(exc)) from None
    if count:
        CheckCounter.bump(membership.organization, result.rules)
    return Outcome(text, result.to_dict(), media, time.monotonic() - started)


def check_files(files) -> None:
    """Refuses too many files, or one over its size limit, before any is read."""
    if len(files) > MAX_FILES:
        raise CheckInputError(
            "media", _("Ajoutez au plus %(n)d fichiers à la fois.") % {"n": MAX_FILES}
        )
    for f in files:
        is_video = Path(f.name or "").suffix.lower() in VIDEO_SUFFIXES or (
            f.content_type or ""
        ).startswith("video/")
        limit = MAX_VIDEO_BYTES if is_video else MAX_PHOTO_BYTES
        if f.size > limit:
            raise CheckInputError("media", size_message(f.name, f.size, limit, is_video))
        if f.size == 0:
            raise CheckInputError(
                "media", _("Le fichier « %(name)s » est vide.") % {"name": f.name}
            )


def size_message(name: str, size: int, limit: int, is_video: bool) -> str:
    what = _("La vidéo") if is_video else _("La photo")
    return _(
        "%(what)s « %(name)s » pèse %(size)s Mo; la limite est de %(limit)s Mo. "
        "Choisissez une version plus légère (par exemple en la partageant en taille moyenne)."
    ) % {
        "what": what,
        "name": name,
        "size": round(size / 1024 / 1024),
        "limit": limit // 1024 // 1024,
    }


def _analyse(workdir: Path, index: int, upload) -> MediaOutcome:
    from balise.engine.media import MediaError, analyze_file, anonymize_image

    name = get_valid_filename(Path(upload.name or "fichier").name) or "fichier"
    path = workdir / f"{index:02d}-{name}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    try:
        clean = workdir / f"{index:02d}-anonyme.jpg"
        try:
            analysis = anonymize_image(path, clean)
        except MediaError as exc:
            if exc.code != "unsupported":
                raise
            analysis, clean = analyze_file(path), None  # a video: analysed, not anonymized
    except MediaError as exc:
        raise CheckInputError("media", _friendly_media_error(exc, upload.name)) from None
    analysis.name = upload.name
    return _media_outcome(analysis, path, clean)


def _friendly_media_error(exc, name: str) -> str:
    if exc.code in ("not_media", "unsupported", "corrupt"):
        return _(
            "Le fichier « %(name)s » n'est pas une photo ou une vidéo lisible (son contenu ne correspond "
            "pas à son extension). Choisissez une photo JPEG, PNG, HEIC ou WebP, ou une vidéo MP4."
        ) % {"name": name}
    return str(exc)


def _media_outcome(analysis, original: Path, clean: Path | None) -> MediaOutcome:
    outcome = MediaOutcome(
        name=analysis.name,
        kind=analysis.kind,
        faces=len(analysis.faces),
        logos=len(analysis.logo_boxes),
        gps=analysis.gps,
        summary=analysis.summary_fr(),
        context=analysis.to_context(),
    )
    if analysis.kind == "photo":
        outcome.thumbnail = thumbnail_url(original, analysis)
    if clean is not None:
        outcome.anonymized = download_url(clean)
        outcome.anonymized_name = f"{Path(analysis.name).stem}-anonymise.jpg"
    return outcome


def thumbnail_url(path: Path, analysis) -> str:
    """Returns a small JPEG of the photo as a data: URL, with faces (red) and logos (blue) boxed."""
    from PIL import ImageDraw

    from balise.engine.media.photo import open_photo
    from balise.engine.media.sniff import sniff_format

    photo = open_photo(path, sniff_format(path), draft_side=THUMB_SIDE * 2)
    image = _image_of(photo.rgb)
    image.thumbnail((THUMB_SIDE, THUMB_SIDE))
    factor = image.width / analysis.width
    draw = ImageDraw.Draw(image)
    width = max(2, image.width // 120)
    for number, box in enumerate(analysis.faces, start=1):
        _draw_box(draw, box, factor, "#d0021b", str(number), width)
    for box in analysis.logo_boxes:
        _draw_box(draw, box, factor, "#0b5cad", "logo", width)
    return _data_url(image, quality=80)


def _draw_box(draw, box, factor: float, colour: str, label: str, width: int) -> None:
    x, y, w, h = (round(v * factor) for v in (box.x, box.y, box.w, box.h))
    draw.rectangle([x, y, x + w, y + h], outline=colour, width=width)
    draw.rectangle([x, max(0, y - 14), x + 8 * len(label) + 4, y], fill=colour)
    draw.text((x + 2, max(0, y - 13)), label, fill="#ffffff")


def download_url(clean: Path) -> str:
    """Returns the anonymized copy, at most DOWNLOAD_SIDE pixels wide, as a data: URL without metadata."""
    from PIL import Image

    with Image.open(clean) as opened:
        image = opened.convert("RGB")
    image.thumbnail((DOWNLOAD_SIDE, DOWNLOAD_SIDE))
    return _data_url(_image_of(image), quality=88)


def _image_of(pixels):
    """Returns a fresh Pillow image (no metadata can follow it) from pixels or an image."""
    import numpy as np
    from PIL import Image

    return Image.fromarray(np.asarray(pixels, dtype=np.uint8)).convert("RGB")


def _data_url(image, quality: int) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
