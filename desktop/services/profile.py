"""What the Configuración screen, the first-start dialog and the firm screens need
about people, the centre and this device, in one place for the GUI.

Advisers and business settings are owned by :mod:`desktop.services.advisers`
and :mod:`desktop.services.settings`; this module re-exports what the GUI uses,
adds the small look-ups the screens share (an adviser's display name, a firm's
assessments), this device's name, and backup / restore of the database file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from db import backup as backup_repo
from db import devices as device_repo
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.services import advisers as adviser_service
from desktop.services import settings as settings_service
from desktop.services.assessments import assessments_of_firm
from desktop.services.maintenance import verify_history  # noqa: F401  (the settings page's check)
from desktop.services.advisers import current_adviser, list_advisers, set_current_adviser
from desktop.services.settings import centre_logo_bytes, set_centre_logo

__all__ = [
    "adviser_name", "backup_database", "centre_logo_bytes", "check_backup", "create_adviser", "current_adviser",
    "device_name", "firm_assessments", "get_adviser", "get_setting", "list_advisers", "rename_device",
    "restore_database", "save_settings", "set_centre_logo", "set_current_adviser",
]


# --- advisers ---------------------------------------------------------------------

def get_adviser(storage: Storage, adviser_id: str | None) -> dict | None:
    """An adviser by id (None for None or an unknown id)."""
    if not adviser_id:
        return None
    return next((a for a in list_advisers(storage, include_inactive=True) if a["id"] == adviser_id), None)


def adviser_name(storage: Storage, adviser_id: str | None) -> str:
    """The name to show for an adviser id ("—" when unknown)."""
    adviser = get_adviser(storage, adviser_id)
    return adviser["name"] if adviser else "—"


def create_adviser(storage: Storage, name: str, centre: str | None = None, email: str | None = None,
                   actor: str | None = None) -> dict:
    """Register an adviser.

    Raises:
        UserError: the name is missing or the e-mail is malformed (``field`` says which).
    """
    return adviser_service.create_adviser(storage, {"name": name, "centre": centre, "email": email}, actor)


# --- business settings -------------------------------------------------------------

def get_setting(storage: Storage, key: str) -> Any:
    """A business setting's value, or its declared default."""
    return settings_service.get_setting(storage, key)


def save_settings(storage: Storage, values: Mapping[str, Any], actor: str | None) -> None:
    """Check and store several business settings, writing only those that changed.

    One transaction: a bad value rolls back the ones before it, so nothing changes.

    Raises:
        UserError: a value is wrong (``field`` names the setting).
    """
    with storage.write():
        for key, value in values.items():
            if value != get_setting(storage, key):
                settings_service.set_setting(storage, key, value, actor)


# --- device, assessments, backup -------------------------------------------------

def device_name(storage: Storage) -> str:
    """This device's human name."""
    return device_repo.local_device(storage)["name"]


def rename_device(storage: Storage, name: str) -> str:
    """Give this device a human name.

    Raises:
        UserError: the name is blank.
    """
    name = " ".join((name or "").split())
    if not name:
        raise UserError("Escriba un nombre para este equipo.", field="device_name")
    return device_repo.rename_device(storage, name)["name"]


def firm_assessments(storage: Storage, firm_id: str) -> list[dict]:
    """A firm's live assessments, newest first."""
    return list(reversed(assessments_of_firm(storage, firm_id)))


def backup_database(storage: Storage, dest: str | Path) -> Path:
    """Copy the open database to ``dest``, replacing it (the user already agreed in the save dialog)."""
    return backup_repo.backup(storage, dest, overwrite=True)


def restore_database(db_path: str | Path, src: str | Path) -> Path | None:
    """Replace the closed database at ``db_path`` with the backup ``src``; returns where the old one went."""
    return backup_repo.restore(db_path, src)


def check_backup(src: str | Path) -> None:
    """Refuse a file that cannot be restored (UserError / StorageError with the reason)."""
    backup_repo.verify_restorable(src)
