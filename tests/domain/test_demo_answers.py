"""Demo answers: valid for the engine, consistent with the firm, deterministic."""

import random
from decimal import Decimal

import pytest

from desktop.domain.assessment import NO_SABE, FirmContext, load_questionnaire, score
from desktop.domain.demo.answers import demo_answers, initial_readiness

Q = load_questionnaire()

FIRMS = [
    FirmContext(country="SV", size_class="micro", sector_isic="4711", employees=3, sales_usd=Decimal(20000),
                exports_usd=Decimal(0), formal_registration=False),
    FirmContext(country="GT", size_class="mediana", sector_isic="1071", employees=60, sales_usd=Decimal(3_000_000),
                exports_usd=Decimal(400_000), formal_registration=True),
    FirmContext(country="CR", size_class="pequena", sector_isic="6201", employees=15),
]


@pytest.mark.parametrize("firm", FIRMS)
def test_answers_pass_the_engine_for_many_seeds(firm):
    for seed in range(60):
        rng = random.Random(seed)
        answers = demo_answers(Q, firm, rng, initial_readiness(firm, rng))
        result = score(Q, answers, firm)  # strict: refuses answers to questions that do not apply
        assert result.stage.code is not None
        assert len(answers) >= 40


def test_export_mode_and_registration_agree_with_the_firm():
    local, exporter = FIRMS[0], FIRMS[1]
    for seed in range(40):
        rng = random.Random(seed)
        answers = demo_answers(Q, exporter, rng, 0.5)
        assert answers["exp.modo_actual"].value in ("directo_ocasional", "directo_regular")
        assert answers["for.registro"].value is True
        assert "can.postventa" in answers  # applies to direct exporters
        answers = demo_answers(Q, local, rng, 0.5)
        assert answers["exp.modo_actual"].value in ("solo_local", "indirecto")
        assert answers["for.registro"].value is False
        assert "can.postventa" not in answers
        assert "cal.registro_sanitario" not in answers  # a shop is not agro-food


def test_some_answers_are_no_sabe_and_some_backed_by_documents():
    firm = FIRMS[1]
    every = [a for seed in range(30) for a in demo_answers(Q, firm, random.Random(seed), 0.6).values()]
    no_sabe = sum(a.code == NO_SABE for a in every)
    documents = sum(a.evidence == "documento" for a in every)
    assert 0 < no_sabe < len(every) * 0.1
    assert len(every) * 0.05 < documents < len(every) * 0.4


def test_readier_firms_score_higher_on_average():
    firm = FIRMS[2]
    def mean_index(readiness):
        results = [score(Q, demo_answers(Q, firm, random.Random(s), readiness), firm) for s in range(30)]
        return sum(r.index for r in results) / len(results)
    assert mean_index(0.8) > mean_index(0.2) + 20


def test_same_seed_same_answers():
    firm = FIRMS[1]
    assert demo_answers(Q, firm, random.Random(7), 0.4) == demo_answers(Q, firm, random.Random(7), 0.4)
