"""Signing in (issue 16): set-up of a new or plain database, sign-in, recovery and the idle lock.

:func:`sign_in_at_start` runs before the database is opened. A new database (or one of an
earlier, unencrypted Rumbo) asks who sets sign-in up, encrypts the file and shows the recovery
key once; an encrypted one asks for the user and password. The idle lock (:class:`IdleLock`)
covers every window after the configured minutes without input and asks for the password
again: the windows and dialogs underneath stay as they were, with everything typed in them.
"""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shiboken6 import isValid

from desktop.domain.errors import UserError
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import prepare
from desktop.gui.shared.fields import FieldBox
from desktop.services import security, sync
from desktop.services.storage import open_database

log = logging.getLogger(__name__)

IDLE_KEY = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10
LAST_LOGIN_KEY = "security/last_login"


def _password(name: str) -> QLineEdit:
    editor = QLineEdit(objectName=name)
    editor.setEchoMode(QLineEdit.EchoMode.Password)
    return editor


def _chain_enter(editors: list[QLineEdit], last_action) -> None:
    """Enter moves to the next field; on the last one it does the dialog's action."""
    for editor, following in zip(editors, editors[1:]):
        editor.returnPressed.connect(following.setFocus)
    editors[-1].returnPressed.connect(last_action)


class _Form(QDialog):
    """A small form whose fields show the problem under them (one sentence, the field named)."""

    boxes: dict[str, FieldBox]

    def lay_out(self, intro: QWidget | None, rows, ok_text: str, ok_name: str, cancel_text: str, action,
                under=()) -> QHBoxLayout:
        """Intro, the labelled fields, what goes under them and the buttons; Enter walks the fields and
        does ``action`` on the last. Returns the buttons' row (for one more button on its left)."""
        form = QFormLayout()
        for label, key in rows:
            form.addRow(label, self.boxes[key])
        # Made in the order they are seen, left to right, so Tab walks them that way.
        cancel = QPushButton(cancel_text, objectName=ok_name.replace("Ok", "Cancel"), autoDefault=False)
        self.ok = QPushButton(ok_text, objectName=ok_name, autoDefault=False)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(cancel)
        footer.addWidget(self.ok)
        layout = QVBoxLayout(self)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(form)
        for widget in under:
            layout.addWidget(widget)
        layout.addLayout(footer)
        self.ok.clicked.connect(action)
        cancel.clicked.connect(self.reject)
        _chain_enter([b.editor for b in self.boxes.values()], action)
        return footer

    def show_problem(self, exc: UserError) -> None:
        for box in self.boxes.values():
            box.set_problem(None)
        box = self.boxes.get(exc.field or "") or list(self.boxes.values())[-1]
        box.set_problem(exc.message)
        box.editor.setFocus()
        box.editor.selectAll()


class SetUpDialog(_Form):
    """Who sets sign-in up on this database (they become its administrator)."""

    def __init__(self, db_path, db_state: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.result_of_set_up: security.SetUpResult | None = None
        self.setObjectName("setUpDialog")
        self.setWindowTitle(self.tr("Configurar el inicio de sesión"))
        tr = self.tr
        if db_state == "plain":
            text = tr("Desde esta versión, Rumbo guarda la base de datos cifrada: quien encuentre la laptop no "
                      "podrá leer los datos de los clientes. Antes de cifrarla se hace una copia de seguridad "
                      "verificada. Quien configure el acceso será el administrador de esta base.")
        else:
            text = tr("Rumbo guarda la base de datos cifrada y pide usuario y contraseña al abrir. "
                      "Quien configure el acceso será el administrador de esta base.")
        intro = QLabel(text, wordWrap=True, objectName="setUpIntro")
        self.boxes = {
            "name": FieldBox(QLineEdit(objectName="setUpName", placeholderText=tr("Nombre y apellido"))),
            "centre": FieldBox(QLineEdit(objectName="setUpCentre")),
            "login": FieldBox(QLineEdit(objectName="setUpLogin", placeholderText=tr("p. ej. ana.perez"))),
            "password": FieldBox(_password("setUpPassword")),
            "repeat": FieldBox(_password("setUpRepeat")),
            "device": FieldBox(QLineEdit(objectName="setUpDevice", placeholderText=tr("Laptop de …"))),
        }
        self._device_typed = False
        self.boxes["device"].editor.textEdited.connect(lambda _t: setattr(self, "_device_typed", True))
        self.boxes["name"].editor.textEdited.connect(self._suggest_login)
        self._login_typed = False
        self.boxes["login"].editor.textEdited.connect(lambda _t: setattr(self, "_login_typed", True))
        hint = QLabel(tr("La contraseña lleva al menos {n} caracteres.").format(n=security.MIN_PASSWORD),
                      wordWrap=True)
        self.lay_out(intro, ((tr("&Nombre *"), "name"), (tr("&Centro"), "centre"), (tr("&Usuario *"), "login"),
                             (tr("&Contraseña *"), "password"), (tr("&Repita la contraseña *"), "repeat"),
                             (tr("Nombre del &equipo *"), "device")),
                     tr("Configurar y &cifrar"), "setUpOk", tr("Salir"), self.set_up, under=(hint,))
        self.boxes["name"].editor.setFocus()
        self.resize(520, 470)
        prepare(self)

    def _suggest_login(self, name: str) -> None:
        if not self._device_typed:  # bundles and conflicts tell devices apart by this name
            self.boxes["device"].editor.setText(sync.suggested_device_name(name))
        if self._login_typed:
            return
        import unicodedata

        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().split()
        self.boxes["login"].editor.setText(".".join(plain[:2])[:32])

    def set_up(self) -> bool:
        value = {key: box.editor.text() for key, box in self.boxes.items()}
        try:
            device = sync.check_device_name(value["device"])
        except UserError as exc:
            self.show_problem(UserError(exc.message, field="device"))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_of_set_up = security.set_up(self.db_path, value["name"], value["login"], value["password"],
                                                    value["repeat"], centre=value["centre"] or None)
            with open_database(self.db_path) as storage:
                sync.set_device_name(storage, device)
        except UserError as exc:  # StorageError included: a plain base stays as it was
            QApplication.restoreOverrideCursor()
            if exc.field in self.boxes:
                self.show_problem(exc)
            else:
                messages.show_error(self, exc)
            return False
        QApplication.restoreOverrideCursor()
        self.accept()
        return True


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: the adviser confirms having written it down."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Clave de recuperación"))
        tr = self.tr
        intro = QLabel(tr("Anote esta clave y guárdela en un lugar seguro, lejos de la laptop. Es la única forma de "
                          "abrir la base si se olvida la contraseña. Rumbo no la vuelve a mostrar."), wordWrap=True)
        self.key_label = QLabel(recovery_key, objectName="recoveryKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.key_label.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.key_label.setFont(font)
        copy = QPushButton(tr("C&opiar"), objectName="copyRecoveryKey", autoDefault=False)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        self.recovery_key = recovery_key
        print_button = QPushButton(tr("&Imprimir…"), objectName="printRecoveryKey", autoDefault=False)
        print_button.clicked.connect(self.print_key)
        self.noted = QCheckBox(tr("La he &anotado en un lugar seguro"), objectName="recoveryNoted")
        self.ok = QPushButton(tr("&Continuar"), objectName="recoveryOk", autoDefault=False)
        self.ok.setEnabled(False)
        self.noted.toggled.connect(self.ok.setEnabled)
        self.ok.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.key_label, 1)
        row.addWidget(copy)
        row.addWidget(print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.noted)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignRight)
        prepare(self)

    def print_key(self) -> bool:
        """Straight to a printer chosen in the system's dialog: the key is never written to a file here."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        painter = QPainter(printer)
        try:
            text = self.tr("Rumbo: clave de recuperación de la base de datos. Guárdela en un lugar seguro, "
                           "lejos de la laptop.")
            area = painter.viewport().adjusted(40, 40, -40, -40)
            painter.drawText(area, Qt.TextFlag.TextWordWrap, text + "\n\n" + self.recovery_key)
        finally:
            painter.end()
        return True

    def reject(self) -> None:  # Escape must not skip the key before it is written down
        if self.noted.isChecked():
            super().reject()


class SignInDialog(_Form):
    """User and password; "Olvidé mi contraseña" opens the recovery form."""

    def __init__(self, db_path, login: str = "", parent: QWidget | None = None, lock: bool = False):
        super().__init__(parent)
        self.db_path = db_path
        self.lock = lock
        self.signed_in: security.SignedIn | None = None
        self.setObjectName("lockDialog" if lock else "signInDialog")
        tr = self.tr
        self.setWindowTitle(tr("Rumbo bloqueado") if lock else tr("Entrar a Rumbo"))
        intro = QLabel(tr("Rumbo se bloqueó por inactividad. Escriba su contraseña para seguir donde estaba: "
                          "nada de lo escrito se ha perdido.") if lock
                       else tr("La base de datos está cifrada. Entre con su usuario y contraseña."), wordWrap=True)
        self.boxes = {"login": FieldBox(QLineEdit(login, objectName="signInLogin")),
                      "password": FieldBox(_password("signInPassword"))}
        self.boxes["login"].editor.setReadOnly(lock)
        footer = self.lay_out(intro, ((tr("&Usuario"), "login"), (tr("&Contraseña"), "password")),
                              tr("&Desbloquear") if lock else tr("&Entrar"), "signInOk", tr("Salir de Rumbo"),
                              self.sign_in)
        if not lock:
            forgot = QPushButton(tr("&Olvidé mi contraseña…"), objectName="forgotPassword", autoDefault=False)
            forgot.clicked.connect(self.forgot)
            footer.insertWidget(0, forgot)
            QWidget.setTabOrder(self.boxes["password"].editor, forgot)  # first on the left of the buttons
            QWidget.setTabOrder(forgot, self.findChild(QPushButton, "signInCancel"))
        (self.boxes["password"] if login else self.boxes["login"]).editor.setFocus()
        self.resize(440, 220)
        prepare(self)

    def sign_in(self) -> bool:
        login, password = self.boxes["login"].editor.text(), self.boxes["password"].editor.text()
        try:
            if self.lock:
                if not security.check_password_of(self.db_path, login, password):
                    raise UserError(self.tr("La contraseña no es correcta."), field="password")
            else:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.signed_in = security.sign_in(self.db_path, login, password)
                finally:
                    QApplication.restoreOverrideCursor()
        except UserError as exc:
            self.boxes["password"].editor.clear()
            if exc.field in self.boxes:
                self.show_problem(exc)
            else:
                messages.show_error(self, exc)
            return False
        self.accept()
        return True

    def forgot(self) -> None:
        dialog = RecoveryDialog(self.db_path, self.boxes["login"].editor.text(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.signed_in = dialog.signed_in
            self.accept()

    def reject(self) -> None:
        if self.lock and not messages.confirm(self, self.tr("Salir de Rumbo"),
                                              self.tr("¿Cerrar Rumbo? Lo que no esté guardado se perderá.")):
            return
        super().reject()


class RecoveryDialog(_Form):
    """A forgotten password: the recovery key and a new password."""

    def __init__(self, db_path, login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.signed_in: security.SignedIn | None = None
        self.setObjectName("recoveryDialog")
        tr = self.tr
        self.setWindowTitle(tr("Recuperar el acceso"))
        intro = QLabel(tr("Escriba la clave de recuperación que se imprimió al configurar Rumbo, su usuario y una "
                          "contraseña nueva."), wordWrap=True)
        self.boxes = {"recovery_key": FieldBox(QLineEdit(objectName="recoveryKeyInput",
                                                         placeholderText="XXXX-XXXX-…")),
                      "login": FieldBox(QLineEdit(login, objectName="recoveryLogin")),
                      "password": FieldBox(_password("recoveryPassword")),
                      "repeat": FieldBox(_password("recoveryRepeat"))}
        self.lay_out(intro, ((tr("Clave de &recuperación"), "recovery_key"), (tr("&Usuario"), "login"),
                             (tr("Contraseña &nueva"), "password"), (tr("R&epita la contraseña"), "repeat")),
                     tr("&Recuperar y entrar"), "recoveryOk", tr("Cancelar"), self.recover)
        self.resize(480, 300)
        prepare(self)

    def recover(self) -> bool:
        value = {key: box.editor.text() for key, box in self.boxes.items()}
        try:
            self.signed_in = security.recover(self.db_path, value["recovery_key"], value["login"],
                                              value["password"], value["repeat"])
        except UserError as exc:
            if exc.field in self.boxes:
                self.show_problem(exc)
            else:
                messages.show_error(self, exc)
            return False
        self.accept()
        return True


def idle_minutes(settings: QSettings) -> float:
    """Minutes without input before the lock (the Configuración page sets it; 0: never)."""
    try:
        return max(0.0, float(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return float(DEFAULT_IDLE_MINUTES)


def _environment_sign_in(db_path, environ) -> security.SignedIn | None:
    """Scripts (the installer's smoke test, benchmarks) sign in with RUMBO_USER / RUMBO_PASSWORD."""
    if environ.get("RUMBO_USER") and environ.get("RUMBO_PASSWORD"):
        return security.sign_in(db_path, environ["RUMBO_USER"], environ["RUMBO_PASSWORD"])
    return None


def sign_in_at_start(db_path, demo: bool = False, settings: QSettings | None = None,
                     environ=os.environ) -> security.SignedIn | None:
    """Set sign-in up or sign in before the database opens; None when the adviser left.

    ``--demo`` on a new (or empty, plain) database sets up the documented demo account
    (``demo`` / ``rumbo-demo``) and signs in with it; a plain database that holds firms gets
    the set-up dialog as without ``--demo``, so real data never ends under the demo password.

    Raises:
        UserError: the database or its key file cannot be used (shown by the caller).
    """
    settings = settings if settings is not None else QSettings("Rumbo", "Rumbo")
    current = security.state(db_path)
    if current in ("new", "plain"):
        if demo and (current == "new" or security.holds_no_firms(db_path)):  # never on an adviser's own data
            made = security.set_up_demo(db_path)
            log.info("Cuenta de demostración configurada (usuario %s)", security.DEMO_LOGIN)
            return made.signed_in
        dialog = SetUpDialog(db_path, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        made = dialog.result_of_set_up
        RecoveryKeyDialog(made.recovery_key).exec()
        settings.setValue(LAST_LOGIN_KEY, made.signed_in.login)
        return made.signed_in
    signed = _environment_sign_in(db_path, environ)
    if signed is None:
        dialog = SignInDialog(db_path, str(settings.value(LAST_LOGIN_KEY, "") or ""))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        signed = dialog.signed_in
    settings.setValue(LAST_LOGIN_KEY, signed.login)
    # A re-key had to drop a recovery key of an earlier Rumbo: this administrator writes the new one down.
    fresh = security.issue_owed_recovery_key(db_path, signed)
    if fresh:
        RecoveryKeyDialog(fresh).exec()
    return signed


class IdleLock(QObject):
    """Locks the application after ``minutes`` without keyboard or mouse input (0: never).

    Every visible window gets an opaque cover (so nothing of the clients' data shows) and the
    password is asked in a dialog on top. Dialogs open underneath keep running, with what was
    typed in them, and focus goes back where it was.
    """

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}

    def __init__(self, db_path, login: str, minutes: float, parent: QObject | None = None, clock=time.monotonic):
        super().__init__(parent)
        self.db_path = db_path
        self.login = login
        self.minutes = minutes
        self.clock = clock
        self.last_input = clock()
        self.locked = False
        self.covers: list[QWidget] = []
        self.timer = QTimer(self, interval=5000)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        app.installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.last_input = self.clock()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if not self.locked and event.type() in self.INPUT:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if not self.locked and self.minutes > 0 and self.clock() - self.last_input >= self.minutes * 60:
            self.lock_now()

    def lock_now(self) -> bool:
        """Cover the windows and ask for the password; True when unlocked, False when the adviser left."""
        if self.locked:
            return False
        self.locked = True
        focus = QApplication.focusWidget()
        log.info("Rumbo bloqueado por inactividad")
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, SignInDialog):
                cover = QWidget(window, objectName="lockCover")
                cover.setAutoFillBackground(True)
                cover.setGeometry(window.rect())
                cover.show()
                cover.raise_()
                self.covers.append(cover)
        dialog = SignInDialog(self.db_path, self.login, lock=True)
        unlocked = dialog.exec() == QDialog.DialogCode.Accepted
        for cover in self.covers:
            if isValid(cover):  # a window closed meanwhile took its cover with it
                cover.deleteLater()
        self.covers.clear()
        self.locked = False
        self.last_input = self.clock()
        if not unlocked:
            QApplication.instance().quit()
            return False
        if focus is not None:
            focus.setFocus()
        return True
