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
