"""Start-up of the desktop application.

Order matters: the QApplication and translators come first so that every
message (including a storage error while opening the database) is shown in the
adviser's language; the database is opened and migrated before any screen is
built; uncaught exceptions go to the crash handler, which logs and keeps the
application alive.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.gui import messages
from desktop.gui.i18n import DEFAULT_LANGUAGE, install_translators


def build_main_window(lang: str = DEFAULT_LANGUAGE):
    """Create the main window with every screen, ready to show."""
    from desktop.gui.classify_panel import ClassifyPanel
    from desktop.gui.main_window import MainWindow

    window = MainWindow()
    window.add_page("classify", window.tr("Clasificar empresa"), ClassifyPanel(lang=lang))
    return window


def run_gui(db_path: str | None = None, lang: str | None = None, demo: bool = False) -> int:
    """Open the application and return its exit status."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rumbo")
    app.setOrganizationName("Rumbo")
    lang = lang or DEFAULT_LANGUAGE
    install_translators(app, lang)
    from platformdirs import user_log_dir

    messages.setup_logging(Path(user_log_dir("Rumbo", appauthor=False)))
    messages.install_excepthook()
    window = build_main_window(lang)
    window.show()
    return app.exec()
