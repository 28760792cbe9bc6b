"""The advisory record (issue 15): sessions, the followed plan and impact milestones, with the bad
input an adviser types refused in one sentence naming the field, and nothing stored."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from db import changelog
from desktop.domain.assessment import answers_from_json
from desktop.domain.errors import UserError
from desktop.services import advisory, profile, sync
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm, update_firm
from desktop.services.storage import open_database
from tests.services.test_advice_report import FIXTURE
from tests.sync.conftest import enrol_each_other, exchange

TODAY = dt.date.today()


@pytest.fixture
def firm(fresh_db):
    return register_firm(fresh_db, {"legal_name": "Textiles <Luna> & 🌙", "country": "SV", "employees": 5,
                                    "sales_usd": 120000, "exports_usd": 0}, None)


def _count(storage, table):
    return storage.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_session_is_stored_with_its_topics(fresh_db, firm):
    s = advisory.record_session(fresh_db, firm["id"], {
        "held_on": TODAY.strftime("%d/%m/%Y"), "minutes": "90", "mode": "visita",
        "topics": ["financiamiento", "art_desarrollo_proveedores"], "notes": "Revisamos costos",
        "next_step": "Llevar estados financieros"}, None)
    [stored] = advisory.sessions_of(fresh_db, firm["id"])
    assert (stored["held_on"], stored["minutes"], stored["mode"]) == (TODAY.isoformat(), 90, "visita")
    assert stored["topics"] == ["financiamiento", "art_desarrollo_proveedores"] and stored["id"] == s["id"]
    [entry] = advisory.timeline(fresh_db, firm["id"])
    assert entry.title == "Sesión — Visita a la empresa, 90 min"
    assert entry.detail.startswith("Financiamiento, ") and "Próximo paso: Llevar estados financieros" in entry.detail


@pytest.mark.parametrize(("changes", "field", "sentence"), [
    ({"minutes": "0"}, "minutes", "La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos)."),
    ({"minutes": "1441"}, "minutes", "La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos)."),
    ({"minutes": "una hora"}, "minutes", "La duración de la sesión debe estar entre 1 minuto y 24 horas (1440 minutos)."),
    ({"held_on": "31/02/2026"}, "held_on", "La fecha de la sesión debe ser una fecha como 31/03/2026, no «31/02/2026»."),
    ({"held_on": (TODAY + dt.timedelta(days=2)).isoformat()}, "held_on", None),
    ({"mode": "correo"}, "mode", "Elija cómo fue la sesión: visita, en el centro, teléfono o videollamada."),
    ({"topics": ["astrologia"]}, "topics", "El tema «astrologia» no es una familia ni un instrumento del catálogo."),
])
def test_a_bad_session_is_refused_naming_the_field(fresh_db, firm, changes, field, sentence):
    data = {"held_on": TODAY.isoformat(), "minutes": 30, "mode": "telefono", **changes}
    before = _count(fresh_db, "change_log")
    with pytest.raises(UserError) as err:
        advisory.record_session(fresh_db, firm["id"], data, None)
    assert err.value.field == field
    if sentence:
        assert err.value.message == sentence
    else:
        assert "es posterior a hoy" in err.value.message
    assert _count(fresh_db, "advisory_sessions") == 0 and _count(fresh_db, "change_log") == before


def test_a_milestone_is_measured_against_the_firm_at_intake(fresh_db, firm):
    update_firm(fresh_db, firm["id"], {"employees": 9, "sales_usd": 200000}, None)
    jobs = advisory.record_milestone(fresh_db, firm["id"], {
        "kind": "empleo", "occurred_on": TODAY.isoformat(), "jobs_women": "3", "jobs_men": "1",
        "evidence": "firmado"}, "asesora-1")
    assert (jobs["baseline_jobs"], jobs["jobs_women"], jobs["jobs_men"]) == (5, 3, 1)
    # A statement signed by the client is a document seen by whoever records it; a second person verifies it.
    assert (jobs["stage"], jobs["documented_by"], jobs["documented_on"], jobs["period"]) == (
        "documentado", "asesora-1", TODAY.isoformat(), str(TODAY.year))
    assert (jobs["document_kind"], jobs["verified_by"]) == ("declaracion_firmada", None)
    sales = advisory.record_milestone(fresh_db, firm["id"], {
        "kind": "ventas", "occurred_on": TODAY.isoformat(), "amount": "150.000", "evidence": "declarado"}, "asesora-1")
    assert (sales["amount_usd"], sales["baseline_usd"], sales["stage"], sales["documented_by"]) == (
        150000, 120000, "declarado", None)


@pytest.mark.parametrize(("data", "field", "sentence"), [
    ({"kind": "ventas", "amount": "-500"}, "amount", "El monto no puede ser negativo."),
    ({"kind": "ventas", "amount": "500", "currency": "GTQ"}, "currency",
     "No hay tipo de cambio para GTQ: agréguelo en Configuración → Tipos de cambio."),
    ({"kind": "empleo", "jobs_women": "0", "jobs_men": ""}, "jobs_women",
     "Indique cuántos empleos nuevos hubo (mujeres u hombres)."),
    ({"kind": "financiamiento", "amount": "10000"}, "source", "Indique quién otorgó el financiamiento."),
    ({"kind": "certificacion"}, "description", "Indique qué certificación obtuvo la empresa."),
    ({"kind": "ventas", "amount": "500", "evidence": "rumor"}, "evidence",
     "Elija la evidencia: declarado, documento visto o firmado por el cliente."),
])
def test_a_bad_milestone_is_refused_naming_the_field(fresh_db, firm, data, field, sentence):
    with pytest.raises(UserError) as err:
        advisory.record_milestone(fresh_db, firm["id"],
                                  {"occurred_on": TODAY.isoformat(), "evidence": "documento", **data}, None)
    assert (err.value.field, err.value.message) == (field, sentence)
    assert _count(fresh_db, "impact_milestones") == 0


def test_a_milestone_before_the_firms_intake_is_refused(fresh_db, firm):
    day = TODAY - dt.timedelta(days=40)
    with pytest.raises(UserError) as err:
        advisory.record_milestone(fresh_db, firm["id"], {"kind": "formalizacion", "occurred_on": day.isoformat(),
                                                         "evidence": "documento"}, None)
    assert err.value.field == "occurred_on"
    assert err.value.message == (f"La fecha del hito ({day.strftime('%d/%m/%Y')}) es anterior al registro de la "
                                 f"empresa ({TODAY.strftime('%d/%m/%Y')}).")


def test_another_currency_is_converted_with_the_centres_rate(fresh_db, firm):
    profile.save_settings(fresh_db, {"exchange_rates": {"GTQ": "7.8"}}, None)
    m = advisory.record_milestone(fresh_db, firm["id"], {
        "kind": "exportacion", "occurred_on": TODAY.isoformat(), "amount": "78.000", "currency": "gtq",
        "markets": "Guatemala; Honduras", "evidence": "documento"}, None)
    assert (m["amount"], m["currency"], m["amount_usd"], m["markets"]) == ("78000", "GTQ", 10000,
                                                                           ["Guatemala", "Honduras"])


def test_jobs_count_once_per_firm_and_period_and_a_verified_edit_keeps_both_versions(fresh_db, firm):
    m = advisory.record_milestone(fresh_db, firm["id"], {"kind": "empleo", "occurred_on": TODAY.isoformat(),
                                                         "jobs_women": 2, "jobs_men": 2, "evidence": "firmado"}, "a1")
    with pytest.raises(UserError) as err:
        advisory.record_milestone(fresh_db, firm["id"], {"kind": "empleo", "occurred_on": TODAY.isoformat(),
                                                         "jobs_men": 1, "evidence": "declarado"}, "a1")
    assert err.value.message.startswith(f"Ya hay empleos registrados para esta empresa en {TODAY.year} (")
    edited = advisory.update_milestone(fresh_db, m["id"], {"jobs_women": 3}, "a2")
    assert (edited["jobs_women"], edited["documented_by"], edited["stage"], edited["rev"]) == (
        3, "a1", "documentado", 2)
    history = changelog.history(fresh_db, "impact_milestones", m["id"])
    assert [h.op for h in history] == ["insert", "update"]
    assert [(c.field, c.old, c.new) for c in history[1].changes] == [("jobs_women", 2, 3)]


def _assessed(storage, firm_id):
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    assessment, _ = record_assessment(storage, firm_id, answers, None)
    return assessment


def test_the_plan_comes_from_the_recommendations_and_the_next_assessment_follows_it(fresh_db, firm):
    first = _assessed(fresh_db, firm["id"])
    plan = advisory.make_plan(fresh_db, first["id"], None)
    assert len(plan) >= 3 and all(i["status"] == "pendiente" for i in plan)
    assert advisory.make_plan(fresh_db, first["id"], None) == plan  # made once
    assert {i["owner"] for i in plan} <= {"empresa", "centro"} and all(i["dimension"] for i in plan[:-1])
    assert plan[-1]["source_key"] == "seguimiento" and plan[-1]["due_on"]  # the follow-up assessment closes it
    with pytest.raises(UserError) as err:
        advisory.set_plan_status(fresh_db, plan[1]["id"], "descartado", None, drop_reason=" ")
    assert (err.value.field, err.value.message) == ("drop_reason", "Diga por qué se descarta la acción.")
    advisory.set_plan_status(fresh_db, plan[0]["id"], "hecho", None)
    advisory.set_plan_status(fresh_db, plan[1]["id"], "descartado", None, drop_reason="No hay fondos este año")
    second = _assessed(fresh_db, firm["id"])
    followed = advisory.plan_follow_up(fresh_db, second["id"])
    assert [f.item_id for f in followed] == [i["id"] for i in plan]
    assert [f.status for f in followed[:2]] == ["hecho", "descartado"]
    assert followed[0].before is not None and followed[0].change == 0  # same answers: the dimension did not move
    assert advisory.plan_follow_up(fresh_db, first["id"]) == []


def test_the_advisory_record_travels_once(tmp_path):
    laptop = open_database(tmp_path / "laptop.db", device_name="Laptop Ana")
    centre = open_database(tmp_path / "centro.db", device_name="Centro")
    try:
        sync.set_device_role(centre, "centre")
        enrol_each_other(laptop, centre)
        f = register_firm(laptop, {"legal_name": "Panadería Sol", "country": "SV", "employees": 3}, None)
        s = advisory.record_session(laptop, f["id"], {"held_on": TODAY.isoformat(), "minutes": 45,
                                                      "mode": "oficina"}, None)
        m = advisory.record_milestone(laptop, f["id"], {"kind": "formalizacion", "occurred_on": TODAY.isoformat(),
                                                        "evidence": "documento"}, None)
        first = exchange(laptop, centre, tmp_path)
        again = exchange(laptop, centre, tmp_path)
        assert advisory.sessions_of(centre, f["id"])[0]["id"] == s["id"]
        assert advisory.milestones_of(centre, f["id"])[0]["id"] == m["id"]
        assert _count(centre, "advisory_sessions") == 1 and _count(centre, "impact_milestones") == 1
        assert first.applied >= 3 and again.applied == 0  # idempotent: the second bundle changes nothing
    finally:
        laptop.close()
        centre.close()
