"""Count the pages of the client report for the four contrasting firms and write docs/report-length.md (issue 39).

The firms are a survival micro-firm, a supplier in a chain, an occasional exporter and an incomplete
assessment (``tests/reports/contrasting.py``), each printed in Spanish and English on the same day,
with the directory empty as Rumbo ships it and no action plan yet. The counts from before the
one-page summary were measured with this script on commit f92e1fd (the report of issue 34), and
are kept here because that code is gone::

    PYTHONPATH=$PWD python3 tools/report_length.py            # print the counts
    PYTHONPATH=$PWD python3 tools/report_length.py --write    # and write docs/report-length.md
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "report-length.md"
# Pages (Spanish, English) of each firm's report before the summary page, measured on commit f92e1fd.
BEFORE = {"survival": (8, 8), "supplier": (9, 10), "occasional": (10, 10), "incomplete": (7, 7)}
NAMES = {"survival": "Autoempleo de supervivencia (costurera, sin inscripción)",
         "supplier": "Proveedora en una cadena (beneficio de café, exporta por otro)",
         "occasional": "Exportadora ocasional (cerámica, exporta sola de vez en cuando)",
         "incomplete": "Evaluación incompleta (lácteos, 5 respuestas)"}


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure() -> dict[str, tuple[int, int]]:
    """(Spanish pages, English pages) of each contrasting firm's report now."""
    from desktop.services import reporting
    from desktop.services.storage import open_database
    from tests.reports import contrasting

    with tempfile.TemporaryDirectory() as temp, open_database(Path(temp) / "length.db") as storage:
        ids = contrasting.populate(storage)
        return {kind: tuple(pages(reporting.client_report_pdf(storage, ids[kind], lang=lang, today=contrasting.TODAY))
                            for lang in ("es", "en"))
                for kind in contrasting.KINDS}


def page_text(now: dict[str, tuple[int, int]]) -> str:
    rows = "\n".join(f"| {NAMES[k]} | {BEFORE[k][0]} | {now[k][0]} | {BEFORE[k][1]} | {now[k][1]} |" for k in NAMES)
    total_before = sum(b[0] + b[1] for b in BEFORE.values())
    total_now = sum(n[0] + n[1] for n in now.values())
    return f"""# Largo del informe para el cliente, antes y después del resumen (issue 39)

Páginas del informe de cuatro empresas que contrastan (`tests/reports/contrasting.py`), en español y en
inglés, impresas el mismo día, con el directorio de programas vacío (como se entrega) y sin plan de acción.
«Antes» es el informe del issue 34 (commit f92e1fd); «después», este. Lo escribe
`PYTHONPATH=$PWD python3 tools/report_length.py --write`.

| Empresa | Antes (es) | Después (es) | Antes (en) | Después (en) |
|---|---:|---:|---:|---:|
{rows}
| **Total** | | | | **{total_before} → {total_now}** |

Qué cambió:

- La página 1 ya no es una portada con tres líneas: bajo el encabezado del informe está el resumen (dónde
  está la empresa, sus fortalezas, las tres acciones con quién y cuándo, los programas para contactar o a
  quién preguntar) y las firmas de quienes acuerdan esas acciones (antes, al pie de la página de método).
- Las notas de método que se repetían se dicen una vez, en la página de método: qué significa cada nivel
  de respaldo (antes, al inicio de las recomendaciones), que los programas de referencia son ejemplos del
  estudio con datos de sus años y que la oferta de hoy es la del directorio, y que una recomendación sin
  ejemplos es una para la que el estudio no cita ninguno (antes, una frase en cada recomendación). Una cita
  del estudio que respalda varias recomendaciones se imprime una vez; las siguientes remiten a la primera.
- Con programas vigentes en el directorio, cada recomendación que los tiene suma su tabla (unas líneas).

El informe de muestra (`docs/sample-report.pdf`, la misma proveedora evaluada dos veces, con avance, plan
acordado y un programa del directorio) tenía 10 páginas en español y 11 en inglés, y tiene las mismas.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write docs/report-length.md")
    args = parser.parse_args(argv)
    now = measure()
    print("empresa          antes es  ahora es  antes en  ahora en")
    for kind, (es, en) in now.items():
        print(f"{kind:<15} {BEFORE[kind][0]:>9} {es:>9} {BEFORE[kind][1]:>9} {en:>9}")
    if args.write:
        DOC.write_text(page_text(now), encoding="utf-8")
        print(f"{DOC.relative_to(ROOT)} escrito")
    return 0


if __name__ == "__main__":
    sys.exit(main())
