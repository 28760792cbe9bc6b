"""Minimum-wage tables: the dated parameter a law counts its money ceilings in.

A wage table file (``"kind": "minimum_wage"``) lists rows of sector, monthly
amount, the date from which it applies and the instrument that set it::

    {"id": "sv-salario-minimo", "kind": "minimum_wage", "country": "SV", "version": "2025-06",
     "title": {"es": "...", "en": "..."}, "source": {"es": "...", "en": "..."},
     "period": "month",
     "rates": [{"sector": "comercio_servicios", "label": {"es": "Comercio y servicios", "en": "..."},
                "amount": "408.80", "from": "2025-06-01",
                "instrument": {"es": "Decreto Ejecutivo ...", "en": "..."}}]}

Every table of a country is pooled: the wage of a sector on a date is the row
of that sector with the latest ``from`` not after the date, so a new decree is
a new file with one row per sector, and the earlier rows keep answering for
earlier dates. Amounts are decimals in US dollars per month, never floats.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.domain.errors import DataFileError
from desktop.domain.sizing.notes import Bilingual
from desktop.domain.sizing.parse import _bilingual, _date, _list, _number, _Problem, _require, _text_field

HIGHEST = "highest"  # the highest sector wage in force ("salario mínimo de mayor cuantía")
_FIELDS = {"id", "kind", "country", "version", "title", "source", "period", "rates"}
_RATE_FIELDS = {"sector", "label", "amount", "from", "instrument"}


@dataclass(frozen=True)
class WageRate:
    """One row: a sector's monthly minimum wage from a date, and the instrument that set it."""

    sector: str
    label: Bilingual
    amount: Decimal
    effective_from: datetime.date
    instrument: Bilingual
    table_id: str = ""
    table_version: str = ""


@dataclass(frozen=True)
class WageTable:
    """One file of minimum wages of a country."""

    path: str
    id: str
    country: str
    version: str
    title: Bilingual
    source: Bilingual
    rates: tuple[WageRate, ...]

    def first_date(self) -> datetime.date:
        return min(r.effective_from for r in self.rates)


def wage_on(tables: list[WageTable], country: str, sector: str, on_date: datetime.date) -> WageRate | None:
    """The wage of ``sector`` (or the highest sector's, for ``"highest"``) in force on ``on_date``.

    None when no row of that country and sector starts on or before the date.
    """
    latest: dict[str, WageRate] = {}
    for table in tables:
        if table.country != country:
            continue
        for rate in table.rates:
            if rate.effective_from > on_date or (sector != HIGHEST and rate.sector != sector):
                continue
            held = latest.get(rate.sector)
            if held is None or rate.effective_from > held.effective_from:
                latest[rate.sector] = rate
    if not latest:
        return None
    return max(latest.values(), key=lambda r: (r.amount, r.sector))


def parse_wage_table(data: Any, path: str = "") -> WageTable:
    """Parse one wage table.

    Raises:
        DataFileError: a missing or unknown field, or a bad value (naming the field).
    """
    try:
        return _table(path, data)
    except _Problem as exc:
        raise DataFileError(path, str(exc)) from None


def _table(path: str, data: Any) -> WageTable:
    if not isinstance(data, dict):
        raise _Problem("el archivo debe contener un objeto JSON")
    if data.get("kind") != "minimum_wage":
        raise _Problem(f"«kind» debe ser «minimum_wage», no «{data.get('kind')}»")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise _Problem(f"campo desconocido «{unknown[0]}»")
    if _require(data, "period") != "month":
        raise _Problem("«period» debe ser «month» (salarios mínimos mensuales)")
    country = _require(data, "country")
    if not (isinstance(country, str) and len(country) == 2 and country.isalpha() and country.isupper()):
        raise _Problem(f"«country» debe ser un código ISO de dos letras mayúsculas, no «{country}»")
    table_id, version = _text_field(data, "id"), _text_field(data, "version")
    rates, seen = [], set()
    for i, raw in enumerate(_list(_require(data, "rates"), "rates")):
        where = f"rates[{i}]"
        if not isinstance(raw, dict):
            raise _Problem(f"«{where}» debe ser un objeto")
        extra = sorted(set(raw) - _RATE_FIELDS)
        if extra:
            raise _Problem(f"campo desconocido «{where}.{extra[0]}»")
        sector = _text_field(raw, "sector", where)
        if sector == HIGHEST:
            raise _Problem(f"«{where}.sector» no puede llamarse «{HIGHEST}»")
        start = _date(_require(raw, "from", where), f"{where}.from")
        if (sector, start) in seen:
            raise _Problem(f"«{where}» repite el sector «{sector}» con la misma fecha")
        seen.add((sector, start))
        amount = _number(_require(raw, "amount", where), f"{where}.amount")
        if amount <= 0:
            raise _Problem(f"«{where}.amount» debe ser mayor que cero")
        rates.append(WageRate(sector, _bilingual(_require(raw, "label", where), f"{where}.label"), amount, start,
                              _bilingual(_require(raw, "instrument", where), f"{where}.instrument"),
                              table_id, version))
    if not rates:
        raise _Problem("«rates» está vacío")
    return WageTable(path, table_id, country, version, _bilingual(_require(data, "title"), "title"),
                     _bilingual(_require(data, "source"), "source"), tuple(rates))
