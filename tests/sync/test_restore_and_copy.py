"""No change number is ever used twice: a restored backup or a copied database takes a new origin.

The failure this guards against (issue 19): a laptop restores Monday's backup and edits a firm;
its change numbers continue from Monday's, the centre already holds those numbers for Tuesday's
work, so the new edit is taken as "already known" and silently dropped.
"""

from __future__ import annotations

import shutil

import pytest
from collections import Counter

from db import changelog
from desktop.services import maintenance, sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other


def _laptop_with_firms(path, n=3):
    """A laptop with ``n`` firms, enrolled with the centre beside it (``centro.db``) and it with the laptop."""
    with open_database(path, device_name="Laptop Ana") as storage, \
            open_database(path.parent / "centro.db", device_name="Centro") as centre:
        sync.set_device_role(centre, "centre")
        enrol_each_other(storage, centre)
        return storage.device_id, [firms.register_firm(storage, {"legal_name": f"Empresa {i}", "country": "SV"},
                                                       None)["id"] for i in range(n)]


def _edit(path, firm_id, **changes):
    with open_database(path) as storage:
        firms.update_firm(storage, firm_id, changes, None)


def _send(source, dest, bundle):
    with open_database(source) as storage:
        sync.export_bundle(storage, bundle)
    with open_database(dest, device_name="Centro") as centre:
        return sync.import_bundle(centre, bundle)


def _firm(path, firm_id):
    with open_database(path) as storage:
        return firms.get_firm(storage, firm_id)


def _origin_numbers_are_unique(*paths):
    """Across every database, one (origin, number) always names the same change."""
    seen: dict[tuple[str, int], str] = {}
    for path in paths:
        with open_database(path) as storage:
            for entry in changelog.entries(storage):
                key = (entry.origin, entry.origin_seq)
                body = changelog.dumps(entry.after)
                assert seen.setdefault(key, body) == body, f"{key} names two different changes"


def test_an_edit_after_restoring_a_backup_reaches_the_centre(tmp_path):
    laptop, centre = tmp_path / "laptop.db", tmp_path / "centro.db"
    first_origin, (x, y, _z) = _laptop_with_firms(laptop)
    with open_database(laptop) as storage:
        maintenance.backup_database(storage, tmp_path / "lunes.db")
    _edit(laptop, x, phone="+503 2222 1111")
    _send(laptop, centre, tmp_path / "martes.rumbo")

    maintenance.restore_database(laptop, tmp_path / "lunes.db")
    _edit(laptop, y, notes="Visita del miércoles", phone="+503 7777 0000")
    result = _send(laptop, centre, tmp_path / "miercoles.rumbo")

    assert result.conflicts == []
    assert _firm(centre, y)["notes"] == "Visita del miércoles"
    assert _firm(centre, y)["phone"] == "+50377770000" or _firm(centre, y)["phone"].endswith("77770000")
    assert _firm(centre, x)["phone"].endswith("22221111")  # Tuesday's work is still at the centre
    with open_database(laptop) as storage:
        assert storage.device_id != first_origin and storage.device_name == "Laptop Ana"
    _origin_numbers_are_unique(laptop, centre)

    # And the centre gives the laptop back the Tuesday edit its restore lost.
    with open_database(centre) as storage:
        sync.export_bundle(storage, tmp_path / "vuelta.rumbo", peer="Laptop Ana")
    with open_database(laptop) as storage:
        sync.import_bundle(storage, tmp_path / "vuelta.rumbo")
    assert _firm(laptop, x)["phone"].endswith("22221111")


def test_a_database_copied_to_another_laptop_and_edited_on_both_merges_both_edits(tmp_path):
    laptop_a, laptop_b, centre = tmp_path / "a" / "rumbo.db", tmp_path / "b" / "rumbo.db", tmp_path / "a" / "centro.db"
    laptop_a.parent.mkdir()
    laptop_b.parent.mkdir()
    origin_a, (x, y, z) = _laptop_with_firms(laptop_a)
    shutil.copy2(laptop_a, laptop_b)  # the coordinator hands a copy of the file to a new adviser
    _edit(laptop_a, x, notes="Editado en A")
    _edit(laptop_b, y, notes="Editado en B")
    _edit(laptop_a, z, notes="Z en A")
    _edit(laptop_b, z, notes="Z en B")
    _send(laptop_a, centre, tmp_path / "a.rumbo")
    result = _send(laptop_b, centre, tmp_path / "b.rumbo")

    assert _firm(centre, x)["notes"] == "Editado en A"
    assert _firm(centre, y)["notes"] == "Editado en B"
    # The same firm edited on both copies is a conflict for a person, not a silent loss.
    assert [(kind, record) for kind, _table, record, *_ in result.conflicts] == [("edit", z)]
    with open_database(laptop_a) as a, open_database(laptop_b) as b:
        assert a.device_id == origin_a and b.device_id != origin_a
    _origin_numbers_are_unique(laptop_a, laptop_b, centre)


def test_a_backup_copied_back_by_hand_also_takes_a_new_origin(tmp_path):
    laptop = tmp_path / "laptop.db"
    first_origin, _ids = _laptop_with_firms(laptop, 1)
    with open_database(laptop) as storage:
        maintenance.backup_database(storage, tmp_path / "copia.db")
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"laptop.db{suffix}").unlink(missing_ok=True)
    shutil.copy2(tmp_path / "copia.db", laptop)  # no Rumbo command: the file manager
    with open_database(laptop) as storage:
        assert storage.device_id != first_origin
        retired = storage.conn.execute("SELECT id FROM devices WHERE retired_at IS NOT NULL").fetchall()
        assert retired == [(first_origin,)]


def test_reopening_in_place_keeps_the_origin_and_old_files_adopt_their_home(tmp_path):
    laptop = tmp_path / "laptop.db"
    origin, _ids = _laptop_with_firms(laptop, 1)
    for _ in range(3):
        with open_database(laptop) as storage:
            assert storage.device_id == origin
    with open_database(laptop) as storage:  # a file from before homes were recorded
        storage.conn.execute("UPDATE devices SET home = NULL")
    with open_database(laptop) as storage:
        assert storage.device_id == origin
        assert storage.conn.execute("SELECT home FROM devices WHERE is_local = 1").fetchone()[0].endswith("laptop.db")


def test_changes_of_the_retired_origin_still_travel(tmp_path):
    """Made before the copy, never exported: they go out under their first origin's numbers."""
    laptop, centre = tmp_path / "laptop.db", tmp_path / "centro.db"
    first_origin, ids = _laptop_with_firms(laptop, 2)
    moved = tmp_path / "otra-carpeta" / "laptop.db"
    moved.parent.mkdir()
    shutil.copy2(laptop, moved)
    _edit(moved, ids[0], notes="después de mover")
    _send(moved, centre, tmp_path / "x.rumbo")
    with open_database(centre) as storage:
        origins = Counter(entry.origin for entry in changelog.entries(storage))
    with open_database(moved) as storage:
        assert set(origins) == {first_origin, storage.device_id}
    assert _firm(centre, ids[0])["notes"] == "después de mover" and _firm(centre, ids[1]) is not None


def _register(path, name):
    with open_database(path) as storage:
        return firms.register_firm(storage, {"legal_name": name, "country": "SV"}, None)["id"]


def _live_names(path):
    with open_database(path) as storage:
        return {r[0] for r in storage.conn.execute("SELECT legal_name FROM firms WHERE deleted_at IS NULL")}


@pytest.mark.attack(5, 'A restored laptop never gets back what its restore lost (by bundle, every order)')
@pytest.mark.parametrize("centre_first", [False, True], ids=["laptop-writes-first", "centre-writes-first"])
@pytest.mark.parametrize("address", ["enrolled-id", "name"])
def test_the_centre_sends_back_the_firms_a_restore_lost(tmp_path, centre_first, address):
    """Issue 31 item 5: 5 firms on the laptop, 7 at the centre after three rounds, when the centre
    wrote for the id it enrolled (the laptop's id before the restore)."""
    laptop, centre = tmp_path / "laptop.db", tmp_path / "centro.db"
    first_id, _ids = _laptop_with_firms(laptop, 3)
    bundles = iter(tmp_path / f"b{i}.rumbo" for i in range(100))

    def laptop_to_centre():
        _send(laptop, centre, next(bundles))

    def centre_to_laptop():
        path = next(bundles)
        with open_database(centre) as storage:
            sync.export_bundle(storage, path, peer=first_id if address == "enrolled-id" else "Laptop Ana")
        with open_database(laptop) as storage:
            sync.import_bundle(storage, path)

    laptop_to_centre()
    with open_database(laptop) as storage:
        maintenance.backup_database(storage, tmp_path / "lunes.db")
    lost = {_register(laptop, "Perdida 1"), _register(laptop, "Perdida 2")}
    laptop_to_centre()
    maintenance.restore_database(laptop, tmp_path / "lunes.db")
    _register(laptop, "Nueva 1")
    _register(laptop, "Nueva 2")
    assert len(_live_names(laptop)) == 5

    for _round in range(3):
        for step in ((centre_to_laptop, laptop_to_centre) if centre_first else (laptop_to_centre, centre_to_laptop)):
            step()
    assert _live_names(laptop) == _live_names(centre)
    assert {"Perdida 1", "Perdida 2", "Nueva 1", "Nueva 2"} <= _live_names(laptop) and len(_live_names(laptop)) == 7
    with open_database(laptop) as storage:
        assert all(firms.get_firm(storage, f) is not None for f in lost)
    _origin_numbers_are_unique(laptop, centre)
