"""A firm's advisory record on its page: the timeline of sessions, assessments and milestones, and the
action plan being followed (issues 15 and 37).

Keyboard first. A session takes under 30 seconds: Ctrl+Shift+S opens the dialog with today's date and
an hour filled in; type the minutes, pick the mode, Enter saves. On the timeline, a session's next step
becomes a task with Ctrl+Shift+T, a declared milestone gets its «Documento visto» with Ctrl+Shift+D and a
documented one is verified by a coordinator with Ctrl+Shift+V. In the plan, Ctrl+Shift+A adds an action,
Enter (or a double click) edits the chosen one, Alt+Up / Alt+Down move it in the plan's order.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.registry.advisory_dialogs import (
    DocumentDialog,
    MilestoneDialog,
    PlanItemDialog,
    RecordDialog,
    SessionDialog,
    choices,
)
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare, tone
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import advisory

__all__ = ["AdvisoryTab", "MilestoneDialog", "SessionDialog"]


class AdvisoryTab(QWidget):
    """Asesoría: the timeline and the action plan of one firm."""

    changed = Signal()

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("advisoryTab")
        tr = self.tr
        self.labels = choices()
        self.session_button = QPushButton(tr("Registrar &sesión…"), objectName="recordSession")
        self.milestone_button = QPushButton(tr("Registrar &hito…"), objectName="recordMilestone")
        self.task_button = QPushButton(tr("Próximo paso a &tarea"), objectName="nextStepTask")
        self.document_button = QPushButton(tr("Docu&mento visto…"), objectName="documentMilestone")
        self.verify_button = QPushButton(tr("&Verificar hito"), objectName="verifyMilestone")
        add_shortcut(self.session_button, "Ctrl+Shift+S")
        add_shortcut(self.milestone_button, "Ctrl+Shift+H")
        add_shortcut(self.task_button, "Ctrl+Shift+T")
        add_shortcut(self.document_button, "Ctrl+Shift+D")
        add_shortcut(self.verify_button, "Ctrl+Shift+V")
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
        self.add_button = QPushButton(tr("A&gregar acción…"), objectName="planAdd")
        self.edit_button = QPushButton(tr("Ed&itar acción…"), objectName="planEdit")
        self.done_button = QPushButton(tr("Marcar he&cha"), objectName="planDone")
        self.progress_button = QPushButton(tr("En c&urso"), objectName="planInProgress")
        self.drop_button = QPushButton(tr("Desc&artar…"), objectName="planDrop")
        add_shortcut(self.add_button, "Ctrl+Shift+A")
        self.status = QLabel(objectName="advisoryStatus", wordWrap=True, textFormat=Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        for b in (self.session_button, self.milestone_button, self.task_button, self.document_button,
                  self.verify_button):
            top.addWidget(b)
        top.addStretch(1)
        plan_buttons = QHBoxLayout()
        for b in (self.make_plan_button, self.add_button, self.edit_button, self.done_button, self.progress_button,
                  self.drop_button):
            plan_buttons.addWidget(b)
        plan_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Sesiones, evaluaciones e hitos, del más reciente al más antiguo")))
        layout.addWidget(self.timeline, 3)
        layout.addWidget(QLabel(tr("Plan de acción (Alt+↑ / Alt+↓ cambian el orden; Enter edita)")))
        layout.addWidget(self.plan, 2)
        layout.addLayout(plan_buttons)
        layout.addWidget(self.status)

        self.session_button.clicked.connect(lambda: self.record_session())
        self.milestone_button.clicked.connect(lambda: self.record_milestone())
        self.task_button.clicked.connect(self.next_step_to_plan)
        self.document_button.clicked.connect(lambda: self.document_milestone())
        self.verify_button.clicked.connect(self.verify_milestone)
        self.make_plan_button.clicked.connect(self.make_plan)
        self.add_button.clicked.connect(lambda: self.edit_item(new=True))
        self.edit_button.clicked.connect(lambda: self.edit_item())
        self.done_button.clicked.connect(lambda: self.set_status("hecho"))
        self.progress_button.clicked.connect(lambda: self.set_status("en_curso"))
        self.drop_button.clicked.connect(lambda: self.set_status("descartado"))
        self.plan.doubleClicked.connect(lambda _index: self.edit_item())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.plan, context=Qt.ShortcutContext.WidgetShortcut,
                      activated=lambda: self.edit_item())
        QShortcut(QKeySequence("Alt+Up"), self.plan, context=Qt.ShortcutContext.WidgetShortcut,
                  activated=lambda: self.move_item(-1))
        QShortcut(QKeySequence("Alt+Down"), self.plan, context=Qt.ShortcutContext.WidgetShortcut,
                  activated=lambda: self.move_item(1))
        self.timeline.itemSelectionChanged.connect(self._offer)
        self.entries: list = []
        self.plan_rows: list[dict] = []
        prepare(self, {self.timeline: tr("Sesiones, evaluaciones e hitos de la empresa"),
                       self.plan: tr("Plan de acción de la empresa")})
        self.reload()

    # --- showing ------------------------------------------------------------

    def reload(self) -> None:
        storage = self.context.storage
        names = advisory.adviser_names(storage)
        self.entries = advisory.timeline(storage, self.firm_id, names)
        fill_table(self.timeline, [(dt.date.fromisoformat(e.day).strftime("%d/%m/%Y"), e.title, e.detail)
                                   for e in self.entries])
        self.plan_rows = advisory.plan_of_firm(storage, self.firm_id)
        today = dt.date.today().isoformat()
        fill_table(self.plan, [(
            r["title"], self._owner(r, names), self._due(r, today),
            self.labels["status"].get(r["status"], r["status"])
            + (f" — {r['drop_reason']}" if r.get("drop_reason") else "")) for r in self.plan_rows])
        late = QBrush(QColor(tone("#c62828")))
        for row, r in enumerate(self.plan_rows):
            if self._late(r, today):
                self.plan.item(row, 2).setForeground(late)
        self._offer()

    def _owner(self, item: dict, names: dict[str, str]) -> str:
        if item.get("owner_adviser_id"):
            return names.get(item["owner_adviser_id"], self.labels["owner"]["centro"])
        return self.labels["owner"].get(item["owner"], item["owner"])

    @staticmethod
    def _late(item: dict, today: str) -> bool:
        return bool(item.get("due_on")) and item["due_on"] < today and item["status"] in ("pendiente", "en_curso")

    def _due(self, item: dict, today: str) -> str:
        if not item.get("due_on"):
            return "—"
        day = dt.date.fromisoformat(item["due_on"]).strftime("%d/%m/%Y")
        return self.tr("{day} (vencida)").format(day=day) if self._late(item, today) else day

    def _entry(self):
        row = self.timeline.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) and self.timeline.selectedItems() else None

    def _offer(self) -> None:
        """The timeline's actions apply to the chosen line: enable those it offers."""
        entry = self._entry()
        offers = entry.actions if entry else ()
        self.task_button.setEnabled("task" in offers or entry is None)
        self.document_button.setEnabled("document" in offers)
        self.verify_button.setEnabled("verify" in offers)

    # --- recording ----------------------------------------------------------

    def _opened(self, dialog: RecordDialog) -> RecordDialog:
        dialog.saved.connect(lambda _r: self._changed())
        dialog.open()
        return dialog

    def _changed(self, message: str = "") -> None:
        self.reload()
        self.status.setText(message)
        self.changed.emit()

    def record_session(self) -> SessionDialog:
        self.session_dialog = self._opened(SessionDialog(self.context, self.firm_id, self))
        return self.session_dialog

    def record_milestone(self) -> MilestoneDialog:
        self.milestone_dialog = self._opened(MilestoneDialog(self.context, self.firm_id, self))
        return self.milestone_dialog

    def next_step_to_plan(self) -> bool:
        """The chosen session's «Próximo paso» (or, with none chosen, the latest session's still outside the
        plan) becomes an action of the plan, in the charge of the session's adviser."""
        entry = self._entry()
        if entry is None:
            entry = next((e for e in self.entries if "task" in e.actions), None)
        if entry is None or entry.kind != "session":
            self.status.setText(self.tr("Elija en la línea de tiempo una sesión con próximo paso."))
            return False
        try:
            item = advisory.task_from_session(self.context.storage, entry.record_id, self.context.adviser_id)
        except UserError as exc:
            self.status.setText(exc.message)
            return False
        self._changed(self.tr("«{title}» está en el plan; Enter lo edita (responsable, fecha límite).").format(
            title=item["title"]))
        self.plan.setFocus()
        self.plan.selectRow([r["id"] for r in self.plan_rows].index(item["id"]))
        return True

    def _milestone(self, offer: str) -> dict | None:
        entry = self._entry()
        if entry is None or offer not in entry.actions:
            self.status.setText(self.tr("Elija en la línea de tiempo un hito declarado (para su documento) o "
                                        "documentado (para verificarlo)."))
            return None
        return next(m for m in advisory.milestones_of(self.context.storage, self.firm_id)
                    if m["id"] == entry.record_id)

    def document_milestone(self) -> DocumentDialog | None:
        milestone = self._milestone("document")
        if milestone is None:
            return None
        summary = f"{self._entry().title}: {advisory.milestone_summary(milestone)}"
        self.document_dialog = self._opened(DocumentDialog(self.context, milestone, summary, self))
        return self.document_dialog

    def verify_milestone(self) -> bool:
        """A coordinator who did not record the milestone verifies it, after one confirmation."""
        milestone = self._milestone("verify")
        if milestone is None:
            return False
        entry = self._entry()
        question = self.tr("¿Verificar «{what}» ({detail})? Quedará verificado a su nombre, con la fecha de hoy, "
                           "y contará en el informe para financiadores.").format(what=entry.title, detail=entry.detail)
        if not messages.confirm(self, self.tr("Verificar hito"), question):
            return False
        try:
            advisory.verify_milestone(self.context.storage, milestone["id"], self.context.adviser_id)
        except UserError as exc:
            self.status.setText(exc.message)
            return False
        self._changed(self.tr("Hito verificado."))
        return True

    # --- the plan -----------------------------------------------------------

    def make_plan(self) -> None:
        storage = self.context.storage
        done = list(advisory.completed_history(storage, self.firm_id))
        if not done:
            self.status.setText(self.tr("La empresa aún no tiene una evaluación terminada."))
            return
        try:
            items = advisory.make_plan(storage, done[-1][0]["id"], self.context.adviser_id)
        except UserError as exc:
            messages.show_error(self, exc)
            return
        self._changed(self.tr("El plan tiene {n} acciones.").format(n=len(items)))

    def _chosen(self) -> int | None:
        row = self.plan.currentRow()
        if not 0 <= row < len(self.plan_rows) or not self.plan.selectedItems():
            self.status.setText(self.tr("Elija primero una acción del plan."))
            return None
        return row

    def edit_item(self, new: bool = False) -> PlanItemDialog | None:
        """Add an action (``new``) or edit the chosen one: what, who, by when, which dimension."""
        item = None
        if not new:
            row = self._chosen()
            if row is None:
                return None
            item = self.plan_rows[row]
        self.item_dialog = self._opened(PlanItemDialog(self.context, self.firm_id, item, self))
        return self.item_dialog

    def move_item(self, steps: int) -> bool:
        row = self._chosen()
        if row is None:
            return False
        item_id = self.plan_rows[row]["id"]
        advisory.move_plan_item(self.context.storage, item_id, steps, self.context.adviser_id)
        self._changed()
        self.plan.selectRow([r["id"] for r in self.plan_rows].index(item_id))
        return True

    def set_status(self, status: str, reason: str | None = None) -> bool:
        row = self._chosen()
        if row is None:
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
        self._changed()
        self.plan.selectRow(row)
        return True
