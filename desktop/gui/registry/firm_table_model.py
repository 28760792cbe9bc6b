"""A lazy table model over the firm list: it holds a count and pages of rows.

At 100,000 firms a model that loads every row (or a QSortFilterProxyModel over
one) takes seconds per keystroke. This one keeps only the row count of the
current query and a small cache of fetched pages; searching, filtering and
sorting are new queries answered by SQL (:mod:`desktop.services.registry.firm_list`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.sizing import class_label
from desktop.services import sizing
from desktop.services.registry import firm_list
from desktop.services.registry.firm_list import FirmQuery

PAGE_SIZE = 200
MAX_CACHED_PAGES = 20

# Named roles (habit 10): the firm id and the raw value behind a cell.
FirmIdRole = Qt.ItemDataRole.UserRole + 1
RawValueRole = Qt.ItemDataRole.UserRole + 2

# (field, header, sort key or None)
COLUMNS = (
    ("legal_name", "Razón social", "legal_name"),
    ("trade_name", "Nombre comercial", "trade_name"),
    ("tax_id", "NIT / Id. fiscal", None),
    ("country", "País", "country"),
    ("municipality", "Municipio", "municipality"),
    ("sector_isic", "Sector (CIIU)", "sector_isic"),
    ("employees", "Empleados", "employees"),
    ("sales_usd", "Ventas (USD)", "sales_usd"),
    ("size_class", "Tamaño", "size_class"),
    ("updated_at", "Actualizada", "updated_at"),
)
NUMERIC = {"employees", "sales_usd"}


class FirmTableModel(QAbstractTableModel):
    """Rows of the current :class:`FirmQuery`, fetched a page at a time."""

    def __init__(self, storage, parent=None, lang: str = "es"):
        super().__init__(parent)
        self.storage = storage
        self.lang = lang
        self.query = FirmQuery()
        # The size column shows the class the centre chose for lists (the law in force by default).
        self.size_field = sizing.list_column(storage)
        self._count = firm_list.count_firms(storage, self.query)
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()

    # -- queries ---------------------------------------------------------
    def set_query(self, query: FirmQuery) -> None:
        """Show the firms of ``query`` (a new search, filter or order)."""
        self.beginResetModel()
        # Only a new order lists the same firms: the count is kept, not asked again.
        reordered = query != self.query and replace(
            query, sort_key=self.query.sort_key, descending=self.query.descending) == self.query
        self.query = query
        self._pages.clear()
        if not reordered:
            self._count = firm_list.count_firms(self.storage, query)
        self.endResetModel()

    def set_text(self, text: str) -> None:
        """Search as the user types."""
        self.set_query(replace(self.query, text=text))

    def refresh(self) -> None:
        """Re-run the current query (after an edit, an import, a new choice of size class ...)."""
        self.size_field = sizing.list_column(self.storage)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.set_query(self.query)

    def firm_id(self, row: int) -> str | None:
        """The id of the firm shown on ``row``."""
        record = self._row(row)
        return record["id"] if record else None

    def _row(self, row: int) -> dict | None:
        if not 0 <= row < self._count:
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            ids = firm_list.firm_ids(self.storage, self.query, offset=page_number * PAGE_SIZE, limit=PAGE_SIZE)
            page = firm_list.firm_rows(self.storage, ids)
            self._pages[page_number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _display(self, field: str, value) -> str:
        if value is None or value == "":
            return ""
        if field in ("size_class", "size_law_class"):
            return class_label(value, self.lang)
        if field in NUMERIC:
            return QLocale().toString(int(value))
        if field == "updated_at":
            return str(value)[:10]
        return str(value)

    def _field(self, column: int) -> str:
        field = COLUMNS[column][0]
        return self.size_field if field == "size_class" else field

    # -- Qt overrides ----------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._row(index.row())
        if record is None:
            return None
        field = self._field(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(field, record.get(field))
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FirmIdRole:
            return record["id"]
        if role == RawValueRole:
            return record.get(field)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if COLUMNS[section][0] == "size_class":
                return self.tr("Tamaño (ley)") if self.size_field == "size_law_class" else self.tr("Tamaño (estudio)")
            return self.tr(COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._field(column) if 0 <= column < len(COLUMNS) and COLUMNS[column][2] else None
        if key is None:
            return
        # A reset, not a layout change: rows are re-fetched lazily, so there
        # are no persistent indexes to carry over.
        self.set_query(replace(self.query, sort_key=key, descending=order == Qt.SortOrder.DescendingOrder))

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
