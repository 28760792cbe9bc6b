"""Use cases on advisers: register, edit, list, and who is using this device."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db import advisers as repo
from db import devices
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.domain.registry.validation import check_email, check_phone
from desktop.services.security import require_role, sign_in_set_up

FIELDS = ("name", "centre", "email", "phone", "active")


def _clean(data: Mapping[str, Any], country: str | None = None) -> dict:
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        raise UserError(f"El campo «{unknown[0]}» no existe en la ficha de asesor.", field=unknown[0])
    out = {}
    for name in ("name", "centre"):
        if name in data:
            out[name] = " ".join(str(data[name] or "").split()) or None
    if "name" in out and not out["name"]:
        raise UserError("Falta el nombre del asesor.", field="name")
    if "email" in data:
        out["email"], message = check_email(data["email"])
        if message:
            raise UserError(message, field="email")
    if "phone" in data:
        out["phone"], message = check_phone(country, data["phone"])
        if message:
            raise UserError(message, field="phone")
    if "active" in data:
        out["active"] = bool(data["active"])
    return out


def create_adviser(storage: Storage, data: Mapping[str, Any], actor: str | None = None,
                   country: str | None = None) -> dict:
    """Register an adviser (name required; centre, email, phone optional).

    Args:
        country: used to read a phone written without its country code.
    """
    require_role(storage, actor, "administrator", "registrar asesores")
    values = _clean(data, country)
    if not values.get("name"):
        raise UserError("Falta el nombre del asesor.", field="name")
    return repo.create_adviser(storage, values, actor)


def update_adviser(storage: Storage, adviser_id: str, changes: Mapping[str, Any], actor: str | None = None,
                   expected_rev: int | None = None, country: str | None = None) -> dict:
    """Change an adviser's fields (``active=False`` retires them from the lists).

    With sign-in set up, advisers edit their own card; only an administrator edits others'.
    """
    if actor != adviser_id:
        require_role(storage, actor, "administrator", "cambiar la ficha de otro asesor")
    updated = repo.update_adviser(storage, adviser_id, _clean(changes, country), actor, expected_rev)
    if "active" in changes and not updated["active"] and updated.get("login") and sign_in_set_up(storage.path):
        # A deactivated adviser must not keep a way in: the database moves to a new key they
        # never receive. A recovery key it owes is shown at an administrator's next sign-in.
        from desktop.services.rekey import rekey

        rekey(storage)
    return updated


def list_advisers(storage: Storage, include_inactive: bool = False) -> list[dict]:
    """Advisers by name, for pickers and filters."""
    return repo.list_advisers(storage, include_inactive)


def set_current_adviser(storage: Storage, adviser_id: str | None) -> None:
    """Choose who uses this device; their id is stamped on the changes made here."""
    if sign_in_set_up(storage.path):
        raise UserError("Con el inicio de sesión configurado, el asesor es quien entró: cierre la sesión y "
                        "entre con el otro usuario.", field="adviser_id")
    if adviser_id is not None:
        adviser = repo.get_adviser(storage, adviser_id, include_deleted=False)
        if adviser is None or not adviser["active"]:
            raise UserError("Ese asesor no existe o ya no está activo.", field="adviser_id")
    devices.set_current_adviser(storage, adviser_id)


def current_adviser_id(storage: Storage) -> str | None:
    """The id of the adviser chosen on this device (the author of its changes), or None."""
    return devices.current_adviser_id(storage)


def current_adviser(storage: Storage) -> dict | None:
    """The adviser chosen on this device, or None (also if since deleted)."""
    adviser_id = devices.current_adviser_id(storage)
    return None if adviser_id is None else repo.get_adviser(storage, adviser_id, include_deleted=False)
