"""What the import dialog shows before anything is checked: which column goes
to which field, and the first rows of the file.

Reading the file is the importer's own code (:mod:`desktop.domain.registry.tabular`),
so the preview shows exactly the mapping the import will use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.registry.tabular import map_headers, read_table, unescape_cell
from desktop.domain.registry.validation import FIELD_LABELS
from desktop.services.registry.importing import REQUIRED_COLUMNS


@dataclass
class ColumnMapping:
    """One column of the file: its header, and the firm field it fills (None: ignored)."""

    header: str
    field: str | None
    label: str | None


@dataclass
class ImportPreview:
    """The file as the import will read it.

    Attributes:
        columns: every column in file order with its field.
        rows: the first rows (cells as read).
        total_rows: how many data rows the file has.
        missing: Spanish labels of the required columns the file lacks.
    """

    path: Path
    columns: list[ColumnMapping]
    rows: list[list[Any]]
    total_rows: int
    missing: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def preview_file(path: str | os.PathLike, rows: int = 10) -> ImportPreview:
    """Read a CSV or XLSX file and say how its columns map to firm fields.

    Raises:
        UserError: the file cannot be read (missing, not CSV/XLSX, empty ...).
    """
    path = Path(path)
    table = read_table(path)
    header_map = map_headers(table.header)
    by_index = {index: name for name, index in header_map.columns.items()}
    columns = [ColumnMapping(str(header or ""), by_index.get(i), FIELD_LABELS.get(by_index.get(i) or ""))
               for i, header in enumerate(table.header)]
    missing = [FIELD_LABELS[name] for name in REQUIRED_COLUMNS if name not in header_map.columns]
    first = [[unescape_cell(c) for c in cells] for _number, cells in table.rows[:rows]]
    return ImportPreview(path, columns, first, len(table.rows), missing, table.encoding, table.delimiter)
