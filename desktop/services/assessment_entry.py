"""Recording a whole assessment at once: paper forms typed later, and checks.

The interview screen saves answers one by one as they are given; this use case
takes a complete set of answers, validates every one against the questionnaire
first (so a bad file writes nothing), then stores the draft, its answers and
the completed result in one transaction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from db.connection import Storage
from desktop.domain.assessment import Answer, AssessmentResult, answers_from_json, score
from desktop.domain.errors import UserError
from desktop.services import assessments as service
from desktop.services.registry.firms import find_firm

# No answer needs more digits than this (a share, a count of countries, years); Python refuses
# to convert more than 4,300, and the cost of converting grows with the square of the length.
MAX_DIGITS = 30


class _TooManyDigits(str):
    """An integer of the file written with more than :data:`MAX_DIGITS` digits (kept as its text)."""


def _read_int(text: str) -> int | _TooManyDigits:
    digits = len(text.lstrip("-"))
    return _TooManyDigits(text) if digits > MAX_DIGITS else int(text)


def _refuse_too_many_digits(answers: Any) -> None:
    """One sentence naming the first question answered with a number of absurd length."""
    if not isinstance(answers, dict):
        return
    for question, raw in answers.items():
        values = [raw.get("value")] if isinstance(raw, dict) else [raw]
        values = [v for value in values for v in (value if isinstance(value, list) else [value])]
        long = next((v for v in values if isinstance(v, _TooManyDigits)), None)
        if long is not None:
            raise UserError(f"La respuesta a «{question}» es un número de {len(long.lstrip('-'))} cifras: "
                            "escriba la cantidad real.", field=str(question))


def read_answers_file(path: str | Path) -> dict[str, Answer]:
    """Read the JSON answer file documented in README.md.

    The file is either an object mapping question ids to answers, or an object
    with that mapping under ``"answers"`` (other keys, such as a ``"firm"``
    description, are ignored).

    Raises:
        UserError: the file is missing, is not JSON, has the wrong shape, or answers a
            question with a number of more than :data:`MAX_DIGITS` digits (named).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"No se encuentra el archivo de respuestas «{path}».", field="answers") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"No se puede leer el archivo de respuestas «{path}»: {exc}.", field="answers") from None
    try:
        data: Any = json.loads(text, parse_int=_read_int)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"El archivo de respuestas no es JSON válido (línea {exc.lineno}, columna {exc.colno}).",
            field="answers") from None
    except RecursionError:
        # "[[[[…" a hundred thousand deep: Python's parser gives up; an answers file has two levels.
        raise UserError("El archivo de respuestas tiene demasiados niveles anidados; no es un archivo de "
                        "respuestas de Rumbo.", field="answers") from None
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]
    _refuse_too_many_digits(data)
    return answers_from_json(data)


def record_assessment(storage: Storage, firm_ref: str, answers: dict[str, Answer],
                      adviser_id: str | None) -> tuple[dict, AssessmentResult]:
    """Store a completed assessment of a firm from a full set of answers.

    Args:
        firm_ref: the firm's id or tax id.
        answers: question id -> Answer.
        adviser_id: the adviser recorded as author.

    Returns:
        The stored assessment row and its scored result.

    Raises:
        UserError: unknown firm, unknown question, a value out of range, or an
            answer to a question that does not apply to this firm (the sentence
            names the question); nothing is written.
    """
    firm = find_firm(storage, firm_ref)
    if not answers:
        raise UserError("El archivo no contiene ninguna respuesta.", field="answers")
    # Strict check first: score() refuses anything the questionnaire does not accept.
    score(service.questionnaire(), answers, service.firm_context(firm))
    with storage.write():
        draft = service.start_draft(storage, firm["id"], adviser_id)
        for question_id, answer in answers.items():
            service.save_answer(storage, draft["id"], question_id, answer, adviser_id)
        result = service.complete(storage, draft["id"], adviser_id)
    return service.get_assessment(storage, draft["id"]), result


def enter_assessment(storage: Storage, firm_ref: str, answers: dict[str, Answer], adviser_id: str | None,
                     complete_partial: bool = False) -> tuple[dict, AssessmentResult]:
    """Store an assessment typed from a paper form, completed only when its answers give an index.

    A file that answers too little for an index and a band (an incomplete result: every dimension
    without enough data would print «—» and the next report would compare against nothing) stays
    a draft, «en curso», with its answers, for the adviser to finish in the interview; with
    ``complete_partial`` it is completed all the same, as the interview allows after asking.

    Returns:
        The stored assessment (``status`` "draft" or "completed") and its result, scored now.

    Raises:
        UserError: as :func:`record_assessment`; nothing is written.
    """
    firm = find_firm(storage, firm_ref)
    if not answers:
        raise UserError("El archivo no contiene ninguna respuesta.", field="answers")
    preview = score(service.questionnaire(), answers, service.firm_context(firm))
    if not preview.incomplete or complete_partial:
        return record_assessment(storage, firm_ref, answers, adviser_id)
    with storage.write():
        draft = service.start_draft(storage, firm["id"], adviser_id)
        for question_id, answer in answers.items():
            service.save_answer(storage, draft["id"], question_id, answer, adviser_id)
    return service.get_assessment(storage, draft["id"]), service.preview(storage, draft["id"])
