"""Issue 31 item 3: roles do not travel in bundles.

A laptop's administrator promoted a centre adviser to administrator (who then revoked devices at
the centre) and deactivated the centre's own administrator, with one bundle. Each database now
decides who signs in to it and with which role: another device's version of an adviser brings
its name and contact details, never its role, sign-in or active flag.
"""

from __future__ import annotations

import pytest

from db import records
from desktop.services import sync
from tests.sync.conftest import exchange


def _adviser(storage, name, **authority):
    made = records.insert(storage, "advisers", {"name": name, "active": True}, None)
    if authority:
        made = records.update(storage, "advisers", made["id"], authority, None)
    return made["id"]


def _row(storage, adviser_id):
    return records.get(storage, "advisers", adviser_id, include_deleted=True)


@pytest.mark.attack(3, "A laptop's administrator promotes a centre adviser and deactivates the centre's administrator by bundle")
def test_a_laptop_cannot_promote_or_deactivate_the_centres_advisers(devices, folder):
    laptop, _other, centre = devices
    boss = _adviser(centre, "Jefa del centro", role="administrator", login="jefa")
    beto = _adviser(centre, "Beto", role="adviser", login="beto")
    exchange(centre, laptop, folder)
    # On the laptop they are the centre's advisers, with no sign-in there.
    assert (_row(laptop, boss)["role"], _row(laptop, boss)["login"]) == ("adviser", None)

    # The laptop's administrator (anyone with the laptop's key) rewrites them ...
    records.update(laptop, "advisers", beto, {"role": "administrator", "login": "beto", "phone": "2222-1111"}, None)
    records.update(laptop, "advisers", boss, {"active": False}, None)
    result = exchange(laptop, centre, folder)

    # ... the centre takes the phone number and nothing of the authority.
    assert _row(centre, beto)["role"] == "adviser" and _row(centre, beto)["phone"] == "2222-1111"
    assert _row(centre, boss)["active"] == 1 and _row(centre, boss)["role"] == "administrator"
    assert result.authority_refused == 2
    refused = {(r["name"], tuple(sorted(r["claimed"]))) for r in sync.authority_refusals(centre)}
    assert refused == {("Beto", ("role",)), ("Jefa del centro", ("active",))}
    # The centre's own history says what it holds, not what the laptop claimed.
    logged = centre.conn.execute("SELECT after FROM change_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1",
                                 (beto,)).fetchone()[0]
    assert '"role": "adviser"' in logged


@pytest.mark.attack(3, "A laptop deletes the centre administrator's adviser record by bundle")
def test_a_tombstone_from_elsewhere_does_not_remove_an_account_that_signs_in_here(devices, folder):
    laptop, _other, centre = devices
    boss = _adviser(centre, "Jefa del centro", role="administrator", login="jefa")
    exchange(centre, laptop, folder)
    records.tombstone(laptop, "advisers", boss, None)
    exchange(laptop, centre, folder)
    assert _row(centre, boss)["deleted_at"] is None and _row(centre, boss)["login"] == "jefa"


@pytest.mark.attack(3, "A laptop's own administrator account arrives at the centre as an administrator")
def test_a_laptops_own_administrator_arrives_at_the_centre_without_sign_in(devices, folder):
    laptop, _other, centre = devices
    ana = _adviser(laptop, "Ana", role="administrator", login="ana")
    result = exchange(laptop, centre, folder)
    row = _row(centre, ana)
    assert (row["name"], row["role"], row["login"]) == ("Ana", "adviser", None)
    assert result.authority_refused == 1
    # And the centre's later edits of her record do not demote her on her own laptop.
    records.update(centre, "advisers", ana, {"email": "ana@centro.sv"}, None)
    exchange(centre, laptop, folder)
    row = _row(laptop, ana)
    assert (row["email"], row["role"], row["login"]) == ("ana@centro.sv", "administrator", "ana")


def test_roles_set_on_two_devices_are_no_conflict(devices, folder):
    laptop, _other, centre = devices
    beto = _adviser(centre, "Beto")
    exchange(centre, laptop, folder)
    records.update(centre, "advisers", beto, {"role": "coordinator"}, None)
    records.update(laptop, "advisers", beto, {"role": "administrator"}, None)
    exchange(laptop, centre, folder)
    exchange(centre, laptop, folder)
    assert sync.list_conflicts(centre) == [] and sync.list_conflicts(laptop) == []
    assert _row(centre, beto)["role"] == "coordinator" and _row(laptop, beto)["role"] == "administrator"


def test_the_import_summary_names_the_roles_not_taken(devices, folder, tmp_path, capsys, encrypted_db):
    from desktop.cli import main
    from desktop.services.storage import open_database
    from tests.sync.conftest import enrol_each_other

    laptop, _other, _centre = devices
    _adviser(laptop, "Ana", role="administrator", login="ana")
    with open_database(encrypted_db(tmp_path / "centro-cifrado.db", device_name="Centro")) as centre:
        sync.set_device_role(centre, "centre")
        enrol_each_other(laptop, centre)
    path = folder / "ana.rumbo"
    sync.export_bundle(laptop, path, peer=centre.device_id)
    assert main(["--db", str(centre.path), "bundle", "import", str(path)]) == 0
    assert "1 cambios de rol, usuario o estado de asesores no se aplicaron" in capsys.readouterr().out


@pytest.mark.attack(3, 'A laptop claims to be the centre in its bundle')
def test_the_role_shown_for_a_bundles_source_is_its_enrolment_not_its_claim(devices, folder):
    laptop, _other, centre = devices
    sync.set_device_role(laptop, "centre")  # a laptop that says it is a centre
    path = folder / "claim.rumbo"
    sync.export_bundle(laptop, path, peer=centre.device_id)
    assert sync.preview_bundle(centre, path).source_role == "laptop"
