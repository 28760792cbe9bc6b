"""Read-only queries behind the reports: firm lists for batches and portfolio aggregates.

Every figure of the portfolio report is one GROUP BY here, so a centre with
100,000 firms gets its report without loading the firms into Python. Scores
inside the stored assessment result (JSON) are read with the engine's JSON
functions: the same queries run on this laptop's SQLite and on the centre
server's PostgreSQL portfolio (:mod:`db.queries.dialect`).

Conventions: only live rows (``deleted_at IS NULL``); a period is a pair of ISO
dates, both inclusive, compared on ``completed_at``; an empty or None adviser
list means every adviser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db.errors import guarded
from db.queries import dialect


@guarded
def live_firm_names(storage) -> list[dict]:
    """Id and legal name of every live firm, by name (for batch printing)."""
    cur = storage.conn.execute(
        "SELECT id, legal_name FROM firms WHERE deleted_at IS NULL ORDER BY legal_name COLLATE NOCASE, id"
    )
    return [{"id": i, "legal_name": n} for i, n in cur]


@dataclass(frozen=True)
class PortfolioFilter:
    """Which part of the portfolio a report covers.

    Attributes:
        start, end: the period (inclusive) for the assessment figures; None = open.
        adviser_ids: firms followed by these advisers (and assessments they ran); empty = all.
        centre_id, country: one centre's (the centre's server only) or one country's firms.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    adviser_ids: tuple[str, ...] = ()
    centre_id: str | None = None
    country: str | None = None


def _firm_where(f: PortfolioFilter, alias: str = "f") -> tuple[str, list]:
    where, params = [f"{alias}.deleted_at IS NULL"], []
    if f.adviser_ids:
        where.append(f"{alias}.adviser_id IN ({', '.join('?' * len(f.adviser_ids))})")
        params += list(f.adviser_ids)
    for column in ("centre_id", "country"):
        if getattr(f, column):
            where.append(f"{alias}.{column} = ?")
            params.append(getattr(f, column))
    return " AND ".join(where), params


def _assessment_where(f: PortfolioFilter, alias: str = "a") -> tuple[str, list]:
    where = [f"{alias}.deleted_at IS NULL", f"{alias}.status = 'completed'"]
    params: list = []
    if f.start:
        where.append(f"{alias}.completed_at >= ?")
        params.append(f.start.isoformat())
    if f.end:
        # completed_at is a full timestamp: everything before the next day counts.
        where.append(f"{alias}.completed_at < ?")
        params.append((f.end + dt.timedelta(days=1)).isoformat())
    if f.adviser_ids:
        where.append(f"{alias}.adviser_id IN ({', '.join('?' * len(f.adviser_ids))})")
        params += list(f.adviser_ids)
    return " AND ".join(where), params


def _latest_cte(f: PortfolioFilter) -> tuple[str, list]:
    """A CTE ``latest`` with each live firm's latest completed assessment in the period."""
    a_where, a_params = _assessment_where(f)
    f_where, f_params = _firm_where(f)
    sql = f"""
        WITH ranked AS (
            SELECT a.*, row_number() OVER (PARTITION BY a.firm_id ORDER BY a.completed_at DESC, a.id DESC) AS rn
            FROM assessments a JOIN firms f ON f.id = a.firm_id
            WHERE {a_where} AND f.deleted_at IS NULL
        ),
        latest AS (SELECT * FROM ranked WHERE rn = 1),
        scope AS (SELECT f.* FROM firms f WHERE {f_where})
    """
    return sql, a_params + f_params


@guarded
def count_by(storage, f: PortfolioFilter, column: str) -> list[tuple[str | None, int]]:
    """Firms in scope counted by a firm column, largest first.

    Args:
        column: one of size_class, country, department, sector_section, adviser_id.
            ``sector_section`` groups ISIC codes by their first two characters
            (division) or section letter; the caller maps them to sections.
    """
    expressions = {
        "size_class": "size_class",
        "country": "country",
        "department": "department",
        "adviser_id": "adviser_id",
        "sector_section": "substr(sector_isic, 1, CASE WHEN "
                          f"{dialect.of(storage).starts_with_letter('sector_isic')} THEN 1 ELSE 2 END)",
        "centre": "centre_id",  # the centre's server only
    }
    expr = expressions[column]
    where, params = _firm_where(f)
    sql = f"SELECT {expr} AS k, count(*) AS n FROM firms f WHERE {where} GROUP BY k ORDER BY n DESC, k"
    return [(k, n) for k, n in storage.conn.execute(sql, params)]


@guarded
def latest_by(storage, f: PortfolioFilter, column: str) -> list[tuple[str | None, int]]:
    """Firms in scope counted by ``band`` or ``stage`` of their latest assessment in the period."""
    if column not in ("band", "stage", "profile"):
        raise ValueError(column)
    cte, params = _latest_cte(f)
    sql = cte + f"""
        SELECT l.{column}, count(*) FROM latest l JOIN scope s ON s.id = l.firm_id
        GROUP BY l.{column} ORDER BY count(*) DESC, l.{column}"""
    return [(k, n) for k, n in storage.conn.execute(sql, params)]


@guarded
def totals(storage, f: PortfolioFilter) -> dict:
    """Firms in scope, firms assessed in the period, completed assessments, mean latest index."""
    cte, params = _latest_cte(f)
    a_where, a_params = _assessment_where(f)
    f_where, f_params = _firm_where(f)
    firms = storage.conn.execute(f"SELECT count(*) FROM firms f WHERE {f_where}", f_params).fetchone()[0]
    assessed, mean = storage.conn.execute(
        cte + "SELECT count(*), avg(l.readiness_index) FROM latest l JOIN scope s ON s.id = l.firm_id", params
    ).fetchone()
    done = storage.conn.execute(
        f"SELECT count(*) FROM assessments a JOIN firms f ON f.id = a.firm_id WHERE {a_where} AND {f_where}",
        a_params + f_params,
    ).fetchone()[0]
    return {"firms": firms, "assessed": assessed, "assessments": done, "mean_index": mean}


@guarded
def common_gaps(storage, f: PortfolioFilter, below: float = 50, limit: int = 8) -> list[tuple[str, str, str, int]]:
    """Dimensions most often scored under ``below`` in the firms' latest assessments.

    Returns:
        (dimension id, Spanish title, English title, number of firms), most frequent first.
    """
    cte, params = _latest_cte(f)
    d = dialect.of(storage)
    title_es, title_en = d.json("d.value", "title.es"), d.json("d.value", "title.en")
    sql = cte + f"""
        SELECT {d.json('d.value', 'dimension_id')} AS dim, min({title_es}), min({title_en}), count(*) AS n
        FROM latest l JOIN scope s ON s.id = l.firm_id CROSS JOIN {d.each('l.result', 'dimensions', 'd')}
        WHERE {d.json('d.value', 'status')} = 'ok'
          AND CAST({d.json('d.value', 'score')} AS REAL) < ?
        GROUP BY dim ORDER BY n DESC, dim LIMIT ?"""
    return [tuple(r) for r in storage.conn.execute(sql, params + [below, limit])]


@guarded
def assessments_by_adviser_month(storage, f: PortfolioFilter) -> list[tuple[str | None, str | None, str, int]]:
    """Completed assessments per adviser and month (YYYY-MM), oldest month first.

    Returns:
        (adviser id, adviser name, month, count) rows.
    """
    a_where, a_params = _assessment_where(f)
    sql = f"""
        SELECT a.adviser_id, ad.name, substr(a.completed_at, 1, 7) AS month, count(*)
        FROM assessments a JOIN firms f ON f.id = a.firm_id AND f.deleted_at IS NULL
        LEFT JOIN advisers ad ON ad.id = a.adviser_id
        WHERE {a_where}
        GROUP BY a.adviser_id, ad.name, month ORDER BY month, ad.name, a.adviser_id"""
    return [tuple(r) for r in storage.conn.execute(sql, a_params)]


@guarded
def firm_rows(storage, f: PortfolioFilter, limit: int = 500) -> tuple[list[dict], int]:
    """The firms in scope with their latest assessment in the period, by name.

    Returns:
        (up to ``limit`` rows, total number of firms in scope). Each row has id,
        legal_name, country, department, size_class, adviser, band, stage,
        readiness_index and completed_at (the last five None when not assessed).
    """
    cte, params = _latest_cte(f)
    sql = cte + f"""
        SELECT s.id, s.legal_name, s.country, s.department, s.size_class, ad.name AS adviser,
               l.band, l.stage, l.readiness_index, l.completed_at
        FROM scope s LEFT JOIN latest l ON l.firm_id = s.id LEFT JOIN advisers ad ON ad.id = s.adviser_id
        ORDER BY {dialect.of(storage).nocase('s.legal_name')}, s.id LIMIT ?"""
    cur = storage.conn.execute(sql, params + [limit])
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, r)) for r in cur]
    f_where, f_params = _firm_where(f)
    total = storage.conn.execute(f"SELECT count(*) FROM firms f WHERE {f_where}", f_params).fetchone()[0]
    return rows, total


@guarded
def adviser_names(storage, ids: Sequence[str]) -> dict[str, str]:
    """Adviser id -> name for the given ids."""
    if not ids:
        return {}
    cur = storage.conn.execute(
        f"SELECT id, name FROM advisers WHERE id IN ({', '.join('?' * len(ids))})", list(ids))
    return dict(cur.fetchall())
