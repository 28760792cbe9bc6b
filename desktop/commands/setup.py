"""``rumbo setup``: encrypt a database and set its sign-in up, from the command line.

What a centre's technician runs before anything else: on a new path it creates the
database encrypted from its first byte; on a plain database of an earlier Rumbo it
encrypts it in place (after a verified backup). Whoever sets up becomes the
database's administrator. The password is never an argument: RUMBO_PASSWORD (for
scripts) or typed twice at a prompt that does not echo. The recovery key is printed
once, to be written down.
"""

from __future__ import annotations

from desktop.commands.access import database_path, set_up_interactively


def register(subparsers) -> None:
    """Add the ``setup`` subcommand."""
    p = subparsers.add_parser(
        "setup", help="cifrar la base de datos y configurar el inicio de sesión (su administrador)",
        description="Crea la base de datos cifrada, o cifra en su lugar la de una versión anterior de Rumbo, y "
                    "configura el inicio de sesión: quien la configura es su administrador. La contraseña se toma "
                    "de la variable RUMBO_PASSWORD o se escribe dos veces sin que se vea; lo que falte se pregunta "
                    "en la terminal. La clave de recuperación se muestra una sola vez.")
    p.add_argument("--name", metavar="NOMBRE", help="nombre del administrador (quien configura)")
    p.add_argument("--centre", metavar="CENTRO", help="centro al que pertenece (opcional)")
    p.add_argument("--login", metavar="USUARIO",
                   help="usuario para entrar a Rumbo (por defecto, la variable RUMBO_USER)")
    p.set_defaults(handler=run_setup)


def run_setup(args) -> int:
    """Set sign-in up on the ``--db`` file (or the default one)."""
    set_up_interactively(database_path(args.db), name=args.name, centre=args.centre, login=args.login)
    return 0
