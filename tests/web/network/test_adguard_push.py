"""AdGuard Home: the desired clients, the diff, the push, the read-back and every refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from unittest import mock

import pytest

from balise.network import enforcement
from balise.network.enforcement import CLIENT_PREFIX, DAY_MS, PushRefused
from balise.network.rules import build_plan

# Monday 2025-03-10, 9:00 at the CPE: the week pushed runs Monday to Sunday.
MONDAY = datetime(2025, 3, 10, 13, 0, tzinfo=UTC)
LAPTOP = CLIENT_PREFIX + "Portable pouponnière"
H = 3600 * 1000


def preview_and_push(server, at=MONDAY, by=None):
    plan = build_plan(server.organization, at=at)
    preview = enforcement.preview(server, plan)
    return preview, enforcement.push(server, plan, expected=preview.fingerprint, by=by)


def test_it_blocks_social_services_on_the_cpe_devices_on_the_schedule(
    adguard_server, fake_adguard, cpe
):
    preview, (changes, mismatches) = preview_and_push(adguard_server, by=cpe.it)
    assert [c.action for c in preview.changes] == ["ajout", "ajout"]
    assert mismatches == []
    laptop = fake_adguard.client(LAPTOP)
    assert laptop["ids"] == ["a4:5e:60:12:34:56", "192.168.1.20"]
    assert {"facebook", "instagram", "tiktok", "twitter", "youtube"} <= set(
        laptop["blocked_services"]
    )
    assert laptop["use_global_blocked_services"] is False
    schedule = laptop["blocked_services_schedule"]
    assert schedule["time_zone"] == "America/Toronto"
    assert schedule["mon"] == {"start": 18 * H, "end": DAY_MS}  # paused from closing to midnight
    assert schedule["sat"] == {"start": 0, "end": DAY_MS}  # closed: paused all day


def test_it_leaves_the_rest_of_the_network_untouched(adguard_server, fake_adguard, cpe):
    fake_adguard.clients.append(
        {
            "name": "Téléviseur salle du personnel",
            "ids": ["192.168.1.90"],
            "blocked_services": [],
            "use_global_blocked_services": True,
        }
    )
    preview_and_push(adguard_server)
    assert fake_adguard.client("Téléviseur salle du personnel")["blocked_services"] == []
    assert fake_adguard.access["blocked_hosts"] == ["version.bind"]


def test_it_pauses_all_day_on_a_statutory_holiday_of_the_coming_week(
    adguard_server, fake_adguard, cpe
):
    # Week from Monday 2025-06-23: Tuesday the 24th is the Fête nationale.
    preview_and_push(adguard_server, at=datetime(2025, 6, 23, 13, tzinfo=UTC))
    schedule = fake_adguard.client(LAPTOP)["blocked_services_schedule"]
    assert schedule["tue"] == {"start": 0, "end": DAY_MS}
    assert schedule["wed"] == {"start": 18 * H, "end": DAY_MS}


def test_it_pauses_during_the_one_break_when_the_cpe_chose_so(adguard_server, fake_adguard, cpe):
    from balise.network.models import WorkSchedule

    WorkSchedule.objects.update_or_create(
        organization=cpe.org, defaults={"pause_during_breaks": True}
    )
    preview_and_push(adguard_server)
    schedule = fake_adguard.client(LAPTOP)["blocked_services_schedule"]
    assert schedule["mon"] == {"start": 12 * H, "end": 12 * H + 30 * 60000}


def test_it_says_what_adguard_cannot_express_with_two_breaks(adguard_server, fake_adguard, cpe):
    from balise.network.models import Break, WorkSchedule

    WorkSchedule.objects.update_or_create(
        organization=cpe.org, defaults={"pause_during_breaks": True}
    )
    Break.objects.create(organization=cpe.org, weekday=2, starts=time(15), ends=time(15, 15))
    preview, _ = preview_and_push(adguard_server)
    schedule = fake_adguard.client(LAPTOP)["blocked_services_schedule"]
    assert schedule["wed"] == {
        "start": 18 * H,
        "end": DAY_MS,
    }  # blocking stays on during both breaks
    assert any(
        "2025-03-12 : 2 pauses" in n and "une plage de pause par jour" in n for n in preview.notes
    )


def test_it_shows_a_diff_and_then_nothing_left_to_change(adguard_server, fake_adguard, cpe):
    preview_and_push(adguard_server)
    cpe.tablet.ip = "192.168.1.31"
    cpe.tablet.save()
    preview = enforcement.preview(adguard_server, build_plan(cpe.org, at=MONDAY))
    assert [(c.action, c.name, [f[0] for f in c.fields]) for c in preview.changes] == [
        ("modification", CLIENT_PREFIX + "Tablette 1", ["ids"])
    ]
    assert preview.changes[0].fields[0][1:] == (["192.168.1.21"], ["192.168.1.31"])
    preview_and_push(adguard_server)
    assert enforcement.preview(adguard_server, build_plan(cpe.org, at=MONDAY)).changes == []


def test_it_removes_the_client_of_a_device_taken_out_of_the_inventory(
    adguard_server, fake_adguard, cpe
):
    preview_and_push(adguard_server)
    cpe.tablet.delete()
    preview, _ = preview_and_push(adguard_server)
    assert [(c.action, c.name) for c in preview.changes] == [
        ("suppression", CLIENT_PREFIX + "Tablette 1")
    ]
    assert fake_adguard.client(CLIENT_PREFIX + "Tablette 1") is None


def test_it_refuses_a_wrong_password_and_pushes_nothing(adguard_server, fake_adguard, cpe):
    adguard_server.set_password("mauvais")
    with pytest.raises(PushRefused, match="refuse l'utilisateur ou le mot de passe"):
        enforcement.push(adguard_server, build_plan(cpe.org, at=MONDAY), expected="x", by=cpe.it)
    assert fake_adguard.writes == []
    assert fake_adguard.clients == []


def test_it_reports_a_timeout_and_pushes_nothing(adguard_server, fake_adguard, cpe):
    adguard_server.timeout = 0.3
    fake_adguard.delay = 0.6
    with pytest.raises(PushRefused, match="n'a pas répondu dans les 0.3 secondes"):
        enforcement.push(adguard_server, build_plan(cpe.org, at=MONDAY), expected="x", by=cpe.it)
    assert fake_adguard.clients == []


def test_it_refuses_a_version_without_scheduled_blocking(adguard_server, fake_adguard, cpe):
    from balise.network.models import Push

    fake_adguard.old_version = True
    with pytest.raises(
        PushRefused, match=r"\(v0.107.30\) ne sait pas bloquer des services selon un horaire"
    ):
        enforcement.push(adguard_server, build_plan(cpe.org, at=MONDAY), expected="x", by=cpe.it)
    assert fake_adguard.writes == []
    assert Push.objects.get().status == "refuse"


def test_it_refuses_when_adguard_changed_since_the_preview(adguard_server, fake_adguard, cpe):
    plan = build_plan(cpe.org, at=MONDAY)
    preview = enforcement.preview(adguard_server, plan)
    fake_adguard.clients.append({"name": CLIENT_PREFIX + "Ancien", "ids": ["10.0.0.9"]})
    with pytest.raises(PushRefused, match="a changé depuis l'aperçu"):
        enforcement.push(adguard_server, plan, expected=preview.fingerprint, by=cpe.it)
    assert fake_adguard.writes == []


def test_it_pushes_nothing_when_a_service_id_is_unknown_to_the_server(
    adguard_server, fake_adguard, cpe
):
    from balise.network.models import SocialService

    build_plan(cpe.org)  # installs the default services
    SocialService.objects.filter(organization=cpe.org, key="threads").update(adguard_id="threads")
    plan = build_plan(cpe.org, at=MONDAY)
    preview = enforcement.preview(adguard_server, plan)
    assert any("Services inconnus de cet AdGuard Home : threads" in e for e in preview.errors)
    with pytest.raises(PushRefused, match="Rien n'a été poussé"):
        enforcement.push(adguard_server, plan, expected=preview.fingerprint, by=cpe.it)
    assert fake_adguard.writes == []


def test_it_undoes_what_was_applied_when_the_server_fails_midway(adguard_server, fake_adguard, cpe):
    fake_adguard.fail_path = "/control/access/set"
    # Mélissa's access is withdrawn, so the access list changes last, after both clients are added.
    with mock.patch(
        "balise.network.rules.withdrawals", return_value={cpe.melissa.pk: date(2025, 3, 31)}
    ):
        plan = build_plan(cpe.org, at=MONDAY)
        preview = enforcement.preview(adguard_server, plan)
        with pytest.raises(PushRefused, match="annulés"):
            enforcement.push(adguard_server, plan, expected=preview.fingerprint, by=cpe.it)
    assert fake_adguard.clients == []


def test_it_reports_a_mismatch_found_at_read_back(adguard_server, fake_adguard, cpe):
    fake_adguard.ignore_schedule = True
    _, (changes, mismatches) = preview_and_push(adguard_server)
    assert len(changes) == 2
    assert any("blocked_services_schedule ne correspond pas" in m for m in mismatches)


def test_it_blocks_a_withdrawn_persons_devices_until_the_measure_ends(
    adguard_server, fake_adguard, cpe
):
    with mock.patch(
        "balise.network.rules.withdrawals", return_value={cpe.melissa.pk: date(2025, 3, 31)}
    ):
        preview, _ = preview_and_push(adguard_server)
    laptop = fake_adguard.client(LAPTOP)
    assert laptop["blocked_services_schedule"] == {"time_zone": "America/Toronto"}  # never paused
    assert "steam" in laptop["blocked_services"]  # the whole catalogue
    assert fake_adguard.access["disallowed_clients"] == ["192.168.1.20", "a4:5e:60:12:34:56"]
    assert any("retiré jusqu'au 2025-03-31" in n for n in preview.notes)
    # The measure ended: the device is let back on the network, on the work schedule again.
    preview, _ = preview_and_push(adguard_server)
    assert fake_adguard.access["disallowed_clients"] == []
    assert fake_adguard.client(LAPTOP)["blocked_services_schedule"]["mon"] == {
        "start": 18 * H,
        "end": DAY_MS,
    }


def test_it_calls_the_cases_app_for_withdrawals_only_when_present(cpe):
    from balise.network.services import withdrawals

    with mock.patch("balise.network.services.apps.is_installed", return_value=False):
        assert withdrawals(cpe.org, MONDAY) == {}


def test_it_pushes_the_coming_week_every_day(adguard_server, fake_adguard, cpe):
    from balise.network.tasks import push_all

    assert push_all(at=MONDAY) == 1
    assert fake_adguard.client(LAPTOP)["blocked_services_schedule"]["tue"] == {
        "start": 18 * H,
        "end": DAY_MS,
    }
    assert push_all(at=MONDAY) == 0  # nothing left to change
    # The week of the Fête nationale (Tuesday 2025-06-24): Tuesday becomes a paused day.
    assert push_all(at=datetime(2025, 6, 23, 13, tzinfo=UTC)) == 1
    assert fake_adguard.client(LAPTOP)["blocked_services_schedule"]["tue"] == {
        "start": 0,
        "end": DAY_MS,
    }
