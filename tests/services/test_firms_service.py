"""Firm use cases: normalising, deriving, refusing bad input, history."""

from __future__ import annotations

import pytest

from db import firms as repo
from db.errors import StaleRecordError
from desktop.domain.errors import UserError
from desktop.services.registry import firms


def test_register_normalises_and_derives(storage):
    firm = firms.register_firm(storage, {
        "legal_name": "  Café   Luna  ", "country": "cr", "tax_id": "3-101-123456",
        "employees_women": 3, "employees_men": "2", "currency": "crc", "usd_rate": "520.5",
        "sales_amount": "52050000", "formal_registration": 1, "owner_gender": "f", "trade_name": "",
    }, "adv-1")
    assert firm["legal_name"] == "Café Luna"
    assert firm["country"] == "CR" and firm["currency"] == "CRC"
    assert firm["tax_id"] == "3101123456"
    assert firm["employees"] == 5
    assert firm["sales_usd"] == 100000 and firm["usd_rate"] == "520.5"
    assert firm["formal_registration"] is True and firm["owner_gender"] == "F"
    assert firm["trade_name"] is None
    assert firm["created_by"] == "adv-1"


def test_usd_rounds_half_up_to_whole_dollars(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "GT", "currency": "GTQ",
                                         "usd_rate": "8", "sales_amount": "100", "assets_amount": "99"}, None)
    assert firm["sales_usd"] == 13  # 12.5 rounds up
    assert firm["assets_usd"] == 12  # 12.375


def test_dollar_figure_alone_fills_the_amount(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "sales_usd": 45000}, None)
    assert firm["sales_amount"] == "45000" and firm["sales_usd"] == 45000


def test_phone_becomes_e164_when_valid(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "phone": "2222 3333"}, None)
    assert firm["phone"] == "+50322223333"


@pytest.mark.parametrize("data, field", [
    ({"country": "SV"}, "legal_name"),
    ({"legal_name": "A"}, "country"),
    ({"legal_name": "A", "country": "SV", "employees": "muchos"}, "employees"),
    ({"legal_name": "A", "country": "SV", "employees": -1}, "employees"),
    ({"legal_name": "A", "country": "SV", "usd_rate": "0"}, "usd_rate"),
    ({"legal_name": "A", "country": "SV", "sales_amount": "doce mil"}, "sales_amount"),
    ({"legal_name": "A", "country": "SV", "sales_usd": "doce mil"}, "sales_amount"),
    ({"legal_name": "A", "country": "SV", "tax_id": "0614-290186-102-4"}, "tax_id"),
    ({"legal_name": "A", "country": "SV", "email": "ana@"}, "email"),
    ({"legal_name": "A", "country": "SV", "owner_gender": "Q"}, "owner_gender"),
    ({"legal_name": "A", "country": "SV", "colour": "red"}, "colour"),
])
def test_bad_input_is_refused_and_nothing_written(storage, data, field):
    with pytest.raises(UserError) as info:
        firms.register_firm(storage, data, None)
    assert info.value.field == field
    assert info.value.message.endswith(".")
    assert repo.count_firms(storage, include_deleted=True) == 0


def test_update_recomputes_derived_fields(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "employees_women": 1,
                                         "employees_men": 1, "sales_usd": 1000}, None)
    changed = firms.update_firm(storage, firm["id"], {"sales_usd": 2000}, "adv")
    assert changed["sales_usd"] == 2000 and changed["sales_amount"] == "2000" and changed["rev"] == 2
    unchanged = firms.update_firm(storage, firm["id"], {"legal_name": " A "}, "adv")
    assert unchanged["rev"] == 2


def test_update_with_stale_rev_is_refused(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV"}, None)
    firms.update_firm(storage, firm["id"], {"trade_name": "B"}, None, expected_rev=1)
    with pytest.raises(StaleRecordError):
        firms.update_firm(storage, firm["id"], {"trade_name": "C"}, None, expected_rev=1)


def test_delete_undelete_and_history(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV"}, "ana")
    firms.update_firm(storage, firm["id"], {"municipality": "San Miguel"}, "beto")
    firms.delete_firm(storage, firm["id"], "beto")
    assert firms.get_firm(storage, firm["id"]) is None
    with pytest.raises(UserError):
        firms.update_firm(storage, firm["id"], {"trade_name": "x"}, None)
    firms.undelete_firm(storage, firm["id"], "ana")
    history = firms.firm_history(storage, firm["id"])
    assert [(h.op, h.changed_by) for h in history] == [
        ("insert", "ana"), ("update", "beto"), ("delete", "beto"), ("undelete", "ana")
    ]
    assert [(c.field, c.old, c.new) for c in history[1].changes] == [("municipality", None, "San Miguel")]


def test_find_firm_by_id_or_tax_id(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "tax_id": "0614-290186-102-2"}, None)
    assert firm["tax_id"] == "06142901861022" and firm["tax_id_type"] == "NIT"
    assert firms.find_firm(storage, firm["id"])["id"] == firm["id"]
    assert firms.find_firm(storage, " 06142901861022 ")["id"] == firm["id"]
    assert firms.find_firm(storage, "0614-290186-102-2")["id"] == firm["id"]
    with pytest.raises(UserError):
        firms.find_firm(storage, "nada")


def test_register_firms_is_all_or_nothing(storage):
    rows = [{"legal_name": "A", "country": "SV"}, {"legal_name": "", "country": "SV"}]
    with pytest.raises(UserError) as info:
        firms.register_firms(storage, rows, None)
    assert info.value.message.startswith("Fila 2:")
    assert repo.count_firms(storage, include_deleted=True) == 0
    ids = firms.register_firms(storage, rows[:1] * 3, "adv")
    assert len(ids) == 3 and repo.count_firms(storage) == 3


def test_size_class_comes_from_the_classification_engine(storage):
    micro = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "employees": 4,
                                          "sales_usd": 50000}, None)
    assert micro["size_class"] == "micro"
    grown = firms.update_firm(storage, micro["id"], {"employees": 40}, None)
    assert grown["size_class"] not in ("micro", None)
    elsewhere = firms.register_firm(storage, {"legal_name": "B", "country": "US", "employees": 4}, None)
    assert elsewhere["size_class"] == "sin_clasificar"


def test_cached_stage_and_band_survive_edits(storage):
    firm = firms.register_firm(storage, {"legal_name": "A", "country": "SV", "stage": "local", "band": "inicial"}, None)
    edited = firms.update_firm(storage, firm["id"], {"trade_name": "B"}, None)
    assert (edited["stage"], edited["band"]) == ("local", "inicial")
