"""Demo assessments: share, dates, progress, cached band and the change log."""

import datetime as dt

import pytest

from db import changelog
from desktop.services import assessments as service
from desktop.services.demo import make_demo
from desktop.services.demo_assessments import HISTORY_DAYS, assessed_firms


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.services.storage import open_database

    storage = open_database(tmp_path_factory.mktemp("demo") / "rumbo.db")
    summary = make_demo(storage, 300, seed=4)
    yield storage, summary
    storage.close()


def rows(storage, sql, params=()):
    cur = storage.conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def test_about_forty_percent_of_firms_are_assessed_some_several_times(demo):
    storage, summary = demo
    per_firm = dict(storage.conn.execute("SELECT firm_id, count(*) FROM assessments GROUP BY firm_id").fetchall())
    assert 0.3 * 300 <= len(per_firm) <= 0.5 * 300
    assert set(per_firm.values()) == {1, 2, 3}
    assert summary.assessments == sum(per_firm.values())
    assert "evaluaciones" in summary.text()


def test_assessments_are_completed_by_the_demo_adviser_within_18_months(demo):
    storage, summary = demo
    now = dt.datetime.now(dt.timezone.utc)
    for a in rows(storage, "SELECT * FROM assessments"):
        assert a["status"] == "completed" and a["adviser_id"] == summary.adviser_id
        started = dt.datetime.strptime(a["started_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
        done = dt.datetime.strptime(a["completed_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
        assert started < done < now
        assert (now - done).days <= HISTORY_DAYS
    months = {a["completed_at"][:7] for a in rows(storage, "SELECT completed_at FROM assessments")}
    assert len(months) >= 10  # spread over the months, not all on one day


def test_repeat_assessments_are_weeks_apart_and_show_progress_on_average(demo):
    storage, _ = demo
    gains, firms = [], [r["firm_id"] for r in rows(
        storage, "SELECT firm_id FROM assessments GROUP BY firm_id HAVING count(*) > 1")]
    for firm_id in firms:
        history = service.completed_history(storage, firm_id)
        stamps = [dt.datetime.fromisoformat(a["completed_at"][:19]) for a, _r in history]
        assert all((b - a).days >= 49 for a, b in zip(stamps, stamps[1:]))
        first, last = history[0][1], history[-1][1]
        if first.index is not None and last.index is not None:
            gains.append(last.index - first.index)
    assert firms and sum(gains) / len(gains) > 0


def test_firms_cache_the_band_and_stage_of_their_latest_assessment(demo):
    storage, _ = demo
    for firm in rows(storage, "SELECT id, band, stage FROM firms"):
        latest = rows(storage, "SELECT band, stage FROM assessments WHERE firm_id = ? "
                      "ORDER BY completed_at DESC LIMIT 1", (firm["id"],))
        if latest:
            assert (firm["band"], firm["stage"]) == (latest[0]["band"], latest[0]["stage"])
        else:
            assert firm["band"] is None and firm["stage"] is None


def test_results_read_back_and_answers_are_stored(demo):
    storage, _ = demo
    a = rows(storage, "SELECT * FROM assessments LIMIT 1")[0]
    result = service.result_of(storage, a["id"])
    assert result.band == a["band"] and float(result.index) == a["readiness_index"]
    answers = service.load_answers(storage, a["id"])
    assert set(answers) == set(result.answers)
    assert answers["exp.modo_actual"].value == result.answers["exp.modo_actual"].value


def test_every_write_is_in_the_change_log(demo):
    storage, _ = demo
    a = rows(storage, "SELECT id, firm_id FROM assessments LIMIT 1")[0]
    assert [e.op for e in changelog.entries(storage, table="assessments", record_id=a["id"])] == ["insert"]
    firm_log = changelog.entries(storage, table="firms", record_id=a["firm_id"])
    assert [e.op for e in firm_log] == ["insert", "update"]
    firm = rows(storage, "SELECT band, rev FROM firms WHERE id = ?", (a["firm_id"],))[0]
    assert firm_log[-1].before["band"] is None and firm_log[-1].after["band"] == firm["band"]
    assert firm_log[-1].after["rev"] == firm["rev"] == 2
    logged = {(e.table_name, e.origin_seq) for e in changelog.entries(storage)}
    assert len(logged) == storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]


def test_no_assessments_when_asked_and_choice_is_deterministic(storage):
    summary = make_demo(storage, 50, seed=2, assessments=False)
    assert summary.assessments == 0
    assert storage.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0
    ids = [str(i) for i in range(1000)]
    assert assessed_firms(ids, 3) == assessed_firms(ids, 3)
    assert len(assessed_firms(ids, 3, limit=100)) == 100
