"""Access rows for the registers (issue 6). The parent's consent link (registers:consent_link) is
public by design and is tested in tests/web/registers/test_consents.py instead."""

from __future__ import annotations

from tests.web.access import Row

EVERYONE = {"direction", "employe", "informatique"}
DIRECTION = {"direction"}

ROWS = [
    Row("registers:people", allowed=DIRECTION),
    Row("registers:person_new", allowed=DIRECTION),
    Row("registers:people_import", allowed=DIRECTION),
    Row("registers:people_export", allowed=DIRECTION),
    Row("registers:versions", allowed=DIRECTION),
    Row("registers:version_new", allowed=DIRECTION),
    Row("registers:remind", allowed=DIRECTION, method="post"),
    Row("registers:acknowledge", allowed=EVERYONE),
    Row("registers:authorizations", allowed=EVERYONE),
    Row("registers:authorization_new", allowed=EVERYONE),
    Row("registers:roster", allowed=DIRECTION),
    Row("registers:api_photo_people", allowed=EVERYONE),
    Row("registers:questions", allowed=EVERYONE),
    Row("registers:question_new", allowed=EVERYONE),
    Row("registers:faq", allowed=EVERYONE),
    Row("registers:mine", allowed=EVERYONE),
    # Objects of the first CPE, owned by the consultant: the educator (employe) may not see them.
    Row("registers:person_edit", allowed=DIRECTION, args=lambda w: [w.extra["person"].pk]),
    Row(
        "registers:person_invite",
        allowed=DIRECTION,
        args=lambda w: [w.extra["person"].pk],
        method="post",
    ),
    Row("registers:attestation", allowed=DIRECTION, args=lambda w: [w.extra["ack"].pk]),
    Row("registers:authorization", allowed=DIRECTION, args=lambda w: [w.extra["auth"].pk]),
    Row(
        "registers:authorization_decide",
        allowed=DIRECTION,
        args=lambda w: [w.extra["auth"].pk],
        method="post",
        data={"decision": "refuser", "note": "Non."},
        dg_only=True,
    ),
    Row("registers:roster_entry", allowed=DIRECTION, args=lambda w: [w.extra["child"].pk]),
    Row("registers:consent_form_pdf", allowed=DIRECTION, args=lambda w: [w.extra["child"].pk]),
    Row(
        "registers:consent_request",
        allowed=DIRECTION,
        args=lambda w: [w.extra["child"].pk],
        method="post",
    ),
    Row(
        "registers:consent_withdraw",
        allowed=DIRECTION,
        args=lambda w: [w.extra["consent"].pk],
        method="post",
    ),
    Row("registers:consent_copy", allowed=DIRECTION, args=lambda w: [w.extra["consent"].pk]),
    Row("registers:question", allowed=DIRECTION, args=lambda w: [w.extra["question"].pk]),
    Row("registers:question_faq", allowed=DIRECTION, args=lambda w: [w.extra["question"].pk]),
]


def prepare(world):
    from tests.web.registers.helpers import make_registers

    make_registers(world)
