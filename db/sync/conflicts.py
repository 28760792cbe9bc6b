"""Conflicts found by bundles, and their resolution by a person.

Two kinds:

``edit``
    A record holds versions that are concurrent (made on different devices,
    neither knowing the other): its table stores the one that
    :func:`db.sync.state.precedence` puts first, ``sync_heads`` keeps the
    others. An edit against a deletion is the same case (one version is a
    tombstone). Resolving writes a new version, made here, whose version
    vector includes every concurrent version: it supersedes them all on every
    device it reaches, which is how a resolution travels.
``duplicate``
    Two live firms with the same country and tax id (registered on two
    devices). Resolving merges them: the survivor takes the chosen values,
    the other firm's contacts, assessments and notes move to the survivor,
    and the other firm becomes a tombstone that points at the survivor
    (``sync_merges``, carried in bundles as ``extra.merged_into``).

The conflict rows are this device's to-do list; whether a conflict exists is
decided by the data (concurrent versions, duplicate tax ids), which is the
same on every device that holds the same changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from db import changelog, records
from db.clock import new_id, now_iso
from db.errors import guarded
from db.queries import firm_lookup
from db.sync import authority
from db.sync.format import BundleChange
from db.sync.state import (
    capture_local_changes,
    close_conflict,
    content,
    current_row,
    displayed_change,
    ensure_schema,
    log_applied,
    other_heads,
    set_other_heads,
    store_change,
    vv_join,
    write_row,
)
from desktop.domain.errors import UserError
from desktop.domain.registry.dedupe import DuplicateIndex, place_key

# Child tables whose rows follow their firm when two firms are merged.
FIRM_CHILDREN = ("contacts", "assessments", "notes", "advisory_sessions", "plan_items", "impact_milestones")


@dataclass(frozen=True)
class Conflict:
    """An open conflict, as the Sincronización screen shows it.

    Attributes:
        local: the version stored here (for a duplicate: the first firm).
        remote: the concurrent version that comes next (for a duplicate: the second firm).
        others: every concurrent version other than ``local``, greatest first.
        fields: the fields whose values differ between the versions (content
            fields; "deleted_at" when one side is a deletion).
    """

    id: str
    kind: str
    table: str
    record_id: str
    other_id: str | None
    detected_at: str
    local: dict[str, Any]
    remote: dict[str, Any]
    others: list[dict[str, Any]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


def differing_fields(versions: list[dict[str, Any]], ignore: tuple[str, ...] = ()) -> list[str]:
    """Content fields whose values are not the same in all ``versions``."""
    contents = [content(v) for v in versions]
    names: list[str] = []
    for c in contents:
        names += [k for k in c if k not in names and k not in ignore]
    return [n for n in names if len({json.dumps(c.get(n), sort_keys=True, default=str) for c in contents}) > 1]


# ------------------------------------------------------------ upkeep during imports


def refresh_edit_conflict(storage, table: str, record_id: str, stored: dict, losers: list[BundleChange],
                          bundle_id: str | None) -> bool:
    """Open or close the record's edit conflict to match its versions. True if newly opened."""
    open_row = storage.conn.execute(
        "SELECT id FROM sync_conflicts WHERE kind = 'edit' AND table_name = ? AND record_id = ? AND status = 'open'",
        (table, record_id),
    ).fetchone()
    real = bool(losers) and bool(differing_fields([stored] + [h.state for h in losers],
                                                  ignore=authority.fields_of(table)))
    if real and open_row is None:
        storage.conn.execute(
            "INSERT INTO sync_conflicts (id, kind, table_name, record_id, detected_at, bundle_id)"
            " VALUES (?, 'edit', ?, ?, ?, ?)",
            (new_id(), table, record_id, now_iso(), bundle_id),
        )
        return True
    if not real and open_row is not None:
        close_conflict(storage, open_row[0], "superseded", None, {"reason": "versions_joined"})
    return False


def _same_firm(a: dict, b: dict) -> bool:
    """The importer's identity rules for two live firms: the same tax id in the same
    country, or (when their tax ids do not contradict it) a near-identical name in the
    same municipality."""
    if (a.get("country") or "").upper() != (b.get("country") or "").upper():
        return False
    if a.get("tax_id") and b.get("tax_id"):
        return a["tax_id"] == b["tax_id"]
    index = DuplicateIndex()
    index.add(b["id"], b.get("country"), b.get("municipality"), b.get("legal_name"), None)
    return index.find(a.get("country"), a.get("municipality"), a.get("legal_name"), None) is not None


def _live_firm(storage, firm_id: str) -> dict | None:
    row = storage.conn.execute(
        "SELECT id, country, municipality, legal_name, tax_id FROM firms WHERE id = ? AND deleted_at IS NULL",
        (firm_id,),
    ).fetchone()
    return None if row is None else dict(zip(("id", "country", "municipality", "legal_name", "tax_id"), row))


def _candidates(storage, firm: dict, places: dict | None = None) -> set[str]:
    """Firms that may repeat ``firm``: blocked on tax id and on place, as the importer does.

    ``places`` remembers each place's firms for one refresh (a bundle of thousands of firms
    in a few municipalities then searches each municipality once).
    """
    found = set()
    if firm["tax_id"]:
        found |= {r[0] for r in storage.conn.execute(
            "SELECT id FROM firms WHERE country = ? AND tax_id = ? AND deleted_at IS NULL", (firm["country"], firm["tax_id"]))}
    if firm["municipality"] and firm["country"]:
        key = place_key(firm["country"], firm["municipality"])
        places = {} if places is None else places
        if key not in places:
            places[key] = {fid for fid, _name, town, _tax in
                           firm_lookup.firms_in_place(storage, firm["country"], firm["municipality"])
                           if place_key(firm["country"], town) == key}
        found |= places[key]
    found.discard(firm["id"])
    return found


def kept_apart(storage, first: str, second: str) -> bool:
    """True when an adviser declared the two firms different (here or on any device heard from)."""
    a, b = sorted((first, second))
    return storage.conn.execute(
        "SELECT 1 FROM sync_distinct WHERE first_id = ? AND second_id = ?", (a, b)).fetchone() is not None


def record_distinct(storage, first: str, second: str, decided_at: str, decided_by: str | None) -> None:
    a, b = sorted((first, second))
    storage.conn.execute(
        "INSERT OR IGNORE INTO sync_distinct (first_id, second_id, decided_at, decided_by) VALUES (?, ?, ?, ?)",
        (a, b, decided_at, decided_by))


def refresh_duplicates(storage, firm_ids: set[str], bundle_id: str | None) -> list[tuple[str, str]]:
    """Open duplicate conflicts for live firms that the importer's rules take for one firm
    (same tax id, or near-identical name in the same municipality), unless an adviser kept
    them apart; close the open ones that no longer hold.

    Returns:
        The pairs of firm ids (smaller id first) whose conflict was newly opened.
    """
    opened = []
    places: dict = {}  # nothing is written to firms meanwhile: each place's firms stay the same
    for firm_id in sorted(firm_ids):
        firm = _live_firm(storage, firm_id)
        if firm is None:
            continue
        for other_id in sorted(_candidates(storage, firm, places)):
            other = _live_firm(storage, other_id)
            if other is None or kept_apart(storage, firm_id, other_id) or not _same_firm(firm, other):
                continue
            first, second = sorted((firm_id, other_id))
            cur = storage.conn.execute(
                "INSERT OR IGNORE INTO sync_conflicts (id, kind, table_name, record_id, other_id, detected_at,"
                " bundle_id) VALUES (?, 'duplicate', 'firms', ?, ?, ?, ?)",
                (new_id(), first, second, now_iso(), bundle_id),
            )
            if cur.rowcount:
                opened.append((first, second))
    for cid, first, second in storage.conn.execute(
        "SELECT id, record_id, other_id FROM sync_conflicts WHERE kind = 'duplicate' AND status = 'open'"
    ).fetchall():
        a, b = _live_firm(storage, first), _live_firm(storage, second)
        if a is None or b is None or kept_apart(storage, first, second) or not _same_firm(a, b):
            close_conflict(storage, cid, "superseded", None, {"reason": "no_longer_duplicate"})
    return opened


# ------------------------------------------------------------ reading


def _conflict_row(storage, conflict_id: str) -> tuple:
    row = storage.conn.execute(
        "SELECT id, kind, table_name, record_id, other_id, detected_at, status FROM sync_conflicts WHERE id = ?",
        (conflict_id,),
    ).fetchone()
    if row is None or row[6] != "open":
        raise UserError("Ese conflicto no existe o ya fue resuelto.", field="conflict")
    return row


def _build(storage, row: tuple) -> Conflict | None:
    cid, kind, table, rid, other_id, detected_at, _status = row
    local = current_row(storage, table, rid)
    if kind == "duplicate":
        remote = current_row(storage, table, other_id)
        if local is None or remote is None:
            return None
        # Who registered each copy is not a choice: the surviving firm keeps its adviser.
        fields = differing_fields([local, remote], ignore=("deleted_at", "adviser_id"))
        return Conflict(cid, kind, table, rid, other_id, detected_at, local, remote, [remote], fields)
    others = [h.state for h in other_heads(storage, table, rid)]
    if local is None or not others:
        return None
    return Conflict(cid, kind, table, rid, None, detected_at, local, others[0], others,
                    differing_fields([local] + others, ignore=authority.fields_of(table)))


def _catch_up(storage) -> None:
    """Capture this device's own pending changes: an edit made here since the
    last sync supersedes the record's concurrent versions and closes its conflict."""
    ensure_schema(storage)
    with storage.write():
        capture_local_changes(storage)


@guarded
def list_conflicts(storage, table: str | None = None) -> list[Conflict]:
    """Open conflicts, oldest first."""
    _catch_up(storage)
    sql = "SELECT id, kind, table_name, record_id, other_id, detected_at, status FROM sync_conflicts WHERE status = 'open'"
    params: list[Any] = []
    if table:
        sql += " AND table_name = ?"
        params.append(table)
    built = [_build(storage, r) for r in storage.conn.execute(sql + " ORDER BY detected_at, id", params).fetchall()]
    return [c for c in built if c is not None]


@guarded
def get_conflict(storage, conflict_id: str) -> Conflict:
    """One open conflict. Raises UserError if it is not open."""
    _catch_up(storage)
    conflict = _build(storage, _conflict_row(storage, conflict_id))
    if conflict is None:
        raise UserError("Ese conflicto no existe o ya fue resuelto.", field="conflict")
    return conflict


# ------------------------------------------------------------ resolving


@guarded
def resolve_edit(storage, conflict_id: str, values: dict[str, Any], deleted: bool, adviser_id: str | None) -> dict:
    """Settle an edit conflict with a new version made here.

    Args:
        values: the content fields to store (others keep the stored version's value).
        deleted: whether the settled record is a deletion.
        adviser_id: who decided (``updated_by`` of the new version).

    Returns:
        The record as stored after the resolution.
    """
    ensure_schema(storage)
    with storage.write():
        capture_local_changes(storage)
        _cid, kind, table, rid, *_ = _conflict_row(storage, conflict_id)
        if kind != "edit":
            raise UserError("Ese conflicto es de empresas duplicadas; resuélvalo fusionándolas.", field="conflict")
        before = current_row(storage, table, rid)
        heads = [h for h in [displayed_change(storage, table, rid)] + other_heads(storage, table, rid) if h]
        known = set(records.columns(storage, table))
        bad = [k for k in values if k not in known or k in ("id", "rev", "origin", "created_at", "created_by")]
        if bad:
            raise UserError(f"El campo «{bad[0]}» no se puede elegir en este conflicto.", field=bad[0])
        decided_here = [k for k in values if k in authority.fields_of(table)]
        if decided_here:
            raise UserError(f"El campo «{decided_here[0]}» no viene de otros equipos: el acceso y el rol los decide "
                            "el administrador de cada base, en Configuración → Acceso y seguridad.",
                            field=decided_here[0])
        stamp = now_iso()
        state = dict(before)
        state.update(values)
        if deleted:
            state["deleted_at"] = before["deleted_at"] or next(
                (h.state["deleted_at"] for h in heads if h.state.get("deleted_at")), stamp)
        else:
            state["deleted_at"] = None
        seq = changelog.next_origin_seq(storage, storage.device_id)
        state.update(rev=max(h.rev for h in heads) + 1, updated_at=stamp, updated_by=adviser_id,
                     origin=storage.device_id)
        write_row(storage, table, state)
        stored = current_row(storage, table, rid)
        op = "update" if bool(before["deleted_at"]) == deleted else ("delete" if deleted else "undelete")
        vv = vv_join(*(h.vv for h in heads))
        vv[storage.device_id] = seq
        change = BundleChange(storage.device_id, seq, table, rid, stored["rev"], op, vv, stored, stamp, adviser_id)
        log_applied(storage, change, before)
        store_change(storage, change)
        set_other_heads(storage, table, rid, [])
        close_conflict(storage, conflict_id, "resolved", adviser_id,
               {"change": [storage.device_id, seq], "fields": sorted(values), "deleted": deleted})
    return stored


@guarded
def merge_duplicates(storage, conflict_id: str, survivor_id: str, values: dict[str, Any],
                     adviser_id: str | None) -> dict:
    """Merge two firms registered twice into ``survivor_id`` (one transaction).

    Args:
        values: firm fields to set on the survivor (already validated by the service).

    Returns:
        The surviving firm as stored.
    """
    ensure_schema(storage)
    with storage.write():
        _cid, kind, _table, first, second, *_ = _conflict_row(storage, conflict_id)
        if kind != "duplicate":
            raise UserError("Ese conflicto no es de empresas duplicadas.", field="conflict")
        if survivor_id not in (first, second):
            raise UserError("La empresa que se conserva debe ser una de las dos duplicadas.", field="survivor")
        merged_id = second if survivor_id == first else first
        if values:
            records.update(storage, "firms", survivor_id, values, adviser_id)
        for child in FIRM_CHILDREN:
            for row in records.select(storage, child, "firm_id = ?", (merged_id,)):
                records.update(storage, child, row["id"], {"firm_id": survivor_id}, adviser_id)
        storage.conn.execute(
            "INSERT OR REPLACE INTO sync_merges (from_id, into_id, merged_at, merged_by) VALUES (?, ?, ?, ?)",
            (merged_id, survivor_id, now_iso(), adviser_id),
        )
        records.tombstone(storage, "firms", merged_id, adviser_id)
        close_conflict(storage, conflict_id, "resolved", adviser_id,
               {"survivor": survivor_id, "merged": merged_id, "fields": sorted(values)})
    return records.get(storage, "firms", survivor_id)


@guarded
def open_duplicate_pairs(storage) -> list[tuple[str, str]]:
    """The pairs of live firms waiting as possible duplicates (nobody merged them or kept them apart).

    Read-only: a file opened only to read it (a report from read-only media) is not migrated here.
    """
    if storage.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_conflicts'").fetchone() is None:
        return []
    return [tuple(r) for r in storage.conn.execute(
        "SELECT c.record_id, c.other_id FROM sync_conflicts c JOIN firms a ON a.id = c.record_id "
        "JOIN firms b ON b.id = c.other_id WHERE c.kind = 'duplicate' AND c.status = 'open' "
        "AND a.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY c.record_id, c.other_id")]


@guarded
def distinct_pairs(storage) -> set[tuple[str, str]]:
    """Every pair of firms kept apart (smaller id first)."""
    ensure_schema(storage)
    return set(storage.conn.execute("SELECT first_id, second_id FROM sync_distinct"))


@guarded
def open_duplicate(storage, first: str, second: str) -> str:
    """The open duplicate conflict of two live firms, opened now if there is none (its id).

    The "Posibles duplicados" view hands a pair to the same merge as bundles do.

    Raises:
        UserError: the same firm twice, a firm that is gone (deleted or merged), or
            a pair already declared different.
    """
    ensure_schema(storage)
    a, b = sorted((first, second))
    if a == b:
        raise UserError("Una empresa no se puede unir consigo misma.", field="firm")
    with storage.write():
        for firm_id in (a, b):
            if _live_firm(storage, firm_id) is None:
                into = storage.conn.execute("SELECT into_id FROM sync_merges WHERE from_id = ?", (firm_id,)).fetchone()
                raise UserError("Una de las dos empresas ya se unió a otra." if into else
                                "Una de las dos empresas ya no existe (fue eliminada).", field="firm")
        if kept_apart(storage, a, b):
            raise UserError("Ya se decidió que estas dos empresas son distintas.", field="firm")
        storage.conn.execute(
            "INSERT OR IGNORE INTO sync_conflicts (id, kind, table_name, record_id, other_id, detected_at)"
            " VALUES (?, 'duplicate', 'firms', ?, ?, ?)", (new_id(), a, b, now_iso()))
        return storage.conn.execute(
            "SELECT id FROM sync_conflicts WHERE kind = 'duplicate' AND record_id = ? AND other_id = ?"
            " AND status = 'open'", (a, b)).fetchone()[0]


@guarded
def keep_apart(storage, conflict_id: str, adviser_id: str | None) -> None:
    """Settle a duplicate conflict as two different firms, for good and everywhere.

    The decision is kept in ``sync_distinct`` and a new version of the first firm
    (its data unchanged) carries it in bundles, so no device asks about the pair again.
    """
    ensure_schema(storage)
    with storage.write():
        capture_local_changes(storage)
        _cid, kind, _table, first, second, *_ = _conflict_row(storage, conflict_id)
        if kind != "duplicate":
            raise UserError("Ese conflicto no es de empresas duplicadas.", field="conflict")
        record_distinct(storage, first, second, now_iso(), adviser_id)
        records.touch(storage, "firms", first, adviser_id)
        close_conflict(storage, conflict_id, "resolved", adviser_id, {"distinct": [first, second]})


def redirect_children(storage, adviser_id: str | None = None) -> int:
    """Move live contacts, assessments and notes of absorbed firms to their survivors.

    Children can reach an absorbed firm after its merge: made on a device that had not
    received the merge yet, or received here after it. Every device that holds both the
    merge and such a child moves the child; two devices doing so make the same content,
    which is no conflict (:func:`differing_fields` ignores who made a version). The caller
    holds the write transaction. Returns how many children moved.
    """
    moved = 0
    for (absorbed,) in storage.conn.execute("SELECT from_id FROM sync_merges").fetchall():
        survivor = merged_into(storage, absorbed)
        if survivor is None or records.get(storage, "firms", survivor, include_deleted=False) is None:
            continue
        for child in FIRM_CHILDREN:
            for row in records.select(storage, child, "firm_id = ?", (absorbed,)):
                records.update(storage, child, row["id"], {"firm_id": survivor}, adviser_id)
                moved += 1
    return moved


@guarded
def list_merges(storage) -> list[dict]:
    """Merges in force here, newest first: absorbed firm, survivor, their names, when."""
    ensure_schema(storage)
    cur = storage.conn.execute(
        "SELECT m.from_id, a.legal_name, m.into_id, s.legal_name, m.merged_at FROM sync_merges m"
        " JOIN firms a ON a.id = m.from_id JOIN firms s ON s.id = m.into_id"
        " WHERE a.deleted_at IS NOT NULL ORDER BY m.merged_at DESC, m.from_id")
    keys = ("absorbed_id", "absorbed_name", "survivor_id", "survivor_name", "merged_at")
    return [dict(zip(keys, r)) for r in cur]


@guarded
def undo_merge(storage, absorbed_id: str, adviser_id: str | None) -> dict:
    """"Deshacer fusión": bring an absorbed firm back with the records the merge moved.

    One transaction: the tombstone is undone (its data is the firm as it was), the
    contacts, assessments and notes that the merge moved to the survivor (found in the
    change log: firm_id went from the absorbed firm to the survivor) move back, and the
    merge row goes. Each step is an ordinary change, so the undo travels in bundles; a
    device that receives the firm alive drops its merge row too. If the two firms still
    look alike, their possible-duplicate conflict opens again, here as everywhere. Values the adviser chose
    for the survivor at the merge stay: they are the survivor's own data now.

    Returns:
        The restored firm.

    Raises:
        UserError: the firm was never merged (or the merge was already undone).
    """
    ensure_schema(storage)
    with storage.write():
        capture_local_changes(storage)
        row = storage.conn.execute("SELECT into_id FROM sync_merges WHERE from_id = ?", (absorbed_id,)).fetchone()
        current = current_row(storage, "firms", absorbed_id)
        if row is None or current is None or not current.get("deleted_at"):
            raise UserError("Esa empresa no está unida a otra; no hay fusión que deshacer.", field="firm")
        survivor = row[0]
        records.undelete(storage, "firms", absorbed_id, adviser_id)
        for child in FIRM_CHILDREN:
            moved = {r[0] for r in storage.conn.execute(
                "SELECT record_id FROM change_log WHERE table_name = ? AND json_extract(before, '$.firm_id') = ?"
                " AND json_extract(after, '$.firm_id') = ?", (child, absorbed_id, survivor))}
            for rid in sorted(moved):
                now = records.get(storage, child, rid, include_deleted=True)
                if now and now["firm_id"] == survivor and not now["deleted_at"]:
                    records.update(storage, child, rid, {"firm_id": absorbed_id}, adviser_id)
        storage.conn.execute("DELETE FROM sync_merges WHERE from_id = ?", (absorbed_id,))
        # Two live firms that look alike again: the pair is a possible duplicate here as on every
        # device the undo reaches (an import opens it there), unless an adviser keeps them apart.
        refresh_duplicates(storage, {absorbed_id, survivor}, None)
    return records.get(storage, "firms", absorbed_id)


def merged_into(storage, firm_id: str) -> str | None:
    """The firm that ``firm_id`` was merged into, following chains; None if never merged."""
    ensure_schema(storage)
    seen, current = set(), firm_id
    while True:
        row = storage.conn.execute("SELECT into_id FROM sync_merges WHERE from_id = ?", (current,)).fetchone()
        if row is None or row[0] in seen:
            return None if current == firm_id else current
        seen.add(current)
        current = row[0]
