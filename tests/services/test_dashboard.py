"""Dashboard counts against a plain Python oracle over the raw rows, on demo data."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

import db.assessments as assessment_repo
from db.advisers import create_adviser
from desktop.domain.assessment import Answer
from desktop.domain.assessment.stage import sector_type_for_isic
from desktop.services import assessments as service
from desktop.services.dashboard import DashboardFilter, build_dashboard, firms_behind, months_before
from desktop.services.demo import make_demo
from desktop.services.registry.firms import get_firm

TODAY = dt.date(2025, 7, 15)


def random_answers(rng: random.Random) -> dict[str, Answer]:
    q = service.questionnaire()
    answers = {}
    for question in q.questions:
        roll = rng.random()
        if roll < 0.15:
            continue
        if roll < 0.2:
            answers[question.id] = Answer(code="no_sabe")
            continue
        if question.id == "exp.modo_actual":
            value = rng.choice(["solo_local", "indirecto", "directo_ocasional", "directo_regular"])
        elif question.type == "yes_no":
            value = rng.random() < 0.5
        elif question.type == "level":
            value = rng.randint(0, 4)
        elif question.type == "number":
            value = str(rng.randint(0, 10))
        elif question.type == "single_choice":
            value = rng.choice(question.options).id
        else:
            value = [o.id for o in question.options if rng.random() < 0.4]
        answers[question.id] = Answer(value=value)
    return answers


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """200 demo firms; 70 assessed (some twice) by two advisers over 18 months; one draft; one deleted firm."""
    from desktop.services.registry.firms import delete_firm
    from desktop.services.storage import open_database

    storage = open_database(tmp_path_factory.mktemp("dash") / "rumbo.db")
    summary = make_demo(storage, 200, seed=11)
    other = create_adviser(storage, {"name": "Lucía Peña"}, None)["id"]
    rng = random.Random(5)
    firms = summary.firm_ids
    stamps = iter(f"{y}-{m:02d}-{d:02d}T10:00:00.000000Z" for y, m, d in
                  ((2024 + (i // 12) % 2, 1 + i % 12, 1 + i % 28) for i in range(10_000)))
    original = assessment_repo.now_iso
    assessment_repo.now_iso = lambda: next(stamps)
    try:
        for i, firm_id in enumerate(firms[:70]):
            for _ in range(1 + (i % 4 == 0)):
                adviser = summary.adviser_id if i % 3 else other
                draft = service.start_draft(storage, firm_id, adviser)
                answers = random_answers(rng)
                visible = service.visible_questions(service.questionnaire(),
                                                    service.firm_context(get_firm(storage, firm_id)), answers)
                for qid, answer in answers.items():
                    if qid in visible:
                        service.save_answer(storage, draft["id"], qid, answer, adviser)
                service.complete(storage, draft["id"], adviser)
        service.start_draft(storage, firms[80], summary.adviser_id)  # a draft counts nowhere
    finally:
        assessment_repo.now_iso = original
    delete_firm(storage, firms[1], None)  # a deleted firm counts nowhere
    yield storage, summary.adviser_id, other
    storage.close()


def rows(storage, sql):
    cur = storage.conn.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def oracle(storage, f: DashboardFilter):
    """Every count recomputed the slow, obvious way."""
    firms = [r for r in rows(storage, "SELECT * FROM firms WHERE deleted_at IS NULL")
             if not f.adviser_id or r["adviser_id"] == f.adviser_id]
    live = {r["id"] for r in firms}
    all_live = {r["id"] for r in rows(storage, "SELECT id FROM firms WHERE deleted_at IS NULL")}
    done = [a for a in rows(storage, "SELECT * FROM assessments WHERE deleted_at IS NULL AND status = 'completed'")]
    in_period = [a for a in done if (not f.date_from or a["completed_at"][:10] >= f.date_from)
                 and (not f.date_to or a["completed_at"][:10] <= f.date_to)]
    latest = {}
    for a in sorted(in_period, key=lambda a: a["completed_at"]):
        latest[a["firm_id"]] = a
    import json

    gaps = Counter()
    for firm_id, a in latest.items():
        if firm_id in live:
            for d in json.loads(a["result"])["dimensions"]:
                if d["status"] == "ok" and float(d["score"]) < 40:
                    gaps[d["dimension_id"]] += 1
    by_adviser = Counter(a["adviser_id"] for a in in_period if a["firm_id"] in all_live
                         and (not f.adviser_id or a["adviser_id"] == f.adviser_id))
    by_month = Counter(a["completed_at"][:7] for a in in_period if a["firm_id"] in all_live
                       and (not f.adviser_id or a["adviser_id"] == f.adviser_id))
    return dict(
        size=Counter(r["size_class"] or "sin_clasificar" for r in firms),
        country=Counter(r["country"] for r in firms),
        sector=Counter(sector_type_for_isic(r["sector_isic"]) or "" for r in firms),
        band=Counter((latest[r["id"]]["band"] or "sin_banda") if r["id"] in latest else "sin_evaluar" for r in firms),
        stage=Counter((latest[r["id"]]["stage"] or "sin_banda") if r["id"] in latest else "sin_evaluar" for r in firms),
        gaps=gaps, adviser=by_adviser, month=by_month, latest=latest, firms=firms, done=done,
    )


FILTERS = [DashboardFilter(), DashboardFilter(date_from="2024-06-01", date_to="2025-03-31"), None]


@pytest.mark.parametrize("which", range(len(FILTERS)))
def test_every_chart_equals_the_oracle(portfolio, which):
    storage, adviser, _other = portfolio
    f = FILTERS[which] or DashboardFilter(adviser_id=adviser)
    board = build_dashboard(storage, f, today=TODAY)
    expect = oracle(storage, f)
    assert board.total_firms == len(expect["firms"])
    assert {r.key: r.count for r in board.by_size} == expect["size"]
    assert {r.key: r.count for r in board.by_country} == expect["country"]
    assert sorted(r.count for r in board.by_sector) == sorted(expect["sector"].values())
    assert {r.key: r.count for r in board.by_band} == expect["band"]
    assert {r.key: r.count for r in board.by_stage} == expect["stage"]
    assert {r.key: r.count for r in board.gaps} == expect["gaps"]
    assert {r.key: r.count for r in board.by_adviser} == expect["adviser"]
    assert [(r.key, r.count) for r in board.by_month] == sorted(expect["month"].items())
    assert sum(r.count for r in board.by_department) == len(expect["firms"])
    assert expect["gaps"] and expect["month"]  # the data really exercises these charts


def test_firms_behind_each_bar_are_the_ones_counted(portfolio):
    storage, _adviser, _other = portfolio
    f = DashboardFilter(date_from="2024-06-01")
    board = build_dashboard(storage, f, today=TODAY)
    expect = oracle(storage, f)
    for row in board.by_band + board.by_stage + board.gaps + board.by_size + board.by_sector:
        total, listed = firms_behind(storage, row, f, board.cutoff)
        assert total == row.count == len(listed), row
    for row in board.by_month:
        # A month's bar counts assessments; its list shows the firms assessed,
        # once each, even when a firm was assessed twice that month.
        total, listed = firms_behind(storage, row, f, board.cutoff)
        month_firms = {a["firm_id"] for a in expect["done"] if a["completed_at"][:7] == row.key}
        assert total == len(listed) == len(month_firms & {x["id"] for x in expect["firms"]}) <= row.count, row
    band_row = next(r for r in board.by_band if r.key not in ("sin_evaluar",))
    _, listed = firms_behind(storage, band_row, f)
    assert {r["id"] for r in listed} == {fid for fid, a in expect["latest"].items()
                                         if a["band"] == band_row.key and fid in {x["id"] for x in expect["firms"]}}


def test_stale_and_never_assessed(portfolio):
    storage, _adviser, _other = portfolio
    board = build_dashboard(storage, DashboardFilter(), today=TODAY, stale_months=12)
    assert board.cutoff == "2024-07-15"
    expect = oracle(storage, DashboardFilter())
    last = {}
    for a in expect["done"]:
        last[a["firm_id"]] = max(last.get(a["firm_id"], ""), a["completed_at"])
    live = {r["id"] for r in expect["firms"]}
    stale = {fid for fid, when in last.items() if fid in live and when < "2024-07-15"}
    never = live - set(last)
    assert [(r.kind, r.count) for r in board.stale] == [("stale", len(stale)), ("never", len(never))]
    assert stale and never
    total, listed = firms_behind(storage, board.stale[0], DashboardFilter(), board.cutoff)
    assert total == len(stale) and {r["id"] for r in listed} == stale


def test_months_before_clamps_to_the_month_end():
    assert months_before(dt.date(2025, 3, 31), 1) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2025, 1, 15), 13) == dt.date(2023, 12, 15)
