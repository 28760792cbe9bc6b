"""Exporting firms and assessments to CSV or XLSX, streamed.

CSV files are UTF-8 with a BOM (so Excel shows accents right) and ``,`` as
the separator; XLSX files are written with openpyxl's write-only mode. Both
are written row by row from a database cursor, so 100,000 firms never sit in
memory, into a temporary file that replaces the target only when complete.

Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``) get a leading apostrophe; the importer removes it again.
The firm headers are the Spanish field labels, which the importer maps back,
so an export can be imported into another database. Coded values are written
in words in the export's language, as the screens show them ("Pequeña
empresa", "Exportadora indirecta", "Sociedad anónima", "sí"); the importer
reads those words back, and recomputes the derived columns (size, stage, band).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from db.firms import FIRM_FIELDS
from db.queries import firm_io
from desktop.domain.errors import UserError
from desktop.domain.assessment import label as assessment_label
from desktop.domain.registry.tabular import HEADER_SYNONYMS, escape_cell
from desktop.domain.registry.validation import FIELD_LABELS, LEGAL_FORM_LABELS
from desktop.domain.sizing import CLASS_LABELS

# Firm columns: the canonical fields (Spanish labels), then derived and record fields.
FIRM_COLUMNS: list[tuple[str, str]] = (
    [("id", "Id")]
    + [(f, FIELD_LABELS[f]) for f in FIRM_FIELDS if f in FIELD_LABELS and f != "adviser_id"]
    + [("sales_usd", "Ventas (USD)"), ("assets_usd", "Activos (USD)"), ("exports_usd", "Exportaciones (USD)"),
       ("size_class", "Tamaño"), ("stage", "Etapa de internacionalización"), ("band", "Nivel de preparación"),
       ("adviser_id", "Id del asesor"), ("created_at", "Creada"), ("updated_at", "Modificada")]
)
# Columns an export writes that Rumbo computes or assigns itself; an import recomputes them.
CALCULATED_HEADERS = frozenset(label for name, label in FIRM_COLUMNS if name not in HEADER_SYNONYMS)
ASSESSMENT_COLUMNS: list[tuple[str, str]] = [
    ("id", "Id"), ("firm_id", "Id de la empresa"), ("firm_legal_name", "Razón social"),
    ("firm_tax_id", "Identificación tributaria"), ("firm_country", "País"), ("adviser_id", "Id del asesor"),
    ("questionnaire_id", "Cuestionario"), ("questionnaire_version", "Versión del cuestionario"),
    ("status", "Estado"), ("started_at", "Iniciada"), ("completed_at", "Completada"),
    ("readiness_index", "Índice de preparación"), ("band", "Nivel de preparación"), ("stage", "Etapa"),
    ("profile", "Perfil"),
]
# Amount columns written as numbers in XLSX (text in the database, whole units).
_NUMERIC_TEXT = {"usd_rate", "sales_amount", "assets_amount", "exports_amount"}
_PROGRESS_EVERY = 2000
_STATUS = {"draft": ("Borrador", "Draft"), "completed": ("Terminada", "Completed")}


def worded(name: str, code: Any, lang: str = "es") -> Any:
    """A coded value as people read it in ``lang``: size, stage, band, profile, status, legal form.

    Other values and unknown codes come back unchanged.
    """
    if not isinstance(code, str):
        return code
    en = lang == "en"
    if name == "size_class" and code in CLASS_LABELS:
        return CLASS_LABELS[code].text(lang)
    if name in ("stage", "band", "profile"):
        return assessment_label(name, code, lang)
    table = {"legal_form": LEGAL_FORM_LABELS, "status": _STATUS}.get(name)
    if table and code in table:
        return table[code][1 if en else 0]
    return code


def _cell(name: str, value: Any, xlsx: bool, lang: str = "es") -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("sí" if value else "no")
    value = worded(name, value, lang)
    if xlsx and name in _NUMERIC_TEXT:
        number = Decimal(str(value))
        return int(number) if number == number.to_integral_value() else float(number)
    return escape_cell(value) if isinstance(value, str) else value


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(f"No se puede exportar a «{path.name}»: use un archivo .csv o .xlsx.", field="path")
    return suffix


def write_csv_rows(path: Path, header: list[str], rows: Iterable[Iterable[Any]], encoding: str = "utf-8-sig",
                   delimiter: str = ",", line_end: str = "\r\n") -> None:
    """Write a CSV (UTF-8 with BOM and ``,`` unless told), escaping formula-like text cells.

    A character the encoding cannot hold becomes "?" (only text from other files can bring one).
    """
    with open(path, "w", encoding=encoding, errors="replace", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator=line_end)
        writer.writerow([escape_cell(h) for h in header])
        for row in rows:
            writer.writerow(["" if c is None else escape_cell(c) if isinstance(c, str) else c for c in row])


def _write_xlsx(path: Path, title: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for row in rows:
        # Control characters are not allowed in XLSX text; they carry no meaning in firm data.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    workbook.save(path)


def _export(path: str | os.PathLike, title: str, columns: list[tuple[str, str]], records: Iterator[dict],
            total: int, progress: Callable[[int, int], None] | None, cancel, lang: str = "es") -> int:
    path = Path(path)
    xlsx = _kind(path) == ".xlsx"
    if not path.parent.is_dir():
        raise UserError(f"La carpeta «{path.parent}» no existe.", field="path")
    count = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal count
        for record in records:
            count += 1
            if count % _PROGRESS_EVERY == 0:
                if progress:
                    progress(count, total)
                if cancel is not None and (cancel.is_set() if hasattr(cancel, "is_set") else cancel()):
                    raise _Cancelled
            yield [_cell(name, record.get(name), xlsx, lang) for name, _label in columns]

    header = [label for _name, label in columns]
    temp = path.with_name(f".{path.name}.tmp")
    try:
        if xlsx:
            _write_xlsx(temp, title, header, rows())
        else:
            write_csv_rows(temp, header, rows())
        os.replace(temp, path)
    except _Cancelled:
        temp.unlink(missing_ok=True)
        return -1
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"No se puede escribir «{path}»: {exc.strerror or exc}.", field="path") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if progress:
        progress(count, total)
    return count


class _Cancelled(Exception):
    pass


def export_firms(storage, path: str | os.PathLike, progress: Callable[[int, int], None] | None = None,
                 cancel=None, lang: str = "es") -> int:
    """Write every live firm to a .csv or .xlsx file, coded values worded in ``lang``.

    Returns:
        The number of firms written, or -1 if cancelled (then no file is left).

    Raises:
        UserError: unknown extension or a folder that does not exist or cannot be written.
    """
    _kind(Path(path))
    return _export(path, "Empresas", FIRM_COLUMNS, firm_io.iter_firms(storage),
                   firm_io.count_live_firms(storage), progress, cancel, lang)


def export_assessments(storage, path: str | os.PathLike, progress: Callable[[int, int], None] | None = None,
                       cancel=None, lang: str = "es") -> int:
    """Write every live assessment (with its firm's name, tax id and country) to .csv or .xlsx.

    Band, stage, profile and status are worded in ``lang``.

    Returns:
        The number of assessments written, or -1 if cancelled.
    """
    _kind(Path(path))
    return _export(path, "Evaluaciones", ASSESSMENT_COLUMNS, firm_io.iter_assessments(storage),
                   firm_io.count_live_assessments(storage), progress, cancel, lang)
