"""Use cases behind the Configuración screen and the first-start dialog.

Advisers (who is at the keyboard), the centre's business parameters (name,
logo, default country, exchange rates), this device's name, and backup and
restore of the database file. Business parameters live in the database so a
report made later can be reproduced with the figures used at the time; each
is declared once in :data:`BUSINESS_SETTINGS` with its default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
import uuid_utils

from db import advisers as adviser_repo
from db import assessments as assessment_repo
from db import backup as backup_repo
from db import devices as device_repo
from db import settings as settings_repo
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.domain.validation import check_email, normalise_country, parse_amount


@dataclass(frozen=True)
class Setting:
    """One business parameter: its key in the database and its default."""

    key: str
    default: Any


# Declared once; the settings screen and the reports read the same keys.
BUSINESS_SETTINGS = {
    "centre_name": Setting("centre_name", ""),
    "centre_logo": Setting("centre_logo", ""),        # path of an image file
    "default_country": Setting("default_country", "SV"),
    "exchange_rates": Setting("exchange_rates", {}),  # ISO 4217 -> units per USD (text)
}


# --- advisers ---------------------------------------------------------------------

def list_advisers(storage: Storage) -> list[dict]:
    """The active advisers, by name."""
    return adviser_repo.list_advisers(storage)


def get_adviser(storage: Storage, adviser_id: str | None) -> dict | None:
    """An adviser by id (None for None or an unknown id)."""
    return adviser_repo.get_adviser(storage, adviser_id) if adviser_id else None


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
    name = " ".join((name or "").split())
    if not name:
        raise UserError("Escriba el nombre del asesor.", field="name")
    address, problem = check_email(email)
    if problem:
        raise UserError(problem, field="email")
    centre = " ".join((centre or "").split()) or None
    # An adviser registering themselves (no actor yet) is the author of their own record.
    new_id = str(uuid_utils.uuid7())
    return adviser_repo.create_adviser(
        storage, {"id": new_id, "name": name, "centre": centre, "email": address}, actor or new_id)


def set_current_adviser(storage: Storage, adviser_id: str | None) -> None:
    """Remember on this device which adviser is at the keyboard."""
    device_repo.set_current_adviser(storage, adviser_id)


# --- business settings -------------------------------------------------------------

def get_setting(storage: Storage, name: str) -> Any:
    """The value of a declared business setting, or its default."""
    setting = BUSINESS_SETTINGS[name]
    return settings_repo.get_setting(storage, setting.key, setting.default)


def save_settings(storage: Storage, values: Mapping[str, Any], actor: str | None) -> dict[str, Any]:
    """Check and store business settings; only values that changed are written.

    Raises:
        UserError: a value is wrong (``field`` names the setting); nothing is written.
    """
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name not in BUSINESS_SETTINGS:
            raise UserError(f"La configuración «{name}» no existe.", field=name)
        clean[name] = _clean_setting(name, value)
    with storage.write():
        for name, value in clean.items():
            if value != get_setting(storage, name):
                settings_repo.set_setting(storage, BUSINESS_SETTINGS[name].key, value, actor)
    return clean


def _clean_setting(name: str, value: Any) -> Any:
    if name == "centre_name":
        return " ".join(str(value or "").split())
    if name == "centre_logo":
        text = str(value or "").strip()
        if text and not Path(text).is_file():
            raise UserError(f"No se encuentra el archivo del logotipo «{text}».", field=name)
        return text
    if name == "default_country":
        code = normalise_country(value)
        if code is None:
            raise UserError("Elija un país por omisión válido.", field=name)
        return code
    return clean_exchange_rates(value)


def clean_exchange_rates(rates: Mapping[str, Any]) -> dict[str, str]:
    """Check a currency -> units-per-USD table; returns it with Decimal text values.

    Raises:
        UserError: an unknown currency code or a rate that is not a positive number.
    """
    out: dict[str, str] = {}
    for code, rate in rates.items():
        code = str(code or "").strip().upper()
        if not code:
            continue
        if pycountry.currencies.get(alpha_3=code) is None:
            raise UserError(f"La moneda «{code}» no es un código ISO 4217 (por ejemplo CRC, GTQ).",
                            field="exchange_rates")
        number = parse_amount(rate, "usd_rate", prefer_decimal=True)
        if number is None or number <= 0:
            raise UserError(f"El tipo de cambio de {code} debe ser un número mayor que cero.",
                            field="exchange_rates")
        out[code] = format(Decimal(number).normalize(), "f")
    out.pop("USD", None)
    return dict(sorted(out.items()))


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
    return list(reversed(assessment_repo.assessments_of(storage, firm_id)))


def backup_database(storage: Storage, dest: str | Path) -> Path:
    """Copy the open database to ``dest`` (overwriting: the user chose the file in a dialog)."""
    return backup_repo.backup(storage, dest, overwrite=True)


def restore_database(db_path: str | Path, src: str | Path) -> Path | None:
    """Replace the closed database at ``db_path`` with the backup ``src``; returns where the old one went."""
    return backup_repo.restore(db_path, src)


def check_backup(src: str | Path) -> None:
    """Refuse a file that cannot be restored (UserError / StorageError with the reason)."""
    backup_repo.verify_restorable(src)
