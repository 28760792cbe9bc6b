"""Comparison of two results, and the JSON round trip of results and answers.

Decimals travel as strings so that a stored result reads back digit for digit.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from decimal import Decimal
from typing import Any

from desktop.domain.assessment.model import (
    SPECIAL_CODES,
    STAGES,
    Answer,
    AssessmentResult,
    Comparison,
    Contribution,
    Derivation,
    DimensionChange,
    DimensionScore,
    FirmContext,
    KnockOutHit,
    Text,
)
from desktop.domain.assessment.questionnaire import BANDS
from desktop.domain.errors import UserError

FORMAT = 1  # bump when the dict layout changes


def _step(ladder: tuple[str, ...], old: str | None, new: str | None) -> int:
    if old is None or new is None:
        return 0
    return ladder.index(new) - ladder.index(old)


def compare_results(old: AssessmentResult, new: AssessmentResult) -> Comparison:
    """Change per dimension, index, band and stage between two results (old -> new)."""
    ids = [d.dimension_id for d in new.dimensions]
    ids += [d.dimension_id for d in old.dimensions if d.dimension_id not in ids]
    changes = []
    for dim_id in ids:
        a, b = old.dimension(dim_id), new.dimension(dim_id)
        old_score = a.score if a else None
        new_score = b.score if b else None
        changes.append(DimensionChange(
            dimension_id=dim_id,
            title=(b or a).title,
            old_score=old_score,
            new_score=new_score,
            delta=new_score - old_score if old_score is not None and new_score is not None else None,
            old_status=a.status if a else None,
            new_status=b.status if b else None,
        ))
    return Comparison(
        dimensions=tuple(changes),
        index_delta=new.index - old.index if old.index is not None and new.index is not None else None,
        old_band=old.band,
        new_band=new.band,
        band_change=_step(BANDS, old.band, new.band),
        old_stage=old.stage.code,
        new_stage=new.stage.code,
        stage_change=_step(STAGES, old.stage.code, new.stage.code),
        same_questionnaire=(old.questionnaire_id, old.questionnaire_version) == (new.questionnaire_id, new.questionnaire_version),
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def to_dict(result: AssessmentResult) -> dict[str, Any]:
    """A JSON-safe dict of ``result``."""
    data = _jsonable(asdict(result))
    for qid, answer in result.answers.items():
        # Mark exact numbers so they read back as Decimal, not as text.
        data["answers"][qid]["decimal"] = isinstance(answer.value, Decimal)
    data["format"] = FORMAT
    return data


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _text(value: dict | None) -> Text | None:
    return None if value is None else Text(**value)


def _answer_value(value: Any) -> Any:
    # Multi-choice answers are tuples in memory and lists in JSON; numbers are strings.
    return tuple(value) if isinstance(value, list) else value


def from_dict(data: dict[str, Any]) -> AssessmentResult:
    """Rebuild a result from :func:`to_dict` output."""
    dims = tuple(
        DimensionScore(
            dimension_id=d["dimension_id"], title=_text(d["title"]), weight=Decimal(d["weight"]),
            score=_dec(d["score"]), coverage=Decimal(d["coverage"]), status=d["status"],
            contributions=tuple(
                Contribution(
                    question_id=c["question_id"], question=_text(c["question"]), status=c["status"],
                    answer_text=_text(c["answer_text"]), weight=Decimal(c["weight"]), points=_dec(c["points"]),
                    max_points=_dec(c["max_points"]), share=_dec(c["share"]), evidence=c["evidence"],
                )
                for c in d["contributions"]
            ),
        )
        for d in data["dimensions"]
    )
    firm_raw = dict(data["firm"])
    for key in ("sales_usd", "exports_usd"):
        firm_raw[key] = _dec(firm_raw.get(key))
    answers = {}
    for qid, a in data["answers"].items():
        value = _answer_value(a["value"])
        if a.get("decimal"):
            value = Decimal(value)
        answers[qid] = Answer(value=value, code=a["code"], evidence=a["evidence"], note=a["note"])

    def deriv(d: dict) -> Derivation:
        return Derivation(d["code"], tuple(_text(t) for t in d["reasons"]))

    return AssessmentResult(
        questionnaire_id=data["questionnaire_id"],
        questionnaire_version=data["questionnaire_version"],
        dimensions=dims,
        index=_dec(data["index"]),
        band=data["band"],
        band_uncapped=data["band_uncapped"],
        coverage=Decimal(data["coverage"]),
        provisional=data["provisional"],
        knock_outs=tuple(KnockOutHit(k["question_id"], k["cap"], _text(k["reason"])) for k in data["knock_outs"]),
        stage=deriv(data["stage"]),
        profile=deriv(data["profile"]),
        document_share=_dec(data["document_share"]),
        answers=answers,
        firm=FirmContext(**{f.name: firm_raw.get(f.name) for f in fields(FirmContext) if f.name in firm_raw}),
        notes=tuple(_text(t) for t in data["notes"]),
        rescored_from=data["rescored_from"],
        to_ask=tuple(data.get("to_ask", ())),
        parameters=dict(data.get("parameters", {})),
    )


def parse_answers(data: Any) -> dict[str, Answer]:
    """Read answers from the documented JSON form.

    Each entry maps a question id to either a bare value (``true``, ``3``,
    ``"criterios"``, ``["bpm"]``), a special code string (``"no_sabe"``), or an
    object ``{"value": ..., "evidence": "documento", "note": "..."}`` /
    ``{"code": "no_sabe"}``. Values are checked later, by scoring.

    Raises:
        UserError: the shape is wrong; names the question.
    """
    if not isinstance(data, dict):
        raise UserError("El archivo de respuestas debe ser un objeto JSON con una entrada por pregunta.")
    answers = {}
    for qid, raw in data.items():
        if isinstance(raw, dict):
            unknown = set(raw) - {"value", "code", "evidence", "note"}
            if unknown:
                raise UserError(f"La respuesta a «{qid}» tiene campos desconocidos: {', '.join(sorted(unknown))}.", field=qid)
            value = _answer_value(raw.get("value"))
            if isinstance(value, float):
                value = Decimal(str(value))
            answers[qid] = Answer(value=value, code=raw.get("code"), evidence=raw.get("evidence", "declarado"), note=str(raw.get("note", "")))
        elif isinstance(raw, str) and raw in SPECIAL_CODES:
            answers[qid] = Answer(code=raw)
        else:
            answers[qid] = Answer(value=Decimal(str(raw)) if isinstance(raw, float) else _answer_value(raw))
    return answers
