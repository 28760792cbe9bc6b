"""Which programmes of the directory are current, and which a firm qualifies for.

A programme is *current* on a day when the day falls within its dates and someone checked it
with the institution in the last year. Anything else is flagged to the coordinator and never
printed as today's offer: past its end (``vencido``), checked more than a year ago or never
(``sin_verificar``), or not started yet (``aun_no_vigente``).

A firm *qualifies* when nothing known about it contradicts the programme's conditions: the same
country, a department within the programme's territory, and a size, sector type and stage among
those the programme names. As elsewhere in the advice, an unknown fact does not exclude (the
eligibility printed beside the programme lets the adviser confirm it), except formal
registration: a programme that requires it is never offered to a firm known to be informal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.domain.directory.model import DirectoryProgramme
from desktop.domain.registry.tabular import fold

CURRENT, EXPIRED, UNCHECKED, NOT_YET = "vigente", "vencido", "sin_verificar", "aun_no_vigente"
MAX_PER_RECOMMENDATION = 3


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def status(p: DirectoryProgramme, today: dt.date) -> str:
    """``vigente``, ``vencido``, ``sin_verificar`` or ``aun_no_vigente`` on ``today``."""
    if p.valid_to is not None and p.valid_to < today:
        return EXPIRED
    if p.checked_on is None or p.checked_on < _year_before(today):
        return UNCHECKED
    if p.valid_from is not None and p.valid_from > today:
        return NOT_YET
    return CURRENT


def qualifies(p: DirectoryProgramme, facts: Mapping[str, Any], department: str | None = None) -> bool:
    """Whether nothing known about the firm rules it out of ``p`` (see the module's note).

    Args:
        facts: the advice facts of the firm (``desktop.domain.assessment.conditions.advice_facts``):
            ``country``, ``size_class``, ``sector_type``, ``stage``, ``formal_registration``.
        department: the firm's department or province, as recorded.
    """
    country = facts.get("country")
    if country and p.country != country:
        return False
    if p.territory and department and fold(department) not in {fold(t) for t in p.territory}:
        return False
    for fact, allowed in (("size_class", p.sizes), ("sector_type", p.sectors), ("stage", p.stages)):
        value = facts.get(fact)
        if allowed and value is not None and value not in allowed:
            return False
    return not (p.requires_registration and facts.get("formal_registration") is False)


def fits(p: DirectoryProgramme, instrument_id: str, family: str) -> bool:
    """Whether ``p`` serves a recommendation of this instrument (its own list, or else its family)."""
    return instrument_id in p.instruments if p.instruments else family == p.family


def programmes_for(recommendations: Iterable[Any], programmes: Iterable[DirectoryProgramme],
                   facts: Mapping[str, Any], today: dt.date, department: str | None = None,
                   limit: int = MAX_PER_RECOMMENDATION) -> dict[str, tuple[DirectoryProgramme, ...]]:
    """Instrument id -> the current programmes the firm qualifies for, for each recommendation.

    A programme that names the instrument comes before one that serves the whole family;
    then by name. Recommendations with none are left out.
    """
    current = [p for p in programmes if status(p, today) == CURRENT and qualifies(p, facts, department)]
    out = {}
    for rec in recommendations:
        family = "condicion_previa" if getattr(rec, "kind", "") == "precondition" else rec.family
        found = sorted((p for p in current if fits(p, rec.instrument_id, family)),
                       key=lambda p: (not p.instruments, fold(p.name), p.id))
        if found:
            out[rec.instrument_id] = tuple(found[:limit])
    return out
