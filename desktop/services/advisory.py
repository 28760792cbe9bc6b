"""Use cases of the advisory record: sessions of advice, the followed action plan, impact milestones.

The GUI and the command line call these; they check input in the domain
(``desktop.domain.advisory``) and store through ``db.advisory``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from db import advisory as repo
from db.advisory import MILESTONES, PLAN, SESSIONS
from db.connection import Storage
from desktop.domain.advisory.plan import (
    FollowedItem,
    PlanAction,
    follow_up,
    open_actions,
    plan_items_from,
    proposed_actions,
)
from desktop.domain.advisory.record import (
    KIND_LABELS,
    MODE_LABELS,
    check_milestone,
    check_plan_item,
    check_plan_status,
    check_session,
    shown_day,
)
from desktop.domain.assessment.catalog import load_catalog
from desktop.domain.errors import UserError
from desktop.services.assessments import completed_history, get_assessment, recommendations_for, result_of
from desktop.services.registry.firms import get_firm
from desktop.services.settings import get_setting


def _today() -> dt.date:
    return dt.date.today()


@lru_cache(maxsize=1)
def topic_choices() -> tuple[tuple[str, str], ...]:
    """(id, Spanish label) of every topic a session may cover: the four families, then their instruments."""
    catalog = load_catalog()
    families = [(fid, text.es) for fid, text in catalog.families.items()]
    instruments = [(i.id, f"{catalog.families[i.family].es}: {i.title.es}") for i in catalog.instruments
                   if i.family in catalog.families]
    return tuple(families + instruments)


def _firm(storage: Storage, firm_id: str) -> dict:
    firm = get_firm(storage, firm_id)
    if firm is None:
        raise UserError("La empresa no existe o fue eliminada.", field="firm_id")
    return firm


# --- sessions ----------------------------------------------------------------------------------


def record_session(storage: Storage, firm_id: str, data: Mapping[str, Any], adviser_id: str | None,
                   today: dt.date | None = None) -> dict:
    """Store a session of advice with a firm (checked; one sentence naming the field when not)."""
    _firm(storage, firm_id)
    values = check_session({"adviser_id": adviser_id, **data}, today or _today(), (t for t, _ in topic_choices()))
    return repo.add(storage, SESSIONS, firm_id, values, adviser_id)


def update_session(storage: Storage, session_id: str, data: Mapping[str, Any], adviser_id: str | None,
                   today: dt.date | None = None) -> dict:
    current = repo.get(storage, SESSIONS, session_id)
    if current is None:
        raise UserError("La sesión no existe o fue eliminada.")
    values = check_session({**current, **data}, today or _today(), (t for t, _ in topic_choices()))
    return repo.update(storage, SESSIONS, session_id, values, adviser_id)


def delete_session(storage: Storage, session_id: str, adviser_id: str | None) -> dict:
    return repo.delete(storage, SESSIONS, session_id, adviser_id)


def sessions_of(storage: Storage, firm_id: str) -> list[dict]:
    return repo.of_firm(storage, SESSIONS, firm_id)


# --- the action plan ---------------------------------------------------------------------------


def make_plan(storage: Storage, assessment_id: str, adviser_id: str | None) -> list[dict]:
    """The assessment's recommendations as plan items (made once; later calls return them)."""
    existing = repo.plan_of_assessment(storage, assessment_id)
    if existing:
        return existing
    assessment = get_assessment(storage, assessment_id)
    items = plan_items_from(recommendations_for(result_of(storage, assessment_id)))
    rows = [{**item, "assessment_id": assessment_id} for item in items]
    return repo.add_many(storage, PLAN, assessment["firm_id"], rows, adviser_id)


def add_plan_item(storage: Storage, firm_id: str, data: Mapping[str, Any], adviser_id: str | None) -> dict:
    """A plan item written by hand (not from a recommendation)."""
    _firm(storage, firm_id)
    values = check_plan_item(data)
    return repo.add(storage, PLAN, firm_id, {**values, "status": "pendiente",
                                             "assessment_id": data.get("assessment_id")}, adviser_id)


def update_plan_item(storage: Storage, item_id: str, data: Mapping[str, Any], adviser_id: str | None) -> dict:
    current = repo.get(storage, PLAN, item_id)
    if current is None:
        raise UserError("La acción del plan no existe o fue eliminada.")
    return repo.update(storage, PLAN, item_id, check_plan_item({**current, **data}), adviser_id)


def set_plan_status(storage: Storage, item_id: str, status: str, adviser_id: str | None,
                    drop_reason: str | None = None, today: dt.date | None = None) -> dict:
    """Pending, in progress, done, or dropped (with its reason)."""
    if repo.get(storage, PLAN, item_id) is None:
        raise UserError("La acción del plan no existe o fue eliminada.")
    return repo.update(storage, PLAN, item_id, check_plan_status(status, drop_reason, today or _today()), adviser_id)


def plan_of_firm(storage: Storage, firm_id: str) -> list[dict]:
    return repo.of_firm(storage, PLAN, firm_id)


def summary_actions(storage: Storage, firm_id: str, recommendations=(), lang: str = "es",
                    limit: int = 3) -> tuple[list[PlanAction], bool]:
    """The actions the client report's one-page summary puts first, and whether they come from a plan.

    The one place the summary asks (issue 39): with a plan, its first ``limit`` actions still to do
    (pending or in progress), in the plan's order, with their owner and due date; without one, the
    first ``limit`` a plan made from ``recommendations`` would hold (no due date yet).
    """
    items = repo.of_firm(storage, PLAN, firm_id)
    if items:
        return open_actions(items)[:limit], True
    return proposed_actions(recommendations, lang)[:limit], False


def plan_follow_up(storage: Storage, assessment_id: str) -> list[FollowedItem]:
    """For a completed assessment: the previous assessment's plan, each item's status and how
    the dimension it targeted moved between the two."""
    assessment = get_assessment(storage, assessment_id)
    history = [a for a, _ in completed_history(storage, assessment["firm_id"])]
    ids = [a["id"] for a in history]
    if assessment_id not in ids or ids.index(assessment_id) == 0:
        return []
    previous = history[ids.index(assessment_id) - 1]
    return follow_up(repo.plan_of_assessment(storage, previous["id"]), previous["result"], assessment["result"])


# --- impact milestones -------------------------------------------------------------------------


def _check(storage: Storage, firm: dict, data: Mapping[str, Any], adviser_id: str | None,
           today: dt.date | None, exclude: str | None = None) -> dict:
    intake = repo.intake_version(storage, firm["id"]) or firm
    values = check_milestone(data, firm, intake, today or _today(), get_setting(storage, "exchange_rates") or {},
                             adviser_id)
    if values["kind"] == "empleo":
        # A job counts once per firm and period: a second jobs milestone of one year is refused.
        same = [m for m in repo.of_firm(storage, MILESTONES, firm["id"])
                if m["kind"] == "empleo" and m["period"] == values["period"] and m["id"] != exclude]
        if same:
            raise UserError(f"Ya hay empleos registrados para esta empresa en {values['period']} "
                            f"({shown_day(same[0]['occurred_on'])}); corrija ese hito en lugar de añadir otro.",
                            field="occurred_on")
    return values


def record_milestone(storage: Storage, firm_id: str, data: Mapping[str, Any], adviser_id: str | None,
                     today: dt.date | None = None) -> dict:
    """Store an impact milestone with its baseline (the firm's figures at intake) and evidence."""
    firm = _firm(storage, firm_id)
    with storage.write():
        return repo.add(storage, MILESTONES, firm_id, _check(storage, firm, data, adviser_id, today), adviser_id)


def update_milestone(storage: Storage, milestone_id: str, data: Mapping[str, Any], adviser_id: str | None,
                     today: dt.date | None = None) -> dict:
    """Correct a milestone; the earlier version stays in its history (verified or not)."""
    current = repo.get(storage, MILESTONES, milestone_id)
    if current is None:
        raise UserError("El hito no existe o fue eliminado.")
    firm = _firm(storage, current["firm_id"])
    merged = {**current, **data}
    if isinstance(merged.get("markets"), list):
        merged["markets"] = ", ".join(merged["markets"])
    with storage.write():
        values = _check(storage, firm, merged, adviser_id, today, exclude=milestone_id)
        if values["evidence"] == current["evidence"] and current["verified_by"]:
            values.update(verified_by=current["verified_by"], verified_on=current["verified_on"])
        return repo.update(storage, MILESTONES, milestone_id, values, adviser_id)


def delete_milestone(storage: Storage, milestone_id: str, adviser_id: str | None) -> dict:
    return repo.delete(storage, MILESTONES, milestone_id, adviser_id)


def milestones_of(storage: Storage, firm_id: str) -> list[dict]:
    return repo.of_firm(storage, MILESTONES, firm_id)


# --- the firm's timeline -----------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a firm's advisory timeline, newest first."""

    day: str  # ISO date
    kind: str  # "session", "assessment" or "milestone"
    title: str
    detail: str
    record_id: str


def _money(usd: int | None) -> str:
    return "" if usd is None else f"USD {usd:,}".replace(",", ".")


def milestone_summary(m: Mapping[str, Any]) -> str:
    """A milestone in a few words (what, how much)."""
    if m["kind"] == "empleo":
        return f"{m['jobs_women'] + m['jobs_men']} empleos ({m['jobs_women']} mujeres, {m['jobs_men']} hombres)"
    if m["amount_usd"] is not None:
        extra = f" — {', '.join(m['markets'])}" if m.get("markets") else ""
        extra += f" — {m['source']}" if m.get("source") else ""
        return _money(m["amount_usd"]) + extra
    return m.get("description") or KIND_LABELS[m["kind"]]


def timeline(storage: Storage, firm_id: str) -> list[TimelineEntry]:
    """Sessions, completed assessments and milestones of a firm, newest first."""
    entries = []
    for s in sessions_of(storage, firm_id):
        topics = dict(topic_choices())
        covered = ", ".join(topics.get(t, t) for t in (s.get("topics") or []))
        detail = " · ".join(x for x in (covered, s.get("notes") or "",
                                         f"Próximo paso: {s['next_step']}" if s.get("next_step") else "") if x)
        entries.append(TimelineEntry(s["held_on"], "session",
                                     f"Sesión — {MODE_LABELS[s['mode']]}, {s['minutes']} min", detail, s["id"]))
    for a, result in completed_history(storage, firm_id):
        index = f"{result.index}" if getattr(result, "index", None) is not None else "sin índice"
        entries.append(TimelineEntry((a["completed_at"] or a["started_at"])[:10], "assessment",
                                     "Evaluación de preparación", f"Índice {index}", a["id"]))
    for m in milestones_of(storage, firm_id):
        entries.append(TimelineEntry(m["occurred_on"], "milestone", f"Hito — {KIND_LABELS[m['kind']]}",
                                     milestone_summary(m), m["id"]))
    order = {"assessment": 0, "milestone": 1, "session": 2}
    return sorted(entries, key=lambda e: (e.day, -order[e.kind]), reverse=True)
