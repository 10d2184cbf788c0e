"""One table-driven test over every page: anonymous, each role, and another CPE."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.access import ROLES, load_rows

ROWS, PREPARES = load_rows()


@pytest.fixture
def prepared(world):
    for prepare in PREPARES:
        prepare(world)
    return world


def person_for(world, role: str):
    return {"direction": world.director, "employe": world.educator, "informatique": world.it}[role]


def url_of(row, world) -> str:
    return reverse(row.name, args=row.args(world) if row.args else [])


def call(client, row, url):
    return getattr(client, row.method)(url, row.data or {})


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_it_sends_anonymous_people_to_sign_in(client, prepared, row):
    response = call(client, row, url_of(row, prepared))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=str)
def test_it_answers_each_role(client_for, prepared, row, role):
    response = call(client_for(person_for(prepared, role)), row, url_of(row, prepared))
    if role in row.allowed:
        assert response.status_code < 400, f"{row} refused to {role}"
    else:
        assert response.status_code == 403, f"{row} open to {role}"


@pytest.mark.parametrize("row", [r for r in ROWS if r.dg_only], ids=str)
def test_it_keeps_director_general_pages_from_deputies(client_for, prepared, row):
    response = call(client_for(prepared.deputy), row, url_of(row, prepared))
    assert response.status_code == 403


@pytest.mark.parametrize("row", [r for r in ROWS if r.is_object], ids=str)
def test_it_hides_objects_from_another_cpe(client_for, prepared, row):
    response = call(client_for(prepared.outsider), row, url_of(row, prepared))
    assert response.status_code == 404
