"""The history is hash-chained per origin (issue 16, item 4).

Whoever edits the change log behind Rumbo's back (with the key, in an SQL shell) leaves a
broken link that ``rumbo check``, the Configuración page and the centre, when the laptop's
next bundle arrives, all find and name.
"""

from __future__ import annotations

import pytest

from db import chain
from db.firms import purge_firm
from db.sync.format import BundleError
from desktop.cli import main
from desktop.services import maintenance, sync
from desktop.services.demo import make_demo
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, exchange


def _firms(storage, n: int) -> list[str]:
    return [firms.register_firm(storage, {"legal_name": f"Empresa {i} <&> 🌶", "country": "SV"}, None)["id"]
            for i in range(n)]


def _local_seq(storage, firm_id: str, op: str = "insert") -> int:
    return storage.conn.execute("SELECT origin_seq FROM change_log WHERE record_id = ? AND op = ?",
                                (firm_id, op)).fetchone()[0]


def test_every_change_is_linked_to_the_one_before_it(fresh_db):
    ids = _firms(fresh_db, 3)
    firms.update_firm(fresh_db, ids[0], {"employees": 12}, None)
    make_demo(fresh_db, 20)  # the bulk paths: firms, assessments and answers in a few statements
    rows = fresh_db.conn.execute(
        "SELECT origin_seq, hash FROM change_log WHERE origin = ? ORDER BY origin_seq", (fresh_db.device_id,)
    ).fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert len(rows) > 500
    assert all(len(r[1]) == 64 for r in rows) and len({r[1] for r in rows}) == len(rows)
    report = maintenance.verify_history(fresh_db)
    assert report.ok and report.entries == len(rows) and report.origins == 1 and report.unchained == 0


def test_an_edited_entry_is_named_with_its_firm(fresh_db):
    ids = _firms(fresh_db, 4)
    firms.update_firm(fresh_db, ids[3], {"employees": 40}, None)
    target = _local_seq(fresh_db, ids[1])
    with fresh_db.db.conn:
        fresh_db.conn.execute("UPDATE change_log SET after = json_set(after, '$.employees', 999) "
                              "WHERE origin = ? AND origin_seq = ?", (fresh_db.device_id, target))
    report = maintenance.verify_history(fresh_db)
    assert not report.ok
    [brk] = report.breaks
    assert (brk.origin_seq, brk.table, brk.record_id, brk.reason) == (target, "firms", ids[1], "altered")
    sentence = maintenance.break_sentence(brk)
    assert sentence.startswith(f"El cambio {target} de «Equipo de pruebas» (empresa «Empresa 1 <&> 🌶»")
    assert sentence.endswith("fue modificado después de registrarse.")


def test_a_removed_entry_and_an_unsealed_one_are_found(fresh_db):
    ids = _firms(fresh_db, 5)
    gone = _local_seq(fresh_db, ids[2])
    with fresh_db.db.conn:
        fresh_db.conn.execute("DELETE FROM change_log WHERE origin = ? AND origin_seq = ?",
                              (fresh_db.device_id, gone))
    [brk] = maintenance.verify_history(fresh_db).breaks
    assert (brk.origin_seq, brk.reason) == (gone + 1, "missing")

    other = open_database(fresh_db.path.parent / "otra.db")
    try:
        ids = _firms(other, 3)
        with other.db.conn:
            other.conn.execute("UPDATE change_log SET hash = NULL WHERE record_id = ?", (ids[1],))
        # Reopening seals what is unsealed only after the last sealed entry; one in the middle stays broken.
        [brk] = maintenance.verify_history(other).breaks
        assert (brk.record_id, brk.reason) == (ids[1], "unsealed")
    finally:
        other.close()


def test_a_history_from_before_the_chain_is_sealed_at_the_next_opening(tmp_path):
    path = tmp_path / "antigua.db"
    with open_database(path) as storage:
        _firms(storage, 3)
        sealed = [r[0] for r in storage.conn.execute("SELECT hash FROM change_log ORDER BY seq")]
        with storage.db.conn:  # as a file written by Rumbo before issue 16 holds it
            storage.conn.execute("UPDATE change_log SET hash = NULL")
            storage.conn.execute("UPDATE sync_changes SET hash = NULL, before_sha = NULL")
    with open_database(path) as storage:
        assert [r[0] for r in storage.conn.execute("SELECT hash FROM change_log ORDER BY seq")] == sealed
        assert maintenance.verify_history(storage).ok


def test_rumbo_check_names_the_first_broken_entry_and_fails(tmp_path, capsys):
    path = tmp_path / "rumbo.db"
    with open_database(path, device_name="Laptop Ana") as storage:
        ids = _firms(storage, 3)
        target = _local_seq(storage, ids[0])
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Historial: íntegro (3 cambios de 1 equipo verificados)" in out
    with open_database(path) as storage, storage.db.conn:
        storage.conn.execute("UPDATE change_log SET changed_by = 'intruso' WHERE origin_seq = ?", (target,))
    assert main(["--db", str(path), "check"]) == 2
    captured = capsys.readouterr()
    assert "Historial: ALTERADO" in captured.out
    assert f"El cambio {target} de «Laptop Ana» (empresa «Empresa 0 <&> 🌶»" in captured.out
    assert captured.err.startswith("El historial de cambios fue alterado;")


@pytest.fixture
def pair(tmp_path):
    laptop = open_database(tmp_path / "laptop.db", device_name="Laptop Ana – San Miguel")
    centre = open_database(tmp_path / "centro.db", device_name="Centro San Salvador")
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)
    yield laptop, centre
    laptop.close()
    centre.close()


def test_the_centre_verifies_the_laptops_history_from_its_bundles(tmp_path, pair):
    laptop, centre = pair
    ids = _firms(laptop, 3)
    firms.update_firm(laptop, ids[0], {"employees": 7}, None)
    exchange(laptop, centre, tmp_path)
    held = centre.conn.execute("SELECT count(*), count(hash) FROM sync_changes WHERE origin = ?",
                               (laptop.device_id,)).fetchone()
    assert held == (4, 4)
    report = maintenance.verify_history(centre)
    assert report.ok and report.origins == 1 and report.entries == 4  # the centre has no changes of its own yet

    # A purge never travels: the next change still links to the last one that did.
    purge_firm(laptop, ids[2], None)
    firms.update_firm(laptop, ids[1], {"employees": 9}, None)
    exchange(laptop, centre, tmp_path)
    assert firms.get_firm(centre, ids[1])["employees"] == 9
    assert maintenance.verify_history(laptop).ok and maintenance.verify_history(centre).ok


def test_a_laptop_whose_history_was_rewritten_is_refused_by_the_centre(tmp_path, pair):
    laptop, centre = pair
    ids = _firms(laptop, 2)
    exchange(laptop, centre, tmp_path)
    # Someone with the key rewrites a change the centre already holds, and re-seals every link after it,
    # so that the laptop's own check passes; then work goes on.
    first = _local_seq(laptop, ids[0])
    with laptop.db.conn:
        laptop.conn.execute("UPDATE change_log SET after = json_set(after, '$.legal_name', 'Otra'), hash = NULL"
                            " WHERE origin = ? AND origin_seq >= ?", (laptop.device_id, first))
        laptop.conn.execute("UPDATE sync_changes SET hash = NULL WHERE origin = ?", (laptop.device_id,))
        chain.seal(laptop.conn, laptop.device_id)
    assert maintenance.verify_history(laptop).ok
    firms.update_firm(laptop, ids[1], {"employees": 3}, None)
    before = centre.conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0]
    path = tmp_path / "reescrito.rumbo"
    sync.export_bundle(laptop, path)
    with pytest.raises(BundleError) as err:
        sync.import_bundle(centre, path)
    assert err.value.kind == "history"
    assert err.value.message.startswith("El historial de «Laptop Ana – San Miguel» que trae el paquete "
                                        "«reescrito.rumbo» no coincide con el recibido antes")
    assert err.value.message.endswith("así que no se aplicó ninguno de sus cambios.")
    assert centre.conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0] == before
    assert firms.get_firm(centre, ids[1])["employees"] is None


def test_a_forged_link_in_a_relayed_history_is_found_at_the_next_device(tmp_path):
    a = open_database(tmp_path / "a.db", device_name="Laptop A")
    b = open_database(tmp_path / "b.db", device_name="Laptop B")
    centre = open_database(tmp_path / "c.db", device_name="Centro")
    try:
        sync.set_device_role(centre, "centre")
        enrol_each_other(a, b, centre)
        _firms(a, 2)
        _firms(b, 1)
        exchange(a, centre, tmp_path)
        exchange(centre, b, tmp_path)
        report = maintenance.verify_history(b)
        assert report.ok and (report.origins, report.entries) == (2, 3)  # B checks A's history, relayed
        with centre.db.conn:  # the centre's copy of A's second change is altered
            centre.conn.execute("UPDATE sync_changes SET changed_at = '2020-01-01T00:00:00Z' "
                                "WHERE origin = ? AND origin_seq = 2", (a.device_id,))
        [brk] = maintenance.verify_history(centre).breaks
        assert (brk.origin, brk.origin_seq, brk.origin_name, brk.reason) == (a.device_id, 2, "Laptop A", "altered")
    finally:
        for s in (a, b, centre):
            s.close()
