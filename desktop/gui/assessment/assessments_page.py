"""The "Evaluaciones" screen: every assessment, drafts to resume, and new ones.

The page is a stack: the list, and in front of it the wizard, the results or
a firm's follow-up, each with a way back to the list. Other screens (the firm
detail) call :meth:`AssessmentsPage.start_for_firm`, :meth:`resume`,
:meth:`show_results` or :meth:`show_followup`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import label
from desktop.gui.assessment.followup import FollowUpView
from desktop.gui.assessment.results import AssessmentResultsView, number
from desktop.gui.assessment.wizard import AssessmentWizard
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare
from desktop.services import assessments as service
from desktop.services.registry.firm_list import FirmQuery, firm_ids, firm_rows

STATUS = {"draft": "Borrador", "completed": "Terminada"}


class FirmPicker(QDialog):
    """Choose the firm to assess: search as you type over the firm registry."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Nueva evaluación: elija la empresa"))
        self.resize(560, 420)
        self.search = QLineEdit(objectName="firmSearch", placeholderText=self.tr("Nombre, NIT o municipio"))
        self.results = QListWidget(objectName="firmResults")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Empezar evaluación"))
        self.search.setAccessibleName(self.tr("Buscar empresa"))
        self.results.setAccessibleName(self.tr("Empresas encontradas"))
        self.results.setAccessibleDescription(self.tr("Elija la empresa con las flechas y pulse Enter."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._search)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._search("")
        prepare(self)

    def _search(self, text: str) -> None:
        storage = self.context.storage
        self.results.clear()
        for firm in firm_rows(storage, firm_ids(storage, FirmQuery(text=text), 0, 50)):
            item = QListWidgetItem(f"{firm['legal_name']} — {firm['country']} {firm.get('municipality') or ''}")
            item.setData(Qt.ItemDataRole.UserRole, firm["id"])
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def firm_id(self) -> str | None:
        """The chosen firm's id, or None."""
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class AssessmentsPage(QWidget):
    """List of assessments with resume, results, follow-up and "Nueva evaluación".

    Signals:
        assessment_opened(str): an assessment id shown in the wizard or the results.
    """

    assessment_opened = Signal(str)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.status = QComboBox(objectName="statusFilter")
        self.status.addItem(self.tr("Todas"), None)
        self.status.addItem(self.tr("Borradores"), "draft")
        self.status.addItem(self.tr("Terminadas"), "completed")
        self.new_button = QPushButton(self.tr("&Nueva evaluación…"), objectName="newAssessment")
        self.open_button = QPushButton(self.tr("&Abrir"), objectName="openAssessment")
        self.followup_button = QPushButton(self.tr("&Seguimiento"), objectName="followup")
        self.delete_button = QPushButton(self.tr("&Eliminar borrador"), objectName="deleteDraft")
        self.table = QTableWidget(0, 7, objectName="assessmentTable")
        self.table.setHorizontalHeaderLabels([self.tr("Empresa"), self.tr("Estado"), self.tr("Iniciada"),
                                              self.tr("Terminada"), self.tr("Índice"), self.tr("Banda"),
                                              self.tr("Observación")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 320)
        self.table.setAccessibleName(self.tr("Lista de evaluaciones"))
        self.table.setAccessibleDescription(self.tr("Una fila por evaluación. Enter o doble clic abre la "
                                                    "elegida: un borrador sigue la entrevista, una terminada "
                                                    "muestra su resultado."))
        self.rows: list[dict] = []

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Mostrar:")))
        bar.addWidget(self.status)
        bar.addStretch(1)
        for button in (self.delete_button, self.followup_button, self.open_button, self.new_button):
            bar.addWidget(button)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table, 1)

        self.stack = QStackedWidget(objectName="assessmentStack")
        self.stack.addWidget(list_page)
        self.back_button = QPushButton(self.tr("← Volver a la lista"), objectName="backToList")
        self.back_button.setVisible(False)
        self.back_button.setAccessibleName(self.tr("Volver a la lista"))  # the arrow is only drawn
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stack, 1)

        self.status.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button.clicked.connect(self.open_current)
        self.followup_button.clicked.connect(self._followup_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter opens, as in Empresas
            QShortcut(QKeySequence(key), self.table, activated=self.open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
        add_shortcut(self.new_button, QKeySequence.StandardKey.New)
        self.back_button.clicked.connect(self.show_list)
        context.signals.assessments_changed.connect(lambda _firm: self.refresh())
        self.refresh()

    # --- list ---------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list under the status filter."""
        lang = self.context.lang
        self.rows = service.recent_assessments(self.context.storage, self.status.currentData())
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [row["legal_name"], self.tr(STATUS[row["status"]]), row["started_at"][:10],
                      (row["completed_at"] or "")[:10],
                      number(row["readiness_index"], lang) if row["readiness_index"] is not None else "",
                      label("band", row["band"], lang), self._remark(row)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        has_rows = bool(self.rows)
        for button in (self.open_button, self.followup_button, self.delete_button):
            button.setEnabled(has_rows)

    def _remark(self, row: dict) -> str:
        """Why a completed result should be read with care: incomplete, provisional, or capped by a knock-out."""
        if row["status"] != "completed":
            return ""
        if row["readiness_index"] is None:
            return self.tr("Incompleta: sin índice ni banda")
        parts = []
        if row.get("provisional"):
            parts.append(self.tr("Provisional: faltan respuestas"))
        if row.get("band_uncapped") and row["band_uncapped"] != row["band"]:
            reason = row.get("knock_out_en" if self.context.lang == "en" else "knock_out_es") or ""
            parts.append(self.tr("Banda limitada (sería {band}): {reason}").format(
                band=label("band", row["band_uncapped"], self.context.lang), reason=reason))
        return "; ".join(parts)

    def current_row(self) -> dict | None:
        """The selected assessment's row, or None."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_list(self) -> None:
        """Back to the list (the wizard's answers are already saved)."""
        while self.stack.count() > 1:
            widget = self.stack.widget(1)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.back_button.setVisible(False)
        self.refresh()

    # --- opening ------------------------------------------------------------

    def new_assessment(self) -> None:
        """Ask for a firm and start a new draft for it."""
        picker = FirmPicker(self.context, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.firm_id():
            self.start_for_firm(picker.firm_id())

    def start_for_firm(self, firm_id: str) -> AssessmentWizard:
        """Start a new draft assessment of ``firm_id`` and show its wizard."""
        return self._wizard(firm_id, None)

    def resume(self, assessment_id: str) -> AssessmentWizard:
        """Show the wizard of an existing assessment."""
        return self._wizard(service.get_assessment(self.context.storage, assessment_id)["firm_id"], assessment_id)

    def show_results(self, assessment_id: str) -> AssessmentResultsView:
        """Show the results of a completed assessment."""
        view = AssessmentResultsView(self.context, assessment_id)
        view.followup_requested.connect(self.show_followup)
        self._push(view)
        self.assessment_opened.emit(assessment_id)
        return view

    def show_followup(self, firm_id: str) -> FollowUpView:
        """Show a firm's follow-up."""
        view = FollowUpView(self.context, firm_id)
        view.results_requested.connect(self.show_results)
        self._push(view)
        return view

    def open_current(self) -> None:
        """Resume the selected draft, or show the selected assessment's results."""
        row = self.current_row()
        if row is None:
            return
        try:
            if row["status"] == "draft":
                self.resume(row["id"])
            else:
                self.show_results(row["id"])
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)

    def _wizard(self, firm_id: str, assessment_id: str | None) -> AssessmentWizard:
        wizard = AssessmentWizard(self.context, firm_id, assessment_id)
        wizard.closed.connect(self.show_list)
        wizard.completed.connect(self._completed)
        self._push(wizard)
        self.assessment_opened.emit(wizard.assessment_id)
        return wizard

    def _completed(self, assessment_id: str) -> None:
        self.show_list()
        self.show_results(assessment_id)

    def _push(self, widget: QWidget) -> None:
        while self.stack.count() > 1:
            old = self.stack.widget(1)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.back_button.setVisible(True)
        prepare(widget)

    def _followup_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.show_followup(row["firm_id"])

    def _delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if not messages.confirm(self, self.tr("Eliminar borrador"),
                                self.tr("¿Eliminar el borrador de {firm}?").format(firm=row["legal_name"])):
            return
        try:
            service.delete_draft(self.context.storage, row["id"], self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.context.signals.assessments_changed.emit(row["firm_id"])
