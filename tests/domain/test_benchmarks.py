"""Benchmark tables: figures copied exactly, bounds kept as bounds."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from desktop.domain.assessment.benchmarks import load_benchmarks
from desktop.domain.errors import DataFileError
from desktop.resources import resource_path

B = load_benchmarks()


def test_exporting_share_by_size_and_region():
    small = B.exporting_share("pequena")
    assert small.value == Decimal("9.1") and small.citation == "OCDE y CEPAL, 2012" and small.text("es") == "9,1 %"
    assert B.exporting_share("grande", "asia_oriental").value == Decimal("50.2")
    assert B.exporting_share("micro") is None  # Cuadro 8 shows no micro-firms


def test_other_tables():
    assert B.firm_share("PE", "grande").value == Decimal("0.02")
    assert B.relative_productivity("CL", "micro").value == Decimal("3")
    bound = B.pyme_share("SV", "exportaciones")
    assert (bound.value, bound.qualifier, bound.text("en")) == (Decimal("2"), "<", "less than 2 %")
    assert B.pyme_share("UY", "ventas") is None  # n.d.


def test_context_for_a_small_salvadoran_firm():
    tables = [v.table for v in B.context_for("SV", "pequena")]
    assert tables == ["cuadro_8", "cuadro_3"]


def test_malformed_benchmarks_refused(tmp_path):
    data = json.loads(resource_path("benchmarks", "cepal-2013.json").read_text(encoding="utf-8"))
    data["tables"]["cuadro_8"]["rows"]["america_latina"].pop()
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="america_latina"):
        load_benchmarks(path)
