"""The action plan that is followed: plan items made from an assessment's recommendations,
and, at the next assessment, what became of each and how its dimension moved."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.domain.assessment.model import Recommendation

PRECONDITION_FAMILY = "precondicion"
OPEN_STATUSES = ("pendiente", "en_curso")  # an action still to do (done and dropped ones are not)


def plan_items_from(recommendations: Iterable[Recommendation], lang: str = "es") -> list[dict[str, Any]]:
    """One pending plan item per recommendation, in the order the report gives them.

    A precondition (formal registration) and financing are the firm's to do; the other
    instruments are the centre's to arrange. The adviser changes owner and due date after.
    """
    items = []
    for rec in recommendations:
        family = PRECONDITION_FAMILY if rec.kind == "precondition" else rec.family
        items.append({
            "source_key": rec.instrument_id, "title": rec.title.text(lang), "family": family,
            "dimension": rec.gap_dimensions[0] if rec.gap_dimensions else None,
            "owner": "empresa" if family in (PRECONDITION_FAMILY, "financiamiento") else "centro",
            "status": "pendiente",
        })
    return items


@dataclass(frozen=True)
class PlanAction:
    """One action of the plan as the report's summary prints it: what, who does it, by when.

    ``item_id`` is None for an action proposed from the recommendations before any plan exists.
    """

    title: str
    owner: str  # "empresa" or "centro"
    due_on: str | None = None  # ISO date
    source_key: str | None = None  # the instrument (or precondition) it came from
    item_id: str | None = None
    status: str = "pendiente"


def open_actions(items: Iterable[Mapping[str, Any]]) -> list[PlanAction]:
    """The plan's items still to do (pending or in progress), in the plan's order."""
    return [PlanAction(str(i["title"]), str(i["owner"]), i.get("due_on") or None, i.get("source_key"), i.get("id"),
                       str(i["status"])) for i in items if i.get("status") in OPEN_STATUSES]


def proposed_actions(recommendations: Iterable[Recommendation], lang: str = "es") -> list[PlanAction]:
    """The actions a plan made now would hold (:func:`plan_items_from`), for a firm without a plan yet."""
    return [PlanAction(i["title"], i["owner"], None, i["source_key"]) for i in plan_items_from(recommendations, lang)]


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
