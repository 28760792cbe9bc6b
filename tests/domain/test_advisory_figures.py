"""The funder figures' rules (issue 37), on rows made by hand: verified impact only, undecided duplicates as
one firm (chains too), a milestone held by both registrations counted once, an older device's milestone
read by its evidence, hours of preparation and travel apart, and the caseload by adviser."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.advisory.figures import firm_groups, funder_figures
from desktop.domain.advisory.record import stage_of

DAY = "2026-11-20"


def session(sid, firm, adviser, minutes, prep=0, travel=0):
    return {"id": sid, "firm_id": firm, "adviser_id": adviser, "held_on": DAY, "minutes": minutes,
            "prep_minutes": prep, "travel_minutes": travel, "mode": "visita", "programme": None}


def milestone(mid, firm, kind="ventas", stage="verificado", amount=1000, jobs=(None, None), by="ana",
              updated="2026-11-20T10:00:00Z", evidence="documento"):
    return {"id": mid, "firm_id": firm, "kind": kind, "occurred_on": DAY, "period": DAY[:4], "stage": stage,
            "evidence": evidence, "amount_usd": amount if kind != "empleo" else None, "jobs_women": jobs[0],
            "jobs_men": jobs[1], "description": None, "created_by": by, "updated_at": updated, "programme": None}


def figures(sessions, milestones, duplicates=(), firms=None):
    firms = firms or {f: {"owner_gender": "F"} for f in {r["firm_id"] for r in sessions + milestones}}
    first = {s["firm_id"]: s["held_on"] for s in sessions}
    return funder_figures("2026-11-01", "2026-11-30", sessions, milestones, firms, first, {}, None, duplicates)


def test_pairs_chain_into_one_group_headed_by_the_smallest_id():
    assert firm_groups([("c", "b"), ("b", "a"), ("x", "y")]) == {"a": "a", "b": "a", "c": "a", "x": "x", "y": "x"}
    assert firm_groups([]) == {}


def test_only_verified_milestones_reach_the_impact_totals():
    fig = figures([session("s1", "a", "ana", 60)], [
        milestone("m1", "a", amount=5000), milestone("m2", "a", stage="documentado", amount=7000),
        milestone("m3", "a", stage="declarado", amount=9000, evidence="declarado"),
        milestone("m4", "a", kind="empleo", jobs=(2, 1))])
    assert fig.usd_by_kind["ventas"] == 5000 and (fig.jobs_women, fig.jobs_men) == (2, 1)
    assert fig.waiting == {"declarado": 1, "documentado": 1}
    assert [m["id"] for m in fig.verified] == ["m1", "m4"]
    assert fig.milestones_by_kind["ventas"] == {"declarado": 1, "documentado": 1, "verificado": 1}


def test_an_undecided_duplicate_is_one_firm_and_its_repeated_milestone_counts_once():
    sessions = [session("s1", "a", "ana", 60, prep=30), session("s2", "b", "beto", 30, travel=90),
                session("s3", "c", "ana", 45)]
    milestones = [milestone("m1", "a", amount=4000), milestone("m2", "b", amount=4000),  # one sale seen twice
                  milestone("m3", "b", amount=2500),  # another sale of the same firm
                  milestone("m4", "a", kind="empleo", jobs=(1, 0), updated="2026-11-20T09:00:00Z"),
                  milestone("m5", "b", kind="empleo", jobs=(3, 0), updated="2026-11-21T09:00:00Z")]
    apart = figures(sessions, milestones)
    assert (apart.firms_advised, apart.usd_by_kind["ventas"], apart.jobs_women) == (3, 10500, 4)
    fig = figures(sessions, milestones, duplicates=[("a", "b")])
    assert (fig.firms_advised, fig.new_clients, fig.women_led) == (2, 2, 2)
    assert fig.usd_by_kind["ventas"] == 6500 and fig.repeated == 1
    assert fig.jobs_women == 3  # the firm's jobs once for the year: the later record
    assert fig.duplicates == [("a", "b")]
    assert (fig.hours, fig.prep_hours, fig.travel_hours) == (Decimal("2.3"), Decimal("0.5"), Decimal("1.5"))
    loads = {a.adviser_id: (a.firms, a.sessions, a.minutes, a.prep_minutes, a.travel_minutes) for a in fig.caseload}
    assert loads == {"ana": (2, 2, 105, 30, 0), "beto": (1, 1, 30, 0, 90)}


def test_a_pair_outside_the_report_changes_nothing():
    fig = figures([session("s1", "a", "ana", 60)], [], duplicates=[("a", "z")])
    assert fig.duplicates == [] and fig.firms_advised == 1


def test_an_older_devices_milestone_has_its_stage_from_its_evidence():
    assert stage_of({"evidence": "declarado"}) == "declarado"
    assert stage_of({"evidence": "firmado"}) == "documentado"
    assert stage_of({"evidence": "documento", "stage": "verificado"}) == "verificado"
    old = milestone("m1", "a", amount=3000)
    del old["stage"]
    fig = figures([session("s1", "a", "ana", 60)], [old])
    assert fig.usd_by_kind["ventas"] == 0 and fig.waiting == {"declarado": 0, "documentado": 1}
