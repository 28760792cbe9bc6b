"""Normalising and deriving the canonical firm fields before they are stored.

One function, :func:`prepare_firm`, turns a dict of firm fields as typed
(strings from a form or a CSV cell, numbers from code) into the canonical
stored form: trimmed text, upper-case codes, compacted tax id, E.164 phone
when valid, whole-dollar USD figures derived from amount and rate, total
employees, and the cached size class from the classification engine. It
reports every problem it finds (field -> Spanish sentence) instead of
stopping at the first, so an importer can list them per row.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import phonenumbers
from stdnum.util import clean

from db.firms import FIRM_FIELDS
from desktop.domain.errors import UserError

try:  # written by another helper; the seam stays if it is absent
    from desktop.domain.classify import FirmFigures, classify
except ImportError:  # pragma: no cover - only before the engine lands
    classify = None
    FirmFigures = None

try:
    from desktop.domain.validation import validate_firm
except ImportError:  # pragma: no cover - only before the validators land
    validate_firm = None

TEXT_FIELDS = (
    "legal_name", "trade_name", "tax_id_type", "department", "municipality", "address", "sector_isic",
    "legal_form", "owner_name", "contact_name", "email", "notes", "adviser_id", "stage", "band", "size_class",
)
INT_FIELDS = ("year_founded", "employees_women", "employees_men", "employees")
MONEY = ("sales", "assets", "exports")
GENDERS = ("F", "M", "X")

LABELS = {
    "legal_name": "la razón social", "country": "el país", "currency": "la moneda",
    "usd_rate": "el tipo de cambio", "year_founded": "el año de fundación",
    "employees_women": "el número de empleadas", "employees_men": "el número de empleados hombres",
    "employees": "el número de empleados", "sales_amount": "las ventas anuales",
    "assets_amount": "los activos", "exports_amount": "las exportaciones",
    "sales_usd": "las ventas en USD", "assets_usd": "los activos en USD", "exports_usd": "las exportaciones en USD",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _decimal(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        value = repr(value)
    number = Decimal(str(value).strip())
    if not number.is_finite():
        raise InvalidOperation
    return number


def _whole(number: Decimal) -> int:
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _decimal_text(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _phone(value: str | None, country: str | None) -> str | None:
    if not value:
        return value
    try:
        parsed = phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        return value
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return value


def prepare_firm(data: Mapping[str, Any]) -> tuple[dict, dict[str, str]]:
    """Normalise and derive a firm's fields.

    Args:
        data: canonical firm fields (unknown keys are reported as problems).

    Returns:
        ``(row, problems)``: the canonical row ready for ``db.firms``, and a
        dict field -> Spanish sentence, empty when the firm can be stored.
    """
    problems: dict[str, str] = {}
    unknown = sorted(k for k in data if k not in FIRM_FIELDS and k != "id")
    for name in unknown:
        problems[name] = f"El campo «{name}» no existe en la ficha de empresa."
    row: dict[str, Any] = {name: _text(data.get(name)) for name in TEXT_FIELDS}
    if data.get("id"):
        row["id"] = str(data["id"])
    row["country"] = (_text(data.get("country")) or "").upper() or None
    row["currency"] = (_text(data.get("currency")) or "USD").upper()
    row["tax_id"] = clean(_text(data.get("tax_id")) or "", " -./").upper() or None
    row["phone"] = _phone(_text(data.get("phone")), row["country"])
    for name in ("owner_gender", "contact_gender"):
        gender = (_text(data.get(name)) or "").upper() or None
        if gender is not None and gender not in GENDERS:
            problems[name] = "El género debe ser F, M o X (otro o no indica)."
        row[name] = gender
    formal = data.get("formal_registration")
    row["formal_registration"] = None if formal is None or formal == "" else bool(formal)
    for name in INT_FIELDS:
        row[name] = _integer(data.get(name), name, problems)
    if row["employees"] is None and (row["employees_women"] is not None or row["employees_men"] is not None):
        row["employees"] = (row["employees_women"] or 0) + (row["employees_men"] or 0)
    rate = _money_value(data.get("usd_rate", "1") or "1", "usd_rate", problems)
    if rate is not None and rate <= 0:
        problems["usd_rate"] = "El tipo de cambio debe ser mayor que cero."
        rate = None
    row["usd_rate"] = _decimal_text(rate) if rate is not None else "1"
    for stem in MONEY:
        _derive_money(data, row, stem, rate, problems)
    if not row["legal_name"]:
        problems["legal_name"] = "Falta la razón social de la empresa."
    if not row["country"]:
        problems["country"] = "Falta el país de la empresa."
    if validate_firm is not None:
        for name, message in validate_firm(row).items():
            problems.setdefault(name, message)
    if not problems:
        row["size_class"] = size_class_of(row) or row["size_class"]
    return row, problems


def _integer(value: Any, name: str, problems: dict[str, str]) -> int | None:
    try:
        number = _decimal(value)
    except (InvalidOperation, ValueError):
        problems[name] = f"Escriba {LABELS[name]} como un número entero."
        return None
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        problems[name] = f"Escriba {LABELS[name]} como un número entero no negativo."
        return None
    return int(number)


def _money_value(value: Any, name: str, problems: dict[str, str]) -> Decimal | None:
    try:
        number = _decimal(value)
    except (InvalidOperation, ValueError):
        problems[name] = f"Escriba {LABELS[name]} como un número, sin separadores de miles."
        return None
    if number is not None and number < 0:
        problems[name] = f"{LABELS[name].capitalize()} no pueden ser negativos." if name != "usd_rate" else \
            "El tipo de cambio debe ser mayor que cero."
        return None
    return number


def _derive_money(data: Mapping[str, Any], row: dict, stem: str, rate: Decimal | None,
                  problems: dict[str, str]) -> None:
    """Fill ``<stem>_amount`` (whole units of currency) and ``<stem>_usd`` (whole dollars).

    A figure given only in dollars (as the CLI and files do) gets its amount
    from the rate, so the stored pair always agrees.
    """
    amount = _money_value(data.get(f"{stem}_amount"), f"{stem}_amount", problems)
    usd = _money_value(data.get(f"{stem}_usd"), f"{stem}_usd", problems)
    if amount is None and usd is not None and rate is not None:
        amount = usd * rate
    row[f"{stem}_amount"] = str(_whole(amount)) if amount is not None else None
    row[f"{stem}_usd"] = _whole(Decimal(_whole(amount)) / rate) if amount is not None and rate else None


def size_class_of(row: Mapping[str, Any]) -> str | None:
    """The size class the classification engine gives these figures (None without engine)."""
    if classify is None:
        return None
    figures = FirmFigures(employees=row.get("employees"), sales_usd=row.get("sales_usd"),
                          assets_usd=row.get("assets_usd"), exports_usd=row.get("exports_usd"),
                          sector=row.get("sector_isic"))
    try:
        return classify(row["country"], figures).size_class
    except UserError:
        # A country without a rulebook: the firm is stored, just not classified.
        return "sin_clasificar"
