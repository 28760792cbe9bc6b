"""Benchmark tables of the source (Cuadros 2, 3, 4 and 8) as data, with citations.

Figures are copied exactly (reference.md §2). Some cells are bounds ("<2",
"less than 2") or missing ("n.d."); a :class:`BenchmarkValue` keeps the
qualifier so a report never prints "less than 2" as 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.domain.datafiles import read_json
from desktop.domain.errors import DataFileError
from desktop.domain.text import Text
from desktop.resources import resource_path

DEFAULT_PATH = ("benchmarks", "cepal-2013.json")
TABLES = ("cuadro_2", "cuadro_3", "cuadro_4", "cuadro_8")
REGIONS = ("america_latina", "europa_este", "asia_oriental")


@dataclass(frozen=True)
class BenchmarkValue:
    """One cell: ``value`` with ``qualifier`` "" (exact) or "<" (less than)."""

    table: str
    row: str
    column: str
    value: Decimal
    qualifier: str
    unit: str
    citation: str
    title: Text

    def text(self, lang: str = "es") -> str:
        """The value as a reader should see it, e.g. "9,1 %" or "menos de 2 %"."""
        number = str(self.value).replace(".", ",") if lang == "es" else str(self.value)
        if self.qualifier == "<":
            number = ("menos de " if lang == "es" else "less than ") + number
        return f"{number} %" if self.unit.startswith("%") else number


@dataclass(frozen=True)
class Benchmarks:
    """The loaded tables; look cells up with :meth:`value` or the helpers."""

    id: str
    version: str
    tables: dict

    def value(self, table: str, row: str, column: str) -> BenchmarkValue | None:
        """The cell at ``row``/``column`` of ``table``, or None when absent or "n.d."."""
        spec = self.tables.get(table)
        if spec is None or row not in spec["rows"] or column not in spec["columns"]:
            return None
        cell = spec["rows"][row][spec["columns"].index(column)]
        if cell is None:
            return None
        qualifier = "<" if cell.startswith("<") else ""
        return BenchmarkValue(table, row, column, Decimal(cell.lstrip("<")), qualifier, spec["unit"],
                              spec["citation"], Text(**spec["title"]))

    def exporting_share(self, size_class: str, region: str = "america_latina") -> BenchmarkValue | None:
        """Share of firms of ``size_class`` exporting directly or indirectly (Cuadro 8; no micro)."""
        return self.value("cuadro_8", region, size_class)

    def firm_share(self, country: str, size_class: str) -> BenchmarkValue | None:
        """Share of all firms in ``country`` that are of ``size_class`` (Cuadro 2)."""
        return self.value("cuadro_2", country, size_class)

    def relative_productivity(self, country: str, size_class: str) -> BenchmarkValue | None:
        """Productivity of ``size_class`` as % of large firms' in ``country`` (Cuadro 4)."""
        return self.value("cuadro_4", country, size_class)

    def pyme_share(self, country: str, measure: str) -> BenchmarkValue | None:
        """Pymes' share of ``measure`` ("empleo", "ventas", "exportaciones") in ``country`` (Cuadro 3)."""
        return self.value("cuadro_3", country, measure)

    def context_for(self, country: str | None, size_class: str | None) -> list[BenchmarkValue]:
        """Every benchmark cell that speaks about a firm of this country and size."""
        found = [
            self.exporting_share(size_class) if size_class else None,
            self.firm_share(country, size_class) if country and size_class else None,
            self.relative_productivity(country, size_class) if country and size_class else None,
            self.pyme_share(country, "exportaciones") if country and size_class in ("pequena", "mediana") else None,
        ]
        return [v for v in found if v is not None]


def load_benchmarks(path: str | Path | None = None) -> Benchmarks:
    """Load and check the benchmark file (the shipped one by default).

    Raises:
        DataFileError: the file is missing, not JSON, or a table is malformed.
    """
    path = Path(path) if path is not None else resource_path(*DEFAULT_PATH)
    where = str(path)
    raw = read_json(path)
    tables = raw.get("tables") if isinstance(raw, dict) else None
    if not isinstance(tables, dict) or set(tables) != set(TABLES):
        raise DataFileError(where, f"«tables» debe tener exactamente: {', '.join(TABLES)}")
    for name, spec in tables.items():
        for key in ("title", "citation", "unit", "columns", "rows"):
            if key not in spec:
                raise DataFileError(where, f"{name}: falta «{key}»")
        for row, cells in spec["rows"].items():
            if len(cells) != len(spec["columns"]):
                raise DataFileError(where, f"{name}, fila {row}: tiene {len(cells)} celdas y hay {len(spec['columns'])} columnas")
            for cell in cells:
                try:
                    if cell is not None:
                        Decimal(str(cell).lstrip("<"))
                except InvalidOperation:
                    raise DataFileError(where, f"{name}, fila {row}: valor no numérico «{cell}»") from None
    return Benchmarks(raw.get("id", ""), raw.get("version", ""), tables)
