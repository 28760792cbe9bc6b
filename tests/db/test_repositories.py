"""Advisers, devices, contacts, notes, settings, assessments and answers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db import advisers, assessments, changelog, contacts, devices, firms, records, settings
from db.errors import RecordNotFoundError
from desktop.domain.errors import UserError


@pytest.fixture
def firm(storage):
    return firms.insert_firm(storage, {"legal_name": "Lácteos Peña", "country": "SV"}, None)


def test_every_record_table_carries_the_record_model(storage):
    meta = {"id", "created_at", "updated_at", "created_by", "updated_by", "rev", "origin", "deleted_at"}
    for table in ("firms", "advisers", "contacts", "assessments", "answers", "notes", "settings"):
        assert meta <= set(records.columns(storage, table)), table


def test_advisers_listed_by_name_without_inactive_or_deleted(storage):
    b = advisers.create_adviser(storage, {"name": "Beatriz", "centre": "CDMYPE San Miguel"}, None)
    a = advisers.create_adviser(storage, {"name": "ana", "email": "ana@example.org"}, None)
    c = advisers.create_adviser(storage, {"name": "Carlos", "active": False}, None)
    d = advisers.create_adviser(storage, {"name": "Dora"}, None)
    advisers.delete_adviser(storage, d["id"], a["id"])
    assert [x["name"] for x in advisers.list_advisers(storage)] == ["ana", "Beatriz"]
    assert [x["id"] for x in advisers.list_advisers(storage, include_inactive=True)] == [a["id"], b["id"], c["id"]]
    assert advisers.get_adviser(storage, c["id"])["active"] is False
    assert advisers.update_adviser(storage, b["id"], {"phone": "+50322223333"}, a["id"])["rev"] == 2


def test_device_identity_name_and_current_adviser(storage):
    device = devices.local_device(storage)
    assert device["id"] == storage.device_id and device["name"] == "Equipo de pruebas"
    devices.rename_device(storage, "Laptop Ana – San Miguel")
    assert devices.local_device(storage)["name"] == storage.device_name == "Laptop Ana – San Miguel"
    assert devices.current_adviser_id(storage) is None
    devices.set_current_adviser(storage, "adv-1")
    assert devices.current_adviser_id(storage) == "adv-1"
    assert len(devices.list_devices(storage)) == 1


def test_contacts_and_notes_of_a_firm(storage, firm):
    contacts.add_contact(storage, firm["id"], {"name": "Zoila", "role": "gerente", "gender": "F"}, None)
    gone = contacts.add_contact(storage, firm["id"], {"name": "Mario"}, None)
    contacts.delete_contact(storage, gone["id"], None)
    assert [c["name"] for c in contacts.contacts_of(storage, firm["id"])] == ["Zoila"]
    note = contacts.add_note(storage, firm["id"], "Visitada en feria", None)
    contacts.update_note(storage, note["id"], "Visitada en la feria de junio", None)
    assert [n["body"] for n in contacts.notes_of(storage, firm["id"])] == ["Visitada en la feria de junio"]


def test_contact_of_missing_firm_is_refused_by_foreign_key(storage):
    with pytest.raises(Exception) as info:
        contacts.add_contact(storage, "no-such-firm", {"name": "X"}, None)
    assert "FOREIGN KEY" in str(info.value)
    assert storage.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0


def test_settings_store_json_values_with_history(storage):
    assert settings.get_setting(storage, "default_country", "SV") == "SV"
    settings.set_setting(storage, "default_country", "HN", "adv")
    settings.set_setting(storage, "exchange_rates", {"GTQ": "7.8", "HNL": "24.7"}, "adv")
    settings.set_setting(storage, "default_country", "NI", "adv")
    assert settings.get_setting(storage, "default_country") == "NI"
    assert settings.all_settings(storage) == {"default_country": "NI", "exchange_rates": {"GTQ": "7.8", "HNL": "24.7"}}
    settings.clear_setting(storage, "default_country", "adv")
    assert settings.get_setting(storage, "default_country", "SV") == "SV"
    settings.set_setting(storage, "default_country", "PA", "adv")
    assert settings.get_setting(storage, "default_country") == "PA"
    row = records.select(storage, "settings", "key = ?", ("default_country",))[0]
    ops = [h.op for h in changelog.history(storage, "settings", row["id"])]
    assert ops == ["insert", "update", "delete", "undelete", "update"]


def test_assessment_draft_answers_and_completion(storage, firm):
    draft = assessments.start_assessment(storage, firm["id"], "readiness", "1.0", "adv", "adv")
    assert draft["status"] == "draft" and draft["started_at"]
    assessments.save_answer(storage, draft["id"], "q1", "adv", value=3, evidence="documento")
    assessments.save_answer(storage, draft["id"], "q2", "adv", value=True)
    assessments.save_answer(storage, draft["id"], "q1", "adv", special="no_sabe", note="lo consulta")
    assessments.save_answer(storage, draft["id"], "q3", "adv", value=["a", "b"])
    assessments.clear_answer(storage, draft["id"], "q3", "adv")
    answers = assessments.answers_of(storage, draft["id"])
    assert [(a["question_id"], a["value"], a["special"]) for a in answers] == [("q1", None, "no_sabe"), ("q2", True, None)]
    assert answers[0]["rev"] == 2 and answers[0]["note"] == "lo consulta"
    result = {"index": Decimal("61.5"), "questionnaire": {"id": "readiness", "version": "1.0"}}
    done = assessments.complete_assessment(storage, draft["id"], result, "adv", readiness_index=Decimal("61.5"),
                                           band="en_preparacion", stage="exportador_indirecto", profile="dinamica")
    assert done["status"] == "completed" and done["completed_at"] and done["readiness_index"] == 61.5
    assert done["result"] == {"index": "61.5", "questionnaire": {"id": "readiness", "version": "1.0"}}
    cached = firms.get_firm(storage, firm["id"])
    assert (cached["stage"], cached["band"]) == ("exportador_indirecto", "en_preparacion")
    assert assessments.latest_completed(storage, firm["id"])["id"] == draft["id"]
    with pytest.raises(UserError):
        assessments.save_answer(storage, draft["id"], "q2", "adv", value=False)


def test_assessment_needs_a_live_firm(storage, firm):
    firms.delete_firm(storage, firm["id"], None)
    with pytest.raises(RecordNotFoundError):
        assessments.start_assessment(storage, firm["id"], "readiness", "1.0", None, None)


def test_unknown_special_answer_is_a_bug(storage, firm):
    draft = assessments.start_assessment(storage, firm["id"], "readiness", "1.0", None, None)
    with pytest.raises(ValueError):
        assessments.save_answer(storage, draft["id"], "q1", None, special="cero")
