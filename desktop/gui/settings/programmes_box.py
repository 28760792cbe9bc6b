"""Configuración → "Programas vigentes del centro": the centre's programme directory.

Lists every programme with its dates, the day it was last checked and its status, and says
at the top how many need the coordinator's attention (past their date, or not checked with
the institution for a year: the report never prints those as current). A coordinator adds,
edits, marks as checked today, removes, or imports a CSV/XLSX file, whose bad rows are listed
one sentence each before anything is written.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.directory import STATUS_WORDS, family_words
from desktop.domain.errors import UserError
from desktop.gui.settings.programme_dialog import ProgrammeDialog
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import prepare, surface, tone
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import programmes


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class ProgrammesBox(QGroupBox):
    """The directory's list, its review warning and the coordinator's actions."""

    def __init__(self, context, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(self.tr("Programas vigentes del centro"), parent)
        self.setObjectName("programmesBox")
        self.context, self.today = context, today
        self.rows: list[programmes.ProgrammeRow] = []
        self.dialog: ProgrammeDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self._build()
        self.reload()

    def _build(self) -> None:
        tr = self.tr
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("La oferta de hoy, con quién llamar: el informe la muestra primero en cada "
                                   "recomendación para la que la empresa califica. Un programa vencido o sin verificar "
                                   "hace más de un año no se imprime."), wordWrap=True))
        self.review = QLabel(objectName="programmesReview", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.review)
        self.table = read_only_table("programmes", [tr("Programa"), tr("Institución"), tr("Familia"), tr("Vigencia"),
                                                    tr("Verificado"), tr("Estado")], select_rows=True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.table.setAccessibleName(tr("Programas vigentes del centro"))
        self.table.setAccessibleDescription(tr("Una fila por programa: nombre, institución, familia, vigencia, "
                                               "fecha de verificación y estado. Enter lo edita."))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Añadir…"), objectName="addProgramme")
        self.edit_button = QPushButton(tr("Editar…"), objectName="editProgramme")
        self.checked_button = QPushButton(tr("Verificado hoy"), objectName="checkedProgramme")
        self.checked_button.setToolTip(tr("Registra que hoy se confirmó el programa con la institución."))
        self.delete_button = QPushButton(tr("Quitar"), objectName="deleteProgramme")
        self.import_button = QPushButton(tr("Importar CSV o XLSX…"), objectName="importProgrammes")
        for button in (self.add_button, self.edit_button, self.checked_button, self.delete_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel(objectName="programmesStatus", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit())
        self.checked_button.clicked.connect(lambda: self.mark_checked())
        self.delete_button.clicked.connect(lambda: self.delete())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.edit())

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        lang = self.context.lang
        self.rows = programmes.programmes(self.context.storage, self.today)
        fill_table(self.table, [(r.programme.name, r.programme.institution, family_words(r.programme.family, lang),
                                 self._validity(r.programme), _day(r.programme.checked_on),
                                 STATUS_WORDS[r.status][1 if lang == "en" else 0]) for r in self.rows])
        for i, row in enumerate(self.rows):
            if row.needs_review:  # the coordinator sees at a glance which ones to check
                back = surface("#fdecea")
                for j in range(self.table.columnCount()):
                    item = self.table.item(i, j)
                    if not back.startswith("palette"):  # a dark or high-contrast palette keeps its own
                        item.setBackground(QBrush(QColor(back)))
                    item.setForeground(QBrush(QColor(tone("#a00000"))))
        self._show_review()
        self._enable()

    def _validity(self, p) -> str:
        if p.valid_from and p.valid_to:
            return f"{_day(p.valid_from)} – {_day(p.valid_to)}"
        if p.valid_to:
            return self.tr("hasta {date}").format(date=_day(p.valid_to))
        if p.valid_from:
            return self.tr("desde {date}").format(date=_day(p.valid_from))
        return self.tr("sin fechas")

    def _show_review(self) -> None:
        late = [r for r in self.rows if r.needs_review]
        if not self.rows:
            text = self.tr("El directorio está vacío: el informe dice entonces a quién del centro preguntar. "
                           "Añada los programas o impórtelos de una hoja de cálculo.")
        elif late:
            expired = sum(1 for r in late if r.status == "vencido")
            text = self.tr("Programas que necesitan revisión (el informe no los muestra): vencidos, {expired}; sin "
                           "verificar hace más de un año, {unchecked}.").format(expired=expired,
                                                                               unchecked=len(late) - expired)
        else:
            text = self.tr("Todos los programas están vigentes y verificados en el último año.")
        self.review.setText(text)
        self.review.setStyleSheet(f"color: {tone('#a00000')}; font-weight: bold;" if late else "")

    def _enable(self) -> None:
        allowed = programmes.may_edit(self.context.storage, self.context.adviser_id)
        chosen = self.current() is not None
        self.add_button.setEnabled(allowed)
        self.import_button.setEnabled(allowed)
        for button in (self.edit_button, self.checked_button, self.delete_button):
            button.setEnabled(allowed and chosen)
        if not allowed:
            self.status.setText(self.tr("Solo la coordinación del centro modifica el directorio."))

    def current(self) -> programmes.ProgrammeRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {tone('#a00000')};" if error else "")

    # --- actions -------------------------------------------------------------------------

    def add(self) -> ProgrammeDialog:
        return self._open(None)

    def edit(self) -> ProgrammeDialog | None:
        chosen = self.current()
        return self._open(chosen.programme.id) if chosen is not None else None

    def _open(self, record_id: str | None) -> ProgrammeDialog:
        self.dialog = ProgrammeDialog(self.context, record_id, self, today=self.today)
        self.dialog.saved.connect(lambda row: (self.reload(), self._say(self.tr("Se guardó «{name}».").format(
            name=row["name"]))))
        self.dialog.open()
        return self.dialog

    def mark_checked(self) -> bool:
        chosen = self.current()
        if chosen is None:
            return False
        try:
            programmes.mark_checked(self.context.storage, chosen.programme.id, self.context.adviser_id, self.today)
        except UserError as exc:
            self._say(exc.message, error=True)
            return False
        self.reload()
        self._say(self.tr("«{name}» quedó verificado hoy.").format(name=chosen.programme.name))
        return True

    def delete(self, ask: bool = True) -> bool:
        chosen = self.current()
        if chosen is None:
            return False
        question = self.tr("¿Quitar «{name}» del directorio? Los informes dejarán de mostrarlo.").format(
            name=chosen.programme.name)
        if ask and not messages.confirm(self, self.tr("Quitar programa"), question):
            return False
        try:
            programmes.delete_programme(self.context.storage, chosen.programme.id, self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return False
        self.reload()
        self._say(self.tr("Se quitó «{name}».").format(name=chosen.programme.name))
        return True

    def import_file(self, path: str | None = None) -> ImportDialog | None:
        """Read and check a table, then show what importing it would do (nothing written yet)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Importar programas"), "",
                                                  self.tr("Hojas de cálculo (*.csv *.xlsx)"))
            if not path:
                return None
        try:
            preview = programmes.preview_import(self.context.storage, path, self.today)
        except UserError as exc:
            self._say(exc.message, error=True)
            return None
        self._say("")
        self.import_dialog = ImportDialog(preview, self)
        self.import_dialog.accepted.connect(lambda: self._accept(preview))
        self.import_dialog.open()
        return self.import_dialog

    def _accept(self, preview: programmes.DirectoryImport) -> None:
        try:
            added, updated = programmes.accept_import(self.context.storage, preview, self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return
        self.reload()
        self._say(self.tr("Programas importados: {added} nuevos, {updated} actualizados; {bad} filas no se "
                          "importaron.").format(added=added, updated=updated, bad=len(preview.bad)))


class ImportDialog(QDialog):
    """What importing a table would do: counts, and one sentence per row that cannot be imported."""

    def __init__(self, preview: programmes.DirectoryImport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("programmesImport")
        self.setWindowTitle(self.tr("Importar programas"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("«{file}»: {rows} filas. Programas nuevos: {new}; actualizados: {updated}; "
                                      "filas con problemas: {bad}.").format(
            file=preview.path.name, rows=len(preview.rows), new=len(preview.new), updated=len(preview.updated),
            bad=len(preview.bad)), objectName="importSummary", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.problems = read_only_table("importProblems", [self.tr("Fila"), self.tr("Problema")])
        fill_table(self.problems, [(r.row_number, r.reason) for r in preview.bad])
        self.problems.resizeColumnToContents(0)
        self.problems.setVisible(bool(preview.bad))
        layout.addWidget(self.problems, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        count = len(preview.new) + len(preview.updated)
        self.import_button = buttons.addButton(self.tr("Importar {n} programas").format(n=count),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImportProgrammes")
        self.import_button.setEnabled(count > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)
        prepare(self)


__all__ = ["ImportDialog", "ProgrammesBox"]
