"""Small read-only tables (previews, histories, lists of rejects) shown with QTableWidget."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def read_only_table(name: str, headers: Sequence[str], *, select_rows: bool = False) -> QTableWidget:
    """A table the user reads but does not edit: no row numbers, the last column stretched.

    Args:
        name: its objectName (tests and style sheets find it by that).
        headers: the column titles.
        select_rows: a click selects the whole row (for tables whose rows open something).
    """
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    """Show ``rows`` (one sequence of values per row; None shows as blank) in ``table``."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
