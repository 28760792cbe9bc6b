"""Write docs/advice-table.md: each kind of firm, the instruments paired with it, who pairs them, and why.

Generated from the shipped catalogue, so the table and the engine cannot disagree; a test
(tests/domain/test_advice_table.py) fails when the file differs from a fresh run::

    python3 tools/advice_table.py           # write the file
    python3 tools/advice_table.py --check   # exit 1 if the file is stale
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.assessment import label  # noqa: E402
from desktop.domain.assessment.catalog import Catalog, load_catalog  # noqa: E402

OUT = ROOT / "docs" / "advice-table.md"
LEVEL_WORDS = {"estudio": "el estudio", "centro": "criterio del centro"}
FACT_WORDS = {"years_exporting": "años exportando", "firm_age_years": "años desde la fundación"}
OP_WORDS = {"lt": "<", "max": "≤", "min": "≥", "eq": "=", "in": "∈", "not_in": "∉"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _conditions(conditions) -> str:
    parts = []
    for c in conditions:
        op = next(k for k in OP_WORDS if k in c)
        value = c[op]
        parts.append(f"{FACT_WORDS.get(c['fact'], c['fact'])} {OP_WORDS[op]} "
                     f"{', '.join(map(str, value)) if isinstance(value, list) else value}")
    return "; ".join(parts)


def pairing_counts(catalog: Catalog) -> Counter:
    """How many (kind of firm, instrument) pairings the catalogue holds, by level."""
    return Counter(p.level for _, p in catalog.pairings())


def render(catalog: Catalog) -> str:
    """The whole page, as markdown."""
    counts = pairing_counts(catalog)
    lines = [
        "# Tipo de empresa → instrumentos, y quién los empareja",
        "",
        f"Generado por `tools/advice_table.py` desde el catálogo `{catalog.id}` versión {catalog.version}; no se "
        "edita a mano (una prueba lo compara con el catálogo).",
        "",
        "Cada pareja dice quién la hace: **el estudio** (con la frase que empareja ese instrumento con ese tipo de "
        "empresa) o **criterio del centro** (con su razón). En el informe, un instrumento de una pareja del estudio "
        "se dice «El estudio lo vincula con este tipo de empresa»; uno de una pareja del centro, «Criterio del "
        "centro»; uno que trae una respuesta débil, «El estudio lo describe como útil ante esta brecha» cuando el "
        "estudio lo describe así (columna de la segunda tabla) y «Criterio del centro» si no.",
        "",
        f"Parejas en el catálogo: {sum(counts.values())}; del estudio: {counts['estudio']}; del centro: "
        f"{counts['centro']}. Instrumentos que el estudio describe como útiles ante una brecha: "
        f"{sum(1 for i in catalog.instruments if i.gap_basis)} de {len(catalog.instruments)}.",
        "",
        f"Principio: {catalog.differentiation.text('es')}" if catalog.differentiation else "",
        "",
        "| Tipo de empresa | Perfil y etapas | Condiciones | Instrumento | Quién lo empareja | Frase o razón |",
        "|---|---|---|---|---|---|",
    ]
    for seg, pairing in catalog.pairings():
        inst = catalog.instrument(pairing.instrument)
        profiles = ", ".join(label("profile", p) for p in seg.profiles)
        stages = ", ".join(label("stage", s) for s in seg.stages) if seg.stages else "cualquier etapa"
        why = pairing.basis.text("es") if pairing.level == "estudio" else pairing.basis.centre.es
        lines.append(f"| {_cell(seg.title.es)} | {_cell(profiles)}; {_cell(stages)} | {_cell(_conditions(seg.when)) or '—'} "
                     f"| {_cell(inst.title.es)} | {LEVEL_WORDS[pairing.level]} | {_cell(why)} |")
    lines += [
        "| Sin perfil (menos del mínimo de respuestas, o sin modo de exportación) | — | — | Ninguno por tipo de empresa; "
        "se dice qué preguntar primero | — | Un perfil con tan pocas respuestas afirmaría más de lo que se sabe. |",
    ]
    if catalog.large_firm is not None:
        lines.append(f"| Empresa grande | — | — | Ninguno (son instrumentos para mipymes) | el estudio "
                     f"| {_cell(catalog.large_firm.text.es)} |")
    for pre in catalog.preconditions:
        lines.append(f"| Informal o sin facturas | cualquiera | — | Antes de todo: {_cell(pre.title.es)} | criterio del "
                     f"centro | {_cell(pre.basis.text('es'))} |")
    lines += ["", "## Instrumentos: para quién son y qué dice el estudio", "",
              "| Instrumento | Familia | Requisitos (si no se cumplen, no se ofrece, o va después del paso que lo "
              "permite) | Resuelve el bloqueo | Lo que dice el estudio del instrumento | El estudio lo describe útil "
              "ante la brecha |",
              "|---|---|---|---|---|---|"]
    for inst in catalog.instruments:
        requires = "; ".join(
            f"{c['why'].es}" + (f" (después de: {_unlock_title(catalog, c['unlocked_by'])})" if c.get("unlocked_by") else "")
            for c in inst.requires) or "—"
        fixes = ", ".join(inst.fixes) or "—"
        gap = inst.gap_basis.text("es") if inst.gap_basis else "— (criterio del centro)"
        lines.append(f"| {_cell(inst.title.es)} | {_cell(catalog.families[inst.family].es)} | {_cell(requires)} "
                     f"| {fixes} | {_cell(inst.basis.text('es'))} | {_cell(gap)} |")
    lines += ["", "## Por qué internacionalizarse: razones y riesgos, y a quién se dicen", "",
              "| Razón | Tipo | Se dice cuando | Frase del estudio |", "|---|---|---|---|"]
    for why in catalog.why:
        lines.append(f"| {_cell(why.title.es)} | {why.kind} | {_cell(_conditions(why.when)) or 'siempre'} "
                     f"| {_cell(why.basis.text('es'))} |")
    return "\n".join(lines) + "\n"


def _unlock_title(catalog: Catalog, step: str) -> str:
    inst = catalog.instrument(step)
    if inst is not None:
        return inst.title.es
    pre = next((p for p in catalog.preconditions if p.id == step), None)
    return pre.title.es if pre else step


def main(argv: list[str]) -> int:
    text = render(load_catalog())
    if argv[:1] == ["--check"]:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} no coincide con el catálogo: ejecute python3 tools/advice_table.py")
            return 1
        print(f"{OUT.relative_to(ROOT)} al día")
        return 0
    OUT.write_text(text, encoding="utf-8")
    counts = pairing_counts(load_catalog())
    print(f"Escrito {OUT.relative_to(ROOT)}: {sum(counts.values())} parejas ({counts['estudio']} del estudio, "
          f"{counts['centro']} del centro)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
