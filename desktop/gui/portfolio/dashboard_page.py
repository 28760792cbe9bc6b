"""The "Tablero" screen: the centre's portfolio at a glance, every bar clickable.

The counts come from :func:`desktop.services.dashboard.build_dashboard` (SQL
aggregates), computed through the task runner on a connection of its own, so
the window stays responsive on 100,000 firms. A click on a bar emits
:attr:`DashboardPage.selection_requested` and opens a list of the firms it counted;
double-clicking a firm there asks the application to open it.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import UserError
from desktop.domain.sizing import class_label
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, prepare, tone
from desktop.gui.shared.charts import PALETTE, Bar, BarChart
from desktop.gui.shared.tables import fill_table, read_only_table
from desktop.services import centre as centre_service
from desktop.services import dashboard as service
from desktop.services.dashboard import ChartRow, Dashboard, DashboardFilter

# chart attribute of Dashboard -> (title, colour)
CHARTS = (
    ("by_size", "Empresas por tamaño", PALETTE[0]),
    ("by_sector", "Empresas por tipo de sector", PALETTE[0]),
    ("by_country", "Empresas por país", PALETTE[0]),
    ("by_department", "Empresas por departamento", PALETTE[0]),
    ("by_band", "Banda de preparación (última evaluación)", PALETTE[2]),
    ("by_stage", "Etapa de internacionalización", PALETTE[2]),
    ("gaps", "Brechas más comunes (dimensión con menos de 40/100)", PALETTE[1]),
    ("by_adviser", "Evaluaciones por asesor", PALETTE[3]),
    ("by_month", "Evaluaciones por mes", PALETTE[3]),
    ("stale", "Reevaluación pendiente", PALETTE[4]),
    ("milestones", "Hitos de impacto del periodo", PALETTE[1]),
    ("caseload", "Empresas asesoradas por asesor(a) en el periodo", PALETTE[3]),
    ("overdue", "Acciones del plan vencidas, por responsable", PALETTE[4]),
    ("by_centre", "Empresas por centro (servidor)", PALETTE[0]),  # last: hidden on this laptop's own data
)


class FirmListDialog(QDialog):
    """The firms behind one bar; double-click (or Enter) opens a firm."""

    open_requested = Signal(str)

    def __init__(self, title: str, total: int, firms: list[dict], lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        shown = len(firms)
        summary = self.tr("{n} empresas").format(n=total) if total != 1 else self.tr("1 empresa")
        if shown < total:
            summary += self.tr(" (se muestran las primeras {n})").format(n=shown)
        self.summary = QLabel(summary, objectName="listSummary")
        self.table = QTableWidget(shown, 5, objectName="firmList")
        self.table.setHorizontalHeaderLabels([self.tr("Empresa"), self.tr("País"), self.tr("Departamento"),
                                              self.tr("Tamaño"), self.tr("CIIU")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, firm in enumerate(firms):
            values = [firm["legal_name"], firm["country"], firm["department"] or "",
                      class_label(firm["size_class"] or "sin_clasificar", lang), firm["sector_isic"] or ""]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, firm["id"])
                self.table.setItem(row, col, item)
        self.table.setColumnWidth(0, 300)
        self.table.setAccessibleName(self.tr("Empresas de «{title}»").format(title=title))
        self.table.setAccessibleDescription(summary + ". " + self.tr("Enter o doble clic abre la empresa elegida."))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut,
                      activated=lambda: self._open(self.table.currentRow()))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        prepare(self)

    def firm_ids(self) -> list[str]:
        """The listed firm ids, in order."""
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]

    def _open(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.open_requested.emit(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
            self.accept()


class DashboardPage(QWidget):
    """The portfolio dashboard with period and adviser filters.

    Signals:
        selection_requested(object): the :class:`ChartRow` of a clicked bar
            (``kind`` and ``key`` name the firms; see ``db.queries.dashboard``).
    """

    selection_requested = Signal(object)

    def __init__(self, context, parent: QWidget | None = None, *, today: dt.date | None = None,
                 show_lists: bool = True):
        super().__init__(parent)
        self.context = context
        self.today = today
        self.show_lists = show_lists
        self.board: Dashboard | None = None
        self.filter = DashboardFilter()
        self.last_dialog: FirmListDialog | None = None

        self.use_from = QCheckBox(self.tr("Desde"), objectName="useFrom")
        self.date_from = QDateEdit(objectName="dateFrom", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.use_to = QCheckBox(self.tr("Hasta"), objectName="useTo")
        self.date_to = QDateEdit(objectName="dateTo", calendarPopup=True, displayFormat="dd/MM/yyyy")
        start = QDate.currentDate() if today is None else QDate(today.year, today.month, today.day)
        self.date_from.setDate(start.addYears(-1))
        self.date_to.setDate(start)
        self.source = QComboBox(objectName="dashboardSource")
        self.source.setAccessibleName(self.tr("Datos del tablero"))
        self.source.setToolTip(self.tr("Este equipo, o la cartera del servidor del centro contada por el servidor"))
        self.centre = QComboBox(objectName="centreFilter")
        self.centre.setAccessibleName(self.tr("Centro"))
        self.centre.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.centre.setMinimumContentsLength(22)  # "CDMYPE San Miguel" whole before the names arrive
        self.adviser = QComboBox(objectName="adviserFilter")
        self.stale_months = QSpinBox(objectName="staleMonths", minimum=1, maximum=120,
                                     value=service.DEFAULT_STALE_MONTHS, suffix=self.tr(" meses"))
        self.refresh_button = QPushButton(self.tr("&Actualizar"), objectName="refreshDashboard")
        self.total_label = QLabel(objectName="totalLabel")
        self.total_label.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {tone('#1f3a4d')};")
        self.total_label.setMinimumWidth(self.total_label.fontMetrics().horizontalAdvance("0,000,000 empresas") * 5 // 4)
        self.date_from.setAccessibleName(self.tr("Evaluaciones desde la fecha"))
        self.date_to.setAccessibleName(self.tr("Evaluaciones hasta la fecha"))
        add_shortcut(self.refresh_button, QKeySequence.StandardKey.Refresh)
        self._fill_advisers()

        filters = QHBoxLayout()
        filters.addWidget(self.total_label)
        filters.addSpacing(16)
        self.source_label = QLabel(self.tr("&Datos:"))
        self.source_label.setBuddy(self.source)
        self.centre_label = QLabel(self.tr("Centro:"))
        self.centre_label.setBuddy(self.centre)
        # What is counted (this desktop or the centre's server) on a line of its own, shown with a server.
        self.source_row = QWidget(objectName="sourceRow")
        source_line = QHBoxLayout(self.source_row)
        source_line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.source_label, self.source, self.centre_label, self.centre):
            source_line.addWidget(widget)
        source_line.addStretch(1)
        self._fill_sources()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("Asesor:")))
        filters.addWidget(self.adviser)
        self.adviser.setMinimumWidth(90)  # full width when there is room; narrower at 150 % on a laptop
        filters.addWidget(QLabel(self.tr("Sin reevaluar en:")))
        filters.addWidget(self.stale_months)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)

        self.advisory_box = QGroupBox(self.tr("Asesoría e impacto del periodo (como en el informe al financiador)"))
        self.advisory_labels: dict[str, QLabel] = {}
        figures = QGridLayout(self.advisory_box)
        for n, (name, title) in enumerate(self._advisory_titles()):
            value = QLabel(objectName=f"advisory_{name}")
            value.setStyleSheet("font-weight: bold;")
            value.setTextFormat(Qt.TextFormat.PlainText)
            caption = QLabel(title)
            caption.setBuddy(value)
            value.setAccessibleName(title)
            figures.addWidget(caption, n // 3, (n % 3) * 2)
            figures.addWidget(value, n // 3, (n % 3) * 2 + 1)
            self.advisory_labels[name] = value

        self.charts: dict[str, BarChart] = {}
        self.chart_boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        grid.addWidget(self.advisory_box, 0, 0, 1, 2)
        for n, (name, title, color) in enumerate(CHARTS):
            chart = BarChart()
            chart.setObjectName(name)
            chart.label_width = 210
            chart.bar_clicked.connect(lambda key, name=name: self._clicked(name, key))
            chart.color = color
            chart.setAccessibleName(self.tr(title))
            box = QGroupBox(self.tr(title))
            inner = QVBoxLayout(box)
            inner.addWidget(chart)
            inner.addStretch(1)
            grid.addWidget(box, n // 2 + 1, n % 2)
            self.charts[name] = chart
            self.chart_boxes[name] = box
        # The overdue items themselves: with an adviser chosen above, that adviser's own list.
        self.overdue_box = QGroupBox(self.tr("Acciones vencidas (con un asesor elegido: las suyas)"))
        self.overdue_table = read_only_table("overdueTable", [self.tr("Vence"), self.tr("Empresa"), self.tr("Acción"),
                                                              self.tr("Responsable")], select_rows=True)
        self.overdue_table.setMinimumHeight(160)
        self.overdue_table.setWordWrap(False)
        header = self.overdue_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.overdue_table, context=Qt.ShortcutContext.WidgetShortcut,
                      activated=lambda: self._open_overdue(self.overdue_table.currentRow()))
        self.overdue_table.doubleClicked.connect(lambda index: self._open_overdue(index.row()))
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_table)
        grid.addWidget(self.overdue_box, (len(CHARTS) + 1) // 2 + 1, 0, 1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source_row)
        layout.addLayout(filters)
        layout.addWidget(scroll, 1)

        self.refresh_button.clicked.connect(self.refresh)
        for box in (self.use_from, self.use_to):
            box.toggled.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._date_changed)
        self.adviser.currentIndexChanged.connect(self.refresh)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.centre.currentIndexChanged.connect(self.refresh)
        self.stale_months.valueChanged.connect(self.refresh)
        context.signals.assessments_changed.connect(lambda _firm: self.refresh())
        context.signals.firms_changed.connect(self.refresh)
        context.signals.settings_changed.connect(self._fill_advisers)
        # Counting 100,000 firms takes about a second: only while the screen is
        # on view; a hidden Tablero just remembers that its numbers are old.
        self._stale = True

    # --- data ---------------------------------------------------------------

    def current_filter(self) -> DashboardFilter:
        """The filters as the widgets set them."""
        def iso(edit: QDateEdit) -> str:
            return edit.date().toString("yyyy-MM-dd")

        return DashboardFilter(
            date_from=iso(self.date_from) if self.use_from.isChecked() else None,
            date_to=iso(self.date_to) if self.use_to.isChecked() else None,
            adviser_id=self.adviser.currentData(),
            centre_id=self.centre.currentData() if self.on_server() else None,
        )

    def on_server(self) -> bool:
        """Whether the Tablero counts the centre server's portfolio instead of this laptop's."""
        return self.source.currentData() == "server"

    def refresh(self) -> None:
        """Recount everything under the current filters (when the screen is on view)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        f = self.current_filter()
        months = self.stale_months.value()
        lang, today, path = self.context.lang, self.today, self.context.storage.path
        on_server = self.on_server()

        def work(_progress):
            if on_server:  # counted by PostgreSQL on the centre's server
                with centre_service.open_portfolio(self.context.storage) as source:
                    return service.build_dashboard(source, f, lang, months, today)
            if path is None:  # an in-memory database cannot be reopened: count here
                return service.build_dashboard(self.context.storage, f, lang, months, today)
            from desktop.services.storage import open_database

            with open_database(path) as storage:
                return service.build_dashboard(storage, f, lang, months, today)

        self.filter = f
        self.context.runner.run(work, self._show, lambda exc: messages.show_error(self, exc),
                                label=self.tr("Calculando el tablero…"), parent_widget=self, cancellable=False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fill_sources()  # the server may have been set up in Sincronización meanwhile
        if self._stale:
            self.refresh()

    def _show(self, board: Dashboard) -> None:
        self.board = board
        self.total_label.setText(self.tr("{n} empresas").format(n=QLocale().toString(board.total_firms)))
        for name, chart in self.charts.items():
            rows: list[ChartRow] = getattr(board, name)
            chart.set_bars([Bar(i, r.label, r.count, QLocale().toString(r.count), chart.color)
                            for i, r in enumerate(rows)])
        self.chart_boxes["by_centre"].setVisible(bool(board.by_centre))
        if self.on_server():
            self._fill_centres(board.centres)
        if board.advisory is not None:
            self._show_advisory(board.advisory)
        fill_table(self.overdue_table, [(dt.date.fromisoformat(i["due_on"]).strftime("%d/%m/%Y"), i["legal_name"],
                                         i["title"], i["owner_name"] or self._owner_word(i["owner"]))
                                        for i in board.overdue_items])

    def _owner_word(self, owner: str) -> str:
        return self.tr("La empresa") if owner == "empresa" else self.tr("El centro")

    def _open_overdue(self, row: int) -> None:
        if self.board is not None and 0 <= row < len(self.board.overdue_items):
            self._open_firm(self.board.overdue_items[row]["firm_id"])

    def _advisory_titles(self) -> tuple[tuple[str, str], ...]:
        return (
            ("firms_advised", self.tr("Empresas asesoradas:")), ("hours", self.tr("Horas de asesoría:")),
            ("clients", self.tr("Clientes nuevos / que vuelven:")), ("women_led", self.tr("Dirigidas por mujeres:")),
            ("prep_travel", self.tr("Preparación / traslado (horas):")),
            ("jobs", self.tr("Empleos nuevos verificados (mujeres / hombres):")),
            ("sales", self.tr("Ventas adicionales verificadas (USD):")),
            ("exports", self.tr("Exportaciones verificadas (USD):")),
            ("finance", self.tr("Financiamiento verificado (USD):")),
            ("waiting", self.tr("Hitos que esperan verificación:")),
        )

    def _show_advisory(self, fig) -> None:
        n = QLocale().toString
        values = {
            "firms_advised": n(fig.firms_advised), "hours": QLocale().toString(float(fig.hours), "f", 1),
            "clients": f"{n(fig.new_clients)} / {n(fig.returning_clients)}", "women_led": n(fig.women_led),
            "jobs": f"{n(fig.jobs_women)} / {n(fig.jobs_men)}", "sales": n(fig.usd_by_kind["ventas"]),
            "exports": n(fig.usd_by_kind["exportacion"]), "finance": n(fig.usd_by_kind["financiamiento"]),
            "prep_travel": f"{QLocale().toString(float(fig.prep_hours), 'f', 1)} / "
                           f"{QLocale().toString(float(fig.travel_hours), 'f', 1)}",
            "waiting": n(fig.waiting_total),
        }
        for name, label in self.advisory_labels.items():
            label.setText(values[name])

    def advisory_values(self) -> dict[str, str]:
        """The advisory figures as shown (name -> text)."""
        return {name: label.text() for name, label in self.advisory_labels.items()}

    def rows(self, chart: str) -> list[ChartRow]:
        """The rows a chart shows."""
        return getattr(self.board, chart) if self.board else []

    # --- reactions ----------------------------------------------------------

    def _clicked(self, chart: str, index: int) -> None:
        row = self.rows(chart)[index]
        self.selection_requested.emit(row)
        if not self.show_lists or self.board is None:
            return
        try:
            source = (centre_service.open_portfolio(self.context.storage) if self.on_server()
                      else contextlib.nullcontext(self.context.storage))
            with source as counted:
                total, firms = service.firms_behind(counted, row, self.filter, self.board.cutoff)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.last_dialog = FirmListDialog(row.label, total, firms, self.context.lang, self)
        self.last_dialog.open_requested.connect(self._open_firm)
        self.last_dialog.open()

    def _open_firm(self, firm_id: str) -> None:
        """Open a listed firm here; a firm of another centre is on the server only."""
        if service.held_here(self.context.storage, firm_id):
            self.context.signals.firm_open_requested.emit(firm_id)
        else:
            messages.show_error(self, UserError(self.tr("Esa empresa está en el servidor del centro, no en este equipo.")))

    def _fill_sources(self) -> None:
        current = self.source.currentData() or "local"
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("Este equipo"), "local")
        if centre_service.configured_server(self.context.storage):
            self.source.addItem(self.tr("Servidor del centro"), "server")
        self.source.setCurrentIndex(max(self.source.findData(current), 0))
        self.source.blockSignals(False)
        self._show_centre_filter()

    def _fill_centres(self, centres: list[tuple[str, str]]) -> None:
        current = self.centre.currentData()
        self.centre.blockSignals(True)
        self.centre.clear()
        self.centre.addItem(self.tr("Todos"), None)
        for centre_id, name in centres:
            self.centre.addItem(name, centre_id)
        self.centre.setCurrentIndex(max(self.centre.findData(current), 0))
        self.centre.blockSignals(False)

    def _show_centre_filter(self) -> None:
        for widget in (self.centre_label, self.centre):
            widget.setVisible(self.on_server())
        self.source_row.setVisible(self.source.count() > 1)

    def _source_changed(self) -> None:
        self.centre.blockSignals(True)
        self.centre.clear()
        self.centre.blockSignals(False)
        self._show_centre_filter()
        self.refresh()

    def _date_changed(self) -> None:
        if self.use_from.isChecked() or self.use_to.isChecked():
            self.refresh()

    def _fill_advisers(self) -> None:
        current = self.adviser.currentData()
        self.adviser.blockSignals(True)
        self.adviser.clear()
        self.adviser.addItem(self.tr("Todos"), None)
        for adviser_id, name in service.advisers(self.context.storage):
            self.adviser.addItem(name, adviser_id)
        self.adviser.setCurrentIndex(max(self.adviser.findData(current), 0))
        self.adviser.blockSignals(False)
