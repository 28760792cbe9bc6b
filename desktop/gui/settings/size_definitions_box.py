"""Configuración → "Definiciones de tamaño": the laws in force, the study's tables, and the centre's imports.

Lists every size definition this device knows with its dates and source; lets a
coordinator choose which class the firm list, the filters and the Tablero show;
imports a law rulebook or a minimum-wage table from a file (checked, then
previewed against the centre's firms before anything is written); re-classifies
the firms explicitly and undoes the last re-classification.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.domain.sizing import class_label
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import prepare, tone
from desktop.services import sizing


class SizeDefinitionsBox(QGroupBox):
    """The list of definitions, the centre's choice, import and re-classification."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(self.tr("Definiciones de tamaño"), parent)
        self.setObjectName("sizeDefinitionsBox")
        self.context = context
        self.rows: list[sizing.DefinitionRow] = []
        self.preview_dialog: ImportPreviewDialog | None = None
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Cada empresa tiene dos clases: según la ley vigente de su país y según la tabla del estudio "
            "(CEPAL, Cuadro 1), que usan la evaluación y las comparaciones."), wordWrap=True))
        form = QFormLayout()
        self.basis = QComboBox(objectName="sizeBasis")
        self.basis.addItem(self.tr("La ley vigente"), "law")
        self.basis.addItem(self.tr("La tabla del estudio (CEPAL)"), "study")
        form.addRow(self.tr("Clase en listas, filtros y Tablero:"), self.basis)
        layout.addLayout(form)
        self.table = QTableWidget(0, 6, objectName="sizeDefinitions")
        self.table.setHorizontalHeaderLabels([self.tr("Tipo"), self.tr("País"), self.tr("Definición"),
                                              self.tr("Versión"), self.tr("Vigencia"), self.tr("Origen")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.table.setAccessibleName(self.tr("Definiciones de tamaño"))
        layout.addWidget(self.table)
        self.source = QLabel(objectName="sizeDefinitionSource", wordWrap=True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.setStyleSheet(f"color: {tone('#555')};")
        layout.addWidget(self.source)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Importar ley o salario mínimo…"), objectName="importDefinition")
        self.reclassify_button = QPushButton(self.tr("Reclasificar empresas…"), objectName="reclassifyFirms")
        self.undo_button = QPushButton(self.tr("Deshacer la última reclasificación"), objectName="undoReclassify")
        for button in (self.import_button, self.reclassify_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel(objectName="sizeDefinitionsStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.basis.activated.connect(lambda _i: self.choose_basis(self.basis.currentData()))
        self.table.itemSelectionChanged.connect(self._show_source)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.reclassify_button.clicked.connect(lambda: self.reclassify())
        self.undo_button.clicked.connect(lambda: self.undo_last())

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        storage, lang = self.context.storage, self.context.lang
        self.basis.setCurrentIndex(max(self.basis.findData(sizing.size_basis(storage)), 0))
        self.rows = sizing.definition_rows(storage, lang)
        kinds = {"law": self.tr("Ley"), "minimum_wage": self.tr("Salario mínimo"), "study": self.tr("Estudio")}
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = (kinds[row.kind], row.country, row.title, row.version, row.valid, row.origin)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row.source)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        last = next((r for r in sizing.reclassifications(storage) if not r.undone_at), None)
        self.undo_button.setEnabled(last is not None)
        if self.rows:
            self.table.selectRow(0)

    def _show_source(self) -> None:
        row = self.table.currentRow()
        self.source.setText(self.tr("Fuente: {source}").format(source=self.rows[row].source)
                            if 0 <= row < len(self.rows) else "")

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {tone('#a00000')};" if error else "")

    # --- actions -------------------------------------------------------------------------

    def choose_basis(self, basis: str) -> bool:
        """Store the centre's choice of class for lists; lists and the Tablero follow at once."""
        try:
            sizing.set_size_basis(self.context.storage, basis, self.context.adviser_id)
        except UserError as exc:
            self.reload()
            self._say(exc.message, error=True)
            return False
        self._say(self.tr("Las listas, los filtros y el Tablero usan ahora la clase según {which}.").format(
            which=self.tr("la ley vigente") if basis == "law" else self.tr("la tabla del estudio")))
        self.context.signals.firms_changed.emit()
        return True

    def import_file(self, path: str | None = None) -> ImportPreviewDialog | None:
        """Read and check a file, then show what importing it would change (nothing written yet)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Importar ley o salario mínimo"), "",
                                                  self.tr("Definición de tamaño (*.json)"))
            if not path:
                return None
        try:
            preview = sizing.preview_import(self.context.storage, path)
        except sizing.DefinitionError as exc:
            self._say("\n".join(exc.problems), error=True)
            return None
        except UserError as exc:
            self._say(exc.message, error=True)
            return None
        self._say("")
        self.preview_dialog = ImportPreviewDialog(preview, self.context.lang, self)
        self.preview_dialog.accepted.connect(lambda: self._accept(preview))
        self.preview_dialog.open()
        return self.preview_dialog

    def _accept(self, preview: sizing.ImportPreview) -> None:
        now = self.preview_dialog.reclassify_now.isChecked() if self.preview_dialog else True
        try:
            batch = sizing.accept_import(self.context.storage, preview, self.context.adviser_id, reclassify_now=now)
        except UserError as exc:
            self._say(exc.message, error=True)
            return
        done = len(preview.changes) if batch is not None else 0
        self._say(self.tr("Se importó «{name}». Empresas reclasificadas: {n}.").format(
            name=preview.file_name, n=done))
        self.reload()
        self.context.signals.firms_changed.emit()

    def reclassify(self, ask: bool = True) -> int:
        """Re-classify every firm under the definitions in force, after saying how many change."""
        storage = self.context.storage
        checked, changes = sizing.preview_reclassification(storage)
        if not changes:
            self._say(self.tr("Ninguna de las {n} empresas cambia de clase.").format(n=checked))
            return 0
        question = self.tr("{changed} de {n} empresas cambian de clase o de definición aplicada. ¿Reclasificar? "
                           "Se podrá deshacer.").format(changed=len(changes), n=checked)
        if ask and not messages.confirm(self, self.tr("Reclasificar empresas"), question):
            return 0
        try:
            sizing.reclassify(storage, self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return 0
        self._say(self.tr("Empresas reclasificadas: {n}.").format(n=len(changes)))
        self.reload()
        self.context.signals.firms_changed.emit()
        return len(changes)

    def undo_last(self) -> int:
        """Undo the newest re-classification not yet undone."""
        storage = self.context.storage
        last = next((r for r in sizing.reclassifications(storage) if not r.undone_at), None)
        if last is None:
            return 0
        try:
            restored = sizing.undo_reclassification(storage, last.id, self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return 0
        self._say(self.tr("Se deshizo la reclasificación del {when}: {n} empresas vuelven a su clase anterior.")
                  .format(when=last.when[:10], n=restored))
        self.reload()
        self.context.signals.firms_changed.emit()
        return restored


class ImportPreviewDialog(QDialog):
    """What importing a definition would change: the definition, and the firms whose class changes."""

    def __init__(self, preview: sizing.ImportPreview, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDefinitionPreview")
        self.setWindowTitle(self.tr("Importar definición de tamaño"))
        d = preview.definition
        title = d.book.display_title().text(lang) if d.book else d.wages.title.text(lang)
        source = d.book.source.text(lang) if d.book else d.wages.source.text(lang)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("{title}, versión {version} ({country}).\nFuente: {source}").format(
            title=title, version=d.version, country=d.country, source=source), wordWrap=True,
            objectName="previewDefinition")
        layout.addWidget(head)
        summary = self.tr("De {n} empresas de {country}, {changed} cambian de clase.").format(
            n=preview.firms_checked, country=d.country, changed=preview.class_changes)
        lines = [summary] + [f"  {class_label(a, lang)} → {class_label(b, lang)}: {n}"
                             for a, b, n in preview.transitions()]
        self.summary = QLabel("\n".join(lines), objectName="previewSummary", wordWrap=True)
        layout.addWidget(self.summary)
        changed = [c for c in preview.changes if c["before"]["size_law_class"] != c["after"]["size_law_class"]]
        self.firms = QTableWidget(len(changed), 3, objectName="previewFirms")
        self.firms.setHorizontalHeaderLabels([self.tr("Empresa"), self.tr("Clase ahora"), self.tr("Clase nueva")])
        self.firms.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.firms.verticalHeader().setVisible(False)
        for i, c in enumerate(changed):
            for j, text in enumerate((c["legal_name"], class_label(c["before"]["size_law_class"] or "sin_clasificar", lang),
                                      class_label(c["after"]["size_law_class"] or "sin_clasificar", lang))):
                self.firms.setItem(i, j, QTableWidgetItem(text))
        self.firms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.firms, 1)
        self.reclassify_now = QCheckBox(self.tr("Reclasificar ahora las empresas afectadas (se podrá deshacer)"),
                                        objectName="reclassifyNow", checked=True)
        layout.addWidget(self.reclassify_now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Importar"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImportDefinition")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        prepare(self)
