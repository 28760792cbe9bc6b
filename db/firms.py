"""Firms repository: the client firms of the centre.

Values are the canonical firm fields (``/tmp/briefs/firm_fields.md``, kept
here as :data:`FIRM_FIELDS`) already normalised and derived by the service
layer (``desktop.services.registry.firms``); this module only stores them, with the
record model and change log of :mod:`db.records`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from db import records
from db.errors import guarded
from db.schema import fts_values

TABLE = "firms"

# The canonical firm fields, in display order (record metadata excluded).
FIRM_FIELDS = (
    "legal_name", "trade_name", "tax_id", "tax_id_type", "country", "department", "municipality",
    "address", "sector_isic", "year_founded", "legal_form", "formal_registration",
    "employees_women", "employees_men", "employees", "currency", "usd_rate",
    "sales_amount", "assets_amount", "exports_amount", "sales_usd", "assets_usd", "exports_usd",
    "owner_name", "owner_gender", "contact_name", "contact_gender", "phone", "email", "notes",
    "adviser_id", "size_class", "stage", "band",
    "size_rulebook", "size_law_class", "size_law_subclass", "size_law_rulebook",
)


def insert_firm(storage, data: Mapping[str, Any], actor: str | None) -> dict:
    """Store a new firm (rev 1, logged) and return it as stored."""
    return records.insert(storage, TABLE, data, actor)


@guarded
def insert_firms(storage, rows: Iterable[Mapping[str, Any]], actor: str | None,
                 progress: Callable[[float], None] | None = None) -> list[str]:
    """Bulk path for imports and demo data: all rows in one transaction.

    Uses executemany for the firms and for their change-log entries, and the
    FTS triggers index each row, so 100,000 firms take a few seconds. Rows
    must be complete canonical dicts (run them through the service layer's
    ``prepare_firm`` first). All or nothing.

    Args:
        progress: called with the share of the work done (0..1) between the
            steps (rows and log, each index rebuilt, the search index), so a
            progress bar keeps moving through a long insert.

    Returns:
        The new ids, in the order of ``rows``.
    """
    report = progress or (lambda _share: None)
    # Missing or None currency and rate take the schema defaults ("USD", "1") in records.insert_many.
    rows = rows if isinstance(rows, list) else list(rows)
    conn = storage.conn
    with storage.write():
        # New rows get rowids above the current maximum (no AUTOINCREMENT, no
        # explicit rowids), which is how the search index finds them below.
        last = conn.execute("SELECT coalesce(max(rowid), 0) FROM firms").fetchone()[0]
        conn.execute("UPDATE firms_fts_control SET bulk = 1")
        rebuild = _indexes_to_rebuild(conn, len(rows))
        for name, _sql in rebuild:
            conn.execute(f'DROP INDEX "{name}"')
        ids = records.insert_many(storage, TABLE, rows, actor)
        # Shares of the time each step takes at 100,000 rows: rows and log ~55 %, indexes ~25 %, search ~20 %.
        report(0.55)
        for done, (_name, sql) in enumerate(rebuild, start=1):
            conn.execute(sql)
            report(0.55 + 0.25 * done / len(rebuild))
        conn.execute("INSERT INTO firms_fts_key (firm_id) SELECT id FROM firms WHERE rowid > ? ORDER BY rowid", (last,))
        conn.execute(
            "INSERT INTO firms_fts (rowid, legal_name, trade_name, tax_id, municipality, people) "
            f"SELECT k.n, {fts_values('f')} FROM firms f JOIN firms_fts_key k ON k.firm_id = f.id WHERE f.rowid > ?",
            (last,),
        )
        conn.execute("UPDATE firms_fts_control SET bulk = 0")
        report(1.0)
    return ids


# Below this many new rows, updating the indexes row by row is cheap enough.
BULK_REINDEX_MIN_ROWS = 5000


def _indexes_to_rebuild(conn, new_rows: int) -> list[tuple[str, str]]:
    """The firm indexes worth dropping and rebuilding around a bulk insert.

    Building an index once over sorted data is several times faster than
    inserting 100,000 rows into a dozen indexes one by one; but when the
    table already holds many more rows than arrive, rebuilding costs more.
    All of it happens inside the insert's transaction, so other connections
    never see the table without its indexes.
    """
    if new_rows < BULK_REINDEX_MIN_ROWS:
        return []
    existing = conn.execute("SELECT count(*) FROM firms").fetchone()[0]
    if existing > 2 * new_rows:
        return []
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'firms' AND sql IS NOT NULL"
    ).fetchall()


def update_firm(storage, firm_id: str, changes: Mapping[str, Any], actor: str | None,
                expected_rev: int | None = None) -> dict:
    """Change fields of a firm (rev +1, logged); see :func:`db.records.update`."""
    return records.update(storage, TABLE, firm_id, changes, actor, expected_rev)


def get_firm(storage, firm_id: str, include_deleted: bool = True) -> dict | None:
    """A firm by id (tombstoned ones included unless asked otherwise), or None."""
    return records.get(storage, TABLE, firm_id, include_deleted)


@guarded
def get_firm_by_tax_id(storage, tax_id: str, country: str | None = None,
                       include_deleted: bool = False) -> dict | None:
    """The live firm with this (compacted) tax id, optionally in one country; oldest first."""
    where, params = "tax_id = ?", [tax_id]
    if country:
        where += " AND country = ?"
        params.append(country)
    rows = records.select(storage, TABLE, where, params, order_by="created_at, id",
                          include_deleted=include_deleted)
    return rows[0] if rows else None


@guarded
def tax_id_index(storage) -> dict[tuple[str, str], str]:
    """(country, tax_id) -> firm id for every live firm with a tax id (for duplicate checks)."""
    cur = storage.conn.execute(
        "SELECT country, tax_id, id FROM firms WHERE tax_id IS NOT NULL AND deleted_at IS NULL ORDER BY created_at DESC"
    )
    return {(c, t): i for c, t, i in cur}


def delete_firm(storage, firm_id: str, actor: str | None) -> dict:
    """Tombstone a firm; it disappears from lists but stays in the file."""
    return records.tombstone(storage, TABLE, firm_id, actor)


def undelete_firm(storage, firm_id: str, actor: str | None) -> dict:
    """Bring a tombstoned firm back."""
    return records.undelete(storage, TABLE, firm_id, actor)


@guarded
def purge_firm(storage, firm_id: str, actor: str | None) -> None:
    """Remove a firm and everything hanging from it from the file, for good (logged)."""
    with storage.write():
        for table, where, params in (
            ("answers", "assessment_id IN (SELECT id FROM assessments WHERE firm_id = ?)", (firm_id,)),
            ("notes", "firm_id = ?", (firm_id,)),
            ("contacts", "firm_id = ?", (firm_id,)),
            ("advisory_sessions", "firm_id = ?", (firm_id,)),
            ("plan_items", "firm_id = ?", (firm_id,)),
            ("impact_milestones", "firm_id = ?", (firm_id,)),
            ("assessments", "firm_id = ?", (firm_id,)),
        ):
            for row in records.select(storage, table, where, params, include_deleted=True):
                records.purge(storage, table, row["id"], actor)
        records.purge(storage, TABLE, firm_id, actor)


@guarded
def count_firms(storage, include_deleted: bool = False) -> int:
    """How many firms the database holds."""
    sql = "SELECT count(*) FROM firms" + ("" if include_deleted else " WHERE deleted_at IS NULL")
    return storage.conn.execute(sql).fetchone()[0]
