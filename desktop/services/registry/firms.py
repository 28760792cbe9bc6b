"""Use cases on client firms: register, edit, delete, undelete, look up, history.

The GUI and the CLI call these; they normalise and derive fields
(:mod:`desktop.services.registry.fields`), refuse bad input with one Spanish
sentence (:class:`UserError` naming the field) and store through ``db.firms``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from stdnum.util import clean

from db import changelog
from db import firms as repo
from db.changelog import HistoryEntry
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.services.registry.fields import prepare_firm

__all__ = [
    "register_firm", "register_firms", "update_firm", "delete_firm", "undelete_firm",
    "get_firm", "find_firm", "firm_history", "firm_problems", "prepare_firm",
]


def _raise_first(problems: Mapping[str, str], prefix: str = "") -> None:
    if problems:
        field, message = next(iter(problems.items()))
        raise UserError(prefix + message, field=field)


def firm_problems(data: Mapping[str, Any]) -> dict[str, str]:
    """Every problem with a firm's fields (field -> sentence); empty if it can be stored."""
    return prepare_firm(data)[1]


def register_firm(storage: Storage, data: Mapping[str, Any], adviser_id: str | None) -> dict:
    """Register a new client firm.

    Args:
        storage: the open database.
        data: canonical firm fields as typed (see the firm fields contract).
        adviser_id: the adviser doing it (stamped as created_by).

    Returns:
        The stored firm, with id, derived fields and record metadata.

    Raises:
        UserError: a field is missing or wrong (``field`` names it); nothing is written.
    """
    row, problems = prepare_firm(data, _laws(storage))
    _raise_first(problems)
    return repo.insert_firm(storage, row, adviser_id)


def register_firms(storage: Storage, rows: Iterable[Mapping[str, Any]], adviser_id: str | None) -> list[str]:
    """Register many firms in one transaction (import, demo data): all or none.

    Each row is prepared like :func:`register_firm`; the first bad row stops
    everything before anything is written. Importers that want per-row reasons
    call :func:`firm_problems` on each row first and pass only the good ones.

    Returns:
        The new firm ids, in order.
    """
    prepared, laws = [], _laws(storage)
    for number, data in enumerate(rows, start=1):
        row, problems = prepare_firm(data, laws)
        _raise_first(problems, prefix=f"Fila {number}: ")
        prepared.append(row)
    return repo.insert_firms(storage, prepared, adviser_id)


def update_firm(storage: Storage, firm_id: str, changes: Mapping[str, Any], adviser_id: str | None,
                expected_rev: int | None = None) -> dict:
    """Change some fields of a firm; derived fields are recomputed.

    Args:
        changes: the fields to change (others keep their value).
        expected_rev: the rev the editor started from; if the firm has moved
            on since, nothing is written and StaleRecordError (a UserError) is raised.

    Returns:
        The firm as stored after the change (same rev if nothing changed).
    """
    current = repo.get_firm(storage, firm_id, include_deleted=False)
    if current is None:
        raise UserError("La empresa no existe o fue eliminada.", field="id")
    merged = {name: current[name] for name in repo.FIRM_FIELDS}
    merged.update(changes)
    for stem in ("sales", "assets", "exports"):
        # A new dollar figure without a new amount replaces the amount.
        if f"{stem}_usd" in changes and f"{stem}_amount" not in changes:
            merged[f"{stem}_amount"] = None
    row, problems = prepare_firm(merged, _laws(storage))
    _raise_first(problems)
    diff = {k: v for k, v in row.items() if k != "id" and v != current.get(k)}
    return repo.update_firm(storage, firm_id, diff, adviser_id, expected_rev)


def _laws(storage: Storage):
    """The size laws in force on this device (shipped and imported), for the law's class."""
    from desktop.services.sizing import current_laws  # sizing imports this package's fields
    return current_laws(storage)


def delete_firm(storage: Storage, firm_id: str, adviser_id: str | None) -> dict:
    """Delete a firm (a tombstone: it can be undeleted, and the deletion travels)."""
    return repo.delete_firm(storage, firm_id, adviser_id)


def undelete_firm(storage: Storage, firm_id: str, adviser_id: str | None) -> dict:
    """Bring back a deleted firm."""
    return repo.undelete_firm(storage, firm_id, adviser_id)


def count_firms(storage: Storage, include_deleted: bool = False) -> int:
    """How many firms the database holds (not counting deleted ones unless asked)."""
    return repo.count_firms(storage, include_deleted=include_deleted)


def get_firm(storage: Storage, firm_id: str, include_deleted: bool = False) -> dict | None:
    """A firm by id, or None."""
    return repo.get_firm(storage, firm_id, include_deleted=include_deleted)


def find_firm(storage: Storage, ref: str) -> dict:
    """The firm a user named by id or by tax id (as the CLI's FIRM argument).

    Raises:
        UserError: no live firm has that id or tax id.
    """
    firm = repo.get_firm(storage, ref, include_deleted=False)
    # Tax ids are stored compacted; Panama's keep their dashes, so try as typed first.
    for candidate in (ref.strip().upper(), clean(ref, " -./").upper()):
        if firm is None and candidate:
            firm = repo.get_firm_by_tax_id(storage, candidate)
    if firm is None:
        raise UserError(f"No hay ninguna empresa con el identificador o NIT «{ref}».", field="firm")
    return firm


def firm_history(storage: Storage, firm_id: str) -> list[HistoryEntry]:
    """The firm's history, oldest first: who changed which field, when, from what to what."""
    return changelog.history(storage, repo.TABLE, firm_id)
