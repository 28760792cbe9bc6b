"""What a technician needs when something goes wrong in the field: the support log and a diagnosis.

The log is a rotating file in the user's data folder (``<data>/Rumbo/registros/rumbo.log``,
five files of 1 MB at most), written by the GUI and the command line alike: start-up,
migrations, imports, bundles, syncs, reports, and every unexpected error with its traceback.
Log records name firms and assessments by id only, never by name, tax id or figures: the
file is sent by e-mail to a technician, who needs to know what happened, not to whom.

The log holds ids, paths and error texts of a centre's work: only the adviser's own account
may read it. The log and its rotated copies are created 0600 (the folder 0700), and files
left readable by an earlier Rumbo are tightened when logging starts.

``RUMBO_LOG_DIR`` moves the folder (the test suite points it at a temporary one).
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_data_dir

from desktop.version import app_version

LOG_FILENAME = "rumbo.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 4  # rumbo.log plus rumbo.log.1 … .4: at most 5 MB on the adviser's disk
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("rumbo")

_handler: RotatingFileHandler | None = None


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file is created readable by its owner only (0600).

    Rotation renames files, which keeps their mode, and opens the next one here; creating
    it with the mode (not chmod afterwards) leaves no moment when others could open it.
    """

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        _tighten(Path(self.baseFilename))  # a file made by an earlier version keeps its mode on O_CREAT
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _tighten(path: Path) -> None:
    """0600 for a log file others could read (where the system allows it: not on FAT or Windows ACLs)."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError:
        pass


def log_dir() -> Path:
    """The folder of the support log (created on first use)."""
    override = os.environ.get("RUMBO_LOG_DIR")
    return Path(override) if override else Path(user_data_dir("Rumbo", appauthor=False)) / "registros"


def log_file() -> Path:
    """The current support log file."""
    return log_dir() / LOG_FILENAME


def setup_logging(where: str) -> Path | None:
    """Send log records of the whole process to the rotating support log; return its path.

    Calling it again (a second window, a test) adds no second handler. A log that cannot
    be written (read-only profile, full disk) must not stop the adviser: it is skipped
    and None is returned.

    Args:
        where: what started, for the first line ("gui" or the CLI subcommand).
    """
    global _handler
    if _handler is None:
        path = log_file()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handler = PrivateRotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                                 encoding="utf-8", delay=True)
        except OSError:
            return None
        for old in [path, *(path.with_name(f"{LOG_FILENAME}.{n}") for n in range(1, LOG_BACKUPS + 1))]:
            if old.exists():
                _tighten(old)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        _handler = handler
    # platform.platform() reads the interpreter's binary to find libc: too slow for every CLI call.
    log.info("Inicio de Rumbo %s (%s) en %s %s, Python %s", app_version(), where, platform.system(),
             platform.release(), platform.python_version())
    return Path(_handler.baseFilename)


def stop_logging() -> None:
    """Detach the support log (tests that point RUMBO_LOG_DIR elsewhere between runs)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def last_errors(limit: int = 5) -> list[str]:
    """The first line of the last ``limit`` ERROR records of the support log, newest last."""
    path = log_file()
    errors: list[str] = []
    for name in [f"{LOG_FILENAME}.1", LOG_FILENAME]:  # the previous file too, in case it just rotated
        candidate = path.with_name(name)
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        errors += [line for line in text.splitlines() if " ERROR " in line[:40]]
    return errors[-limit:]


def diagnostics(storage=None, extra: Mapping[str, str] | None = None) -> str:
    """A plain-text diagnosis for the technician: versions, system, database, last errors.

    Args:
        storage: the open database, if any (its size, schema version and counts).
        extra: further lines from the caller (the GUI adds Qt's version).
    """
    lines = [
        f"Rumbo {app_version()}",
        f"Sistema: {platform.platform()}",
        f"Python: {platform.python_version()} ({sys.executable})",
    ]
    lines += [f"{key}: {value}" for key, value in (extra or {}).items()]
    if storage is not None:
        lines += _database_lines(storage)
    lines.append(f"Registro: {log_file()}")
    errors = last_errors()
    lines.append("Últimos errores:" if errors else "Últimos errores: ninguno")
    lines += [f"  {line}" for line in errors]
    return "\n".join(lines) + "\n"


def _database_lines(storage) -> list[str]:
    path = storage.path
    lines = [f"Base de datos: {path or 'en memoria'}"]
    if path is not None:
        try:
            size = path.stat().st_size + _size(path.with_name(path.name + "-wal"))
            lines.append(f"Tamaño: {size / 1_000_000:.1f} MB")
        except OSError:
            lines.append("Tamaño: no disponible")
    lines.append(f"Versión del esquema: {storage.schema_version()}")
    counts = {table: storage.db[table].count for table in ("firms", "assessments") if storage.db[table].exists()}
    lines.append("Registros: " + ", ".join(f"{table} {count}" for table, count in counts.items()))
    lines.append(f"Equipo: {storage.device_id}")
    return lines


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
