"""The Ayuda menu: what Rumbo this is, and what to send the technician when something goes wrong.

"Abrir carpeta de registros" opens the support log's folder in the system's file browser;
"Copiar diagnóstico" puts versions, system, database and the last errors on the clipboard,
ready to paste into an e-mail. The texts come from :mod:`desktop.services.support`.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.services import support
from desktop.version import app_version


def _tr(text: str) -> str:
    return QCoreApplication.translate("help_menu", text)


def add_help_menu(window: QMainWindow, context) -> dict[str, QAction]:
    """Add the Ayuda menu to ``window``; return its actions by key (for tests and shortcuts)."""
    menu = window.menuBar().addMenu(_tr("A&yuda"))
    actions = {
        "about": QAction(_tr("&Acerca de Rumbo"), window, shortcut=QKeySequence("F1")),
        "logs": QAction(_tr("Abrir carpeta de &registros"), window),
        "diagnostics": QAction(_tr("&Copiar diagnóstico"), window),
    }
    actions["about"].triggered.connect(lambda: about_box(window).exec())
    actions["logs"].triggered.connect(lambda: open_log_folder())
    actions["diagnostics"].triggered.connect(lambda: copy_diagnostics(window, context))
    for key in ("about", "logs", "diagnostics"):
        actions[key].setObjectName(f"help_{key}")
        menu.addAction(actions[key])
    return actions


def about_box(parent) -> QMessageBox:
    """The About box: name, version, licence and where the support log is."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(_tr("Acerca de Rumbo"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(PySide6.QtCore.Qt.TextFormat.PlainText)
    box.setText(_tr("Rumbo, versión {version}").format(version=app_version()))
    box.setInformativeText(_tr(
        "Registro, clasificación y evaluación de mipymes para centros de apoyo.\n"
        "Licencia: MPL 2.0 (programa libre). Registro de soporte: {log}").format(log=support.log_file()))
    return box


def open_log_folder() -> bool:
    """Open the support log's folder in the file browser (created if it does not exist yet)."""
    folder = support.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def copy_diagnostics(window: QMainWindow, context) -> str:
    """Put the diagnosis on the clipboard and say so in the status bar; return the text."""
    text = support.diagnostics(
        context.storage if context is not None else None,
        {"Qt": qVersion(), "PySide6": PySide6.__version__,
         "Plataforma gráfica": QGuiApplication.platformName()},
    )
    QGuiApplication.clipboard().setText(text)
    window.statusBar().showMessage(_tr("Diagnóstico copiado: péguelo en un correo al técnico."), 8000)
    return text
