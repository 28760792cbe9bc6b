"""Sincronización → «Servidor del centro»: enrol this laptop with the technician's address and sync."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.gui.sync.sync_page import SyncPage
from desktop.services import centre
from desktop.services.registry import firms
from tests.centre.devices import enrol, secure_database

pytestmark = pytest.mark.postgres


def test_an_adviser_enrols_and_syncs_from_the_screen(qtbot, tmp_path, pg_url, monkeypatch, shown_page):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with secure_database(tmp_path / "beto.db", "Laptop Beto") as beto:
        enrol(beto, pg_url)
        sent = firms.register_firm(beto, {"legal_name": "Café <Las> & Nubes 😀", "country": "SV"}, None)
        centre.sync_now(beto)
    storage = secure_database(tmp_path / "ana.db", "Laptop Ana")
    page = shown_page(SyncPage, storage)
    page.refresh()
    assert not page.server_sync.isEnabled()
    assert page.server_status.text().startswith("Este equipo no sincroniza con un servidor")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))

    qtbot.keyClicks(page.server_url, "postgresql://nadie@127.0.0.1:1/rumbo")
    qtbot.mouseClick(page.server_enrol, Qt.MouseButton.LeftButton)
    assert shown == [centre.MESSAGES["unreachable"]]
    assert not page.server_sync.isEnabled()

    page.server_url.clear()
    qtbot.keyClicks(page.server_url, pg_url)
    qtbot.keyClick(page.server_url, Qt.Key.Key_Return)
    assert page.server_url.text() == ""  # the owner's address is not kept
    assert page.server_sync.isEnabled() and "todavía sin sincronizar" in page.server_status.text()
    qtbot.mouseClick(page.server_sync, Qt.MouseButton.LeftButton)
    assert firms.get_firm(storage, sent["id"])["legal_name"] == "Café <Las> & Nubes 😀"
    assert page.server_status.text().endswith("Enviados 2 cambios y recibidos 3.")  # and each one's sign-in
    page.resize(1000, 640)
    page.grab().save(str(tmp_path / "sync.png"))  # docs/screenshot-sync-server.png
    storage.close()


def test_with_several_centres_the_adviser_types_this_laptops_centre(qtbot, tmp_path, pg_url, monkeypatch, shown_page):
    import psycopg

    from db.centre import server

    centre.init_centre(pg_url, "CDMYPE San Miguel")
    with server.connect(pg_url) as conn:
        server.add_centre(conn, "CDMYPE Santa Ana", "SV")
    storage = secure_database(tmp_path / "ana.db", "Laptop Ana")
    page = shown_page(SyncPage, storage)
    page.refresh()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    qtbot.keyClicks(page.server_url, pg_url)
    qtbot.mouseClick(page.server_enrol, Qt.MouseButton.LeftButton)
    assert shown == ["El servidor tiene varios centros (CDMYPE San Miguel, CDMYPE Santa Ana); "
                     "indique el de este equipo."]
    assert not page.server_sync.isEnabled() and page.server_url.text() == pg_url  # nothing typed is lost

    qtbot.keyClicks(page.server_centre, "cdmype santa ana")
    qtbot.keyClick(page.server_centre, Qt.Key.Key_Return)
    assert page.server_sync.isEnabled() and page.server_url.text() == ""
    with psycopg.connect(pg_url) as conn:
        [(name,)] = conn.execute("SELECT c.name FROM devices d JOIN centre c ON c.id = d.centre_id "
                                 "WHERE d.device_id = %s", (storage.device_id,)).fetchall()
    assert name == "CDMYPE Santa Ana"
    page.resize(1000, 640)
    page.grab().save(str(tmp_path / "sync-centres.png"))
    storage.close()
