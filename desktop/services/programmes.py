"""The centre's programme directory: kept by a coordinator, imported from a table, read by the report.

A coordinator adds, edits, checks and removes programmes in Configuración, or imports a CSV or
XLSX file (the firm importer's reader and guards: encodings, separators, formula cells, rows
wider than the header). An import is previewed first, with one sentence per bad row, and then
writes its good rows in one transaction; a row naming a programme already in the directory
(same name, institution and country) updates it. Programmes are records, so they travel to the
centre's laptops.

The report asks :func:`report_programmes` for the current programmes each recommendation's firm
qualifies for, and :func:`whom_to_ask` for the sentence it prints when there are none.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import advisers as advisers_repo
from db import programmes as repo
from db import settings as settings_repo
from db.connection import Storage
from desktop.domain.assessment import AssessmentResult, FirmContext
from desktop.domain.assessment.conditions import advice_facts
from desktop.domain.datafiles import read_json
from desktop.domain.directory import (
    CURRENT,
    EXPIRED,
    HEADERS,
    UNCHECKED,
    DirectoryProgramme,
    check_programme,
    programme_from_row,
    programmes_for,
    status,
)
from desktop.domain.directory.model import phone_text
from desktop.domain.errors import UserError
from desktop.domain.registry.tabular import fold, header_lookup, map_headers, read_table, unescape_row
from desktop.resources import resource_path
from desktop.services.security import require_role

MAX_ROWS = 2000  # a directory holds tens of programmes; a bigger file is not one
STARTER = ("directory", "programas-de-partida.json")
_WHAT = "mantener el directorio de programas del centro"
_LOOKUP = header_lookup(HEADERS)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


@dataclass(frozen=True)
class ProgrammeRow:
    """A programme as Configuración lists it: the programme, its status today and its revision."""

    programme: DirectoryProgramme
    status: str
    rev: int

    @property
    def needs_review(self) -> bool:
        """Past its date or not checked for a year: the coordinator is told, the report leaves it out."""
        return self.status in (EXPIRED, UNCHECKED)


def programmes(storage: Storage, today: dt.date | None = None) -> list[ProgrammeRow]:
    """Every programme of the directory with its status on ``today``, those needing review first."""
    day = _today(today)
    rows = []
    for row in repo.list_programmes(storage):
        p = programme_from_row(row)
        rows.append(ProgrammeRow(p, status(p, day), int(row["rev"])))
    return sorted(rows, key=lambda r: not r.needs_review)  # stable: by country and name within each group


def needs_review(storage: Storage, today: dt.date | None = None) -> list[ProgrammeRow]:
    """The programmes past their date or unchecked for a year."""
    return [r for r in programmes(storage, today) if r.needs_review]


def programme_values(storage: Storage, record_id: str) -> dict:
    """The stored values of one programme (for the edit dialog)."""
    row = repo.get_programme(storage, record_id)
    if row is None:
        raise UserError("Ese programa ya no está en el directorio.", field="id")
    return row


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return (fold(a.get("name") or ""), fold(a.get("institution") or ""), a.get("country")) == \
        (fold(b.get("name") or ""), fold(b.get("institution") or ""), b.get("country"))


def _refuse_twin(storage: Storage, values: Mapping[str, Any], own_id: str | None = None) -> None:
    twin = next((r for r in repo.list_programmes(storage) if r["id"] != own_id and _same(r, values)), None)
    if twin is not None:
        raise UserError(f"El directorio ya tiene «{twin['name']}» de {twin['institution']}; edítelo en lugar de "
                        "añadirlo otra vez.", field="name")


def add_programme(storage: Storage, data: Mapping[str, Any], adviser_id: str | None,
                  today: dt.date | None = None) -> dict:
    """A coordinator adds a programme (checked; one sentence naming the field when not)."""
    require_role(storage, adviser_id, "coordinator", _WHAT)
    values = check_programme(data, _today(today))
    with storage.write():
        _refuse_twin(storage, values)
        return repo.add_programme(storage, values, adviser_id)


def update_programme(storage: Storage, record_id: str, data: Mapping[str, Any], adviser_id: str | None,
                     today: dt.date | None = None, expected_rev: int | None = None) -> dict:
    """A coordinator changes a programme; ``expected_rev`` refuses an edit over someone else's."""
    require_role(storage, adviser_id, "coordinator", _WHAT)
    values = check_programme(data, _today(today))
    with storage.write():
        programme_values(storage, record_id)
        _refuse_twin(storage, values, record_id)
        return repo.update_programme(storage, record_id, values, adviser_id, expected_rev)


def mark_checked(storage: Storage, record_id: str, adviser_id: str | None, today: dt.date | None = None) -> dict:
    """Record that the programme was checked with the institution today (it is current again if in date)."""
    require_role(storage, adviser_id, "coordinator", _WHAT)
    programme_values(storage, record_id)
    return repo.update_programme(storage, record_id, {"checked_on": _today(today).isoformat()}, adviser_id)


def delete_programme(storage: Storage, record_id: str, adviser_id: str | None) -> dict:
    require_role(storage, adviser_id, "coordinator", _WHAT)
    programme_values(storage, record_id)
    return repo.delete_programme(storage, record_id, adviser_id)


# --- importing a table ---------------------------------------------------------------------


@dataclass
class ImportRow:
    """One data row of an import file: its values when good, or the sentence that says why not."""

    row_number: int
    values: dict | None = None
    reason: str | None = None
    existing_id: str | None = None  # the programme it updates
    unchanged: bool = False  # the same as the stored programme: nothing to write


@dataclass
class DirectoryImport:
    """What importing a file would do, before anything is written."""

    path: Path
    rows: list[ImportRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def bad(self) -> list[ImportRow]:
        return [r for r in self.rows if r.reason]

    @property
    def new(self) -> list[ImportRow]:
        return [r for r in self.rows if r.values is not None and r.existing_id is None]

    @property
    def updated(self) -> list[ImportRow]:
        return [r for r in self.rows if r.existing_id is not None and not r.unchanged]

    def text(self) -> str:
        """The preview in a few Spanish lines: counts, then one sentence per bad row."""
        lines = [f"Archivo: {self.path.name}. Filas leídas: {len(self.rows)}. Programas nuevos: {len(self.new)}; "
                 f"actualizados: {len(self.updated)}; filas con problemas: {len(self.bad)}."]
        if self.ignored_columns:
            lines.append("Columnas no reconocidas (ignoradas): " + ", ".join(self.ignored_columns) + ".")
        lines += [f"Fila {r.row_number}: {r.reason}" for r in self.bad]
        return "\n".join(lines)


def preview_import(storage: Storage, path: str | os.PathLike, today: dt.date | None = None) -> DirectoryImport:
    """Read and check every row of a CSV/XLSX file; nothing is written.

    Raises:
        UserError: the file is missing, not CSV/XLSX, empty, too long, or its header names
            neither the programme nor the institution.
    """
    path = Path(path)
    table = read_table(path)
    header = map_headers(table.header, _LOOKUP)
    missing = [label for name, label in (("name", "Programa"), ("institution", "Institución"))
               if name not in header.columns]
    if missing:
        raise UserError(f"Al archivo «{path.name}» le falta la columna {' y '.join(f'«{m}»' for m in missing)}; "
                        "la primera fila debe nombrar las columnas.", field="path")
    if len(table.rows) > MAX_ROWS:
        raise UserError(f"El archivo tiene {len(table.rows)} filas; un directorio de programas admite hasta "
                        f"{MAX_ROWS}.", field="path")
    day = _today(today)
    stored = repo.list_programmes(storage)
    preview = DirectoryImport(path, ignored_columns=header.ignored)
    width = len(table.header)
    seen: dict[tuple, int] = {}
    for number, cells in table.rows:
        cells = unescape_row(cells)
        row = ImportRow(number)
        preview.rows.append(row)
        if any(c not in (None, "") for c in cells[width:]):
            row.reason = "La fila tiene más columnas que el encabezado."
            continue
        try:
            values = check_programme(header.record(cells), day)
        except UserError as exc:
            row.reason = exc.message
            continue
        key = (fold(values["name"]), fold(values["institution"]), values["country"])
        if key in seen:
            row.reason = f"Repite el programa de la fila {seen[key]}."
            continue
        seen[key] = number
        row.values = values
        twin = next((s for s in stored if _same(s, values)), None)
        if twin is not None:
            row.existing_id = twin["id"]
            row.unchanged = all(twin.get(k) == v for k, v in values.items())
    return preview


def accept_import(storage: Storage, preview: DirectoryImport, adviser_id: str | None) -> tuple[int, int]:
    """Write the good rows of a previewed import in one transaction.

    Returns:
        (programmes added, programmes updated).

    Raises:
        UserError: not a coordinator.
    """
    require_role(storage, adviser_id, "coordinator", _WHAT)
    return repo.save_many(storage, [r.values for r in preview.new],
                          {r.existing_id: r.values for r in preview.updated}, adviser_id)


def import_file(storage: Storage, path: str | os.PathLike, adviser_id: str | None,
                today: dt.date | None = None) -> DirectoryImport:
    """Preview and import a file in one step (the good rows are written; the bad ones listed)."""
    require_role(storage, adviser_id, "coordinator", _WHAT)
    preview = preview_import(storage, path, today)
    accept_import(storage, preview, adviser_id)
    return preview


def starter_programmes(path: str | os.PathLike | None = None) -> list[dict]:
    """The programmes Rumbo ships as a starting directory (each with the publication it comes from)."""
    data = read_json(Path(path) if path else resource_path(*STARTER))
    return list(data.get("programmes", []))


# --- what the report prints --------------------------------------------------------------


def report_programmes(storage: Storage, firm: Mapping[str, Any], result: AssessmentResult | None,
                      recommendations: Iterable[Any], firm_context: FirmContext | None = None,
                      today: dt.date | None = None, year: int | None = None) -> dict[str, tuple]:
    """Instrument id -> the current programmes of the directory the firm qualifies for."""
    if result is None:
        return {}
    day = _today(today)
    facts = advice_facts(result, firm_context, year if year is not None else day.year)
    directory = [programme_from_row(r) for r in repo.list_programmes(storage)]
    return programmes_for(recommendations, directory, facts, day, firm.get("department"))


@dataclass(frozen=True)
class WhomToAsk:
    """Who in the centre knows today's offer: the centre's name and its coordinators."""

    centre: str
    people: tuple[tuple[str, str], ...]  # (name, phone or e-mail)


def whom_to_ask(storage: Storage) -> WhomToAsk:
    """The centre's name (settings) and its coordinators (Acceso de los asesores), for the report."""
    centre = str(settings_repo.get_setting(storage, "centre_name") or "")
    chosen = [a for a in advisers_repo.list_advisers(storage) if a.get("role") == "coordinator"] or \
        [a for a in advisers_repo.list_advisers(storage) if a.get("role") == "administrator"]
    people = tuple((a["name"], phone_text(a.get("phone")) or a.get("email") or "") for a in chosen[:2])
    return WhomToAsk(centre, people)


# --- what the editing screens offer ------------------------------------------------------


def family_choices(lang: str = "es") -> list[tuple[str, str]]:
    """(code, words) of the families a programme may serve, the step before the instruments last."""
    from desktop.domain.directory import FAMILIES, family_words

    return [(code, family_words(code, lang)) for code in FAMILIES]


def instrument_choices(lang: str = "es") -> list[tuple[str, str, str]]:
    """(id, family, title) of every instrument of the catalogue, and the step before them."""
    from desktop.domain.assessment.catalog import load_catalog

    catalog = load_catalog()
    out = [(i.id, i.family, i.title.text(lang)) for i in catalog.instruments]
    return out + [(p.id, "condicion_previa", p.title.text(lang)) for p in catalog.preconditions]


def may_edit(storage: Storage, adviser_id: str | None) -> bool:
    """Whether this adviser may change the directory (a coordinator, once roles are in force)."""
    from desktop.services.security import may

    return may(storage, adviser_id, "coordinator")


__all__ = ["CURRENT", "DirectoryImport", "ImportRow", "ProgrammeRow", "WhomToAsk", "accept_import",
           "add_programme", "delete_programme", "family_choices", "import_file", "instrument_choices",
           "mark_checked", "may_edit", "needs_review", "preview_import", "programme_values", "programmes",
           "report_programmes", "starter_programmes", "update_programme", "whom_to_ask"]
