"""The "Informes" screen: print client reports one by one or all at once, and the portfolio report.

Everything is written by :mod:`desktop.services.reporting` in the background
(each work function opens its own database connection). A batch runs over a
process pool, shows how many reports are done and can be cancelled; the
reports already written are kept. After each job the screen says where the
files went and offers to open that folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.shared import messages
from desktop.gui.shared.report_language import report_language_combo
from desktop.gui.shared.accessibility import add_shortcut, tone
from desktop.services import funder, reporting
from desktop.services.profile import list_advisers
from desktop.services.registry.firm_list import FirmQuery, firm_ids, firm_rows
from desktop.services.storage import open_database

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 50
POLL_MS = 200
FOLDER_KEY = "reports/folder"


class ReportsPage(QWidget):
    """Client reports (one firm or all of them) and the portfolio report.

    Attributes:
        executor_factory: how a batch makes its pool; None for the default two
            processes (tests pass a thread pool).
        last_folder: where the last job wrote its files.
    """

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.executor_factory = None
        self.last_folder: Path | None = None
        self.batch_progress = None
        self.last_batch: reporting.BatchResult | None = None

        self.lang = report_language_combo(context)

        # One firm
        self.search = QLineEdit(objectName="firmSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Buscar empresa por nombre o NIT"))
        self.firms = QListWidget(objectName="firmResults")
        self.print_one = QPushButton(self.tr("Imprimir &informe…"), objectName="printOne")
        one_box = QGroupBox(self.tr("Informe de una empresa"))
        one_layout = QVBoxLayout(one_box)
        one_layout.addWidget(self.search)
        one_layout.addWidget(self.firms, 1)
        one_layout.addWidget(self.print_one, 0, Qt.AlignmentFlag.AlignRight)

        # All firms
        self.print_all = QPushButton(self.tr("Imprimir &todos en una carpeta…"), objectName="printAll")
        self.bar = QProgressBar(objectName="batchProgress")
        self.bar.setFormat(self.tr("%v de %m"))
        self.bar.setValue(0)
        self.bar.setTextVisible(False)  # no "0 de 100" before any batch has started
        self.cancel_button = QPushButton(self.tr("Cancelar"), objectName="cancelBatch", enabled=False)
        all_box = QGroupBox(self.tr("Informes de todas las empresas"))
        all_layout = QVBoxLayout(all_box)
        all_layout.addWidget(QLabel(self.tr("Un PDF por empresa, en la carpeta que elija. Se usan los dos núcleos "
                                            "del equipo; puede cancelar y se conservan los ya escritos."),
                                    wordWrap=True))
        batch_row = QHBoxLayout()
        batch_row.addWidget(self.bar, 1)
        batch_row.addWidget(self.cancel_button)
        all_layout.addLayout(batch_row)
        all_layout.addWidget(self.print_all, 0, Qt.AlignmentFlag.AlignRight)

        # Portfolio
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(today.year(), 1, 1), objectName="portfolioStart", calendarPopup=True)
        self.end = QDateEdit(today, objectName="portfolioEnd", calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
        self.advisers = QListWidget(objectName="portfolioAdvisers")
        self.advisers.setMaximumHeight(110)
        self.print_portfolio = QPushButton(self.tr("Guardar informe de &cartera…"), objectName="printPortfolio")
        portfolio_box = QGroupBox(self.tr("Informe de cartera"))
        portfolio_form = QFormLayout(portfolio_box)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("al")))
        period.addWidget(self.end)
        period.addStretch(1)
        portfolio_form.addRow(self.tr("Período:"), period)
        portfolio_form.addRow(self.tr("Asesores:"), self.advisers)
        portfolio_form.addRow("", QLabel(self.tr("Sin marcar ninguno: todos los asesores."),
                                         styleSheet=f"color: {tone('#555')};"))
        portfolio_button_row = QHBoxLayout()
        portfolio_button_row.addStretch(1)
        portfolio_button_row.addWidget(self.print_portfolio)
        portfolio_form.addRow("", portfolio_button_row)

        # Funder report: the same period
        self.programme = QLineEdit(objectName="funderProgramme", placeholderText=self.tr("Todos los programas"))
        self.funder_pdf = QPushButton(self.tr("Guardar &PDF…"), objectName="funderPdf")
        self.funder_xlsx = QPushButton(self.tr("Exportar &XLSX…"), objectName="funderXlsx")
        funder_box = QGroupBox(self.tr("Informe para financiadores (mismo período)"))
        funder_form = QFormLayout(funder_box)
        funder_form.addRow(self.tr("Programa:"), self.programme)
        funder_buttons = QHBoxLayout()
        funder_buttons.addStretch(1)
        funder_buttons.addWidget(self.funder_pdf)
        funder_buttons.addWidget(self.funder_xlsx)
        funder_form.addRow("", funder_buttons)

        self.result = QLabel(objectName="reportResult", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Abrir &carpeta"), objectName="openFolder", enabled=False)

        lang_row = QHBoxLayout()
        lang_row.addWidget(QLabel(self.tr("Idioma de los informes:")))
        lang_row.addWidget(self.lang)
        lang_row.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(all_box)
        right.addWidget(portfolio_box)
        right.addWidget(funder_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(one_box, 1)
        columns.addLayout(right, 1)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(lang_row)
        layout.addLayout(columns, 1)
        layout.addLayout(result_row)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_firms)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._show_batch_progress)
        self.search.textChanged.connect(self._search_timer.start)
        self.firms.itemDoubleClicked.connect(lambda _item: self.print_firm())
        self.firms.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.print_one.clicked.connect(self.print_firm)
        add_shortcut(self.print_one, "Ctrl+P")
        for widget, name in ((self.firms, self.tr("Empresas encontradas")),
                             (self.start, self.tr("Inicio del período")), (self.end, self.tr("Fin del período"))):
            widget.setAccessibleName(name)
        self.print_all.clicked.connect(self.print_everything)
        self.cancel_button.clicked.connect(self.cancel_batch)
        self.print_portfolio.clicked.connect(self.save_portfolio)
        self.funder_pdf.clicked.connect(lambda: self.save_funder("pdf"))
        self.funder_xlsx.clicked.connect(lambda: self.save_funder("xlsx"))
        self.programme.setAccessibleName(self.tr("Programa del informe para financiadores"))
        self.open_folder_button.clicked.connect(self.open_folder)
        context.signals.firms_changed.connect(self.search_firms)
        context.signals.settings_changed.connect(self._load_advisers)
        self._load_advisers()
        self.search_firms()

    # ------------------------------------------------------------------ one firm

    def search_firms(self) -> None:
        """List the firms matching the search box (the first ones alphabetically when empty)."""
        self._search_timer.stop()
        storage = self.context.storage
        rows = firm_rows(storage, firm_ids(storage, FirmQuery(text=self.search.text()), 0, SEARCH_LIMIT))
        self.firms.clear()
        for firm in rows:
            tax = f" — {firm['tax_id']}" if firm.get("tax_id") else ""
            item = QListWidgetItem(f"{firm['legal_name']}{tax} ({firm.get('country') or ''})")
            item.setData(Qt.ItemDataRole.UserRole, firm)
            self.firms.addItem(item)
        if rows:
            self.firms.setCurrentRow(0)
        self._update_buttons()

    def print_firm(self) -> None:
        """Ask where to save the chosen firm's report, then write it in the background."""
        item = self.firms.currentItem()
        if item is None:
            return
        firm = item.data(Qt.ItemDataRole.UserRole)
        start = Path(self._folder()) / reporting.report_filename(firm)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Guardar informe"), str(start),
                                              self.tr("Documentos PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        lang, db_path = self.lang.currentData(), self.context.storage.path

        def work(progress):
            with open_database(db_path) as storage:
                return reporting.write_client_report(storage, firm["id"], path, lang=lang)

        def done(data):
            text = self.tr("Se guardó el informe de «{name}» en {path}.").format(name=firm["legal_name"], path=path)
            if getattr(data, "notice", None):
                text += " " + self.tr("Solo incluye el perfil: la empresa no tiene una evaluación completada.")
            self._finished(Path(path).parent, text)

        self.context.runner.run(work, done, self._failed, label=self.tr("Preparando el informe…"),
                                parent_widget=self, cancellable=False)

    # ------------------------------------------------------------------ batch

    def print_everything(self) -> None:
        """Ask for a folder and write every live firm's report there, in the background."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta para los informes"), self._folder())
        if not folder:
            return
        lang, db_path, factory = self.lang.currentData(), self.context.storage.path, self.executor_factory
        waiting = self.tr("Informe {done} de {total}")

        def work(progress):
            def report(done, total):
                progress.update(done, total, text=waiting.format(done=done, total=total))

            return reporting.write_all_reports(db_path, folder, lang=lang, progress=report,
                                               cancel=lambda: progress.cancelled, executor_factory=factory)

        self.print_all.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setTextVisible(True)
        self.bar.setRange(0, 0)
        self.result.setText(self.tr("Imprimiendo los informes…"))
        self._poll.start()
        self.batch_progress = self.context.runner.run(
            work, lambda result: self._batch_done(folder, result), self._batch_failed,
            label=self.tr("Imprimiendo los informes…"), parent_widget=self)

    def cancel_batch(self) -> None:
        """Stop the batch after the reports being written now; those already written stay."""
        if self.batch_progress is not None:
            self.batch_progress.cancel()
            self.cancel_button.setEnabled(False)
            self.result.setText(self.tr("Cancelando…"))

    def _show_batch_progress(self) -> None:
        if self.batch_progress is None:
            return
        done, total, _text = self.batch_progress.snapshot()
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _batch_done(self, folder: str, result: reporting.BatchResult) -> None:
        self._end_batch()
        self.last_batch = result
        self.bar.setRange(0, max(result.total, 1))
        self.bar.setValue(len(result.written) + len(result.failed))
        written = len(result.written)
        if result.cancelled:
            text = self.tr("Se canceló: se escribieron {n} de {total} informes en {folder}.")
        elif result.total == 0:
            text = self.tr("No hay empresas registradas; no se escribió ningún informe.")
        else:
            text = self.tr("Se escribieron {n} de {total} informes en {folder}.")
        text = text.format(n=written, total=result.total, folder=folder)
        if result.failed:
            text += " " + self.tr("{k} no se pudieron escribir: {why}").format(
                k=len(result.failed), why=next(iter(result.failed.values())))
        self._finished(Path(folder), text)

    def _batch_failed(self, exc: BaseException) -> None:
        self._end_batch()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._failed(exc)

    def _end_batch(self) -> None:
        self._poll.stop()
        self.batch_progress = None
        self.print_all.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # ------------------------------------------------------------------ portfolio

    def selected_advisers(self) -> tuple[str, ...]:
        """Ids of the ticked advisers (none ticked: all)."""
        return tuple(self.advisers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.advisers.count())
                     if self.advisers.item(i).checkState() == Qt.CheckState.Checked)

    def save_portfolio(self) -> None:
        """Ask where to save the portfolio report for the period and advisers, then write it."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        name = f"cartera-{start.isoformat()}-{end.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Guardar informe de cartera"),
                                              str(Path(self._folder()) / name), self.tr("Documentos PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        lang, db_path, advisers = self.lang.currentData(), self.context.storage.path, self.selected_advisers()

        def work(progress):
            with open_database(db_path) as storage:
                pdf = reporting.portfolio_report_pdf(storage, start=start, end=end, adviser_ids=advisers, lang=lang)
            reporting.write_atomically(Path(path), pdf)
            return path

        def done(_path):
            self._finished(Path(path).parent, self.tr("Se guardó el informe de cartera del {start} al {end} en "
                                                      "{path}.").format(start=_day(start), end=_day(end), path=path))

        self.context.runner.run(work, done, self._failed, label=self.tr("Preparando el informe de cartera…"),
                                parent_widget=self, cancellable=False)

    def save_funder(self, kind: str, path: str | None = None) -> None:
        """The funder report of the period (PDF, or XLSX with the rows behind each total)."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        programme = self.programme.text().strip() or None
        if path is None:
            name = f"financiadores-{start.isoformat()}-{end.isoformat()}.{kind}"
            pattern = self.tr("Documentos PDF (*.pdf)") if kind == "pdf" else self.tr("Libros de Excel (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Guardar informe para financiadores"),
                                                  str(Path(self._folder()) / name), pattern)
            if not path:
                return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        db_path = self.context.storage.path

        def work(progress):
            with open_database(db_path) as storage:
                fig = funder.figures_for(storage, start, end, programme)
                funder.write_report(storage, fig, path)
            return fig

        def done(fig):
            self._finished(Path(path).parent, self.tr(
                "Se guardó el informe para financiadores en {path}: {firms} empresas asesoradas, {hours} horas, "
                "{jobs} empleos nuevos verificados; {waiting} hitos esperan verificación.").format(
                    path=path, firms=fig.firms_advised, hours=str(fig.hours).replace(".", ","),
                    jobs=fig.jobs_women + fig.jobs_men, waiting=fig.waiting_total))

        self.context.runner.run(work, done, self._failed, label=self.tr("Preparando el informe para financiadores…"),
                                parent_widget=self, cancellable=False)

    # ------------------------------------------------------------------ shared

    def open_folder(self) -> None:
        """Show the folder of the last files written in the system's file manager."""
        if self.last_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))

    def _finished(self, folder: Path, text: str) -> None:
        self.last_folder = folder
        self.context.settings.setValue(FOLDER_KEY, str(folder))
        self.result.setText(text)
        self.open_folder_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.result.setText(self.tr("No se escribió ningún informe."))
        messages.show_error(self, exc)

    def _folder(self) -> str:
        return str(self.context.settings.value(FOLDER_KEY) or Path.home())

    def _load_advisers(self) -> None:
        ticked = set(self.selected_advisers())
        self.advisers.clear()
        for adviser in list_advisers(self.context.storage):
            item = QListWidgetItem(adviser["name"])
            item.setData(Qt.ItemDataRole.UserRole, adviser["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if adviser["id"] in ticked else Qt.CheckState.Unchecked)
            self.advisers.addItem(item)

    def _update_buttons(self) -> None:
        self.print_one.setEnabled(self.firms.currentItem() is not None)


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
