"""The change log: one row per write, in the same transaction as the write.

Each entry names the table and record, the record's ``rev`` after the change,
the ``origin`` device and that device's own sequence number (``origin_seq``,
1, 2, 3 ... per origin, never reused), the operation, and the whole record
before and after as JSON. It is both the audit trail an adviser reads
(:func:`history`) and the source of field bundles (:func:`entries`): a peer
that has seen origin X up to sequence N needs exactly the entries of X above N.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from db.errors import guarded

# Metadata that changes on every write; a history shows the fields people edited.
META_FIELDS = ("id", "created_at", "updated_at", "created_by", "updated_by", "rev", "origin", "deleted_at")


@dataclass(frozen=True)
class FieldChange:
    """One field's change inside a history entry."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record, as an adviser reads it.

    Attributes:
        op: "insert", "update", "delete", "undelete" or "purge".
        rev: the record's revision after this change.
        changed_at: UTC ISO 8601 time of the change.
        changed_by: adviser id, or None.
        origin: device id where the change was made.
        changes: the fields whose value changed (for an insert: every field given a value).
    """

    op: str
    rev: int
    changed_at: str
    changed_by: str | None
    origin: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeEntry:
    """A raw change-log row, as bundles carry it."""

    seq: int
    table_name: str
    record_id: str
    rev: int
    origin: str
    origin_seq: int
    op: str
    before: dict | None
    after: dict | None
    changed_at: str
    changed_by: str | None


# One encoder for every entry: json.dumps with options builds a new encoder per
# call, which costs about as much as encoding a small record (same text).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def dumps(row: dict | None) -> str | None:
    """Serialise a record for the log (stable key order, accents kept)."""
    return None if row is None else _ENCODER.encode(row)


def next_origin_seq(storage, origin: str) -> int:
    """The next sequence number for ``origin`` (call inside the write transaction)."""
    row = storage.conn.execute(
        "SELECT coalesce(max(origin_seq), 0) FROM change_log WHERE origin = ?", (origin,)
    ).fetchone()
    return row[0] + 1


_INSERT = (
    "INSERT INTO change_log (table_name, record_id, rev, origin, origin_seq, op, before, after, changed_at, changed_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def append(storage, table: str, record_id: str, rev: int, op: str, before: dict | None,
           after: dict | None, changed_at: str, changed_by: str | None) -> int:
    """Log one local change; returns its origin sequence number.

    Must run inside the transaction that made the change (``storage.write()``).
    """
    origin = storage.device_id
    seq = next_origin_seq(storage, origin)
    storage.conn.execute(
        _INSERT,
        (table, record_id, rev, origin, seq, op, dumps(before), dumps(after), changed_at, changed_by),
    )
    return seq


def append_inserts(storage, table: str, rows: Iterable[dict], changed_at: str, changed_by: str | None) -> None:
    """Log many local inserts at once (the bulk-import path), in one executemany."""
    origin = storage.device_id
    first = next_origin_seq(storage, origin)
    encode = _ENCODER.encode
    storage.conn.executemany(
        _INSERT,
        (
            (table, row["id"], row["rev"], origin, seq, "insert", None, encode(row), changed_at, changed_by)
            for seq, row in enumerate(rows, start=first)
        ),
    )


def append_stored_inserts(storage, table: str, json_sql: str, after_rowid: int, changed_at: str,
                          changed_by: str | None) -> None:
    """Log as inserted every row of ``table`` whose rowid is above ``after_rowid`` (bulk paths).

    The ``after`` JSON is built by SQLite from the stored row with
    ``json_sql`` (a ``json_object(...)`` expression over the table's columns,
    see :func:`db.records.insert_many`), which is several times faster than
    encoding 100,000 rows in Python and logs exactly what the row holds, as
    :func:`append` does for a single insert. Origin sequence numbers follow
    the rowid order, which is the order the rows were inserted in.
    """
    origin = storage.device_id
    first = next_origin_seq(storage, origin)
    storage.conn.execute(
        "INSERT INTO change_log (table_name, record_id, rev, origin, origin_seq, op, before, after, changed_at,"
        " changed_by)"
        f" SELECT ?, id, rev, ?, ? + row_number() OVER (ORDER BY rowid) - 1, 'insert', NULL, {json_sql}, ?, ?"
        f" FROM {table} WHERE rowid > ? ORDER BY rowid",
        (table, origin, first, changed_at, changed_by, after_rowid),
    )


def _entry(row: tuple) -> ChangeEntry:
    seq, table, rid, rev, origin, oseq, op, before, after, at, by = row
    return ChangeEntry(seq, table, rid, rev, origin, oseq, op,
                       json.loads(before) if before else None,
                       json.loads(after) if after else None, at, by)


_COLUMNS = "seq, table_name, record_id, rev, origin, origin_seq, op, before, after, changed_at, changed_by"


@guarded
def entries(storage, table: str | None = None, record_id: str | None = None,
            origin: str | None = None, after_origin_seq: int = 0) -> list[ChangeEntry]:
    """Raw change-log entries in the order they were written here, optionally filtered."""
    where, params = ["origin_seq > ?"], [after_origin_seq]
    for column, value in (("table_name", table), ("record_id", record_id), ("origin", origin)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {_COLUMNS} FROM change_log WHERE {' AND '.join(where)} ORDER BY seq"
    return [_entry(r) for r in storage.conn.execute(sql, params)]


def diff(before: dict | None, after: dict | None) -> list[FieldChange]:
    """The edited fields between two versions of a record (metadata left out)."""
    before, after = before or {}, after or {}
    names = [k for k in after if k not in META_FIELDS] + [
        k for k in before if k not in after and k not in META_FIELDS
    ]
    changes = []
    for name in names:
        old, new = before.get(name), after.get(name)
        if old != new:
            changes.append(FieldChange(name, old, new))
    return changes


@guarded
def history(storage, table: str, record_id: str) -> list[HistoryEntry]:
    """The readable history of one record, oldest first: who changed what, when, from what."""
    result = []
    for e in entries(storage, table=table, record_id=record_id):
        result.append(HistoryEntry(e.op, e.rev, e.changed_at, e.changed_by, e.origin, diff(e.before, e.after)))
    return result
