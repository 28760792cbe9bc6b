"""Backups, restore and the integrity check, for the GUI and the command line.

The automatic backup at start-up keeps the last few copies in the user data
folder (``<data>/Rumbo/copias``) so an adviser who breaks something today can
go back to this morning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_data_dir

from db import backup as backups
from db import chain, keys
from db.audit import AuditReport, Finding, audit
from db.chain import ChainBreak, ChainReport
from db.backup import CheckReport
from db.connection import Storage
from desktop.domain.errors import UserError

log = logging.getLogger(__name__)

AUTO_BACKUPS_KEPT = 7


def backup_folder() -> Path:
    """Where automatic backups go."""
    return Path(user_data_dir("Rumbo", appauthor=False)) / "copias"


def database_backup_folder(storage: Storage) -> Path:
    """This database's own folder of automatic backups.

    Each database file rotates its own copies: opening a demo or a test file
    seven times must never push the real database's copies out. The folder
    is named after the file and its device id (unique to each database).
    """
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in storage.path.stem)[:40] or "rumbo"
    return backup_folder() / f"{stem}-{storage.device_id[-8:]}"


def startup_backup(storage: Storage, folder: str | Path | None = None, keep: int = AUTO_BACKUPS_KEPT) -> Path | None:
    """Make the rotating start-up backup of a file database (None for in-memory ones).

    Args:
        folder: where to rotate the copies; by default this database's own
            folder (:func:`database_backup_folder`).

    Raises:
        db.errors.StorageError: the copy could not be written; the caller
            logs it and carries on.
    """
    if storage.path is None:
        return None
    return backups.auto_backup(storage, Path(folder) if folder else database_backup_folder(storage), keep)


def backup_database(storage: Storage, dest: str | Path) -> Path:
    """Save a copy of the open database to ``dest`` (which must not exist)."""
    written = backups.backup(storage, dest)
    log.info("Copia de seguridad escrita en %s", written)
    return written


def restore_database(db_path: str | Path, src: str | Path) -> Path | None:
    """Replace the closed database at ``db_path`` with a checked backup.

    Returns:
        Where the previous database was kept, or None if there was none.

    Raises:
        UserError: the backup is a plain one (from before encryption) and the database has
            sign-in: putting it in place would leave the clients' data unencrypted on disk.
    """
    src = Path(src)
    if keys.key_file_path(db_path).exists() and keys.is_plain_sqlite(src):
        raise UserError(f"La copia «{src.name}» es de antes del cifrado y no se restaura sobre una base cifrada: "
                        f"para volver a ella, cífrela como base aparte con «rumbo --db {src} setup».", field="src")
    kept = backups.restore(db_path, src)
    log.info("Base %s restaurada desde %s (la anterior quedó en %s)", db_path, src, kept)
    return kept


def check_database(path: str | Path) -> CheckReport:
    """Integrity, schema version and counts of a database file, without changing it."""
    return backups.check_file(path)


# What each table's record is called in a sentence about the history.
RECORD_WORDS = {
    "firms": "empresa", "advisers": "asesor", "contacts": "contacto", "assessments": "evaluación",
    "answers": "respuesta", "notes": "nota", "settings": "parámetro",
    "advisory_sessions": "sesión de asesoría", "plan_items": "acción del plan", "impact_milestones": "hito de impacto",
}
BREAK_WORDS = {
    "altered": "fue modificado después de registrarse",
    "missing": "le falta un cambio anterior, que fue borrado",
    "unsealed": "no lleva sello aunque los cambios anteriores sí",
}


def verify_history(storage: Storage) -> ChainReport:
    """Recompute the history's hash chain (every origin held here) and name the first broken entry."""
    return chain.verify(storage.conn)


def audit_history(storage: Storage) -> AuditReport:
    """What the chain cannot see: rows changed without history, history cut at its end, roles set by
    someone who was no administrator then (:mod:`db.audit`)."""
    return audit(storage.conn)


_FINDING_WORDS = {
    "row_without_history": "{record} no coincide con su historial ({detail}): fue cambiado fuera de Rumbo",
    "history_cut": "al historial de «{label}» le faltan cambios del final ({detail}): fueron borrados",
    "authority": "{record}: {detail}, que no era administrador en ese momento",
}


def finding_sentence(finding: Finding) -> str:
    """One sentence naming what :func:`audit_history` found."""
    record = RECORD_WORDS.get(finding.table, finding.table) + (f" «{finding.label}»" if finding.label else "")
    text = _FINDING_WORDS[finding.kind].format(record=record, detail=finding.detail, label=finding.label)
    return text[0].upper() + text[1:] + "."


def break_sentence(brk: ChainBreak) -> str:
    """One sentence naming a broken entry of the history."""
    record = RECORD_WORDS.get(brk.table, brk.table) + (f" «{brk.label}»" if brk.label else "")
    return (f"El cambio {brk.origin_seq} de «{brk.origin_name}» ({record}, "
            f"{brk.changed_at[:16].replace('T', ' ')}) {BREAK_WORDS.get(brk.reason, brk.reason)}.")
