"""Fixtures of the network app: a CPE open Monday to Friday, its devices, a fake AdGuard Home."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.web.network.fake_adguard import FakeAdGuard


def make_person(org, user=None, name="Mélissa Lapointe", email="melissa@premierpas.example"):
    from balise.registers.models import Person

    return Person.objects.create(
        organization=org,
        full_name=name,
        email=email,
        category="temps-plein",
        service_start=date(2020, 1, 6),
        user=user,
    )


def open_weekdays(org, opens=time(7), closes=time(18)):
    from balise.network.models import OpeningHours

    for weekday in range(5):
        OpeningHours.objects.create(organization=org, weekday=weekday, opens=opens, closes=closes)


@pytest.fixture
def cpe(world):
    """The world, with opening hours, a lunch break for everyone, a person and two devices."""
    from balise.network.models import Break, Device

    open_weekdays(world.org)
    Break.objects.create(organization=world.org, starts=time(12), ends=time(12, 30))
    world.melissa = make_person(world.org, world.educator)
    world.laptop = Device.objects.create(
        organization=world.org,
        name="Portable pouponnière",
        kind="portable",
        mac="a4:5e:60:12:34:56",
        ip="192.168.1.20",
        person=world.melissa,
    )
    world.tablet = Device.objects.create(
        organization=world.org, name="Tablette 1", kind="tablette", ip="192.168.1.21"
    )
    return world


@pytest.fixture
def fake_adguard():
    server = FakeAdGuard().start()
    yield server
    server.stop()


@pytest.fixture
def adguard_server(cpe, fake_adguard):
    from balise.network.models import AdGuardServer

    server = AdGuardServer(organization=cpe.org, url=fake_adguard.url, username="admin", timeout=2)
    server.set_password("secret-adguard")
    server.save()
    return server
