"""Issue 31 items 8 and 12: what the hash chain cannot see, ``rumbo check`` now names.

An adviser raised their own role by unwrapping the database key with their password and editing
the advisers table; ``rumbo check`` still said «íntegro». Deleting the last history entry was not
detected either. ``db.audit`` compares every row with its history, the end of this device's history
with what it handed out, and every role change with who could make it.
"""

from __future__ import annotations

import pytest

from db import chain, records
from db.audit import audit, row_matches_history
from desktop.cli import main
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import give_a_centre


@pytest.fixture
def laptop(tmp_path):
    """A laptop with its administrator, an adviser and two firms."""
    path = tmp_path / "laptop.db"
    with open_database(path, device_name="Laptop Beto") as storage:
        boss = records.insert(storage, "advisers", {"name": "Jefa", "active": True}, None)["id"]
        records.update(storage, "advisers", boss, {"role": "administrator", "login": "jefa"}, boss)  # the set-up
        beto = records.insert(storage, "advisers", {"name": "Beto", "active": True}, boss)["id"]
        records.update(storage, "advisers", beto, {"login": "beto"}, boss)
        for name in ("Café Sol", "Textiles Luna"):
            firms.register_firm(storage, {"legal_name": name, "country": "SV"}, beto)
    return path, boss, beto


def _check(path, capsys):
    code = main(["--db", str(path), "check"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_clean_database_passes(laptop, capsys):
    path, *_ = laptop
    code, out, err = _check(path, capsys)
    assert code == 0 and "Historial: íntegro" in out and err == ""
    with open_database(path) as storage:
        assert audit(storage.conn).ok


@pytest.mark.attack(8, 'An adviser raises their own role in the advisers table with the database key')
def test_a_role_raised_in_the_table_is_named(laptop, capsys):
    path, _boss, beto = laptop
    with open_database(path) as storage:
        storage.conn.execute("UPDATE advisers SET role = 'administrator' WHERE id = ?", (beto,))
        storage.conn.commit()
        assert not row_matches_history(storage.conn, "advisers", beto)
    code, out, err = _check(path, capsys)
    assert code == 2
    assert "Asesor «Beto» no coincide con su historial (role): fue cambiado fuera de Rumbo." in out
    assert err.count("\n") == 1 and "restaure una copia de seguridad" in err


@pytest.mark.attack(8, 'An adviser writes their own promotion into the history')
def test_a_role_change_written_into_the_history_by_a_non_administrator_is_named(laptop, capsys):
    """The adviser also writes the history entry, in their own name, and seals the chain again."""
    path, _boss, beto = laptop
    with open_database(path) as storage:
        before = records.get(storage, "advisers", beto)
        records.update(storage, "advisers", beto, {"role": "administrator"}, beto)
        assert before["role"] == "adviser"
        assert chain.verify(storage.conn).ok  # the chain holds: it was written through Rumbo's own writer
    code, out, _err = _check(path, capsys)
    assert code == 2
    assert "Asesor «Beto»: role cambiado por Beto el" in out and "que no era administrador en ese momento" in out


def test_the_administrators_own_changes_and_the_set_up_pass(laptop):
    path, boss, beto = laptop
    with open_database(path) as storage:
        records.update(storage, "advisers", beto, {"role": "coordinator"}, boss)
        records.update(storage, "advisers", beto, {"active": False}, boss)
        assert audit(storage.conn).ok


@pytest.mark.attack(12, 'Deleting the last history entry')
def test_deleting_the_last_history_entry_is_named(laptop, capsys):
    path, *_ = laptop
    with open_database(path) as storage:
        last = storage.conn.execute("SELECT max(seq) FROM change_log").fetchone()[0]
        storage.conn.execute("DELETE FROM change_log WHERE seq = ?", (last,))
        storage.conn.commit()
    code, out, _err = _check(path, capsys)
    assert code == 2 and "Empresa «Textiles Luna» no coincide con su historial (sin historial)" in out


@pytest.mark.attack(12, 'Deleting the end of a history already sent')
def test_deleting_the_end_of_a_history_already_sent_is_named(laptop, tmp_path, capsys):
    """Rows and history cut together (record and its entries gone): the bundle copy remembers."""
    path, *_ = laptop
    with open_database(path) as storage:
        give_a_centre(storage, tmp_path)
        sync.export_bundle(storage, tmp_path / "a.rumbo")
        firm_id, seq = storage.conn.execute(
            "SELECT record_id, origin_seq FROM change_log WHERE table_name = 'firms' ORDER BY seq DESC").fetchone()
        storage.conn.execute("DELETE FROM change_log WHERE origin_seq >= ?", (seq,))
        storage.conn.execute("DELETE FROM firms_fts WHERE rowid = (SELECT rowid FROM firms WHERE id = ?)", (firm_id,))
        storage.conn.execute("DELETE FROM firms WHERE id = ?", (firm_id,))
        storage.conn.commit()
        found = audit(storage.conn).findings
    assert [f.kind for f in found] == ["history_cut"]
    code, out, _err = _check(path, capsys)
    assert code == 2 and "le faltan cambios del final" in out
