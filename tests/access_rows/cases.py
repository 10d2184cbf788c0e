"""Access rows for breach files, the Loi 25 register and the audit page (issue 7)."""

from __future__ import annotations

from tests.web.access import Row

DIRECTION = {"direction"}
EVERYONE = {"direction", "employe", "informatique"}


def _file(w):
    return [w.extra["case_file"].pk]


def _measure(w):
    return [w.extra["case_measure"].pk]


def _entry(w):
    return [w.extra["case_entry"].pk]


ROWS = [
    Row("cases:list", allowed=DIRECTION),
    Row("cases:open", allowed=DIRECTION),
    Row("cases:detail", allowed=DIRECTION, args=_file),
    Row("cases:edit", allowed=DIRECTION, args=_file),
    Row("cases:confirm_rules", allowed=DIRECTION, args=_file, method="post"),
    Row("cases:add_evidence", allowed=DIRECTION, args=_file, method="post"),
    Row("cases:decide", allowed=DIRECTION, args=_file),
    Row("cases:close", allowed=DIRECTION, args=_file, method="post"),
    Row("cases:to_register", allowed=DIRECTION, args=_file, method="post"),
    Row("cases:evidence_download", allowed=DIRECTION, args=lambda w: [w.extra["case_evidence"].pk]),
    Row("cases:measure_done", allowed=DIRECTION, args=_measure, method="post"),
    Row("cases:measure_check", allowed=DIRECTION, args=_measure, method="post"),
    Row("cases:measure_letter", allowed=DIRECTION, args=_measure),
    Row("cases:mine", allowed=EVERYONE),
    # The educator is the person concerned; the IT person is not, so the file is refused to them.
    Row("cases:my_file", allowed={"direction", "employe"}, args=_file),
    Row("cases:my_file_pdf", allowed={"direction", "employe"}, args=_file),
    Row("cases:register", allowed=DIRECTION),
    Row("cases:register_new", allowed=DIRECTION),
    Row("cases:register_export", allowed=DIRECTION),
    Row("cases:register_entry", allowed=DIRECTION, args=_entry),
    Row(
        "cases:register_notice",
        allowed=DIRECTION,
        args=lambda w: [w.extra["case_entry"].pk, "commission"],
    ),
    Row("cases:register_delete", allowed=DIRECTION, args=_entry, method="post"),
    Row("audit:log", allowed=DIRECTION),
    Row("audit:verify", allowed=DIRECTION, method="post"),
]


def _watch_installed() -> bool:
    from django.apps import apps

    return apps.is_installed("balise.watch")


if _watch_installed():
    ROWS.append(
        Row(
            "cases:open_from_mention",
            allowed=DIRECTION,
            args=lambda w: [w.extra["case_mention"].pk],
            method="post",
        )
    )


def prepare(world):
    from tests.web.cases.helpers import make_decided_file, make_mention

    file, measure, evidence, entry = make_decided_file(world)
    world.extra.update(
        case_file=file, case_measure=measure, case_evidence=evidence, case_entry=entry
    )
    if _watch_installed():
        world.extra["case_mention"] = make_mention(world)
