"""Opening a damaged encrypted database in the app: the adviser reads one sentence, nothing crashes."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings

from db import keys
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import security
from desktop.services.demo import make_demo
from desktop.services.storage import open_database

PAGE = 4096


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: tmp_path / "copias")
    yield
    keys._unlocked.clear()


def _damaged(tmp_path, page_of) -> tuple:
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    with open_database(db) as storage:
        make_demo(storage, 20)
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    security.lock(db)
    data = bytearray(db.read_bytes())
    page = page_of(len(data) // PAGE)
    data[(page - 1) * PAGE + 500] ^= 0x10
    db.write_bytes(bytes(data))
    return db, page


def test_the_app_refuses_a_damaged_first_page_with_the_restore_sentence(tmp_path, monkeypatch, qapp, dialogs):
    from desktop import app

    db, _page = _damaged(tmp_path, lambda pages: 1)
    monkeypatch.setenv("RUMBO_USER", "ana")
    monkeypatch.setenv("RUMBO_PASSWORD", "secreta123")
    monkeypatch.setattr(app, "ui_settings", lambda: QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own; put it back after
    assert app.run_gui(db_path=str(db)) == 2
    assert [e.kind for e in dialogs.errors] == ["damaged"]
    assert dialogs.errors[0].message.startswith("La base de datos está dañada (la página 1 del archivo cifrado")
    assert "rumbo restore COPIA.db" in dialogs.errors[0].message


def test_a_damaged_middle_page_is_found_by_the_start_up_check_and_told(tmp_path, qapp, dialogs):
    from desktop import app

    db, _page = _damaged(tmp_path, lambda pages: pages // 2)
    security.sign_in(db, "ana", "secreta123")  # the first page is sound
    storage = open_database(db)
    try:
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        app.start_backup_in_background(context)
    finally:
        storage.close()
    assert [e.kind for e in dialogs.errors] == ["damaged"]
    assert "Restaure una copia de seguridad" in dialogs.errors[0].message
    assert not list((tmp_path / "copias").rglob("rumbo-auto-*.db"))  # the damage was not copied over good backups
