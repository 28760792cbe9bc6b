"""One firm at a glance: profile, size class with its reason, assessments, history.

Opened from the firm list (or the duplicate warning of the form). Editing
opens the firm form over it; deleting leaves a tombstone after a confirmation
and offers to undo it right away from a banner.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import label as assessment_label
from desktop.domain.errors import UserError
from desktop.domain.sizing import FirmFigures, class_label, classify
from desktop.gui.registry.advisory_tab import AdvisoryTab
from desktop.gui.registry.classify_panel import CLASS_COLOURS
from desktop.gui.registry.firm_detail_text import (
    OPERATIONS,
    PROFILE_FIELDS,
    SUMMARIES,
    field_label,
    show_value,
)
from desktop.gui.registry.firm_form import FirmFormDialog
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare, surface, tone
from desktop.gui.shared.tables import read_only_table
from desktop.services import profile, sizing
from desktop.services.registry.firms import delete_firm, firm_history, get_firm, undelete_firm


class FirmDetailDialog(QDialog):
    """A firm's profile, classification, assessments and history of changes.

    Signals:
        deleted(str), restored(str): the firm id, after a delete or its undo.

    Args:
        context: the :class:`~desktop.gui.shared.context.AppContext`.
        firm_id: the firm to show (a deleted one is shown with the undo banner).

    Raises:
        UserError: no firm has that id.
    """

    deleted = Signal(str)
    restored = Signal(str)

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.storage = context.storage
        self.firm_id = firm_id
        self.firm: dict | None = None
        self.edit_dialog: FirmFormDialog | None = None
        self.setObjectName("firmDetail")
        self._build()
        self.reload()
        if self.firm is None:
            raise UserError(self.tr("No se encontró la empresa."), field="id")
        context.signals.firms_changed.connect(self.reload)
        add_shortcut(self.assess_button, "Ctrl+N")
        prepare(self, {self.tabs: self.tr("Ficha, clasificación, evaluaciones e historial"),
                       self.assessments: self.tr("Evaluaciones de la empresa")})

    def done(self, result: int) -> None:
        # Stop listening before the widgets go: a later edit elsewhere must not reach them.
        try:
            self.context.signals.firms_changed.disconnect(self.reload)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    # --- actions ------------------------------------------------------------------------

    def edit(self) -> FirmFormDialog:
        """Open the firm form over this dialog (window-modal, so tests are not blocked)."""
        self.edit_dialog = FirmFormDialog(self.context, self.firm_id, self)
        self.edit_dialog.saved.connect(lambda _id: self.reload())
        self.edit_dialog.open()
        return self.edit_dialog

    def delete(self) -> bool:
        """Tombstone the firm after a confirmation; offers the undo banner."""
        name = self.firm["legal_name"]
        if not messages.confirm(self, self.tr("Eliminar empresa"),
                                self.tr("¿Eliminar «{name}»? Podrá deshacerlo enseguida.").format(name=name)):
            return False
        try:
            delete_firm(self.storage, self.firm_id, self.context.adviser_id)
        except UserError as exc:
            messages.show_error(self, exc)
            return False
        self.context.signals.firms_changed.emit()
        self.deleted.emit(self.firm_id)
        return True

    def undo_delete(self) -> bool:
        """Bring the deleted firm back."""
        try:
            undelete_firm(self.storage, self.firm_id, self.context.adviser_id)
        except UserError as exc:
            messages.show_error(self, exc)
            return False
        self.context.signals.firms_changed.emit()
        self.restored.emit(self.firm_id)
        return True

    # --- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the firm again and refresh every tab."""
        firm = get_firm(self.storage, self.firm_id, include_deleted=True)
        if firm is None:
            return
        self.firm = firm
        deleted = bool(firm["deleted_at"])
        self.setWindowTitle(firm["legal_name"])
        self.title.setText(firm["legal_name"])
        subtitle = [firm.get("trade_name"), show_value("country", firm.get("country")),
                    firm.get("municipality"), firm.get("tax_id") and f"{firm.get('tax_id_type') or ''} {firm['tax_id']}".strip()]
        self.subtitle.setText("  ·  ".join(s for s in subtitle if s))
        self.deleted_banner.setVisible(deleted)
        self.edit_button.setEnabled(not deleted)
        self.delete_button.setEnabled(not deleted)
        self.assess_button.setEnabled(not deleted)
        self._show_profile(firm)
        self._show_class(firm)
        self._show_assessments()
        self._show_history()

    def _show_profile(self, firm: dict) -> None:
        while self.profile_form.rowCount():
            self.profile_form.removeRow(0)
        for name in PROFILE_FIELDS:
            value = firm.get(name)
            if value in (None, "") or (name == "usd_rate" and firm.get("currency") in (None, "USD")):
                continue
            text = show_value(name, value, firm, self.locale())
            if name == "adviser_id":
                text = profile.adviser_name(self.storage, value)
            label = QLabel(text, wordWrap=True, objectName=f"profile_{name}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.profile_form.addRow(f"{field_label(name)}:", label)

    def _show_class(self, firm: dict) -> None:
        lang = self.context.lang
        figures = FirmFigures(employees=firm.get("employees"), sales_usd=firm.get("sales_usd"),
                              assets_usd=firm.get("assets_usd"), exports_usd=firm.get("exports_usd"),
                              sector=firm.get("sector_isic"))
        try:
            result = classify(firm["country"], figures)
        except UserError as exc:
            self.class_name.setText(class_label("sin_clasificar", lang))
            self.class_reason.setText(exc.message)
            return
        self.class_name.setText(result.label(lang))
        self.class_name.setStyleSheet(
            f"font-size: 14pt; font-weight: bold; color: {tone(CLASS_COLOURS.get(result.size_class, '#000'))};")
        notes = "".join(f"\n• {note.text(lang)}" for note in result.notes)
        self.class_reason.setText(result.reason(lang) + notes)
        self.class_rulebook.setText(self.tr("Normativa aplicada: {rulebook}").format(rulebook=result.rulebook_text(lang)))
        self.class_rulebook.setToolTip(f"{result.rulebook_id} {result.rulebook_version}")
        self._show_law(firm)

    def _show_law(self, firm: dict) -> None:
        """The class under the law in force beside the study's, and why they differ."""
        lang = self.context.lang
        sizes = sizing.firm_sizes(self.storage, firm)
        law = sizes.law
        if law is None:
            self.law_name.setText(self.tr("Sin definición legal"))
            self.law_reason.setText("")
            self.law_rulebook.setText("")
            self.class_difference.setText("")
            return
        self.law_name.setText(law.label(lang))
        colour = CLASS_COLOURS.get(law.size_class or "sin_clasificar", "#000")
        self.law_name.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {tone(colour)};")
        notes = "".join(f"\n• {text}" for text in (law.to_json(lang)["notes"]))
        self.law_reason.setText(law.reason(lang) + notes)
        if law.book is not None:
            self.law_rulebook.setText(self.tr("Ley aplicada: {title}, versión {version}. Fuente: {source}").format(
                title=law.title(lang), version=law.book.version, source=law.source_text(lang)))
            self.law_rulebook.setToolTip(law.rulebook_ref() or "")
        else:
            self.law_rulebook.setText("")
        used = self.tr("Las listas, los filtros y el Tablero usan la clase según la ley vigente.") \
            if sizes.basis == "law" else \
            self.tr("Las listas, los filtros y el Tablero usan la clase según la tabla del estudio.")
        difference = sizes.differences(lang)
        self.class_difference.setText(f"{difference}\n{used}" if difference else used)

    def start_assessment(self) -> None:
        """Close the detail and start an interview with this firm (Evaluaciones screen)."""
        self.accept()
        self.context.signals.assessment_requested.emit(self.firm_id)

    def open_assessment(self, row: int, _column: int = 0) -> None:
        """Show the results of the assessment on ``row`` (or resume it, if a draft)."""
        if 0 <= row < len(self._assessment_ids):
            self.accept()
            self.context.signals.assessment_open_requested.emit(self._assessment_ids[row])

    def _show_assessments(self) -> None:
        rows = profile.firm_assessments(self.storage, self.firm_id)
        self._assessment_ids = [item["id"] for item in rows]
        lang = self.context.lang
        self.assessments.setRowCount(len(rows))
        for row, item in enumerate(rows):
            status = self.tr("Completada") if item["status"] == "completed" else self.tr("Borrador")
            index = item.get("readiness_index")
            cells = (self._when(item.get("completed_at") or item.get("started_at")), status,
                     assessment_label("stage", item.get("stage"), lang) if item.get("stage") else "—",
                     assessment_label("band", item.get("band"), lang) if item.get("band") else "—",
                     self.locale().toString(float(index), "f", 1) if index is not None else "—",
                     profile.adviser_name(self.storage, item.get("adviser_id")))
            for column, text in enumerate(cells):
                self.assessments.setItem(row, column, QTableWidgetItem(text))
        self.assessments.resizeColumnsToContents()  # stage names are long; show them whole
        self.no_assessments.setVisible(not rows)
        self.tabs.setTabText(2, self.tr("Evaluaciones ({n})").format(n=len(rows)))

    def _show_history(self) -> None:
        lines = []
        for entry in reversed(firm_history(self.storage, self.firm_id)):
            who = profile.adviser_name(self.storage, entry.changed_by)
            when = self._when(entry.changed_at)
            what = OPERATIONS.get(entry.op, entry.op)
            if entry.op == "update" and entry.changes:
                for change in entry.changes:
                    lines.append((when, who, what, field_label(change.field),
                                  show_value(change.field, change.old, None, self.locale()),
                                  show_value(change.field, change.new, None, self.locale())))
            else:
                lines.append((when, who, what, SUMMARIES.get(entry.op, "—"), "", ""))
        self.history.setRowCount(len(lines))
        for row, cells in enumerate(lines):
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        self.history.resizeRowsToContents()

    def _when(self, iso: str | None) -> str:
        if not iso:
            return "—"
        try:
            moment = QDateTime(datetime.fromisoformat(iso.replace("Z", "+00:00")))
        except ValueError:
            return iso
        return self.locale().toString(moment.toLocalTime(), "dd/MM/yyyy HH:mm")

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        tr = self.tr
        self.title = QLabel(objectName="firmTitle", wordWrap=True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.subtitle = QLabel(objectName="firmSubtitle", wordWrap=True)
        self.subtitle.setStyleSheet(f"color: {tone('#555')};")

        self.deleted_banner = QFrame(objectName="deletedBanner")
        self.deleted_banner.setStyleSheet(
            f"#deletedBanner {{ background: {surface('#fdecea')}; border: 1px solid #e57373; border-radius: 4px; }}")
        self.undo_button = QPushButton(tr("&Deshacer"), objectName="undoButton")
        banner = QHBoxLayout(self.deleted_banner)
        banner.addWidget(QLabel(tr("Empresa eliminada."), objectName="deletedText"), 1)
        banner.addWidget(self.undo_button)
        self.deleted_banner.hide()

        self.tabs = QTabWidget(objectName="detailTabs")
        profile_page = QWidget()
        self.profile_form = QFormLayout(profile_page)
        self.profile_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(profile_page)
        self.tabs.addTab(scroll, tr("Ficha"))

        class_page = QWidget()
        class_layout = QVBoxLayout(class_page)
        self.class_name = QLabel(objectName="detailClassName")
        self.class_name.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.class_reason = QLabel(objectName="detailClassReason", wordWrap=True)
        self.class_rulebook = QLabel(objectName="detailRulebook", wordWrap=True)
        self.class_rulebook.setStyleSheet(f"color: {tone('#555')};")
        self.law_name = QLabel(objectName="detailLawName")
        self.law_name.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.law_reason = QLabel(objectName="detailLawReason", wordWrap=True)
        self.law_rulebook = QLabel(objectName="detailLawRulebook", wordWrap=True)
        self.law_rulebook.setStyleSheet(f"color: {tone('#555')};")
        self.class_difference = QLabel(objectName="detailClassDifference", wordWrap=True)
        for widget in (self.law_reason, self.law_rulebook, self.class_reason, self.class_rulebook,
                       self.class_difference):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        law_heading = QLabel(tr("Según la ley vigente"), objectName="detailLawHeading")
        study_heading = QLabel(tr("Según la tabla del estudio (CEPAL, Cuadro 1), que usan la evaluación y las "
                                  "comparaciones"), objectName="detailStudyHeading", wordWrap=True)
        for heading in (law_heading, study_heading):
            heading.setStyleSheet("font-weight: bold;")
        for widget in (law_heading, self.law_name, self.law_reason, self.law_rulebook, study_heading,
                       self.class_name, self.class_reason, self.class_rulebook, self.class_difference):
            class_layout.addWidget(widget)
        class_layout.addStretch(1)
        self.tabs.addTab(class_page, tr("Clasificación"))

        assess_page = QWidget()
        assess_layout = QVBoxLayout(assess_page)
        self.assessments = read_only_table("assessmentsTable", [tr("Fecha"), tr("Estado"), tr("Etapa"), tr("Banda"),
                                                                tr("Índice"), tr("Asesor")], select_rows=True)
        self.assessments.setWordWrap(False)  # one line per assessment; columns fit their text
        self.no_assessments = QLabel(tr("Esta empresa aún no tiene evaluaciones."), objectName="noAssessments")
        assess_layout.addWidget(self.no_assessments)
        assess_layout.addWidget(self.assessments, 1)
        self.tabs.addTab(assess_page, tr("Evaluaciones"))

        self.advisory = AdvisoryTab(self.context, self.firm_id)
        self.tabs.addTab(self.advisory, tr("Asesoría"))

        self.history = read_only_table("historyTable", [tr("Fecha"), tr("Quién"), tr("Qué"), tr("Campo"),
                                                        tr("Antes"), tr("Después")], select_rows=True)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tabs.addTab(self.history, tr("Historial de cambios"))

        self.edit_button = QPushButton(tr("&Editar"), objectName="editButton")
        self.assess_button = QPushButton(tr("&Nueva evaluación"), objectName="assessButton")
        self.delete_button = QPushButton(tr("E&liminar"), objectName="deleteButton")
        close = QPushButton(tr("Cerrar"), objectName="closeButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.assess_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.deleted_banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.edit_button.clicked.connect(self.edit)
        self.assess_button.clicked.connect(self.start_assessment)
        self.assessments.cellDoubleClicked.connect(self.open_assessment)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_delete)
        close.clicked.connect(self.accept)
        self.resize(860, 600)
