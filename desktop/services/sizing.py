"""Size definitions in force: both classes of a firm, the centre's choice, imports, re-classifying.

A firm has two classes (issue 35): under the law in force in its country
(``law``) and under the study's table (CEPAL, Cuadro 1), which the assessment
and the benchmarks use. The centre chooses which one the firm list, the filters
and the Tablero show (setting ``size_basis``: "law" by default, or "study").

A coordinator keeps the laws current without a new release: a law rulebook or a
minimum-wage table is read from a file, checked against its JSON Schema and by
the parser, previewed against the centre's firms (how many change class) and
stored as a record that syncs. Stored classes change only when someone
re-classifies (explicitly), and every re-classification keeps each firm's
classes before and after, so it can be undone.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import settings as settings_repo
from db import sizing as repo
from db.clock import now_iso
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.domain.sizing import Classification, FirmFigures, classify
from desktop.domain.sizing.definitions import (
    Definition,
    DefinitionError,
    definition_from_data,
    law_set,
    read_definition_file,
    shipped_definitions,
)
from desktop.domain.sizing.law import LawClassification, LawSet, classify_law, differences
from desktop.services.registry.fields import SIZE_FIELDS, size_fields
from desktop.services.security import require_role

BASIS_KEY = "size_basis"
BASES = ("law", "study")
DEFAULT_BASIS = "law"

__all__ = [
    "BASES", "Definition", "DefinitionError", "DefinitionRow", "FirmSizes", "ImportPreview", "Reclassification",
    "accept_import", "current_laws", "definition_rows", "firm_sizes", "list_column", "preview_import",
    "preview_reclassification", "reclassifications", "reclassify", "set_size_basis", "size_basis",
    "undo_reclassification",
]


def size_basis(storage: Storage) -> str:
    """Which class the list, the filters and the Tablero show: "law" or "study"."""
    value = settings_repo.get_setting(storage, BASIS_KEY, DEFAULT_BASIS)
    return value if value in BASES else DEFAULT_BASIS


def set_size_basis(storage: Storage, basis: str, adviser_id: str | None) -> str:
    """A coordinator chooses the class lists use.

    Raises:
        UserError: not a coordinator, or an unknown choice.
    """
    if basis not in BASES:
        raise UserError("La clase de las listas debe ser «law» (ley vigente) o «study» (tabla del estudio).",
                        field=BASIS_KEY)
    require_role(storage, adviser_id, "coordinator", "cambiar la definición de tamaño que usan las listas")
    settings_repo.set_setting(storage, BASIS_KEY, basis, adviser_id)
    return basis


def list_column(storage: Storage) -> str:
    """The firm column behind the size the list, the filters and the Tablero show."""
    return "size_law_class" if size_basis(storage) == "law" else "size_class"


def imported_definitions(storage: Storage) -> list[Definition]:
    """The centre's imports, as checked when they arrived (a stored one that no longer parses is skipped)."""
    out = []
    for row in repo.list_definitions(storage):
        try:
            out.append(definition_from_data(json.loads(row["body"]), row.get("file_name") or row["def_id"]))
        except (DefinitionError, ValueError):
            continue  # written by a newer Rumbo or damaged: the shipped set still answers
    return out


def current_laws(storage: Storage) -> LawSet:
    """The laws and wages in force here: shipped plus the centre's imports."""
    return law_set(imported_definitions(storage))


@dataclass(frozen=True)
class FirmSizes:
    """A firm's two classes now, each with its reason, and why they differ."""

    study: Classification | None
    law: LawClassification | None
    basis: str
    stored_law_rulebook: str | None = None
    stored_study_rulebook: str | None = None

    def differences(self, lang: str = "es") -> str | None:
        if self.study is None or self.law is None:
            return None
        return differences(self.study, self.law, lang)


def firm_sizes(storage: Storage, firm: dict, on_date: datetime.date | None = None) -> FirmSizes:
    """Both classes of a stored firm as of ``on_date`` (today by default), with reasons."""
    figures = FirmFigures(employees=firm.get("employees"), sales_usd=firm.get("sales_usd"),
                          assets_usd=firm.get("assets_usd"), exports_usd=firm.get("exports_usd"),
                          sector=firm.get("sector_isic"), on_date=on_date)
    study = by_law = None
    try:
        study = classify(firm["country"], figures)
    except UserError:
        pass
    try:
        by_law = classify_law(firm["country"], figures, current_laws(storage))
    except UserError:
        pass
    return FirmSizes(study, by_law, size_basis(storage), firm.get("size_law_rulebook"), firm.get("size_rulebook"))


# --- the list of definitions ------------------------------------------------------------------

@dataclass(frozen=True)
class DefinitionRow:
    """One line of Configuración → Definiciones de tamaño."""

    kind: str  # "law" | "minimum_wage" | "study"
    country: str
    title: str
    version: str
    valid: str  # "desde 2000-07-28" / "2014-06-01 a 2026-03-31"
    source: str
    origin: str  # "incluida" | "importada"
    record_id: str | None = None


def definition_rows(storage: Storage, lang: str = "es") -> list[DefinitionRow]:
    """Every law rulebook and wage table in force here, and the study's tables, for the settings page."""
    from desktop.domain.sizing import load_rulebooks

    en = lang == "en"
    rows = []
    stored = {(r["kind"], r["def_id"], r["version"]): r["id"] for r in repo.list_definitions(storage)}
    imported = imported_definitions(storage)
    for origin, items in (("shipped", shipped_definitions()), ("imported", imported)):
        for d in items:
            origin_text = ("shipped" if en else "incluida") if origin == "shipped" else ("imported" if en else "importada")
            record_id = stored.get((d.kind, d.def_id, d.version)) if origin == "imported" else None
            if d.book is not None:
                b = d.book
                rows.append(DefinitionRow("law", b.country, b.display_title().text(lang), b.version,
                                          _valid(b.effective_from, b.effective_to, lang), b.source.text(lang),
                                          origin_text, record_id))
            else:
                w = d.wages
                rows.append(DefinitionRow("minimum_wage", w.country, w.title.text(lang), w.version,
                                          _valid(w.first_date(), None, lang), w.source.text(lang), origin_text,
                                          record_id))
    for b in load_rulebooks().books("size"):
        rows.append(DefinitionRow("study", b.country, b.display_title().text(lang), b.version,
                                  _valid(b.effective_from, b.effective_to, lang), b.source.text(lang),
                                  "shipped" if en else "incluida"))
    order = {"law": 0, "minimum_wage": 1, "study": 2}
    return sorted(rows, key=lambda r: (order[r.kind], r.country, r.valid))


def _valid(start: datetime.date, end: datetime.date | None, lang: str) -> str:
    if end is None:
        return f"{'from' if lang == 'en' else 'desde'} {start.isoformat()}"
    return f"{start.isoformat()} {'to' if lang == 'en' else 'a'} {end.isoformat()}"


# --- importing a definition -------------------------------------------------------------------

@dataclass
class ImportPreview:
    """What importing a file would change, before anything is written."""

    definition: Definition
    file_name: str
    firms_checked: int = 0
    changes: list[dict] = field(default_factory=list)  # firm_id, legal_name, before, after (field dicts)

    def transitions(self) -> list[tuple[str, str, int]]:
        """(class before, class after, how many firms) of the firms whose law class changes, largest first."""
        counts = Counter((c["before"].get("size_law_class") or "sin_clasificar",
                          c["after"].get("size_law_class") or "sin_clasificar") for c in self.changes
                         if c["before"].get("size_law_class") != c["after"].get("size_law_class"))
        return sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda t: (-t[2], t[0], t[1]))

    @property
    def class_changes(self) -> int:
        """Firms whose law class (or sub-class) changes."""
        return sum(1 for c in self.changes if _class_of(c["before"]) != _class_of(c["after"]))


def _class_of(fields: dict) -> tuple:
    return fields.get("size_law_class"), fields.get("size_law_subclass")


def preview_import(storage: Storage, path: str | Path, on_date: datetime.date | None = None) -> ImportPreview:
    """Read and check ``path`` and count the centre's firms it would re-classify today.

    Raises:
        DefinitionError: the file is unreadable or not a valid definition (one sentence per problem).
        UserError: the same definition (id and version) is already loaded here.
    """
    definition = read_definition_file(path)
    _refuse_loaded(storage, definition)
    laws = law_set([*imported_definitions(storage), definition])
    preview = ImportPreview(definition, Path(path).name)
    preview.firms_checked, preview.changes = _changes(storage, laws, definition.country, on_date)
    return preview


def _refuse_loaded(storage: Storage, d: Definition) -> None:
    shipped = any((s.kind, s.def_id, s.version) == (d.kind, d.def_id, d.version) for s in shipped_definitions())
    if shipped or repo.find_definition(storage, d.kind, d.def_id, d.version):
        raise UserError(f"La definición «{d.def_id}», versión «{d.version}», ya está cargada en este equipo.",
                        field="version")


def _changes(storage: Storage, laws: LawSet, country: str | None,
             on_date: datetime.date | None) -> tuple[int, list[dict]]:
    firms = repo.live_firm_figures(storage, country)
    changes = []
    for firm in firms:
        after = size_fields(firm, laws, on_date)
        before = {name: firm.get(name) for name in SIZE_FIELDS}
        if after != before:
            changes.append({"firm_id": firm["id"], "legal_name": firm["legal_name"], "before": before,
                            "after": after})
    return len(firms), changes


def accept_import(storage: Storage, preview: ImportPreview, adviser_id: str | None,
                  reclassify_now: bool = True) -> dict | None:
    """Store the previewed definition and, if asked, re-classify the firms it changes.

    Returns:
        The re-classification record, or None when nothing was re-classified.

    Raises:
        UserError: not a coordinator, or the definition was loaded meanwhile.
    """
    require_role(storage, adviser_id, "coordinator", "importar definiciones de tamaño")
    d = preview.definition
    with storage.write():
        _refuse_loaded(storage, d)
        repo.insert_definition(storage, {"kind": d.kind, "def_id": d.def_id, "version": d.version,
                                         "country": d.country, "body": d.text, "file_name": preview.file_name},
                               adviser_id)
        if not reclassify_now:
            return None
        return reclassify(storage, adviser_id, country=d.country,
                          reason=f"Importación de «{d.def_id}» versión {d.version} ({preview.file_name})")


# --- explicit, reversible re-classification --------------------------------------------------

@dataclass(frozen=True)
class Reclassification:
    """One re-classification as the settings page lists it."""

    id: str
    when: str
    reason: str
    firms: int
    undone_at: str | None


def preview_reclassification(storage: Storage, country: str | None = None,
                             on_date: datetime.date | None = None) -> tuple[int, list[dict]]:
    """(firms checked, the changes) re-classifying now would make, writing nothing."""
    return _changes(storage, current_laws(storage), country, on_date)


def reclassify(storage: Storage, adviser_id: str | None, country: str | None = None,
               reason: str = "Reclasificación con las definiciones vigentes",
               on_date: datetime.date | None = None) -> dict | None:
    """Re-classify every live firm (of ``country``) under the definitions in force.

    Returns:
        The stored re-classification (its ``changes`` undo it), or None when no firm changed.
    """
    require_role(storage, adviser_id, "coordinator", "reclasificar las empresas")
    with storage.write():
        _checked, changes = _changes(storage, current_laws(storage), country, on_date)
        if not changes:
            return None
        stored = [{"firm_id": c["firm_id"], "before": c["before"], "after": c["after"]} for c in changes]
        return repo.apply_reclassification(storage, reason, stored, adviser_id)


def reclassifications(storage: Storage) -> list[Reclassification]:
    """Every re-classification, newest first."""
    return [Reclassification(r["id"], r["created_at"], r["reason"], len(json.loads(r["changes"])), r["undone_at"])
            for r in repo.list_reclassifications(storage)]


def undo_reclassification(storage: Storage, record_id: str, adviser_id: str | None) -> int:
    """Put back the classes a re-classification replaced.

    Firms changed again since (edited, or re-classified later) keep their newer classes.

    Returns:
        How many firms were restored.

    Raises:
        UserError: not a coordinator, unknown re-classification, or already undone.
    """
    require_role(storage, adviser_id, "coordinator", "deshacer una reclasificación")
    with storage.write():
        row = next((r for r in repo.list_reclassifications(storage) if r["id"] == record_id), None)
        if row is None:
            raise UserError("Esa reclasificación no existe.", field="id")
        if row["undone_at"]:
            raise UserError(f"Esa reclasificación ya se deshizo el {row['undone_at'][:10]}.", field="id")
        changes = json.loads(row["changes"])
        current = repo.firms_by_id(storage, [c["firm_id"] for c in changes])
        restore: dict[str, dict[str, Any]] = {}
        for c in changes:
            firm = current.get(c["firm_id"])
            if firm and not firm["deleted_at"] and all(firm.get(k) == v for k, v in c["after"].items()):
                restore[c["firm_id"]] = c["before"]
        repo.undo_reclassification(storage, record_id, restore, now_iso(), adviser_id)
        return len(restore)
