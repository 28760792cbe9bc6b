"""A lost laptop's server login ends with its revocation (issue 31): on the centre's desktop
(``rumbo device revoke``, Sincronización → Equipos de confianza) or by the technician
(``rumbo centre revoke URL EQUIPO``). Its open connection is terminated, a new login fails, and
``rumbo sync`` on it says why in one sentence."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.centre import server
from db.sync.peers import server_settings, set_server_settings
from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.gui.sync.sync_page import SyncPage
from desktop.services import centre, maintenance, sync
from desktop.services.advisers import current_adviser_id
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.centre.devices import enrol, secure_database, trust_each_other

pytestmark = pytest.mark.postgres

ENDED = "Su acceso al servidor del centro quedó cerrado y sus conexiones abiertas, terminadas."


def _still_open(why: str, device_id: str) -> str:
    return (f"Su acceso al servidor del centro, si lo tiene, sigue abierto porque {why}; el técnico lo cierra con "
            f"«rumbo centre revoke postgresql://… {device_id}».")


@pytest.fixture
def centre_and_laptop(tmp_path, pg_url):
    """The centre's desktop and a laptop, enrolled on the server and trusting each other for bundles."""
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    desk = secure_database(tmp_path / "desk.db", "Coordinación", role="centre")
    laptop = secure_database(tmp_path / "laptop.db", "Laptop Ana")
    for d in (desk, laptop):
        enrol(d, pg_url)
    trust_each_other(desk, laptop)
    firms.register_firm(laptop, {"legal_name": "Café de la laptop perdida", "country": "SV"}, None)
    centre.sync_now(laptop)
    yield desk, laptop
    desk.close()
    laptop.close()


def _login_state(owner_url: str, device_id: str) -> tuple[bool, bool]:
    """(revoked on the server, its role may still log in)."""
    with psycopg.connect(owner_url) as conn:
        return conn.execute("SELECT d.revoked_at IS NOT NULL, r.rolcanlogin FROM devices d "
                            "JOIN pg_roles r ON r.rolname = d.role_name WHERE d.device_id = %s",
                            (device_id,)).fetchone()


def _is_cut(conn: psycopg.Connection) -> bool:
    try:
        conn.execute("SELECT count(*) FROM changes").fetchone()
    except psycopg.OperationalError:
        return True
    return False


@pytest.mark.attack(7, 'A revoked laptop keeps syncing with its open connection or a new login')
def test_revoking_on_the_centres_desktop_ends_the_laptops_server_login(centre_and_laptop, pg_url, capsys):
    desk, laptop = centre_and_laptop
    url = server_settings(laptop)["url"]
    thief = psycopg.connect(url, autocommit=True)  # someone with the laptop, in psql
    assert thief.execute("SELECT count(*) FROM changes").fetchone()[0] > 0

    revoked = sync.revoke_device(desk, laptop.device_id, current_adviser_id(desk))
    assert revoked.revoked and revoked.server_note == ENDED
    assert _is_cut(thief)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(url)
    assert _login_state(pg_url, laptop.device_id) == (True, False)
    assert main(["--db", str(laptop.path), "sync"]) == 2
    assert capsys.readouterr().err.strip() == centre.MESSAGES["revoked"]
    # The desktop itself goes on syncing.
    assert centre.sync_now(desk).pulled > 0


def test_rumbo_device_revoke_says_both_halves(centre_and_laptop, pg_url, capsys):
    desk, laptop = centre_and_laptop
    assert main(["--db", str(desk.path), "device", "revoke", "Laptop Ana"]) == 0
    assert capsys.readouterr().out == ("«Laptop Ana» queda revocado: sus paquetes ya no se aceptarán y no se le "
                                       f"escribirán más.\n{ENDED}\n")
    assert _login_state(pg_url, laptop.device_id) == (True, False)
    assert main(["--db", str(desk.path), "device", "revoke", "Laptop Ana"]) == 2  # nothing left to end
    assert "ya estaba revocado desde el" in capsys.readouterr().err


def test_without_the_server_the_local_revocation_stands_and_says_how_to_end_the_login(centre_and_laptop, pg_url):
    desk, laptop = centre_and_laptop
    stored = server_settings(desk)["url"]
    set_server_settings(desk, url="host=127.0.0.1 port=1 dbname=rumbo user=nadie password=x")
    revoked = sync.revoke_device(desk, laptop.device_id, current_adviser_id(desk))
    assert revoked.revoked
    assert revoked.server_note == _still_open("no se pudo conectar con el servidor", laptop.device_id)
    assert _login_state(pg_url, laptop.device_id) == (False, True)
    assert centre.sync_now(laptop).pushed == 0  # still open, as the sentence said

    # Back on the network, revoking again ends what was left open.
    set_server_settings(desk, url=stored)
    again = sync.revoke_device(desk, laptop.device_id, current_adviser_id(desk))
    assert again.server_note == ENDED and again.revoked_at == revoked.revoked_at
    assert _login_state(pg_url, laptop.device_id) == (True, False)


@pytest.mark.attack(7, "A laptop, or another centre's desktop, ends devices' server logins")
def test_only_the_centres_desktop_may_end_logins_and_only_of_its_centre(tmp_path, pg_url):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with server.connect(pg_url) as conn:
        server.add_centre(conn, "CDMYPE Santa Ana", "SV")
    desk = secure_database(tmp_path / "desk.db", "Coordinación San Miguel", role="centre")
    east = secure_database(tmp_path / "east.db", "Laptop San Miguel")
    west = secure_database(tmp_path / "west.db", "Laptop Santa Ana")
    national = secure_database(tmp_path / "national.db", "Coordinación nacional", role="centre")
    enrol(desk, pg_url, centre_name="CDMYPE San Miguel")
    enrol(east, pg_url, centre_name="CDMYPE San Miguel")
    enrol(west, pg_url, centre_name="CDMYPE Santa Ana")
    enrol(national, pg_url, national=True)
    ids = [d.device_id for d in (desk, east, west, national)]
    for who in (east, national):  # a laptop, and the national desktop, may not
        trust_each_other(who, west)
        with psycopg.connect(server_settings(who)["url"], autocommit=True) as conn:
            with pytest.raises(psycopg.DatabaseError) as refused:
                conn.execute("SELECT revoke_devices(%s)", (ids,))
            assert refused.value.sqlstate == "RB003"
        note = sync.revoke_device(who, west.device_id, current_adviser_id(who)).server_note
        assert note == _still_open("este equipo no está inscrito en el servidor como el equipo del centro",
                                   west.device_id)
    # The San Miguel desktop ends San Miguel's laptop, not Santa Ana's, and never itself.
    with psycopg.connect(server_settings(desk)["url"], autocommit=True) as conn:
        assert conn.execute("SELECT revoke_devices(%s)", (ids,)).fetchall() == [("Laptop San Miguel",)]
    assert [_login_state(pg_url, d.device_id) for d in (desk, east, west, national)] == [
        (False, True), (True, False), (False, True), (False, True)]
    for d in (desk, east, west, national):
        d.close()


@pytest.mark.attack(7, 'A restored laptop escapes revocation under its new id')
def test_a_laptop_enrolled_after_a_restore_is_revoked_by_its_earlier_id(tmp_path, pg_url):
    """The desktop trusts the laptop under the id on its card; the laptop was restored from a backup
    and enrolled on the server under its new id, carrying the old one: revoking the old ends it."""
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    desk = secure_database(tmp_path / "desk.db", "Coordinación", role="centre")
    enrol(desk, pg_url)
    laptop = secure_database(tmp_path / "laptop.db", "Laptop Ana")
    trust_each_other(desk, laptop)
    first_id = laptop.device_id
    maintenance.backup_database(laptop, tmp_path / "copia.db")
    laptop.close()
    maintenance.restore_database(tmp_path / "laptop.db", tmp_path / "copia.db")
    laptop = open_database(tmp_path / "laptop.db")
    firms.register_firm(laptop, {"legal_name": "Después de la copia", "country": "SV"}, None)  # takes a new id
    assert laptop.device_id != first_id
    enrol(laptop, pg_url)
    centre.sync_now(laptop)

    revoked = sync.revoke_device(desk, first_id, current_adviser_id(desk))
    assert revoked.server_note == ENDED
    assert _login_state(pg_url, laptop.device_id) == (True, False)
    desk.close()
    laptop.close()


def test_the_technician_revokes_with_the_owners_connection(centre_and_laptop, pg_url, capsys):
    desk, laptop = centre_and_laptop
    thief = psycopg.connect(server_settings(laptop)["url"], autocommit=True)
    assert main(["centre", "revoke", pg_url, "laptop ana"]) == 0
    assert capsys.readouterr().out == ("«Laptop Ana» (centro CDMYPE San Miguel) ya no puede entrar al servidor; sus "
                                       "conexiones abiertas se cerraron.\n")
    assert _is_cut(thief)
    assert _login_state(pg_url, laptop.device_id) == (True, False)
    assert main(["centre", "revoke", pg_url, laptop.device_id]) == 0
    assert capsys.readouterr().out == ("«Laptop Ana» (centro CDMYPE San Miguel) ya estaba revocado en el servidor; su "
                                       "acceso sigue cerrado.\n")
    assert main(["centre", "revoke", pg_url, "Laptop Zeta"]) == 2
    assert capsys.readouterr().err == "El servidor no tiene ningún equipo que se llame o identifique «Laptop Zeta».\n"
    assert _login_state(pg_url, desk.device_id) == (False, True)


def test_two_devices_with_one_name_need_the_id(centre_and_laptop, pg_url, tmp_path, capsys):
    desk, laptop = centre_and_laptop
    with secure_database(tmp_path / "otra.db", "Laptop Ana") as twin:
        enrol(twin, pg_url)
        assert main(["centre", "revoke", pg_url, "Laptop Ana"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("Hay varios equipos llamados «Laptop Ana» en el servidor (")
        assert laptop.device_id in err and twin.device_id in err
        assert _login_state(pg_url, laptop.device_id) == _login_state(pg_url, twin.device_id) == (False, True)


def test_an_owner_that_is_not_a_superuser_ends_sessions_too(pg_cluster, tmp_path):
    """README: a CREATEROLE owner. It may terminate a device's sessions because enrolment makes it a
    member of the device's role (PostgreSQL lets a role signal only the backends of roles it has)."""
    host, port, password = pg_cluster
    su = f"postgresql://postgres:{password}@{host}:{port}/postgres"
    tag = uuid.uuid4().hex[:8]
    owner, base = f"rumbo_admin_{tag}", f"rumbo_revoke_{tag}"
    with psycopg.connect(su, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'cambie-esta-clave'")
        conn.execute(f"CREATE DATABASE {base} OWNER {owner}")
    url = f"postgresql://{owner}:cambie-esta-clave@{host}:{port}/{base}"
    try:
        centre.init_centre(url, "CDMYPE San Miguel")
        desk = secure_database(tmp_path / "desk.db", "Coordinación", role="centre")
        a = secure_database(tmp_path / "a.db", "Laptop Ana")
        b = secure_database(tmp_path / "b.db", "Laptop Beto")
        for d in (desk, a, b):
            enrol(d, url)
        trust_each_other(desk, a)
        sessions = [psycopg.connect(server_settings(d)["url"], autocommit=True) for d in (a, b)]
        assert sync.revoke_device(desk, a.device_id, current_adviser_id(desk)).server_note == ENDED
        assert main(["centre", "revoke", url, "Laptop Beto"]) == 0
        assert all(_is_cut(s) for s in sessions)
        assert _login_state(url, a.device_id) == _login_state(url, b.device_id) == (True, False)
        for d in (desk, a, b):
            d.close()
    finally:
        with psycopg.connect(su, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {base} WITH (FORCE)")
            for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'rumbo\\_%%' "
                                        "AND rolname <> 'rumbo_device'").fetchall():
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.attack(7, 'Revoking in the app leaves the server login open')
def test_the_revoke_button_ends_the_server_login(centre_and_laptop, pg_url, shown_page, monkeypatch, qtbot, tmp_path):
    desk, laptop = centre_and_laptop
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page = shown_page(SyncPage, desk)
    page.refresh()
    row = next(r for r in range(page.trusted.rowCount()) if page.trusted.item(r, 0).text() == "Laptop Ana")
    page.trusted.selectRow(row)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == f"«Laptop Ana» quedó revocado: sus paquetes ya no se aceptarán. {ENDED}"
    assert _login_state(pg_url, laptop.device_id) == (True, False)
    page.grab().save(str(tmp_path / "revocado.png"))
    with pytest.raises(UserError) as refused:
        centre.sync_now(laptop)
    assert refused.value.message == centre.MESSAGES["revoked"]
