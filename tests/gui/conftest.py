"""Fixtures for the GUI tests: a fresh database and an application context.

The context uses :class:`SyncRunner`, so background work runs at once and a
test sees its result on the next line, and an ini-file QSettings in the test's
folder, so no test touches the user's real preferences.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.gui.context import AppContext
from desktop.services.profile import create_adviser
from desktop.services.storage import open_database
from desktop.tasks import SyncRunner


@pytest.fixture
def storage(tmp_path):
    """An empty, migrated Rumbo database in the test's folder."""
    opened = open_database(tmp_path / "rumbo.db", device_name="Equipo de pruebas")
    yield opened
    opened.close()


@pytest.fixture
def bare_context(storage, tmp_path):
    """An application context with no adviser chosen yet (first start)."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    return AppContext(storage, runner=SyncRunner(), settings=settings)


@pytest.fixture
def context(bare_context):
    """An application context with an adviser created and chosen."""
    adviser = create_adviser(bare_context.storage, name="Ana Martínez", centre="CDMYPE San Miguel",
                             email="ana@cdmype.org.sv")
    bare_context.adviser_id = adviser["id"]
    return bare_context
