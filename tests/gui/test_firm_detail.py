"""The firm detail: profile, class with reason, assessments, history; edit, delete and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.registry.firm_detail import FirmDetailDialog
from desktop.services.registry.firm_list import FirmQuery, count_firms
from desktop.services.registry.firms import get_firm, register_firm
from tests.gui.test_firm_form import fill


@pytest.fixture
def firm(context):
    return register_firm(context.storage, {
        "legal_name": "Panadería La Espiga, S.A. de C.V.", "country": "SV", "municipality": "San Miguel",
        "employees": 12, "sales_amount": "250000", "sector_isic": "1071", "owner_name": "María López",
        "owner_gender": "F", "adviser_id": context.adviser_id}, context.adviser_id)


@pytest.fixture
def detail(context, firm, qtbot, dialogs):
    dialog = FirmDetailDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def history_rows(dialog) -> list[list[str]]:
    table = dialog.history
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_profile_class_and_empty_assessments(detail, context):
    assert detail.title.text() == "Panadería La Espiga, S.A. de C.V."
    assert detail.findChild(type(detail.title), "profile_owner_gender").text() == "Mujer"
    assert detail.findChild(type(detail.title), "profile_adviser_id").text() == "Ana Martínez"
    assert "US$ " in detail.findChild(type(detail.title), "profile_sales_amount").text()
    assert detail.class_name.text() == "Pequeña empresa"
    assert "12" in detail.class_reason.text()
    assert detail.assessments.rowCount() == 0 and not detail.no_assessments.isHidden()
    assert history_rows(detail) == [[history_rows(detail)[0][0], "Ana Martínez", "Alta", "Empresa registrada", "", ""]]


def test_edit_from_detail_shows_the_change_in_history(detail, context, firm, qtbot):
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    form = detail.edit_dialog
    assert form.isVisible() and form.editor("legal_name").text() == firm["legal_name"]
    fill(qtbot, form, employees="60", phone="2661 0000")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    rows = history_rows(detail)
    changed = {row[3]: row for row in rows if row[2] == "Cambio"}
    assert changed["Empleados"][4:] == ["12", "60"]
    assert changed["Empleados"][1] == "Ana Martínez"
    assert changed["Teléfono"][4:] == ["—", "+50326610000"]
    assert changed["Tamaño"][4:] == ["Pequeña empresa", "Mediana empresa"]
    assert detail.class_name.text() == "Mediana empresa"


def test_delete_asks_then_undo_brings_it_back(detail, context, firm, qtbot, dialogs):
    dialogs.answer = False
    qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.confirms and "Panadería La Espiga" in dialogs.confirms[0][1]
    assert get_firm(context.storage, firm["id"]) is not None and detail.deleted_banner.isHidden()

    dialogs.answer = True
    with qtbot.waitSignal(context.signals.firms_changed):
        qtbot.mouseClick(detail.delete_button, Qt.MouseButton.LeftButton)
    assert get_firm(context.storage, firm["id"]) is None
    assert count_firms(context.storage, FirmQuery()) == 0
    assert detail.deleted_banner.isVisible() and not detail.edit_button.isEnabled()
    assert history_rows(detail)[0][2:4] == ["Eliminación", "Empresa eliminada"]

    with qtbot.waitSignal(context.signals.firms_changed):
        qtbot.mouseClick(detail.undo_button, Qt.MouseButton.LeftButton)
    assert get_firm(context.storage, firm["id"])["deleted_at"] is None
    assert count_firms(context.storage, FirmQuery()) == 1
    assert detail.deleted_banner.isHidden() and detail.edit_button.isEnabled()
    assert history_rows(detail)[0][2] == "Recuperación"


def test_unknown_firm_is_refused(context, qtbot):
    from desktop.domain.errors import UserError

    with pytest.raises(UserError):
        FirmDetailDialog(context, "no-such-id")


def test_assessments_of_the_firm_are_listed(context, firm, qtbot, dialogs):
    from desktop.services.assessments import start_draft

    start_draft(context.storage, firm["id"], context.adviser_id)
    dialog = FirmDetailDialog(context, firm["id"])
    qtbot.addWidget(dialog)
    assert dialog.assessments.rowCount() == 1
    assert dialog.assessments.item(0, 1).text() == "Borrador"
    assert dialog.assessments.item(0, 5).text() == "Ana Martínez"
    assert dialog.no_assessments.isHidden() and dialog.tabs.tabText(2) == "Evaluaciones (1)"


def test_history_words_cached_stage_and_band(qtbot):
    from desktop.gui.registry.firm_detail_text import show_value

    assert show_value("stage", "occasional_direct") == "Exportadora directa ocasional"
    assert show_value("band", "en_desarrollo") == "En desarrollo"
