"""Fixtures for the storage tests: an empty, migrated database file per test."""

from __future__ import annotations

import pytest

from db.connection import open_storage


@pytest.fixture
def db_path(tmp_path):
    """Where the test's database file lives."""
    return tmp_path / "rumbo.db"


@pytest.fixture
def fresh_db(db_path):
    """An empty Rumbo database (a file, so WAL and locking behave as in use)."""
    storage = open_storage(db_path, device_name="Equipo de pruebas")
    yield storage
    storage.close()


@pytest.fixture
def storage(fresh_db):
    """Alias of ``fresh_db`` for tests that read better with it."""
    return fresh_db
