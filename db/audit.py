"""What the hash chain cannot see: rows changed without history, history cut at its end, roles
set by someone who could not set them.

The chain (:mod:`db.chain`) proves that the history was not rewritten in the middle. Someone who
holds the database key (every adviser with a sign-in on the laptop) can still, with an SQL tool,

* change a table without writing history at all (raise their own role in ``advisers``);
* remove the newest entries of the history, which nothing after them links to;
* write a role change "by" an adviser who was no administrator then.

:func:`audit` finds each of those, read-only, for ``rumbo check`` and the GUI's *Verificar el
historial*: every record row must be the version its latest history entry recorded; this
device's history must still hold every change it captured for bundles and every change another
device said it received from it; and every change of an adviser's role, sign-in or active flag
in this device's own history must come from an administrator of the moment (or from the set-up
that made the first one). :func:`row_matches_history` is the one-record form, cheap enough to ask
at sign-in before a role is trusted.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from db.records import BOOL_FIELDS, JSON_FIELDS
from db.schema import RECORD_TABLES

# Kept in step with db.sync.authority.AUTHORITY_FIELDS (storage may not import sync).
AUTHORITY = ("role", "login", "active")


@dataclass(frozen=True)
class Finding:
    """One thing the audit found.

    ``kind``: "row_without_history" (a row that is not the version its history recorded, or
    has none), "history_cut" (entries of this device's history that were removed at its end),
    "authority" (a role, sign-in or active change by someone who was not an administrator then).
    """

    kind: str
    table: str
    record_id: str
    detail: str
    label: str = ""  # the record's name when it has one


@dataclass
class AuditReport:
    rows: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if isinstance(a, (bool, int)) and isinstance(b, (bool, int)):
        return bool(a) == bool(b) and (isinstance(a, bool) or isinstance(b, bool))
    if isinstance(a, float) and isinstance(b, (int, float)) or isinstance(b, float) and isinstance(a, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)
    return False


def _decoded(table: str, names: list[str], row: tuple) -> dict:
    out = dict(zip(names, row))
    for name in JSON_FIELDS.get(table, ()):
        if isinstance(out.get(name), str):
            try:
                out[name] = json.loads(out[name])
            except ValueError:
                pass  # not JSON any more: it will differ from the history
    for name in BOOL_FIELDS.get(table, ()):
        if out.get(name) is not None:
            out[name] = bool(out[name])
    return out


def differs(table: str, stored: dict, after: dict) -> list[str]:
    """The fields of a stored row that are not what the history recorded (fields the history
    entry predates are not compared)."""
    return [name for name, value in after.items() if name in stored and not _same(stored[name], value)]


def _label(state: dict) -> str:
    return str(state.get("legal_name") or state.get("name") or "")


def _latest_entries(execute: Callable, table: str) -> Iterable[tuple]:
    return execute(
        "SELECT c.record_id, c.op, c.after FROM change_log c JOIN"
        " (SELECT record_id, max(seq) AS last FROM change_log WHERE table_name = ? GROUP BY record_id) m"
        " ON c.seq = m.last", (table,))


def _rows_against_history(execute: Callable, report: AuditReport) -> None:
    for table in RECORD_TABLES:
        if not _has(execute, table):
            continue  # a file from before the table existed
        latest = {rid: (op, after) for rid, op, after in _latest_entries(execute, table)}
        cur = execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        for raw in cur:
            report.rows += 1
            row = _decoded(table, names, raw)
            entry = latest.pop(row["id"], None)
            if entry is None or entry[0] == "purge" or entry[1] is None:
                report.findings.append(Finding("row_without_history", table, row["id"], "sin historial",
                                               _label(row)))
                continue
            try:
                after = json.loads(entry[1])
            except ValueError:
                continue  # an entry no longer JSON is the chain's finding
            wrong = differs(table, row, after)
            if wrong:
                report.findings.append(Finding("row_without_history", table, row["id"], ", ".join(wrong),
                                               _label(row)))
        for rid, (op, after) in latest.items():
            if op not in ("purge",) and after is not None:
                report.findings.append(Finding("row_without_history", table, rid, "fila borrada sin historial",
                                               _label(json.loads(after)) if after else ""))


def _own_origins(execute: Callable) -> list[str]:
    columns = {r[1] for r in execute("PRAGMA table_info(devices)")}
    where = "is_local = 1 OR retired_at IS NOT NULL" if "retired_at" in columns else "is_local = 1"
    return [r[0] for r in execute(f"SELECT id FROM devices WHERE {where}")]


def _has(execute: Callable, table: str) -> bool:
    return execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None


def _history_end(execute: Callable, report: AuditReport) -> None:
    """This device's history still reaches every change it once handed out."""
    names = dict(execute("SELECT id, name FROM devices"))
    for origin in _own_origins(execute):
        kept = execute("SELECT coalesce(max(origin_seq), 0) FROM change_log WHERE origin = ?", (origin,)).fetchone()[0]
        reached = 0
        if _has(execute, "sync_changes"):
            reached = execute("SELECT coalesce(max(origin_seq), 0) FROM sync_changes WHERE origin = ?",
                              (origin,)).fetchone()[0]
        if _has(execute, "sync_peers"):
            for (known,) in execute("SELECT known FROM sync_peers"):
                try:
                    reached = max(reached, int(json.loads(known).get(origin, 0)))
                except (ValueError, TypeError, AttributeError):
                    continue
        if reached > kept:
            report.findings.append(Finding(
                "history_cut", "change_log", origin,
                f"faltan los cambios {kept + 1} a {reached}" if reached > kept + 1 else f"falta el cambio {reached}",
                names.get(origin, origin)))


def _authority_changes(execute: Callable, report: AuditReport) -> None:
    """Every role, sign-in or active change this device made came from an administrator of the moment."""
    own = _own_origins(execute)
    if not own:
        return
    marks = ", ".join("?" for _ in own)
    roles: dict[str, str] = {}  # adviser -> role, as the history stood
    names: dict[str, str] = {}
    for rid, origin, before, after, by, at in execute(
            "SELECT record_id, origin, before, after, changed_by, changed_at FROM change_log"
            " WHERE table_name = 'advisers' AND after IS NOT NULL ORDER BY seq"):
        try:
            new = json.loads(after)
            old = json.loads(before) if before else {}
        except ValueError:
            continue
        names[rid] = new.get("name") or names.get(rid, rid)
        changed = [f for f in AUTHORITY if f in new and not _same(new.get(f), old.get(f, {"role": "adviser",
                                                                                     "active": True}.get(f)))]
        administrators = {a for a, r in roles.items() if r == "administrator"}
        if changed and origin in own and administrators and by not in administrators:
            who = names.get(by, by) if by else "nadie"
            report.findings.append(Finding("authority", "advisers", rid,
                                           f"{', '.join(changed)} cambiado por {who} el {at[:16].replace('T', ' ')}",
                                           names[rid]))
        if new.get("deleted_at") or new.get("active") in (False, 0):
            roles.pop(rid, None)
        else:
            roles[rid] = new.get("role") or "adviser"


def audit(conn) -> AuditReport:
    """Read-only: rows against their history, the end of this device's history, and who set roles."""
    report = AuditReport()
    execute = conn.execute
    if not _has(execute, "change_log"):
        return report
    _rows_against_history(execute, report)
    _history_end(execute, report)
    _authority_changes(execute, report)
    return report


def row_matches_history(conn, table: str, record_id: str) -> bool:
    """Whether one record's row is the version its latest history entry recorded."""
    cur = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    raw = cur.fetchone()
    entry = conn.execute("SELECT op, after FROM change_log WHERE table_name = ? AND record_id = ?"
                         " ORDER BY seq DESC LIMIT 1", (table, record_id)).fetchone()
    if raw is None or entry is None or entry[1] is None:
        return raw is None
    row = _decoded(table, [d[0] for d in cur.description], raw)
    try:
        return not differs(table, row, json.loads(entry[1]))
    except ValueError:
        return False
