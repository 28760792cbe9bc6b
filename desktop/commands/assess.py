"""``rumbo assess FIRM --answers FILE.json [--json]``: record a completed assessment.

For paper forms typed later and for automated checks. Prints the scores by
dimension, the readiness index and band, the stage, the profile and the
recommended instruments; ``--json`` prints one object for machines.
"""

from __future__ import annotations

import json
import sys

from desktop.domain.assessment import label, result_to_dict
from desktop.services.assessment_entry import read_answers_file, record_assessment
from desktop.services.assessments import recommendations_for
from desktop.services.storage import open_database


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "assess", help="registrar una evaluación completa a partir de un archivo de respuestas JSON")
    parser.add_argument("firm", metavar="EMPRESA", help="id de la empresa o su NIT / identificación fiscal")
    parser.add_argument("--answers", required=True, metavar="ARCHIVO.json", help="respuestas (formato en README.md)")
    parser.add_argument("--json", action="store_true", help="imprimir el resultado como JSON")
    parser.set_defaults(handler=run)


def run(args) -> int:
    lang = args.lang or "es"
    answers = read_answers_file(args.answers)  # before opening the DB: a bad file touches nothing
    with open_database(args.db) as storage:
        assessment, result = record_assessment(storage, args.firm, answers, None)
    recommendations = recommendations_for(result)
    if args.json:
        payload = {
            "assessment_id": assessment["id"],
            "firm_id": assessment["firm_id"],
            "result": result_to_dict(result),
            "recommendations": [
                {"instrument": r.instrument_id, "kind": r.kind, "family": r.family, "fit": r.fit,
                 "title": r.title.text(lang), "reason": r.reason.text(lang),
                 "triggers": [{"question": t.question_id, "answer": t.answer.text(lang)} for t in r.triggers],
                 "basis": r.basis.text(lang) if r.basis else None,
                 "segment_basis": r.segment_basis.text(lang) if r.segment_basis else None,
                 "steps": [s.text(lang) for s in r.steps],
                 "programmes": [p.name for p in r.programmes],
                 "programmes_note": r.programmes_note.text(lang) if r.programmes_note else None}
                for r in recommendations
            ],
            "to_ask": list(result.to_ask),
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout
    index = "—" if result.index is None else f"{result.index}"
    out.write(f"Evaluación {assessment['id']} registrada ({result.questionnaire_id} {result.questionnaire_version}).\n")
    out.write(f"Índice de preparación: {index} / 100 — banda {label('band', result.band, lang)}"
              f"{' (provisional)' if result.provisional else ''}\n")
    out.write(f"Etapa: {label('stage', result.stage.code, lang)}\n")
    out.write(f"Perfil: {label('profile', result.profile.code, lang)}\n")
    out.write("Dimensiones:\n")
    for dim in result.dimensions:
        value = "sin datos suficientes" if dim.score is None else f"{dim.score}"
        out.write(f"  {dim.title.text(lang)}: {value} (cobertura {dim.coverage} %)\n")
    for hit in result.knock_outs:
        out.write(f"Límite: {hit.reason.text(lang)}\n")
    if result.to_ask:
        out.write("Para preguntar la próxima vez: " + ", ".join(result.to_ask) + "\n")
    if recommendations:
        out.write("Instrumentos recomendados:\n")
        for r in recommendations:
            head = "Antes de todo" if r.kind == "precondition" else r.family
            out.write(f"  - [{head}] {r.title.text(lang)}: {r.reason.text(lang)}\n")
            for t in r.triggers:
                out.write(f"      respuesta: {t.question.text(lang)} → {t.answer.text(lang)}\n")
            if r.basis:
                out.write(f"      estudio: {r.basis.text(lang)}\n")
    return 0
