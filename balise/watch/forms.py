"""Forms of the watch: sources (one form for every kind), terms, and the triage filters."""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from balise.watch.conf import conf, split_urls
from balise.watch.models import Source, SourceKind, Verdict, WatchedTerm
from balise.watch.net import is_blocked_ip
from balise.watch.sources import adapter_for


def refuse_internal_url(url: str) -> None:
    """Refuses, at entry, URLs that plainly point inside (the fetcher checks again on each call)."""
    host = (urlsplit(url).hostname or "").lower()
    allow = conf().allow_loopback
    if (
        host in ("localhost", "localhost.localdomain")
        or host.endswith(".localhost")
        or host.endswith(".internal")
    ):
        if not allow:
            raise forms.ValidationError(
                _("Cette adresse mène à une machine interne : elle est refusée.")
            )
        return
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return
    if is_blocked_ip(ip, allow):
        raise forms.ValidationError(
            _("Cette adresse mène à une machine interne : elle est refusée.")
        )


class SourceForm(forms.ModelForm):
    url = forms.URLField(
        label=_("Adresse"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_(
            "Flux ou page : son adresse. Mastodon : l'instance. Bluesky et Reddit : laissez vide."
        ),
    )
    hashtags = forms.CharField(
        label=_("Mots-clics (Mastodon)"),
        required=False,
        help_text=_("Séparés par des virgules, sans #."),
    )
    search = forms.BooleanField(
        label=_("Utiliser aussi la recherche de l'instance (Mastodon)"), required=False
    )
    handle = forms.CharField(label=_("Identifiant Bluesky du CPE"), required=False, max_length=200)
    app_password = forms.CharField(
        label=_("Mot de passe d'application Bluesky"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Conservé chiffré. Laissez vide pour garder celui qui est enregistré."),
    )

    class Meta:
        model = Source
        fields = ["kind", "name", "url", "interval_minutes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        config = self.instance.config or {}
        self.initial.setdefault("hashtags", ", ".join(config.get("hashtags", [])))
        self.initial.setdefault("search", config.get("search", False))
        self.initial.setdefault("handle", config.get("handle", ""))

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        adapter = adapter_for(kind)
        if not data.get("url"):
            if not adapter.default_url:
                self.add_error("url", _("Indiquez l'adresse à surveiller."))
                return data
            data["url"] = adapter.default_url
        try:
            refuse_internal_url(data["url"])
        except forms.ValidationError as exc:
            self.add_error("url", exc)
        self._clean_interval(adapter, data)
        self._clean_config(adapter, data)
        if (
            adapter.needs_secret
            and not data.get("app_password")
            and not self.instance.secret_encrypted
        ):
            self.add_error("app_password", _("Le mot de passe d'application est requis."))
        return data

    def _clean_interval(self, adapter, data) -> None:
        minutes = data.get("interval_minutes") or 0
        least = int(adapter.min_interval / timedelta(minutes=1))
        if minutes < least:
            self.add_error(
                "interval_minutes",
                _("Ce type de source ne peut être interrogé plus d'une fois par %(n)s minutes.")
                % {"n": least},
            )

    def _clean_config(self, adapter, data) -> None:
        raw = {
            "hashtags": [t for t in (data.get("hashtags") or "").split(",")],
            "search": data.get("search"),
            "handle": data.get("handle") or "",
        }
        try:
            self.cleaned_config = adapter.clean_config(raw)
        except ValueError as exc:
            self.add_error(None, str(exc))

    def save(self, commit: bool = True) -> Source:
        source = super().save(commit=False)
        source.config = getattr(self, "cleaned_config", {})
        if self.cleaned_data.get("app_password"):
            source.set_secret(self.cleaned_data["app_password"])
        source.next_poll_at = None  # poll on the next tick, then on its schedule
        if commit:
            source.save()
        return source


class TermForm(forms.ModelForm):
    class Meta:
        model = WatchedTerm
        fields = ["term"]

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization

    def clean_term(self):
        from balise.watch.matching import normalize

        term = " ".join(self.cleaned_data["term"].split())
        if len(normalize(term)) < 3:
            raise forms.ValidationError(_("Un terme doit compter au moins trois lettres."))
        if WatchedTerm.objects.filter(organization=self.organization, term__iexact=term).exists():
            raise forms.ValidationError(_("Ce terme est déjà surveillé."))
        return term


class SecretTextarea(forms.Textarea):
    """A textarea that never renders a value back, not even the one just typed."""

    def format_value(self, value):
        return None


class ChannelsForm(forms.Form):
    """The CPE's Apprise channels: typed in, checked, stored encrypted, never shown back."""

    MAX = 10

    urls = forms.CharField(
        label=_("Nouveaux canaux (adresses Apprise)"),
        required=False,
        max_length=4000,
        widget=SecretTextarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_(
            "Une adresse par ligne, par exemple workflows://… (Teams), twilio://… (texto) ou "
            "ntfy://…. Elles remplacent les canaux enregistrés ; conservées chiffrées, elles ne "
            "sont jamais réaffichées."
        ),
    )
    clear = forms.BooleanField(label=_("Retirer les canaux enregistrés"), required=False)

    def clean(self):
        from balise.watch.channels import check_cpe_url

        data = super().clean()
        urls = list(dict.fromkeys(split_urls(data.get("urls") or "")))
        if not urls and not data.get("clear"):
            raise forms.ValidationError(
                _("Indiquez au moins une adresse, ou cochez « Retirer les canaux enregistrés ».")
            )
        if len(urls) > self.MAX:
            self.add_error("urls", _("Au plus %(n)s canaux.") % {"n": self.MAX})
        for url in urls:
            problem = check_cpe_url(url)
            if problem:
                self.add_error("urls", problem)
        data["urls"] = urls
        return data


class TriageFilter(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Source"), queryset=Source.objects.none(), required=False, empty_label=_("Toutes")
    )
    term = forms.ChoiceField(label=_("Terme"), required=False)
    verdict = forms.ChoiceField(
        label=_("Verdict"), required=False, choices=[("", _("Tous")), *Verdict.choices]
    )
    since = forms.DateField(
        label=_("Depuis le"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Jusqu'au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, sources=None, terms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources if sources is not None else Source.objects.none()
        self.fields["term"].choices = [("", _("Tous")), *((t, t) for t in terms)]


__all__ = ["ChannelsForm", "SourceForm", "SourceKind", "TermForm", "TriageFilter"]
