"""The ``rumbo`` command line: argparse subcommands; no subcommand opens the GUI.

Contract (see ``shared/design/architecture.md``): exit status 0 on success,
2 on bad input or usage (one clear sentence on stderr, nothing written), 1 on an
unexpected failure, 141 when the reader of standard output closed it early
(``rumbo assess … --json | head -1``): no traceback, no message, the status a
shell reports for any program stopped that way (128 + SIGPIPE), so a script with
``set -o pipefail`` can tell the output was cut. The command's own work (an
assessment recorded, a file written) is done by then and kept.

Client data is written only into an encrypted database: ``rumbo setup`` makes one,
and a command that writes may neither create a database nor write into a plain one
of an earlier Rumbo without it (``desktop.commands.access``, issue 31).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from desktop.domain.errors import UserError
from desktop.version import app_version

log = logging.getLogger("rumbo.cli")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, as the shell reports `yes | head -1` under pipefail

# Modules under desktop.commands that add subcommands, in help order.
COMMAND_MODULES = (
    "setup",
    "classify",
    "data",
    "assess",
    "report",
    "bundle",
    "device",
    "maintenance",
    "centre",
)


# What a subcommand does with the database decides how it is let in (desktop.commands.access).
# Any subcommand not named here writes: it signs in, and it may not create a database nor
# write into a plain one without setting sign-in up first.
NO_DATABASE = {"classify"}  # never opens one, so never asks to sign in
SETS_UP = {"setup"}  # handles the database's state itself
READS_ONLY = {"export", "check", "report"}  # may read a plain database; work on read-only media
CENTRE_WITHOUT_DATABASE = {"init", "status", "add", "revoke"}  # ``rumbo centre …`` that talk to the server only


def database_access(args: argparse.Namespace) -> str:
    """"none", "setup", "read" or "write": what the parsed subcommand does with the database."""
    if args.command in NO_DATABASE or getattr(args, "centre_action", None) in CENTRE_WITHOUT_DATABASE:
        return "none"
    if args.command in SETS_UP:
        return "setup"
    return "read" if args.command in READS_ONLY else "write"


# argparse's own words, in Spanish. argparse looks its messages up through a
# module-level gettext function at call time, so replacing it is enough.
_ARGPARSE_ES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "mostrar esta ayuda y salir",
    "the following arguments are required: %s": "faltan estos argumentos: %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "opción no válida: %(value)r (elija entre %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "expected one argument": "se esperaba un valor",
    "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "ambiguous option: %(option)s could match %(matches)s": "opción ambigua: %(option)s puede ser %(matches)s",
}
argparse._ = lambda text: _ARGPARSE_ES.get(text, text)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports usage errors as one Spanish sentence."""

    def error(self, message: str):  # noqa: D401 - argparse API
        sys.stderr.write(
            f"Error de uso: {message}. Escriba «{self.prog} --help» para ver las opciones.\n"
        )
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """Build the full parser with the global options and every subcommand."""
    parser = _Parser(
        prog="rumbo",
        description="Rumbo: registro, clasificación y evaluación de mipymes.",
    )
    parser.add_argument("--version", action="version", version=f"rumbo {app_version()}",
                        help="mostrar la versión y salir")
    parser.add_argument("--db", metavar="RUTA", help="archivo de base de datos (por defecto, el de la carpeta de datos del usuario)")
    parser.add_argument("--lang", choices=("es", "en"), default=None, help="idioma de la interfaz y de los informes")
    parser.add_argument("--demo", action="store_true", help="al abrir la aplicación sobre una base vacía, cargar empresas de demostración")
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMANDO", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"desktop.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    A standard output closed by its reader ends the command quietly with
    :data:`EXIT_CLOSED_PIPE` (the Python documentation's way: on BrokenPipeError,
    point stdout at devnull so the interpreter's last flush cannot fail again).
    """
    try:
        try:
            return _run(argv)
        finally:
            if sys.stdout is not None:  # None in the windowed program
                sys.stdout.flush()  # a reader that closed early shows here, not as noise at exit
    except BrokenPipeError:
        _stdout_to_devnull()
        log.info("rumbo: el lector cerró la salida estándar antes de tiempo")
        return EXIT_CLOSED_PIPE


def _stdout_to_devnull() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stdout without a file descriptor (tests): nothing left to flush
        pass


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(db_path=args.db, lang=args.lang, demo=args.demo)
    from desktop.services.support import setup_logging

    setup_logging(f"rumbo {args.command}")
    try:
        status = _run_command(args)
    except BrokenPipeError:
        raise  # not a failure of the command: main() ends it quietly
    except UserError as exc:
        # The sentence may quote what was typed (a name, a tax id): the log keeps only its kind.
        log.warning("rumbo %s: rechazado (%s%s)", args.command, type(exc).__name__,
                    f", campo {exc.field}" if exc.field else "")
        sys.stderr.write(f"{exc.message}\n")
        return EXIT_BAD_INPUT
    except Exception:
        log.exception("rumbo %s: error inesperado", args.command)
        raise
    log.info("rumbo %s: terminado con estado %s", args.command, status)
    return status


def _run_command(args: argparse.Namespace) -> int:
    """Sign in as the subcommand needs, then run it under the opening guard."""
    access = database_access(args)
    if access in ("none", "setup"):
        return args.handler(args)
    from desktop.commands.access import opening_guard
    from desktop.commands.access import sign_in_for_command as sign_in
    from desktop.services.storage import guarded

    sign_in(args.db, for_reading=access == "read", command=args.command)
    with guarded(opening_guard(args.command, reads_only=access == "read")):
        return args.handler(args)
