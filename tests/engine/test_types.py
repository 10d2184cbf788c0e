"""Organization files, contexts and packs: bad input gives a French error naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from balise.engine import Context, ContextError, OrgFileError, OrgProfile
from balise.engine.pack import DEFAULT_PACK_PATH, RULE_IDS, PackError, load_pack, pack_from_dict


def test_org_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        "name: CPE A\naliases: [A]\nroster:\n  children: [Léa B]\n  staff:\n    - {name: Kim C, role: éducatrice}\n",
        encoding="utf-8",
    )
    org = OrgProfile.from_yaml(path)
    assert (
        org.children == ("Léa B",)
        and org.staff == (("Kim C", "éducatrice"),)
        and org.names == ("CPE A", "A")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: [unclosed", "YAML"),
        ("- just\n- a list\n", "dictionnaire"),
        ("city: La Tuque\n", "name"),
        ("name: X\nroster:\n  staff:\n    - {role: éducatrice}\n", "name"),
        ("name: X\nroster: 3\n", "roster"),
    ],
)
def test_bad_org_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OrgFileError, match=message):
        OrgProfile.from_yaml(path)


def test_missing_org_file(tmp_path: Path) -> None:
    with pytest.raises(OrgFileError, match="Impossible de lire"):
        OrgProfile.from_yaml(tmp_path / "absent.yaml")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"posted_at": "hier"}, "posted_at"),
        ({"posted_at": 12}, "posted_at"),
        ({"account": "secret"}, "account"),
        ({"device": "tablette"}, "device"),
        ({"on_shift": "oui"}, "on_shift"),
        ({"media": [{"faces": -1}]}, "media"),
        ({"media": "photo"}, "media"),
        ({"authorizations": [1]}, "authorizations"),
    ],
)
def test_bad_context(data: dict, field: str) -> None:
    with pytest.raises(ContextError) as err:
        Context.from_dict(data)
    assert err.value.field == field and field in str(err.value)


def test_context_warns_on_unknown_fields() -> None:
    warnings: list[str] = []
    ctx = Context.from_dict(
        {"account": "Officiel", "humeur": "bonne", "posted_at": "2026-03-12T10:15:00Z"}, warnings
    )
    assert ctx.account == "officiel" and ctx.posted_at.year == 2026
    assert warnings == ["champ de contexte inconnu ignoré : « humeur »"]


def test_pack_has_every_rule() -> None:
    pack = load_pack(DEFAULT_PACK_PATH)
    assert set(pack.rules) == set(RULE_IDS)
    assert pack.rule("5.v.reseau").severity == "attention"


def test_pack_missing_rule() -> None:
    with pytest.raises(PackError, match="5.vii.temps"):
        pack_from_dict(
            {
                "rules": [
                    {"id": "5.v.page", "article": "5 v)", "severity": "bloquant", "message": "m"}
                ]
            }
        )
