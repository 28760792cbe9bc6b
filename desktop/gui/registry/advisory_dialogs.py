"""The dialogs of a firm's Asesoría tab: a session, a milestone, the document seen behind a milestone,
and an item of the action plan.

Each saves through one service call; a refusal shows its sentence under the fields, puts the cursor
in the field it names and keeps everything typed. Enter saves.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.shared.accessibility import prepare, tone
from desktop.services import advisory


def _tr(text: str) -> str:
    return QCoreApplication.translate("AdvisoryTab", text)


def choices() -> dict[str, dict[str, str]]:
    """The coded values of the advisory record, as advisers read them."""
    return {
        "mode": {"visita": _tr("Visita a la empresa"), "oficina": _tr("En el centro"), "telefono": _tr("Teléfono"),
                 "video": _tr("Videollamada")},
        "kind": {"empleo": _tr("Empleos"), "ventas": _tr("Ventas"), "exportacion": _tr("Exportaciones"),
                 "financiamiento": _tr("Financiamiento obtenido"), "formalizacion": _tr("Formalización"),
                 "certificacion": _tr("Certificación")},
        "evidence": {"declarado": _tr("Declarado por la empresa"), "documento": _tr("Documento visto por el asesor"),
                     "firmado": _tr("Firmado por el cliente")},
        "document": {"certificado": _tr("Certificado"), "factura": _tr("Factura"), "contrato": _tr("Contrato"),
                     "estados_financieros": _tr("Estados financieros"),
                     "declaracion_firmada": _tr("Declaración firmada"), "constancia": _tr("Constancia o registro"),
                     "otro": _tr("Otro documento")},
        "owner": {"empresa": _tr("La empresa"), "centro": _tr("El centro")},
        "status": {"pendiente": _tr("Pendiente"), "en_curso": _tr("En curso"), "hecho": _tr("Hecha"),
                   "descartado": _tr("Descartada")},
    }


def _combo(name: str, values: dict[str, str]) -> QComboBox:
    box = QComboBox(objectName=name)
    for code, label in values.items():
        box.addItem(label, code)
    return box


def _day(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


class RecordDialog(QDialog):
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
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
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
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
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
            if target is not None and target.isVisible():
                target.setFocus()
            return False
        self.saved.emit(record)
        self.accept()
        return True


class SessionDialog(RecordDialog):
    """Registrar sesión: date, minutes, mode, preparation and travel, topics, notes, next step."""

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("sessionDialog")
        self.setWindowTitle(self.tr("Registrar sesión de asesoría"))
        tr = self.tr
        self._add("held_on", tr("&Fecha"), QLineEdit(dt.date.today().strftime("%d/%m/%Y")))
        self._add("minutes", tr("&Duración (minutos)"), QLineEdit("60"))
        self._add("mode", tr("&Modalidad"), _combo("mode", choices()["mode"]))
        # Counted apart from the session itself, as SBDC networks report them; blank is none.
        self._add("prep_minutes", tr("Minutos de p&reparación"), QLineEdit(placeholderText="0"))
        self._add("travel_minutes", tr("Minutos de tr&aslado"), QLineEdit(placeholderText="0"))
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
        self.fields["minutes"].setFocus()
        self.fields["minutes"].selectAll()
        self.resize(560, 560)
        prepare(self)

    def values(self) -> dict:
        out = super().values()
        out["topics"] = [self.topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.topics.count())
                         if self.topics.item(i).checkState() == Qt.CheckState.Checked]
        return out

    def store(self, values: dict) -> dict:
        return advisory.record_session(self.context.storage, self.firm_id, values, self.context.adviser_id)


class MilestoneDialog(RecordDialog):
    """Registrar hito de impacto: kind, date, the figures of its kind, evidence and the document seen."""

    FIELDS_OF = {"empleo": ("jobs_women", "jobs_men"), "ventas": ("amount", "currency"),
                 "exportacion": ("amount", "currency", "markets"),
                 "financiamiento": ("amount", "currency", "source", "instrument"),
                 "formalizacion": (), "certificacion": ()}
    OPTIONAL = ("jobs_women", "jobs_men", "amount", "currency", "markets", "source", "instrument")
    DOCUMENT = ("document_kind", "document_ref")

    def __init__(self, context, firm_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id = context, firm_id
        self.setObjectName("milestoneDialog")
        self.setWindowTitle(self.tr("Registrar hito de impacto"))
        tr = self.tr
        kind = self._add("kind", tr("&Tipo"), _combo("kind", choices()["kind"]))
        self._add("occurred_on", tr("&Fecha"), QLineEdit(dt.date.today().strftime("%d/%m/%Y")))
        self._add("jobs_women", tr("Empleos nuevos de &mujeres"), QLineEdit())
        self._add("jobs_men", tr("Empleos nuevos de &hombres"), QLineEdit())
        self._add("amount", tr("M&onto"), QLineEdit())
        self._add("currency", tr("Mo&neda"), QLineEdit("USD"))
        self._add("markets", tr("Mercados nuevos (separados por comas)"), QLineEdit())
        self._add("source", tr("&Otorgado por"), QLineEdit())
        self._add("instrument", tr("&Instrumento"), QLineEdit())
        self._add("description", tr("&Descripción"), QLineEdit())
        evidence = self._add("evidence", tr("&Evidencia"), _combo("evidence", choices()["evidence"]))
        document = self._add("document_kind", tr("Documento &visto"), _combo("document_kind", choices()["document"]))
        document.insertItem(0, "—", None)  # not said: a signed statement is one by its nature, else unknown
        document.setCurrentIndex(0)
        self._add("document_ref", tr("&Referencia del documento"),
                  QLineEdit(placeholderText=tr("número, fecha, quién lo emite")))
        kind.currentIndexChanged.connect(self._show_fields)
        evidence.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.resize(540, 460)
        prepare(self)

    def _shown(self) -> set[str]:
        shown = set(self.FIELDS_OF[self.fields["kind"].currentData()])
        if self.fields["evidence"].currentData() != "declarado":
            shown |= set(self.DOCUMENT)
        return shown

    def _show_fields(self) -> None:
        shown = self._shown()
        for name in self.OPTIONAL + self.DOCUMENT:
            self.form.setRowVisible(self.fields[name], name in shown)

    def values(self) -> dict:
        shown = self._shown()
        return {k: v for k, v in super().values().items() if k not in self.OPTIONAL + self.DOCUMENT or k in shown}

    def store(self, values: dict) -> dict:
        return advisory.record_milestone(self.context.storage, self.firm_id, values, self.context.adviser_id)


class DocumentDialog(RecordDialog):
    """«Documento visto»: the adviser saw the document behind a declared milestone."""

    def __init__(self, context, milestone: dict, summary: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.milestone = context, milestone
        self.setObjectName("documentDialog")
        self.setWindowTitle(self.tr("Documento del hito"))
        tr = self.tr
        what = QLabel(summary, objectName="documentMilestone", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.form.addRow(tr("Hito:"), what)
        document = self._add("document_kind", tr("&Documento"), _combo("document_kind", choices()["document"]))
        document.insertItem(0, "—", None)  # chosen on purpose: the coordinator reads what was seen
        document.setCurrentIndex(0)
        self._add("document_ref", tr("&Referencia"), QLineEdit(placeholderText=tr("número, fecha, quién lo emite")))
        self._add("document_seen", tr("Vi el documento"), QCheckBox(tr("Documento &visto")))
        note = QLabel(tr("Queda a su nombre, con la fecha de hoy. Después lo verifica un coordinador que no "
                         "registró el hito."), wordWrap=True)
        self.form.addRow("", note)
        self.fields["document_kind"].setFocus()
        self.resize(480, 260)
        prepare(self)

    def store(self, values: dict) -> dict:
        return advisory.document_milestone(self.context.storage, self.milestone["id"], values,
                                           self.context.adviser_id)


class PlanItemDialog(RecordDialog):
    """An action of the plan, new or edited: what, who does it, by when, which dimension."""

    def __init__(self, context, firm_id: str, item: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.firm_id, self.item = context, firm_id, item
        self.setObjectName("planItemDialog")
        self.setWindowTitle(self.tr("Acción del plan") if item else self.tr("Nueva acción del plan"))
        tr = self.tr
        self._add("title", tr("&Qué hay que hacer"), QLineEdit())
        owner = self._add("owner", tr("&Responsable"), QComboBox())
        for code, label in choices()["owner"].items():
            owner.addItem(label, code)
        for adviser_id, name in advisory.owner_choices(context.storage):
            owner.addItem(name, f"adviser:{adviser_id}")
        self._add("due_on", tr("&Fecha límite"), QLineEdit(placeholderText="31/03/2026"))
        dimension = self._add("dimension", tr("&Dimensión que mejora"), QComboBox())
        dimension.addItem("—", None)
        for dimension_id, title in advisory.dimension_choices(context.lang):
            dimension.addItem(title, dimension_id)
        if item:
            self.fields["title"].setText(item["title"])
            who = f"adviser:{item['owner_adviser_id']}" if item.get("owner_adviser_id") else item["owner"]
            owner.setCurrentIndex(max(owner.findData(who), 0))
            self.fields["due_on"].setText(_day(item.get("due_on")))
            dimension.setCurrentIndex(max(dimension.findData(item.get("dimension")), 0))
        else:  # the adviser writing it does it, unless they say otherwise
            owner.setCurrentIndex(max(owner.findData(f"adviser:{context.adviser_id}"), 0))
        self.fields["title"].setFocus()
        self.resize(560, 220)
        prepare(self)

    def values(self) -> dict:
        out = super().values()
        who = out.pop("owner") or ""
        out["owner"], out["owner_adviser_id"] = (("centro", who.split(":", 1)[1]) if who.startswith("adviser:")
                                                 else (who, None))
        return out

    def store(self, values: dict) -> dict:
        if self.item:
            return advisory.update_plan_item(self.context.storage, self.item["id"], values, self.context.adviser_id)
        return advisory.add_plan_item(self.context.storage, self.firm_id, values, self.context.adviser_id)
