"""Use cases of impact milestones (issues 15 and 37): recorded with their baseline, documented
(«Documento visto»: who saw which document, when) and verified by a second person.

A milestone goes declared → documented → verified. Verifying is a coordinator's, and never its
author's: the check is this database's (roles are each database's own, ``db.sync.authority``);
who verified is kept in the milestone itself, so every device and the centre's server read it.
Only verified milestones reach the funder report's impact totals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from db import advisory as repo
from db.advisory import MILESTONES
from db.connection import Storage
from desktop.domain.advisory.record import (
    COUNTED_FIELDS,
    DOCUMENT_LABELS,
    KIND_LABELS,
    STAGE_LABELS,
    check_document,
    check_milestone,
    check_verification,
    shown_day,
    stage_of,
)
from desktop.domain.errors import UserError
from desktop.services.registry.firms import get_firm
from desktop.services.security import require_role
from desktop.services.settings import get_setting


def _today() -> dt.date:
    return dt.date.today()


def _firm(storage: Storage, firm_id: str) -> dict:
    firm = get_firm(storage, firm_id)
    if firm is None:
        raise UserError("La empresa no existe o fue eliminada.", field="firm_id")
    return firm


def _milestone(storage: Storage, milestone_id: str) -> dict:
    current = repo.get(storage, MILESTONES, milestone_id)
    if current is None or current.get("deleted_at"):
        raise UserError("El hito no existe o fue eliminado.")
    return current


def _check(storage: Storage, firm: dict, data: Mapping[str, Any], adviser_id: str | None,
           today: dt.date | None, exclude: str | None = None) -> dict:
    intake = repo.intake_version(storage, firm["id"]) or firm
    values = check_milestone(data, firm, intake, today or _today(), get_setting(storage, "exchange_rates") or {},
                             adviser_id)
    if values["kind"] == "empleo":
        # A job counts once per firm and period: a second jobs milestone of one year is refused.
        same = [m for m in repo.of_firm(storage, MILESTONES, firm["id"])
                if m["kind"] == "empleo" and m["period"] == values["period"] and m["id"] != exclude]
        if same:
            raise UserError(f"Ya hay empleos registrados para esta empresa en {values['period']} "
                            f"({shown_day(same[0]['occurred_on'])}); corrija ese hito en lugar de añadir otro.",
                            field="occurred_on")
    return values


def record_milestone(storage: Storage, firm_id: str, data: Mapping[str, Any], adviser_id: str | None,
                     today: dt.date | None = None) -> dict:
    """Store an impact milestone with its baseline (the firm's figures at intake) and evidence.

    Evidence beyond the firm's word makes it documented by ``adviser_id``; it waits for a second person.
    """
    firm = _firm(storage, firm_id)
    with storage.write():
        return repo.add(storage, MILESTONES, firm_id, _check(storage, firm, data, adviser_id, today), adviser_id)


def update_milestone(storage: Storage, milestone_id: str, data: Mapping[str, Any], adviser_id: str | None,
                     today: dt.date | None = None) -> dict:
    """Correct a milestone; the earlier version stays in its history.

    Its document stays seen while the evidence stays a document (who saw it and when are kept); a
    change to what it counts (kind, day, jobs, amount) sends a verified milestone back to be verified.
    """
    current = _milestone(storage, milestone_id)
    firm = _firm(storage, current["firm_id"])
    merged = {**current, **data}
    if isinstance(merged.get("markets"), list):
        merged["markets"] = ", ".join(merged["markets"])
    with storage.write():
        values = _check(storage, firm, merged, adviser_id, today, exclude=milestone_id)
        was = stage_of(current)
        if values["stage"] == "documentado" and was != "declarado":
            values.update(documented_by=current.get("documented_by"), documented_on=current.get("documented_on"))
            if was == "verificado" and all(values.get(f) == current.get(f) for f in COUNTED_FIELDS):
                values.update(stage="verificado", verified_by=current["verified_by"],
                              verified_on=current["verified_on"])
        return repo.update(storage, MILESTONES, milestone_id, values, adviser_id)


def document_milestone(storage: Storage, milestone_id: str, data: Mapping[str, Any], adviser_id: str | None,
                       today: dt.date | None = None) -> dict:
    """«Documento visto»: the adviser saw the document behind a declared milestone (its kind and reference)."""
    current = _milestone(storage, milestone_id)
    return repo.update(storage, MILESTONES, milestone_id, check_document(data, current, adviser_id, today or _today()),
                       adviser_id)


def may_verify(storage: Storage, milestone: Mapping[str, Any], adviser_id: str | None) -> bool:
    """Whether ``adviser_id`` may verify this milestone now (for the screen's button)."""
    try:
        _verification(storage, milestone, adviser_id, _today())
    except UserError:
        return False
    return True


def _verification(storage: Storage, milestone: Mapping[str, Any], adviser_id: str | None,
                  today: dt.date) -> dict:
    values = check_verification(milestone, adviser_id, today)
    require_role(storage, adviser_id, "coordinator", "verificar un hito de impacto")
    return values


def verify_milestone(storage: Storage, milestone_id: str, adviser_id: str | None,
                     today: dt.date | None = None) -> dict:
    """The second person's check of a documented milestone: a coordinator who did not record it.

    Raises:
        UserError: not documented yet, already verified, the verifier is its author, or not a coordinator.
    """
    current = _milestone(storage, milestone_id)
    return repo.update(storage, MILESTONES, milestone_id, _verification(storage, current, adviser_id,
                                                                        today or _today()), adviser_id)


def delete_milestone(storage: Storage, milestone_id: str, adviser_id: str | None) -> dict:
    return repo.delete(storage, MILESTONES, milestone_id, adviser_id)


def milestones_of(storage: Storage, firm_id: str) -> list[dict]:
    return [{**m, "stage": stage_of(m)} for m in repo.of_firm(storage, MILESTONES, firm_id)]


def _money(usd: int | None) -> str:
    return "" if usd is None else f"USD {usd:,}".replace(",", ".")


def milestone_summary(m: Mapping[str, Any]) -> str:
    """A milestone in a few words (what, how much)."""
    if m["kind"] == "empleo":
        return f"{m['jobs_women'] + m['jobs_men']} empleos ({m['jobs_women']} mujeres, {m['jobs_men']} hombres)"
    if m["amount_usd"] is not None:
        extra = f" — {', '.join(m['markets'])}" if m.get("markets") else ""
        extra += f" — {m['source']}" if m.get("source") else ""
        return _money(m["amount_usd"]) + extra
    return m.get("description") or KIND_LABELS[m["kind"]]


def stage_summary(m: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """Where a milestone stands: its stage, the document seen (by whom, when) and who verified it."""
    stage = stage_of(m)
    parts = [STAGE_LABELS[stage]]
    if stage != "declarado":
        what = DOCUMENT_LABELS.get(m.get("document_kind") or "", "Documento")
        ref = f" {m['document_ref']}" if m.get("document_ref") else ""
        by = names.get(m.get("documented_by") or "", "")
        when = f" el {shown_day(m['documented_on'])}" if m.get("documented_on") else ""
        parts.append(f"{what}{ref} visto" + (f" por {by}" if by else "") + when)
    if stage == "verificado":
        by = names.get(m.get("verified_by") or "", "")
        parts.append("verificó " + (by or "—") + (f" el {shown_day(m['verified_on'])}" if m.get("verified_on") else ""))
    return " · ".join(parts)
