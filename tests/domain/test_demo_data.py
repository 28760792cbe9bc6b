"""Demo firms: valid, classifiable, deterministic, realistic in place and size."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest
from stdnum.do import cedula, rnc
from stdnum.gt import nit as gt_nit
from stdnum.sv import nit as sv_nit

from desktop.domain.dedupe import DuplicateIndex
from desktop.domain.demo_data import DEMO_COUNTRIES, PLACES, demo_firms
from desktop.domain.validation import clean_firm, validate_firm


@pytest.fixture(scope="module")
def firms():
    return demo_firms(3000, seed=7)


def test_every_demo_firm_passes_validation(firms):
    problems = [(f["legal_name"], validate_firm(f)) for f in firms if validate_firm(f)]
    assert problems == []


def test_same_seed_same_firms_and_other_seed_other_firms(firms):
    assert demo_firms(50, seed=7) == firms[:50]
    assert demo_firms(50, seed=8) != firms[:50]


def test_all_seven_countries_with_real_departments(firms):
    assert set(f["country"] for f in firms) == set(DEMO_COUNTRIES)
    for country, places in PLACES.items():
        official = {s.name for s in pycountry.subdivisions.get(country_code=country)}
        assert {d for d, _m in places} <= official, country
    assert all((f["department"], f["municipality"]) in PLACES[f["country"]] for f in firms)


def test_tax_ids_pass_stdnum_where_it_knows_the_country_and_are_unique(firms):
    for f in firms:
        if f["country"] == "SV":
            assert sv_nit.is_valid(f["tax_id"])
        elif f["country"] == "GT":
            assert gt_nit.is_valid(f["tax_id"])
        elif f["country"] == "DO":
            assert (rnc if f["tax_id_type"] == "RNC" else cedula).is_valid(f["tax_id"])
    keys = [(f["country"], f["tax_id"]) for f in firms]
    assert len(set(keys)) == len(keys)


def test_mostly_micro_firms_and_exporters_mostly_larger(firms):
    records = [clean_firm(f)[0] for f in firms]
    micro = [r for r in records if r["employees"] <= 10]
    assert 0.75 < len(micro) / len(records) < 0.95
    share = lambda rs: sum(1 for r in rs if r["exports_usd"]) / max(len(rs), 1)  # noqa: E731
    larger = [r for r in records if r["employees"] > 10]
    assert share(larger) > share(micro)
    assert Counter(r["legal_form"] for r in micro).most_common(1)[0][0] == "persona_natural"


def test_no_demo_firm_duplicates_another(firms):
    index = DuplicateIndex()
    for n, f in enumerate(firms):
        assert index.find(f["country"], f["municipality"], f["legal_name"], f["tax_id"]) is None, f["legal_name"]
        index.add(str(n), f["country"], f["municipality"], f["legal_name"], f["tax_id"])


def test_demo_firms_are_classifiable(firms):
    classify = pytest.importorskip("desktop.domain.classify")
    for f in firms[:400]:
        record = clean_firm(f)[0]
        figures = classify.FirmFigures(employees=record["employees"], sales_usd=record["sales_usd"],
                                       assets_usd=record["assets_usd"], exports_usd=record["exports_usd"],
                                       sector=record["sector_isic"])
        assert classify.classify(record["country"], figures).size_class in ("micro", "pequena", "mediana", "grande")
