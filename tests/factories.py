"""Named people for tests: a director general, a deputy, an educator, a consultant, the IT
person, and someone from another CPE."""

from __future__ import annotations

from types import SimpleNamespace

from balise.accounts.models import Membership, Organization, Role, User
from balise.policy.services import install_default_pack

PASSWORD = "mot-de-passe-solide-42"


def make_org(name: str, slug: str) -> Organization:
    org = Organization.objects.create(name=name, slug=slug, city="La Tuque")
    install_default_pack(org)
    return org


def make_person(
    org: Organization, email: str, full_name: str, role: str, *, dg: bool = False
) -> User:
    user = User.objects.create_user(email, PASSWORD, full_name=full_name)
    Membership.objects.create(user=user, organization=org, role=role, is_director_general=dg)
    return user


def build_world() -> SimpleNamespace:
    """Returns two CPEs and their people; tests add what they need to `extra`."""
    org = make_org("CPE Premier Pas", "premier-pas")
    other_org = make_org("CPE Les Lucioles", "lucioles")
    return SimpleNamespace(
        org=org,
        other_org=other_org,
        director=make_person(
            org, "josee@premierpas.example", "Josée Lamontagne", Role.DIRECTION, dg=True
        ),
        deputy=make_person(org, "nathalie@premierpas.example", "Nathalie Bernier", Role.DIRECTION),
        educator=make_person(org, "melissa@premierpas.example", "Mélissa Lapointe", Role.EMPLOYE),
        consultant=make_person(org, "marc@consultant.example", "Marc-André Fortier", Role.EMPLOYE),
        it=make_person(org, "ti@premierpas.example", "Samuel Roy", Role.INFORMATIQUE),
        outsider=make_person(
            other_org, "direction@lucioles.example", "Diane Côté", Role.DIRECTION, dg=True
        ),
        extra={},
    )
