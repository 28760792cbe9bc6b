"""Empresas → "Posibles duplicados": pairs of registered firms that look like one firm.

The pairs come from the importer's rules over the whole registry
(:func:`desktop.services.registry.duplicates.possible_duplicates`). Reviewing a pair
opens the same dialog bundles use (the Sincronización screen's conflict dialog, handed
in by the navigator, since a screen imports no other): merge field by field, or declare
the firms different, which is remembered and travels to other devices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import prepare
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import sync
from desktop.services.registry import duplicates


class DuplicatesDialog(QDialog):
    """The list of possible duplicates; "Revisar…" (or Enter, or a double click) settles one.

    Args:
        context: the application context.
        review_dialog: builds the merge dialog for a conflict id: ``(context, conflict_id, parent)``.
    """

    def __init__(self, context, review_dialog: Callable[..., QDialog], parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.review_dialog = review_dialog
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Posibles duplicados"))
        self.resize(900, 420)
        self.pairs: list[duplicates.DuplicatePair] = []
        self.conflict_dialog: QDialog | None = None
        intro = QLabel(self.tr("Empresas registradas que parecen la misma: la misma identificación tributaria, o "
                               "casi el mismo nombre en el mismo municipio. Revise cada par: únalas o indique que "
                               "son distintas (no se volverá a preguntar)."), wordWrap=True)
        self.summary = QLabel(objectName="duplicatesSummary")
        self.table = read_only_table("duplicatesTable", [self.tr("Empresa"), self.tr("Parece la misma que"),
                                                         self.tr("Municipio"), self.tr("Motivo")], select_rows=True)
        for column, width in enumerate((260, 260, 140)):
            self.table.setColumnWidth(column, width)
        self.review_button = QPushButton(self.tr("&Revisar…"), objectName="reviewDuplicate")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Cerrar"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.review_button)
        pairs_tab = QWidget()
        pairs_layout = QVBoxLayout(pairs_tab)
        pairs_layout.addWidget(intro)
        pairs_layout.addWidget(self.table, 1)
        pairs_layout.addLayout(row)

        # Merges already made can be undone: the absorbed firm comes back with its records.
        self.merges: list[dict] = []
        self.merge_table = read_only_table("mergesTable", [self.tr("Empresa unida"), self.tr("Se unió a"),
                                                           self.tr("Fecha")], select_rows=True)
        for column, width in enumerate((300, 300)):
            self.merge_table.setColumnWidth(column, width)
        self.undo_button = QPushButton(self.tr("Deshacer &fusión"), objectName="undoMerge")
        self.undo_button.clicked.connect(self.undo_current)
        merges_tab = QWidget()
        merges_layout = QVBoxLayout(merges_tab)
        merges_layout.addWidget(self.merge_table, 1)
        merges_layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget(objectName="duplicateTabs")
        self.tabs.addTab(pairs_tab, self.tr("Por revisar"))
        self.tabs.addTab(merges_tab, self.tr("Fusiones hechas"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.review_button.clicked.connect(self.review_current)
        self.table.doubleClicked.connect(lambda _index: self.review_current())
        self.tabs.setAccessibleName(self.tr("Pares por revisar y fusiones hechas"))
        self.table.setAccessibleName(self.tr("Pares por revisar"))
        self.table.setAccessibleDescription(self.tr("Cada fila, dos empresas que parecen la misma. Enter abre "
                                                    "el par elegido para unirlas o separarlas."))
        self.merge_table.setAccessibleName(self.tr("Fusiones hechas"))
        self.merge_table.setAccessibleDescription(self.tr("Las empresas ya unidas; «Deshacer fusión» separa la "
                                                          "elegida."))
        prepare(self)
        self.refresh()

    def refresh(self) -> None:
        """Look for the pairs again (after a merge or a decision)."""
        self.pairs = duplicates.possible_duplicates(self.context.storage)
        fill_table(self.table, [
            (p.second_name, p.first_name, p.municipality or "",
             self.tr("Misma identificación tributaria") if p.reason == "tax_id"
             else self.tr("Nombre casi igual ({score:.0f} %)").format(score=p.score))
            for p in self.pairs])
        self.summary.setText(self.tr("{n} pares por revisar.").format(n=len(self.pairs)) if self.pairs
                             else self.tr("No hay posibles duplicados."))
        self.review_button.setEnabled(bool(self.pairs))
        if self.pairs:
            self.table.selectRow(0)
        self.merges = sync.list_merges(self.context.storage)
        fill_table(self.merge_table, [(m["absorbed_name"], m["survivor_name"], _when(m["merged_at"]))
                                      for m in self.merges])
        self.undo_button.setEnabled(bool(self.merges))
        if self.merges:
            self.merge_table.selectRow(0)

    def undo_current(self) -> None:
        """Undo the selected merge (one transaction) and show both lists again."""
        row = self.merge_table.currentRow()
        if not 0 <= row < len(self.merges):
            return
        try:
            sync.undo_merge(self.context.storage, self.merges[row]["absorbed_id"], self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
        self.context.signals.firms_changed.emit()
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter reviews the selected pair instead of closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.review_current()
            return
        super().keyPressEvent(event)

    def review_current(self) -> QDialog | None:
        """Open the merge dialog for the selected pair; the list refreshes when it closes."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.pairs):
            return None
        pair = self.pairs[row]
        try:
            conflict_id = duplicates.review_pair(self.context.storage, pair.first_id, pair.second_id)
            dialog = self.review_dialog(self.context, conflict_id, self)
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            self.refresh()
            return None
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
        return dialog


def _when(iso: str | None) -> str:
    """An ISO timestamp as local day and time ("05/12/2026 21:40")."""
    try:
        moment = dt.datetime.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")
