"""The firm-profile table of the client report: (label, value) rows, formatted.

Rows whose value is unknown are left out rather than printed as dashes, so a
thin record gives a short table instead of a page of blanks; the legal name
and the country are always there.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pycountry

from desktop.domain.registry.validation import TAX_ID_LABELS
from desktop.reports.labels import label
from desktop.reports.text import money


def country_name(code: str | None, lang: str = "es") -> str:
    """The country's name in ``lang`` (Babel's CLDR names), or the code itself."""
    if not code:
        return ""
    from babel import Locale

    name = Locale.parse(lang).territories.get(code.upper())
    if name:
        return name
    found = pycountry.countries.get(alpha_2=code.upper())
    return found.name if found else code


def _amount(firm: dict, stem: str, lang: str) -> str | None:
    amount, usd = firm.get(f"{stem}_amount"), firm.get(f"{stem}_usd")
    currency = (firm.get("currency") or "USD").upper()
    if amount in (None, "") and usd is None:
        return None
    if currency != "USD" and amount not in (None, ""):
        try:
            local = money(Decimal(str(amount)), currency, lang)
        except InvalidOperation:
            local = str(amount)
        return f"{local} ({money(usd, 'USD', lang)})" if usd is not None else local
    return money(usd if usd is not None else Decimal(str(amount)), "USD", lang)


def profile_rows(firm: dict, lang: str = "es") -> tuple[tuple[str, str], ...]:
    """The rows of the profile table for ``firm`` (canonical firm fields)."""
    rows: list[tuple[str, str]] = [(label("legal_name", lang), str(firm.get("legal_name") or ""))]

    def add(key: str, value) -> None:
        if value not in (None, ""):
            rows.append((label(key, lang), str(value)))

    add("trade_name", firm.get("trade_name"))
    tax = firm.get("tax_id")
    if tax:
        kind = firm.get("tax_id_type")
        kind = TAX_ID_LABELS.get(kind, kind)  # "cédula física", not the code cedula_fisica
        add("tax_id", f"{tax} ({kind})" if kind else tax)
    place = ", ".join(str(p) for p in (firm.get("municipality"), firm.get("department")) if p)
    add("country", country_name(firm.get("country"), lang))
    add("location", place)
    add("sector", firm.get("sector_isic"))
    add("year_founded", firm.get("year_founded"))
    total = firm.get("employees")
    women, men = firm.get("employees_women"), firm.get("employees_men")
    if total is not None and women is not None and men is not None:
        add("employees", label("employees_split", lang).format(total=total, women=women, men=men))
    else:
        add("employees", total)
    for stem, key in (("sales", "sales"), ("assets", "assets"), ("exports", "exports")):
        add(key, _amount(firm, stem, lang))
    formal = firm.get("formal_registration")
    if formal is not None:
        add("formal", label("yes" if formal else "no", lang))
    add("owner", firm.get("owner_name"))
    return tuple(rows)
