"""The "Empresas" screen: the firm registry with search, filters, sort and counts.

Search runs as the user types (after a short pause so a fast typist does not
queue a query per letter); every filter and sort is a new SQL query through the
lazy :class:`FirmTableModel`. Opening, creating, importing and exporting are
signals the application wires to their dialogs.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import LABELS as ASSESSMENT_LABELS
from desktop.domain.sizing import class_label, supported_countries
from desktop.gui.registry.firm_table_model import FirmTableModel
from desktop.gui.shared.accessibility import add_shortcut
from desktop.services.advisers import list_advisers

SEARCH_DELAY_MS = 150
SIZE_CLASSES = ("micro", "pequena", "mediana", "grande", "sin_clasificar")


class FirmsPage(QWidget):
    """Firm list with search-as-you-type, filters and actions."""

    open_requested = Signal(str)
    new_requested = Signal()
    import_requested = Signal()
    duplicates_requested = Signal()
    export_requested = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        lang = context.lang

        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Buscar por nombre, NIT, municipio o persona (Ctrl+F)"))
        self.country = self._combo("countryFilter", self.tr("Todos los países"),
                                   [(code, name) for code, name in supported_countries()])
        self.size_class = self._combo("sizeFilter", self.tr("Todos los tamaños"),
                                      [(code, class_label(code, lang)) for code in SIZE_CLASSES])
        self.stage = self._combo("stageFilter", self.tr("Todas las etapas"),
                                 [(c, t.text(lang)) for c, t in ASSESSMENT_LABELS["stage"].items()])
        self.band = self._combo("bandFilter", self.tr("Todas las bandas"),
                                [(c, t.text(lang)) for c, t in ASSESSMENT_LABELS["band"].items()])
        self.adviser = self._combo("adviserFilter", self.tr("Todos los asesores"), self._advisers())
        self.sector = QLineEdit(objectName="sectorFilter", placeholderText=self.tr("CIIU"))
        self.sector.setFixedWidth(64)
        self.count_label = QLabel(objectName="countLabel")
        for widget, name in ((self.search, self.tr("Buscar empresas")),
                             (self.country, self.tr("Filtrar por país")),
                             (self.size_class, self.tr("Filtrar por tamaño")),
                             (self.sector, self.tr("Filtrar por actividad (CIIU)")),
                             (self.stage, self.tr("Filtrar por etapa")),
                             (self.band, self.tr("Filtrar por banda")),
                             (self.adviser, self.tr("Filtrar por asesor"))):
            widget.setAccessibleName(name)
        self.search.setAccessibleDescription(self.search.placeholderText())

        self.new_button = QPushButton(self.tr("&Nueva empresa"), objectName="newFirm")
        self.open_button = QPushButton(self.tr("&Abrir"), objectName="openFirm")
        self.import_button = QPushButton(self.tr("&Importar…"), objectName="importFirms")
        self.export_button = QPushButton(self.tr("E&xportar…"), objectName="exportFirms")
        self.duplicates_button = QPushButton(self.tr("Posibles &duplicados…"), objectName="findDuplicates")

        self.model = FirmTableModel(context.storage, self, lang=lang)
        self.table = QTableView(objectName="firmTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((240, 160, 130, 50, 130, 90, 80, 110, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(self.tr("Lista de empresas"))
        self.table.setAccessibleDescription(self.tr("Una fila por empresa. Enter abre la elegida; "
                                                    "un clic en un título de columna ordena la lista."))

        # Search on its own row, filters below: the page must fit a 1366-pixel laptop screen.
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        filters = QHBoxLayout()
        for widget in (self.country, self.size_class, self.sector, self.stage, self.band, self.adviser):
            filters.addWidget(widget)
            if isinstance(widget, QComboBox):
                widget.setMinimumWidth(90)  # full width when there is room; narrower at 150 % on a laptop
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        for button in (self.new_button, self.open_button, self.import_button, self.export_button,
                       self.duplicates_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.sector.textChanged.connect(self._search_timer.start)
        for combo in (self.country, self.size_class, self.stage, self.band, self.adviser):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.model.modelReset.connect(self._update_count)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_current)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.duplicates_button.clicked.connect(self.duplicates_requested)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        add_shortcut(self.new_button, QKeySequence.StandardKey.New)
        add_shortcut(self.import_button, "Ctrl+I")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=self.open_current,
                      context=Qt.ShortcutContext.WidgetShortcut)
        context.signals.firms_changed.connect(self.model.refresh)
        context.signals.settings_changed.connect(self._reload_advisers)
        self._update_count()

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filters(self) -> None:
        """Run the query that the search box and the filters describe."""
        self._search_timer.stop()
        self.model.set_query(replace(
            self.model.query,
            text=self.search.text(),
            country=self.country.currentData(),
            # The size filter reads the same class the list shows (the centre's choice).
            **{self.model.size_field: self.size_class.currentData(),
               ("size_class" if self.model.size_field == "size_law_class" else "size_law_class"): None},
            sector=self.sector.text().strip() or None,
            stage=self.stage.currentData(),
            band=self.band.currentData(),
            adviser_id=self.adviser.currentData(),
        ))

    def open_current(self) -> None:
        """Open the selected firm (or the first listed one)."""
        index = self.table.currentIndex()
        self._open_row(index.row() if index.isValid() else 0)

    def _open_row(self, row: int) -> None:
        firm_id = self.model.firm_id(row)
        if firm_id:
            self.open_requested.emit(firm_id)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(QLocale().toString(total) + (self.tr(" empresas") if total != 1 else self.tr(" empresa")))
        self.open_button.setEnabled(total > 0)

    def _combo(self, name: str, everything: str, items) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        return combo

    def _advisers(self) -> list[tuple[str, str]]:
        return [(a["id"], a["name"]) for a in list_advisers(self.context.storage)]

    def _reload_advisers(self) -> None:
        current = self.adviser.currentData()
        self.adviser.blockSignals(True)
        while self.adviser.count() > 1:
            self.adviser.removeItem(1)
        for code, text in self._advisers():
            self.adviser.addItem(text, code)
        index = self.adviser.findData(current)
        self.adviser.setCurrentIndex(max(index, 0))
        self.adviser.blockSignals(False)
