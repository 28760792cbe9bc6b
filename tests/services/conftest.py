"""Fixtures for the service tests: a fresh database opened the way the app opens it."""

from __future__ import annotations

import pytest

from desktop.services.storage import open_database


@pytest.fixture
def fresh_db(tmp_path):
    """An empty Rumbo database opened through ``open_database``."""
    storage = open_database(tmp_path / "rumbo.db", device_name="Equipo de pruebas")
    yield storage
    storage.close()


@pytest.fixture
def storage(fresh_db):
    """Alias of ``fresh_db``."""
    return fresh_db
