"""The direction triages the web watch in Chromium: risky first, then marks a mention seen."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.browser.menu import open_menu
from tests.factories import PASSWORD


def seed(world):
    from balise.watch.models import Mention, Source

    source = Source.objects.create(
        organization=world.org,
        kind="flux",
        name="Journal de La Tuque",
        url="https://journal.example/rss",
        last_success_at=timezone.now(),
    )
    Source.objects.create(
        organization=world.org,
        kind="mastodon",
        name="Mastodon",
        url="https://mastodon.example",
        failure_count=2,
        last_failure_at=timezone.now(),
        config={"hashtags": ["cpe"]},
        last_error="Mastodon : réponse inattendue (l'API a peut-être changé) — « statuses » absent.",
    )
    now = timezone.now()
    rows = [
        ("Portes ouvertes samedi", "Le CPE Premier Pas ouvre ses portes.", "ok", [], 1),
        (
            "Plainte d'un parent",
            "Au CPE Premier Pas, la petite Léa Tremblay a été blessée <script>alert(1)</script>",
            "bloquant",
            [
                {
                    "rule": "5.ii.renseignements",
                    "article": "5 ii)",
                    "severity": "bloquant",
                    "message": "Renseignements personnels sur un enfant.",
                }
            ],
            3,
        ),
        ("Commentaire", "Le CPE 1er Pas devrait mieux payer son personnel.", "attention", [], 9),
    ]
    for n, (title, text, verdict, findings, days) in enumerate(rows):
        Mention.objects.create(
            organization=world.org,
            source=source,
            url=f"https://journal.example/{n}",
            canonical_url=f"https://journal.example/{n}",
            title=title,
            text=text,
            matched_term="CPE Premier Pas",
            verdict=verdict,
            findings=findings,
            fingerprint=f"b{n}",
            first_seen_at=now - timedelta(days=days),
        )


def test_it_triages_mentions_in_the_browser(page, live_server, sign_in, shot, world):
    seed(world)
    sign_in(page, world.director.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Veille", exact=True).first.click()
    page.wait_for_load_state()
    first = page.locator("li.mention").first
    assert "Plainte d'un parent" in first.inner_text()
    assert "Renseignements sur un enfant" in first.inner_text()
    assert page.locator("svg rect.seg-bloquant").count() == 1
    assert "<script>alert(1)</script>" in first.inner_text()  # shown as text, never run
    shot(page, "triage")

    with page.expect_navigation():
        first.get_by_role("button", name="Vu").click()
    assert "Mention marquée comme vue." in page.content()
    assert (
        "Commentaire" in page.locator("li.mention").first.inner_text()
    )  # attention before ok; the seen one last
    assert "Plainte" in page.locator("li.mention").last.inner_text()
    shot(page, "apres-vu")

    page.get_by_label("Verdict").select_option("bloquant")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert page.locator("li.mention").count() == 1
    shot(page, "filtre-bloquant")

    with page.expect_navigation():
        page.get_by_role("link", name="Sources et état").first.click()
    assert "l'API a peut-être changé" in page.locator("tr.failing").inner_text()
    shot(page, "sante-des-sources")


def test_the_direction_sets_an_alert_channel_in_the_browser(
    page, live_server, sign_in, shot, world
):
    sign_in(page, world.director.email, PASSWORD)
    page.goto(live_server.url + "/veille/")
    with page.expect_navigation():
        page.get_by_role("link", name="Alertes", exact=True).first.click()
    page.get_by_label("Nouveaux canaux (adresses Apprise)").fill("ntfy://ntfy.sh/sujet-secret-cpe")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer").click()
    assert "Canaux enregistrés." in page.content()
    assert "Canaux enregistrés : ntfy" in page.content()
    assert "sujet-secret-cpe" not in page.content()  # never shown back
    shot(page, "alertes")
