"""``rumbo report FIRM -o FILE.pdf [--lang es|en]``, ``rumbo report --all -o FOLDER`` and
``rumbo report funder --from AAAA-MM-DD --to AAAA-MM-DD [--programme P] [--centre C] -o FILE.pdf|FILE.xlsx``
(the funder report of this database; the server's is ``rumbo centre report funder``)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services.storage import check_opening, default_database_path, open_for_reading


def register(subparsers) -> None:
    """Add the report subcommand."""
    p = subparsers.add_parser("report", help="imprimir el informe en PDF de una empresa o de todas, o el informe "
                                             "para financiadores («report funder»)")
    p.add_argument("firm", nargs="?", metavar="EMPRESA", help="id o NIT de la empresa, o «funder»")
    p.add_argument("--all", action="store_true", help="imprimir el informe de todas las empresas en una carpeta")
    p.add_argument("-o", "--output", required=True, metavar="SALIDA",
                   help="archivo PDF (una empresa) o carpeta (--all)")
    # Its own dest: a subparser default would overwrite the global --lang.
    p.add_argument("--lang", dest="report_lang", choices=("es", "en"), default=None,
                   help="idioma del informe (por defecto, español)")
    funder_options(p)
    p.set_defaults(handler=run_report)


FUNDER = "funder"


LAPTOP_CENTRE = "informe para financiadores: el centro de esta base (no hay otro aquí)"


def funder_options(p, centre_help: str = LAPTOP_CENTRE) -> None:
    """The funder report's period, programme and centre (``report funder`` and ``centre report funder``)."""
    p.add_argument("--from", dest="date_from", metavar="AAAA-MM-DD", help="informe para financiadores: desde")
    p.add_argument("--to", dest="date_to", metavar="AAAA-MM-DD", help="informe para financiadores: hasta")
    p.add_argument("--programme", metavar="PROGRAMA", help="informe para financiadores: solo este programa")
    p.add_argument("--centre", metavar="CENTRO", help=centre_help)


def _lang(args) -> str:
    return args.report_lang or getattr(args, "lang", None) or "es"


def run_report(args) -> int:
    if args.firm == FUNDER:
        return run_funder(args)
    if any(getattr(args, name) for name in ("date_from", "date_to", "programme", "centre")):
        raise UserError("--from, --to, --programme y --centre son del informe para financiadores: "
                        "«rumbo report funder --from … --to … -o ARCHIVO».", field="firm")
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


def funder_period(args) -> tuple[str, str]:
    """The period asked for, checked before anything is opened."""
    from desktop.services.funder import period
    from desktop.services.funder_export import output_kind

    if args.date_from is None or args.date_to is None:
        raise UserError("Indique el periodo del informe: --from AAAA-MM-DD y --to AAAA-MM-DD.", field="start")
    output_kind(args.output)
    return period(args.date_from, args.date_to)


def print_funder(fig, path) -> None:
    """What the command says once the file is written: where, and the figures that matter most."""
    print(f"Informe para financiadores guardado en {path}: {fig.firms_advised} empresas asesoradas, "
          f"{str(fig.hours).replace('.', ',')} horas de asesoría, {fig.waiting_total} hitos esperan verificación.")
    if fig.duplicates:
        print(f"{len(fig.duplicates)} posibles duplicados sin decidir se contaron como una empresa "
              "(ver la hoja «Posibles duplicados» del XLSX o la nota del PDF).")


def run_funder(args) -> int:
    """``rumbo report funder``: the figures of this database (a laptop's or a centre's desktop)."""
    from desktop.services import funder

    if args.all:
        raise UserError("El informe para financiadores es uno solo: quite --all.", field="firm")
    start, end = funder_period(args)
    db_path = Path(args.db) if args.db else default_database_path()
    with open_for_reading(db_path) as storage:
        funder.this_centre(storage, args.centre)
        fig = funder.figures_for(storage, start, end, args.programme)
        path = funder.write_report(storage, fig, args.output)
    print_funder(fig, path)
    return 0
