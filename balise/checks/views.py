"""The check page, its htmx result, the share target, the installable app and API tokens."""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from balise.accounts.scoping import direction_required, member_required
from balise.checks import services
from balise.checks.forms import CheckForm, TokenForm, who_answers
from balise.checks.models import ApiToken, CheckCounter
from balise.checks.presenters import result_context
from balise.env import env_int
from balise.policy.services import current_version


def per_minute() -> int:
    return getattr(settings, "CHECKS_PER_MINUTE", None) or env_int("BALISE_CHECKS_PER_MINUTE", 30)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def session_or_htmx_notice(view):
    """Lets members in; an htmx call whose session expired gets a French notice, not a redirect."""

    guarded = member_required(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if is_htmx(request) and not request.user.is_authenticated:
            return render(request, "checks/_expired.html", status=401)
        return guarded(request, *args, **kwargs)

    wrapped.balise_roles = guarded.balise_roles
    return wrapped


@never_cache
@sensitive_post_parameters("text")
@session_or_htmx_notice
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """The "Vérifier avant de publier" page; a POST checks and forgets the draft."""
    if request.method == "GET":
        return render_page(request, CheckForm(initial=initial_answers(request)))
    form = CheckForm(request.POST, request.FILES)
    return checked(request, form)


@sensitive_variables("form")
def checked(request: HttpRequest, form: CheckForm, *, status_ok: int = 200) -> HttpResponse:
    """Returns the result (or the refusals) of a submitted form, as a fragment or a page."""
    if not form.is_valid():
        return respond(request, form, status=422)
    if services.rate_limited(request.user, per_minute()):
        form.add_error(
            None,
            _(
                "Vous avez lancé beaucoup de vérifications en peu de temps. Attendez une minute, puis réessayez : votre texte est toujours là."
            ),
        )
        return respond(request, form, status=429)
    text_only = request.POST.get("etape") == "texte"
    files = [] if text_only else form.cleaned_data["media"]
    try:
        outcome = services.run_check(
            request.membership,
            form.cleaned_data["text"],
            form.answers(),
            files,
            count=not text_only and first_submit(request, form.cleaned_data.get("nonce")),
            who=who_answers(request.POST, files),
        )
    except services.CheckInputError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        return respond(request, form, status=422)
    context = result_context(outcome, current_version(request.organization))
    context["preliminary"] = text_only
    return respond(request, form, context=context, status=status_ok)


def first_submit(request: HttpRequest, nonce: str | None) -> bool:
    """True the first time a form (by its nonce) is submitted: a double submit counts once."""
    if not nonce:
        return True
    return cache.add(f"checks:nonce:{request.user.pk}:{nonce}", 1, timeout=3600)


def respond(
    request: HttpRequest, form: CheckForm, *, context: dict | None = None, status: int = 200
) -> HttpResponse:
    context = {"form": form, **(context or {})}
    if is_htmx(request):
        return render(request, "checks/_response.html", context, status=status)
    return render_page(request, form, context, status=status)


def render_page(
    request: HttpRequest, form: CheckForm, context: dict | None = None, status: int = 200
) -> HttpResponse:
    defaults = services.context_defaults(request.membership)
    data = {
        "form": form,
        "defaults": defaults,
        "nonce": uuid.uuid4().hex,
        "limits": {
            "photo": services.MAX_PHOTO_BYTES,
            "video": services.MAX_VIDEO_BYTES,
            "files": services.MAX_FILES,
        },
        **(context or {}),
    }
    return render(request, "checks/check.html", data, status=status)


def initial_answers(request: HttpRequest) -> dict:
    d = services.context_defaults(request.membership)
    return {k: d[k] for k in ("on_break", "on_shift", "children_present", "device", "account")}


def keep_shared_across_sign_in(view):
    """A person signed out who shares gets a page that keeps the text in the browser's
    sessionStorage (this tab only, never on the server) and sends them to sign in; the check page
    restores it, forgets it and checks it."""
    guarded = member_required(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "POST":
            kept = {"text": shared_text(request), "files": len(request.FILES.getlist("media"))}
            login = f"{reverse('accounts:login')}?next={reverse('checks:check')}"
            return render(request, "checks/share_keep.html", {"kept": kept, "login": login})
        return guarded(request, *args, **kwargs)

    wrapped.balise_roles = guarded.balise_roles
    return wrapped


def shared_text(request: HttpRequest) -> str:
    parts = [request.POST.get(k, "").strip() for k in ("title", "text", "url")]
    return "\n".join(p for p in parts if p)[:20_000]


@csrf_exempt  # the phone's share sheet posts without a token; this view changes nothing but counters
@never_cache
@sensitive_post_parameters("text", "title")
@keep_shared_across_sign_in
@require_POST
def share(request: HttpRequest) -> HttpResponse:
    """Web Share Target: opens the check page filled in with what was shared (checked at once)."""
    text = shared_text(request)
    data = {"text": text, "nonce": uuid.uuid4().hex, **initial_answers(request)}
    form = CheckForm(data, request.FILES)
    if not form.is_valid() and not text and not request.FILES:
        return render_page(request, CheckForm(initial=initial_answers(request)))
    return checked(request, form)


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    return render(request, "checks/manifest.webmanifest", content_type="application/manifest+json")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = render(request, "checks/sw.js", content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/verifier/"
    response["Cache-Control"] = "no-cache"
    return response


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """The person's API tokens: create one (shown once), list, revoke."""
    form, created = TokenForm(), None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            _token, created = ApiToken.issue(request.user, form.cleaned_data["name"])
            form = TokenForm()
    items = ApiToken.objects.filter(user=request.user)
    return render(
        request, "checks/tokens.html", {"form": form, "created": created, "tokens": items}
    )


@member_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    items = ApiToken.objects.filter(user=request.user)
    return render(
        request, "checks/tokens.html", {"form": TokenForm(), "tokens": items, "revoked": token}
    )


@direction_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    """Anonymous counters for the direction: checks per day and findings per rule, 30 days."""
    since = timezone.localdate() - timedelta(days=30)
    CheckCounter.flush()  # this process's latest counts; the others' follow within seconds
    rows = CheckCounter.objects.filter(organization=request.organization, day__gte=since)
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.rule] = totals.get(row.rule, 0) + row.count
    total = totals.pop("total", 0)
    return render(
        request,
        "checks/stats.html",
        {"total": total, "rules": sorted(totals.items()), "since": since},
    )
