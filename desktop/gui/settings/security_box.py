"""Configuración → "Acceso y seguridad": the session, the idle lock, passwords and who may sign in."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.settings.sign_in import IDLE_KEY, _chain_enter, _Form, _password, idle_minutes
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare
from desktop.gui.shared.fields import FieldBox
from desktop.services import rekey, security
from desktop.services.storage import open_database

ROLE_LABELS = {"adviser": "Asesor", "coordinator": "Coordinador", "administrator": "Administrador"}


def _idle_lock():
    for window in QApplication.topLevelWidgets():
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            return lock
    return None


class SecurityBox(QGroupBox):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        tr = self.tr
        self.setTitle(tr("Acceso y seguridad"))
        self.session = QLabel(objectName="sessionLabel", wordWrap=True)
        self.idle = QSpinBox(objectName="idleMinutes", minimum=0, maximum=240, suffix=tr(" min"))
        self.idle.setSpecialValueText(tr("nunca"))
        self.idle.setValue(int(idle_minutes(context.settings)))
        self.idle.valueChanged.connect(self.set_idle)
        password = QPushButton(tr("Cambiar mi &contraseña…"), objectName="changePassword")
        lock = QPushButton(tr("&Bloquear ahora"), objectName="lockNow")
        add_shortcut(lock, QKeySequence("Ctrl+L"))
        self.access = QPushButton(tr("&Acceso de los asesores…"), objectName="adviserAccess")
        form = QFormLayout(self)
        form.addRow(tr("Sesión"), self.session)
        form.addRow(tr("Bloquear tras"), self.idle)
        buttons = QHBoxLayout()
        for button in (password, lock, self.access):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        password.clicked.connect(self.change_password)
        lock.clicked.connect(self.lock_now)
        self.access.clicked.connect(self.manage_access)
        self.reload()

    def reload(self) -> None:
        storage = self.context.storage
        adviser_id = self.context.adviser_id
        row = next((a for a in security.accounts(storage) if a["id"] == adviser_id), None)
        if row is None:
            self.session.setText(self.tr("Nadie ha iniciado sesión"))
        else:
            self.session.setText(self.tr("{name} ({login}), {role}").format(
                name=row["name"], login=row["login"] or "—", role=self.tr(ROLE_LABELS.get(row["role"], "Asesor")).lower()))
        self.access.setVisible(security.may(storage, adviser_id, "administrator"))

    def set_idle(self, minutes: int) -> None:
        self.context.settings.setValue(IDLE_KEY, minutes)
        lock = _idle_lock()
        if lock is not None:
            lock.set_minutes(minutes)

    def lock_now(self) -> None:
        lock = _idle_lock()
        if lock is not None:
            lock.lock_now()

    def change_password(self) -> QDialog:
        dialog = PasswordDialog(self.context, self)
        dialog.open()
        return dialog

    def manage_access(self) -> QDialog:
        dialog = AccessDialog(self.context, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog


class PasswordDialog(_Form):
    """The signed-in adviser changes their own password (the current one first)."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        tr = self.tr
        self.setObjectName("passwordDialog")
        self.setWindowTitle(tr("Cambiar mi contraseña"))
        self.boxes = {"current": FieldBox(_password("currentPassword")),
                      "password": FieldBox(_password("newPassword")),
                      "repeat": FieldBox(_password("repeatPassword"))}
        self.lay_out(None, ((tr("Contraseña &actual"), "current"), (tr("Contraseña &nueva"), "password"),
                            (tr("&Repita la nueva"), "repeat")),
                     tr("&Cambiar"), "passwordOk", tr("Cancelar"), self.change)
        prepare(self)

    def change(self) -> bool:
        value = {key: box.editor.text() for key, box in self.boxes.items()}
        try:
            security.change_own_password(self.context.storage, self.context.adviser_id, value["current"],
                                         value["password"], value["repeat"])
        except UserError as exc:
            self.show_problem(exc)
            return False
        self.accept()
        return True


class AccessDialog(_Form):
    """The administrator's list of advisers with their sign-in, role and a form to change them."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        tr = self.tr
        self.setObjectName("accessDialog")
        self.setWindowTitle(tr("Acceso de los asesores"))
        self.table = QTableWidget(0, 3, objectName="accessTable")
        self.table.setHorizontalHeaderLabels([tr("Asesor"), tr("Usuario"), tr("Rol")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.role = QComboBox(objectName="accessRole")
        for code, label in ROLE_LABELS.items():
            self.role.addItem(tr(label), code)
        self.boxes = {"login": FieldBox(QLineEdit(objectName="accessLogin")),
                      "role": FieldBox(self.role),
                      "password": FieldBox(_password("accessPassword")),
                      "repeat": FieldBox(_password("accessRepeat"))}
        form = QFormLayout()
        for label, key in ((tr("&Usuario"), "login"), (tr("&Rol"), "role"), (tr("&Contraseña"), "password"),
                           (tr("R&epita la contraseña"), "repeat")):
            form.addRow(label, self.boxes[key])
        self.grant = QPushButton(tr("&Dar acceso o cambiar"), objectName="grantAccess", autoDefault=False)
        self.remove = QPushButton(tr("&Quitar el acceso"), objectName="removeAccess", autoDefault=False)
        close = QPushButton(tr("Cerrar"), autoDefault=False)
        footer = QHBoxLayout()
        footer.addWidget(self.remove)
        footer.addStretch(1)
        footer.addWidget(close)
        footer.addWidget(self.grant)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Elija un asesor; escriba su usuario, su rol y una contraseña que le entregará "
                                   "en persona."), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(footer)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))
        self.grant.clicked.connect(self.give)
        self.remove.clicked.connect(self.take_away)
        close.clicked.connect(self.accept)
        self.resize(560, 520)
        self.reload()
        prepare(self)

    def reload(self) -> None:
        self.rows = security.accounts(self.context.storage)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            login = row["login"] or self.tr("sin acceso")
            if row.get("needs_password"):
                login = self.tr("{login} (sin contraseña)").format(login=login)
            values = (row["name"], login,
                      self.tr(ROLE_LABELS.get(row["role"], "Asesor")) if row["login"] else "—")
            for column, text in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(text))
        if self.rows:
            self.table.setCurrentCell(0, 0)

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        chosen = self.rows[row]
        self.boxes["login"].editor.setText(chosen["login"] or "")
        self.role.setCurrentIndex(max(0, self.role.findData(chosen["role"])))
        for key in ("password", "repeat"):
            self.boxes[key].editor.clear()

    def _chosen(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def give(self) -> bool:
        chosen = self._chosen()
        if chosen is None:
            return False
        value = {key: box.editor.text() for key, box in self.boxes.items() if key != "role"}
        try:
            security.grant_access(self.context.storage, self.context.adviser_id, chosen["id"], value["login"],
                                  value["password"], self.role.currentData(), value["repeat"])
        except UserError as exc:
            self.show_problem(exc)
            return False
        row = self.table.currentRow()
        self.reload()
        self.table.setCurrentCell(row, 0)
        return True

    def take_away(self) -> bool:
        """Remove the chosen adviser's sign-in; the database moves to a new key they never get.

        The re-key must run on the window's own connection (any other would still hold the
        old key): the task runner's thread uses it while this dialog is disabled and the
        progress dialog covers the window, so nothing else touches it meanwhile (SQLite
        serialises the calls in any case). The backups follow in a second task, each file
        with its own connection. Background work still running makes it wait its turn.
        """
        chosen = self._chosen()
        if chosen is None or not chosen["login"]:
            return False
        if getattr(self.context.runner, "busy", False):
            messages.show_error(self, UserError(self.tr(
                "Espere a que termine la tarea en curso: quitar el acceso cambia la llave de la base de datos.")))
            return False
        storage, actor, adviser_id = self.context.storage, self.context.adviser_id, chosen["id"]

        def work(progress):
            return security.remove_access(storage, actor, adviser_id, copies=False)

        def done(result) -> None:
            self.setEnabled(True)
            self.reload()
            self._after_rekey(result)
            self._rekey_copies()

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            messages.show_error(self, exc)

        self.setEnabled(False)
        self.context.runner.run(work, done, failed, label=self.tr("Cambiando la llave de la base de datos…"),
                                parent_widget=self, cancellable=False)
        return True

    def _rekey_copies(self) -> None:
        """The backups follow the new key in the background, each file with its own connection."""
        if not rekey.copies_waiting(self.context.storage):
            return
        path = self.context.storage.path

        def work(progress):
            with open_database(path) as storage:
                return rekey.finish_copies(storage)

        self.context.runner.run(work, lambda done: None, lambda exc: messages.show_error(self, exc),
                                label=self.tr("Cifrando las copias de seguridad con la llave nueva…"),
                                parent_widget=self, cancellable=False)

    def _after_rekey(self, done) -> None:
        """Say what the new key left to do: passwords to give again, a new recovery key to write down."""
        if done.needs_password:
            messages.inform(self, self.tr("Contraseñas por renovar"), self.tr(
                "La base tiene una llave nueva. Estos asesores no habían entrado desde la actualización de Rumbo "
                "y necesitan una contraseña nueva (elíjalos en esta lista): {names}.").format(
                names=", ".join(done.needs_password)))
        who = security.signed_in_as(self.context.storage, self.context.adviser_id)
        fresh = security.issue_owed_recovery_key(self.context.storage.path, who) if who else None
        if fresh:
            from desktop.gui.settings.sign_in import RecoveryKeyDialog

            self.recovery_dialog = RecoveryKeyDialog(fresh, self)
            self.recovery_dialog.open()
