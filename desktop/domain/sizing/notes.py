"""Bilingual labels and notes for size classification.

The engine never builds sentences itself: it returns :class:`Note` objects (a
code and its parameters) and the caller asks for the text in Spanish or
English. Notes that belong to one country's data (Nicaragua's misprint, Costa
Rica's gaps) carry their own two texts from the rulebook file; the general
notes of the engine have their templates here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from desktop.domain.text import Text

LANGS = ("es", "en")


# The classification engine's name for the domain's one bilingual text type.
Bilingual = Text


CLASS_LABELS: dict[str, Bilingual] = {
    "micro": Bilingual("Microempresa", "Micro firm"),
    "pequena": Bilingual("Pequeña empresa", "Small firm"),
    "mediana": Bilingual("Mediana empresa", "Medium firm"),
    "grande": Bilingual("Gran empresa", "Large firm"),
    "sin_clasificar": Bilingual("Sin clasificar", "Not classified"),
}

# Short names (used in lists and "falta el dato de ...") and long names (used
# where a sentence says what the country classifies by).
CRITERION_SHORT: dict[str, Bilingual] = {
    "employees": Bilingual("empleados", "employees"),
    "sales": Bilingual("ventas", "sales"),
    "assets": Bilingual("activos", "assets"),
    "exports": Bilingual("exportaciones", "exports"),
    "sector": Bilingual("sector", "sector"),
}
CRITERION_LONG: dict[str, Bilingual] = {
    "employees": Bilingual("número de empleados", "number of employees"),
    "sales": Bilingual("ventas brutas", "gross sales"),
    "assets": Bilingual("activos", "assets"),
    "exports": Bilingual("exportaciones", "exports"),
    "sector": Bilingual("sector", "sector"),
}


# The one sentence on money units: what the adviser types, wherever figures are typed or shown.
# (Rulebook files keep their ceilings in the source's units, ``money_unit``; nobody sees those.)
MONEY_UNITS_NOTE = Bilingual(
    "Montos en dólares de EE. UU., en unidades (no en miles): 250000 son doscientos cincuenta mil dólares.",
    "Amounts in US dollars, whole dollars (not thousands): 250000 is two hundred and fifty thousand dollars.",
)


def class_label(code: str, lang: str = "es") -> str:
    """Return the display label of a size class code ("micro" -> "Microempresa")."""
    return CLASS_LABELS[code].text(lang)


def format_number(value: Decimal | int, lang: str = "es") -> str:
    """Format a number with the grouping of ``lang`` (1.040.500 / 1,040,500)."""
    return format_decimal(value, locale="es" if lang != "en" else "en")


@dataclass(frozen=True)
class Money:
    """An amount in whole US dollars that prints itself in either language."""

    amount: Decimal | int

    def text(self, lang: str = "es") -> str:
        number = format_number(self.amount, lang)
        return f"USD {number}" if lang == "en" else f"{number} USD"


@dataclass(frozen=True)
class Listing:
    """A list of bilingual items joined with "y"/"and" or "o"/"or"."""

    items: tuple[Any, ...]
    conjunction: str = "and"  # "and" | "or"

    def text(self, lang: str = "es") -> str:
        words = [_render(item, lang) for item in self.items]
        if len(words) <= 1:
            return "".join(words)
        if lang == "en":
            joiner = " and " if self.conjunction == "and" else " or "
        else:
            joiner = " y " if self.conjunction == "and" else " o "
        return ", ".join(words[:-1]) + joiner + words[-1]


# Templates of the engine's own notes: code -> (Spanish, English).
TEMPLATES: dict[str, tuple[str, str]] = {
    "zero_employees": (
        "0 empleados (autoempleo) cuenta como microempresa.",
        "0 employees (self-employment) counts as a micro firm.",
    ),
    "criteria_disagree": (
        "Los criterios no coinciden: decide {criterion} ({size_class}); {others}.",
        "The criteria disagree: {criterion} decides ({size_class}); {others}.",
    ),
    "missing_only": (
        "{country} clasifica solo por {criterion_long}; falta el dato de {criterion}.",
        "{country} classifies by {criterion_long} only; the {criterion} figure is missing.",
    ),
    "missing_all": (
        "{country} clasifica por {criteria_long}; falta el dato de {missing}.",
        "{country} classifies by {criteria_long}; the figure for {missing} is missing.",
    ),
    "missing_some": (
        "Sin dato de {missing}; la clase se basa en {used}.",
        "No figure for {missing}; the class rests on {used}.",
    ),
    "criterion_not_used": (
        "{country} no usa {criteria} para clasificar el tamaño; ese dato no se tuvo en cuenta.",
        "{country} does not use {criteria} to classify size; that figure was not taken into account.",
    ),
    "sector_missing": (
        "Los topes de {criterion} dependen del sector y no se indicó el sector; falta el dato de sector.",
        "The {criterion} ceilings depend on the sector and no sector was given; the sector is missing.",
    ),
    "sector_not_covered": (
        "La definición no da topes de {criterion} para el sector {sector}.",
        "The definition gives no {criterion} ceilings for sector {sector}.",
    ),
    "sector_default": (
        "Para {criterion} se aplicaron los topes generales porque {reason}.",
        "The general {criterion} ceilings were applied because {reason}.",
    ),
    "no_size_table": (
        "La fuente no da una tabla de tamaño para {country}; solo su definición de mipyme exportadora.",
        "The source gives no size table for {country}; only its definition of an exporting MSME.",
    ),
    "exporter_needs_exports": (
        "Para aplicar la definición de mipyme exportadora de {country} falta el dato de exportaciones.",
        "To apply {country}'s definition of an exporting MSME the exports figure is missing.",
    ),
    "exporter_no_size_test": (
        "La definición de {country} solo mide la parte exportada de la facturación: no comprueba el tamaño, "
        "así que no dice si la empresa es mipyme.",
        "{country}'s definition only measures the exported share of turnover: it does not test size, "
        "so it does not say whether the firm is an MSME.",
    ),
    "before_known_definition": (
        "La fecha {date} es anterior a la definición de {country} que Rumbo aplica desde {since} (el estudio no "
        "la fecha); se aplicó igual, aunque puede no ser la que regía en esa fecha.",
        "The date {date} is earlier than {country}'s definition, which Rumbo applies from {since} (the study does "
        "not date it); it was applied anyway, though it may not be the one in force on that date.",
    ),
    "no_exporter_definition": (
        "La fuente no da una definición de mipyme exportadora para {country}; el dato de exportaciones no se usó.",
        "The source gives no definition of an exporting MSME for {country}; the exports figure was not used.",
    ),
    "exporter_missing": (
        "Para saber si es exportadora según la definición de {country} falta el dato de {missing}.",
        "To tell whether it is an exporter under {country}'s definition the figure for {missing} is missing.",
    ),
    "exporter_none": (
        "No cumple ninguna categoría de la definición de mipyme exportadora de {country}.",
        "It meets no category of {country}'s definition of an exporting MSME.",
    ),
    "exporter_out_of_scope": (
        "{scope} El sector {sector} queda fuera de esa definición.",
        "{scope} Sector {sector} falls outside that definition.",
    ),
    "exporter_scope_assumed": (
        "{scope} No se indicó el sector; se supuso que la empresa está dentro.",
        "{scope} No sector was given; the firm was assumed to be within it.",
    ),
    "export_share_no_sales": (
        "Con ventas de 0 no se puede calcular qué parte de la facturación se exporta.",
        "With sales of 0 the exported share of turnover cannot be computed.",
    ),
}

_REASONS = {
    "no_sector": Bilingual("no se indicó el sector", "no sector was given"),
}


def reason(code: str) -> Bilingual:
    """Return a reusable clause for the ``sector_default`` note."""
    return _REASONS[code]


def _render(value: Any, lang: str) -> str:
    if hasattr(value, "text"):
        return value.text(lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, Decimal)):
        return format_number(value, lang)
    return str(value)


@dataclass(frozen=True)
class Note:
    """One remark on a classification: a stable code plus its parameters.

    Args:
        code: machine code, stable across versions (tests and stored results use it).
        params: (name, value) pairs; values are plain strings, numbers or objects
            with a ``text(lang)`` method (labels, money, lists).
        own_text: the note's own texts when it comes from a rulebook file.
    """

    code: str
    params: tuple[tuple[str, Any], ...] = ()
    own_text: Bilingual | None = None

    @classmethod
    def make(cls, code: str, **params: Any) -> Note:
        """Build an engine note; the code must have a template."""
        if code not in TEMPLATES:
            raise KeyError(f"no template for note {code!r}")
        return cls(code, tuple(params.items()))

    def param(self, name: str) -> Any:
        """Return the raw value of one parameter (None if absent)."""
        return dict(self.params).get(name)

    def text(self, lang: str = "es") -> str:
        """Return the note as a sentence in ``lang`` ("es" or "en")."""
        if self.own_text is not None:
            return self.own_text.text(lang)
        es, en = TEMPLATES[self.code]
        template = en if lang == "en" else es
        values = {name: _render(value, lang) for name, value in self.params}
        sentence = template.format(**values)
        return sentence[0].upper() + sentence[1:]
