"""First start (and "Cambiar de asesor"): who is using Rumbo on this computer?

Every change made in the application is stamped with the adviser at the
keyboard, so the application asks before anything else: pick an adviser
already registered in this database, or register yourself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from desktop.gui.shared.fields import FieldBox
from desktop.services import profile


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

        self.name = FieldBox(QLineEdit(objectName="adviserName", placeholderText=tr("Nombre y apellido")))
        self.centre = FieldBox(QLineEdit(objectName="adviserCentre"))
        self.centre.editor.setText(profile.get_setting(self.storage, "centre_name") or "")
        self.email = FieldBox(QLineEdit(objectName="adviserEmail", placeholderText=tr("nombre@dominio.org")))
        self.create_button = QPushButton(tr("&Registrarme y continuar"), objectName="createAdviser")
        create = QGroupBox(tr("Nuevo asesor"))
        form = QFormLayout(create)
        form.addRow(tr("&Nombre *"), self.name)
        form.addRow(tr("&Centro"), self.centre)
        form.addRow(tr("Correo &electrónico"), self.email)
        form.addRow("", self.create_button)

        cancel = QPushButton(tr("Salir"), objectName="cancelAdviser")
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(choose)
        layout.addWidget(create)
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
        self.resize(480, 440 if self.existing.count() else 300)

    def use_selected(self) -> bool:
        """Make the selected adviser the one at the keyboard."""
        item = self.existing.currentItem()
        if item is None:
            return False
        self._choose(item.data(Qt.ItemDataRole.UserRole))
        return True

    def create(self) -> bool:
        """Register the adviser typed in and make them the one at the keyboard."""
        for box in (self.name, self.email):
            box.set_problem(None)
        try:
            adviser = profile.create_adviser(self.storage, self.name.editor.text(), self.centre.editor.text(),
                                             self.email.editor.text(), self.context.adviser_id)
        except UserError as exc:
            box = self.email if exc.field == "email" else self.name
            box.set_problem(exc.message)
            box.editor.setFocus()
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
