"""Backups (online, while in use), restore (checked, current kept aside), check."""

from __future__ import annotations

from db.driver import sqlite3

import pytest

from db import backup as backups
from db import firms
from db.connection import open_storage
from db.errors import SchemaTooNewError, StorageError
from db.schema import SCHEMA_VERSION
from desktop.domain.errors import UserError


def _fill(storage, n, prefix="Firma"):
    return firms.insert_firms(storage, [{"legal_name": f"{prefix} {i}", "country": "SV"} for i in range(n)], None)


def test_backup_while_open_and_writing(fresh_db, tmp_path):
    _fill(fresh_db, 30)
    (tmp_path / "copias").mkdir()
    with fresh_db.write():
        # A transaction in progress is not part of the snapshot.
        firms.insert_firm(fresh_db, {"legal_name": "A medias", "country": "SV"}, None)
        with open_storage(fresh_db.path) as other:
            out = backups.backup(other, tmp_path / "copias" / "copia.db")
    report = backups.check_file(out)
    assert report.ok and report.counts["firms"] == 30 and report.schema_version == SCHEMA_VERSION
    assert not (tmp_path / "copias" / "copia.db-wal").exists()
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_backup_refuses_to_overwrite(fresh_db, tmp_path):
    out = tmp_path / "copia.db"
    out.write_text("valioso")
    with pytest.raises(UserError):
        backups.backup(fresh_db, out)
    assert out.read_text() == "valioso"
    with pytest.raises(UserError):
        backups.backup(fresh_db, fresh_db.path)


def test_check_counts_tables_and_tombstones(fresh_db):
    ids = _fill(fresh_db, 5)
    firms.delete_firm(fresh_db, ids[0], None)
    report = backups.check_file(fresh_db.path)
    assert report.ok and report.problems == []
    assert report.counts["firms"] == 5 and report.deleted["firms"] == 1
    assert report.counts["change_log"] == 6 and report.counts["devices"] == 1


def test_check_finds_a_damaged_search_index(fresh_db):
    _fill(fresh_db, 5)
    fresh_db.conn.execute("DELETE FROM firms_fts_data WHERE id > 1")
    report = backups.check_connection(fresh_db.conn)
    assert not report.ok and "búsqueda" in report.problems[0]


def test_restore_replaces_and_keeps_the_current_file_aside(db_path, fresh_db, tmp_path):
    _fill(fresh_db, 3, "Vieja")
    copy = backups.backup(fresh_db, tmp_path / "copia.db")
    _fill(fresh_db, 4, "Nueva")
    fresh_db.close()
    aside = backups.restore(db_path, copy)
    assert aside.name.startswith("rumbo.antes-de-restaurar-") and aside.suffix == ".db"
    with open_storage(db_path) as restored:
        assert firms.count_firms(restored) == 3
    with open_storage(aside) as previous:
        assert firms.count_firms(previous) == 7


def test_restore_into_a_damaged_database_keeps_the_damaged_file(db_path, fresh_db, tmp_path):
    _fill(fresh_db, 2)
    copy = backups.backup(fresh_db, tmp_path / "copia.db")
    fresh_db.close()
    db_path.write_bytes(b"destrozado" * 1000)
    aside = backups.restore(db_path, copy)
    assert aside.read_bytes().startswith(b"destrozado")
    with open_storage(db_path) as restored:
        assert firms.count_firms(restored) == 2


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer", "missing", "damaged"])
def test_restore_refuses_bad_files_and_changes_nothing(db_path, fresh_db, tmp_path, kind):
    _fill(fresh_db, 2)
    src = tmp_path / f"{kind}.db"
    if kind == "garbage":
        src.write_bytes(b"no soy una base de datos" * 100)
    elif kind == "foreign":
        conn = sqlite3.connect(src)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        backups.backup(fresh_db, src)
        conn = sqlite3.connect(src)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    elif kind == "damaged":
        _fill(fresh_db, 300, "Relleno " * 10)
        backups.backup(fresh_db, src)
        data = bytearray(src.read_bytes())
        for offset in range(4096 * 4, len(data) - 4096, 4096):
            data[offset + 8:offset + 40] = b"\x00\x07" * 16
        src.write_bytes(bytes(data))
    fresh_db.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError) as info:
        backups.restore(db_path, src)
    if kind == "newer":
        assert isinstance(info.value, SchemaTooNewError)
    elif kind != "missing":
        assert isinstance(info.value, StorageError)
    assert db_path.read_bytes() == before
    assert list(tmp_path.glob("*antes-de-restaurar*")) == []


def test_restore_of_an_older_version_is_upgraded_on_open(db_path, tmp_path):
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "rumbo_schema_v1.sql"
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript(fixture.read_text(encoding="utf-8"))
    conn.close()
    assert backups.restore(db_path, old) is None  # nothing there before
    with open_storage(db_path) as storage:
        assert storage.schema_version() == SCHEMA_VERSION and firms.count_firms(storage) == 1


def test_auto_backup_keeps_the_newest(fresh_db, tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    (folder / "mine.db").write_text("not touched")
    made = []
    for i in range(5):
        firms.insert_firm(fresh_db, {"legal_name": f"F{i}", "country": "SV"}, None)
        made.append(backups.auto_backup(fresh_db, folder, keep=3))
    kept = sorted(folder.glob("rumbo-auto-*.db"))
    assert kept == made[-3:]
    assert (folder / "mine.db").read_text() == "not touched"
    assert backups.check_file(kept[-1]).counts["firms"] == 5
