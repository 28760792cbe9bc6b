"""What the advice knows about a firm, and the conditions the catalogue writes on it.

The catalogue states as data who an instrument is for (``requires``: can
invoice, supplies a larger firm, a young firm ...), which kind of firm the
study pairs with it (a segment's ``when``) and which reasons to internationalize
fit a firm (``why``). All of them are conditions on the *advice facts* below,
built once per result from the answers, the firm's record and the year.

A fact is None when it is not known. A condition on an unknown fact is neither
true nor false: :func:`holds` returns None, and each caller decides what that
means (a requirement that cannot be checked does not block; a pairing or a
reason that cannot be checked does not apply).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop.domain.assessment.model import AssessmentResult, FirmContext
from desktop.domain.assessment.stage import (
    DIRECT_STAGES,
    MODE_QUESTION,
    SUPPLIER_QUESTION,
    firm_facts,
)
from desktop.domain.errors import DataFileError

INVOICE_QUESTION = "for.factura"
YEARS_QUESTION = "exp.anios"
IMPORTS_QUESTION = "exp.importa"
MAIN_CLIENT_QUESTION = "can.dependencia_cliente"
ASSOCIATION_QUESTION = "red.asociatividad"
SALES_QUESTION = "est.crecimiento_ventas"
LONG_TERM_QUESTION = "est.largo_plazo"
DIFFERENTIATION_QUESTION = "inn.diferenciacion"
# The study's "economías pequeñas como las centroamericanas" (IV): the Central American countries of Cuadro 1.
CENTRAL_AMERICA = ("CR", "SV", "GT", "HN", "NI", "PA")
# ISIC Rev. 4 divisions -> section letter.
_SECTIONS = (("A", 1, 3), ("B", 5, 9), ("C", 10, 33), ("D", 35, 35), ("E", 36, 39), ("F", 41, 43),
             ("G", 45, 47), ("H", 49, 53), ("I", 55, 56), ("J", 58, 63), ("K", 64, 66), ("L", 68, 68),
             ("M", 69, 75), ("N", 77, 82), ("O", 84, 84), ("P", 85, 85), ("Q", 86, 88), ("R", 90, 93),
             ("S", 94, 96), ("T", 97, 98), ("U", 99, 99))

# Every fact a condition may name.
FACTS = (
    "profile", "stage", "size_class", "sector_type", "isic_section", "isic_division", "country", "central_america",
    "formal_registration", "can_invoice", "supplies_larger_firm", "exports_now", "exports_direct",
    "firm_age_years", "years_exporting", "importer", "main_client_share", "in_association", "sales_trend",
    "long_term_plan", "differentiated",
)
OPERATORS = ("eq", "in", "not_in", "max", "min", "lt")
# The question behind each fact that an answer sets (to quote it as the reason a pairing applies).
FACT_QUESTIONS = {
    "stage": MODE_QUESTION, "can_invoice": INVOICE_QUESTION, "supplies_larger_firm": SUPPLIER_QUESTION,
    "years_exporting": YEARS_QUESTION, "importer": IMPORTS_QUESTION, "main_client_share": MAIN_CLIENT_QUESTION,
    "in_association": ASSOCIATION_QUESTION, "sales_trend": SALES_QUESTION, "long_term_plan": LONG_TERM_QUESTION,
    "differentiated": DIFFERENTIATION_QUESTION,
}


def isic_section(code: str | None) -> str | None:
    """The ISIC Rev. 4 section letter of a code ("C", "1079", "62" -> "C", "C", "J"); None if unknown."""
    if not code:
        return None
    text = code.strip().upper()
    if text[:1].isalpha():
        return text[:1] if any(text[:1] == s for s, _, _ in _SECTIONS) else None
    if not text[:2].isdigit():
        return None
    division = int(text[:2])
    return next((s for s, low, high in _SECTIONS if low <= division <= high), None)


def _answer(result: AssessmentResult, question_id: str):
    answer = result.answers.get(question_id)
    return answer.value if answer is not None and answer.answered else None


def advice_facts(result: AssessmentResult, firm: FirmContext | None = None, year: int | None = None) -> dict[str, Any]:
    """The facts the catalogue's conditions test, for one result.

    Args:
        result: a scored assessment.
        firm: the firm (defaults to the one stored with the result).
        year: the year the advice is for (firm age = year - year founded); None leaves age unknown.
    """
    firm = firm or result.firm
    base = firm_facts(firm, result.answers)
    stage = result.stage.code
    registered = base["formal_registration"]
    invoice = _answer(result, INVOICE_QUESTION)
    can_invoice = False if registered is False else invoice
    supplier = _answer(result, SUPPLIER_QUESTION)
    if stage == "indirect_exporter" or supplier is True:
        supplies = True  # selling to an exporter is selling to a larger firm in a chain
    elif supplier is False:
        supplies = False
    else:
        supplies = None
    age = None
    if firm.year_founded is not None and year is not None:
        age = max(0, int(year) - int(firm.year_founded))
    years = _answer(result, YEARS_QUESTION)
    association = _answer(result, ASSOCIATION_QUESTION)
    differentiation = _answer(result, DIFFERENTIATION_QUESTION)
    section = isic_section(firm.sector_isic)
    division = firm.sector_isic.strip()[:2] if firm.sector_isic and firm.sector_isic.strip()[:2].isdigit() else None
    return {
        "profile": result.profile.code,
        "stage": stage,
        "size_class": firm.size_class if firm.size_class != "sin_clasificar" else None,
        "sector_type": base["sector_type"],
        "isic_section": section,
        "isic_division": division,
        "country": firm.country,
        "central_america": (firm.country in CENTRAL_AMERICA) if firm.country else None,
        "formal_registration": registered,
        "can_invoice": can_invoice,
        "supplies_larger_firm": supplies,
        "exports_now": base["exports_now"] if stage is None else stage != "local_only",
        "exports_direct": base["exports_direct"] if stage is None else stage in DIRECT_STAGES,
        "firm_age_years": age,
        "years_exporting": Decimal(years) if years is not None else None,
        "importer": _answer(result, IMPORTS_QUESTION),
        "main_client_share": _answer(result, MAIN_CLIENT_QUESTION),
        "in_association": (len(association) > 0) if association is not None else None,
        "sales_trend": _answer(result, SALES_QUESTION),
        "long_term_plan": _answer(result, LONG_TERM_QUESTION),
        "differentiated": (differentiation in ("calidad", "diseno_marca")) if differentiation is not None else None,
    }


def holds(condition: dict, facts: dict[str, Any]) -> bool | None:
    """True or False when the fact is known, None when it is not."""
    value = facts.get(condition["fact"])
    if value is None:
        return None
    if "eq" in condition:
        return value == condition["eq"]
    if "in" in condition:
        return value in condition["in"]
    if "not_in" in condition:
        return value not in condition["not_in"]
    if "max" in condition:
        return Decimal(value) <= Decimal(str(condition["max"]))
    if "lt" in condition:
        return Decimal(value) < Decimal(str(condition["lt"]))
    return Decimal(value) >= Decimal(str(condition["min"]))


def all_hold(conditions, facts: dict[str, Any]) -> bool:
    """True when every condition is known to hold (an unknown fact makes it False)."""
    return all(holds(c, facts) is True for c in conditions)


def any_fails(conditions, facts: dict[str, Any]) -> dict | None:
    """The first condition that fails, or None.

    An unknown fact does not fail a condition, unless the condition says
    ``"if_unknown": "fails"`` (an instrument only for a narrow kind of firm, such
    as seed capital for newborn firms, is not offered on a guess).
    """
    for cond in conditions:
        verdict = holds(cond, facts)
        if verdict is False or (verdict is None and cond.get("if_unknown") == "fails"):
            return cond
    return None


def parse_condition(raw: Any, where: str, path: str) -> dict:
    """Check one condition of a data file: a known fact and exactly one operator.

    Raises:
        DataFileError: naming ``where`` and what is wrong.
    """
    if not isinstance(raw, dict) or raw.get("fact") not in FACTS:
        raise DataFileError(path, f"{where}: condición con un dato desconocido «{(raw or {}).get('fact') if isinstance(raw, dict) else raw}»")
    ops = [k for k in OPERATORS if k in raw]
    if len(ops) != 1:
        raise DataFileError(path, f"{where}: cada condición lleva exactamente una de {', '.join(OPERATORS)}")
    if ops[0] in ("in", "not_in") and not isinstance(raw[ops[0]], list):
        raise DataFileError(path, f"{where}: «{ops[0]}» necesita una lista")
    if raw.get("if_unknown") not in (None, "fails"):
        raise DataFileError(path, f"{where}: «if_unknown» solo admite «fails»")
    return dict(raw)


__all__ = ["FACTS", "FACT_QUESTIONS", "advice_facts", "holds", "all_hold", "any_fails", "parse_condition", "isic_section",
           "CENTRAL_AMERICA"]
