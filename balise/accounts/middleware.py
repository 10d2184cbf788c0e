"""Attaches the signed-in person's membership (organization and role) to the request."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

SESSION_KEY = "balise_org_id"


class MembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = current_membership(request)
        request.organization = request.membership.organization if request.membership else None
        return self.get_response(request)


def current_membership(request: HttpRequest):
    """Returns the active membership the person acts under, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    memberships = user.memberships.filter(is_active=True).select_related("organization")
    wanted = request.session.get(SESSION_KEY)
    if wanted:
        chosen = memberships.filter(organization_id=wanted).first()
        if chosen:
            return chosen
    return memberships.order_by("created_at").first()
