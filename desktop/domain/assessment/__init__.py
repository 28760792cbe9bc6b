"""The readiness assessment: questionnaire, scoring, stage and profile, explanations,
recommendations, the instrument catalogue and the benchmark tables.

Lives here: ``model`` (the shared values, at the bottom), the engines that import it,
and this face, which callers import. Imports only ``desktop.domain`` base modules
(errors, text, datafiles) and ``desktop.resources``.
"""

from __future__ import annotations

from typing import Any

from desktop.domain.assessment.advice import advice_notes, questions_to_ask, shown_profile, why_internationalize
from desktop.domain.assessment.explain import compare_results, from_dict, parse_answers, to_dict
from desktop.domain.assessment.model import (
    DIM_NO_APLICA,
    EVIDENCE_KINDS,
    LABELS,
    LEVELS,
    NO_APLICA,
    NO_SABE,
    OK,
    PREFIERE_NO_RESPONDER,
    PROFILES,
    SECTOR_TYPES,
    SIN_DATOS,
    SIZE_CLASSES,
    SPECIAL_CODES,
    STAGES,
    Answer,
    AdviceNote,
    AssessmentResult,
    Comparison,
    Contribution,
    Derivation,
    DimensionChange,
    DimensionScore,
    FirmContext,
    Basis,
    KnockOutHit,
    Programme,
    Recommendation,
    Trigger,
    WhyItem,
    label,
)
from desktop.domain.assessment.questionnaire import (
    BANDS,
    Dimension,
    Question,
    Questionnaire,
    Text,
    load_questionnaire,
    shipped_questionnaire,
)
from desktop.domain.assessment.recommendations import STRENGTH_FROM
from desktop.domain.assessment.recommendations import recommend as _recommend
from desktop.domain.assessment.scoring import rescore_result, score_answers


def score(
    questionnaire: Questionnaire,
    answers: dict[str, Answer],
    firm: FirmContext,
    *,
    ignore_inapplicable: bool = False,
) -> AssessmentResult:
    """Score a set of answers for one firm.

    Args:
        questionnaire: the questionnaire the answers belong to.
        answers: question id -> Answer. Questions without an entry count as unanswered.
        firm: the firm's data (size, sector, exports ...).
        ignore_inapplicable: when False (default) an answer to a question that does
            not apply to this firm is refused; when True it is left out and noted.

    Raises:
        UserError: an unknown question id, a value of the wrong kind or out of
            range, or an answer to a question that does not apply; the sentence
            names the question.
    """
    return score_answers(questionnaire, answers, firm, ignore_inapplicable=ignore_inapplicable)


def rescore(old: AssessmentResult, questionnaire: Questionnaire) -> AssessmentResult:
    """Score an old assessment's answers against another version of its questionnaire.

    The old result is left as it is; the new one records ``rescored_from``.
    Answers to questions the new version no longer has are left out with a note.

    Raises:
        UserError: the questionnaire has a different id.
    """
    return rescore_result(old, questionnaire)


def recommend(result: AssessmentResult, firm: FirmContext | None = None, catalog=None, *, limit: int = 6,
              year: int | None = None) -> list[Recommendation]:
    """Recommend support instruments for ``result`` (see recommendations.py); ``year`` dates the firm's age."""
    return _recommend(result, firm, catalog, limit=limit, year=year)


def compare(old: AssessmentResult, new: AssessmentResult) -> Comparison:
    """Compare two assessments of the same firm, old first."""
    return compare_results(old, new)


def result_to_dict(result: AssessmentResult) -> dict[str, Any]:
    """A JSON-safe dict of ``result`` (decimals as strings), for storage."""
    return to_dict(result)


def result_from_dict(data: dict[str, Any]) -> AssessmentResult:
    """Rebuild a result written by :func:`result_to_dict`."""
    return from_dict(data)


def answers_from_json(data: Any) -> dict[str, Answer]:
    """Read answers from the documented JSON form (see explain.parse_answers)."""
    return parse_answers(data)


__all__ = [
    "BANDS", "STAGES", "PROFILES", "SPECIAL_CODES", "EVIDENCE_KINDS", "SECTOR_TYPES", "SIZE_CLASSES",
    "NO_SABE", "NO_APLICA", "PREFIERE_NO_RESPONDER", "OK", "SIN_DATOS", "DIM_NO_APLICA",
    "Text", "Questionnaire", "Dimension", "Question", "Answer", "FirmContext",
    "Contribution", "DimensionScore", "KnockOutHit", "Derivation", "AssessmentResult",
    "Programme", "Recommendation", "Trigger", "Basis", "DimensionChange", "Comparison",
    "LABELS", "label", "load_questionnaire", "shipped_questionnaire", "score", "rescore", "recommend", "compare",
    "result_to_dict", "result_from_dict", "answers_from_json",
    "LEVELS", "STRENGTH_FROM", "AdviceNote", "WhyItem", "advice_notes", "why_internationalize", "questions_to_ask",
    "shown_profile",
]
