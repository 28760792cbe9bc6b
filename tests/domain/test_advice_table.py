"""docs/advice-table.md is generated from the catalogue and must match it; the catalogue's advice data is whole."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from desktop.domain.assessment import load_questionnaire
from desktop.domain.assessment.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("advice_table", ROOT / "tools" / "advice_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_advice_table_in_docs_matches_a_fresh_run():
    tool = _tool()
    fresh = tool.render(load_catalog())
    assert (ROOT / "docs" / "advice-table.md").read_text(encoding="utf-8") == fresh, \
        "docs/advice-table.md is stale: run python3 tools/advice_table.py"
    assert tool.main(["--check"]) == 0


def test_pairings_by_level_are_counted_on_the_page():
    tool = _tool()
    catalog = load_catalog()
    counts = tool.pairing_counts(catalog)
    assert counts["estudio"] + counts["centro"] == len(catalog.pairings())
    assert counts == {"estudio": 11, "centro": 10}
    page = tool.render(catalog)
    assert "Parejas en el catálogo: 21; del estudio: 11; del centro: 10." in page
    # every study pairing is printed with its quote and section, every centre pairing with its reason
    for seg, pairing in catalog.pairings():
        if pairing.level == "estudio":
            assert f"«{pairing.basis.quote}» (CEPAL 2013, {pairing.basis.section})" in page
        else:
            assert pairing.basis.centre.es in page


def test_catalogue_advice_data_is_consistent_with_the_questionnaire():
    catalog = load_catalog()
    questionnaire = load_questionnaire()
    dimension_of = {q.id: d.id for d in questionnaire.dimensions for q in d.questions}
    knock_outs = {q.id for q in questionnaire.questions if q.knock_out}
    for inst in catalog.instruments:
        for qid in inst.gap_questions:  # a gap question lies in a dimension the instrument addresses
            assert dimension_of.get(qid) in inst.gaps, (inst.id, qid)
        assert set(inst.fixes) <= knock_outs, inst.id
        for cond in inst.requires:
            assert cond["why"].es.endswith(".") and cond["why"].en.endswith("."), inst.id
    for pre in catalog.preconditions:
        assert set(pre.fixes) <= knock_outs
    fixed = {q for inst in catalog.instruments for q in inst.fixes} | {q for p in catalog.preconditions for q in p.fixes}
    assert fixed == knock_outs  # every knock-out names its fix
    assert catalog.version == "3.0.0"
