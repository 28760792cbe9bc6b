"""Who may sign in, and with which role, is decided by each database, never by a bundle.

An adviser's ``role``, ``login`` and ``active`` flag say who opens *this* database and what
they may do in it; each database's administrators set them (``desktop.services.security``),
and the key file beside the database holds the matching sign-ins. A laptop's administrator
can change anything on the laptop, so if those fields travelled, a laptop could promote an
adviser at the centre, or deactivate the centre's own administrator, with one bundle.

So when another device's version of an adviser record is stored here (bundle, server pull,
conflict resolution), its authority fields are replaced by the ones this database holds: the
rest of the record (name, e-mail, phone ...) travels as usual. For an adviser this database
has never seen, that is no sign-in and the plain adviser role. A tombstone from elsewhere does
not remove an account that signs in here either. Every claim not taken is kept in
``sync_authority_refused`` so the import summary and ``rumbo check`` can name it.

Each device's own history still records its administrators' decisions (a logged change like
any other), which is what ``rumbo check`` audits on that device.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from db.clock import new_id, now_iso

# Per table, the fields a database decides for itself.
AUTHORITY_FIELDS: dict[str, tuple[str, ...]] = {"advisers": ("role", "login", "active")}
_NEUTRAL = {"role": "adviser", "login": None}


def fields_of(table: str) -> tuple[str, ...]:
    return AUTHORITY_FIELDS.get(table, ())


def _same(a: Any, b: Any) -> bool:
    # Booleans are stored as 0/1 here and travel as true/false.
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return a == b


def decided(table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> dict[str, Any]:
    """The authority values a change made here set (what its origin's administrator decided).

    Carried with the change (``extra["authority"]``) so that a receiver can say which claims it
    did not take; a receiver never applies them, so the note only words the refusal.
    """
    fields = fields_of(table)
    if not fields:
        return {}
    was = dict(_NEUTRAL, active=after.get("active", True)) if before is None else before
    return {f: after.get(f) for f in fields if f in after and not _same(after.get(f), was.get(f))}


def keep_local(table: str, state: Mapping[str, Any], here: Mapping[str, Any] | None,
               note: Mapping[str, Any] | None = None) -> tuple[dict, dict]:
    """The version to store here, and the authority values its origin decided that are not taken.

    Args:
        state: another device's version of the record.
        here: the record as this database holds it now (None: never seen here).
        note: the change's ``extra["authority"]`` (:func:`decided` at its origin).
    """
    fields = fields_of(table)
    stored = dict(state)
    if not fields:
        return stored, {}
    kept = dict(_NEUTRAL, active=state.get("active", True)) if here is None else {f: here.get(f) for f in fields}
    if here is not None and here.get("login") and not here.get("deleted_at") and state.get("deleted_at"):
        kept["deleted_at"] = None  # an account that signs in here is not removed from elsewhere
        note = dict(note or {}, deleted_at=state["deleted_at"])
    claimed = {f: v for f, v in (note or {}).items() if not _same(v, kept.get(f))}
    stored.update(kept)
    return stored, claimed


def record_refusal(storage, table: str, record_id: str, key: tuple[str, int], claimed: Mapping[str, Any],
                   changed_by: str | None, changed_at: str) -> None:
    """Remember a claim not taken (inside the caller's transaction); once per change."""
    storage.conn.execute(
        "INSERT OR IGNORE INTO sync_authority_refused (id, table_name, record_id, origin, origin_seq, claimed,"
        " changed_by, changed_at, refused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (new_id(), table, record_id, key[0], key[1], json.dumps(dict(claimed), sort_keys=True, default=str),
         changed_by, changed_at, now_iso()))


def refusals(storage) -> list[dict]:
    """Every authority claim from another device that was not taken here, newest first."""
    cur = storage.conn.execute(
        "SELECT r.table_name, r.record_id, r.origin, r.origin_seq, r.claimed, r.changed_by, r.changed_at,"
        " r.refused_at, coalesce(a.name, r.record_id), coalesce(p.name, d.name, r.origin)"
        " FROM sync_authority_refused r LEFT JOIN advisers a ON a.id = r.record_id"
        " LEFT JOIN sync_peers p ON p.device_id = r.origin LEFT JOIN devices d ON d.id = r.origin"
        " ORDER BY r.refused_at DESC, r.origin, r.origin_seq DESC")
    keys = ("table", "record_id", "origin", "origin_seq", "claimed", "changed_by", "changed_at", "refused_at",
            "name", "device")
    out = []
    for row in cur:
        item = dict(zip(keys, row))
        item["claimed"] = json.loads(item["claimed"])
        out.append(item)
    return out
