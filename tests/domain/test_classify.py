"""Semantics of classify() on the shipped rulebooks: combining, missing data, notes, errors."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from desktop.domain.errors import UserError
from desktop.domain.sizing import CLASS_LABELS, FirmFigures, class_label, classify, supported_countries

ON = datetime.date(2024, 6, 1)


def cls(country, **figures):
    return classify(country, FirmFigures(on_date=ON, **figures))


def codes(result):
    return [n.code for n in result.notes]


# --- combining criteria -------------------------------------------------------------

def test_highest_class_wins_and_a_note_names_the_decider():
    r = cls("CR", employees=20, sales_usd=500_000)  # pequeña by employees, mediana by sales
    assert r.size_class == "mediana"
    assert r.decided_by == "sales"
    assert r.notes[0].code == "criteria_disagree"
    text = r.notes[0].text()
    assert "decide ventas (mediana empresa)" in text
    assert "empleados da pequeña empresa" in text
    assert r.notes[0].text("en").startswith("The criteria disagree: sales decides (medium firm)")


def test_employees_can_decide_against_money():
    r = cls("DO", employees=150, sales_usd=100_000, assets_usd=50_000)
    assert (r.size_class, r.decided_by) == ("mediana", "employees")
    assert [(c.criterion, c.size_class) for c in r.criteria] == [
        ("employees", "mediana"), ("assets", "micro"), ("sales", "micro")]


def test_one_large_criterion_makes_a_large_firm():
    r = cls("NI", employees=3, assets_usd=5_000, sales_usd=2_000_000)
    assert r.size_class == "grande" and r.is_mipyme is False
    assert r.decided_by == "sales"


def test_agreeing_criteria_give_no_disagreement_note():
    r = cls("SV", employees=30, sales_usd=500_000)
    assert r.size_class == "pequena"
    assert "criteria_disagree" not in codes(r)
    assert r.reason().endswith("Los 2 criterios coinciden.")


def test_tie_between_criteria_goes_to_the_first_listed():
    r = cls("CR", employees=20, assets_usd=200_000, sales_usd=10_000)
    assert r.size_class == "pequena" and r.decided_by == "employees"


def test_rule_and_rulebook_are_reported():
    r = cls("CR", employees=1)
    assert r.rule == "highest(employees, assets, sales)"
    assert (r.rulebook_id, r.rulebook_version) == ("cepal-cuadro1-cr", "1")


# --- classes at the edges -----------------------------------------------------------

@pytest.mark.parametrize("country", ["CR", "SV", "GT", "HN", "NI", "DO"])
def test_zero_employees_is_micro_with_a_note(country):
    r = cls(country, employees=0)
    assert r.size_class == "micro" and r.is_mipyme
    assert "zero_employees" in codes(r)
    assert "autoempleo" in r.notes[codes(r).index("zero_employees")].text()


@pytest.mark.parametrize("country, employees", [("CR", 101), ("SV", 5000), ("GT", 61), ("HN", 151), ("NI", 101), ("DO", 201)])
def test_above_medium_employee_ceiling_is_large(country, employees):
    r = cls(country, employees=employees)
    assert r.size_class == "grande" and not r.is_mipyme
    assert "por encima del tope de la mediana empresa" in r.reason()


def test_zero_sales_is_micro():
    assert cls("PA", sales_usd=0).size_class == "micro"


def test_very_large_numbers_are_large():
    assert cls("PA", sales_usd=10**15).size_class == "grande"


@pytest.mark.parametrize("assets, expected", [(65_000, "micro"), (65_001, "pequena"), (65_050, "pequena"), (65_100, "pequena")])
def test_costa_rica_gap_between_65_and_65_1_is_closed(assets, expected):
    assert cls("CR", assets_usd=assets).size_class == expected


@pytest.mark.parametrize("field, value, code", [
    ("assets_usd", 65_050, "cr_gap_assets_micro"), ("assets_usd", 227_650, "cr_gap_assets_small"),
    ("sales_usd", 104_050, "cr_gap_sales_micro"), ("sales_usd", 364_250, "cr_gap_sales_small"),
])
def test_costa_rica_gap_values_get_a_note(field, value, code):
    r = cls("CR", **{field: value})
    assert code in codes(r)
    assert "hueco" in r.notes[codes(r).index(code)].text()


@pytest.mark.parametrize("field, value", [("assets_usd", 65_000), ("assets_usd", 65_100), ("sales_usd", 104_100)])
def test_values_on_either_side_of_a_gap_get_no_gap_note(field, value):
    assert not any(c.startswith("cr_gap") for c in codes(cls("CR", **{field: value})))


@pytest.mark.parametrize("sales, expected", [(9_300, "micro"), (9_301, "micro"), (30_000, "micro"), (49_300, "micro"), (49_301, "pequena")])
def test_nicaragua_small_sales_floor_misprint(sales, expected):
    r = cls("NI", sales_usd=sales)
    assert r.size_class == expected
    has_note = "ni_sales_small_floor_misprint" in codes(r)
    # Note whenever the printed ranges overlap: 9,300 <= sales <= 49,300.
    assert has_note == (9_300 <= sales <= 49_300)
    if has_note:
        text = r.notes[codes(r).index("ni_sales_small_floor_misprint")].text()
        assert "9.300 USD" in text and "49.300 USD" in text and "errata" in text


@pytest.mark.parametrize("sales", [9_299, 0, 49_301, 400_000])
def test_no_misprint_note_outside_the_overlap(sales):
    assert "ni_sales_small_floor_misprint" not in codes(cls("NI", sales_usd=sales))


def test_nicaragua_five_employees_cites_the_footnote():
    assert "ni_micro_employees_footnote" in codes(cls("NI", employees=5))
    assert "ni_micro_employees_footnote" not in codes(cls("NI", employees=4))


# --- missing data -------------------------------------------------------------------

def test_panama_without_sales_is_not_classified():
    r = cls("PA", employees=30, assets_usd=10_000)
    assert r.size_class == "sin_clasificar" and r.is_mipyme is False and r.decided_by is None
    assert r.notes[0].text() == "Panamá clasifica solo por ventas brutas; falta el dato de ventas."
    assert r.notes[0].text("en") == "Panama classifies by gross sales only; the sales figure is missing."
    assert "criterion_not_used" in codes(r)
    assert r.reason().startswith("Sin clasificar. Panamá clasifica solo por ventas brutas")


def test_guatemala_without_employees_names_the_field():
    r = cls("GT", sales_usd=100_000)
    assert r.size_class == "sin_clasificar"
    assert r.notes[0].text() == "Guatemala clasifica solo por número de empleados; falta el dato de empleados."


def test_no_figures_at_all_names_every_missing_field():
    r = cls("CR")
    assert r.size_class == "sin_clasificar" and r.criteria == ()
    assert r.notes[0].code == "missing_all"
    assert r.notes[0].text() == (
        "Costa Rica clasifica por número de empleados, activos o ventas brutas; "
        "falta el dato de empleados, activos y ventas.")


def test_partial_data_classifies_with_what_there_is_and_says_so():
    r = cls("DO", sales_usd=200_000)
    assert r.size_class == "pequena"
    note = r.notes[codes(r).index("missing_some")]
    assert note.text() == "Sin dato de empleados y activos; la clase se basa en ventas."


def test_unused_figure_is_ignored_with_a_note():
    r = cls("SV", employees=5, assets_usd=10**9)
    assert r.size_class == "micro"
    assert "El Salvador no usa activos" in r.notes[codes(r).index("criterion_not_used")].text()


# --- input errors -------------------------------------------------------------------

@pytest.mark.parametrize("field", ["employees", "sales_usd", "assets_usd", "exports_usd"])
def test_negative_values_are_refused(field):
    with pytest.raises(UserError) as err:
        cls("CR", **{field: -1})
    assert "negativo" in err.value.message and err.value.field == field


def test_fractional_employees_are_refused():
    with pytest.raises(UserError, match="entero"):
        cls("CR", employees=Decimal("2.5"))


def test_non_numbers_are_refused():
    with pytest.raises(UserError, match="número"):
        cls("CR", sales_usd="mucho")
    with pytest.raises(UserError):
        cls("CR", employees=True)


def test_float_input_is_read_by_its_decimal_form():
    # 1040500.0 must land exactly on the ceiling, not a hair above it.
    assert cls("CR", sales_usd=1040500.0).size_class == "mediana"
    assert cls("CR", sales_usd=1040500.01).size_class == "grande"


def test_unknown_country_lists_the_available_ones():
    with pytest.raises(UserError) as err:
        cls("XX", employees=3)
    assert err.value.message.startswith("No hay una definición de tamaño para el país «XX». Países disponibles: CR, DO, GT, HN, NI, PA, SV")
    assert err.value.field == "country"


def test_country_code_is_case_insensitive():
    assert cls(" cr ", employees=3).country == "CR"


def test_date_before_any_known_definition_applies_the_first_one_with_a_note():
    result = classify("CR", FirmFigures(employees=3, on_date=datetime.date(2001, 1, 1)))
    assert result.size_class == "micro" and result.rulebook_id == "cepal-cuadro1-cr"
    early = [n for n in result.notes if n.code == "before_known_definition"]
    assert len(early) == 1
    assert "2001-01-01" in early[0].text("es") and "desde 2010" in early[0].text("es")
    assert "earlier than" in early[0].text("en")


def test_a_date_the_source_covers_gets_no_early_note():
    result = classify("CR", FirmFigures(employees=3, on_date=datetime.date(2010, 1, 1)))
    assert not [n for n in result.notes if n.code == "before_known_definition"]


def test_default_date_is_today():
    assert classify("CR", FirmFigures(employees=3)).on_date == datetime.date.today()


def test_bad_sector_is_refused():
    with pytest.raises(UserError, match="CIIU"):
        cls("CR", employees=3, sector="99999")


# --- labels, text, JSON ---------------------------------------------------------------

def test_class_labels_in_both_languages():
    assert [class_label(c) for c in ("micro", "pequena", "mediana", "grande", "sin_clasificar")] == [
        "Microempresa", "Pequeña empresa", "Mediana empresa", "Gran empresa", "Sin clasificar"]
    assert class_label("grande", "en") == "Large firm"
    assert set(CLASS_LABELS) == {"micro", "pequena", "mediana", "grande", "sin_clasificar"}


def test_supported_countries_are_the_seven_of_cuadro_1():
    assert supported_countries() == [
        ("CR", "Costa Rica"), ("SV", "El Salvador"), ("GT", "Guatemala"), ("HN", "Honduras"),
        ("NI", "Nicaragua"), ("PA", "Panamá"), ("DO", "República Dominicana")]


def test_reason_names_the_figure_and_the_ceiling():
    r = cls("CR", employees=20, sales_usd=500_000)
    assert r.reason() == ("Mediana empresa según ventas brutas: 500.000 USD, dentro del tope de 1.040.500 USD. "
                          "Es el criterio que da la clase mayor.")
    assert r.reason("en") == ("Medium firm by gross sales: USD 500,000, within the ceiling of USD 1,040,500. "
                              "It is the criterion giving the largest class.")


def test_to_json_has_the_contract_keys():
    data = cls("CR", employees=20, sales_usd=Decimal("500000.50")).to_json()
    assert {"country", "size_class", "is_mipyme", "criteria", "rule", "rulebook", "notes"} <= set(data)
    assert data["criteria"] == {
        "employees": {"value": 20, "size_class": "pequena", "ceiling": 35},
        "sales": {"value": "500000.50", "size_class": "mediana", "ceiling": 1040500},
    }
    assert data["rulebook"]["id"] == "cepal-cuadro1-cr" and data["rulebook"]["version"] == "1"
    assert all(isinstance(n, str) for n in data["notes"])
    assert "exporter" not in data


def test_to_json_in_english():
    data = cls("PA").to_json("en")
    assert data["size_label"] == "Not classified"
    assert data["notes"][0].startswith("Panama classifies by gross sales only")


def test_exports_for_a_country_without_exporter_definition_get_a_note():
    r = cls("CR", employees=3, exports_usd=50_000)
    assert r.exporter is None
    assert "no_exporter_definition" in codes(r)
