from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balise.registers.models import Person
from tests.web.registers.helpers import person_for

HEADER = "nom;courriel;catégorie;fonction;début;fin\r\n"
GOOD = (
    "Chloé Bélanger;chloe@premierpas.example;Temps plein;éducatrice;2024-08-19;\r\n"
    "Benoît Côté;benoit@conseil.example;consultant;conseiller pédagogique;2026-01-05;2026-06-30\r\n"
)


def upload(client, content: bytes, name="personnes.csv"):
    return client.post(
        reverse("registers:people_import"), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def test_it_reads_windows_1252_from_excel_and_imports_after_the_preview(client_for, world):
    client = client_for(world.director)
    preview = upload(client, (HEADER + GOOD).encode("cp1252"))
    page = preview.content.decode()
    assert "2 personnes prêtes à importer" in page and "Chloé Bélanger" in page
    assert not Person.objects.exists()  # nothing written by the preview
    rows = {"count": "2", "action": "importer"}
    for i, line in enumerate(GOOD.strip().split("\r\n")):
        for col, value in zip(
            ("nom", "courriel", "categorie", "fonction", "debut", "fin"),
            line.split(";"),
            strict=True,
        ):
            rows[f"r{i}-{col}"] = value
    response = client.post(reverse("registers:people_import"), rows)
    assert response.status_code == 302
    chloe = Person.objects.get(email="chloe@premierpas.example")
    assert (chloe.full_name, chloe.category) == ("Chloé Bélanger", "temps-plein")
    assert (
        Person.objects.get(email="benoit@conseil.example").service_end.isoformat() == "2026-06-30"
    )


def test_it_shows_each_lines_errors_and_writes_nothing(client_for, world):
    person_for(world, world.educator)
    bad = GOOD + (
        "Chloé Double;CHLOE@premierpas.example;temps plein;;2024-08-19;\r\n"
        "Dates Inversées;inverse@premierpas.example;occasionnel;;2026-05-01;2026-04-01\r\n"
        "Déjà Là;melissa@premierpas.example;temps plein;;2024-01-01;\r\n"
        "Sans Catégorie;sc@premierpas.example;stagiaire;;hier;\r\n"
    )
    page = upload(client_for(world.director), (HEADER + bad).encode("utf-8")).content.decode()
    assert "4 lignes en erreur" in page
    assert "Courriel en double : déjà à la ligne 2." in page
    assert "La fin du service (2026-04-01) précède son début (2026-05-01)." in page
    assert "melissa@premierpas.example est déjà au registre" in page
    assert (
        "Catégorie inconnue : « stagiaire »." in page
        and "Date de début invalide : « hier »" in page
    )
    assert 'value="importer"' not in page
    assert Person.objects.count() == 1


def test_it_refuses_to_import_while_a_line_is_wrong(client_for, world):
    rows = {
        "count": "1",
        "action": "importer",
        "r0-nom": "A",
        "r0-courriel": "a@x.example",
        "r0-categorie": "consultant",
        "r0-fonction": "",
        "r0-debut": "2026-05-01",
        "r0-fin": "2026-01-01",
    }
    response = client_for(world.director).post(reverse("registers:people_import"), rows)
    assert response.status_code == 200 and "1 ligne en erreur" in response.content.decode()
    assert not Person.objects.exists()


def test_it_refuses_a_file_in_a_wrong_encoding(client_for, world):
    page = upload(client_for(world.director), (HEADER + GOOD).encode("utf-16-le")).content.decode()
    assert "encodage illisible" in page
    assert not Person.objects.exists()


def test_it_refuses_accents_converted_twice(client_for, world):
    double = (HEADER + GOOD).encode("utf-8").decode("cp1252").encode("utf-8")
    page = upload(client_for(world.director), double).content.decode()
    assert "Les accents du fichier sont abîmés" in page


def test_it_refuses_an_excel_workbook(client_for, world):
    page = upload(
        client_for(world.director), b"PK\x03\x04rest-of-a-zip", name="personnes.xlsx"
    ).content.decode()
    assert "Ce fichier est un classeur Excel, pas un CSV." in page


def test_it_names_missing_columns(client_for, world):
    page = upload(client_for(world.director), b"nom,courriel\nA,a@x.example\n").content.decode()
    assert "Colonnes manquantes dans la première ligne : categorie, debut." in page
