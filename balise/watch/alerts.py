"""Telling the direction: at once for a bloquant mention, once a day for the rest.

E-mails carry the source, the term, the verdict and a link, never the mention's text: what a
post says about a child stays in Balise. The Apprise channels (Teams, SMS, …; channels.py) get
less still: a count, the sources and the links.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from balise.accounts.models import Membership, Organization, Role
from balise.watch import channels
from balise.watch.models import Mention, MentionStatus, Verdict

log = logging.getLogger("balise.watch")
#: Links listed in a short (Apprise) alert; the rest are one link to the triage away.
SHORT_LINKS = 5


def direction_emails(org: Organization) -> list[str]:
    return list(
        Membership.objects.filter(
            organization=org, role=Role.DIRECTION, is_active=True, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def _mention_url(m: Mention) -> str:
    return settings.SITE_URL + reverse("watch:mention", args=[m.pk])


def _links(mentions) -> list[dict]:
    return [{"m": m, "url": _mention_url(m)} for m in mentions]


def _send(
    org: Organization,
    subject: str,
    template: str,
    mentions: list[Mention],
    short: str,
    *,
    urgent: bool,
) -> bool:
    """E-mails the direction, then tells the CPE's Apprise channels; True if anyone was told."""
    recipients = direction_emails(org)
    emailed = False
    if recipients:
        body = render_to_string(
            template, {"org": org, "items": _links(mentions), "site": settings.SITE_URL}
        )
        send_mail(subject, body, None, recipients)
        emailed = True
    else:
        log.warning("watch alert without recipients", extra={"organization_id": org.pk})
    pushed = channels.notify(org, subject, short, urgent=urgent)
    return emailed or pushed > 0


def urgent_summary(mentions: list[Mention]) -> str:
    """The short text of a bloquant alert: a count, then the source and link of each."""
    lines = [
        ngettext(
            "%(n)s mention jugée bloquante, à lire dans Balise :",
            "%(n)s mentions jugées bloquantes, à lire dans Balise :",
            len(mentions),
        )
        % {"n": len(mentions)}
    ]
    lines += [f"- {m.source.name} : {_mention_url(m)}" for m in mentions[:SHORT_LINKS]]
    if len(mentions) > SHORT_LINKS:
        lines.append(
            _("… et %(n)s autres : %(url)s")
            % {"n": len(mentions) - SHORT_LINKS, "url": _triage_url("bloquant")}
        )
    return "\n".join(lines)


def digest_summary(mentions: list[Mention]) -> str:
    """The short text of the daily digest: counts by verdict and the link to the triage."""
    attention = sum(1 for m in mentions if m.verdict == Verdict.ATTENTION)
    head = ngettext(
        "%(n)s nouvelle mention à trier",
        "%(n)s nouvelles mentions à trier",
        len(mentions),
    ) % {"n": len(mentions)}
    detail = _("(%(attention)s à surveiller, %(ok)s conformes)") % {
        "attention": attention,
        "ok": len(mentions) - attention,
    }
    return f"{head} {detail} : {_triage_url()}"


def _triage_url(verdict: str = "") -> str:
    url = settings.SITE_URL + reverse("watch:triage")
    return f"{url}?verdict={verdict}" if verdict else url


def send_urgent_alerts() -> int:
    """E-mails each CPE's direction its new bloquant mentions not yet alerted; returns how many."""
    pending = Mention.objects.filter(
        verdict=Verdict.BLOQUANT, alerted_at__isnull=True, status=MentionStatus.NEW
    ).select_related("organization", "source")
    sent = 0
    for org, mentions in _by_org(pending).items():
        subject = ngettext(
            "Veille : %(n)s mention bloquante du %(org)s",
            "Veille : %(n)s mentions bloquantes du %(org)s",
            len(mentions),
        ) % {"n": len(mentions), "org": org.name}
        short = urgent_summary(mentions)
        if _send(org, subject, "watch/email_alert.txt", mentions, short, urgent=True):
            Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(
                alerted_at=timezone.now()
            )
            sent += len(mentions)
    return sent


def send_daily_digest() -> int:
    """E-mails each CPE the day's other new mentions, once; returns how many were listed."""
    pending = (
        Mention.objects.filter(
            digested_at__isnull=True, alerted_at__isnull=True, status=MentionStatus.NEW
        )
        .exclude(verdict=Verdict.BLOQUANT)
        .select_related("organization", "source")
    )
    listed = 0
    for org, mentions in _by_org(pending).items():
        subject = _("Veille : résumé du jour pour %(org)s") % {"org": org.name}
        short = digest_summary(mentions)
        if _send(org, subject, "watch/email_digest.txt", mentions, short, urgent=False):
            Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(
                digested_at=timezone.now()
            )
            listed += len(mentions)
    return listed


def _by_org(qs) -> dict[Organization, list[Mention]]:
    groups: dict[Organization, list[Mention]] = {}
    for m in qs.order_by("-rank", "-first_seen_at")[:2000]:
        groups.setdefault(m.organization, []).append(m)
    return groups
