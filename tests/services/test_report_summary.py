"""The client report's first page for stored firms: the plan's first three actions, found without turning a page."""

from __future__ import annotations

import pytest

from desktop.services import advisory, assessments, programmes
from desktop.services.reporting import build_report_data, client_report_pdf
from tests.reports import contrasting
from tests.reports.conftest import pdf_pages, squash

TODAY = contrasting.TODAY


@pytest.fixture
def firms(storage):
    return contrasting.populate(storage)


def _plan(storage, firm_id):
    done = [a for a in assessments.assessments_of_firm(storage, firm_id) if a["status"] == "completed"]
    return advisory.make_plan(storage, done[-1]["id"], None)


def _page_one(storage, firm_id, lang="es"):
    return squash(pdf_pages(client_report_pdf(storage, firm_id, lang=lang, today=TODAY))[0])


def test_the_summarys_actions_are_the_plans_first_three_with_owner_and_due_date(storage, firms):
    firm_id = firms["supplier"]
    items = _plan(storage, firm_id)
    assert len(items) > 3
    advisory.update_plan_item(storage, items[0]["id"], {"due_on": "2027-01-29"}, None)
    advisory.update_plan_item(storage, items[2]["id"], {"owner": "empresa", "due_on": "2027-03-31"}, None)
    plan = advisory.plan_of_firm(storage, firm_id)

    summary = build_report_data(storage, firm_id, today=TODAY).summary
    assert [a.title for a in summary.actions] == [i["title"] for i in plan[:3]]
    assert [a.who for a in summary.actions] == ["El centro (Asesora de demostración)"] * 2 + ["La empresa"]
    assert [a.when for a in summary.actions] == ["Para el 29 de enero de 2027", "Fecha por acordar con su asesor(a)",
                                                 "Para el 31 de marzo de 2027"]
    assert summary.actions_note == "Del plan de acción acordado con el centro."

    page = _page_one(storage, firm_id)
    for item in plan[:3]:
        assert item["title"] in page
    assert "Para el 29 de enero de 2027" in page and "Para el 31 de marzo de 2027" in page
    assert plan[3]["title"] not in page

    # An action done or dropped leaves the summary; the next one of the plan takes its place.
    advisory.set_plan_status(storage, plan[0]["id"], "hecho", None)
    after = build_report_data(storage, firm_id, today=TODAY).summary
    assert [a.title for a in after.actions] == [i["title"] for i in plan[1:4]]


@pytest.mark.parametrize("kind, standing", [
    ("survival", "Índice de preparación: 7,1 de 100, nivel «Inicial»."),
    ("supplier", "Índice de preparación: 50,5 de 100, nivel «En desarrollo»."),
    ("occasional", "Índice de preparación: 49,6 de 100, nivel «En desarrollo»."),
])
def test_each_kind_of_firm_finds_where_it_stands_and_its_three_actions_on_page_one(storage, firms, kind, standing):
    data = build_report_data(storage, firms[kind], today=TODAY)
    assert len(data.summary.actions) == 3
    page = _page_one(storage, firms[kind])
    assert standing in page and "Las tres acciones que más importan" in page
    for action in data.summary.actions:
        assert action.title in page and action.who in page
    assert "Para conocer la oferta vigente, consulte a la coordinación de Centro de demostración Rumbo." in page


def test_an_incomplete_assessment_says_on_page_one_what_is_missing_and_what_comes_next(storage, firms):
    page = _page_one(storage, firms["incomplete"])
    assert "Todavía no hay índice ni nivel" in page and "Falta responder sobre: Estrategia y planificación" in page
    assert "Lo que sigue" in page and "Primero, completar la evaluación con su asesor(a)" in page
    assert "Índice de preparación:" not in page


def test_page_one_in_english(storage, firms):
    page = _page_one(storage, firms["supplier"], lang="en")
    assert "The three actions that matter most" in page and "Readiness index: 50.5 out of 100" in page
    assert "Supplier development programmes" in page


def test_only_current_programmes_the_firm_qualifies_for_are_printed(storage, firms):
    firm_id = firms["supplier"]
    current = {"name": "Encadenamientos de ejemplo", "institution": "Institución de ejemplo", "country": "SV",
               "instruments": ["art_desarrollo_proveedores"], "stages": ["indirect_exporter"],
               "email": "enc@example.org", "checked_on": "01/12/2026"}
    programmes.add_programme(storage, current, None, today=TODAY)
    programmes.add_programme(storage, {**current, "name": "Vencido de ejemplo", "valid_to": "30/11/2026"}, None,
                             today=TODAY)
    programmes.add_programme(storage, {**current, "name": "Sin verificar de ejemplo", "checked_on": "01/11/2025"},
                             None, today=TODAY)
    programmes.add_programme(storage, {**current, "name": "Para exportadores regulares", "stages": ["regular_direct"]},
                             None, today=TODAY)
    text = " ".join(squash(t) for t in pdf_pages(client_report_pdf(storage, firm_id, today=TODAY)))
    assert text.count("Encadenamientos de ejemplo") == 2  # page 1, and first in its recommendation
    for absent in ("Vencido de ejemplo", "Sin verificar de ejemplo", "Para exportadores regulares"):
        assert absent not in text
    page = _page_one(storage, firm_id)
    assert "Programas para contactar primero" in page and "enc@example.org" in page


def test_a_firm_without_an_assessment_gets_a_page_one_that_says_the_interview_comes_first(storage, firms):
    from desktop.services.registry.firms import register_firm

    bare = register_firm(storage, {"legal_name": "Taller Sin Evaluar", "country": "SV", "employees": 3}, None)
    page = _page_one(storage, bare["id"])
    assert "Todavía no hay una evaluación completada" in page
    assert "Las tres acciones" not in page and "Lo que sigue" not in page and "Acordamos" not in page
    assert "Firmas" in page
