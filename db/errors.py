"""Storage errors: the environmental failures an adviser can act on.

SQLite fails for two very different reasons. Some failures come from the
machine or the file (another program holds the lock, the file is read-only,
the disk is full, the file is damaged or is not a database at all); the user
can fix those, so they become one :class:`StorageError` carrying a plain
Spanish sentence. Everything else (a bad SQL statement, a constraint that our
own code broke) is a bug and must reach the crash handler untouched, so
:func:`translate` returns ``None`` for it and the caller re-raises.

``StorageError`` derives from :class:`desktop.domain.errors.UserError` so the
CLI prints its sentence (exit 2, nothing written) and the GUI shows it through
its one error helper, without either needing to know about SQLite.
"""

from __future__ import annotations

import errno
import functools
from db.driver import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from desktop.domain.errors import UserError

# Kinds of environmental failure, each with the sentence shown to the user.
MESSAGES = {
    "locked": "La base de datos está ocupada por otro programa; cierre las otras ventanas de Rumbo y vuelva a intentarlo.",
    "read_only": "La base de datos es de solo lectura; no se pueden guardar cambios en este archivo.",
    "disk_full": "El disco está lleno; libere espacio y vuelva a intentarlo.",
    "corrupt": "El archivo de base de datos está dañado o no es una base de datos de Rumbo.",
    "cannot_open": "No se puede abrir el archivo de base de datos; revise que la carpeta exista y que tenga permiso para usarla.",
    "foreign": "Este archivo no es una base de datos de Rumbo (pertenece a otro programa); Rumbo no lo modifica.",
    "damaged": "La base de datos está dañada; no se escribe nada en ella. Restaure una copia de seguridad "
               "(«rumbo restore COPIA.db» o Configuración → Copias de seguridad).",
    "encrypted": "La base de datos está cifrada: inicie sesión en Rumbo para abrirla.",
    "wrong_key": "La llave no abre esta base de datos: el archivo de llaves no corresponde a ella o la base "
                 "está dañada. Restaure la base y su archivo .keys de la misma copia de seguridad.",
    "io": "El disco no respondió al leer o escribir la base de datos; revise el dispositivo y vuelva a intentarlo.",
    # The change log's trigger on a device enrolled as national (db.sync.schema, 0006_server_scope).
    "national": "Este equipo es de la coordinación nacional: consulta la cartera de todos los centros pero no "
                "registra ni cambia datos de empresas; eso se hace en el equipo del centro de la empresa.",
}

# Primary SQLite result codes (the low byte of an extended code).
_CODE_KINDS = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    13: "disk_full",  # SQLITE_FULL
    11: "corrupt",  # SQLITE_CORRUPT
    26: "corrupt",  # SQLITE_NOTADB
    14: "cannot_open",  # SQLITE_CANTOPEN
    23: "cannot_open",  # SQLITE_AUTH / permission refused
    3: "cannot_open",  # SQLITE_PERM
    10: "io",  # SQLITE_IOERR
}

_ERRNO_KINDS = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "cannot_open",
    errno.EPERM: "cannot_open",
    errno.ENOTDIR: "cannot_open",
    errno.EEXIST: "cannot_open",
    errno.EIO: "io",
}

# Message fragments, for errors raised without a result code (older Python,
# or errors surfaced through sqlite-utils wrappers).
_TEXT_KINDS = (
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("database schema is locked", "locked"),
    ("readonly database", "read_only"),
    ("read-only", "read_only"),
    ("database or disk is full", "disk_full"),
    ("disk image is malformed", "corrupt"),
    ("file is not a database", "corrupt"),
    ("file is encrypted or is not a database", "corrupt"),
    ("unable to open database file", "cannot_open"),
    ("disk i/o error", "io"),
    ("a national device writes no client data", "national"),
)


class StorageError(UserError):
    """An environmental database failure, shown to the user as one sentence.

    Args:
        kind: one of the keys of :data:`MESSAGES` (or "too_new").
        message: the sentence; defaults to the standard one for ``kind``.
        path: the database file concerned, when known.
    """

    def __init__(self, kind: str, message: str | None = None, path: str | None = None):
        super().__init__(message or MESSAGES[kind])
        self.kind = kind
        self.path = path


class SchemaTooNewError(StorageError):
    """The file was written by a newer Rumbo; this version must not touch it."""

    def __init__(self, file_version: int, path: str | None = None):
        super().__init__(
            "too_new",
            f"Este archivo fue creado por una versión más nueva de Rumbo (esquema {file_version}); "
            "actualice la aplicación.",
            path,
        )
        self.file_version = file_version


class RecordNotFoundError(UserError):
    """A record asked for by id does not exist (or was purged)."""

    def __init__(self, table: str, record_id: str):
        super().__init__(f"No se encontró el registro {record_id} en {_TABLE_NAMES.get(table, table)}.")
        self.table = table
        self.record_id = record_id


class StaleRecordError(UserError):
    """Someone saved the record since the caller read it; nothing was written."""

    def __init__(self, table: str, record_id: str, expected: int, actual: int):
        super().__init__(
            "Otra persona guardó cambios en este registro mientras usted lo editaba; "
            "vuelva a abrirlo para ver la versión actual."
        )
        self.table = table
        self.record_id = record_id
        self.expected = expected
        self.actual = actual


_TABLE_NAMES = {
    "firms": "empresas",
    "advisers": "asesores",
    "contacts": "contactos",
    "assessments": "evaluaciones",
    "answers": "respuestas",
    "notes": "notas",
    "settings": "parámetros",
    "advisory_sessions": "sesiones de asesoría",
    "plan_items": "acciones del plan",
    "impact_milestones": "hitos de impacto",
    "centre_programmes": "programas del centro",
}


def classify_error(exc: BaseException) -> str | None:
    """Return the kind of environmental failure ``exc`` is, or None for a bug."""
    if not isinstance(exc, sqlite3.DatabaseError):
        if isinstance(exc, OSError):
            # Creating the folder or copying a backup: the same failures, from the OS.
            return _ERRNO_KINDS.get(exc.errno)
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _CODE_KINDS:
        return _CODE_KINDS[code & 0xFF]
    text = str(exc).lower()
    for fragment, kind in _TEXT_KINDS:
        if fragment in text:
            return kind
    return None


def translate(exc: BaseException, path: str | None = None) -> StorageError | None:
    """Turn an environmental SQLite failure into a StorageError; None for bugs."""
    if isinstance(exc, StorageError):
        return exc
    kind = classify_error(exc)
    return StorageError(kind, path=path) if kind else None


@contextmanager
def storage_errors(path: str | None = None) -> Iterator[None]:
    """Re-raise environmental SQLite failures inside the block as StorageError."""
    try:
        yield
    except (sqlite3.DatabaseError, OSError) as exc:
        mapped = translate(exc, path)
        if mapped is None or mapped is exc:
            raise
        raise mapped from exc
    except MemoryError as exc:
        mapped = _damaged_page(path)
        if mapped is None:
            raise
        raise mapped from exc


def _damaged_page(path: str | None) -> StorageError | None:
    """SQLCipher reports a page that fails its HMAC as "out of memory": confirm it and say so.

    Only an encrypted file whose key this process holds can be checked; when every page
    passes, the MemoryError was a real one and goes on to the crash handler.
    """
    from db import cipher, keys

    if not cipher.is_encrypted_file(path):
        return None
    key = keys.key_for(path)
    try:
        pages, total = cipher.failed_pages(path, key) if key is not None else ([], 0)
    except (sqlite3.Error, MemoryError, OSError):
        return None
    if not pages or len(pages) >= total:
        return None
    return StorageError("damaged", cipher.damaged_message(pages), path)


P = ParamSpec("P")
R = TypeVar("R")


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a repository function so environmental failures become StorageError."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with storage_errors():
            return func(*args, **kwargs)

    return wrapper
