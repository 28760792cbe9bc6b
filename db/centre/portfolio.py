"""The national portfolio on the centre's server: the Tablero's and the reports' queries in PostgreSQL.

Every change the server stores updates ``portfolio.*`` (``0004_portfolio.sql``): each record as
every laptop holding the same changes shows it, typed like the laptop's tables, with the centre
it belongs to. :class:`ServerPortfolio` is a query source for :mod:`db.queries.dashboard` and
:mod:`db.queries.reports` (the same SQL, the PostgreSQL dialect), so the Tablero and the reports
count a centre's or the whole country's firms on the server instead of on a laptop.

A centre's device sees its centre's firms; a national coordinator's device, or the owner's
connection, sees every centre's (row-level security on the portfolio tables).
"""

from __future__ import annotations

import psycopg

from db.centre import server
from db.queries.dialect import POSTGRES
from db.records import decode


class ServerPortfolio:
    """A read-only connection to the portfolio, with ``conn.execute(sql, params)`` taking ``?`` marks."""

    dialect = POSTGRES

    def __init__(self, url: str):
        self._pg = server.connect(url)
        self._pg.execute("SET search_path = portfolio, public")
        self._pg.execute("SET default_transaction_read_only = on")

    @property
    def conn(self) -> ServerPortfolio:
        return self

    def execute(self, sql: str, params=()) -> psycopg.Cursor:
        # The queries never hold a literal "?" or "%", so the marks translate one to one.
        return self._pg.execute(sql.replace("?", "%s"), list(params))

    def centres(self) -> list[dict]:
        """The centres this connection may see: its own for a centre's device, all of them for the
        national coordinator or the owner (the same rule as the portfolio's row-level security)."""
        scope, own = self._pg.execute("SELECT current_scope(), current_centre()").fetchone()
        return [c for c in server.centres(self._pg) if scope != "centre" or c["id"] == own]

    def across_centres(self, limit: int = 500) -> list[dict]:
        """Live firms that look like one firm registered in two centres: the same tax id in the same
        country, or the same name (case and spaces aside) in the same municipality.

        Neither centre can see the other's firms, so only a national view finds these; a person
        decides in the centres. Each row: the two firms' ids, names and centres, and why.
        """
        sql = r"""
            WITH live AS (
                SELECT id, centre_id, country, legal_name, tax_id, municipality,
                       lower(regexp_replace(legal_name, '\s+', ' ', 'g')) AS name_key,
                       lower(coalesce(municipality, '')) AS place_key
                FROM firms WHERE deleted_at IS NULL)
            SELECT a.id, a.legal_name, a.centre_id, b.id, b.legal_name, b.centre_id,
                   CASE WHEN a.tax_id IS NOT NULL AND a.tax_id = b.tax_id THEN 'tax_id' ELSE 'name' END
            FROM live a JOIN live b ON a.id < b.id AND a.centre_id <> b.centre_id AND a.country = b.country
             AND ((a.tax_id IS NOT NULL AND a.tax_id = b.tax_id)
                  OR ((a.tax_id IS NULL OR b.tax_id IS NULL) AND a.name_key = b.name_key
                      AND a.place_key = b.place_key AND a.place_key <> ''))
            ORDER BY a.legal_name, a.id, b.id LIMIT ?"""
        keys = ("first_id", "first_name", "first_centre", "second_id", "second_name", "second_centre", "reason")
        names = {c["id"]: c["name"] for c in server.centres(self._pg)}
        out = []
        for row in self.execute(sql, [limit]):
            item = dict(zip(keys, row))
            item["first_centre"], item["second_centre"] = names.get(item["first_centre"], ""), names.get(
                item["second_centre"], "")
            out.append(item)
        return out

    def close(self) -> None:
        self._pg.close()

    def __enter__(self) -> ServerPortfolio:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def undecided_duplicates(source: ServerPortfolio, firm_ids: list[str]) -> list[tuple[str, str]]:
    """Pairs among ``firm_ids`` that look like one firm and that nobody has settled: both live, the same
    tax id in the same country, or the same name (case and spaces aside) in the same municipality
    when a tax id is missing, and never kept apart (``extra.distinct_from`` of a firm's change).

    The rule of ``rumbo centre duplicates``, within a centre as across centres; a merge makes the
    absorbed firm a tombstone, so merged pairs are not live. Smaller id first.
    """
    if len(firm_ids) < 2:
        return []
    sql = r"""
        WITH live AS (
            SELECT id, country, tax_id,
                   lower(regexp_replace(legal_name, '\s+', ' ', 'g')) AS name_key,
                   lower(coalesce(municipality, '')) AS place_key
            FROM firms WHERE deleted_at IS NULL AND id = ANY(?)),
        apart AS (
            SELECT DISTINCT c.record_id AS a, d.other AS b
            FROM changes c CROSS JOIN LATERAL jsonb_array_elements_text(c.extra -> 'distinct_from') AS d(other)
            WHERE c.table_name = 'firms' AND c.record_id = ANY(?)
              AND jsonb_typeof(c.extra -> 'distinct_from') = 'array')
        SELECT a.id, b.id FROM live a JOIN live b ON a.id < b.id AND a.country = b.country
         AND ((a.tax_id IS NOT NULL AND a.tax_id = b.tax_id)
              OR ((a.tax_id IS NULL OR b.tax_id IS NULL) AND a.name_key = b.name_key
                  AND a.place_key = b.place_key AND a.place_key <> ''))
        WHERE NOT EXISTS (SELECT 1 FROM apart p WHERE (p.a = a.id AND p.b = b.id) OR (p.a = b.id AND p.b = a.id))
        ORDER BY a.id, b.id"""
    return [(r[0], r[1]) for r in source.execute(sql, [firm_ids, firm_ids])]


def advisory_inputs(source: ServerPortfolio, first: str, last: str, centre_id: str | None = None,
                    country: str | None = None, adviser_id: str | None = None) -> tuple[list, list, dict, dict, dict]:
    """What :func:`desktop.domain.advisory.figures.funder_figures` sums, read from the portfolio.

    Returns (sessions, milestones, firms, first session per firm, completed assessments per
    firm up to ``last`` oldest first with their result decoded), limited to live firms of
    ``centre_id`` / ``country`` when given, and with ``adviser_id`` to that adviser's sessions and
    the milestones that adviser recorded. Each firm carries its ``centre`` (id).
    """
    scope, params = ["f.deleted_at IS NULL"], []
    for column, value in (("centre_id", centre_id), ("country", country)):
        if value:
            scope.append(f"f.{column} = ?")
            params.append(value)
    where = " AND ".join(scope)

    def rows(sql: str, values: list, table: str | None = None) -> list[dict]:
        """Rows as the laptop's records read (JSON fields decoded), without the server's centre_id."""
        cur = source.execute(sql, values)
        names = [c.name for c in cur.description]
        out = []
        for r in cur:
            row = dict(zip(names, r))
            row.pop("centre_id", None)
            out.append(decode(table, row) if table else row)
        return out

    by_session = " AND s.adviser_id = ?" if adviser_id else ""
    by_verifier = " AND m.created_by = ?" if adviser_id else ""
    who = [adviser_id] if adviser_id else []
    sessions = rows(f"SELECT s.* FROM advisory_sessions s JOIN firms f ON f.id = s.firm_id WHERE {where} "
                    f"AND s.deleted_at IS NULL AND s.held_on BETWEEN ? AND ?{by_session} ORDER BY s.held_on, s.id",
                    params + [first, last] + who, "advisory_sessions")
    milestones = rows(f"SELECT m.* FROM impact_milestones m JOIN firms f ON f.id = m.firm_id WHERE {where} "
                      f"AND m.deleted_at IS NULL AND m.occurred_on BETWEEN ? AND ?{by_verifier} "
                      "ORDER BY m.occurred_on, m.id", params + [first, last] + who, "impact_milestones")
    ids = sorted({r["firm_id"] for r in sessions} | {r["firm_id"] for r in milestones})
    firms = {r["id"]: r for r in rows("SELECT id, legal_name, tax_id, owner_gender, centre_id AS centre "
                                      "FROM firms WHERE id = ANY(?)", [ids])}
    first_session = dict(source.execute(
        "SELECT firm_id, min(held_on) FROM advisory_sessions WHERE deleted_at IS NULL AND firm_id = ANY(?) "
        "GROUP BY firm_id", [ids]))
    assessments: dict[str, list] = {}
    for a in rows("SELECT id, firm_id, completed_at, result FROM assessments WHERE firm_id = ANY(?) "
                  "AND deleted_at IS NULL AND status = 'completed' AND result IS NOT NULL "
                  "AND substr(completed_at, 1, 10) <= ? ORDER BY firm_id, completed_at, id", [ids, last], "assessments"):
        assessments.setdefault(a["firm_id"], []).append(a)
    return sessions, milestones, firms, first_session, assessments
