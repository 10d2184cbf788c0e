"""Reading JSON APIs defensively: a service that changed its shape is an error, not a crash."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from balise.watch.net import FetchError, Response


class ShapeError(FetchError):
    """The service answered JSON that does not have the documented shape."""


def load(response: Response, service: str) -> Any:
    try:
        return json.loads(response.body)
    except (ValueError, UnicodeDecodeError):
        raise ShapeError(
            _("%(service)s : la réponse n'est pas du JSON.") % {"service": service}
        ) from None


def expect(condition: bool, service: str, what: str) -> None:
    """Raises ShapeError naming what was expected when `condition` is false."""
    if not condition:
        raise ShapeError(
            _("%(service)s : réponse inattendue (l'API a peut-être changé) — %(what)s.")
            % {"service": service, "what": what}
        )


def iso_date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
