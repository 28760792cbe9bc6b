"""The action plan that is followed: the concrete steps made from an assessment's recommendations,
the adviser's own items, their order and who does each, what is overdue, and, at the next
assessment, what became of each and how its dimension moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.domain.assessment.model import Recommendation

PRECONDITION_FAMILY = "precondicion"
OPEN_STATUSES = ("pendiente", "en_curso")  # an action still to do (done and dropped ones are not)
# The steps a plan starts with: as many as the client report's «Primeros pasos sugeridos» (which
# reserves its fifth line for the follow-up), then the follow-up assessment itself.
FIRST_STEPS = 4
FOLLOW_UP_KEY = "seguimiento"
FOLLOW_UP_MONTHS = 6
FOLLOW_UP_TITLE = {"es": "Repetir la evaluación con la empresa para medir el avance del plan",
                   "en": "Repeat the assessment with the firm to measure the plan's progress"}


def _owner(family: str) -> str:
    # A precondition (formal registration) and financing are the firm's to do; the centre arranges the rest.
    return "empresa" if family in (PRECONDITION_FAMILY, "financiamiento") else "centro"


def plan_steps(recommendations: Sequence[Recommendation], lang: str = "es",
               limit: int = FIRST_STEPS) -> list[tuple[str, Recommendation]]:
    """The plan's first concrete steps, each with the recommendation it comes from.

    Taken in turns, as the client report lists them (the first step of every recommendation, then
    the second steps ...), so the plan touches the biggest gaps before going deep into one; a
    step already taken is not repeated.
    """
    queues = [[(step.text(lang), rec) for step in rec.steps] for rec in recommendations]
    steps: list[tuple[str, Recommendation]] = []
    depth = 0
    while len(steps) < limit and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and all(queue[depth][0] != s for s, _ in steps) and len(steps) < limit:
                steps.append(queue[depth])
        depth += 1
    return steps


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


def plan_items_from(recommendations: Sequence[Recommendation], lang: str = "es",
                    assessed_on: dt.date | None = None, adviser_id: str | None = None) -> list[dict[str, Any]]:
    """The pending items a plan starts with: the first concrete steps, then the follow-up assessment.

    Each step keeps its recommendation (``source_key``), family and the dimension it works on. The
    centre's steps are the adviser's who makes the plan (``adviser_id``); the follow-up is due six
    months after the assessment (``assessed_on``), as the client report promises. The adviser changes
    owners and due dates after.
    """
    items = []
    for text, rec in plan_steps(recommendations, lang):
        family = PRECONDITION_FAMILY if rec.kind == "precondition" else rec.family
        owner = _owner(family)
        items.append({
            "source_key": rec.instrument_id, "title": text, "family": family,
            "dimension": rec.gap_dimensions[0] if rec.gap_dimensions else None, "owner": owner,
            "owner_adviser_id": adviser_id if owner == "centro" else None, "status": "pendiente",
        })
    if items:
        items.append({
            "source_key": FOLLOW_UP_KEY, "title": FOLLOW_UP_TITLE["en" if lang == "en" else "es"], "family": None,
            "dimension": None, "owner": "centro", "owner_adviser_id": adviser_id, "status": "pendiente",
            "due_on": add_months(assessed_on, FOLLOW_UP_MONTHS).isoformat() if assessed_on else None,
        })
    return items


def in_order(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A plan's items in its order: by ``priority`` (items of plans made before there was one come
    first, in the order they were made), then as they were made."""
    return sorted((dict(i) for i in items), key=lambda i: (i.get("priority") or 0, i["created_at"], i["id"]))


def overdue(items: Iterable[Mapping[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """The items still to do whose due date has passed, the oldest due first."""
    late = [dict(i) for i in items if i.get("status") in OPEN_STATUSES and i.get("due_on")
            and i["due_on"] < today.isoformat()]
    return sorted(late, key=lambda i: (i["due_on"], i.get("priority") or 0, i["id"]))


def moved(items: Sequence[Mapping[str, Any]], item_id: str, steps: int) -> list[tuple[str, int]]:
    """The new priorities after moving one item ``steps`` places (negative: up), as (id, priority)
    pairs for the items whose priority changes. The whole plan is numbered 1, 2, 3 … in its order."""
    ordered = [i["id"] for i in in_order(items)]
    if item_id not in ordered:
        return []
    at = ordered.index(item_id)
    to = max(0, min(len(ordered) - 1, at + steps))
    ordered.insert(to, ordered.pop(at))
    current = {i["id"]: i.get("priority") for i in items}
    return [(rid, n) for n, rid in enumerate(ordered, start=1) if current.get(rid) != n]


@dataclass(frozen=True)
class PlanAction:
    """One action of the plan as the report's summary prints it: what, who does it, by when.

    ``item_id`` is None for an action proposed from the recommendations before any plan exists.
    ``owner_name`` is the adviser in charge, when one of the centre's advisers does it.
    """

    title: str
    owner: str  # "empresa" or "centro"
    due_on: str | None = None  # ISO date
    source_key: str | None = None  # the instrument (or precondition) it came from
    item_id: str | None = None
    status: str = "pendiente"
    owner_adviser_id: str | None = None
    owner_name: str | None = None


def open_actions(items: Iterable[Mapping[str, Any]], names: Mapping[str, str] | None = None) -> list[PlanAction]:
    """The plan's items still to do (pending or in progress), in the order given.

    Args:
        names: adviser id -> name, to say which adviser does each of the centre's items.
    """
    names = names or {}
    return [PlanAction(str(i["title"]), str(i["owner"]), i.get("due_on") or None, i.get("source_key"), i.get("id"),
                       str(i["status"]), i.get("owner_adviser_id"), names.get(i.get("owner_adviser_id") or ""))
            for i in items if i.get("status") in OPEN_STATUSES]


def proposed_actions(recommendations: Iterable[Recommendation], lang: str = "es") -> list[PlanAction]:
    """For a firm without a plan yet: one action per recommendation, in the report's order, the
    firm's or the centre's by its family (no due date: that is agreed when the plan is made)."""
    out = []
    for rec in recommendations:
        family = PRECONDITION_FAMILY if rec.kind == "precondition" else rec.family
        out.append(PlanAction(rec.title.text(lang), _owner(family), None, rec.instrument_id))
    return out


def dimension_scores(result: Mapping[str, Any] | None) -> dict[str, tuple[str, Decimal | None]]:
    """dimension id -> (Spanish title, score or None) from a stored assessment result."""
    out: dict[str, tuple[str, Decimal | None]] = {}
    for dim in (result or {}).get("dimensions", []):
        title = dim.get("title") or {}
        score = dim.get("score")
        out[dim["dimension_id"]] = (title.get("es", dim["dimension_id"]) if isinstance(title, dict) else str(title),
                                    Decimal(str(score)) if score not in (None, "") and dim.get("status") == "ok"
                                    else None)
    return out


@dataclass(frozen=True)
class FollowedItem:
    """A plan item as the next assessment reads it."""

    item_id: str
    title: str
    status: str
    dimension: str | None
    dimension_title: str | None
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """Points the targeted dimension moved (None when either score is missing)."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def follow_up(items: Iterable[Mapping[str, Any]], before: Mapping[str, Any] | None,
              after: Mapping[str, Any] | None) -> list[FollowedItem]:
    """The items of an earlier assessment's plan with the scores of their dimension before and after."""
    old, new = dimension_scores(before), dimension_scores(after)
    out = []
    for item in items:
        dim = item.get("dimension")
        title = (new.get(dim) or old.get(dim) or (None, None))[0] if dim else None
        out.append(FollowedItem(item["id"], item["title"], item["status"], dim, title,
                                old.get(dim, (None, None))[1] if dim else None,
                                new.get(dim, (None, None))[1] if dim else None))
    return out
