"""The tamper-evident history: every origin's changes form a hash chain.

Each change-log entry written on this device gets ``hash`` = SHA-256 of the
previous link of its origin followed by the canonical text of the entry (its
origin and sequence number, table, record, rev, operation, the record after
the change, when and by whom, and the SHA-256 of the record before). Editing,
removing or reordering an entry later breaks every link after it, so
:func:`verify` names the first broken one.

The link to the previous entry skips entries that never leave this database
(purges, see :func:`travels`), so a receiver, which holds only the entries
that travel, computes the same chain: bundles carry each change's ``hash``
and ``before_sha`` and :func:`check_incoming` refuses a bundle whose history
does not continue the one already received from that origin. The local
origins are verified from ``change_log``; other origins from the replication
log (``sync_changes``) where the bundles left their links.

Entries are sealed (hashed) just before their transaction commits
(:func:`seal`, called by ``Storage.write``), whichever path wrote them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from db.schema import RECORD_TABLES

# Same options as the change log's own encoder: stable key order, accents kept.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)
_TABLES_SQL = ", ".join(f"'{t}'" for t in RECORD_TABLES)
# An entry that leaves the database in bundles (db.sync.state.capture_local_changes).
TRAVELS_SQL = f"op != 'purge' AND after IS NOT NULL AND table_name IN ({_TABLES_SQL})"


def travels(op: str, table: str, after: Any) -> bool:
    """Whether an entry is carried by bundles (and so is the next entry's link)."""
    return op != "purge" and after is not None and table in RECORD_TABLES


def _canonical(value: Any) -> Any:
    """A stored JSON text or a decoded value, as the decoded value."""
    return json.loads(value) if isinstance(value, str) else value


def before_sha(before: Any) -> str:
    """SHA-256 of the record before the change ("" for an insert)."""
    if before is None:
        return ""
    return hashlib.sha256(_ENCODER.encode(_canonical(before)).encode("utf-8")).hexdigest()


def link(prev: str, origin: str, origin_seq: int, table: str, record_id: str, rev: int, op: str,
         after: Any, changed_at: str, changed_by: str | None, before_digest: str) -> str:
    """The hash of one entry, given the hash of its origin's previous travelling entry ("" for none)."""
    text = _ENCODER.encode([origin, origin_seq, table, record_id, rev, op, _canonical(after), changed_at,
                            changed_by, before_digest])
    return hashlib.sha256((prev + text).encode("utf-8")).hexdigest()


def _previous_link(execute: Callable, origin: str, below: int) -> str:
    row = execute(
        f"SELECT hash FROM change_log WHERE origin = ? AND origin_seq < ? AND {TRAVELS_SQL}"
        " ORDER BY origin_seq DESC LIMIT 1", (origin, below)).fetchone()
    return (row[0] or "") if row else ""


def seal(conn, origin: str) -> int:
    """Hash every unsealed change-log entry of ``origin`` (inside the write transaction).

    The replication-log copies of those entries, if already captured, get the
    same hash and the digest of the record before. Returns how many were sealed.
    """
    rows = conn.execute(
        "SELECT seq, table_name, record_id, rev, origin_seq, op, before, after, changed_at, changed_by"
        " FROM change_log WHERE origin = ? AND hash IS NULL ORDER BY origin_seq", (origin,)).fetchall()
    if not rows:
        return 0
    prev = _previous_link(conn.execute, origin, rows[0][4])
    sealed, copies = [], []
    for seq, table, rid, rev, oseq, op, before, after, at, by in rows:
        bsha = before_sha(before)
        h = link(prev, origin, oseq, table, rid, rev, op, after, at, by, bsha)
        sealed.append((h, seq))
        copies.append((h, bsha, origin, oseq))
        if travels(op, table, after):
            prev = h
    conn.executemany("UPDATE change_log SET hash = ? WHERE seq = ?", sealed)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_changes'").fetchone():
        conn.executemany("UPDATE sync_changes SET hash = ?, before_sha = ? WHERE origin = ? AND origin_seq = ?"
                         " AND hash IS NULL", copies)
    return len(rows)


@dataclass(frozen=True)
class ChainBreak:
    """The first entry of an origin whose link does not hold.

    ``reason`` is "altered" (its content or an earlier entry's was changed),
    "missing" (an entry before it was removed), "unsealed" (it carries no link
    after entries that do) or "diverged" (a bundle's copy differs from the one
    received before).
    """

    origin: str
    origin_name: str
    origin_seq: int
    table: str
    record_id: str
    changed_at: str
    reason: str
    label: str = ""  # the record's name when it has one (a firm's legal name, an adviser's name)


def _label(after: Any) -> str:
    try:
        state = _canonical(after) or {}
    except ValueError:
        return ""
    return str(state.get("legal_name") or state.get("name") or "") if isinstance(state, dict) else ""


@dataclass
class ChainReport:
    """What :func:`verify` found: entries checked, entries from before the chain, first breaks."""

    entries: int = 0
    origins: int = 0
    unchained: int = 0
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks


def _names(execute: Callable) -> dict[str, str]:
    names = dict(execute("SELECT id, name FROM devices"))
    if execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_peers'").fetchone():
        for device_id, name in execute("SELECT device_id, name FROM sync_peers"):
            names.setdefault(device_id, name)
    return names


def _walk(rows: Iterable[tuple], report: ChainReport, names: dict[str, str], gaps_matter: bool) -> None:
    """Check the rows of one origin, in sequence order; record its first break."""
    prev, expected, chained, legacy = "", 1, False, False
    for origin, oseq, table, rid, rev, op, after, at, by, bsha, stored in rows:
        report.entries += 1
        reason = None
        if gaps_matter and oseq != expected:
            reason = "missing"
        elif stored is None:
            if chained:
                reason = "unsealed"
            else:
                report.unchained += 1
                legacy = True
        elif not (legacy and not chained):  # the first link after entries from before the chain anchors it
            try:
                if stored != link(prev, origin, oseq, table, rid, rev, op, after, at, by, bsha):
                    reason = "altered"
            except ValueError:  # the stored record is no longer JSON
                reason = "altered"
        if reason:
            report.breaks.append(ChainBreak(origin, names.get(origin, origin), oseq, table, rid, at, reason,
                                            _label(after)))
            return
        expected = oseq + 1
        if stored is not None:
            chained = True
            if travels(op, table, after):
                prev = stored


def _by_origin(cursor) -> Iterable[list[tuple]]:
    group: list[tuple] = []
    for row in cursor:
        if group and row[0] != group[0][0]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group


def verify(conn) -> ChainReport:
    """Recompute every origin's chain; name each origin's first broken entry.

    ``conn`` may be read-only. This device's origins (current and retired) are
    checked entry by entry in ``change_log``, gaps included; other devices'
    origins in ``sync_changes``, where entries that never travel leave gaps.
    """
    execute = conn.execute
    report = ChainReport()
    columns = {r[1] for r in execute("PRAGMA table_info(change_log)")}
    if "hash" not in columns:
        return report
    names = _names(execute)
    own = [r[0] for r in execute("SELECT id FROM devices WHERE is_local = 1 OR retired_at IS NOT NULL")] \
        if "retired_at" in {r[1] for r in execute("PRAGMA table_info(devices)")} else \
        [r[0] for r in execute("SELECT id FROM devices WHERE is_local = 1")]
    marks = ", ".join("?" for _ in own)
    local_rows = execute(
        "SELECT origin, origin_seq, table_name, record_id, rev, op, after, changed_at, changed_by, before, hash"
        f" FROM change_log WHERE origin IN ({marks}) ORDER BY origin, origin_seq", own)
    for group in _by_origin(local_rows):
        report.origins += 1
        _walk([(*r[:9], before_sha(r[9]), r[10]) for r in group], report, names, gaps_matter=True)
    sync_columns = {r[1] for r in execute("PRAGMA table_info(sync_changes)")}
    if "hash" in sync_columns:
        remote_rows = execute(
            "SELECT origin, origin_seq, table_name, record_id, rev, op, state, changed_at, changed_by, before_sha,"
            f" hash FROM sync_changes WHERE origin NOT IN ({marks}) ORDER BY origin, origin_seq", own)
        for group in _by_origin(remote_rows):
            report.origins += 1
            _walk([(*r[:9], r[9] or "", r[10]) for r in group], report, names, gaps_matter=False)
    return report


def check_incoming(conn, ch, held: str | None | bool) -> str | None:
    """Whether a change arriving in a bundle continues its origin's chain as held here.

    Args:
        ch: the arriving change (a ``db.sync.format.BundleChange``).
        held: the hash stored here for the same change when it is already held
            (None if held without a link), or False when it is new here.

    Returns:
        None when it holds (or cannot be told: no link on either side), else the
        reason: "diverged" (a change held here differs), "altered" (the change
        does not follow from the previous one held here) or "unsealed".
    """
    if held is not False:
        return "diverged" if held and ch.hash and held != ch.hash else None
    row = conn.execute(
        "SELECT hash FROM sync_changes WHERE origin = ? AND origin_seq < ? ORDER BY origin_seq DESC LIMIT 1",
        (ch.origin, ch.origin_seq)).fetchone()
    prev = row[0] if row else ""
    if ch.hash is None:
        return "unsealed" if prev else None
    if prev is None:  # the previous change arrived before chains existed: this one anchors the chain
        return None
    expected = link(prev, ch.origin, ch.origin_seq, ch.table, ch.record_id, ch.rev, ch.op, ch.state,
                    ch.changed_at, ch.changed_by, ch.before_sha or "")
    return None if expected == ch.hash else "altered"
