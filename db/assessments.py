"""Assessments and their answers.

An assessment starts as a draft; each answer is saved as the adviser goes
(one row per question, updated in place, so closing the window loses
nothing). Completing it stores the scored result as JSON plus a few summary
columns for the dashboard (readiness index, band, stage, profile), and copies
stage and band onto the firm, whose list shows the latest completed result.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from db import records
from db.clock import now_iso
from db.errors import RecordNotFoundError, guarded
from desktop.domain.errors import UserError

SPECIAL_ANSWERS = ("no_sabe", "no_aplica", "prefiere_no_responder")
EVIDENCE = ("declarado", "documento")


def start_assessment(storage, firm_id: str, questionnaire_id: str, questionnaire_version: str,
                     adviser_id: str | None, actor: str | None) -> dict:
    """Open a draft assessment of a firm against one questionnaire version."""
    if records.get(storage, "firms", firm_id, include_deleted=False) is None:
        raise RecordNotFoundError("firms", firm_id)
    return records.insert(storage, "assessments", {
        "firm_id": firm_id, "adviser_id": adviser_id, "questionnaire_id": questionnaire_id,
        "questionnaire_version": str(questionnaire_version), "status": "draft", "started_at": now_iso(),
    }, actor)


def get_assessment(storage, assessment_id: str, include_deleted: bool = True) -> dict | None:
    """An assessment by id, or None."""
    return records.get(storage, "assessments", assessment_id, include_deleted)


def assessments_of(storage, firm_id: str) -> list[dict]:
    """A firm's live assessments, oldest first."""
    return records.select(storage, "assessments", "firm_id = ?", (firm_id,), order_by="started_at, id")


def latest_completed(storage, firm_id: str) -> dict | None:
    """A firm's most recently completed live assessment, or None."""
    rows = records.select(storage, "assessments", "firm_id = ? AND status = 'completed'", (firm_id,),
                          order_by="completed_at DESC, id DESC")
    return rows[0] if rows else None


def _draft(storage, assessment_id: str) -> dict:
    assessment = records.get(storage, "assessments", assessment_id, include_deleted=False)
    if assessment is None:
        raise RecordNotFoundError("assessments", assessment_id)
    if assessment["status"] != "draft":
        raise UserError("Esta evaluación ya está terminada; sus respuestas no se pueden cambiar.")
    return assessment


@guarded
def save_answer(storage, assessment_id: str, question_id: str, actor: str | None, *, value: Any = None,
                special: str | None = None, evidence: str | None = None, note: str | None = None) -> dict:
    """Save (or replace) the answer to one question of a draft assessment.

    Args:
        value: the answer (anything JSON holds); None when ``special`` is given.
        special: "no_sabe", "no_aplica" or "prefiere_no_responder" (not zeros).
        evidence: "declarado" (owner's word) or "documento" (seen by the adviser).
    """
    if special is not None and special not in SPECIAL_ANSWERS:
        raise ValueError(f"unknown special answer {special!r}")
    if evidence is not None and evidence not in EVIDENCE:
        raise ValueError(f"unknown evidence {evidence!r}")
    fields = {"value": None if special else value, "special": special, "evidence": evidence, "note": note}
    with storage.write():
        _draft(storage, assessment_id)
        rows = records.select(storage, "answers", "assessment_id = ? AND question_id = ?",
                              (assessment_id, question_id), include_deleted=True)
        if not rows:
            return records.insert(storage, "answers",
                                  {"assessment_id": assessment_id, "question_id": question_id, **fields}, actor)
        if rows[0]["deleted_at"]:
            records.undelete(storage, "answers", rows[0]["id"], actor)
        return records.update(storage, "answers", rows[0]["id"], fields, actor)


@guarded
def clear_answer(storage, assessment_id: str, question_id: str, actor: str | None) -> None:
    """Remove the answer to one question of a draft (a tombstone)."""
    with storage.write():
        _draft(storage, assessment_id)
        for row in records.select(storage, "answers", "assessment_id = ? AND question_id = ?",
                                  (assessment_id, question_id)):
            records.tombstone(storage, "answers", row["id"], actor)


def answers_of(storage, assessment_id: str) -> list[dict]:
    """The live answers of an assessment, in the order they were first given."""
    return records.select(storage, "answers", "assessment_id = ?", (assessment_id,), order_by="created_at, id")


@guarded
def complete_assessment(storage, assessment_id: str, result: dict, actor: str | None, *,
                        readiness_index: Decimal | float | None = None, band: str | None = None,
                        stage: str | None = None, profile: str | None = None) -> dict:
    """Mark a draft completed, storing its result and summary; caches stage and band on the firm.

    ``result`` is stored as JSON (Decimals become text); it should name the
    questionnaire and rulebook versions it was computed with.
    """
    with storage.write():
        draft = _draft(storage, assessment_id)
        done = records.update(storage, "assessments", assessment_id, {
            "status": "completed", "completed_at": now_iso(), "result": result,
            "readiness_index": None if readiness_index is None else float(readiness_index),
            "band": band, "stage": stage, "profile": profile,
        }, actor)
        records.update(storage, "firms", draft["firm_id"], {"stage": stage, "band": band}, actor)
    return done


def delete_assessment(storage, assessment_id: str, actor: str | None) -> dict:
    """Tombstone an assessment (its answers stay, reachable through it)."""
    return records.tombstone(storage, "assessments", assessment_id, actor)
