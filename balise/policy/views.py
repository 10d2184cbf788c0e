from __future__ import annotations

from django.shortcuts import render

from balise.accounts.scoping import get_for_org, member_required
from balise.policy.models import CodeVersion
from balise.policy.services import current_version


@member_required
def code(request):
    """The code of conduct in force, article by article, for every signed-in person."""
    version = current_version(request.organization)
    return render(request, "policy/code.html", {"version": version})


@member_required
def version(request, pk: int):
    """One published version of the code, kept whole."""
    v = get_for_org(request, CodeVersion, pk=pk)
    return render(request, "policy/code.html", {"version": v, "is_archive": True})
