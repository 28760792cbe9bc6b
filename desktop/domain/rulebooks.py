"""Size rulebooks and exporter definitions: the model and the set they live in.

Each JSON file in ``resources/rulebooks`` is one version of one country's law
(``"kind": "size"``) or of its definition of an exporting MSME
(``"kind": "exporter"``). The file format and its checks are in
``rulebook_parse.py``; this module holds the frozen dataclasses the engine reads
and :class:`RulebookSet`, which picks the version in force on a date.

Ceilings are kept as :class:`~decimal.Decimal` in the units of the source
(``money_unit``: thousands of USD for Cuadro 1) and compared against whole
dollars multiplied out exactly, so no boundary ever meets binary floating point.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from desktop.domain.classify_notes import Bilingual
from desktop.domain.classify_sector import match_specificity
from desktop.domain.errors import UserError
from desktop.resources import resource_path

# Classes that have a ceiling, smallest first; above the last one is "grande".
CEILING_CLASSES = ("micro", "pequena", "mediana")
SIZE_CLASSES = CEILING_CLASSES + ("grande", "sin_clasificar")
CRITERIA = ("employees", "sales", "assets")
# Figures a condition (data note, exporter category) may test.
CONDITION_FIELDS = ("employees", "sales", "assets", "exports", "export_share")
RULE_OPS = ("highest", "all_of", "any_of")
MONEY_UNITS = {"usd": Decimal(1), "thousand_usd": Decimal(1000)}


@dataclass(frozen=True)
class CriterionRule:
    """The ceilings of one criterion, possibly different by sector.

    ``default`` and each entry of ``by_sector`` hold one ceiling per class of
    CEILING_CLASSES, in the rulebook's units, strictly increasing.
    """

    name: str
    default: tuple[Decimal, ...] | None
    by_sector: tuple[tuple[str, tuple[Decimal, ...]], ...] = ()

    def ceilings_for(self, sector: str | None) -> tuple[tuple[Decimal, ...] | None, str]:
        """Return the ceilings that apply to ``sector`` and how they were found.

        The second item is "general" (no sector table), "sector" (a sector key
        matched), "default_no_sector" / "default_no_match" (fell back to the
        general ceilings) or "missing_sector" / "not_covered" (no ceilings).
        """
        if not self.by_sector:
            return self.default, "general"
        if sector is None:
            return (self.default, "default_no_sector") if self.default else (None, "missing_sector")
        best, best_score = None, 0
        for key, ceilings in self.by_sector:
            score = match_specificity(key, sector)
            if score > best_score:
                best, best_score = ceilings, score
        if best is not None:
            return best, "sector"
        return (self.default, "default_no_match") if self.default else (None, "not_covered")


@dataclass(frozen=True)
class RuleNode:
    """A node of the combination rule: an operator over children, or a criterion leaf.

    For a class c (smallest first), a leaf holds when the criterion's value is at
    most its ceiling for c; ``all_of`` holds when every child holds, ``any_of``
    when one does. The firm gets the smallest class for which the root holds,
    or "grande". Because ceilings increase, this is the maximum of the
    children's classes for ``all_of`` and the minimum for ``any_of``.
    ``highest`` is ``all_of`` under the name the architecture uses.
    """

    op: str  # "criterion" | one of RULE_OPS
    name: str | None = None
    children: tuple[RuleNode, ...] = ()

    def describe(self) -> str:
        """Machine-readable text, e.g. ``all_of(employees, any_of(sales, assets))``."""
        if self.op == "criterion":
            return str(self.name)
        return f"{self.op}({', '.join(child.describe() for child in self.children)})"

    def leaves(self) -> tuple[str, ...]:
        """The criteria named in the rule, in order of appearance."""
        if self.op == "criterion":
            return (str(self.name),)
        return tuple(name for child in self.children for name in child.leaves())


@dataclass(frozen=True)
class Condition:
    """A test over figures: ``field op value`` leaves under all_of / any_of.

    ``tests`` holds (op, value) pairs for a leaf, all of which must hold; ``value``
    is in the rulebook's units (a plain ratio for ``export_share``).
    """

    op: str  # "test" | "all_of" | "any_of"
    field: str | None = None
    tests: tuple[tuple[str, Decimal], ...] = ()
    children: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class DataNote:
    """A note a rulebook attaches when its condition holds (e.g. a known misprint)."""

    code: str
    when: Condition
    text: Bilingual


@dataclass(frozen=True)
class ExporterCategory:
    """One category of an exporter definition; the first that holds applies."""

    code: str
    label: Bilingual
    criterion: Bilingual
    when: Condition


@dataclass(frozen=True)
class Rulebook:
    """One version of one country's size law or exporter definition."""

    path: str
    id: str
    kind: str  # "size" | "exporter"
    country: str
    name: Bilingual
    version: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    source: Bilingual
    money_unit: str
    criteria: tuple[CriterionRule, ...] = ()
    rule: RuleNode | None = None
    notes: tuple[DataNote, ...] = ()
    remarks: tuple[Bilingual, ...] = ()
    categories: tuple[ExporterCategory, ...] = ()
    scope_sectors: tuple[str, ...] = ()
    scope_text: Bilingual | None = None

    @property
    def scale(self) -> Decimal:
        """Whole dollars per unit of the file's money figures."""
        return MONEY_UNITS[self.money_unit]

    def criterion(self, name: str) -> CriterionRule | None:
        """Return the rule of one criterion, or None if this law does not use it."""
        return next((c for c in self.criteria if c.name == name), None)

    def in_force(self, on_date: datetime.date) -> bool:
        """True when ``on_date`` falls within the effective dates (both inclusive)."""
        if on_date < self.effective_from:
            return False
        return self.effective_to is None or on_date <= self.effective_to


class RulebookSet:
    """All rulebooks of a folder, by kind and country, each country's versions by date."""

    def __init__(self, books: list[Rulebook]):
        self._books = sorted(books, key=lambda b: (b.kind, b.country, b.effective_from))

    def books(self, kind: str | None = None) -> list[Rulebook]:
        """Every rulebook, or those of one kind."""
        return [b for b in self._books if kind is None or b.kind == kind]

    def countries(self, kind: str = "size") -> list[str]:
        """Country codes that have at least one rulebook of ``kind``, sorted."""
        return sorted({b.country for b in self.books(kind)})

    def has(self, kind: str, country: str) -> bool:
        """True when ``country`` has any version of a rulebook of ``kind``."""
        return country in self.countries(kind)

    def for_country(self, country: str, on_date: datetime.date, kind: str = "size") -> Rulebook:
        """Return the version in force on ``on_date``.

        Raises:
            UserError: the country has no rulebook of this kind, or none in force that day.
        """
        code = country.strip().upper()
        versions = [b for b in self.books(kind) if b.country == code]
        if not versions:
            available = ", ".join(self.countries(kind))
            raise UserError(
                f"No hay una definición de tamaño para el país «{country}». "
                f"Países disponibles: {available}.",
                field="country",
            )
        for book in versions:
            if book.in_force(on_date):
                return book
        periods = "; ".join(_period(b) for b in versions)
        raise UserError(
            f"No hay una definición de {versions[0].name.es} vigente el {on_date.isoformat()} "
            f"(versiones disponibles: {periods}).",
            field="on_date",
        )


def _period(book: Rulebook) -> str:
    end = f" hasta el {book.effective_to.isoformat()}" if book.effective_to else ""
    return f"«{book.version}», desde el {book.effective_from.isoformat()}{end}"


def load_rulebooks(folder: Path | None = None) -> RulebookSet:
    """Load and check every ``*.json`` rulebook in ``folder``.

    Args:
        folder: where the files are; by default ``resources/rulebooks`` (cached).

    Raises:
        DataFileError: a file is malformed, naming the file and the problem.
    """
    if folder is None:
        return _default_set()
    from desktop.domain.rulebook_parse import parse_folder

    return RulebookSet(parse_folder(Path(folder)))


@lru_cache(maxsize=1)
def _default_set() -> RulebookSet:
    from desktop.domain.rulebook_parse import parse_folder

    return RulebookSet(parse_folder(resource_path("rulebooks")))
