"""A device enrolled as the national coordination's (``rumbo centre enrol --national``) reads every
centre on the server and writes nothing there, so it writes no client data at home either: what
was typed on it would never reach anyone (issue 31). Pulls and bundles still apply; advisers and
settings (sign-in, the device's own configuration) stay writable.

The scope is set here as enrolment sets it (tests/centre enrols for real)."""

from __future__ import annotations

import datetime as dt

import pytest
from db.errors import MESSAGES, StorageError
from db.sync.peers import set_server_settings
from desktop.cli import main
from desktop.services.advisers import current_adviser_id
from desktop.services import advisers, advisory, settings, sync
from desktop.services.demo import make_demo
from desktop.services.registry import firms
from desktop.services.registry.importing import import_file
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, logical_hash

NATIONAL = MESSAGES["national"]
FIRM = {"legal_name": "Café de Oriente", "country": "SV", "municipality": "San Miguel"}


def _make_national(storage) -> None:
    set_server_settings(storage, scope="national")


@pytest.fixture
def national(tmp_path, encrypted_db):
    """The national coordinator's desktop (encrypted, as every database the command line writes)."""
    storage = open_database(encrypted_db(tmp_path / "nacional.db", device_name="Coordinación nacional"))
    yield storage
    storage.close()


@pytest.mark.attack(10, 'The national device registers, edits, imports or makes demo firms sync never pushes')
def test_every_write_of_client_data_is_refused_with_one_sentence(national, tmp_path):
    firm = firms.register_firm(national, FIRM, None)  # before it was enrolled as national
    _make_national(national)
    before = logical_hash(national)
    (tmp_path / "empresas.csv").write_text("nombre,pais\nPanadería Nueva,SV\n", encoding="utf-8")
    attempts = {
        "register": lambda: firms.register_firm(national, {**FIRM, "legal_name": "Otra"}, None),
        "update": lambda: firms.update_firm(national, firm["id"], {"phone": "2661 0000"}, None),
        "delete": lambda: firms.delete_firm(national, firm["id"], None),
        "import": lambda: import_file(national, tmp_path / "empresas.csv", None),
        "demo": lambda: make_demo(national, 3, seed=1),
    }
    for name, attempt in attempts.items():
        with pytest.raises(StorageError) as refused:
            attempt()
        assert str(refused.value) == NATIONAL, name
        assert logical_hash(national) == before, name  # nothing half-written
    assert NATIONAL.startswith("Este equipo es de la coordinación nacional:") and "no registra ni cambia" in NATIONAL

    # Its own advisers (sign-in) and settings are not client data.
    admin = current_adviser_id(national)  # the database is encrypted: roles are in force
    advisers.create_adviser(national, {"name": "Marta Coordinadora"}, admin)
    settings.set_setting(national, "centre_name", "Coordinación nacional", admin)
    assert settings.get_setting(national, "centre_name") == "Coordinación nacional"


@pytest.mark.attack(10, 'The national device settles duplicates and conflicts')
def test_settling_duplicates_and_conflicts_is_refused_but_pulls_apply(tmp_path):
    """The centres settle them; the national device receives their decisions."""
    a = open_database(tmp_path / "a.db", device_name="Laptop Ana")
    b = open_database(tmp_path / "b.db", device_name="Laptop Beto")
    nation = open_database(tmp_path / "n.db", device_name="Coordinación nacional")
    enrol_each_other(a, b, nation)
    _make_national(nation)
    kept = firms.register_firm(a, {**FIRM, "tax_id": "0614-290186-102-2"}, None)
    gone = firms.register_firm(b, {**FIRM, "legal_name": "Cafe de Oriente S.A.", "tax_id": "0614-290186-102-2"},
                               None)
    for src in (a, b):
        sync.export_bundle(src, tmp_path / "x.rumbo", peer=nation.device_id)
        sync.import_bundle(nation, tmp_path / "x.rumbo")
    [dup] = sync.list_conflicts(nation)
    before = logical_hash(nation)
    side = "local" if dup.local["id"] == kept["id"] else "remote"
    with pytest.raises(StorageError, match="coordinación nacional"):
        sync.resolve_conflict(nation, dup.id, {n: side for n in dup.fields}, None, survivor=side)
    with pytest.raises(StorageError, match="coordinación nacional"):
        sync.keep_apart(nation, dup.id, None)
    assert logical_hash(nation) == before

    # Laptop A settles it while laptop B records a session on the absorbed firm; the national device
    # applies both, and does not move the session itself (that would be a write of its own).
    sync.export_bundle(b, tmp_path / "b.rumbo", peer=a.device_id)
    sync.import_bundle(a, tmp_path / "b.rumbo")
    [dup_a] = sync.list_conflicts(a)
    side = "local" if dup_a.local["id"] == kept["id"] else "remote"
    sync.resolve_conflict(a, dup_a.id, {n: side for n in dup_a.fields}, None, survivor=side)
    session = advisory.record_session(b, gone["id"], {"held_on": dt.date.today().isoformat(), "minutes": 60,
                                                      "mode": "visita"}, None)
    for src in (a, b):
        sync.export_bundle(src, tmp_path / "y.rumbo", peer=nation.device_id)
        sync.import_bundle(nation, tmp_path / "y.rumbo")
    assert firms.get_firm(nation, gone["id"]) is None and firms.get_firm(nation, kept["id"])
    assert sync.list_conflicts(nation) == []
    [(firm_id,)] = nation.conn.execute("SELECT firm_id FROM advisory_sessions WHERE id = ?", (session["id"],))
    assert firm_id == gone["id"]  # Laptop A moves it when it receives it; the move reaches here as a change
    own = nation.conn.execute("SELECT count(*) FROM change_log WHERE origin = ?", (nation.device_id,)).fetchone()[0]
    assert own == 0
    for s in (a, b, nation):
        s.close()


@pytest.mark.attack(10, 'The national device writes client data from the command line')
def test_the_command_line_says_the_sentence_and_writes_nothing(national, tmp_path, capsys):
    _make_national(national)
    before = logical_hash(national)
    (tmp_path / "empresas.csv").write_text("nombre,pais\nPanadería Nueva,SV\n", encoding="utf-8")
    assert main(["--db", str(national.path), "import", str(tmp_path / "empresas.csv")]) == 2
    assert capsys.readouterr().err == NATIONAL + "\n"
    assert main(["--db", str(national.path), "demo", "--firms", "3"]) == 2
    assert capsys.readouterr().err == NATIONAL + "\n"
    assert logical_hash(national) == before
