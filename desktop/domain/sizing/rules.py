"""The arithmetic of size classification: one criterion's class, and the rule tree.

Kept apart from ``engine.py`` so the exact comparisons can be read (and
tested) on their own.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.sizing.model import CEILING_CLASSES, CriterionResult, Rulebook, RuleNode
from desktop.domain.sizing.notes import CLASS_LABELS, CRITERION_SHORT, Bilingual, Listing, Note, reason

# Order of the classes a criterion can give; "grande" is above every ceiling.
RANK = {name: i for i, name in enumerate(CEILING_CLASSES + ("grande",))}


def class_for(value: Decimal, ceilings: tuple[Decimal, ...], factor: Decimal) -> tuple[str, Decimal]:
    """Return the class of ``value`` and the ceiling (in whole units) that settled it.

    ``value`` is in whole units; ``ceilings`` in the rulebook's units, so each is
    multiplied by ``factor`` (exact with decimals: 1040.5 * 1000 == 1040500).
    """
    for name, ceiling in zip(CEILING_CLASSES, ceilings):
        if value <= ceiling * factor:
            return name, ceiling * factor
    return "grande", ceilings[-1] * factor


# Every class in rank order: the ceiling classes, then "grande".
CLASS_ORDER = CEILING_CLASSES + ("grande",)


def _factor(book: Rulebook, criterion: str) -> Decimal:
    """What the ceilings of ``criterion`` are multiplied by to be in whole units."""
    return Decimal(1) if criterion == "employees" else book.scale


def criterion_classes(book: Rulebook, values: dict, sector: str | None) -> dict[str, str]:
    """Each usable criterion's class, without notes or reasons (the bulk path of ``size_class``).

    The same classes as :func:`criterion_results` gives, which tests check.
    """
    classes = {}
    for rule in book.criteria:
        value = values[rule.name]
        if value is not None:
            ceilings, _how = rule.ceilings_for(sector)
            if ceilings is not None:
                classes[rule.name] = class_for(value, ceilings, _factor(book, rule.name))[0]
    return classes


def criterion_results(book: Rulebook, values: dict, sector: str | None, notes: list[Note]):
    """Classify each criterion of ``book`` that has data.

    Returns:
        (results, unusable): CriterionResult per usable criterion, and the names of
        criteria that had a value but no ceilings for the firm's sector.
    """
    results, unusable = [], []
    for rule in book.criteria:
        value = values[rule.name]
        if value is None:
            continue
        ceilings, how = rule.ceilings_for(sector)
        label = CRITERION_SHORT[rule.name]
        if ceilings is None:
            unusable.append(rule.name)
            if how == "missing_sector":
                notes.append(Note.make("sector_missing", criterion=label))
            else:
                notes.append(Note.make("sector_not_covered", criterion=label, sector=sector))
            continue
        if how == "default_no_sector":
            notes.append(Note.make("sector_default", criterion=label, reason=reason("no_sector")))
        elif how == "default_no_match":
            notes.append(Note.make("sector_default", criterion=label, reason=Bilingual(
                f"el sector {sector} no tiene topes propios", f"sector {sector} has no ceilings of its own")))
        size_class, ceiling = class_for(value, ceilings, _factor(book, rule.name))
        shown = int(value) if rule.name == "employees" else value
        results.append(CriterionResult(rule.name, shown, size_class, _whole(ceiling)))
        if rule.name == "employees" and value == 0:
            notes.append(Note.make("zero_employees"))
    return results, unusable


def _lower(label: Bilingual) -> Bilingual:
    return Bilingual(label.es.lower(), label.en.lower())


def _whole(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


def evaluate(node: RuleNode, classes: dict[str, str]) -> tuple[int, str] | None:
    """Rank and deciding criterion of ``node``; criteria without data drop out.

    ``all_of``/``highest`` keep the largest class (the first criterion listed wins
    a tie), ``any_of`` the smallest. None when no criterion under the node has data.
    """
    if node.op == "criterion":
        cls = classes.get(str(node.name))
        return (RANK[cls], str(node.name)) if cls is not None else None
    found = [r for r in (evaluate(child, classes) for child in node.children) if r is not None]
    if not found:
        return None
    if node.op == "any_of":
        return min(found, key=lambda r: r[0])
    return max(found, key=lambda r: r[0])  # max() keeps the first of equal ranks


def combine(book: Rulebook, results: list, notes: list[Note]) -> tuple[str, str | None]:
    """Apply the rule tree; add the "criteria disagree" note when they do."""
    classes = {r.criterion: r.size_class for r in results}
    outcome = evaluate(book.rule, classes)
    if outcome is None:
        return "sin_clasificar", None
    rank, decided_by = outcome
    size_class = CLASS_ORDER[rank]
    if len(set(classes.values())) > 1:
        others = tuple(
            Bilingual(f"{CRITERION_SHORT[r.criterion].es} da {_lower(CLASS_LABELS[r.size_class]).es}",
                      f"{CRITERION_SHORT[r.criterion].en} gives {_lower(CLASS_LABELS[r.size_class]).en}")
            for r in results if r.criterion != decided_by
        )
        notes.insert(0, Note.make("criteria_disagree", criterion=CRITERION_SHORT[decided_by],
                                  size_class=_lower(CLASS_LABELS[size_class]), others=Listing(others)))
    return size_class, decided_by
