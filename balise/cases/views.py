"""Breach files: the direction's pages, and the person concerned's own view of their file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balise.accounts.models import Role
from balise.accounts.scoping import direction_required, for_org, get_for_org, member_required
from balise.cases import documents, services
from balise.cases.forms import (
    DecisionForm,
    EditFileForm,
    EvidenceForm,
    MeasureDoneForm,
    OpenFileForm,
    RulesForm,
    StatementForm,
)
from balise.cases.models import BreachFile, Evidence, IncidentEntry, Measure


def error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@direction_required
def file_list(request):
    files = for_org(request, BreachFile).select_related("person")
    return render(request, "cases/list.html", {"files": files})


@direction_required
def open_file(request):
    """Opens a file by hand or from a report (URL and the text as captured)."""
    form = OpenFileForm(request.POST or None, org=request.organization)
    if request.method == "POST" and form.is_valid():
        file = services.open_file(request.organization, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Dossier ouvert. Vérifiez les règles proposées par l'analyse, puis confirmez-les."),
        )
        return redirect("cases:detail", file.pk)
    return render(request, "cases/open.html", {"form": form})


@require_POST
@direction_required
def open_from_mention(request, mention_id: int):
    """Opens a file from a web mention of this CPE (web-watch app)."""
    model = services.mention_model()
    if model is None:
        raise Http404
    mention = get_for_org(request, model, pk=mention_id)
    existing = for_org(request, BreachFile).filter(mention_id=mention.pk).first()
    if existing:
        messages.info(request, _("Un dossier est déjà ouvert pour cette mention."))
        return redirect("cases:detail", existing.pk)
    file = services.open_from_mention(mention, by=request.user)
    messages.success(
        request,
        _("Dossier ouvert depuis la mention. Vérifiez les règles proposées, puis confirmez-les."),
    )
    return redirect("cases:detail", file.pk)


@direction_required
def detail(request, pk: int):
    file = get_for_org(request, BreachFile.objects.select_related("person"), pk=pk)
    rules_form = RulesForm(
        org=request.organization,
        initial={
            "rules": file.rules,
            "severity": file.severity or services.severity_of(request.organization, file.rules),
        },
    )
    return render(
        request,
        "cases/detail.html",
        {
            "file": file,
            "rules_form": rules_form,
            "evidence_form": EvidenceForm(),
            "statements": file.statements.all(),
            "evidence": file.evidence.all(),
            "measures": file.measures.all(),
            "incident": IncidentEntry.objects.filter(file=file).first(),
            "done_form": MeasureDoneForm(),
        },
    )


@direction_required
def edit(request, pk: int):
    file = get_for_org(request, BreachFile, pk=pk)
    form = EditFileForm(
        request.POST or None,
        instance=get_for_org(request, BreachFile, pk=pk),
        org=request.organization,
    )
    if request.method == "POST" and form.is_valid():
        if file.is_closed:
            messages.error(request, _("Ce dossier est fermé : il ne peut plus être modifié."))
        else:
            services.save_file(file, form.save(commit=False), by=request.user)
            messages.success(request, _("Dossier modifié."))
        return redirect("cases:detail", pk)
    return render(request, "cases/edit.html", {"form": form, "file": file})


@require_POST
@direction_required
def confirm_rules(request, pk: int):
    file = get_for_org(request, BreachFile, pk=pk)
    form = RulesForm(request.POST, org=request.organization)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("cases:detail", pk)
    try:
        entry = file.confirm_rules(
            form.cleaned_data["rules"], form.cleaned_data["severity"], by=request.user
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("cases:detail", pk)
    messages.success(request, _("Règles confirmées."))
    if entry:
        messages.warning(
            request,
            _(
                "Des renseignements personnels sont en cause : une entrée a été ouverte au "
                "registre des incidents de confidentialité. Complétez-la."
            ),
        )
    return redirect("cases:detail", pk)


@require_POST
@direction_required
def add_evidence(request, pk: int):
    file = get_for_org(request, BreachFile, pk=pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid() and not file.is_closed:
        data = form.cleaned_data
        services.attach_evidence(
            file,
            name=data["upload"].name,
            content=data["content"],
            kind=data["kind"],
            source_url=data["source_url"],
            by=request.user,
        )
        messages.success(request, _("Preuve ajoutée, avec son empreinte SHA-256."))
    elif file.is_closed:
        messages.error(request, _("Ce dossier est fermé : il ne peut plus être modifié."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("cases:detail", pk)


@direction_required
def evidence_download(request, pk: int):
    evidence = get_for_org(request, Evidence, pk=pk)
    return FileResponse(
        evidence.content.open("rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )


@direction_required
def decide(request, pk: int):
    """The direction chooses the measures; Balise lists article 6 and comparable past decisions."""
    file = get_for_org(request, BreachFile.objects.select_related("person"), pk=pk)
    form = DecisionForm(request.POST or None, org=request.organization)
    if request.method == "POST" and form.is_valid():
        try:
            file.decide(form.chosen_measures(), by=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, error_text(exc))
            return redirect("cases:detail", pk)
        messages.success(request, _("Décision enregistrée."))
        if file.decision_warning:
            messages.warning(
                request,
                file.decision_warning + " " + _("Cet avertissement est consigné au dossier."),
            )
        return redirect("cases:detail", pk)
    return render(
        request,
        "cases/decide.html",
        {
            "file": file,
            "form": form,
            "comparables": services.comparable_decisions(file),
        },
    )


@require_POST
@direction_required
def measure_done(request, pk: int):
    measure = get_for_org(request, Measure, pk=pk)
    form = MeasureDoneForm(request.POST)
    try:
        measure.mark_done(
            by=request.user, note=form.cleaned_data["note"] if form.is_valid() else ""
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Mesure marquée comme faite : %(m)s.") % {"m": measure.label})
    return redirect("cases:detail", measure.file_id)


@require_POST
@direction_required
def measure_check(request, pk: int):
    """Re-fetches the publication's URL to see whether the content was removed."""
    measure = get_for_org(request, Measure, pk=pk)
    if not measure.can_be_checked:
        messages.error(request, _("Cette mesure n'a pas d'adresse à vérifier."))
        return redirect("cases:detail", measure.file_id)
    removed, result = services.check_removal(measure, by=request.user)
    (messages.success if removed else messages.warning)(request, result)
    return redirect("cases:detail", measure.file_id)


@direction_required
def measure_letter(request, pk: int):
    """The disciplinary letter drafted from its template, as a PDF to sign."""
    measure = get_for_org(request, Measure.objects.select_related("file__person"), pk=pk)
    if not measure.has_letter:
        raise Http404
    response = HttpResponse(documents.letter_pdf(measure), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="lettre-dossier-{measure.file_id}.pdf"'
    return response


@require_POST
@direction_required
def close(request, pk: int):
    file = get_for_org(request, BreachFile, pk=pk)
    try:
        file.close(by=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Dossier fermé."))
    return redirect("cases:detail", pk)


@require_POST
@direction_required
def to_register(request, pk: int):
    """Opens a register entry for the file by the direction's choice."""
    file = get_for_org(request, BreachFile, pk=pk)
    entry = IncidentEntry.open_for(file, by=request.user, automatically=False)
    messages.success(request, _("Entrée du registre des incidents ouverte. Complétez-la."))
    return redirect("cases:register_entry", entry.pk)


# The person concerned: their own files only (right of access).


@member_required
def mine(request):
    files = services.files_of_user(request.organization, request.user)
    return render(request, "cases/mine.html", {"files": files})


def own_file(request, pk: int) -> BreachFile:
    """Returns the file when the signed-in person is concerned by it (or is the direction)."""
    file = get_for_org(request, BreachFile.objects.select_related("person"), pk=pk)
    concerned = file.person is not None and file.person.user_id == request.user.pk
    if not concerned and request.membership.role != Role.DIRECTION:
        raise PermissionDenied
    return file


def rule_titles(org) -> dict[str, str]:
    return {rule_id: label.split(" — ", 1)[-1] for rule_id, label in services.rule_choices(org)}


@member_required
def my_file(request, pk: int):
    """Allegations, decision and measures of one's own file; the person writes their version here."""
    file = own_file(request, pk)
    is_concerned = file.person is not None and file.person.user_id == request.user.pk
    form = StatementForm(request.POST or None)
    if request.method == "POST":
        if not is_concerned:
            raise PermissionDenied
        if form.is_valid():
            try:
                file.record_version(form.cleaned_data["text"], by=request.user)
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, _("Votre version est enregistrée au dossier."))
            return redirect("cases:my_file", pk)
    return render(
        request,
        "cases/my_file.html",
        {
            "file": file,
            "form": form,
            "is_concerned": is_concerned,
            "statements": file.statements.all(),
            "blocks": documents.own_file_blocks(file, rule_titles(request.organization)),
        },
    )


@member_required
def my_file_pdf(request, pk: int):
    file = own_file(request, pk)
    pdf = documents.own_file_pdf(file, rule_titles(request.organization))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="mon-dossier-{file.pk}.pdf"'
    return response
