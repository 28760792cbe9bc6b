"""Settling one sync conflict, field by field, as a person decides.

A conflict holds two versions of a record made on two devices that had not
exchanged bundles (or two firms registered with the same tax id). For every
field that differs the dialog shows both values side by side; the adviser
keeps one side or types another value. A deletion against an edit is one more
choice: keep the record deleted or restore it with the edit. A duplicate firm
is merged into one record whose assessments, contacts and notes are those of
both. The decision goes to :func:`desktop.services.sync.resolve_conflict`,
which stores it as a new change that travels to the other devices.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.domain.registry.validation import FIELD_LABELS
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare
from desktop.services import sync
from desktop.services.profile import adviser_name
from desktop.gui.shared.plain_text import rich

MAX_SHOWN = 36  # characters of a value shown on its radio button; the tooltip has it all
TABLE_LABELS = {"firms": "Empresa", "assessments": "Evaluación", "contacts": "Contacto", "notes": "Nota",
                "advisers": "Asesor", "answers": "Respuesta", "settings": "Ajuste"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def when_text(iso: str | None) -> str:
    """An ISO timestamp (UTC) as local "dd/mm/aaaa hh:mm"; empty when missing."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def device_names(storage) -> dict[str, str]:
    """Device id -> human name, for this device and every peer heard of."""
    names = {p.device_id: p.name for p in sync.list_peers(storage)}
    names[storage.device_id] = storage.device_name
    return names


def describe_record(conflict: sync.Conflict) -> str:
    """How the conflict's record reads in a list: the firm's name, or the table and a short id."""
    if conflict.table == "firms":
        first = conflict.local.get("legal_name") or conflict.record_id[-8:]
        if conflict.kind == "duplicate":
            second = conflict.remote.get("legal_name") or ""
            return _tr("{first} / {second} (posible duplicado)").format(first=first, second=second)
        return str(first)
    label = TABLE_LABELS.get(conflict.table, conflict.table)
    return f"{_tr(label)} {conflict.record_id[-8:]}"


def chosen_fields(conflict: sync.Conflict) -> list[str]:
    """The fields the adviser decides: differing ones minus those the service derives itself."""
    derived = sync.DERIVED_FIRM_FIELDS if conflict.table == "firms" else frozenset()
    return [f for f in conflict.fields if f not in derived]


def field_label(name: str) -> str:
    """The field's Spanish label (its name when there is none)."""
    if name == "deleted_at":
        return _tr("Eliminación")
    return _tr(FIELD_LABELS.get(name, name))


class ConflictDialog(QDialog):
    """Both versions of a record side by side; the adviser picks a value per field.

    Args:
        context: the application context (storage, adviser, signals).
        conflict_id: an open conflict's id (see ``sync.list_conflicts``).

    Raises:
        UserError: the conflict is no longer open.
    """

    def __init__(self, context, conflict_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.storage = context.storage
        found = [c for c in sync.list_conflicts(self.storage) if c.id == conflict_id]
        if not found:
            raise UserError(_tr("Este conflicto ya fue resuelto."), field="conflict")
        self.conflict = conflict = found[0]
        self.result_record: dict | None = None
        self.setWindowTitle(self.tr("Resolver conflicto"))
        self.setObjectName("conflictDialog")
        self.resize(980, 420)

        names = device_names(self.storage)
        self.fields = chosen_fields(conflict)
        self.deletion = "deleted_at" in self.fields
        self.duplicate = conflict.kind == "duplicate"
        self.groups: dict[str, QButtonGroup] = {}
        self.typed: dict[str, QLineEdit] = {}
        self.radios: dict[str, dict[str, QRadioButton]] = {}

        title = rich(QLabel(f"<b>{_escape(describe_record(conflict))}</b>", objectName="conflictTitle"))
        explanation = QLabel(self._explanation(), objectName="conflictExplanation", wordWrap=True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        side_names = (self.tr("Registro 1"), self.tr("Registro 2")) if self.duplicate else \
            (self.tr("Este equipo"), self.tr("Otro equipo"))
        for column, (name, version) in enumerate(zip(side_names, (conflict.local, conflict.remote)), start=1):
            origin = names.get(version.get("origin") or "", self.tr("equipo desconocido"))
            header = rich(QLabel(f"<b>{_escape(name)}</b><br><small>{_escape(origin)} · "
                                 f"{_escape(when_text(version.get('updated_at')))}</small>"))
            grid.addWidget(header, 0, column)
        grid.addWidget(rich(QLabel(f"<b>{_escape(self.tr('Otro valor'))}</b>")), 0, 3)
        row = 1
        if self.deletion:
            self._add_deletion_row(grid, row)
            row += 1
        for name in self.fields:
            if name != "deleted_at":
                self._add_field_row(grid, row, name)
                row += 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addLayout(grid)
        holder_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        if self.duplicate:
            self.survivor = QComboBox(objectName="survivor")
            self.survivor.addItem(self.tr("Se conserva el registro 1; el 2 se une a él"), "local")
            self.survivor.addItem(self.tr("Se conserva el registro 2; el 1 se une a él"), "remote")
            layout.addWidget(self.survivor)
        layout.addWidget(scroll, 1)
        if conflict.others[1:]:
            layout.addWidget(QLabel(self.tr("Hay {n} versiones más de este registro; la que guarde reemplaza a "
                                            "todas.").format(n=len(conflict.others) - 1), wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Guardar"))
        self.save_button.setObjectName("saveResolution")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if self.duplicate:
            self.save_button.setText(self.tr("&Unir en una empresa"))
            self.apart_button = buttons.addButton(self.tr("Son empresas &distintas"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
            self.apart_button.setObjectName("keepApart")
            self.apart_button.clicked.connect(self.keep_apart)
        layout.addWidget(buttons)
        add_shortcut(self.save_button, QKeySequence.StandardKey.Save)
        if self.duplicate:
            self.survivor.setAccessibleName(self.tr("Registro que se conserva"))
        self._deletion_changed()
        prepare(self)

    # ------------------------------------------------------------------ building

    def _explanation(self) -> str:
        if self.duplicate:
            return self.tr("Estas dos empresas parecen la misma (la misma identificación tributaria, o casi el "
                           "mismo nombre en el mismo municipio): quizá se registraron en dos equipos. Si son la "
                           "misma, elija el valor de cada campo y guarde: se unen en una y se conservan las "
                           "evaluaciones, contactos y notas de ambas. Si no, pulse «Son empresas distintas» y no "
                           "se volverá a preguntar en ningún equipo.")
        if self.deletion:
            return self.tr("Un equipo eliminó este registro mientras otro lo modificaba. Decida si sigue "
                           "eliminado o si se restaura con la modificación.")
        return self.tr("Este registro se modificó en dos equipos antes de que intercambiaran paquetes. Elija, "
                       "campo por campo, el valor que se conserva o escriba otro.")

    def _add_field_row(self, grid: QGridLayout, row: int, name: str) -> None:
        group = QButtonGroup(self)
        self.groups[name] = group
        grid.addWidget(QLabel(field_label(name)), row, 0)
        radios = {}
        for column, side in ((1, sync.LOCAL), (2, sync.REMOTE)):
            version = self.conflict.local if side == sync.LOCAL else self.conflict.remote
            full = self._shown(name, version.get(name))
            radio = QRadioButton(_elide(full).replace("&", "&&"), objectName=f"{side}_{name}")
            radio.setToolTip(full)
            radio.setAccessibleName(self.tr("Este equipo") if side == sync.LOCAL else self.tr("Otro equipo"))
            radio.setAccessibleDescription(f"{field_label(name)}: {full}")
            group.addButton(radio)
            grid.addWidget(radio, row, column)
            radios[side] = radio
        typed_radio = QRadioButton(self.tr("Otro valor:"), objectName=f"typed_{name}")
        editor = QLineEdit(objectName=f"value_{name}")
        editor.setAccessibleName(self.tr("Otro valor para «{field}»").format(field=field_label(name)))
        typed_radio.setAccessibleDescription(field_label(name))
        editor.setMinimumWidth(180)
        editor.textEdited.connect(lambda _text, r=typed_radio: r.setChecked(True))
        group.addButton(typed_radio)
        radios["typed"] = typed_radio
        cell = QWidget()
        cell_layout = QGridLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(typed_radio, 0, 0)
        cell_layout.addWidget(editor, 0, 1)
        grid.addWidget(cell, row, 3)
        self.typed[name] = editor
        self.radios[name] = radios

    def _add_deletion_row(self, grid: QGridLayout, row: int) -> None:
        local_deleted = bool(self.conflict.local.get("deleted_at"))
        self.deleted_side = sync.LOCAL if local_deleted else sync.REMOTE
        self.live_side = sync.REMOTE if local_deleted else sync.LOCAL
        self.keep_deleted = QRadioButton(self.tr("Mantener eliminado"), objectName="keepDeleted")
        self.restore = QRadioButton(self.tr("Restaurar con la modificación"), objectName="restore")
        group = QButtonGroup(self)
        group.addButton(self.keep_deleted)
        group.addButton(self.restore)
        self.restore.setChecked(True)  # losing an edit is worse than keeping a record to delete again
        columns = {self.deleted_side: self.keep_deleted, self.live_side: self.restore}
        grid.addWidget(QLabel(field_label("deleted_at")), row, 0)
        grid.addWidget(columns[sync.LOCAL], row, 1)
        grid.addWidget(columns[sync.REMOTE], row, 2)
        self.keep_deleted.toggled.connect(self._deletion_changed)

    def _deletion_changed(self) -> None:
        """A record that stays deleted needs no field choices: grey them out."""
        if not self.deletion:
            return
        active = not self.keep_deleted.isChecked()
        for name, radios in self.radios.items():
            for radio in radios.values():
                radio.setEnabled(active)
            self.typed[name].setEnabled(active)

    def _shown(self, name: str, value) -> str:
        if value is None or value == "":
            return self.tr("(vacío)")
        if isinstance(value, bool):
            return self.tr("Sí") if value else self.tr("No")
        if name == "adviser_id":
            return adviser_name(self.storage, str(value)) or str(value)
        return str(value)

    # ------------------------------------------------------------------ saving

    def choices(self) -> dict:
        """The adviser's decision in the form ``resolve_conflict`` takes.

        Raises:
            UserError: a field has no choice yet.
        """
        if self.deletion and self.keep_deleted.isChecked():
            return {name: self.deleted_side for name in self.conflict.fields}
        result = {}
        if self.deletion:
            result["deleted_at"] = self.live_side
        for name, radios in self.radios.items():
            if radios[sync.LOCAL].isChecked():
                result[name] = sync.LOCAL
            elif radios[sync.REMOTE].isChecked():
                result[name] = sync.REMOTE
            elif radios["typed"].isChecked():
                result[name] = sync.Typed(self.typed[name].text().strip() or None)
            else:
                raise UserError(_tr("Elija qué valor conservar para «{field}».").format(field=field_label(name)),
                                field=name)
        return result

    def save(self) -> None:
        """Store the resolution (a new change that travels) and close; stay open on a problem."""
        try:
            survivor = self.survivor.currentData() if self.duplicate else sync.LOCAL
            self.result_record = sync.resolve_conflict(self.storage, self.conflict.id, self.choices(),
                                                       self.context.adviser_id, survivor=survivor)
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            return
        if self.conflict.table == "firms":
            self.context.signals.firms_changed.emit()
        self.accept()


    def keep_apart(self) -> None:
        """Record that the two firms are different (travels in bundles) and close."""
        try:
            sync.keep_apart(self.storage, self.conflict.id, self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            return
        self.context.signals.firms_changed.emit()
        self.accept()


def _elide(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_SHOWN else flat[: MAX_SHOWN - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
