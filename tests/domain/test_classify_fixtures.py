"""What real laws need, shown on fixture rulebooks: sectors, versions by date, all_of/any_of.

Fixtures (tests/domain/fixtures/rulebooks/good):
* QS "Sectoria": employees ceilings by ISIC key (C 50/100/250, G 10/30/80, 1071 5/20/40,
  default 10/50/100); sales (thousands) only for section A (50/500/2000) and division 01
  (20/200/1000), no default.
* QV "Versionia": employees 10/50/100 in force 2010-01-01..2014-12-31, 5/20/50 from 2015-01-01.
* QT "Arbolia": all_of(employees, any_of(sales, assets)), employees 10/50/100,
  sales 100k/1M/5M USD, assets 50k/500k/2M USD.
* QA "Cualquieria": any_of(employees, sales), employees 10/50/100, sales 100/1000/5000 thousand.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.errors import UserError
from desktop.domain.sizing import FirmFigures, classify, load_rulebooks

FIXTURES = Path(__file__).parent / "fixtures" / "rulebooks" / "good"
BOOKS = load_rulebooks(FIXTURES)
ON = datetime.date(2024, 6, 1)


def fx(country, **figures):
    figures.setdefault("on_date", ON)
    return classify(country, FirmFigures(**figures), BOOKS)


def codes(result):
    return [n.code for n in result.notes]


def test_fixture_countries_are_not_in_the_shipped_set():
    assert BOOKS.countries() == ["QA", "QS", "QT", "QV"]
    with pytest.raises(UserError):
        classify("QS", FirmFigures(employees=1))


# --- sector-dependent thresholds -----------------------------------------------------

@pytest.mark.parametrize("sector, employees, expected", [
    ("C", 50, "micro"), ("C", 51, "pequena"), ("C", 250, "mediana"), ("C", 251, "grande"),
    ("2011", 80, "pequena"),                       # division 20 is in section C
    ("G", 10, "micro"), ("G", 11, "pequena"), ("4711", 81, "grande"),
    ("1071", 5, "micro"), ("1071", 6, "pequena"),   # the class key beats the section key
    ("1072", 50, "micro"),                          # group 107 other than 1071: section C
    ("c", 51, "pequena"), ("10.71", 6, "pequena"),   # normalised spellings
])
def test_employee_ceilings_follow_the_sector(sector, employees, expected):
    r = fx("QS", employees=employees, sector=sector)
    assert r.size_class == expected
    assert "sector_default" not in codes(r)


def test_sector_without_its_own_ceilings_uses_the_default_with_a_note():
    r = fx("QS", employees=11, sector="J")
    assert r.size_class == "pequena"
    note = r.notes[codes(r).index("sector_default")]
    assert note.text() == "Para empleados se aplicaron los topes generales porque el sector J no tiene topes propios."


def test_no_sector_uses_the_default_with_a_note():
    r = fx("QS", employees=11)
    assert r.size_class == "pequena"
    assert "no se indicó el sector" in r.notes[codes(r).index("sector_default")].text()


def test_sector_only_criterion_without_sector_is_unusable():
    r = fx("QS", sales_usd=10_000)
    assert r.size_class == "sin_clasificar"
    assert codes(r)[:2] == ["missing_all", "sector_missing"]
    assert r.notes[0].text() == "Sectoria clasifica por número de empleados o ventas brutas; falta el dato de empleados."
    assert "falta el dato de sector" in r.notes[1].text()


def test_sector_only_criterion_with_the_other_figure_given():
    r = fx("QS", sales_usd=10_000, employees=3)
    assert r.size_class == "micro"
    assert [c.criterion for c in r.criteria] == ["employees"]
    assert "sector_missing" in codes(r) and "missing_some" not in codes(r)


def test_sector_only_criterion_outside_its_sectors_is_unusable_but_others_still_count():
    r = fx("QS", employees=60, sales_usd=10_000_000, sector="C")
    assert r.size_class == "pequena"
    assert [c.criterion for c in r.criteria] == ["employees"]
    assert "sector_not_covered" in codes(r)


@pytest.mark.parametrize("sector, sales, expected", [
    ("A", 50_000, "micro"), ("0210", 20_001, "micro"), ("0210", 50_001, "pequena"),  # division 02: section A
    ("01", 20_001, "pequena"), ("0111", 200_000, "pequena"), ("0150", 20_001, "pequena"),  # division 01
])
def test_division_key_beats_section_key(sector, sales, expected):
    assert fx("QS", sales_usd=sales, sector=sector).size_class == expected


# --- versions with effective dates ----------------------------------------------------

@pytest.mark.parametrize("on_date, version, expected", [
    (datetime.date(2010, 1, 1), "2010", "pequena"),
    (datetime.date(2014, 12, 31), "2010", "pequena"),   # last day of the old version
    (datetime.date(2015, 1, 1), "2015", "mediana"),
    (datetime.date(2030, 1, 1), "2015", "mediana"),
])
def test_version_in_force_on_the_date_applies(on_date, version, expected):
    r = fx("QV", employees=30, on_date=on_date)
    assert (r.rulebook_version, r.size_class) == (version, expected)
    assert r.rulebook_id == f"fixture-qv-{version}"


def test_date_before_any_version_uses_the_earliest_with_a_note():
    result = fx("QV", employees=30, on_date=datetime.date(2009, 12, 31))
    assert result.rulebook_version == "2010"
    assert [n.code for n in result.notes if n.code == "before_known_definition"] == ["before_known_definition"]


# --- all_of / any_of trees -------------------------------------------------------------

def test_tree_rule_is_described():
    assert fx("QT", employees=1).rule == "all_of(employees, any_of(sales, assets))"
    assert fx("QA", employees=1).rule == "any_of(employees, sales)"


@pytest.mark.parametrize("figures, expected, decided_by", [
    # employees micro, sales mediana, assets pequeña -> any_of gives pequeña, all_of pequeña
    (dict(employees=5, sales_usd=2_000_000, assets_usd=100_000), "pequena", "assets"),
    # employees mediana dominates a micro any_of
    (dict(employees=80, sales_usd=10, assets_usd=10), "mediana", "employees"),
    # sales and assets both grande -> grande
    (dict(employees=5, sales_usd=6_000_000, assets_usd=3_000_000), "grande", "sales"),
    # one of sales/assets small enough rescues the firm
    (dict(employees=5, sales_usd=6_000_000, assets_usd=40_000), "micro", "employees"),
    # only sales: any_of(sales) is sales
    (dict(sales_usd=1_000_001), "mediana", "sales"),
])
def test_employees_and_sales_or_assets(figures, expected, decided_by):
    r = fx("QT", **figures)
    assert (r.size_class, r.decided_by) == (expected, decided_by)


def test_tree_with_missing_branch_still_classifies_and_says_so():
    r = fx("QT", employees=60)
    assert r.size_class == "mediana"
    assert "Sin dato de ventas y activos" in r.notes[codes(r).index("missing_some")].text()


@pytest.mark.parametrize("employees, sales, expected", [
    (5, 10_000_000, "micro"), (60, 150_000, "pequena"), (200, 6_000_000, "grande"), (200, 100_000, "micro")])
def test_any_of_takes_the_smallest_class(employees, sales, expected):
    r = fx("QA", employees=employees, sales_usd=sales)
    assert r.size_class == expected


def test_any_of_reason_says_smallest():
    assert fx("QA", employees=5, sales_usd=10_000_000).reason().endswith("Es el criterio que da la clase menor.")


def test_mixed_tree_reason_names_the_rule():
    r = fx("QT", employees=5, sales_usd=2_000_000, assets_usd=100_000)
    assert r.reason().endswith(
        "Lo eligió la regla: se toma el tamaño mayor entre empleados y (el menor entre ventas y activos).")


def test_rules_are_worded_for_people_in_both_languages():
    tree, either = fx("QT", employees=1), fx("QA", employees=1)
    assert tree.rule_text("es") == "se toma el tamaño mayor entre empleados y (el menor entre ventas y activos)"
    assert tree.rule_text("en") == "the larger size given by employees and (the smaller of sales and assets)"
    assert either.rule_text("es") == "se toma el tamaño menor entre empleados y ventas"
    assert either.rule_text("en") == "the smaller size given by employees and sales"
    assert "(" not in fx("QV", employees=1).rule_text("es")  # highest(employees): "solo cuenta ..."


# Reference semantics, written independently: the firm is in the smallest class c for
# which the boolean tree "value <= ceiling(c)" holds; otherwise grande.
QT_CEILINGS = {"employees": (10, 50, 100), "sales": (100_000, 1_000_000, 5_000_000),
               "assets": (50_000, 500_000, 2_000_000)}


def _reference(employees, sales, assets):
    for i, name in enumerate(("micro", "pequena", "mediana")):
        fits = {k: v <= QT_CEILINGS[k][i] for k, v in (("employees", employees), ("sales", sales), ("assets", assets))}
        if fits["employees"] and (fits["sales"] or fits["assets"]):
            return name
    return "grande"


money = st.integers(min_value=0, max_value=8_000_000)


@settings(max_examples=300, deadline=None)
@given(employees=st.integers(min_value=0, max_value=150), sales=money, assets=money)
def test_tree_matches_the_boolean_definition(employees, sales, assets):
    r = fx("QT", employees=employees, sales_usd=sales, assets_usd=assets)
    assert r.size_class == _reference(employees, sales, assets)
