"""The firm list through the real lazy Qt model, beside the SQL floor and a typical proxy model."""

from __future__ import annotations

import time
from dataclasses import replace

from tests.benchmarks.bench_common import Measure, median_ms

VISIBLE_ROWS = 30  # a firm table on a laptop screen shows about this many rows
SEARCHES = [("1 letter", "p", "á"), ("2 letters", "pa", "lá"), ("5 letters", "panad", "lácte")]
FILTERS = [("country = SV", {"country": "SV"}), ("size = pequeña", {"size_class": "pequena"}),
           ("band = preparada", {"band": "preparada"}), ("sector starts 10", {"sector": "10"}),
           ("SV + micro + text 'tienda'", {"country": "SV", "size_class": "micro", "text": "tienda"})]
BUDGET_MS = 50


def _read_visible(model, first: int = 0) -> None:
    for row in range(first, min(first + VISIBLE_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))


def _floor(storage, query) -> None:
    """The raw SQLite work for the same screenful: the count and the first visible rows."""
    from db.queries.search import SORT_KEYS, _where

    where, params = _where(query)
    conn = storage.conn
    conn.execute(f"SELECT count(*) FROM firms f WHERE {where}", params).fetchone()
    direction = "DESC" if query.descending else "ASC"
    conn.execute(f"SELECT f.* FROM firms f WHERE {where} ORDER BY {SORT_KEYS[query.sort_key]} {direction}, "
                 f"f.id {direction} LIMIT {VISIBLE_ROWS}", params).fetchall()


def measure_list(storage, repeat: int = 7, proxy: bool = True) -> list[Measure]:
    from PySide6.QtCore import Qt

    from db.queries.search_hits import forget
    from desktop.gui.registry.firm_table_model import COLUMNS, FirmTableModel
    from desktop.services.registry.firm_list import FirmQuery

    results = []
    model = FirmTableModel(storage)
    n = model.rowCount()

    def timed(name, change, query):
        def run():
            change()
            _read_visible(model)
        value, runs = median_ms(run, repeat)
        floor, _ = median_ms(lambda: _floor(storage, query), repeat)
        results.append(Measure(name, value, reference=floor, reference_name="raw SQL", budget=BUDGET_MS, runs=runs))

    for label, plain, accented in SEARCHES:
        for text in (plain, accented):
            # Typing: the model goes from the empty list to this text each time.
            def change(t=text):
                model.set_text("")
                forget()  # a keystroke meets a text never searched before: no cached hits
                model.set_text(t)
            timed(f"Search '{text}' ({label}{', accent' if text != plain else ''})", change,
                  replace(model.query, text=text))
    model.set_text("")
    for column, (field, _header, key) in enumerate(COLUMNS):
        if key is None:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            timed(f"Sort by {field} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}",
                  lambda c=column, o=order: model.sort(c, o),
                  FirmQuery(sort_key=key, descending=order == Qt.SortOrder.DescendingOrder))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    for label, values in FILTERS:
        query = FirmQuery(**values)
        def change(q=query):
            forget()
            model.set_query(q)
        timed(f"Filter {label}", change, query)
    model.set_query(FirmQuery())

    def jump_to_end():
        model.refresh()
        _read_visible(model, max(0, model.rowCount() - VISIBLE_ROWS))
    value, runs = median_ms(jump_to_end, repeat)
    results.append(Measure("Jump to the end of the list (last screenful)", value, budget=BUDGET_MS, runs=runs))

    def scroll_all():
        model.refresh()
        for first in range(0, model.rowCount(), VISIBLE_ROWS):
            model.data(model.index(first, 0))
    start = time.perf_counter()
    scroll_all()
    total = (time.perf_counter() - start) * 1000
    screens = max(1, -(-n // VISIBLE_ROWS))
    results.append(Measure("Scroll through the whole list, per screenful", total / screens, budget=BUDGET_MS,
                           note=f"{screens:,} screenfuls, {total / 1000:.1f} s in all"))
    if proxy:
        results += measure_proxy(storage, repeat=3)
    return results


def measure_proxy(storage, repeat: int = 3) -> list[Measure]:
    """What a typical Qt app does: every row in memory behind a QSortFilterProxyModel.

    (A QStandardItemModel with an item per cell crashed PySide6 6.12 at this
    size, "deallocating None", so the rows sit in a plain table model.)
    """
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

    from desktop.gui.registry.firm_table_model import COLUMNS

    fields = [c[0] for c in COLUMNS]

    class AllRows(QAbstractTableModel):
        def __init__(self, rows):
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(fields)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return self.rows[index.row()][index.column()]

    holder = {}

    def setup():
        rows = [tuple("" if v is None else str(v) for v in r) for r in storage.conn.execute(
            f"SELECT {', '.join(fields)} FROM firms WHERE deleted_at IS NULL")]
        source = AllRows(rows)
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(source)
        proxy.setFilterKeyColumn(0)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        holder.update(source=source, proxy=proxy)

    start = time.perf_counter()
    setup()
    setup_ms = (time.perf_counter() - start) * 1000
    proxy = holder["proxy"]

    def search(text):
        proxy.setFilterFixedString("")
        proxy.setFilterFixedString(text)
        for row in range(min(VISIBLE_ROWS, proxy.rowCount())):
            for column in range(proxy.columnCount()):
                proxy.data(proxy.index(row, column))
    filter_ms, runs = median_ms(lambda: search("pa"), repeat, warmup=0)

    def sort():
        proxy.sort(0, Qt.SortOrder.DescendingOrder)
        proxy.sort(0, Qt.SortOrder.AscendingOrder)
    sort_ms, sort_runs = median_ms(sort, repeat, warmup=0)
    return [
        Measure("Proxy model: set-up with all rows", setup_ms,
                note="every live firm read into memory behind a QSortFilterProxyModel"),
        Measure("Proxy model: search 'pa' (name column)", filter_ms, budget=BUDGET_MS, runs=runs),
        Measure("Proxy model: sort by name (twice: desc, asc)", sort_ms, budget=BUDGET_MS, runs=sort_runs),
    ]
