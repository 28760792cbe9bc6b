"""Business settings: each declared once (key, default, labels), stored in the database.

These are the parameters a report depends on (centre name and logo, default
country, exchange rates), so they live in the database with history and travel
with it; window geometry and other UI preferences belong in ``QSettings``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pycountry

from db import settings as repo
from db.connection import Storage
from desktop.domain.errors import UserError
from desktop.services.security import require_role


@dataclass(frozen=True)
class Setting:
    """A business parameter: its key, default value and labels in both languages."""

    key: str
    default: Any
    label_es: str
    label_en: str


SETTINGS = (
    Setting("centre_name", "", "Nombre del centro", "Centre name"),
    Setting("centre_logo", None, "Logotipo del centro", "Centre logo"),
    Setting("default_country", "SV", "País por defecto", "Default country"),
    Setting("exchange_rates", {}, "Tipos de cambio (unidades por dólar)", "Exchange rates (units per US dollar)"),
    Setting("assessment_parameters", {}, "Pesos, bandas y umbrales de la evaluación",
            "Weights, bands and thresholds of the assessment"),
)
BY_KEY = {s.key: s for s in SETTINGS}
LOGO_MAX_BYTES = 1_000_000
_IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def _declared(key: str) -> Setting:
    if key not in BY_KEY:
        raise UserError(f"No existe el parámetro «{key}».", field=key)
    return BY_KEY[key]


def get_setting(storage: Storage, key: str) -> Any:
    """A setting's value, or its declared default."""
    return repo.get_setting(storage, key, _declared(key).default)


def all_settings(storage: Storage) -> dict[str, Any]:
    """Every declared setting with its current value."""
    stored = repo.all_settings(storage)
    return {s.key: stored.get(s.key, s.default) for s in SETTINGS}


def set_setting(storage: Storage, key: str, value: Any, adviser_id: str | None) -> Any:
    """Check and store a setting; returns the stored value.

    Raises:
        UserError: unknown key or a value that does not fit it.
    """
    _declared(key)
    require_role(storage, adviser_id, "coordinator", "cambiar la configuración del centro")
    value = _CHECKS[key](value)
    repo.set_setting(storage, key, value, adviser_id)
    return value


def _centre_name(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > 200:
        raise UserError("El nombre del centro es demasiado largo (más de 200 caracteres).", field="centre_name")
    return text


def _country(value: Any) -> str:
    code = str(value or "").strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise UserError(f"«{value}» no es un código de país ISO de dos letras, como SV.", field="default_country")
    return code


def _rates(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise UserError("Los tipos de cambio deben darse por moneda.", field="exchange_rates")
    out = {}
    for currency, rate in value.items():
        code = str(currency).strip().upper()
        if pycountry.currencies.get(alpha_3=code) is None:
            raise UserError(f"«{currency}» no es un código de moneda ISO, como GTQ.", field="exchange_rates")
        try:
            number = Decimal(str(rate).strip().replace(",", "."))
        except InvalidOperation:
            number = Decimal(0)
        if not number.is_finite() or number <= 0:
            raise UserError(f"El tipo de cambio de {code} debe ser un número mayor que cero.", field="exchange_rates")
        out[code] = format(number.normalize(), "f")
    return out


def _logo(value: Any) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not {"filename", "mime", "data_base64"} <= set(value):
        raise UserError("Elija el logotipo desde un archivo de imagen.", field="centre_logo")
    return value


def _parameters(value: Any) -> dict:
    """A centre's weights, bands and thresholds, checked against the shipped questionnaire ({} = its own)."""
    from desktop.domain.assessment import load_questionnaire
    from desktop.domain.errors import DataFileError

    if not value:
        return {}
    if not isinstance(value, dict):
        raise UserError("Los parámetros de la evaluación no tienen el formato esperado.", field="assessment_parameters")
    shipped = load_questionnaire()
    try:
        adjusted = shipped.with_parameters(value)
    except DataFileError as exc:
        raise UserError(f"Los parámetros de la evaluación no son válidos: {exc.problem}.",
                        field="assessment_parameters") from None
    changed = adjusted.parameters()
    changed.pop("adjusted_by", None)
    own = shipped.parameters()
    own.pop("adjusted_by", None)
    return {} if changed == own else changed


_CHECKS = {"centre_name": _centre_name, "default_country": _country, "exchange_rates": _rates,
           "centre_logo": _logo, "assessment_parameters": _parameters}


def set_centre_logo(storage: Storage, path: str | Path, adviser_id: str | None) -> dict:
    """Store a PNG or JPEG file as the centre's logo (inside the database, so
    reports printed on any machine show it)."""
    require_role(storage, adviser_id, "coordinator", "cambiar la configuración del centro")
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise UserError(f"No se pudo leer el archivo {path}.", field="centre_logo") from None
    mime = next((m for magic, m in _IMAGE_TYPES.items() if data.startswith(magic)), None)
    if mime is None:
        raise UserError("El logotipo debe ser una imagen PNG o JPEG.", field="centre_logo")
    if len(data) > LOGO_MAX_BYTES:
        raise UserError("El logotipo es demasiado grande (más de 1 MB).", field="centre_logo")
    logo = {"filename": path.name, "mime": mime, "data_base64": base64.b64encode(data).decode("ascii")}
    return set_setting(storage, "centre_logo", logo, adviser_id)


def centre_logo_bytes(storage: Storage) -> bytes | None:
    """The centre's logo image, or None."""
    logo = get_setting(storage, "centre_logo")
    return None if not logo else base64.b64decode(logo["data_base64"])
