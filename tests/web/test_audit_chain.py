from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from balise.audit.models import AuditRecord
from balise.audit.services import record_change, snapshot, verify_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(world):
    for n in range(5):
        record_change(
            organization=world.org,
            actor=world.director,
            action="modification",
            obj=world.org,
            before={"n": n},
            after={"n": n + 1},
        )
    return list(AuditRecord.objects.order_by("id"))


def test_an_intact_chain_verifies(chain, capsys):
    assert verify_chain().ok and verify_chain().checked == 5
    call_command("audit_verify")
    assert "5 enregistrements vérifiés" in capsys.readouterr().out


def test_it_names_the_record_altered_in_the_database(chain):
    AuditRecord.objects.filter(pk=chain[2].pk).update(after={"n": 999})
    result = verify_chain()
    assert (result.ok, result.first_bad_id) == (False, chain[2].id)
    with pytest.raises(CommandError, match=f"n° {chain[2].id} a été modifié"):
        call_command("audit_verify")


def test_it_names_the_place_of_a_removed_record(chain):
    AuditRecord.objects.filter(pk=chain[1].pk)._raw_delete(AuditRecord.objects.db)
    result = verify_chain()
    assert (result.ok, result.first_bad_id) == (False, chain[2].id)
    assert "retiré" in result.reason


def test_a_record_cannot_be_deleted_through_the_model(chain):
    with pytest.raises(ValueError):
        chain[0].delete()


def test_snapshot_is_json_safe(world):
    data = snapshot(world.org)
    assert data["name"] == "CPE Premier Pas" and isinstance(data["created_at"], str)
