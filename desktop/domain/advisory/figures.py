"""The funder report's figures for a period, from the rows they are counted from.

Every total is a sum over rows that are returned with it (``FunderFigures.sessions`` and
``.milestones``), so an export of those rows reconciles with the report by construction, and
a test checks it. Jobs count once per firm and period: if two devices recorded the same
firm's jobs for one year, the later record is the one counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.domain.advisory.plan import dimension_scores
from desktop.domain.advisory.record import EVIDENCE_LEVELS, MILESTONE_KINDS


@dataclass
class FunderFigures:
    """Totals, breakdowns and the rows behind them."""

    start: str
    end: str
    programme: str | None
    firms_advised: int = 0
    hours: Decimal = Decimal(0)
    new_clients: int = 0
    returning_clients: int = 0
    women_led: int = 0
    jobs_women: int = 0
    jobs_men: int = 0
    usd_by_kind: dict[str, int] = field(default_factory=dict)
    milestones_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> evidence -> count
    readiness_change: list[tuple[str, str, Decimal, int]] = field(default_factory=list)  # id, title, mean, firms
    sessions: list[dict] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)


def _in(row: Mapping[str, Any], programme: str | None) -> bool:
    return programme is None or (row.get("programme") or None) == programme


def counted_milestones(milestones: Iterable[Mapping[str, Any]]) -> list[dict]:
    """The milestones that count: jobs once per firm and period (the latest record), every other kind."""
    jobs: dict[tuple[str, str], dict] = {}
    others = []
    for m in milestones:
        if m["kind"] == "empleo":
            key = (m["firm_id"], m["period"])
            if key not in jobs or (m["occurred_on"], m["updated_at"]) > (jobs[key]["occurred_on"],
                                                                          jobs[key]["updated_at"]):
                jobs[key] = dict(m)
        else:
            others.append(dict(m))
    return sorted([*jobs.values(), *others], key=lambda m: (m["occurred_on"], m["id"]))


def funder_figures(start: str, end: str, sessions: Iterable[Mapping[str, Any]],
                   milestones: Iterable[Mapping[str, Any]], firms: Mapping[str, Mapping[str, Any]],
                   first_session: Mapping[str, str], assessments: Mapping[str, list[Mapping[str, Any]]],
                   programme: str | None = None) -> FunderFigures:
    """Sum the period's work.

    Args:
        start, end: the period (ISO dates, both included).
        sessions, milestones: the live records of the period.
        firms: firm id -> firm (``owner_gender``).
        first_session: firm id -> the day of its first session ever (new or returning client).
        assessments: firm id -> its completed assessments up to ``end``, oldest first (``result``).
        programme: only records of this programme.
    """
    fig = FunderFigures(start, end, programme)
    fig.sessions = sorted((dict(s) for s in sessions if _in(s, programme)), key=lambda s: (s["held_on"], s["id"]))
    fig.milestones = counted_milestones(m for m in milestones if _in(m, programme))
    advised = {s["firm_id"] for s in fig.sessions}
    fig.firms_advised = len(advised)
    fig.hours = (Decimal(sum(s["minutes"] for s in fig.sessions)) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
    fig.new_clients = sum(1 for f in advised if first_session.get(f, start) >= start)
    fig.returning_clients = fig.firms_advised - fig.new_clients
    fig.women_led = sum(1 for f in advised if (firms.get(f) or {}).get("owner_gender") == "F")
    by_kind: dict[str, Counter] = {k: Counter() for k in MILESTONE_KINDS}
    usd: Counter = Counter()
    for m in fig.milestones:
        by_kind[m["kind"]][m["evidence"]] += 1
        if m["kind"] == "empleo":
            fig.jobs_women += m["jobs_women"] or 0
            fig.jobs_men += m["jobs_men"] or 0
        if m.get("amount_usd") is not None:
            usd[m["kind"]] += m["amount_usd"]
    fig.milestones_by_kind = {k: {e: by_kind[k][e] for e in EVIDENCE_LEVELS} for k in MILESTONE_KINDS}
    fig.usd_by_kind = {k: usd[k] for k in ("ventas", "exportacion", "financiamiento")}
    changes: dict[str, list[Decimal]] = defaultdict(list)
    titles: dict[str, str] = {}
    for firm_id in sorted(advised):
        done = assessments.get(firm_id) or []
        if len(done) < 2:
            continue
        first, last = dimension_scores(done[0].get("result")), dimension_scores(done[-1].get("result"))
        for dim, (title, score) in last.items():
            before = first.get(dim, (None, None))[1]
            if score is not None and before is not None:
                changes[dim].append(score - before)
                titles[dim] = title
    fig.readiness_change = [(dim, titles[dim], (sum(v) / len(v)).quantize(Decimal("0.1"), ROUND_HALF_UP), len(v))
                            for dim, v in changes.items()]
    return fig
