"""Opening databases: pragmas, migrations, version checks, device row."""

from __future__ import annotations

from db.driver import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import firms
from db.connection import open_storage
from db.errors import SchemaTooNewError
from db.queries import search
from db.schema import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def test_fresh_database_is_migrated_with_wal_and_foreign_keys(fresh_db):
    assert fresh_db.schema_version() == SCHEMA_VERSION == 9
    assert fresh_db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert fresh_db.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert [m.name for m in MIGRATIONS.applied(fresh_db.db)] == ["0001_core_tables", "0002_firm_search",
                                                               "0003_live_firm_indexes", "0004_search_prefix_one_letter",
                                                               "0005_origin_home_and_application_id",
                                                               "0006_adviser_roles_and_logins", "0007_change_log_chain", "0008_advisory_record",
                                                               "0009_size_definitions", "0010_programme_directory",
                                                                   "0011_advisory_loop"]
    assert MIGRATIONS.pending(fresh_db.db) == []


def test_reopening_keeps_device_and_runs_nothing_again(db_path, fresh_db):
    device = fresh_db.device_id
    fresh_db.close()
    with open_storage(db_path, device_name="Otro nombre") as again:
        assert again.device_id == device and again.device_name == "Equipo de pruebas"
        assert len(MIGRATIONS.applied(again.db)) == 11
        assert again.conn.execute("SELECT count(*) FROM devices").fetchone()[0] == 1


def test_default_device_name_uses_the_host_name(tmp_path):
    import socket

    with open_storage(tmp_path / "a.db") as storage:
        assert storage.device_name == f"Equipo {socket.gethostname()}"


def test_folders_are_created(tmp_path):
    with open_storage(tmp_path / "deep" / "er" / "rumbo.db") as storage:
        assert storage.path.exists()


def _v1_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "rumbo_schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()


def test_version_1_fixture_file_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    _v1_file(path)
    with open_storage(path) as storage:
        assert storage.schema_version() == SCHEMA_VERSION
        assert storage.device_name == "Laptop antigua"
        firm = firms.get_firm(storage, "01900000-0000-7000-8000-0000000000f1")
        assert firm["legal_name"] == "Cafetalera Señor de Esquipulas S.A."
        # Migration 2 indexed the firms that were already there ...
        assert search.ids(storage, search.FirmQuery(text="senor esquip")) == [firm["id"]]
        assert search.ids(storage, search.FirmQuery(text="marta guz")) == [firm["id"]]
        # ... and new writes continue the old device's sequence.
        firms.update_firm(storage, firm["id"], {"employees": 13}, None)
        seqs = [r[0] for r in storage.conn.execute("SELECT origin_seq FROM change_log ORDER BY seq")]
        assert seqs == [1, 2]


def test_a_file_stopped_before_migration_2_is_upgraded(tmp_path):
    path = tmp_path / "v1.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="0002_firm_search")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()
    with open_storage(path) as storage:
        assert storage.schema_version() == SCHEMA_VERSION
        assert "firms_fts" in storage.db.table_names()


def test_newer_file_is_refused_with_a_clear_sentence(db_path, fresh_db):
    fresh_db.conn.execute("PRAGMA user_version = 99")
    fresh_db.close()
    with pytest.raises(SchemaTooNewError) as info:
        open_storage(db_path)
    assert info.value.message == (
        "Este archivo fue creado por una versión más nueva de Rumbo (esquema 99); actualice la aplicación."
    )
    # Nothing was changed: the file still says 99.
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


def test_in_memory_database_for_quick_use():
    with open_storage(None) as storage:
        firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
        assert firms.count_firms(storage) == 1
