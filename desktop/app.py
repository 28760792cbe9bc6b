"""Start-up of the desktop application.

Order matters: the QApplication and translators come first so that every
message (including a storage error while opening the database) is shown in the
adviser's language; the database is opened, migrated and backed up before any
screen is built; uncaught exceptions go to the crash handler, which logs and
keeps the application alive.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.domain.errors import UserError
from desktop.gui.shared import messages
from desktop.gui.shared.i18n import DEFAULT_LANGUAGE, install_translators
from desktop.resources import resource_path

log = logging.getLogger(__name__)

# How many firms ``rumbo --demo`` puts in an empty database: enough to try
# search, filters and the dashboard, small enough to load in about a second.
DEMO_FIRMS = 500

# Screens in sidebar order: (key, Spanish title, factory(context) -> QWidget).
# Each factory imports its module lazily so start-up only pays for what it shows.


def _firms(context):
    from desktop.gui.registry.firms_page import FirmsPage

    return FirmsPage(context)


def _assessments(context):
    from desktop.gui.assessment.assessments_page import AssessmentsPage

    return AssessmentsPage(context)


def _dashboard(context):
    from desktop.gui.portfolio.dashboard_page import DashboardPage

    return DashboardPage(context)


def _reports(context):
    from desktop.gui.portfolio.reports_page import ReportsPage

    return ReportsPage(context)


def _sync(context):
    from desktop.gui.sync.sync_page import SyncPage

    return SyncPage(context)


def _classify(context):
    from desktop.gui.registry.classify_panel import ClassifyPanel

    return ClassifyPanel(lang=context.lang)


def _settings(context):
    from desktop.gui.settings.settings_page import SettingsPage

    return SettingsPage(context)


SCREENS = (
    ("firms", "Empresas", _firms),
    ("assessments", "Evaluaciones", _assessments),
    ("dashboard", "Tablero", _dashboard),
    ("reports", "Informes", _reports),
    ("sync", "Sincronización", _sync),
    ("classify", "Clasificar empresa", _classify),
    ("settings", "Configuración", _settings),
)


def build_main_window(context):
    """Create the main window with every screen and the links between them."""
    from desktop.gui.main_window import MainWindow
    from desktop.gui.navigation import Navigator
    from desktop.gui.shared import plain_text

    plain_text.install(QApplication.instance())  # user text shows as typed, never as markup
    window = MainWindow(context)
    for key, title, factory in SCREENS:
        window.add_page(key, window.tr(title), factory(context))
    window.navigator = Navigator(context, window)
    return window


def ui_settings() -> QSettings:
    """UI preferences of this user on this machine (language, adviser, window state)."""
    return QSettings("Rumbo", "Rumbo")


# Qt's X11 platform plugin needs these libraries, which a fresh Linux desktop may lack
# (library name for ctypes -> Debian/Ubuntu package). Without them Qt aborts with
# "Could not load the Qt platform plugin 'xcb'", which tells an adviser nothing.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-image": "libxcb-image0", "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0", "xcb-randr": "libxcb-randr0", "xcb-xkb": "libxcb-xkb1",
}


def missing_display_libraries(platform: str = sys.platform, environ=os.environ) -> list[str]:
    """The Debian packages Qt's X11 plugin needs and this Linux machine lacks (empty elsewhere)."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" \
            or environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return []
    from ctypes.util import find_library

    return [package for library, package in XCB_LIBRARIES.items() if find_library(library) is None]


def display_libraries_message(packages: list[str]) -> str:
    return ("A este equipo le faltan bibliotecas que Qt necesita para abrir la ventana. Instálelas con:\n"
            f"    sudo apt install {' '.join(packages)}\n"
            "y vuelva a abrir Rumbo.")


def run_gui(db_path: str | None = None, lang: str | None = None, demo: bool = False) -> int:
    """Open the application and return its exit status.

    Args:
        db_path: the database file (``--db``); None for the default in the user data folder.
        lang: "es" or "en"; None uses the saved preference (Spanish by default).
        demo: on an empty database, fill it with demo firms first.
    """
    from desktop.gui.shared.context import AppContext
    from desktop.services.storage import open_database

    missing = [] if QApplication.instance() else missing_display_libraries()
    if missing:
        print(display_libraries_message(missing), file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Rumbo")
    app.setOrganizationName("Rumbo")
    app.setWindowIcon(QIcon(str(resource_path("icons", "rumbo-256.png"))))
    settings = ui_settings()
    lang = lang or str(settings.value("ui/lang", DEFAULT_LANGUAGE))
    install_translators(app, lang)
    from desktop.gui.shared import plain_text

    plain_text.install(app)
    from desktop.services.support import setup_logging

    setup_logging("gui")
    messages.install_excepthook()

    from desktop.gui.settings.sign_in import IdleLock, idle_minutes, sign_in_at_start
    from desktop.services.storage import default_database_path

    path = db_path if db_path is not None else default_database_path()
    try:
        signed_in = sign_in_at_start(path, demo, settings)
        if signed_in is None:
            return 0  # the adviser left the sign-in or set-up dialog
        storage = open_database(path)
    except UserError as exc:  # StorageError is a UserError: locked, corrupt, too new, key file missing ...
        messages.show_error(None, exc)
        return 2
    context = AppContext(storage, lang=lang, settings=settings)
    _startup_chores(context, demo)
    window = build_main_window(context)
    window.idle_lock = IdleLock(path, signed_in.login, idle_minutes(settings), window)
    window.show()
    log.info("Ventana principal abierta (%s, base %s)", lang, storage.path or "en memoria")
    start_backup_in_background(context, window)
    status = app.exec()
    context.runner.wait()
    storage.close()
    return status


def start_backup_in_background(context, window=None) -> None:
    """The rotating start-up backup, on the task thread while the adviser works.

    SQLite's online backup copes with the app writing meanwhile (WAL); a large
    file takes seconds, which must not delay the first window. The work opens
    its own connection, as every background task does. The backup starts with
    SQLite's quick check: a damaged file is not copied over the good backups,
    and the adviser is told to restore one.
    """
    if context.storage.path is None:
        return
    from desktop.services.maintenance import startup_backup
    from desktop.services.storage import open_database

    path = context.storage.path

    def work(progress):
        from desktop.services.rekey import finish_copies

        with open_database(path) as storage:
            finish_copies(storage)  # backups still under a key replaced at sign-in (issue 31)
            return startup_backup(storage)

    def failed(exc):  # a failed backup must not stop the adviser working
        if not isinstance(exc, UserError):
            raise exc
        log.warning("Copia automática no realizada (%s)", getattr(exc, "kind", type(exc).__name__))
        if getattr(exc, "kind", None) == "damaged":
            # The start-up check found the file damaged: the adviser must know before typing more.
            messages.show_error(window, exc)

    context.runner.run(work, lambda dest: log.info("Copia automática: %s", dest), failed, show_progress=False)


def _startup_chores(context, demo: bool) -> None:
    """Demo data on request, and the adviser at the keyboard."""
    if demo:
        from desktop.services.demo import make_demo
        from desktop.services.registry.firm_list import FirmQuery, count_firms

        if count_firms(context.storage, FirmQuery(include_deleted=True)) == 0:
            summary = make_demo(context.storage, DEMO_FIRMS)
            if not context.adviser_id:
                context.adviser_id = summary.adviser_id
