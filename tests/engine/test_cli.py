"""The command line: the streaming batch contract, bad input, the readable report."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from balise import cli
from balise.engine import MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parents[2]


def batch(checker, lines: list[bytes]) -> tuple[list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run_batch(checker, iter(lines), out, err) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def post(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def test_one_result_per_line_in_order(checker) -> None:
    lines = [
        post(id=f"p{i}", text="Maxime Lussier a mordu." if i % 2 else "Belle journée!")
        for i in range(70)
    ]
    results, _ = batch(checker, lines)
    assert [r["id"] for r in results] == [f"p{i}" for i in range(70)]
    assert results[1]["verdict"] == "bloquant" and results[0]["verdict"] == "ok"
    assert results[1]["findings"][0]["evidence"][0] == {
        "start": 0,
        "end": 14,
        "text": "Maxime Lussier",
    }


def test_malformed_json_line_does_not_stop_the_run(checker) -> None:
    results, _ = batch(checker, [b'{"id": "a1", "text": "oups', post(id="a2", text="Bonjour")])
    assert results[0]["id"] == "a1" and "JSON invalide" in results[0]["error"]
    assert results[1] == {"id": "a2", "verdict": "ok", "findings": [], "redacted": "Bonjour"}


def test_invalid_utf8_is_replaced(checker) -> None:
    results, err = batch(checker, [b'{"id": "u1", "text": "caf\xe9 \xff"}\n'])
    assert results[0]["id"] == "u1" and results[0]["verdict"] == "ok"
    assert "UTF-8" in err


def test_surrogates_and_control_characters(checker) -> None:
    line = b'{"id": "s1", "text": "\\ud800 Maxime\\u0000 Lussier \\u0007 a mordu"}\n'
    results, _ = batch(checker, [line])
    assert results[0]["id"] == "s1"
    text = json.loads(line)["text"]
    for finding in results[0]["findings"]:
        for span in finding["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_field_warns_on_stderr(checker) -> None:
    results, err = batch(checker, [post(id="w1", text="Bonjour", context={"humeur": "bonne"})])
    assert results[0]["verdict"] == "ok"
    assert "humeur" in err and "w1" in err


@pytest.mark.parametrize(
    ("context", "field"),
    [
        ({"account": "secret"}, "account"),
        ({"posted_at": "12 mars"}, "posted_at"),
        ({"on_break": "non"}, "on_break"),
    ],
)
def test_bad_enum_or_date_names_the_field(checker, context: dict, field: str) -> None:
    results, _ = batch(
        checker, [post(id="e1", text="Bonjour", context=context), post(id="e2", text="Salut")]
    )
    assert results[0]["id"] == "e1" and field in results[0]["error"]
    assert results[1]["verdict"] == "ok"


def test_text_over_the_limit(checker) -> None:
    results, _ = batch(checker, [post(id="l1", text="a" * 100_000), post(id="l2", text="Salut")])
    assert str(MAX_TEXT_CHARS) in results[0]["error"]
    assert results[1]["verdict"] == "ok"


def test_non_object_and_blank_lines(checker) -> None:
    results, _ = batch(checker, [b"\n", b"[1, 2]\n", post(id="n2", text="Salut")])
    assert results[0]["id"] is None and "objet JSON" in results[0]["error"]
    assert [r["id"] for r in results] == [None, "n2"]


def test_registry_accepts_new_commands() -> None:
    seen = []
    cli.register(
        "bidon", lambda p: p.add_argument("--x"), lambda args: seen.append(args.x) or 0, "essai"
    )
    try:
        assert cli.main(["bidon", "--x", "1"]) == 0 and seen == ["1"]
    finally:
        del cli.COMMANDS["bidon"]


def test_score_matches_the_shared_table() -> None:
    corpus = [
        {"id": "1", "labels": ["5.v.page"]},
        {"id": "2", "labels": []},
        {"id": "3", "labels": []},
    ]
    results = [
        {"id": "1", "findings": [{"rule": "5.v.page"}]},
        {"id": "2", "findings": [{"rule": "5.v.page"}]},
    ]
    table = cli.format_scores(cli.score(corpus, results))
    assert "5.v.page                     0.50   1.00   0.67        1" in table
    assert "false alarms on compliant posts: 50.00%" in table


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "balise.cli", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=180,
    )


def test_bad_org_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "org.yaml"
    bad.write_text("city: nulle part\n", encoding="utf-8")
    done = run_cli("check", "--jsonl", "--org", str(bad), stdin=post(id="1", text="x"))
    assert done.returncode == 2
    assert "name" in done.stderr.decode("utf-8")


def test_readable_report(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(
        "name: CPE Les Lucioles\nroster:\n  children: [Maxime Lussier]\n", encoding="utf-8"
    )
    done = run_cli("check", "Maxime Lussier a mordu un ami.", "--org", str(org), "--on-shift")
    report = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr
    assert "BLOQUANT" in report and "5 vii)" in report and "[[Maxime Lussier]]" in report
    assert "Version caviardée : [enfant] a mordu un ami." in report


def test_missing_image_is_reported_and_text_still_checked(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text("name: CPE Les Lucioles\n", encoding="utf-8")
    done = run_cli(
        "check",
        "Belle journée!",
        "--org",
        str(org),
        "--image",
        str(tmp_path / "absente.jpg"),
        "--device",
        "cpe",
    )
    assert done.returncode == 0
    assert "absente.jpg" in done.stderr.decode("utf-8")
    assert "5.vii.temps" in done.stdout.decode("utf-8")
