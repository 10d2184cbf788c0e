"""The check form: the draft, its files and the context questions the engine cannot guess."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO_UNKNOWN = [("", _("Je ne sais pas")), ("oui", _("Oui")), ("non", _("Non"))]
DEVICES = [("personnel", _("Mon appareil personnel")), ("cpe", _("Un appareil du CPE"))]
ACCOUNTS = [
    ("personnel", _("Mon compte personnel")),
    ("officiel", _("La page officielle du CPE")),
    ("interne", _("Usage interne au CPE (pas sur les médias sociaux)")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the service (size, content)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/*,video/*", "multiple": True})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Le texte de votre publication"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 7, "autocomplete": "off", "spellcheck": "true"}),
        help_text=_("Collez ou écrivez le texte tel que vous le publieriez."),
    )
    media = MultipleFileField(
        label=_("Ajouter des photos ou une vidéo"),
        required=False,
        help_text=_("Photos jusqu'à 20 Mo, vidéo jusqu'à 100 Mo, 6 fichiers au plus."),
    )
    on_break = forms.ChoiceField(
        label=_("Êtes-vous en pause?"), choices=YES_NO_UNKNOWN, required=False
    )
    on_shift = forms.ChoiceField(
        label=_("Êtes-vous au travail (pendant votre horaire)?"),
        choices=YES_NO_UNKNOWN,
        required=False,
    )
    children_present = forms.ChoiceField(
        label=_("Des enfants sont-ils avec vous?"), choices=YES_NO_UNKNOWN, required=False
    )
    device = forms.ChoiceField(label=_("Avec quel appareil?"), choices=DEVICES, required=False)
    account = forms.ChoiceField(
        label=_("Sur quel compte?"),
        choices=ACCOUNTS,
        required=False,
        help_text=_("Le consentement d'une personne photographiée doit couvrir ce canal."),
    )
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def clean_text(self) -> str:
        from balise.engine import MAX_TEXT_CHARS  # lazily: the engine loads the French pipeline

        text = self.cleaned_data["text"]
        if len(text) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                _(
                    "Votre texte compte %(n)s caractères; la limite est de %(max)s. Vérifiez-le en "
                    "plusieurs parties : votre texte est resté dans la boîte."
                ),
                params={
                    "n": f"{len(text):,}".replace(",", " "),
                    "max": f"{MAX_TEXT_CHARS:,}".replace(",", " "),
                },
            )
        return text

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("text") or "").strip() and not data.get("media"):
            self.add_error(
                "text",
                _(
                    "Votre publication est vide : écrivez ou collez son texte, ou ajoutez une photo ou une vidéo."
                ),
            )
        return data

    def answers(self) -> dict:
        keys = ("on_break", "on_shift", "children_present", "device", "account")
        return {k: self.cleaned_data.get(k) for k in keys}


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nom du jeton"),
        max_length=80,
        help_text=_("Pour vous souvenir où il sert, par exemple « Mon téléphone »."),
    )


def who_answers(post, files) -> dict:
    """Returns the "who is in this photo?" answers of a submitted check, per file (media_key):
    `qui-<key>` are the roster ids ticked, `garder-<key>` the face numbers marked as theirs."""
    from balise.checks.services import Who, media_key

    def numbers(name: str) -> frozenset[int]:
        return frozenset(int(v) for v in post.getlist(name)[:500] if v.isdigit() and len(v) < 10)

    answers = {}
    for upload in files:
        key = media_key(upload)
        who = Who(people=numbers(f"qui-{key}"), faces=numbers(f"garder-{key}"))
        if who.people or who.faces:
            answers[key] = who
    return answers
