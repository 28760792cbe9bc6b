"""The assembled main window: every screen present, and the links between them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.app import SCREENS, build_main_window
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services.advisers import create_adviser
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database


@pytest.fixture
def window(tmp_path, qtbot):
    storage = open_database(tmp_path / "rumbo.db")
    context = AppContext(storage, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    adviser = create_adviser(storage, {"name": "Ana Pérez", "centre": "CDMYPE San Miguel"}, None)
    context.adviser_id = adviser["id"]
    register_firm(storage, {"legal_name": "Café Luna", "country": "SV", "employees": 4}, adviser["id"])
    win = build_main_window(context)
    qtbot.addWidget(win)
    win.show()
    yield win
    storage.close()


def test_sidebar_lists_every_screen_in_spanish(window):
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Empresas", "Evaluaciones", "Tablero", "Informes", "Sincronización",
                      "Clasificar empresa", "Configuración"]
    assert len(SCREENS) == window.stack.count()


def test_ctrl_number_switches_screens(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.title.text() == "Tablero"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("firms")


def test_double_click_on_a_firm_opens_its_detail(window, qtbot):
    table = window.page("firms").table
    rect = table.visualRect(table.model().index(0, 0))
    # A real double click is a press/release followed by a double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.navigator.last_dialog
    assert type(dialog).__name__ == "FirmDetailDialog" and dialog.isVisible()
    assert dialog.firm_id == window.page("firms").model.firm_id(0)


def test_new_firm_button_opens_the_form(window, qtbot):
    qtbot.mouseClick(window.page("firms").new_button, Qt.MouseButton.LeftButton)
    dialog = window.navigator.last_dialog
    assert type(dialog).__name__ == "FirmFormDialog" and dialog.isVisible()


def test_assessment_request_switches_to_the_interview(window, qtbot):
    firm_id = window.page("firms").model.firm_id(0)
    window.context.signals.assessment_requested.emit(firm_id)
    assert window.title.text() == "Evaluaciones"
    wizard = window.page("assessments").stack.currentWidget()
    assert type(wizard).__name__ == "AssessmentWizard"
    assert wizard.isVisible()


def test_new_assessment_from_the_firm_detail(window, qtbot):
    firms = window.page("firms")
    window.navigator.open_firm(firms.model.firm_id(0))
    detail = window.navigator.last_dialog
    qtbot.mouseClick(detail.assess_button, Qt.MouseButton.LeftButton)
    assert not detail.isVisible()
    assert window.title.text() == "Evaluaciones"
    wizard = window.page("assessments").stack.currentWidget()
    assert type(wizard).__name__ == "AssessmentWizard"
    from desktop.services.assessments import assessments_of_firm

    drafts = assessments_of_firm(window.context.storage, firms.model.firm_id(0))
    assert [a["status"] for a in drafts] == ["draft"]


def test_restore_closes_the_window(window, qtbot):
    window.page("settings").restart_required.emit("La copia se restauró.")
    assert not window.isVisible()


def test_startup_backup_runs_in_the_background_with_its_own_connection(window, tmp_path, monkeypatch):
    from desktop import app
    from desktop.services import maintenance

    monkeypatch.setattr(maintenance, "backup_folder", lambda: tmp_path / "copias")
    app.start_backup_in_background(window.context)
    copies = list((tmp_path / "copias").rglob("*.db"))
    assert len(copies) == 1
    check = maintenance.check_database(copies[0])
    assert check.ok and check.counts["firms"] == 1
    assert copies[0].parent == maintenance.database_backup_folder(window.context.storage)


def test_a_damaged_file_at_start_is_not_backed_up_and_the_adviser_is_told(window, tmp_path, monkeypatch, dialogs):
    from db.connection import Storage
    from db.errors import StorageError
    from desktop import app
    from desktop.services import maintenance

    def damaged(self):
        raise StorageError("damaged")

    monkeypatch.setattr(maintenance, "backup_folder", lambda: tmp_path / "copias")
    monkeypatch.setattr(Storage, "ensure_sound", damaged)
    app.start_backup_in_background(window.context, window)
    assert list((tmp_path / "copias").rglob("*.db")) == []
    assert [e.kind for e in dialogs.errors] == ["damaged"]
    assert "Restaure una copia de seguridad" in dialogs.errors[0].message


def test_dashboard_counts_only_when_shown(window, qtbot):
    board = window.page("dashboard")
    assert board.board is None  # built hidden: nothing counted at start-up
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: board.board is not None, timeout=5000)
    assert board.board.total_firms == 1
    register_firm(window.context.storage, {"legal_name": "Taller Dos", "country": "SV"}, None)
    window.show_page("firms")
    window.context.signals.firms_changed.emit()
    assert board.board.total_firms == 1  # hidden: not recounted yet
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: board.board.total_firms == 2, timeout=5000)


def test_possible_duplicates_button_opens_the_view_with_the_merge_dialog(window, qtbot):
    qtbot.mouseClick(window.page("firms").duplicates_button, Qt.MouseButton.LeftButton)
    dialog = window.navigator.last_dialog
    assert type(dialog).__name__ == "DuplicatesDialog" and dialog.isVisible()
    assert dialog.review_dialog.__name__ == "ConflictDialog"
    assert dialog.summary.text() in ("No hay posibles duplicados.", f"{len(dialog.pairs)} pares por revisar.")
