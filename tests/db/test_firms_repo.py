"""Firms repository: record model, change log, tombstones, history."""

from __future__ import annotations

import json

import pytest

from db import changelog, firms
from db.errors import RecordNotFoundError, StaleRecordError


def _log(storage):
    cur = storage.conn.execute(
        "SELECT table_name, record_id, rev, origin, origin_seq, op, before, after, changed_by FROM change_log ORDER BY seq"
    )
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur]


def test_insert_stamps_record_model_and_logs(storage):
    firm = firms.insert_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, "adv-1")
    assert len(firm["id"]) == 36 and firm["id"][14] == "7"  # UUIDv7 text
    assert firm["rev"] == 1
    assert firm["origin"] == storage.device_id
    assert firm["created_by"] == firm["updated_by"] == "adv-1"
    assert firm["created_at"].endswith("Z") and firm["created_at"] == firm["updated_at"]
    assert firm["deleted_at"] is None
    assert firm["currency"] == "USD" and firm["usd_rate"] == "1"
    [entry] = _log(storage)
    assert entry["op"] == "insert" and entry["rev"] == 1 and entry["origin_seq"] == 1
    assert entry["before"] is None
    assert json.loads(entry["after"]) == firm


def test_update_bumps_rev_and_logs_before_and_after(storage):
    firm = firms.insert_firm(storage, {"legal_name": "Café Luna", "country": "SV"}, "adv-1")
    after = firms.update_firm(storage, firm["id"], {"trade_name": "Luna", "employees": 4}, "adv-2")
    assert after["rev"] == 2 and after["updated_by"] == "adv-2" and after["created_by"] == "adv-1"
    assert after["trade_name"] == "Luna" and after["employees"] == 4
    entry = _log(storage)[-1]
    assert (entry["op"], entry["rev"], entry["origin_seq"]) == ("update", 2, 2)
    assert json.loads(entry["before"]) == firm
    assert json.loads(entry["after"]) == after


def test_update_without_real_change_writes_nothing(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV", "employees": 3}, None)
    same = firms.update_firm(storage, firm["id"], {"employees": 3}, None)
    assert same["rev"] == 1
    assert len(_log(storage)) == 1


def test_expected_rev_guards_against_lost_updates(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    firms.update_firm(storage, firm["id"], {"trade_name": "B"}, None, expected_rev=1)
    with pytest.raises(StaleRecordError):
        firms.update_firm(storage, firm["id"], {"trade_name": "C"}, None, expected_rev=1)
    assert firms.get_firm(storage, firm["id"])["trade_name"] == "B"


def test_metadata_and_unknown_fields_are_refused(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    with pytest.raises(ValueError):
        firms.update_firm(storage, firm["id"], {"rev": 9}, None)
    with pytest.raises(ValueError):
        firms.insert_firm(storage, {"legal_name": "A", "country": "SV", "colour": "red"}, None)
    assert firms.count_firms(storage) == 1


def test_tombstone_keeps_the_row_and_undelete_restores_it(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    gone = firms.delete_firm(storage, firm["id"], "adv")
    assert gone["deleted_at"] is not None and gone["rev"] == 2
    assert firms.get_firm(storage, firm["id"], include_deleted=False) is None
    assert firms.get_firm(storage, firm["id"])["legal_name"] == "A"
    assert firms.count_firms(storage) == 0 and firms.count_firms(storage, include_deleted=True) == 1
    with pytest.raises(RecordNotFoundError):
        firms.update_firm(storage, firm["id"], {"trade_name": "x"}, None)
    back = firms.undelete_firm(storage, firm["id"], "adv")
    assert back["deleted_at"] is None and back["rev"] == 3
    assert [e["op"] for e in _log(storage)] == ["insert", "delete", "undelete"]


def test_purge_removes_the_row_and_logs_it(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    firms.purge_firm(storage, firm["id"], None)
    assert firms.get_firm(storage, firm["id"]) is None
    assert _log(storage)[-1]["op"] == "purge"
    assert storage.conn.execute("SELECT count(*) FROM firms_fts").fetchone()[0] == 0


def test_history_lists_field_changes_with_who_and_when(storage):
    firm = firms.insert_firm(storage, {"legal_name": "A", "country": "SV", "sales_usd": 100}, "ana")
    firms.update_firm(storage, firm["id"], {"sales_usd": 250, "sales_amount": "250"}, "beto")
    history = changelog.history(storage, "firms", firm["id"])
    assert [h.op for h in history] == ["insert", "update"]
    update = history[1]
    assert update.changed_by == "beto" and update.rev == 2 and update.changed_at.endswith("Z")
    assert {(c.field, c.old, c.new) for c in update.changes} == {
        ("sales_usd", 100, 250), ("sales_amount", None, "250")
    }


def test_bulk_insert_is_one_transaction_with_log_rows(storage):
    ids = firms.insert_firms(storage, [{"legal_name": f"F{i}", "country": "CR"} for i in range(50)], "adv")
    assert len(set(ids)) == 50
    log = _log(storage)
    assert [e["origin_seq"] for e in log] == list(range(1, 51))
    assert [e["record_id"] for e in log] == ids
    assert json.loads(log[7]["after"]) == firms.get_firm(storage, ids[7])


def test_bulk_insert_logs_each_row_exactly_as_stored(storage):
    # The log's JSON is made by SQLite from the stored rows: it must read back as the record does,
    # booleans, numbers, blanks and awkward text included, and continue the origin sequence.
    firms.insert_firm(storage, {"legal_name": "Antes", "country": "SV"}, None)
    odd = 'Café "El <Ñandú>" & Cía\n\tläuft 🌶️ \\ fin'
    rows = [
        {"legal_name": odd, "country": "GT", "formal_registration": True, "employees": 0, "sales_usd": 10 ** 12,
         "usd_rate": "7.825", "currency": "GTQ", "notes": "línea 1\nlínea 2"},
        {"legal_name": "Sin registro", "country": "SV", "formal_registration": False},
        {"legal_name": "Nada", "country": "HN", "formal_registration": None},
    ]
    ids = firms.insert_firms(storage, rows, "adv")
    log = {e.record_id: e for e in changelog.entries(storage, table="firms")}
    assert [log[i].origin_seq for i in ids] == [2, 3, 4]
    for firm_id in ids:
        entry = log[firm_id]
        assert entry.op == "insert" and entry.before is None and entry.changed_by == "adv" and entry.rev == 1
        assert entry.after == firms.get_firm(storage, firm_id)
    assert log[ids[0]].after["formal_registration"] is True and log[ids[1]].after["formal_registration"] is False
    assert log[ids[0]].after["legal_name"] == odd and log[ids[0]].after["usd_rate"] == "7.825"


def test_bulk_insert_is_all_or_nothing(storage):
    rows = [{"legal_name": "ok", "country": "CR"}, {"legal_name": None, "country": "CR"}]
    with pytest.raises(Exception):
        firms.insert_firms(storage, rows, None)
    assert firms.count_firms(storage, include_deleted=True) == 0
    assert _log(storage) == []


def test_origin_sequence_continues_after_reopen(db_path, fresh_db):
    firms.insert_firm(fresh_db, {"legal_name": "A", "country": "SV"}, None)
    fresh_db.close()
    from db.connection import open_storage

    with open_storage(db_path) as again:
        assert again.device_id == fresh_db.device_id
        firms.insert_firm(again, {"legal_name": "B", "country": "SV"}, None)
        assert [e["origin_seq"] for e in _log(again)] == [1, 2]


def test_get_by_tax_id(storage):
    a = firms.insert_firm(storage, {"legal_name": "A", "country": "SV", "tax_id": "06142901861023"}, None)
    assert firms.get_firm_by_tax_id(storage, "06142901861023")["id"] == a["id"]
    assert firms.get_firm_by_tax_id(storage, "06142901861023", country="GT") is None
    assert firms.tax_id_index(storage) == {("SV", "06142901861023"): a["id"]}


def _index_sql(storage):
    return sorted(r[0] for r in storage.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'firms' AND sql IS NOT NULL"))


def test_large_bulk_insert_rebuilds_the_indexes_it_drops(storage, monkeypatch):
    from db.queries import search

    monkeypatch.setattr(firms, "BULK_REINDEX_MIN_ROWS", 10)
    before = _index_sql(storage)
    ids = firms.insert_firms(storage, [{"legal_name": f"Café {i:03d}", "country": "SV"} for i in range(40)], None)
    assert _index_sql(storage) == before
    assert search.ids(storage, search.FirmQuery(text="cafe 01")) == ids[10:20]
    assert search.ids(storage, search.FirmQuery(sort_key="legal_name", descending=True))[0] == ids[-1]
    # A failing bulk insert rolls the dropped indexes back too.
    with pytest.raises(Exception):
        firms.insert_firms(storage, [{"legal_name": "ok", "country": "SV"}] * 20 + [{"country": "SV"}], None)
    assert _index_sql(storage) == before
    assert firms.count_firms(storage) == 40


def test_bulk_insert_of_json_values_logs_them_as_python_wrote_them(storage):
    # JSON columns are logged from Python: SQLite's JSON functions refuse the NaN Python writes.
    from db import records

    ids = records.insert_many(storage, "settings", [
        {"key": "tasas", "value": {"GTQ": 7.8, "rara": float("nan"), "lista": [1, "ñ"]}},
        {"key": "vacio", "value": None},
    ], "adv")
    log = {e.record_id: e for e in changelog.entries(storage, table="settings")}
    stored = records.get(storage, "settings", ids[0])
    assert json.dumps(log[ids[0]].after, sort_keys=True) == json.dumps(stored, sort_keys=True)
    assert stored["value"]["lista"] == [1, "ñ"] and log[ids[1]].after["value"] is None
