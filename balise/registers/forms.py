"""Forms of the registers; every error message is in Quebec French."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balise.registers.models import (
    Authorization,
    Consent,
    ConsentScope,
    Person,
    RosterEntry,
    RosterKind,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_COPY_BYTES = 5 * 1024 * 1024
COPY_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp")


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "email", "category", "job_title", "service_start", "service_end"]
        widgets = {"service_start": DATE, "service_end": DATE}
        help_texts = {
            "service_end": _(
                "Pour un consultant ou un sous-traitant, le code ne s'applique que pendant le service."
            )
        }

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        others = Person.objects.filter(organization=self.organization, email__iexact=email).exclude(
            pk=self.instance.pk
        )
        if others.exists():
            raise ValidationError(_("Une autre personne du registre a déjà ce courriel."))
        return email

    def clean(self):
        data = super().clean()
        start, end = data.get("service_start"), data.get("service_end")
        if start and end and end < start:
            self.add_error("service_end", _("La fin du service précède son début."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes : nom; courriel; categorie; fonction; debut; fin. UTF-8 ou Windows-1252 (Excel)."
        ),
    )


class VersionForm(forms.Form):
    """A new version of the code, edited from the current one: one text box per article."""

    title = forms.CharField(label=_("Titre"), max_length=300)
    summary = forms.CharField(
        label=_("Résumé des changements"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Résumez ce qui change dans cette version.")},
    )

    def __init__(self, *args, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["title"].initial = version.title
        for key, label, paragraphs in self.blocks():
            self.fields[key] = forms.CharField(
                label=label,
                initial="\n\n".join(paragraphs),
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def blocks(self):
        for article in self.version.articles:
            label = _("Article %(n)s : %(t)s") % {"n": article["number"], "t": article["title"]}
            if "paragraphs" in article:
                yield f"article_{article['number']}", label, article["paragraphs"]
            for section in article.get("sections", []):
                yield (
                    f"section_{section['key']}",
                    f"{section['ref']} {section['title']}",
                    section["paragraphs"],
                )

    def articles(self) -> list[dict]:
        """Returns the articles with the edited paragraphs (blank lines separate paragraphs)."""
        import copy

        def paragraphs(key):
            return [
                p.strip()
                for p in self.cleaned_data[key].replace("\r\n", "\n").split("\n\n")
                if p.strip()
            ]

        articles = copy.deepcopy(self.version.articles)
        for article in articles:
            if "paragraphs" in article:
                article["paragraphs"] = paragraphs(f"article_{article['number']}")
            for section in article.get("sections", []):
                section["paragraphs"] = paragraphs(f"section_{section['key']}")
        return articles


class AcknowledgeForm(forms.Form):
    read = forms.BooleanField(
        label=_("J'ai lu le code de conduite et je m'engage à le respecter."),
        error_messages={"required": _("Cochez la case pour confirmer votre lecture.")},
    )


class AuthorizationForm(forms.ModelForm):
    class Meta:
        model = Authorization
        fields = ["kind", "subject", "channel", "reason"]
        labels = {"kind": _("Je demande de")}
        help_texts = {
            "subject": _(
                "Le sujet dont vous parlerez, l'usage du logo, ou le nom exact de la page ou du groupe."
            )
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[("accorder", _("Accorder")), ("refuser", _("Refuser"))],
        widget=forms.RadioSelect,
    )
    conditions = forms.CharField(
        label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    ends_on = forms.DateField(label=_("Fin de l'autorisation"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("Motif (pour un refus)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on and ends_on < timezone.localdate():
            raise ValidationError(_("La date de fin est déjà passée."))
        return ends_on


class RosterEntryForm(forms.ModelForm):
    name = forms.CharField(label=_("Nom complet"), max_length=200)
    email = forms.EmailField(label=_("Courriel (parent)"), required=False)

    class Meta:
        model = RosterEntry
        fields = ["kind", "name", "email", "group", "role", "child"]

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        children = RosterEntry.objects.filter(organization=organization, kind=RosterKind.CHILD)
        self.fields["child"].queryset = children
        self.fields["child"].label_from_instance = lambda e: e.name
        self.fields["child"].label = _("Enfant (pour un parent)")

    def clean(self):
        data = super().clean()
        if data.get("kind") == RosterKind.PARENT and not data.get("child"):
            self.add_error("child", _("Choisissez l'enfant de ce parent."))
        return data


def check_copy(upload) -> None:
    if upload.size > MAX_COPY_BYTES:
        raise ValidationError(_("La copie signée dépasse 5 Mo."))
    if (upload.content_type or "") not in COPY_TYPES:
        raise ValidationError(
            _("La copie signée doit être un PDF ou une photo (JPEG, PNG, HEIC, WebP).")
        )


class ConsentForm(forms.ModelForm):
    given_by = forms.CharField(
        label=_("Donné par (parent ou tuteur pour un enfant)"), max_length=200
    )
    copy = forms.FileField(
        label=_("Copie signée (PDF ou photo)"), required=False, validators=[check_copy]
    )

    class Meta:
        model = Consent
        fields = ["scope", "given_by", "given_on", "valid_from", "valid_until"]
        widgets = {
            "given_on": DATE,
            "valid_from": DATE,
            "valid_until": DATE,
            "scope": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean()
        start, until = data.get("valid_from"), data.get("valid_until")
        if until and until < timezone.localdate():
            self.add_error("valid_until", _("La date de fin du consentement est déjà passée."))
        elif start and until and until < start:
            self.add_error("valid_until", _("La date de fin précède la date de début."))
        return data


class CopyForm(forms.Form):
    copy = forms.FileField(label=_("Copie signée (PDF ou photo)"), validators=[check_copy])


class ConsentRequestForm(forms.Form):
    guardian = forms.ModelChoiceField(
        label=_("Parent ou tuteur"), queryset=RosterEntry.objects.none()
    )

    def __init__(self, *args, child=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guardian"].queryset = child.guardians.all()
        self.fields["guardian"].label_from_instance = lambda e: e.name

    def clean_guardian(self):
        guardian = self.cleaned_data["guardian"]
        if not guardian.email:
            raise ValidationError(_("Ce parent n'a pas de courriel au registre."))
        return guardian


class ParentConsentForm(forms.Form):
    agreed = forms.ChoiceField(
        label=_("Votre réponse"),
        widget=forms.RadioSelect,
        choices=[
            ("oui", _("J'accepte, selon la portée choisie ci-dessous")),
            ("non", _("Je refuse")),
        ],
    )
    scope = forms.ChoiceField(
        label=_("Portée"), choices=ConsentScope.choices, widget=forms.RadioSelect, required=False
    )
    valid_until = forms.DateField(label=_("Jusqu'au (facultatif)"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("agreed") == "oui" and not data.get("scope"):
            self.add_error("scope", _("Choisissez la portée du consentement."))
        until = data.get("valid_until")
        if until and until < timezone.localdate():
            self.add_error("valid_until", _("La date de fin du consentement est déjà passée."))
        return data


class QuestionForm(forms.Form):
    subject = forms.CharField(label=_("Sujet"), max_length=200)
    body = forms.CharField(label=_("Votre question"), widget=forms.Textarea(attrs={"rows": 5}))
    attach_draft = forms.BooleanField(
        label=_("Joindre mon brouillon à la question"), required=False
    )
    draft = forms.CharField(
        label=_("Brouillon (joint seulement si vous cochez la case)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def draft_to_keep(self) -> str:
        return self.cleaned_data["draft"] if self.cleaned_data.get("attach_draft") else ""


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))


class FaqForm(forms.Form):
    question = forms.CharField(
        label=_("Question (anonyme)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Retirez tout nom ou détail qui permettrait de reconnaître la personne."),
    )
    answer = forms.CharField(label=_("Réponse"), widget=forms.Textarea(attrs={"rows": 5}))
