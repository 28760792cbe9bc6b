"""The firms matching a search text, computed once and shared by count and pages.

Search-as-you-type asks for the same text several times in a row: the row
count, the first page, then more pages as the user scrolls. Running the FTS
match and mapping every hit to a live firm each time cost 70–200 ms per
keystroke at 100,000 firms for short words (one letter matches half of them).

Here the match runs once into a per-connection TEMP table of FTS keys
(``firms_fts_key.n``, appended in order, so cheap to build), with tombstoned
firms already taken out, and its size is remembered. Later calls reuse it
while nothing has been written: the cache is keyed by the match expression
and checked against the connection's ``total_changes`` (writes on this
connection, triggers included) and ``PRAGMA data_version`` (commits by other
connections). Any write simply means the next search builds it again, so
results are never stale.
"""

from __future__ import annotations

import itertools
from db.driver import sqlite3
from dataclasses import dataclass

HITS_TABLE = "temp.firm_search_hits"        # firms matching the text
FILTERED_TABLE = "temp.firm_filtered_hits"  # ... and the column filters too

_generations = itertools.count(1)


@dataclass(frozen=True)
class Hits:
    """A built hit set: its table, key, size and the state of the data it was built from."""

    table: str
    key: tuple
    count: int
    token: tuple[int, int]
    generation: int


# Per connection and table (keyed by id(); sqlite3 connections take no weak
# references). The generation number is also stored in the connection's own
# TEMP table, so an entry left by a closed connection whose id was reused is
# never trusted.
_cache: dict[tuple[int, str], Hits] = {}


# Rows this module wrote to its TEMP tables, per connection: they are taken
# out of total_changes so that filling one hit set does not look like a data
# change to the other.
_own_changes: dict[int, int] = {}


def _token(conn) -> tuple[int, int]:
    """What changes whenever firm data may have changed (other than our TEMP rows)."""
    written = conn.total_changes - _own_changes.get(id(conn), 0)
    return written, conn.execute("PRAGMA data_version").fetchone()[0]


def _ensure_tables(conn) -> None:
    for table in (HITS_TABLE, FILTERED_TABLE):
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table[5:]} (n INTEGER PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS firm_search_state (name TEXT PRIMARY KEY, generation INTEGER)")


def _still_valid(conn, hits: Hits | None, key) -> bool:
    if hits is None or hits.key != key or hits.token != _token(conn):
        return False
    try:
        row = conn.execute("SELECT generation FROM temp.firm_search_state WHERE name = ?", (hits.table,)).fetchone()
    except sqlite3.OperationalError:  # no TEMP table: a new connection that reuses an old id
        return False
    return row is not None and row[0] == hits.generation


def forget() -> None:
    """Drop every cached hit set and count, so the next search counts and matches again (benchmarks)."""
    global _epoch
    _cache.clear()
    _epoch += 1


# Bumped by forget(): counts cached elsewhere (db.queries.search) keep the epoch they were made in.
_epoch = 0


def data_token(conn) -> tuple[int, int, int]:
    """A value that changes whenever firm data may have changed (or :func:`forget` was called).

    Anything cached with it is still right while it stays the same, provided
    it was not made inside an open transaction (a rollback would not change it).
    """
    return (*_token(conn), _epoch)


def _materialize(conn, table: str, key: tuple, fill) -> Hits:
    """Reuse ``table`` if it was filled for ``key`` and nothing changed since; else refill it.

    ``fill(conn)`` inserts the rows and returns how many the table holds.
    """
    cached = _cache.get((id(conn), table))
    if _still_valid(conn, cached, key):
        return cached
    _ensure_tables(conn)
    # Inside someone's transaction the TEMP rows would vanish with a rollback
    # while the cache entry stayed: use them for this call only.
    outer = conn.in_transaction
    before = conn.total_changes
    if not outer:
        conn.execute("BEGIN")
    try:
        conn.execute(f"DELETE FROM {table}")
        count = fill(conn)
        generation = next(_generations)
        conn.execute("INSERT OR REPLACE INTO temp.firm_search_state (name, generation) VALUES (?, ?)",
                     (table, generation))
    except BaseException:
        if not outer and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        _own_changes[id(conn)] = _own_changes.get(id(conn), 0) + conn.total_changes - before
    if not outer:
        conn.execute("COMMIT")
    hits = Hits(table, key, count, _token(conn), generation)
    if outer:
        _cache.pop((id(conn), table), None)
    else:
        _cache[(id(conn), table)] = hits
    return hits


def hits_for(conn, expression: str, include_deleted: bool) -> Hits:
    """Fill (or reuse) :data:`HITS_TABLE` with the FTS keys of the firms that match.

    Args:
        conn: the sqlite3 connection.
        expression: an FTS5 MATCH expression (from ``db.queries.search.match_expression``).
        include_deleted: keep tombstoned firms among the hits.

    Returns:
        The hit set; its ``count`` is the number of firms that match.
    """
    def fill(conn) -> int:
        count = conn.execute(
            f"INSERT INTO {HITS_TABLE} (n) SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?", (expression,)
        ).rowcount
        if not include_deleted:
            # Few firms are tombstoned; the partial index firms_deleted_id lists them.
            count -= conn.execute(
                f"DELETE FROM {HITS_TABLE} WHERE n IN (SELECT k.n FROM firms f "
                "JOIN firms_fts_key k ON k.firm_id = f.id WHERE f.deleted_at IS NOT NULL)"
            ).rowcount
        return count

    return _materialize(conn, HITS_TABLE, (expression, include_deleted), fill)


def filtered_hits(conn, text_hits: Hits, condition: str, params: list) -> Hits:
    """Fill (or reuse) :data:`FILTERED_TABLE` with the text hits that also pass ``condition``.

    Args:
        conn: the sqlite3 connection.
        text_hits: the current :func:`hits_for` result.
        condition: an SQL condition over ``k.firm_id`` (``k`` is the hit's
            ``firms_fts_key`` row), e.g. index probes for the column filters.
        params: its parameters.
    """
    def fill(conn) -> int:
        return conn.execute(
            f"INSERT INTO {FILTERED_TABLE} (n) SELECT h.n FROM {HITS_TABLE} h "
            f"CROSS JOIN firms_fts_key k ON k.n = h.n WHERE {condition}", params
        ).rowcount

    return _materialize(conn, FILTERED_TABLE, (text_hits.key, text_hits.generation, condition, tuple(params)), fill)
