"""The SQLite the application runs on: SQLCipher, through ``sqlcipher3``.

SQLCipher is SQLite with transparent page encryption (AES-256, keys from
``PRAGMA key``); the ``sqlcipher3-wheels`` distribution ships it compiled, with
FTS5 and JSON, for Windows, macOS and Linux, so an adviser's laptop needs no
compiler. Its module has the standard library's ``sqlite3`` interface, and every
module of ``db`` imports ``sqlite3`` from here, so exceptions and connections are
of one kind throughout.

sqlite-utils picks its SQLite module at import: ``pysqlite3`` when that name
can be imported, else the standard library's. Registering SQLCipher's module
under that name (before sqlite-utils is first imported, which ``db/__init__``
guarantees) makes sqlite-utils connect through SQLCipher and catch SQLCipher's
exceptions where it catches ``OperationalError``. A file opened without a key is
read and written as plain SQLite, as before.
"""

from __future__ import annotations

import sys

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlite3

if "sqlite_utils" not in sys.modules:
    sys.modules.setdefault("pysqlite3", sqlcipher3)
    sys.modules.setdefault("pysqlite3.dbapi2", sqlite3)

__all__ = ["sqlite3", "connect"]


def connect(target: str, key: bytes | None = None, **kwargs):
    """A connection to ``target``, keyed first when the file is encrypted (``key`` given)."""
    conn = sqlite3.connect(target, **kwargs)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn
