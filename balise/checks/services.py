"""The check itself: builds the engine's inputs from the database, runs it, forgets everything.

Private by design: the text, the files and the result live in this request's memory only. Media
are copied into a private temporary directory that is removed when the check ends, also on error.
Only anonymous counters (CheckCounter) survive a check.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import tempfile
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from django.apps import apps
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from balise.checks.models import CheckCounter, RateWindow

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

    The counter is a database row (RateWindow), not the worker's memory: the limit holds for the
    whole server, whichever gunicorn worker answers."""
    return RateWindow.hit(user, int(time.time() // 60)) > per_minute


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
    key: str = ""  # ties the "who is in this photo?" answers to this file (media_key)
    ticked: frozenset[int] = frozenset()  # roster ids the person ticked
    marked: frozenset[int] = frozenset()  # face numbers (1-based) the person marked as consented
    consented: int = 0  # faces covered by a consent in force for the post's channel
    kept: tuple[int, ...] = ()  # face numbers left sharp on the anonymized copy

    @property
    def face_numbers(self) -> range:
        return range(1, self.faces + 1)

    @property
    def without_consent(self) -> int:
        return self.faces - self.consented

    @property
    def marked_too_many(self) -> bool:
        return bool(self.marked) and not self.kept


@dataclass
class Outcome:
    """A check's result for the page and the API; lives for one request."""

    text: str
    result: dict
    media: list[MediaOutcome]
    seconds: float
    people: list[dict] | None = None  # "who is in this photo?": loaded only when a photo has faces
    account: str = "personnel"  # the post's channel: personnel | officiel | interne


# --- Who is in this photo? (issue 6) ----------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """The person's answers about one file; never stored."""

    people: frozenset[int] = frozenset()  # roster ids ticked
    faces: frozenset[int] = frozenset()  # face numbers (1-based, as on the thumbnail) marked


def media_key(upload) -> str:
    """Returns a short key of an uploaded file (name and size), for the answers about it."""
    raw = f"{upload.name or ''}\0{upload.size}".encode()
    return hashlib.sha256(raw).hexdigest()[:12]


class PhotoConsents:
    """Counts, for each file, the ticked people whose consent covers the post's channel.

    The registers' list (`photo_people`) is read at most once per check, and only when someone
    was ticked or a photo shows faces. A consent that does not cover the channel counts as none."""

    def __init__(self, org, account: str | None, who: dict[str, Who] | None) -> None:
        self.org = org
        self.account = account or "personnel"
        self.who = who or {}

    @cached_property
    def people(self) -> list[dict]:
        if not apps.is_installed("balise.registers"):
            return []
        try:
            from balise.registers.engine import photo_people
        except ImportError:
            return []
        return photo_people(self.org)

    def answers(self, key: str) -> Who:
        return self.who.get(key, Who())

    def consented(self, key: str) -> int:
        """The number of ticked people with a consent in force that covers the channel."""
        ticked = self.answers(key).people
        if not ticked or not self.people:
            return 0
        from balise.registers.engine import consent_covers

        return sum(
            1
            for p in self.people
            if p["id"] in ticked and consent_covers(p["channels"], self.account)
        )

    def keep(self, key: str) -> frozenset[int]:
        """The face indexes (0-based) to leave sharp: the marked faces, only when each of them
        can be a consenting person; otherwise every face is blurred."""
        marked = self.answers(key).faces
        if not marked or len(marked) > self.consented(key):
            return frozenset()
        return frozenset(n - 1 for n in marked)


def build_context(membership, answers: dict, media: list[dict], at: datetime):
    """Returns the engine Context from the person's answers and what Balise knows."""
    from balise.engine import Context

    author = author_context(membership.organization, membership.user, at)
    return Context(
        posted_at=timezone.localtime(at),
        account=engine_account(answers.get("account")),
        device=answers.get("device") or None,
        on_shift=_bool_of(answers.get("on_shift")),
        on_break=_bool_of(answers.get("on_break")),
        children_present=_bool_of(answers.get("children_present")),
        author_role=membership.get_role_display(),
        mandated=author["mandated"],
        authorizations=author["authorizations"],
        media=tuple(media),
    )


def engine_account(account: str | None) -> str | None:
    """The engine knows a personal account and the official page; internal use is neither."""
    return account if account in ("personnel", "officiel") else None


def _bool_of(value) -> bool | None:
    if value in (True, False, None):
        return value
    return {"oui": True, "non": False}.get(str(value).lower())


def run_check(
    membership,
    text: str,
    answers: dict,
    files=(),
    *,
    count: bool = True,
    who: dict[str, Who] | None = None,
) -> Outcome:
    """Checks a draft and its files; returns the outcome and keeps nothing but counters.

    `who` holds, per file (media_key), the people ticked in "who is in this photo?" and the faces
    marked as theirs: faces with a consent covering the channel do not count for 5 ii)."""
    from balise.engine import EngineError, Post

    started = time.monotonic()
    at = timezone.now()
    check_files(files)
    consents = PhotoConsents(membership.organization, answers.get("account"), who)
    # A folder for the files only when there are files (text checks never touch the disk).
    with tempfile.TemporaryDirectory(prefix="balise-check-") if files else nullcontext() as workdir:
        media = [_analyse(Path(workdir), i, f, consents) for i, f in enumerate(files)]
        context = build_context(membership, answers, [m.context for m in media], at)
        try:
            result = get_checker(membership.organization).check(Post("verification", text, context))
        except EngineError as exc:
            raise CheckInputError("text", str(exc)) from None
    if count:
        CheckCounter.bump(membership.organization, result.rules)
    people = consents.people if any(m.faces for m in media) else None
    return Outcome(
        text, result.to_dict(), media, time.monotonic() - started, people, consents.account
    )


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


def _analyse(workdir: Path, index: int, upload, consents: PhotoConsents) -> MediaOutcome:
    from balise.engine.media import MediaError, analyze_file, anonymize_image

    key = media_key(upload)
    name = get_valid_filename(Path(upload.name or "fichier").name) or "fichier"
    path = workdir / f"{index:02d}-{name}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    keep = consents.keep(key)
    try:
        clean = workdir / f"{index:02d}-anonyme.jpg"
        try:
            analysis = anonymize_image(path, clean, keep=keep)
        except MediaError as exc:
            if exc.code != "unsupported":
                raise
            analysis, clean, keep = analyze_file(path), None, frozenset()  # a video: not anonymized
    except MediaError as exc:
        raise CheckInputError("media", _friendly_media_error(exc, upload.name)) from None
    analysis.name = upload.name
    consented = min(consents.consented(key), len(analysis.faces))
    outcome = _media_outcome(analysis, path, clean, consented)
    answers = consents.answers(key)
    outcome.key, outcome.ticked, outcome.consented = key, answers.people, consented
    outcome.marked = frozenset(n for n in answers.faces if 1 <= n <= outcome.faces)
    outcome.kept = tuple(sorted(i + 1 for i in keep if i < outcome.faces))
    return outcome


def _friendly_media_error(exc, name: str) -> str:
    if exc.code in ("not_media", "unsupported", "corrupt"):
        return _(
            "Le fichier « %(name)s » n'est pas une photo ou une vidéo lisible (son contenu ne correspond "
            "pas à son extension). Choisissez une photo JPEG, PNG, HEIC ou WebP, ou une vidéo MP4."
        ) % {"name": name}
    return str(exc)


def _media_outcome(
    analysis, original: Path, clean: Path | None, consented: int = 0
) -> MediaOutcome:
    outcome = MediaOutcome(
        name=analysis.name,
        kind=analysis.kind,
        faces=len(analysis.faces),
        logos=len(analysis.logo_boxes),
        gps=analysis.gps,
        summary=analysis.summary_fr(),
        context=analysis.to_context(consented_faces=consented),
    )
    if analysis.kind == "photo":
        outcome.thumbnail = thumbnail_url(original, analysis)
    if clean is not None:
        outcome.anonymized = download_url(clean)
        outcome.anonymized_name = f"{Path(analysis.name).stem}-anonymise.jpg"
    return outcome


def thumbnail_url(path: Path, analysis) -> str:
    """Returns a small JPEG of the photo as a data: URL, with faces (red) and logos (blue) boxed."""
    from PIL import ImageDraw, ImageFont

    from balise.engine.media.photo import open_photo
    from balise.engine.media.sniff import sniff_format

    photo = open_photo(path, sniff_format(path), draft_side=THUMB_SIDE * 2)
    image = _image_of(photo.rgb)
    image.thumbnail((THUMB_SIDE, THUMB_SIDE))
    factor = image.width / analysis.width
    draw = ImageDraw.Draw(image)
    width = max(2, image.width // 120)
    font = ImageFont.load_default(size=max(14, image.width // 24))  # face numbers must be legible
    for number, box in enumerate(analysis.faces, start=1):
        _draw_box(draw, box, factor, "#d0021b", str(number), width, font)
    for box in analysis.logo_boxes:
        _draw_box(draw, box, factor, "#0b5cad", "logo", width, font)
    return _data_url(image, quality=80)


def _draw_box(draw, box, factor: float, colour: str, label: str, width: int, font) -> None:
    """Frames a box and writes its label (the face's number, or "logo") above it, on the colour."""
    x, y, w, h = (round(v * factor) for v in (box.x, box.y, box.w, box.h))
    draw.rectangle([x, y, x + w, y + h], outline=colour, width=width)
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    tag_h = bottom + 4
    tag_y = y - tag_h if y >= tag_h else y
    draw.rectangle([x, tag_y, x + right + 6, tag_y + tag_h], fill=colour)
    draw.text((x + 3, tag_y + 2), label, fill="#ffffff", font=font)


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
