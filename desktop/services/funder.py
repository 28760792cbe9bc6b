"""The funder report (issues 15 and 37): a period's advice and verified impact, wherever the data is.

:func:`figures_for` sums the period on this laptop's database or on the centre's server (its
PostgreSQL portfolio, for one centre or the nation) with the same domain code, so both give the
same numbers for the same records. Undecided duplicate firms count once and are named. The XLSX
and the PDF are written by :mod:`desktop.services.funder_export`.
"""

from __future__ import annotations

from db import advisory as repo
from db.advisory import MILESTONES, SESSIONS
from db.connection import Storage
from db.queries import dialect
from db.sync.conflicts import open_duplicate_pairs
from desktop.domain.advisory.figures import FunderFigures, funder_figures
from desktop.domain.advisory.record import parse_day
from desktop.domain.errors import UserError
from desktop.services.advisers import list_advisers
from desktop.services.assessments import completed_history
from desktop.services.funder_export import (  # noqa: F401 - one door for the screens and commands
    export_xlsx,
    report_data,
    summary_rows,
    write_pdf,
    write_report,
)
from desktop.services.settings import get_setting


def period(start, end) -> tuple[str, str]:
    """The report's period as ISO days (typed as 31/03/2026 or 2026-03-31), checked."""
    first = parse_day(start, "start", "fecha de inicio del periodo")
    last = parse_day(end, "end", "fecha de fin del periodo")
    if first is None or last is None:
        raise UserError("Indique el periodo del informe (desde y hasta).", field="start" if first is None else "end")
    if last < first:
        raise UserError("El fin del periodo es anterior a su inicio.", field="end")
    return first, last


def figures_for(storage: Storage, start, end, programme: str | None = None,
                adviser_id: str | None = None, centre_id: str | None = None,
                country: str | None = None) -> FunderFigures:
    """The figures of a period (dates as typed or ISO; both ends included).

    With ``adviser_id`` (the Tablero's adviser filter) only that adviser's sessions and the
    milestones that adviser recorded are counted. ``storage`` may also be the centre server's
    portfolio (:class:`db.centre.portfolio.ServerPortfolio`), where ``centre_id`` and ``country``
    keep one centre's or one country's firms.
    """
    first, last = period(start, end)
    if dialect.of(storage).postgres:  # the centre server's portfolio (db.centre.portfolio)
        from db.centre.portfolio import advisory_inputs, undecided_duplicates  # psycopg only with a server

        inputs = advisory_inputs(storage, first, last, centre_id, country, adviser_id)
        duplicates = undecided_duplicates(storage, sorted(inputs[2]))
        names = dict(storage.conn.execute("SELECT id, name FROM advisers").fetchall())
        centres = {c["id"]: c["name"] for c in storage.centres()}
    else:
        inputs = _local_inputs(storage, first, last, adviser_id)
        duplicates = open_duplicate_pairs(storage)
        names = {a["id"]: a["name"] for a in list_advisers(storage, include_inactive=True)}
        here = get_setting(storage, "centre_name") or ""
        centres = {}
        for firm in inputs[2].values():
            firm["centre"] = here
    sessions, milestones, firms, first_session, assessments = inputs
    fig = funder_figures(first, last, sessions, milestones, firms, first_session, assessments, programme,
                         duplicates)
    for row in fig.sessions + fig.milestones:
        firm = firms.get(row["firm_id"], {})
        row["firm_name"] = firm.get("legal_name", "")
        row["tax_id"] = firm.get("tax_id") or ""
        row["adviser_name"] = names.get(row.get("adviser_id") or row.get("created_by"), "")
        row["documenter_name"] = names.get(row.get("documented_by"), "") if row.get("documented_by") else ""
        row["verifier_name"] = (names.get(row.get("verified_by"), "")
                                if row.get("verified_by") and row.get("stage") == "verificado" else "")
    fig.centres = {f: centres.get(firm.get("centre"), firm.get("centre") or "") for f, firm in firms.items()}
    fig.names = {**names, **{f: firm.get("legal_name", "") for f, firm in firms.items()}}
    return fig


def _local_inputs(storage: Storage, first: str, last: str, adviser_id: str | None) -> tuple:
    """What funder_figures sums, from this laptop's database (see db.centre.portfolio.advisory_inputs)."""
    sessions = repo.in_period(storage, SESSIONS, "held_on", first, last)
    milestones = repo.in_period(storage, MILESTONES, "occurred_on", first, last)
    if adviser_id:
        sessions = [s for s in sessions if s.get("adviser_id") == adviser_id]
        milestones = [m for m in milestones if m.get("created_by") == adviser_id]
    ids = {r["firm_id"] for r in sessions} | {r["firm_id"] for r in milestones}
    marks = ", ".join("?" for _ in ids)
    firms = {r[0]: {"legal_name": r[1], "tax_id": r[2], "owner_gender": r[3]} for r in storage.conn.execute(
        f"SELECT id, legal_name, tax_id, owner_gender FROM firms WHERE id IN ({marks})", tuple(ids))}
    first_session = dict(storage.conn.execute(
        "SELECT firm_id, min(held_on) FROM advisory_sessions WHERE deleted_at IS NULL GROUP BY firm_id"))
    assessments = {firm_id: [a for a, _ in completed_history(storage, firm_id)
                             if (a["completed_at"] or "")[:10] <= last] for firm_id in ids}
    return sessions, milestones, firms, first_session, assessments


def this_centre(storage: Storage, name: str | None) -> None:
    """A laptop's report covers the centre its database belongs to: refuse another centre's name.

    Raises:
        UserError: ``name`` is not this database's centre (the server has the others).
    """
    here = (get_setting(storage, "centre_name") or "").strip()
    if name and name.strip().casefold() != here.casefold():
        raise UserError(f"Esta base tiene los datos de «{here or 'este centro'}», no de «{name}»: el informe de "
                        "otro centro se pide al servidor con «rumbo centre report funder --centre».", field="centre")
