"""The IT person's pages (role `informatique`); the direction may look (article 5 v) and vii)).

Pages about one record look it up before checking the role, so that a record of another CPE is
always answered 404 (scoping.py), and the direction of this CPE gets 403 where only IT may act."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from balise.accounts.scoping import for_org, get_for_org, role_required
from balise.audit.services import record_change, snapshot
from balise.network import enforcement, reports, schedule
from balise.network.adguard import AdGuardError
from balise.network.exporters import EXPORTERS, zip_bundle
from balise.network.forms import (
    AdGuardServerForm,
    BreakForm,
    ClosureForm,
    DeviceForm,
    ImportForm,
    ScheduleForm,
    SocialServiceForm,
    WorkGroupForm,
)
from balise.network.importers import IMPORTERS, detect
from balise.network.logimport import read_head, run_import
from balise.network.models import (
    AdGuardServer,
    Break,
    Closure,
    Device,
    LogImport,
    Push,
    SocialService,
    WorkGroup,
)
from balise.network.rules import build_plan, install_default_services
from balise.network.services import can_attach_evidence

can_view = role_required("informatique", "direction")
can_change = role_required("informatique")


def _require_it(request) -> None:
    """Pages the direction may read are changed by the IT person only."""
    if request.membership.role != "informatique":
        raise PermissionDenied


@can_view
def index(request):
    """The overview: schedule, devices, services, AdGuard Home, exports and logs."""
    org = request.organization
    return render(
        request,
        "network/index.html",
        {
            "schedule": schedule.load(org),
            "devices": for_org(request, Device).count(),
            "services": for_org(request, SocialService).filter(is_blocked=True).count(),
            "server": for_org(request, AdGuardServer).first(),
            "last_push": for_org(request, Push).first(),
            "imports": for_org(request, LogImport)[:5],
            "exporters": EXPORTERS,
        },
    )


# --- schedule -------------------------------------------------------------------------------
def _schedule_page(
    request, form=None, closure_form=None, break_form=None, group_form=None, status=200
):
    org = request.organization
    data = schedule.load(org)
    return render(
        request,
        "network/schedule.html",
        {
            "form": form or ScheduleForm(org=org),
            "closure_form": closure_form or ClosureForm(),
            "break_form": break_form or BreakForm(org=org),
            "group_form": group_form or WorkGroupForm(org=org),
            "closures": for_org(request, Closure),
            "breaks": for_org(request, Break).select_related("group", "person"),
            "groups": for_org(request, WorkGroup).prefetch_related("members"),
            "holidays": _coming_holidays(data),
            "dst_warnings": data.dst_warnings(timezone.localdate()),
        },
        status=status,
    )


def _coming_holidays(data) -> list[tuple]:
    today = timezone.localdate()
    found = {
        **schedule.quebec_holidays(today.year, data.easter_choice),
        **schedule.quebec_holidays(today.year + 1, data.easter_choice),
    }
    return sorted((d, name) for d, name in found.items() if 0 <= (d - today).days <= 366)


@can_view
def schedule_page(request):
    """The opening hours per weekday, closures, holidays, groups and breaks."""
    if request.method == "POST":
        _require_it(request)
        form = ScheduleForm(request.POST, org=request.organization)
        if not form.is_valid():
            return _schedule_page(request, form=form, status=400)
        form.save()
        messages.success(request, _("L'horaire est enregistré."))
        return redirect("network:schedule")
    return _schedule_page(request)


def _add(request, form, page_kwarg: str, success: str):
    if not form.is_valid():
        return _schedule_page(request, **{page_kwarg: form}, status=400)
    obj = form.save()
    record_change(
        organization=request.organization,
        actor=request.user,
        action="network.schedule.add",
        obj=obj,
        after=snapshot(obj),
    )
    messages.success(request, success)
    return redirect("network:schedule")


@can_change
@require_POST
def closure_add(request):
    form = ClosureForm(request.POST, instance=Closure(organization=request.organization))
    return _add(request, form, "closure_form", _("La fermeture est ajoutée."))


@can_change
@require_POST
def break_add(request):
    return _add(
        request,
        BreakForm(request.POST, org=request.organization),
        "break_form",
        _("La pause est ajoutée."),
    )


@can_change
@require_POST
def group_add(request):
    return _add(
        request,
        WorkGroupForm(request.POST, org=request.organization),
        "group_form",
        _("Le groupe est ajouté."),
    )


@can_view
@require_POST
def schedule_delete(request, what: str, pk: int):
    model = {"fermeture": Closure, "pause": Break, "groupe": WorkGroup}.get(what)
    if model is None:
        raise Http404
    obj = get_for_org(request, model, pk=pk)
    _require_it(request)
    record_change(
        organization=request.organization,
        actor=request.user,
        action="network.schedule.delete",
        obj=obj,
        before=snapshot(obj),
    )
    obj.delete()
    messages.success(request, _("C'est retiré de l'horaire."))
    return redirect("network:schedule")


# --- devices --------------------------------------------------------------------------------
@can_view
def devices(request):
    """The inventory of the CPE's devices, with the form to add one."""
    form = DeviceForm(org=request.organization)
    if request.method == "POST":
        _require_it(request)
        form = DeviceForm(request.POST, org=request.organization)
        if form.is_valid():
            device = form.save()
            record_change(
                organization=request.organization,
                actor=request.user,
                action="network.device.add",
                obj=device,
                after=snapshot(device),
            )
            messages.success(request, _("« %(name)s » est inscrit.") % {"name": device.name})
            return redirect("network:devices")
    listing = for_org(request, Device).select_related("person", "user")
    return render(
        request,
        "network/devices.html",
        {"form": form, "devices": listing},
        status=400 if form.errors else 200,
    )


@can_view
def device_edit(request, pk: int):
    device = get_for_org(request, Device, pk=pk)
    _require_it(request)
    before = snapshot(device)
    form = DeviceForm(request.POST or None, instance=device, org=request.organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        record_change(
            organization=request.organization,
            actor=request.user,
            action="network.device.change",
            obj=device,
            before=before,
            after=snapshot(device),
        )
        messages.success(request, _("« %(name)s » est modifié.") % {"name": device.name})
        return redirect("network:devices")
    return render(
        request,
        "network/device_form.html",
        {"form": form, "device": device},
        status=400 if form.errors else 200,
    )


@can_view
@require_POST
def device_delete(request, pk: int):
    device = get_for_org(request, Device, pk=pk)
    _require_it(request)
    record_change(
        organization=request.organization,
        actor=request.user,
        action="network.device.delete",
        obj=device,
        before=snapshot(device),
    )
    device.delete()
    messages.success(request, _("L'appareil est retiré de l'inventaire."))
    return redirect("network:devices")


# --- social-media services ------------------------------------------------------------------
@can_view
def services(request):
    if not for_org(request, SocialService).exists():
        install_default_services(request.organization)
    return render(request, "network/services.html", {"services": for_org(request, SocialService)})


@can_view
def service_edit(request, pk: int | None = None):
    service = (
        get_for_org(request, SocialService, pk=pk)
        if pk
        else SocialService(organization=request.organization)
    )
    _require_it(request)
    form = SocialServiceForm(request.POST or None, instance=service, org=request.organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("« %(name)s » est enregistré.") % {"name": service.name})
        return redirect("network:services")
    return render(
        request,
        "network/service_form.html",
        {"form": form, "service": service},
        status=400 if form.errors else 200,
    )


@can_change
@require_POST
def services_reset(request):
    install_default_services(request.organization, reset=True)
    messages.success(
        request, _("La liste par défaut est rétablie (vos services ajoutés sont gardés).")
    )
    return redirect("network:services")


# --- AdGuard Home ---------------------------------------------------------------------------
@can_change
def adguard(request):
    server = for_org(request, AdGuardServer).first() or AdGuardServer(
        organization=request.organization
    )
    form = AdGuardServerForm(request.POST or None, instance=server, org=request.organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Les réglages d'AdGuard Home sont enregistrés."))
        return redirect("network:preview")
    return render(
        request,
        "network/adguard.html",
        {"form": form, "pushes": for_org(request, Push)[:10]},
        status=400 if form.errors else 200,
    )


@can_change
def preview(request):
    """What a push would change in AdGuard Home, read from the server now."""
    server = for_org(request, AdGuardServer).first()
    if server is None:
        messages.warning(
            request, _("Indiquez d'abord l'adresse et le mot de passe d'AdGuard Home.")
        )
        return redirect("network:adguard")
    plan = build_plan(request.organization)
    try:
        result = enforcement.preview(server, plan)
    except AdGuardError as exc:
        return render(
            request, "network/preview.html", {"error": str(exc), "server": server}, status=502
        )
    return render(
        request, "network/preview.html", {"preview": result, "server": server, "plan": plan}
    )


@can_change
@require_POST
def push(request):
    server = for_org(request, AdGuardServer).first()
    if server is None:
        raise Http404
    try:
        changes, mismatches = enforcement.push(
            server,
            build_plan(request.organization),
            expected=request.POST.get("fingerprint", ""),
            by=request.user,
        )
    except enforcement.PushRefused as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("network:preview")
    if mismatches:
        for message in mismatches:
            messages.warning(request, message)
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s changement poussé vers AdGuard Home, relu et conforme.",
                "%(n)s changements poussés vers AdGuard Home, relus et conformes.",
                len(changes),
            )
            % {"n": len(changes)},
        )
    return redirect("network:preview")


# --- exports --------------------------------------------------------------------------------
@can_view
def export(request, kind: str):
    if kind not in EXPORTERS:
        raise Http404
    response = HttpResponse(
        zip_bundle(kind, build_plan(request.organization)), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="balise-{kind}.zip"'
    return response


# --- logs -----------------------------------------------------------------------------------
@can_view
def imports(request):
    form = ImportForm()
    if request.method == "POST":
        _require_it(request)
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            log = _import_upload(request, form)
            if log is not None:
                return redirect("network:import_detail", pk=log.pk)
    return render(
        request,
        "network/imports.html",
        {"form": form, "imports": for_org(request, LogImport)},
        status=400 if form.errors else 200,
    )


def _import_upload(request, form) -> LogImport | None:
    upload = form.cleaned_data["file"]
    tmp_dir = Path(settings.VAR_DIR) / "tmp"
    tmp_dir.mkdir(exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=tmp_dir, suffix=".log") as tmp:
        for chunk in upload.chunks():
            tmp.write(chunk)
        tmp.flush()
        path = Path(tmp.name)
        kind = form.cleaned_data["format"] or getattr(detect(read_head(path)), "kind", None)
        if kind not in IMPORTERS:
            form.add_error(
                "file",
                _(
                    "Format de journal non reconnu : choisissez AdGuard Home, Pi-hole, dnsmasq ou Squid."
                ),
            )
            return None
        log = run_import(
            request.organization,
            path,
            filename=upload.name,
            kind=kind,
            by=request.user,
            year=form.cleaned_data["year"],
        )
    if log.is_partial:
        messages.warning(
            request,
            _("Importation partielle : %(n)s lignes refusées, voir la liste.")
            % {"n": log.error_count},
        )
    else:
        messages.success(request, _("Le journal est importé."))
    return log


@can_view
def import_detail(request, pk: int):
    log = get_for_org(request, LogImport, pk=pk)
    files = []
    if can_attach_evidence() and request.membership.role == "direction":
        from django.apps import apps

        files = for_org(request, apps.get_model("cases", "BreachFile"))
    return render(
        request,
        "network/import_detail.html",
        {
            "log": log,
            "rows": reports.rows(log),
            "summary": reports.summary_lines(log),
            "chart": reports.svg_chart(log),
            "breach_files": files,
            "can_attach": can_attach_evidence(),
        },
    )


@can_view
def import_download(request, pk: int, fmt: str):
    log = get_for_org(request, LogImport, pk=pk)
    if fmt == "csv":
        response = HttpResponse(reports.csv_bytes(log), content_type="text/csv; charset=utf-8")
    elif fmt == "pdf":
        response = HttpResponse(reports.pdf_bytes(log), content_type="application/pdf")
    elif fmt == "svg":
        return HttpResponse(reports.svg_chart(log), content_type="image/svg+xml")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="rapport-dns-{log.pk}.{fmt}"'
    return response


@role_required("direction")
@require_POST
def import_attach(request, pk: int):
    """Attaches the report (PDF) to a breach file, as evidence; direction only."""
    log = get_for_org(request, LogImport, pk=pk)
    if not can_attach_evidence():
        raise Http404
    from django.apps import apps

    from balise.cases.services import attach_evidence

    file_id = request.POST.get("file", "")
    file = get_for_org(
        request, apps.get_model("cases", "BreachFile"), pk=int(file_id) if file_id.isdigit() else 0
    )
    try:
        attach_evidence(
            file,
            name=f"rapport-dns-{log.pk}.pdf",
            content=reports.pdf_bytes(log),
            kind="document",
            **_by_if_accepted(attach_evidence, request.user),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Le rapport est joint au dossier « %(f)s ».") % {"f": file})
    return redirect("network:import_detail", pk=log.pk)


def _by_if_accepted(func, user) -> dict:
    """CONTRACTS.md does not name `by`; pass it only when the cases app accepts it."""
    import inspect

    return {"by": user} if "by" in inspect.signature(func).parameters else {}
