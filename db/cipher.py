"""SQLCipher's own tools: does a key open a file, which pages fail their HMAC, re-keying.

SQLCipher authenticates every page with an HMAC. A page that fails it is reported
in two unhelpful ways: a read of it raises ``MemoryError`` (the codec's failure
reaches SQLite's pager as "out of memory"), and opening a file whose first page
fails says "file is not a database", exactly as a wrong key does.
``PRAGMA cipher_integrity_check`` checks each page on its own, so it tells the
two apart: with the wrong key every page fails, with a damaged file only some.

``PRAGMA rekey`` works in WAL mode with the SQLCipher that ``sqlcipher3-wheels``
ships (4.x): it rewrites every page in one transaction, so a kill in the middle
leaves the old key (``tests/services/test_rekey_crash.py`` kills it there).
"""

from __future__ import annotations

import re
from pathlib import Path

from db import keys
from db.driver import connect, sqlite3

_FAILED_PAGE = re.compile(r"page (\d+)")


def is_encrypted_file(path: str | Path | None) -> bool:
    """True for an existing, non-empty file that is not plain SQLite (so SQLCipher's)."""
    if path is None or str(path) == ":memory:":
        return False
    file = Path(path)
    try:
        return file.is_file() and file.stat().st_size > 0 and not keys.is_plain_sqlite(file)
    except OSError:
        return False


def _reader(path: Path, key: bytes):
    return connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)


def opens(path: str | Path, key: bytes) -> bool:
    """True when ``key`` reads the file's first page (cheap: no whole-file check)."""
    try:
        conn = _reader(Path(path), key)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except (sqlite3.DatabaseError, MemoryError):
        return False
    finally:
        conn.close()


def first_that_opens(path: str | Path, candidates) -> bytes | None:
    """The first of ``candidates`` (keys) that opens the file, or None."""
    return next((key for key in candidates if key is not None and opens(path, key)), None)


def failed_pages(path: str | Path, key: bytes) -> tuple[list[int], int]:
    """The pages whose HMAC fails under ``key``, and how many pages the file has.

    Reads the whole file once; meant for the error path and ``rumbo check``.
    """
    path = Path(path)
    conn = _reader(path, key)
    try:
        page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0] or 4096)
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    finally:
        conn.close()
    pages = [int(m.group(1)) for (text,) in rows if (m := _FAILED_PAGE.search(str(text)))]
    return pages, max(1, path.stat().st_size // page_size)


def diagnose(path: str | Path, key: bytes | None) -> str:
    """"ok", "damaged" (some pages fail) or "wrong_key" (every page fails, or no key to try)."""
    if key is None:
        return "wrong_key"
    try:
        failed, total = failed_pages(path, key)
    except (sqlite3.Error, MemoryError, OSError):
        return "wrong_key"
    if not failed:
        return "ok"
    return "wrong_key" if len(failed) >= total else "damaged"


def damaged_message(pages: list[int]) -> str:
    """The one sentence for an encrypted file with pages that fail their HMAC."""
    where = f"la página {pages[0]}" if len(pages) == 1 else f"{len(pages)} páginas, la primera la {pages[0]}"
    return (f"La base de datos está dañada ({where} del archivo cifrado no pasa la comprobación de autenticidad): "
            "no se escribe nada en ella; restaure una copia de seguridad con «rumbo restore COPIA.db» o desde "
            "Configuración → Copias de seguridad.")


def rekey_in_place(conn, key: bytes) -> bool:
    """Move an open database to ``key`` with SQLCipher's ``PRAGMA rekey``; True when fully done.

    The rekey rewrites every page in one transaction, so a crash leaves the file under
    the old key or the new one, never half of each. In WAL mode (Rumbo's) the new pages
    go to the ``-wal`` first: the main file keeps old-key pages until a checkpoint copies
    them over, so a ``TRUNCATE`` checkpoint follows. It returns False when a reader in
    another connection held it off; the caller keeps the old key until it is done
    (:func:`checkpoint`).

    The connection must be idle (no open transaction). Other connections to the file
    keyed with the old key fail from then on; they must be opened again.
    """
    if conn.in_transaction:
        raise RuntimeError("rekey inside a transaction")
    conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"").fetchall()
    return checkpoint(conn)


def checkpoint(conn) -> bool:
    """Fold the ``-wal`` into the main file and empty it; True when nothing was left behind."""
    busy, _frames, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0


def rekey_copy(path: str | Path, old: bytes, key: bytes) -> None:
    """Move a closed copy (a backup) from ``old`` to ``key`` in place, as the database is moved.

    The copy goes to WAL mode for the rekey (so a crash leaves it under one key or the
    other), then back to a single file. About 2.5 times faster than exporting it to a
    temporary and checking that, and it needs no room for a second copy.
    """
    conn = connect(str(path), old)
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"").fetchall()
        single_file(conn)
    finally:
        conn.close()


def settle_copy(path: str | Path, key: bytes) -> None:
    """Make a copy whose re-key was cut off after its commit a single file under ``key`` again.

    Until then its main file still holds pages under the old key, readable without the ``-wal``.
    """
    conn = connect(str(path), key)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            single_file(conn)
    finally:
        conn.close()


def single_file(conn) -> None:
    """Fold the ``-wal`` into the main file and go back to a rollback journal (a copy is one file)."""
    checkpoint(conn)
    conn.execute("PRAGMA journal_mode = DELETE").fetchall()
