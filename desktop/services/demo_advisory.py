"""Demo advisory record: sessions over the last year, plans from assessments, milestones at every stage
(declared, documented, verified by the demo's coordinator).

Made for the first few hundred demo firms (repeatable with the seed) and checked by the same
domain checks as typed input, so the demo shows what real work looks like in the timeline,
the plan and the funder report.
"""

from __future__ import annotations

import datetime as dt
import random

from db import records
from desktop.domain.advisory.record import SESSION_MODES, check_milestone, check_session

MAX_FIRMS = 300
SOURCES = ("BANDESAL", "FONDEPRO", "Banco Agrícola", "Cooperativa ACACU")
DEMO_COORDINATOR = {"name": "Coordinadora de demostración", "centre": "Centro de demostración Rumbo"}
DOCUMENTS = ("factura", "contrato", "certificado", "estados_financieros")


def store_demo_advisory(storage, firms: list[dict], adviser_id: str, seed: int, topics: list[str],
                        today: dt.date | None = None) -> tuple[int, int]:
    """Store sessions and milestones for up to :data:`MAX_FIRMS` firms (inside the caller's transaction).

    Returns:
        (sessions, milestones) stored.
    """
    today = today or dt.date.today()
    rng = random.Random(seed + 15)
    # A second person, so that the demo's documented milestones can be verified (issue 37).
    coordinator = records.insert(storage, "advisers", DEMO_COORDINATOR, None)["id"]
    sessions, milestones = [], []
    for i, firm in enumerate(firms[:MAX_FIRMS]):
        for _ in range(rng.randint(1, 4)):
            values = check_session({
                "held_on": (today - dt.timedelta(days=rng.randint(0, 360))).isoformat(),
                "minutes": rng.choice((30, 45, 60, 90, 120)), "mode": rng.choice(SESSION_MODES),
                "prep_minutes": rng.choice((0, 15, 30)), "travel_minutes": rng.choice((0, 0, 30, 60)),
                "topics": rng.sample(topics, 2), "adviser_id": adviser_id,
                "programme": "PROESA" if i % 5 == 0 else None,
                "next_step": rng.choice(("Reunir estados financieros", "Visitar al comprador", None)),
            }, today, topics)
            sessions.append({**values, "firm_id": firm["id"]})
        kinds = [k for k, every in (("empleo", 3), ("ventas", 4), ("financiamiento", 7), ("exportacion", 9))
                 if i % every == 0]
        for kind in kinds:
            data = {"kind": kind, "occurred_on": today.isoformat(),
                    "evidence": rng.choice(("declarado", "documento", "firmado"))}
            if kind == "empleo":
                data.update(jobs_women=rng.randint(0, 3), jobs_men=rng.randint(1, 3))
            else:
                data.update(amount=str(rng.choice((5000, 12000, 25000, 60000))), currency="USD",
                            source=rng.choice(SOURCES), markets="Guatemala, Honduras")
            if data["evidence"] == "documento":
                data["document_kind"] = rng.choice(DOCUMENTS)
            values = check_milestone(data, firm, firm, today, {}, adviser_id)
            if values["stage"] == "documentado" and rng.random() < 0.7:
                values.update(stage="verificado", verified_by=coordinator, verified_on=today.isoformat())
            milestones.append({**values, "firm_id": firm["id"]})
    if sessions:
        records.insert_many(storage, "advisory_sessions", sessions, adviser_id)
    if milestones:
        records.insert_many(storage, "impact_milestones", milestones, adviser_id)
    return len(sessions), len(milestones)
