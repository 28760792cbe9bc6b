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
from desktop.domain.sizing import FirmFigures
from desktop.domain.sizing.engine import size_class_with_book
from desktop.domain.sizing.law import LawSet, classify_law

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


def prepare_firm(data: Mapping[str, Any], laws: LawSet | None = None) -> tuple[dict, dict[str, str]]:
    """Normalise, check and derive a firm's fields.

    Args:
        data: canonical firm fields (``id`` allowed; unknown keys are problems).
        laws: the size laws in force (shipped and the centre's imports); by default
            the shipped ones.

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
    for name in SIZE_FIELDS:
        row[name] = None
    if not problems:
        row.update(size_fields(row, laws))
    return row, problems


# What a classification stores on a firm: both classes and the rulebooks that gave them.
SIZE_FIELDS = ("size_class", "size_rulebook", "size_law_class", "size_law_subclass", "size_law_rulebook")


def size_fields(row: Mapping[str, Any], laws: LawSet | None = None, on_date=None) -> dict[str, Any]:
    """Both classes of a prepared row and the rulebooks ("id@version") they came from.

    The law's class falls back to the study's where no law gives one (none loaded for
    the country, or none in force), with ``size_law_rulebook`` empty to say so.
    """
    figures = FirmFigures(employees=row.get("employees"), sales_usd=row.get("sales_usd"),
                          assets_usd=row.get("assets_usd"), exports_usd=row.get("exports_usd"),
                          sector=row.get("sector_isic"), on_date=on_date)
    study, study_book = size_class_with_book(row["country"], figures)
    if laws is None:
        from desktop.domain.sizing.definitions import law_set
        laws = law_set()
    by_law = None
    try:
        by_law = classify_law(row["country"], figures, laws)
    except UserError:
        pass
    if by_law is None or by_law.size_class is None:
        return {"size_class": study, "size_rulebook": study_book, "size_law_class": study,
                "size_law_subclass": None, "size_law_rulebook": None}
    return {"size_class": study, "size_rulebook": study_book, "size_law_class": by_law.size_class,
            "size_law_subclass": by_law.subclass.code if by_law.subclass else None,
            "size_law_rulebook": by_law.rulebook_ref()}


def size_class_of(row: Mapping[str, Any]) -> str:
    """The size class the classification engine gives a prepared row's figures.

    A country without a size definition stores the firm as ``sin_clasificar``.
    Imports and demo data call this for every row, so it uses the engine's
    bulk path (:func:`desktop.domain.sizing.size_class`).
    """
    figures = FirmFigures(employees=row.get("employees"), sales_usd=row.get("sales_usd"),
                          assets_usd=row.get("assets_usd"), exports_usd=row.get("exports_usd"),
                          sector=row.get("sector_isic"))
    return size_class_with_book(row["country"], figures)[0]
