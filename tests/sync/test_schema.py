"""The sync tables exist as soon as a database is opened, and re-applying them is harmless."""

from __future__ import annotations

from db.connection import open_storage
from db.sync.schema import apply_sync_migrations
from db.sync.state import ensure_schema

SYNC_TABLES = {"sync_local", "sync_peers", "sync_changes", "sync_heads", "sync_conflicts", "sync_merges",
               "sync_distinct", "sync_bundles", "sync_keys", "sync_trusted", "sync_authority_refused",
               "sync_origins"}


MIGRATIONS = ["0001_sync_tables", "0002_distinct_firms", "0003_device_keys", "0004_change_links",
              "0005_centre_server", "0006_server_scope", "0007_authority_and_attestations"]


def _keys(storage) -> tuple:
    return storage.conn.execute("SELECT signing_seed, encryption_secret FROM sync_keys").fetchall()


def _tables(storage) -> set[str]:
    return {r[0] for r in storage.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _applied(storage) -> list[str]:
    return [r[0] for r in storage.conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'rumbo_sync' ORDER BY name")]


def test_a_freshly_opened_database_has_the_sync_tables(tmp_path):
    with open_storage(tmp_path / "nuevo.db", device_name="Laptop Ana") as storage:
        assert SYNC_TABLES <= _tables(storage)
        assert storage.conn.execute("SELECT role FROM sync_local").fetchall() == [("laptop",)]
        assert _applied(storage) == MIGRATIONS
        [(seed, secret)] = _keys(storage)
        assert len(seed) == len(secret) == 32


def test_the_lazy_path_and_reopening_change_nothing(tmp_path):
    path = tmp_path / "nuevo.db"
    with open_storage(path) as storage:
        storage.conn.execute("UPDATE sync_local SET role = 'centre'")
        storage.conn.commit()
        keys = _keys(storage)
        ensure_schema(storage)
        apply_sync_migrations(storage.db)
        assert _applied(storage) == MIGRATIONS
    with open_storage(path) as storage:
        assert _applied(storage) == MIGRATIONS
        assert _keys(storage) == keys  # made once, at the first opening
        assert storage.conn.execute("SELECT role FROM sync_local").fetchall() == [("centre",)]


def test_an_in_memory_database_has_them_too():
    with open_storage(None) as storage:
        assert SYNC_TABLES <= _tables(storage)
