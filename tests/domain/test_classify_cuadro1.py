"""Every cell of Cuadro 1: each ceiling belongs to its class, one unit more to the next.

The ceilings below are written out again in whole units (persons, US dollars)
straight from the table in the domain reference, so a typo in a rulebook file
shows up here rather than in a client's report.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from desktop.domain.sizing import FirmFigures, classify

ON = datetime.date(2024, 6, 1)
NEXT = {"micro": "pequena", "pequena": "mediana", "mediana": "grande"}

# country -> criterion -> (micro, pequena, mediana) ceilings in whole units.
CUADRO_1 = {
    "CR": {"employees": (10, 35, 100), "assets": (65_000, 227_600, 650_300), "sales": (104_000, 364_200, 1_040_500)},
    "SV": {"employees": (10, 50, 100), "sales": (100_000, 1_000_000, 7_000_000)},
    "GT": {"employees": (10, 25, 60)},
    "HN": {"employees": (10, 50, 150)},
    "NI": {"employees": (5, 30, 100), "assets": (9_900, 73_900, 295_600), "sales": (49_300, 443_500, 1_970_900)},
    "PA": {"sales": (150_000, 1_000_000, 2_500_000)},
    "DO": {"employees": (15, 60, 200), "assets": (83_100, 332_500, 1_108_200), "sales": (166_200, 1_108_200, 4_155_900)},
}
FIELD = {"employees": "employees", "sales": "sales_usd", "assets": "assets_usd"}


def _cells(money_only: bool = False):
    for country, criteria in CUADRO_1.items():
        for criterion, ceilings in criteria.items():
            if money_only and criterion == "employees":
                continue
            for cls, ceiling in zip(("micro", "pequena", "mediana"), ceilings):
                yield pytest.param(country, criterion, cls, ceiling, id=f"{country}-{criterion}-{cls}-{ceiling}")


def _one(country: str, criterion: str, value) -> str:
    result = classify(country, FirmFigures(on_date=ON, **{FIELD[criterion]: value}))
    assert [r.criterion for r in result.criteria] == [criterion]
    assert result.criteria[0].size_class == result.size_class
    return result.size_class


@pytest.mark.parametrize("country, criterion, cls, ceiling", list(_cells()))
def test_ceiling_belongs_to_its_class(country, criterion, cls, ceiling):
    assert _one(country, criterion, ceiling) == cls


@pytest.mark.parametrize("country, criterion, cls, ceiling", list(_cells()))
def test_one_unit_above_the_ceiling_is_the_next_class(country, criterion, cls, ceiling):
    assert _one(country, criterion, ceiling + 1) == NEXT[cls]


@pytest.mark.parametrize("country, criterion, cls, ceiling", list(_cells(money_only=True)))
def test_one_cent_above_a_money_ceiling_is_the_next_class(country, criterion, cls, ceiling):
    assert _one(country, criterion, Decimal(ceiling) + Decimal("0.01")) == NEXT[cls]


@pytest.mark.parametrize("country, criterion, cls, ceiling", list(_cells(money_only=True)))
def test_decimal_ceiling_given_as_decimal_is_exact(country, criterion, cls, ceiling):
    # 1040.5 thousand read as a binary float times 1000 is not always 1040500; here it must be.
    assert _one(country, criterion, Decimal(ceiling)) == cls


@pytest.mark.parametrize("country", sorted(c for c, crit in CUADRO_1.items() if "employees" in crit))
def test_one_employee_is_micro(country):
    assert _one(country, "employees", 1) == "micro"


def test_every_country_uses_exactly_the_criteria_of_the_table():
    for country, criteria in CUADRO_1.items():
        everything = classify(country, FirmFigures(employees=1, sales_usd=1, assets_usd=1, on_date=ON))
        assert {r.criterion for r in everything.criteria} == set(criteria), country


@pytest.mark.parametrize("country, criterion, cls, ceiling", list(_cells()))
def test_ceiling_reported_in_whole_units(country, criterion, cls, ceiling):
    result = classify(country, FirmFigures(on_date=ON, **{FIELD[criterion]: ceiling}))
    assert result.criteria[0].ceiling == ceiling
