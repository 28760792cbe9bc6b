"""Removing access from Configuración re-keys the database; what it leaves to do is shown once."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from db import keyfile, keys
from desktop.gui.settings.security_box import AccessDialog
from desktop.gui.settings.sign_in import RecoveryKeyDialog, sign_in_at_start
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import security
from desktop.services.storage import open_database
from tests.services.test_rekey import PASSWORDS, _version_1, backups_of, keys_in, make_centre, opened_by


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: tmp_path / "copias")
    yield
    keys._unlocked.clear()
    keys._older.clear()


@pytest.fixture
def centre(tmp_path):
    db = tmp_path / "rumbo.db"
    ids = make_centre(db, firms=3)
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"
    old_copy.parent.mkdir()
    return db, ids, old_copy


def _dialog(qtbot, db, ids, tmp_path, runner=None):
    storage = open_database(db)
    context = AppContext(storage, runner=runner or SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    dialog = AccessDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return storage, dialog


def _choose(dialog, adviser_id):
    row = next(i for i, r in enumerate(dialog.rows) if r["id"] == adviser_id)
    dialog.table.setCurrentCell(row, 0)
    return row


def test_quitar_el_acceso_rekeys_and_the_window_keeps_working(qtbot, tmp_path, centre, dialogs):
    db, ids, old_copy = centre
    shutil.copy(keys.key_file_path(db), old_copy)
    storage, dialog = _dialog(qtbot, db, ids, tmp_path)
    try:
        _choose(dialog, ids["beto"])
        qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
        row = _choose(dialog, ids["beto"])
        assert dialog.table.item(row, 1).text() == "sin acceso"
        assert dialogs.errors == [] and dialogs.infos == []  # nothing more to do: every entry was version 2
        assert getattr(dialog, "recovery_dialog", None) is None
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 3  # the window's connection
    finally:
        dialog.close()
        storage.close()
    assert opened_by([db, *backups_of(db)], keys_in(old_copy, {"beto": PASSWORDS["beto"]})) == []


def test_an_old_key_file_needs_new_passwords_and_shows_the_new_recovery_key_once(qtbot, tmp_path, centre, dialogs):
    db, ids, old_copy = centre
    _version_1(db, PASSWORDS, ids["recovery"])
    security.lock(db)
    security.sign_in(db, "ana", PASSWORDS["ana"])
    shutil.copy(keys.key_file_path(db), old_copy)
    storage, dialog = _dialog(qtbot, db, ids, tmp_path)
    try:
        _choose(dialog, ids["beto"])
        qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
        assert len(dialogs.infos) == 1 and dialogs.infos[0][1].endswith("necesitan una contraseña nueva (elíjalos "
                                                                        "en esta lista): Carla.")
        row = _choose(dialog, ids["carla"])
        assert dialog.table.item(row, 1).text() == "carla (sin contraseña)"
        shown = dialog.recovery_dialog
        assert isinstance(shown, RecoveryKeyDialog) and shown.isVisible()
        fresh = shown.key_label.text()
        dialog.grab().save(str(tmp_path / "acceso.png"))
        shown.grab().save(str(tmp_path / "clave.png"))
        shown.noted.setChecked(True)
        qtbot.mouseClick(shown.ok, Qt.MouseButton.LeftButton)
        assert shown.result() == QDialog.DialogCode.Accepted
    finally:
        dialog.close()
        storage.close()
    assert not keyfile.KeyFile.read(db).recovery_owed  # shown once
    security.lock(db)
    assert security.recover(db, fresh, "ana", "nuevaclave1", "nuevaclave1").login == "ana"


def test_quitar_el_acceso_waits_for_background_work(qtbot, tmp_path, centre, dialogs):
    db, ids, _old_copy = centre

    class Busy(SyncRunner):
        busy = True

    storage, dialog = _dialog(qtbot, db, ids, tmp_path, Busy())
    try:
        _choose(dialog, ids["beto"])
        before = keys.key_for(db)
        assert not dialog.take_away()
        assert [e.message for e in dialogs.errors] == [
            "Espere a que termine la tarea en curso: quitar el acceso cambia la llave de la base de datos."]
        assert keys.key_for(db) == before and keyfile.KeyFile.read(db).entry_for("beto") is not None
    finally:
        dialog.close()
        storage.close()


def test_the_next_administrator_to_sign_in_is_shown_an_owed_recovery_key(tmp_path, centre, monkeypatch):
    db, ids, _old_copy = centre
    _version_1(db, PASSWORDS, ids["recovery"])
    security.lock(db)
    security.sign_in(db, "ana", PASSWORDS["ana"])  # Ana's entry follows new keys from now on; the recovery key cannot
    with open_database(db) as storage:
        security.remove_access(storage, ids["ana"], ids["beto"])  # no window to show the key in (as a script)
        security.grant_access(storage, ids["ana"], ids["carla"], "carla", "otra-clave-9", "coordinator")
    assert keyfile.KeyFile.read(db).recovery_owed
    shown = []
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda self: shown.append(self.key_label.text()) or 1)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    security.lock(db)
    carla = sign_in_at_start(db, settings=settings, environ={"RUMBO_USER": "carla", "RUMBO_PASSWORD": "otra-clave-9"})
    assert carla.role == "coordinator" and shown == []  # the recovery key is an administrator's to keep
    security.lock(db)
    ana = sign_in_at_start(db, settings=settings, environ={"RUMBO_USER": "ana", "RUMBO_PASSWORD": PASSWORDS["ana"]})
    assert ana.role == "administrator" and len(shown) == 1
    security.lock(db)
    assert sign_in_at_start(db, settings=settings, environ={"RUMBO_USER": "ana", "RUMBO_PASSWORD": PASSWORDS["ana"]})
    assert len(shown) == 1  # once
    security.lock(db)
    assert security.recover(db, shown[0], "ana", "nuevaclave1", "nuevaclave1").login == "ana"


def test_with_the_real_task_thread_the_window_stays_usable_through_the_rekey(qtbot, tmp_path, centre, dialogs):
    """The re-key runs on the task thread over the window's own connection; the window reads it after."""
    from desktop.gui.shared.tasks import TaskRunner

    db, ids, old_copy = centre
    shutil.copy(keys.key_file_path(db), old_copy)
    runner = TaskRunner()
    storage, dialog = _dialog(qtbot, db, ids, tmp_path, runner)
    try:
        _choose(dialog, ids["beto"])
        qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
        assert not dialog.isEnabled()  # nothing else can use the connection meanwhile
        qtbot.waitUntil(lambda: dialog.isEnabled() and not runner.busy, timeout=60_000)
        assert dialogs.errors == []
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 3
        row = _choose(dialog, ids["beto"])
        assert dialog.table.item(row, 1).text() == "sin acceso"
    finally:
        dialog.close()
        storage.close()
    assert opened_by([db, *backups_of(db)], keys_in(old_copy, {"beto": PASSWORDS["beto"]})) == []
