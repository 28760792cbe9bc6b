"""Who may write what on the server (issue 31), tried as each login with hand-written SQL.

A San Miguel laptop, a Santa Ana laptop and the national coordinator's desktop, each with its own
login; the owner's connection checks what the server holds after each attempt. Every refusal is
PostgreSQL's (privileges, row-level security, the trigger on ``changes``), never the laptop's.
"""

from __future__ import annotations

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

pytestmark = pytest.mark.postgres

SAN_MIGUEL, SANTA_ANA = "CDMYPE San Miguel", "CDMYPE Santa Ana"
# What a device's login may run; everything else in public and portfolio is the owner's.
DEVICE_FUNCTIONS = {"current_device", "current_centre", "current_scope", "may_write", "revoke_devices"}


@pytest.fixture
def nation(tmp_path, pg_url):
    """Two centres, a laptop in each (Santa Ana's holding a firm with an assessment), the national desktop."""
    centre.init_centre(pg_url, SAN_MIGUEL)
    with server.connect(pg_url) as conn:
        server.add_centre(conn, SANTA_ANA, "SV")
    east = secure_database(tmp_path / "east.db", "Laptop San Miguel")
    west = secure_database(tmp_path / "west.db", "Laptop Santa Ana")
    national = secure_database(tmp_path / "national.db", "Coordinación nacional")
    enrol(east, pg_url, centre_name=SAN_MIGUEL)
    enrol(west, pg_url, centre_name=SANTA_ANA)
    enrol(national, pg_url, national=True)
    firm = firms.register_firm(west, {"legal_name": "Textiles de Occidente", "country": "SV",
                                      "municipality": "Santa Ana"}, None)
    firms.register_firm(east, {"legal_name": "Café de Oriente", "country": "SV"}, None)
    for d in (west, east, national):
        centre.sync_now(d)
    yield east, west, national, firm
    for d in (east, west, national):
        d.close()


def _login(storage) -> psycopg.Connection:
    return psycopg.connect(server_settings(storage)["url"], autocommit=True)


def _held(owner_url: str) -> dict:
    """Everything a forged write could have touched, as the owner sees it."""
    with psycopg.connect(owner_url) as conn:
        return {
            "firms": conn.execute("SELECT id, legal_name, centre_id, rev, origin FROM portfolio.firms ORDER BY id").fetchall(),
            "heads": conn.execute("SELECT * FROM portfolio.heads ORDER BY 1, 2, 3, 4").fetchall(),
            "changes": conn.execute("SELECT origin, origin_seq, centre_id FROM changes ORDER BY 1, 2").fetchall(),
            "records": conn.execute("SELECT * FROM record_centres ORDER BY 1, 2").fetchall(),
            "devices": conn.execute("SELECT device_id, revoked_at FROM devices ORDER BY 1").fetchall(),
        }


def _refused(conn, statement: str, params=(), sqlstate: str | tuple[str, ...] = ()) -> psycopg.Error:
    """Run ``statement`` and return PostgreSQL's refusal (the test fails if it is accepted)."""
    with pytest.raises(psycopg.Error) as refused:
        conn.execute(statement, params)
    if sqlstate:
        assert refused.value.sqlstate in ((sqlstate,) if isinstance(sqlstate, str) else sqlstate), refused.value
    return refused.value


def _forged_change(storage, conn, record_id: str, table: str = "firms", state: dict | None = None,
                   extra: dict | None = None) -> tuple:
    """A change under the sender's own origin, with a version vector that dominates anything."""
    seq = conn.execute("SELECT coalesce(max(origin_seq), 0) + 1 FROM changes WHERE origin = %s",
                       (storage.device_id,)).fetchone()[0]
    return (storage.device_id, seq, table, record_id, 99, "update", Jsonb({storage.device_id: seq, "x": 10 ** 6}),
            Jsonb(state or {"legal_name": "Robada"}), "2026-12-01T00:00:00Z", Jsonb(extra or {}))


INSERT = ("INSERT INTO changes (origin, origin_seq, table_name, record_id, rev, op, vv, state, changed_at, extra) "
          "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")


@pytest.mark.attack(1, "Any device login, or the national login, writes the server's portfolio through a function")
def test_no_device_and_not_the_national_login_can_run_a_function_that_writes(nation, pg_url):
    east, west, national, firm = nation
    before = _held(pg_url)
    row = Jsonb({"origin": east.device_id, "origin_seq": 1, "table_name": "firms", "record_id": firm["id"],
                 "rev": 99, "op": "update", "vv": {}, "state": {"legal_name": "Robada"}, "changed_at": "x",
                 "extra": {}, "centre_id": "x"})
    for storage in (east, national):
        with _login(storage) as conn:
            for call in ("SELECT portfolio.project(jsonb_populate_record(NULL::changes, %s))",
                         "SELECT portfolio.on_change()", "SELECT place_change()", "SELECT end_login('x')",
                         "SELECT portfolio.vv_le('{}', '{}')"):
                params = (row,) if "%s" in call else ()
                assert isinstance(_refused(conn, call, params), psycopg.errors.InsufficientPrivilege), call
            for write in ("INSERT INTO portfolio.firms (id, legal_name) VALUES ('x', 'Plantada')",
                          "UPDATE portfolio.firms SET legal_name = 'Robada'", "DELETE FROM portfolio.heads",
                          "INSERT INTO record_centres VALUES ('firms', 'x', 'y')", "DELETE FROM record_centres"):
                assert isinstance(_refused(conn, write), psycopg.errors.InsufficientPrivilege), write
    assert _held(pg_url) == before

    # Nothing else either: EXECUTE is granted, function by function, only for what a device's login needs.
    with psycopg.connect(pg_url) as conn:
        roles = [r[0] for r in conn.execute("SELECT role_name FROM devices")]
        runnable = {name for (name,) in conn.execute(
            "SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, "
            "unnest(%s::text[]) AS r(role) WHERE n.nspname IN ('public', 'portfolio') "
            "AND has_function_privilege(r.role, p.oid, 'EXECUTE')", (roles,))}
    assert runnable == DEVICE_FUNCTIONS


@pytest.mark.attack(1, "A device hides the server's tables behind temporary tables of its own to pass for national")
def test_a_device_cannot_hide_the_servers_tables_behind_its_own(nation, pg_url):
    """PostgreSQL looks in a session's temporary schema first: a temporary «devices» table made the
    SECURITY DEFINER functions take a laptop for national. Devices may create nothing, and the
    functions search pg_temp last."""
    east, *_ = nation
    with _login(east) as conn:
        _refused(conn, "CREATE TEMP TABLE devices (device_id text, role_name text, revoked_at timestamptz, "
                       "centre_id text, scope text)", sqlstate="42501")
        _refused(conn, "CREATE TABLE public.origins_x (origin text)", sqlstate="42501")
        _refused(conn, "CREATE FUNCTION public.current_device() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$",
                 sqlstate="42501")
        assert conn.execute("SELECT current_scope()").fetchone()[0] == "centre"
    with psycopg.connect(pg_url) as conn:
        paths = conn.execute(
            "SELECT p.proname, p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname IN ('public', 'portfolio') AND p.prosecdef").fetchall()
    assert len(paths) >= 8
    for name, config in paths:
        [search_path] = [c for c in config or [] if c.startswith("search_path=")]
        assert search_path.endswith("pg_temp"), name


@pytest.mark.attack(1, "The national login writes changes, origins or its own origin's name")
def test_the_national_login_writes_nothing(nation, pg_url):
    east, west, national, firm = nation
    before = _held(pg_url)
    with _login(national) as conn:
        # Refused by the trigger (its id is no centre's origin) or by row-level security, whichever comes first.
        _refused(conn, INSERT, _forged_change(national, conn, firm["id"]), sqlstate=("42501", "RB002"))
        # A new firm under the San Miguel laptop's origin: row-level security refuses it.
        _refused(conn, INSERT, (east.device_id, 99, "firms", "empresa-nacional", 1, "insert", Jsonb({}),
                                Jsonb({"legal_name": "Plantada"}), "2026-12-01T00:00:00Z", Jsonb({})),
                 sqlstate="42501")
        _refused(conn, "INSERT INTO origins (origin, name) VALUES (%s, 'mío')", ("nuevo",), sqlstate="42501")
        assert conn.execute("UPDATE origins SET name = 'mío'").rowcount == 0
        _refused(conn, "SELECT revoke_devices(%s)", ([east.device_id],), sqlstate="RB003")
        _refused(conn, "UPDATE devices SET revoked_at = now()", sqlstate="42501")
    assert _held(pg_url) == before


@pytest.mark.attack(2, "A laptop moves another centre's firm (or its contact, answer, merge) into its own centre")
def test_a_laptop_cannot_move_another_centres_firm_into_its_own(nation, pg_url):
    east, west, national, firm = nation
    with _login(west) as conn:  # an assessment of Santa Ana's firm, made there
        conn.execute(INSERT, _forged_change(west, conn, "evaluacion-oeste", "assessments", {"firm_id": firm["id"]}))
    before = _held(pg_url)
    [(own_firm,)] = east.conn.execute("SELECT id FROM firms WHERE legal_name = 'Café de Oriente'").fetchall()
    with _login(east) as conn:
        # The firm itself, under the laptop's own origin and with a version that dominates.
        error = _refused(conn, INSERT, _forged_change(east, conn, firm["id"]), sqlstate="RB001")
        assert error.diag.message_detail == f"firms:{firm['id']}"
        # A contact of the laptop's own hung on that firm; an answer on that firm's assessment.
        _refused(conn, INSERT, _forged_change(east, conn, "contacto-nuevo", "contacts",
                                              {"firm_id": firm["id"], "name": "Espía"}), sqlstate="RB001")
        _refused(conn, INSERT, _forged_change(east, conn, "respuesta-nueva", "answers",
                                              {"assessment_id": "evaluacion-oeste"}), sqlstate="RB001")
        # Its own firm «merged» into the other centre's.
        _refused(conn, INSERT, _forged_change(east, conn, own_firm, extra={"merged_into": firm["id"]}),
                 sqlstate="RB001")
        # A new firm of its own is fine: a record belongs to the centre that stored it first.
        conn.execute(INSERT, _forged_change(east, conn, "empresa-nueva", state={"legal_name": "Nueva"}))
    after = _held(pg_url)
    san_miguel = _centre(pg_url, SAN_MIGUEL)
    assert [f for f in after["firms"] if f[0] != "empresa-nueva"] == before["firms"]
    assert [f[:3] for f in after["firms"] if f[0] == "empresa-nueva"] == [("empresa-nueva", "Nueva", san_miguel)]
    assert sorted(after["records"]) == sorted(before["records"] + [("firms", "empresa-nueva", san_miguel)])


def _centre(owner_url: str, name: str) -> str:
    with psycopg.connect(owner_url) as conn:
        return server.find_centre(conn, name)


@pytest.mark.attack(2, "A laptop's edit of another centre's firm reaches the server by sync or by the coordinator's relay")
def test_a_laptop_that_edited_another_centres_firm_gets_one_sentence(nation, pg_url, tmp_path):
    """The Santa Ana laptop's bundle reached the San Miguel laptop, which edited the firm: the server
    refuses the change, by a sync and by a coordinator's relay alike, and the firm stays Santa Ana's."""
    east, west, _national, firm = nation
    trust_each_other(east, west)
    sync.export_bundle(west, tmp_path / "occidente.rumbo", peer=east.device_id)
    sync.import_bundle(east, tmp_path / "occidente.rumbo")
    firms.update_firm(east, firm["id"], {"phone": "2440 0000"}, None)
    before = _held(pg_url)
    with pytest.raises(UserError) as refused:
        centre.sync_now(east)
    assert refused.value.message == (
        "El servidor rechazó un cambio sobre la empresa «Textiles de Occidente», que es de otro centro: cada centro "
        "cambia solo sus propias empresas, así que no se envió nada más y conviene avisar al coordinador.")
    assert _held(pg_url) == before

    # The same change carried in a bundle by the San Miguel coordinator's desktop, with the owner's connection.
    with secure_database(tmp_path / "desk.db", "Coordinación San Miguel", role="centre") as desk:
        trust_each_other(east, desk)
        trust_each_other(west, desk)  # so the relayed Santa Ana history passes the desk's check of its author
        sync.export_bundle(east, tmp_path / "oriente.rumbo", peer=desk.device_id)
        with pytest.raises(UserError, match="«Textiles de Occidente», que es de otro centro"):
            centre.bundle_to_server(desk, pg_url, tmp_path / "oriente.rumbo", current_adviser_id(desk), SAN_MIGUEL)
    with psycopg.connect(pg_url) as conn:
        [(centre_id, phone)] = conn.execute("SELECT centre_id, phone FROM portfolio.firms WHERE id = %s",
                                            (firm["id"],)).fetchall()
    assert centre_id == _centre(pg_url, SANTA_ANA) and phone is None


@pytest.mark.attack(11, "A device reads every centre's devices and their login roles")
def test_devices_see_their_own_centres_devices_and_no_login_role(nation, pg_url):
    east, west, national, _firm = nation
    with _login(east) as conn:
        assert conn.execute("SELECT name FROM devices ORDER BY name").fetchall() == [("Laptop San Miguel",)]
        _refused(conn, "SELECT role_name FROM devices", sqlstate="42501")
        _refused(conn, "SELECT * FROM devices", sqlstate="42501")
        names = server.origin_names(conn)  # what a pull shows as the origins' names still works
        assert set(names.values()) == {"Laptop San Miguel"}
        assert [d["name"] for d in server.status(conn).devices] == ["Laptop San Miguel"]
    with _login(national) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM devices ORDER BY name")] == [
            "Coordinación nacional", "Laptop San Miguel", "Laptop Santa Ana"]
        _refused(conn, "SELECT role_name FROM devices", sqlstate="42501")


def test_an_older_server_keeps_each_record_in_the_centre_that_stored_it_first(pg_url, monkeypatch):
    """A server prepared before 0005, where a San Miguel laptop had already moved a Santa Ana firm."""
    every = server._migrations()
    monkeypatch.setattr(server, "_migrations", lambda: [m for m in every if m[0] <= 4])
    centre.init_centre(pg_url, SAN_MIGUEL)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        san_miguel = server.find_centre(conn, SAN_MIGUEL)
        santa_ana = server.add_centre(conn, SANTA_ANA)
        conn.execute("CREATE ROLE rumbo_antiguo LOGIN PASSWORD 'x' IN ROLE rumbo_device")
        conn.execute("INSERT INTO devices (device_id, name, role_name, centre_id) VALUES "
                     "('oeste', 'Laptop Santa Ana', 'rumbo_antiguo', %s), ('este', 'Laptop San Miguel', 'x', %s)",
                     (santa_ana, san_miguel))
        conn.execute("INSERT INTO origins (origin, name, device_id, centre_id) VALUES "
                     "('oeste', 'Laptop Santa Ana', 'oeste', %s), ('este', 'Laptop San Miguel', 'este', %s)",
                     (santa_ana, san_miguel))
        for origin, seq, name in (("oeste", 1, "Textiles de Occidente"), ("este", 1, "Robada")):
            conn.execute(INSERT, (origin, seq, "firms", "empresa-oeste", seq, "update", Jsonb({origin: seq}),
                                  Jsonb({"legal_name": name}), "2026-12-01T00:00:00Z", Jsonb({})))
    monkeypatch.undo()
    done, _ = centre.init_centre(pg_url)
    assert done[0] == "0005_guards.sql"  # then the later ones (0007_advisory.sql ...)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT centre_id FROM record_centres WHERE record_id = 'empresa-oeste'").fetchone() == (
            santa_ana,)
        _refused(conn, INSERT, ("este", 2, "firms", "empresa-oeste", 3, "update", Jsonb({"este": 2, "oeste": 1}),
                                Jsonb({"legal_name": "Otra vez"}), "2026-12-02T00:00:00Z", Jsonb({})),
                 sqlstate="RB001")
        # The owner may now end the sessions of a device enrolled before: it is a member of its role.
        assert conn.execute("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                            "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'rumbo_antiguo' "
                            "AND u.rolname = current_user").fetchone() == (1,)
