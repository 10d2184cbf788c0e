"""Forms of the network pages; every message in Quebec French."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from balise.network.models import (
    AdGuardServer,
    Break,
    Closure,
    Device,
    LogFormat,
    OpeningHours,
    SocialService,
    Weekday,
    WorkGroup,
    WorkSchedule,
    normalize_ip,
    normalize_mac,
)

DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def people_of(org):
    from balise.registers.models import Person

    return Person.objects.filter(organization=org)


class ScheduleForm(forms.Form):
    """The opening hours of the seven weekdays, and the CPE's choices."""

    easter_holiday = forms.ChoiceField(
        label=_("Congé de Pâques"), choices=WorkSchedule._meta.get_field("easter_holiday").choices
    )
    pause_during_breaks = forms.BooleanField(
        label=_("Débloquer les médias sociaux pendant les pauses"),
        required=False,
        help_text=WorkSchedule._meta.get_field("pause_during_breaks").help_text,
    )

    def __init__(self, *args, org, **kwargs):
        self.org = org
        choices = WorkSchedule.for_org(org)
        hours = {h.weekday: h for h in OpeningHours.objects.filter(organization=org)}
        initial = {
            "easter_holiday": choices.easter_holiday,
            "pause_during_breaks": choices.pause_during_breaks,
        }
        for day in Weekday:
            h = hours.get(day.value)
            initial[f"opens_{day.value}"] = h.opens if h else None
            initial[f"closes_{day.value}"] = h.closes if h else None
        super().__init__(*args, initial=initial, **kwargs)
        for day in Weekday:
            self.fields[f"opens_{day.value}"] = forms.TimeField(
                label=_("%(d)s — ouverture") % {"d": day.label}, required=False, widget=TIME
            )
            self.fields[f"closes_{day.value}"] = forms.TimeField(
                label=_("%(d)s — fermeture") % {"d": day.label}, required=False, widget=TIME
            )

    def clean(self):
        data = super().clean()
        for day in Weekday:
            opens, closes = data.get(f"opens_{day.value}"), data.get(f"closes_{day.value}")
            if bool(opens) != bool(closes):
                self.add_error(
                    f"closes_{day.value}",
                    _("Le %(d)s : indiquez l'ouverture et la fermeture, ou aucune des deux.")
                    % {"d": day.label},
                )
            elif opens and closes:
                try:
                    OpeningHours(
                        organization=self.org, weekday=day.value, opens=opens, closes=closes
                    ).clean()
                except ValidationError as exc:
                    self.add_error(f"closes_{day.value}", exc)
        return data

    def save(self) -> None:
        WorkSchedule.objects.update_or_create(
            organization=self.org,
            defaults={
                "easter_holiday": self.cleaned_data["easter_holiday"],
                "pause_during_breaks": self.cleaned_data["pause_during_breaks"],
            },
        )
        for day in Weekday:
            opens, closes = (
                self.cleaned_data[f"opens_{day.value}"],
                self.cleaned_data[f"closes_{day.value}"],
            )
            if opens and closes:
                OpeningHours.objects.update_or_create(
                    organization=self.org,
                    weekday=day.value,
                    defaults={"opens": opens, "closes": closes},
                )
            else:
                OpeningHours.objects.filter(organization=self.org, weekday=day.value).delete()


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["label", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}


class BreakForm(forms.ModelForm):
    class Meta:
        model = Break
        fields = ["weekday", "starts", "ends", "group", "person"]
        widgets = {"starts": TIME, "ends": TIME}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = org
        self.fields["group"].queryset = WorkGroup.objects.filter(organization=org)
        self.fields["person"].queryset = people_of(org)
        self.fields["weekday"].choices = [("", _("Tous les jours d'ouverture")), *Weekday.choices]


class WorkGroupForm(forms.ModelForm):
    class Meta:
        model = WorkGroup
        fields = ["name", "members"]

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = org
        self.fields["members"].queryset = people_of(org)
        self.fields["members"].required = False


class DeviceForm(forms.ModelForm):
    mac = forms.CharField(
        label=_("Adresse MAC"),
        required=False,
        help_text=_(
            "Ex. : a4:5e:60:12:34:56. AdGuard Home ne reconnaît l'adresse MAC que s'il est aussi le serveur DHCP."
        ),
    )
    ip = forms.CharField(
        label=_("Adresse IP"),
        required=False,
        help_text=_(
            "Ex. : 192.168.1.20 (réservez-la dans le routeur). Nécessaire pour lire les journaux."
        ),
    )

    class Meta:
        model = Device
        fields = ["name", "kind", "mac", "ip", "person", "user", "exempt"]

    def __init__(self, *args, org, **kwargs):
        from balise.accounts.models import User

        super().__init__(*args, **kwargs)
        self.instance.organization = org
        self.fields["person"].queryset = people_of(org)
        self.fields["user"].queryset = User.objects.filter(
            memberships__organization=org, memberships__is_active=True
        )
        self.fields["name"].help_text = _(
            "Un appareil personnel d'un employé n'est jamais inscrit ici."
        )

    def clean_mac(self) -> str:
        value = self.cleaned_data["mac"].strip()
        return normalize_mac(value) if value else ""

    def clean_ip(self) -> str | None:
        value = self.cleaned_data["ip"].strip()
        return normalize_ip(value) if value else None


class SocialServiceForm(forms.ModelForm):
    domains = forms.CharField(
        label=_("Domaines"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Un domaine par ligne ; ses sous-domaines sont compris."),
    )

    class Meta:
        model = SocialService
        fields = ["name", "key", "adguard_id", "domains", "is_blocked"]

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = org
        if self.instance.pk:
            self.initial["domains"] = "\n".join(self.instance.domains)

    def clean_domains(self) -> list[str]:
        domains = [
            d.strip().lower().rstrip(".")
            for d in self.cleaned_data["domains"].splitlines()
            if d.strip()
        ]
        bad = [d for d in domains if not DOMAIN_RE.match(d)]
        if bad:
            raise ValidationError(
                _("Ces lignes ne sont pas des domaines : %(d)s.") % {"d": ", ".join(bad)}
            )
        return sorted(set(domains))


class AdGuardServerForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Mot de passe"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Chiffré dans Balise. Laissez vide pour garder le mot de passe actuel."),
    )

    class Meta:
        model = AdGuardServer
        fields = ["url", "username", "password", "timeout"]

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organization = org

    def clean(self):
        data = super().clean()
        if not data.get("password") and not self.instance.password_encrypted:
            self.add_error("password", _("Indiquez le mot de passe d'AdGuard Home."))
        timeout = data.get("timeout")
        if timeout is not None and not (1 <= timeout <= 60):
            self.add_error("timeout", _("Le délai doit être entre 1 et 60 secondes."))
        return data

    def save(self, commit=True):
        if self.cleaned_data.get("password"):
            self.instance.set_password(self.cleaned_data["password"])
        return super().save(commit)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Journal DNS"))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Reconnaître automatiquement")), *LogFormat.choices],
        required=False,
    )
    year = forms.IntegerField(
        label=_("Année du journal"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_(
            "Pour dnsmasq, dont les lignes ne donnent pas l'année. Vide : l'année en cours."
        ),
    )
