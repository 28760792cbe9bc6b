"""Exporting firms (or assessments) to CSV or XLSX from the GUI.

One function, :func:`export_interactive`: ask where, write in the background
with progress and cancel (the worker opens its own connection), then say how
many rows were written. The file's headers are the Spanish field labels, so
an export can be imported into another database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.gui.shared import messages
from desktop.gui.shared.tasks import Cancelled
from desktop.services.registry.exporting import export_assessments, export_firms
from desktop.services.storage import open_database

FILTERS = "Excel (*.xlsx);;CSV (*.csv)"
WHAT = {"firms": (export_firms, "empresas.xlsx"), "assessments": (export_assessments, "evaluaciones.xlsx")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def ask_export_path(parent: QWidget | None, suggested: str) -> str:
    """Ask where to write (an .xlsx or .csv file); '' if the user cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, _tr("Exportar"), suggested, FILTERS)
    if path and not Path(path).suffix:
        path += ".csv" if chosen.startswith("CSV") else ".xlsx"
    return path


def export_interactive(context, parent: QWidget | None = None, what: str = "firms", path: str | None = None,
                       on_done=None) -> None:
    """Export every live firm (``what="firms"``) or assessment (``"assessments"``).

    Args:
        path: where to write; asked with a file dialog when None.
        on_done: called with the number of rows written (-1 when cancelled), for callers and tests.
    """
    function, suggested = WHAT[what]
    path = path or ask_export_path(parent, suggested)
    if not path:
        return
    db_path = context.storage.path

    def work(progress):
        storage = open_database(db_path)  # SQLite connections stay on their thread
        try:
            written = function(storage, path, progress=lambda done, total: progress.update(done, total),
                               cancel=lambda: progress.cancelled, lang=context.lang)
        finally:
            storage.close()
        if written < 0:
            raise Cancelled()
        return written

    def done(written: int) -> None:
        messages.inform(parent, _tr("Exportar"),
                        _tr("Se exportaron {n} filas a {path}.").format(n=written, path=path))
        if on_done:
            on_done(written)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            messages.inform(parent, _tr("Exportar"), _tr("Exportación cancelada: no se escribió ningún archivo."))
            if on_done:
                on_done(-1)
            return
        messages.show_error(parent, exc)

    context.runner.run(work, done, failed, label=_tr("Exportando…"), parent_widget=parent)


def export_firms_interactive(context, parent: QWidget | None = None, path: str | None = None, on_done=None) -> None:
    """Export every live firm; see :func:`export_interactive`."""
    export_interactive(context, parent, "firms", path, on_done)
