"""A firm's size class under the law in force in its country, beside the study's table.

Law rulebooks (``"kind": "law"``) are read by ``parse.py`` like the study's
tables, with two additions: money may be counted in minimum wages
(``"money_unit": "minimum_wage"`` and ``"wage": {"sector": ...}``), and a class
may have sub-classes (``"subclasses"``: a law's micro tiers). Wage tables are
``wages.py``.

How the class is found on a date:

* the version in force is the one with the latest ``effective_from`` not after
  the date whose ``effective_to`` (if any) has not passed, so a centre that
  imports a reform needs not edit the version it replaces;
* a law in minimum wages is turned into whole dollars with the wage in force
  on that date (482 wages of 408.80 USD is exactly 197,041.60 USD; decimals
  throughout), then the study's engine (``rules.py``) does the rest: each
  criterion's class, the law's rule, the notes, the reason;
* the sub-class is the smallest tier each criterion fits, combined by the same
  rule, when the class is the one the tiers divide.

No law in force (none loaded for the country, a date before it, a wage missing)
gives no class and one sentence saying why; the study's class still stands.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.errors import UserError
from desktop.domain.sizing.engine import _missing_notes, _sector, _values
from desktop.domain.sizing.exporter import condition_holds
from desktop.domain.sizing.model import (
    CEILING_CLASSES,
    WAGE_UNIT,
    Classification,
    CriterionRule,
    FirmFigures,
    Rulebook,
    RuleNode,
    SubclassLevel,
    SubclassRule,
)
from desktop.domain.sizing.notes import CLASS_LABELS, CRITERION_LONG, Bilingual, Money, Note, format_number
from desktop.domain.sizing.reason import rule_words
from desktop.domain.sizing.rules import combine, criterion_results
from desktop.domain.sizing.wages import HIGHEST, WageRate, WageTable, wage_on


class LawSet:
    """The law rulebooks and wage tables a device knows: shipped ones and the centre's imports."""

    def __init__(self, books: list[Rulebook], wages: list[WageTable]):
        self._books = sorted((b for b in books if b.kind == "law"), key=lambda b: (b.country, b.effective_from))
        self._wages = list(wages)

    def books(self) -> list[Rulebook]:
        return list(self._books)

    def wage_tables(self) -> list[WageTable]:
        return list(self._wages)

    def countries(self) -> list[str]:
        return sorted({b.country for b in self._books})

    def versions(self, country: str) -> list[Rulebook]:
        return [b for b in self._books if b.country == country]

    def for_country(self, country: str, on_date: datetime.date) -> Rulebook | None:
        """The version in force on ``on_date`` (the latest that started and has not ended), or None."""
        live = [b for b in self.versions(country) if b.in_force(on_date)]
        return max(live, key=lambda b: b.effective_from) if live else None

    def wage(self, book: Rulebook, on_date: datetime.date) -> WageRate | None:
        assert book.wage is not None
        return wage_on(self._wages, book.wage.country, book.wage.sector, on_date)


@dataclass(frozen=True)
class LawClassification:
    """The class under the law in force (or why there is none), with its reason."""

    country: str
    on_date: datetime.date
    size_class: str | None
    subclass: SubclassLevel | None = None
    book: Rulebook | None = None
    wage: WageRate | None = None
    inner: Classification | None = None  # the engine's result on the law turned into dollars
    missing: Bilingual | None = None  # why there is no class

    @property
    def is_mipyme(self) -> bool:
        return self.size_class in CEILING_CLASSES

    def label(self, lang: str = "es") -> str:
        """"Microempresa (subsistencia)"; "Sin definición legal" when there is no class."""
        if self.size_class is None:
            return "No legal definition" if lang == "en" else "Sin definición legal"
        text = CLASS_LABELS[self.size_class].text(lang)
        return f"{text} ({self.subclass.label.text(lang)})" if self.subclass else text

    def rulebook_ref(self) -> str | None:
        """"id@version" of the law applied, as firms store it."""
        return f"{self.book.id}@{self.book.version}" if self.book else None

    def reason(self, lang: str = "es") -> str:
        """The class and why: the engine's reason, the wage used and the sub-class."""
        if self.inner is None:
            return self.missing.text(lang) if self.missing else ""
        parts = [self.inner.reason(lang)]
        if self.wage is not None:
            parts.append(_wage_sentence(self.book, self.wage, lang))
        if self.subclass is not None:
            parts.append(f"Sub-class: {self.subclass.label.text('en')}." if lang == "en"
                         else f"Subclase: {self.subclass.label.text('es')}.")
        return " ".join(parts)

    def source_text(self, lang: str = "es") -> str | None:
        return self.book.source.text(lang) if self.book else None

    def title(self, lang: str = "es") -> str | None:
        return self.book.display_title().text(lang) if self.book else None

    def to_json(self, lang: str = "es") -> dict:
        """The ``law`` object of ``rumbo classify --json``."""
        out = {
            "class": self.size_class,
            "subclass": self.subclass.code if self.subclass else None,
            "label": self.label(lang),
            "is_mipyme": self.is_mipyme,
            "on_date": self.on_date.isoformat(),
            "rulebook": ({"id": self.book.id, "version": self.book.version, "title": self.title(lang),
                          "source": self.source_text(lang)} if self.book else None),
            "reason": self.reason(lang),
            "wage": None,
            "criteria": {},
            "notes": [],
        }
        if self.wage is not None:
            out["wage"] = {"sector": self.wage.sector, "amount": str(self.wage.amount),
                           "from": self.wage.effective_from.isoformat(),
                           "instrument": self.wage.instrument.text(lang)}
        if self.inner is not None:
            inner = self.inner.to_json(lang)
            out["criteria"], out["notes"] = inner["criteria"], inner["notes"]
        return out


def classify_law(country: str, figures: FirmFigures, laws: LawSet) -> LawClassification:
    """Classify under the law of ``country`` in force on ``figures.on_date`` (default today).

    Raises:
        UserError: a negative or non-numeric figure, or a sector that is not ISIC Rev. 4
            (the same checks as the study's classification).
    """
    code = str(country).strip().upper()
    on_date = figures.on_date or datetime.date.today()
    values, sector = _values(figures), _sector(figures.sector)
    book = laws.for_country(code, on_date)
    if book is None:
        return LawClassification(code, on_date, None, missing=_no_law(laws, code, on_date))
    wage = None
    if book.money_unit == WAGE_UNIT:
        wage = laws.wage(book, on_date)
        if wage is None:
            return LawClassification(code, on_date, None, book=book, missing=_no_wage(book, on_date))
        factor = wage.amount
    else:
        factor = book.scale
    dollars = in_dollars(book, factor)
    notes: list[Note] = []
    results, unusable = criterion_results(dollars, values, sector, notes)
    size_class, decided_by = combine(dollars, results, notes)
    _missing_notes(dollars, values, results, unusable, notes)
    notes.extend(Note(n.code, own_text=n.text) for n in book.notes
                 if condition_holds(n.when, values, factor) is True)
    ordered = tuple(r for name in book.rule.leaves() for r in results if r.criterion == name)
    inner = Classification(
        country=code, size_class=size_class, is_mipyme=size_class in CEILING_CLASSES, criteria=ordered,
        rule=book.rule.describe(), rulebook_id=book.id, rulebook_version=book.version, notes=tuple(notes),
        exporter=None, decided_by=decided_by, country_name=book.name, on_date=on_date, source=book.source,
        sector=sector, rulebook_title=book.display_title(), rule_words=rule_words(book.rule),
    )
    subclass = None
    if dollars.subclasses is not None and size_class == dollars.subclasses.of:
        subclass = _subclass(dollars.rule, dollars.subclasses, {r.criterion: Decimal(r.value) for r in results})
    return LawClassification(code, on_date, size_class, subclass, book, wage, inner)


def in_dollars(book: Rulebook, factor: Decimal) -> Rulebook:
    """``book`` with every money ceiling multiplied by ``factor`` into whole dollars (exact)."""
    def scale(values: tuple[Decimal, ...] | None) -> tuple[Decimal, ...] | None:
        return None if values is None else tuple(v * factor for v in values)

    criteria = tuple(
        c if c.name == "employees" else
        CriterionRule(c.name, scale(c.default), tuple((k, scale(v)) for k, v in c.by_sector))
        for c in book.criteria
    )
    subclasses = book.subclasses
    if subclasses is not None:
        subclasses = SubclassRule(subclasses.of, tuple(
            replace(level, ceilings=tuple((n, v if n == "employees" else v * factor) for n, v in level.ceilings))
            for level in subclasses.levels))
    return replace(book, money_unit="usd", criteria=criteria, subclasses=subclasses, wage=None, notes=())


def _subclass(rule: RuleNode, tiers: SubclassRule, values: dict[str, Decimal]) -> SubclassLevel | None:
    """The tier the rule gives: each criterion's smallest tier that holds it, combined like classes."""
    ranks = {name: next((i for i, level in enumerate(tiers.levels)
                         if level.ceiling(name) is not None and value <= level.ceiling(name)), None)
             for name, value in values.items()}
    rank = _rank(rule, ranks)
    return tiers.levels[rank] if isinstance(rank, int) else None


_ABSENT = object()  # a criterion without data: it drops out, as for classes


def _rank(node: RuleNode, ranks: dict[str, int | None]):
    """Tier rank of ``node``: None when a criterion fits no tier, _ABSENT when none has data."""
    if node.op == "criterion":
        return ranks.get(str(node.name), _ABSENT)
    found = [r for r in (_rank(child, ranks) for child in node.children) if r is not _ABSENT]
    if not found:
        return _ABSENT
    if node.op == "any_of":
        fits = [r for r in found if r is not None]
        return min(fits) if fits else None
    return None if None in found else max(found)


def _wage_sentence(book: Rulebook, wage: WageRate, lang: str) -> str:
    amount = Money(wage.amount).text(lang)
    since = wage.effective_from.isoformat()
    if lang == "en":
        which = "the highest sector minimum wage" if book.wage.sector == HIGHEST else "the minimum wage"
        return (f"The law counts sales in minimum wages: {which} in force ({wage.label.en}) is {amount} a month "
                f"from {since}, {wage.instrument.en}.")
    which = "el salario mínimo de mayor cuantía" if book.wage.sector == HIGHEST else "el salario mínimo"
    return (f"La ley mide las ventas en salarios mínimos: {which} vigente ({wage.label.es}) es de {amount} "
            f"al mes desde el {since}, {wage.instrument.es}.")


def _country_name(code: str) -> Bilingual:
    from desktop.domain.sizing.rulebooks import load_rulebooks
    named = next((b.name for b in load_rulebooks().books() if b.country == code), None)
    return named or Bilingual(code, code)


def _no_law(laws: LawSet, code: str, on_date: datetime.date) -> Bilingual:
    versions = laws.versions(code)
    if not versions:
        name = _country_name(code)
        return Bilingual(
            f"No hay una definición legal de tamaño cargada para {name.es}; vale la clase de la tabla del estudio. "
            "Un coordinador puede importarla en Configuración → Definiciones de tamaño.",
            f"No legal size definition is loaded for {name.en}; the study's table class stands. "
            "A coordinator can import one in Settings → Size definitions.")
    first = versions[0]
    return Bilingual(
        f"Ninguna versión de {first.display_title().es} estaba vigente el {on_date.isoformat()} "
        f"(la primera rige desde el {first.effective_from.isoformat()}).",
        f"No version of {first.display_title().en} was in force on {on_date.isoformat()} "
        f"(the first applies from {first.effective_from.isoformat()}).")


def _no_wage(book: Rulebook, on_date: datetime.date) -> Bilingual:
    sector = "de mayor cuantía" if book.wage.sector == HIGHEST else f"del sector «{book.wage.sector}»"
    return Bilingual(
        f"{book.display_title().es} mide en salarios mínimos y no hay un salario mínimo {sector} de "
        f"{book.wage.country} vigente el {on_date.isoformat()}; importe la tabla de salarios mínimos.",
        f"{book.display_title().en} counts in minimum wages and no {book.wage.country} minimum wage "
        f"({book.wage.sector}) was in force on {on_date.isoformat()}; import the minimum-wage table.")


def differences(study: Classification, law: LawClassification, lang: str = "es") -> str | None:
    """Why the two classes differ: each criterion the two read differently; None when they agree
    or the law gives no class."""
    if law.inner is None or law.size_class == study.size_class:
        return None
    by_law = {r.criterion: r for r in law.inner.criteria}
    by_study = {r.criterion: r for r in study.criteria}
    parts = []
    for name in dict.fromkeys([*by_law, *by_study]):
        if name in by_law and name in by_study and by_law[name].size_class == by_study[name].size_class \
                and by_law[name].ceiling == by_study[name].ceiling:
            continue
        crit = CRITERION_LONG[name].text(lang)
        sides = []
        for who, result in (("law" if lang == "en" else "la ley", by_law.get(name)),
                            ("the study" if lang == "en" else "el estudio", by_study.get(name))):
            if result is None:
                sides.append(f"{who} does not use it" if lang == "en" else f"{who} no lo usa")
            else:
                ceiling = _amount(name, result.ceiling, lang)
                cls = CLASS_LABELS[result.size_class].text(lang).lower()
                sides.append(f"{who}: {cls} ({'ceiling' if lang == 'en' else 'tope'} {ceiling})")
        parts.append(f"{crit} — {'; '.join(sides)}")
    head = "The two classes differ" if lang == "en" else "Las dos clases difieren"
    return f"{head}: {'. '.join(parts)}."


def _amount(criterion: str, value, lang: str) -> str:
    if value is None:
        return "—"
    return format_number(value, lang) if criterion == "employees" else Money(value).text(lang)


def check_figures(figures: FirmFigures) -> None:
    """Raise the study engine's UserError for bad figures (used before a bulk pass)."""
    _values(figures)
    _sector(figures.sector)


__all__ = ["LawClassification", "LawSet", "UserError", "check_figures", "classify_law", "differences", "in_dollars"]
