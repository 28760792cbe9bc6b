"""Queries for bulk firm import and export: one pass over the table, no per-row queries.

The importer loads every live firm's duplicate keys once (:func:`firm_keys`)
instead of asking the database about each row; the exporters stream rows
with a cursor (:func:`iter_firms`, :func:`iter_assessments`) so a large
export never holds the whole table in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from db import records
from db.errors import storage_errors

_BATCH = 2000


def firm_keys(storage, countries: Iterable[str] | None = None) -> Iterator[tuple[str, str, str | None, str, str | None]]:
    """``(id, country, municipality, legal_name, tax_id)`` of every live firm.

    Args:
        countries: only firms of these ISO codes; None for all.
    """
    sql = "SELECT id, country, municipality, legal_name, tax_id FROM firms WHERE deleted_at IS NULL"
    params: list[str] = []
    if countries is not None:
        wanted = sorted(set(countries))
        if not wanted:
            return
        sql += f" AND country IN ({', '.join('?' for _ in wanted)})"
        params = wanted
    with storage_errors():
        cur = storage.conn.execute(sql + " ORDER BY created_at, id", params)
        while batch := cur.fetchmany(_BATCH):
            yield from batch


def _stream(storage, table: str, sql: str, params: tuple = ()) -> Iterator[dict]:
    with storage_errors():
        cur = storage.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(_BATCH):
            for row in batch:
                yield records.decode(table, dict(zip(names, row)))


def count_live_firms(storage) -> int:
    """How many live (not deleted) firms there are, for progress bars."""
    with storage_errors():
        return storage.conn.execute("SELECT count(*) FROM firms WHERE deleted_at IS NULL").fetchone()[0]


def iter_firms(storage) -> Iterator[dict]:
    """Every live firm, oldest first, as stored (booleans as bool)."""
    return _stream(storage, "firms", "SELECT * FROM firms WHERE deleted_at IS NULL ORDER BY created_at, id")


def count_live_assessments(storage) -> int:
    """How many live assessments of live firms there are."""
    with storage_errors():
        return storage.conn.execute(
            "SELECT count(*) FROM assessments a JOIN firms f ON f.id = a.firm_id "
            "WHERE a.deleted_at IS NULL AND f.deleted_at IS NULL"
        ).fetchone()[0]


def iter_assessments(storage) -> Iterator[dict]:
    """Every live assessment of a live firm, with the firm's name, tax id and country.

    The ``result`` JSON is decoded; the firm columns come as ``firm_legal_name``,
    ``firm_tax_id`` and ``firm_country``.
    """
    return _stream(
        storage, "assessments",
        "SELECT a.*, f.legal_name AS firm_legal_name, f.tax_id AS firm_tax_id, f.country AS firm_country "
        "FROM assessments a JOIN firms f ON f.id = a.firm_id "
        "WHERE a.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY a.started_at, a.id",
    )
