"""Aggregate queries for the portfolio dashboard (Tablero), all done in SQL.

Every chart of the dashboard is one GROUP BY here, and every bar can be
listed: :func:`firm_count` and :func:`firm_page` take the same ``(kind, key)``
that the chart's rows carry. Counting on 100,000 firms reads each table once.

Filters (:class:`DashboardFilter`):
- ``adviser_id`` keeps the firms that adviser follows (``firms.adviser_id``)
  and, for the "assessments per adviser / per month" charts, the assessments
  that adviser completed;
- ``date_from`` / ``date_to`` (ISO dates, inclusive) restrict the assessments
  considered: bands, stages and gaps come from each firm's latest assessment
  completed in the period; a firm with none counts as "sin_evaluar".
- ``centre_id`` / ``country`` keep one centre's or one country's firms (the centre's
  server holds several centres: ``centre_id`` exists only there).
The structure charts (size, sector, country, department, centre) count firms.

Each function takes a query source: this laptop's :class:`~db.connection.Storage` or the
centre server's portfolio (:class:`db.centre.portfolio.ServerPortfolio`); the few spellings
that differ come from :mod:`db.queries.dialect`.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import guarded
from db.queries import dialect
from db.queries.dialect import Dialect

NOT_ASSESSED = "sin_evaluar"
NO_BAND = "sin_banda"
GAP_BELOW = 40  # a dimension scored under 40/100 (band "inicial") is a gap
FIRM_GROUPS = {
    "size_class": "coalesce(f.size_class, 'sin_clasificar')",
    # The law in force (the study's class where no law gave one, see migration 0009); laptops only.
    "size_law_class": "coalesce(f.size_law_class, f.size_class, 'sin_clasificar')",
    "division": "coalesce(substr(f.sector_isic, 1, 2), '')",
    "country": "f.country",
    "department": "f.country || '|' || coalesce(f.department, '')",
    "centre": "coalesce(f.centre_id, '')",  # the centre's server only
}
LIST_COLUMNS = ("id", "legal_name", "country", "department", "size_class", "sector_isic", "band", "stage")


@dataclass(frozen=True)
class DashboardFilter:
    """The dashboard's filters; None means "any"."""

    date_from: str | None = None  # "YYYY-MM-DD", inclusive
    date_to: str | None = None  # "YYYY-MM-DD", inclusive
    adviser_id: str | None = None
    centre_id: str | None = None  # the centre's server only
    country: str | None = None


def _period(f: DashboardFilter, alias: str = "a", d: Dialect = dialect.SQLITE) -> tuple[str, list]:
    where, params = [f"{alias}.deleted_at IS NULL", f"{alias}.status = 'completed'"], []
    if f.date_from:
        where.append(f"{alias}.completed_at >= ?")
        params.append(f.date_from)
    if f.date_to:
        # completed_at is a full timestamp: everything on the last day counts.
        where.append(f"{alias}.completed_at < {d.day_after()}")
        params.append(f.date_to)
    return " AND ".join(where), params


def _latest(f: DashboardFilter, d: Dialect) -> tuple[str, list]:
    """A CTE of each firm's latest completed assessment in the period."""
    where, params = _period(f, d=d)
    return f"latest AS ({d.latest('a.id, a.band, a.stage, a.result', where)})", params


def _firms(f: DashboardFilter) -> tuple[str, list]:
    where, params = ["f.deleted_at IS NULL"], []
    for column in ("adviser_id", "centre_id", "country"):
        if getattr(f, column):
            where.append(f"f.{column} = ?")
            params.append(getattr(f, column))
    return " AND ".join(where), params


def _rows(storage, sql: str, params: list) -> list[tuple]:
    return [tuple(r) for r in storage.conn.execute(sql, params).fetchall()]


@guarded
def count_firms_by(storage, group: str, f: DashboardFilter) -> list[tuple[str, int]]:
    """Firms per ``group`` ("size_class", "division", "country", "department"), largest first."""
    expr = FIRM_GROUPS[group]
    where, params = _firms(f)
    return _rows(storage, f"SELECT {expr} AS k, count(*) AS n FROM firms f WHERE {where} "
                          "GROUP BY k ORDER BY n DESC, k", params)


@guarded
def count_latest_by(storage, column: str, f: DashboardFilter) -> list[tuple[str, int]]:
    """Firms per band or stage (``column``) of their latest assessment in the period."""
    if column not in ("band", "stage"):
        raise ValueError(column)
    cte, p1 = _latest(f, dialect.of(storage))
    where, p2 = _firms(f)
    sql = (f"WITH {cte} SELECT CASE WHEN l.id IS NULL THEN '{NOT_ASSESSED}' "
           f"ELSE coalesce(l.{column}, '{NO_BAND}') END AS k, count(*) AS n "
           f"FROM firms f LEFT JOIN latest l ON l.firm_id = f.id WHERE {where} GROUP BY k ORDER BY n DESC, k")
    return _rows(storage, sql, p1 + p2)


@guarded
def count_gaps(storage, f: DashboardFilter, below: int = GAP_BELOW) -> list[tuple[str, int]]:
    """Per dimension, how many firms' latest assessment scored it under ``below``."""
    d = dialect.of(storage)
    cte, p1 = _latest(f, d)
    where, p2 = _firms(f)
    sql = (f"WITH {cte} SELECT {d.json('d.value', 'dimension_id')} AS k, count(*) AS n "
           f"FROM latest l JOIN firms f ON f.id = l.firm_id CROSS JOIN {d.each('l.result', 'dimensions', 'd')} "
           f"WHERE {where} AND {d.json('d.value', 'status')} = 'ok' "
           f"AND CAST({d.json('d.value', 'score')} AS REAL) < ? GROUP BY k ORDER BY n DESC, k")
    return _rows(storage, sql, p1 + p2 + [below])


def _assessment_where(f: DashboardFilter, d: Dialect) -> tuple[str, list]:
    where, params = _period(f, d=d)
    where += " AND f.deleted_at IS NULL"
    if f.adviser_id:
        where += " AND a.adviser_id = ?"
        params.append(f.adviser_id)
    for column in ("centre_id", "country"):
        if getattr(f, column):
            where += f" AND f.{column} = ?"
            params.append(getattr(f, column))
    return where, params


@guarded
def count_assessments_by_adviser(storage, f: DashboardFilter) -> list[tuple[str, str, int]]:
    """Completed assessments per adviser in the period: (adviser id or "", name, count)."""
    where, params = _assessment_where(f, dialect.of(storage))
    sql = ("SELECT coalesce(a.adviser_id, '') AS k, coalesce(ad.name, '') AS name, count(*) AS n "
           "FROM assessments a JOIN firms f ON f.id = a.firm_id LEFT JOIN advisers ad ON ad.id = a.adviser_id "
           f"WHERE {where} GROUP BY k, ad.name ORDER BY n DESC, name")
    return _rows(storage, sql, params)


@guarded
def count_assessments_by_month(storage, f: DashboardFilter) -> list[tuple[str, int]]:
    """Completed assessments per month ("YYYY-MM") in the period, oldest first."""
    where, params = _assessment_where(f, dialect.of(storage))
    sql = ("SELECT substr(a.completed_at, 1, 7) AS k, count(*) AS n FROM assessments a "
           f"JOIN firms f ON f.id = a.firm_id WHERE {where} GROUP BY k ORDER BY k")
    return _rows(storage, sql, params)


def _stale_cte() -> str:
    return ("last_done AS (SELECT a.firm_id, max(a.completed_at) AS completed_at FROM assessments a "
            "WHERE a.deleted_at IS NULL AND a.status = 'completed' GROUP BY a.firm_id)")


@guarded
def count_stale(storage, f: DashboardFilter, cutoff: str) -> tuple[int, int]:
    """(firms whose last assessment is older than ``cutoff``, firms never assessed)."""
    where, params = _firms(f)
    sql = (f"WITH {_stale_cte()} SELECT "
           "sum(CASE WHEN l.completed_at IS NOT NULL AND l.completed_at < ? THEN 1 ELSE 0 END), "
           "sum(CASE WHEN l.completed_at IS NULL THEN 1 ELSE 0 END) "
           f"FROM firms f LEFT JOIN last_done l ON l.firm_id = f.id WHERE {where}")
    stale, never = storage.conn.execute(sql, [cutoff] + params).fetchone()
    return int(stale or 0), int(never or 0)


# Who does an overdue plan item: the firm, one of the centre's advisers, or the centre in general.
OVERDUE_OWNER = "CASE WHEN p.owner = 'empresa' THEN 'empresa' ELSE coalesce(p.owner_adviser_id, 'centro') END"


def _overdue(f: DashboardFilter, today: str, names: bool = False) -> tuple[str, list]:
    """FROM+WHERE over plan_items p of live firms f: items still to do whose due date has passed
    (with ``names``, the adviser in charge joined as ``ad``).

    The adviser filter keeps the items that adviser is in charge of (an adviser's own list); the
    centre and country filters keep those firms'.
    """
    where, params = ["f.deleted_at IS NULL", "p.deleted_at IS NULL", "p.status IN ('pendiente', 'en_curso')",
                     "p.due_on IS NOT NULL", "p.due_on < ?"], [today]
    if f.adviser_id:
        where.append("p.owner_adviser_id = ?")
        params.append(f.adviser_id)
    for column in ("centre_id", "country"):
        if getattr(f, column):
            where.append(f"f.{column} = ?")
            params.append(getattr(f, column))
    joined = " LEFT JOIN advisers ad ON ad.id = p.owner_adviser_id" if names else ""
    return f"plan_items p JOIN firms f ON f.id = p.firm_id{joined} WHERE {' AND '.join(where)}", params


@guarded
def count_overdue(storage, f: DashboardFilter, today: str) -> list[tuple[str, str, int]]:
    """Overdue plan items per owner: (owner key, adviser's name or "", count), most first."""
    body, params = _overdue(f, today, names=True)
    sql = (f"SELECT {OVERDUE_OWNER} AS k, coalesce(ad.name, '') AS name, count(*) AS n FROM {body} "
           "GROUP BY k, ad.name ORDER BY n DESC, name, k")
    return _rows(storage, sql, params)


OVERDUE_COLUMNS = ("item_id", "firm_id", "legal_name", "title", "owner", "owner_name", "due_on")


@guarded
def overdue_page(storage, f: DashboardFilter, today: str, limit: int = 200) -> list[dict]:
    """The overdue plan items themselves, the longest overdue first (at most ``limit``)."""
    body, params = _overdue(f, today, names=True)
    d = dialect.of(storage)
    cur = storage.conn.execute(
        f"SELECT p.id, f.id, f.legal_name, p.title, {OVERDUE_OWNER}, coalesce(ad.name, ''), p.due_on FROM {body} "
        f"ORDER BY p.due_on, {d.nocase('f.legal_name')}, p.id LIMIT ?", params + [limit])
    return [dict(zip(OVERDUE_COLUMNS, row, strict=True)) for row in cur.fetchall()]


def _selection(kind: str, key, f: DashboardFilter, cutoff: str | None, d: Dialect) -> tuple[str, str, list]:
    """(WITH clause or "", FROM+WHERE over firms f, params) selecting the firms behind a bar."""
    where, params = _firms(f)
    if kind in FIRM_GROUPS and kind != "division":
        return "", f"firms f WHERE {where} AND {FIRM_GROUPS[kind]} = ?", params + [key]
    if kind == "divisions":  # a sector type: several ISIC divisions
        keys = list(key)
        marks = ", ".join("?" for _ in keys) or "NULL"
        return "", f"firms f WHERE {where} AND {FIRM_GROUPS['division']} IN ({marks})", params + keys
    if kind in ("band", "stage", "gap"):
        cte, p1 = _latest(f, d)
        if kind == "gap":
            cond = (f"l.id IS NOT NULL AND EXISTS (SELECT 1 FROM {d.each('l.result', 'dimensions', 'd')} "
                    f"WHERE {d.json('d.value', 'dimension_id')} = ? AND {d.json('d.value', 'status')} = 'ok' "
                    f"AND CAST({d.json('d.value', 'score')} AS REAL) < {GAP_BELOW})")
        else:
            cond = (f"(CASE WHEN l.id IS NULL THEN '{NOT_ASSESSED}' ELSE coalesce(l.{kind}, '{NO_BAND}') END) = ?")
        return (f"WITH {cte} ", f"firms f LEFT JOIN latest l ON l.firm_id = f.id WHERE {where} AND {cond}",
                p1 + params + [key])
    if kind in ("adviser", "month"):
        awhere, aparams = _assessment_where(f, d)
        col = "coalesce(a.adviser_id, '')" if kind == "adviser" else "substr(a.completed_at, 1, 7)"
        # firms.f is re-joined inside so the firm filter of _assessment_where applies there.
        sub = (f"SELECT a.firm_id FROM assessments a JOIN firms f ON f.id = a.firm_id "
               f"WHERE {awhere} AND {col} = ?")
        return "", f"firms f WHERE f.deleted_at IS NULL AND f.id IN ({sub})", aparams + [key]
    if kind == "overdue":  # (owner key, today): the firms with overdue items of that owner
        owner, today = key
        body, params = _overdue(f, today)
        return "", (f"firms f WHERE f.deleted_at IS NULL AND f.id IN (SELECT p.firm_id FROM {body} "
                    f"AND {OVERDUE_OWNER} = ?)"), params + [owner]
    if kind == "firms":  # an explicit set of firms (the advisory chart: firms with a milestone of a kind)
        keys = list(key)
        marks = ", ".join("?" for _ in keys) or "NULL"
        return "", f"firms f WHERE f.deleted_at IS NULL AND f.id IN ({marks})", keys
    if kind in ("stale", "never"):
        cond = "l.completed_at IS NOT NULL AND l.completed_at < ?" if kind == "stale" else "l.completed_at IS NULL"
        extra = [cutoff] if kind == "stale" else []
        return (f"WITH {_stale_cte()} ", f"firms f LEFT JOIN last_done l ON l.firm_id = f.id WHERE {where} AND {cond}",
                params + extra)
    raise ValueError(f"unknown dashboard selection {kind!r}")


@guarded
def firm_count(storage, kind: str, key, f: DashboardFilter, cutoff: str | None = None) -> int:
    """How many firms are behind one bar of a chart."""
    cte, body, params = _selection(kind, key, f, cutoff, dialect.of(storage))
    return storage.conn.execute(f"{cte}SELECT count(*) FROM {body}", params).fetchone()[0]


@guarded
def firm_page(storage, kind: str, key, f: DashboardFilter, cutoff: str | None = None,
              limit: int = 500) -> list[dict]:
    """The firms behind one bar, by name (at most ``limit``)."""
    d = dialect.of(storage)
    cte, body, params = _selection(kind, key, f, cutoff, d)
    cols = ", ".join(f"f.{c}" for c in LIST_COLUMNS)
    cur = storage.conn.execute(f"{cte}SELECT {cols} FROM {body} ORDER BY {d.nocase('f.legal_name')}, f.id LIMIT ?",
                               params + [limit])
    return [dict(zip(LIST_COLUMNS, row)) for row in cur.fetchall()]


ASSESSMENT_LIST_COLUMNS = ("id", "firm_id", "legal_name", "status", "started_at", "completed_at",
                           "readiness_index", "band", "stage", "adviser_name", "provisional", "band_uncapped",
                           "knock_out_es", "knock_out_en")


@guarded
def assessment_list(storage, status: str | None = None, adviser_id: str | None = None,
                    limit: int = 500) -> list[dict]:
    """Live assessments of live firms with the firm's name, newest first (at most ``limit``)."""
    where, params = ["a.deleted_at IS NULL", "f.deleted_at IS NULL"], []
    if status:
        where.append("a.status = ?")
        params.append(status)
    if adviser_id:
        where.append("a.adviser_id = ?")
        params.append(adviser_id)
    sql = ("SELECT a.id, a.firm_id, f.legal_name, a.status, a.started_at, a.completed_at, a.readiness_index, "
           "a.band, a.stage, coalesce(ad.name, ''), json_extract(a.result, '$.provisional'), "
           "json_extract(a.result, '$.band_uncapped'), json_extract(a.result, '$.knock_outs[0].reason.es'), "
           "json_extract(a.result, '$.knock_outs[0].reason.en') FROM assessments a JOIN firms f ON f.id = a.firm_id "
           f"LEFT JOIN advisers ad ON ad.id = a.adviser_id WHERE {' AND '.join(where)} "
           "ORDER BY coalesce(a.completed_at, a.started_at) DESC, a.id DESC LIMIT ?")
    cur = storage.conn.execute(sql, params + [limit])
    return [dict(zip(ASSESSMENT_LIST_COLUMNS, row)) for row in cur.fetchall()]
