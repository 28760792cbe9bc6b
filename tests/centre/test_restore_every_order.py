"""Issue 31 item 5, by server: the centre sends back what a restored laptop lost, in every order.

The lost work reached the centre either by the laptop's own sync or by a bundle the coordinator
carried to the server (``rumbo centre import``); after the restore the laptop syncs first or works first.
"""

from __future__ import annotations

import pytest

from desktop.services import centre, maintenance, sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from desktop.services.advisers import current_adviser_id
from tests.centre.devices import enrol, secure_database, trust_each_other

pytestmark = pytest.mark.postgres


def _names(storage):
    return {r[0] for r in storage.conn.execute("SELECT legal_name FROM firms WHERE deleted_at IS NULL")}


def _firm(storage, name):
    firms.register_firm(storage, {"legal_name": name, "country": "SV"}, None)


@pytest.mark.attack(5, 'A restored laptop never gets back what its restore lost (by server, every order)')
@pytest.mark.parametrize("lost_went", ["by-sync", "by-bundle"])
@pytest.mark.parametrize("after_restore", ["sync-first", "work-first"])
def test_the_server_sends_back_what_the_restore_lost(tmp_path, pg_url, lost_went, after_restore):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    path = tmp_path / "laptop.db"
    laptop = secure_database(path, "Laptop Ana")
    desk = secure_database(tmp_path / "centro.db", "Centro", role="centre")
    trust_each_other(laptop, desk)
    for d in (laptop, desk):
        enrol(d, pg_url)
    for i in range(3):
        _firm(laptop, f"Antes {i}")
    centre.sync_now(laptop)
    maintenance.backup_database(laptop, tmp_path / "copia.db")
    _firm(laptop, "Perdida 1")
    _firm(laptop, "Perdida 2")
    if lost_went == "by-sync":
        centre.sync_now(laptop)
    else:  # a day without network: the coordinator carries the laptop's bundle to the server
        sync.export_bundle(laptop, tmp_path / "dia.rumbo")
        centre.bundle_to_server(desk, pg_url, tmp_path / "dia.rumbo", current_adviser_id(desk))
    laptop.close()

    maintenance.restore_database(path, tmp_path / "copia.db")
    laptop = open_database(path)
    assert _names(laptop) == {"Antes 0", "Antes 1", "Antes 2"}
    if after_restore == "sync-first":
        centre.sync_now(laptop)
    _firm(laptop, "Nueva 1")
    _firm(laptop, "Nueva 2")
    for _ in range(2):
        centre.sync_now(laptop)
        centre.sync_now(desk)
    assert _names(laptop) == _names(desk) == {"Antes 0", "Antes 1", "Antes 2", "Perdida 1", "Perdida 2",
                                              "Nueva 1", "Nueva 2"}
    laptop.close()
    desk.close()
