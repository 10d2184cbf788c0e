"""The registers' pages: thin views over forms and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from balise.accounts.models import Invitation
from balise.accounts.scoping import direction_required, for_org, get_for_org, member_required
from balise.policy.models import CodeVersion
from balise.policy.services import current_version
from balise.registers import csvimport, pdf, services
from balise.registers.forms import (
    AcknowledgeForm,
    AnswerForm,
    AuthorizationForm,
    ConsentForm,
    ConsentRequestForm,
    CopyForm,
    DecisionForm,
    FaqForm,
    ImportForm,
    ParentConsentForm,
    PersonForm,
    QuestionForm,
    RosterEntryForm,
    VersionForm,
)
from balise.registers.models import (
    Acknowledgement,
    Authorization,
    AuthorizationStatus,
    Consent,
    ConsentRequest,
    FaqEntry,
    Person,
    Question,
    RosterEntry,
    RosterKind,
)


def bound(request):
    """Returns the POST data to bind a form to, even when empty (an unticked box), else None."""
    return request.POST if request.method == "POST" else None


# --- People (article 2) ---------------------------------------------------------------------


@direction_required
def people(request):
    """The register of the people the code covers."""
    persons = for_org(request, Person).select_related("user")
    invited = set(
        for_org(request, Invitation)
        .filter(accepted_at__isnull=True)
        .values_list("email", flat=True)
    )
    today = timezone.localdate()
    rows = [
        {"person": p, "covered": p.is_covered_on(today), "invited": p.email in invited}
        for p in persons
    ]
    return render(request, "registers/people.html", {"rows": rows})


@direction_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int | None = None):
    person = (
        get_for_org(request, Person, pk=pk) if pk else Person(organization=request.organization)
    )
    form = PersonForm(bound(request), instance=person, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        services.save_person(form.save(commit=False), by=request.user)
        messages.success(
            request, _("Fiche de %(name)s enregistrée.") % {"name": form.instance.full_name}
        )
        return redirect("registers:people")
    return render(request, "registers/person_form.html", {"form": form, "person": person})


@direction_required
@require_POST
def person_invite(request, pk: int):
    """Sends the foundation's invitation to the person of this line."""
    person = get_for_org(request, Person, pk=pk)
    if request.organization.memberships.filter(
        user__email__iexact=person.email, is_active=True
    ).exists():
        messages.error(request, _("%(name)s a déjà un compte Balise.") % {"name": person.full_name})
    else:
        services.invite_person(request, person)
        messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": person.email})
    return redirect("registers:people")


@direction_required
@require_http_methods(["GET", "POST"])
def people_import(request):
    """Upload a CSV, see each line's errors, fix them in the preview, then import all at once."""
    form, lines, file_error = ImportForm(), None, None
    if request.method == "POST" and "file" in request.FILES:
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                lines = csvimport.read_lines(csvimport.decode(form.cleaned_data["file"].read()))
            except csvimport.ImportFileError as exc:
                file_error = str(exc)
    elif request.method == "POST":
        lines = lines_from_preview(request.POST)
    if lines is not None:
        csvimport.check_lines(lines, request.organization)
        if request.POST.get("action") == "importer" and not any(line.errors for line in lines):
            created = csvimport.write_lines(lines, request.organization, by=request.user)
            messages.success(
                request, _("%(n)s personnes ajoutées au registre.") % {"n": len(created)}
            )
            return redirect("registers:people")
    context = {
        "form": form,
        "lines": lines,
        "file_error": file_error,
        "columns": csvimport.COLUMNS,
        "error_count": sum(1 for line in lines or [] if line.errors),
    }
    return render(request, "registers/import.html", context)


def lines_from_preview(post) -> list[csvimport.Line]:
    """Rebuilds the lines from the preview's editable table."""
    try:
        count = min(int(post.get("count", "0")), 2000)
    except ValueError:
        count = 0
    lines = []
    for i in range(count):
        values = {c: post.get(f"r{i}-{c}", "").strip() for c in csvimport.COLUMNS}
        number = int(post.get(f"r{i}-line", i + 2) or i + 2)
        lines.append(csvimport.Line(number, values))
    return lines


@direction_required
def people_export(request):
    response = HttpResponse(
        "\ufeff" + csvimport.export_csv(request.organization),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="personnes-visees.csv"'
    return response


# --- The code: versions and acknowledgements ------------------------------------------------


@direction_required
def versions(request):
    """The versions of the code, and who has not acknowledged the one in force."""
    version = current_version(request.organization)
    pending = services.people_to_acknowledge(request.organization, version)
    acks = (
        for_org(request, Acknowledgement).filter(version=version).select_related("person")
        if version
        else []
    )
    all_versions = for_org(request, CodeVersion)
    return render(
        request,
        "registers/versions.html",
        {"version": version, "pending": pending, "acks": acks, "versions": all_versions},
    )


@direction_required
@require_http_methods(["GET", "POST"])
def version_new(request):
    """Publish a new version, edited from the one in force."""
    version = current_version(request.organization)
    if version is None:
        raise Http404
    form = VersionForm(bound(request), version=version)
    if request.method == "POST" and form.is_valid():
        new = services.publish_version(
            request.organization,
            by=request.user,
            title=form.cleaned_data["title"],
            articles=form.articles(),
            summary=form.cleaned_data["summary"],
        )
        messages.success(
            request,
            _("Version %(n)s publiée : chaque personne visée doit la lire et la signer.")
            % {"n": new.number},
        )
        return redirect("registers:versions")
    return render(request, "registers/version_form.html", {"form": form, "version": version})


@direction_required
@require_POST
def remind(request):
    version = current_version(request.organization)
    people = services.people_to_acknowledge(request.organization, version)
    if pk := request.POST.get("person"):
        people = [p for p in people if str(p.pk) == pk]
    n = services.send_reminders(request.organization, people, version) if version else 0
    messages.success(request, _("Rappel envoyé à %(n)s personne(s).") % {"n": n})
    return redirect("registers:versions")


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


@member_required
@require_http_methods(["GET", "POST"])
def acknowledge(request):
    """The person reads the version in force and acknowledges it."""
    version = current_version(request.organization)
    person = Person.for_user(request.organization, request.user)
    ack = (
        Acknowledgement.objects.filter(person=person, version=version).first()
        if person and version
        else None
    )
    form = AcknowledgeForm(bound(request))
    if request.method == "POST" and person is None:
        messages.error(
            request,
            _(
                "Vous n'êtes pas inscrit·e au registre des personnes visées : adressez-vous à la direction."
            ),
        )
    elif request.method == "POST" and form.is_valid() and version:
        ack = services.acknowledge(
            person,
            version,
            user=request.user,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
        messages.success(
            request,
            _("Merci : votre accusé de réception de la version %(n)s est enregistré.")
            % {"n": version.number},
        )
        return redirect("registers:acknowledge")
    return render(
        request,
        "registers/acknowledge.html",
        {"version": version, "person": person, "ack": ack, "form": form},
    )


@member_required
def attestation(request, pk: int):
    """The signed attestation (PDF) of one acknowledgement, for the version in force only."""
    ack = get_for_org(request, Acknowledgement.objects.select_related("person", "version"), pk=pk)
    if ack.user_id != request.user.pk and request.membership.role != "direction":
        raise PermissionDenied
    if current_version(request.organization) != ack.version:
        return render(request, "registers/attestation_refused.html", {"ack": ack}, status=410)
    response = HttpResponse(pdf.attestation(ack), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="attestation-code-v{ack.version.number}.pdf"'
    )
    return response


# --- Authorizations -------------------------------------------------------------------------


def own_or_direction(request, obj_user_id: int) -> None:
    if obj_user_id != request.user.pk and request.membership.role != "direction":
        raise PermissionDenied


@member_required
def authorizations(request):
    """Direction: every request. Others: their own."""
    qs = for_org(request, Authorization).select_related("person", "decided_by")
    if request.membership.role != "direction":
        qs = qs.filter(person__user=request.user)
    return render(request, "registers/authorizations.html", {"authorizations": qs})


@member_required
@require_http_methods(["GET", "POST"])
def authorization_new(request):
    person = Person.for_user(request.organization, request.user)
    form = AuthorizationForm(bound(request))
    if request.method == "POST" and person is None:
        messages.error(
            request,
            _(
                "Vous n'êtes pas inscrit·e au registre des personnes visées : adressez-vous à la direction."
            ),
        )
    elif request.method == "POST" and form.is_valid():
        auth = form.save(commit=False)
        auth.organization, auth.person = request.organization, person
        services.request_authorization(auth, by=request.user)
        messages.success(request, _("Votre demande est transmise à la direction."))
        return redirect("registers:authorization", pk=auth.pk)
    return render(request, "registers/authorization_form.html", {"form": form, "person": person})


@member_required
def authorization(request, pk: int):
    auth = get_for_org(request, Authorization.objects.select_related("person"), pk=pk)
    own_or_direction(request, auth.person.user_id)
    if auth.person.user_id == request.user.pk and auth.decided_at and not auth.seen_by_person_at:
        Authorization.objects.filter(pk=auth.pk).update(seen_by_person_at=timezone.now())
    can_decide = request.membership.role == "direction" and (
        not auth.needs_director_general or request.membership.is_director_general
    )
    form = DecisionForm() if can_decide and auth.status == AuthorizationStatus.REQUESTED else None
    return render(request, "registers/authorization.html", {"auth": auth, "form": form})


@direction_required
@require_POST
def authorization_decide(request, pk: int):
    """Grant or refuse; a page in the CPE's name is the director general's decision (5 v)."""
    auth = get_for_org(request, Authorization, pk=pk)
    if auth.needs_director_general and not request.membership.is_director_general:
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if auth.status != AuthorizationStatus.REQUESTED:
        messages.error(request, _("Cette demande a déjà reçu une décision."))
    elif form.is_valid():
        d = form.cleaned_data
        services.decide_authorization(
            auth,
            by=request.user,
            grant=d["decision"] == "accorder",
            conditions=d["conditions"],
            ends_on=d["ends_on"],
            note=d["note"],
        )
        messages.success(request, _("Décision enregistrée; la personne en est avisée."))
    else:
        return render(
            request, "registers/authorization.html", {"auth": auth, "form": form}, status=400
        )
    return redirect("registers:authorization", pk=auth.pk)


# --- Roster and consents (direction only) ---------------------------------------------------


@direction_required
@require_http_methods(["GET", "POST"])
def roster(request):
    form = RosterEntryForm(bound(request), organization=request.organization)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.organization = request.organization
        services.save_roster_entry(entry, by=request.user)
        messages.success(request, _("Ajouté au registre."))
        return redirect("registers:roster")
    today = timezone.localdate()
    entries = for_org(request, RosterEntry).prefetch_related("consents")
    rows = [{"entry": e, "in_force": e.consents_in_force(today)} for e in entries]
    return render(request, "registers/roster.html", {"form": form, "rows": rows})


@direction_required
@require_http_methods(["GET", "POST"])
def roster_entry(request, pk: int):
    """One person of the roster: their consents, the printable form, the link for a parent."""
    entry = get_for_org(request, RosterEntry, pk=pk)
    form = ConsentForm(bound(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        consent = form.save(commit=False)
        consent.organization, consent.subject = request.organization, entry
        services.record_consent(consent, by=request.user, signed_copy=form.cleaned_data.get("copy"))
        messages.success(request, _("Consentement enregistré."))
        return redirect("registers:roster_entry", pk=entry.pk)
    context = {
        "entry": entry,
        "form": form,
        "consents": entry.consents.all(),
        "today": timezone.localdate(),
        "request_form": ConsentRequestForm(child=entry) if entry.kind == RosterKind.CHILD else None,
        "copy_form": CopyForm(),
    }
    return render(
        request, "registers/roster_entry.html", context, status=400 if form.errors else 200
    )


@direction_required
@require_POST
def consent_withdraw(request, pk: int):
    consent = get_for_org(request, Consent, pk=pk)
    if consent.withdrawn_at is None:
        services.withdraw_consent(consent, by=request.user)
        messages.success(request, _("Consentement retiré."))
    return redirect("registers:roster_entry", pk=consent.subject_id)


@direction_required
@require_http_methods(["GET", "POST"])
def consent_copy(request, pk: int):
    """Downloads (GET) or attaches (POST) the signed copy, kept encrypted."""
    consent = get_for_org(request, Consent, pk=pk)
    if request.method == "POST":
        form = CopyForm(request.POST, request.FILES)
        if form.is_valid():
            services.attach_copy(consent, form.cleaned_data["copy"], by=request.user)
            messages.success(request, _("Copie signée jointe."))
        else:
            messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("registers:roster_entry", pk=consent.subject_id)
    data = consent.signed_copy_bytes()
    if data is None:
        raise Http404
    response = HttpResponse(
        data, content_type=consent.signed_copy_type or "application/octet-stream"
    )
    response["Content-Disposition"] = f'attachment; filename="consentement-{consent.pk}"'
    return response


@direction_required
def consent_form_pdf(request, pk: int):
    entry = get_for_org(request, RosterEntry, pk=pk)
    response = HttpResponse(
        pdf.consent_form(entry, list(entry.guardians.all()), request.organization),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="formulaire-consentement-{entry.pk}.pdf"'
    )
    return response


@direction_required
@require_POST
def consent_request(request, pk: int):
    entry = get_for_org(request, RosterEntry, pk=pk)
    if entry.kind != RosterKind.CHILD:
        raise Http404
    form = ConsentRequestForm(request.POST, child=entry)
    if form.is_valid():
        services.send_consent_request(entry, form.cleaned_data["guardian"], by=request.user)
        messages.success(request, _("Lien envoyé au parent par courriel."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("registers:roster_entry", pk=entry.pk)


@require_http_methods(["GET", "POST"])
def consent_link(request, token: str):
    """A parent gives (or refuses) consent through the e-mailed link; no account needed."""
    req = ConsentRequest.find(token)
    if req is None:
        raise Http404
    if not req.is_usable:
        return render(request, "registers/consent_link_used.html", {"req": req}, status=410)
    form = ParentConsentForm(bound(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        consent = services.consent_from_link(
            req, scope=d["scope"], valid_until=d["valid_until"], agreed=d["agreed"] == "oui"
        )
        return render(request, "registers/consent_link_done.html", {"req": req, "consent": consent})
    return render(request, "registers/consent_link.html", {"req": req, "form": form})


@member_required
def api_photo_people(request):
    """JSON for "who is in this photo?" on the check page."""
    from balise.registers.engine import photo_people

    return JsonResponse({"people": photo_people(request.organization)})


# --- Questions and the FAQ ------------------------------------------------------------------


@member_required
def questions(request):
    qs = for_org(request, Question)
    if request.membership.role != "direction":
        qs = qs.filter(asked_by=request.user)
    return render(request, "registers/questions.html", {"questions": qs})


@never_cache
@sensitive_post_parameters("draft", "body")
@member_required
@require_http_methods(["GET", "POST"])
def question_new(request):
    """Ask the direction; a draft from the check page is attached only when the person ticks the box.

    A draft never travels in a URL (it would land in the access log and the browser's history):
    the check page POSTs it with `prefill`, which shows this form filled in, saves nothing and
    shows no error; sending the question is the second POST."""
    if request.method == "POST" and request.POST.get("prefill"):
        attach = bool(request.POST.get("attach_draft"))
        draft = request.POST.get("draft", "")[:20000] if attach else ""
        form = QuestionForm(initial={"draft": draft, "attach_draft": attach and bool(draft)})
        return render(request, "registers/question_form.html", {"form": form})
    form = QuestionForm(bound(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        question = services.ask_question(
            request.organization,
            user=request.user,
            subject=d["subject"],
            body=d["body"],
            draft=form.draft_to_keep(),
        )
        messages.success(request, _("Votre question est transmise à la direction."))
        return redirect("registers:question", pk=question.pk)
    return render(request, "registers/question_form.html", {"form": form})


@member_required
@require_http_methods(["GET", "POST"])
def question(request, pk: int):
    """The private thread between the person and the direction."""
    q = get_for_org(request, Question, pk=pk)
    own_or_direction(request, q.asked_by_id)
    is_direction = request.membership.role == "direction"
    form = AnswerForm(bound(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if is_direction and q.asked_by_id != request.user.pk:
                services.answer_question(q, by=request.user, body=form.cleaned_data["body"])
            else:
                q.add_message(
                    author=request.user, body=form.cleaned_data["body"], from_direction=False
                )
        messages.success(request, _("Message envoyé."))
        return redirect("registers:question", pk=q.pk)
    if q.asked_by_id == request.user.pk and q.status == "repondue" and not q.seen_by_asker_at:
        Question.objects.filter(pk=q.pk).update(seen_by_asker_at=timezone.now())
    return render(
        request, "registers/question.html", {"q": q, "form": form, "is_direction": is_direction}
    )


@direction_required
@require_http_methods(["GET", "POST"])
def question_faq(request, pk: int):
    """Turn a question and its answer into an anonymous FAQ entry."""
    q = get_for_org(request, Question, pk=pk)
    first = q.messages.filter(from_direction=False).first()
    answer = q.messages.filter(from_direction=True).last()
    form = FaqForm(
        bound(request),
        initial={
            "question": first.body if first else q.subject,
            "answer": answer.body if answer else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        services.publish_faq(
            request.organization,
            by=request.user,
            source=q,
            question_text=form.cleaned_data["question"],
            answer=form.cleaned_data["answer"],
        )
        messages.success(request, _("Entrée ajoutée à la FAQ, sans le nom de la personne."))
        return redirect("registers:faq")
    return render(request, "registers/faq_form.html", {"form": form, "q": q})


@member_required
def faq(request):
    return render(request, "registers/faq.html", {"entries": for_org(request, FaqEntry)})


# --- My file --------------------------------------------------------------------------------


@member_required
def mine(request):
    """A person's own file: acknowledgement status, authorizations and questions."""
    from balise.registers.templatetags.registers import my_file

    return render(request, "registers/mine.html", my_file(request))
