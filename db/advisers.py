"""Advisers repository: the people who follow firms and run assessments."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from db import audit, records

log = logging.getLogger(__name__)

TABLE = "advisers"


def create_adviser(storage, data: Mapping[str, Any], actor: str | None) -> dict:
    """Store a new adviser (fields: name, centre, email, phone, active)."""
    return records.insert(storage, TABLE, data, actor)


def update_adviser(storage, adviser_id: str, changes: Mapping[str, Any], actor: str | None,
                   expected_rev: int | None = None) -> dict:
    """Change an adviser's fields (rev +1, logged)."""
    return records.update(storage, TABLE, adviser_id, changes, actor, expected_rev)


def get_adviser(storage, adviser_id: str, include_deleted: bool = True) -> dict | None:
    """An adviser by id, or None."""
    return records.get(storage, TABLE, adviser_id, include_deleted)


def list_advisers(storage, include_inactive: bool = False) -> list[dict]:
    """Live advisers by name (only active ones unless asked)."""
    where = "1" if include_inactive else "active = 1"
    return records.select(storage, TABLE, where, order_by="name COLLATE NOCASE, id")


def delete_adviser(storage, adviser_id: str, actor: str | None) -> dict:
    """Tombstone an adviser (their firms and assessments keep the id)."""
    return records.tombstone(storage, TABLE, adviser_id, actor)


def sign_in_accounts(storage) -> dict[str, tuple[str, bool]]:
    """Live advisers who have a sign-in: login (lower case) -> (adviser id, active)."""
    return {row[0].casefold(): (row[1], bool(row[2])) for row in storage.conn.execute(
        "SELECT login, id, active FROM advisers WHERE deleted_at IS NULL AND login IS NOT NULL")}


def verified_role(storage, adviser_id: str) -> str | None:
    """A live adviser's role, as long as their row is the version their history recorded.

    Someone holding the database key can edit ``advisers`` with an SQL tool; such a row no longer
    matches its latest history entry (:func:`db.audit.row_matches_history`), and its role is not
    trusted: the plain adviser role is returned (``rumbo check`` names the row). None if unknown.
    """
    row = storage.conn.execute("SELECT role FROM advisers WHERE id = ? AND deleted_at IS NULL",
                               (adviser_id,)).fetchone()
    if row is None:
        return None
    if row[0] != "adviser" and not audit.row_matches_history(storage.conn, "advisers", adviser_id):
        log.warning("El rol de un asesor no coincide con su historial: se trata como asesor")
        return "adviser"
    return row[0]
