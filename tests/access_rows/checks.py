"""Access rows of the check pages (the API, answered 401 rather than a redirect, is covered by
tests/web/checks/test_api.py; the share target, which answers a signed-out person with a page
that keeps the text in the browser before sign-in, by tests/web/checks/test_share.py)."""

from tests.web.access import Row

EVERYONE = {"direction", "employe", "informatique"}

ROWS = [
    Row("checks:check", allowed=EVERYONE),
    Row(
        "checks:check",
        allowed=EVERYONE,
        method="post",
        data={"text": "Belle journée au parc avec ma famille."},
    ),
    Row("checks:tokens", allowed=EVERYONE),
    Row("checks:tokens", allowed=EVERYONE, method="post", data={"name": "Mon téléphone"}),
    Row("checks:stats", allowed={"direction"}),
]
