"""The JSON API of the check: `POST /api/v1/check` (multipart for media), OpenAPI at
`/api/v1/openapi.json`. Authenticated by the session (with its CSRF token) or a personal token."""

# No `from __future__ import annotations` here: django-ninja reads the annotations at run time.

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
    account: Form[Literal["personnel", "officiel"] | None] = None,
    device: Form[Literal["personnel", "cpe"] | None] = None,
    on_shift: Form[bool | None] = None,
    on_break: Form[bool | None] = None,
    children_present: Form[bool | None] = None,
    media: File[list[UploadedFile]] = None,
):
    """Returns the verdict, the findings with their article, the redacted text and the
    anonymized photos (data: URLs). Nothing of the text, the files or the result is kept."""
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
        outcome = services.run_check(request.membership, text, answers, files)
    except services.CheckInputError as exc:
        return 422, {"detail": str(exc), "field": exc.field}
    return 200, as_json(outcome, current_version(request.organization))


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
            }
            for m in outcome.media
        ],
        "reminder": {"article": reminder.get("article", "5 i)"), "text": reminder.get("text", "")}
        if reminder
        else None,
        "seconds": round(outcome.seconds, 3),
    }
