"""``rumbo import``, ``rumbo export`` and ``rumbo demo``: moving firms in and out in bulk.

Input files are checked (existence, extension, header) before the database is
opened, so a bad command writes nothing, not even a new empty database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services.storage import open_database, open_for_reading


def register(subparsers) -> None:
    """Add the ``import``, ``export`` and ``demo`` subcommands."""
    p = subparsers.add_parser(
        "import", help="importar empresas desde un archivo CSV o XLSX",
        description="Importa empresas desde un archivo CSV o XLSX con encabezados en español o inglés. "
                    "Las filas válidas se guardan juntas; las rechazadas se informan con su motivo.")
    p.add_argument("file", metavar="ARCHIVO", help="archivo .csv o .xlsx")
    p.add_argument("--dry-run", action="store_true",
                   help="revisar el archivo sin guardar nada en la base de datos (el archivo de rechazos sí se escribe)")
    p.add_argument("--rejects", metavar="SALIDA.csv", help="escribir las filas rechazadas, con su motivo, en este CSV")
    p.set_defaults(handler=run_import)

    p = subparsers.add_parser("export", help="exportar empresas o evaluaciones a CSV o XLSX",
                              description="Exporta las empresas o las evaluaciones a un archivo CSV (UTF-8) o XLSX.")
    p.add_argument("what", choices=("firms", "assessments"), metavar="firms|assessments",
                   help="qué exportar: firms (empresas) o assessments (evaluaciones)")
    p.add_argument("file", metavar="ARCHIVO", help="archivo .csv o .xlsx de salida")
    p.set_defaults(handler=run_export)

    p = subparsers.add_parser("demo", help="crear empresas de demostración",
                              description="Crea empresas de demostración realistas en CR, SV, GT, HN, NI, PA y DO.")
    p.add_argument("--firms", required=True, metavar="N", help="cuántas empresas crear (1 a 1.000.000)")
    p.add_argument("--seed", default="2024", metavar="SEMILLA", help="semilla: la misma semilla da las mismas empresas")
    p.set_defaults(handler=run_demo)


def run_import(args: argparse.Namespace) -> int:
    """Import a file and print the summary."""
    from desktop.services.advisers import current_adviser_id
    from desktop.services.registry.importing import check_rejects_path, import_file, read_import_file

    rejects = Path(args.rejects) if args.rejects else None
    check_rejects_path(rejects)
    source = read_import_file(args.file)
    with open_database(args.db) as storage:
        summary = import_file(storage, source, current_adviser_id(storage), dry_run=args.dry_run,
                              rejects_path=rejects)
    sys.stdout.write(summary.text() + "\n")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export firms or assessments and say how many."""
    from desktop.services.registry.exporting import export_assessments, export_firms

    path = Path(args.file)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(f"No se puede exportar a «{path.name}»: use un archivo .csv o .xlsx.", field="file")
    if not path.parent.is_dir():
        raise UserError(f"La carpeta «{path.parent}» no existe.", field="file")
    lang = getattr(args, "lang", None) or "es"
    with open_for_reading(args.db) as storage:  # read-only media can still be exported
        if args.what == "firms":
            count, noun = export_firms(storage, path, lang=lang), "empresas"
        else:
            count, noun = export_assessments(storage, path, lang=lang), "evaluaciones"
    sys.stdout.write(f"Se exportaron {count} {noun} a {path}.\n")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Create demo firms and say how many."""
    from desktop.services.demo import MAX_DEMO_FIRMS, make_demo

    n_firms = _whole(args.firms, "--firms")
    seed = _whole(args.seed, "--seed")
    if not 1 <= n_firms <= MAX_DEMO_FIRMS:
        raise UserError("El valor de --firms debe estar entre 1 y 1.000.000.", field="--firms")
    with open_database(args.db) as storage:
        summary = make_demo(storage, n_firms, seed=seed)
    sys.stdout.write(summary.text() + "\n")
    return 0


def _whole(text: str, option: str) -> int:
    value = text.strip().replace(".", "").replace("_", "")
    if not value.isdigit():
        raise UserError(f"El valor de {option} debe ser un número entero, no «{text}».", field=option)
    return int(value)
