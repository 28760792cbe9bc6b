"""Generic record writes: the record model and the change log in one place.

Every table of :data:`db.schema.RECORD_TABLES` is written through these
functions, so every write stamps ``created_*``/``updated_*``, bumps ``rev``,
records the ``origin`` device and appends to the change log inside the same
transaction. Deletion is a tombstone (``deleted_at``); only :func:`purge`
removes a row, and it is logged too.

The per-table repository modules (``db.firms``, ``db.advisers`` ...) are thin
wrappers that name the table; other code should call those.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable, Mapping
from typing import Any

from db import changelog
from db.clock import new_id, now_iso
from db.errors import RecordNotFoundError, StaleRecordError, guarded
from db.schema import RECORD_TABLES

# Fields stored as JSON text and returned as Python values.
JSON_FIELDS = {"assessments": {"result"}, "answers": {"value"}, "settings": {"value"},
               "advisory_sessions": {"topics"}, "impact_milestones": {"markets"},
               "centre_programmes": {"territory", "instruments", "sizes", "sectors", "stages"}}
# Fields stored as 0/1 and returned as bool.
BOOL_FIELDS = {"firms": {"formal_registration"}, "advisers": {"active"},
               "centre_programmes": {"requires_registration"}, "impact_milestones": {"document_seen"}}
# Fields that callers may not set directly: the record model owns them.
MANAGED = frozenset(changelog.META_FIELDS) - {"id"}


def columns(storage, table: str) -> tuple[str, ...]:
    """The columns of a record table, in schema order (cached per Storage)."""
    if table not in RECORD_TABLES:
        raise ValueError(f"not a record table: {table!r}")
    cache = storage.__dict__.setdefault("_columns", {})
    if table not in cache:
        cache[table] = tuple(r[1] for r in storage.conn.execute(f"PRAGMA table_info({table})"))
    return cache[table]


def defaults(storage, table: str) -> dict[str, Any]:
    """Each column's schema default (None where there is none), so a new row
    built in Python matches what SQLite would have stored."""
    cache = storage.__dict__.setdefault("_defaults", {})
    if table not in cache:
        values = {}
        for _cid, name, _type, _notnull, default, _pk in storage.conn.execute(f"PRAGMA table_info({table})"):
            # The default is SQL text such as 'USD' or 1: let SQLite evaluate it.
            values[name] = None if default is None else storage.conn.execute(f"SELECT {default}").fetchone()[0]
        cache[table] = values
    return cache[table]


def decode(table: str, row: Mapping[str, Any]) -> dict:
    """A stored row as the dict code works with (JSON parsed, booleans as bool)."""
    out = dict(row)
    for name in JSON_FIELDS.get(table, ()):
        if out.get(name) is not None:
            out[name] = json.loads(out[name])
    for name in BOOL_FIELDS.get(table, ()):
        if out.get(name) is not None:
            out[name] = bool(out[name])
    return out


def _encode_value(table: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in JSON_FIELDS.get(table, ()):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if name in BOOL_FIELDS.get(table, ()):
        return int(bool(value))
    return value


def _check_fields(storage, table: str, values: Mapping[str, Any]) -> None:
    known = set(columns(storage, table))
    unknown = [k for k in values if k not in known]
    if unknown:
        raise ValueError(f"unknown fields for {table}: {', '.join(sorted(unknown))}")
    managed = [k for k in values if k in MANAGED]
    if managed:
        raise ValueError(f"record metadata is set by storage, not by callers: {', '.join(sorted(managed))}")


def _fetch(storage, table: str, record_id: str) -> dict | None:
    cur = storage.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return decode(table, dict(zip((d[0] for d in cur.description), row)))


@guarded
def get(storage, table: str, record_id: str, include_deleted: bool = True) -> dict | None:
    """One record by id, or None."""
    columns(storage, table)
    row = _fetch(storage, table, record_id)
    if row is None or (row["deleted_at"] and not include_deleted):
        return None
    return row


def _new_row(storage, table: str, values: Mapping[str, Any], actor: str | None, stamp: str) -> dict:
    _check_fields(storage, table, values)
    row = dict(defaults(storage, table))
    row.update((k, v) for k, v in values.items() if v is not None)
    row.update(id=values.get("id") or new_id(), created_at=stamp, updated_at=stamp,
               created_by=actor, updated_by=actor, rev=1, origin=storage.device_id, deleted_at=None)
    return row


def _insert_sql(storage, table: str) -> str:
    cols = columns(storage, table)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


def _params(storage, table: str, row: dict) -> tuple:
    values = [row[c] for c in columns(storage, table)]
    # Only a few columns need converting; bulk imports call this 100,000 times.
    for index, name in _converted(storage, table):
        values[index] = _encode_value(table, name, values[index])
    return tuple(values)


def _converted(storage, table: str) -> list[tuple[int, str]]:
    special = JSON_FIELDS.get(table, set()) | BOOL_FIELDS.get(table, set())
    return [(i, c) for i, c in enumerate(columns(storage, table)) if c in special]


@guarded
def insert(storage, table: str, values: Mapping[str, Any], actor: str | None) -> dict:
    """Create a record (rev 1) and log it. Returns the stored record.

    ``values`` may carry an ``id`` made by the caller; otherwise a UUIDv7 is made.
    """
    stamp = now_iso()
    row = _new_row(storage, table, values, actor, stamp)
    with storage.write():
        storage.conn.execute(_insert_sql(storage, table), _params(storage, table, row))
        stored = _fetch(storage, table, row["id"])
        changelog.append(storage, table, row["id"], 1, "insert", None, stored, stamp, actor)
    return stored


# One encoder for the bulk paths: json.dumps with options builds a new encoder
# per call, which costs as much as the encoding of a small value. Same options
# as changelog.dumps and _encode_value, so the text is identical.
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


@guarded
def insert_many(storage, table: str, rows: Iterable[Mapping[str, Any]], actor: str | None) -> list[str]:
    """Create many records in one transaction with two executemany calls.

    All or nothing: if one row fails (a constraint, a full disk) none is kept.
    The logged ``after`` is made by SQLite from each stored row (see
    :func:`_row_json_sql`); for tables it cannot do that for, it is the row as
    given plus metadata, which equals what a read returns because callers pass
    already-typed values.
    """
    stamp = now_iso()
    cols = columns(storage, table)
    base = defaults(storage, table)
    # A value left None takes the column's default, as in _new_row; only a few columns have one.
    filled = tuple((name, value) for name, value in base.items()
                   if value is not None and name not in changelog.META_FIELDS)
    bools = tuple(BOOL_FIELDS.get(table, ()))
    jsons = JSON_FIELDS.get(table, set())
    converted = _converted(storage, table)
    in_order = operator.itemgetter(*cols)
    origin = storage.device_id
    meta = {"created_at": stamp, "updated_at": stamp, "created_by": actor, "updated_by": actor, "rev": 1,
            "origin": origin, "deleted_at": None}
    checked: set[tuple[str, ...]] = set()
    json_sql = _row_json_sql(storage, table)
    ids, params = [], []
    prepared: list[dict] = []  # the rows, kept only when the log is written from Python
    for values in rows:
        keys = tuple(values)
        if keys not in checked:  # rows of one batch nearly always share their keys
            _check_fields(storage, table, values)
            checked.add(keys)
        row = {**base, **values, **meta}
        for name, value in filled:
            if row[name] is None:
                row[name] = value
        row["id"] = values.get("id") or new_id()
        for name in bools:
            if row[name] is not None:
                row[name] = bool(row[name])
        values_out = in_order(row)
        if converted:
            values_out = list(values_out)
            for index, name in converted:
                value = values_out[index]
                if value is not None:
                    values_out[index] = _JSON.encode(value) if name in jsons else int(bool(value))
        ids.append(row["id"])
        params.append(values_out)
        if json_sql is None:
            prepared.append(row)
    with storage.write():
        if json_sql is None:
            storage.conn.executemany(_insert_sql(storage, table), params)
            changelog.append_inserts(storage, table, prepared, stamp, actor)
        else:
            last = storage.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
            storage.conn.executemany(_insert_sql(storage, table), params)
            changelog.append_stored_inserts(storage, table, json_sql, last, stamp, actor)
    return ids


def _row_json_sql(storage, table: str) -> str | None:
    """A ``json_object(...)`` expression giving a stored row as the log records it, or None.

    Keys in sorted order and booleans as true/false, so the parsed value
    equals what :func:`decode` returns for the row. None (log from Python)
    for tables with REAL columns, which SQLite writes with 15 significant
    digits (not always the same float again), and for tables with JSON
    columns, whose text Python may have written with NaN, which SQLite's
    JSON functions refuse.
    """
    cache = storage.__dict__.setdefault("_row_json_sql", {})
    if table not in cache:
        types = {name: kind.upper() for _cid, name, kind, *_ in storage.conn.execute(f"PRAGMA table_info({table})")}
        if JSON_FIELDS.get(table) or any("REAL" in kind or "FLOA" in kind or "DOUB" in kind for kind in types.values()):
            cache[table] = None
        else:
            parts = []
            for name in sorted(types):
                if name in BOOL_FIELDS.get(table, ()):
                    value = f"CASE WHEN {name} IS NULL THEN NULL WHEN {name} THEN json('true') ELSE json('false') END"
                else:
                    value = name
                parts.append(f"'{name}', {value}")
            cache[table] = f"json_object({', '.join(parts)})"
    return cache[table]


@guarded
def update_many(storage, table: str, changes: Mapping[str, Mapping[str, Any]], actor: str | None) -> int:
    """Change fields of many live records in one transaction (bulk paths such as demo data).

    Same rules as :func:`update` for each record (rev +1, one log entry with
    before and after, unchanged fields ignored), but with one executemany for
    the rows and one for the log. Records that are missing or deleted are
    skipped. All or nothing.

    Args:
        changes: record id -> the fields to change.

    Returns:
        How many records actually changed.
    """
    for values in changes.values():
        _check_fields(storage, table, values)
    stamp = now_iso()
    with storage.write():
        befores = _fetch_many(storage, table, list(changes))
        updates, entries = [], []
        for record_id, values in changes.items():
            before = befores.get(record_id)
            if before is None or before["deleted_at"]:
                continue
            # Compare and log values as a read returns them (JSON parsed, bools).
            typed = {k: decode(table, {k: _encode_value(table, k, v)})[k] for k, v in values.items()}
            real = {k: values[k] for k, v in typed.items() if v != before[k]}
            if not real:
                continue
            after = {**before, **{k: typed[k] for k in real}}
            after.update(updated_at=stamp, updated_by=actor, rev=before["rev"] + 1, origin=storage.device_id)
            updates.append((before, real, after))
        # Group by the set of changed fields so each group is one statement.
        groups: dict[tuple[str, ...], list] = {}
        for before, real, after in updates:
            groups.setdefault(tuple(real), []).append((before, real, after))
        for names, group in groups.items():
            assignments = ", ".join(f"{n} = ?" for n in (*names, "updated_at", "updated_by", "rev", "origin"))
            storage.conn.executemany(
                f"UPDATE {table} SET {assignments} WHERE id = ? AND rev = ?",
                ([*(_encode_value(table, n, real[n]) for n in names), stamp, actor, after["rev"],
                  storage.device_id, before["id"], before["rev"]] for before, real, after in group),
            )
            entries += group
        _log_updates(storage, table, entries, stamp, actor)
    return len(entries)


def _log_updates(storage, table: str, entries: list[tuple[dict, dict, dict]], stamp: str,
                 actor: str | None) -> None:
    # The bulk twin of changelog.append: consecutive origin sequence numbers.
    origin = storage.device_id
    first = changelog.next_origin_seq(storage, origin)
    storage.conn.executemany(changelog._INSERT, (
        (table, before["id"], after["rev"], origin, first + i, "update", _JSON.encode(before),
         _JSON.encode(after), stamp, actor)
        for i, (before, _real, after) in enumerate(entries)
    ))


def _fetch_many(storage, table: str, record_ids: list[str]) -> dict[str, dict]:
    found = {}
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start:start + 500]
        cur = storage.conn.execute(f"SELECT * FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
        names = [d[0] for d in cur.description]
        for row in cur:
            record = decode(table, dict(zip(names, row)))
            found[record["id"]] = record
    return found


def _require(storage, table: str, record_id: str) -> dict:
    row = _fetch(storage, table, record_id)
    if row is None:
        raise RecordNotFoundError(table, record_id)
    return row


def _save(storage, table: str, before: dict, changes: dict, actor: str | None, op: str) -> dict:
    stamp = now_iso()
    changes = dict(changes, updated_at=stamp, updated_by=actor, rev=before["rev"] + 1, origin=storage.device_id)
    assignments = ", ".join(f"{name} = ?" for name in changes)
    params = [_encode_value(table, k, v) for k, v in changes.items()] + [before["id"], before["rev"]]
    cur = storage.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ? AND rev = ?", params)
    if cur.rowcount != 1:  # pragma: no cover - the write lock makes this unreachable
        raise StaleRecordError(table, before["id"], before["rev"], -1)
    after = _fetch(storage, table, before["id"])
    changelog.append(storage, table, before["id"], after["rev"], op, before, after, stamp, actor)
    return after


@guarded
def update(storage, table: str, record_id: str, changes: Mapping[str, Any], actor: str | None,
           expected_rev: int | None = None) -> dict:
    """Change some fields of a live record; rev +1 and one log entry.

    Fields whose value does not actually change are ignored; if nothing
    changes, nothing is written and the current record is returned.

    Raises:
        RecordNotFoundError: no such record, or it is deleted.
        StaleRecordError: ``expected_rev`` given and the record has moved on.
    """
    _check_fields(storage, table, changes)
    with storage.write():
        before = _require(storage, table, record_id)
        if before["deleted_at"]:
            raise RecordNotFoundError(table, record_id)
        if expected_rev is not None and before["rev"] != expected_rev:
            raise StaleRecordError(table, record_id, expected_rev, before["rev"])
        real = {k: v for k, v in changes.items() if decode(table, {k: _encode_value(table, k, v)})[k] != before[k]}
        if not real:
            return before
        return _save(storage, table, before, real, actor, "update")


@guarded
def touch(storage, table: str, record_id: str, actor: str | None) -> dict:
    """A new version of a live record with its data unchanged (rev +1; logged).

    For decisions about a record that must travel with it (the sync layer attaches them).
    """
    with storage.write():
        before = _require(storage, table, record_id)
        if before["deleted_at"]:
            raise RecordNotFoundError(table, record_id)
        return _save(storage, table, before, {}, actor, "update")


@guarded
def tombstone(storage, table: str, record_id: str, actor: str | None) -> dict:
    """Mark a record deleted (kept in the file; rev +1; logged). Idempotent."""
    with storage.write():
        before = _require(storage, table, record_id)
        if before["deleted_at"]:
            return before
        return _save(storage, table, before, {"deleted_at": now_iso()}, actor, "delete")


@guarded
def undelete(storage, table: str, record_id: str, actor: str | None) -> dict:
    """Bring a tombstoned record back (rev +1; logged). Idempotent."""
    with storage.write():
        before = _require(storage, table, record_id)
        if not before["deleted_at"]:
            return before
        return _save(storage, table, before, {"deleted_at": None}, actor, "undelete")


@guarded
def purge(storage, table: str, record_id: str, actor: str | None) -> None:
    """Remove a record from the file for good. Only for an explicit purge by the user.

    The removal is logged (op "purge", with the last version as ``before``).
    Child rows must be purged first; foreign keys refuse otherwise.
    """
    with storage.write():
        before = _require(storage, table, record_id)
        storage.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        changelog.append(storage, table, record_id, before["rev"] + 1, "purge", before, None, now_iso(), actor)


@guarded
def select(storage, table: str, where: str = "1", params: Iterable[Any] = (), order_by: str = "id",
           include_deleted: bool = False) -> list[dict]:
    """Records matching a WHERE clause written by a repository module (never by users)."""
    columns(storage, table)
    clause = where if include_deleted else f"({where}) AND deleted_at IS NULL"
    cur = storage.conn.execute(f"SELECT * FROM {table} WHERE {clause} ORDER BY {order_by}", tuple(params))
    names = [d[0] for d in cur.description]
    return [decode(table, dict(zip(names, r))) for r in cur]
