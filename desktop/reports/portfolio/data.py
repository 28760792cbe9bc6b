"""The portfolio report's content, built by pure functions from aggregate figures.

The figures come from :mod:`db.queries.reports` (one GROUP BY each) gathered in
a :class:`PortfolioFigures`; :func:`build_portfolio_report` words and orders
them in one language. No database, no ReportLab here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from babel.dates import format_date

from desktop.domain.sizing.sector import section_of
from desktop.reports.labels import ISIC_SECTIONS, code_label, label
from desktop.reports.profile_rows import country_name
from desktop.reports.text import long_date, num

GAP_BELOW = 50
TOP_ITEMS = 10  # longer lists fold their tail into "Otros"


@dataclass(frozen=True)
class PortfolioFigures:
    """Raw aggregates for one period and set of advisers (codes, ids, counts)."""

    totals: dict
    by_size: list[tuple[str | None, int]] = field(default_factory=list)
    by_sector: list[tuple[str | None, int]] = field(default_factory=list)
    by_country: list[tuple[str | None, int]] = field(default_factory=list)
    by_department: list[tuple[str | None, int]] = field(default_factory=list)
    by_band: list[tuple[str | None, int]] = field(default_factory=list)
    by_stage: list[tuple[str | None, int]] = field(default_factory=list)
    gaps: list[tuple[str, str, str, int]] = field(default_factory=list)
    adviser_months: list[tuple[str | None, str | None, str, int]] = field(default_factory=list)
    firms: list[dict] = field(default_factory=list)
    firms_total: int = 0


@dataclass(frozen=True)
class CountChart:
    """A titled list of (label, count) for a bar chart."""

    title: str
    items: tuple[tuple[str, int], ...]
    note: str = ""


@dataclass(frozen=True)
class FirmLine:
    """One row of the firm table, formatted."""

    name: str
    place: str
    size: str
    adviser: str
    band: str
    stage: str
    index: str
    last: str


@dataclass(frozen=True)
class PortfolioReport:
    """Everything the portfolio report prints, in one language."""

    lang: str
    title: str
    generated_on: dt.date
    centre_name: str
    period: str
    advisers: str
    totals: tuple[tuple[str, str], ...]
    charts: tuple[CountChart, ...]
    adviser_months: tuple[tuple[str, str, int], ...]
    firms: tuple[FirmLine, ...]
    firms_total: int


def period_text(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """"1 de enero de 2025 – 30 de junio de 2025"; an open end says so."""
    if start is None and end is None:
        return "todo el historial" if lang != "en" else "all time"
    left = long_date(start, lang) if start else ("el inicio" if lang != "en" else "the start")
    right = long_date(end, lang) if end else ("hoy" if lang != "en" else "today")
    return f"{left} – {right}"


def _fold(items: list[tuple[str, int]], lang: str) -> tuple[tuple[str, int], ...]:
    if len(items) <= TOP_ITEMS:
        return tuple(items)
    head = items[:TOP_ITEMS - 1]
    return tuple(head) + ((label("other", lang), sum(n for _, n in items[TOP_ITEMS - 1:])),)


def _merge(pairs) -> list[tuple[str, int]]:
    """Add up counts that map to the same label, largest first (stable by label)."""
    merged: dict[str, int] = {}
    for key, n in pairs:
        merged[key] = merged.get(key, 0) + n
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def sector_label(code: str | None, lang: str) -> str:
    """ISIC section of a stored sector code, as "C · Industrias manufactureras"."""
    section = section_of(code.upper()) if code else None
    if section is None:
        return label("none", lang)
    names = ISIC_SECTIONS.get(section)
    return f"{section} · {names[1] if lang == 'en' else names[0]}" if names else section


def month_label(month: str, lang: str) -> str:
    """"2025-03" -> "mar 2025" / "Mar 2025"."""
    year, mon = (int(p) for p in month.split("-"))
    return format_date(dt.date(year, mon, 1), "MMM y", locale=lang)


def build_portfolio_report(fig: PortfolioFigures, *, lang: str = "es", today: dt.date | None = None,
                           centre_name: str = "", start: dt.date | None = None, end: dt.date | None = None,
                           adviser_names: tuple[str, ...] = ()) -> PortfolioReport:
    """Word the portfolio figures in ``lang``.

    Args:
        fig: the aggregates for the period and advisers.
        lang: "es" or "en".
        today: report date.
        centre_name: printed in the header.
        start, end: the period the assessment figures cover.
        adviser_names: the advisers selected (empty = all).
    """
    none = label("none", lang)
    t = fig.totals
    mean = t.get("mean_index")
    totals = (
        (label("firms_total", lang), num(t.get("firms", 0), lang, digits=0)),
        (label("assessed_firms", lang), num(t.get("assessed", 0), lang, digits=0)),
        (label("assessments_total", lang), num(t.get("assessments", 0), lang, digits=0)),
        (label("mean_index", lang), num(None if mean is None else Decimal(str(mean)), lang)),
    )
    charts = (
        CountChart(label("by_size", lang), tuple((code_label(k, lang, none), n) for k, n in fig.by_size)),
        CountChart(label("by_sector", lang), _fold(_merge((sector_label(k, lang), n) for k, n in fig.by_sector), lang)),
        CountChart(label("by_country", lang), _fold(_merge(((country_name(k, lang) or none), n) for k, n in fig.by_country), lang)),
        CountChart(label("by_department", lang), _fold(_merge(((k or none), n) for k, n in fig.by_department), lang)),
        CountChart(label("by_band", lang), tuple((code_label(k, lang, none), n) for k, n in fig.by_band)),
        CountChart(label("by_stage", lang), tuple((code_label(k, lang, none), n) for k, n in fig.by_stage)),
        CountChart(label("common_gaps", lang), tuple((en if lang == "en" else es, n) for _, es, en, n in fig.gaps),
                   note=label("common_gaps_note", lang).format(limit=GAP_BELOW)),
    )
    months = tuple((name or none, month_label(month, lang), n) for _, name, month, n in fig.adviser_months)
    firms = tuple(
        FirmLine(
            name=row["legal_name"],
            place=", ".join(p for p in (row.get("department"), country_name(row.get("country"), lang)) if p),
            size=code_label(row.get("size_class"), lang),
            adviser=row.get("adviser") or "—",
            band=code_label(row.get("band"), lang) if row.get("completed_at") else label("not_assessed", lang),
            stage=code_label(row.get("stage"), lang),
            index=num(None if row.get("readiness_index") is None else Decimal(str(row["readiness_index"])), lang),
            last=long_date(row.get("completed_at"), lang),
        )
        for row in fig.firms
    )
    return PortfolioReport(
        lang=lang, title=label("portfolio_title", lang), generated_on=today or dt.date.today(),
        centre_name=centre_name, period=period_text(start, end, lang),
        advisers=", ".join(adviser_names) if adviser_names else label("all_advisers", lang),
        totals=totals, charts=charts, adviser_months=months, firms=firms, firms_total=fig.firms_total,
    )
