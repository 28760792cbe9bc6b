"""Size classification of a firm under its country's definition (the study's table or a law).

How a class is found (see the architecture page, "Size classification
semantics", and ``model.py`` and ``rulebooks.py`` for the data):

* each criterion alone gives the smallest class whose ceiling its value does
  not exceed; a boundary value belongs to the lower class, which also closes
  Costa Rica's gaps (65.05 thousand of assets is above 65, so *pequeña*);
  above the medium ceiling it gives ``grande``; 0 employees is micro;
* money arrives in whole dollars and ceilings in the source's units (thousands
  for Cuadro 1); both are :class:`~decimal.Decimal`, compared exactly;
* the rulebook's rule combines the criteria that have data: ``highest`` /
  ``all_of`` take the largest class, ``any_of`` the smallest; when the criteria
  disagree a note names the one that decided;
* no usable figure gives ``sin_clasificar`` and a note naming the missing field;
* notes a rulebook attaches to ranges of values come from its file: Nicaragua's
  misprinted small sales floor is cited when 9,300 <= sales <= 49,300 USD (the
  whole range where the printed micro and small rows overlap), Costa Rica's
  gaps when a value falls strictly between two printed bounds (65 / 65.1).

Countries with an exporter definition but no size table in the source
(Argentina, Brazil, Chile) are accepted: the size class is ``sin_clasificar``
with a note saying the source has no size table for them, and ``exporter``
carries the result of their definition when exports were given.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache

from desktop.domain.errors import UserError
from desktop.domain.sizing.exporter import condition_holds, evaluate_exporter
from desktop.domain.sizing.model import (
    CEILING_CLASSES,
    CRITERIA,
    Classification,
    CriterionResult,
    FirmFigures,
    Rulebook,
)
from desktop.domain.sizing.notes import CRITERION_LONG, CRITERION_SHORT, Bilingual, Listing, Note
from desktop.domain.sizing.reason import rule_words
from desktop.domain.sizing.rulebooks import RulebookSet, load_rulebooks
from desktop.domain.sizing.rules import CLASS_ORDER, combine, criterion_classes, criterion_results, evaluate
from desktop.domain.sizing.sector import normalize_sector

MIPYME_CLASSES = CEILING_CLASSES


def supported_countries(rulebooks: RulebookSet | None = None) -> list[tuple[str, str]]:
    """(code, Spanish name) of the countries with a size rulebook, sorted by name."""
    books = rulebooks or load_rulebooks()
    names = {b.country: b.name.es for b in books.books("size")}
    return sorted(names.items(), key=lambda item: item[1])


def exporter_countries(rulebooks: RulebookSet | None = None) -> list[tuple[str, str]]:
    """(code, Spanish name) of the countries with an exporter definition."""
    books = rulebooks or load_rulebooks()
    names = {b.country: b.name.es for b in books.books("exporter")}
    return sorted(names.items(), key=lambda item: item[1])


def classify(country: str, figures: FirmFigures, rulebooks: RulebookSet | None = None) -> Classification:
    """Classify a firm's size under ``country``'s rulebook in force on ``figures.on_date``.

    Raises:
        UserError: unknown country, no rulebook in force on the date, a negative
            or non-numeric figure, or a sector that is not ISIC Rev. 4.
    """
    books = rulebooks or load_rulebooks()
    code = str(country).strip().upper()
    values = _values(figures)
    sector = _sector(figures.sector)
    on_date = figures.on_date or datetime.date.today()
    exporter_book = books.for_country(code, on_date, "exporter") if books.has("exporter", code) else None
    if not books.has("size", code):
        if exporter_book is None:
            _unknown_country(country, books)
        return _exporter_only(exporter_book, values, sector, on_date)
    book = books.for_country(code, on_date)
    notes: list[Note] = _early_notes(book, on_date)
    results, unusable = criterion_results(book, values, sector, notes)
    size_class, decided_by = combine(book, results, notes)
    _missing_notes(book, values, results, unusable, notes)
    given_unused = [n for n in CRITERIA if values[n] is not None and book.criterion(n) is None]
    if given_unused:
        notes.append(Note.make("criterion_not_used", country=book.name,
                               criteria=Listing(tuple(CRITERION_LONG[n] for n in given_unused))))
    notes.extend(Note(n.code, own_text=n.text) for n in book.notes
                 if condition_holds(n.when, values, book.scale) is True)
    exporter = None
    if exporter_book is not None:
        exporter, more = evaluate_exporter(exporter_book, values, sector)
        notes.extend(more)
    elif values["exports"] is not None:
        notes.append(Note.make("no_exporter_definition", country=book.name))
    ordered = tuple(r for name in book.rule.leaves() for r in results if r.criterion == name)
    return Classification(
        country=code, size_class=size_class, is_mipyme=size_class in MIPYME_CLASSES,
        criteria=ordered, rule=book.rule.describe(), rulebook_id=book.id,
        rulebook_version=book.version, notes=tuple(notes), exporter=exporter,
        decided_by=decided_by, country_name=book.name, on_date=on_date,
        source=book.source, sector=sector, rulebook_title=book.display_title(),
        rule_words=rule_words(book.rule),
    )


def _early_notes(book: Rulebook, on_date: datetime.date) -> list[Note]:
    """A note when ``on_date`` is before the rulebook's first known date (the rulebook was applied anyway)."""
    if on_date >= book.effective_from:
        return []
    return [Note.make("before_known_definition", country=book.name, date=on_date.isoformat(),
                      since=str(book.effective_from.year))]


def _exporter_only(book: Rulebook, values: dict, sector: str | None, on_date: datetime.date) -> Classification:
    notes = [Note.make("no_size_table", country=book.name), *_early_notes(book, on_date)]
    exporter, more = evaluate_exporter(book, values, sector)
    notes.extend(more)
    return Classification(
        country=book.country, size_class="sin_clasificar", is_mipyme=False, criteria=(),
        rule="none", rulebook_id=book.id, rulebook_version=book.version, notes=tuple(notes),
        exporter=exporter, decided_by=None, country_name=book.name, on_date=on_date,
        source=book.source, sector=sector, rulebook_title=book.display_title(),
        rule_words=Bilingual("no hay tabla de tamaño", "there is no size table"),
    )


def _missing_notes(book: Rulebook, values: dict, results: list[CriterionResult],
                   unusable: list[str], notes: list[Note]) -> None:
    used = book.rule.leaves()
    absent = [n for n in used if values[n] is None]
    if results:
        if absent:
            notes.append(Note.make(
                "missing_some", missing=Listing(tuple(CRITERION_SHORT[n] for n in absent)),
                used=Listing(tuple(CRITERION_SHORT[r.criterion] for r in results))))
        return
    if not absent:
        return  # every criterion had a value but no ceilings for the sector: already noted
    if len(used) == 1:
        notes.insert(0, Note.make("missing_only", country=book.name,
                                  criterion_long=CRITERION_LONG[used[0]], criterion=CRITERION_SHORT[used[0]]))
    else:
        notes.insert(0, Note.make(
            "missing_all", country=book.name,
            criteria_long=Listing(tuple(CRITERION_LONG[n] for n in used), "or"),
            missing=Listing(tuple(CRITERION_SHORT[n] for n in absent))))


def _unknown_country(country: str, books: RulebookSet):
    sizes = ", ".join(books.countries("size"))
    exporters = [c for c in books.countries("exporter") if c not in books.countries("size")]
    extra = f"; solo definición de exportadora: {', '.join(exporters)}" if exporters else ""
    raise UserError(
        f"No hay una definición de tamaño para el país «{country}». Países disponibles: {sizes}{extra}.",
        field="country",
    )


_FIELDS = (("employees", "employees", "empleados"), ("sales", "sales_usd", "ventas"),
           ("assets", "assets_usd", "activos"), ("exports", "exports_usd", "exportaciones"))


def _values(figures: FirmFigures) -> dict[str, Decimal | None]:
    """Figures as exact decimals in whole units, checked for sign and type."""
    out: dict[str, Decimal | None] = {}
    for name, attr, label in _FIELDS:
        raw = getattr(figures, attr)
        if raw is None:
            out[name] = None
            continue
        if isinstance(raw, bool) or not isinstance(raw, (int, Decimal, float)):
            raise UserError(f"El dato de {label} debe ser un número.", field=attr)
        # A float is taken by its shortest decimal form (104000.0 -> 104000), never its binary value.
        value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        if not value.is_finite():
            raise UserError(f"El dato de {label} debe ser un número.", field=attr)
        if value < 0:
            raise UserError(f"El dato de {label} no puede ser negativo.", field=attr)
        if name == "employees" and value != value.to_integral_value():
            raise UserError("El número de empleados debe ser un número entero.", field=attr)
        out[name] = value
    return out


@lru_cache(maxsize=4096)  # a file repeats a few hundred activity codes
def _sector(raw: str | None) -> str | None:
    if raw is None or str(raw).strip() == "":
        return None
    code = normalize_sector(raw)
    if code is None:
        raise UserError(
            f"El sector «{raw}» no es un código CIIU Rev. 4 (una letra de sección como «C» "
            "o un código de 2 a 4 cifras como «1071»).",
            field="sector",
        )
    return code


def size_class(country: str, figures: FirmFigures, rulebooks: RulebookSet | None = None) -> str:
    """Only the size class :func:`classify` would give, for bulk work (imports, demo data).

    Runs the criteria and the rule tree of the country's rulebook and skips
    the notes, the exporter test and the explanation. Where :func:`classify`
    would raise (bad figures, unknown country, no rulebook in force) or gives
    no size class (an exporter-only country), this returns ``sin_clasificar``.
    """
    return size_class_with_book(country, figures, rulebooks)[0]


def size_class_with_book(country: str, figures: FirmFigures,
                         rulebooks: RulebookSet | None = None) -> tuple[str, str | None]:
    """:func:`size_class` and the rulebook that gave it ("id@version", None when none did)."""
    try:
        values = _values(figures)
        sector = _sector(figures.sector)
        book = _size_book(rulebooks or load_rulebooks(), str(country).strip().upper(),
                          figures.on_date or datetime.date.today())
        if book is None:
            return "sin_clasificar", None
        outcome = evaluate(book.rule, criterion_classes(book, values, sector))
        ref = f"{book.id}@{book.version}"
        return ("sin_clasificar" if outcome is None else CLASS_ORDER[outcome[0]]), ref
    except UserError:
        return "sin_clasificar", None


@lru_cache(maxsize=64)
def _size_book(books: RulebookSet, code: str, on_date: datetime.date) -> Rulebook | None:
    """The size rulebook ``classify`` would use for ``code`` on ``on_date``, or None
    when ``classify`` would raise or give no size class (no size table)."""
    try:
        if books.has("exporter", code):
            books.for_country(code, on_date, "exporter")  # classify raises when none is in force
        if not books.has("size", code):
            return None
        return books.for_country(code, on_date)
    except UserError:
        return None
