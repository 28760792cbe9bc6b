"""First start: choose an existing adviser or register one; the choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.gui.settings.adviser_dialog import AdviserDialog, ensure_adviser
from desktop.services import profile
from tests.gui.typing import type_text


def test_first_start_creates_and_selects_an_adviser(bare_context, qtbot):
    profile.save_settings(bare_context.storage, {"centre_name": "CDMYPE UNICAES"}, None)
    dialog = AdviserDialog(bare_context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.existing.isVisibleTo(dialog) or dialog.existing.count() == 0
    assert dialog.centre.editor.text() == "CDMYPE UNICAES"  # the centre is offered
    type_text(qtbot, dialog.name.editor, "José Núñez")
    type_text(qtbot, dialog.email.editor, "jose@unicaes.edu.sv")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    advisers = profile.list_advisers(bare_context.storage)
    assert [(a["name"], a["centre"], a["email"]) for a in advisers] == [
        ("José Núñez", "CDMYPE UNICAES", "jose@unicaes.edu.sv")]
    assert bare_context.adviser_id == advisers[0]["id"]
    assert profile.current_adviser(bare_context.storage)["id"] == advisers[0]["id"]


def test_missing_name_and_bad_email_are_said_in_place(bare_context, qtbot):
    dialog = AdviserDialog(bare_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name.editor, Qt.Key.Key_Return)
    assert dialog.name.problem.text() == "Falta el nombre del asesor."
    assert dialog.isVisible() and bare_context.adviser_id is None
    type_text(qtbot, dialog.name.editor, "Ana")
    type_text(qtbot, dialog.email.editor, "ana-sin-arroba")
    assert dialog.create() is False
    assert "nombre@dominio.ext" in dialog.email.problem.text()
    assert dialog.name.editor.text() == "Ana" and profile.list_advisers(bare_context.storage) == []


def test_choose_an_existing_adviser(bare_context, qtbot):
    first = profile.create_adviser(bare_context.storage, "Ana Martínez", "CDMYPE San Miguel")
    second = profile.create_adviser(bare_context.storage, "Luis Pérez", "CDMYPE San Miguel")
    dialog = AdviserDialog(bare_context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.existing.item(i).text() for i in range(2)] == [
        "Ana Martínez — CDMYPE San Miguel", "Luis Pérez — CDMYPE San Miguel"]
    assert dialog.existing.currentRow() == 0 and dialog.use_button.isEnabled()
    dialog.existing.setCurrentRow(1)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert bare_context.adviser_id == second["id"] != first["id"]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_ensure_adviser_does_not_ask_when_one_is_chosen(context, monkeypatch):
    monkeypatch.setattr(AdviserDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    assert ensure_adviser(context, None) is True


def test_ensure_adviser_asks_on_first_start(bare_context, monkeypatch):
    monkeypatch.setattr(AdviserDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ensure_adviser(bare_context, None) is False


def _unnamed_context(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner
    from desktop.services.storage import open_database

    storage = open_database(tmp_path / "nuevo.db")  # the host's default name, as a real first start
    return AppContext(storage, runner=SyncRunner(),
                      settings=QSettings(str(tmp_path / "u.ini"), QSettings.Format.IniFormat))


def test_first_start_names_the_device_after_the_adviser(qtbot, tmp_path):
    from desktop.services import sync

    ctx = _unnamed_context(tmp_path)
    try:
        assert sync.device_needs_name(ctx.storage)
        dialog = AdviserDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.device_group.isVisible()
        type_text(qtbot, dialog.name.editor, "Ana Martínez")
        assert dialog.device.editor.text() == "Laptop de Ana Martínez"
        dialog.grab().save(str(tmp_path / "first.png"))
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert ctx.storage.device_name == "Laptop de Ana Martínez"
        assert sync.device_info(ctx.storage)["name"] == "Laptop de Ana Martínez"
        assert not sync.device_needs_name(ctx.storage)
        again = AdviserDialog(ctx)  # "Cambiar de asesor" later does not ask again
        qtbot.addWidget(again)
        assert again.device_group.isHidden()
    finally:
        ctx.storage.close()


def test_a_device_name_typed_by_hand_wins_and_an_empty_one_is_said_in_place(qtbot, tmp_path):
    ctx = _unnamed_context(tmp_path)
    try:
        dialog = AdviserDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(qtbot, dialog.device.editor, "Portátil CDMYPE 3")
        type_text(qtbot, dialog.name.editor, "Beto")
        assert dialog.device.editor.text() == "Portátil CDMYPE 3"
        dialog.device.editor.clear()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and ctx.adviser_id is None
        assert dialog.device.problem.text() == "Escriba un nombre para este equipo."
        assert profile.list_advisers(ctx.storage) == []  # nothing half-done
        type_text(qtbot, dialog.device.editor, "Portátil CDMYPE 3")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert ctx.storage.device_name == "Portátil CDMYPE 3"
    finally:
        ctx.storage.close()
