"""The cached hit sets behind search-as-you-type: every path gives the plain-scan answer, never a stale one."""

from __future__ import annotations

import pytest

from db import firms
from db.queries import search, search_hits
from db.queries.search import FirmQuery
from tests.db.test_search import demo, plain_match, plain_order  # noqa: F401 - demo is a fixture

FILTERS = [{"country": "SV"}, {"country": "SV", "size_class": "micro"}, {"size_class": "pequena", "sector": "10"},
           {"adviser_id": "adv-a", "country": "CR"}]


@pytest.fixture(params=["walk", "join"])
def page_path(request, monkeypatch):
    """Force the page strategy: walk the sort index, or join the hits and sort."""
    monkeypatch.setattr(search, "_ROW_COST", 10**9 if request.param == "walk" else 0)
    return request.param


@pytest.fixture(params=["filtered set", "probe from firms"])
def filter_path(request, monkeypatch):
    """Force how text and filters combine: a second hit set, or filters applied on the firms."""
    monkeypatch.setattr(search, "_FILTER_DRIVE_SHARE", 1.0 if request.param == "filtered set" else 0.0)
    return request.param


def _expected(rows, text, filters, include_deleted=False):
    listed = [r for r in rows if (include_deleted or r["deleted_at"] is None) and plain_match(r, text)]
    for column, value in filters.items():
        if column == "sector":
            listed = [r for r in listed if (r["sector_isic"] or "").startswith(value)]
        else:
            listed = [r for r in listed if r[column] == value]
    return listed


@pytest.mark.parametrize("text", ["p", "caf", "san jo", "ánf"])
@pytest.mark.parametrize("key", ["legal_name", "employees", "country"])
def test_pages_from_either_end_match_the_plain_scan(demo, page_path, text, key):
    storage, rows = demo
    hits = _expected(rows, text, {})
    for descending in (False, True):
        query = FirmQuery(text=text, sort_key=key, descending=descending)
        order = plain_order(hits, key, descending)
        assert search.count(storage, query) == len(order)
        assert search.ids(storage, query) == order
        # Pages past the middle are read backwards from the other end.
        for offset in (0, 7, len(order) // 2, len(order) - 5, len(order) - 1, len(order), len(order) + 3):
            assert search.ids(storage, query, offset=offset, limit=10) == order[offset:offset + 10], offset


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("text", ["pe", "caf lun", "1"])
def test_text_and_filters_match_the_plain_scan(demo, page_path, filter_path, filters, text):
    storage, rows = demo
    expected = plain_order(_expected(rows, text, filters), "sales_usd", True)
    query = FirmQuery(text=text, sort_key="sales_usd", descending=True, **filters)
    assert search.count(storage, query) == len(expected)
    assert search.ids(storage, query) == expected
    assert search.ids(storage, query, offset=3, limit=4) == expected[3:7]


@pytest.mark.parametrize("filters", [{}, {"country": "SV"}])
def test_deleted_firms_only_when_asked(demo, page_path, filter_path, filters):
    storage, rows = demo
    expected = plain_order(_expected(rows, "a", filters, include_deleted=True), "legal_name", False)
    assert any(r["deleted_at"] for r in _expected(rows, "a", filters, include_deleted=True))
    query = FirmQuery(text="a", include_deleted=True, **filters)
    assert search.ids(storage, query) == expected
    assert search.count(storage, query) == len(expected)
    live = FirmQuery(text="a", **filters)
    assert search.count(storage, live) == len(_expected(rows, "a", filters))


def test_cached_hits_follow_every_write(storage):
    query = FirmQuery(text="panad")
    assert search.count(storage, query) == 0
    first = firms.insert_firm(storage, {"legal_name": "Panadería Sol", "country": "SV"}, None)
    assert search.count(storage, query) == 1
    firms.insert_firms(storage, [{"legal_name": "Panadería Luna", "country": "CR"}], None)
    assert search.count(storage, query) == 2
    assert search.count(storage, FirmQuery(text="panad", country="CR")) == 1
    firms.update_firm(storage, first["id"], {"country": "CR"}, None)
    assert search.count(storage, FirmQuery(text="panad", country="CR")) == 2
    firms.delete_firm(storage, first["id"], None)
    assert search.ids(storage, query) == search.ids(storage, FirmQuery(text="luna"))
    assert search.count(storage, query) == 1


def test_writes_by_another_connection_are_seen(tmp_path):
    from db.connection import open_storage

    with open_storage(tmp_path / "a.db") as one, open_storage(tmp_path / "a.db") as two:
        firms.insert_firm(one, {"legal_name": "Cerámica Norte", "country": "SV"}, None)
        assert search.count(one, FirmQuery(text="cer")) == 1
        firms.insert_firm(two, {"legal_name": "Cerámica Sur", "country": "SV"}, None)
        assert search.count(one, FirmQuery(text="cer")) == 2


def test_search_inside_a_rolled_back_write_leaves_nothing_stale(storage):
    firms.insert_firm(storage, {"legal_name": "Óptica Central", "country": "SV"}, None)
    with pytest.raises(RuntimeError):
        with storage.write():
            firms.insert_firm(storage, {"legal_name": "Óptica Norte", "country": "SV"}, None)
            assert search.count(storage, FirmQuery(text="opt")) == 2
            raise RuntimeError("cancelled")
    assert search.count(storage, FirmQuery(text="opt")) == 1
    assert not storage.conn.in_transaction


def test_search_leaves_no_transaction_open(storage):
    firms.insert_firm(storage, {"legal_name": "Textiles Maya", "country": "GT"}, None)
    assert search.ids(storage, FirmQuery(text="tex", country="GT")) and not storage.conn.in_transaction
    search_hits.forget()
    assert search.count(storage, FirmQuery(text="tex")) == 1 and not storage.conn.in_transaction
