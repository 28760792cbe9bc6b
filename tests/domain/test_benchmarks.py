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


# The study's groups (CEPAL, 2008, cited in I.B): mining, electricity and financial services high; industry and
# transport medium; agriculture, construction, commerce and community, social and personal services low. Sections
# the study does not name get no group, hence no sentence.
SECTION_LEVELS = {
    "A": "baja", "B": "alta", "C": "media", "D": "alta", "E": None, "F": "baja", "G": "baja", "H": "media",
    "I": None, "J": None, "K": "alta", "L": None, "M": None, "N": None, "O": None, "P": "baja", "Q": "baja",
    "R": "baja", "S": "baja", "T": "baja", "U": None,
}
SHARE = {"alta": "8,1 %", "media": "20 %", "baja": "71,9 %"}
WORDS = {"alta": "mayor productividad", "media": "productividad media", "baja": "baja productividad"}


@pytest.mark.parametrize("section", sorted(SECTION_LEVELS))
def test_every_isic_section_gets_the_study_s_group_or_none(section):
    level = SECTION_LEVELS[section]
    placed = B.sector_level(section)
    sentences = [f.text.es for f in B.facts_for("SV", "pequena", isic=section) if "productividad" in f.text.es]
    if level is None:
        assert placed is None and sentences == []
    else:
        assert placed[0] == level
        (sentence,) = sentences
        assert WORDS[level] in sentence and SHARE[level] in sentence and placed[1].es in sentence


@pytest.mark.parametrize("isic, section", [("1050", "C"), ("0127", "A"), ("3510", "D"), ("4923", "H"),
                                           ("6419", "K"), ("6201", "J"), ("8620", "Q"), ("C", "C"), ("99", "U")])
def test_division_codes_fall_in_their_section(isic, section):
    from desktop.domain.assessment.conditions import isic_section

    assert isic_section(isic) == section


def test_the_issue_s_misplaced_sectors_now_follow_the_study():
    # food manufacturing, transport, electricity, finance and software were all said "baja ... 71,9 %"
    for isic in ("1050", "4923", "3510", "6419", "6201"):
        assert not any("71,9" in f.text.es for f in B.facts_for("SV", "pequena", isic=isic)), isic
    title = B.tables["empleo_por_productividad"]["title"]["es"]
    assert "(2008)" not in title and "CEPAL, 2008, citado" in title  # a citation year, not a data year
    assert not any("vale la pena" in f.text.es for f in B.facts_for("AR", "pequena", isic="1050"))


def test_country_notes_on_credit():
    facts = [f.text.es for f in B.facts_for("BR", "pequena", isic="1050")]
    assert any("trámites burocráticos" in f for f in facts) and any("insuficiencia de garantías" in f for f in facts)
    assert not any("trámites burocráticos" in f.text.es for f in B.facts_for("SV", "pequena", isic="1050"))
