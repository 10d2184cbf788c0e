"""The register of confidentiality incidents (Loi 25): entries, exports and notice drafts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balise.accounts.scoping import direction_required, for_org, get_for_org
from balise.audit.services import record_change, snapshot
from balise.cases import documents
from balise.cases.forms import IncidentEntryForm, PeriodForm
from balise.cases.models import IncidentEntry, RetentionError


@direction_required
def register(request):
    today = timezone.localdate()
    period = PeriodForm(initial={"start": today.replace(month=1, day=1), "end": today})
    return render(
        request,
        "cases/register.html",
        {"entries": for_org(request, IncidentEntry), "period": period},
    )


@direction_required
def new_entry(request):
    """An entry opened by the direction's choice, without a breach file."""
    form = IncidentEntryForm(request.POST or None, initial={"learned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.organization = request.organization
        entry.save()
        record_change(
            organization=request.organization,
            actor=request.user,
            action="registre-entree-ouverte",
            obj=entry,
            after=snapshot(entry),
        )
        messages.success(request, _("Entrée ajoutée au registre des incidents."))
        return redirect("cases:register_entry", entry.pk)
    return render(request, "cases/entry.html", {"form": form, "entry": None})


@direction_required
def entry(request, pk: int):
    stored = get_for_org(request, IncidentEntry, pk=pk)
    form = IncidentEntryForm(
        request.POST or None, instance=get_for_org(request, IncidentEntry, pk=pk)
    )
    if request.method == "POST" and form.is_valid():
        stored.update(by=request.user, **form.cleaned_data)
        messages.success(request, _("Entrée du registre enregistrée."))
        return redirect("cases:register_entry", pk)
    return render(request, "cases/entry.html", {"form": form, "entry": stored})


@direction_required
def export(request):
    """The register for a period, as PDF or CSV; an empty period gets a message, not an empty file."""
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("cases:register")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    entries = list(
        for_org(request, IncidentEntry)
        .filter(learned_on__range=(start, end))
        .order_by("learned_on", "id")
    )
    if not entries:
        messages.error(
            request,
            _(
                "Aucun incident n'est inscrit au registre entre le %(a)s et le %(b)s : rien à "
                "exporter."
            )
            % {"a": start.isoformat(), "b": end.isoformat()},
        )
        return redirect("cases:register")
    name = f"registre-incidents-{start.isoformat()}-{end.isoformat()}"
    if form.cleaned_data["format"] == "csv":
        response = HttpResponse(
            documents.register_csv(entries), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(
            documents.register_pdf(request.organization, entries, start, end),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@direction_required
def notice(request, pk: int, kind: str):
    """A notice drafted from its template and filled from the entry, to review before sending."""
    entry_obj = get_for_org(request, IncidentEntry, pk=pk)
    if kind not in documents.NOTICES:
        raise Http404
    return render(
        request,
        "cases/notice.html",
        {
            "entry": entry_obj,
            "title": documents.NOTICES[kind][1],
            "text": documents.notice_text(entry_obj, kind),
        },
    )


@require_POST
@direction_required
def delete_entry(request, pk: int):
    entry_obj = get_for_org(request, IncidentEntry, pk=pk)
    try:
        entry_obj.delete(by=request.user)
    except RetentionError as exc:
        messages.error(request, str(exc))
        return redirect("cases:register_entry", pk)
    messages.success(request, _("Entrée supprimée du registre."))
    return redirect("cases:register")
