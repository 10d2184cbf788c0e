"""The watch's pages, for the direction: triage, one mention, sources and their health, terms."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from balise.accounts.scoping import direction_required, for_org, get_for_org
from balise.watch import chart
from balise.watch.forms import ChannelsForm, SourceForm, TermForm, TriageFilter
from balise.watch.models import AlertChannels, Mention, Source, WatchedTerm

PAGE_SIZE = 25
LIST_FIELDS = (
    "id",
    "url",
    "title",
    "text",
    "author_handle",
    "published_at",
    "matched_term",
    "roster_names",
    "verdict",
    "findings",
    "status",
    "first_seen_at",
    "rank",
    "source__name",
    "source__kind",
)


def filtered(request, form: TriageFilter):
    """Returns the CPE's mentions narrowed by the valid filters of the form."""
    qs = for_org(request, Mention)
    if not form.is_valid():
        return qs
    data = form.cleaned_data
    if data.get("source"):
        qs = qs.filter(source=data["source"])
    if data.get("term"):
        qs = qs.filter(matched_term=data["term"])
    if data.get("verdict"):
        qs = qs.filter(verdict=data["verdict"])
    if data.get("since"):
        qs = qs.filter(
            first_seen_at__gte=timezone.make_aware(datetime.combine(data["since"], time.min))
        )
    if data.get("until"):
        qs = qs.filter(
            first_seen_at__lte=timezone.make_aware(datetime.combine(data["until"], time.max))
        )
    return qs


def file_url(mention_id: int) -> str:
    """Returns the breach-file app's "open from mention" URL, or "" when it is not installed."""
    try:
        return reverse("cases:open_from_mention", args=[mention_id])
    except NoReverseMatch:
        return ""


@direction_required
def triage(request):
    """New mentions first, the risky ones on top; filters; a weekly chart by verdict."""
    terms = WatchedTerm.active_for(request.organization)
    form = TriageFilter(request.GET or None, sources=for_org(request, Source), terms=terms)
    qs = filtered(request, form)
    page = Paginator(qs.select_related("source").only(*LIST_FIELDS), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    with_links(page)
    weeks = chart.weekly_cached(for_org(request, Mention), request.organization.pk)
    width, height = chart.size(weeks)
    context = {
        "form": form,
        "page": page,
        "weeks": weeks,
        "chart_width": width,
        "chart_height": height,
        "query": _query_without_page(request),
        "next": request.get_full_path(),
    }
    return render(request, "watch/triage.html", context)


ROW_LINKS = {"detail": "watch:mention", "seen": "watch:mark_seen", "dismiss": "watch:dismiss"}


def with_links(mentions) -> None:
    """Sets `links` on each mention: URLs built from one reverse() per kind, not one per row."""
    marker = 987654321
    patterns = {key: reverse(name, args=[marker]) for key, name in ROW_LINKS.items()}
    opened = file_url(marker)
    if opened:
        patterns["file"] = opened
    for m in mentions:  # a Page: its list is built once, so the template sees these objects
        m.links = {key: url.replace(str(marker), str(m.pk)) for key, url in patterns.items()}


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@direction_required
def mention(request, pk: int):
    """One mention: its text (escaped), its sanitised HTML, the engine's findings, the actions."""
    m = get_for_org(request, Mention.objects.select_related("source"), pk=pk)
    return render(request, "watch/mention.html", {"m": m, "file_url": file_url(m.pk)})


@require_POST
@direction_required
def mark_seen(request, pk: int):
    get_for_org(request, Mention, pk=pk).mark_seen()
    messages.success(request, _("Mention marquée comme vue."))
    return redirect(_next(request))


@require_POST
@direction_required
def dismiss(request, pk: int):
    get_for_org(request, Mention, pk=pk).dismiss()
    messages.success(request, _("Mention classée sans suite."))
    return redirect(_next(request))


def _next(request) -> str:
    target = request.POST.get("next", "")
    return (
        target
        if target.startswith("/veille/") and not target.startswith("//")
        else reverse("watch:triage")
    )


@direction_required
def sources(request):
    """Each source with its last success, last failure and message: the health page."""
    rows = for_org(request, Source).order_by("-failure_count", "name")
    return render(request, "watch/sources.html", {"sources": rows})


@direction_required
def source_new(request):
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.organization = request.organization
        form.save()
        messages.success(request, _("Source ajoutée : elle sera interrogée au prochain passage."))
        return redirect("watch:sources")
    return render(request, "watch/source_form.html", {"form": form})


@direction_required
def source_edit(request, pk: int):
    source = get_for_org(request, Source, pk=pk)
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Source modifiée."))
        return redirect("watch:sources")
    return render(request, "watch/source_form.html", {"form": form, "source": source})


@require_POST
@direction_required
def source_toggle(request, pk: int):
    source = get_for_org(request, Source, pk=pk)
    source.is_active = not source.is_active
    source.save(update_fields=["is_active"])
    messages.success(
        request, _("Source réactivée.") if source.is_active else _("Source mise en pause.")
    )
    return redirect("watch:sources")


@direction_required
def terms(request):
    """The watched terms: the CPE's names (seeded), and those the direction adds."""
    WatchedTerm.seed(request.organization)
    form = TermForm(request.POST or None, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        form.instance.organization = request.organization
        form.save()
        messages.success(request, _("Terme ajouté."))
        return redirect("watch:terms")
    return render(
        request, "watch/terms.html", {"form": form, "terms": for_org(request, WatchedTerm)}
    )


@require_POST
@direction_required
def term_toggle(request, pk: int):
    get_for_org(request, WatchedTerm, pk=pk).toggle()
    return redirect("watch:terms")


@direction_required
def alerts(request):
    """Who is told, and how: the direction's e-mails, and the CPE's Apprise channels."""
    from balise.watch.alerts import direction_emails
    from balise.watch.conf import conf

    own = AlertChannels.objects.filter(organization=request.organization).first()
    form = ChannelsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        urls = form.cleaned_data["urls"]
        if not urls:
            if own:
                own.delete()
            messages.success(request, _("Canaux retirés : les alertes partent par courriel."))
        else:
            own = own or AlertChannels(organization=request.organization)
            own.set_urls(urls)
            own.save()
            messages.success(request, _("Canaux enregistrés."))
        return redirect("watch:alerts")
    context = {
        "form": form,
        "own": own,
        "recipients": len(direction_emails(request.organization)),
        "installation_channels": len(conf().apprise_urls),
    }
    return render(request, "watch/alerts.html", context)


@require_POST
@direction_required
def alerts_test(request):
    """Sends a test message to the CPE's own channels; says how many accepted it."""
    from balise.watch.channels import channels_for, notify

    total = sum(1 for _url, own in channels_for(request.organization) if own)
    if not total:
        messages.error(request, _("Aucun canal à essayer."))
        return redirect("watch:alerts")
    sent = notify(
        request.organization,
        _("Balise : essai des alertes"),
        _("Essai des alertes de la veille du %(org)s : ce canal les recevra. Rien à faire.")
        % {"org": request.organization.name},
        own_only=True,
    )
    level = messages.success if sent == total else messages.error
    level(
        request,
        ngettext(
            "Essai : %(sent)s canal sur %(total)s l'a accepté.",
            "Essai : %(sent)s canaux sur %(total)s l'ont accepté.",
            sent,
        )
        % {"sent": sent, "total": total},
    )
    return redirect("watch:alerts")
