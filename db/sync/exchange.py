"""Field bundles: export the changes a peer lacks, import a peer's changes.

Design (why it converges and never loses an edit)
-------------------------------------------------
* Every change has a global identity ``(origin, origin_seq)``: the device that
  made it and that device's own counter. A database's *knowledge* is, per
  origin, the highest sequence number it holds. Bundles carry whole
  per-origin suffixes (everything above what the peer is known to hold, in
  the order they were stored here, which respects causality), so knowledge
  stays contiguous and "max per origin" describes it exactly.
* What a peer holds is learnt only from the manifest of a bundle the peer
  wrote (its knowledge at that moment). An export therefore carries every
  change above that acknowledged vector, including changes already sent in
  earlier bundles that the peer may not have imported yet. Re-sending is
  harmless (imports are idempotent), whereas trusting "sent" would lose
  changes for good when a bundle is never imported. What was sent is
  recorded for the history only.
* Each version of a record carries a version vector (VV): per origin, the
  highest sequence number of that origin's changes to the record that the
  version includes. A change made here gets the join of the VVs of every
  version of the record held here (the stored one and any concurrent ones)
  plus itself, so VVs describe exactly "who knew what" when the change was
  made, and such a change supersedes an open conflict's versions on every
  device (:func:`db.sync.state.capture_local_changes`). For an incoming
  change C and the versions of the record held here:
  - C included in one of them (``vv_le``): old news, stored for relaying but
    never written over newer data;
  - C includes some of them: those are superseded;
  - C neither includes nor is included in a version: concurrent, a conflict.
  The versions held for a record are thus always the maximal elements of all
  its changes received, whatever the order of arrival: imports in any order
  converge. Among concurrent versions, the record's table stores the one
  first by ``(rev, origin, origin_seq)`` (the same everywhere); the others
  wait in ``sync_heads`` and a conflict is opened. Nothing is overwritten
  silently: every version stays in ``sync_changes`` and the change log.
* A conflict is settled by a new version whose VV includes all concurrent
  versions (:mod:`db.sync.conflicts`); that version travels like any other
  change and closes the conflict on every device it reaches.
* An import runs in one write transaction with foreign keys deferred to its
  end: either the whole bundle is applied and recorded in the history, or
  nothing is. A preview is the same run, rolled back.
"""

from __future__ import annotations

import os
from db.driver import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db import chain, tempfiles
from db.clock import new_id, now_iso
from db.devices import own_ids
from db.errors import guarded, storage_errors
from db.schema import RECORD_TABLES
from db.sync.conflicts import record_distinct, redirect_children, refresh_duplicates, refresh_edit_conflict
from db.sync import attest, authority, trust
from db.sync.format import Bundle, BundleChange, BundleError, read_bundle, write_bundle
from db.sync.peers import (
    already_received,
    find_peer,
    get_peer,
    latest_of_device,
    learn_knowledge,
    local_role,
    note_device,
    note_sent,
    record_bundle,
    server_settings,
)
from db.sync.state import (
    capture_local_changes,
    changes_beyond,
    current_row,
    displayed_change,
    ensure_schema,
    has_change,
    knowledge,
    log_applied,
    other_heads,
    precedence,
    set_other_heads,
    store_change,
    unknown_columns,
    vv_le,
    write_row,
)
from desktop.domain.errors import UserError


@dataclass
class ApplyReport:
    """What importing a bundle does (or would do, for a preview).

    Attributes:
        already_imported: this very bundle was applied here before; nothing was done.
        empty: the bundle carries no change, comes from an unknown device and acknowledges none of
            ours; nothing was recorded (not even the device: anyone can write such a file).
        already_known: changes this database already held (skipped).
        outdated: changes older than what is stored here (kept for relaying, not shown).
        applied: changes now shown in their record.
        held: changes kept as a concurrent version of a record (a conflict).
        new, changed, deleted: records created, changed or deleted, per table.
        conflicts: conflicts opened, as (kind, table, record_id, other_id).
        possible_duplicates: new firms that look like a firm held here (each opened a
            duplicate conflict); counted here instead of in ``new``.

    Counts are of records, not of changes (a record changed twice in a bundle is one
    record), in the same words as an export's ``records``.
    """

    file_name: str
    source_id: str
    source_name: str
    source_role: str
    created_at: str
    total: int
    already_imported: bool = False
    empty: bool = False  # no changes, from a device never heard of: nothing was recorded
    already_known: int = 0
    outdated: int = 0
    applied: int = 0
    held: int = 0
    new: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    bundle_id: str | None = None
    possible_duplicates: int = 0
    authority_refused: int = 0  # another device's role, sign-in or active flag not taken (db.sync.authority)
    ids: dict[str, dict[str, set[str]]] = field(default_factory=lambda: {"new": {}, "changed": {}, "deleted": {}})
    source_fingerprint: str = ""  # of the enrolled device whose signature was verified

    def settle_counts(self) -> None:
        """Turn the record ids seen into counts: each record once, in its first kind."""
        new, changed, deleted = (self.ids[k] for k in ("new", "changed", "deleted"))
        new_firms = new.get("firms", set())
        # Of a duplicate pair, the firm that just arrived is the possible duplicate (one per pair).
        duplicated = set()
        for kind, _table, first, second in self.conflicts:
            if kind == "duplicate":
                arrived = [f for f in (second, first) if f in new_firms and f not in duplicated]
                duplicated.update(arrived[:1])
        for table in set(new) | set(changed) | set(deleted):
            fresh = new.get(table, set())
            if table == "firms":
                self.possible_duplicates = len(fresh & duplicated)
                fresh = fresh - duplicated
            gone = deleted.get(table, set()) - new.get(table, set())
            moved = changed.get(table, set()) - new.get(table, set()) - gone
            for counter, ids in ((self.new, fresh), (self.changed, moved), (self.deleted, gone)):
                if ids:
                    counter[table] = len(ids)


@dataclass(frozen=True)
class ExportReport:
    """A bundle written: where, for whom, how many changes (per table and origin)."""

    path: str
    peer_id: str | None
    peer_name: str | None
    total: int
    counts: dict[str, int]
    ranges: dict[str, tuple[int, int, int]]
    full: bool
    bundle_id: str
    records: dict[str, int] = field(default_factory=dict)


class _Rollback(Exception):
    """Internal: end a preview's transaction without keeping anything."""


def _mark(report: ApplyReport, kind: str, ch: BundleChange) -> None:
    report.ids[kind].setdefault(ch.table, set()).add(ch.record_id)


def _apply_change(storage, ch: BundleChange, report: ApplyReport, touched_firms: set[str]) -> None:
    if has_change(storage, ch.key):
        report.already_known += 1
        return
    store_change(storage, ch)
    if ch.table == "firms":
        for other in ch.extra.get("distinct_from", ()):
            record_distinct(storage, ch.record_id, other, ch.changed_at, ch.changed_by)
    before = current_row(storage, ch.table, ch.record_id)
    shown = displayed_change(storage, ch.table, ch.record_id) if before is not None else None
    heads = ([shown] if shown else []) + other_heads(storage, ch.table, ch.record_id)
    if any(vv_le(ch.vv, h.vv) for h in heads):
        report.outdated += 1
        return
    _, claimed = authority.keep_local(ch.table, ch.state, before, ch.extra.get("authority"))
    if claimed:
        authority.record_refusal(storage, ch.table, ch.record_id, ch.key, claimed, ch.changed_by, ch.changed_at)
        report.authority_refused += 1
    versions = [h for h in heads if not vv_le(h.vv, ch.vv)] + [ch]
    winner = max(versions, key=precedence)
    if shown is not None and winner.key == shown.key:
        report.held += 1
    else:
        stored, _ = authority.keep_local(ch.table, winner.state, before)
        write_row(storage, ch.table, stored)
        if winner is ch:
            log_applied(storage, ch, before, stored)
            report.applied += 1
        if before is None:
            _mark(report, "new", ch)
        elif winner.state.get("deleted_at") and not before.get("deleted_at"):
            _mark(report, "deleted", ch)
        else:
            _mark(report, "changed", ch)
    if ch.table == "firms" and not (shown is not None and winner.key == shown.key):
        _follow_merge(storage, winner)
    losers = [v for v in versions if v.key != winner.key]
    set_other_heads(storage, ch.table, ch.record_id, losers)
    stored = current_row(storage, ch.table, ch.record_id)
    if refresh_edit_conflict(storage, ch.table, ch.record_id, stored, losers, report.bundle_id):
        report.conflicts.append(("edit", ch.table, ch.record_id, None))
    if ch.table == "firms":
        touched_firms.add(ch.record_id)


def _follow_merge(storage, shown: BundleChange) -> None:
    """Keep the firm's merge row in step with the version now shown: a merge tombstone
    points at its survivor; a live firm (a merge undone, or an edit that won) at nothing.
    Derived from the shown version alone, so devices holding the same changes agree."""
    into = shown.extra.get("merged_into") if shown.state.get("deleted_at") else None
    if into:
        storage.conn.execute(
            "INSERT OR REPLACE INTO sync_merges (from_id, into_id, merged_at, merged_by) VALUES (?, ?, ?, ?)",
            (shown.record_id, into, shown.changed_at, shown.changed_by))
    else:
        storage.conn.execute("DELETE FROM sync_merges WHERE from_id = ?", (shown.record_id,))


def _check_compatible(storage, bundle: Bundle, path: Path) -> None:
    for ch in bundle.changes:
        if ch.table not in RECORD_TABLES or unknown_columns(storage, ch.table, ch.state):
            raise BundleError("too_new", path, f"unknown table or fields in {ch.table}",
                              version=bundle.manifest.format_version)


def _check_history(storage, ch: BundleChange, manifest, path: Path) -> None:
    """Refuse the bundle when a change does not continue its origin's history as received before."""
    row = storage.conn.execute("SELECT hash FROM sync_changes WHERE origin = ? AND origin_seq = ?", ch.key).fetchone()
    reason = chain.check_incoming(storage.conn, ch, False if row is None else row[0])
    if reason:
        peer = get_peer(storage, ch.origin)
        device = manifest.devices.get(ch.origin) or (peer.name if peer else None) or manifest.source_name
        raise BundleError("history", path, f"{reason} at {ch.key}", device=device, seq=str(ch.origin_seq),
                          date=ch.changed_at[:10])


def _check_authors(storage, bundle: Bundle, path: Path, vouches: bool) -> list[attest.Head]:
    """Every change relayed for another device carries that device's own signed head (db.sync.attest)."""
    m = bundle.manifest
    source = attest.Source(m.source_id, m.source_keys.signing, vouches)

    def enrolled_key(device_id: str) -> bytes | None:
        found = trust.trusted_for_peer(storage, device_id)
        return found.keys.signing if found and found.device_id == device_id else None

    try:
        return attest.check(storage, source, m.heads, bundle.changes, own_ids(storage),
                            trust.local_keys(storage).public.signing, enrolled_key)
    except attest.Unattested as exc:
        peer = get_peer(storage, exc.origin)
        device = m.devices.get(exc.origin) or (peer.name if peer else exc.origin)
        kind = "origin_impostor" if exc.kind == "impostor" else "unattested"
        raise BundleError(kind, path, f"{exc.kind}: {exc}", device=device) from exc


def _acknowledges_us(storage, manifest) -> bool:
    """An empty bundle that says it holds our changes is a receipt (the centre's answer to our bundle)."""
    own = own_ids(storage)
    return any(manifest.knowledge.get(origin, 0) > 0 for origin in own)


def _run(storage, bundle: Bundle, path: Path, keep: bool) -> ApplyReport:
    m = bundle.manifest
    if m.source_id == storage.device_id:
        raise BundleError("own", path, "source is this device")
    if trust.signed_by_another(storage, m.source_id, m.source_keys.signing):
        signer = trust.trusted_by_key(storage, m.source_keys.signing)
        raise BundleError("impostor", path, "source id signs with another key",
                          device=get_peer(storage, m.source_id).name,
                          signer=signer.name if signer else m.source_name)
    # The role a device plays (centre or laptop) is the one its enrolment here says, not its own claim.
    enrolled = trust.trusted_by_key(storage, m.source_keys.signing)
    role = enrolled.role if enrolled and enrolled.role else "laptop"
    report = ApplyReport(path.name, m.source_id, m.source_name, role, m.created_at, m.total,
                         bundle_id=new_id(), source_fingerprint=m.source_keys.fingerprint)
    _check_compatible(storage, bundle, path)
    ensure_schema(storage)
    if not bundle.changes and get_peer(storage, m.source_id) is None and not _acknowledges_us(storage, m):
        report.empty = True
        return report
    try:
        with storage_errors(str(storage.path) if storage.path else None), storage.write():
            # Children may arrive before their parents inside one bundle.
            storage.conn.execute("PRAGMA defer_foreign_keys = ON")
            capture_local_changes(storage)
            if already_received(storage, m.source_id, m.payload_sha256):
                report.already_imported = True
                report.already_known = m.total
                raise _Rollback
            proven = _check_authors(storage, bundle, path, role == "centre")
            _apply_all(storage, bundle.changes, m, path, report)
            for head in proven:
                attest.remember(storage, head, m.source_id)
            note_device(storage, m.source_id, m.source_name, role)
            trust.link_peer_key(storage, m.source_id, m.source_keys.signing)
            learn_knowledge(storage, m.source_id, m.knowledge)
            report.bundle_id = record_bundle(
                storage, "received", path.name, m.source_id, m.source_name, m.created_at, m.total,
                report.applied, len(report.conflicts), m.counts, m.payload_sha256, bundle_id=report.bundle_id)
            if not keep:
                raise _Rollback
    except _Rollback:
        pass
    except sqlite3.IntegrityError as exc:
        # A deferred foreign key that still fails at commit: the bundle needs
        # records that neither it nor this database has.
        raise BundleError("inconsistent", path, str(exc)) from exc
    return report


def _apply_all(storage, changes: list[BundleChange], m, path: Path, report: ApplyReport) -> None:
    """Inside the caller's write transaction: apply ``changes`` by the merge rules above.

    ``m`` names the devices (``m.devices``, ``m.source_name``) for the history check's sentence.
    """
    touched_firms: set[str] = set()
    for ch in changes:
        _check_history(storage, ch, m, path)
        _apply_change(storage, ch, report, touched_firms)
    for table in {ch.table for ch in changes}:
        if storage.conn.execute(f"PRAGMA foreign_key_check({table})").fetchone():
            raise BundleError("inconsistent", path, f"dangling reference in {table}")
    if server_settings(storage)["scope"] != "national":
        # A national device writes no client data (sync migration 0006): the centres move the children
        # and their moves arrive like any change.
        redirect_children(storage)
    for first, second in refresh_duplicates(storage, touched_firms, report.bundle_id):
        report.conflicts.append(("duplicate", "firms", first, second))
    report.settle_counts()
    for origin, name in m.devices.items():
        note_device(storage, origin, name)


@dataclass(frozen=True)
class _Source:
    """Who the changes of a direct sync come from (the centre's server), for _apply_all's sentences."""

    source_name: str
    devices: dict[str, str]


@guarded
def apply_changes(storage, changes: list[BundleChange], *, source_id: str, source_name: str,
                  devices: dict[str, str]) -> ApplyReport:
    """Apply changes pulled from the centre's server with exactly a bundle's rules, whole or not at all.

    The server is reached over an authenticated connection, so there is no signature to check;
    everything else (history chains, tables and fields known here, merges, duplicates, conflicts)
    is what :func:`import_bundle` does. Changes already held are skipped, so a pull cut short
    and repeated is harmless.
    """
    label = Path(source_name)
    report = ApplyReport(source_name, source_id, source_name, "centre", now_iso(), len(changes), bundle_id=new_id())
    for ch in changes:
        if ch.table not in RECORD_TABLES or unknown_columns(storage, ch.table, ch.state):
            raise BundleError("too_new", label, f"unknown table or fields in {ch.table}", version=0)
    ensure_schema(storage)
    if not changes:
        return report
    try:
        with storage_errors(str(storage.path) if storage.path else None), storage.write():
            storage.conn.execute("PRAGMA defer_foreign_keys = ON")
            capture_local_changes(storage)
            _apply_all(storage, changes, _Source(source_name, devices), label, report)
    except sqlite3.IntegrityError as exc:
        raise BundleError("inconsistent", label, str(exc)) from exc
    return report


def _read(storage, path: Path) -> Bundle:
    """Read and verify a bundle against this device's keys and the devices enrolled here."""
    ensure_schema(storage)
    return read_bundle(path, trust.local_keys(storage), lambda key: trust.trusted_by_key(storage, key))


@guarded
def verified_bundle(storage, path: str | Path) -> Bundle:
    """A bundle sealed to this device, verified whole (signature, enrolment, contents, and every
    relayed change's author), not applied: what ``rumbo centre import`` carries to the server."""
    path = Path(path)
    bundle = _read(storage, path)
    enrolled = trust.trusted_by_key(storage, bundle.manifest.source_keys.signing)
    _check_authors(storage, bundle, path, bool(enrolled and enrolled.role == "centre"))
    return bundle


@guarded
def preview_bundle(storage, path: str | Path) -> ApplyReport:
    """Verify a bundle and say what importing it would do; nothing is written."""
    path = Path(path)
    return _run(storage, _read(storage, path), path, keep=False)


@guarded
def import_bundle(storage, path: str | Path) -> ApplyReport:
    """Verify and apply a bundle, whole or not at all (see the module docstring).

    Raises:
        BundleError: the file is missing, damaged or from another Rumbo version; it comes
            from a device not enrolled here or revoked, or from this same database; its
            signature fails; or it was sealed for another device. The database is left
            exactly as it was.
    """
    path = Path(path)
    return _run(storage, _read(storage, path), path, keep=True)


@guarded
def export_bundle(storage, path: str | Path, peer: str | None = None) -> ExportReport:
    """Write every change the peer is not known to hold.

    Args:
        peer: a known device's name or id; None for the centre. The device must be
            enrolled here (and not revoked): the bundle is sealed to its key.

    Raises:
        UserError: no such device, it is not enrolled or it was revoked, or (with no
            peer named) no centre is enrolled; nothing is written.
    """
    path = Path(path)
    ensure_schema(storage)
    if path.parent.is_dir():
        tempfiles.sweep(path.parent)
    # Written aside and renamed only once the database has recorded it: a failure at COMMIT
    # (full disk) leaves no bundle the database does not know it sent.
    staged = path.with_name(f".{path.name}.{new_id()}.tmp")
    try:
        with storage_errors(str(storage.path) if storage.path else None), storage.write():
            report = _export(storage, path, staged, peer)
        os.replace(staged, path)
    except OSError as exc:
        raise BundleError("cannot_write", path, str(exc)) from exc
    finally:
        staged.unlink(missing_ok=True)
    return report


def _export(storage, path: Path, staged: Path, peer: str | None) -> ExportReport:
    """Inside the write transaction: pick the changes, write them to ``staged``, record the sending."""
    capture_local_changes(storage)
    target = find_peer(storage, peer)
    if target is not None:
        target = latest_of_device(storage, target)
    recipient = _recipient(storage, target)
    known = target.known if target else {}
    changes = changes_beyond(storage, known)
    names = dict(storage.conn.execute("SELECT id, name FROM devices"))  # this one's retired origins too
    names.update(storage.conn.execute("SELECT device_id, name FROM sync_peers"))
    origins = {ch.origin for ch in changes} | {storage.device_id}
    devices = {o: names[o] for o in origins if o in names}
    devices[storage.device_id] = storage.device_name
    signer = trust.local_keys(storage)
    heads = attest.heads_for(storage, signer, own_ids(storage), {ch.origin for ch in changes})
    manifest = write_bundle(
        staged, changes, source_id=storage.device_id, source_name=storage.device_name, created_at=now_iso(),
        knowledge=knowledge(storage), source_role=local_role(storage),
        signer=signer, recipient=recipient.keys,
        peer_id=target.device_id if target else None,
        peer_name=target.name if target else None, devices=devices, heads=heads,
    )
    if target:
        note_sent(storage, target.device_id, {o: last for o, (_f, last, _c) in manifest.ranges.items()})
    bundle_id = record_bundle(
        storage, "sent", path.name, target.device_id if target else None,
        target.name if target else None, manifest.created_at, manifest.total, 0, 0,
        manifest.counts, manifest.payload_sha256)
    return ExportReport(str(path), target.device_id if target else None, target.name if target else None,
                        manifest.total, manifest.counts, manifest.ranges, not (target and target.known),
                        bundle_id, records_per_table(changes))


def _recipient(storage, target):
    """The enrolment of the device a bundle is for; a sentence when there is none to write for."""
    if target is None and local_role(storage) == "centre":
        raise UserError("Indique para qué equipo inscrito es el paquete: cada paquete se cifra para el equipo que "
                        "lo recibe.", field="peer")
    if target is None:
        raise UserError("No hay ningún centro inscrito en este equipo: el paquete se cifra para el equipo que lo "
                        "recibe. Inscriba la tarjeta del centro en «Equipos de confianza» (o indique el equipo de "
                        "destino).", field="peer")
    enrolled = trust.trusted_for_peer(storage, target.device_id)
    if enrolled is None:
        raise UserError(f"«{target.name}» no está inscrito en este equipo, así que no se le puede escribir un "
                        "paquete: un coordinador debe inscribir antes su tarjeta.", field="peer")
    if enrolled.revoked:
        raise UserError(f"«{target.name}» fue revocado el {enrolled.revoked_at[:10]}; ya no se le escriben "
                        "paquetes.", field="peer")
    return enrolled


def records_per_table(changes: list[BundleChange]) -> dict[str, int]:
    """How many distinct records the changes touch, per table (the words imports count in)."""
    seen: dict[str, set[str]] = {}
    for ch in changes:
        seen.setdefault(ch.table, set()).add(ch.record_id)
    return {table: len(ids) for table, ids in seen.items()}
