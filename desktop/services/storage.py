"""Opening the database for the GUI and the command line.

The database lives in the user's data folder (``platformdirs``, application
"Rumbo") unless ``--db PATH`` names another file.

The command line installs an *opening guard* (:func:`guarded`) around each
command: every opening asks it first, so a command that would create a new
database or write into a plain one of an earlier Rumbo is stopped (or offered
the set-up of sign-in) at the moment it opens the file, after it has checked its
own input. Without a guard (the GUI, the tests, the tools) opening is as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from platformdirs import user_data_dir

from db.connection import Storage, open_reader, open_storage

DB_FILENAME = "rumbo.db"

# Called as guard(path, write) before a database is opened; raises to stop the opening.
OpeningGuard = Callable[[Path, bool], None]
_guard: ContextVar[OpeningGuard | None] = ContextVar("rumbo_opening_guard", default=None)


def default_database_path() -> Path:
    """The default database file: ``<user data folder>/Rumbo/rumbo.db``."""
    return Path(user_data_dir("Rumbo", appauthor=False)) / DB_FILENAME


def open_database(path: str | Path | None = None, device_name: str | None = None) -> Storage:
    """Open (creating and upgrading as needed) the Rumbo database.

    Args:
        path: the file given with ``--db``; None for the default file.
        device_name: the human name for this device if the file is new.

    Returns:
        The open Storage; close it with ``storage.close()`` or a ``with`` block.

    Raises:
        db.errors.StorageError: the file cannot be used (message for the user).
    """
    target = Path(path) if path is not None else default_database_path()
    check_opening(target, write=True)
    return open_storage(target, device_name=device_name)


def open_for_reading(path: str | Path | None = None) -> Storage:
    """Open the database only to read it (exports, reports, lists): works on read-only media.

    Raises:
        db.errors.StorageError: the file cannot be used (message for the user).
    """
    target = Path(path) if path is not None else default_database_path()
    check_opening(target, write=False)
    return open_reader(target)


@contextmanager
def guarded(guard: OpeningGuard | None) -> Iterator[None]:
    """Ask ``guard`` before every opening inside the block (None: no guard inside it)."""
    token = _guard.set(guard)
    try:
        yield
    finally:
        _guard.reset(token)


def check_opening(path: str | Path | None, write: bool = True) -> None:
    """Ask the current guard, if any, whether ``path`` may be opened (for writing when ``write``).

    Commands that write a database file without opening it first (``restore``) call it themselves.
    """
    guard = _guard.get()
    if guard is not None:
        guard(Path(path) if path is not None else default_database_path(), write)
