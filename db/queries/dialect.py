"""The few SQL spellings that differ between the laptop's SQLite and the centre's PostgreSQL.

The portfolio queries (:mod:`db.queries.dashboard`, :mod:`db.queries.reports`) are written
once; where the two engines spell a thing differently they ask the source's dialect. A source
is anything with ``conn.execute(sql, params)`` taking ``?`` marks: a :class:`db.connection.Storage`
(SQLite, the default) or :class:`db.centre.portfolio.ServerPortfolio` (PostgreSQL, whose
``execute`` turns the marks into psycopg's). A result stored as JSON text is read with SQLite's
JSON functions or PostgreSQL's ``jsonb`` operators.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str

    @property
    def postgres(self) -> bool:
        return self.name == "postgresql"

    def json(self, column: str, path: str) -> str:
        """The text at ``path`` ("a.b") inside the JSON ``column`` (a text column or a jsonb value)."""
        if not self.postgres:
            return f"json_extract({column}, '$.{path}')"
        keys = ", ".join(path.split("."))
        return f"({column})::jsonb #>> '{{{keys}}}'"

    def each(self, column: str, path: str, alias: str) -> str:
        """A FROM item listing the elements of the array at ``path``, each as ``alias.value``."""
        if not self.postgres:
            return f"json_each({column}, '$.{path}') {alias}"
        return f"jsonb_array_elements(({column})::jsonb -> '{path}') AS {alias}(value)"

    def day_after(self, mark: str = "?") -> str:
        """The ISO day after the ISO day bound to ``mark``."""
        return f"date({mark}, '+1 day')" if not self.postgres else f"(CAST({mark} AS date) + 1)::text"

    def nocase(self, column: str) -> str:
        """``column`` for ordering without regard to case."""
        return f"{column} COLLATE NOCASE" if not self.postgres else f"lower({column})"

    def starts_with_letter(self, column: str) -> str:
        return f"{column} GLOB '[A-Za-z]*'" if not self.postgres else f"{column} ~ '^[A-Za-z]'"

    def latest(self, columns: str, where: str) -> str:
        """Each firm's latest assessment among ``assessments a WHERE where``, with ``columns``.

        SQLite returns the other columns of the row holding max() (documented bare-column
        behaviour); PostgreSQL has DISTINCT ON.
        """
        if not self.postgres:
            return (f"SELECT a.firm_id, {columns}, max(a.completed_at) AS completed_at "
                    f"FROM assessments a WHERE {where} GROUP BY a.firm_id")
        return (f"SELECT DISTINCT ON (a.firm_id) a.firm_id, {columns}, a.completed_at "
                f"FROM assessments a WHERE {where} ORDER BY a.firm_id, a.completed_at DESC, a.id DESC")


SQLITE = Dialect("sqlite")
POSTGRES = Dialect("postgresql")


def of(source) -> Dialect:
    """The dialect of a query source (SQLite unless it says otherwise)."""
    return getattr(source, "dialect", SQLITE)
