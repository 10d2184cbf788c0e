"""The work schedule: Quebec holidays, work_status (CONTRACTS.md), breaks, daylight saving."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from balise.network.schedule import quebec_holidays
from balise.network.services import work_status
from tests.web.network.conftest import make_person


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("year", "day", "name"),
    [
        (2025, date(2025, 1, 1), "Jour de l'An"),
        (2025, date(2025, 4, 18), "Vendredi saint"),
        (2025, date(2025, 4, 21), "Lundi de Pâques"),
        (2025, date(2025, 5, 19), "Journée nationale des patriotes"),
        (2026, date(2026, 5, 18), "Journée nationale des patriotes"),  # May 25 is a Monday
        (2025, date(2025, 6, 24), "Fête nationale du Québec"),
        (2029, date(2029, 6, 25), "Fête nationale du Québec (reportée)"),  # the 24th is a Sunday
        (2025, date(2025, 7, 1), "Fête du Canada"),
        (2025, date(2025, 9, 1), "Fête du Travail"),
        (2025, date(2025, 10, 13), "Action de grâce"),
        (2025, date(2025, 12, 25), "Noël"),
    ],
)
def test_it_knows_quebec_statutory_holidays(year, day, name):
    assert quebec_holidays(year)[day] == name


def test_it_lets_the_cpe_choose_good_friday_or_easter_monday():
    assert date(2025, 4, 21) not in quebec_holidays(2025, "vendredi")
    assert date(2025, 4, 18) not in quebec_holidays(2025, "lundi")
    assert len(quebec_holidays(2025, "vendredi")) == 8


def test_it_answers_unknown_when_no_schedule_exists(world):
    assert work_status(world.org, world.educator, utc(2025, 3, 10, 15)) == {
        "on_shift": None,
        "on_break": None,
    }


def test_it_says_on_shift_and_on_break(cpe):
    # Monday 2025-03-10 is in daylight time (UTC-4): 16:10 UTC is 12:10 at the CPE, the lunch break.
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 10, 16, 10)) == {
        "on_shift": True,
        "on_break": True,
    }
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 10, 17)) == {
        "on_shift": True,
        "on_break": False,
    }
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 10, 23)) == {
        "on_shift": False,
        "on_break": False,
    }


def test_it_compares_in_local_time_across_daylight_saving(cpe):
    # 11:30 UTC is 6:30 before the change (EST, closed) and 7:30 after it (EDT, open).
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 7, 11, 30))["on_shift"] is False
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 10, 11, 30))["on_shift"] is True


def test_it_handles_a_clock_change_in_the_middle_of_a_shift(world):
    from balise.network.models import OpeningHours
    from balise.network.schedule import load

    OpeningHours.objects.create(
        organization=world.org, weekday=6, opens=time(0, 30), closes=time(6)
    )
    # Sunday 2025-11-02: 1:30 happens twice (EDT then EST); both are in the shift, 6:30 EST is not.
    assert work_status(world.org, world.it, utc(2025, 11, 2, 5, 30))["on_shift"] is True
    assert work_status(world.org, world.it, utc(2025, 11, 2, 6, 30))["on_shift"] is True
    assert work_status(world.org, world.it, utc(2025, 11, 2, 11, 30))["on_shift"] is False
    warnings = load(world.org).dst_warnings(date(2025, 1, 1), 365)
    assert any("2025-11-02" in w and "une heure de plus" in w for w in warnings)
    assert any("2025-03-09" in w and "une heure de moins" in w for w in warnings)


def test_it_is_closed_on_holidays_and_closures(cpe):
    from balise.network.models import Closure

    Closure.objects.create(
        organization=cpe.org,
        starts_on=date(2025, 12, 22),
        ends_on=date(2026, 1, 2),
        label="Vacances des Fêtes",
    )
    assert (
        work_status(cpe.org, cpe.educator, utc(2025, 6, 24, 15))["on_shift"] is False
    )  # Fête nationale
    assert work_status(cpe.org, cpe.educator, utc(2025, 6, 23, 15))["on_shift"] is True
    assert work_status(cpe.org, cpe.educator, utc(2025, 12, 29, 15))["on_shift"] is False


def test_it_prefers_a_persons_break_then_the_groups(cpe):
    from balise.network.models import Break, WorkGroup

    consultant = make_person(
        cpe.org, cpe.consultant, "Marc-André Fortier", "marc@consultant.example"
    )
    kitchen = WorkGroup.objects.create(organization=cpe.org, name="Cuisine")
    kitchen.members.add(consultant)
    Break.objects.create(organization=cpe.org, group=kitchen, starts=time(13), ends=time(13, 30))
    Break.objects.create(
        organization=cpe.org, person=cpe.melissa, weekday=0, starts=time(14), ends=time(14, 15)
    )
    monday_13_10 = utc(2025, 3, 10, 17, 10)
    monday_14_05 = utc(2025, 3, 10, 18, 5)
    assert work_status(cpe.org, cpe.consultant, monday_13_10)["on_break"] is True
    assert work_status(cpe.org, cpe.educator, monday_13_10)["on_break"] is False
    assert work_status(cpe.org, cpe.educator, monday_14_05)["on_break"] is True
    # Tuesday: Mélissa has no break of her own, so everyone's lunch applies.
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 11, 16, 10))["on_break"] is True


def test_it_says_off_shift_outside_a_persons_service(cpe):
    cpe.melissa.service_end = date(2025, 2, 28)
    cpe.melissa.save()
    assert work_status(cpe.org, cpe.educator, utc(2025, 3, 10, 15)) == {
        "on_shift": False,
        "on_break": False,
    }


def test_it_refuses_a_break_that_ends_before_it_starts(cpe):
    from django.core.exceptions import ValidationError

    from balise.network.models import Break

    bad = Break(organization=cpe.org, starts=time(15), ends=time(14, 45))
    with pytest.raises(
        ValidationError, match="La pause se termine \\(14 h 45\\) avant de commencer \\(15 h 00\\)"
    ):
        bad.full_clean()


def test_it_refuses_overlapping_breaks(cpe):
    from django.core.exceptions import ValidationError

    from balise.network.models import Break

    bad = Break(organization=cpe.org, weekday=2, starts=time(12, 15), ends=time(12, 45))
    with pytest.raises(ValidationError, match="chevauche une autre pause de tout le personnel"):
        bad.full_clean()


def test_it_refuses_a_break_outside_opening_hours(cpe):
    from django.core.exceptions import ValidationError

    from balise.network.models import Break

    bad = Break(organization=cpe.org, weekday=0, starts=time(18, 30), ends=time(18, 45))
    with pytest.raises(ValidationError, match="en dehors des heures d'ouverture du lundi"):
        bad.full_clean()


def test_it_refuses_opening_hours_across_midnight(world):
    from django.core.exceptions import ValidationError

    from balise.network.models import OpeningHours

    bad = OpeningHours(organization=world.org, weekday=0, opens=time(18), closes=time(7))
    with pytest.raises(ValidationError, match="ne peut pas passer minuit"):
        bad.full_clean()
