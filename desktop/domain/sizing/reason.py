"""The plain-language reason of a classification, for the GUI and the CLI.

One sentence gives the class and the figure that settled it against its
ceiling; a second one, when there is more than one criterion, says whether they
agreed or how the rule chose between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.sizing.notes import CLASS_LABELS, CRITERION_LONG, CRITERION_SHORT, Bilingual, Listing, Money, format_number

if TYPE_CHECKING:
    from desktop.domain.sizing.model import Classification, CriterionResult, RuleNode


def amount(result: CriterionResult, which: str, lang: str) -> str:
    """Format ``result.value`` or ``result.ceiling`` as persons or dollars."""
    number = getattr(result, which)
    if result.criterion == "employees":
        return format_number(number, lang)
    return Money(number).text(lang)


# How each operator of a rule tree picks among its criteria's sizes.
_PICKS = {
    "highest": Bilingual("se toma el tamaño mayor entre", "the larger size given by"),
    "all_of": Bilingual("se toma el tamaño mayor entre", "the larger size given by"),
    "any_of": Bilingual("se toma el tamaño menor entre", "the smaller size given by"),
}
_NESTED = {
    "highest": Bilingual("el mayor entre", "the larger of"),
    "all_of": Bilingual("el mayor entre", "the larger of"),
    "any_of": Bilingual("el menor entre", "the smaller of"),
}

_ONLY = {
    "employees": Bilingual("solo cuenta el número de empleados", "only the number of employees counts"),
    "sales": Bilingual("solo cuentan las ventas brutas", "only gross sales count"),
    "assets": Bilingual("solo cuentan los activos", "only assets count"),
}


def rule_words(node: RuleNode) -> Bilingual:
    """A rule tree for people: "se toma el tamaño mayor entre empleados y ventas".

    A rule over one criterion says only that one counts ("solo cuenta el número
    de empleados"); a nested rule is worded inside parentheses.
    """
    if node.op == "criterion" or len(node.children) == 1:
        leaf = node if node.op == "criterion" else node.children[0]
        if leaf.op == "criterion":
            return _ONLY.get(str(leaf.name)) or Bilingual(f"solo cuenta: {CRITERION_LONG[str(leaf.name)].es}",
                                                          f"only this counts: {CRITERION_LONG[str(leaf.name)].en}")
        return rule_words(leaf)
    pick = _PICKS[node.op]
    words = Listing(tuple(_nested_words(child) for child in node.children))
    return Bilingual(f"{pick.es} {words.text('es')}", f"{pick.en} {words.text('en')}")


def _nested_words(node: RuleNode) -> Bilingual:
    if node.op == "criterion":
        return CRITERION_SHORT[str(node.name)]
    inner = Listing(tuple(_nested_words(child) for child in node.children), "and")
    pick = _NESTED[node.op]
    return Bilingual(f"({pick.es} {inner.text('es')})", f"({pick.en} {inner.text('en')})")


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
        second = (f"The rule chose it: {c.rule_text(lang)}." if en else f"Lo eligió la regla: {c.rule_text(lang)}.")
    return f"{first} {second}"
