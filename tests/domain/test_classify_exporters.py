"""Exporter definitions of Argentina, Brazil and Chile (domain reference §1.3)."""

from __future__ import annotations

import datetime

import pytest

from desktop.domain.sizing import FirmFigures, classify

ON = datetime.date(2024, 6, 1)


def exp(country, **figures):
    return classify(country, FirmFigures(on_date=ON, **figures))


# --- countries with no size table ------------------------------------------------------

@pytest.mark.parametrize("country, name", [("AR", "Argentina"), ("BR", "Brasil"), ("CL", "Chile")])
def test_no_size_table_means_not_classified_with_a_note(country, name):
    r = exp(country, employees=20, sales_usd=1_000_000, exports_usd=100_000)
    assert r.size_class == "sin_clasificar" and r.is_mipyme is False
    assert r.notes[0].code == "no_size_table"
    assert r.notes[0].text() == f"La fuente no da una tabla de tamaño para {name}; solo su definición de mipyme exportadora."
    assert r.rule == "none" and r.criteria == ()
    assert r.rulebook_id == f"cepal-exportadora-{country.lower()}"


def test_without_exports_there_is_no_exporter_result_but_a_note():
    r = exp("BR", employees=20)
    assert r.exporter is None
    assert "exporter_needs_exports" in [n.code for n in r.notes]
    assert "exporter" not in r.to_json()


# --- Argentina: more than 5% of turnover ---------------------------------------------

@pytest.mark.parametrize("exports, expected", [(50_000, False), (50_001, True), (49_999, False), (0, False), (1_000_000, True)])
def test_argentina_share_of_turnover(exports, expected):
    r = exp("AR", sales_usd=1_000_000, exports_usd=exports, sector="C")
    assert r.exporter.is_exporter is expected
    assert r.exporter.category == ("exportadora" if expected else None)


def test_argentina_exactly_five_percent_is_not_exporter_even_with_odd_amounts():
    # 5% of 333,333 is 16,666.65: exact arithmetic, no division.
    assert exp("AR", sales_usd=333_333, exports_usd=16_666, sector="C").exporter.is_exporter is False
    assert exp("AR", sales_usd=333_333, exports_usd=16_667, sector="C").exporter.is_exporter is True


def test_argentina_needs_sales():
    r = exp("AR", exports_usd=10_000, sector="C")
    assert r.exporter.is_exporter is None
    assert "falta el dato de ventas" in r.notes[-1].text()


def test_argentina_zero_sales_cannot_give_a_share():
    r = exp("AR", sales_usd=0, exports_usd=10, sector="C")
    assert r.exporter.is_exporter is None
    assert "export_share_no_sales" in [n.code for n in r.notes]


def test_argentina_definition_covers_industry_only():
    r = exp("AR", sales_usd=1_000_000, exports_usd=500_000, sector="G")
    assert r.exporter.is_exporter is False
    assert "exporter_out_of_scope" in [n.code for n in r.notes]
    assert exp("AR", sales_usd=1_000_000, exports_usd=500_000, sector="1071").exporter.is_exporter is True


def test_argentina_without_sector_assumes_industry_and_says_so():
    r = exp("AR", sales_usd=1_000_000, exports_usd=500_000)
    assert r.exporter.is_exporter is True
    assert "exporter_scope_assumed" in [n.code for n in r.notes]


# --- Brazil: tiers of export value ------------------------------------------------------

@pytest.mark.parametrize("exports, employees, category", [
    (1, None, "micro_exportadora"),
    (120_000, None, "micro_exportadora"),
    (120_001, None, "pequena_exportadora"),
    (1_200_000, None, "pequena_exportadora"),
    (1_200_001, 99, "categoria_especial"),
    (50_000_000, 0, "categoria_especial"),
])
def test_brazil_tiers(exports, employees, category):
    r = exp("BR", exports_usd=exports, employees=employees)
    assert r.exporter.is_exporter is True
    assert r.exporter.category == category


def test_brazil_hundred_employees_above_the_small_tier_is_not_a_mipyme_exporter():
    r = exp("BR", exports_usd=1_200_001, employees=100)
    assert r.exporter.is_exporter is False and r.exporter.category is None
    assert "exporter_none" in [n.code for n in r.notes]


def test_brazil_above_the_small_tier_without_employees_cannot_tell():
    r = exp("BR", exports_usd=2_000_000)
    assert r.exporter.is_exporter is None
    assert r.notes[-1].text() == "Para saber si es exportadora según la definición de Brasil falta el dato de empleados."


def test_brazil_no_exports_is_not_exporter():
    assert exp("BR", exports_usd=0, employees=5).exporter.is_exporter is False


def test_brazil_exporter_json():
    data = exp("BR", exports_usd=100_000, employees=20).to_json()
    assert data["size_class"] == "sin_clasificar"
    assert data["exporter"] == {
        "definition": {"id": "cepal-exportadora-br", "version": "1"},
        "is_exporter": True,
        "category": "micro_exportadora",
        "label": "Microempresa exportadora",
        "reason": "Microempresa exportadora: exporta hasta 120.000 USD.",
    }
    assert exp("BR", exports_usd=100_000).to_json("en")["exporter"]["label"] == "Micro exporter"


# --- Chile: total turnover 60,000 .. 7,500,000 with exports ---------------------------

@pytest.mark.parametrize("sales, expected", [
    (59_999, False), (60_000, True), (1_000_000, True), (7_500_000, True), (7_500_001, False)])
def test_chile_turnover_range(sales, expected):
    assert exp("CL", sales_usd=sales, exports_usd=10_000).exporter.is_exporter is expected


def test_chile_requires_some_exports():
    assert exp("CL", sales_usd=1_000_000, exports_usd=0).exporter.is_exporter is False


def test_chile_needs_turnover():
    r = exp("CL", exports_usd=10_000)
    assert r.exporter.is_exporter is None
    assert "ventas" in r.notes[-1].text()


def test_exporter_text_when_not_exporter():
    r = exp("CL", sales_usd=10_000_000, exports_usd=10)
    assert r.exporter.text() == "No es mipyme exportadora según la definición de Chile."
    assert r.exporter.text("en") == "Not an exporting MSME under Chile's definition."


def test_argentina_large_exporter_is_not_called_a_mipyme():
    # 5,000 employees exporting USD 300 M: the definition only measures the export share (> 5 %), so
    # the label must not assert mipyme status that nothing checked, and a note says why.
    result = exp("AR", employees=5000, sales_usd=600_000_000, exports_usd=300_000_000, sector="C")
    assert result.exporter.is_exporter is True
    assert "mipyme" not in result.exporter.label.es.split("(")[0].lower()
    assert result.exporter.label.es.startswith("Exportadora industrial")
    notes = {n.code: n.text("es") for n in result.notes}
    assert "no comprueba el tamaño" in notes["exporter_no_size_test"]


def test_brazil_exporter_tiers_test_size_so_no_size_note():
    result = exp("BR", employees=50, exports_usd=100_000)
    assert "exporter_no_size_test" not in {n.code for n in result.notes}
