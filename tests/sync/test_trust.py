"""Device keys and enrolment: keys made once per database, fingerprints, enrol, revoke and
enrol again, who may do it, and which devices a bundle can be written for."""

from __future__ import annotations

import pytest

from db import records
from db.keys import key_file_path
from db.sync import trust
from db.sync.keys import PublicKeys, fingerprint
from desktop.domain.errors import UserError
from desktop.services import advisers, sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, exchange
from tests.sync.test_forgery import Unchanged


def test_an_older_database_gets_its_keys_when_it_is_first_opened_by_this_rumbo(tmp_path):
    path = tmp_path / "viejo.db"
    with open_database(path, device_name="Laptop Ana") as storage:
        firms.register_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, None)
        # Back to how Rumbo left the file before bundles were signed.
        for sql in ("DROP TABLE sync_keys", "DROP TABLE sync_trusted", "ALTER TABLE sync_peers DROP COLUMN signing_key",
                    "DELETE FROM _sqlite_migrations WHERE name = '0003_device_keys'"):
            storage.conn.execute(sql)
        storage.conn.commit()
    with open_database(path) as storage:
        keys = trust.local_keys(storage)
        assert len(keys.signing_seed) == len(keys.encryption_secret) == 32
        assert firms.count_firms(storage) == 1
    with open_database(path) as storage:
        assert trust.local_keys(storage) == keys  # made once


def test_every_database_has_its_own_keys_and_the_fingerprint_covers_both(tmp_path):
    with open_database(tmp_path / "a.db") as a, open_database(tmp_path / "b.db") as b:
        ka, kb = trust.local_keys(a).public, trust.local_keys(b).public
    assert ka != kb and ka.fingerprint != kb.fingerprint
    assert fingerprint(ka.signing, kb.encryption) not in (ka.fingerprint, kb.fingerprint)
    assert PublicKeys(ka.signing, ka.encryption).fingerprint == ka.fingerprint


def test_enrolling_makes_a_peer_to_write_for_and_a_renamed_card_renames_it(tmp_path):
    with open_database(tmp_path / "a.db", device_name="Laptop Ana") as laptop, \
            open_database(tmp_path / "c.db", device_name="Centro") as centre:
        sync.set_device_role(centre, "centre")
        assert sync.export_targets(laptop) == []
        enrolled = sync.enrol_device(laptop, sync.this_device_card(centre), None)
        assert (enrolled.name, enrolled.role, enrolled.fingerprint) == \
            ("Centro", "centre", sync.device_info(centre)["fingerprint"])
        assert [p.name for p in sync.export_targets(laptop)] == ["Centro"]
        sync.set_device_name(centre, "Centro San Miguel")
        sync.enrol_device(laptop, sync.this_device_card(centre), None)
        [again] = sync.trusted_devices(laptop)
        assert again.name == "Centro San Miguel"
        assert [p.name for p in sync.export_targets(laptop)] == ["Centro San Miguel"]


def test_a_device_revoked_and_enrolled_again_is_trusted_again(devices, folder):
    a, _b, c = devices
    firms.register_firm(a, {"legal_name": "Café Luna", "country": "SV"}, None)
    sync.revoke_device(c, "Laptop Ana – San Miguel", None)
    assert [p.name for p in sync.export_targets(c)] == ["Laptop Beto – Santa Ana"]
    with pytest.raises(UserError):
        exchange(a, c, folder)
    sync.enrol_device(c, sync.this_device_card(a), None)
    assert exchange(a, c, folder).new_firms == 1
    assert not sync.find_trusted_device(c, a.device_id).revoked


def test_revoking_finds_the_device_by_id_name_or_fingerprint(devices):
    a, b, c = devices
    by_print = sync.find_trusted_device(c, sync.device_info(b)["fingerprint"].lower())
    assert by_print.device_id == b.device_id
    assert sync.find_trusted_device(c, "laptop ana – san miguel").device_id == a.device_id
    with Unchanged(c), pytest.raises(UserError, match="ningún equipo inscrito"):
        sync.revoke_device(c, "Laptop Zeta", None)


def test_a_bundle_is_written_only_for_an_enrolled_device(tmp_path):
    with open_database(tmp_path / "a.db", device_name="Laptop Ana") as a, \
            open_database(tmp_path / "b.db", device_name="Laptop Beto") as b, \
            open_database(tmp_path / "c.db", device_name="Centro") as c:
        sync.set_device_role(c, "centre")
        enrol_each_other(a, c)
        enrol_each_other(b, c)
        firms.register_firm(b, {"legal_name": "Textiles Maya", "country": "SV"}, None)
        exchange(b, c, tmp_path)
        exchange(c, a, tmp_path)  # A now knows of Beto's laptop by name, through the centre
        assert "Laptop Beto" in [p.name for p in sync.list_peers(a)]
        assert [p.name for p in sync.export_targets(a)] == ["Centro"]
        with Unchanged(a), pytest.raises(UserError) as err:
            sync.export_bundle(a, tmp_path / "x.rumbo", peer="Laptop Beto")
        assert err.value.message == ("«Laptop Beto» no está inscrito en este equipo, así que no se le puede "
                                     "escribir un paquete: un coordinador debe inscribir antes su tarjeta.")
        assert not (tmp_path / "x.rumbo").exists()
        with pytest.raises(UserError, match="Indique para qué equipo inscrito"):
            sync.export_bundle(c, tmp_path / "y.rumbo")  # a centre names the laptop it writes for


def test_own_card_cannot_be_enrolled(tmp_path):
    with open_database(tmp_path / "a.db") as a, Unchanged(a), pytest.raises(UserError, match="este mismo equipo"):
        sync.enrol_device(a, sync.this_device_card(a), None)


def test_once_sign_in_is_set_up_only_a_coordinator_enrols_and_revokes(tmp_path):
    with open_database(tmp_path / "c.db", device_name="Centro") as centre, \
            open_database(tmp_path / "a.db", device_name="Laptop Ana") as laptop:
        card = sync.this_device_card(laptop)
        ana = advisers.create_adviser(centre, {"name": "Ana López"})
        jefa = advisers.create_adviser(centre, {"name": "Marta Ruiz"})
        sync.enrol_device(centre, card, ana["id"])  # no sign-in yet: roles are not in force
        [enrolled] = sync.trusted_devices(centre)
        assert enrolled.enrolled_by == ana["id"]
        key_file_path(centre.path).write_text("{}", encoding="utf-8")  # sign-in set up on this database
        records.update(centre, "advisers", jefa["id"], {"role": "coordinator"}, None)
        with Unchanged(centre), pytest.raises(UserError, match="Solo un coordinador"):
            sync.revoke_device(centre, laptop.device_id, ana["id"])
        with Unchanged(centre), pytest.raises(UserError, match="Solo un coordinador"):
            sync.enrol_device(centre, card, None)
        revoked = sync.revoke_device(centre, laptop.device_id, jefa["id"])
        assert revoked.revoked_by == jefa["id"]
