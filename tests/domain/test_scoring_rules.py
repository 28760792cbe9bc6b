"""Scoring rules and properties: applicability, knock-outs, coverage, validation, determinism."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.assessment import (
    NO_SABE,
    SIN_DATOS,
    Answer,
    FirmContext,
    load_questionnaire,
    rescore,
    result_from_dict,
    result_to_dict,
    score,
)
from desktop.domain.assessment.stage import sector_type_for_isic
from desktop.domain.errors import UserError

Q = load_questionnaire()
FIRM = FirmContext(country="SV", size_class="pequena", sector_type="manufactura_tradicional", employees=20)
AGRO = FirmContext(country="SV", size_class="pequena", sector_isic="0111", employees=20)


def value_for(question, level: int):
    """A valid value for ``question``; ``level`` 0..4 picks a point along its scale."""
    if question.type == "yes_no":
        return (level >= 2) != question.inverted
    if question.type == "level":
        return level
    if question.type == "number":
        bands = question.bands
        return bands[min(level, len(bands) - 1)].lower
    if question.type == "single_choice":
        ordered = sorted(question.options, key=lambda o: o.score)
        return ordered[min(level, len(ordered) - 1)].id
    return [o.id for o in question.options[:level]]


def full_answers(firm, level=2):
    """Answer every question that applies to ``firm`` (direct exporter)."""
    answers = {"exp.modo_actual": Answer("directo_regular")}
    from desktop.domain.assessment.scoring import applies
    from desktop.domain.assessment.stage import firm_facts
    facts = firm_facts(firm, answers)
    for q in Q.questions:
        if q.id not in answers and applies(q, facts, {}):
            answers[q.id] = Answer(value_for(q, level))
    return answers


def test_sanitary_questions_only_for_agri_food():
    assert sector_type_for_isic("0111") == "agroalimentario" and sector_type_for_isic("1410") == "manufactura_tradicional"
    manuf = score(Q, full_answers(FIRM), FIRM)
    statuses = {c.question_id: c.status for c in manuf.dimension("calidad").contributions}
    assert statuses["cal.registro_sanitario"] == "not_applicable"
    agro = score(Q, full_answers(AGRO), AGRO)
    statuses = {c.question_id: c.status for c in agro.dimension("calidad").contributions}
    assert statuses["cal.registro_sanitario"] == "answered"


def test_answer_to_hidden_question_is_refused_or_ignored():
    answers = {"exp.modo_actual": Answer("solo_local"), "exp.destinos": Answer(3)}
    with pytest.raises(UserError, match="exp.destinos"):
        score(Q, answers, FIRM)
    result = score(Q, answers, FIRM, ignore_inapplicable=True)
    assert any("exp.destinos" in n.es for n in result.notes)
    assert "exp.destinos" not in [c.question_id for c in result.dimension("experiencia").contributions if c.status == "answered"]


def test_knock_out_caps_band_and_says_why():
    answers = full_answers(FIRM, level=4)
    assert score(Q, answers, FIRM).band == "avanzada"
    answers["for.factura"] = Answer(False)
    result = score(Q, answers, FIRM)
    assert result.band_uncapped == "avanzada" and result.band == "inicial"
    assert result.knock_outs[0].question_id == "for.factura"
    assert "facturar" in result.knock_outs[0].reason.text("es")


def test_sanitary_knock_out_caps_at_en_desarrollo():
    answers = full_answers(AGRO, level=4)
    answers["cal.registro_sanitario"] = Answer(False)
    result = score(Q, answers, AGRO)
    assert result.band == "en_desarrollo" and [k.cap for k in result.knock_outs] == ["en_desarrollo"]


def test_insufficient_coverage_is_not_a_low_score():
    answers = full_answers(FIRM, level=4)
    for qid in ("ges.procedimientos", "ges.tiempo_exportacion"):  # weight 4 of 6 unknown
        answers[qid] = Answer(code=NO_SABE)
    result = score(Q, answers, FIRM)
    gestion = result.dimension("gestion")
    assert gestion.status == SIN_DATOS and gestion.score is None and gestion.coverage == Decimal("33.3")
    assert result.index == Decimal("100.0")  # the other dimensions are all full marks


def test_empty_assessment_is_provisional_without_band():
    result = score(Q, {}, FIRM)
    assert result.index is None and result.band is None and result.provisional
    assert all(d.status == SIN_DATOS for d in result.dimensions)


def test_no_aplica_removes_question_from_coverage():
    answers = full_answers(FIRM)
    answers["ch.idiomas"] = Answer(code="no_aplica")
    dim = score(Q, answers, FIRM).dimension("capital_humano")
    assert dim.coverage == Decimal("100.0")


@pytest.mark.parametrize("qid, value, words", [
    ("nope.question", True, "no existe"),
    ("cal.iso9001", "si", "sí o no"),
    ("ges.delegacion", 5, "0 al 4"),
    ("exp.participacion", 120, "fuera de rango"),
    ("est.seleccion_mercados", "a_veces", "opción válida"),
    ("inn.fuentes_externas", ["clientes", "clientes"], "repite"),
])
def test_bad_answers_name_the_question(qid, value, words):
    answers = {"exp.modo_actual": Answer("directo_regular"), qid: Answer(value)}
    with pytest.raises(UserError) as err:
        score(Q, answers, FIRM)
    assert qid in err.value.message and words in err.value.message


def test_bad_evidence_and_code_refused():
    with pytest.raises(UserError, match="evidencia"):
        score(Q, {"cal.iso9001": Answer(True, evidence="rumor")}, FIRM)
    with pytest.raises(UserError, match="código"):
        score(Q, {"cal.iso9001": Answer(code="quizas")}, FIRM)


def test_round_trip_and_rescore_keep_old_result():
    result = score(Q, full_answers(FIRM, level=3), FIRM)
    again = result_from_dict(json.loads(json.dumps(result_to_dict(result))))
    assert again == result
    newer = rescore(result, Q)
    assert newer.rescored_from == Q.version and newer.index == result.index and result.rescored_from is None


def test_multi_market_stage_needs_three_destinations():
    answers = full_answers(FIRM, level=2)
    answers["exp.destinos"] = Answer(3)
    assert score(Q, answers, FIRM).stage.code == "multi_market"
    answers["exp.destinos"] = Answer(2)
    assert score(Q, answers, FIRM).stage.code == "regular_direct"


def test_stage_from_firm_data_when_mode_unanswered():
    assert score(Q, {}, FirmContext(exports_usd=Decimal(0))).stage.code == "local_only"
    assert score(Q, {}, FirmContext(exports_usd=Decimal(1000))).stage.code == "occasional_direct"
    assert score(Q, {}, FirmContext()).stage.code is None


# --- properties -----------------------------------------------------------

QUESTIONS = [q for q in Q.questions if not q.applies_if and q.id != "exp.modo_actual"]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(QUESTIONS), st.integers(0, 4), st.integers(0, 4), st.integers(0, 4))
def test_improving_one_answer_never_lowers_its_dimension(question, base, a, b):
    answers = full_answers(FIRM, level=base)
    low, high = sorted((a, b))
    answers[question.id] = Answer(value_for(question, low))
    before = score(Q, answers, FIRM)
    answers[question.id] = Answer(value_for(question, high))
    after = score(Q, answers, FIRM)
    assert after.dimension(question.dimension).score >= before.dimension(question.dimension).score


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(QUESTIONS), st.integers(0, 4))
def test_no_sabe_changes_coverage_not_scale(question, level):
    answers = full_answers(FIRM, level=level)
    answers[question.id] = Answer(code=NO_SABE)
    dim = score(Q, answers, FIRM).dimension(question.dimension)
    assert dim.coverage < 100
    if dim.score is not None:
        assert Decimal(0) <= dim.score <= Decimal(100)
        # The remaining answers alone decide the score: full marks stay full marks.
        if level == 4:
            assert dim.score == Decimal("100.0")


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]), st.integers(0, 4), max_size=25))
def test_scoring_is_deterministic(levels):
    answers = {qid: Answer(value_for(Q.question(qid), lvl)) for qid, lvl in levels.items()}
    assert score(Q, answers, FIRM) == score(Q, dict(reversed(list(answers.items()))), FIRM)
