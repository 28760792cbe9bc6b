"""Other devices, what each is known to hold, this device's role, and bundle history."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from db.clock import new_id, now_iso
from db.errors import guarded
from db.sync.schema import guard_national
from db.sync.state import ensure_schema, vv_join
from desktop.domain.errors import UserError

ROLES = ("laptop", "centre")


@dataclass(frozen=True)
class Peer:
    """Another device this database has heard of.

    Attributes:
        known: origin -> highest sequence number the device said it holds.
        sent: origin -> highest sequence number we last sent it.
    """

    device_id: str
    name: str
    role: str | None
    known: dict[str, int]
    sent: dict[str, int]
    last_received_at: str | None
    last_sent_at: str | None


@dataclass(frozen=True)
class BundleRecord:
    """One bundle written or applied here (the Sincronización screen's history)."""

    id: str
    direction: str  # "sent" or "received"
    file_name: str
    peer_id: str | None
    peer_name: str | None
    bundle_created_at: str
    recorded_at: str
    changes: int
    applied: int
    conflicts: int
    counts: dict[str, int]
    sha256: str


_PEER_COLS = "device_id, name, role, known, sent, last_received_at, last_sent_at"


def _peer(row: tuple) -> Peer:
    did, name, role, known, sent, lr, ls = row
    return Peer(did, name, role, json.loads(known), json.loads(sent), lr, ls)


def local_role(storage) -> str:
    row = storage.conn.execute("SELECT role FROM sync_local WHERE id = 1").fetchone()
    return row[0] if row else "laptop"


@guarded
def set_local_role(storage, role: str) -> None:
    """Mark this database as a field laptop or as the centre."""
    if role not in ROLES:
        raise UserError("El papel del equipo debe ser «laptop» o «centre».", field="role")
    ensure_schema(storage)
    with storage.write():
        storage.conn.execute("UPDATE sync_local SET role = ? WHERE id = 1", (role,))


def get_peer(storage, device_id: str) -> Peer | None:
    row = storage.conn.execute(f"SELECT {_PEER_COLS} FROM sync_peers WHERE device_id = ?", (device_id,)).fetchone()
    return None if row is None else _peer(row)


@guarded
def list_peers(storage) -> list[Peer]:
    """Every other device heard of, by name."""
    ensure_schema(storage)
    return [_peer(r) for r in storage.conn.execute(f"SELECT {_PEER_COLS} FROM sync_peers ORDER BY name, device_id")]


def find_peer(storage, ref: str | None) -> Peer | None:
    """The peer a user named (device id or name, case-insensitive); None: the default peer.

    The default peer is the centre, when one is known; otherwise None, and the
    export carries everything (always correct, just larger).

    Raises:
        UserError: ``ref`` names no known device, or names several.
    """
    if ref is None:
        rows = storage.conn.execute(
            f"SELECT {_PEER_COLS} FROM sync_peers WHERE role = 'centre' ORDER BY last_received_at DESC"
        ).fetchall()
        return _peer(rows[0]) if rows else None
    rows = storage.conn.execute(
        f"SELECT {_PEER_COLS} FROM sync_peers WHERE device_id = ? OR lower(name) = lower(?)", (ref, ref)
    ).fetchall()
    if len(rows) == 1:
        return _peer(rows[0])
    # A laptop whose file was restored or copied goes on under a new origin with the same name
    # (db.connection): its earlier origin never sends again, so the name means the latest sender.
    senders = sorted((p for p in map(_peer, rows) if p.last_received_at), key=lambda p: p.last_received_at)
    if senders and (len(senders) == 1 or senders[-1].last_received_at != senders[-2].last_received_at):
        return senders[-1]
    if rows:
        raise UserError(f"Hay varios equipos llamados «{ref}»; indique su identificador.", field="peer")
    raise UserError(f"No se conoce ningún equipo llamado «{ref}»; importe antes un paquete suyo.", field="peer")


def latest_of_device(storage, peer: Peer) -> Peer:
    """The id under which the device behind ``peer`` last wrote to us.

    A laptop restored from a backup goes on under a new id with the same signing key
    (:mod:`db.connection`); its earlier id never writes again, so what that id once
    acknowledged overstates what the laptop holds now: the work the restore lost would never
    be sent back. Every id linked to the same key is one device; the one heard from last
    says what it holds. (Two laptops made from one copied file also share a key: each then
    gets, at worst, what the other acknowledged, and the rest once it writes again.)
    """
    row = storage.conn.execute(
        f"SELECT {_PEER_COLS} FROM sync_peers WHERE signing_key IS NOT NULL AND last_received_at IS NOT NULL"
        " AND signing_key = (SELECT signing_key FROM sync_peers WHERE device_id = ?)"
        " ORDER BY last_received_at DESC LIMIT 1", (peer.device_id,)).fetchone()
    return _peer(row) if row else peer


def note_device(storage, device_id: str, name: str, role: str | None = None) -> None:
    """Remember (or rename) another device, here and in the storage's device list."""
    if device_id == storage.device_id:
        return
    stamp = now_iso()
    storage.conn.execute(
        "INSERT INTO sync_peers (device_id, name, role, first_seen_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, role = coalesce(excluded.role, role)",
        (device_id, name, role, stamp),
    )
    storage.conn.execute(
        "INSERT INTO devices (id, name, is_local, created_at, updated_at) VALUES (?, ?, 0, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at"
        " WHERE devices.name != excluded.name",
        (device_id, name, stamp, stamp),
    )


def learn_knowledge(storage, device_id: str, known: Mapping[str, int]) -> None:
    """Record that a device holds at least ``known`` (from a bundle it wrote)."""
    peer = get_peer(storage, device_id)
    merged = vv_join(peer.known if peer else {}, known)
    storage.conn.execute(
        "UPDATE sync_peers SET known = ?, last_received_at = ? WHERE device_id = ?",
        (json.dumps(merged, sort_keys=True), now_iso(), device_id),
    )


def note_sent(storage, device_id: str, sent: Mapping[str, int]) -> None:
    peer = get_peer(storage, device_id)
    merged = vv_join(peer.sent if peer else {}, sent)
    storage.conn.execute(
        "UPDATE sync_peers SET sent = ?, last_sent_at = ? WHERE device_id = ?",
        (json.dumps(merged, sort_keys=True), now_iso(), device_id),
    )


def record_bundle(storage, direction: str, file_name: str, peer_id: str | None, peer_name: str | None,
                  bundle_created_at: str, changes: int, applied: int, conflicts: int,
                  counts: Mapping[str, int], sha256: str, bundle_id: str | None = None) -> str:
    """Add a line to the bundle history; returns its id."""
    bundle_id = bundle_id or new_id()
    storage.conn.execute(
        "INSERT INTO sync_bundles (id, direction, file_name, peer_id, peer_name, bundle_created_at, recorded_at,"
        " changes, applied, conflicts, counts, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, direction, file_name, peer_id, peer_name, bundle_created_at, now_iso(), changes, applied,
         conflicts, json.dumps(dict(counts), sort_keys=True), sha256),
    )
    return bundle_id


def already_received(storage, source_id: str, sha256: str) -> bool:
    """True when this very bundle (same source, same payload) was applied here before."""
    return storage.conn.execute(
        "SELECT 1 FROM sync_bundles WHERE direction = 'received' AND peer_id = ? AND sha256 = ?",
        (source_id, sha256),
    ).fetchone() is not None


@guarded
def list_bundles(storage, limit: int | None = None) -> list[BundleRecord]:
    """Bundles sent and received, newest first."""
    ensure_schema(storage)
    sql = ("SELECT id, direction, file_name, peer_id, peer_name, bundle_created_at, recorded_at, changes,"
           " applied, conflicts, counts, sha256 FROM sync_bundles ORDER BY recorded_at DESC, id DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [BundleRecord(*r[:10], json.loads(r[10]), r[11]) for r in storage.conn.execute(sql)]


_SERVER_COLUMNS = {"url": "server_url", "synced_at": "server_synced_at", "result": "server_result",
                   "scope": "server_scope"}


def server_settings(storage) -> dict:
    """The centre's server of this device: url (with credentials), last sync and its result, and the
    scope it is enrolled with ("centre", "national" or None)."""
    row = storage.conn.execute(f"SELECT {', '.join(_SERVER_COLUMNS.values())} FROM sync_local WHERE id = 1").fetchone()
    return dict(zip(_SERVER_COLUMNS, row))


def set_server_settings(storage, **values) -> None:
    """Set some of ``url``, ``synced_at``, ``result``, ``scope`` (this device only; never travels).

    A national ``scope`` also makes this database refuse local writes of client data
    (:func:`db.sync.schema.guard_national`); another scope, or none, lifts that.
    """
    with storage.write():
        for key, value in values.items():
            storage.conn.execute(f"UPDATE sync_local SET {_SERVER_COLUMNS[key]} = ? WHERE id = 1", (value,))
        if "scope" in values:
            guard_national(storage.conn, values["scope"] == "national")
