"""Organization scoping in one place: every view fetches CPE records through these helpers.

A record of another organization is answered with 404, never 403, so that nobody can even
learn that it exists.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest


def for_org(request: HttpRequest, model_or_qs: type[Model] | QuerySet) -> QuerySet:
    """Returns the records of the request's organization only."""
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    org = getattr(request, "organization", None)
    if org is None:
        return qs.none()
    return qs.filter(organization=org)


def get_for_org(request: HttpRequest, model_or_qs: type[Model] | QuerySet, **lookup) -> Model:
    """Returns one record of the request's organization, or raises Http404."""
    try:
        return for_org(request, model_or_qs).get(**lookup)
    except (model_or_qs.model if isinstance(model_or_qs, QuerySet) else model_or_qs).DoesNotExist:
        raise Http404 from None


def role_required(*roles: str) -> Callable:
    """Lets through signed-in members holding one of the roles; others get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = getattr(request, "membership", None)
            if membership is None or (roles and membership.role not in roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.balise_roles = roles  # read by the access tests
        return wrapped

    return decorator


member_required = role_required()
direction_required = role_required("direction")


def director_general_required(view: Callable) -> Callable:
    """Lets through the director general only (pages in the CPE's name are her decision)."""

    @wraps(view)
    @direction_required
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.membership.is_director_general:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
