"""Loading demo data: an adviser and N realistic firms, in one transaction.

The firms come from :mod:`desktop.domain.demo.firms` (deterministic for a
seed) and go through the same cleaning as an import
(:func:`desktop.domain.registry.validation.clean_firm`), get their size class from the
classification engine and are stored with the bulk insert, so 100,000 firms
take seconds.

About 40 % of the firms also get completed assessments (see
:mod:`desktop.services.demo_assessments`), so the dashboard, the reports and
the follow-up screens have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import advisers as adviser_repo
from db import firms as firm_repo
from db.firms import FIRM_FIELDS
from desktop.domain.demo.firms import DEMO_ADVISER, iter_demo_firms
from desktop.domain.errors import UserError
from desktop.domain.registry.validation import clean_firm
from desktop.services import advisory
from desktop.services.demo_advisory import store_demo_advisory
from desktop.services.demo_assessments import store_demo_assessments
from desktop.services.gcpause import paused_gc
from desktop.services.registry.fields import size_fields

MAX_DEMO_FIRMS = 1_000_000


@dataclass
class DemoSummary:
    """What :func:`make_demo` stored."""

    adviser_id: str
    firm_ids: list[str]
    assessments: int = 0
    sessions: int = 0
    milestones: int = 0
    plan_items: int = 0

    def text(self) -> str:
        """A one-line Spanish summary."""
        extra = f" y {self.assessments} evaluaciones" if self.assessments else ""
        return f"Se crearon {len(self.firm_ids)} empresas de demostración{extra} (asesor {self.adviser_id})."


def demo_rows(n_firms: int, seed: int, adviser_id: str | None) -> list[dict]:
    """The demo firms as rows ready for ``db.firms.insert_firms`` (cleaned, classified)."""
    rows = []
    for data in iter_demo_firms(n_firms, seed):
        record, errors = clean_firm(data)
        if errors:  # pragma: no cover - the generator and the validators are tested together
            raise AssertionError(f"demo firm fails validation: {errors}")
        row = {name: record.get(name) for name in FIRM_FIELDS if name in record}
        row["adviser_id"] = adviser_id
        row.update(size_fields(row))
        rows.append(row)
    return rows


def make_demo(storage, n_firms: int, seed: int = 2024, assessments: bool = True) -> DemoSummary:
    """Store a demo adviser, ``n_firms`` demo firms and, unless told not to, their
    assessments (all or nothing).

    Raises:
        UserError: ``n_firms`` is not between 1 and 1,000,000.
    """
    storage.ensure_sound()
    if not isinstance(n_firms, int) or isinstance(n_firms, bool) or not 1 <= n_firms <= MAX_DEMO_FIRMS:
        raise UserError("El número de empresas de demostración debe estar entre 1 y 1.000.000.", field="firms")
    with paused_gc():  # bulk work: see desktop.services.gcpause
        return _store_demo(storage, n_firms, seed, assessments)


def _store_demo(storage, n_firms: int, seed: int, assessments: bool) -> DemoSummary:
    rows = demo_rows(n_firms, seed, None)  # made before the write lock is taken
    with storage.write():
        adviser = adviser_repo.create_adviser(storage, DEMO_ADVISER, None)
        for row in rows:
            row["adviser_id"] = adviser["id"]
        firm_ids = firm_repo.insert_firms(storage, rows, adviser["id"])
        summary = DemoSummary(adviser["id"], firm_ids)
        if assessments:
            for row, firm_id in zip(rows, firm_ids):
                row["id"] = firm_id
            summary.assessments = store_demo_assessments(storage, rows, adviser["id"], seed)
            summary.sessions, summary.milestones = store_demo_advisory(
                storage, rows, adviser["id"], seed, [t for t, _ in advisory.topic_choices()])
            summary.plan_items = _demo_plans(storage, firm_ids, adviser["id"])
    return summary


PLANNED_FIRMS = 40


def _demo_plans(storage, firm_ids: list[str], adviser_id: str) -> int:
    """Plans from the latest assessment of the first assessed firms, some of it already followed."""
    made = 0
    for firm_id in firm_ids[:PLANNED_FIRMS]:
        done = advisory.completed_history(storage, firm_id)
        if not done:
            continue
        items = advisory.make_plan(storage, done[-1][0]["id"], adviser_id)
        for item, status in zip(items, ("hecho", "en_curso")):
            advisory.set_plan_status(storage, item["id"], status, adviser_id)
        made += len(items)
    return made
