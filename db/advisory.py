"""The advisory record's storage: sessions, plan items and impact milestones of a firm.

All three are records (``db.records``): every write is logged, travels in bundles and
follows its firm through merges.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db import changelog, records
from db.errors import guarded

SESSIONS, PLAN, MILESTONES = "advisory_sessions", "plan_items", "impact_milestones"


def add(storage, table: str, firm_id: str, data: Mapping[str, Any], actor: str | None) -> dict:
    """Store one record of ``table`` for the firm."""
    return records.insert(storage, table, {**data, "firm_id": firm_id}, actor)


def add_many(storage, table: str, firm_id: str, rows: list[Mapping[str, Any]], actor: str | None) -> list[dict]:
    """Store several records in one transaction (a plan made from an assessment)."""
    with storage.write():
        return [records.insert(storage, table, {**row, "firm_id": firm_id}, actor) for row in rows]


def update(storage, table: str, record_id: str, changes: Mapping[str, Any], actor: str | None,
           expected_rev: int | None = None) -> dict:
    return records.update(storage, table, record_id, changes, actor, expected_rev)


def delete(storage, table: str, record_id: str, actor: str | None) -> dict:
    return records.tombstone(storage, table, record_id, actor)


def get(storage, table: str, record_id: str) -> dict | None:
    return records.get(storage, table, record_id)


@guarded
def of_firm(storage, table: str, firm_id: str) -> list[dict]:
    """The firm's live records of ``table``, oldest first."""
    order = {SESSIONS: "held_on, created_at, id", PLAN: PLAN_ORDER,
             MILESTONES: "occurred_on, created_at, id"}[table]
    return records.select(storage, table, "firm_id = ?", (firm_id,), order_by=order)


# A plan in its order: by priority; items of plans made before priorities existed come first, as made.
PLAN_ORDER = "coalesce(priority, 0), created_at, id"


@guarded
def plan_of_assessment(storage, assessment_id: str) -> list[dict]:
    return records.select(storage, PLAN, "assessment_id = ?", (assessment_id,), order_by=PLAN_ORDER)


@guarded
def plan_of_session(storage, session_id: str) -> list[dict]:
    """The live plan items made from a session's next step."""
    return records.select(storage, PLAN, "session_id = ?", (session_id,), order_by=PLAN_ORDER)


@guarded
def last_priority(storage, firm_id: str) -> int:
    """The highest priority in the firm's plan (0 when it has none)."""
    row = storage.conn.execute("SELECT max(priority) FROM plan_items WHERE firm_id = ? AND deleted_at IS NULL",
                               (firm_id,)).fetchone()
    return int(row[0] or 0)


@guarded
def intake_version(storage, firm_id: str) -> dict | None:
    """The firm as it was first recorded (its figures at intake), from the change log."""
    for entry in changelog.entries(storage, table="firms", record_id=firm_id):
        if entry.op == "insert" and entry.after:
            return entry.after
    return records.get(storage, "firms", firm_id, include_deleted=True)


@guarded
def in_period(storage, table: str, day_column: str, start: str, end: str) -> list[dict]:
    """Live records of ``table`` whose ``day_column`` falls in [start, end] (ISO dates)."""
    return records.select(storage, table, f"{day_column} BETWEEN ? AND ?", (start, end),
                          order_by=f"{day_column}, id")
