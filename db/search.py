"""Searching, filtering and sorting the firm list in SQL, for a lazy list model.

The GUI's firm table holds only ids and asks for the rows it shows, so over
100,000 firms it needs three cheap calls, all driven by one :class:`FirmQuery`:
:func:`count` (how many rows), :func:`ids` (the ordered ids, optionally one
page) and :func:`rows_by_ids` (the visible rows).

Free text goes through the FTS5 index ``firms_fts`` (legal and trade name, tax
id, municipality, owner and contact names), tokenised with
``unicode61 remove_diacritics 2`` so "cafe" finds "Café" and case does not
matter; every word typed is a prefix ("caf lun" finds "Café Luna").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from db.errors import guarded
from db.records import decode

# Sort key -> SQL expression; each has an index (db.schema.SORT_INDEXES).
SORT_KEYS = {
    "legal_name": "f.legal_name COLLATE NOCASE",
    "trade_name": "f.trade_name COLLATE NOCASE",
    "country": "f.country",
    "municipality": "f.municipality COLLATE NOCASE",
    "size_class": "f.size_class",
    "sector_isic": "f.sector_isic",
    "employees": "f.employees",
    "sales_usd": "f.sales_usd",
    "updated_at": "f.updated_at",
}

# SQLite's default limit on bound parameters is 999 on old builds; stay under it.
_CHUNK = 500
_TOP = "\U0010ffff"


@dataclass(frozen=True)
class FirmQuery:
    """What the firm list shows: free text, filters and order.

    Attributes:
        text: words as the user types them; each is matched as a prefix,
            ignoring accents and case. Punctuation and emoji are ignored.
        country: ISO alpha-2 code, exact.
        size_class: micro / pequena / mediana / grande / sin_clasificar.
        sector: an ISIC code or its start ("10" matches "1071").
        stage, band: cached from the latest completed assessment.
        adviser_id: the adviser who follows the firm.
        include_deleted: also list tombstoned firms.
        sort_key: one of :data:`SORT_KEYS`; ties are broken by id.
        descending: reverse order.
    """

    text: str = ""
    country: str | None = None
    size_class: str | None = None
    sector: str | None = None
    stage: str | None = None
    band: str | None = None
    adviser_id: str | None = None
    include_deleted: bool = False
    sort_key: str = "legal_name"
    descending: bool = False


def search_tokens(text: str) -> list[str]:
    """The words of ``text`` as the FTS tokenizer sees them (letters and digits)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text or ""))


def match_expression(text: str) -> str | None:
    """A safe FTS5 MATCH expression for user text, or None when it has no words.

    Each word becomes a quoted prefix term, so quotes, operators (AND, OR,
    NOT, NEAR), ``*``, ``-``, parentheses and emoji can never form FTS syntax.
    Tax ids are stored compacted, so words containing digits are also tried
    joined ("0614-2901" finds "06142901861023").
    """
    tokens = search_tokens(text)
    if not tokens:
        return None
    expression = " ".join(f'"{t}"*' for t in tokens)
    if len(tokens) > 1 and any(c.isdigit() for c in "".join(tokens)):
        expression = f'({expression}) OR "{"".join(tokens)}"*'
    return expression


def _where(query: FirmQuery) -> tuple[str, list]:
    clauses, params = [], []
    if not query.include_deleted:
        clauses.append("f.deleted_at IS NULL")
    match = match_expression(query.text)
    if match is not None:
        clauses.append(
            "f.id IN (SELECT k.firm_id FROM firms_fts_key k WHERE k.n IN "
            "(SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?))"
        )
        params.append(match)
    for column, value in (("country", query.country), ("size_class", query.size_class),
                          ("stage", query.stage), ("band", query.band), ("adviser_id", query.adviser_id)):
        if value:
            clauses.append(f"f.{column} = ?")
            params.append(value)
    if query.sector:
        # "Starts with" as a range, so the sector index answers it: every text
        # that starts with the prefix sorts between it and the prefix followed
        # by the highest code point.
        clauses.append("f.sector_isic >= ? AND f.sector_isic < ?")
        params += [query.sector, query.sector + _TOP]
    return (" AND ".join(clauses) or "1"), params


def _only_live(query: FirmQuery) -> bool:
    """True when the query lists every live firm, with no text and no filter."""
    return not query.include_deleted and not any(
        (match_expression(query.text), query.country, query.size_class, query.stage, query.band,
         query.adviser_id, query.sector))


def _walk_sort_index(query: FirmQuery) -> bool:
    """True when the page should be read by walking the live sort index.

    With a text search SQLite otherwise sorts every match before taking the
    first rows (80 ms for one letter over 100,000 firms); walking the index
    in order and probing the match set stops as soon as the page is full.
    Column filters are left to the planner, which has indexes for them.
    """
    return bool(match_expression(query.text)) and not query.include_deleted and not any(
        (query.country, query.size_class, query.stage, query.band, query.adviser_id, query.sector))


@guarded
def count(storage, query: FirmQuery) -> int:
    """How many firms the query lists."""
    where, params = _where(query)
    # Counting all live firms: the planner would read every row to check
    # deleted_at; the partial index of live ids holds the answer (30 ms -> 3 ms).
    hint = " INDEXED BY firms_live_id" if _only_live(query) else ""
    return storage.conn.execute(f"SELECT count(*) FROM firms f{hint} WHERE {where}", params).fetchone()[0]


@guarded
def ids(storage, query: FirmQuery, offset: int = 0, limit: int | None = None) -> list[str]:
    """The ids the query lists, in order (all of them, or one page)."""
    if query.sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {query.sort_key!r}")
    where, params = _where(query)
    direction = "DESC" if query.descending else "ASC"
    hint = f" INDEXED BY firms_live_{query.sort_key}" if _walk_sort_index(query) else ""
    sql = (f"SELECT f.id FROM firms f{hint} WHERE {where} "
           f"ORDER BY {SORT_KEYS[query.sort_key]} {direction}, f.id {direction}")
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    return [r[0] for r in storage.conn.execute(sql, params)]


@guarded
def rows_by_ids(storage, firm_ids: Sequence[str]) -> list[dict]:
    """The firms with these ids, in the same order (ids not found are skipped)."""
    found: dict[str, dict] = {}
    for start in range(0, len(firm_ids), _CHUNK):
        chunk = list(firm_ids[start:start + _CHUNK])
        cur = storage.conn.execute(
            f"SELECT * FROM firms WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        )
        names = [d[0] for d in cur.description]
        for row in cur:
            record = decode("firms", dict(zip(names, row)))
            found[record["id"]] = record
    return [found[i] for i in firm_ids if i in found]
