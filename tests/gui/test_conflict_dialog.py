"""ConflictDialog on its own: values shown as typed, bad typed values refused, closed conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.domain.errors import UserError
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.gui.sync.conflict_dialog import ConflictDialog, when_text
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.gui.typing import type_text
from tests.sync.conftest import enrol_each_other


@pytest.fixture
def conflicted(tmp_path):
    """A centre context holding an open edit conflict on one firm, and that firm."""
    laptop = open_database(tmp_path / "l.db", device_name="Laptop Ana – San Miguel")
    centre = open_database(tmp_path / "c.db", device_name="Centro San Salvador")
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)
    firm = firms.register_firm(laptop, {"legal_name": "Café & Panadería <La Ñ>", "country": "SV"}, None)
    sync.export_bundle(laptop, tmp_path / "1.rumbo")
    sync.import_bundle(centre, tmp_path / "1.rumbo")
    firms.update_firm(laptop, firm["id"], {"email": "ana@luna.sv", "notes": "Café & pan"}, None)
    firms.update_firm(centre, firm["id"], {"email": "info@luna.sv", "notes": "<b>no es html</b>"}, None)
    sync.export_bundle(laptop, tmp_path / "2.rumbo")
    sync.import_bundle(centre, tmp_path / "2.rumbo")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    yield AppContext(centre, runner=SyncRunner(), settings=settings), firm
    laptop.close()
    centre.close()


def test_values_are_shown_as_typed_with_both_devices_named(qtbot, conflicted):
    context, firm = conflicted
    [conflict] = sync.list_conflicts(context.storage)
    dialog = ConflictDialog(context, conflict.id)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.save_button), "saveResolution") is dialog.save_button
    notes = {dialog.radios["notes"][side].text() for side in ("local", "remote")}
    assert notes == {"Café && pan", "<b>no es html</b>"}  # "&&" shows one "&", not a shortcut
    assert dialog.radios["email"]["local"].accessibleName() == "Este equipo"
    [label] = [w for w in dialog.findChildren(QLabel) if w.objectName() == "conflictTitle"]
    assert label.text() == "<b>Café &amp; Panadería &lt;La Ñ&gt;</b>"  # rich text, so the name is escaped


def test_a_typed_value_that_is_not_valid_is_refused_and_nothing_changes(qtbot, monkeypatch, conflicted):
    context, firm = conflicted
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    [conflict] = sync.list_conflicts(context.storage)
    dialog = ConflictDialog(context, conflict.id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.typed["email"], "esto no es un correo")
    dialog.radios["notes"]["local"].setChecked(True)
    before = firms.get_firm(context.storage, firm["id"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0].endswith(".")
    assert dialog.isVisible()
    assert firms.get_firm(context.storage, firm["id"]) == before
    assert len(sync.list_conflicts(context.storage)) == 1
    dialog.typed["email"].clear()
    type_text(qtbot, dialog.typed["email"], "ventas@luna.sv")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert firms.get_firm(context.storage, firm["id"])["email"] == "ventas@luna.sv"
    assert sync.list_conflicts(context.storage) == []


def test_a_conflict_already_settled_cannot_be_opened(qtbot, conflicted):
    context, _firm = conflicted
    [conflict] = sync.list_conflicts(context.storage)
    sync.resolve_conflict(context.storage, conflict.id, {n: "local" for n in conflict.fields}, None)
    with pytest.raises(UserError, match="ya fue resuelto"):
        ConflictDialog(context, conflict.id)


def test_timestamps_read_as_local_day_and_time():
    assert when_text(None) == ""
    assert when_text("no es fecha") == "no es fecha"
    assert len(when_text("2025-03-12T15:04:05Z")) == len("12/03/2025 15:04")
