"""The funder report (issue 15): a period's advice and verified impact, as figures, XLSX and PDF.

The XLSX carries the rows every total is summed from (sessions, counted milestones) beside
the totals, so a funder can check each figure.
"""

from __future__ import annotations

from pathlib import Path

from db import advisory as repo
from db.advisory import MILESTONES, SESSIONS
from db.connection import Storage
from desktop.domain.advisory.figures import FunderFigures, funder_figures
from desktop.domain.advisory.record import EVIDENCE_LABELS, KIND_LABELS, MODE_LABELS, parse_day
from desktop.domain.errors import UserError
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


def figures_for(storage: Storage, start, end, programme: str | None = None) -> FunderFigures:
    """The figures of a period (dates as typed or ISO; both ends included)."""
    first, last = _period(start, end)
    sessions = repo.in_period(storage, SESSIONS, "held_on", first, last)
    milestones = repo.in_period(storage, MILESTONES, "occurred_on", first, last)
    ids = {r["firm_id"] for r in sessions} | {r["firm_id"] for r in milestones}
    marks = ", ".join("?" for _ in ids)
    firms = {r[0]: {"legal_name": r[1], "owner_gender": r[2]} for r in storage.conn.execute(
        f"SELECT id, legal_name, owner_gender FROM firms WHERE id IN ({marks})", tuple(ids))}
    first_session = dict(storage.conn.execute(
        "SELECT firm_id, min(held_on) FROM advisory_sessions WHERE deleted_at IS NULL GROUP BY firm_id"))
    assessments = {}
    for firm_id in ids:
        done = [a for a, _ in completed_history(storage, firm_id) if (a["completed_at"] or "")[:10] <= last]
        assessments[firm_id] = done
    fig = funder_figures(first, last, sessions, milestones, firms, first_session, assessments, programme)
    names = {a["id"]: a["name"] for a in list_advisers(storage, include_inactive=True)}
    for row in fig.sessions + fig.milestones:
        row["firm_name"] = firms.get(row["firm_id"], {}).get("legal_name", "")
        row["adviser_name"] = names.get(row.get("adviser_id") or row.get("created_by"), "")
        row["verifier_name"] = names.get(row.get("verified_by"), "") if row.get("verified_by") else ""
    return fig


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
    temp = path.with_name(f".rumbo-tmp-{path.name}")
    try:
        book.save(temp)
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"No se pudo guardar {path.name}; revise la carpeta y el espacio en el disco.",
                        field="path") from exc
    return path

