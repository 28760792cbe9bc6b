"""Turning a plain Rumbo database into an encrypted one, in place, without risk.

The steps, each safe to be cut off by a crash or ``kill -9``:

1. A verified backup of the plain file is written beside the automatic backups
   (``rumbo-antes-de-cifrar-<time>.db``), and checked as a restore would check it;
   it is removed once the encrypted file is in place (a plain copy would defeat
   the point), and the earlier plain automatic backups are encrypted the same way.
2. The plain file's journal is folded in (``wal_checkpoint`` and ``journal_mode =
   DELETE``), so no ``-wal`` of the plain file can ever be replayed onto the new one.
3. SQLCipher's ``sqlcipher_export`` writes an encrypted copy to a temporary file
   beside it; the copy is opened with the key, checked (``quick_check``, the same
   row count in every table, the same schema version) and flushed to disk.
4. The copy replaces the plain file with one atomic rename.

Before step 4 the plain file is untouched (a leftover temporary is removed at the
next start, which starts over); after it, the encrypted file is complete. The key
file must already hold the key (the caller writes it first), so there is never an
encrypted database nobody can open.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from db import backup as backups
from db import cipher, keys, tempfiles
from db.driver import connect, sqlite3
from db.errors import StorageError, storage_errors

log = logging.getLogger(__name__)


def _tables(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]


def _counts(conn) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


BEFORE_PREFIX = "rumbo-antes-de-cifrar-"


def temporary_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.cifrando.tmp")


def encrypt_in_place(db_path: str | Path, key: bytes, backup_folder: str | Path) -> None:
    """Encrypt the closed plain database at ``db_path`` with ``key``, and its plain copies.

    Raises:
        StorageError: the file is damaged, the disk is full ... (the plain file stays as it was).
    """
    db_path = Path(db_path)
    label = str(db_path)
    folder = Path(backup_folder)
    folder.mkdir(parents=True, exist_ok=True)
    with storage_errors(label):
        plain = connect(str(db_path))
        try:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute("PRAGMA journal_mode = DELETE")
            if [r[0] for r in plain.execute("PRAGMA quick_check")] != ["ok"]:
                raise StorageError("damaged", path=label)
            saved = folder / f"{BEFORE_PREFIX}{backups._stamp()}.db"
            backups._copy_into(plain, saved)
        finally:
            plain.close()
        backups.verify_restorable(saved)
        _encrypt_file(db_path, key, label)
    # The plain copies (the one just made, earlier automatic backups) go encrypted too.
    encrypt_copies(folder, key)
    log.info("Base %s cifrada", db_path)


def encrypt_copies(folder: str | Path, key: bytes) -> int:
    """Encrypt every plain Rumbo copy in a backup folder; the pre-encryption copy is removed.

    Run after every sign-in too, so a copy left plain by a crash never stays readable.
    Returns how many files were made unreadable without the key.
    """
    done = 0
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    for copy in sorted(folder.glob("*.db")):
        if not keys.is_plain_sqlite(copy):
            continue
        if copy.name.startswith(BEFORE_PREFIX):
            copy.unlink(missing_ok=True)  # the database it guarded is now encrypted and verified
        else:
            with storage_errors(str(copy)):
                _encrypt_file(copy, key, str(copy))
        done += 1
    return done


def rekey_copies(copies: list[Path], old_keys: list[bytes], key: bytes) -> int:
    """Move closed copies (backups) still under one of ``old_keys`` to ``key``; returns how many.

    Each copy is re-keyed in place in one transaction (:func:`db.cipher.rekey_copy`), so a
    crash leaves it whole under one key or the other (the caller keeps the old key until
    every copy is done); one cut off after its commit is made a single file again. A copy
    no key here opens is left as it is.
    """
    done = 0
    for copy in copies:
        if keys.is_plain_sqlite(copy):
            continue
        with storage_errors(str(copy)):
            if cipher.opens(copy, key):
                cipher.settle_copy(copy, key)
                continue
            old = cipher.first_that_opens(copy, old_keys)
            if old is None:
                log.warning("Copia %s con una llave desconocida: queda como estaba", copy.name)
                continue
            cipher.rekey_copy(copy, old, key)
        done += 1
    return done


def _encrypt_file(path: Path, key: bytes, label: str) -> None:
    """Export ``path`` encrypted to a temporary beside it, verify, flush and rename over it."""
    tmp = temporary_path(path)
    tempfiles.remove_with_journals(tmp)  # an earlier attempt cut off before its rename
    plain = connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode = DELETE")
        before, version = _counts(plain), plain.execute("PRAGMA user_version").fetchone()[0]
        application_id = plain.execute("PRAGMA application_id").fetchone()[0]
        plain.execute("ATTACH DATABASE ? AS cifrada KEY ?", (str(tmp), f"x'{key.hex()}'"))
        plain.execute("SELECT sqlcipher_export('cifrada')")
        plain.execute(f"PRAGMA cifrada.user_version = {int(version)}")
        plain.execute(f"PRAGMA cifrada.application_id = {int(application_id)}")
        plain.execute("DETACH DATABASE cifrada")
    finally:
        plain.close()
    _verify(tmp, key, before, version, label)
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _verify(tmp: Path, key: bytes, before: dict[str, int], version: int, label: str) -> None:
    if keys.is_plain_sqlite(tmp):
        raise StorageError("io", "La copia cifrada salió sin cifrar; la base queda como estaba.", label)
    conn = connect(str(tmp), key)
    try:
        ok = [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        same = ok and _counts(conn) == before and conn.execute("PRAGMA user_version").fetchone()[0] == version
    except sqlite3.DatabaseError:
        same = False
    finally:
        conn.close()
    if not same:
        tempfiles.remove_with_journals(tmp)
        raise StorageError("io", "La copia cifrada no coincide con la base; la base queda como estaba, sin cifrar.",
                           label)
