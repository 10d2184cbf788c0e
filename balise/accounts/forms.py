from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from balise.accounts.models import Invitation, Role, User


class PasswordPairMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=_("Au moins 10 caractères, pas seulement des chiffres."),
    )
    password2 = forms.CharField(
        label=_("Confirmez le mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean_password2(self) -> str:
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise ValidationError(_("Les deux mots de passe ne sont pas identiques."))
        password_validation.validate_password(p2, User(email=self.cleaned_data.get("email", "")))
        return p2


class SetupForm(PasswordPairMixin):
    organization_name = forms.CharField(label=_("Nom du CPE"), max_length=200)
    city = forms.CharField(label=_("Ville"), max_length=120, required=False)
    website = forms.URLField(label=_("Site Web officiel"), required=False, assume_scheme="https")
    full_name = forms.CharField(label=_("Votre nom complet (directrice générale)"), max_length=200)
    email = forms.EmailField(label=_("Votre courriel"))
    field_order = [
        "organization_name",
        "city",
        "website",
        "full_name",
        "email",
        "password1",
        "password2",
    ]


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Courriel"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("Courriel ou mot de passe incorrect. Vérifiez-les et réessayez."),
        "inactive": _("Ce compte est désactivé. Adressez-vous à la direction de votre CPE."),
    }


class InvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Nom complet"), max_length=200)
    email = forms.EmailField(label=_("Courriel"))
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices, initial=Role.EMPLOYE)

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if (
            self.organization
            and self.organization.memberships.filter(
                user__email__iexact=email, is_active=True
            ).exists()
        ):
            raise ValidationError(_("Cette personne fait déjà partie de votre CPE."))
        return email


class AcceptInvitationForm(PasswordPairMixin):
    full_name = forms.CharField(label=_("Votre nom complet"), max_length=200)
    field_order = ["full_name", "password1", "password2"]

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["full_name"].initial = invitation.full_name
        self.cleaned_data_email = invitation.email

    def clean_password2(self) -> str:
        self.cleaned_data["email"] = self.invitation.email
        return super().clean_password2()
