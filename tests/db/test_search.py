"""Firm search: accent/case folding, prefixes, hostile text, and SQL = plain scan."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import firms
from db.queries import search
from db.queries.search import FirmQuery

WORDS = ["Café", "Panadería", "Ñandú", "Lácteos", "Textiles", "Artesanías", "Cerámica", "Óptica",
         "Luna", "Sol", "Pérez", "González", "Peña", "Muñoz", "Hermanos", "Distribuidora", "Agrícola",
         "El", "La", "Sabor", "Típico", "Cafetal", "Maíz", "Azúcar", "Ánfora"]
PLACES = ["San Miguel", "Santa Ana", "León", "Cartago", "San José", "Colón", "Chiriquí", "Santiago", None]
PEOPLE = ["José Martínez", "María Ángeles Ruiz", "Iñaki Úbeda", "Ana Peña", None]
COUNTRIES = ["CR", "SV", "GT", "HN", "NI", "PA", "DO"]
SIZES = ["micro", "pequena", "mediana", "grande", None]
SECTORS = ["1071", "1079", "1410", "0111", "4711", "C", None]


def demo_rows(n, seed=7):
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append({
            "legal_name": " ".join(rnd.sample(WORDS, rnd.randint(1, 3))) + rnd.choice(["", " S.A.", " S.A. de C.V."]),
            "trade_name": rnd.choice([None, rnd.choice(WORDS)]),
            "tax_id": rnd.choice([None, f"{rnd.randint(10**9, 10**10):d}"]),
            "country": rnd.choice(COUNTRIES),
            "municipality": rnd.choice(PLACES),
            "owner_name": rnd.choice(PEOPLE),
            "contact_name": rnd.choice(PEOPLE),
            "size_class": rnd.choice(SIZES),
            "sector_isic": rnd.choice(SECTORS),
            "employees": rnd.choice([None, rnd.randint(0, 300)]),
            "sales_usd": rnd.choice([None, rnd.randint(0, 5_000_000)]),
            "adviser_id": rnd.choice(["adv-a", "adv-b", None]),
        })
    return rows


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plain_match(row, text):
    """The reference: every typed word is a prefix of some word of the searchable fields."""
    fields = [row["legal_name"], row["trade_name"], row["tax_id"], row["municipality"],
              row["owner_name"], row["contact_name"]]
    words = search.search_tokens(fold(" ".join(f for f in fields if f)))
    tokens = [fold(t) for t in search.search_tokens(text)]
    if all(any(w.startswith(t) for w in words) for t in tokens):
        return True
    # Words with digits are also tried joined, for tax ids typed with dashes.
    joined = "".join(tokens)
    return len(tokens) > 1 and any(c.isdigit() for c in joined) and any(w.startswith(joined) for w in words)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def plain_order(rows, key, descending):
    def sort_value(row):
        value = row[key]
        if isinstance(value, str) and key in ("legal_name", "trade_name", "municipality"):
            value = value.translate(_ASCII_LOWER)  # what COLLATE NOCASE folds
        return (value is not None, value if value is not None else 0, row["id"])
    return [r["id"] for r in sorted(rows, key=sort_value, reverse=descending)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from db.connection import open_storage

    storage = open_storage(tmp_path_factory.mktemp("search") / "demo.db")
    ids = firms.insert_firms(storage, demo_rows(1500), "adv")
    # A few tombstones, which lists leave out unless asked.
    for firm_id in ids[:40]:
        firms.delete_firm(storage, firm_id, "adv")
    rows = search.rows_by_ids(storage, ids)
    yield storage, rows
    storage.close()


def test_accents_and_case_are_ignored(storage):
    firms.insert_firm(storage, {"legal_name": "Café Ñandú", "country": "SV"}, None)
    for text in ("cafe", "CAFÉ", "caf", "ñandu", "NANDU", "nan"):
        assert search.count(storage, FirmQuery(text=text)) == 1, text
    assert search.count(storage, FirmQuery(text="cafes")) == 0


def test_search_covers_tax_id_place_and_people(storage):
    firms.insert_firm(storage, {"legal_name": "Lácteos del Valle", "country": "SV", "tax_id": "06142901861023",
                                "municipality": "San Miguel", "contact_name": "María Peña"}, None)
    for text in ("0614", "0614-2901", "san mig", "maria pena", "lacteos valle"):
        assert search.count(storage, FirmQuery(text=text)) == 1, text


def test_search_follows_edits_and_tombstones(storage):
    firm = firms.insert_firm(storage, {"legal_name": "Sol Naciente", "country": "SV"}, None)
    firms.update_firm(storage, firm["id"], {"legal_name": "Luna Llena"}, None)
    assert search.ids(storage, FirmQuery(text="sol")) == []
    assert search.ids(storage, FirmQuery(text="luna")) == [firm["id"]]
    firms.delete_firm(storage, firm["id"], None)
    assert search.ids(storage, FirmQuery(text="luna")) == []
    assert search.ids(storage, FirmQuery(text="luna", include_deleted=True)) == [firm["id"]]


@pytest.mark.parametrize("text", ['"', 'caf"', "NOT", "OR", "AND caf", "caf*", "*", "-caf", "(caf", "NEAR(a b)",
                                  "😀", "café 😀", "a:b", "^caf", "caf'; DROP TABLE firms; --", "\x00", "  "])
def test_hostile_text_never_breaks_the_query(demo, text):
    storage, rows = demo
    live = [r for r in rows if r["deleted_at"] is None]
    expected = sorted(r["id"] for r in live if plain_match(r, text))
    assert sorted(search.ids(storage, FirmQuery(text=text))) == expected


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=12))
def test_any_text_gives_the_plain_scan_result(demo, text):
    storage, rows = demo
    live = [r for r in rows if r["deleted_at"] is None]
    assert search.count(storage, FirmQuery(text=text)) == sum(1 for r in live if plain_match(r, text))


@pytest.mark.parametrize("text", ["caf", "pe", "san jo", "ánf", "MUÑOZ herm", "le", "1", "maria ruiz", "12-3"])
@pytest.mark.parametrize("key", list(search.SORT_KEYS))
def test_sql_matches_plain_scan(demo, text, key):
    storage, rows = demo
    live = [r for r in rows if r["deleted_at"] is None]
    hits = [r for r in live if plain_match(r, text)]
    assert hits, "the demo data should give each query some hits"
    for descending in (False, True):
        query = FirmQuery(text=text, sort_key=key, descending=descending)
        assert search.ids(storage, query) == plain_order(hits, key, descending)
        assert search.count(storage, query) == len(hits)


def test_filters_match_plain_scan(demo):
    storage, rows = demo
    live = [r for r in rows if r["deleted_at"] is None]
    query = FirmQuery(country="SV", size_class="micro", sector="10", adviser_id="adv-a", sort_key="employees")
    expected = [r for r in live if r["country"] == "SV" and r["size_class"] == "micro"
                and (r["sector_isic"] or "").startswith("10") and r["adviser_id"] == "adv-a"]
    assert expected
    assert search.ids(storage, query) == plain_order(expected, "employees", False)
    assert search.count(storage, FirmQuery(include_deleted=True)) == len(rows)


def test_paging_and_rows_by_ids(demo):
    storage, _ = demo
    query = FirmQuery(sort_key="sales_usd", descending=True)
    every = search.ids(storage, query)
    assert search.ids(storage, query, offset=100, limit=50) == every[100:150]
    page = search.rows_by_ids(storage, every[10:20] + ["missing"])
    assert [r["id"] for r in page] == every[10:20]
    assert page[0]["sales_usd"] >= page[-1]["sales_usd"]


@pytest.mark.parametrize("query", [
    FirmQuery(), FirmQuery(descending=True), FirmQuery(sort_key="country"),
    FirmQuery(sort_key="sales_usd", descending=True), FirmQuery(country="SV", sort_key="employees"),
    FirmQuery(include_deleted=True, sort_key="size_class", descending=True),
    FirmQuery(size_class="micro", sort_key="trade_name", descending=True), FirmQuery(sector="10", adviser_id="adv-a"),
])
def test_every_page_of_a_list_without_text_is_its_slice_of_the_whole_list(demo, query):
    # Pages past the middle are read from the other end and turned round: same rows, same order.
    storage, _ = demo
    every = search.ids(storage, query)
    assert search.count(storage, query) == len(every)
    for offset in (0, 1, 29, len(every) // 2 - 15, len(every) // 2 + 1, len(every) - 31, len(every) - 30,
                   len(every) - 7, len(every) - 1, len(every), len(every) + 10):
        assert search.ids(storage, query, offset=max(offset, 0), limit=30) == every[max(offset, 0):][:30], offset


def _first_page_and_its_sql(storage, query):
    statements = []
    storage.conn.set_trace_callback(statements.append)
    try:
        page = search.ids(storage, query, offset=0, limit=30)
    finally:
        storage.conn.set_trace_callback(None)
    return page, statements


def test_a_broad_filter_pages_by_walking_the_sort_index(demo):
    # Page one of a filter that keeps many firms walks the live sort index instead of sorting them all.
    storage, _ = demo
    query = FirmQuery(country="SV", sort_key="municipality")
    page, plans = _first_page_and_its_sql(storage, query)
    assert page == search.ids(storage, query)[:30]
    assert any("INDEXED BY firms_live_municipality" in sql for sql in plans)
    # Except where the filter follows the order: big firms sit at the end of an order by employees.
    query = FirmQuery(size_class="grande", sort_key="employees")
    page, plans = _first_page_and_its_sql(storage, query)
    assert page == search.ids(storage, query)[:30]
    assert not any("INDEXED BY" in sql for sql in plans)


def test_counts_are_remembered_only_while_the_data_stays_the_same(db_path, fresh_db):
    from db.connection import open_storage

    storage = fresh_db
    ids = firms.insert_firms(storage, [{"legal_name": f"Firma {i}", "country": "SV"} for i in range(12)], None)
    query = FirmQuery(country="SV")
    assert search.count(storage, query) == search.count(storage, replace(query, descending=True)) == 12
    firms.delete_firm(storage, ids[0], None)  # a write on this connection
    assert search.count(storage, query) == 11
    with open_storage(db_path) as other:  # a write on another connection
        firms.insert_firm(other, {"legal_name": "Otra", "country": "SV"}, None)
    assert search.count(storage, query) == 12
    # Counted inside a transaction that is rolled back: the count after it is the committed one.
    storage.conn.execute("BEGIN")
    storage.conn.execute("DELETE FROM firms WHERE id = ?", (ids[1],))
    assert search.count(storage, query) == 11
    storage.conn.execute("ROLLBACK")
    assert search.count(storage, query) == 12
    assert search.count(storage, FirmQuery(country="GT")) == 0


def test_unknown_sort_key_is_a_bug(storage):
    with pytest.raises(ValueError):
        search.ids(storage, FirmQuery(sort_key="id; DROP TABLE firms"))


def test_sorting_uses_indexes(demo):
    storage, _ = demo
    for key, expression in search.SORT_KEYS.items():
        plan = " ".join(r[3] for r in storage.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT f.id FROM firms f WHERE f.deleted_at IS NULL ORDER BY {expression}, f.id"))
        assert "USE TEMP B-TREE" not in plan, (key, plan)
