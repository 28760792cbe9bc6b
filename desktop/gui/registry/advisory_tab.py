"""A firm's advisory record on its page: the timeline of sessions, assessments and milestones,
the action plan being followed, and the dialogs that record a session or a milestone.

A session is meant to take under 30 seconds by keyboard: Ctrl+Shift+S opens the dialog with
today's date and an hour filled in; type the minutes, pick the mode, Enter saves.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare, tone
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import advisory


def _tr(text: str) -> str:
    return QCoreApplication.translate("AdvisoryTab", text)


def _choices(widget: QWidget | None = None) -> dict[str, dict[str, str]]:
    """The coded values of the advisory record, as advisers read them."""
    return {
        "mode": {"visita": _tr("Visita a la empresa"), "oficina": _tr("En el centro"), "telefono": _tr("Teléfono"),
                 "video": _tr("Videollamada")},
        "kind": {"empleo": _tr("Empleos"), "ventas": _tr("Ventas"), "exportacion": _tr("Exportaciones"),
                 "financiamiento": _tr("Financiamiento obtenido"), "formalizacion": _tr("Formalización"),
                 "certificacion": _tr("Certificación")},
        "evidence": {"declarado": _tr("Declarado por la empresa"), "documento": _tr("Documento visto por el asesor"),
                     "firmado": _tr("Firmado por el cliente")},
        "owner": {"empresa": _tr("La empresa"), "centro": _tr("El centro")},
        "status": {"pendiente": _tr("Pendiente"), "en_curso": _tr("En curso"), "hecho": _tr("Hecha"),
                   "descartado": _tr("Descartada")},
    }


def _combo(name: str, values: dict[str, str]) -> QComboBox:
    box = QComboBox(objectName=name)
    for code, label in values.items():
        box.addItem(label, code)
    return box


class _RecordDialog(QDialog):
    """A small form that saves through a service call and shows a refusal under the fields."""

    saved = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.error = QLabel(objectName="recordError", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveRecord")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.fields: dict[str, QWidget] = {}

    def _add(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.fields[name] = widget
        self.form.addRow(label, widget)
        return widget

    def values(self) -> dict:
        out = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
        return out

    def store(self, values: dict) -> dict:
        raise NotImplementedError

    def save(self) -> bool:
        """Store what was typed; on a refusal show the sentence and go to the field, keeping every value."""
        try:
            record = self.store(self.values())
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            target = self.fields.get(exc.field or "")
            if target is not None:
                target.setFocus()
            return False
        self.saved.emit(record)
        self.accept()
        return True


class SessionDialog(_RecordDialog):
    """Registrar sesión: date, minutes, mode, topics, notes, next step."""

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("sessionDialog")
        self.setWindowTitle(self.tr("Registrar sesión de asesoría"))
        tr = self.tr
        self._add("held_on", tr("&Fecha"), QLineEdit(dt.date.today().strftime("%d/%m/%Y")))
        self._add("minutes", tr("&Duración (minutos)"), QLineEdit("60"))
        self._add("mode", tr("&Modalidad"), _combo("mode", _choices(self)["mode"]))
        self.topics = QListWidget(objectName="topics")
        for code, label in advisory.topic_choices():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topics.addItem(item)
        self.topics.setMaximumHeight(140)
        self.form.addRow(tr("&Temas (espacio marca)"), self.topics)
        self.fields["topics"] = self.topics
        self._add("notes", tr("&Notas"), QPlainTextEdit()).setTabChangesFocus(True)
        self.fields["notes"].setMaximumHeight(80)
        self._add("next_step", tr("&Próximo paso"), QLineEdit())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.fields["minutes"].setFocus()
        self.fields["minutes"].selectAll()
        self.resize(560, 520)

    def values(self) -> dict:
        out = super().values()
        out["topics"] = [self.topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.topics.count())
                         if self.topics.item(i).checkState() == Qt.CheckState.Checked]
        return out

    def store(self, values: dict) -> dict:
        return advisory.record_session(self.context.storage, self.firm_id, values, self.context.adviser_id)


class MilestoneDialog(_RecordDialog):
    """Registrar hito de impacto: kind, date, the figures of its kind, evidence."""

    FIELDS_OF = {"empleo": ("jobs_women", "jobs_men"), "ventas": ("amount", "currency"),
                 "exportacion": ("amount", "currency", "markets"),
                 "financiamiento": ("amount", "currency", "source", "instrument"),
                 "formalizacion": (), "certificacion": ()}

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("milestoneDialog")
        self.setWindowTitle(self.tr("Registrar hito de impacto"))
        tr = self.tr
        kind = self._add("kind", tr("&Tipo"), _combo("kind", _choices(self)["kind"]))
        self._add("occurred_on", tr("&Fecha"), QLineEdit(dt.date.today().strftime("%d/%m/%Y")))
        self._add("jobs_women", tr("Empleos nuevos de &mujeres"), QLineEdit())
        self._add("jobs_men", tr("Empleos nuevos de &hombres"), QLineEdit())
        self._add("amount", tr("M&onto"), QLineEdit())
        self._add("currency", tr("Mo&neda"), QLineEdit("USD"))
        self._add("markets", tr("Mercados nuevos (separados por comas)"), QLineEdit())
        self._add("source", tr("&Otorgado por"), QLineEdit())
        self._add("instrument", tr("&Instrumento"), QLineEdit())
        self._add("description", tr("&Descripción"), QLineEdit())
        self._add("evidence", tr("&Evidencia"), _combo("evidence", _choices(self)["evidence"]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        kind.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.resize(520, 420)

    def _show_fields(self) -> None:
        shown = set(self.FIELDS_OF[self.fields["kind"].currentData()])
        for name in ("jobs_women", "jobs_men", "amount", "currency", "markets", "source", "instrument"):
            self.form.setRowVisible(self.fields[name], name in shown)

    def values(self) -> dict:
        shown = set(self.FIELDS_OF[self.fields["kind"].currentData()])
        optional = {"jobs_women", "jobs_men", "amount", "currency", "markets", "source", "instrument"}
        return {k: v for k, v in super().values().items() if k not in optional or k in shown}

    def store(self, values: dict) -> dict:
        return advisory.record_milestone(self.context.storage, self.firm_id, values, self.context.adviser_id)


class AdvisoryTab(QWidget):
    """Asesoría: the timeline and the action plan of one firm."""

    changed = Signal()

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("advisoryTab")
        tr = self.tr
        self.labels = _choices(self)
        self.session_button = QPushButton(tr("Registrar &sesión…"), objectName="recordSession")
        self.milestone_button = QPushButton(tr("Registrar &hito…"), objectName="recordMilestone")
        add_shortcut(self.session_button, "Ctrl+Shift+S")
        add_shortcut(self.milestone_button, "Ctrl+Shift+H")
        self.timeline = read_only_table("timelineTable", [tr("Fecha"), tr("Qué"), tr("Detalle")], select_rows=True)
        self.plan = read_only_table("planTable", [tr("Acción"), tr("Quién"), tr("Fecha límite"), tr("Estado")],
                                    select_rows=True)
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for table, modes in ((self.timeline, (fit, fit, stretch)), (self.plan, (stretch, fit, fit, fit))):
            table.setWordWrap(False)
            table.horizontalHeader().setStretchLastSection(False)
            for column, mode in enumerate(modes):
                table.horizontalHeader().setSectionResizeMode(column, mode)
        self.make_plan_button = QPushButton(tr("&Plan desde la última evaluación"), objectName="makePlan")
        self.done_button = QPushButton(tr("Marcar he&cha"), objectName="planDone")
        self.progress_button = QPushButton(tr("En c&urso"), objectName="planInProgress")
        self.drop_button = QPushButton(tr("Desc&artar…"), objectName="planDrop")
        self.status = QLabel(objectName="advisoryStatus", wordWrap=True, textFormat=Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(self.session_button)
        top.addWidget(self.milestone_button)
        top.addStretch(1)
        plan_buttons = QHBoxLayout()
        for b in (self.make_plan_button, self.done_button, self.progress_button, self.drop_button):
            plan_buttons.addWidget(b)
        plan_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Sesiones, evaluaciones e hitos, del más reciente al más antiguo")))
        layout.addWidget(self.timeline, 3)
        layout.addWidget(QLabel(tr("Plan de acción")))
        layout.addWidget(self.plan, 2)
        layout.addLayout(plan_buttons)
        layout.addWidget(self.status)

        self.session_button.clicked.connect(lambda: self.record_session())
        self.milestone_button.clicked.connect(lambda: self.record_milestone())
        self.make_plan_button.clicked.connect(self.make_plan)
        self.done_button.clicked.connect(lambda: self.set_status("hecho"))
        self.progress_button.clicked.connect(lambda: self.set_status("en_curso"))
        self.drop_button.clicked.connect(lambda: self.set_status("descartado"))
        self.plan_rows: list[dict] = []
        prepare(self, {self.timeline: tr("Sesiones, evaluaciones e hitos de la empresa"),
                       self.plan: tr("Plan de acción de la empresa")})
        self.reload()

    def reload(self) -> None:
        storage = self.context.storage
        entries = advisory.timeline(storage, self.firm_id)
        fill_table(self.timeline, [(dt.date.fromisoformat(e.day).strftime("%d/%m/%Y"), e.title, e.detail)
                                   for e in entries])
        self.plan_rows = advisory.plan_of_firm(storage, self.firm_id)
        fill_table(self.plan, [(
            r["title"], self.labels["owner"].get(r["owner"], r["owner"]),
            dt.date.fromisoformat(r["due_on"]).strftime("%d/%m/%Y") if r.get("due_on") else "—",
            self.labels["status"].get(r["status"], r["status"])
            + (f" — {r['drop_reason']}" if r.get("drop_reason") else "")) for r in self.plan_rows])

    def _opened(self, dialog: _RecordDialog) -> _RecordDialog:
        dialog.saved.connect(lambda _r: (self.reload(), self.changed.emit()))
        dialog.open()
        return dialog

    def record_session(self) -> SessionDialog:
        self.session_dialog = self._opened(SessionDialog(self.context, self.firm_id, self))
        return self.session_dialog

    def record_milestone(self) -> MilestoneDialog:
        self.milestone_dialog = self._opened(MilestoneDialog(self.context, self.firm_id, self))
        return self.milestone_dialog

    def make_plan(self) -> None:
        storage = self.context.storage
        done = [a for a in advisory.completed_history(storage, self.firm_id)]
        if not done:
            self.status.setText(self.tr("La empresa aún no tiene una evaluación terminada."))
            return
        try:
            items = advisory.make_plan(storage, done[-1][0]["id"], self.context.adviser_id)
        except UserError as exc:
            messages.show_error(self, exc)
            return
        self.status.setText(self.tr("El plan tiene {n} acciones.").format(n=len(items)))
        self.reload()

    def set_status(self, status: str, reason: str | None = None) -> bool:
        row = self.plan.currentRow()
        if not 0 <= row < len(self.plan_rows):
            self.status.setText(self.tr("Elija primero una acción del plan."))
            return False
        if status == "descartado" and reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Descartar acción"), self.tr("¿Por qué se descarta?"))
            if not ok:
                return False
        try:
            advisory.set_plan_status(self.context.storage, self.plan_rows[row]["id"], status,
                                     self.context.adviser_id, drop_reason=reason)
        except UserError as exc:
            self.status.setText(exc.message)
            return False
        self.status.setText("")
        self.reload()
        self.plan.selectRow(row)
        return True
