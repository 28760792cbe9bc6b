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
    assert first.level_label == "El estudio lo vincula con este tipo de empresa"
    assert first.triggers[0] == "¿Cómo participa hoy la empresa en mercados externos?: Exporta indirectamente"
    assert "60 proveedores y 6 empresas tractoras en El Salvador" in first.basis
    assert first.support.startswith("«programas de desarrollo de proveedores (PDP) para la integración de empresas")
    centre = next(r for r in data.recommendations if r.level == "criterio_centro")
    assert centre.support == "" and centre.reason.startswith("Criterio del centro, no del estudio")
    rows = dict(data.methods.parameters)
    assert rows["Ajustados por"] == "el centro, en Configuración"
    assert "redes 3" in rows["Pesos de las dimensiones"] and "criterio del centro" in rows["Pesos de las dimensiones"]
    assert "no reproduzcan un modelo común" in data.methods.differentiation
    figures = " ".join(text for text, _ in data.figures)
    assert "150 % del crédito" in figures and "91,6 %" in figures

    text = squash(" ".join(pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))))
    for phrase in ("Respuestas que lo motivan", "Lo que dice el estudio del instrumento",
                   "Respaldo: El estudio lo vincula con este tipo de empresa", "Dónde lo vincula el estudio",
                   "Criterio del centro, no del estudio", "60 proveedores y 6 empresas tractoras",
                   "Pesos, bandas y umbrales, y por qué", "Ajustados por", "Otros datos del estudio",
                   "no reproduzcan un modelo común"):
        assert phrase in text, phrase


def test_english_report_translates_the_source_lines_and_keeps_the_quote(fresh_db):
    firm, answers = agro_supplier(fresh_db)
    record_assessment(fresh_db, firm["id"], answers, None)
    data = build_report_data(fresh_db, firm["id"], lang="en", today=TODAY)
    supplier = data.recommendations[0]
    assert supplier.programmes[0].source.startswith("Table A.5 (based on CEPAL et al., 2011)")
    assert "«ese modelo con 60 proveedores" in supplier.basis and "tractor firms in El Salvador" in supplier.basis
    assert supplier.level_label == "The study pairs it with this kind of firm"
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


def test_why_internationalize_page_is_chosen_for_the_firm_and_quotes_the_study(fresh_db):
    firm, answers = agro_supplier(fresh_db)
    answers["can.dependencia_cliente"] = Answer("unico")  # tied to one lead firm
    record_assessment(fresh_db, firm["id"], answers, None)
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    kinds = [w.kind for w in data.why]
    assert kinds.count("riesgo") == 3  # note 11: bargaining power, no design or marketing know-how, switching
    titles = [w.title for w in data.why]
    assert "Llegar afuera sin exportar por cuenta propia" in titles and "Depender de un solo cliente" in titles
    assert all(w.basis.startswith("«") and "(CEPAL 2013, " in w.basis for w in data.why)
    pages = pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))
    page = next(squash(p) for p in pages if "Por qué internacionalizarse" in p)
    for phrase in ("Lo que la empresa puede ganar", "Riesgos y costos que conviene prever",
                   "posibilidad de penetrar en mercados externos por una vía indirecta",
                   "pueden cambiar de proveedores rápidamente", "II.C, nota 11"):
        assert phrase in page, phrase
    text = squash(" ".join(pages))
    assert "recomienda este apoyo" not in text and "que es el caso de la empresa" not in text


def test_sector_sentence_follows_the_study_s_groups(fresh_db):
    firm = register_firm(fresh_db, {"legal_name": "Transportes del Pacífico", "country": "SV", "sector_isic": "4923",
                                    "employees": 12, "sales_usd": 300000, "formal_registration": True}, None)
    record_assessment(fresh_db, firm["id"], {"exp.modo_actual": Answer("solo_local")}, None)
    figures = [text for text, _ in build_report_data(fresh_db, firm["id"], today=TODAY).figures]
    assert "El estudio sitúa el transporte entre los sectores de productividad media, que dan el 20 % del empleo " \
           "de la región." in figures
    assert not any("71,9" in f for f in figures)
    assert not any("vale la pena" in f for f in figures)


def test_large_firm_report_says_why_no_instrument_applies(fresh_db):
    firm = register_firm(fresh_db, {"legal_name": "Lácteos Nacionales, S.A.", "country": "SV", "sector_isic": "1050",
                                    "employees": 300, "sales_usd": 9000000, "formal_registration": True}, None)
    _, answers = agro_supplier(fresh_db)
    record_assessment(fresh_db, firm["id"], answers, None)
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    assert data.recommendations == () and data.why == ()
    (note,) = data.notes
    assert note.kind == "large_firm" and "empresa grande" in note.text
    text = squash(" ".join(pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))))
    assert "esta es una empresa grande" in text and "empresas tractoras" in text
    assert data.methods.catalog == "Catálogo de instrumentos de apoyo, versión 3.0.0"  # what the advice used
    assert "No hay recomendaciones para esta evaluación" not in text


def test_one_answer_gives_no_profile_and_no_paired_instrument_in_the_report(fresh_db):
    firm, _ = agro_supplier(fresh_db)
    record_assessment(fresh_db, firm["id"], {"exp.modo_actual": Answer("indirecto")}, None)
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    assert data.readiness.profile_label == "Sin determinar"
    assert not [r for r in data.recommendations if r.level == "estudio_empareja"]
    (note,) = data.notes
    assert note.kind == "no_profile" and "pregunte primero" in note.text
    text = squash(" ".join(pdf_pages(client_report_pdf(fresh_db, firm["id"], today=TODAY))))
    assert "Sin perfil ni instrumentos por tipo de empresa" in text
    assert "Proveedora vinculada" not in text


def test_dairy_without_sanitary_registration_prints_the_fix_first(fresh_db):
    firm = register_firm(fresh_db, {"legal_name": "Lácteos La Vaquita", "country": "SV", "sector_isic": "1050",
                                    "employees": 18, "sales_usd": 450000, "formal_registration": True}, None)
    _, answers = agro_supplier(fresh_db)
    answers["cal.registro_sanitario"] = Answer(False)
    record_assessment(fresh_db, firm["id"], answers, None)
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    first = data.recommendations[0]
    assert first.title == "Apoyo para certificar calidad y normas"
    assert first.reason.startswith("Resuelve un bloqueo: Sin registro sanitario")


def test_a_result_stored_before_the_levels_still_opens_and_prints(fresh_db):
    """An incomplete result stored by an earlier Rumbo kept a profile and no year founded; it still prints,
    without the profile, and early-stage finance is judged on the firm record's year founded."""
    import json as _json

    from db import assessments as repo
    from desktop.domain.assessment import result_to_dict

    firm, _ = agro_supplier(fresh_db)
    assessment, result = record_assessment(fresh_db, firm["id"], {"exp.modo_actual": Answer("indirecto")}, None)
    old = result_to_dict(result)
    old["profile"] = {"code": "proveedor_vinculado", "reasons": [{"es": "Llega al exterior de manera indirecta.",
                                                                   "en": "Reaches foreign markets indirectly."}]}
    old["firm"].pop("year_founded")
    storage_row = repo.get_assessment(fresh_db, assessment["id"])
    assert storage_row["status"] == "completed"
    with fresh_db.write():  # as an earlier Rumbo stored it (the test writes the row by hand)
        fresh_db.conn.execute("UPDATE assessments SET result = ? WHERE id = ?", (_json.dumps(old), assessment["id"]))
    data = build_report_data(fresh_db, firm["id"], today=TODAY)
    assert data.readiness.profile_label == "Sin determinar"
    assert not [r for r in data.recommendations if r.level == "estudio_empareja"]
    assert client_report_pdf(fresh_db, firm["id"], today=TODAY).startswith(b"%PDF")
