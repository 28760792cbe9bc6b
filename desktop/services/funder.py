"""The funder report (issue 15): a period's advice and verified impact, as figures, XLSX and PDF.

The XLSX carries the rows every total is summed from (sessions, counted milestones) beside
the totals, so a funder can check each figure.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from db import advisory as repo
from db.advisory import MILESTONES, SESSIONS
from db.connection import Storage
from db.queries import dialect
from desktop.domain.advisory.figures import FunderFigures, funder_figures
from desktop.domain.advisory.record import EVIDENCE_LABELS, KIND_LABELS, MODE_LABELS, parse_day
from desktop.domain.errors import UserError
from desktop.reports.funder.data import FunderReport, word
from desktop.reports.funder.pdf import render_funder_report
from desktop.services.advisers import list_advisers
from desktop.services.assessments import completed_history


def _period(start, end) -> tuple[str, str]:
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
    milestones that adviser verified are counted. ``storage`` may also be the centre server's
    portfolio (:class:`db.centre.portfolio.ServerPortfolio`), where ``centre_id`` and ``country``
    keep one centre's or one country's firms.
    """
    first, last = _period(start, end)
    if dialect.of(storage).postgres:  # the centre server's portfolio (db.centre.portfolio)
        from db.centre.portfolio import advisory_inputs  # psycopg only when a server is used

        inputs = advisory_inputs(storage, first, last, centre_id, country, adviser_id)
        names = dict(storage.conn.execute("SELECT id, name FROM advisers").fetchall())
    else:
        inputs = _local_inputs(storage, first, last, adviser_id)
        names = {a["id"]: a["name"] for a in list_advisers(storage, include_inactive=True)}
    sessions, milestones, firms, first_session, assessments = inputs
    fig = funder_figures(first, last, sessions, milestones, firms, first_session, assessments, programme)
    for row in fig.sessions + fig.milestones:
        row["firm_name"] = firms.get(row["firm_id"], {}).get("legal_name", "")
        row["adviser_name"] = names.get(row.get("adviser_id") or row.get("created_by"), "")
        row["verifier_name"] = names.get(row.get("verified_by"), "") if row.get("verified_by") else ""
    return fig


def _local_inputs(storage: Storage, first: str, last: str, adviser_id: str | None) -> tuple:
    """What funder_figures sums, from this laptop's database (see db.centre.portfolio.advisory_inputs)."""
    sessions = repo.in_period(storage, SESSIONS, "held_on", first, last)
    milestones = repo.in_period(storage, MILESTONES, "occurred_on", first, last)
    if adviser_id:
        sessions = [s for s in sessions if s.get("adviser_id") == adviser_id]
        milestones = [m for m in milestones if m.get("verified_by") == adviser_id]
    ids = {r["firm_id"] for r in sessions} | {r["firm_id"] for r in milestones}
    marks = ", ".join("?" for _ in ids)
    firms = {r[0]: {"legal_name": r[1], "owner_gender": r[2]} for r in storage.conn.execute(
        f"SELECT id, legal_name, owner_gender FROM firms WHERE id IN ({marks})", tuple(ids))}
    first_session = dict(storage.conn.execute(
        "SELECT firm_id, min(held_on) FROM advisory_sessions WHERE deleted_at IS NULL GROUP BY firm_id"))
    assessments = {firm_id: [a for a, _ in completed_history(storage, firm_id)
                             if (a["completed_at"] or "")[:10] <= last] for firm_id in ids}
    return sessions, milestones, firms, first_session, assessments


def summary_rows(fig: FunderFigures) -> list[tuple[str, object]]:
    """The report's totals as (label, value), in the order printed."""
    rows: list[tuple[str, object]] = [
        ("Empresas asesoradas", fig.firms_advised), ("Horas de asesoría", float(fig.hours)),
        ("Clientes nuevos", fig.new_clients), ("Clientes que vuelven", fig.returning_clients),
        ("Empresas dirigidas por mujeres", fig.women_led), ("Empleos nuevos de mujeres", fig.jobs_women),
        ("Empleos nuevos de hombres", fig.jobs_men),
        ("Ventas adicionales (USD)", fig.usd_by_kind["ventas"]),
        ("Exportaciones (USD)", fig.usd_by_kind["exportacion"]),
        ("Financiamiento obtenido (USD)", fig.usd_by_kind["financiamiento"]),
    ]
    for kind, counts in fig.milestones_by_kind.items():
        for evidence, n in counts.items():
            rows.append((f"Hitos: {KIND_LABELS[kind]} — {EVIDENCE_LABELS[evidence]}", n))
    return rows


def _write_whole(path: Path, write) -> Path:
    """Write through a temporary beside ``path`` and rename: the file appears whole or not at all."""
    temp = path.with_name(f".rumbo-tmp-{path.name}")
    try:
        write(temp)
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"No se pudo guardar {path.name}; revise la carpeta y el espacio en el disco.",
                        field="path") from exc
    return path


def export_xlsx(fig: FunderFigures, path: str | Path) -> Path:
    """Write the totals and the rows they are summed from (one sheet each); whole file or nothing."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook()
    summary = book.active
    summary.title = "Resumen"
    summary.append(["Periodo", f"{fig.start} a {fig.end}"])
    summary.append(["Programa", fig.programme or "Todos"])
    for label, value in summary_rows(fig):
        summary.append([label, value])
    sessions = book.create_sheet("Sesiones")
    sessions.append(["Fecha", "Empresa", "Asesor", "Minutos", "Modalidad", "Programa"])
    for s in fig.sessions:
        sessions.append([s["held_on"], s["firm_name"], s["adviser_name"], s["minutes"], MODE_LABELS[s["mode"]],
                         s.get("programme") or ""])
    milestones = book.create_sheet("Hitos")
    milestones.append(["Fecha", "Empresa", "Tipo", "Empleos mujeres", "Empleos hombres", "Monto (USD)",
                       "Evidencia", "Verificado por", "Programa"])
    for m in fig.milestones:
        milestones.append([m["occurred_on"], m["firm_name"], KIND_LABELS[m["kind"]], m.get("jobs_women"),
                           m.get("jobs_men"), m.get("amount_usd"), EVIDENCE_LABELS[m["evidence"]],
                           m["verifier_name"], m.get("programme") or ""])
    readiness = book.create_sheet("Preparación")
    readiness.append(["Dimensión", "Cambio medio (puntos)", "Empresas con dos evaluaciones"])
    for _dim, title, change, n in fig.readiness_change:
        readiness.append([title, float(change), n])
    return _write_whole(path, book.save)



def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _usd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def report_data(storage: Storage, fig: FunderFigures, today: dt.date | None = None) -> FunderReport:
    """The funder report in Spanish, from a period's figures."""
    from desktop.services.advisory import milestone_summary
    from desktop.services.settings import get_setting

    totals = (
        ("Empresas asesoradas", str(fig.firms_advised)), ("Horas de asesoría", str(fig.hours).replace(".", ",")),
        ("Clientes nuevos / que vuelven", f"{fig.new_clients} / {fig.returning_clients}"),
        ("Dirigidas por mujeres", str(fig.women_led)),
        ("Empleos nuevos (mujeres / hombres)", f"{fig.jobs_women} / {fig.jobs_men}"),
        ("Ventas adicionales (USD)", _usd(fig.usd_by_kind["ventas"])),
        ("Exportaciones (USD)", _usd(fig.usd_by_kind["exportacion"])),
        ("Financiamiento obtenido (USD)", _usd(fig.usd_by_kind["financiamiento"])),
    )
    by_kind = tuple((KIND_LABELS[k], sum(c.values())) for k, c in fig.milestones_by_kind.items() if sum(c.values()))
    by_evidence = tuple((EVIDENCE_LABELS[e], sum(c[e] for c in fig.milestones_by_kind.values()))
                        for e in EVIDENCE_LABELS if sum(c[e] for c in fig.milestones_by_kind.values()))
    by_mode: dict[str, int] = {}
    for s in fig.sessions:
        by_mode[MODE_LABELS[s["mode"]]] = by_mode.get(MODE_LABELS[s["mode"]], 0) + 1
    jobs = tuple(x for x in (("Mujeres", fig.jobs_women), ("Hombres", fig.jobs_men)) if x[1])
    charts = (("Hitos por tipo", by_kind), ("Hitos por evidencia", by_evidence),
              ("Empleos nuevos", jobs), ("Sesiones por modalidad", tuple(by_mode.items())))
    return FunderReport(
        lang="es", title=word("title", "es"), generated_on=today or dt.date.today(),
        centre_name=get_setting(storage, "centre_name") or "", period=f"{_day(fig.start)} a {_day(fig.end)}",
        programme=fig.programme or word("all", "es"), totals=totals, charts=charts,
        readiness=tuple((title, f"{change:+}".replace(".", ","), n) for _d, title, change, n in fig.readiness_change),
        milestone_rows=tuple((_day(m["occurred_on"]), m["firm_name"], KIND_LABELS[m["kind"]], milestone_summary(m),
                              EVIDENCE_LABELS[m["evidence"]], m["verifier_name"] or "—") for m in fig.milestones),
        session_rows=_sessions_by_firm(fig.sessions),
    )


def _sessions_by_firm(sessions: list[dict]) -> tuple[tuple[str, ...], ...]:
    """One row per advised firm (by name): sessions, hours, first and last day, advisers."""
    firms: dict[str, list[dict]] = {}
    for s in sessions:
        firms.setdefault(s["firm_id"], []).append(s)
    rows = []
    for held in firms.values():
        minutes = sum(s["minutes"] for s in held)
        hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
        advisers = sorted({s["adviser_name"] for s in held if s["adviser_name"]})
        rows.append((held[0]["firm_name"], str(len(held)), str(hours).replace(".", ","),
                     _day(min(s["held_on"] for s in held)), _day(max(s["held_on"] for s in held)),
                     ", ".join(advisers) or "—"))
    return tuple(sorted(rows, key=lambda r: r[0].casefold()))


def write_pdf(storage: Storage, fig: FunderFigures, path: str | Path, today: dt.date | None = None) -> Path:
    """Render the funder report to ``path`` (written whole or not at all)."""
    path = Path(path)
    pdf = render_funder_report(report_data(storage, fig, today))
    return _write_whole(path, lambda temp: temp.write_bytes(pdf))
