"""What the funder report prints, already worded in one language (built by ``desktop.services.funder``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class FunderReport:
    lang: str
    title: str
    generated_on: dt.date
    centre_name: str
    period: str
    programme: str
    totals: tuple[tuple[str, str], ...]  # (label, value) printed as big numbers
    charts: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (title, (label, count) ...)
    readiness: tuple[tuple[str, str, int], ...]  # dimension, mean change, firms
    milestone_rows: tuple[tuple[str, ...], ...]  # verified only: date, firm, kind, figure, document, verified by
    session_rows: tuple[tuple[str, ...], ...]  # firm, sessions, hours, first day, last day, advisers
    notes: tuple[str, ...] = ()  # said under the totals: what they count, the undecided duplicates
    waiting: str = ""  # how many milestones wait for verification
    caseload_rows: tuple[tuple[str, ...], ...] = ()  # adviser, firms, sessions, hours, preparation, travel, milestones


WORDS = {
    "title": ("Informe para financiadores", "Funder report"),
    "period": ("Periodo", "Period"), "programme": ("Programa", "Programme"), "all": ("Todos", "All"),
    "readiness": ("Cambio en la preparación por dimensión", "Change in readiness by dimension"),
    "dimension": ("Dimensión", "Dimension"), "change": ("Cambio medio (puntos)", "Mean change (points)"),
    "firms": ("Empresas", "Firms"), "no_readiness": ("Ninguna empresa asesorada tiene dos evaluaciones todavía.",
                                                      "No advised firm has two assessments yet."),
    "milestones": ("Hitos verificados del periodo", "Verified milestones of the period"),
    "verified_only": ("Las cifras de impacto (empleos, ventas, exportaciones, financiamiento) cuentan solo los hitos "
                      "verificados: una persona distinta de quien los registró, un coordinador, revisó su documento.",
                      "Impact figures (jobs, sales, exports, finance) count verified milestones only: someone other "
                      "than whoever recorded them, a coordinator, checked their document."),
    "no_verified": ("Ningún hito del periodo está verificado todavía.", "No milestone of the period is verified yet."),
    "caseload": ("Carga de trabajo por asesor(a)", "Caseload by adviser"),
    "prep": ("Preparación (h)", "Preparation (h)"), "travel": ("Traslado (h)", "Travel (h)"),
    "recorded": ("Hitos registrados", "Milestones recorded"), "document": ("Documento", "Document"),
    "sessions": ("Sesiones de asesoría por empresa", "Advisory sessions by firm"),
    "sessions_note": ("Cada sesión, con su modalidad y sus minutos, está en la hoja «Sesiones» del XLSX del mismo periodo.",
                      "Every session, with its mode and minutes, is in the «Sesiones» sheet of the period's XLSX."),
    "count": ("Sesiones", "Sessions"), "hours": ("Horas", "Hours"), "first": ("Primera", "First"),
    "last": ("Última", "Last"), "advisers": ("Asesores", "Advisers"),
    "date": ("Fecha", "Date"), "firm": ("Empresa", "Firm"), "kind": ("Tipo", "Kind"), "figure": ("Cifra", "Figure"),
    "evidence": ("Evidencia", "Evidence"), "verified_by": ("Verificó", "Verified by"),
    "adviser": ("Asesor(a)", "Adviser"), "minutes": ("Minutos", "Minutes"), "mode": ("Modalidad", "Mode"),
    "none": ("Nada en el periodo.", "Nothing in the period."),
}


def word(key: str, lang: str) -> str:
    es, en = WORDS[key]
    return en if lang == "en" else es
