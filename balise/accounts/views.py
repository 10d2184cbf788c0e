from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from balise.accounts.forms import AcceptInvitationForm, InvitationForm, LoginForm, SetupForm
from balise.accounts.models import Invitation, SetupToken
from balise.accounts.scoping import direction_required, for_org
from balise.accounts.services import create_organization, send_invitation
from balise.policy.services import default_pack

BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
def setup(request, token: str):
    """The first person creates the organization and the director-general account."""
    setup_token = SetupToken.find_usable(token)
    if setup_token is None:
        return render(request, "accounts/setup_invalid.html", status=404)
    org_facts = default_pack().get("organization", {})
    form = SetupForm(
        request.POST or None,
        initial={
            "organization_name": org_facts.get("name"),
            "city": org_facts.get("city"),
            "website": org_facts.get("website"),
        },
    )
    if request.method == "POST" and form.is_valid():
        user = create_organization(setup=setup_token, data=form.cleaned_data)
        if user is None:
            return render(request, "accounts/setup_invalid.html", status=404)
        login(request, user, backend=BACKEND)
        messages.success(request, _("Votre CPE est créé. Bienvenue dans Balise!"))
        return redirect("core:home")
    return render(request, "accounts/setup.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@direction_required
@require_http_methods(["GET", "POST"])
def invitations(request):
    """The direction invites a person by e-mail with a role, and sees pending invitations."""
    form = InvitationForm(request.POST or None, organization=request.organization)
    if request.method == "POST" and form.is_valid():
        invitation, token = Invitation.issue(
            organization=request.organization, invited_by=request.user, **form.cleaned_data
        )
        send_invitation(request, invitation, token)
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts:invitations")
    pending = for_org(request, Invitation).filter(accepted_at__isnull=True)
    from django.apps import apps

    return render(
        request,
        "accounts/invitations.html",
        {
            "form": form,
            "pending": pending,
            "with_register": apps.is_installed("balise.registers"),
        },
    )


@require_http_methods(["GET", "POST"])
def accept(request, token: str):
    """The invited person chooses a password and joins the organization."""
    invitation = Invitation.find(token)
    if invitation is None:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": "unknown"}, status=404
        )
    if invitation.accepted_at:
        return render(request, "accounts/invitation_invalid.html", {"reason": "used"}, status=410)
    if invitation.is_expired:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"reason": "expired", "invitation": invitation},
            status=410,
        )
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        user = invitation.accept(
            password=form.cleaned_data["password2"], full_name=form.cleaned_data["full_name"]
        )
        login(request, user, backend=BACKEND)
        messages.success(request, _("Bienvenue, votre compte est prêt."))
        return redirect("core:home")
    return render(request, "accounts/accept.html", {"form": form, "invitation": invitation})


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
