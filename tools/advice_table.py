"""Write docs/advice-table.md: which instruments each kind of firm gets first, and the study's phrase.

Generated from the shipped catalogue, so the table and the engine cannot disagree::

    python3 tools/advice_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.assessment import label  # noqa: E402
from desktop.domain.assessment.catalog import load_catalog  # noqa: E402
from desktop.domain.assessment.model import STAGES  # noqa: E402

OUT = ROOT / "docs" / "advice-table.md"


def main() -> int:
    catalog = load_catalog()
    lines = [
        "# Tipo de empresa × etapa → instrumentos (profile × stage → instruments)",
        "",
        f"Generado por `tools/advice_table.py` desde el catálogo `{catalog.id}` versión {catalog.version}. "
        "Los instrumentos de cada fila van primero, en este orden, salvo que las respuestas muestren a la empresa "
        "ya fuerte en todo lo que el instrumento atiende; después entran los que justifica una respuesta débil "
        "(brecha de 20 puntos o más). Una empresa informal recibe antes la condición previa de inscripción.",
        "",
        f"Principio: {catalog.differentiation.text('es')}" if catalog.differentiation else "",
        "",
        "| Perfil | Etapas | Instrumentos, en orden | Frase del estudio |",
        "|---|---|---|---|",
    ]
    for seg in catalog.segments:
        profiles = ", ".join(label("profile", p) for p in seg.profiles)
        stages = ", ".join(label("stage", s) for s in seg.stages) if seg.stages else "cualquiera"
        names = "; ".join(f"{catalog.instrument(i).title.es} ({catalog.families[catalog.instrument(i).family].es})"
                          for i in seg.instruments)
        lines.append(f"| {profiles} | {stages} | {names} | {seg.basis.text('es')} |")
    lines.append("| Sin determinar (no se sabe si exporta ni cómo) | — | Ninguno por perfil: solo los que justifica una "
                 "respuesta débil | El estudio empareja instrumentos con tipos de empresa; sin tipo, no hay pareja. |")
    for pre in catalog.preconditions:
        lines.append(f"| Informal (cualquiera) | cualquiera | Antes de todo: {pre.title.es} | {pre.basis.text('es')} |")
    unused = [s for s in STAGES if not any(s in seg.stages or not seg.stages for seg in catalog.segments)]
    if unused:
        lines += ["", f"Etapas sin fila propia: {', '.join(unused)}."]
    lines += ["", "## Instrumentos y su respaldo", "", "| Instrumento | Familia | Frase del estudio |", "|---|---|---|"]
    for inst in catalog.instruments:
        lines.append(f"| {inst.title.es} | {catalog.families[inst.family].es} | {inst.basis.text('es')} |")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Escrito {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
