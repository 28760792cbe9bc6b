"""The firm list as the GUI's lazy table model needs it: count, a page of ids, rows.

Thin use cases over :mod:`db.queries.search`, so the GUI never sees SQL. Filtering,
sorting and searching happen in SQL with indexes and FTS5; the model asks only
for the rows it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from db.connection import Storage
from db.queries import search
from db.queries.search import SORT_KEYS, FirmQuery

__all__ = ["FirmQuery", "SORT_KEYS", "count_firms", "firm_ids", "firm_rows"]


def count_firms(storage: Storage, query: FirmQuery) -> int:
    """How many firms the query lists."""
    return search.count(storage, query)


def firm_ids(storage: Storage, query: FirmQuery, offset: int = 0, limit: int | None = None) -> list[str]:
    """The listed ids in order: all of them, or the page ``offset``..``offset+limit``."""
    return search.ids(storage, query, offset=offset, limit=limit)


def firm_rows(storage: Storage, ids: Sequence[str]) -> list[dict]:
    """The firms with these ids, in the same order."""
    return search.rows_by_ids(storage, ids)
