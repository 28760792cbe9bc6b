"""The plain-language reason of a classification, for the GUI and the CLI.

One sentence gives the class and the figure that settled it against its
ceiling; a second one, when there is more than one criterion, says whether they
agreed or how the rule chose between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.sizing.notes import CLASS_LABELS, CRITERION_LONG, Money, format_number

if TYPE_CHECKING:
    from desktop.domain.sizing.model import Classification, CriterionResult


def amount(result: CriterionResult, which: str, lang: str) -> str:
    """Format ``result.value`` or ``result.ceiling`` as persons or dollars."""
    number = getattr(result, which)
    if result.criterion == "employees":
        return format_number(number, lang)
    return Money(number).text(lang)


def reason_text(c: Classification, lang: str = "es") -> str:
    """One or two sentences: the class and why (see module docstring)."""
    en = lang == "en"
    label = CLASS_LABELS[c.size_class].text(lang)
    if c.size_class == "sin_clasificar":
        first = c.notes[0].text(lang) if c.notes else ""
        return f"{label}. {first}".strip()
    decider = next(r for r in c.criteria if r.criterion == c.decided_by)
    crit = CRITERION_LONG[decider.criterion].text(lang)
    value, ceiling = amount(decider, "value", lang), amount(decider, "ceiling", lang)
    if c.size_class == "grande":
        first = (f"{label} by {crit}: {value}, above the medium-firm ceiling of {ceiling}." if en else
                 f"{label} según {crit}: {value}, por encima del tope de la mediana empresa ({ceiling}).")
    else:
        first = (f"{label} by {crit}: {value}, within the ceiling of {ceiling}." if en else
                 f"{label} según {crit}: {value}, dentro del tope de {ceiling}.")
    if len(c.criteria) < 2:
        return first
    if len({r.size_class for r in c.criteria}) == 1:
        second = (f"The {len(c.criteria)} criteria agree." if en else
                  f"Los {len(c.criteria)} criterios coinciden.")
    elif c.rule.startswith(("highest(", "all_of(")) and "any_of(" not in c.rule:
        second = ("It is the criterion giving the largest class." if en else
                  "Es el criterio que da la clase mayor.")
    elif c.rule.startswith("any_of(") and "all_of(" not in c.rule and "highest(" not in c.rule:
        second = ("It is the criterion giving the smallest class." if en else
                  "Es el criterio que da la clase menor.")
    else:
        second = (f"The rule {c.rule} chose it." if en else f"Lo eligió la regla {c.rule}.")
    return f"{first} {second}"
