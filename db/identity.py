"""Knowing Rumbo's own database files, and refusing everything else before touching it.

A Rumbo file carries Rumbo's application id in its SQLite header (``PRAGMA
application_id``, set by migration 0005); files made before that are known by
their migrations table holding Rumbo's migration set. Any other SQLite file
(another program's, whatever its ``user_version`` says) is refused with one
sentence and left untouched, by opening, checking and restoring alike.
"""

from __future__ import annotations

from collections.abc import Callable

from db.errors import SchemaTooNewError, StorageError
from db.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def check_identity(execute: Callable, label: str | None) -> int:
    """Raise unless the open file is empty or Rumbo's, and not newer than this code; return its version.

    Args:
        execute: the connection's ``execute`` (sqlite3 or sqlite-utils).
        label: the file's path, for the error.
    """
    # Reading the header is also what reveals a file that is not SQLite at all.
    application_id = execute("PRAGMA application_id").fetchone()[0]
    if application_id not in (0, APPLICATION_ID):
        raise StorageError("foreign", path=label)
    tables = {r[0] for r in execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and not _has_rumbo_migrations(execute, tables):
        raise StorageError("foreign", path=label)
    version = execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(version, label)
    return version


def _has_rumbo_migrations(execute: Callable, tables: set[str]) -> bool:
    if "_sqlite_migrations" not in tables:
        return False
    row = execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATIONS.name,)).fetchone()
    return row[0] > 0
