"""``rumbo report FIRM -o FILE.pdf [--lang es|en]`` and ``rumbo report --all -o FOLDER``."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services.storage import check_opening, default_database_path, open_for_reading


def register(subparsers) -> None:
    """Add the report subcommand."""
    p = subparsers.add_parser("report", help="imprimir el informe en PDF de una empresa o de todas")
    p.add_argument("firm", nargs="?", metavar="EMPRESA", help="id o NIT de la empresa")
    p.add_argument("--all", action="store_true", help="imprimir el informe de todas las empresas en una carpeta")
    p.add_argument("-o", "--output", required=True, metavar="SALIDA",
                   help="archivo PDF (una empresa) o carpeta (--all)")
    # Its own dest: a subparser default would overwrite the global --lang.
    p.add_argument("--lang", dest="report_lang", choices=("es", "en"), default=None,
                   help="idioma del informe (por defecto, español)")
    p.set_defaults(handler=run_report)


def _lang(args) -> str:
    return args.report_lang or getattr(args, "lang", None) or "es"


def run_report(args) -> int:
    if args.all and args.firm:
        raise UserError("Indique una empresa o --all, no ambas cosas.", field="firm")
    if not args.all and not args.firm:
        raise UserError("Indique la empresa (id o NIT) o use --all para imprimir todas.", field="firm")
    db_path = Path(args.db) if args.db else default_database_path()
    if args.all:
        return _run_all(db_path, Path(args.output), _lang(args))
    from desktop.services.reporting import write_client_report

    out = Path(args.output)
    with open_for_reading(db_path) as storage:
        data = write_client_report(storage, args.firm, out, lang=_lang(args))
    if data.notice:
        print(data.notice)
    print(f"Informe guardado en {out}.")
    return 0


def _run_all(db_path: Path, folder: Path, lang: str) -> int:
    from desktop.services.reporting import write_all_reports

    if folder.exists() and not folder.is_dir():
        raise UserError(f"«{folder}» no es una carpeta.", field="output")
    check_opening(db_path, write=False)  # before the output folder is made: a missing base makes nothing
    stop = {"now": False}

    def on_interrupt(_signum, _frame):
        stop["now"] = True

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rInformes: {done} de {total}")
            sys.stderr.flush()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        result = write_all_reports(db_path, folder, lang=lang, progress=progress, cancel=lambda: stop["now"])
    finally:
        signal.signal(signal.SIGINT, previous)
        if sys.stderr.isatty():
            sys.stderr.write("\n")
    for firm_id, message in result.failed.items():
        sys.stderr.write(f"{firm_id}: {message}\n")
    state = "interrumpido" if result.cancelled else "terminado"
    print(f"Proceso {state}: {len(result.written)} informes guardados en {folder}"
          f" ({len(result.failed)} con errores, {result.total} empresas).")
    return 1 if result.failed or result.cancelled else 0
