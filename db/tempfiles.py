"""Temporary files: every file Rumbo writes appears whole under its name, or not at all.

Writers put their bytes in a hidden temporary beside the destination (``.rumbo-*.tmp``,
``.<name>.tmp``, ``.<name>.<stamp>.tmp`` and SQLite's ``-journal``/``-wal``/``-shm`` beside
it) and rename it into place at the end, removing it on every failure. A process killed
mid-write cannot clean up, so :func:`sweep` removes such leftovers later: at start-up in
the database's and the backups' folders, and in any folder before Rumbo writes there again.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)

# Old enough that no running Rumbo is still writing it (a 100,000-firm backup takes seconds).
STALE_AFTER_SECONDS = 3600
_SUFFIXES = (".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm")


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is named like one of Rumbo's temporaries."""
    return path.name.startswith(".") and path.name.endswith(_SUFFIXES)


def sweep(folder: str | Path | None, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Delete Rumbo's temporaries left in ``folder`` longer than ``older_than`` seconds; return them.

    A folder that cannot be listed or a file that cannot be removed is skipped:
    cleaning up must never stop the work it precedes.
    """
    if folder is None:
        return []
    removed = []
    limit = time.time() - older_than
    try:
        candidates = [p for p in Path(folder).iterdir() if is_temporary(p)]
    except OSError:
        return []
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    if removed:
        log.info("Temporales abandonados borrados en %s: %s", folder, len(removed))
    return removed


def remove_with_journals(path: Path) -> None:
    """Remove a temporary SQLite file and whatever journal it had beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
