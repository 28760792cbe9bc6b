"""Demo firms: valid, classifiable, deterministic, realistic in place and size."""

from __future__ import annotations

import random
from collections import Counter

import pycountry
import pytest
from stdnum.do import cedula, rnc
from stdnum.gt import nit as gt_nit
from stdnum.sv import nit as sv_nit

from desktop.domain.demo import firms as demo_data
from desktop.domain.demo.firms import (
    ACTIVITIES,
    DEMO_COUNTRIES,
    FANCY,
    MEN,
    PLACES,
    SUFFIX,
    SURNAMES,
    WOMEN,
    _UsedNames,
    demo_firms,
    legal_name,
    name_parts,
)
from desktop.domain.registry.dedupe import DuplicateIndex, normalise_name, place_key
from desktop.domain.registry.validation import clean_firm, validate_firm


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
    classify = pytest.importorskip("desktop.domain.sizing")
    for f in firms[:400]:
        record = clean_firm(f)[0]
        figures = classify.FirmFigures(employees=record["employees"], sales_usd=record["sales_usd"],
                                       assets_usd=record["assets_usd"], exports_usd=record["exports_usd"],
                                       sector=record["sector_isic"])
        assert classify.classify(record["country"], figures).size_class in ("micro", "pequena", "mediana", "grande")


def test_twenty_thousand_firms_hold_no_duplicate_pair_in_any_place():
    # DuplicateIndex, the importer's rule, is the oracle: each firm against every earlier one of its place.
    index = DuplicateIndex()
    for n, f in enumerate(demo_firms(20_000, seed=2025)):
        match = index.find(f["country"], f["municipality"], f["legal_name"], f["tax_id"])
        assert match is None, (f["legal_name"], match)
        index.add(str(n), f["country"], f["municipality"], f["legal_name"], f["tax_id"])


def _random_name(rng: random.Random, branch: int | None) -> tuple[str, list[str], list]:
    """A legal name from a few of the words, so that one place gets crowded with near-duplicates."""
    cc = rng.choice(DEMO_COUNTRIES)
    form = rng.choice(("persona_natural", "sociedad_anonima", "sociedad_responsabilidad_limitada", "cooperativa"))
    surnames = SURNAMES[:12]
    owner = f"{rng.choice(WOMEN[:5] + MEN[:5])} {rng.choice(surnames)} {rng.choice(surnames)}"
    activity = rng.choice([a for _i, a, _w in ACTIVITIES][:10])
    distinctive = rng.choice((rng.choice(FANCY[:10]), rng.choice(surnames),
                              f"{rng.choice(surnames)} {rng.choice(surnames)}"))
    parts, lists = name_parts(form, owner, activity, distinctive, branch)
    trade = f"{activity} {distinctive}" + ("" if branch is None else f" {branch}")
    return legal_name(cc, form, owner, trade), parts, lists


@pytest.mark.parametrize("branches", [(None,), (7,), (None, 2, 3)])
def test_used_names_answer_as_duplicate_index_in_a_crowded_place(branches):
    rng = random.Random(len(branches) * 10 + (branches[0] or 0))
    used, index, place = _UsedNames(), DuplicateIndex(), place_key("SV", "Santa Ana")
    answers = Counter()
    for n in range(6000):
        name, parts, lists = _random_name(rng, rng.choice(branches))
        assert " ".join(parts) == normalise_name(name)
        if n >= 3000:  # a crowded place of 3000 names, then questions about others
            taken, found = used.taken(place, parts, lists), index.find("SV", "Santa Ana", name, None)
            answers[taken, found is not None] += 1
            if len(branches) == 1:  # every name has the same digits: the same answer, always
                assert taken == (found is not None), (name, found)
            else:  # mixed digits: DuplicateIndex looks at its five best hits only; never a duplicate let through
                assert taken or found is None, (name, found)
            continue
        used.add(place, parts)
        index.add(str(n), "SV", "Santa Ana", name, None)
    assert answers[True, True] > 300 and answers[False, False] > 300, answers


def test_name_parts_are_the_name_the_importer_compares():
    rng = random.Random(5)
    activities = [a for _i, a, _w in ACTIVITIES]
    distinctives = FANCY + SURNAMES + [f"{a} {b}" for a in SURNAMES[:9] for b in SURNAMES]
    for distinctive in distinctives:
        for form in ("sociedad_anonima", "sociedad_responsabilidad_limitada", "cooperativa"):
            for cc in SUFFIX:
                activity, branch = rng.choice(activities), rng.choice((None, 2, 15))
                parts, _lists = name_parts(form, "", activity, distinctive, branch)
                trade = f"{activity} {distinctive}" + ("" if branch is None else f" {branch}")
                assert " ".join(parts) == normalise_name(legal_name(cc, form, "", trade)), trade
    for first in WOMEN + MEN:
        for surname in SURNAMES:
            owner = f"{first} {surname} {rng.choice(SURNAMES)}"
            parts, _lists = name_parts("persona_natural", owner, "", "")
            assert " ".join(parts) == normalise_name(legal_name("SV", "persona_natural", owner, "x")), owner


def test_a_place_with_no_free_name_left_numbers_branches(monkeypatch):
    # One draw per firm and one municipality per country: many names are taken, and take a number.
    monkeypatch.setattr(demo_data, "NAME_ATTEMPTS", 1)
    monkeypatch.setattr(demo_data, "PLACES", {cc: places[:1] for cc, places in PLACES.items()})
    firms = demo_firms(4000, seed=3)
    numbered = [f for f in firms if f["trade_name"][-1].isdigit()]
    assert len(numbered) > 20
    assert all(f["legal_form"] not in ("persona_natural", "empresa_individual") for f in numbered)
    index = DuplicateIndex()
    for n, f in enumerate(firms):
        assert validate_firm(f) == {}, f
        assert index.find(f["country"], f["municipality"], f["legal_name"], f["tax_id"]) is None, f["legal_name"]
        index.add(str(n), f["country"], f["municipality"], f["legal_name"], f["tax_id"])
