"""Property tests: more of anything never gives a smaller class; same input, same output."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.sizing import FirmFigures, classify

ON = datetime.date(2024, 6, 1)
COUNTRIES = ["CR", "SV", "GT", "HN", "NI", "PA", "DO"]
RANK = {"micro": 0, "pequena": 1, "mediana": 2, "grande": 3}

countries = st.sampled_from(COUNTRIES)
employees = st.one_of(st.none(), st.integers(min_value=0, max_value=400))
# Money in whole dollars and in cents, dense around the Cuadro 1 ceilings.
money = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10_000_000),
    st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False),
)
bump = st.integers(min_value=0, max_value=3_000_000)


def _figures(e, s, a):
    return FirmFigures(employees=e, sales_usd=s, assets_usd=a, on_date=ON)


@settings(max_examples=400, deadline=None)
@given(country=countries, e=employees, s=money, a=money, de=st.integers(0, 300), ds=bump, da=bump)
def test_more_never_gives_a_smaller_class(country, e, s, a, de, ds, da):
    before = classify(country, _figures(e, s, a))
    after = classify(country, _figures(
        None if e is None else e + de, None if s is None else s + ds, None if a is None else a + da))
    if before.size_class == "sin_clasificar":
        assert after.size_class == "sin_clasificar"  # the same figures are missing
        return
    assert RANK[after.size_class] >= RANK[before.size_class]


@settings(max_examples=200, deadline=None)
@given(country=countries, e=employees, s=money, a=money, which=st.sampled_from(["e", "s", "a"]),
       extra=st.integers(1, 5_000_000))
def test_more_of_one_criterion_alone_never_gives_a_smaller_class(country, e, s, a, which, extra):
    before = classify(country, _figures(e, s, a))
    e2 = e + extra if which == "e" and e is not None else e
    s2 = s + extra if which == "s" and s is not None else s
    a2 = a + extra if which == "a" and a is not None else a
    after = classify(country, _figures(e2, s2, a2))
    for b, c in zip(before.criteria, after.criteria):
        assert b.criterion == c.criterion
        assert RANK[c.size_class] >= RANK[b.size_class]
    if before.size_class != "sin_clasificar":
        assert RANK[after.size_class] >= RANK[before.size_class]


@settings(max_examples=200, deadline=None)
@given(country=countries, e=employees, s=money, a=money)
def test_same_input_same_output(country, e, s, a):
    first = classify(country, _figures(e, s, a))
    second = classify(country, _figures(e, s, a))
    assert first == second
    assert first.to_json() == second.to_json()
    assert first.reason() == second.reason() and first.reason("en") == second.reason("en")


@settings(max_examples=200, deadline=None)
@given(country=countries, e=employees, s=money, a=money)
def test_combined_class_is_the_highest_criterion_and_consistent(country, e, s, a):
    r = classify(country, _figures(e, s, a))
    if not r.criteria:
        assert r.size_class == "sin_clasificar" and r.decided_by is None
        return
    assert RANK[r.size_class] == max(RANK[c.size_class] for c in r.criteria)
    assert r.is_mipyme == (r.size_class != "grande")
    decider = next(c for c in r.criteria if c.criterion == r.decided_by)
    assert decider.size_class == r.size_class
    assert r.reason().startswith({"micro": "Microempresa", "pequena": "Pequeña empresa",
                                  "mediana": "Mediana empresa", "grande": "Gran empresa"}[r.size_class])
    disagree = len({c.size_class for c in r.criteria}) > 1
    assert ("criteria_disagree" in [n.code for n in r.notes]) == disagree


@settings(max_examples=100, deadline=None)
@given(country=countries, s=st.integers(min_value=0, max_value=10_000_000))
def test_int_and_decimal_money_agree(country, s):
    assert classify(country, _figures(None, s, s)).size_class == \
        classify(country, _figures(None, Decimal(s), Decimal(s))).size_class
