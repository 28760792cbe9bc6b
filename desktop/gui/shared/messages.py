"""The one place that shows messages to the user (style habit 7).

Expected problems (bad input, storage failures) arrive as exceptions that carry
a plain sentence; this module shows that sentence. Anything else is a bug: the
crash handler logs the traceback to a file and shows a short apology with the
log's location, and the application keeps running so nothing typed is lost.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import UserError
from desktop.services import support

log = logging.getLogger("rumbo")


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def known_error_message(exc: BaseException) -> str | None:
    """Return the user-facing sentence of an expected error, or None for a bug."""
    # Storage errors (locked, read-only, corrupt ...) are UserErrors too.
    return exc.message if isinstance(exc, UserError) else None


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show an expected error as one sentence, or hand a bug to the crash handler."""
    message = known_error_message(exc)
    if message is None:
        report_bug(type(exc), exc, exc.__traceback__, parent)
        return
    # The sentence may quote what was typed (a name, a tax id): the log keeps only its kind.
    log.warning("Aviso mostrado: %s%s", type(exc).__name__, f" (campo {exc.field})" if exc.field else "")
    QMessageBox.warning(parent, _tr("Rumbo"), message)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes/no question; No is the default so Enter never destroys anything."""
    answer = QMessageBox.question(
        parent, title, question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show a plain information message."""
    QMessageBox.information(parent, title, text)


def report_bug(exc_type, exc, tb, parent: QWidget | None = None) -> None:
    """Crash handler: log the traceback and tell the user, without quitting."""
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Error inesperado:\n%s", text)
    where = str(support.log_file())
    QMessageBox.critical(
        parent,
        _tr("Rumbo"),
        _tr("Ocurrió un error inesperado. Lo que escribió sigue en pantalla; "
            "los detalles quedaron en {log}.").format(log=where),
    )


def install_excepthook() -> None:
    """Route uncaught exceptions to :func:`show_error` instead of killing the app."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if known_error_message(exc) is not None:
            show_error(None, exc)
        else:
            report_bug(exc_type, exc, tb)

    sys.excepthook = hook
