"""The audit trail for the direction: their CPE's records, newest first, and the chain's check."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_POST

from balise.accounts.scoping import direction_required, for_org
from balise.audit.models import AuditRecord
from balise.audit.services import verify_chain

PAGE_SIZE = 50


def log_page(request, verification=None):
    records = for_org(request, AuditRecord).order_by("-id")
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"page": page, "verification": verification})


@direction_required
def log(request):
    return log_page(request)


@require_POST
@direction_required
def verify(request):
    """Checks the whole chain; names the first bad record only when it belongs to this CPE."""
    result = verify_chain()
    own = (
        result.first_bad_id is not None
        and for_org(request, AuditRecord).filter(pk=result.first_bad_id).exists()
    )
    return log_page(request, {"result": result, "own": own})
