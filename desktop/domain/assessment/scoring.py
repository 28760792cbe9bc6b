"""Scoring: answers -> points -> dimension scores -> readiness index -> band.

All arithmetic uses :class:`fractions.Fraction`; values are rounded once, half up,
when they leave this module (scores, index and coverage to one decimal, points
to two), so a hand-worked example gives the same digits.

Rules (documented here because an adviser may ask):

* A question earns ``weight x fraction``; the fraction comes from its type
  (see questionnaire.py). A dimension's score is ``100 x earned / answered
  weight`` over its answered, applicable questions.
* Coverage = answered weight / applicable weight. "no_aplica" removes the
  question from both; "no_sabe", "prefiere_no_responder" and a missing answer
  stay in the applicable weight only. Below the questionnaire's
  ``coverage_threshold`` (50 %) the dimension is "sin_datos_suficientes".
* The index is the weighted mean of the scored dimensions; the band comes from
  the rounded index. Below ``index_threshold`` of overall coverage there is no
  index and no band: the result is incomplete, and ``to_ask`` lists the
  questions to ask next time. Overall coverage is the weighted mean of the dimensions'
  coverage; below ``provisional_threshold`` (70 %) the result is provisional.
* A knock-out that fires caps the band at its ``cap``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from desktop.domain.assessment.model import (
    DIM_NO_APLICA,
    EVIDENCE_KINDS,
    LABELS,
    NO_APLICA,
    OK,
    SIN_DATOS,
    SPECIAL_CODES,
    Answer,
    AssessmentResult,
    Contribution,
    Derivation,
    DimensionScore,
    FirmContext,
    KnockOutHit,
    Text,
)
from desktop.domain.assessment.questionnaire import BANDS, Condition, Question, Questionnaire
from desktop.domain.assessment.stage import MODE_QUESTION, NO_PROFILE_REASON, derive_profile, derive_stage, firm_facts
from desktop.domain.errors import UserError

YES_NO_TEXT = {True: Text("Sí", "Yes"), False: Text("No", "No")}


def round_half_up(value: Fraction, places: int = 1) -> Decimal:
    """Round an exact fraction half up (away from zero for ties) to ``places`` decimals."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    result = Decimal(whole).scaleb(-places)
    return -result if value < 0 else result


def _frac(value: Decimal) -> Fraction:
    return Fraction(value)


def normalise(question: Question, value) -> object:
    """Check an answer value against its question and return it in canonical form.

    Raises:
        UserError: the value has the wrong kind or is out of range; names the question.
    """
    qid = question.id
    if question.type == "yes_no":
        if not isinstance(value, bool):
            raise UserError(f"La respuesta a «{qid}» debe ser sí o no (true o false).", field=qid)
        return value
    if question.type == "level":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
            raise UserError(f"La respuesta a «{qid}» debe ser un nivel entero del 0 al 4.", field=qid)
        return value
    if question.type == "number":
        try:
            if isinstance(value, bool):
                raise ValueError
            number = Decimal(str(value))
            if not number.is_finite():
                raise ValueError
        except (ValueError, ArithmeticError):
            raise UserError(f"La respuesta a «{qid}» debe ser un número.", field=qid) from None
        if number < question.minimum or (question.maximum is not None and number > question.maximum):
            top = f" y {question.maximum}" if question.maximum is not None else " o más"
            raise UserError(f"La respuesta a «{qid}» está fuera de rango: debe estar entre {question.minimum}{top}.", field=qid)
        return number
    if question.type == "single_choice":
        if not isinstance(value, str) or question.option(value) is None:
            valid = ", ".join(o.id for o in question.options)
            raise UserError(f"La respuesta a «{qid}» no es una opción válida (opciones: {valid}).", field=qid)
        return value
    # multi_choice
    if not isinstance(value, (list, tuple)) or any(not isinstance(v, str) or question.option(v) is None for v in value):
        valid = ", ".join(o.id for o in question.options)
        raise UserError(f"La respuesta a «{qid}» debe ser una lista de opciones válidas (opciones: {valid}).", field=qid)
    if len(set(value)) != len(value):
        raise UserError(f"La respuesta a «{qid}» repite una opción.", field=qid)
    # Canonical order: the questionnaire's, so equal answers compare equal.
    return tuple(o.id for o in question.options if o.id in value)


def fraction(question: Question, value) -> Fraction:
    """The share 0..1 of the question's weight that a (normalised) value earns."""
    if question.type == "yes_no":
        good = value != question.inverted
        return Fraction(1) if good else Fraction(0)
    if question.type == "level":
        return Fraction(value, 4)
    if question.type == "number":
        points = 0
        for band in question.bands:
            if value >= band.lower:
                points = band.score
        return Fraction(points, 100)
    if question.type == "single_choice":
        return Fraction(question.option(value).score, 100)
    return Fraction(min(100, sum(question.option(v).score for v in value)), 100)


def answer_text(question: Question, answer: Answer) -> Text:
    """How an answer reads in a report, in both languages."""
    if not answer.answered:
        return LABELS["code"][answer.code]
    value = answer.value
    if question.type == "yes_no":
        return YES_NO_TEXT[bool(value)]
    if question.type == "level":
        d = question.levels[value]
        return Text(f"Nivel {value}: {d.es}", f"Level {value}: {d.en}")
    if question.type == "number":
        unit = question.unit or Text("", "")
        return Text(f"{value} {unit.es}".strip(), f"{value} {unit.en}".strip())
    if question.type == "single_choice":
        return question.option(value).label
    if not value:
        return Text("Ninguna", "None")
    labels = [question.option(v).label for v in value]
    return Text("; ".join(t.es for t in labels), "; ".join(t.en for t in labels))


def holds(condition: Condition, subject) -> bool:
    """Whether ``condition`` holds for ``subject``; an unknown subject (None) holds."""
    if subject is None:
        return True
    op, target = condition.op, condition.value
    if op == "eq":
        return subject == target
    if op == "in":
        if isinstance(subject, tuple):  # a multi-choice answer: any chosen option
            return any(s in target for s in subject)
        return subject in target
    try:
        left, right = Decimal(str(subject)), Decimal(str(target))
    except ArithmeticError:
        return False
    return left < right if op == "lt" else left >= right


def applies(question: Question, facts: dict, values: dict) -> bool:
    """Whether every ``applies_if`` condition of ``question`` holds."""
    for cond in question.applies_if:
        subject = facts.get(cond.fact) if cond.fact else values.get(cond.question)
        if not holds(cond, subject):
            return False
    return True


def _check(questionnaire: Questionnaire, answers: dict[str, Answer]) -> dict[str, Answer]:
    """Validate every answer and return them with canonical values."""
    clean: dict[str, Answer] = {}
    for qid, answer in answers.items():
        question = questionnaire.question(qid)
        if question is None:
            raise UserError(f"La pregunta «{qid}» no existe en el cuestionario {questionnaire.id} {questionnaire.version}.", field=qid)
        if not isinstance(answer, Answer):
            raise UserError(f"La respuesta a «{qid}» no tiene el formato esperado.", field=qid)
        if answer.evidence not in EVIDENCE_KINDS:
            raise UserError(f"La evidencia de «{qid}» debe ser «declarado» o «documento».", field=qid)
        if answer.code is not None:
            if answer.code not in SPECIAL_CODES:
                raise UserError(f"El código de «{qid}» debe ser uno de: {', '.join(SPECIAL_CODES)}.", field=qid)
            if answer.value is not None:
                raise UserError(f"La respuesta a «{qid}» no puede tener a la vez un valor y el código «{answer.code}».", field=qid)
            clean[qid] = answer
        else:
            if answer.value is None:
                raise UserError(f"La respuesta a «{qid}» está vacía: indique un valor o «no_sabe».", field=qid)
            clean[qid] = replace(answer, value=normalise(question, answer.value))
    return clean


def _band(questionnaire: Questionnaire, index: Decimal) -> str:
    band = questionnaire.band_cutoffs[0][0]
    for name, lower in questionnaire.band_cutoffs:
        if index >= lower:
            band = name
    return band


def _score_dimension(dimension, questionnaire, answers, facts, values, ignore_inapplicable, notes):
    applicable = answered = earned = Fraction(0)
    rows = []  # (question, status, answer, points fraction or None)
    for q in dimension.questions:
        answer = answers.get(q.id)
        if not applies(q, facts, values):
            if answer is not None and answer.answered:
                if not ignore_inapplicable:
                    raise UserError(f"La pregunta «{q.id}» no aplica a esta empresa y no debe responderse.", field=q.id)
                notes.append(Text(f"Se dejó fuera la respuesta a «{q.id}», que no aplica a esta empresa.",
                                  f"The answer to «{q.id}», which does not apply to this firm, was left out."))
            rows.append((q, "not_applicable", None, None))
            continue
        if not q.scored:  # asked for context: shapes the advice, earns no points
            rows.append((q, "context", answer if answer is not None and answer.answered else None, None))
            continue
        if answer is not None and answer.code == NO_APLICA:
            rows.append((q, NO_APLICA, answer, None))
            continue
        w = _frac(q.weight)
        applicable += w
        if answer is None:
            rows.append((q, "unanswered", None, None))
        elif not answer.answered:
            rows.append((q, answer.code, answer, None))
        else:
            pts = w * fraction(q, answer.value)
            answered += w
            earned += pts
            rows.append((q, "answered", answer, pts))
    if applicable == 0:
        status, coverage, exact = DIM_NO_APLICA, Fraction(0), None
    else:
        coverage = answered / applicable
        if coverage < _frac(questionnaire.coverage_threshold):
            status, exact = SIN_DATOS, None
        else:
            status, exact = OK, 100 * earned / answered
    contributions = tuple(
        Contribution(
            question_id=q.id,
            question=q.text,
            status=st,
            answer_text=answer_text(q, a) if a is not None else None,
            weight=q.weight,
            points=round_half_up(pts, 2) if pts is not None else None,
            max_points=q.weight if pts is not None else None,
            share=round_half_up(100 * pts / answered, 2) if pts is not None and status == OK else None,
            evidence=a.evidence if a is not None and a.answered else None,
        )
        for q, st, a, pts in rows
    )
    score = DimensionScore(
        dimension_id=dimension.id,
        title=dimension.title,
        weight=dimension.weight,
        score=round_half_up(exact) if exact is not None else None,
        coverage=round_half_up(100 * coverage),
        status=status,
        contributions=contributions,
    )
    return score, exact, coverage, applicable > 0


def score_answers(questionnaire: Questionnaire, answers: dict[str, Answer], firm: FirmContext,
                  *, ignore_inapplicable: bool = False, rescored_from: str | None = None,
                  notes: tuple[Text, ...] = ()) -> AssessmentResult:
    """Score ``answers`` for ``firm``; see :func:`desktop.domain.assessment.score`."""
    clean = _check(questionnaire, answers)
    facts = firm_facts(firm, clean)
    values = {qid: a.value for qid, a in clean.items() if a.answered}
    note_list = list(notes)
    dims, weighted, total_w, cov_sum, cov_w = [], Fraction(0), Fraction(0), Fraction(0), Fraction(0)
    for dimension in questionnaire.dimensions:
        dscore, exact, coverage, has_applicable = _score_dimension(
            dimension, questionnaire, clean, facts, values, ignore_inapplicable, note_list)
        dims.append(dscore)
        dw = _frac(dimension.weight)
        if has_applicable:
            cov_sum += dw * coverage
            cov_w += dw
        if exact is not None:
            weighted += dw * exact
            total_w += dw
    coverage = cov_sum / cov_w if cov_w else Fraction(0)
    enough = coverage >= _frac(questionnaire.index_coverage)
    index = round_half_up(weighted / total_w) if total_w and enough else None
    band_uncapped = _band(questionnaire, index) if index is not None else None
    hits = []
    for q in questionnaire.questions:
        a = clean.get(q.id)
        if q.knock_out and a is not None and a.answered and applies(q, facts, values) and holds(q.knock_out.condition, a.value):
            hits.append(KnockOutHit(q.id, q.knock_out.cap, q.knock_out.reason))
    band = band_uncapped
    if band is not None:
        for hit in hits:
            band = min(band, hit.cap, key=BANDS.index)
    mode_question = questionnaire.question(MODE_QUESTION)
    mode_labels = {o.id: o.label for o in mode_question.options} if mode_question else None
    stage = derive_stage(firm, clean, mode_labels)
    if index is None:
        # Below the questionnaire's minimum of answers no verdict is given: no index, no band, no profile.
        profile = Derivation(None, (NO_PROFILE_REASON,))
    else:
        profile = derive_profile(firm, clean, stage.code, tuple(dims))
    if values.get("exp.modo_actual") == "solo_local" and firm.exports_usd:
        note_list.append(Text("Las respuestas dicen que solo vende en el mercado nacional, pero los datos de la empresa registran exportaciones.",
                              "The answers say the firm sells only at home, but the firm's data record exports."))
    answered = [a for qid, a in clean.items() if a.answered and applies(questionnaire.question(qid), facts, values)]
    documented = sum(1 for a in answered if a.evidence == "documento")
    return AssessmentResult(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        dimensions=tuple(dims),
        index=index,
        band=band,
        band_uncapped=band_uncapped,
        coverage=round_half_up(100 * coverage),
        provisional=index is None or coverage < _frac(questionnaire.provisional_threshold),
        knock_outs=tuple(hits),
        stage=stage,
        profile=profile,
        document_share=round_half_up(Fraction(100 * documented, len(answered))) if answered else None,
        answers=dict(clean),
        firm=firm,
        notes=tuple(note_list),
        rescored_from=rescored_from,
        to_ask=_to_ask(questionnaire, dims, index is None),
        parameters=questionnaire.parameters(),
    )


def _to_ask(questionnaire: Questionnaire, dims: list[DimensionScore], incomplete: bool) -> tuple[str, ...]:
    """Unanswered applicable questions of the dimensions without enough data (of every dimension
    when the whole result is incomplete), heaviest first within each dimension."""
    wanted = []
    for dim in dims:
        if dim.status != SIN_DATOS and not (incomplete and dim.status == OK):
            continue
        open_ = [c for c in dim.contributions if c.status in ("unanswered", "no_sabe", "prefiere_no_responder")]
        open_.sort(key=lambda c: -c.weight)
        wanted += [c.question_id for c in open_]
    return tuple(wanted)


def rescore_result(old: AssessmentResult, questionnaire: Questionnaire) -> AssessmentResult:
    """Score ``old``'s answers against ``questionnaire``; see assessment.rescore."""
    if questionnaire.id != old.questionnaire_id:
        raise UserError(f"No se puede volver a puntuar con el cuestionario «{questionnaire.id}»: la evaluación usó «{old.questionnaire_id}».")
    kept, notes = {}, []
    for qid, answer in old.answers.items():
        if questionnaire.question(qid) is None:
            notes.append(Text(f"La pregunta «{qid}» ya no existe en la versión {questionnaire.version}; su respuesta quedó fuera.",
                              f"Question «{qid}» no longer exists in version {questionnaire.version}; its answer was left out."))
        else:
            kept[qid] = answer
    return score_answers(questionnaire, kept, old.firm, ignore_inapplicable=True,
                         rescored_from=old.questionnaire_version, notes=tuple(notes))
