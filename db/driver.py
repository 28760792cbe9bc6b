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

# The level is process-wide in SQLCipher 4.6+; set it once here too, for connections made
# elsewhere (sqlite-utils' in-memory databases).
_quiet = sqlite3.connect(":memory:")
_quiet.execute("PRAGMA cipher_log_level = NONE")
_quiet.close()


def connect(target: str, key: bytes | None = None, **kwargs):
    """A connection to ``target``, keyed first when the file is encrypted (``key`` given).

    SQLCipher's log is silenced before the key: by default it writes «ERROR CORE …»
    lines to standard error on a wrong key or a damaged page, ahead of the one
    sentence the adviser should read (the failure itself still raises).
    """
    conn = sqlite3.connect(target, **kwargs)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn
