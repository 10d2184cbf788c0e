from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from balise.policy.models import CodeVersion, PolicyPack
from balise.policy.services import PackError, load_pack_into_db, read_pack

RULE_IDS = {
    "5.ii.renseignements",
    "5.ii.image",
    "5.ii.critique-milieu",
    "5.iii.identite",
    "5.iv.porte-parole",
    "5.v.confidentiel",
    "5.v.marque",
    "5.v.page",
    "5.v.reseau",
    "5.vi.harcelement",
    "5.vii.temps",
}


def test_the_pack_holds_the_code_and_the_eleven_rules(settings):
    pack = read_pack(Path(settings.POLICY_PACK))
    assert {r["id"] for r in pack["rules"]} == RULE_IDS
    assert [a["number"] for a in pack["articles"]] == ["1", "2", "3", "4", "5", "6"]
    five = pack["articles"][4]
    assert [s["ref"] for s in five["sections"]] == [
        "5 i)",
        "5 ii)",
        "5 iii)",
        "5 iv)",
        "5 v)",
        "5 vi)",
        "5 vii)",
    ]
    original = Path(settings.BASE_DIR.parent / "shared/policy/code-de-conduite-medias-sociaux.txt")
    if original.exists():  # every paragraph of the code is in the pack, word for word
        text = " ".join(original.read_text(encoding="utf-8").split())
        for section in five["sections"]:
            for paragraph in section["paragraphs"]:
                assert " ".join(paragraph.split()) in text


@pytest.mark.django_db
def test_it_loads_the_pack_once(settings):
    _, created = load_pack_into_db()
    _, again = load_pack_into_db()
    assert (created, again) == (True, False)
    assert PolicyPack.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_a_broken_pack_in_french(tmp_path):
    bad = tmp_path / "pack.yaml"
    bad.write_text("id: x\n  - : [\n", encoding="utf-8")
    with pytest.raises(PackError, match="illisible"):
        load_pack_into_db(bad)
    bad.write_text("id: x\ntitle: y\n", encoding="utf-8")
    with pytest.raises(PackError, match="Il manque"):
        load_pack_into_db(bad)
    assert not PolicyPack.objects.exists()


@pytest.mark.django_db
def test_a_published_version_cannot_be_altered(world):
    version = CodeVersion.objects.get(organization=world.org)
    version.title = "autre"
    with pytest.raises(ValueError):
        version.save()


@pytest.mark.django_db
def test_every_member_reads_article_5(client_for, world):
    page = client_for(world.educator).get(reverse("policy:code")).content.decode()
    assert 'id="article-5-vii"' in page
    assert "Protéger son temps de travail" in page
    assert "Vous n&#x27;êtes donc pas autorisé à accéder aux sites" in page
