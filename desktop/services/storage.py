"""Opening the database for the GUI and the command line.

The database lives in the user's data folder (``platformdirs``, application
"Rumbo") unless ``--db PATH`` names another file.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from db.connection import Storage, open_reader, open_storage

DB_FILENAME = "rumbo.db"


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
    return open_storage(path if path is not None else default_database_path(), device_name=device_name)


def open_for_reading(path: str | Path | None = None) -> Storage:
    """Open the database only to read it (exports, reports, lists): works on read-only media.

    Raises:
        db.errors.StorageError: the file cannot be used (message for the user).
    """
    return open_reader(path if path is not None else default_database_path())
