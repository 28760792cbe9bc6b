"""Storage of size definitions a centre imported and of explicit re-classifications.

Both tables are records (:mod:`db.records`): they carry history, join the chain
and travel to the centre's laptops like firms. The firms' own classes are
firm fields (``db.firms``); a re-classification changes them with
:func:`db.records.update_many` and keeps, in the same transaction, the list of
every change so that it can be undone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from db import records
from db.errors import guarded

DEFINITIONS = "size_definitions"
RECLASSIFICATIONS = "size_reclassifications"
# The firm fields a classification writes.
FIRM_SIZE_FIELDS = ("size_class", "size_rulebook", "size_law_class", "size_law_subclass", "size_law_rulebook")


@guarded
def list_definitions(storage, kind: str | None = None) -> list[dict]:
    """Live imported definitions, oldest first."""
    where, params = ("kind = ?", (kind,)) if kind else ("1", ())
    return records.select(storage, DEFINITIONS, where, params, order_by="created_at, id")


@guarded
def find_definition(storage, kind: str, def_id: str, version: str) -> dict | None:
    rows = records.select(storage, DEFINITIONS, "kind = ? AND def_id = ? AND version = ?", (kind, def_id, version))
    return rows[0] if rows else None


@guarded
def insert_definition(storage, row: Mapping[str, Any], actor: str | None) -> dict:
    """Store one checked definition (its JSON text in ``body``)."""
    return records.insert(storage, DEFINITIONS, row, actor)


@guarded
def delete_definition(storage, record_id: str, actor: str | None) -> dict:
    return records.tombstone(storage, DEFINITIONS, record_id, actor)


@guarded
def live_firm_figures(storage, country: str | None = None) -> list[dict]:
    """What classifying needs of every live firm (one country, or all)."""
    where, params = "deleted_at IS NULL", []
    if country:
        where += " AND country = ?"
        params.append(country)
    cols = ("id", "legal_name", "country", "employees", "sales_usd", "assets_usd", "exports_usd", "sector_isic",
            *FIRM_SIZE_FIELDS)
    cur = storage.conn.execute(f"SELECT {', '.join(cols)} FROM firms WHERE {where} ORDER BY legal_name, id", params)
    return [dict(zip(cols, row)) for row in cur.fetchall()]


@guarded
def apply_reclassification(storage, reason: str, changes: list[dict], actor: str | None) -> dict:
    """Write new classes to firms and record the batch, in one transaction.

    Args:
        changes: ``{"firm_id", "before": {field: value}, "after": {field: value}}`` each.

    Returns:
        The stored re-classification record.
    """
    with storage.write():
        records.update_many(storage, "firms", {c["firm_id"]: c["after"] for c in changes}, actor)
        return records.insert(storage, RECLASSIFICATIONS,
                              {"reason": reason, "changes": json.dumps(changes, ensure_ascii=False)}, actor)


@guarded
def undo_reclassification(storage, record_id: str, restore: Mapping[str, Mapping[str, Any]],
                          stamp: str, actor: str | None) -> dict:
    """Put ``restore`` (firm id -> fields) back and mark the batch undone, in one transaction."""
    with storage.write():
        if restore:
            records.update_many(storage, "firms", restore, actor)
        return records.update(storage, RECLASSIFICATIONS, record_id, {"undone_at": stamp}, actor)


@guarded
def list_reclassifications(storage) -> list[dict]:
    """Re-classifications, newest first."""
    return list(reversed(records.select(storage, RECLASSIFICATIONS, order_by="created_at, id")))


@guarded
def firms_by_id(storage, ids: Iterable[str]) -> dict[str, dict]:
    ids = list(ids)
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        cols = ("id", "deleted_at", *FIRM_SIZE_FIELDS)
        cur = storage.conn.execute(f"SELECT {', '.join(cols)} FROM firms WHERE id IN ({marks})", chunk)
        out.update({row[0]: dict(zip(cols, row)) for row in cur.fetchall()})
    return out
