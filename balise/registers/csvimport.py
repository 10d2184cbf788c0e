"""Importing people from a CSV file: decode, read, check each line, then write all or nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from balise.registers.crypto import normalize_name
from balise.registers.models import Category, Person

COLUMNS = ("nom", "courriel", "categorie", "fonction", "debut", "fin")
HEADER_ALIASES = {
    "nom": "nom",
    "nom complet": "nom",
    "name": "nom",
    "courriel": "courriel",
    "email": "courriel",
    "e mail": "courriel",
    "adresse courriel": "courriel",
    "categorie": "categorie",
    "category": "categorie",
    "statut": "categorie",
    "fonction": "fonction",
    "poste": "fonction",
    "titre": "fonction",
    "job title": "fonction",
    "debut": "debut",
    "debut du service": "debut",
    "date de debut": "debut",
    "start": "debut",
    "fin": "fin",
    "fin du service": "fin",
    "date de fin": "fin",
    "end": "fin",
}
CATEGORY_WORDS = {
    "temps plein": Category.FULL_TIME,
    "plein": Category.FULL_TIME,
    "temps partiel": Category.PART_TIME,
    "partiel": Category.PART_TIME,
    "occasionnel": Category.OCCASIONAL,
    "occasionnelle": Category.OCCASIONAL,
    "temporaire": Category.TEMPORARY,
    "consultant": Category.CONSULTANT,
    "consultante": Category.CONSULTANT,
    "travailleur autonome": Category.FREELANCER,
    "travailleuse autonome": Category.FREELANCER,
    "autonome": Category.FREELANCER,
    "sous traitant": Category.SUBCONTRACTOR,
    "sous traitante": Category.SUBCONTRACTOR,
}
MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u2018-\u203a€]")


class ImportFileError(ValueError):
    """The file as a whole cannot be read; str() is a French message."""


@dataclass
class Line:
    number: int  # line number in the file (the header is line 1)
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    cleaned: dict | None = None


def decode(data: bytes) -> str:
    """Returns the file's text: UTF-8 (with or without BOM) or Windows-1252, as Excel saves it."""
    if not data.strip():
        raise ImportFileError(_("Le fichier est vide."))
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ImportFileError(
            _(
                "Ce fichier est un classeur Excel, pas un CSV. Dans Excel : Fichier › Enregistrer sous › « CSV (séparateur : point-virgule) »."
            )
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise ImportFileError(
            _(
                "Ce fichier n'est pas un fichier texte CSV (encodage illisible). Enregistrez-le en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) »."
            )
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    _(
                        "L'encodage du fichier n'est ni UTF-8 ni Windows-1252 (octet illisible à la position %(pos)s). Enregistrez-le en « CSV UTF-8 »."
                    )
                    % {"pos": exc.start}
                ) from exc
    if MOJIBAKE.search(text):
        raise ImportFileError(
            _(
                "Les accents du fichier sont abîmés (par exemple « Ã© » au lieu de « é ») : il a été converti deux fois. Réenregistrez-le depuis Excel en « CSV UTF-8 »."
            )
        )
    return text


def header_key(label: str) -> str | None:
    return HEADER_ALIASES.get(normalize_name(label))


def read_lines(text: str) -> list[Line]:
    """Returns the file's lines as dictionaries keyed by COLUMNS; raises for an unusable header."""
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = (
        ";"
        if first.count(";") >= first.count(",") and ";" in first
        else ("\t" if "\t" in first else ",")
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    keys = [header_key(h) for h in rows[0]]
    missing = [c for c in ("nom", "courriel", "categorie", "debut") if c not in keys]
    if missing:
        raise ImportFileError(
            _(
                "Colonnes manquantes dans la première ligne : %(cols)s. Colonnes attendues : %(all)s."
            )
            % {"cols": ", ".join(missing), "all": "; ".join(COLUMNS)}
        )
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {c: "" for c in COLUMNS}
        for key, cell in zip(keys, row, strict=False):
            if key:
                values[key] = cell.strip()
        lines.append(Line(number, values))
    if not lines:
        raise ImportFileError(_("Le fichier ne contient aucune personne sous la ligne des titres."))
    return lines


def parse_date(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def parse_category(value: str) -> str | None:
    key = normalize_name(value)
    if key in Category.values:
        return key
    for word, category in CATEGORY_WORDS.items():
        if key == word or key.endswith(" " + word) or key.replace("employe a ", "") == word:
            return category
    for choice in Category:
        if normalize_name(str(choice.label)) == key:
            return choice.value
    return None


def check_line(line: Line, org, seen: dict[str, int]) -> None:
    """Fills line.errors (French) or line.cleaned."""
    v, errors = line.values, line.errors
    if not v["nom"]:
        errors.append(_("Le nom est obligatoire."))
    email = v["courriel"].lower()
    try:
        validate_email(email)
    except ValidationError:
        errors.append(_("Courriel invalide : « %(v)s ».") % {"v": v["courriel"]})
    else:
        if email in seen:
            errors.append(_("Courriel en double : déjà à la ligne %(n)s.") % {"n": seen[email]})
        elif Person.objects.filter(organization=org, email__iexact=email).exists():
            errors.append(
                _("%(e)s est déjà au registre : modifiez sa fiche plutôt.") % {"e": email}
            )
        seen.setdefault(email, line.number)
    category = parse_category(v["categorie"])
    if category is None:
        errors.append(_("Catégorie inconnue : « %(v)s ».") % {"v": v["categorie"]})
    start = end = None
    try:
        start = parse_date(v["debut"])
    except ValueError:
        errors.append(_("Date de début invalide : « %(v)s » (AAAA-MM-JJ).") % {"v": v["debut"]})
    if v["fin"]:
        try:
            end = parse_date(v["fin"])
        except ValueError:
            errors.append(_("Date de fin invalide : « %(v)s » (AAAA-MM-JJ).") % {"v": v["fin"]})
    if start and end and end < start:
        errors.append(
            _("La fin du service (%(end)s) précède son début (%(start)s).")
            % {"end": end.isoformat(), "start": start.isoformat()}
        )
    if not errors:
        line.cleaned = {
            "full_name": v["nom"],
            "email": email,
            "category": category,
            "job_title": v["fonction"],
            "service_start": start,
            "service_end": end,
        }


def check_lines(lines: list[Line], org) -> list[Line]:
    seen: dict[str, int] = {}
    for line in lines:
        line.errors.clear()
        check_line(line, org, seen)
    return lines


@transaction.atomic
def write_lines(lines: list[Line], org, *, by) -> list[Person]:
    """Creates every person, or none: refuses when any line has an error."""
    from balise.registers.services import save_person

    if any(line.errors or line.cleaned is None for line in lines):
        raise ImportFileError(
            _("Corrigez les lignes en erreur avant d'importer : rien n'a été enregistré.")
        )
    return [save_person(Person(organization=org, **line.cleaned), by=by) for line in lines]


def export_csv(org) -> str:
    """Returns the register as CSV (semicolon, for Excel in French), in the import's columns."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(COLUMNS)
    for p in Person.objects.filter(organization=org).order_by("full_name"):
        writer.writerow(
            [
                p.full_name,
                p.email,
                p.category,
                p.job_title,
                p.service_start.isoformat(),
                p.service_end.isoformat() if p.service_end else "",
            ]
        )
    return out.getvalue()
