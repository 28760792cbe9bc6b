"""The "Configuración" screen: adviser, centre, country, exchange rates, language,
this device, and the database file with backup and restore.

Business parameters (centre name and logo, default country, exchange rates)
are stored in the database, so reports can be reproduced and the values travel
with the data; the language is a preference of this computer (QSettings
``ui/lang``) and takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.settings.adviser_dialog import AdviserDialog
from desktop.services import security
from desktop.gui.settings.parameters_box import ParametersBox
from desktop.gui.settings.programmes_box import ProgrammesBox
from desktop.gui.settings.size_definitions_box import SizeDefinitionsBox
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, tone
from desktop.gui.shared.fields import combo, country_choices
from desktop.gui.shared.i18n import LANGUAGES
from desktop.services import maintenance, profile
from desktop.services.storage import open_database

LANG_KEY = "ui/lang"


class SettingsPage(QWidget):
    """Configuración.

    Signals:
        restart_required(str): the database was restored (or the language
            changed); the text says why. The application should close.
    """

    restart_required = Signal(str)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("settingsPage")
        self.adviser_dialog: AdviserDialog | None = None
        self._build()
        self.reload()
        context.signals.settings_changed.connect(self._show_adviser)

    # --- reading and saving ---------------------------------------------------------

    def reload(self) -> None:
        """Show the stored values."""
        storage = self.context.storage
        self._show_adviser()
        self.centre_name.setText(profile.get_setting(storage, "centre_name") or "")
        index = self.default_country.findData(profile.get_setting(storage, "default_country"))
        self.default_country.setCurrentIndex(max(index, 0))
        rates = profile.get_setting(storage, "exchange_rates") or {}
        self.rates.setRowCount(0)
        for code, rate in sorted(rates.items()):
            self.add_rate(code, rate)
        self._show_logo()
        lang = str(self.context.settings.value(LANG_KEY, self.context.lang) or "es")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.device.setText(profile.device_name(storage))
        self.db_path.setText(self.tr("Archivo: {path}").format(
            path=storage.path if storage.path else self.tr("(en memoria)")))

    def rate_table(self) -> dict[str, str]:
        """The exchange-rate table as typed: currency -> units per USD."""
        out = {}
        for row in range(self.rates.rowCount()):
            code = (self.rates.item(row, 0).text() if self.rates.item(row, 0) else "").strip().upper()
            rate = (self.rates.item(row, 1).text() if self.rates.item(row, 1) else "").strip()
            if code or rate:
                out[code] = rate
        return out

    def save(self) -> bool:
        """Store everything on the page; on a problem say it and keep what was typed."""
        storage = self.context.storage
        actor = self.context.adviser_id
        try:
            rates = self.rate_table()
            if "" in rates:
                raise UserError(self.tr("Falta el código de moneda en una fila de los tipos de cambio."),
                                field="exchange_rates")
            profile.save_settings(storage, {
                "centre_name": self.centre_name.text(),
                "default_country": self.default_country.currentData(),
                "exchange_rates": rates,
            }, actor)
            if self.device.text().strip() != profile.device_name(storage):
                profile.rename_device(storage, self.device.text())
        except UserError as exc:
            self._say(exc.message, error=True)
            return False
        lang = self.language.currentData()
        changed_lang = lang != str(self.context.settings.value(LANG_KEY, self.context.lang) or "es")
        self.context.settings.setValue(LANG_KEY, lang)
        self.context.settings.sync()
        self.context.signals.settings_changed.emit()
        self.reload()
        message = self.tr("Configuración guardada.")
        if changed_lang:
            message += " " + self.tr("El idioma cambiará la próxima vez que abra Rumbo.")
        self._say(message)
        return True

    # --- adviser and logo ------------------------------------------------------------

    def change_adviser(self) -> AdviserDialog:
        """Open the adviser chooser (window-modal; the page updates when it closes)."""
        self.adviser_dialog = AdviserDialog(self.context, self)
        self.adviser_dialog.accepted.connect(self._show_adviser)
        self.adviser_dialog.open()
        return self.adviser_dialog

    def choose_logo(self, path: str | None = None) -> bool:
        """Store a PNG or JPEG as the centre's logo (asks for the file if not given)."""
        path = path or self._ask_open_file(self.tr("Logotipo del centro"), self.tr("Imágenes (*.png *.jpg *.jpeg)"))
        if not path:
            return False
        try:
            profile.set_centre_logo(self.context.storage, path, self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return False
        self._show_logo()
        self.context.signals.settings_changed.emit()
        return True

    def remove_logo(self) -> None:
        """Forget the centre's logo."""
        profile.save_settings(self.context.storage, {"centre_logo": None}, self.context.adviser_id)
        self._show_logo()

    # --- backup and restore ------------------------------------------------------------

    def backup(self, dest: str | None = None) -> None:
        """Save a copy of the database in the background (asks where if not given)."""
        dest = dest or self._ask_save_file(self.tr("Guardar copia de seguridad"), "rumbo-copia.db",
                                           self.tr("Base de datos de Rumbo (*.db)"))
        if not dest:
            return
        db_path = self.context.storage.path

        def work(progress):
            # SQLite connections stay on their thread: the worker opens its own.
            storage = open_database(db_path)
            try:
                progress.update(0, 0, self.tr("Guardando la copia…"))
                return profile.backup_database(storage, dest)
            finally:
                storage.close()

        self.context.runner.run(
            work, lambda path: self._say(self.tr("Copia de seguridad guardada en {path}.").format(path=path)),
            self._failed, label=self.tr("Guardando la copia de seguridad…"), parent_widget=self, cancellable=False)

    def verify_history(self) -> None:
        """Recompute the history's hash chain in the background and say whether it holds."""
        db_path = self.context.storage.path
        self.history_status.setText(self.tr("Verificando el historial…"))
        self.history_status.setStyleSheet("")

        def work(progress):
            storage = open_database(db_path)
            try:
                progress.update(0, 0, self.tr("Verificando el historial…"))
                return profile.verify_history(storage), maintenance.audit_history(storage)
            finally:
                storage.close()

        self.context.runner.run(work, self._show_history, self._failed, label=self.tr("Verificando el historial…"),
                                parent_widget=self, cancellable=False)

    def _show_history(self, reports) -> None:
        report, audited = reports
        if report.ok and not audited.ok:
            first = audited.findings[0]
            text = self.tr("Hay cambios hechos fuera de Rumbo o por quien no podía hacerlos. {first}").format(
                first=self._finding_text(first))
            if len(audited.findings) > 1:
                text += " " + self.tr("Y {n} más (rumbo check los lista).").format(n=len(audited.findings) - 1)
            text += " " + self.tr("Consulte con el coordinador antes de sincronizar.")
            self.history_status.setText(text)
            self.history_status.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;")
            return
        if report.ok:
            text = (self.tr("El historial está íntegro: {changes} cambios de 1 equipo verificados.")
                    if report.origins <= 1 else
                    self.tr("El historial está íntegro: {changes} cambios de {devices} equipos verificados.")).format(
                changes=report.entries, devices=report.origins)
        else:
            text = self.tr("El historial fue alterado. {first}").format(first=self._break_text(report.breaks[0]))
            if len(report.breaks) > 1:
                text += " " + self.tr("También en el historial de otros {n} equipos.").format(n=len(report.breaks) - 1)
            text += " " + self.tr("Consulte con el coordinador antes de sincronizar.")
        self.history_status.setText(text)
        self.history_status.setStyleSheet("" if report.ok else f"color: {tone('#c62828')}; font-weight: bold;")

    def _finding_text(self, finding) -> str:
        record = self._record_word(finding.table) + (f" «{finding.label}»" if finding.label else "")
        if finding.kind == "history_cut":
            return self.tr("Al historial de «{device}» le faltan cambios del final ({detail}).").format(
                device=finding.label, detail=finding.detail)
        if finding.kind == "authority":
            return self.tr("{record}: {detail}, que no era administrador en ese momento.").format(
                record=record, detail=finding.detail)
        return self.tr("{record} no coincide con su historial ({detail}).").format(record=record, detail=finding.detail)

    def _record_word(self, table: str) -> str:
        return {"firms": self.tr("Empresa"), "advisers": self.tr("Asesor"), "contacts": self.tr("Contacto"),
                "assessments": self.tr("Evaluación"), "answers": self.tr("Respuesta"), "notes": self.tr("Nota"),
                "settings": self.tr("Parámetro"), "centre_programmes": self.tr("Programa")}.get(table, table)

    def _break_text(self, brk) -> str:
        records = {
            "firms": self.tr("empresa"), "advisers": self.tr("asesor"), "contacts": self.tr("contacto"),
            "assessments": self.tr("evaluación"), "answers": self.tr("respuesta"), "notes": self.tr("nota"),
            "settings": self.tr("parámetro"), "centre_programmes": self.tr("programa"),
        }
        reasons = {
            "altered": self.tr("fue modificado después de registrarse"),
            "missing": self.tr("le falta un cambio anterior, que fue borrado"),
            "unsealed": self.tr("no lleva sello aunque los cambios anteriores sí"),
        }
        record = records.get(brk.table, brk.table) + (f" «{brk.label}»" if brk.label else "")
        return self.tr("El cambio {seq} de «{device}» ({record}, {when}) {what}.").format(
            seq=brk.origin_seq, device=brk.origin_name, record=record,
            when=brk.changed_at[:16].replace("T", " "), what=reasons.get(brk.reason, brk.reason))

    def restore(self, src: str | None = None) -> None:
        """Replace the database with a backup, after checking it and asking; then Rumbo must restart."""
        src = src or self._ask_open_file(self.tr("Restaurar copia de seguridad"),
                                         self.tr("Base de datos de Rumbo (*.db);;Todos los archivos (*)"))
        if not src:
            return
        try:
            profile.check_backup(src)
        except UserError as exc:
            messages.show_error(self, exc)
            return
        if not messages.confirm(self, self.tr("Restaurar copia"), self.tr(
                "Los datos actuales se reemplazarán por los de la copia (se guardan aparte por si acaso). "
                "Después tendrá que volver a abrir Rumbo. ¿Continuar?")):
            return
        db_path = self.context.storage.path
        self.context.storage.close()  # restore replaces the file: nothing may hold it open
        self.setEnabled(False)

        def done(aside):
            text = self.tr("La copia se restauró. Cierre y vuelva a abrir Rumbo para usarla.")
            if aside:
                text += " " + self.tr("Los datos anteriores quedaron en {path}.").format(path=aside)
            self._say(text)
            messages.inform(self, self.tr("Restaurar copia"), text)
            self.restart_required.emit(text)

        def failed(exc):
            self.context.storage = open_database(db_path)  # the old file is still in place
            self.setEnabled(True)
            self._failed(exc)

        self.context.runner.run(lambda progress: profile.restore_database(db_path, src), done, failed,
                                label=self.tr("Restaurando la copia…"), parent_widget=self, cancellable=False)

    # --- helpers -------------------------------------------------------------------------

    def _ask_open_file(self, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", filters)[0]

    def _ask_save_file(self, title: str, name: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(self, title, name, filters)[0]

    def _failed(self, exc: BaseException) -> None:
        if messages.known_error_message(exc) is not None:
            self._say(messages.known_error_message(exc), error=True)
        messages.show_error(self, exc)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;" if error
                                  else f"color: {tone('#2e7d32')};")

    def _show_adviser(self) -> None:
        adviser = profile.get_adviser(self.context.storage, self.context.adviser_id)
        if adviser is None:
            self.adviser.setText(self.tr("Ninguno elegido"))
        else:
            centre = f" — {adviser['centre']}" if adviser.get("centre") else ""
            self.adviser.setText(f"{adviser['name']}{centre}")

    def _show_logo(self) -> None:
        data = profile.centre_logo_bytes(self.context.storage)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo.setPixmap(pixmap.scaled(160, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("Sin logotipo"))
        self.remove_logo_button.setEnabled(bool(data))

    def add_rate(self, code: str = "", rate: str = "") -> None:
        """Add a row to the exchange-rate table."""
        row = self.rates.rowCount()
        self.rates.insertRow(row)
        self.rates.setItem(row, 0, QTableWidgetItem(code))
        self.rates.setItem(row, 1, QTableWidgetItem(rate))
        if not code:
            self.rates.setCurrentCell(row, 0)
            self.rates.editItem(self.rates.item(row, 0))

    def _remove_rate(self) -> None:
        rows = sorted({index.row() for index in self.rates.selectedIndexes()}, reverse=True)
        for row in rows:
            self.rates.removeRow(row)

    def _build(self) -> None:
        tr = self.tr
        self.adviser = QLabel(objectName="currentAdviser")
        self.adviser.setStyleSheet("font-weight: bold;")
        switch = QPushButton(tr("Cambiar de asesor…"), objectName="changeAdviser")
        adviser_box = QGroupBox(tr("Asesor en este equipo"))
        row = QHBoxLayout(adviser_box)
        row.addWidget(self.adviser, 1)
        row.addWidget(switch)

        self.centre_name = QLineEdit(objectName="centreName", placeholderText=tr("p. ej. CDMYPE UNICAES Santa Ana"))
        self.logo = QLabel(objectName="logoPreview")
        self.logo.setFixedSize(170, 70)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setStyleSheet(f"#logoPreview {{ border: 1px dashed #aaa; color: {tone('#666')}; }}")
        self.logo.setAccessibleName(tr("Logotipo del centro"))
        pick_logo = QPushButton(tr("Elegir logotipo…"), objectName="chooseLogo")
        self.remove_logo_button = QPushButton(tr("Quitar"), objectName="removeLogo")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(pick_logo)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch(1)
        self.default_country = combo("defaultCountry", country_choices(self.context.lang), blank=None)
        centre_box = QGroupBox(tr("Centro"))
        form = QFormLayout(centre_box)
        form.addRow(tr("&Nombre del centro"), self.centre_name)
        form.addRow(tr("Logotipo (para los informes)"), logo_row)
        form.addRow(tr("&País por omisión"), self.default_country)

        self.rates = QTableWidget(0, 2, objectName="exchangeRates")
        self.rates.setHorizontalHeaderLabels([tr("Moneda (ISO)"), tr("Unidades por 1 US$")])
        self.rates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates.verticalHeader().setVisible(False)
        self.rates.setMinimumHeight(120)
        self.rates.setMaximumHeight(170)
        self.rates.setAccessibleName(tr("Tipos de cambio"))
        self.rates.setAccessibleDescription(tr("Una fila por moneda: su código ISO y cuántas unidades valen un "
                                               "dólar. F2 o escribir edita la celda elegida."))
        add_rate = QPushButton(tr("Añadir moneda"), objectName="addRate")
        remove_rate = QPushButton(tr("Quitar moneda"), objectName="removeRate")
        rates_box = QGroupBox(tr("Tipos de cambio"))
        rates_layout = QVBoxLayout(rates_box)
        rates_layout.addWidget(QLabel(tr("Se proponen al registrar montos en otra moneda; cada empresa guarda "
                                         "el tipo de cambio que se usó."), wordWrap=True))
        rates_layout.addWidget(self.rates)
        rate_buttons = QHBoxLayout()
        rate_buttons.addWidget(add_rate)
        rate_buttons.addWidget(remove_rate)
        rate_buttons.addStretch(1)
        rates_layout.addLayout(rate_buttons)

        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.device = QLineEdit(objectName="deviceName")
        app_box = QGroupBox(tr("Este equipo"))
        form = QFormLayout(app_box)
        form.addRow(tr("&Idioma"), self.language)
        form.addRow("", QLabel(tr("El cambio de idioma se aplica al volver a abrir Rumbo.")))
        form.addRow(tr("Nombre del &equipo"), self.device)

        self.db_path = QLabel(objectName="databasePath", wordWrap=True)
        self.db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        backup = QPushButton(tr("Copia de seguridad…"), objectName="backupButton")
        restore = QPushButton(tr("Restaurar copia…"), objectName="restoreButton")
        check = QPushButton(tr("Verificar el &historial"), objectName="verifyHistory")
        check.setToolTip(tr("Comprueba que ningún cambio registrado haya sido modificado o borrado por fuera de Rumbo."))
        self.history_status = QLabel(objectName="historyStatus", wordWrap=True,
                                     textFormat=Qt.TextFormat.PlainText)  # firm names may hold < and &
        db_box = QGroupBox(tr("Base de datos"))
        db_layout = QVBoxLayout(db_box)
        db_layout.addWidget(self.db_path)
        db_buttons = QHBoxLayout()
        db_buttons.addWidget(backup)
        db_buttons.addWidget(restore)
        db_buttons.addWidget(check)
        db_buttons.addStretch(1)
        db_layout.addLayout(db_buttons)
        db_layout.addWidget(self.history_status)

        self.status = QLabel(objectName="settingsStatus", wordWrap=True)
        save = QPushButton(tr("&Guardar cambios"), objectName="saveSettings")
        save.setDefault(True)
        add_shortcut(save, QKeySequence.StandardKey.Save)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(save)

        # Two independent columns, so a tall box on one side does not stretch the other.
        body = QWidget()
        columns = QHBoxLayout(body)
        self.parameters_box = ParametersBox(self.context)
        self.size_box = SizeDefinitionsBox(self.context)
        self.programmes_box = ProgrammesBox(self.context)
        first = [adviser_box, centre_box, app_box, db_box]
        self.security_box = None
        if security.sign_in_set_up(self.context.storage.path):
            # With sign-in, the adviser at the keyboard is whoever signed in: no switching here.
            from desktop.gui.settings.security_box import SecurityBox

            self.security_box = SecurityBox(self.context)
            adviser_box.setVisible(False)
            first.insert(0, self.security_box)
        for boxes in (first, (self.programmes_box, self.size_box, rates_box, self.parameters_box)):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

        switch.clicked.connect(self.change_adviser)
        pick_logo.clicked.connect(lambda: self.choose_logo())
        self.remove_logo_button.clicked.connect(self.remove_logo)
        add_rate.clicked.connect(lambda: self.add_rate())
        remove_rate.clicked.connect(self._remove_rate)
        backup.clicked.connect(lambda: self.backup())
        restore.clicked.connect(lambda: self.restore())
        check.clicked.connect(self.verify_history)
        save.clicked.connect(self.save)
