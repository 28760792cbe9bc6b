"""Exporter definitions (Argentina, Brazil, Chile) and the conditions they test.

Conditions use three-valued logic: a test over a figure that was not given is
*unknown*, so "is it an exporter?" can honestly answer "cannot tell, the
employees figure is missing" instead of guessing. ``all_of`` is false if any
child is false, else unknown if any is unknown; ``any_of`` is true if any child
is true, else unknown if any is unknown. The first category that holds applies.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.sizing.model import Condition, ExporterResult, Rulebook
from desktop.domain.sizing.notes import CRITERION_SHORT, Listing, Note
from desktop.domain.sizing.sector import section_of

_OPS = {
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
}


def condition_holds(cond: Condition, values: dict[str, Decimal | None], scale: Decimal,
                    missing: set[str] | None = None) -> bool | None:
    """Evaluate ``cond`` on figures in whole units; None means unknown.

    Args:
        values: "employees", "sales", "assets", "exports" (whole dollars or persons).
        scale: dollars per money unit of the rulebook.
        missing: if given, collects the names of figures that were needed but absent.
    """
    if cond.op == "test":
        return _test(cond, values, scale, missing)
    results = [condition_holds(child, values, scale, missing) for child in cond.children]
    if cond.op == "all_of":
        if False in results:
            return False
        return None if None in results else True
    if True in results:
        return True
    return None if None in results else False


def _test(cond: Condition, values: dict, scale: Decimal, missing: set[str] | None) -> bool | None:
    field = cond.field or ""
    if field == "export_share":
        exports, sales = values.get("exports"), values.get("sales")
        absent = [name for name, v in (("exports", exports), ("sales", sales)) if v is None]
        if absent or sales == 0:
            if missing is not None:
                missing.update(absent or ["sales_zero"])
            return None
        # exports / sales op x  <=>  exports op x * sales (sales > 0): exact, no division.
        return all(_OPS[op](exports, limit * sales) for op, limit in cond.tests)
    value = values.get(field)
    if value is None:
        if missing is not None:
            missing.add(field)
        return None
    factor = Decimal(1) if field == "employees" else scale
    return all(_OPS[op](value, limit * factor) for op, limit in cond.tests)


def evaluate_exporter(book: Rulebook, values: dict[str, Decimal | None],
                      sector: str | None) -> tuple[ExporterResult | None, list[Note]]:
    """Apply an exporter definition; returns the result (None without exports) and notes."""
    country = book.name
    if values.get("exports") is None:
        return None, [Note.make("exporter_needs_exports", country=country)]

    def result(is_exporter: bool | None, category=None) -> ExporterResult:
        return ExporterResult(
            book.country, book.id, book.version, is_exporter,
            category.code if category else None,
            category.label if category else None,
            category.criterion if category else None, country,
        )

    notes: list[Note] = []
    if book.scope_sectors and book.scope_text:
        if sector is None:
            notes.append(Note.make("exporter_scope_assumed", scope=book.scope_text))
        elif section_of(sector) not in book.scope_sectors and sector not in book.scope_sectors:
            notes.append(Note.make("exporter_out_of_scope", scope=book.scope_text, sector=sector))
            return result(False), notes
    missing: set[str] = set()
    for category in book.categories:
        needed: set[str] = set()
        outcome = condition_holds(category.when, values, book.scale, needed)
        if outcome is True:
            if not _tests_size(category.when):
                notes.append(Note.make("exporter_no_size_test", country=country))
            return result(True, category), notes
        if outcome is None:  # only figures that could change the answer count as missing
            missing |= needed
    if missing:
        if "sales_zero" in missing:
            notes.append(Note.make("export_share_no_sales"))
            missing.discard("sales_zero")
        if missing:
            names = tuple(CRITERION_SHORT[m] for m in sorted(missing))
            notes.append(Note.make("exporter_missing", country=country, missing=Listing(names)))
        return result(None), notes
    notes.append(Note.make("exporter_none", country=country))
    return result(False), notes


def _tests_size(when) -> bool:
    """Whether a category's condition measures the firm at all, beyond its export share.

    Argentina's definition is a share of turnover only, so it says nothing of size; Brazil's tiers
    (export value) and Chile's range (turnover) are the source's own size tests for exporters.
    """
    return bool(_fields(when) - {"export_share"})


def _fields(when) -> set[str]:
    """Every figure a condition tree tests."""
    if when is None:
        return set()
    found = {when.field} if when.field else set()
    for child in when.children:
        found |= _fields(child)
    return found
