"""Access rows for the foundation's pages. See tests/web/test_access.py for the format."""

from tests.web.access import Row

ROWS = [
    Row("core:home", allowed={"direction", "employe", "informatique"}),
    Row("policy:code", allowed={"direction", "employe", "informatique"}),
    Row("accounts:invitations", allowed={"direction"}),
]

ROWS.append(
    Row(
        "policy:version",
        allowed={"direction", "employe", "informatique"},
        args=lambda w: [w.org_code_version.pk],
    )
)


def prepare(world):
    from balise.policy.services import current_version

    world.org_code_version = current_version(world.org)
