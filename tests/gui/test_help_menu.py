"""Ayuda: the About box with the version, the log folder, and the diagnosis on the clipboard."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import build_main_window
from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services import support
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from desktop.version import app_version


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    support.stop_logging()
    monkeypatch.setenv("RUMBO_LOG_DIR", str(tmp_path / "registros"))
    support.setup_logging("gui")
    storage = open_database(tmp_path / "rumbo.db", device_name="Laptop Ana")
    register_firm(storage, {"legal_name": "Café <Luna> & 😀", "country": "SV", "employees": 4}, None)
    context = AppContext(storage, runner=SyncRunner(),
                         settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    win = build_main_window(context)
    qtbot.addWidget(win)
    win.show()
    yield win
    storage.close()
    support.stop_logging()


def _help_menu(window):
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "A&yuda"]
    return menu


def test_help_menu_lists_its_three_actions_in_spanish(window):
    assert [a.text() for a in _help_menu(window).actions()] == [
        "&Acerca de Rumbo", "Abrir carpeta de &registros", "&Copiar diagnóstico"]


def test_f1_shows_the_about_box_with_the_version(window, qtbot):
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen["text"], seen["info"] = box.text(), box.informativeText()
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen["text"] == f"Rumbo, versión {app_version()}"
    assert "MPL 2.0" in seen["info"] and str(support.log_file()) in seen["info"]


# A popup menu on the offscreen platform: it cannot raise windows or grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_copy_diagnosis_puts_it_on_the_clipboard(window, qtbot):
    logging.getLogger("rumbo.prueba").error("Algo falló en la prueba")
    menu = _help_menu(window)
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    qtbot.keyClick(menu, Qt.Key.Key_C)  # the &Copiar mnemonic, as a user at the keyboard
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"Rumbo {app_version()}\n")
    assert "Qt: " in text and "Registros: firms 1, assessments 0" in text
    assert text.rstrip().endswith("ERROR rumbo.prueba: Algo falló en la prueba")
    assert "Luna" not in text
    assert window.statusBar().currentMessage() == "Diagnóstico copiado: péguelo en un correo al técnico."


def test_open_log_folder_asks_the_system_to_show_it(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.help_actions["logs"].trigger()
    assert opened == [str(support.log_dir())]
    assert support.log_dir().is_dir()
