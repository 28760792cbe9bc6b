"""The funder report's files: the XLSX with the rows behind every total, and the PDF.

Every row of the XLSX carries the firm's centre and tax id, so a national report can be checked
centre by centre; the impact totals sum the rows whose stage is «Verificado».
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from desktop.domain.advisory.figures import FunderFigures, hours
from desktop.domain.advisory.record import (
    DOCUMENT_LABELS,
    EVIDENCE_LABELS,
    KIND_LABELS,
    MODE_LABELS,
    STAGE_LABELS,
)
from desktop.domain.errors import UserError
from desktop.reports.funder.data import FunderReport, word
from desktop.reports.funder.pdf import render_funder_report

FORMATS = (".pdf", ".xlsx")


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def _usd(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _hours(value: Decimal) -> str:
    return str(value).replace(".", ",")


def summary_rows(fig: FunderFigures) -> list[tuple[str, object]]:
    """The report's totals as (label, value), in the order printed."""
    rows: list[tuple[str, object]] = [
        ("Empresas asesoradas", fig.firms_advised), ("Horas de asesoría", float(fig.hours)),
        ("Horas de preparación", float(fig.prep_hours)), ("Horas de traslado", float(fig.travel_hours)),
        ("Clientes nuevos", fig.new_clients), ("Clientes que vuelven", fig.returning_clients),
        ("Empresas dirigidas por mujeres", fig.women_led),
        ("Empleos nuevos de mujeres (verificados)", fig.jobs_women),
        ("Empleos nuevos de hombres (verificados)", fig.jobs_men),
        ("Ventas adicionales verificadas (USD)", fig.usd_by_kind["ventas"]),
        ("Exportaciones verificadas (USD)", fig.usd_by_kind["exportacion"]),
        ("Financiamiento obtenido verificado (USD)", fig.usd_by_kind["financiamiento"]),
        ("Hitos que esperan verificación", fig.waiting_total),
        ("Posibles duplicados sin decidir (contados como una empresa)", len(fig.duplicates)),
    ]
    for kind, counts in fig.milestones_by_kind.items():
        for stage, n in counts.items():
            rows.append((f"Hitos: {KIND_LABELS[kind]} — {STAGE_LABELS[stage]}", n))
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


def _document(m: dict) -> str:
    if m["stage"] == "declarado":
        return ""
    what = DOCUMENT_LABELS.get(m.get("document_kind") or "", "Documento")
    return f"{what} {m['document_ref']}" if m.get("document_ref") else what


def export_xlsx(fig: FunderFigures, path: str | Path, scope: str = "") -> Path:
    """Write the totals and the rows they are summed from (one sheet each); whole file or nothing.

    Args:
        scope: the centre or centres the report covers, printed on the first sheet.
    """
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook()
    summary = book.active
    summary.title = "Resumen"
    summary.append(["Periodo", f"{fig.start} a {fig.end}"])
    summary.append(["Programa", fig.programme or "Todos"])
    if scope:
        summary.append(["Centro", scope])
    for label, value in summary_rows(fig):
        summary.append([label, value])
    sessions = book.create_sheet("Sesiones")
    sessions.append(["Fecha", "Centro", "Empresa", "NIT / identificación", "Asesor", "Minutos",
                     "Minutos de preparación", "Minutos de traslado", "Modalidad", "Programa"])
    for s in fig.sessions:
        sessions.append([s["held_on"], fig.centres.get(s["firm_id"], ""), s["firm_name"], s["tax_id"],
                         s["adviser_name"], s["minutes"], s.get("prep_minutes") or 0, s.get("travel_minutes") or 0,
                         MODE_LABELS[s["mode"]], s.get("programme") or ""])
    milestones = book.create_sheet("Hitos")
    milestones.append(["Fecha", "Centro", "Empresa", "NIT / identificación", "Tipo", "Empleos mujeres",
                       "Empleos hombres", "Monto (USD)", "Evidencia", "Etapa", "Documento", "Vio el documento",
                       "Verificado por", "Fecha de verificación", "Programa"])
    for m in fig.milestones:
        milestones.append([m["occurred_on"], fig.centres.get(m["firm_id"], ""), m["firm_name"], m["tax_id"],
                           KIND_LABELS[m["kind"]], m.get("jobs_women"), m.get("jobs_men"), m.get("amount_usd"),
                           EVIDENCE_LABELS[m["evidence"]], STAGE_LABELS[m["stage"]], _document(m),
                           m["documenter_name"], m["verifier_name"],
                           m.get("verified_on") if m["stage"] == "verificado" else None, m.get("programme") or ""])
    advisers = book.create_sheet("Asesores")
    advisers.append(["Asesor", "Empresas asesoradas", "Sesiones", "Horas de asesoría", "Horas de preparación",
                     "Horas de traslado", "Hitos registrados"])
    for load in fig.caseload:
        advisers.append([fig.names.get(load.adviser_id, "") or "Sin asesor", load.firms, load.sessions,
                         float(load.hours), float(hours(load.prep_minutes)), float(hours(load.travel_minutes)),
                         load.milestones])
    twins = book.create_sheet("Posibles duplicados")
    twins.append(["Empresas que pueden ser una sola (sin decidir)", "Centros", "NIT / identificación"])
    for group in fig.duplicates:
        twins.append([" / ".join(fig.names.get(f, f) for f in group),
                      " / ".join(dict.fromkeys(fig.centres.get(f, "") for f in group)),
                      " / ".join(dict.fromkeys(_tax(fig, f) for f in group))])
    readiness = book.create_sheet("Preparación")
    readiness.append(["Dimensión", "Cambio medio (puntos)", "Empresas con dos evaluaciones"])
    for _dim, title, change, n in fig.readiness_change:
        readiness.append([title, float(change), n])
    return _write_whole(path, book.save)


def _tax(fig: FunderFigures, firm_id: str) -> str:
    return next((r["tax_id"] for r in fig.sessions + fig.milestones if r["firm_id"] == firm_id), "")


def waiting_sentence(fig: FunderFigures) -> str:
    """How many milestones wait for their second person, by stage ("" when none does)."""
    if not fig.waiting_total:
        return ""
    parts = [f"{n} {'declarado' if n == 1 else 'declarados'} por la empresa" if s == "declarado"
             else f"{n} con documento visto" for s, n in fig.waiting.items() if n]
    head = ("1 hito espera verificación" if fig.waiting_total == 1
            else f"{fig.waiting_total} hitos esperan verificación")
    return f"{head} ({' y '.join(parts)}); no suman en las cifras de impacto hasta que otra persona los verifique."


def duplicates_sentence(fig: FunderFigures) -> str:
    """The undecided duplicates, named, counted once ("" when there are none)."""
    if not fig.duplicates:
        return ""
    named = "; ".join(" y ".join(f"«{fig.names.get(f, f)}»" for f in group) for group in fig.duplicates)
    return (f"Posibles duplicados sin decidir ({len(fig.duplicates)}), contados como una sola empresa: {named}. "
            "Fusiónelos o sepárelos en Sincronización.")


def report_data(storage, fig: FunderFigures, today: dt.date | None = None, scope: str | None = None) -> FunderReport:
    """The funder report in Spanish, from a period's figures.

    Args:
        scope: the centre or centres covered; this database's centre when not given.
    """
    from desktop.services.milestones import milestone_summary
    from desktop.services.settings import get_setting

    centre = get_setting(storage, "centre_name") or "" if storage is not None else ""
    totals = (
        ("Empresas asesoradas", str(fig.firms_advised)), ("Horas de asesoría", _hours(fig.hours)),
        ("Horas de preparación", _hours(fig.prep_hours)), ("Horas de traslado", _hours(fig.travel_hours)),
        ("Clientes nuevos / que vuelven", f"{fig.new_clients} / {fig.returning_clients}"),
        ("Dirigidas por mujeres", str(fig.women_led)),
        ("Empleos nuevos verificados (mujeres / hombres)", f"{fig.jobs_women} / {fig.jobs_men}"),
        ("Ventas adicionales verificadas (USD)", _usd(fig.usd_by_kind["ventas"])),
        ("Exportaciones verificadas (USD)", _usd(fig.usd_by_kind["exportacion"])),
        ("Financiamiento verificado (USD)", _usd(fig.usd_by_kind["financiamiento"])),
    )
    by_kind = tuple((KIND_LABELS[k], sum(c.values())) for k, c in fig.milestones_by_kind.items() if sum(c.values()))
    by_stage = tuple((STAGE_LABELS[s], sum(c[s] for c in fig.milestones_by_kind.values()))
                     for s in STAGE_LABELS if sum(c[s] for c in fig.milestones_by_kind.values()))
    by_mode: dict[str, int] = {}
    for s in fig.sessions:
        by_mode[MODE_LABELS[s["mode"]]] = by_mode.get(MODE_LABELS[s["mode"]], 0) + 1
    jobs = tuple(x for x in (("Mujeres", fig.jobs_women), ("Hombres", fig.jobs_men)) if x[1])
    charts = (("Hitos por tipo", by_kind), ("Hitos por etapa", by_stage),
              ("Empleos nuevos verificados", jobs), ("Sesiones por modalidad", tuple(by_mode.items())))
    return FunderReport(
        lang="es", title=word("title", "es"), generated_on=today or dt.date.today(),
        centre_name=scope if scope is not None else centre, period=f"{_day(fig.start)} a {_day(fig.end)}",
        programme=fig.programme or word("all", "es"), totals=totals, charts=charts,
        notes=tuple(x for x in (word("verified_only", "es"), duplicates_sentence(fig)) if x),
        readiness=tuple((title, f"{change:+}".replace(".", ","), n) for _d, title, change, n in fig.readiness_change),
        milestone_rows=tuple((_day(m["occurred_on"]), m["firm_name"], KIND_LABELS[m["kind"]], milestone_summary(m),
                              _document(m), f"{m['verifier_name'] or '—'}, {_day(m['verified_on'])}"
                              if m.get("verified_on") else m["verifier_name"] or "—") for m in fig.verified),
        waiting=waiting_sentence(fig),
        caseload_rows=tuple((fig.names.get(a.adviser_id, "") or "Sin asesor", str(a.firms), str(a.sessions),
                             _hours(a.hours), _hours(hours(a.prep_minutes)), _hours(hours(a.travel_minutes)),
                             str(a.milestones)) for a in fig.caseload),
        session_rows=_sessions_by_firm(fig),
    )


def _sessions_by_firm(fig: FunderFigures) -> tuple[tuple[str, ...], ...]:
    """One row per advised firm (by name): sessions, hours, first and last day, advisers."""
    firms: dict[str, list[dict]] = {}
    for s in fig.sessions:
        firms.setdefault(s["firm_id"], []).append(s)
    rows = []
    for held in firms.values():
        advisers = sorted({s["adviser_name"] for s in held if s["adviser_name"]})
        rows.append((held[0]["firm_name"], str(len(held)), _hours(hours(sum(s["minutes"] for s in held))),
                     _day(min(s["held_on"] for s in held)), _day(max(s["held_on"] for s in held)),
                     ", ".join(advisers) or "—"))
    return tuple(sorted(rows, key=lambda r: r[0].casefold()))


def write_pdf(storage, fig: FunderFigures, path: str | Path, today: dt.date | None = None,
              scope: str | None = None) -> Path:
    """Render the funder report to ``path`` (written whole or not at all)."""
    path = Path(path)
    pdf = render_funder_report(report_data(storage, fig, today, scope))
    return _write_whole(path, lambda temp: temp.write_bytes(pdf))


def output_kind(path: str | Path) -> str:
    """"pdf" or "xlsx" from the file's name; anything else is refused in one sentence."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"El informe para financiadores se guarda como .pdf o .xlsx, no «{Path(path).name}».",
                        field="output")
    return suffix[1:]


def write_report(storage, fig: FunderFigures, path: str | Path, today: dt.date | None = None,
                 scope: str | None = None) -> Path:
    """The report as PDF or XLSX, by the file's extension.

    Args:
        scope: the centre or centres covered; this database's centre when not given.
    """
    if output_kind(path) == "pdf":
        return write_pdf(storage, fig, path, today, scope)
    if scope is None and storage is not None:
        from desktop.services.settings import get_setting

        scope = get_setting(storage, "centre_name") or ""
    return export_xlsx(fig, path, scope or "")
