"""The centre's PostgreSQL server (issue 17): prepared by migrations, devices with their own
logins that may add only their own changes (row-level security), and direct sync with the
bundles' merge rules: idempotent, any order converges, duplicates kept for a person."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from psycopg.types.json import Jsonb

from db.centre import server
from db.sync.peers import server_settings
from desktop.domain.errors import UserError
from desktop.services import centre, sync
from desktop.services.advisers import current_adviser_id
from desktop.services.registry import firms
from tests.centre.devices import enrol, secure_database, trust_each_other
from tests.sync.conftest import open_conflicts, snapshot

pytestmark = pytest.mark.postgres


@pytest.fixture
def laptops(tmp_path, pg_url):
    """Two laptops and a coordinator's desktop, each enrolled on a freshly prepared server."""
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    names = ("Laptop Ana", "Laptop Beto", "Coordinación")
    devices = [secure_database(tmp_path / f"{i}.db", n) for i, n in enumerate(names)]
    for d in devices:
        enrol(d, pg_url)
    for d in devices * 2:  # each device's sign-in (its administrator's record) reaches the others first
        centre.sync_now(d)
    yield devices
    for d in devices:
        d.close()


def _firm(storage, name, **extra):
    return firms.register_firm(storage, {"legal_name": name, "country": "SV", "department": "San Miguel",
                                         "municipality": "San Miguel", **extra}, None)


def test_init_prepares_an_empty_database_once(pg_url):
    done, st = centre.init_centre(pg_url, "CDMYPE San Miguel")
    assert done == ["0001_store.sql", "0002_access.sql", "0003_centres.sql", "0004_portfolio.sql",
                    "0005_guards.sql", "0007_advisory.sql"]
    assert (st.version, st.latest, st.centre_name, st.changes) == (7, 7, "CDMYPE San Miguel", 0)
    again, st2 = centre.init_centre(pg_url)
    assert again == [] and st2.centre_name == "CDMYPE San Miguel"


def test_the_device_keeps_its_own_login_not_the_owners(laptops, pg_url):
    a = laptops[0]
    url = server_settings(a)["url"]
    with psycopg.connect(url) as conn:
        assert "postgres:" not in url and server.role_for(conn, a.device_id) in url
    assert centre.configured_server(a).endswith("/" + pg_url.rsplit("/", 1)[1])


def test_changes_travel_both_ways_and_a_second_sync_sends_nothing(laptops, pg_url):
    a, b, coord = laptops
    fa = _firm(a, "Dulces <Ana> & 🍬")
    fb = _firm(b, "Taller Mecánico Beto")
    first = centre.sync_now(a)
    assert first.pushed > 0 and first.pulled == 0
    second = centre.sync_now(b)
    assert second.pushed > 0 and second.pulled == first.pushed
    assert firms.get_firm(b, fa["id"])["legal_name"] == "Dulces <Ana> & 🍬"
    centre.sync_now(a)
    assert firms.get_firm(a, fb["id"])["legal_name"] == "Taller Mecánico Beto"
    again = centre.sync_now(a)
    assert (again.pushed, again.pulled) == (0, 0)
    centre.sync_now(coord)
    assert snapshot(a) == snapshot(b) == snapshot(coord)
    st = centre.centre_status(pg_url)
    sent = {d["name"]: d["changes"] for d in st.devices}
    assert sent["Laptop Ana"] == sent["Laptop Beto"] == sent["Coordinación"] + 1  # sign-in, and one firm each
    assert st.records["firms"] == 2
    when, what = centre.last_sync(a)
    assert when and what == "Enviados 0 cambios y recibidos 0."


def test_the_same_firm_on_two_laptops_waits_for_a_coordinator_and_ends_as_one(laptops):
    a, b, coord = laptops
    fa = _firm(a, "Tortillería La Única", phone="2661 1234")
    fb = _firm(b, "TORTILLERIA LA UNICA, S.A. de C.V.")
    centre.sync_now(a)
    centre.sync_now(b)
    result = centre.sync_now(coord)
    assert [c[0] for c in result.report.conflicts] == ["duplicate"]
    [dup] = sync.list_conflicts(coord)
    side = "local" if dup.local["id"] == fa["id"] else "remote"
    kept = sync.resolve_conflict(coord, dup.id, {n: side for n in dup.fields}, current_adviser_id(coord),
                                 survivor=side)
    assert kept["id"] == fa["id"]
    for _ in range(2):
        for device in (coord, a, b):
            centre.sync_now(device)
    assert firms.get_firm(a, fb["id"]) is None and firms.get_firm(b, fb["id"]) is None
    assert firms.get_firm(b, fa["id"])["phone"] == "+50326611234"  # as laptop A stored it
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(coord) == set()
    assert snapshot(a) == snapshot(b) == snapshot(coord)


def test_concurrent_edits_are_kept_as_a_conflict_on_every_device(laptops):
    a, b, coord = laptops
    f = _firm(a, "Panadería Ñandú")
    centre.sync_now(a)
    centre.sync_now(b)
    firms.update_firm(a, f["id"], {"phone": "2222 1111"}, None)
    firms.update_firm(b, f["id"], {"phone": "2222 3333"}, None)
    for device in (a, b, coord, a):
        centre.sync_now(device)
    assert {c[0] for c in open_conflicts(coord)} == {"edit"}
    assert open_conflicts(a) == open_conflicts(b) == open_conflicts(coord)
    assert snapshot(a) == snapshot(b) == snapshot(coord)


def test_a_device_may_add_only_its_own_changes(laptops):
    """Row-level security in PostgreSQL, not a check in Python: a forged origin is refused."""
    a, b, _ = laptops
    _firm(b, "Ferretería de Beto")
    centre.sync_now(b)
    with psycopg.connect(server_settings(a)["url"]) as conn:
        [stolen] = [ch for ch in server.pull(conn, {}) if ch.table == "firms"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO changes (origin, origin_seq, table_name, record_id, rev, op, vv, state, "
                         "changed_at) VALUES (%s, 999, 'firms', %s, 9, 'update', %s, %s, %s)",
                         (b.device_id, stolen.record_id, Jsonb({}), Jsonb({}), stolen.changed_at))
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM changes")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE changes SET state = '{}'::jsonb")


def test_a_revoked_device_is_refused_with_one_sentence(laptops, pg_url):
    a, *_ = laptops
    with psycopg.connect(pg_url) as conn:
        server.revoke_device(conn, a.device_id)
    with pytest.raises(UserError) as err:
        centre.sync_now(a)
    assert err.value.message == centre.MESSAGES["revoked"]


def test_a_wrong_address_or_an_unprepared_server_gets_one_sentence(tmp_path, pg_url):
    with secure_database(tmp_path / "x.db", "Laptop X") as storage:
        with pytest.raises(UserError) as err:
            centre.sync_now(storage)
        assert err.value.message == centre.MESSAGES["no_server"]
        with pytest.raises(UserError) as err:
            enrol(storage, pg_url)
        assert err.value.message == centre.MESSAGES["not_prepared"]
        with pytest.raises(UserError) as err:
            centre.sync_now(storage, "postgresql://nadie@127.0.0.1:1/rumbo")
        assert err.value.message == centre.MESSAGES["unreachable"]


def test_a_sync_cut_after_the_push_resumes_without_loss_or_duplicates(laptops, monkeypatch):
    a, b, _ = laptops
    for i in range(5):
        _firm(a, f"Empresa {i}")
    centre.sync_now(a)
    for i in range(3):
        _firm(b, f"Taller {i}")

    def cut(*_args, **_kwargs):
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(server, "pull", cut)
    with pytest.raises(UserError) as err:
        centre.sync_now(b)
    assert err.value.message == centre.MESSAGES["cut"]
    monkeypatch.undo()
    resumed = centre.sync_now(b)
    assert resumed.pushed == 0 and resumed.pulled > 0  # the push had landed; only the pull was left
    centre.sync_now(a)
    assert snapshot(a) == snapshot(b)
    assert firms.count_firms(a) == firms.count_firms(b) == 8


def test_a_change_whose_parent_never_reached_the_server_waits_with_one_sentence(laptops, tmp_path):
    """Ana got Beto's firm by bundle and advised it; her session reaches the server, the firm not yet."""
    from desktop.services import advisory

    a, b, coord = laptops
    firm = _firm(b, "Panadería sin red")
    trust_each_other(a, b)
    sync.export_bundle(b, tmp_path / "beto.rumbo", peer=a.device_id)
    sync.import_bundle(a, tmp_path / "beto.rumbo")
    advisory.record_session(a, firm["id"], {"held_on": dt.date.today().isoformat(), "minutes": 60,
                                            "mode": "visita"}, None)
    centre.sync_now(a)
    with pytest.raises(UserError) as refused:
        centre.sync_now(coord)
    assert str(refused.value) == centre.MESSAGES["pull_inconsistent"]
    assert coord.conn.execute("SELECT count(*) FROM advisory_sessions").fetchone()[0] == 0  # nothing half-applied
    assert server_settings(coord)["result"].endswith(centre.MESSAGES["pull_inconsistent"])
    centre.sync_now(b)  # Beto's laptop finds the network: the firm arrives, and the session with it
    centre.sync_now(coord)
    assert coord.conn.execute("SELECT firm_id FROM advisory_sessions").fetchall() == [(firm["id"],)]
