"""Who may open which database from the command line: sign-in, set-up and the opening guard.

The command line never writes client data to a plain file (issue 31). Before a command
runs, :func:`sign_in_for_command` unlocks an encrypted database (RUMBO_USER /
RUMBO_PASSWORD or a prompt that does not echo). While it runs, :func:`opening_guard`
is asked at every opening of a database (``desktop.services.storage.guarded``):

- a writing command on a **new** path sets sign-in up first: ``rumbo demo`` with the
  documented demo account, any other command by asking the same questions as
  ``rumbo setup`` when a person is at a terminal; without a terminal it is refused
  with one sentence naming ``rumbo setup``, and nothing is created;
- a writing command on a **plain** database of an earlier Rumbo is refused with a
  sentence naming ``rumbo setup`` (``rumbo demo`` on one that holds no firm sets the
  demo account up, as ``rumbo --demo`` does);
- a reading command (export, check, report) reads a plain database as it is, and on a
  new path says the file does not exist.

The guard runs when the command opens the file, so a command's own checks of its
input (a missing CSV, a bad option) still come first and still write nothing.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services import security
from desktop.services.storage import default_database_path, guarded

# How many times a person at a terminal may retype a value the set-up refuses.
TRIES = 3
_YES = {"s", "si", "sí", "y", "yes"}


def database_path(db: str | os.PathLike | None) -> Path:
    """The file a command works on: ``--db`` or the default one."""
    return Path(db) if db is not None else default_database_path()


def _interactive(stdin) -> bool:
    stdin = stdin if stdin is not None else sys.stdin
    try:
        return stdin is not None and stdin.isatty()
    except ValueError:  # a closed standard input
        return False


def sign_in_for_command(db: str | None, environ=os.environ, stdin=None, for_reading: bool = False,
                        command: str | None = None) -> None:
    """Sign in before a command opens an encrypted database.

    The user comes from RUMBO_USER or is asked; the password from RUMBO_PASSWORD (for
    scripts) or a prompt that does not echo. Never from the command line, where other
    users of the machine and the shell's history would see it.

    Args:
        for_reading: the command only reads; the sign-in then writes nothing either, so a
            database on read-only media can be exported and checked.

    Raises:
        UserError: wrong user or password, no way to ask (no terminal and no variables), ...
    """
    path = database_path(db)
    if security.state(path) not in ("encrypted", "interrupted") or security.is_unlocked(path):
        return
    login, password = environ.get("RUMBO_USER"), environ.get("RUMBO_PASSWORD")
    if not _interactive(stdin) and not (login and password):
        raise UserError("La base está cifrada: indique el usuario y la contraseña en las variables RUMBO_USER y "
                        "RUMBO_PASSWORD, o ejecute la orden en una terminal para que se los pida.", field="password")
    if not login:
        login = _ask("Usuario de Rumbo: ")
    if not password:
        password = _ask_secret("Contraseña: ")
    try:
        signed = security.sign_in(path, login, password, for_reading=for_reading)
    except UserError as exc:
        # A damaged file is what ``restore`` is for: the password was right, so go on to it.
        if not (command == "restore" and getattr(exc, "kind", None) == "damaged" and security.is_unlocked(path)):
            raise
        return
    try:
        fresh = security.issue_owed_recovery_key(path, signed)
    except OSError:
        if not for_reading:
            raise
        fresh = None  # read-only media: the next sign-in that may write issues it
    if fresh:  # printed once, on stderr so that it never lands in a file a command writes to stdout
        sys.stderr.write(f"La llave de la base cambió y la clave de recuperación anterior ya no vale. Anote la nueva "
                         f"en un lugar seguro, lejos del equipo; no se vuelve a mostrar: {fresh}\n")


def opening_guard(command: str, reads_only: bool = False, environ=os.environ, stdin=None):
    """The guard a command runs under (see the module's text).

    Args:
        command: the subcommand's name (``demo`` sets the demo account up).
        reads_only: the command only reads, even where it opens the file as a writer would
            (``report --all``): a new path is then a missing file, and a plain base is read.
    """

    def guard(path: Path, write: bool) -> None:
        write = write and not reads_only
        if str(path) == ":memory:" or security.is_unlocked(path):
            return  # being set up right now, or signed in
        current = security.state(path)
        if current in ("encrypted", "interrupted"):
            return  # signed in before the command started
        if not write:
            if current == "new":
                raise UserError(f"No existe el archivo de base de datos {path}.", field="db")
            return  # a plain database of an earlier Rumbo may still be read
        with guarded(None):  # setting up opens the file itself
            if current == "new":
                _set_up_new(path, command, environ, stdin)
            else:
                _refuse_plain(path, command)

    return guard


def _set_up_new(path: Path, command: str, environ, stdin) -> None:
    if command == "demo":
        security.set_up_demo(path)
        sys.stdout.write(f"Base nueva {path}, cifrada con la cuenta de demostración: usuario «{security.DEMO_LOGIN}», "
                         f"contraseña «{security.DEMO_PASSWORD}».\n")
        return
    if not _interactive(stdin):
        raise UserError(f"No existe la base de datos {path}: créela con «rumbo setup», que la cifra y configura el "
                        "inicio de sesión, y vuelva a ejecutar la orden.", field="db")
    answer = _ask(f"No existe la base de datos {path}. ¿Crearla ahora, cifrada y con inicio de sesión? [s/N] ")
    if answer.strip().casefold() not in _YES:
        raise UserError("No se creó la base de datos; puede crearla con «rumbo setup».", field="db")
    set_up_interactively(path, environ=environ, stdin=stdin)


def _refuse_plain(path: Path, command: str) -> None:
    if command == "demo" and security.holds_no_firms(path):
        security.set_up_demo(path)
        sys.stdout.write(f"La base {path} quedó cifrada con la cuenta de demostración: usuario "
                         f"«{security.DEMO_LOGIN}», contraseña «{security.DEMO_PASSWORD}».\n")
        return
    raise UserError(f"La base {path} es de una versión anterior de Rumbo y no está cifrada: configure el inicio de "
                    "sesión con «rumbo setup» antes de escribir en ella.", field="db")


def set_up_interactively(path: Path, name: str | None = None, centre: str | None = None, login: str | None = None,
                         environ=os.environ, stdin=None) -> security.SetUpResult:
    """Set sign-in up on a new or plain database, asking at the terminal for what is missing.

    The password comes from RUMBO_PASSWORD or is typed twice at a prompt that does not echo;
    the login from ``login``, RUMBO_USER or a prompt. The recovery key is printed once.

    Raises:
        UserError: a value is missing and nobody can be asked, a value is refused three
            times, or the set-up itself is refused (already set up ...). Nothing is written then.
    """
    interactive = _interactive(stdin)
    state = security.state(path)
    if state not in ("new", "plain"):
        raise UserError("Esta base ya tiene el inicio de sesión configurado: entre con su usuario.", field="login")
    name = _value(name, "Su nombre (será el administrador de la base): ", "--name", "su nombre", interactive,
                  security.check_name)
    if centre is None and interactive:
        centre = _ask("Centro (opcional, Enter para omitirlo): ").strip() or None
    login = _value(login or environ.get("RUMBO_USER"), "Usuario para entrar a Rumbo: ", "--login",
                   "el usuario", interactive, security.check_login)
    password = environ.get("RUMBO_PASSWORD")
    if password:
        security.check_password(password)
    elif interactive:
        password = _retry(lambda: security.check_password(_ask_secret("Contraseña (al menos "
                                                                      f"{security.MIN_PASSWORD} caracteres): "),
                                                          _ask_secret("Repita la contraseña: ")))
    else:
        raise UserError("Indique la contraseña en la variable RUMBO_PASSWORD, o ejecute la orden en una terminal "
                        "para que se la pida.", field="password")
    with guarded(None):
        made = security.set_up(path, name, login, password, password, centre=centre)
    who = made.signed_in
    done = "quedó cifrada" if state == "plain" else "se creó cifrada"
    sys.stdout.write(
        f"La base {path} {done}; {who.name} es su administrador y entra con el usuario «{who.login}».\n"
        f"Clave de recuperación: {made.recovery_key}\n"
        "Anótela en papel y guárdela en un lugar seguro: abre la base si se olvida la contraseña, "
        "y Rumbo no la volverá a mostrar.\n")
    sys.stdout.flush()
    return made


def _value(given, prompt: str, option: str, what: str, interactive: bool, check):
    """A value from its option or, at a terminal, asked (and asked again while refused)."""
    if given:
        return check(given)
    if not interactive:
        raise UserError(f"Indique {what} con {option}, o ejecute la orden en una terminal para que se lo pida.",
                        field=option)
    return _retry(lambda: check(_ask(prompt)))


def _retry(ask_and_check):
    """Ask again after a refusal (the sentence on stderr), at most :data:`TRIES` times."""
    for attempt in range(TRIES):
        try:
            return ask_and_check()
        except UserError as exc:
            if attempt == TRIES - 1:
                raise
            sys.stderr.write(f"{exc.message}\n")
    raise AssertionError("unreachable")  # pragma: no cover


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        sys.stdout.write("\n")
        raise UserError("Cancelado: no se creó ni cambió nada.", field="db") from None


def _ask_secret(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        sys.stdout.write("\n")
        raise UserError("Cancelado: no se creó ni cambió nada.", field="password") from None
