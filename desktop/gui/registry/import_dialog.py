"""Importing firms from a CSV or XLSX file, in three visible steps.

1. Choose the file: the dialog shows which column goes to which field and the
   first rows, so a wrong file or a badly named column is seen at once.
2. Revisar: a dry run checks every row (and duplicates against the database)
   without writing; rejected rows are listed with the reason.
3. Importar: the accepted rows are stored, all or none, in the background
   with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare, tone
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.gui.shared.tasks import Cancelled
from desktop.services.registry.import_preview import ImportPreview, preview_file
from desktop.services.registry.importing import ImportSummary, import_file
from desktop.services.storage import open_database

FILE_FILTER = "Hojas de cálculo (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"


class ImportDialog(QDialog):
    """Preview, check and import a file of firms.

    Attributes:
        preview: the :class:`ImportPreview` of the chosen file, or None.
        summary: the last :class:`ImportSummary` (dry run or real), or None.
    """

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Importar empresas"))
        self._build()
        self._update_buttons()

    # --- steps --------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a file and preview it."""
        path = QFileDialog.getOpenFileName(self, self.tr("Archivo de empresas"), "", FILE_FILTER)[0]
        if path:
            self.load(path)

    def load_typed(self) -> bool:
        """Preview the file whose path was typed or pasted into the path field."""
        text = self.path.text().strip().strip('"').strip("'")
        if not text:
            self._say(self.tr("Escriba la ruta de un archivo o pulse «Elegir archivo…»."), error=True)
            return False
        return self.load(str(Path(text).expanduser()))

    def load(self, path: str) -> bool:
        """Preview a file: column mapping and first rows."""
        self.summary = None
        self.rejects.setRowCount(0)
        self.result_label.clear()
        try:
            self.preview = preview_file(path)
        except UserError as exc:
            self.preview = None
            self.mapping.setRowCount(0)
            self.sample.setRowCount(0)
            self._say(exc.message, error=True)
            self._update_buttons()
            return False
        self.path.setText(str(path))
        preview = self.preview
        ignore = self.tr("— (se ignora)")
        fill_table(self.mapping, [[c.header, c.label or ignore] for c in preview.columns])
        for row, column in enumerate(preview.columns):
            if column.field is None:
                self.mapping.item(row, 1).setForeground(Qt.GlobalColor.gray)
        self.sample.setColumnCount(len(preview.columns))
        self.sample.setHorizontalHeaderLabels([c.header for c in preview.columns])
        fill_table(self.sample, preview.rows)
        if preview.missing:
            self._say(self.tr("Al archivo le falta la columna obligatoria: {names}.").format(
                names=" y ".join(preview.missing)), error=True)
        else:
            self._say(self.tr("{n} filas. Revise la correspondencia de columnas y pulse «Revisar».").format(
                n=preview.total_rows))
        self._update_buttons()
        return True

    def dry_run(self) -> None:
        """Check every row without writing anything; lists the rejected rows."""
        self._run(dry_run=True)

    def run_import(self) -> None:
        """Store the accepted rows (all or none), in the background."""
        self._run(dry_run=False)

    def save_rejects(self, dest: str | None = None) -> None:
        """Write the rejected rows (original columns plus «fila» and «motivo») to a CSV to fix them."""
        if self.preview is None:
            return
        dest = dest or QFileDialog.getSaveFileName(self, self.tr("Guardar filas rechazadas"),
                                                   "rechazadas.csv", "CSV (*.csv)")[0]
        if dest:
            # A rehearsal writes the rejects file and nothing else.
            self._run(dry_run=True, rejects_path=dest)

    def _run(self, dry_run: bool, rejects_path: str | None = None) -> None:
        if self.preview is None:
            return
        db_path = self.context.storage.path
        path = self.preview.path
        adviser = self.context.adviser_id

        # What the progress dialog says during each phase of the import (desktop.services.registry.importing.PHASES).
        phase_texts = {
            "clean": self.tr("Revisando las filas…"),
            "duplicates": self.tr("Buscando empresas duplicadas…"),
            "classify": self.tr("Clasificando las empresas por tamaño…"),
            "store": self.tr("Guardando en la base de datos…"),
        }

        def work(progress):
            # The worker thread needs its own connection.
            storage = open_database(db_path)
            try:
                summary = import_file(storage, path, adviser, dry_run=dry_run, rejects_path=rejects_path,
                                      progress=lambda done, total, phase: progress.update(
                                          done, total, phase_texts[phase]),
                                      cancel=lambda: progress.cancelled)
            finally:
                storage.close()
            if summary.cancelled:
                raise Cancelled()
            return summary

        label = self.tr("Revisando el archivo…") if dry_run else self.tr("Importando empresas…")
        self.context.runner.run(work, self._finished, self._failed, label=label, parent_widget=self)

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        fill_table(self.rejects, [[r.row_number, r.reason] for r in summary.rejected])
        rejected = len(summary.rejected)
        if summary.dry_run:
            text = self.tr("Simulación: se importarían {ok} de {read} filas; {bad} se rechazarían "
                           "(duplicadas: {dup}). No se guardó nada.")
        else:
            text = self.tr("Importadas {ok} de {read} filas; {bad} rechazadas (duplicadas: {dup}).")
            self.context.signals.firms_changed.emit()
        self.result_label.setText(text.format(ok=summary.accepted, read=summary.rows_read, bad=rejected,
                                              dup=summary.duplicates))
        notes = " ".join(summary.notes)
        if summary.rejects_path:
            notes = (notes + " " + self.tr("Filas rechazadas guardadas en {path}.").format(
                path=summary.rejects_path)).strip()
        self._say(notes)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._say(self.tr("Importación cancelada: no se guardó ninguna empresa."), error=True)
            return
        message = messages.known_error_message(exc)
        if message is not None:
            self._say(message, error=True)
        else:
            messages.show_error(self, exc)

    # --- helpers ------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;" if error
                                  else f"color: {tone('#333')};")

    def _update_buttons(self) -> None:
        usable = self.preview is not None and not self.preview.missing
        done = self.summary is not None and not self.summary.dry_run
        self.check_button.setEnabled(usable and not done)
        ready = usable and self.summary is not None and self.summary.dry_run and self.summary.accepted > 0
        self.import_button.setEnabled(ready)
        self.rejects_button.setEnabled(usable and self.summary is not None and bool(self.summary.rejected))
        if ready:
            self.import_button.setText(self.tr("&Importar {n} empresas").format(n=self.summary.accepted))
        else:
            self.import_button.setText(self.tr("&Importar"))
        self.close_button.setText(self.tr("Cerrar") if done else self.tr("Cancelar"))

    def _build(self) -> None:
        tr = self.tr
        self.path = QLineEdit(objectName="importPath")
        self.path.setPlaceholderText(tr("Escriba o pegue la ruta de un archivo .csv o .xlsx y pulse Enter, o elíjalo"))
        choose = QPushButton(tr("&Elegir archivo…"), objectName="chooseFile")
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(choose)

        self.mapping = read_only_table("mappingTable", [tr("Columna del archivo"), tr("Campo de Rumbo")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sample = read_only_table("sampleTable", [])
        self.rejects = read_only_table("rejectsTable", [tr("Fila"), tr("Motivo del rechazo")])
        self.rejects.setWordWrap(True)
        boxes = []
        for title, widget in ((tr("Correspondencia de columnas"), self.mapping),
                              (tr("Primeras filas"), self.sample), (tr("Filas rechazadas"), self.rejects)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            boxes.append(box)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(boxes[0])
        upper.addWidget(boxes[1])
        upper.setSizes([300, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(boxes[2])

        self.result_label = QLabel(objectName="importResult", wordWrap=True)
        self.result_label.setStyleSheet("font-weight: bold;")
        self.status = QLabel(objectName="importStatus", wordWrap=True)
        self.check_button = QPushButton(tr("&Revisar (sin guardar)"), objectName="dryRunButton")
        self.import_button = QPushButton(tr("&Importar"), objectName="importButton")
        self.rejects_button = QPushButton(tr("&Guardar rechazadas…"), objectName="saveRejectsButton")
        self.close_button = QPushButton(tr("Cancelar"), objectName="closeButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.rejects_button)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

        choose.clicked.connect(self.choose_file)
        self.path.returnPressed.connect(self.load_typed)
        # Enter belongs to the field that has the focus: no button is pressed by an Enter elsewhere.
        for button in (choose, self.check_button, self.import_button, self.rejects_button, self.close_button):
            button.setAutoDefault(False)
        self.check_button.clicked.connect(self.dry_run)
        self.import_button.clicked.connect(self.run_import)
        self.rejects_button.clicked.connect(lambda: self.save_rejects())
        self.close_button.clicked.connect(self.reject)
        self.resize(960, 640)
        add_shortcut(choose, "Ctrl+O")
        prepare(self, {self.path: tr("Archivo elegido")})
