"""The client report's content for the example firms, checked exactly."""

from __future__ import annotations

from decimal import Decimal as D

from desktop.domain.assessment import Text, load_questionnaire
from desktop.reports.client.benchmark_view import exporting_firms_view
from desktop.reports.client.classification import ClassificationView, CriterionLine
from desktop.reports.client.data import Centre, action_plan, build_client_report
from tests.reports.examples import (
    CLASSIFICATION,
    COMPARISON,
    CUADRO_8,
    CUADRO_8_SOURCE,
    PANADERIA,
    PREVIOUS,
    RECOMMENDATIONS,
    RESULT,
    TODAY,
)

CUTOFFS = (("inicial", D(0)), ("en_desarrollo", D(40)), ("preparada", D(60)), ("avanzada", D(80)))


def build(lang="es", **overrides):
    kwargs = dict(
        result=RESULT, recommendations=RECOMMENDATIONS, previous=PREVIOUS, comparison=COMPARISON,
        previous_date="2025-03-10T10:00:00Z", assessment_date="2025-11-01T15:00:00Z",
        centre=Centre("CDMYPE UNICAES"), adviser_name="José Pérez", lang=lang, today=TODAY,
        band_cutoffs=CUTOFFS, coverage_threshold=D(50), questionnaire_title=load_questionnaire().title,
        catalog_title=Text("Catálogo de instrumentos de apoyo", "Catalogue of support instruments"),
    )
    kwargs.update(overrides)
    return build_client_report(PANADERIA, CLASSIFICATION, **kwargs)


def test_cover_and_profile_in_spanish():
    data = build()
    assert (data.title, data.firm_name, data.trade_name, data.owner_name, data.adviser_name) == (
        "Informe de preparación para internacionalizar", "Panadería La Espiga, S.A. de C.V.", "La Espiga",
        "Marta Ayala", "José Pérez")
    assert data.profile == (
        ("Razón social", "Panadería La Espiga, S.A. de C.V."),
        ("Nombre comercial", "La Espiga"),
        ("Identificación tributaria", "06141203961019 (NIT)"),
        ("País", "El Salvador"),
        ("Ubicación", "Santa Tecla, La Libertad"),
        ("Actividad (CIIU Rev. 4)", "1071"),
        ("Año de fundación", "2009"),
        ("Personas empleadas", "14 (9 mujeres, 5 hombres)"),
        ("Ventas anuales", "250.000\u00a0US$"),
        ("Exportaciones anuales", "18.000\u00a0US$"),
        ("Registro formal", "Sí"),
        ("Propietario(a)", "Marta Ayala"),
    )
    assert data.notice is None


def test_classification_with_its_deciding_rule():
    view = build().classification
    assert view.size_class == "pequena"
    assert view.size_label == "Pequeña empresa"
    assert view.criteria == (
        CriterionLine("Número de empleados", "14", "Pequeña empresa", "50"),
        CriterionLine("Ventas brutas", "250.000\u00a0US$", "Pequeña empresa", "1.000.000\u00a0US$"),
    )
    assert view.rule == CLASSIFICATION.reason("es")
    assert "Pequeña empresa" in view.rule
    assert view.rulebook == "Definición de mipyme de El Salvador (CEPAL, Cuadro 1), versión 1"
    assert view.rulebook_id == "cepal-cuadro1-sv 1"
    assert ClassificationView.of(CLASSIFICATION, "en").criteria[1] == CriterionLine(
        "Gross sales", "$\u00a0250,000", "Small firm", "$\u00a01,000,000")


def test_readiness_summary_and_reading():
    r = build().readiness
    assert (r.index, r.band, r.band_label, r.stage_label, r.profile_label, r.coverage, r.provisional) == (
        D("56.4"), "en_desarrollo", "En desarrollo", "Exportadora directa ocasional",
        "Proveedora vinculada a cadenas exportadoras", D("84.2"), False)
    assert [(d.dimension_id, d.score, d.coverage, d.status_text) for d in r.dimensions] == [
        ("estrategia", D("72.5"), D("100"), ""),
        ("calidad", D("40.0"), D("80"), ""),
        ("finanzas", D("55.0"), D("100"), ""),
        ("mercado", D("80.0"), D("75"), ""),
        ("redes", None, D("25"), "sin datos suficientes"),
        ("formalidad", D("30.0"), D("100"), ""),
    ]
    assert r.strengths == ("Conocimiento de mercados: 80,0 de 100.",
                           "Estrategia y planificación de mercados: 72,5 de 100.")
    # a dimension without enough data is not a gap: it goes to "to ask next time" (none listed in this result)
    assert r.gaps == ("Formalidad y situación legal: 30,0 de 100; hay margen para mejorar.",
                      "Calidad y normas: 40,0 de 100; hay margen para mejorar.")
    assert r.stage_reasons == ("Exporta de forma directa y ocasional.",)
    assert r.knock_outs == () and r.band_uncapped_label is None


def test_readiness_in_english():
    r = build("en").readiness
    assert (r.band_label, r.stage_label) == ("Developing", "Occasional direct exporter")
    assert r.strengths[0] == "Market knowledge: 80.0 out of 100."
    assert r.dimensions[4].status_text == "not enough data"


def test_recommendations_and_action_plan():
    data = build()
    first = data.recommendations[0]
    assert (first.title, first.family, first.reason) == (
        "Crédito para formalizarse", "Financiamiento", "Porque la brecha en Crédito para formalizarse es grande.")
    assert first.programmes[0].name == "Programa <Exporta> & Crece"
    assert first.programmes[0].countries == "SV, GT"
    assert data.action_plan == (
        "Reunir los documentos del registro.",
        "Elegir la norma de calidad.",
        "Solicitar el crédito.",
        "Contratar el diagnóstico.",
        "Repetir la evaluación con su asesor(a) dentro de seis meses para medir el avance.",
    )
    assert build("en").recommendations[1].family == "Innovation and technological upgrading"


def test_action_plan_has_three_to_five_steps():
    assert len(action_plan(RECOMMENDATIONS[:1])) == 3
    assert len(action_plan(RECOMMENDATIONS * 3)) == 5  # repeated steps are dropped, then capped
    assert action_plan(()) == ("Repetir la evaluación con su asesor(a) dentro de seis meses para medir el avance.",)


def test_progress_since_previous_assessment():
    g = build().progress
    assert g.previous_date == "10 de marzo de 2025"
    assert (g.old_index, g.new_index, g.index_delta) == (D("41.0"), D("56.4"), D("15.4"))
    assert [(row.title, row.old, row.new, row.delta) for row in g.rows][:2] == [
        ("Estrategia y planificación de mercados", D("60.0"), D("72.5"), D("12.5")),
        ("Calidad y normas", D("40.0"), D("40.0"), D("0.0")),
    ]
    assert g.rows[4].new is None and g.rows[4].delta is None
    assert g.sentences == ("Etapa: de «Exportadora indirecta» a «Exportadora directa ocasional».",)
    assert build(previous=None).progress is None


def test_methods_record_versions_and_document_share():
    m = build().methods
    assert (m.questionnaire, m.rulebook, m.catalog, m.document_share, m.assessment_date) == (
        "Diagnóstico de preparación para la internacionalización, versión 1.0.0",
        "Definición de mipyme de El Salvador (CEPAL, Cuadro 1), versión 1",
        "Catálogo de instrumentos de apoyo, versión 1.0.0", D("34.5"), "1 de noviembre de 2025")
    assert m.identifiers == "rumbo-preparacion 1.0.0 · cepal-cuadro1-sv 1 · rumbo-instrumentos 1.0.0"
    english = build("en").methods
    assert (english.questionnaire, english.rulebook) == (
        "Internationalization readiness assessment, version 1.0.0",
        "MSME definition of El Salvador (ECLAC, Table 1), version 1")
    assert m.band_cutoffs[1] == ("En desarrollo", D(40))
    from desktop.version import app_version

    assert m.app_version == f"Rumbo versión {app_version()}"


def test_firm_without_assessment_gets_profile_only():
    data = build(result=None, recommendations=(), previous=None, comparison=None)
    assert data.readiness is None and data.recommendations == () and data.action_plan == ()
    assert data.notice.startswith("Esta empresa aún no tiene una evaluación completada")
    assert data.classification.size_label == "Pequeña empresa"


def test_benchmark_view_for_exporting_small_firm_and_micro():
    view = exporting_firms_view(CUADRO_8, size_class="pequena", exports=True, source=CUADRO_8_SOURCE)
    assert view.groups == ("Pequeña empresa", "Mediana empresa", "Gran empresa")
    assert view.series[0] == ("América Latina", (D("9.1"), D("12.9"), D("20.1")))
    assert view.series[2] == ("Asia Oriental", (D("13.2"), D("25.5"), D("50.2")))
    assert view.highlight == 0
    assert view.sentences == ("Esta empresa exporta hoy: su tamaño la sitúa en la fila «Pequeña empresa».",)
    micro = exporting_firms_view(CUADRO_8, size_class="micro", exports=False, source=CUADRO_8_SOURCE, lang="en")
    assert micro.highlight is None
    # Cuadro 8 has no micro-firms: a micro-firm is never put in the small firms' row
    assert micro.sentences == ("The table does not show micro-firms; read it as what slightly larger firms achieve.",)
    assert not any("Small firm" in x for x in micro.sentences)
