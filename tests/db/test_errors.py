"""Environmental SQLite failures become one StorageError; bugs stay bugs."""

from __future__ import annotations

from db.driver import sqlite3

import pytest
from sqlite_utils import Database

from db import firms, records
from db.connection import Storage, open_storage
from db.errors import MESSAGES, StorageError
from desktop.domain.errors import UserError


def test_garbage_file_is_not_a_database(tmp_path):
    path = tmp_path / "basura.db"
    path.write_bytes(b"\x89PNG this is certainly not SQLite " * 200)
    with pytest.raises(StorageError) as info:
        open_storage(path)
    assert info.value.kind == "corrupt"
    assert info.value.message == MESSAGES["corrupt"]
    assert isinstance(info.value, UserError)  # the CLI and GUI show its sentence


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as info:
        open_storage(path)
    assert info.value.kind == "foreign"
    assert info.value.message.startswith("Este archivo no es una base de datos de Rumbo")
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["recipes"]
    conn.close()


def test_damaged_pages_are_reported_as_corrupt(db_path, fresh_db):
    firms.insert_firms(fresh_db, [{"legal_name": f"Firma {i}" * 20, "country": "SV"} for i in range(400)], None)
    fresh_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fresh_db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):
        data[offset:offset + 64] = b"\xff" * 64  # smash every page header but the first three
    db_path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as info:
        storage = open_storage(db_path)
        try:
            firms.count_firms(storage)
            records.select(storage, "firms", "legal_name LIKE '%9%'")
        finally:
            storage.close()
    assert info.value.kind == "corrupt"


def test_read_only_database(db_path, fresh_db):
    device = fresh_db.device_id
    fresh_db.close()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    storage = Storage(Database(conn), db_path, device, "ro")
    with pytest.raises(StorageError) as info:
        firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    assert info.value.kind == "read_only"
    assert "solo lectura" in info.value.message
    assert firms.count_firms(storage) == 0
    storage.close()


def test_locked_database(db_path, fresh_db):
    fresh_db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as info:
            firms.insert_firm(fresh_db, {"legal_name": "A", "country": "SV"}, None)
        assert info.value.kind == "locked"
        assert "ocupada" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    # Once the other program lets go, writing works and nothing half-done remains.
    firms.insert_firm(fresh_db, {"legal_name": "A", "country": "SV"}, None)
    assert firms.count_firms(fresh_db) == 1


def test_disk_full(fresh_db):
    pages = fresh_db.conn.execute("PRAGMA page_count").fetchone()[0]
    fresh_db.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    rows = [{"legal_name": "Empresa " + "x" * 500, "country": "SV"} for _ in range(500)]
    with pytest.raises(StorageError) as info:
        firms.insert_firms(fresh_db, rows, None)
    assert info.value.kind == "disk_full"
    assert firms.count_firms(fresh_db) == 0


def test_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as info:
        open_storage(blocker / "rumbo.db")
    assert info.value.kind == "cannot_open"


def test_programming_errors_are_not_disguised(fresh_db):
    with pytest.raises(sqlite3.OperationalError) as info:
        records.select(fresh_db, "firms", "no_such_column = 1")
    assert not isinstance(info.value, StorageError)
    with pytest.raises(sqlite3.IntegrityError):
        firms.insert_firm(fresh_db, {"legal_name": "A", "country": "SV", "owner_gender": "Z"}, None)
