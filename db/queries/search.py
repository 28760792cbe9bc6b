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
from dataclasses import dataclass, replace

from db.errors import guarded
from db.queries.search_hits import Hits, data_token, filtered_hits, hits_for
from db.records import decode

# Sort key -> SQL expression; each has an index (db.schema.SORT_INDEXES).
SORT_KEYS = {
    "legal_name": "f.legal_name COLLATE NOCASE",
    "trade_name": "f.trade_name COLLATE NOCASE",
    "country": "f.country",
    "municipality": "f.municipality COLLATE NOCASE",
    "size_class": "f.size_class",
    "size_law_class": "f.size_law_class",  # index from migration 0009
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
        size_class: micro / pequena / mediana / grande / sin_clasificar (the study's table).
        size_law_class: the same codes, under the law in force (the centre's default for lists).
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
    size_law_class: str | None = None
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


_EQUALITY_FILTERS = ("country", "size_class", "size_law_class", "stage", "band", "adviser_id")


def _filters(query: FirmQuery, skip: tuple[str, ...] = ()) -> tuple[list[str], list]:
    """The column filters of ``query`` (everything but the text) as SQL clauses over ``f``."""
    clauses, params = [], []
    if not query.include_deleted:
        clauses.append("f.deleted_at IS NULL")
    for column in _EQUALITY_FILTERS:
        value = getattr(query, column)
        if value and column not in skip:
            clauses.append(f"f.{column} = ?")
            params.append(value)
    if query.sector:
        # "Starts with" as a range, so the sector index answers it: every text
        # that starts with the prefix sorts between it and the prefix followed
        # by the highest code point.
        clauses.append("f.sector_isic >= ? AND f.sector_isic < ?")
        params += [query.sector, query.sector + _TOP]
    return clauses, params


# Filters whose live index is (column, id): a hit is checked by one index
# probe instead of reading its ~1 KB firm row (13,000 hits: 31 -> 14 ms).
_PROBED = ("country", "size_class", "size_law_class")


def _hit_condition(query: FirmQuery) -> tuple[str, list]:
    """The column filters as a condition over a hit's ``k.firm_id`` (cheap probes first)."""
    parts, params = [], []
    probed = () if query.include_deleted else tuple(c for c in _PROBED if getattr(query, c))
    for column in probed:
        parts.append(f"EXISTS (SELECT 1 FROM firms x INDEXED BY firms_live_{column} "
                     f"WHERE x.{column} = ? AND x.id = k.firm_id AND x.deleted_at IS NULL)")
        params.append(getattr(query, column))
    rest, rest_params = _filters(query, skip=probed)
    if rest and rest != ["f.deleted_at IS NULL"] or not probed:
        parts.append(f"EXISTS (SELECT 1 FROM firms f WHERE f.id = k.firm_id AND {' AND '.join(rest) or '1'})")
        params += rest_params
    return " AND ".join(parts), params


def _where(query: FirmQuery) -> tuple[str, list]:
    """The whole query as one WHERE clause over ``firms f`` (text through FTS).

    Self-contained (no TEMP table), for reference queries and tools.
    """
    clauses, params = _filters(query)
    match = match_expression(query.text)
    if match is not None:
        clauses.append(
            "f.id IN (SELECT k.firm_id FROM firms_fts_key k WHERE k.n IN "
            "(SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?))"
        )
        params.append(match)
    return (" AND ".join(clauses) or "1"), params


def _has_filters(query: FirmQuery) -> bool:
    return any((query.country, query.size_class, query.size_law_class, query.stage, query.band, query.adviser_id,
                query.sector))


def _only_live(query: FirmQuery) -> bool:
    """True when the query lists every live firm, with no text and no filter."""
    return not query.include_deleted and not match_expression(query.text) and not _has_filters(query)


def _in_hits(table: str) -> str:
    """A firm's search key is in the hit set (probed from a firm row or index entry)."""
    return f"(SELECT k.n FROM firms_fts_key k WHERE k.firm_id = f.id) IN {table}"


def _from_hits(table: str) -> str:
    """Every hit joined to its firm, driven from the hit set."""
    return f"{table} h CROSS JOIN firms_fts_key k ON k.n = h.n CROSS JOIN firms f ON f.id = k.firm_id"


# Reading a firm row from a hit costs about this many steps along a sort index
# (measured at 100,000 firms); see _walk_sort_index.
_ROW_COST = 2  # 2,937 hits: walk 9.8 ms, join 6.7 ms; 6,776 hits: walk 2.7 ms, join 23 ms
# With filters too, text hits up to this share of all firms are filtered once
# into their own hit set; bigger ones are probed from the filter's index.
_FILTER_DRIVE_SHARE = 0.25


def _total(storage) -> int:
    """Roughly how many firms there are (the highest search key, no scan)."""
    return storage.conn.execute("SELECT coalesce(max(n), 0) FROM firms_fts_key").fetchone()[0]


def _walk_sort_index(rows_needed: int, hits: int, total: int) -> bool:
    """True when a text search's page is best read by walking the live sort index.

    Walking the index in order and probing the hit set stops once the page is
    full, about ``rows_needed * total / hits`` steps; joining every hit to its
    firm and sorting costs about ``_ROW_COST`` steps per hit. Common words
    (one or two letters) walk; rare ones join.
    """
    return hits > 0 and rows_needed * total / hits < _ROW_COST * hits


def _listed(storage, query: FirmQuery, match: str) -> tuple[Hits, bool]:
    """The hit set of a text query, and whether it holds exactly the listed firms.

    Text alone: the text's hits. Text and filters: when the text is selective
    enough, its hits filtered once into a second set; otherwise the text's
    hits, and the filters are still to be applied to the firms.
    """
    conn = storage.conn
    hits = hits_for(conn, match, query.include_deleted)
    if not _has_filters(query):
        return hits, True
    if hits.count <= _FILTER_DRIVE_SHARE * _total(storage):
        condition, params = _hit_condition(query)
        return filtered_hits(conn, hits, condition, params), True
    return hits, False


@guarded
def count(storage, query: FirmQuery) -> int:
    """How many firms the query lists."""
    conn = storage.conn
    match = match_expression(query.text)
    if match is None:
        return _filter_count(storage, query)
    hits, exact = _listed(storage, query, match)
    if exact:
        return hits.count
    clauses, params = _filters(query)
    sql = f"SELECT count(*) FROM firms f WHERE {' AND '.join(clauses)} AND {_in_hits(hits.table)}"
    return conn.execute(sql, params).fetchone()[0]


def _filter_count(storage, query: FirmQuery) -> int:
    """How many firms a query without text lists, remembered until firm data changes.

    Counting reads an index entry per listed firm (1,000,000 firms: ~60 ms),
    and the list asks again on every refresh and far page; the answer only
    changes with the data, which :func:`db.queries.search_hits.data_token` tracks.
    """
    conn = storage.conn
    key = replace(query, sort_key="legal_name", descending=False)  # the order does not change the count
    cache = storage.__dict__.setdefault("_filter_counts", {})
    token = None if conn.in_transaction else data_token(conn)
    known = cache.get(key)
    if token is not None and known is not None and known[0] == token:
        return known[1]
    clauses, params = _filters(query)
    # Counting all live firms: the planner would read every row to check
    # deleted_at; the partial index of live ids holds the answer (30 ms -> 3 ms).
    hint = " INDEXED BY firms_live_id" if _only_live(query) else ""
    where = " AND ".join(clauses) or "1"
    value = conn.execute(f"SELECT count(*) FROM firms f{hint} WHERE {where}", params).fetchone()[0]
    if token is not None:
        if len(cache) > 32:
            cache.clear()
        cache[key] = (token, value)
    return value


# Filters whose firms sit at one end of a sort order: the size class follows employees and sales,
# so walking that order to find, say, "grande" firms passes nearly every other firm first.
_CORRELATED = {"size_class": ("employees", "sales_usd"), "size_law_class": ("employees", "sales_usd")}


def _correlated(query: FirmQuery) -> bool:
    """True when a filter of ``query`` follows its sort column (walking the sort index would not pay)."""
    return any(getattr(query, name) and query.sort_key in keys for name, keys in _CORRELATED.items())


@guarded
def ids(storage, query: FirmQuery, offset: int = 0, limit: int | None = None) -> list[str]:
    """The ids the query lists, in order (all of them, or one page)."""
    if query.sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {query.sort_key!r}")
    conn = storage.conn
    match = match_expression(query.text)
    clauses, params = _filters(query)
    source, hint = "firms f", ""
    descending, reverse = query.descending, False
    if match is None and limit is not None:
        listed = _filter_count(storage, query)
        if offset >= listed:
            return []
        limit = min(limit, listed - offset)
        if offset > listed - offset - limit:
            # A page past the middle: read it from the other end (fewer index steps) and turn it round.
            offset, descending, reverse = listed - offset - limit, not descending, True
        if (_has_filters(query) and not query.include_deleted and not _correlated(query)
                and _walk_sort_index(offset + limit, listed, _total(storage))):
            # A filter that keeps many firms: walking the live sort index and checking each firm
            # fills the page long before sorting every kept firm would (1,000,000 firms,
            # country = SV: 670 -> a few ms). The planner picks the filter's index and sorts.
            hint = f" INDEXED BY firms_live_{query.sort_key}"
    if match is not None:
        hits, exact = _listed(storage, query, match)
        if not exact:
            clauses.append(_in_hits(hits.table))
        elif hits.count == 0 or offset >= hits.count:
            return []
        elif query.include_deleted:
            source, clauses, params = _from_hits(hits.table), [], []
        else:
            if limit is not None and offset + limit > hits.count:
                limit = hits.count - offset
            if limit is not None and offset > hits.count - offset - limit:
                # A page past the middle: walk from the other end, which needs
                # fewer steps, and turn the page round afterwards.
                offset, descending, reverse = hits.count - offset - limit, not descending, True
            needed = hits.count if limit is None else offset + limit
            if _walk_sort_index(needed, hits.count, _total(storage)):
                # The partial sort index lists live firms only: no row is read.
                hint = f" INDEXED BY firms_live_{query.sort_key}"
                clauses, params = ["f.deleted_at IS NULL", _in_hits(hits.table)], []
            else:
                source, clauses, params = _from_hits(hits.table), [], []
    where = " AND ".join(clauses) or "1"
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT f.id FROM {source}{hint} WHERE {where} "
           f"ORDER BY {SORT_KEYS[query.sort_key]} {direction}, f.id {direction}")
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    found = [r[0] for r in conn.execute(sql, params)]
    return found[::-1] if reverse else found


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
