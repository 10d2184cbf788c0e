"""Turns an unreachable database into a clear French page instead of a stack trace."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as exc:
            return database_unavailable(exc)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable(exception)
        return None


def database_unavailable(exc: Exception) -> HttpResponse:
    """Returns the 503 page shown when the database cannot be reached."""
    log.error("base de données injoignable", extra={"error": type(exc).__name__})
    html = render_to_string("core/503.html")
    return HttpResponse(html, status=503)


class FrenchFirstMiddleware:
    """French unless the person chose another language: the browser's language is not enough.

    Django's LocaleMiddleware would follow Accept-Language; Balise serves Quebec French first and
    English only to whoever picks it with the language switcher (its cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
