"""Forms of breach files and of the register; dates out of order get a clear French message."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balise.cases import services
from balise.cases.models import (
    WITHDRAWALS,
    BreachFile,
    EvidenceKind,
    IncidentEntry,
    Origin,
    Severity,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def people_of(org):
    from balise.registers.models import Person

    return Person.objects.filter(organization=org)


class OpenFileForm(forms.ModelForm):
    origin = forms.ChoiceField(
        label=_("Origine"),
        choices=[(Origin.REPORT, Origin.REPORT.label), (Origin.HAND, Origin.HAND.label)],
    )

    class Meta:
        model = BreachFile
        fields = [
            "title",
            "person",
            "origin",
            "reporter",
            "source_url",
            "captured_text",
            "incident_on",
            "learned_on",
        ]
        widgets = {
            "incident_on": DATE,
            "learned_on": DATE,
            "captured_text": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "reporter": _("Un ou une collègue, un parent… (facultatif)"),
            "captured_text": _(
                "Copiez le texte publié tel quel : Balise l'analyse pour proposer les règles en cause."
            ),
        }

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_of(org)
        self.fields["learned_on"].initial = timezone.localdate()


class EditFileForm(forms.ModelForm):
    class Meta:
        model = BreachFile
        fields = ["title", "person", "reporter", "source_url", "incident_on", "learned_on"]
        widgets = {"incident_on": DATE, "learned_on": DATE}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_of(org)


class RulesForm(forms.Form):
    rules = forms.MultipleChoiceField(
        label=_("Règles en cause"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins une règle du code.")},
    )
    severity = forms.ChoiceField(label=_("Gravité"), choices=Severity.choices)

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rules"].choices = services.rule_choices(org)


class EvidenceForm(forms.Form):
    upload = forms.FileField(
        label=_("Fichier de preuve"), help_text=_("Images, PDF, vidéo MP4 ou texte, 10 Mo au plus.")
    )
    kind = forms.ChoiceField(
        label=_("Type de preuve"),
        choices=[
            (EvidenceKind.SCREENSHOT, EvidenceKind.SCREENSHOT.label),
            (EvidenceKind.DOCUMENT, EvidenceKind.DOCUMENT.label),
        ],
    )
    source_url = forms.URLField(label=_("Adresse d'origine (facultatif)"), required=False)

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > services.MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(
                _("Le fichier « %(name)s » dépasse la limite de 10 Mo.") % {"name": upload.name}
            )
        content = upload.read()
        services.validate_evidence(upload.name, content)
        self.cleaned_data["content"] = content
        return upload


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Votre version des faits"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
    )


class DecisionForm(forms.Form):
    measures = forms.MultipleChoiceField(
        label=_("Mesures décidées (article 6)"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins une mesure de l'article 6.")},
    )
    until = forms.DateField(
        label=_("Retrait des privilèges jusqu'au"),
        required=False,
        widget=DATE,
        help_text=_("Seulement pour un retrait des privilèges ou de l'accès au réseau."),
    )
    note = forms.CharField(
        label=_("Motifs de la décision"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = dict(services.measure_choices(org))
        self.fields["measures"].choices = list(self.labels.items())

    def clean(self):
        data = super().clean()
        chosen, until = set(data.get("measures") or ()), data.get("until")
        if chosen & WITHDRAWALS and until is None:
            self.add_error("until", _("Indiquez jusqu'à quelle date les privilèges sont retirés."))
        elif until and not chosen & WITHDRAWALS:
            self.add_error(
                "until", _("Une date de fin ne s'applique qu'à un retrait de privilèges.")
            )
        elif until and until < timezone.localdate():
            self.add_error(
                "until", _("La fin du retrait ne peut pas précéder la date de la décision.")
            )
        return data

    def chosen_measures(self) -> list[dict]:
        until = self.cleaned_data.get("until")
        return [
            {"kind": k, "label": self.labels[k], "until": until if k in WITHDRAWALS else None}
            for k in self.cleaned_data["measures"]
        ]


class MeasureDoneForm(forms.Form):
    note = forms.CharField(label=_("Note de suivi"), required=False, max_length=2000)


class IncidentEntryForm(forms.ModelForm):
    class Meta:
        model = IncidentEntry
        fields = [
            "info_description",
            "circumstances",
            "incident_start",
            "incident_end",
            "learned_on",
            "persons_count",
            "count_is_estimate",
            "risk_sensitivity",
            "risk_consequences",
            "risk_likelihood",
            "risk",
            "commission_notified_on",
            "persons_notified_on",
            "mitigation",
        ]
        widgets = {
            name: DATE
            for name in (
                "incident_start",
                "incident_end",
                "learned_on",
                "commission_notified_on",
                "persons_notified_on",
            )
        }


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=DATE)
    end = forms.DateField(label=_("Au"), widget=DATE)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("pdf", "PDF"), ("csv", "CSV")], initial="pdf"
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("La fin de la période ne peut pas précéder son début."))
        return data
