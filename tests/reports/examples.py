"""Example firms, assessments and recommendations shared by the report tests.

The results are built by hand (not scored) so the expected report data can be
worked out on paper; :func:`scored_result` scores real answers for the tests
that want the whole pipeline.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from desktop.domain.assessment import (
    OK,
    SIN_DATOS,
    AssessmentResult,
    Comparison,
    Derivation,
    DimensionChange,
    DimensionScore,
    FirmContext,
    KnockOutHit,
    Programme,
    Recommendation,
    Text,
)
from desktop.domain.sizing import FirmFigures, classify

HOSTILE_NAME = 'Café & Panadería <La Ñ> "Ü" 😀'
TODAY = dt.date(2025, 11, 5)

PANADERIA = {
    "id": "0190a0b0-0000-7000-8000-000000000001",
    "legal_name": "Panadería La Espiga, S.A. de C.V.",
    "trade_name": "La Espiga",
    "tax_id": "06141203961019",
    "tax_id_type": "NIT",
    "country": "SV",
    "department": "La Libertad",
    "municipality": "Santa Tecla",
    "sector_isic": "1071",
    "year_founded": 2009,
    "employees_women": 9,
    "employees_men": 5,
    "employees": 14,
    "currency": "USD",
    "usd_rate": "1",
    "sales_amount": "250000",
    "sales_usd": 250000,
    "assets_amount": None,
    "assets_usd": None,
    "exports_amount": "18000",
    "exports_usd": 18000,
    "formal_registration": True,
    "owner_name": "Marta Ayala",
    "adviser_id": "adv-1",
    "size_class": "pequena",
}

HOSTILE = dict(PANADERIA, id="0190a0b0-0000-7000-8000-000000000002", legal_name=HOSTILE_NAME,
               trade_name="<b>no es negrita</b> & co", owner_name="Ñandú O'Brien <dueño>")

CLASSIFICATION = classify("SV", FirmFigures(employees=14, sales_usd=250000, on_date=TODAY))


def dim(dimension_id, es, en, score, coverage, status=OK, weight="1"):
    return DimensionScore(dimension_id, Text(es, en), D(weight), None if score is None else D(score),
                          D(coverage), status)


DIMENSIONS = (
    dim("estrategia", "Estrategia y planificación de mercados", "Strategy and market planning", "72.5", "100", weight="2"),
    dim("calidad", "Calidad y normas", "Quality and standards", "40.0", "80", weight="2"),
    dim("finanzas", "Capacidad financiera", "Financial capacity", "55.0", "100"),
    dim("mercado", "Conocimiento de mercados", "Market knowledge", "80.0", "75"),
    dim("redes", "Redes y vinculación", "Networks and linkages", None, "25", status=SIN_DATOS),
    dim("formalidad", "Formalidad y situación legal", "Formality and legal standing", "30.0", "100"),
)

RESULT = AssessmentResult(
    questionnaire_id="rumbo-preparacion", questionnaire_version="1.0.0",
    dimensions=DIMENSIONS, index=D("56.4"), band="en_desarrollo", band_uncapped="en_desarrollo",
    coverage=D("84.2"), provisional=False, knock_outs=(),
    stage=Derivation("occasional_direct", (Text("Exporta de forma directa y ocasional.", "Exports directly, now and then."),)),
    profile=Derivation("proveedor_vinculado", ()),
    document_share=D("34.5"), firm=FirmContext(country="SV", size_class="pequena"),
)

PREVIOUS = AssessmentResult(
    questionnaire_id="rumbo-preparacion", questionnaire_version="1.0.0",
    dimensions=(), index=D("41.0"), band="en_desarrollo", band_uncapped="en_desarrollo",
    coverage=D("70"), provisional=False, knock_outs=(), stage=Derivation("indirect_exporter"),
    profile=Derivation("local_baja_productividad"), document_share=D("10"),
)

COMPARISON = Comparison(
    dimensions=tuple(
        DimensionChange(d.dimension_id, d.title, old, d.score, None if old is None or d.score is None else d.score - old,
                        OK, d.status)
        for d, old in zip(DIMENSIONS, (D("60.0"), D("40.0"), D("35.5"), D("50.0"), D("20.0"), D("30.0")))
    ),
    index_delta=D("15.4"), old_band="en_desarrollo", new_band="en_desarrollo", band_change=0,
    old_stage="indirect_exporter", new_stage="occasional_direct", stage_change=1, same_questionnaire=True,
)


def recommendation(instrument_id, family, es, en, steps, programmes=(), gap="70"):
    return Recommendation(
        instrument_id=instrument_id, family=family, title=Text(es, en),
        description=Text(f"Descripción de {es}.", f"Description of {en}."),
        reason=Text(f"Porque la brecha en {es} es grande.", f"Because the gap in {en} is large."),
        steps=tuple(Text(s_es, s_en) for s_es, s_en in steps), programmes=programmes,
        gap_dimensions=("formalidad",), gap=D(gap), catalog_id="rumbo-instrumentos", catalog_version="1.0.0",
    )


PROGRAMME = Programme("A6-1", "Programa <Exporta> & Crece", ("SV", "GT"), "PROESA",
                      Text("Más de 100 empresas exportaron por primera vez.", "Over 100 firms exported for the first time."),
                      "Cuadro A.6 (CEPAL y otros, 2011)")

RECOMMENDATIONS = (
    recommendation("formalizacion", "financiamiento", "Crédito para formalizarse", "Credit to formalise",
                   [("Reunir los documentos del registro.", "Gather the registration papers."),
                    ("Solicitar el crédito.", "Apply for the credit.")], (PROGRAMME,)),
    recommendation("calidad", "innovacion", "Apoyo a la certificación de calidad", "Quality certification support",
                   [("Elegir la norma de calidad.", "Choose the quality standard."),
                    ("Contratar el diagnóstico.", "Hire the diagnosis.")], gap="60"),
)

CUADRO_8 = {
    "pequena": {"latin_america": D("9.1"), "eastern_europe": D("18.8"), "east_asia": D("13.2")},
    "mediana": {"latin_america": D("12.9"), "eastern_europe": D("26.4"), "east_asia": D("25.5")},
    "grande": {"latin_america": D("20.1"), "eastern_europe": D("32.2"), "east_asia": D("50.2")},
}
CUADRO_8_SOURCE = "CEPAL (2013), Cuadro 8, sobre la base de OCDE y CEPAL (2012)"
