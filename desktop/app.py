"""Start-up of the desktop application.

Order matters: the QApplication and translators come first so that every
message (including a storage error while opening the database) is shown in the
adviser's language; the database is opened, migrated and backed up before any
screen is built; uncaught exceptions go to the crash handler, which logs and
keeps the application alive.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.domain.errors import UserError
from desktop.gui import messages
from desktop.gui.i18n import DEFAULT_LANGUAGE, install_translators

log = logging.getLogger(__name__)

# How many firms ``rumbo --demo`` puts in an empty database: enough to try
# search, filters and the dashboard, small enough to load in about a second.
DEMO_FIRMS = 500

# Screens in sidebar order: (key, Spanish title, factory(context) -> QWidget).
# Each factory imports its module lazily so start-up only pays for what it shows.


def _firms(context):
    from desktop.gui.firms_page import FirmsPage

    return FirmsPage(context)


def _classify(context):
    from desktop.gui.classify_panel import ClassifyPanel

    return ClassifyPanel(lang=context.lang)


SCREENS = (
    ("firms", "Empresas", _firms),
    ("classify", "Clasificar empresa", _classify),
)


def build_main_window(context):
    """Create the main window with every screen, ready to show."""
    from desktop.gui.main_window import MainWindow

    window = MainWindow(context)
    for key, title, factory in SCREENS:
        window.add_page(key, window.tr(title), factory(context))
    return window


def ui_settings() -> QSettings:
    """UI preferences of this user on this machine (language, adviser, window state)."""
    return QSettings("Rumbo", "Rumbo")


def run_gui(db_path: str | None = None, lang: str | None = None, demo: bool = False) -> int:
    """Open the application and return its exit status.

    Args:
        db_path: the database file (``--db``); None for the default in the user data folder.
        lang: "es" or "en"; None uses the saved preference (Spanish by default).
        demo: on an empty database, fill it with demo firms first.
    """
    from platformdirs import user_log_dir

    from desktop.gui.context import AppContext
    from desktop.services.storage import open_database

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rumbo")
    app.setOrganizationName("Rumbo")
    settings = ui_settings()
    lang = lang or str(settings.value("ui/lang", DEFAULT_LANGUAGE))
    install_translators(app, lang)
    messages.setup_logging(Path(user_log_dir("Rumbo", appauthor=False)))
    messages.install_excepthook()

    try:
        storage = open_database(db_path)
    except UserError as exc:  # StorageError is a UserError: locked, corrupt, too new ...
        messages.show_error(None, exc)
        return 2
    context = AppContext(storage, lang=lang, settings=settings)
    _startup_chores(context, demo)
    window = build_main_window(context)
    window.show()
    status = app.exec()
    context.runner.wait()
    storage.close()
    return status


def _startup_chores(context, demo: bool) -> None:
    """Rotating backup, demo data on request, and the adviser at the keyboard."""
    try:
        from desktop.services.maintenance import startup_backup
    except ImportError:
        startup_backup = None
    if startup_backup is not None and context.storage.path is not None:
        try:
            startup_backup(context.storage)
        except UserError as exc:  # a failed backup must not stop the adviser working
            log.warning("Copia automática no realizada: %s", exc)
    if demo:
        from desktop.services.demo import make_demo
        from desktop.services.firm_list import FirmQuery, count_firms

        if count_firms(context.storage, FirmQuery(include_deleted=True)) == 0:
            summary = make_demo(context.storage, DEMO_FIRMS)
            if not context.adviser_id:
                context.adviser_id = summary.adviser_id
