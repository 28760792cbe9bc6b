"""The "Sincronización" screen: bundles between field laptops and the centre.

Here the adviser names this device, writes a bundle of what the centre (or
another device) has not seen, and applies a bundle received from another
device. Before applying, the bundle is checked whole and summarised (new and
changed firms, new assessments, expected conflicts, where and when it was
made); nothing is written until the adviser says "Aplicar". A refused bundle
(damaged, altered, from a newer Rumbo) shows its one sentence and changes
nothing. Conflicts left by imports are listed and settled in
:class:`ConflictDialog`; the history lists every bundle sent and received.

"Equipos de confianza" shows this computer's fingerprint and the devices
enrolled here. Bundles are signed by the device that writes them and sealed to
the one that receives them, so a laptop and its centre enrol each other once:
each saves its card, the other opens it, compares the fingerprint shown with
the one on the other screen (:class:`EnrolDialog`) and confirms. A device can
be revoked; its bundles are refused from then on.

Export, preview and import run through the task runner, each with its own
database connection (SQLite connections stay on the thread that opened them).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare
from desktop.gui.shared.tables import read_only_table
from desktop.gui.sync.conflict_dialog import (
    ConflictDialog,
    chosen_fields,
    describe_record,
    device_names,
    field_label,
    when_text,
)
from desktop.services import centre, sync
from desktop.services.storage import open_database

BUNDLE_FILTER = "Paquetes Rumbo (*.rumbo)"
CARD_FILTER = "Tarjetas de equipo (*.json)"
FOLDER_KEY = "sync/folder"
HISTORY_LIMIT = 200
TABLE_WORDS = {"firms": "empresas", "assessments": "evaluaciones", "answers": "respuestas", "contacts": "contactos",
               "notes": "notas", "advisers": "asesores", "settings": "ajustes"}


def _slug(device_name: str) -> str:
    flat = unicodedata.normalize("NFKD", device_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", flat).strip("-").lower()[:40] or "equipo"


def default_bundle_name(device_name: str, today: dt.date | None = None) -> str:
    """``rumbo-<device slug>-<date>.rumbo``: portable, and sorts by date within a device."""
    return f"rumbo-{_slug(device_name)}-{(today or dt.date.today()).isoformat()}.rumbo"


def default_card_name(device_name: str) -> str:
    """``tarjeta-<device slug>.json``: the card's file name, portable."""
    return f"tarjeta-{_slug(device_name)}.json"


def counts_text(counts: dict[str, int]) -> str:
    """``{"firms": 3, "assessments": 1}`` as "3 empresas, 1 evaluaciones" (largest first)."""
    parts = [f"{n} {TABLE_WORDS.get(t, t)}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n]
    return ", ".join(parts) or "sin cambios"


class BundlePreviewDialog(QDialog):
    """What a bundle would do here, shown before anything is written; Aplicar or Cancelar."""

    def __init__(self, preview: sync.BundlePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("bundlePreview")
        self.setWindowTitle(self.tr("Importar paquete"))
        role = self.tr("centro") if preview.source_role == "centre" else self.tr("equipo de campo")
        form = QFormLayout()
        form.addRow(self.tr("Archivo:"), QLabel(preview.file_name))
        form.addRow(self.tr("Origen:"), QLabel(f"{preview.source_name} ({role})", objectName="previewSource"))
        form.addRow(self.tr("Creado:"), QLabel(when_text(preview.created_at), objectName="previewCreated"))
        form.addRow(self.tr("Firma:"), QLabel(self.tr("válida, de un equipo inscrito (huella {fingerprint})").format(
            fingerprint=preview.source_fingerprint), objectName="previewSignature"))
        for key, label, value in (
            ("NewFirms", self.tr("Empresas nuevas:"), preview.new_firms),
            ("PossibleDuplicates", self.tr("Empresas posiblemente duplicadas:"), preview.possible_duplicates),
            ("ChangedFirms", self.tr("Empresas modificadas:"), preview.changed_firms),
            ("DeletedFirms", self.tr("Empresas eliminadas:"), preview.deleted_firms),
            ("NewAssessments", self.tr("Evaluaciones nuevas:"), preview.new_assessments),
            ("Conflicts", self.tr("Conflictos previstos:"), preview.conflicts_expected),
            ("Known", self.tr("Cambios que ya están aquí:"), preview.already_known),
        ):
            form.addRow(label, QLabel(str(value), objectName=f"preview{key}"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("El paquete está completo, sin alteraciones y firmado por un equipo inscrito. Esto "
                               "es lo que cambiaría en este equipo; nada se ha escrito todavía."), wordWrap=True)
        layout.addWidget(intro)
        layout.addLayout(form)
        if preview.already_imported:
            layout.addWidget(QLabel(self.tr("Este paquete ya se importó antes: aplicarlo no cambia nada."),
                                    objectName="previewAlready", wordWrap=True))
        if preview.conflicts_expected:
            layout.addWidget(QLabel(self.tr("Los conflictos no sobrescriben nada: se guardan las dos versiones "
                                            "y usted decide después en la lista de conflictos."), wordWrap=True))
        if preview.authority_refused:
            layout.addWidget(QLabel(self.tr("{n} cambios de rol, usuario o estado de asesores no se aplicarán aquí: "
                                            "quién entra a esta base y con qué rol lo decide su administrador.").format(
                                                n=preview.authority_refused),
                                    objectName="previewAuthority", wordWrap=True))
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("&Aplicar"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyBundle")
        self.cancel_button = buttons.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelBundle")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        prepare(self)


class EnrolDialog(QDialog):
    """Another device's card: its name and fingerprint, to compare with its own screen before trusting it."""

    def __init__(self, card: sync.DeviceCard, parent: QWidget | None = None):
        super().__init__(parent)
        self.card = card
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Inscribir un equipo"))
        role = {"centre": self.tr("centro"), "laptop": self.tr("equipo de campo")}.get(card.role or "",
                                                                                       self.tr("función desconocida"))
        form = QFormLayout()
        form.addRow(self.tr("Equipo:"), QLabel(f"{card.name} ({role})", objectName="enrolName"))
        form.addRow(self.tr("Identificador:"), QLabel(card.device_id, objectName="enrolId"))
        self.fingerprint = QLabel(card.fingerprint, objectName="enrolFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.fingerprint.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.fingerprint.setFont(font)
        form.addRow(self.tr("Huella:"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Compare esta huella con la que muestra «{name}» en su pantalla "
                                        "(Sincronización → Equipos de confianza). Inscríbalo solo si coinciden "
                                        "todas las cifras: desde entonces se aceptarán sus paquetes y se le podrán "
                                        "escribir.").format(name=card.name), wordWrap=True))
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(self.tr("Coinciden: &inscribir"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmEnrol")
        self.cancel_button = buttons.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelEnrol")
        self.confirm_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter never trusts a device by accident: Cancelar is the default button."""
        super().showEvent(event)
        self.cancel_button.setDefault(True)


class SyncPage(QWidget):
    """Device name and role, bundle export and import, conflicts, history and peers."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.preview_dialog: BundlePreviewDialog | None = None
        self.last_export: sync.ExportResult | None = None
        self.last_import: sync.ImportResult | None = None

        self.device_name = QLineEdit(objectName="deviceName")
        self.device_name.setMaxLength(80)
        self.save_name = QPushButton(self.tr("Guardar nombre"), objectName="saveDeviceName")
        self.role = QComboBox(objectName="deviceRole")
        self.role.addItem(self.tr("Equipo de campo (laptop)"), "laptop")
        self.role.addItem(self.tr("Centro"), "centre")
        self.peer = QComboBox(objectName="exportPeer")
        self.export_button = QPushButton(self.tr("&Exportar paquete…"), objectName="exportBundle")
        self.import_button = QPushButton(self.tr("&Importar paquete…"), objectName="importBundle")
        self.status = QLabel(objectName="syncStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        device_box = QGroupBox(self.tr("Este equipo"))
        device_form = QFormLayout(device_box)
        name_row = QHBoxLayout()
        name_row.addWidget(self.device_name, 1)
        name_row.addWidget(self.save_name)
        device_form.addRow(self.tr("Nombre:"), name_row)
        device_form.addRow(self.tr("Función:"), self.role)

        bundle_box = QGroupBox(self.tr("Paquetes"))
        bundle_layout = QVBoxLayout(bundle_box)
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Para:")))
        export_row.addWidget(self.peer, 1)
        export_row.addWidget(self.export_button)
        bundle_layout.addLayout(export_row)
        import_row = QHBoxLayout()
        import_row.addStretch(1)
        import_row.addWidget(self.import_button)
        bundle_layout.addLayout(import_row)

        self.server_url = QLineEdit(objectName="serverOwnerUrl", placeholderText="postgresql://tecnico@servidor/rumbo")
        self.server_url.setAccessibleName(self.tr("Dirección del servidor con el usuario del técnico"))
        self.server_password = QLineEdit(objectName="serverOwnerPassword", echoMode=QLineEdit.EchoMode.Password,
                                         placeholderText=self.tr("Contraseña del técnico"))
        self.server_password.setAccessibleName(self.tr("Contraseña del técnico (propietario de la base)"))
        self.server_centre = QLineEdit(objectName="serverCentre",
                                       placeholderText=self.tr("Centro (si el servidor tiene varios)"))
        self.server_centre.setAccessibleName(self.tr("Centro de este equipo en el servidor"))
        self.server_enrol = QPushButton(self.tr("Ins&cribir este equipo"), objectName="serverEnrol")
        self.server_sync = QPushButton(self.tr("&Sincronizar ahora"), objectName="serverSync")
        self.server_status = QLabel(objectName="serverStatus", wordWrap=True)
        self.server_status.setTextFormat(Qt.TextFormat.PlainText)
        add_shortcut(self.server_sync, "Ctrl+Shift+Y")
        server_box = QGroupBox(self.tr("Servidor del centro"))
        server_layout = QVBoxLayout(server_box)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_url, 2)
        server_row.addWidget(self.server_password, 1)
        server_row.addWidget(self.server_centre, 2)
        server_row.addWidget(self.server_enrol)
        server_layout.addLayout(server_row)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.server_status, 1)
        sync_row.addWidget(self.server_sync)
        server_layout.addLayout(sync_row)

        top = QHBoxLayout()
        top.addWidget(device_box, 1)
        top.addWidget(bundle_box, 1)

        self.enrol_dialog: EnrolDialog | None = None
        self.own_fingerprint = QLabel(objectName="ownFingerprint")
        self.own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.own_fingerprint.font()
        font.setFamily("monospace")
        font.setBold(True)
        self.own_fingerprint.setFont(font)
        self.trusted = self._table("trustedTable", [self.tr("Equipo"), self.tr("Función"), self.tr("Huella"),
                                                     self.tr("Estado")])
        self.trusted.setMaximumHeight(140)
        self.save_card_button = QPushButton(self.tr("Guardar la tarjeta de este equipo…"), objectName="saveCard")
        self.enrol_button = QPushButton(self.tr("Inscribir un equipo…"), objectName="enrolDevice")
        self.revoke_button = QPushButton(self.tr("Revocar"), objectName="revokeDevice")
        trust_box = QGroupBox(self.tr("Equipos de confianza"))
        trust_layout = QVBoxLayout(trust_box)
        own_row = QHBoxLayout()
        own_row.addWidget(QLabel(self.tr("Huella de este equipo:")))
        own_row.addWidget(self.own_fingerprint, 1)
        own_row.addWidget(self.save_card_button)
        trust_layout.addLayout(own_row)
        trust_layout.addWidget(self.trusted)
        trust_row = QHBoxLayout()
        trust_row.addWidget(QLabel(self.tr("Solo se aceptan paquetes de los equipos inscritos aquí, y solo para "
                                           "ellos se escriben."), wordWrap=True), 1)
        trust_row.addWidget(self.enrol_button)
        trust_row.addWidget(self.revoke_button)
        trust_layout.addLayout(trust_row)

        self.conflicts = self._table("conflictTable", [self.tr("Registro"), self.tr("Campos en conflicto"),
                                                        self.tr("Equipos"), self.tr("Fecha")])
        self.resolve_button = QPushButton(self.tr("&Resolver…"), objectName="resolveConflict")
        conflicts_tab = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_tab)
        conflicts_layout.addWidget(self.conflicts, 1)
        resolve_row = QHBoxLayout()
        resolve_row.addStretch(1)
        resolve_row.addWidget(self.resolve_button)
        conflicts_layout.addLayout(resolve_row)
        self.history = self._table("historyTable", [self.tr("Fecha"), self.tr("Sentido"), self.tr("Equipo"),
                                                     self.tr("Cambios"), self.tr("Aplicados"), self.tr("Conflictos"),
                                                     self.tr("Contenido"), self.tr("Archivo")])
        self.peers = self._table("peerTable", [self.tr("Equipo"), self.tr("Función"), self.tr("Último recibido"),
                                               self.tr("Último enviado")])
        self.tabs = QTabWidget(objectName="syncTabs")
        self.tabs.addTab(conflicts_tab, "")
        self.tabs.addTab(self.history, self.tr("Historial de paquetes"))
        self.tabs.addTab(self.peers, self.tr("Equipos conocidos"))
        self.tabs.setAccessibleName(self.tr("Conflictos, historial y equipos"))
        self.conflicts.setAccessibleName(self.tr("Conflictos pendientes"))
        self.conflicts.setAccessibleDescription(self.tr("Registros que dos equipos modificaron a la vez. Enter o "
                                                        "doble clic abre el elegido para resolverlo."))
        add_shortcut(self.import_button, "Ctrl+I")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.conflicts, activated=self.resolve_current,
                      context=Qt.ShortcutContext.WidgetShortcut)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(server_box)
        layout.addWidget(trust_box)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

        self.save_name.clicked.connect(self.save_device_name)
        self.device_name.returnPressed.connect(self.save_device_name)
        self.role.activated.connect(self._role_chosen)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button.clicked.connect(self.import_bundle)
        self.server_enrol.clicked.connect(self.enrol_on_server)
        self.server_url.returnPressed.connect(self.enrol_on_server)
        self.server_password.returnPressed.connect(self.enrol_on_server)
        self.server_centre.returnPressed.connect(self.enrol_on_server)
        self.server_sync.clicked.connect(self.sync_with_server)
        self.resolve_button.clicked.connect(self.resolve_current)
        self.conflicts.doubleClicked.connect(lambda _index: self.resolve_current())
        self.conflicts.itemSelectionChanged.connect(self._update_buttons)
        self.save_card_button.clicked.connect(self.save_card)
        self.enrol_button.clicked.connect(self.enrol_device)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.trusted.itemSelectionChanged.connect(self._update_buttons)
        # Listing conflicts first records this device's new changes in the sync
        # log, which on a large database takes seconds: that happens when the
        # screen is shown (showEvent), not while the main window is being built.

    # ------------------------------------------------------------------ centre server

    def _show_server(self) -> None:
        storage = self.context.storage
        where = centre.configured_server(storage)
        self.server_sync.setEnabled(where is not None)
        if where is None:
            self.server_status.setText(self.tr("Este equipo no sincroniza con un servidor; el técnico da la "
                                               "dirección para inscribirlo."))
            return
        when, what = centre.last_sync(storage)
        if centre.is_national(storage):
            where += self.tr(" (coordinación nacional: consulta todos los centros y no registra ni cambia empresas)")
        if when:
            self.server_status.setText(self.tr("Servidor {where} · última sincronización {when}: {what}").format(
                where=where, when=f"{when[8:10]}/{when[5:7]}/{when[:4]} {when[11:16]} UTC", what=what))
        else:
            self.server_status.setText(self.tr("Servidor {where} · todavía sin sincronizar.").format(where=where))

    def enrol_on_server(self) -> None:
        """Give this device its own login on the server (the typed owner address and password are not kept)."""
        url = self.server_url.text().strip()
        try:
            if self.server_password.text():
                url = centre.with_password(url, self.server_password.text())
            centre.enrol_device(self.context.storage, url, self.context.adviser_id,
                                centre_name=self.server_centre.text().strip() or None)
        except centre.OwnerPasswordNeeded:
            messages.show_error(self, UserError(self.tr("El servidor pide la contraseña del técnico (propietario de "
                                                        "la base): escríbala en su casilla."), field="password"))
            self.server_password.setFocus()
            return
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.server_url.clear()
        self.server_password.clear()
        self._show_server()

    def sync_with_server(self) -> None:
        """Push and pull through the task runner, on a connection of its own."""
        db_path = self.context.storage.path

        def work(_progress):
            with open_database(db_path) as storage:
                return centre.sync_now(storage)

        def done(result) -> None:
            self.refresh()
            self.context.signals.firms_changed.emit()

        def failed(exc: BaseException) -> None:
            messages.show_error(self, exc)
            self._show_server()

        self.context.runner.run(work, done, failed, label=self.tr("Sincronizando con el servidor…"),
                                parent_widget=self, cancellable=False)

    # ------------------------------------------------------------------ device

    def save_device_name(self) -> None:
        """Store the name typed for this device (shown to others in bundles)."""
        try:
            sync.set_device_name(self.context.storage, self.device_name.text())
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            self.device_name.setText(self.context.storage.device_name)
            return
        self.device_name.setText(self.context.storage.device_name)
        self.status.setText(self.tr("Este equipo se llama ahora «{name}».").format(name=self.device_name.text()))

    def _role_chosen(self) -> None:
        try:
            sync.set_device_role(self.context.storage, self.role.currentData())
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
        self.refresh()

    # ------------------------------------------------------------------ trusted devices

    def save_card(self) -> None:
        """Write this device's card (its public keys) for a coordinator to enrol it elsewhere."""
        start = Path(self._folder()) / default_card_name(self.context.storage.device_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Guardar la tarjeta de este equipo"), str(start),
                                              self.tr(CARD_FILTER))
        if not path:
            return
        if not path.endswith(".json"):
            path += ".json"
        self._remember_folder(path)
        try:
            card = sync.save_device_card(self.context.storage, path)
        except Exception as exc:  # noqa: BLE001 - a sentence for known errors, the crash handler otherwise
            messages.show_error(self, exc)
            return
        self.status.setText(self.tr("Se guardó la tarjeta «{file}». Al inscribirla en el otro equipo, compruebe "
                                    "que allí se vea la huella {fingerprint}.").format(
            file=Path(path).name, fingerprint=card.fingerprint))

    def enrol_device(self) -> None:
        """Open another device's card and show its fingerprint; it is trusted only once confirmed."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Inscribir un equipo"), self._folder(),
                                              self.tr(CARD_FILTER))
        if not path:
            return
        self._remember_folder(path)
        try:
            card = sync.read_device_card(path)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        dialog = EnrolDialog(card, self)
        self.enrol_dialog = dialog
        dialog.accepted.connect(lambda: self._enrol(card))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def _enrol(self, card: sync.DeviceCard) -> None:
        self.enrol_dialog = None
        try:
            enrolled = sync.enrol_device(self.context.storage, card, self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.status.setText(self.tr("«{name}» quedó inscrito: sus paquetes se aceptarán aquí y se le podrán "
                                    "escribir.").format(name=enrolled.name))
        self.refresh()

    def revoke_selected(self) -> None:
        """Stop trusting the enrolled device selected in the list (after a confirmation)."""
        row = self.trusted.currentRow()
        item = self.trusted.item(row, 0) if row >= 0 else None
        device = next((d for d in self._trusted_devices if item is not None
                       and d.keys.signing.hex() == item.data(Qt.ItemDataRole.UserRole)), None)
        if device is None or device.revoked:
            return
        question = self.tr("¿Revocar «{name}»? Sus paquetes, también los ya escritos, se rechazarán, y no se le "
                           "escribirán más. Para volver a confiar en él habrá que inscribirlo de nuevo.").format(
            name=device.name)
        if not messages.confirm(self, self.tr("Revocar equipo"), question):
            return
        try:
            revoked = sync.revoke_device(self.context.storage, device, self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.status.setText(self.tr("«{name}» quedó revocado: sus paquetes ya no se aceptarán. {server}").format(
            name=device.name, server=revoked.server_note))
        self.refresh()

    def _fill_trusted(self, devices: list[sync.TrustedDevice]) -> None:
        self._trusted_devices = devices
        roles = {"centre": self.tr("Centro"), "laptop": self.tr("Equipo de campo")}
        rows = []
        for d in devices:
            if d.revoked:
                state = self.tr("Revocado el {date}").format(date=when_text(d.revoked_at))
            else:
                state = self.tr("Inscrito el {date}").format(date=when_text(d.enrolled_at))
            rows.append((d.name, roles.get(d.role or "", ""), d.fingerprint, state))
        self._fill(self.trusted, rows, [d.keys.signing.hex() for d in devices])

    # ------------------------------------------------------------------ export

    def export_bundle(self) -> None:
        """Ask where to write the bundle, then write it in the background."""
        start = Path(self._folder()) / default_bundle_name(self.context.storage.device_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exportar paquete"), str(start), self.tr(BUNDLE_FILTER))
        if not path:
            return
        if not path.endswith(".rumbo"):
            path += ".rumbo"
        self._remember_folder(path)
        peer = self.peer.currentData()
        db_path = self.context.storage.path

        def work(progress):
            with open_database(db_path) as storage:
                return sync.export_bundle(storage, path, peer=peer)

        self.context.runner.run(work, self._exported, self._failed, label=self.tr("Escribiendo el paquete…"),
                                parent_widget=self, cancellable=False)

    def _exported(self, result: sync.ExportResult) -> None:
        self.last_export = result
        to = result.peer_name or self.tr("cualquier equipo")
        text = self.tr("Se escribió «{file}» para {to}: {records} ({n} cambios).").format(
            file=Path(result.path).name, to=to, n=result.total, records=sync.records_summary(result).text(self.context.lang))
        if result.full:
            text += " " + self.tr("Lleva todos los datos porque aún no se conoce lo que tiene el destino.")
        self.status.setText(text)
        self.refresh()

    # ------------------------------------------------------------------ import

    def import_bundle(self) -> None:
        """Ask for a bundle, check it whole and show what it would do before applying."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importar paquete"), self._folder(),
                                              self.tr(BUNDLE_FILTER))
        if not path:
            return
        self._remember_folder(path)
        db_path = self.context.storage.path

        def work(progress):
            with open_database(db_path) as storage:
                return sync.preview_bundle(storage, path)

        self.context.runner.run(work, lambda preview: self._show_preview(path, preview), self._failed,
                                label=self.tr("Revisando el paquete…"), parent_widget=self, cancellable=False)

    def _show_preview(self, path: str, preview: sync.BundlePreview) -> None:
        dialog = BundlePreviewDialog(preview, self)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self._apply(path))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    def _apply(self, path: str) -> None:
        self.preview_dialog = None
        db_path = self.context.storage.path

        def work(progress):
            with open_database(db_path) as storage:
                return sync.import_bundle(storage, path)

        self.context.runner.run(work, self._imported, self._failed, label=self.tr("Aplicando el paquete…"),
                                parent_widget=self, cancellable=False)

    def _imported(self, result: sync.ImportResult) -> None:
        self.last_import = result
        if result.already_imported:
            text = self.tr("El paquete «{file}» ya se había importado; no cambió nada.").format(
                file=result.file_name)
        elif result.empty:
            text = self.tr("El paquete «{file}» no trae ningún cambio; no se registró nada.").format(
                file=result.file_name)
        else:
            text = self.tr("Se aplicó «{file}» de {source}: {records} ({applied} cambios, "
                           "{conflicts} conflictos).").format(
                file=result.file_name, source=result.source_name, applied=result.applied,
                records=sync.records_summary(result).text(self.context.lang), conflicts=result.conflicts_expected)
        self.status.setText(text)
        self.refresh()
        self.context.signals.firms_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("No se hizo ningún cambio."))
        messages.show_error(self, exc)

    # ------------------------------------------------------------------ conflicts

    def resolve_current(self) -> None:
        """Open the selected conflict (or the first) in the resolution dialog."""
        row = self.conflicts.currentRow()
        if row < 0:
            row = 0
        item = self.conflicts.item(row, 0)
        if item is None:
            return
        try:
            dialog = ConflictDialog(self.context, item.data(Qt.ItemDataRole.UserRole), self)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            self.refresh()
            return
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()

    # ------------------------------------------------------------------ tables

    def refresh(self) -> None:
        """Reload the device, peers, conflicts and history from the database."""
        storage = self.context.storage
        info = sync.device_info(storage)
        if not self.device_name.hasFocus():
            self.device_name.setText(info["name"])
        self.role.setCurrentIndex(max(self.role.findData(info["role"]), 0))
        self.own_fingerprint.setText(info["fingerprint"])
        names = device_names(storage)
        peers = sync.list_peers(storage)
        self._fill_peers(peers, sync.export_targets(storage))
        self._fill_trusted(sync.trusted_devices(storage))
        self._fill_conflicts(sync.list_conflicts(storage), names)
        self._fill_history(sync.bundle_history(storage, HISTORY_LIMIT))
        self._show_server()
        self._update_buttons()

    def _fill_peers(self, peers: list[sync.Peer], targets: list[sync.Peer]) -> None:
        # A bundle is sealed to the device it is for: only enrolled devices can be chosen.
        chosen = self.peer.currentData()
        self.peer.clear()
        if not targets:
            self.peer.addItem(self.tr("Ningún equipo inscrito todavía"), None)
        for peer in targets:
            suffix = self.tr(" (centro)") if peer.role == "centre" else ""
            self.peer.addItem(peer.name + suffix, peer.device_id)
        self.peer.setCurrentIndex(max(self.peer.findData(chosen), 0))
        rows = [(p.name, self.tr("Centro") if p.role == "centre" else self.tr("Equipo de campo"),
                 when_text(p.last_received_at), when_text(p.last_sent_at)) for p in peers]
        self._fill(self.peers, rows)

    def _fill_conflicts(self, conflicts: list[sync.Conflict], names: dict[str, str]) -> None:
        rows = []
        for c in conflicts:
            fields = ", ".join(field_label(f) for f in chosen_fields(c)) or self.tr("(solo campos calculados)")
            origins = [names.get(v.get("origin") or "", self.tr("desconocido")) for v in (c.local, c.remote)]
            rows.append((describe_record(c), fields, " / ".join(dict.fromkeys(origins)), when_text(c.detected_at)))
        self._fill(self.conflicts, rows, [c.id for c in conflicts])
        count = len(conflicts)
        self.tabs.setTabText(0, self.tr("Conflictos pendientes ({n})").format(n=count))

    def _fill_history(self, bundles: list[sync.BundleRecord]) -> None:
        rows = [(when_text(b.recorded_at), self.tr("Enviado") if b.direction == "sent" else self.tr("Recibido"),
                 b.peer_name or (self.tr("cualquier equipo") if b.direction == "sent" else ""), str(b.changes),
                 str(b.applied) if b.direction == "received" else "",
                 str(b.conflicts) if b.direction == "received" else "", counts_text(b.counts), b.file_name)
                for b in bundles]
        self._fill(self.history, rows)

    def _update_buttons(self) -> None:
        self.resolve_button.setEnabled(self.conflicts.rowCount() > 0)
        row = self.trusted.currentRow()
        live = [d for d in getattr(self, "_trusted_devices", []) if not d.revoked]
        item = self.trusted.item(row, 0) if row >= 0 and self.trusted.selectedItems() else None
        self.revoke_button.setEnabled(item is not None and any(
            d.keys.signing.hex() == item.data(Qt.ItemDataRole.UserRole) for d in live))

    def _folder(self) -> str:
        return str(self.context.settings.value(FOLDER_KEY) or Path.home())

    def _remember_folder(self, path: str) -> None:
        self.context.settings.setValue(FOLDER_KEY, str(Path(path).parent))

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = read_only_table(name, headers, select_rows=True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple], ids: list[str] | None = None) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if ids is not None and column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, ids[r])
                table.setItem(r, column, item)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Reload when the screen comes into view: another screen may have renamed the device."""
        super().showEvent(event)
        self.refresh()
