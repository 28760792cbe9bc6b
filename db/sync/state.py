"""The replication log and per-record versions that bundles are built from.

Every change this database holds is kept in ``sync_changes`` exactly as a
bundle carries it, with the version vector (VV) of the record after the
change. Changes received in bundles are stored there on import. This
database's own changes are written by the record layer (:mod:`db.records`)
into ``change_log`` only; :func:`capture_local_changes` copies them across
before any sync operation, computing each one's VV as "every version of the
record this device held when the change was made, plus this change". Those
versions are the one it edited (the record's previous ``change_log`` entry,
because ``change_log`` holds exactly the succession of versions stored in the
record's table on this device) and the concurrent ones waiting in
``sync_heads``: a change made here happens after everything this device has
received for the record, so it supersedes them all, as the issue defines a
conflict ("changed on two devices since they last exchanged"). Counting only
the edited version would make the outcome depend on which concurrent version
happened to be displayed: per-origin counters always include this device's own
earlier versions, but never another device's.

Helpers here assume the caller holds the write transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from db import chain, records
from db.clock import now_iso
from db.schema import RECORD_TABLES
from db.sync import authority
from db.sync.format import BundleChange
from db.sync.schema import apply_sync_migrations

# Fields every record carries that are not the adviser's data.
META_FIELDS = ("id", "created_at", "updated_at", "created_by", "updated_by", "rev", "origin", "deleted_at")


def ensure_schema(storage) -> None:
    """Create the sync tables if this database does not have them yet."""
    apply_sync_migrations(storage.db)


# ------------------------------------------------------------ version vectors


def vv_le(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """True when version ``a`` is included in version ``b`` (a happened before or equals b)."""
    return all(n <= b.get(origin, 0) for origin, n in a.items())


def vv_join(*vvs: Mapping[str, int]) -> dict[str, int]:
    """The smallest version that includes all of ``vvs``."""
    out: dict[str, int] = {}
    for vv in vvs:
        for origin, n in vv.items():
            out[origin] = max(out.get(origin, 0), n)
    return out


def precedence(change: BundleChange) -> tuple:
    """Order among concurrent versions: the greatest is the one stored in the table.

    Every device applies the same order, so devices holding the same versions
    show the same one while the conflict waits for a person.
    """
    return (change.rev, change.origin, change.origin_seq)


def content(state: Mapping[str, Any]) -> dict[str, Any]:
    """A record's data without its metadata (what advisers edit), plus whether it is deleted."""
    out = {k: v for k, v in state.items() if k not in META_FIELDS}
    out["deleted_at"] = bool(state.get("deleted_at"))
    return out


# ------------------------------------------------------------ stored changes

_CHANGE_COLS = ("origin, origin_seq, table_name, record_id, rev, op, vv, state, changed_at, changed_by, extra, hash,"
                " before_sha")


def _change(row: tuple) -> BundleChange:
    origin, seq, table, rid, rev, op, vv, state, at, by, extra, link, before_sha = row
    return BundleChange(origin, seq, table, rid, rev, op, json.loads(vv), json.loads(state), at, by,
                        json.loads(extra), link, before_sha)


def get_change(storage, key: tuple[str, int]) -> BundleChange | None:
    """A stored change by (origin, origin_seq), or None."""
    row = storage.conn.execute(
        f"SELECT {_CHANGE_COLS} FROM sync_changes WHERE origin = ? AND origin_seq = ?", key
    ).fetchone()
    return None if row is None else _change(row)


def has_change(storage, key: tuple[str, int]) -> bool:
    return storage.conn.execute(
        "SELECT 1 FROM sync_changes WHERE origin = ? AND origin_seq = ?", key
    ).fetchone() is not None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def store_change(storage, ch: BundleChange) -> None:
    """Keep a change in the replication log (it will be relayed to other peers)."""
    storage.conn.execute(
        f"INSERT INTO sync_changes ({_CHANGE_COLS}, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ch.origin, ch.origin_seq, ch.table, ch.record_id, ch.rev, ch.op, _dumps(ch.vv), _dumps(ch.state),
         ch.changed_at, ch.changed_by, _dumps(ch.extra), ch.hash, ch.before_sha, now_iso()),
    )


def changes_beyond(storage, known: Mapping[str, int]) -> list[BundleChange]:
    """Every stored change a peer that holds ``known`` lacks, in causal (storage) order."""
    out = []
    for row in storage.conn.execute(f"SELECT {_CHANGE_COLS} FROM sync_changes ORDER BY n"):
        if row[1] > known.get(row[0], 0):
            out.append(_change(row))
    return out


def knowledge(storage) -> dict[str, int]:
    """For each origin, the highest sequence number held here."""
    return dict(storage.conn.execute("SELECT origin, max(origin_seq) FROM sync_changes GROUP BY origin"))


def _merged_into(storage, firm_id: str) -> str | None:
    row = storage.conn.execute("SELECT into_id FROM sync_merges WHERE from_id = ?", (firm_id,)).fetchone()
    return row[0] if row else None


def _distinct_from(storage, firm_id: str) -> list[str]:
    return sorted(r[0] for r in storage.conn.execute(
        "SELECT second_id FROM sync_distinct WHERE first_id = ? UNION SELECT first_id FROM sync_distinct"
        " WHERE second_id = ?", (firm_id, firm_id)))


def capture_local_changes(storage) -> int:
    """Copy this device's new change-log entries into the replication log.

    Returns:
        How many were captured. Purges are local housekeeping and never travel.
    """
    # This device's origin, and the ones it had before the file was copied or restored.
    pending = storage.conn.execute(
        """SELECT c.seq, c.table_name, c.record_id, c.rev, c.origin, c.origin_seq, c.op, c.after, c.changed_at,
                  c.changed_by, c.hash, c.before
           FROM change_log c LEFT JOIN sync_changes s ON s.origin = c.origin AND s.origin_seq = c.origin_seq
           WHERE c.origin IN (SELECT id FROM devices WHERE is_local = 1 OR retired_at IS NOT NULL)
             AND s.origin IS NULL AND c.op != 'purge' AND c.after IS NOT NULL
           ORDER BY c.seq""",
    ).fetchall()
    latest: dict[tuple[str, str], dict[str, int]] = {}
    superseded: dict[tuple[str, str], tuple[str, int]] = {}
    for seq, table, rid, rev, origin, oseq, op, after, at, by, link, before in pending:
        if table not in RECORD_TABLES:
            continue
        base = latest.get((table, rid))
        if base is None:
            # Imports and resolutions capture before they touch sync_heads, so
            # the heads held now are the ones held when this change was made.
            prev = displayed_change(storage, table, rid, before_log_seq=seq)
            held = other_heads(storage, table, rid)
            base = vv_join(*(v.vv for v in ([prev] if prev else []) + held))
            if held:
                superseded[(table, rid)] = (origin, oseq)
        vv = dict(base)
        vv[origin] = oseq
        extra: dict[str, Any] = {}
        if table == "firms" and op == "delete":
            into = _merged_into(storage, rid)
            if into:
                extra["merged_into"] = into
        said = authority.decided(table, json.loads(before) if before else None, json.loads(after))
        if said:
            extra["authority"] = said
        if table == "firms":
            # "Different firms" decisions ride on every later version of the firm.
            apart = _distinct_from(storage, rid)
            if apart:
                extra["distinct_from"] = apart
        store_change(storage, BundleChange(origin, oseq, table, rid, rev, op, vv, json.loads(after), at, by, extra,
                                           link, chain.before_sha(before) if link else None))
        latest[(table, rid)] = vv
    for (table, rid), key in superseded.items():
        set_other_heads(storage, table, rid, [])
        row = storage.conn.execute(
            "SELECT id FROM sync_conflicts WHERE kind = 'edit' AND table_name = ? AND record_id = ?"
            " AND status = 'open'", (table, rid),
        ).fetchone()
        if row:
            close_conflict(storage, row[0], "superseded", None, {"reason": "edited_here", "change": list(key)})
    return len(pending)


def close_conflict(storage, conflict_id: str, status: str, adviser_id: str | None, resolution: dict) -> None:
    """Mark a conflict row resolved or superseded, saying how."""
    storage.conn.execute(
        "UPDATE sync_conflicts SET status = ?, resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
        (status, now_iso(), adviser_id, json.dumps(resolution, ensure_ascii=False, default=str), conflict_id),
    )


def displayed_change(storage, table: str, record_id: str, before_log_seq: int | None = None) -> BundleChange | None:
    """The change that produced the version now stored in the record's table.

    ``before_log_seq`` asks instead for the version stored just before that
    change-log entry was written.
    """
    sql = ("SELECT origin, origin_seq FROM change_log WHERE table_name = ? AND record_id = ?"
           " AND op != 'purge'")
    params: list[Any] = [table, record_id]
    if before_log_seq is not None:
        sql += " AND seq < ?"
        params.append(before_log_seq)
    row = storage.conn.execute(sql + " ORDER BY seq DESC LIMIT 1", params).fetchone()
    return None if row is None else get_change(storage, tuple(row))


def other_heads(storage, table: str, record_id: str) -> list[BundleChange]:
    """Versions of the record concurrent with the stored one, greatest first."""
    keys = storage.conn.execute(
        "SELECT origin, origin_seq FROM sync_heads WHERE table_name = ? AND record_id = ?", (table, record_id)
    ).fetchall()
    found = [get_change(storage, tuple(k)) for k in keys]
    return sorted((c for c in found if c is not None), key=precedence, reverse=True)


def set_other_heads(storage, table: str, record_id: str, heads: list[BundleChange]) -> None:
    storage.conn.execute("DELETE FROM sync_heads WHERE table_name = ? AND record_id = ?", (table, record_id))
    storage.conn.executemany(
        "INSERT INTO sync_heads (table_name, record_id, origin, origin_seq) VALUES (?, ?, ?, ?)",
        [(table, record_id, h.origin, h.origin_seq) for h in heads],
    )


# ------------------------------------------------------------ record rows


def current_row(storage, table: str, record_id: str) -> dict | None:
    """The record as stored in its table (decoded), or None."""
    return records.get(storage, table, record_id, include_deleted=True)


def _encode(table: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in records.JSON_FIELDS.get(table, ()):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if name in records.BOOL_FIELDS.get(table, ()):
        return int(bool(value))
    return value


def unknown_columns(storage, table: str, state: Mapping[str, Any]) -> list[str]:
    """State fields this database's table lacks (a bundle from a newer schema)."""
    known = set(records.columns(storage, table))
    return sorted(k for k in state if k not in known)


def write_row(storage, table: str, state: Mapping[str, Any]) -> None:
    """Store a whole version of a record in its table (insert or replace its fields).

    An upsert, not ``INSERT OR REPLACE``: a replace would delete the row first,
    which child rows' foreign keys and the search triggers must not see.
    """
    cols = [c for c in records.columns(storage, table) if c in state]
    values = [_encode(table, c, state[c]) for c in cols]
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    storage.conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        f" ON CONFLICT(id) DO UPDATE SET {updates}",
        values,
    )


def log_applied(storage, ch: BundleChange, before: dict | None, stored: Mapping[str, Any] | None = None) -> None:
    """Write the change-log entry for a change now stored in the record's table.

    ``stored`` is the version as written here when it differs from the change's own (an adviser's
    authority fields stay this database's, :mod:`db.sync.authority`): the local history says what
    this database holds.
    """
    storage.conn.execute(
        "INSERT INTO change_log (table_name, record_id, rev, origin, origin_seq, op, before, after,"
        " changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ch.table, ch.record_id, ch.rev, ch.origin, ch.origin_seq, ch.op,
         None if before is None else _dumps(before), _dumps(ch.state if stored is None else stored), ch.changed_at,
         ch.changed_by),
    )
