"""Impact verified by a second person (issue 37): a milestone goes declared → documented («Documento visto»,
who and when) → verified by a coordinator who is not its author; changing what it counts asks for a new
verification; the verification travels in the record; milestones of an earlier Rumbo get their stage."""

from __future__ import annotations

import datetime as dt

import pytest

from db import changelog
from desktop.domain.errors import UserError
from desktop.services import advisory, security, sync
from desktop.services.registry.firms import register_firm
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, exchange

TODAY = dt.date.today()
T = TODAY.isoformat()


@pytest.fixture
def signed(tmp_path):
    """A database with sign-in (roles in force): its administrator, a coordinator and two advisers."""
    db = tmp_path / "rumbo.db"
    made = security.set_up(db, "Ana Admin", "ana", "secreta123", centre="CDMYPE Oriente")
    storage = open_database(db)
    admin = made.signed_in.adviser_id
    people = {"admin": admin}
    for key, name, role in (("coord", "Carla Coordinadora", "coordinator"), ("beto", "Beto Ruiz", "adviser"),
                            ("dora", "Dora Paz", "adviser")):
        adviser = security.adviser_repo.create_adviser(storage, {"name": name, "active": True}, admin)
        security.grant_access(storage, admin, adviser["id"], key, f"clave-de-{key}", role)
        people[key] = adviser["id"]
    firm = register_firm(storage, {"legal_name": "Textiles Luna", "country": "SV"}, people["beto"])
    yield storage, people, firm
    storage.close()


def _count(storage, table):
    return storage.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_declared_documented_verified(signed):
    storage, who, firm = signed
    m = advisory.record_milestone(storage, firm["id"], {"kind": "exportacion", "occurred_on": T, "amount": "20.000",
                                                        "markets": "Guatemala", "evidence": "declarado"}, who["beto"])
    assert (m["stage"], m["document_seen"], m["documented_by"]) == ("declarado", None, None)
    with pytest.raises(UserError) as err:
        advisory.verify_milestone(storage, m["id"], who["coord"])
    assert err.value.message == ("Primero alguien debe ver el documento del hito («Documento visto»); después se "
                                 "verifica.")
    with pytest.raises(UserError) as err:
        advisory.document_milestone(storage, m["id"], {"document_kind": "factura"}, who["dora"])
    assert (err.value.field, err.value.message) == (
        "document_seen", "Marque «Documento visto»: solo se documenta un hito cuyo documento usted vio.")
    with pytest.raises(UserError) as err:
        advisory.document_milestone(storage, m["id"], {"document_seen": True}, who["dora"])
    assert (err.value.field, err.value.message) == ("document_kind", "Elija qué documento vio.")
    seen = advisory.document_milestone(storage, m["id"], {"document_seen": True, "document_kind": "factura",
                                                          "document_ref": "Exportación 0007"}, who["dora"])
    assert (seen["stage"], seen["evidence"], seen["document_seen"], seen["document_kind"], seen["document_ref"],
            seen["documented_by"], seen["documented_on"], seen["document_id"]) == (
        "documentado", "documento", True, "factura", "Exportación 0007", who["dora"], T, None)
    with pytest.raises(UserError) as err:
        advisory.document_milestone(storage, m["id"], {"document_seen": True, "document_kind": "otro"}, who["dora"])
    assert err.value.message == "Ese hito ya tiene su documento visto."

    verified = advisory.verify_milestone(storage, m["id"], who["coord"])
    assert (verified["stage"], verified["verified_by"], verified["verified_on"]) == ("verificado", who["coord"], T)
    with pytest.raises(UserError) as err:
        advisory.verify_milestone(storage, m["id"], who["admin"])
    assert err.value.message == "Ese hito ya está verificado."
    ops = [(h.op, [c.field for c in h.changes]) for h in changelog.history(storage, "impact_milestones", m["id"])]
    assert [op for op, _ in ops] == ["insert", "update", "update"]
    assert {"stage", "verified_by", "verified_on"} <= set(ops[2][1])


@pytest.mark.parametrize("verifier, sentence", [
    ("beto", "Quien registró el hito no puede verificarlo: lo verifica otra persona, un coordinador."),
    ("dora", "Solo un coordinador puede verificar un hito de impacto."),
    (None, "Elija primero quién es usted (el asesor actual): la verificación guarda quién verificó."),
])
def test_only_a_coordinator_who_did_not_record_it_verifies(signed, verifier, sentence):
    storage, who, firm = signed
    m = advisory.record_milestone(storage, firm["id"], {"kind": "formalizacion", "occurred_on": T,
                                                        "evidence": "documento", "document_kind": "constancia"},
                                  who["beto"])
    before = _count(storage, "change_log")
    with pytest.raises(UserError) as err:
        advisory.verify_milestone(storage, m["id"], who.get(verifier))
    assert err.value.message == sentence
    assert _count(storage, "change_log") == before and advisory.milestones_of(storage, firm["id"])[0][
        "stage"] == "documentado"
    assert not advisory.may_verify(storage, m, who.get(verifier)) and advisory.may_verify(storage, m, who["coord"])


def test_a_coordinator_who_recorded_it_needs_another(signed):
    storage, who, firm = signed
    m = advisory.record_milestone(storage, firm["id"], {"kind": "certificacion", "occurred_on": T,
                                                        "description": "ISO 9001", "evidence": "documento",
                                                        "document_kind": "certificado"}, who["coord"])
    with pytest.raises(UserError):
        advisory.verify_milestone(storage, m["id"], who["coord"])
    assert advisory.verify_milestone(storage, m["id"], who["admin"])["verified_by"] == who["admin"]


def test_changing_what_it_counts_asks_for_a_new_verification(signed):
    storage, who, firm = signed
    m = advisory.record_milestone(storage, firm["id"], {"kind": "ventas", "occurred_on": T, "amount": "10.000",
                                                        "evidence": "documento", "document_kind": "factura"},
                                  who["beto"])
    advisory.verify_milestone(storage, m["id"], who["coord"])
    kept = advisory.update_milestone(storage, m["id"], {"description": "Venta a Guatemala"}, who["beto"])
    assert (kept["stage"], kept["verified_by"], kept["documented_by"]) == ("verificado", who["coord"], who["beto"])
    changed = advisory.update_milestone(storage, m["id"], {"amount": "15.000"}, who["beto"])
    assert (changed["stage"], changed["verified_by"], changed["documented_by"], changed["amount_usd"]) == (
        "documentado", None, who["beto"], 15000)
    declared = advisory.update_milestone(storage, m["id"], {"evidence": "declarado"}, who["beto"])
    assert (declared["stage"], declared["document_seen"], declared["document_kind"], declared["documented_by"]) == (
        "declarado", None, None, None)


def test_the_verification_travels_in_the_record(tmp_path):
    laptop = open_database(tmp_path / "laptop.db", device_name="Laptop Ana")
    centre = open_database(tmp_path / "centro.db", device_name="Centro")
    try:
        sync.set_device_role(centre, "centre")
        enrol_each_other(laptop, centre)
        f = register_firm(laptop, {"legal_name": "Panadería Sol", "country": "SV"}, None)
        m = advisory.record_milestone(laptop, f["id"], {"kind": "formalizacion", "occurred_on": T,
                                                        "evidence": "documento"}, "ana")
        exchange(laptop, centre, tmp_path)
        advisory.verify_milestone(centre, m["id"], "carla")  # the centre's coordinator (no sign-in here)
        exchange(centre, laptop, tmp_path)
        [there] = advisory.milestones_of(laptop, f["id"])
        assert (there["stage"], there["verified_by"], there["documented_by"]) == ("verificado", "carla", "ana")
    finally:
        laptop.close()
        centre.close()


def test_milestones_of_an_earlier_rumbo_take_their_stage_from_their_evidence(tmp_path):
    """Migration 0011 on a file of schema 8 with issue 15's milestones: what a recorder saw or had signed
    becomes documented by them, the firm's word stays declared; every row still matches its history."""
    from sqlite_utils import Database

    from db import audit, records
    from db.connection import open_storage
    from db.schema import MIGRATIONS
    from db.sync.schema import apply_sync_migrations

    path = tmp_path / "esquema-8.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="0011_advisory_loop")
    apply_sync_migrations(old)
    old.close()
    with open_storage(path, migrate=False) as storage:  # what issue 15's Rumbo wrote
        firm = records.insert(storage, "firms", {"legal_name": "Panadería Sol", "country": "SV"}, "ana")
        base = {"firm_id": firm["id"], "kind": "formalizacion", "occurred_on": T, "period": T[:4]}
        seen = records.insert(storage, "impact_milestones", {**base, "evidence": "firmado", "verified_by": "ana",
                                                             "verified_on": T}, "ana")
        said = records.insert(storage, "impact_milestones", {**base, "evidence": "declarado"}, "ana")
    with open_database(path) as storage:
        assert storage.schema_version() == 9
        by_id = {m["id"]: m for m in advisory.milestones_of(storage, firm["id"])}
        assert (by_id[seen["id"]]["stage"], by_id[seen["id"]]["document_seen"], by_id[seen["id"]]["documented_by"],
                by_id[seen["id"]]["documented_on"]) == ("documentado", True, "ana", T)
        assert (by_id[said["id"]]["stage"], by_id[said["id"]]["documented_by"]) == ("declarado", None)
        assert not [x for x in audit.audit(storage.conn).findings if x.table == "impact_milestones"]
        # Documented, it now waits for a second person (whatever «verified_by» said before).
        assert advisory.verify_milestone(storage, seen["id"], "carla")["stage"] == "verificado"
