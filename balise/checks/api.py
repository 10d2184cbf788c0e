"""The JSON API of the check: `POST /api/v1/check` (multipart for media), OpenAPI at
`/api/v1/openapi.json`. Authenticated by the session (with its CSRF token) or a personal token."""

# No `from __future__ import annotations` here: django-ninja reads the annotations at run time.

import json
from typing import Any, Literal

from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables
from ninja import File, Form, NinjaAPI, Schema, UploadedFile
from ninja.security import HttpBearer, SessionAuth

from balise.checks import services
from balise.checks.models import ApiToken
from balise.policy.services import current_version

api = NinjaAPI(
    title="Balise",
    version="1",
    description="Vérifier une publication avant de la publier, selon le code de conduite du CPE. "
    "Rien de ce qui est vérifié n'est conservé.",
    urls_namespace="api",
    docs_url=None,  # the Swagger page would load scripts from a CDN; the schema is served
)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer bal_…`: a personal token from the page « Mes jetons »."""

    def authenticate(self, request: HttpRequest, token: str):
        found = ApiToken.find_active(token)
        if found is None:
            return None
        membership = (
            found.user.memberships.filter(is_active=True)
            .select_related("organization")
            .order_by("created_at")
            .first()
        )
        if membership is None:
            return None
        request.user, request.membership, request.organization = (
            found.user,
            membership,
            membership.organization,
        )
        return found.user


class MemberSession(SessionAuth):
    """The browser's session, for signed-in members of a CPE (CSRF token required)."""

    def authenticate(self, request: HttpRequest, key: str | None):
        if request.user.is_authenticated and getattr(request, "membership", None) is not None:
            return request.user
        return None


class SpanOut(Schema):
    start: int
    end: int
    text: str


class FindingOut(Schema):
    rule: str
    article: str
    severity: Literal["attention", "bloquant"]
    message: str
    evidence: list[SpanOut]
    suggestion: str
    explanation: str
    quote: list[str]
    media: list[dict[str, Any]] = []


class MediaOut(Schema):
    name: str
    kind: str
    faces: int
    logos: int
    gps: bool
    summary: str
    anonymized: str = ""
    boxes: list[list[float]] = []  # the faces, numbered 1… in this order: [x, y, w, h] in pixels
    consented: int = 0  # faces covered by a consent in force for the post's account
    kept_faces: list[int] = []  # face numbers left sharp on the anonymized copy


class PersonOut(Schema):
    """Someone of the consent register who may be in a photo (« Qui est sur cette photo? »)."""

    id: int
    label: str
    kind: Literal["enfant", "adulte"]
    channels: list[str]


class ReminderOut(Schema):
    article: str
    text: str


class CheckOut(Schema):
    verdict: Literal["ok", "attention", "bloquant"]
    findings: list[FindingOut]
    redacted: str
    media: list[MediaOut]
    reminder: ReminderOut | None
    seconds: float
    people: list[PersonOut] | None = None  # given when a photo or video shows faces


class ErrorOut(Schema):
    detail: Any
    field: str | None = None


@api.post(
    "/check",
    auth=[TokenAuth(), MemberSession()],
    response={200: CheckOut, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Vérifier une publication",
    tags=["vérification"],
)
@sensitive_variables("text")
def check(
    request: HttpRequest,
    text: Form[str] = "",
    account: Form[Literal["personnel", "officiel", "interne"] | None] = None,
    device: Form[Literal["personnel", "cpe"] | None] = None,
    on_shift: Form[bool | None] = None,
    on_break: Form[bool | None] = None,
    children_present: Form[bool | None] = None,
    media: File[list[UploadedFile]] = None,
    who: Form[str] = "",
):
    """Returns the verdict, the findings with their article, the redacted text and the
    anonymized photos (data: URLs). Nothing of the text, the files or the result is kept.

    « Qui est sur cette photo? »: when a photo shows faces, the answer lists the `people` of the
    consent register. Send the check again with `who`, a JSON object keyed by file name:
    `{"groupe.jpg": {"people": [12, 15], "faces": [1]}}` — the people in the photo (their
    consents in force for `account` count: 5 ii) then fires only for the faces beyond them) and
    the face numbers (order of `boxes`) that are theirs, left sharp on the anonymized copy when
    each of them can be a consenting person."""
    from balise.checks.views import per_minute

    files = list(media or [])
    if not text.strip() and not files:
        return 422, {
            "detail": "La publication est vide : envoyez un texte ou au moins une photo ou vidéo.",
            "field": "text",
        }
    if services.rate_limited(request.user, per_minute()):
        return 429, {
            "detail": "Trop de vérifications en une minute : attendez un peu, puis réessayez."
        }
    answers = {
        "account": account,
        "device": device,
        "on_shift": on_shift,
        "on_break": on_break,
        "children_present": children_present,
    }
    try:
        answers_about_files = parse_who(who, files)
        outcome = services.run_check(
            request.membership, text, answers, files, who=answers_about_files
        )
    except services.CheckInputError as exc:
        return 422, {"detail": str(exc), "field": exc.field}
    return 200, as_json(outcome, current_version(request.organization))


WHO_EXAMPLE = '{"groupe.jpg": {"people": [12], "faces": [1]}}'


def parse_who(raw: str, files) -> dict[str, services.Who]:
    """Reads the `who` field: per file name, the people ticked and the face numbers marked."""
    if not raw.strip():
        return {}

    def refuse(message: str):
        return services.CheckInputError("who", message)

    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise refuse(
            "Le champ « who » doit être un objet JSON dont les clés sont les noms des fichiers, "
            f"par exemple {WHO_EXAMPLE}."
        )
    by_name: dict[str, list] = {}
    for f in files:
        by_name.setdefault(f.name, []).append(f)
    found: dict[str, services.Who] = {}
    for name, answer in data.items():
        if name not in by_name:
            raise refuse(f"Aucun fichier « {name} » n'accompagne cette vérification.")
        if not isinstance(answer, dict) or set(answer) - {"people", "faces"}:
            raise refuse(
                f"Pour « {name} », donnez « people » (numéros des personnes) et « faces » "
                f"(numéros des visages), par exemple {WHO_EXAMPLE}."
            )
        lists = [answer.get("people", []), answer.get("faces", [])]
        if not all(isinstance(v, list) and all(type(n) is int and n > 0 for n in v) for v in lists):
            raise refuse(
                f"Pour « {name} », « people » et « faces » sont des listes de nombres entiers positifs."
            )
        for f in by_name[name]:
            found[services.media_key(f)] = services.Who(frozenset(lists[0]), frozenset(lists[1]))
    return found


def as_json(outcome: services.Outcome, version) -> dict:
    reminder = version.reminder if version and version.reminder else None
    findings = []
    for f in outcome.result["findings"]:
        section = version.section(f["article"]) if version else None
        findings.append({**f, "quote": (section or {}).get("paragraphs", [])})
    return {
        "verdict": outcome.result["verdict"],
        "findings": findings,
        "redacted": outcome.result.get("redacted", ""),
        "media": [
            {
                "name": m.name,
                "kind": m.kind,
                "faces": m.faces,
                "logos": m.logos,
                "gps": m.gps,
                "summary": m.summary,
                "anonymized": m.anonymized,
                "boxes": [b["box"] for b in m.context.get("boxes", [])],
                "consented": m.consented,
                "kept_faces": list(m.kept),
            }
            for m in outcome.media
        ],
        "people": outcome.people,
        "reminder": {"article": reminder.get("article", "5 i)"), "text": reminder.get("text", "")}
        if reminder
        else None,
        "seconds": round(outcome.seconds, 3),
    }
