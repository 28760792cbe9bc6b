"""Use cases of the readiness assessment: draft, answer, score, complete, read back.

The interview writes every answer through :func:`save_answer` as it is given,
so the draft in the database is always what the adviser last saw. Completing
scores the stored answers with the engine (:func:`desktop.domain.assessment.score`),
stores the result JSON and its summary columns, and caches stage and band on
the firm (``db.assessments.complete_assessment`` does both in one transaction).

The GUI and the CLI call these functions; none of them touches Qt.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from db import advisory as advisory_repo
from db import assessments as repo
from db import firms as firm_repo
from db.connection import Storage
from desktop.domain.advisory.plan import FOLLOW_UP_KEY, OPEN_STATUSES
from desktop.domain.assessment import (
    AdviceNote,
    Answer,
    AssessmentResult,
    FirmContext,
    Question,
    Questionnaire,
    Recommendation,
    WhyItem,
    advice_notes,
    load_questionnaire,
    recommend,
    result_from_dict,
    result_to_dict,
    score,
    shipped_questionnaire,
    why_internationalize,
)
from desktop.domain.assessment.scoring import applies, normalise
from desktop.domain.assessment.stage import firm_facts
from desktop.domain.errors import UserError
from desktop.services import settings as settings_service

__all__ = [
    "questionnaire", "questionnaire_of", "firm_context", "start_draft", "get_assessment",
    "assessments_of_firm", "load_answers", "scorable", "save_answer", "visible_questions", "preview",
    "complete", "result_of", "recommendations_for", "advice_firm", "advice_year", "notes_for", "why_for", "scoring_questionnaire", "centre_parameters", "delete_draft", "completed_history", "key_figures", "recent_assessments",
]


@lru_cache(maxsize=1)
def questionnaire() -> Questionnaire:
    """The shipped questionnaire (loaded once)."""
    return load_questionnaire()


def questionnaire_of(assessment: dict) -> Questionnaire:
    """The questionnaire an assessment was started with.

    Raises:
        UserError: the assessment names a questionnaire this Rumbo does not ship.
    """
    current = questionnaire()
    found = shipped_questionnaire(assessment["questionnaire_version"]) if assessment["questionnaire_id"] == current.id else None
    if found is None:
        raise UserError(
            f"La evaluación usa el cuestionario {assessment['questionnaire_id']} "
            f"{assessment['questionnaire_version']}, que esta versión de Rumbo no tiene.")
    return found if found.version != current.version else current


def firm_context(firm: dict) -> FirmContext:
    """What the engine needs to know about a stored firm."""
    def money(name: str) -> Decimal | None:
        value = firm.get(name)
        return None if value is None else Decimal(value)

    return FirmContext(
        country=firm.get("country"),
        size_class=firm.get("size_class"),
        sector_isic=firm.get("sector_isic"),
        employees=firm.get("employees"),
        sales_usd=money("sales_usd"),
        exports_usd=money("exports_usd"),
        formal_registration=firm.get("formal_registration"),
        name=firm.get("legal_name") or "",
        year_founded=firm.get("year_founded"),
    )


def _firm(storage: Storage, firm_id: str) -> dict:
    firm = firm_repo.get_firm(storage, firm_id, include_deleted=False)
    if firm is None:
        raise UserError("La empresa no existe o fue eliminada.", field="firm")
    return firm


def start_draft(storage: Storage, firm_id: str, adviser_id: str | None) -> dict:
    """Open a new draft assessment of a firm with the shipped questionnaire."""
    _firm(storage, firm_id)
    q = questionnaire()
    return repo.start_assessment(storage, firm_id, q.id, q.version, adviser_id, adviser_id)


def get_assessment(storage: Storage, assessment_id: str) -> dict:
    """A live assessment by id.

    Raises:
        UserError: there is no such assessment (or it was deleted).
    """
    row = repo.get_assessment(storage, assessment_id, include_deleted=False)
    if row is None:
        raise UserError("La evaluación no existe o fue eliminada.", field="assessment")
    return row


def assessments_of_firm(storage: Storage, firm_id: str) -> list[dict]:
    """A firm's live assessments, oldest first (drafts and completed)."""
    return repo.assessments_of(storage, firm_id)


def _answer(row: dict) -> Answer:
    return Answer(value=None if row["special"] else row["value"], code=row["special"],
                  evidence=row["evidence"] or "declarado", note=row["note"] or "")


def load_answers(storage: Storage, assessment_id: str) -> dict[str, Answer]:
    """The stored answers of an assessment (question id -> Answer).

    An entry may have neither value nor code: a note or evidence saved before
    the answer itself. :func:`scorable` leaves those out.
    """
    return {row["question_id"]: _answer(row) for row in repo.answers_of(storage, assessment_id)}


def scorable(answers: dict[str, Answer]) -> dict[str, Answer]:
    """The answers that carry a value or a special code (what the engine scores)."""
    return {qid: a for qid, a in answers.items() if not (a.answered and a.value is None)}


def _storable(question: Question, value: Any) -> Any:
    # Numbers go to JSON as text so 12.5 stays exactly 12.5; choices as lists.
    value = normalise(question, value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def save_answer(storage: Storage, assessment_id: str, question_id: str, answer: Answer | None,
                adviser_id: str | None) -> None:
    """Save one answer of a draft at once (None removes it).

    Raises:
        UserError: the question is unknown, the value does not fit it, or the
            assessment is already completed; nothing is written.
    """
    q = questionnaire_of(get_assessment(storage, assessment_id))
    question = q.question(question_id)
    if question is None:
        raise UserError(f"La pregunta «{question_id}» no existe en el cuestionario.", field=question_id)
    if answer is None:
        repo.clear_answer(storage, assessment_id, question_id, adviser_id)
        return
    if answer.code is not None or answer.value is None:
        # A note or evidence typed before the answer is kept too (value None).
        repo.save_answer(storage, assessment_id, question_id, adviser_id, special=answer.code,
                         evidence=answer.evidence, note=answer.note or None)
        return
    repo.save_answer(storage, assessment_id, question_id, adviser_id, value=_storable(question, answer.value),
                     evidence=answer.evidence, note=answer.note or None)


def visible_questions(q: Questionnaire, firm: FirmContext, answers: dict[str, Answer]) -> set[str]:
    """Ids of the questions that apply to this firm given the answers so far."""
    clean = {}
    for qid, a in answers.items():
        question = q.question(qid)
        if question is None:
            continue
        if a.answered:
            try:
                clean[qid] = Answer(normalise(question, a.value), None, a.evidence, a.note)
            except UserError:
                continue
        else:
            clean[qid] = a
    facts = firm_facts(firm, clean)
    values = {qid: a.value for qid, a in clean.items() if a.answered}
    return {question.id for question in q.questions if applies(question, facts, values)}


def scoring_questionnaire(storage: Storage, q: Questionnaire) -> Questionnaire:
    """``q`` with the centre's weights, bands and thresholds (Configuración), when it set any.

    Only the current questionnaire takes them: an older version keeps its own, since its
    dimensions may differ. Every result stores the parameters it was computed with.
    """
    overrides = settings_service.get_setting(storage, "assessment_parameters") or {}
    if not overrides or q.version != questionnaire().version:
        return q
    return q.with_parameters(overrides)


def centre_parameters(storage: Storage) -> Questionnaire:
    """The current questionnaire as this centre scores it (for Configuración and the reports)."""
    return scoring_questionnaire(storage, questionnaire())


def preview(storage: Storage, assessment_id: str) -> AssessmentResult:
    """Score a draft's answers as they stand, without storing anything."""
    assessment = get_assessment(storage, assessment_id)
    firm = _firm(storage, assessment["firm_id"])
    q = scoring_questionnaire(storage, questionnaire_of(assessment))
    # Answers to questions hidden by later answers are left out (with a note), not refused.
    return score(q, scorable(load_answers(storage, assessment_id)), firm_context(firm), ignore_inapplicable=True)


def complete(storage: Storage, assessment_id: str, adviser_id: str | None) -> AssessmentResult:
    """Score a draft and store it as completed; the firm's stage and band follow.

    Raises:
        UserError: the assessment is already completed or does not exist.
    """
    result = preview(storage, assessment_id)
    with storage.write():
        repo.complete_assessment(storage, assessment_id, result_to_dict(result), adviser_id,
                                 readiness_index=result.index, band=result.band,
                                 stage=result.stage.code, profile=result.profile.code)
        _follow_up_done(storage, get_assessment(storage, assessment_id), adviser_id)
    return result


def _follow_up_done(storage: Storage, assessment: dict, adviser_id: str | None) -> None:
    """A completed assessment is the follow-up the earlier plans were waiting for: their «repeat the
    assessment» items are done (issue 37), on this assessment's day."""
    day = (assessment["completed_at"] or "")[:10]
    for item in advisory_repo.of_firm(storage, advisory_repo.PLAN, assessment["firm_id"]):
        if item.get("source_key") == FOLLOW_UP_KEY and item["status"] in OPEN_STATUSES \
                and item["created_at"] < (assessment["completed_at"] or ""):
            advisory_repo.update(storage, advisory_repo.PLAN, item["id"], {"status": "hecho", "status_on": day},
                                 adviser_id)


def result_of(storage: Storage, assessment_id: str) -> AssessmentResult:
    """The stored result of a completed assessment.

    Raises:
        UserError: the assessment is still a draft.
    """
    assessment = get_assessment(storage, assessment_id)
    if assessment["status"] != "completed" or not assessment["result"]:
        raise UserError("La evaluación todavía es un borrador: termínela para ver sus resultados.")
    return result_from_dict(assessment["result"])


def advice_firm(result: AssessmentResult, firm: dict | None = None) -> FirmContext:
    """The firm as the advice sees it: as stored with the result, plus what an older result lacks.

    Results stored before the year of foundation was kept with them get it from
    the firm's record, so early-stage finance is still judged on the firm's age.
    """
    context = result.firm
    if firm is not None and context.year_founded is None and firm.get("year_founded") is not None:
        context = replace(context, year_founded=int(firm["year_founded"]))
    if firm is not None and context.size_class is None and firm.get("size_class"):
        context = replace(context, size_class=firm["size_class"])
    return context


def advice_year(assessment: dict | None) -> int | None:
    """The year an assessment was completed (the firm's age is counted to it); None for today."""
    done = (assessment or {}).get("completed_at") or ""
    return int(done[:4]) if done[:4].isdigit() else None


def recommendations_for(result: AssessmentResult, limit: int = 6, *, firm: dict | None = None,
                        year: int | None = None) -> list[Recommendation]:
    """The support instruments the engine recommends for a result.

    Args:
        firm: the firm's record, for facts an older result lacks (year founded).
        year: the year of the assessment (defaults to this year).
    """
    return recommend(result, advice_firm(result, firm), limit=limit, year=year)


def notes_for(result: AssessmentResult, firm: dict | None = None) -> tuple[AdviceNote, ...]:
    """What the advice says besides the instruments: a large firm's sentence, or no profile and what to ask."""
    return advice_notes(result, advice_firm(result, firm))


def why_for(result: AssessmentResult, firm: dict | None = None, year: int | None = None) -> tuple[WhyItem, ...]:
    """The study's reasons to internationalize (and risks) that fit the firm."""
    return why_internationalize(result, advice_firm(result, firm), year=year)


def delete_draft(storage: Storage, assessment_id: str, adviser_id: str | None) -> None:
    """Delete a draft (a tombstone); completed assessments are kept.

    Raises:
        UserError: the assessment is completed.
    """
    if get_assessment(storage, assessment_id)["status"] != "draft":
        raise UserError("Solo se pueden eliminar borradores; una evaluación terminada se conserva.")
    repo.delete_assessment(storage, assessment_id, adviser_id)


def completed_history(storage: Storage, firm_id: str) -> list[tuple[dict, AssessmentResult]]:
    """A firm's completed assessments with their results, oldest first."""
    done = [a for a in repo.assessments_of(storage, firm_id) if a["status"] == "completed" and a["result"]]
    done.sort(key=lambda a: (a["completed_at"], a["id"]))
    return [(a, result_from_dict(a["result"])) for a in done]


KEY_FIGURES = ("employees", "sales_usd", "exports_usd")


def key_figures(storage: Storage, firm_id: str) -> list[dict]:
    """The firm's employees, sales and exports (USD) after each change that touched them.

    Read from the firm's change history, so every figure ever recorded shows,
    with the date it was recorded: ``[{"date": "YYYY-MM-DD", "employees": ..., ...}]``.
    """
    from desktop.services.registry.firms import firm_history

    current = {name: None for name in KEY_FIGURES}
    points = []
    for entry in firm_history(storage, firm_id):
        touched = [c for c in entry.changes if c.field in KEY_FIGURES]
        if not touched:
            continue
        for change in touched:
            current[change.field] = change.new
        point = {"date": entry.changed_at[:10], **current}
        if points and points[-1]["date"] == point["date"]:
            points[-1] = point  # several edits on one day: the day's last figures
        else:
            points.append(point)
    return points


def recent_assessments(storage: Storage, status: str | None = None, adviser_id: str | None = None,
                       limit: int = 500) -> list[dict]:
    """Assessments of every firm, newest first, with the firm's name ("draft" / "completed" / None for both)."""
    from db.queries.dashboard import assessment_list

    return assessment_list(storage, status, adviser_id, limit)
