"""The portfolio dashboard (Tablero): counts per chart and the firms behind each bar.

The counting is SQL (:mod:`db.queries.dashboard`); this module names the rows in the
user's language and keeps, for every row, the ``(kind, key)`` that lists its
firms, so a click on any bar can show exactly the firms it counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

import pycountry
from babel import Locale

from db.advisers import list_advisers
from db.connection import Storage
from db.queries import dashboard as repo
from db.queries import dialect
from db.queries.dashboard import NO_BAND, NOT_ASSESSED, DashboardFilter
from desktop.domain.advisory.figures import FunderFigures
from desktop.domain.advisory.record import MILESTONE_KINDS
from desktop.domain.assessment import label
from desktop.domain.assessment.stage import sector_type_for_isic
from desktop.domain.sizing import class_label
from desktop.services.assessments import questionnaire
from desktop.services.funder import figures_for

__all__ = ["DashboardFilter", "ChartRow", "Dashboard", "build_dashboard", "firms_behind", "advisers",
           "months_before", "DEFAULT_STALE_MONTHS"]

DEFAULT_STALE_MONTHS = 12
MAX_ROWS = 15  # longest chart (departments); the rest is summed in "Otros"
SECTOR_TYPE_LABELS = {
    "agroalimentario": ("Agroalimentario", "Agri-food"),
    "recursos_naturales": ("Recursos naturales", "Natural resources"),
    "manufactura_tradicional": ("Manufactura tradicional", "Traditional manufacturing"),
    "intensiva_tecnologia": ("Intensiva en tecnología", "Technology-intensive"),
    "comercio": ("Comercio", "Trade"),
    "servicios": ("Servicios", "Services"),
    "": ("Sin actividad", "No activity"),
}
EXTRA = {
    NOT_ASSESSED: ("Sin evaluar", "Not assessed"),
    NO_BAND: ("Sin banda (pocos datos)", "No band (too little data)"),
    "no_stage": ("Etapa sin determinar", "Stage not determined"),
    "other": ("Otros", "Others"),
    "no_adviser": ("Sin asesor", "No adviser"),
    "stale": ("Evaluación vencida", "Assessment out of date"),
    "never": ("Nunca evaluadas", "Never assessed"),
    "empresa": ("La empresa", "The firm"),
    "centro": ("El centro", "The centre"),
}
MILESTONE_LABELS = {
    "empleo": ("Empleos", "Jobs"), "ventas": ("Ventas", "Sales"), "exportacion": ("Exportaciones", "Exports"),
    "financiamiento": ("Financiamiento obtenido", "Finance obtained"), "formalizacion": ("Formalización", "Formalisation"),
    "certificacion": ("Certificación", "Certification"),
}
ALL_TIME = "1900-01-01"  # the advisory figures' start when the Tablero has no "Desde"


@dataclass(frozen=True)
class ChartRow:
    """One bar: what it shows and how to list its firms (``kind`` and ``key`` for db.queries.dashboard)."""

    kind: str
    key: object
    label: str
    count: int


@dataclass
class Dashboard:
    """Every chart of the Tablero, each a list of rows, largest first (months in order)."""

    total_firms: int
    by_size: list[ChartRow] = field(default_factory=list)
    by_sector: list[ChartRow] = field(default_factory=list)
    by_country: list[ChartRow] = field(default_factory=list)
    by_centre: list[ChartRow] = field(default_factory=list)  # the centre server's portfolio only
    centres: list[tuple[str, str]] = field(default_factory=list)  # (id, name) the server lets this device see
    by_department: list[ChartRow] = field(default_factory=list)
    by_band: list[ChartRow] = field(default_factory=list)
    by_stage: list[ChartRow] = field(default_factory=list)
    gaps: list[ChartRow] = field(default_factory=list)
    by_adviser: list[ChartRow] = field(default_factory=list)
    by_month: list[ChartRow] = field(default_factory=list)
    stale: list[ChartRow] = field(default_factory=list)
    stale_months: int = DEFAULT_STALE_MONTHS
    cutoff: str = ""
    advisory: FunderFigures | None = None  # the funder report's figures for the same period and adviser
    milestones: list[ChartRow] = field(default_factory=list)  # milestones counted, by kind
    caseload: list[ChartRow] = field(default_factory=list)  # firms advised in the period, by adviser
    overdue: list[ChartRow] = field(default_factory=list)  # overdue plan items, by who does them
    overdue_items: list[dict] = field(default_factory=list)  # the overdue items, longest overdue first


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (clamped to the month's end)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _country(code: str, lang: str) -> str:
    # Babel has the country names in Spanish; pycountry only in English.
    name = Locale.parse(lang).territories.get(code)
    if name:
        return name
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def _head(rows: list[ChartRow], kind: str, lang: str) -> list[ChartRow]:
    """The largest MAX_ROWS rows; the rest summed in one "Otros" row (not clickable: key None)."""
    if len(rows) <= MAX_ROWS:
        return rows
    rest = sum(r.count for r in rows[MAX_ROWS - 1:])
    return rows[: MAX_ROWS - 1] + [ChartRow(kind, None, _t(EXTRA["other"], lang), rest)]


def _code_label(kind: str, code: str, lang: str) -> str:
    if kind == "stage" and code == NO_BAND:
        return _t(EXTRA["no_stage"], lang)
    if code in EXTRA:
        return _t(EXTRA[code], lang)
    return label(kind, code, lang)


def _size_group(storage) -> str:
    """The size the Tablero counts: the centre's choice on a laptop; the study's table on the
    centre's server, whose portfolio tables hold only that class."""
    if dialect.of(storage).postgres:
        return "size_class"
    from desktop.services.sizing import list_column
    return list_column(storage)


def build_dashboard(storage: Storage, f: DashboardFilter = DashboardFilter(), lang: str = "es",
                    stale_months: int = DEFAULT_STALE_MONTHS, today: dt.date | None = None,
                    charts: Collection[str] | None = None) -> Dashboard:
    """Count everything the Tablero shows, under the filters ``f``.

    ``storage`` is this laptop's database or the centre server's portfolio
    (:class:`db.centre.portfolio.ServerPortfolio`: every centre this device may see, by centre).
    ``charts`` (attribute names of :class:`Dashboard`, "advisory" for the funder figures) limits
    the work to those; the total and the size chart are always counted.
    """
    def want(name: str) -> bool:
        return charts is None or name in charts

    today = today or dt.date.today()
    cutoff = months_before(today, stale_months).isoformat()
    size_group = _size_group(storage)
    sizes = repo.count_firms_by(storage, size_group, f)
    board = Dashboard(total_firms=sum(n for _, n in sizes), stale_months=stale_months, cutoff=cutoff)
    board.by_size = [ChartRow(size_group, k, class_label(k, lang), n) for k, n in sizes]
    if want("by_sector"):
        sectors: dict[str, list] = {}
        for division, n in repo.count_firms_by(storage, "division", f):
            kind = sector_type_for_isic(division) if division else ""
            entry = sectors.setdefault(kind or "", [[], 0])
            entry[0].append(division)
            entry[1] += n
        board.by_sector = sorted(
            (ChartRow("divisions", tuple(divs), _t(SECTOR_TYPE_LABELS.get(k, (k, k)), lang), n)
             for k, (divs, n) in sectors.items()), key=lambda r: (-r.count, r.label))
    if want("by_country"):
        board.by_country = [ChartRow("country", k, _country(k, lang), n)
                            for k, n in repo.count_firms_by(storage, "country", f)]
    if dialect.of(storage).postgres:
        board.centres = [(c["id"], c["name"]) for c in storage.centres()]
        if want("by_centre"):
            names = dict(board.centres)
            board.by_centre = [ChartRow("centre", k, names.get(k, k or "—"), n)
                               for k, n in repo.count_firms_by(storage, "centre", f)]
    if want("by_department"):
        departments = []
        for key, n in repo.count_firms_by(storage, "department", f):
            country, department = key.split("|", 1)
            departments.append(ChartRow("department", key, f"{department or '—'} ({country})", n))
        board.by_department = _head(departments, "department", lang)
    for column in ("band", "stage"):
        if want(f"by_{column}"):
            setattr(board, f"by_{column}", [ChartRow(column, k, _code_label(column, k, lang), n)
                                            for k, n in repo.count_latest_by(storage, column, f)])
    if want("gaps"):
        q = questionnaire()
        board.gaps = [ChartRow("gap", k, q.dimension(k).title.text(lang) if q.dimension(k) else k, n)
                      for k, n in repo.count_gaps(storage, f)]
    if want("by_adviser"):
        board.by_adviser = [ChartRow("adviser", k, name or _t(EXTRA["no_adviser"], lang), n)
                            for k, name, n in repo.count_assessments_by_adviser(storage, f)]
    if want("by_month"):
        board.by_month = [ChartRow("month", k, k, n) for k, n in repo.count_assessments_by_month(storage, f)]
    if want("stale"):
        stale, never = repo.count_stale(storage, f, cutoff)
        board.stale = [ChartRow("stale", None, _t(EXTRA["stale"], lang), stale),
                       ChartRow("never", None, _t(EXTRA["never"], lang), never)]
    if want("advisory") or want("milestones") or want("caseload"):
        _advisory(storage, board, f, today, lang)
    if want("overdue") or want("overdue_items"):
        board.overdue = [ChartRow("overdue", (k, today.isoformat()),
                                  name or _t(EXTRA.get(k, EXTRA["no_adviser"]), lang), n)
                         for k, name, n in repo.count_overdue(storage, f, today.isoformat())]
        board.overdue_items = repo.overdue_page(storage, f, today.isoformat())
    return board


def _advisory(storage: Storage, board: Dashboard, f: DashboardFilter, today: dt.date, lang: str) -> None:
    """The funder figures of the Tablero's period (all time when "Desde" is off) and adviser."""
    end = f.date_to or today.isoformat()
    start = min(f.date_from or ALL_TIME, end)
    board.advisory = fig = figures_for(storage, start, end, adviser_id=f.adviser_id, centre_id=f.centre_id,
                                       country=f.country)
    rows = []
    for kind in MILESTONE_KINDS:
        firms = tuple(sorted({m["firm_id"] for m in fig.milestones if m["kind"] == kind}))
        count = sum(fig.milestones_by_kind[kind].values())
        if count:
            rows.append(ChartRow("firms", firms, _t(MILESTONE_LABELS[kind], lang), count))
    board.milestones = sorted(rows, key=lambda r: (-r.count, r.label))
    # Caseload: the firms each adviser advised in the period (an undecided duplicate counts once).
    firms: dict[str, set[str]] = {}
    same = {f: group[0] for group in fig.duplicates for f in group}
    for s in fig.sessions:
        who = s.get("adviser_id") or s.get("created_by") or ""
        firms.setdefault(who, set()).add(same.get(s["firm_id"], s["firm_id"]))
    board.caseload = [ChartRow("firms", tuple(sorted(firms.get(load.adviser_id, ()))),
                               fig.names.get(load.adviser_id) or _t(EXTRA["no_adviser"], lang), load.firms)
                      for load in fig.caseload if load.firms]


def firms_behind(storage: Storage, row: ChartRow, f: DashboardFilter, cutoff: str | None = None,
                 limit: int = 500) -> tuple[int, list[dict]]:
    """(how many firms, the first ``limit`` of them by name) behind one chart row."""
    if row.key is None and row.kind not in ("stale", "never"):
        return 0, []
    return (repo.firm_count(storage, row.kind, row.key, f, cutoff),
            repo.firm_page(storage, row.kind, row.key, f, cutoff, limit))


def held_here(storage: Storage, firm_id: str) -> bool:
    """Whether a firm listed from the server's portfolio is also on this laptop."""
    return storage.conn.execute("SELECT 1 FROM firms WHERE id = ? AND deleted_at IS NULL", (firm_id,)).fetchone() is not None


def advisers(storage: Storage) -> list[tuple[str, str]]:
    """(id, name) of the active advisers, for the adviser filter."""
    return [(a["id"], a["name"]) for a in list_advisers(storage)]
