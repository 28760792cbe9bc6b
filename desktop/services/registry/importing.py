"""Importing client firms from a CSV or XLSX file.

The whole file is read, every row is checked and compared with the firms
already stored and with the earlier rows of the file, and only then are the
good rows written, all in one transaction: an import ends with either all of
its accepted rows stored or none of them.

Rejected rows are listed in the summary with their row number (as a
spreadsheet shows it) and the reason, and, when asked, written to a CSV with
the file's original columns plus ``fila`` and ``motivo``. The rejects file is
written like the file it came from (same separator and encoding, the cells as
typed), so it can be fixed and imported again: the importer knows the two
extra columns and leaves them out.

Amounts with cents are stored rounded to whole units (the size rules and the
reports count whole dollars); an accepted row whose amount was rounded keeps
a line in the firm's notes saying from what to what, and the summary lists it.

Dry run: the database is not touched at all, but a rejects file that the user
asked for *is* written, because it is the point of a rehearsal: fixing the
file before the real import.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import firms as firm_repo
from db.firms import FIRM_FIELDS
from db.queries import firm_io
from desktop.domain.errors import UserError
from desktop.domain.registry.dedupe import DuplicateIndex
from desktop.domain.registry.tabular import HeaderMap, Table, fold, map_headers, read_table, unescape_row
from desktop.domain.registry.validation import FIELD_LABELS, clean_firm, rounding_note, tax_id_note
from desktop.services.gcpause import paused_gc
from desktop.services.registry.exporting import CALCULATED_HEADERS, write_csv_rows
from desktop.services.registry.fields import size_fields

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("legal_name", "country")
# The columns a rejects file adds after the file's own; an import of a fixed rejects file leaves them out.
REJECTS_HEADERS = ("fila", "motivo")
_NOTES_LIMIT = 10_000  # the longest notes validation accepts
_PROGRESS_EVERY = 1000

# The phases of an import, as reported to ``progress``, and the share of the
# bar each one fills (from their times at 100,000 rows: storing is the longest).
PHASES = {"clean": (0, 25), "duplicates": (25, 40), "classify": (40, 45), "store": (45, 100)}


def _phase_reporter(progress: Callable[[int, int, str], None] | None) -> Callable[[str, float], None]:
    """``report(phase, share)``: the share (0..1) of a phase done, as a percentage of the import."""
    def report(phase: str, share: float) -> None:
        if progress:
            start, end = PHASES[phase]
            progress(int(start + (end - start) * min(max(share, 0.0), 1.0)), 100, phase)
    return report


@dataclass
class RejectedRow:
    """A row that was not imported.

    Attributes:
        row_number: the row as a spreadsheet numbers it (the header is row 1).
        reason: one or more Spanish sentences saying what is wrong.
        cells: the row's original cells.
        duplicate: True when the row was refused as a duplicate.
    """

    row_number: int
    reason: str
    cells: list[Any]
    duplicate: bool = False


@dataclass
class RoundedRow:
    """An accepted row with amounts whose cents were rounded away.

    Attributes:
        row_number: the row as a spreadsheet numbers it.
        changes: one «Ventas anuales de 85.000,50 a 85.001» per amount.
    """

    row_number: int
    changes: list[str]


@dataclass
class ImportSummary:
    """What an import did (or, in a dry run, would do)."""

    path: Path
    dry_run: bool = False
    rows_read: int = 0
    accepted: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rounded: list[RoundedRow] = field(default_factory=list)
    firm_ids: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rejects_path: Path | None = None
    cancelled: bool = False
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def duplicates(self) -> int:
        """How many rejected rows were duplicates."""
        return sum(1 for r in self.rejected if r.duplicate)

    def text(self) -> str:
        """A short Spanish summary for the command line."""
        if self.cancelled:
            return "Importación cancelada: no se guardó ninguna empresa."
        verb = "se importarían" if self.dry_run else "importadas"
        lines = [
            f"Archivo: {self.path.name}" + (" (simulación: no se guardó nada)" if self.dry_run else ""),
            f"Filas leídas: {self.rows_read}",
            f"Empresas {verb}: {self.accepted}" if not self.dry_run else f"Empresas que {verb}: {self.accepted}",
            f"Filas rechazadas: {len(self.rejected)} (duplicadas: {self.duplicates})",
        ]
        calculated = [c for c in self.ignored_columns if c in CALCULATED_HEADERS]
        rejects = [c for c in self.ignored_columns if fold(c) in REJECTS_HEADERS]
        unknown = [c for c in self.ignored_columns if c not in CALCULATED_HEADERS and c not in rejects]
        if calculated:
            lines.append("Columnas que Rumbo calcula o asigna (se recalculan, no se importan): " + ", ".join(calculated))
        if rejects:
            lines.append("Columnas del archivo de rechazos (no se importan): " + ", ".join(rejects))
        if unknown:
            lines.append("Columnas no reconocidas (ignoradas): " + ", ".join(unknown))
        lines += self.notes
        for row in self.rejected[:10]:
            lines.append(f"  Fila {row.row_number}: {row.reason}")
        if len(self.rejected) > 10:
            lines.append(f"  … y {len(self.rejected) - 10} filas rechazadas más.")
        if self.rejects_path:
            lines.append(f"Filas rechazadas con su motivo en: {self.rejects_path}")
        return "\n".join(lines)


def _check_header(header_map: HeaderMap, path: Path) -> None:
    if not header_map.columns:
        raise UserError(f"La primera fila de «{path.name}» no tiene encabezados reconocibles "
                        "(por ejemplo «Razón social», «País», «NIT», «Empleados»).", field="path")
    missing = [FIELD_LABELS[f] for f in REQUIRED_COLUMNS if f not in header_map.columns]
    if missing:
        raise UserError(f"Al archivo «{path.name}» le falta la columna obligatoria: {' y '.join(missing)}.",
                        field="path")


@dataclass
class ImportSource:
    """A table file read and its header mapped, ready to import (see :func:`read_import_file`)."""

    path: Path
    table: Table
    header_map: HeaderMap


def read_import_file(path: str | os.PathLike) -> ImportSource:
    """Read a CSV/XLSX file and map its header, before any database is touched.

    Raises:
        UserError: the file is missing, not CSV/XLSX, empty, or has no
            recognisable header (or lacks the razón social or país column).
    """
    path = Path(path)
    table = read_table(path)
    header_map = map_headers(table.header)
    _check_header(header_map, path)
    return ImportSource(path, table, header_map)


def check_rejects_path(rejects: Path | None) -> None:
    if rejects is None:
        return
    if rejects.suffix.lower() != ".csv":
        raise UserError(f"El archivo de filas rechazadas «{rejects.name}» debe terminar en .csv.", field="rejects")
    if not rejects.parent.is_dir():
        raise UserError(f"La carpeta «{rejects.parent}» del archivo de rechazos no existe.", field="rejects")


class _Cancelled(Exception):
    """Raised through the duplicate screen's progress callback when the user cancels."""


def _is_cancelled(cancel) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return cancel.is_set()
    return bool(cancel())


def import_file(storage, path: str | os.PathLike | ImportSource, adviser_id: str | None, dry_run: bool = False,
                rejects_path: str | os.PathLike | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                cancel: Callable[[], bool] | Any = None) -> ImportSummary:
    """Import firms from a CSV or XLSX file.

    Args:
        storage: the open database.
        path: the .csv or .xlsx file, or an :class:`ImportSource` already read.
        adviser_id: the adviser importing; stamped as author and, for rows
            without one, as the adviser who follows the firm.
        dry_run: check everything but write nothing to the database.
        rejects_path: where to write the rejected rows (CSV), if wanted.
        progress: called as ``progress(percent_done, 100, phase)`` now and then;
            ``phase`` is one of :data:`PHASES` ("clean", "duplicates",
            "classify", "store"), for the interface to name what is going on.
        cancel: a callable returning True (or an Event) to stop before writing.

    Returns:
        The :class:`ImportSummary`.

    Raises:
        UserError: the file is missing, not CSV/XLSX, empty, or has no
            recognisable header; nothing is written then.
        db.errors.StorageError: the database refused the write; nothing is kept.
    """
    storage.ensure_sound()  # never pour a whole file into a damaged database
    with paused_gc():  # bulk work: see desktop.services.gcpause
        summary = _import_file(storage, path, adviser_id, dry_run, rejects_path, progress, cancel)
    log.info("Importación%s de %s: %s filas leídas, %s aceptadas, %s rechazadas (%s duplicadas)%s",
             " de prueba" if dry_run else "", summary.path, summary.rows_read, summary.accepted,
             len(summary.rejected), summary.duplicates, ", cancelada" if summary.cancelled else "")
    return summary


def _import_file(storage, path, adviser_id, dry_run, rejects_path, progress, cancel) -> ImportSummary:
    rejects = Path(rejects_path) if rejects_path else None
    check_rejects_path(rejects)
    source = path if isinstance(path, ImportSource) else read_import_file(path)
    path, table, header_map = source.path, source.table, source.header_map
    summary = ImportSummary(path=path, dry_run=dry_run, encoding=table.encoding, delimiter=table.delimiter,
                            columns={f: table.header[i] for f, i in header_map.columns.items()},
                            ignored_columns=header_map.ignored)
    total = len(table.rows)
    width = len(table.header)
    report = _phase_reporter(progress)
    report("clean", 0)
    cleaned: list[tuple[int, list[Any], dict | None, str | None]] = []
    rounded: dict[int, dict[str, tuple[str, str]]] = {}  # row number -> clean_firm's roundings
    rounding: dict[str, tuple[str, str]] = {}
    for done, (number, cells) in enumerate(table.rows, start=1):
        if done % _PROGRESS_EVERY == 0:
            report("clean", done / total)
            if _is_cancelled(cancel):
                summary.cancelled = True
                return summary
        cells = unescape_row(cells)
        if any(c not in (None, "") for c in cells[width:]):
            cleaned.append((number, cells, None, _surplus_reason(cells[width:])))
            continue
        if table.has_nul and (nul := _nul_reason(cells, table.header)):
            cleaned.append((number, cells, None, nul))
            continue
        record, errors = clean_firm(header_map.record(cells), rounding)
        reason = " ".join(errors[f] for f in sorted(errors, key=_field_order)) if errors else None
        cleaned.append((number, cells, record, reason))
        if rounding:
            rounded[number] = dict(rounding)
            rounding.clear()
    summary.rows_read = total

    countries = {rec["country"] for _n, _c, rec, reason in cleaned if rec and not reason}
    from desktop.services.sizing import current_laws  # sizing imports the registry's fields
    laws = current_laws(storage)
    index = DuplicateIndex()
    for firm_id, country, municipality, name, tax_id in firm_io.firm_keys(storage, countries):
        index.add(firm_id, country, municipality, name, tax_id)
    valid = [(number, record) for number, _cells, record, reason in cleaned if not reason]
    report("duplicates", 0)

    def screening(share: float) -> None:
        report("duplicates", share)
        if _is_cancelled(cancel):
            raise _Cancelled

    try:
        matches = iter(index.screen([(f"fila {number}", record["country"], record["municipality"],
                                      record["legal_name"], record["tax_id"]) for number, record in valid],
                                    progress=screening))
    except _Cancelled:
        summary.cancelled = True
        return summary
    accepted: list[dict] = []
    report("classify", 0)
    for done, (number, cells, record, reason) in enumerate(cleaned, start=1):
        if done % _PROGRESS_EVERY == 0:
            report("classify", done / total)
        if reason:
            summary.rejected.append(RejectedRow(number, reason, cells))
            continue
        match = next(matches)
        if match:
            summary.rejected.append(RejectedRow(number, _duplicate_reason(match), cells, duplicate=True))
            continue
        # clean_firm gives only firm fields, ready to store as they are.
        record["adviser_id"] = record.get("adviser_id") or adviser_id
        record.update(size_fields(record, laws))
        if number in rounded:
            changes = [rounding_note(name, *values) for name, values in
                       sorted(rounded[number].items(), key=lambda item: _field_order(item[0]))]
            summary.rounded.append(RoundedRow(number, changes))
            _note_rounding(record, path.name, changes)
        accepted.append(record)
    if _is_cancelled(cancel):
        summary.cancelled = True
        return summary

    summary.accepted = len(accepted)
    summary.notes = [n for n in sorted({tax_id_note(c) for c in {r["country"] for r in accepted}} - {None})]
    if summary.rounded:
        summary.notes.append(_rounding_summary(summary.rounded, dry_run))
    temp = _write_rejects_aside(rejects, table, summary.rejected)
    try:
        if not dry_run and accepted:
            report("store", 0)
            summary.firm_ids = firm_repo.insert_firms(storage, accepted, adviser_id,
                                                      progress=lambda share: report("store", share))
    except BaseException:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise
    if temp is not None:
        os.replace(temp, rejects)
        summary.rejects_path = rejects
    report("store", 1)
    return summary


_ORDER = {name: i for i, name in enumerate(FIRM_FIELDS)}


def _field_order(name: str) -> int:
    return _ORDER.get(name, len(_ORDER))


def _duplicate_reason(match) -> str:
    other = f"la {match.ref}" if match.ref.startswith("fila ") else "una empresa ya registrada"
    if match.reason == "tax_id":
        return f"Duplicada: {other} («{match.other_name}») tiene la misma identificación tributaria."
    return f"Duplicada: {other} tiene un nombre casi idéntico en el mismo municipio («{match.other_name}»)."


def _nul_reason(cells: list[Any], header: list[str]) -> str | None:
    """Why a row holding a NUL character is refused, naming its column (None when it holds none).

    A NUL is never text: it comes from a damaged file or a binary export. Dropping it would
    join the letters around it into a value nobody typed, so the row waits for a person.
    """
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and "\x00" in cell:
            name = header[index].strip() if index < len(header) and header[index].strip() else f"{index + 1}"
            return (f"La columna «{name}» tiene un carácter nulo (NUL), que no es texto: el archivo se dañó al "
                    "guardarse; corrija esa celda.")
    return None


def _surplus_reason(surplus: list[Any]) -> str:
    """Why a row wider than the header is refused, with the cells that fall outside it (kept nowhere else)."""
    extra = [" ".join(str(c).split())[:40] for c in surplus if c not in (None, "")]
    shown = ", ".join(f"«{c}»" for c in extra[:3]) + (f" y {len(extra) - 3} más" if len(extra) > 3 else "")
    return f"La fila tiene más columnas que el encabezado; sobran: {shown}."


def _note_rounding(record: dict, file_name: str, changes: list[str]) -> None:
    """Say in the firm's notes which amounts were rounded (unless the notes are already at their limit)."""
    line = f"Al importar «{file_name}», Rumbo redondeó montos a unidades enteras: {'; '.join(changes)}."
    notes = record.get("notes")
    text = f"{notes}\n{line}" if notes else line
    if len(text) <= _NOTES_LIMIT:
        record["notes"] = text


_ROUNDED_SHOWN = 10


def _rounding_summary(rows: list[RoundedRow], dry_run: bool) -> str:
    """One sentence listing the rows whose amounts were (or, in a dry run, would be) rounded."""
    listed = "; ".join(f"fila {r.row_number} ({', '.join(r.changes)})" for r in rows[:_ROUNDED_SHOWN])
    if len(rows) > _ROUNDED_SHOWN:
        listed += f"; y {len(rows) - _ROUNDED_SHOWN} filas más"
    filas = "1 fila" if len(rows) == 1 else f"{len(rows)} filas"
    if dry_run:
        return (f"Montos con centavos que se redondearán a unidades enteras en {filas} "
                f"(cada empresa lo dirá en sus notas): {listed}.")
    return (f"Montos con centavos redondeados a unidades enteras en {filas} "
            f"(cada empresa lo dice en sus notas): {listed}.")


def _rejects_layout(header: list[str]) -> int:
    """How many of the file's columns a rejects file repeats: all but a rejects file's own «fila» and «motivo»."""
    width = len(header)
    if width > 2 and [fold(h) for h in header[-2:]] == list(REJECTS_HEADERS):
        return width - 2
    return width


def _fit(text: str, encoding: str) -> str:
    """Text the encoding can hold: Rumbo's own sentences may use signs a Latin-1 file lacks."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return "".join(c if _holds(c, encoding) else _PLAIN_SIGNS.get(c, "?") for c in text)


def _holds(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


_PLAIN_SIGNS = {"–": "-", "—": "-", "…": "...", "«": "<<", "»": ">>", "’": "'", "“": "'", "”": "'"}


def _write_rejects_aside(rejects: Path | None, table: Table, rows: list[RejectedRow]) -> Path | None:
    """Write the rejects next to their final place; renamed into place once the import is stored.

    The file is written like the one read (separator, encoding, line ends, header, cells as
    typed), so it can be fixed and imported again; an XLSX file's rejects are a UTF-8 CSV with ``,``.
    """
    if rejects is None:
        return None
    temp = rejects.with_name(f".{rejects.name}.tmp")
    encoding = table.encoding or "utf-8-sig"
    delimiter = table.delimiter or ","
    width = _rejects_layout(table.header)
    header = table.header[:width]
    out_header = [*header, *REJECTS_HEADERS]
    try:
        write_csv_rows(temp, out_header, (
            [*r.cells[:width], *[None] * (width - len(r.cells)), r.row_number, _fit(r.reason, encoding)]
            for r in rows
        ), encoding=encoding, delimiter=delimiter, line_end=table.line_end or "\r\n")
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"No se puede escribir el archivo de rechazos «{rejects}»: {exc.strerror or exc}.",
                        field="rejects") from exc
    return temp
