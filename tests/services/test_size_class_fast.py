"""size_class (the engine's bulk path, used by size_class_of) must agree with classify()."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from desktop.domain.demo.firms import demo_firms
from desktop.domain.errors import UserError
from desktop.domain.registry.validation import clean_firm
from desktop.domain.sizing import FirmFigures, classify
from desktop.services.registry.fields import size_class_of


def _by_engine(row: dict) -> str:
    figures = FirmFigures(employees=row.get("employees"), sales_usd=row.get("sales_usd"),
                          assets_usd=row.get("assets_usd"), exports_usd=row.get("exports_usd"),
                          sector=row.get("sector_isic"))
    try:
        return classify(row["country"], figures).size_class
    except UserError:
        return "sin_clasificar"


def test_demo_firms_get_the_class_classify_gives():
    classes = set()
    for data in demo_firms(1500, seed=7):
        row = clean_firm(data)[0]
        classes.add(size_class_of(row))
        assert size_class_of(row) == _by_engine(row), row
    assert {"micro", "pequena", "mediana"} <= classes


COUNTRIES = ["SV", "CR", "GT", "HN", "NI", "PA", "DO", "AR", "BR", "CL", "US", "XX", " sv ", "cr", None, ""]
SECTORS = [None, "", "1071", "10.71", "C", "G", "4711", "0127", "99", "A", "Z", "12345", "abc", "5610", "6201"]


def _figure(rng: random.Random, top: int):
    pick = rng.random()
    if pick < 0.2:
        return None
    if pick < 0.25:
        return -rng.randint(1, 10)
    if pick < 0.3:
        return float(rng.randint(0, top)) + rng.choice([0, 0.5])
    if pick < 0.35:
        return Decimal(rng.randint(0, top)) / 10
    if pick < 0.37:
        return "12"
    if pick < 0.39:
        return True
    return rng.randint(0, top)


@pytest.mark.parametrize("seed", range(4))
def test_random_figures_countries_and_sectors_agree_with_classify(seed):
    rng = random.Random(seed)
    for _ in range(2500):
        row = {"country": rng.choice(COUNTRIES), "sector_isic": rng.choice(SECTORS),
               "employees": _figure(rng, 400), "sales_usd": _figure(rng, 30_000_000),
               "assets_usd": _figure(rng, 30_000_000), "exports_usd": _figure(rng, 5_000_000)}
        assert size_class_of(row) == _by_engine(row), row


@pytest.mark.parametrize("employees,sales", [(0, 0), (10, 100_000), (11, 100_001), (50, 1_000_000), (100, 7_000_000),
                                             (101, 7_000_001), (5, 65_050), (30, 65_000)])
def test_boundaries_agree_with_classify(employees, sales):
    for country in ("SV", "CR", "GT", "HN", "NI", "PA", "DO"):
        row = {"country": country, "employees": employees, "sales_usd": sales, "assets_usd": sales // 2,
               "sector_isic": "1071"}
        assert size_class_of(row) == _by_engine(row)
