"""Backups, restore and the integrity check.

Backups use SQLite's online backup API (``sqlite3.Connection.backup``), which
copies a consistent snapshot even while the application is writing, and are
written under a temporary name and renamed into place, so a half-written
backup never carries the final name. A backup is a single self-contained file
(journal mode DELETE, no ``-wal`` beside it).

Restoring checks the candidate file first (it opens, passes
``integrity_check``, is a Rumbo database, and is not newer than this
application), keeps the current file aside under a timestamped name, and only
then puts the backup in its place. Restore works on a closed database: the
caller closes its Storage first.
"""

from __future__ import annotations

import os
from db.driver import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from db import chain, cipher, keys, tempfiles
from db.audit import AuditReport, audit
from db.chain import ChainReport
from db.driver import connect
from db.errors import SchemaTooNewError, StorageError, storage_errors
from db.connection import connect_read_only, private
from db.identity import check_identity
from db.schema import RECORD_TABLES, SCHEMA_VERSION
from desktop.domain.errors import UserError

AUTO_PREFIX = "rumbo-auto-"


@dataclass
class CheckReport:
    """What :func:`check_file` found.

    Attributes:
        ok: the integrity check and the search index check both passed.
        problems: SQLite's messages when not ok.
        schema_version: the file's schema version; ``app_schema_version`` is this code's.
        counts: table -> number of rows (tombstones included).
        deleted: record table -> number of tombstoned rows.
        history: what the check of the history's hash chain found (``db.chain``).
    """

    ok: bool
    schema_version: int
    app_schema_version: int = SCHEMA_VERSION
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    history: ChainReport | None = None  # the history's hash chain (None when the file is damaged)
    audit: AuditReport | None = None  # rows against history, the history's end, who set roles (db.audit)


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")


def _copy_into(source: sqlite3.Connection, dest: Path, key: bytes | None = None) -> None:
    """Online-backup ``source`` into ``dest`` via a temporary file and a rename.

    An encrypted source is copied encrypted, under the same ``key``: a backup is as
    closed to a finder as the database (and opens with the same sign-in).
    """
    tmp = dest.with_name(f".{dest.name}.{_stamp()}.tmp")
    tempfiles.sweep(dest.parent)
    try:
        target = connect(str(tmp), key)
        try:
            source.backup(target)
            # The copy is one standalone file, whatever mode the source used.
            target.execute("PRAGMA journal_mode = DELETE")
            _mark_as_copy(target)
            private(tmp)  # a backup holds every client's data, like the database
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        tempfiles.remove_with_journals(tmp)  # the temporary's -journal too (a full disk leaves one)
        raise


def _mark_as_copy(conn: sqlite3.Connection) -> None:
    """A copy is nobody's home: wherever it is opened, it takes a new origin first.

    Without this, a backup put back in place (by ``restore`` or by hand) would go on
    numbering changes from where the backup stopped, reusing numbers the centre
    already holds for the later, lost work (see ``db.connection._ensure_device``).
    """
    columns = {row[1] for row in conn.execute("PRAGMA table_info(devices)")}
    if "home" in columns:
        conn.execute("UPDATE devices SET home = 'copia' WHERE is_local = 1")
        conn.commit()


def backup(storage, dest: str | Path, overwrite: bool = False) -> Path:
    """Copy the open database to ``dest`` (safe while it is in use).

    Raises:
        UserError: ``dest`` exists and ``overwrite`` is False, or is the database itself.
        StorageError: the copy could not be written (disk full, no permission ...).
    """
    dest = Path(dest)
    if storage.path is not None and dest.resolve() == Path(storage.path).resolve():
        raise UserError("La copia de seguridad no puede guardarse sobre la propia base de datos.", field="dest")
    if dest.exists() and not overwrite:
        raise UserError(f"Ya existe el archivo {dest}; elija otro nombre para la copia.", field="dest")
    if not dest.parent.is_dir():
        raise UserError(f"No existe la carpeta {dest.parent}; elija una carpeta que exista.", field="dest")
    storage.ensure_sound()  # a copy of a damaged file must not push the good copies out of rotation
    with storage_errors(str(dest)):
        _copy_into(storage.conn, dest, keys.key_for(storage.path) if storage.path else None)
    return dest


def auto_backup(storage, folder: str | Path, keep: int = 7) -> Path:
    """Make a timestamped backup in ``folder`` and keep only the newest ``keep`` of them.

    Only files this function made (``rumbo-auto-*.db``) are ever removed.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dest = backup(storage, folder / f"{AUTO_PREFIX}{_stamp()}.db")
    made = sorted(folder.glob(f"{AUTO_PREFIX}*.db"))
    for old in made[: max(len(made) - keep, 0)]:
        old.unlink(missing_ok=True)
    return dest


def _read_only_keyed(path: Path) -> tuple[sqlite3.Connection, bytes | None]:
    """A read-only connection, keyed with whichever unlocked key opens the file (none if plain)."""
    tries = list(dict.fromkeys(keys.candidates(path)))  # one try per distinct key
    refused: Exception | None = None
    for key in tries:
        try:
            conn = connect_read_only(path, key)
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:  # "not a database": not this key (or a damaged file)
            refused = exc
            continue
        if key is None:
            return conn, key
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn, key
        except (sqlite3.DatabaseError, MemoryError) as exc:
            refused = exc
            conn.close()
    # No key reads the first page: a damaged first page, a file that is no database at all, or no
    # key of this file unlocked here.
    for key in tries:
        if key is not None and cipher.diagnose(path, key) == "damaged":
            raise StorageError("damaged", cipher.damaged_message(cipher.failed_pages(path, key)[0]), str(path))
    if keys.key_for(path) is None and isinstance(refused, sqlite3.DatabaseError):
        raise refused  # no key of its own and no other key reads it: not a database (storage_errors words it)
    raise StorageError("wrong_key", path=str(path))


def _refuse_damaged_pages(path: Path, key: bytes | None) -> None:
    """An encrypted file whose pages fail SQLCipher's HMAC is damaged: one sentence, before any read."""
    if key is None:
        return
    pages, _total = cipher.failed_pages(path, key)
    if pages:
        raise StorageError("damaged", cipher.damaged_message(pages), str(path))


def check_connection(conn: sqlite3.Connection) -> CheckReport:
    """Integrity check, schema version and row counts of an open connection."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    problems = [] if problems == ["ok"] else problems
    # Recent SQLite checks the FTS5 index inside integrity_check: say what that index is.
    problems = [f"índice de búsqueda: {p}" if "fts5" in p or "firms_fts" in p else p for p in problems]
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'firms_fts_%' ORDER BY name")]
    if "firms_fts" in tables and not problems:
        problems += _search_index_problems(conn)
    report = CheckReport(ok=not problems, schema_version=version, problems=problems)
    if not problems and "change_log" in tables and "devices" in tables:
        report.history = chain.verify(conn)
        report.audit = audit(conn)
    for table in tables:
        if table == "firms_fts":
            continue
        report.counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if table in RECORD_TABLES:
            report.deleted[table] = conn.execute(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL").fetchone()[0]
    return report


def _search_index_problems(conn: sqlite3.Connection) -> list[str]:
    """Whether the FTS index agrees with the firms table."""
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("firms", "firms_fts_key", "firms_fts_docsize")]
    if len(set(counts)) != 1:
        return [f"índice de búsqueda: {counts[0]} empresas, {counts[2]} indexadas"]
    try:
        # FTS5's own check compares the index with the stored text. It is
        # written as an INSERT, so a read-only connection cannot run it.
        conn.execute("INSERT INTO firms_fts(firms_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF != 8:  # SQLITE_READONLY
            return [f"índice de búsqueda: {exc}"]
    return []


def check_file(path: str | Path) -> CheckReport:
    """Check a database file without changing it (opened read-only).

    Raises:
        UserError: the file does not exist.
        StorageError: it is not a database or is too damaged to read.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"No existe el archivo de base de datos {path}.", field="path")
    with storage_errors(str(path)):
        conn, key = _read_only_keyed(path)
        try:
            _refuse_damaged_pages(path, key)
            check_identity(conn.execute, str(path))  # another program's file is not "correct"
            return check_connection(conn)
        finally:
            conn.close()


def verify_restorable(src: str | Path) -> CheckReport:
    """Make sure ``src`` is a sound Rumbo database this application can use.

    Raises:
        UserError / StorageError: with the sentence saying why it cannot be restored.
    """
    src = Path(src)
    report = check_file(src)
    if report.schema_version > SCHEMA_VERSION:
        raise SchemaTooNewError(report.schema_version, str(src))
    if report.schema_version < 1 or "_sqlite_migrations" not in report.counts or "firms" not in report.counts:
        raise StorageError("corrupt", "El archivo no es una copia de seguridad de Rumbo.", str(src))
    if not report.ok:
        raise StorageError("corrupt", "El archivo de la copia está dañado; no se puede restaurar.", str(src))
    return report


def restore(db_path: str | Path, src: str | Path) -> Path | None:
    """Replace the (closed) database at ``db_path`` with the backup ``src``.

    The backup is checked first; then the current file, if any, is moved aside
    as ``<name>.antes-de-restaurar-<UTC time>.db`` (its ``-wal`` journal folded
    in first); then a copy of the backup takes its place. The caller opens the
    database afterwards, which upgrades a backup from an older version.

    Returns:
        Where the previous database was kept, or None if there was none.
    """
    db_path, src = Path(db_path), Path(src)
    verify_restorable(src)
    if db_path.exists() and db_path.resolve() == src.resolve():
        raise UserError("La copia que quiere restaurar es la misma base de datos en uso.", field="src")
    aside = None
    with storage_errors(str(db_path)):
        if db_path.exists():
            aside = db_path.with_name(f"{db_path.stem}.antes-de-restaurar-{_stamp()}{db_path.suffix or '.db'}")
            try:
                current_key = keys.key_for(db_path) if not keys.is_plain_sqlite(db_path) else None
                current = connect(str(db_path), current_key)
                try:
                    # The copy kept aside must be complete on its own: use the backup API.
                    _copy_into(current, aside, current_key)
                finally:
                    current.close()
            except (sqlite3.DatabaseError, MemoryError):
                # The current file is damaged (often why one restores; SQLCipher reports a page
                # that fails its HMAC as MemoryError): keep it as it is.
                for suffix in ("", "-wal", "-shm"):
                    if Path(f"{db_path}{suffix}").exists():
                        os.replace(f"{db_path}{suffix}", f"{aside}{suffix}")
        # A journal left by the old file must never be replayed onto the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        source, key = _read_only_keyed(src)
        try:
            # The backup API also picks up a source still in WAL mode with its -wal beside it.
            _copy_into(source, db_path, key)
        finally:
            source.close()
    return aside
