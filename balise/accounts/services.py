"""Account operations shared by views and commands."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from balise.accounts.models import Invitation, Membership, Organization, Role, SetupToken, User


def setup_url(token: str) -> str:
    return settings.SITE_URL + reverse("accounts:setup", args=[token])


def issue_setup_link_if_needed() -> str | None:
    """Returns a fresh one-time setup link when nobody has an account yet, else None."""
    if User.objects.exists():
        return None
    return setup_url(SetupToken.issue())


def unique_slug(name: str) -> str:
    base = slugify(name)[:40] or "cpe"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_organization(*, setup: SetupToken, data: dict) -> User | None:
    """Creates the organization and its director general; None when the token was already used."""
    if not setup.consume():
        return None
    from balise.policy.services import install_default_pack

    org = Organization.objects.create(
        name=data["organization_name"],
        slug=unique_slug(data["organization_name"]),
        city=data.get("city", ""),
        website=data.get("website", ""),
    )
    user = User.objects.create_user(data["email"], data["password2"], full_name=data["full_name"])
    Membership.objects.create(
        user=user, organization=org, role=Role.DIRECTION, is_director_general=True
    )
    install_default_pack(org)
    return user


def send_invitation(request, invitation: Invitation, token: str) -> None:
    """E-mails the invitation link (console by default, SMTP when configured)."""
    url = request.build_absolute_uri(reverse("accounts:accept", args=[token]))
    body = _(
        "Bonjour,\n\n%(who)s vous invite à rejoindre Balise pour %(org)s.\n"
        "Balise vous aide à appliquer le code de conduite sur les médias sociaux.\n\n"
        "Choisissez votre mot de passe ici (lien valide %(days)s jours) :\n%(url)s\n"
    ) % {
        "who": request.user,
        "org": invitation.organization,
        "days": settings.INVITATION_DAYS,
        "url": url,
    }
    send_mail(
        _("Invitation à Balise — %(org)s") % {"org": invitation.organization},
        body,
        None,
        [invitation.email],
    )
