"""The advice in the client report (issue 13): what triggered each recommendation, the study's phrase,
the parameters the result was computed with, an incomplete assessment, and the study's figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop.domain.assessment import Answer, answers_from_json
from desktop.services import profile
from desktop.services.assessment_entry import record_assessment
from desktop.services.registry.firms import register_firm
from desktop.services.reporting import build_report_data, client_report_pdf
from tests.reports.conftest import pdf_pages, squash

TODAY = dt.date(2026, 12, 6)
FIXTURE = Path(__file__).parents[1] / "domain" / "fixtures" / "assessment" / "small_indirect.json"


def agro_supplier(storage):
    firm = register_firm(storage, {"legal_name": "Beneficio de café Las Nubes", "country": "SV", "sector_isic": "1079",
                                   "employees": 18, "sales_usd": 450000, "exports_usd": 0,
                                   "formal_registration": True}, None)
    answers = answers_from_json(json.loads(FIXTURE.read_text(encoding="utf-8"))["answers"])
    return firm, answers


def test_report_says_why_each_instrument_and_where_the_study_says_it(fresh_db):
    firm, answers = agro_supplier(fresh_db)
    profile.save_settings(fresh_db, {"assessment_parameters": {"dimension_weights": {"redes": "3"}}}, None)
    _, result = record_assessment(fresh_db, firm["id"], answers, None)
    assert result.parameters["adjusted_by"] == "centro" and result.parameters["dimension_weights"]["redes"] == "3"

    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    first = data.recommendations[0]
    assert first.title == "Programas de desarrollo de proveedores"
    assert first.triggers[0] == "¿Cómo participa hoy la empresa en mercados externos?: Exporta indirectamente"
    assert "60 proveedores y 6 empresas tractoras en El Salvador" in first.basis
    assert first.segment_basis.startswith("«la factorización (factoring) para apoyar a las mipymes integradas")
    factoring = data.recommendations[1]
    assert factoring.programmes == () and "no cita un programa" in factoring.programmes_note
    rows = dict(data.methods.parameters)
    assert rows["Ajustados por"] == "el centro, en Configuración"
    assert "redes 3" in rows["Pesos de las dimensiones"] and "criterio del centro" in rows["Pesos de las dimensiones"]
    assert "no reproduzcan un modelo común" in data.methods.differentiation
    figures = " ".join(text for text, _ in data.figures)
    assert "150 % del crédito" in figures and "91,6 %" in figures

    text = squash(" ".join(pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))))
    for phrase in ("Respuestas que lo motivan", "Lo que dice el estudio", "60 proveedores y 6 empresas tractoras",
                   "Pesos, bandas y umbrales, y por qué", "Ajustados por", "Otras cifras del estudio",
                   "no reproduzcan un modelo común"):
        assert phrase in text, phrase


def test_english_report_translates_the_source_lines_and_keeps_the_quote(fresh_db):
    firm, answers = agro_supplier(fresh_db)
    record_assessment(fresh_db, firm["id"], answers, None)
    data = build_report_data(fresh_db, firm["id"], lang="en", today=TODAY)
    supplier = data.recommendations[0]
    assert supplier.programmes[0].source.startswith("Table A.5 (based on CEPAL et al., 2011)")
    assert "«ese modelo con 60 proveedores" in supplier.basis and "tractor firms in El Salvador" in supplier.basis
    assert not any("elaborado" in p.source for r in data.recommendations for p in r.programmes)


def test_incomplete_assessment_has_no_index_and_lists_what_to_ask(fresh_db):
    firm, _ = agro_supplier(fresh_db)
    few = {"for.registro": Answer(True), "for.factura": Answer(True), "est.largo_plazo": Answer(False)}
    _, result = record_assessment(fresh_db, firm["id"], few, None)
    assert result.index is None and result.band is None
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    assert data.readiness.incomplete
    assert any(line.startswith("Experiencia internacional: ¿Cómo participa hoy") for line in data.readiness.to_ask)
    assert not any("no hay respuestas suficientes" in g for g in data.readiness.gaps)
    text = squash(" ".join(pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))))
    assert "Evaluación incompleta" in text and "Para preguntar la próxima vez" in text
