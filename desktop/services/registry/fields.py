"""Normalising and deriving the canonical firm fields before they are stored.

:func:`prepare_firm` turns a dict of firm fields as typed (strings from a
form or a CSV cell, numbers from code) into the stored form. The field rules
themselves (compact tax id with its checksum, E.164 phone, e-mail shape,
amounts in whole units, USD values, total employees) belong to
``desktop.domain.registry.validation.clean_firm``; this module adds what storing needs
on top: refusing unknown fields, accepting figures given only in dollars (as
the command line and files give them), keeping the cached stage and band,
and the size class from the classification engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from db.firms import FIRM_FIELDS
from desktop.domain.errors import UserError
from desktop.domain.registry.validation import clean_firm, parse_amount
from desktop.domain.sizing import FirmFigures, size_class

MONEY = ("sales", "assets", "exports")
# Cached from other records, not typed by people: carried through as given.
CACHED = ("stage", "band")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _amounts_from_dollars(data: Mapping[str, Any]) -> dict[str, Any]:
    """Fill ``<x>_amount`` from ``<x>_usd`` where only the dollar figure is given.

    The amount is dollars times the rate, so the stored pair always agrees.
    Unreadable numbers are left for ``clean_firm`` to report.
    """
    out = dict(data)
    for stem in MONEY:
        if _blank(out.get(f"{stem}_amount")) and not _blank(out.get(f"{stem}_usd")):
            try:
                usd = parse_amount(out[f"{stem}_usd"], f"{stem}_usd")
                rate = parse_amount(out.get("usd_rate"), "usd_rate", True) or Decimal(1)
            except UserError:
                out[f"{stem}_amount"] = out[f"{stem}_usd"]
                continue
            out[f"{stem}_amount"] = str((usd * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return out


def prepare_firm(data: Mapping[str, Any]) -> tuple[dict, dict[str, str]]:
    """Normalise, check and derive a firm's fields.

    Args:
        data: canonical firm fields (``id`` allowed; unknown keys are problems).

    Returns:
        ``(row, problems)``: the canonical row ready for ``db.firms``, and
        field -> Spanish sentence, empty when the firm can be stored.
    """
    problems = {name: f"El campo «{name}» no existe en la ficha de empresa."
                for name in data if name not in FIRM_FIELDS and name != "id"}
    row, errors = clean_firm(_amounts_from_dollars(data))
    problems.update(errors)
    for name in CACHED:
        row[name] = None if _blank(data.get(name)) else str(data[name])
    if data.get("id"):
        row["id"] = str(data["id"])
    row["size_class"] = None if problems else size_class_of(row)
    return row, problems


def size_class_of(row: Mapping[str, Any]) -> str:
    """The size class the classification engine gives a prepared row's figures.

    A country without a size definition stores the firm as ``sin_clasificar``.
    Imports and demo data call this for every row, so it uses the engine's
    bulk path (:func:`desktop.domain.sizing.size_class`).
    """
    figures = FirmFigures(employees=row.get("employees"), sales_usd=row.get("sales_usd"),
                          assets_usd=row.get("assets_usd"), exports_usd=row.get("exports_usd"),
                          sector=row.get("sector_isic"))
    return size_class(row["country"], figures)
