"""First start (and "Cambiar de asesor"): who is using Rumbo on this computer?

Every change made in the application is stamped with the adviser at the
keyboard, so the application asks before anything else: pick an adviser
already registered in this database, or register yourself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.shared.accessibility import prepare
from desktop.gui.shared.fields import FieldBox
from desktop.services import profile, sync


class AdviserDialog(QDialog):
    """Choose an existing adviser or create one; sets ``context.adviser_id``.

    Args:
        context: the :class:`~desktop.gui.shared.context.AppContext`.
    """

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.storage = context.storage
        self.setObjectName("adviserDialog")
        self.setWindowTitle(self.tr("¿Quién usa Rumbo en este equipo?"))
        tr = self.tr

        intro = QLabel(tr("Cada cambio queda registrado a nombre del asesor que lo hace. "
                          "Elija su nombre o regístrese."), wordWrap=True)

        self.existing = QListWidget(objectName="adviserList")
        for adviser in profile.list_advisers(self.storage):
            text = adviser["name"] + (f" — {adviser['centre']}" if adviser.get("centre") else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, adviser["id"])
            self.existing.addItem(item)
        self.use_button = QPushButton(tr("&Usar este asesor"), objectName="useAdviser")
        self.use_button.setEnabled(False)
        choose = QGroupBox(tr("Asesores registrados"))
        choose_layout = QVBoxLayout(choose)
        choose_layout.addWidget(self.existing)
        choose_layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignRight)
        choose.setVisible(self.existing.count() > 0)

        self.name = FieldBox(QLineEdit(objectName="adviserName", placeholderText=tr("Nombre y apellido")), lines=2)
        self.centre = FieldBox(QLineEdit(objectName="adviserCentre"))
        self.centre.editor.setText(profile.get_setting(self.storage, "centre_name") or "")
        self.email = FieldBox(QLineEdit(objectName="adviserEmail", placeholderText=tr("nombre@dominio.org")), lines=2)
        self.create_button = QPushButton(tr("&Registrarme y continuar"), objectName="createAdviser")
        create = QGroupBox(tr("Nuevo asesor"))
        form = QFormLayout(create)
        form.addRow(tr("&Nombre *"), self.name)
        form.addRow(tr("&Centro"), self.centre)
        form.addRow(tr("Correo &electrónico"), self.email)
        form.addRow("", self.create_button)

        # Bundles and conflicts show which device a record came from: the host's name tells
        # nobody apart, so a device still carrying it is named here, once.
        self.device = FieldBox(QLineEdit(objectName="deviceName", placeholderText=tr("Laptop de …")), lines=2)
        self.device_group = QGroupBox(tr("Este equipo"))
        device_form = QFormLayout(self.device_group)
        device_form.addRow(QLabel(tr("Así lo verán los demás equipos y el centro en los paquetes y conflictos."),
                                  wordWrap=True))
        device_form.addRow(tr("Nombre del &equipo *"), self.device)
        self.device_group.setVisible(sync.device_needs_name(self.storage))
        self._device_typed = False
        self.device.editor.textEdited.connect(lambda _t: setattr(self, "_device_typed", True))
        self.name.editor.textChanged.connect(self._suggest_device)
        self.existing.currentItemChanged.connect(lambda item, _old: self._suggest_device(
            item.text().split(" — ")[0] if item is not None else ""))

        cancel = QPushButton(tr("Salir"), objectName="cancelAdviser")
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(choose)
        layout.addWidget(create)
        layout.addWidget(self.device_group)
        layout.addLayout(footer)

        self.existing.currentItemChanged.connect(lambda item, _old: self.use_button.setEnabled(item is not None))
        self.existing.itemDoubleClicked.connect(lambda _item: self.use_selected())
        self.use_button.clicked.connect(self.use_selected)
        self.create_button.clicked.connect(self.create)
        self.name.editor.returnPressed.connect(self.create)
        self.email.editor.returnPressed.connect(self.create)
        cancel.clicked.connect(self.reject)
        if self.existing.count():
            self.existing.setCurrentRow(0)
            self.existing.setFocus()
        else:
            self.name.editor.setFocus()
        self.resize(480, (440 if self.existing.count() else 300) + (130 if self.device_group.isVisibleTo(self) else 0))
        self.existing.setAccessibleDescription(tr("Elija su nombre con las flechas; Enter o doble clic lo usa."))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.existing, activated=self.use_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        prepare(self)

    def _suggest_device(self, adviser_name: str) -> None:
        """Offer "Laptop de <asesor>" until the adviser types a name of their own."""
        if not self._device_typed:
            self.device.editor.setText(sync.suggested_device_name(adviser_name))

    def _name_device(self) -> bool:
        """Save the device's name when it is asked for; False (said in place) when it is not valid."""
        if self.device_group.isHidden():
            return True
        self.device.set_problem(None)
        try:
            sync.set_device_name(self.storage, self.device.editor.text())
        except UserError as exc:
            self.device.set_problem(exc.message)
            self.device.editor.setFocus()
            return False
        return True

    def use_selected(self) -> bool:
        """Make the selected adviser the one at the keyboard."""
        item = self.existing.currentItem()
        if item is None or not self._name_device():
            return False
        self._choose(item.data(Qt.ItemDataRole.UserRole))
        return True

    def create(self) -> bool:
        """Register the adviser typed in and make them the one at the keyboard."""
        for box in (self.name, self.email):
            box.set_problem(None)
        if not self.device.editor.text().strip() and self.device_group.isVisibleTo(self):
            self.device.set_problem(self.tr("Escriba un nombre para este equipo."))
            self.device.editor.setFocus()
            return False
        try:
            adviser = profile.create_adviser(self.storage, self.name.editor.text(), self.centre.editor.text(),
                                             self.email.editor.text(), self.context.adviser_id)
        except UserError as exc:
            box = self.email if exc.field == "email" else self.name
            box.set_problem(exc.message)
            box.editor.setFocus()
            return False
        if not self._name_device():
            return False
        self._choose(adviser["id"])
        return True

    def _choose(self, adviser_id: str) -> None:
        profile.set_current_adviser(self.storage, adviser_id)
        self.context.adviser_id = adviser_id
        self.accept()

    @staticmethod
    def ensure_adviser(context, parent: QWidget | None = None) -> bool:
        """Make sure an adviser is chosen, asking if needed; False if the user left."""
        if profile.get_adviser(context.storage, context.adviser_id) is not None:
            return True
        return AdviserDialog(context, parent).exec() == QDialog.DialogCode.Accepted


ensure_adviser = AdviserDialog.ensure_adviser
