"""The funder report's figures for a period, from the rows they are counted from.

Every total is a sum over rows that are returned with it (``FunderFigures.sessions`` and
``.milestones``), so an export of those rows reconciles with the report by construction, and
a test checks it. Rules a funder audits:

* Impact (jobs, sales, exports, finance) counts **verified** milestones only: a coordinator
  who did not record the milestone checked its document. The others are listed and counted as
  waiting, by stage.
* Jobs count once per firm and period: if two devices recorded the same firm's jobs for one
  year, the later record is the one counted.
* Two registrations of one firm that nobody has decided on yet (a possible duplicate: the same
  tax id, or the same name in the same municipality) count as **one** firm, and a milestone
  recorded on both (same kind, day and figures) counts once; the report names each such pair.
* Hours of advice are the sessions' own minutes; preparation and travel are counted apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.domain.advisory.plan import dimension_scores
from desktop.domain.advisory.record import MILESTONE_KINDS, MILESTONE_STAGES, stage_of

AMOUNT_TOTALS = ("ventas", "exportacion", "financiamiento")


def hours(minutes: int) -> Decimal:
    """Minutes as hours with one decimal, rounded half up (as every total of the report)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class AdviserLoad:
    """One adviser's caseload in the period: firms advised, sessions and their time, milestones recorded."""

    adviser_id: str
    firms: int
    sessions: int
    minutes: int
    prep_minutes: int
    travel_minutes: int
    milestones: int

    @property
    def hours(self) -> Decimal:
        return hours(self.minutes)


@dataclass
class FunderFigures:
    """Totals, breakdowns and the rows behind them."""

    start: str
    end: str
    programme: str | None
    firms_advised: int = 0
    hours: Decimal = Decimal(0)
    prep_hours: Decimal = Decimal(0)
    travel_hours: Decimal = Decimal(0)
    new_clients: int = 0
    returning_clients: int = 0
    women_led: int = 0
    jobs_women: int = 0
    jobs_men: int = 0
    usd_by_kind: dict[str, int] = field(default_factory=dict)  # verified milestones only
    milestones_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> stage -> count
    waiting: dict[str, int] = field(default_factory=dict)  # stage -> milestones not verified yet
    readiness_change: list[tuple[str, str, Decimal, int]] = field(default_factory=list)  # id, title, mean, firms
    caseload: list[AdviserLoad] = field(default_factory=list)  # by adviser, most firms first
    duplicates: list[tuple[str, ...]] = field(default_factory=list)  # firm ids counted as one firm
    repeated: int = 0  # milestones left out because the other registration of the firm holds them
    sessions: list[dict] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)  # every counted milestone, each with its "stage"
    # Where each firm is registered (firm id -> centre's name) and its tax id, for the XLSX: what a
    # laptop calls its own centre is not what the server calls it, so they are not compared.
    centres: dict[str, str] = field(default_factory=dict, compare=False)
    names: dict[str, str] = field(default_factory=dict, compare=False)  # adviser and firm ids -> names

    @property
    def verified(self) -> list[dict]:
        """The verified milestones, the only ones the impact totals count."""
        return [m for m in self.milestones if m["stage"] == "verificado"]

    @property
    def waiting_total(self) -> int:
        return sum(self.waiting.values())


def _in(row: Mapping[str, Any], programme: str | None) -> bool:
    return programme is None or (row.get("programme") or None) == programme


def counted_milestones(milestones: Iterable[Mapping[str, Any]],
                       same: Mapping[str, str] | None = None) -> list[dict]:
    """The milestones that count: jobs once per firm and period (the latest record), every other kind.

    ``same`` maps a firm id to the firm it is counted as (an undecided duplicate's first registration);
    each milestone is returned with its ``stage`` (an older device's by its evidence).
    """
    same = same or {}
    jobs: dict[tuple[str, str], dict] = {}
    others = []
    for m in milestones:
        m = {**m, "stage": stage_of(m)}
        if m["kind"] == "empleo":
            key = (same.get(m["firm_id"], m["firm_id"]), m["period"])
            if key not in jobs or (m["occurred_on"], m["updated_at"]) > (jobs[key]["occurred_on"],
                                                                          jobs[key]["updated_at"]):
                jobs[key] = m
        else:
            others.append(m)
    return sorted([*jobs.values(), *others], key=lambda m: (m["occurred_on"], m["id"]))


def firm_groups(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Firm id -> the firm it is counted as, for pairs taken for one firm (chains join: a~b, b~c)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in parent}


def _once(milestones: list[dict], same: Mapping[str, str]) -> tuple[list[dict], int]:
    """Drop a milestone that the other registration of the same firm already holds (kind, day, figures)."""
    seen: set[tuple] = set()
    kept = []
    for m in sorted(milestones, key=lambda m: (m["occurred_on"], m["id"])):
        key = (same.get(m["firm_id"], m["firm_id"]), m["kind"], m["occurred_on"], m.get("amount_usd"),
               m.get("jobs_women"), m.get("jobs_men"), (m.get("description") or "").strip().casefold())
        if m["firm_id"] in same and key in seen:
            continue
        seen.add(key)
        kept.append(m)
    return kept, len(milestones) - len(kept)


def funder_figures(start: str, end: str, sessions: Iterable[Mapping[str, Any]],
                   milestones: Iterable[Mapping[str, Any]], firms: Mapping[str, Mapping[str, Any]],
                   first_session: Mapping[str, str], assessments: Mapping[str, list[Mapping[str, Any]]],
                   programme: str | None = None, duplicates: Iterable[tuple[str, str]] = ()) -> FunderFigures:
    """Sum the period's work.

    Args:
        start, end: the period (ISO dates, both included).
        sessions, milestones: the live records of the period.
        firms: firm id -> firm (``owner_gender``).
        first_session: firm id -> the day of its first session ever (new or returning client).
        assessments: firm id -> its completed assessments up to ``end``, oldest first (``result``).
        programme: only records of this programme.
        duplicates: pairs of firm ids that may be one firm and wait for a person to decide.
    """
    fig = FunderFigures(start, end, programme)
    fig.sessions = sorted((dict(s) for s in sessions if _in(s, programme)), key=lambda s: (s["held_on"], s["id"]))
    in_scope = {s["firm_id"] for s in fig.sessions}
    chosen = [m for m in milestones if _in(m, programme)]
    in_scope |= {m["firm_id"] for m in chosen}
    # Only the pairs whose two firms both have work in the report change a count.
    pairs = [(a, b) for a, b in duplicates if a in in_scope and b in in_scope]
    same = firm_groups(pairs)
    groups: dict[str, set[str]] = defaultdict(set)
    for firm_id, head in same.items():
        groups[head].add(firm_id)
    fig.duplicates = sorted(tuple(sorted(g)) for g in groups.values())
    fig.milestones, fig.repeated = _once(counted_milestones(chosen, same), same)

    def one(firm_id: str) -> str:
        return same.get(firm_id, firm_id)

    advised = {one(s["firm_id"]) for s in fig.sessions}
    fig.firms_advised = len(advised)
    fig.hours = hours(sum(s["minutes"] for s in fig.sessions))
    fig.prep_hours = hours(sum(s.get("prep_minutes") or 0 for s in fig.sessions))
    fig.travel_hours = hours(sum(s.get("travel_minutes") or 0 for s in fig.sessions))
    first: dict[str, str] = {}
    for firm_id, day in first_session.items():
        if day and (one(firm_id) not in first or day < first[one(firm_id)]):
            first[one(firm_id)] = day
    fig.new_clients = sum(1 for f in advised if first.get(f, start) >= start)
    fig.returning_clients = fig.firms_advised - fig.new_clients
    women = {one(f) for f, firm in firms.items() if (firm or {}).get("owner_gender") == "F"}
    fig.women_led = len(advised & women)
    by_kind: dict[str, Counter] = {k: Counter() for k in MILESTONE_KINDS}
    usd: Counter = Counter()
    for m in fig.milestones:
        by_kind[m["kind"]][m["stage"]] += 1
        if m["stage"] != "verificado":
            continue
        if m["kind"] == "empleo":
            fig.jobs_women += m["jobs_women"] or 0
            fig.jobs_men += m["jobs_men"] or 0
        if m.get("amount_usd") is not None:
            usd[m["kind"]] += m["amount_usd"]
    fig.milestones_by_kind = {k: {s: by_kind[k][s] for s in MILESTONE_STAGES} for k in MILESTONE_KINDS}
    fig.waiting = {s: sum(by_kind[k][s] for k in MILESTONE_KINDS) for s in MILESTONE_STAGES if s != "verificado"}
    fig.usd_by_kind = {k: usd[k] for k in AMOUNT_TOTALS}
    fig.readiness_change = _readiness(advised, groups, assessments)
    fig.caseload = _caseload(fig.sessions, fig.milestones, one)
    return fig


def _readiness(advised: set[str], groups: Mapping[str, set[str]],
               assessments: Mapping[str, list[Mapping[str, Any]]]) -> list[tuple[str, str, Decimal, int]]:
    """Mean change per dimension between each advised firm's first and latest assessment."""
    changes: dict[str, list[Decimal]] = defaultdict(list)
    titles: dict[str, str] = {}
    for firm_id in sorted(advised):
        done = sorted((a for f in sorted(groups.get(firm_id) or {firm_id}) for a in assessments.get(f) or []),
                      key=lambda a: (a.get("completed_at") or "", a.get("id") or ""))
        if len(done) < 2:
            continue
        first, last = dimension_scores(done[0].get("result")), dimension_scores(done[-1].get("result"))
        for dim, (title, score) in last.items():
            before = first.get(dim, (None, None))[1]
            if score is not None and before is not None:
                changes[dim].append(score - before)
                titles[dim] = title
    return [(dim, titles[dim], (sum(v) / len(v)).quantize(Decimal("0.1"), ROUND_HALF_UP), len(v))
            for dim, v in changes.items()]


def _caseload(sessions: list[dict], milestones: list[dict], one) -> list[AdviserLoad]:
    """Per adviser: the firms they advised (each firm once), their sessions and time, the milestones
    they recorded. A session without an adviser is its author's."""
    firms: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sessions:
        who = s.get("adviser_id") or s.get("created_by") or ""
        firms[who].add(one(s["firm_id"]))
        counts[who].update({"sessions": 1, "minutes": s["minutes"], "prep": s.get("prep_minutes") or 0,
                            "travel": s.get("travel_minutes") or 0})
    for m in milestones:
        counts[m.get("created_by") or ""]["milestones"] += 1
    loads = [AdviserLoad(who, len(firms[who]), c["sessions"], c["minutes"], c["prep"], c["travel"], c["milestones"])
             for who, c in counts.items()]
    return sorted(loads, key=lambda a: (-a.firms, -a.sessions, a.adviser_id))
