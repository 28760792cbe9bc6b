"""Opening a Rumbo database: pragmas, version check, migrations, device row.

:func:`open_storage` is the only way the application gets a connection. It
returns a :class:`Storage`, which holds the sqlite-utils ``Database``, the
file's path and this database's device identity (the ``origin`` stamped on
every change it makes).
"""

from __future__ import annotations

import logging
import os
import socket
from db.driver import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uuid_utils
from sqlite_utils import Database

from db import chain, keys, tempfiles
from db.driver import connect
from db.clock import now_iso
from db.errors import StorageError, storage_errors
from db.identity import check_identity
from db.schema import MIGRATIONS, SCHEMA_VERSION
from db.sync.schema import apply_sync_migrations

log = logging.getLogger(__name__)

# How long a writer waits for another connection's lock before giving up (ms).
BUSY_TIMEOUT_MS = 5000


class Storage:
    """An open Rumbo database.

    Attributes:
        db: the sqlite-utils Database (repositories use ``db.conn`` / ``db.execute``).
        path: the file, or None for an in-memory database.
        device_id: this database's device id (UUID text), the ``origin`` of its changes.
        device_name: the human name of this device ("Equipo laptop-ana").
    """

    def __init__(self, db: Database, path: Path | None, device_id: str, device_name: str):
        self.db = db
        self.path = path
        self.device_id = device_id
        self.device_name = device_name

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def ensure_sound(self) -> None:
        """Refuse to go on with bulk work on a damaged file (SQLite's quick check, once per opening).

        Writing into a damaged database spreads the damage and makes the newest
        backups worthless; the adviser is told to restore one instead. The check
        reads the whole file (about 0.5 s per 30,000 firms), so it guards bulk
        work and the start-up backup, not every single edit.

        Raises:
            StorageError: "damaged", with the sentence saying how to restore a backup.
        """
        if getattr(self, "_sound", False):
            return
        with storage_errors(str(self.path) if self.path else None):
            problems = [row[0] for row in self.conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            log.error("Base %s dañada: %s", self.path, "; ".join(problems))
            raise StorageError("damaged", path=str(self.path) if self.path else None)
        self._sound = True

    @contextmanager
    def write(self) -> Iterator[Storage]:
        """Run the block as one write transaction (a savepoint when nested).

        The outermost level starts with ``BEGIN IMMEDIATE`` so the write lock is
        taken up front: a deferred transaction that reads first could fail
        straight away with "database is locked" when another writer got in
        between, ignoring the busy timeout.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        label = str(self.path) if self.path else None
        with storage_errors(label):
            conn.execute("BEGIN IMMEDIATE")
        try:
            with storage_errors(label):  # a full disk mid-write, as at COMMIT, is the user's sentence
                yield self
        except BaseException:
            _rollback(conn)
            raise
        # A full disk or a lost device shows at COMMIT: the sentence for the user, nothing kept.
        try:
            with storage_errors(label):
                chain.seal(conn, self.device_id)
                conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Storage {self.path or ':memory:'} device={self.device_name!r}>"


def private(path: Path) -> None:
    """Only the adviser's own account may read a file of client data (0600; journals follow the file).

    Files made by older versions (0644) are tightened at their next opening. Where the
    system does not allow it (another owner, a FAT stick, Windows ACLs) it is left as is.
    """
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)
        except OSError:
            continue


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open transaction; a rollback that itself fails (disk gone) must not hide the first error."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("No se pudo deshacer la transacción", exc_info=True)


def default_device_name() -> str:
    """The name a new database gives its device until the user renames it."""
    return f"Equipo {socket.gethostname() or 'sin nombre'}"


def open_reader(path: str | Path) -> Storage:
    """Open an existing database for reading only: export, reports, lists of history.

    Nothing is written: no journal mode change, no device row, no sweep, so a file on
    read-only media (a CD, a write-protected stick, a shared folder without write
    permission) can still be exported. A file that needs upgrading first is opened
    for writing instead (the upgrade must be written); on read-only media that gives
    the read-only sentence.

    Raises:
        StorageError: the file is missing, not Rumbo's, damaged or newer than this Rumbo.
    """
    file_path = Path(path)
    label = str(file_path)
    if not file_path.is_file():
        raise StorageError("cannot_open", path=label)
    with storage_errors(label):
        key = _key_or_refuse(file_path, label)
        try:
            conn = connect_read_only(file_path, key)
        except sqlite3.OperationalError:
            raise
        except (sqlite3.DatabaseError, MemoryError) as exc:
            if key is None:
                raise
            raise _unreadable(label, key) from exc  # a wrong key, or a damaged first page
        db = Database(conn)
        try:
            version = check_identity(db.execute, label)
            row = db.execute("SELECT id, name FROM devices WHERE is_local = 1").fetchone() if version else None
        except BaseException:
            db.close()
            raise
    if version != SCHEMA_VERSION or row is None:
        db.close()
        return open_storage(file_path)
    return Storage(db, file_path, row[0], row[1])


def connect_read_only(path: Path, key: bytes | None) -> sqlite3.Connection:
    """A connection that never writes the file or its folder (read-only media included).

    A database in WAL mode needs its ``-shm`` index to be read; on media where that file
    cannot be made (a CD, a write-protected stick, a folder without write permission),
    SQLite refuses even a read-only opening ("attempt to write a readonly database").
    Then, when no journal holds changes not yet folded into the file, the file is read
    as it is (``immutable``); a journal with changes cannot be read there, and the
    read-only sentence stands.

    Raises:
        sqlite3.Error: the file cannot be read (the caller turns it into a sentence).
    """
    uri = path.resolve().as_uri()
    conn = connect(f"{uri}?mode=ro", key, uri=True)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    return connect(f"{uri}?immutable=1", key, uri=True)


def open_storage(path: str | Path | None, *, device_name: str | None = None, migrate: bool = True) -> Storage:
    """Open (creating if needed) and upgrade a Rumbo database.

    Args:
        path: the database file; None or ":memory:" for a throw-away in-memory database.
        device_name: name for this device if the file is new; defaults to "Equipo <hostname>".
        migrate: apply pending migrations (False only for tests that build old files).

    Returns:
        The open Storage.

    Raises:
        SchemaTooNewError: the file was written by a newer Rumbo.
        StorageError: the file cannot be opened, is not a Rumbo database, is
            damaged, read-only or locked.
    """
    memory = path is None or str(path) == ":memory:"
    file_path = None if memory else Path(path)
    label = None if memory else str(file_path)
    try:
        return _open(file_path, label, device_name, migrate)
    except StorageError as exc:
        # SQLite says "cannot open" when it cannot make the journal beside a file on read-only media.
        if exc.kind == "cannot_open" and file_path is not None and file_path.is_file() \
                and not os.access(file_path.parent, os.W_OK):
            raise StorageError("read_only", path=label) from exc
        raise


def _open(file_path: Path | None, label: str | None, device_name: str | None, migrate: bool) -> Storage:
    memory = file_path is None
    with storage_errors(label):
        if file_path is not None:
            file_path.parent.mkdir(parents=True, exist_ok=True)
            tempfiles.sweep(file_path.parent)  # what killed writers of earlier runs left behind
        key = None if memory else _key_or_refuse(file_path, label)
        db = Database(memory=True) if memory else Database(connect(str(file_path), key, check_same_thread=False))
        try:
            if key is not None:
                _check_key(db, label, key)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            check_identity(db.execute, label)
            if not memory:
                db.enable_wal()
                db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            # A larger page cache keeps the firm indexes in memory during big imports.
            db.execute("PRAGMA cache_size = -32000")
            if migrate:
                before = db.execute("PRAGMA user_version").fetchone()[0]
                MIGRATIONS.apply(db)
                after = db.execute("PRAGMA user_version").fetchone()[0]
                if after != before:
                    log.info("Esquema de %s actualizado de la versión %s a la %s", label or "memoria", before, after)
                # The sync tables (own migration set) exist from the start too.
                apply_sync_migrations(db)
            device_id, name = _ensure_device(db, device_name, None if memory else file_home(file_path))
            if migrate:
                _seal_history(db)
            if file_path is not None:
                private(file_path)
        except BaseException:
            db.close()
            raise
    return Storage(db, file_path, device_id, name)


def _seal_history(db: Database) -> None:
    """Link this database's change-log entries written before the chain existed (see ``db.chain``)."""
    origins = [r[0] for r in db.execute(
        "SELECT DISTINCT origin FROM change_log WHERE hash IS NULL AND origin IN"
        " (SELECT id FROM devices WHERE is_local = 1 OR retired_at IS NOT NULL)")]
    if origins:
        with db.atomic():
            for origin in origins:
                sealed = chain.seal(db.conn, origin)
                log.info("Historial de %s encadenado: %s cambios", origin, sealed)


def _key_or_refuse(file_path: Path, label: str | None) -> bytes | None:
    """The key this process unlocked for the file; refuses an encrypted file nobody unlocked."""
    key = keys.key_for(file_path)
    if key is None and file_path.is_file() and file_path.stat().st_size > 0 and not keys.is_plain_sqlite(file_path) \
            and keys.key_file_path(file_path).exists():
        raise StorageError("encrypted", path=label)
    return key


def _check_key(db: Database, label: str | None, key: bytes) -> None:
    """The first read tells whether the key opens the file (SQLCipher says "not a database").

    A damaged first page reads the same as a wrong key; SQLCipher's page-by-page check
    tells them apart (with the wrong key every page fails).
    """
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        raise  # not the key: read-only media, a lock ... (the caller's sentence for it)
    except (sqlite3.DatabaseError, MemoryError) as exc:
        raise _unreadable(label, key) from exc


def _unreadable(label: str | None, key: bytes) -> StorageError:
    from db import cipher

    if label is not None and cipher.diagnose(label, key) == "damaged":
        pages, _total = cipher.failed_pages(label, key)
        return StorageError("damaged", cipher.damaged_message(pages), label)
    return StorageError("wrong_key", path=label)


def file_home(path: Path) -> str:
    """Where an origin lives: this machine and this file's absolute path."""
    return f"{socket.gethostname()}\n{path.resolve()}"


def _ensure_device(db: Database, device_name: str | None, home: str | None) -> tuple[str, str]:
    """This database's origin: created for a new file, renewed for a file that moved.

    A file whose recorded home differs from where it is opened now was copied
    (to another laptop or folder) or is a backup put back in place: the changes
    it numbered after that copy was taken may already be at the centre under the
    same numbers. It therefore gets a new origin, before any write, and its
    earlier origin is kept as retired (its changes stay this database's to send).
    """
    has_home = "home" in {r[1] for r in db.execute("PRAGMA table_info(devices)")}
    row = db.execute("SELECT id, name" + (", home" if has_home else "") + " FROM devices WHERE is_local = 1").fetchone()
    if row and (not has_home or home is None or row[2] == home):
        return row[0], row[1]
    stamp = now_iso()
    if row and row[2] is None:
        # First start of a file from before homes were recorded: it is where it has always been.
        with db.atomic():
            db.execute("UPDATE devices SET home = ? WHERE id = ?", (home, row[0]))
        return row[0], row[1]
    device_id = str(uuid_utils.uuid7())
    name = row[1] if row else (device_name or default_device_name())
    with db.atomic():
        if row:
            db.execute("UPDATE devices SET is_local = 0, retired_at = ?, home = NULL, updated_at = ? WHERE id = ?",
                       (stamp, stamp, row[0]))
            db.execute(
                "INSERT INTO devices (id, name, is_local, current_adviser_id, home, created_at, updated_at)"
                " SELECT ?, name, 1, current_adviser_id, ?, ?, ? FROM devices WHERE id = ?",
                (device_id, home, stamp, stamp, row[0]),
            )
            log.info("Origen nuevo %s para %s (antes %s): el archivo fue copiado o restaurado", device_id,
                     home.replace("\n", " ") if home else "memoria", row[0])
        else:
            columns = "id, name, is_local, created_at, updated_at" + (", home" if has_home else "")
            values = (device_id, name, 1, stamp, stamp) + ((home,) if has_home else ())
            db.execute(f"INSERT INTO devices ({columns}) VALUES ({', '.join('?' * len(values))})", values)
    return device_id, name
