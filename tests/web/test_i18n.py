"""French by default, English on request (the footer's language switcher), and an English
catalog with nothing left untranslated.

After changing UI text, run `make messages` and translate the new entries in
balise/locale/en/LC_MESSAGES/django.po: the last test here fails until you do.
"""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

LOCALE = Path(settings.BASE_DIR) / "balise" / "locale"


def choose(client, language: str, next_url: str):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


@pytest.mark.django_db
def test_the_sign_in_page_is_in_french_by_default(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="fr-ca">' in page
    assert "Connexion" in page
    assert "Mot de passe oublié?" in page
    # The switcher is in the footer, with a label and a button, without JavaScript.
    assert 'action="/i18n/setlang/"' in page
    assert '<label for="choix-langue">Langue</label>' in page
    assert '<option value="en" lang="en">English</option>' in page
    assert "Changer de langue</button>" in page


@pytest.mark.django_db
def test_the_sign_in_page_switches_to_english(client):
    login = reverse("accounts:login")
    response = choose(client, "en", login)
    assert response.status_code == 302
    assert response["Location"] == login

    page = client.get(login).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Sign in</h1>" in page
    assert "Forgot your password?" in page
    assert "Skip to content" in page
    assert "Mot de passe oublié" not in page
    assert '<label for="choix-langue">Language</label>' in page
    assert '<option value="fr-ca" lang="fr-ca">Français</option>' in page


@pytest.mark.django_db
def test_the_signed_in_home_page_is_in_english_after_choosing_it(client_for, world):
    client = client_for(world.educator)
    home = reverse("core:home")
    assert "Lire le code" in client.get(home).content.decode()

    choose(client, "en", home)
    page = client.get(home).content.decode()
    assert "Hello Mélissa Lapointe" in page
    assert "Read the code" in page
    assert "Sign out" in page
    assert "Lire le code" not in page

    choose(client, "fr-ca", home)
    assert "Lire le code" in client.get(home).content.decode()


def read_po(path: Path) -> list[dict]:
    """Returns the entries of a .po file (msgid, msgid_plural, msgstr list, flags, obsolete)."""
    entries: list[dict] = []
    entry: dict = {}
    field = None

    def close():
        if "msgid" in entry:
            entries.append(entry.copy())
        entry.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            close()
            field = None
        elif line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += text
            else:
                entry[field] += text
        else:
            keyword, _, value = line.partition(" ")
            text = ast.literal_eval(value)
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry.setdefault("msgstr", []).append(text)
            else:
                if "msgstr" in entry:  # a new entry without a blank line between
                    close()
                field = keyword
                entry[keyword] = text
    close()
    return entries


def test_the_english_catalog_translates_every_string():
    po = LOCALE / "en" / "LC_MESSAGES" / "django.po"
    entries = [e for e in read_po(po) if e.get("msgid") and not e.get("obsolete")]
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e.get("msgstr", [""]))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e.get("flags", ())]
    assert not untranslated, f"Untranslated in {po} (run `make messages`): {untranslated[:10]}"
    assert not fuzzy, f"Fuzzy in {po}: {fuzzy[:10]}"


def test_the_compiled_catalogs_match_the_po_files():
    """The .mo files are kept in the repository: they must hold what the .po files say."""
    for lang in ("en", "fr_CA"):
        folder = LOCALE / lang / "LC_MESSAGES"
        with open(folder / "django.mo", "rb") as mo:
            compiled = gettext.GNUTranslations(mo)._catalog
        for e in read_po(folder / "django.po"):
            if not e.get("msgid") or e.get("obsolete") or "fuzzy" in e.get("flags", ()):
                continue
            key = (e["msgctxt"] + "\x04" if "msgctxt" in e else "") + e["msgid"]
            if "msgid_plural" in e:
                for i, text in enumerate(e["msgstr"]):
                    if text:
                        assert compiled.get((key, i)) == text, f"{folder}: run `make messages`"
            elif e["msgstr"][0]:
                assert compiled.get(key) == e["msgstr"][0], (
                    f"{folder}: {key!r}: run `make messages`"
                )


def test_french_plural_forms_keep_zero_singular():
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("fr-ca"):
        assert ngettext("%(n)s visage", "%(n)s visages", 0) % {"n": 0} == "0 visage"
        assert ngettext("%(n)s visage", "%(n)s visages", 2) % {"n": 2} == "2 visages"
    with translation.override("en"):
        assert ngettext("%(n)s visage", "%(n)s visages", 0) % {"n": 0} == "0 faces"
        assert ngettext("%(n)s visage", "%(n)s visages", 1) % {"n": 1} == "1 face"


def test_the_french_catalog_gives_both_plural_forms():
    """Without them, French would fall back to English's rule and say "0 visages"."""
    po = LOCALE / "fr_CA" / "LC_MESSAGES" / "django.po"
    entries = read_po(po)
    assert "plural=(n > 1)" in entries[0]["msgstr"][0]
    missing = [
        e["msgid"]
        for e in entries
        if "msgid_plural" in e and not e.get("obsolete") and not all(e["msgstr"])
    ]
    assert not missing, f"Fill msgstr[0] (singular) and msgstr[1] (plural) in {po}: {missing}"


@pytest.mark.django_db
def test_it_stays_in_french_for_a_browser_set_to_english(client):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = page.content.decode()
    assert "Se connecter" in body
    assert "Sign in" not in body
