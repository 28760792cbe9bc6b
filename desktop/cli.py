"""The ``rumbo`` command line: argparse subcommands; no subcommand opens the GUI.

Contract (see ``shared/design/architecture.md``): exit status 0 on success,
2 on bad input or usage (one clear sentence on stderr, nothing written), 1 on an
unexpected failure, 141 when the reader of standard output closed it early
(``rumbo assess … --json | head -1``): no traceback, no message, the status a
shell reports for any program stopped that way (128 + SIGPIPE), so a script with
``set -o pipefail`` can tell the output was cut. The command's own work (an
assessment recorded, a file written) is done by then and kept.
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
    "classify",
    "data",
    "assess",
    "report",
    "bundle",
    "device",
    "maintenance",
    "centre",
)


# Subcommands that never open the database (so never ask to sign in).
NO_DATABASE = {"classify"}
# ``rumbo centre`` actions that use only the technician's connection to the server, no database here.
OWNER_ONLY = {"init", "status", "add", "revoke"}


def sign_in_for_command(db: str | None, environ=os.environ, stdin=None, command: str | None = None) -> None:
    """Sign in before a command opens an encrypted database.

    The user comes from RUMBO_USER or is asked; the password from RUMBO_PASSWORD (for
    scripts) or a prompt that does not echo. Never from the command line, where other
    users of the machine and the shell's history would see it.

    Raises:
        UserError: wrong user or password, no way to ask (no terminal and no variables), ...
    """
    from desktop.services import security
    from desktop.services.storage import default_database_path

    path = db if db is not None else default_database_path()
    if security.state(path) not in ("encrypted", "interrupted") or security.is_unlocked(path):
        return
    stdin = stdin if stdin is not None else sys.stdin
    interactive = stdin is not None and stdin.isatty()
    login, password = environ.get("RUMBO_USER"), environ.get("RUMBO_PASSWORD")
    if not interactive and not (login and password):
        raise UserError("La base está cifrada: indique el usuario y la contraseña en las variables RUMBO_USER y "
                        "RUMBO_PASSWORD, o ejecute la orden en una terminal para que se los pida.", field="password")
    if not login:
        login = input("Usuario de Rumbo: ")
    if not password:
        import getpass

        password = getpass.getpass("Contraseña: ")
    try:
        signed = security.sign_in(path, login, password)
    except UserError as exc:
        # A damaged file is what ``restore`` is for: the password was right, so go on to it.
        if not (command == "restore" and getattr(exc, "kind", None) == "damaged" and security.is_unlocked(path)):
            raise
        return
    fresh = security.issue_owed_recovery_key(path, signed)
    if fresh:  # printed once, on stderr so that it never lands in a file a command writes to stdout
        sys.stderr.write(f"La llave de la base cambió y la clave de recuperación anterior ya no vale. Anote la nueva "
                         f"en un lugar seguro, lejos del equipo; no se vuelve a mostrar: {fresh}\n")


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
        if args.command not in NO_DATABASE and getattr(args, "centre_action", None) not in OWNER_ONLY:
            sign_in_for_command(args.db, command=args.command)
        status = args.handler(args)
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
