"""Editing a firm that has an open sync conflict asks before settling it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.gui.registry.firm_form import FirmFormDialog
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.gui.typing import type_text
from tests.sync.conftest import enrol_each_other


@pytest.fixture
def conflicted(context, tmp_path):
    """A firm edited here and on the centre at the same time; the centre's bundle arrived."""
    laptop = context.storage
    firm = firms.register_firm(laptop, {"legal_name": "Café Luna", "country": "SV"}, None)
    centre = open_database(tmp_path / "centre.db", device_name="Centro")
    sync.set_device_role(centre, "centre")
    enrol_each_other(laptop, centre)
    sync.import_bundle(centre, sync.export_bundle(laptop, tmp_path / "1.rumbo").path)
    firms.update_firm(laptop, firm["id"], {"notes": "visita de Ana"}, None)
    firms.update_firm(centre, firm["id"], {"notes": "llamada del centro"}, None)
    sync.import_bundle(laptop, sync.export_bundle(centre, tmp_path / "2.rumbo", peer=laptop.device_id).path)
    assert len(sync.conflicts_of(laptop, "firms", firm["id"])) == 1
    yield firm
    centre.close()


def edit_and_save(qtbot, context, firm_id, text):
    form = FirmFormDialog(context, firm_id)
    qtbot.addWidget(form)
    form.show()
    editor = form.editor("trade_name")
    editor.clear()
    type_text(qtbot, editor, text)
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    return form


def test_answering_no_keeps_the_conflict_and_the_form(conflicted, context, qtbot, dialogs):
    dialogs.answer = False
    form = edit_and_save(qtbot, context, conflicted["id"], "La Luna")
    assert len(dialogs.confirms) == 1 and "conflicto" in dialogs.confirms[0][1]
    assert form.isVisible() and form.editor("trade_name").text() == "La Luna"
    assert firms.get_firm(context.storage, conflicted["id"])["trade_name"] is None
    assert len(sync.conflicts_of(context.storage, "firms", conflicted["id"])) == 1


def test_answering_yes_saves_and_settles_the_conflict(conflicted, context, qtbot, dialogs):
    dialogs.answer = True
    edit_and_save(qtbot, context, conflicted["id"], "La Luna")
    assert firms.get_firm(context.storage, conflicted["id"])["trade_name"] == "La Luna"
    assert sync.conflicts_of(context.storage, "firms", conflicted["id"]) == []


def test_no_question_without_a_conflict(context, qtbot, dialogs):
    firm = firms.register_firm(context.storage, {"legal_name": "Taller El Rayo", "country": "SV"}, None)
    edit_and_save(qtbot, context, firm["id"], "El Rayo")
    assert dialogs.confirms == []
    assert firms.get_firm(context.storage, firm["id"])["trade_name"] == "El Rayo"
