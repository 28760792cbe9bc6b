"""The action plan (issue 37): concrete steps made from an assessment as the client report lists them, the
adviser's own items with owner among the advisers or the firm, due date and dimension, a session's next step
as a task, the plan's order and what the summary reads (``next_actions``), what is overdue, and sync."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db import changelog
from desktop.domain.advisory.plan import add_months
from desktop.domain.assessment import answers_from_json
from desktop.domain.errors import UserError
from desktop.reports.client.data import action_plan
from desktop.services import advisory, assessments, profile, sync
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from tests.services.test_advice_report import FIXTURE
from tests.sync.conftest import enrol_each_other, exchange

TODAY = dt.date.today()


@pytest.fixture
def firm(fresh_db):
    return register_firm(fresh_db, {"legal_name": "Beneficio Las Nubes", "country": "SV", "employees": 18,
                                    "sales_usd": 450000, "exports_usd": 0}, None)


@pytest.fixture
def ana(fresh_db):
    return profile.create_adviser(fresh_db, name="Ana Martínez")["id"]


def _assessed(storage, firm_id, adviser=None):
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    assessment, _ = record_assessment(storage, firm_id, answers, adviser)
    return assessment


def _count(storage, table):
    return storage.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_plan_is_the_concrete_steps_the_client_report_prints_then_the_follow_up(fresh_db, firm, ana):
    assessment = _assessed(fresh_db, firm["id"], ana)
    plan = advisory.make_plan(fresh_db, assessment["id"], ana)
    result = assessments.result_of(fresh_db, assessment["id"])
    recs = assessments.recommendations_for(result, firm=firm, year=assessments.advice_year(assessment))
    printed = action_plan(recs)
    # The report's «Primeros pasos sugeridos»: the same steps in the same order; its last line (the follow-up,
    # said to the client) is the plan's last item, due six months after the assessment.
    assert [i["title"] for i in plan[:-1]] == list(printed[:-1])
    assert all(i["title"] not in {r.title.es for r in recs} for i in plan)  # steps, not instrument names
    follow = plan[-1]
    assert (follow["source_key"], follow["owner"], follow["owner_adviser_id"]) == ("seguimiento", "centro", ana)
    assert follow["due_on"] == add_months(dt.date.fromisoformat(assessment["completed_at"][:10]), 6).isoformat()
    for item in plan[:-1]:
        rec = next(r for r in recs if r.instrument_id == item["source_key"])
        assert item["title"] in [s.es for s in rec.steps]
        assert item["owner_adviser_id"] == (ana if item["owner"] == "centro" else None)
    assert [i["priority"] for i in plan] == list(range(1, len(plan) + 1))


@pytest.mark.parametrize("day, months, due", [
    ("2026-12-08", 6, "2027-06-08"), ("2026-08-31", 6, "2027-02-28"), ("2027-08-31", 6, "2028-02-29"),
    ("2026-06-30", 6, "2026-12-30"), ("2026-07-15", 6, "2027-01-15"),
])
def test_six_months_later(day, months, due):
    assert add_months(dt.date.fromisoformat(day), months).isoformat() == due


def test_an_own_item_with_owner_due_date_and_dimension(fresh_db, firm, ana):
    beto = profile.create_adviser(fresh_db, name="Beto Ruiz")["id"]
    item = advisory.add_plan_item(fresh_db, firm["id"], {"title": "Registrar la marca", "owner_adviser_id": beto,
                                                         "due_on": "15/01/2027", "dimension": "formalidad"}, ana)
    assert (item["owner"], item["owner_adviser_id"], item["due_on"], item["dimension"], item["priority"]) == (
        "centro", beto, "2027-01-15", "formalidad", 1)
    edited = advisory.update_plan_item(fresh_db, item["id"], {"owner": "empresa", "owner_adviser_id": None}, ana)
    assert (edited["owner"], edited["owner_adviser_id"], edited["due_on"]) == ("empresa", None, "2027-01-15")
    history = changelog.history(fresh_db, "plan_items", item["id"])
    assert [h.op for h in history] == ["insert", "update"]


@pytest.mark.parametrize("data, field, sentence", [
    ({"title": "  "}, "title", "Escriba qué hay que hacer."),
    ({"title": "x", "owner": "nadie"}, "owner", "Diga quién se encarga: la empresa, el centro o uno de sus asesores."),
    ({"title": "x", "owner_adviser_id": "desconocido"}, "owner",
     "Quien se encarga debe ser uno de los asesores activos del centro."),
    ({"title": "x", "owner": "empresa", "due_on": "mañana"}, "due_on",
     "La fecha límite debe ser una fecha como 31/03/2026, no «mañana»."),
    ({"title": "x", "owner": "empresa", "dimension": "astrologia"}, "dimension",
     "La dimensión «astrologia» no es una del cuestionario."),
])
def test_a_bad_item_is_refused_in_one_sentence_and_nothing_is_stored(fresh_db, firm, data, field, sentence):
    before = _count(fresh_db, "change_log")
    with pytest.raises(UserError) as err:
        advisory.add_plan_item(fresh_db, firm["id"], data, None)
    assert (err.value.field, err.value.message) == (field, sentence)
    assert _count(fresh_db, "plan_items") == 0 and _count(fresh_db, "change_log") == before


def test_a_sessions_next_step_becomes_one_task_of_its_adviser(fresh_db, firm, ana):
    s = advisory.record_session(fresh_db, firm["id"], {"held_on": TODAY.isoformat(), "minutes": 45,
                                                       "mode": "telefono", "next_step": "Enviar la cotización"}, ana)
    item = advisory.task_from_session(fresh_db, s["id"], None)
    assert (item["title"], item["owner"], item["owner_adviser_id"], item["session_id"]) == (
        "Enviar la cotización", "centro", ana, s["id"])
    with pytest.raises(UserError) as err:
        advisory.task_from_session(fresh_db, s["id"], None)
    assert err.value.message == "El próximo paso de esa sesión ya está en el plan."
    bare = advisory.record_session(fresh_db, firm["id"], {"held_on": TODAY.isoformat(), "minutes": 10,
                                                          "mode": "telefono"}, ana)
    with pytest.raises(UserError) as err:
        advisory.task_from_session(fresh_db, bare["id"], None)
    assert err.value.message == "Esa sesión no tiene un próximo paso que pasar al plan."
    assert len(advisory.plan_of_firm(fresh_db, firm["id"])) == 1


def test_the_plans_order_is_what_the_summary_reads(fresh_db, firm, ana):
    items = [advisory.add_plan_item(fresh_db, firm["id"], {"title": t, "owner_adviser_id": ana}, ana)
             for t in ("Uno", "Dos", "Tres", "Cuatro")]
    advisory.move_plan_item(fresh_db, items[3]["id"], -2, ana)  # Cuatro up two places
    advisory.set_plan_status(fresh_db, items[0]["id"], "hecho", ana)
    assert [i["title"] for i in advisory.plan_of_firm(fresh_db, firm["id"])] == ["Uno", "Cuatro", "Dos", "Tres"]
    actions = advisory.next_actions(fresh_db, firm["id"])
    assert [(a.title, a.owner, a.owner_name) for a in actions] == [
        ("Cuatro", "centro", "Ana Martínez"), ("Dos", "centro", "Ana Martínez"), ("Tres", "centro", "Ana Martínez")]
    assert advisory.summary_actions(fresh_db, firm["id"])[1] is True
    advisory.move_plan_item(fresh_db, items[1]["id"], 10, ana)  # past the end: last
    assert [a.title for a in advisory.next_actions(fresh_db, firm["id"], n=5)] == ["Cuatro", "Tres", "Dos"]


def test_overdue_items_are_the_open_ones_past_their_date(fresh_db, firm, ana):
    past, future = (TODAY - dt.timedelta(days=5)).isoformat(), (TODAY + dt.timedelta(days=5)).isoformat()
    late = advisory.add_plan_item(fresh_db, firm["id"], {"title": "Atrasada", "owner": "empresa", "due_on": past}, ana)
    done = advisory.add_plan_item(fresh_db, firm["id"], {"title": "Hecha", "owner": "empresa", "due_on": past}, ana)
    advisory.add_plan_item(fresh_db, firm["id"], {"title": "A tiempo", "owner": "empresa", "due_on": future}, ana)
    advisory.set_plan_status(fresh_db, done["id"], "hecho", ana)
    assert [i["id"] for i in advisory.overdue_of_firm(fresh_db, firm["id"])] == [late["id"]]


def test_the_follow_up_reads_own_items_and_the_previous_assessments_plan(fresh_db, firm, ana):
    first = _assessed(fresh_db, firm["id"], ana)
    plan = advisory.make_plan(fresh_db, first["id"], ana)
    own = advisory.add_plan_item(fresh_db, firm["id"], {"title": "Propia", "owner": "empresa",
                                                        "dimension": "finanzas"}, ana)
    assert own["assessment_id"] == first["id"]  # an own item joins the plan of the latest assessment
    assert plan[-1]["status"] == "pendiente"
    second = _assessed(fresh_db, firm["id"], ana)
    followed = advisory.plan_follow_up(fresh_db, second["id"])
    assert [f.item_id for f in followed] == [i["id"] for i in plan] + [own["id"]]
    # The second assessment is the follow-up the plan asked for: that item is done, the others wait.
    assert [f.status for f in followed] == ["pendiente"] * (len(plan) - 1) + ["hecho", "pendiente"]
    assert followed[-1].dimension_title == "Capacidad financiera" and followed[-1].change == 0


def test_the_plan_travels_with_its_owner_and_order(tmp_path):
    laptop = open_database(tmp_path / "laptop.db", device_name="Laptop Ana")
    centre = open_database(tmp_path / "centro.db", device_name="Centro")
    try:
        sync.set_device_role(centre, "centre")
        enrol_each_other(laptop, centre)
        ana = profile.create_adviser(laptop, name="Ana Martínez")["id"]
        f = register_firm(laptop, {"legal_name": "Panadería Sol", "country": "SV"}, None)
        items = [advisory.add_plan_item(laptop, f["id"], {"title": t, "owner_adviser_id": ana,
                                                          "due_on": TODAY.isoformat()}, ana) for t in ("A", "B")]
        advisory.move_plan_item(laptop, items[1]["id"], -1, ana)
        exchange(laptop, centre, tmp_path)
        assert [(i["title"], i["owner_adviser_id"], i["priority"]) for i in advisory.plan_of_firm(centre, f["id"])] == [
            ("B", ana, 1), ("A", ana, 2)]
        assert [a.owner_name for a in advisory.next_actions(centre, f["id"])] == ["Ana Martínez"] * 2
    finally:
        laptop.close()
        centre.close()
