"""The sign-in screens as an adviser meets them: set-up, the recovery key, sign-in, the idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from db import keys
from desktop.gui.settings.security_box import AccessDialog, SecurityBox
from desktop.gui.settings.sign_in import IdleLock, RecoveryKeyDialog, SetUpDialog, SignInDialog, sign_in_at_start
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import security
from desktop.services.storage import open_database


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: tmp_path / "copias")
    yield
    keys._unlocked.clear()


def _type(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_set_up_by_keyboard_moves_field_to_field_and_encrypts(qtbot, tmp_path):
    db = tmp_path / "rumbo.db"
    dialog = SetUpDialog(db, "new")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name = dialog.findChild(QLineEdit, "setUpName")
    _type(qtbot, name, "Maria Jose Nunez")
    assert dialog.findChild(QLineEdit, "setUpLogin").text() == "maria.jose"  # suggested from the name
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.findChild(QLineEdit, "setUpCentre")
    assert not dialog.result() and not db.exists()  # Enter moved on; nothing was set up yet
    _type(qtbot, dialog.findChild(QLineEdit, "setUpPassword"), "corta")
    _type(qtbot, dialog.findChild(QLineEdit, "setUpRepeat"), "corta")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.boxes["password"].problem.message == "La contraseña debe tener al menos 8 caracteres."
    assert not db.exists()
    for field in ("setUpPassword", "setUpRepeat"):
        editor = dialog.findChild(QLineEdit, field)
        editor.clear()
        _type(qtbot, editor, "secreta123")
    device = dialog.findChild(QLineEdit, "setUpDevice")
    device.clear()
    qtbot.keyClick(dialog.findChild(QLineEdit, "setUpRepeat"), Qt.Key.Key_Return)  # moves on to the device
    assert dialog.focusWidget() is device and not db.exists()
    qtbot.keyClick(device, Qt.Key.Key_Return)
    assert dialog.boxes["device"].problem.message == "Escriba un nombre para este equipo."
    assert not db.exists()
    _type(qtbot, device, "Laptop de Maria Jose Nunez")
    qtbot.keyClick(device, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_of_set_up.signed_in.role == "administrator"
    assert security.state(db) == "encrypted"
    with open_database(db) as storage:
        assert storage.device_name == "Laptop de Maria Jose Nunez"  # offered from the name, as typed


def test_the_recovery_key_cannot_be_skipped_before_it_is_noted(qtbot):
    dialog = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key_label.text() == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Escape does not close it yet
    dialog.noted.setFocus()
    qtbot.keyClick(dialog.noted, Qt.Key.Key_Space)
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_sign_in_says_what_is_wrong_then_lets_the_adviser_in(qtbot, tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    security.lock(db)
    dialog = SignInDialog(db, "ana")
    qtbot.addWidget(dialog)
    password = dialog.findChild(QLineEdit, "signInPassword")
    assert password.echoMode() == QLineEdit.EchoMode.Password
    _type(qtbot, password, "equivocada")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    assert dialog.boxes["password"].problem.message == "El usuario o la contraseña no son correctos."
    assert password.text() == "" and not security.is_unlocked(db)
    _type(qtbot, password, "secreta123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.signed_in.login == "ana"
    assert security.is_unlocked(db)


def test_demo_start_sets_up_the_documented_account(tmp_path):
    db = tmp_path / "rumbo.db"
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    signed = sign_in_at_start(db, demo=True, settings=settings, environ={})
    assert signed.login == security.DEMO_LOGIN == "demo"
    security.lock(db)
    assert security.sign_in(db, "demo", "rumbo-demo").role == "administrator"
    # Later starts sign in with the documented password (here from the environment, as scripts do).
    assert sign_in_at_start(db, settings=settings, environ={"RUMBO_USER": "demo",
                                                            "RUMBO_PASSWORD": "rumbo-demo"}).login == "demo"
    assert settings.value("security/last_login") == "demo"


def test_idle_lock_covers_the_windows_and_keeps_what_was_typed(qtbot, tmp_path):
    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana", "ana", "secreta123")
    window = QWidget()
    qtbot.addWidget(window)
    typed = QLineEdit(window, objectName="halfTyped")
    window.show()
    _type(qtbot, typed, "Cooperativa <b>&Cafe</b> ")
    typed.insert("😀")  # pasted: QTest types ASCII only
    now = [0.0]
    lock = IdleLock(db, "ana", minutes=10, parent=window, clock=lambda: now[0])
    now[0] = 9 * 60
    lock.check()
    assert not lock.locked
    seen = {}

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "lockDialog" and w.isVisible())
        seen["covered"] = [c.isVisible() for c in window.findChildren(QWidget, "lockCover")]
        box = dialog.findChild(QLineEdit, "signInPassword")
        qtbot.keyClicks(box, "equivocada")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        seen["problem"] = dialog.boxes["password"].problem.message
        qtbot.keyClicks(box, "secreta123")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    now[0] = 10 * 60 + 1
    QTimer.singleShot(0, answer)
    lock.check()  # ten minutes without input: locks, and the password unlocks
    assert seen["covered"] == [True]
    assert seen["problem"] == "La contraseña no es correcta."
    assert not lock.locked
    assert typed.text() == "Cooperativa <b>&Cafe</b> 😀"
    qtbot.waitUntil(lambda: not window.findChildren(QWidget, "lockCover"))


def test_security_box_and_access_dialog_for_an_administrator(qtbot, tmp_path):
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana Pérez", "ana", "secreta123")
    storage = open_database(db)
    try:
        beto = security.adviser_repo.create_adviser(storage, {"name": "Beto", "active": True},
                                                    made.signed_in.adviser_id)
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        box = SecurityBox(context)
        qtbot.addWidget(box)
        assert box.session.text() == "Ana Pérez (ana), administrador"
        assert box.access.isVisibleTo(box)
        dialog = box.manage_access()
        assert isinstance(dialog, AccessDialog)
        row = next(i for i, r in enumerate(dialog.rows) if r["id"] == beto["id"])
        dialog.table.setCurrentCell(row, 0)
        assert dialog.table.item(row, 1).text() == "sin acceso"
        _type(qtbot, dialog.findChild(QLineEdit, "accessLogin"), "beto")
        dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
        _type(qtbot, dialog.findChild(QLineEdit, "accessPassword"), "clave-de-beto")
        _type(qtbot, dialog.findChild(QLineEdit, "accessRepeat"), "clave-de-beto")
        qtbot.mouseClick(dialog.grant, Qt.MouseButton.LeftButton)
        row = next(i for i, r in enumerate(dialog.rows) if r["id"] == beto["id"])
        assert [dialog.table.item(row, c).text() for c in range(3)] == ["Beto", "beto", "Coordinador"]
        dialog.close()
    finally:
        storage.close()
    security.lock(db)
    assert security.sign_in(db, "beto", "clave-de-beto").role == "coordinator"


def test_main_window_on_an_encrypted_database_shows_the_session_not_the_adviser_switch(qtbot, tmp_path):
    from desktop.app import build_main_window

    db = tmp_path / "rumbo.db"
    security.set_up(db, "Ana Pérez", "ana", "secreta123")
    storage = open_database(db)
    try:
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        window = build_main_window(context)
        qtbot.addWidget(window)
        page = window.findChild(QWidget, "settingsPage") or next(
            w for w in window.findChildren(QWidget) if type(w).__name__ == "SettingsPage")
        page.reload()  # what showing the page does: must not touch the hidden adviser box's labels
        assert page.security_box.session.text() == "Ana Pérez (ana), administrador"
        assert not page.findChild(QWidget, "changeAdviser").isVisibleTo(page)
        idle = page.security_box.idle
        idle.setValue(3)
        assert float(context.settings.value("security/idle_minutes")) == 3
    finally:
        storage.close()


def test_demo_never_puts_an_advisers_plain_data_under_the_demo_password(qtbot, tmp_path, monkeypatch):
    db = tmp_path / "rumbo.db"
    with open_database(db) as storage:
        from desktop.services.demo import make_demo

        make_demo(storage, 3)
    asked = []
    monkeypatch.setattr(SetUpDialog, "exec", lambda self: asked.append(self) or QDialog.DialogCode.Rejected)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert sign_in_at_start(db, demo=True, settings=settings, environ={}) is None
    assert len(asked) == 1 and security.state(db) == "plain"  # the set-up dialog was shown instead
