"""Use cases of the advisory record: sessions of advice, the firm's timeline, and the one door to the
action plan (:mod:`desktop.services.action_plan`) and impact milestones (:mod:`desktop.services.milestones`).

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
from db.advisory import SESSIONS
from db.connection import Storage
from desktop.domain.advisory.record import KIND_LABELS, MODE_LABELS, STAGE_LABELS, check_session, stage_of
from desktop.domain.assessment.catalog import load_catalog
from desktop.domain.errors import UserError
from desktop.services.action_plan import (  # noqa: F401 - the advisory record's one door
    add_plan_item,
    adviser_names,
    dimension_choices,
    make_plan,
    move_plan_item,
    next_actions,
    overdue_of_firm,
    owner_choices,
    plan_follow_up,
    plan_of_firm,
    set_plan_status,
    summary_actions,
    task_from_session,
    update_plan_item,
)
from desktop.services.assessments import completed_history
from desktop.services.milestones import (  # noqa: F401 - the advisory record's one door
    delete_milestone,
    document_milestone,
    may_verify,
    milestone_summary,
    milestones_of,
    record_milestone,
    stage_summary,
    update_milestone,
    verify_milestone,
)
from desktop.services.registry.firms import get_firm


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
    """Store a session of advice with a firm (checked; one sentence naming the field when not).

    A session dated before the firm was registered is refused.
    """
    firm = _firm(storage, firm_id)
    values = check_session({"adviser_id": adviser_id, **data}, today or _today(), (t for t, _ in topic_choices()),
                           registered=firm.get("created_at"))
    return repo.add(storage, SESSIONS, firm_id, values, adviser_id)


def update_session(storage: Storage, session_id: str, data: Mapping[str, Any], adviser_id: str | None,
                   today: dt.date | None = None) -> dict:
    current = repo.get(storage, SESSIONS, session_id)
    if current is None or current.get("deleted_at"):
        raise UserError("La sesión no existe o fue eliminada.")
    firm = _firm(storage, current["firm_id"])
    values = check_session({**current, **data}, today or _today(), (t for t, _ in topic_choices()),
                           registered=firm.get("created_at"))
    return repo.update(storage, SESSIONS, session_id, values, adviser_id)


def delete_session(storage: Storage, session_id: str, adviser_id: str | None) -> dict:
    return repo.delete(storage, SESSIONS, session_id, adviser_id)


def sessions_of(storage: Storage, firm_id: str) -> list[dict]:
    return repo.of_firm(storage, SESSIONS, firm_id)


# --- the firm's timeline -----------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a firm's advisory timeline, newest first.

    ``actions`` says what the line offers: "task" (a session whose next step is not in the plan
    yet), "document" (a declared milestone), "verify" (a documented one).
    """

    day: str  # ISO date
    kind: str  # "session", "assessment" or "milestone"
    title: str
    detail: str
    record_id: str
    actions: tuple[str, ...] = ()


def _minutes(s: Mapping[str, Any]) -> str:
    extra = [f"{label} {s[k]} min" for k, label in (("prep_minutes", "preparación"), ("travel_minutes", "traslado"))
             if s.get(k)]
    return f"{s['minutes']} min" + (f" (+ {', '.join(extra)})" if extra else "")


def timeline(storage: Storage, firm_id: str, names: Mapping[str, str] | None = None) -> list[TimelineEntry]:
    """Sessions, completed assessments and milestones of a firm, newest first.

    Args:
        names: adviser id -> name, to say who saw a milestone's document and who verified it.
    """
    names = names or {}
    topics = dict(topic_choices())
    in_plan = {i.get("session_id") for i in plan_of_firm(storage, firm_id)}
    entries = []
    for s in sessions_of(storage, firm_id):
        covered = ", ".join(topics.get(t, t) for t in (s.get("topics") or []))
        detail = " · ".join(x for x in (covered, s.get("notes") or "",
                                         f"Próximo paso: {s['next_step']}" if s.get("next_step") else "") if x)
        offers = ("task",) if s.get("next_step") and s["id"] not in in_plan else ()
        entries.append(TimelineEntry(s["held_on"], "session", f"Sesión — {MODE_LABELS[s['mode']]}, {_minutes(s)}",
                                     detail, s["id"], offers))
    for a, result in completed_history(storage, firm_id):
        index = f"{result.index}" if getattr(result, "index", None) is not None else "sin índice"
        entries.append(TimelineEntry((a["completed_at"] or a["started_at"])[:10], "assessment",
                                     "Evaluación de preparación", f"Índice {index}", a["id"]))
    for m in milestones_of(storage, firm_id):
        stage = stage_of(m)
        offers = {"declarado": ("document",), "documentado": ("verify",)}.get(stage, ())
        entries.append(TimelineEntry(m["occurred_on"], "milestone",
                                     f"Hito — {KIND_LABELS[m['kind']]} ({STAGE_LABELS[stage].lower()})",
                                     f"{milestone_summary(m)} · {stage_summary(m, names)}", m["id"], offers))
    order = {"assessment": 0, "milestone": 1, "session": 2}
    return sorted(entries, key=lambda e: (e.day, -order[e.kind]), reverse=True)
