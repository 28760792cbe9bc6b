"""The technician's connection (issue 31): the owner's password stays off the command line (PGPASSWORD
or a prompt), a wrong one is the technician's sentence, a plain database is not enrolled, and a
bundle from a laptop the server does not know needs its centre."""

from __future__ import annotations

import io

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.centre import server
from db.sync.peers import server_settings
from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.gui.sync.sync_page import SyncPage
from desktop.services import centre, sync
from desktop.services.advisers import current_adviser_id
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.centre.cluster import PASSWORD as OWNER_PASSWORD
from tests.centre.devices import enrol, secure_database, trust_each_other

pytestmark = pytest.mark.postgres


@pytest.fixture
def bare_url(pg_url, monkeypatch, tmp_path):
    """The owner's URL without its password; neither PGPASSWORD nor a password file gives it."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    return pg_url.replace(f":{OWNER_PASSWORD}@", "@")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_owners_password_comes_from_pgpassword(bare_url, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    assert main(["centre", "init", bare_url, "--name", "CDMYPE San Miguel"]) == 0
    assert main(["centre", "add", bare_url, "--name", "CDMYPE Santa Ana"]) == 0
    assert main(["centre", "status", bare_url]) == 0
    assert "CDMYPE Santa Ana (0 empresas)" in capsys.readouterr().out
    path = tmp_path / "ana.db"
    secure_database(path, "Laptop Ana").close()
    assert main(["--db", str(path), "centre", "enrol", bare_url, "--centre", "CDMYPE Santa Ana"]) == 0
    with open_database(path) as storage:
        assert f":{OWNER_PASSWORD}@" not in server_settings(storage)["url"]  # the device's own login is kept
        assert centre.sync_now(storage).pushed > 0
    assert main(["centre", "revoke", bare_url, "Laptop Ana"]) == 0


@pytest.mark.attack(12, "The owner's password must be on the command line")
def test_without_pgpassword_and_without_a_terminal_one_sentence_names_it(bare_url, capsys):
    assert main(["centre", "init", bare_url]) == 2
    assert capsys.readouterr().err == (
        "El servidor pide la contraseña del propietario de la base: póngala en la variable PGPASSWORD o ejecute "
        "la orden en una terminal para que se la pida.\n")
    with psycopg.connect(bare_url, password=OWNER_PASSWORD) as conn:
        assert server.schema_version(conn) == 0  # nothing written


def test_on_a_terminal_the_password_is_asked_once(bare_url, monkeypatch, capsys):
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or OWNER_PASSWORD)
    assert main(["centre", "init", bare_url, "--name", "CDMYPE San Miguel"]) == 0
    assert asked == ["Contraseña del propietario de la base (la del técnico): "]
    assert "Centro: CDMYPE San Miguel" in capsys.readouterr().out


@pytest.mark.attack(12, "A wrong owner password is answered as the device's")
def test_a_wrong_owner_password_is_the_technicians_sentence(bare_url, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: "no-es-esta")
    assert main(["centre", "init", bare_url]) == 2
    err = capsys.readouterr().err.strip()
    assert err == centre.MESSAGES["owner_auth"] != centre.MESSAGES["auth"]
    assert "técnico" in err and "este equipo" not in err
    monkeypatch.setenv("PGPASSWORD", "tampoco")
    assert main(["centre", "status", bare_url]) == 2
    assert capsys.readouterr().err.strip() == centre.MESSAGES["owner_auth"]


@pytest.mark.attack(6, "centre enrol on a plain database stores the device's server password in clear")
def test_a_plain_database_is_not_enrolled(pg_url, tmp_path, capsys):
    """Its server password would be readable in the file."""
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    path = tmp_path / "sin-cifrar.db"
    with open_database(path, device_name="Laptop sin cifrar") as storage:
        with pytest.raises(UserError) as refused:
            centre.enrol_device(storage, pg_url, None)
        assert refused.value.message == centre.MESSAGES["plain_database"]
        assert server_settings(storage)["url"] is None
    # The command line refuses any writing command on a plain database first (desktop.commands.access).
    assert main(["--db", str(path), "centre", "enrol", pg_url]) == 2
    assert "no está cifrada: configure el inicio de sesión con «rumbo setup»" in capsys.readouterr().err
    assert centre.centre_status(pg_url).devices == []


def test_the_enrol_box_takes_the_technicians_password_in_its_own_field(bare_url, pg_url, tmp_path, monkeypatch,
                                                                        qtbot, shown_page):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    storage = secure_database(tmp_path / "ana.db", "Laptop Ana")
    page = shown_page(SyncPage, storage)
    page.refresh()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    qtbot.keyClicks(page.server_url, bare_url)
    qtbot.mouseClick(page.server_enrol, Qt.MouseButton.LeftButton)
    assert shown == ["El servidor pide la contraseña del técnico (propietario de la base): escríbala en su casilla."]
    assert page.focusWidget() is page.server_password and page.server_url.text() == bare_url  # nothing typed is lost

    qtbot.keyClicks(page.server_password, "no-es-esta")
    qtbot.keyClick(page.server_password, Qt.Key.Key_Return)
    assert shown[-1] == centre.MESSAGES["owner_auth"]
    page.server_password.clear()
    qtbot.keyClicks(page.server_password, OWNER_PASSWORD)
    qtbot.keyClick(page.server_password, Qt.Key.Key_Return)
    assert len(shown) == 2
    assert page.server_url.text() == page.server_password.text() == ""  # neither is kept
    assert page.server_sync.isEnabled() and centre.configured_server(storage)
    page.grab().save(str(tmp_path / "inscrito.png"))
    storage.close()


@pytest.mark.attack(10, 'centre import without --centre places an unknown laptop in the first centre')
def test_a_bundle_of_a_laptop_the_server_does_not_know_needs_its_centre(pg_url, tmp_path, capsys):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with server.connect(pg_url) as conn:
        server.add_centre(conn, "CDMYPE Santa Ana", "SV")
    with secure_database(tmp_path / "desk.db", "Coordinación Santa Ana", role="centre") as desk, \
            secure_database(tmp_path / "campo.db", "Laptop Campo") as field:
        enrol(desk, pg_url, centre_name="CDMYPE Santa Ana")
        firm = firms.register_firm(field, {"legal_name": "Hamacas del Campo", "country": "SV"}, None)
        trust_each_other(field, desk)
        sync.export_bundle(field, tmp_path / "campo.rumbo", peer=desk.device_id)
        with pytest.raises(UserError) as refused:
            centre.bundle_to_server(desk, pg_url, tmp_path / "campo.rumbo", current_adviser_id(desk))
    assert refused.value.message == ("El paquete trae cambios de equipos que el servidor todavía no conoce "
                                     "(«Laptop Campo»); indique su centro con --centre: CDMYPE San Miguel, "
                                     "CDMYPE Santa Ana.")
    assert centre.centre_status(pg_url).changes == 0
    bundle = str(tmp_path / "campo.rumbo")
    assert main(["--db", str(tmp_path / "desk.db"), "centre", "import", pg_url, bundle]) == 2
    assert capsys.readouterr().err.strip() == refused.value.message

    assert main(["--db", str(tmp_path / "desk.db"), "centre", "import", pg_url, bundle,
                 "--centre", "CDMYPE Santa Ana"]) == 0
    # Importing it again for another centre moves nothing: the laptop and its firm stay Santa Ana's.
    assert main(["--db", str(tmp_path / "desk.db"), "centre", "import", pg_url, bundle,
                 "--centre", "CDMYPE San Miguel"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 eran nuevos para el servidor.")
    with psycopg.connect(pg_url) as conn:
        [(where,)] = conn.execute("SELECT c.name FROM portfolio.firms f JOIN centre c ON c.id = f.centre_id "
                                  "WHERE f.id = %s", (firm["id"],)).fetchall()
    assert where == "CDMYPE Santa Ana"
