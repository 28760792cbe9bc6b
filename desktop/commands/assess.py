"""``rumbo assess FIRM --answers FILE.json [--json] [--complete]``: record an assessment.

For paper forms typed later and for automated checks. The signed-in adviser is its
adviser. Prints the scores by dimension, the readiness index and band, the stage, the
profile and the recommended instruments, every number in the conventions of ``--lang``
("50,8 / 100" in Spanish); ``--json`` prints one object for machines, with numbers as
JSON numbers. A file that answers too little for an index stays in progress (a draft, to
finish in the interview) unless ``--complete`` is given.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from babel.numbers import format_decimal

from desktop.domain.assessment import DIM_NO_APLICA, OK, label, result_to_dict, shown_profile
from desktop.services.advisers import current_adviser_id
from desktop.services.assessment_entry import enter_assessment, read_answers_file
from desktop.services.assessments import notes_for, questionnaire, recommendations_for
from desktop.services.registry.firms import get_firm
from desktop.services.storage import open_database

# What the command prints, in Spanish and English.
_WORDS = {
    "to_ask": ("Para preguntar la próxima vez: {questions}", "To ask next time: {questions}"),
    "first": ("Antes de todo: ", "First of all: "),
    "trigger": ("      respuesta: {question} → {answer}", "      answer: {question} → {answer}"),
    "basis": ("      el estudio, del instrumento: {basis}", "      the study, on the instrument: {basis}"),
    "support": ("      dónde lo dice el estudio: {support}", "      where the study says it: {support}"),
    "note": ("Nota: {text}", "Note: {text}"),
    "recorded": ("Evaluación registrada con el cuestionario «{title}», versión {version}.",
                 "Assessment recorded with the questionnaire “{title}”, version {version}."),
    "index": ("Índice de preparación: {index} / 100 — nivel {band}", "Readiness index: {index} / 100 — band {band}"),
    "provisional": (" (provisional: se respondió poco del cuestionario)",
                    " (provisional: little of the questionnaire was answered)"),
    "no_index": ("Índice: sin calcular (evaluación incompleta: faltan respuestas en {n} {dimensions})",
                 "Index: not calculated (incomplete assessment: answers missing in {n} {dimensions})"),
    "dimension": ("dimensión", "dimension"),
    "dimensions_word": ("dimensiones", "dimensions"),
    "stage": ("Etapa: {stage}", "Stage: {stage}"),
    "profile": ("Perfil: {profile}", "Profile: {profile}"),
    "undetermined": ("sin determinar", "not determined"),
    "dimensions": ("Dimensiones:", "Dimensions:"),
    "dimension_line": ("  {title}: {score} (cobertura {coverage})", "  {title}: {score} (coverage {coverage})"),
    "not_enough": ("sin datos suficientes", "not enough data"),
    "not_applicable": ("no aplica", "not applicable"),
    "limit": ("Límite: {reason}", "Cap: {reason}"),
    "recommended": ("Instrumentos recomendados:", "Recommended instruments:"),
    "details": ("Detalles: evaluación {id}; cuestionario {questionnaire} {version}",
                "Details: assessment {id}; questionnaire {questionnaire} {version}"),
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "assess", help="registrar una evaluación completa a partir de un archivo de respuestas JSON")
    parser.add_argument("firm", metavar="EMPRESA", help="id de la empresa o su NIT / identificación fiscal")
    parser.add_argument("--answers", required=True, metavar="ARCHIVO.json", help="respuestas (formato en README.md)")
    parser.add_argument("--json", action="store_true", help="imprimir el resultado como JSON (números como números)")
    parser.add_argument("--complete", action="store_true",
                        help="terminarla aunque falten tantas respuestas que no haya índice (sin esto, queda en curso)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    lang = args.lang or "es"
    answers = read_answers_file(args.answers)  # before opening the DB: a bad file touches nothing
    with open_database(args.db) as storage:
        assessment, result = enter_assessment(storage, args.firm, answers, current_adviser_id(storage),
                                              complete_partial=args.complete)
        firm = get_firm(storage, assessment["firm_id"])
    if assessment["status"] != "completed":
        return _in_progress(assessment, result, args.json, lang)
    recommendations = recommendations_for(result, firm=firm)
    notes = notes_for(result, firm)
    if args.json:
        payload = {
            "assessment_id": assessment["id"],
            "firm_id": assessment["firm_id"],
            "result": json_numbers(result_to_dict(result)),
            "recommendations": [
                {"instrument": r.instrument_id, "kind": r.kind, "family": r.family, "fit": r.fit,
                 "level": r.level, "level_text": label("level", r.level, lang),
                 "title": r.title.text(lang), "reason": r.reason.text(lang),
                 "triggers": [{"question": t.question_id, "answer": t.answer.text(lang)} for t in r.triggers],
                 "basis": r.basis.text(lang) if r.basis else None,
                 "support": _support(r, lang),
                 "after": r.after.text(lang) if r.after else None,
                 "steps": [s.text(lang) for s in r.steps],
                 "programmes": [p.name for p in r.programmes],
                 "programmes_note": r.programmes_note.text(lang) if r.programmes_note else None}
                for r in recommendations
            ],
            "to_ask": list(result.to_ask),
            "notes": [{"kind": n.kind, "text": n.text.text(lang), "questions": list(n.questions)} for n in notes],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(render_text(assessment, result, recommendations, lang, notes))
    return 0


def _in_progress(assessment: dict, result, as_json: bool, lang: str) -> int:
    """An assessment kept in progress: what is stored and what is still to ask."""
    if as_json:
        json.dump({"assessment_id": assessment["id"], "firm_id": assessment["firm_id"], "status": "draft",
                   "adviser_id": assessment["adviser_id"], "to_ask": list(result.to_ask)},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    say = 1 if lang == "en" else 0
    lines = [("Evaluación guardada en curso (borrador): con estas respuestas no hay índice ni banda, así que no se "
              "terminó. Complétela en Evaluaciones, o vuelva a ejecutar con --complete para terminarla así.",
              "Assessment saved in progress (a draft): these answers give no index or band, so it was not "
              "completed. Finish it in Assessments, or run again with --complete to complete it as it is.")[say]]
    if result.to_ask:
        lines.append(_WORDS["to_ask"][say].format(questions=", ".join(result.to_ask)))
    lines.append(("Detalles: evaluación {id}", "Details: assessment {id}")[say].format(id=assessment["id"]))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _support(rec, lang: str) -> str | None:
    """The study's phrase behind the level, when the study backs it (never for the centre's criterion)."""
    if rec.support is None or not rec.support.from_study or rec.level == "criterio_centro":
        return None
    return rec.support.text(lang)


def render_text(assessment: dict, result, recommendations, lang: str = "es", notes=()) -> str:
    """The readable report of ``rumbo assess`` without ``--json``."""
    def say(key: str, **values) -> str:
        return _WORDS[key][1 if lang == "en" else 0].format(**values)

    lines = [say("recorded", title=_questionnaire_title(result, lang), version=result.questionnaire_version)]
    if result.index is None:
        missing = sum(1 for d in result.dimensions if d.status not in (OK, DIM_NO_APLICA))
        lines.append(say("no_index", n=missing, dimensions=say("dimension" if missing == 1 else "dimensions_word")))
    else:
        lines.append(say("index", index=number(result.index, lang), band=label("band", result.band, lang))
                     + (say("provisional") if result.provisional else ""))
    undetermined = say("undetermined")
    lines.append(say("stage", stage=label("stage", result.stage.code, lang) or undetermined))
    lines.append(say("profile", profile=label("profile", shown_profile(result).code, lang) or undetermined))
    lines.append(say("dimensions"))
    for dim in result.dimensions:
        if dim.score is not None:
            score = f"{number(dim.score, lang)} / 100"
        else:
            score = say("not_applicable" if dim.status == DIM_NO_APLICA else "not_enough")
        lines.append(say("dimension_line", title=dim.title.text(lang), score=score,
                         coverage=percent(dim.coverage, lang)))
    lines += [say("limit", reason=hit.reason.text(lang)) for hit in result.knock_outs]
    if result.to_ask:
        lines.append(say("to_ask", questions=", ".join(result.to_ask)))
    lines += [say("note", text=n.text.text(lang)) for n in notes]
    if recommendations:
        lines.append(say("recommended"))
        for r in recommendations:
            head = say("first") if r.kind == "precondition" else ""
            lines.append(f"  - {head}{r.title.text(lang)} [{label('level', r.level, lang)}]: {r.reason.text(lang)}")
            lines += [say("trigger", question=t.question.text(lang), answer=t.answer.text(lang)) for t in r.triggers]
            if (support := _support(r, lang)) is not None:
                lines.append(say("support", support=support))
            if r.basis:
                lines.append(say("basis", basis=r.basis.text(lang)))
    lines.append(say("details", id=assessment["id"], questionnaire=result.questionnaire_id,
                     version=result.questionnaire_version))
    return "\n".join(lines) + "\n"


def number(value: Decimal, lang: str) -> str:
    """One decimal in the conventions of ``lang``: "50,8" in Spanish, "50.8" in English."""
    return format_decimal(value, format="#,##0.0", locale="en" if lang == "en" else "es")


def percent(value: Decimal, lang: str) -> str:
    """A percentage already on a 0–100 scale: "87,5 %" / "87.5%"."""
    return f"{number(value, lang)}%" if lang == "en" else f"{number(value, lang)}\u00a0%"


def _questionnaire_title(result, lang: str) -> str:
    """The questionnaire's name for people; its id if this Rumbo does not ship it."""
    shipped = questionnaire()
    return shipped.title.text(lang) if shipped.id == result.questionnaire_id else result.questionnaire_id


# Fields that result_to_dict writes as decimal text (exact, for storage); --json gives them as numbers.
_NUMBERS = {
    "result": ("index", "coverage", "document_share"),
    "dimension": ("weight", "score", "coverage"),
    "contribution": ("weight", "points", "max_points", "share"),
    "firm": ("sales_usd", "exports_usd", "assets_usd"),
}


def json_numbers(data: dict) -> dict:
    """``result_to_dict`` output with its decimal texts turned into JSON numbers."""
    out = _convert(data, _NUMBERS["result"])
    out["dimensions"] = [dict(_convert(d, _NUMBERS["dimension"]),
                              contributions=[_convert(c, _NUMBERS["contribution"]) for c in d.get("contributions", [])])
                         for d in data.get("dimensions", [])]
    if isinstance(data.get("firm"), dict):
        out["firm"] = _convert(data["firm"], _NUMBERS["firm"])
    out["answers"] = {qid: dict(a, value=_as_number(a["value"])) if a.get("decimal") else a
                      for qid, a in data.get("answers", {}).items()}
    return out


def _convert(record: dict, keys) -> dict:
    return {k: (_as_number(v) if k in keys else v) for k, v in record.items()}


def _as_number(text):
    if not isinstance(text, str):
        return text
    value = Decimal(text)
    return int(value) if "." not in text else float(value)
