"""Use cases of a firm's action plan (issue 37): steps made from an assessment, the adviser's own
items, a session's next step made a task, who does each and by when, the plan's order, what is
overdue, and what the next assessment shows moved.

Plan items are records (``plan_items``): they sync, keep their history and follow their firm
through merges. Checks are the domain's (``desktop.domain.advisory``); storage is ``db.advisory``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from db import advisory as repo
from db.advisory import PLAN, SESSIONS
from db.connection import Storage
from desktop.domain.advisory.plan import (
    FollowedItem,
    PlanAction,
    follow_up,
    in_order,
    moved,
    open_actions,
    overdue,
    plan_items_from,
    proposed_actions,
)
from desktop.domain.advisory.record import check_plan_item, check_plan_status
from desktop.domain.errors import UserError
from desktop.services.advisers import list_advisers
from desktop.services.assessments import (
    advice_year,
    completed_history,
    get_assessment,
    questionnaire,
    recommendations_for,
    result_of,
)
from desktop.services.registry.firms import get_firm


def _today() -> dt.date:
    return dt.date.today()


def _live_firm(storage: Storage, firm_id: str) -> dict:
    firm = get_firm(storage, firm_id)
    if firm is None:
        raise UserError("La empresa no existe o fue eliminada.", field="firm_id")
    return firm


def _item(storage: Storage, item_id: str) -> dict:
    item = repo.get(storage, PLAN, item_id)
    if item is None or item.get("deleted_at"):
        raise UserError("La acción del plan no existe o fue eliminada.")
    return item


def owner_choices(storage: Storage) -> list[tuple[str, str]]:
    """(id, name) of the advisers who may be put in charge of an item: the centre's active advisers."""
    return [(a["id"], a["name"]) for a in list_advisers(storage)]


def dimension_choices(lang: str = "es") -> list[tuple[str, str]]:
    """(id, title) of the questionnaire's dimensions an item may work on."""
    return [(d.id, d.title.text(lang)) for d in questionnaire().dimensions]


def adviser_names(storage: Storage) -> dict[str, str]:
    """Adviser id -> name, inactive ones included (an item keeps whoever was in charge)."""
    return {a["id"]: a["name"] for a in list_advisers(storage, include_inactive=True)}


def _check(storage: Storage, data: Mapping[str, Any]) -> dict:
    dimensions = [d.id for d in questionnaire().dimensions]
    return check_plan_item(data, [a for a, _ in owner_choices(storage)], dimensions)


def make_plan(storage: Storage, assessment_id: str, adviser_id: str | None) -> list[dict]:
    """The plan an assessment starts: its recommendations' first concrete steps (as the client report
    lists them) and the follow-up assessment six months on. Made once; later calls return it."""
    existing = repo.plan_of_assessment(storage, assessment_id)
    if existing:
        return existing
    assessment = get_assessment(storage, assessment_id)
    firm = _live_firm(storage, assessment["firm_id"])
    recommendations = recommendations_for(result_of(storage, assessment_id), firm=firm,
                                          year=advice_year(assessment))
    done_on = dt.date.fromisoformat((assessment["completed_at"] or assessment["started_at"])[:10])
    items = plan_items_from(recommendations, assessed_on=done_on, adviser_id=adviser_id)
    with storage.write():
        start = repo.last_priority(storage, firm["id"])
        rows = [{**item, "assessment_id": assessment_id, "priority": start + n}
                for n, item in enumerate(items, start=1)]
        return repo.add_many(storage, PLAN, firm["id"], rows, adviser_id)


def _latest_assessment_id(storage: Storage, firm_id: str) -> str | None:
    done = completed_history(storage, firm_id)
    return done[-1][0]["id"] if done else None


def add_plan_item(storage: Storage, firm_id: str, data: Mapping[str, Any], adviser_id: str | None) -> dict:
    """An item the adviser writes: what, who (the firm, the centre or one of its advisers), by when,
    which dimension. It joins the plan of the firm's latest assessment, last in the plan's order."""
    _live_firm(storage, firm_id)
    values = _check(storage, data)
    with storage.write():
        return repo.add(storage, PLAN, firm_id, {
            **values, "status": "pendiente", "priority": repo.last_priority(storage, firm_id) + 1,
            "assessment_id": data.get("assessment_id") or _latest_assessment_id(storage, firm_id),
            "session_id": data.get("session_id")}, adviser_id)


def update_plan_item(storage: Storage, item_id: str, data: Mapping[str, Any], adviser_id: str | None) -> dict:
    """Change what an item says, who does it, its due date or its dimension."""
    current = _item(storage, item_id)
    return repo.update(storage, PLAN, item_id, _check(storage, {**current, **data}), adviser_id)


def set_plan_status(storage: Storage, item_id: str, status: str, adviser_id: str | None,
                    drop_reason: str | None = None, today: dt.date | None = None) -> dict:
    """Pending, in progress, done, or dropped (with its reason)."""
    _item(storage, item_id)
    return repo.update(storage, PLAN, item_id, check_plan_status(status, drop_reason, today or _today()), adviser_id)


def move_plan_item(storage: Storage, item_id: str, steps: int, adviser_id: str | None) -> list[dict]:
    """Move an item up (``steps`` < 0) or down the plan's order; returns the plan in its new order."""
    item = _item(storage, item_id)
    with storage.write():
        for rid, priority in moved(repo.of_firm(storage, PLAN, item["firm_id"]), item_id, steps):
            repo.update(storage, PLAN, rid, {"priority": priority}, adviser_id)
    return plan_of_firm(storage, item["firm_id"])


def task_from_session(storage: Storage, session_id: str, adviser_id: str | None) -> dict:
    """A session's «Próximo paso» as a plan item of the centre, in the charge of the session's adviser.

    Raises:
        UserError: the session has no next step, or it is in the plan already.
    """
    session = repo.get(storage, SESSIONS, session_id)
    if session is None or session.get("deleted_at"):
        raise UserError("La sesión no existe o fue eliminada.")
    if not (session.get("next_step") or "").strip():
        raise UserError("Esa sesión no tiene un próximo paso que pasar al plan.", field="next_step")
    if repo.plan_of_session(storage, session_id):
        raise UserError("El próximo paso de esa sesión ya está en el plan.", field="next_step")
    owner = session.get("adviser_id") or adviser_id
    active = {a for a, _ in owner_choices(storage)}
    return add_plan_item(storage, session["firm_id"], {
        "title": session["next_step"], "owner": "centro", "owner_adviser_id": owner if owner in active else None,
        "session_id": session_id}, adviser_id)


def plan_of_firm(storage: Storage, firm_id: str) -> list[dict]:
    """Every live item of the firm's plan, in the plan's order."""
    return in_order(repo.of_firm(storage, PLAN, firm_id))


def next_actions(storage: Storage, firm_id: str, n: int = 3) -> list[PlanAction]:
    """The plan's first ``n`` items still to do (pending or in progress), in the plan's order, each with
    its text, who does it (the adviser's name when one is in charge) and its due date."""
    return open_actions(plan_of_firm(storage, firm_id), adviser_names(storage))[:n]


def summary_actions(storage: Storage, firm_id: str, recommendations: Sequence = (), lang: str = "es",
                    limit: int = 3) -> tuple[list[PlanAction], bool]:
    """The actions the client report's one-page summary puts first, and whether they come from a plan.

    With a plan, :func:`next_actions`; without one, the first ``limit`` recommendations as actions
    (no due date yet).
    """
    if repo.of_firm(storage, PLAN, firm_id):
        return next_actions(storage, firm_id, limit), True
    return proposed_actions(recommendations, lang)[:limit], False


def overdue_of_firm(storage: Storage, firm_id: str, today: dt.date | None = None) -> list[dict]:
    """The firm's items still to do whose due date has passed, the oldest due first."""
    return overdue(repo.of_firm(storage, PLAN, firm_id), today or _today())


def plan_follow_up(storage: Storage, assessment_id: str) -> list[FollowedItem]:
    """For a completed assessment: what the plan since the previous one became, and how the dimension
    each item worked on moved between the two.

    The plan followed is the previous assessment's, with the items written by hand before this
    assessment that belong to no assessment.
    """
    assessment = get_assessment(storage, assessment_id)
    history = [a for a, _ in completed_history(storage, assessment["firm_id"])]
    ids = [a["id"] for a in history]
    if assessment_id not in ids or ids.index(assessment_id) == 0:
        return []
    previous = history[ids.index(assessment_id) - 1]
    done = assessment["completed_at"] or ""
    items = [i for i in plan_of_firm(storage, assessment["firm_id"])
             if i.get("assessment_id") == previous["id"]
             or (i.get("assessment_id") is None and i["created_at"] < done)]
    return follow_up(items, previous["result"], assessment["result"])
