"""Empresas → "Posibles duplicados": found over the whole registry, settled by clicking."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton

from desktop.gui.registry.duplicates_dialog import DuplicatesDialog
from desktop.gui.registry.firms_page import FirmsPage
from desktop.gui.sync.conflict_dialog import ConflictDialog
from desktop.services import assessments, sync
from desktop.services.registry import duplicates, firms

PLACE = {"country": "SV", "department": "San Miguel", "municipality": "San Miguel"}


def _register(context, name, **extra):
    return firms.register_firm(context.storage, {"legal_name": name, **PLACE, **extra}, context.adviser_id)


def _open(qtbot, context):
    """Click Empresas → "Posibles duplicados…" and open what the navigator opens for it."""
    page = FirmsPage(context)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.duplicates_requested, timeout=1000):
        qtbot.mouseClick(page.duplicates_button, Qt.MouseButton.LeftButton)
    dialog = DuplicatesDialog(context, ConflictDialog, page)
    dialog.open()
    assert dialog.isVisible()
    return page, dialog


def test_a_pair_is_listed_and_merged_by_clicking_with_both_assessments(qtbot, context, tmp_path):
    old = _register(context, "Tortillería La Única", phone="2661 1234")
    new = _register(context, "TORTILLERIA LA UNICA, S.A. de C.V.", email="unica@example.com")
    _register(context, "Farmacia San José 2")
    _register(context, "Farmacia San José 3")  # other number: another branch, not listed
    ev_old = assessments.start_draft(context.storage, old["id"], context.adviser_id)
    ev_new = assessments.start_draft(context.storage, new["id"], context.adviser_id)
    _page, dialog = _open(qtbot, context)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "TORTILLERIA LA UNICA, S.A. de C.V."
    assert dialog.table.item(0, 1).text() == "Tortillería La Única"
    assert dialog.summary.text() == "1 pares por revisar."
    dialog.grab().save(str(tmp_path / "dups.png"))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    merge = dialog.conflict_dialog
    assert merge.isVisible() and merge.duplicate
    side_old = "local" if merge.conflict.local["id"] == old["id"] else "remote"
    side_new = "remote" if side_old == "local" else "local"
    for name, side in (("legal_name", side_old), ("phone", side_old), ("email", side_new)):
        radio = merge.findChild(QRadioButton, f"{side}_{name}")
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    merge.survivor.setCurrentIndex(merge.survivor.findData(side_old))
    qtbot.mouseClick(merge.save_button, Qt.MouseButton.LeftButton)
    assert not merge.isVisible()
    assert dialog.table.rowCount() == 0 and dialog.summary.text() == "No hay posibles duplicados."
    kept = firms.get_firm(context.storage, old["id"])
    assert (kept["legal_name"], kept["phone"], kept["email"]) == (
        "Tortillería La Única", "+50326611234", "unica@example.com")
    assert firms.get_firm(context.storage, new["id"]) is None
    ids = {a["id"] for a in assessments.assessments_of_firm(context.storage, old["id"])}
    assert ids == {ev_old["id"], ev_new["id"]}
    assert sync.list_conflicts(context.storage) == []


def test_different_firms_by_clicking_are_never_listed_again(qtbot, context):
    _register(context, "Café Las Nubes")
    _register(context, "Cafe las Nubes")
    _page, dialog = _open(qtbot, context)
    assert dialog.table.rowCount() == 1
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter reviews the selected pair
    merge = dialog.conflict_dialog
    qtbot.mouseClick(merge.apart_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    assert duplicates.possible_duplicates(context.storage) == []


def test_a_pair_gone_meanwhile_is_said_in_one_sentence(qtbot, context, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    first = _register(context, "Café Las Nubes")
    _register(context, "Cafe las Nubes")
    _page, dialog = _open(qtbot, context)
    firms.delete_firm(context.storage, first["id"], context.adviser_id)  # elsewhere on the screen
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert shown == ["Una de las dos empresas ya no existe (fue eliminada)."]
    assert dialog.table.rowCount() == 0


def test_a_merge_is_undone_by_clicking(qtbot, context):
    first = _register(context, "Café Las Nubes")
    second = _register(context, "Cafe las Nubes")
    ev = assessments.start_draft(context.storage, second["id"], context.adviser_id)
    _page, dialog = _open(qtbot, context)
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    merge = dialog.conflict_dialog
    side = "local" if merge.conflict.local["id"] == first["id"] else "remote"
    radio = merge.findChild(QRadioButton, f"{side}_legal_name")
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    merge.survivor.setCurrentIndex(merge.survivor.findData(side))
    qtbot.mouseClick(merge.save_button, Qt.MouseButton.LeftButton)
    assert firms.get_firm(context.storage, second["id"]) is None
    dialog.tabs.setCurrentIndex(1)
    assert dialog.merge_table.rowCount() == 1
    assert (dialog.merge_table.item(0, 0).text(), dialog.merge_table.item(0, 1).text()) == (
        "Cafe las Nubes", "Café Las Nubes")
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.merge_table.rowCount() == 0
    assert firms.get_firm(context.storage, second["id"])["legal_name"] == "Cafe las Nubes"
    assert {a["id"] for a in assessments.assessments_of_firm(context.storage, second["id"])} == {ev["id"]}
    assert dialog.table.rowCount() == 1  # the pair is back to be reviewed
