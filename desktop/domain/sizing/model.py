"""The values of size classification: rulebooks as the engine reads them, and results.

Rulebooks (one version of one country's law, or of its definition of an
exporting MSME) are frozen dataclasses made by ``parse.py`` from the JSON files
of ``resources/rulebooks``. Ceilings stay :class:`~decimal.Decimal` in the units
of the source (``money_unit``: thousands of USD for Cuadro 1) and are compared
against whole dollars multiplied out exactly, so no boundary meets binary
floating point. The results (:class:`Classification` and its parts) carry
everything needed to explain them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.sizing.notes import Bilingual, Note, class_label
from desktop.domain.sizing.reason import reason_text
from desktop.domain.sizing.sector import match_specificity

# Classes that have a ceiling, smallest first; above the last one is "grande".
CEILING_CLASSES = ("micro", "pequena", "mediana")
SIZE_CLASSES = CEILING_CLASSES + ("grande", "sin_clasificar")
CRITERIA = ("employees", "sales", "assets")
# Figures a condition (data note, exporter category) may test.
CONDITION_FIELDS = ("employees", "sales", "assets", "exports", "export_share")
RULE_OPS = ("highest", "all_of", "any_of")
MONEY_UNITS = {"usd": Decimal(1), "thousand_usd": Decimal(1000), "balboa": Decimal(1)}
# A law may count money in minimum wages: the factor is the wage in force on the firm's date.
WAGE_UNIT = "minimum_wage"


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
class WageRef:
    """Which minimum wage a law's amounts count: a sector of a country's wage table.

    ``sector`` is a key of the wage table, or ``"highest"`` for the highest
    sector wage in force ("salario mínimo de mayor cuantía").
    """

    country: str
    sector: str


@dataclass(frozen=True)
class SubclassLevel:
    """One sub-class (e.g. a law's "subsistencia" micro firm): its ceilings per criterion."""

    code: str
    label: Bilingual
    ceilings: tuple[tuple[str, Decimal], ...]

    def ceiling(self, criterion: str) -> Decimal | None:
        return dict(self.ceilings).get(criterion)


@dataclass(frozen=True)
class SubclassRule:
    """Sub-classes of the class ``of``, smallest first; combined by the rulebook's rule."""

    of: str
    levels: tuple[SubclassLevel, ...]


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
    title: Bilingual | None = None  # "Definición de mipyme de El Salvador (CEPAL, Cuadro 1)"
    wage: WageRef | None = None  # laws counted in minimum wages: which wage
    subclasses: SubclassRule | None = None  # sub-classes of one class (a law's micro tiers)

    def display_title(self) -> Bilingual:
        """The rulebook's name for people: its own title, or one made from its kind and country."""
        if self.title is not None:
            return self.title
        if self.kind == "exporter":
            return Bilingual(f"Definición de mipyme exportadora de {self.name.es}",
                             f"Definition of an exporting MSME, {self.name.en}")
        return Bilingual(f"Definición de tamaño de {self.name.es}", f"Size definition, {self.name.en}")

    @property
    def scale(self) -> Decimal:
        """Whole dollars per unit of the file's money figures (a law in minimum wages is
        converted first, see ``law.py``)."""
        return MONEY_UNITS[self.money_unit]

    def criterion(self, name: str) -> CriterionRule | None:
        """Return the rule of one criterion, or None if this law does not use it."""
        return next((c for c in self.criteria if c.name == name), None)

    def in_force(self, on_date: datetime.date) -> bool:
        """True when ``on_date`` falls within the effective dates (both inclusive)."""
        if on_date < self.effective_from:
            return False
        return self.effective_to is None or on_date <= self.effective_to


@dataclass(frozen=True)
class ExporterResult:
    """Whether a firm is an exporting MSME under one country's definition.

    ``is_exporter`` is None when a needed figure is missing (a note says which).
    """

    country: str
    definition_id: str
    definition_version: str
    is_exporter: bool | None
    category: str | None
    label: Bilingual | None = None
    criterion: Bilingual | None = None
    country_name: Bilingual | None = None

    def text(self, lang: str = "es") -> str:
        """One sentence for people: the category and why, or why not."""
        name = self.country_name.text(lang) if self.country_name else self.country
        if self.is_exporter and self.label and self.criterion:
            return f"{self.label.text(lang)}: {self.criterion.text(lang)}."
        if self.is_exporter is None:
            return (f"Cannot tell whether it is an exporting MSME under {name}'s definition."
                    if lang == "en" else
                    f"No se puede saber si es mipyme exportadora según la definición de {name}.")
        return (f"Not an exporting MSME under {name}'s definition."
                if lang == "en" else f"No es mipyme exportadora según la definición de {name}.")

    def to_json(self, lang: str = "es") -> dict:
        """The ``exporter`` object of ``classify --json``."""
        return {
            "definition": {"id": self.definition_id, "version": self.definition_version},
            "is_exporter": self.is_exporter,
            "category": self.category,
            "label": self.label.text(lang) if self.label else None,
            "reason": self.text(lang),
        }


@dataclass(frozen=True)
class FirmFigures:
    """What is known about a firm; None means "not given". Money in whole US dollars."""

    employees: int | None = None
    sales_usd: Decimal | int | None = None
    assets_usd: Decimal | int | None = None
    exports_usd: Decimal | int | None = None
    sector: str | None = None  # ISIC Rev. 4 code ("1071") or section letter ("C")
    on_date: datetime.date | None = None  # default: today


@dataclass(frozen=True)
class CriterionResult:
    """What one criterion alone says: its value and class, and the ceiling that settled it.

    ``ceiling`` is in whole units (persons or dollars): the ceiling of
    ``size_class``, or of the medium class when the criterion says ``grande``.
    """

    criterion: str
    value: Decimal | int
    size_class: str
    ceiling: Decimal | int | None = None


@dataclass(frozen=True)
class Classification:
    """The outcome of :func:`classify`, with everything needed to explain it."""

    country: str
    size_class: str
    is_mipyme: bool
    criteria: tuple[CriterionResult, ...]
    rule: str
    rulebook_id: str
    rulebook_version: str
    notes: tuple[Note, ...]
    exporter: ExporterResult | None
    decided_by: str | None
    country_name: Bilingual | None = None
    on_date: datetime.date | None = None
    source: Bilingual | None = None
    sector: str | None = None
    rulebook_title: Bilingual | None = None
    rule_words: Bilingual | None = None  # the rule for people (``rule`` is for machines)

    def rulebook_name(self, lang: str = "es") -> str:
        """The definition applied, for people: "Definición de mipyme de El Salvador (CEPAL, Cuadro 1)"."""
        return self.rulebook_title.text(lang) if self.rulebook_title else self.rulebook_id

    def rulebook_text(self, lang: str = "es") -> str:
        """The definition applied and its version, for people."""
        return f"{self.rulebook_name(lang)}, {'version' if lang == 'en' else 'versión'} {self.rulebook_version}"

    def rule_text(self, lang: str = "es") -> str:
        """How the criteria combine, for people ("se toma el tamaño mayor entre empleados y ventas")."""
        return self.rule_words.text(lang) if self.rule_words else self.rule

    def label(self, lang: str = "es") -> str:
        """Display label of the class ("Pequeña empresa")."""
        return class_label(self.size_class, lang)

    def reason(self, lang: str = "es") -> str:
        """One or two plain sentences: the class and why."""
        return reason_text(self, lang)

    def to_json(self, lang: str = "es") -> dict:
        """The object ``rumbo classify --json`` prints."""
        out = {
            "country": self.country,
            "country_name": self.country_name.text(lang) if self.country_name else self.country,
            "on_date": self.on_date.isoformat() if self.on_date else None,
            "size_class": self.size_class,
            "size_label": self.label(lang),
            "is_mipyme": self.is_mipyme,
            "criteria": {
                r.criterion: {"value": _json_number(r.value), "size_class": r.size_class,
                              "ceiling": _json_number(r.ceiling)}
                for r in self.criteria
            },
            "rule": self.rule,
            "rule_text": self.rule_text(lang),
            "decided_by": self.decided_by,
            "rulebook": {"id": self.rulebook_id, "version": self.rulebook_version,
                         "title": self.rulebook_name(lang),
                         "source": self.source.text(lang) if self.source else None},
            "notes": [note.text(lang) for note in self.notes],
            "reason": self.reason(lang),
        }
        if self.sector is not None:
            out["sector"] = self.sector
        if self.exporter is not None:
            out["exporter"] = self.exporter.to_json(lang)
        return out


def _json_number(value: Decimal | int | None):
    # Whole numbers as JSON integers; anything else as an exact decimal string.
    if value is None:
        return None
    if isinstance(value, int) or value == value.to_integral_value():
        return int(value)
    return str(value)
