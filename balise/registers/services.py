"""Operations on the registers: every change goes through here and into the audit trail."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from balise.audit.services import record_change, snapshot
from balise.registers.models import (
    Acknowledgement,
    Authorization,
    Consent,
    ConsentMethod,
    ConsentRequest,
    FaqEntry,
    Person,
    Question,
    ReminderLog,
    RosterEntry,
)


def audit(obj, *, actor, action: str, before: dict | None = None) -> None:
    """Records a change of a register entry; encrypted fields never reach the trail."""
    exclude = getattr(obj, "SENSITIVE", ())
    record_change(
        organization=obj.organization,
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=snapshot(obj, exclude=exclude),
    )


def before(obj) -> dict:
    return snapshot(obj, exclude=getattr(obj, "SENSITIVE", ()))


def site_url(path: str) -> str:
    return settings.SITE_URL + path


# --- People ---------------------------------------------------------------------------------


@transaction.atomic
def save_person(person: Person, *, by) -> Person:
    """Creates or updates a person of the register."""
    old = before(Person.objects.get(pk=person.pk)) if person.pk else None
    person.email = person.email.lower()
    person.save()
    audit(
        person,
        actor=by,
        action="registers.person.update" if old else "registers.person.create",
        before=old,
    )
    return person


def invite_person(request, person: Person):
    """Sends the foundation's invitation to a person of the register; returns the invitation."""
    from balise.accounts.models import Invitation, Role
    from balise.accounts.services import send_invitation

    invitation, token = Invitation.issue(
        organization=person.organization,
        email=person.email,
        role=Role.EMPLOYE,
        invited_by=request.user,
        full_name=person.full_name,
    )
    send_invitation(request, invitation, token)
    record_change(
        organization=person.organization,
        actor=request.user,
        action="registers.person.invite",
        obj=person,
        after={"invitation": invitation.pk, "email": person.email},
    )
    return invitation


def sync_accounts(org, day: date | None = None) -> int:
    """Deactivates the staff accounts of people outside their service (article 2); returns how many changed."""
    from balise.accounts.models import Membership, Organization, Role

    day = day or timezone.localdate()
    changed = 0
    for person in Person.objects.filter(organization=org, user__isnull=False):
        covered = person.is_covered_on(day)
        qs = Membership.objects.filter(
            organization=org, user=person.user, role=Role.EMPLOYE
        ).exclude(is_active=covered)
        n = qs.update(is_active=covered)
        if n:
            changed += n
            Organization.profile_changed(org.pk)
            record_change(
                organization=org,
                actor=None,
                action="registers.person.account",
                obj=person,
                after={"account_active": covered, "day": day.isoformat()},
            )
    return changed


# --- The code: versions, acknowledgements, reminders ---------------------------------------


@transaction.atomic
def publish_version(org, *, by, title: str, articles: list[dict], summary: str):
    """Publishes a new version of the code; it asks everyone covered to acknowledge it again."""
    from balise.policy.models import CodeVersion
    from balise.policy.services import current_version

    current = current_version(org)
    version = CodeVersion.objects.create(
        organization=org,
        number=(current.number + 1) if current else 1,
        title=title,
        articles=articles,
        rules=current.rules if current else [],
        measures=current.measures if current else [],
        reminder=current.reminder if current else {},
        summary=summary,
        published_by=by,
    )
    record_change(
        organization=org,
        actor=by,
        action="policy.version.publish",
        obj=version,
        after={"number": version.number, "text_hash": version.text_hash, "summary": summary},
    )
    return version


class AcknowledgementError(ValueError):
    """The acknowledgement cannot be recorded; str() is a French message."""


@transaction.atomic
def acknowledge(
    person: Person, version, *, user, ip: str | None, user_agent: str
) -> Acknowledgement:
    """Records that a person read and acknowledged a version (once per version)."""
    from balise.policy.services import current_version

    if current_version(person.organization) != version:
        raise AcknowledgementError(
            _("Cette version du code n'est plus en vigueur : lisez la version actuelle.")
        )
    existing = Acknowledgement.objects.filter(person=person, version=version).first()
    if existing:
        return existing
    ack = Acknowledgement.objects.create(
        organization=person.organization,
        person=person,
        user=user,
        version=version,
        text_hash=version.text_hash,
        acknowledged_at=timezone.now(),
        ip_address=ip or None,
        user_agent=(user_agent or "")[:300],
    )
    audit(ack, actor=user, action="registers.acknowledgement.create")
    return ack


def people_to_acknowledge(org, version, day: date | None = None) -> list[Person]:
    """Returns the covered people who have not acknowledged the version."""
    day = day or timezone.localdate()
    if version is None:
        return []
    done = set(Acknowledgement.objects.filter(version=version).values_list("person_id", flat=True))
    return [
        p
        for p in Person.objects.filter(organization=org)
        if p.is_covered_on(day) and p.pk not in done
    ]


def send_reminders(org, people: list[Person], version, *, automatic: bool = False) -> int:
    """E-mails each person a reminder to read and acknowledge the version; returns how many."""
    url = site_url(reverse("registers:acknowledge"))
    for person in people:
        body = _(
            "Bonjour %(name)s,\n\nLa version %(n)s du code de conduite sur les médias sociaux de %(org)s "
            "est en vigueur. Merci de la lire et d'en accuser réception :\n%(url)s\n\n"
            "Pour toute question, adressez-vous à la direction (article 4)."
        ) % {"name": person.full_name, "n": version.number, "org": org.name, "url": url}
        send_mail(_("Rappel : le code de conduite à lire et à signer"), body, None, [person.email])
        ReminderLog.objects.create(
            organization=org, person=person, version=version, automatic=automatic
        )
    return len(people)


def weekly_reminders() -> int:
    """Reminds everyone covered who has not acknowledged the version in force, in every CPE."""
    from balise.accounts.models import Organization
    from balise.policy.services import current_version

    total = 0
    for org in Organization.objects.all():
        version = current_version(org)
        total += (
            send_reminders(org, people_to_acknowledge(org, version), version, automatic=True)
            if version
            else 0
        )
    return total


# --- Authorizations -------------------------------------------------------------------------


@transaction.atomic
def request_authorization(auth: Authorization, *, by) -> Authorization:
    auth.requested_by = by
    auth.save()
    audit(auth, actor=by, action="registers.authorization.request")
    return auth


def decide_authorization(
    auth: Authorization, *, by, grant: bool, conditions: str = "", ends_on=None, note: str = ""
) -> None:
    """Grants or refuses; the person is told by e-mail and on their home page."""
    with transaction.atomic():
        old = before(auth)
        if grant:
            auth.grant(by=by, conditions=conditions, ends_on=ends_on)
        else:
            auth.refuse(by=by, note=note)
        audit(
            auth,
            actor=by,
            action="registers.authorization." + ("grant" if grant else "refuse"),
            before=old,
        )
    notify_decision(auth)


def notify_decision(auth: Authorization) -> None:
    word = _("accordée") if auth.status == "accordee" else _("refusée")
    lines = [
        _("Bonjour %(name)s,") % {"name": auth.person.full_name},
        "",
        _("Votre demande « %(what)s » a été %(word)s.") % {"what": auth, "word": word},
    ]
    if auth.conditions:
        lines.append(_("Conditions : %(c)s") % {"c": auth.conditions})
    if auth.ends_on:
        lines.append(_("Jusqu'au : %(d)s") % {"d": auth.ends_on.isoformat()})
    if auth.decision_note:
        lines.append(_("Motif : %(m)s") % {"m": auth.decision_note})
    lines += ["", site_url(reverse("registers:authorization", args=[auth.pk]))]
    send_mail(
        _("Votre demande d'autorisation : %(word)s") % {"word": word},
        "\n".join(lines),
        None,
        [auth.person.email],
    )


# --- Roster and consents --------------------------------------------------------------------


@transaction.atomic
def save_roster_entry(entry: RosterEntry, *, by) -> RosterEntry:
    old = before(RosterEntry.objects.get(pk=entry.pk)) if entry.pk else None
    entry.save()
    audit(
        entry,
        actor=by,
        action="registers.roster.update" if old else "registers.roster.create",
        before=old,
    )
    return entry


@transaction.atomic
def record_consent(consent: Consent, *, by, signed_copy=None) -> Consent:
    """Records a consent, with its signed copy encrypted, in one transaction."""
    consent.recorded_by = by
    consent.save()
    if signed_copy is not None:
        consent.attach_signed_copy(
            name=signed_copy.name,
            content_type=signed_copy.content_type or "",
            data=signed_copy.read(),
        )
    audit(consent, actor=by, action="registers.consent.create")
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, *, by) -> None:
    old = before(consent)
    consent.withdraw(by=by)
    audit(consent, actor=by, action="registers.consent.withdraw", before=old)


@transaction.atomic
def attach_copy(consent: Consent, upload, *, by) -> None:
    old = before(consent)
    consent.attach_signed_copy(
        name=upload.name, content_type=upload.content_type or "", data=upload.read()
    )
    audit(consent, actor=by, action="registers.consent.signed_copy", before=old)


def send_consent_request(child: RosterEntry, guardian: RosterEntry, *, by) -> ConsentRequest:
    """E-mails the parent a link to give consent for their child's image."""
    request, token = ConsentRequest.issue(subject=child, guardian=guardian, by=by)
    url = site_url(reverse("registers:consent_link", args=[token]))
    body = _(
        "Bonjour %(parent)s,\n\n%(org)s vous demande votre consentement pour l'utilisation de l'image "
        "de %(child)s (photos et vidéos). Vous choisissez la portée du consentement et sa durée, et "
        "vous pouvez le retirer en tout temps en écrivant à la direction.\n\n%(url)s\n"
    ) % {"parent": guardian.name, "org": child.organization.name, "child": child.name, "url": url}
    send_mail(
        _("Consentement pour les photos — %(org)s") % {"org": child.organization.name},
        body,
        None,
        [guardian.email],
    )
    record_change(
        organization=child.organization,
        actor=by,
        action="registers.consent.request_sent",
        obj=request,
        after={"subject": child.pk, "guardian": guardian.pk},
    )
    return request


@transaction.atomic
def consent_from_link(
    req: ConsentRequest, *, scope: str, valid_until, agreed: bool
) -> Consent | None:
    """The parent answers the e-mailed link; returns the consent, or None when refused."""
    locked = ConsentRequest.objects.select_for_update().get(pk=req.pk)
    if not locked.is_usable:
        raise ValueError(_("Ce lien a déjà servi ou il est expiré."))
    consent = None
    if agreed:
        today = timezone.localdate()
        consent = Consent(
            organization=req.organization,
            subject=req.subject,
            scope=scope,
            given_by=req.guardian.name,
            method=ConsentMethod.LINK,
            given_on=today,
            valid_from=today,
            valid_until=valid_until,
        )
        consent.save()
        audit(consent, actor=None, action="registers.consent.create_by_link")
    ConsentRequest.objects.filter(pk=req.pk).update(used_at=timezone.now(), consent=consent)
    return consent


# --- Questions ------------------------------------------------------------------------------


def ask_question(org, *, user, subject: str, body: str, draft: str = "") -> Question:
    with transaction.atomic():
        question = Question.objects.create(
            organization=org, asked_by=user, subject=subject, draft=draft
        )
        question.add_message(author=user, body=body, from_direction=False)
    notify_direction_of_question(question)
    return question


def notify_direction_of_question(question: Question) -> None:
    from balise.accounts.models import Membership, Role

    emails = list(
        Membership.objects.filter(
            organization=question.organization, role=Role.DIRECTION, is_active=True
        ).values_list("user__email", flat=True)
    )
    if emails:
        url = site_url(reverse("registers:question", args=[question.pk]))
        send_mail(
            _("Nouvelle question à la direction"),
            _("Une question attend votre réponse :\n%(url)s") % {"url": url},
            None,
            emails,
        )


def answer_question(question: Question, *, by, body: str) -> None:
    question.add_message(author=by, body=body, from_direction=True)
    url = site_url(reverse("registers:question", args=[question.pk]))
    send_mail(
        _("La direction a répondu à votre question"),
        _("Lisez la réponse ici :\n%(url)s") % {"url": url},
        None,
        [question.asked_by.email],
    )


def publish_faq(org, *, by, question_text: str, answer: str, source: Question | None) -> FaqEntry:
    entry = FaqEntry.objects.create(
        organization=org, question=question_text, answer=answer, source=source, published_by=by
    )
    record_change(organization=org, actor=by, action="registers.faq.publish", obj=entry)
    return entry
