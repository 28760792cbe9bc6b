"""The class under the law in force: versions by date, wages by date, sub-classes, and the
shipped law rulebooks at every boundary (each threshold and each date)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import DataFileError
from desktop.domain.sizing import FirmFigures, classify, load_rulebooks
from desktop.domain.sizing.parse import parse_file as parse_law_file
from desktop.domain.sizing.definitions import law_set
from desktop.domain.sizing.law import LawSet, classify_law, differences
from desktop.domain.sizing.wages import parse_wage_table
from desktop.domain.datafiles import read_json

FIXTURES = Path(__file__).parent / "fixtures" / "laws"
D = datetime.date


@pytest.fixture(scope="module")
def laws() -> LawSet:
    books = [parse_law_file(FIXTURES / name) for name in ("law-wages-2014.json", "law-wages-2026.json")]
    wages = [parse_wage_table(read_json(FIXTURES / "wages.json"), "wages.json")]
    return LawSet(books, wages)


def law(laws, on_date, **figures):
    return classify_law("SV", FirmFigures(on_date=on_date, **figures), laws)


@pytest.mark.parametrize(("on_date", "expected"), [
    (D(2014, 5, 31), None), (D(2014, 6, 1), "2014"), (D(2026, 3, 31), "2014"), (D(2026, 4, 1), "2026"),
])
def test_the_version_in_force_follows_the_date(laws, on_date, expected):
    result = law(laws, on_date, employees=3)
    assert (result.book.version if result.book else None) == expected
    if expected is None:
        assert result.size_class is None
        assert "rige desde el 2014-06-01" in result.reason()


@pytest.mark.parametrize(("on_date", "sales", "expected"), [
    # 2014 law, highest wage before June 2025: trade 300.00 -> micro ceiling 400 x 300 = 120,000
    (D(2014, 6, 1), Decimal("120000"), "micro"), (D(2014, 6, 1), Decimal("120000.01"), "pequena"),
    (D(2025, 5, 31), Decimal("120000"), "micro"), (D(2025, 5, 31), Decimal("120000.01"), "pequena"),
    (D(2025, 5, 31), Decimal("1200000"), "pequena"), (D(2025, 5, 31), Decimal("1200000.01"), "mediana"),
    (D(2025, 5, 31), Decimal("6000000"), "mediana"), (D(2025, 5, 31), Decimal("6000000.01"), "grande"),
    # from 1 June 2025 the highest wage is industry's 410.25 -> 400 x 410.25 = 164,100
    (D(2025, 6, 1), Decimal("164100"), "micro"), (D(2025, 6, 1), Decimal("164100.01"), "pequena"),
    # the 2026 reform counts trade's wage (400) -> 500 x 400 = 200,000
    (D(2026, 4, 1), Decimal("200000"), "micro"), (D(2026, 4, 1), Decimal("200000.01"), "pequena"),
    (D(2026, 4, 1), Decimal("2000000"), "pequena"), (D(2026, 4, 1), Decimal("2000000.01"), "mediana"),
    (D(2026, 4, 1), Decimal("8000000"), "mediana"), (D(2026, 4, 1), Decimal("8000000.01"), "grande"),
])
def test_wage_ceilings_are_converted_at_the_firms_date(laws, on_date, sales, expected):
    assert law(laws, on_date, sales_usd=sales).size_class == expected


def test_the_reason_names_the_wage_and_its_instrument(laws):
    result = law(laws, D(2025, 6, 1), sales_usd=164100)
    assert result.wage.amount == Decimal("410.25") and result.wage.sector == "industria"
    assert "164.100 USD" in result.reason()
    assert "salario mínimo de mayor cuantía vigente (Industria) es de 410,25 USD al mes desde el 2025-06-01" \
        in result.reason()
    assert "decreto de prueba 2" in result.reason()


@pytest.mark.parametrize(("employees", "sales", "expected"), [
    (2, 20000, "subsistencia"), (3, 20000, "acumulacion"), (2, Decimal("20000.01"), "acumulacion"),
    (4, 120000, "acumulacion"), (5, 120000, "expansion"), (4, Decimal("120000.01"), "expansion"),
    (10, 200000, "expansion"), (0, None, "subsistencia"), (None, 20000, "subsistencia"),
])
def test_micro_sub_classes_at_each_boundary(laws, employees, sales, expected):
    result = law(laws, D(2026, 4, 1), employees=employees, sales_usd=sales)
    assert result.size_class == "micro"
    assert result.subclass.code == expected


def test_a_firm_above_micro_has_no_sub_class(laws):
    result = law(laws, D(2026, 4, 1), employees=11, sales_usd=1000)
    assert result.size_class == "pequena" and result.subclass is None
    assert result.label() == "Pequeña empresa"


def test_sub_class_in_label_reason_and_json(laws):
    result = law(laws, D(2026, 4, 1), employees=3, sales_usd=100000)
    assert result.label() == "Microempresa (acumulación)"
    assert result.reason().endswith("Subclase: acumulación.")
    data = result.to_json()
    assert data["class"] == "micro" and data["subclass"] == "acumulacion"
    assert data["rulebook"]["id"] == "fixture-ley-en-salarios" and data["rulebook"]["version"] == "2026"
    assert data["wage"] == {"sector": "comercio", "amount": "400.00", "from": "2025-06-01",
                            "instrument": "decreto de prueba 2"}
    assert data["criteria"]["sales"] == {"value": 100000, "size_class": "micro", "ceiling": 200000}


def test_no_wage_in_force_gives_no_class_and_says_why():
    books = [parse_law_file(FIXTURES / "law-wages-2014.json")]
    result = classify_law("SV", FirmFigures(sales_usd=1, on_date=D(2020, 1, 1)), LawSet(books, []))
    assert result.size_class is None and result.book is not None
    assert "no hay un salario mínimo de mayor cuantía de SV vigente el 2020-01-01" in result.reason()


def test_a_country_without_a_law_keeps_the_studys_class():
    result = classify_law("GT", FirmFigures(employees=5), LawSet([], []))
    assert result.size_class is None and result.to_json()["rulebook"] is None
    assert result.reason().startswith("No hay una definición legal de tamaño cargada para Guatemala")


def test_differences_name_each_criterion_on_both_sides(laws):
    figures = FirmFigures(employees=5, sales_usd=150000, on_date=D(2026, 4, 1))
    study, by_law = classify("SV", figures), classify_law("SV", figures, laws)
    assert (study.size_class, by_law.size_class) == ("pequena", "micro")
    text = differences(study, by_law)
    assert "ventas brutas — la ley: microempresa (tope 200.000 USD); el estudio: pequeña empresa (tope 1.000.000 USD)" \
        in text
    same = FirmFigures(employees=5, sales_usd=50000, on_date=D(2026, 4, 1))
    assert differences(classify("SV", same), classify_law("SV", same, laws)) is None


# --- the shipped law rulebooks, at every boundary -------------------------------------------

@pytest.fixture(scope="module")
def shipped() -> LawSet:
    return law_set()


@pytest.mark.parametrize(("sales", "expected"), [
    (Decimal("0"), "micro"), (Decimal("150000.00"), "micro"), (Decimal("150000.01"), "pequena"),
    (Decimal("1000000.00"), "pequena"), (Decimal("1000000.01"), "mediana"),
    (Decimal("2500000.00"), "mediana"), (Decimal("2500000.01"), "grande"),
])
def test_panama_law_33_of_2000_at_each_threshold(shipped, sales, expected):
    result = classify_law("PA", FirmFigures(sales_usd=sales, on_date=D(2026, 5, 1)), shipped)
    assert result.size_class == expected
    assert result.rulebook_ref() == "pa-ley-33-2000@2000"


@pytest.mark.parametrize(("on_date", "in_force"), [(D(2000, 7, 27), False), (D(2000, 7, 28), True)])
def test_panama_law_33_of_2000_from_its_publication(shipped, on_date, in_force):
    result = classify_law("PA", FirmFigures(sales_usd=1000, on_date=on_date), shipped)
    assert (result.size_class == "micro") is in_force
    assert (result.book is not None) is in_force


def test_panama_law_counts_only_gross_income(shipped):
    result = classify_law("PA", FirmFigures(employees=400, sales_usd=90000, on_date=D(2026, 1, 1)), shipped)
    assert result.size_class == "micro"
    assert any("no usa" in n.text() for n in result.inner.notes) or result.inner.criteria[0].criterion == "sales"


def test_every_shipped_law_cites_an_instrument_and_an_address():
    for book in law_set().books():
        assert "artículo" in book.source.es and "https://" in book.source.es, book.id


# --- malformed law files ----------------------------------------------------------------------

def _write(tmp_path, data) -> Path:
    import json
    path = tmp_path / "law.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _base() -> dict:
    return read_json(FIXTURES / "law-wages-2026.json")


def test_a_law_in_wages_must_say_which_wage(tmp_path):
    data = _base()
    del data["wage"]
    with pytest.raises(DataFileError, match="falta el campo «wage»"):
        parse_law_file(_write(tmp_path, data))


def test_sub_class_ceilings_must_grow(tmp_path):
    data = _base()
    data["subclasses"]["levels"][1]["ceilings"]["sales"] = "40"
    with pytest.raises(DataFileError, match=r"topes desordenados en «subclasses.levels\[1\].ceilings.sales»"):
        parse_law_file(_write(tmp_path, data))


def test_wage_rows_are_checked(tmp_path):
    data = read_json(FIXTURES / "wages.json")
    data["rates"][0]["amount"] = "0"
    with pytest.raises(DataFileError, match=r"«rates\[0\].amount» debe ser mayor que cero"):
        parse_wage_table(data, "w.json")
