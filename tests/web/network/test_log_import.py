"""Importing DNS logs: AdGuard Home, Pi-hole, dnsmasq, Squid; the report and its refusals."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from html import unescape

import pytest
from django.urls import reverse

from balise.network.logimport import run_import
from balise.network.models import LogImport

# Monday 2025-03-10 at the CPE (EDT, UTC-4). Laptop = 192.168.1.20 (Mélissa), tablet = .21.
WORK = "2025-03-10T09:15:00.123456789-04:00"  # on shift
LUNCH = "2025-03-10T12:10:00-04:00"  # everyone's break
EVENING = "2025-03-10T19:30:00-04:00"  # after closing
GUEST = "192.168.50.77"

# Pi-hole's long-term database, table `queries` as FTL created it (v5, before the view).
PIHOLE_SCHEMA = """
CREATE TABLE queries ( id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp INTEGER NOT NULL, type INTEGER NOT NULL,
  status INTEGER NOT NULL, domain TEXT NOT NULL, client TEXT NOT NULL, forward TEXT, additional_info TEXT,
  reply_type INTEGER, reply_time REAL, dnssec INTEGER );
CREATE TABLE ftl ( id INTEGER PRIMARY KEY NOT NULL, value BLOB NOT NULL );
CREATE INDEX idx_queries_timestamps ON queries (timestamp);
"""


def aglog(at: str, domain: str, ip: str) -> str:
    return json.dumps(
        {
            "T": at,
            "QH": domain,
            "QT": "A",
            "QC": "IN",
            "CP": "",
            "Upstream": "https://dns10.quad9.net/dns-query",
            "Answer": "",
            "IP": ip,
            "Result": {},
            "Elapsed": 183000,
        },
        separators=(",", ":"),
    )


def write(tmp_path, name: str, lines: list[str]):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def findings(log: LogImport) -> set[tuple]:
    return {(f.device_name, f.kind, f.label, f.count) for f in log.findings.all()}


def test_it_reports_social_media_during_work_outside_breaks(cpe, tmp_path):
    path = write(
        tmp_path,
        "querylog.json",
        [
            aglog(WORK, "www.facebook.com", "192.168.1.20"),
            aglog(WORK, "static.xx.fbcdn.net", "192.168.1.20"),
            aglog(LUNCH, "www.instagram.com", "192.168.1.20"),  # break: allowed by 5 vii
            aglog(EVENING, "www.tiktok.com", "192.168.1.21"),  # after work
            aglog(WORK, "www.tiktok.com", "192.168.1.21"),
            aglog(WORK, "www.lapresse.ca", "192.168.1.20"),  # not social media
        ],
    )
    log = run_import(cpe.org, path, filename="querylog.json", kind="adguard")
    assert findings(log) == {
        ("Portable pouponnière", "social", "Facebook", 2),
        ("Tablette 1", "social", "TikTok", 1),
    }
    assert (log.lines, log.queries, log.cpe_queries, log.error_count) == (6, 6, 6, 0)


def test_it_drops_the_guest_network_and_says_how_many(cpe, tmp_path, client_for):
    path = write(
        tmp_path,
        "querylog.json",
        [
            aglog(WORK, "www.facebook.com", GUEST),
            aglog(WORK, "www.instagram.com", GUEST),
            aglog(WORK, "www.snapchat.com", "192.168.50.78"),
            aglog(WORK, "www.facebook.com", "192.168.1.20"),
        ],
    )
    log = run_import(cpe.org, path, filename="querylog.json", kind="adguard")
    assert (log.dropped_queries, log.dropped_clients, log.cpe_queries) == (3, 2, 1)
    assert findings(log) == {("Portable pouponnière", "social", "Facebook", 1)}
    page = unescape(
        client_for(cpe.it).get(reverse("network:import_detail", args=[log.pk])).content.decode()
    )
    assert (
        "3 recherches de 2 appareils inconnus (réseau invités, appareils personnels) écartées"
        in page
    )


def test_it_reports_downloads_of_apps_and_games_at_any_time(cpe, tmp_path):
    path = write(
        tmp_path,
        "querylog.json",
        [
            aglog(EVENING, "play.google.com", "192.168.1.21"),
            aglog(LUNCH, "store.steampowered.com", "192.168.1.20"),
            aglog(WORK, "www.roblox.com", "192.168.1.20"),
        ],
    )
    log = run_import(cpe.org, path, filename="q.json", kind="adguard")
    assert findings(log) == {
        ("Tablette 1", "telechargement", "Google Play", 1),
        ("Portable pouponnière", "telechargement", "Steam", 1),
        ("Portable pouponnière", "telechargement", "Roblox", 1),
    }


def test_it_imports_a_pihole_database(cpe, tmp_path):
    path = tmp_path / "pihole-FTL.db"
    db = sqlite3.connect(path)
    db.executescript(PIHOLE_SCHEMA)
    at = int(datetime(2025, 3, 10, 14, 0, tzinfo=UTC).timestamp())  # 10:00 at the CPE
    db.executemany(
        "INSERT INTO queries (timestamp, type, status, domain, client, forward, reply_type, reply_time, dnssec) "
        "VALUES (?, 1, 2, ?, ?, '9.9.9.9#53', 4, 0.012, 0)",
        [
            (at, "www.reddit.com", "192.168.1.20"),
            (at + 60, "i.redd.it", "192.168.1.20"),
            (at + 120, "www.reddit.com", GUEST),
            (at + 180, "apps.apple.com", "192.168.1.21"),
        ],
    )
    db.commit()
    db.close()
    log = run_import(cpe.org, path, filename="pihole-FTL.db", kind="pihole")
    assert findings(log) == {
        ("Portable pouponnière", "social", "Reddit", 2),
        ("Tablette 1", "telechargement", "App Store", 1),
    }
    assert log.dropped_queries == 1


def test_it_refuses_a_broken_pihole_database_clearly(cpe, tmp_path):
    path = tmp_path / "pihole-FTL.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    log = run_import(cpe.org, path, filename="pihole-FTL.db", kind="pihole")
    assert log.errors == [[0, "la base Pi-hole est illisible ou n'a pas de table « queries »"]]


def test_it_imports_dnsmasq_lines_in_local_time(cpe, tmp_path):
    path = write(
        tmp_path,
        "dnsmasq.log",
        [
            "Mar 10 09:15:02 dnsmasq[812]: query[A] www.youtube.com from 192.168.1.20",
            "Mar 10 09:15:02 dnsmasq[812]: forwarded www.youtube.com to 9.9.9.9",
            "Mar 10 09:15:02 dnsmasq[812]: reply www.youtube.com is 142.250.65.78",
            "Mar 10 12:05:00 dnsmasq[812]: query[AAAA] www.youtube.com from 192.168.1.20",  # lunch
            "Mar 10 18:30:00 routeur dnsmasq[812]: 41 192.168.1.21/53110 query[A] discord.com from 192.168.1.21",
        ],
    )
    log = run_import(cpe.org, path, filename="dnsmasq.log", kind="dnsmasq", year=2025)
    assert findings(log) == {("Portable pouponnière", "social", "YouTube", 1)}
    assert (log.queries, log.ignored_lines) == (3, 2)


def test_it_imports_proxy_urls_of_executables(cpe, tmp_path):
    path = write(
        tmp_path,
        "access.log",
        [
            "1741612500.123    456 192.168.1.21 TCP_MISS/200 5242880 GET http://dl.example.com/jeux/setup.exe - HIER_DIRECT/1.2.3.4 application/octet-stream",
            "1741612560.000     12 192.168.1.21 TCP_MISS/200 1200 GET http://www.example.com/menu.pdf - HIER_DIRECT/1.2.3.4 application/pdf",
            "1741612600.000     12 192.168.1.21 TCP_TUNNEL/200 0 CONNECT www.facebook.com:443 - HIER_DIRECT/157.240.1.35 -",
        ],
    )
    log = run_import(cpe.org, path, filename="access.log", kind="squid")
    assert findings(log) == {
        ("Tablette 1", "telechargement", "setup.exe", 1),
        ("Tablette 1", "social", "Facebook", 1),
    }


def test_it_imports_partially_and_names_the_refused_lines(cpe, tmp_path, client_for):
    path = write(
        tmp_path,
        "querylog.json",
        [
            aglog(WORK, "www.facebook.com", "192.168.1.20"),
            aglog(WORK, "www.facebook.com", "192.168.1.20")[:40],  # truncated
            "Mar 10 09:15:02 dnsmasq[812]: query[A] www.youtube.com from 192.168.1.20",  # another format
            json.dumps({"T": WORK, "IP": "192.168.1.20"}),  # no domain
            aglog(WORK, "www.facebook.com", "192.168.1.20"),
        ],
    )
    log = run_import(cpe.org, path, filename="querylog.json", kind="adguard")
    assert log.errors == [
        [2, "ligne tronquée ou JSON invalide"],
        [3, "format différent : une ligne dnsmasq dans un journal AdGuard Home"],
        [4, "champ T (heure) ou QH (domaine) manquant ou invalide"],
    ]
    assert findings(log) == {("Portable pouponnière", "social", "Facebook", 2)}
    page = unescape(
        client_for(cpe.it).get(reverse("network:import_detail", args=[log.pk])).content.decode()
    )
    assert "Importation partielle : 3 lignes refusées." in page
    assert "Ligne 3 : format différent : une ligne dnsmasq dans un journal AdGuard Home" in page


def test_it_uploads_a_log_and_detects_its_format(cpe, client_for, tmp_path):
    content = "\n".join(
        [aglog(WORK, "www.facebook.com", "192.168.1.20"), aglog(WORK, "x.com", GUEST)]
    ).encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(cpe.it).post(
        reverse("network:imports"),
        {"file": SimpleUploadedFile("querylog.json", content), "format": "", "year": ""},
    )
    log = LogImport.objects.get(organization=cpe.org)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:import_detail", args=[log.pk])
    assert (log.format, log.dropped_queries) == ("adguard", 1)


def test_it_refuses_an_unknown_log_format(cpe, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(cpe.it).post(
        reverse("network:imports"),
        {"file": SimpleUploadedFile("notes.txt", b"Bonjour, ceci n'est pas un journal\n")},
    )
    assert response.status_code == 400
    assert "Format de journal non reconnu" in unescape(response.content.decode())
    assert not LogImport.objects.exists()


def test_it_keeps_the_direction_from_importing(cpe, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(cpe.director).post(
        reverse("network:imports"),
        {"file": SimpleUploadedFile("q.json", aglog(WORK, "x.com", GUEST).encode())},
    )
    assert response.status_code == 403


def test_it_draws_a_weekly_chart_and_offers_csv_and_pdf(cpe, tmp_path, client_for):
    path = write(
        tmp_path,
        "querylog.json",
        [
            aglog(WORK, "www.facebook.com", "192.168.1.20"),
            aglog("2025-03-18T10:00:00-04:00", "www.facebook.com", "192.168.1.20"),
            aglog("2025-03-18T10:01:00-04:00", "play.google.com", "192.168.1.20"),
        ],
    )
    log = run_import(cpe.org, path, filename="querylog.json", kind="adguard")
    client = client_for(cpe.director)
    svg = unescape(
        client.get(reverse("network:import_download", args=[log.pk, "svg"])).content.decode()
    )
    assert svg.count("<rect") == 4 + 2  # two weeks × two bars, and the legend
    assert "2025-03-17 · téléchargements : 1" in svg
    csv_text = client.get(reverse("network:import_download", args=[log.pk, "csv"])).content.decode(
        "utf-8-sig"
    )
    assert (
        "2025-03-10,Portable pouponnière,Médias sociaux pendant le travail (5 vii),Facebook,1"
        in csv_text
    )
    pdf = client.get(reverse("network:import_download", args=[log.pk, "pdf"])).content
    assert pdf.startswith(b"%PDF-")


@pytest.mark.skipif("not __import__('django.apps').apps.apps.is_installed('balise.cases')")
def test_it_attaches_the_report_to_a_breach_file(cpe, tmp_path, client_for):
    from balise.cases.models import BreachFile, Evidence

    file = BreachFile.objects.create(
        organization=cpe.org,
        title="Médias sociaux pendant le travail",
        learned_on=date(2025, 3, 11),
    )
    log = run_import(
        cpe.org,
        write(tmp_path, "q.json", [aglog(WORK, "www.facebook.com", "192.168.1.20")]),
        filename="q.json",
        kind="adguard",
    )
    response = client_for(cpe.director).post(
        reverse("network:import_attach", args=[log.pk]), {"file": file.pk}
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get(file=file)
    assert evidence.content_type == "application/pdf"
    assert evidence.name == f"rapport-dns-{log.pk}.pdf"
