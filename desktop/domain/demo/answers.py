"""Plausible, made-up interview answers for demo firms.

Each demo firm gets a hidden "readiness" between 0 and 1, drawn from its size
class and export figures (exporters and larger firms are better prepared, as
the source observes), and every answer leans on it: a ready firm tends to say
yes, to pick the better options and the higher maturity levels. The export
mode agrees with the firm's export figure, formal registration with the
firm's record, and only questions that apply to the firm are answered.
A few answers are "no_sabe" and some are backed by a document the adviser saw.

Everything comes from the ``random.Random`` passed in, so a seed gives the
same answers. Nothing here touches a database.
"""

from __future__ import annotations

import random
from decimal import Decimal

from desktop.domain.assessment import NO_SABE, Answer, FirmContext, Question, Questionnaire
from desktop.domain.assessment.scoring import applies
from desktop.domain.assessment.stage import MODE_QUESTION, REGISTRATION_QUESTION, firm_facts

# Share of answers given as "no_sabe" and share of answers backed by a document.
NO_SABE_SHARE = 0.03
DOCUMENT_SHARE = 0.18

# Typical readiness by size class (before exports and chance move it).
BASE_READINESS = {"micro": 0.4, "pequena": 0.52, "mediana": 0.62, "grande": 0.7, "sin_clasificar": 0.42}

# Ranges for the number questions: (low, high) at readiness 0 and at readiness 1.
NUMBER_RANGES = {
    "exp.participacion": ((1, 10), (20, 70)),
    "exp.destinos": ((1, 2), (3, 8)),
    "exp.anios": ((0, 3), (4, 20)),
    "pro.entregas_a_tiempo": ((40, 85), (85, 100)),
}


def initial_readiness(firm: FirmContext, rng: random.Random) -> float:
    """The firm's hidden readiness at its first assessment (0..1)."""
    base = BASE_READINESS.get(firm.size_class or "sin_clasificar", 0.3)
    if firm.exports_usd is not None and firm.exports_usd > 0:
        base += 0.15
    return _clip(base + rng.gauss(0, 0.12), 0.02, 0.95)


def export_mode(firm: FirmContext, rng: random.Random, readiness: float) -> str:
    """The answer to the export-mode question, agreeing with the firm's export figure."""
    if firm.exports_usd is not None and firm.exports_usd > 0:
        return "directo_regular" if rng.random() < 0.3 + 0.5 * readiness else "directo_ocasional"
    # No direct exports recorded: some firms sell abroad through an intermediary.
    return "indirecto" if rng.random() < 0.1 + 0.3 * readiness else "solo_local"


def demo_answers(questionnaire: Questionnaire, firm: FirmContext, rng: random.Random,
                 readiness: float) -> dict[str, Answer]:
    """Answers to every question that applies to ``firm``, in interview order.

    Args:
        questionnaire: the questionnaire to answer.
        firm: what the engine knows about the firm (size, sector, exports ...).
        rng: the source of chance (seeded by the caller).
        readiness: 0..1; higher means better answers on average.
    """
    fixed: dict[str, Answer] = {MODE_QUESTION: Answer(value=export_mode(firm, rng, readiness))}
    if firm.formal_registration is not None:
        fixed[REGISTRATION_QUESTION] = Answer(value=bool(firm.formal_registration))
    # The export mode and the registration decide which questions apply, so
    # they are settled first and every condition is tested against them.
    facts = firm_facts(firm, fixed)
    values = {qid: a.value for qid, a in fixed.items()}
    answers: dict[str, Answer] = {}
    for question in questionnaire.questions:
        if not applies(question, facts, values):
            continue
        answer = fixed.get(question.id)
        if answer is None:
            if rng.random() < NO_SABE_SHARE:
                answers[question.id] = Answer(code=NO_SABE)
                continue
            answer = Answer(value=_value(question, rng, readiness, firm))
        if rng.random() < DOCUMENT_SHARE * (0.5 + readiness):
            answer = Answer(value=answer.value, evidence="documento")
        answers[question.id] = answer
        values[question.id] = answer.value
    return answers


def _value(question: Question, rng: random.Random, readiness: float, firm: FirmContext):
    # Each answer wobbles around the firm's readiness, so firms are uneven.
    level = _clip(readiness + rng.gauss(0, 0.2), 0.0, 1.0)
    if question.type == "yes_no":
        # Most firms that come to a centre invoice and keep their papers in order.
        chance = 0.7 + 0.28 * level if question.dimension == "formalidad" else 0.1 + 0.8 * level
        yes = rng.random() < chance
        return (not yes) if question.inverted else yes
    if question.type == "level":
        return int(round(level * 4))
    if question.type == "single_choice":
        ranked = sorted(question.options, key=lambda o: o.score)
        return ranked[min(len(ranked) - 1, int(level * len(ranked)))].id
    if question.type == "multi_choice":
        return [o.id for o in question.options if rng.random() < 0.05 + 0.55 * level]
    return _number(question, rng, level, firm)


def _number(question: Question, rng: random.Random, level: float, firm: FirmContext) -> int:
    if question.id == "exp.participacion" and firm.exports_usd and firm.sales_usd:
        # The share of sales exported, from the firm's own figures when it has them.
        share = int(Decimal(100) * firm.exports_usd / firm.sales_usd) if firm.sales_usd > 0 else 0
        return max(1, min(100, share))
    (low0, high0), (low1, high1) = NUMBER_RANGES.get(question.id, ((0, 5), (5, 20)))
    low = round(low0 + (low1 - low0) * level)
    high = max(low, round(high0 + (high1 - high0) * level))
    value = rng.randint(low, high)
    if question.minimum is not None:
        value = max(value, int(question.minimum))
    if question.maximum is not None:
        value = min(value, int(question.maximum))
    return value


def _clip(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
