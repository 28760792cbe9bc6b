"""Storage of the centre's programme directory (table ``centre_programmes``).

The programmes are records (:mod:`db.records`): every write is logged, joins the
history chain and travels to the centre's laptops. An import writes all its rows in
one transaction, so a file is either taken whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from db import records
from db.errors import guarded

TABLE = "centre_programmes"


@guarded
def list_programmes(storage) -> list[dict]:
    """Every live programme, by country, name and institution."""
    return records.select(storage, TABLE, order_by="country, name COLLATE NOCASE, institution COLLATE NOCASE, id")


def get_programme(storage, record_id: str) -> dict | None:
    """One live programme, or None."""
    return records.get(storage, TABLE, record_id, include_deleted=False)


def add_programme(storage, values: Mapping[str, Any], actor: str | None) -> dict:
    return records.insert(storage, TABLE, values, actor)


def update_programme(storage, record_id: str, changes: Mapping[str, Any], actor: str | None,
                     expected_rev: int | None = None) -> dict:
    return records.update(storage, TABLE, record_id, changes, actor, expected_rev)


def delete_programme(storage, record_id: str, actor: str | None) -> dict:
    return records.tombstone(storage, TABLE, record_id, actor)


@guarded
def save_many(storage, new: Iterable[Mapping[str, Any]], changed: Mapping[str, Mapping[str, Any]],
              actor: str | None) -> tuple[int, int]:
    """Insert ``new`` rows and apply ``changed`` (id -> fields) in one transaction.

    Returns:
        (rows inserted, rows updated).
    """
    with storage.write():
        added = [records.insert(storage, TABLE, row, actor) for row in new]
        for record_id, fields in changed.items():
            records.update(storage, TABLE, record_id, fields, actor)
    return len(added), len(changed)
