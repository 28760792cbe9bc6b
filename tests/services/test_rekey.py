"""Removing access re-keys the database (issue 31, item 1): an old key-file copy opens nothing."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import nacl.pwhash
import nacl.secret
import nacl.utils
import pytest

from db import cipher, keyfile, keys
from desktop.domain.errors import UserError
from desktop.services import advisers, rekey, security
from desktop.services.demo import make_demo
from desktop.services.maintenance import database_backup_folder, startup_backup
from desktop.services.storage import open_database

PASSWORDS = {"ana": "secreta123", "beto": "clave-de-beto", "carla": "clave-de-carla"}


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    folder = tmp_path / "copias"
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: folder)
    yield folder
    keys._unlocked.clear()
    keys._older.clear()


def make_centre(db: Path, firms: int = 8) -> dict:
    """Ana (administrator), Beto (adviser) and Carla (coordinator), some firms and two backups."""
    made = security.set_up(db, "Ana", "ana", PASSWORDS["ana"])
    ids = {"ana": made.signed_in.adviser_id}
    with open_database(db) as storage:
        for name, role in (("Beto", "adviser"), ("Carla", "coordinator")):
            adviser = security.adviser_repo.create_adviser(storage, {"name": name, "active": True}, ids["ana"])
            login = name.lower()
            security.grant_access(storage, ids["ana"], adviser["id"], login, PASSWORDS[login], role)
            ids[login] = adviser["id"]
        make_demo(storage, firms, assessments=False)
        startup_backup(storage)
        startup_backup(storage)
    ids["recovery"] = made.recovery_key
    return ids


def keys_in(key_file_copy: Path, secrets: dict[str, str]) -> list[bytes]:
    """Every database key a key file yields to the given logins' passwords (and a recovery key)."""
    holder = key_file_copy.parent / key_file_copy.name.removesuffix(".keys")
    found = []
    copy = keyfile.KeyFile.read(holder)
    for login, secret in secrets.items():
        entry = copy.recovery() if login == "#recovery" else copy.entry_for(login)
        if entry is not None:
            found += entry.open(keys.normalise_recovery_key(secret) if login == "#recovery" else secret) or []
    return found


def opened_by(files: list[Path], candidates: list[bytes]) -> list[Path]:
    return [f for f in files if cipher.first_that_opens(f, candidates) is not None]


def backups_of(db: Path) -> list[Path]:
    with open_database(db) as storage:
        return sorted(database_backup_folder(storage).glob("*.db"))


@pytest.mark.attack(9, 'An old key-file copy and an old password open the database or its backups after access is removed')
def test_removing_access_rekeys_the_database_and_its_backups(tmp_path):
    db = tmp_path / "rumbo.db"
    ids = make_centre(db)
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"  # what Beto copied while he had access
    old_copy.parent.mkdir()
    shutil.copy(keys.key_file_path(db), old_copy)
    assert opened_by([db], keys_in(old_copy, {"beto": PASSWORDS["beto"]})) == [db]  # the leak being closed

    storage = open_database(db)  # the GUI's own connection
    firms = storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0]
    done = security.remove_access(storage, ids["ana"], ids["beto"])
    assert done.rekeyed and done.copies == 2 and not done.needs_password and not done.recovery_owed
    # The connection that did it keeps working, for reading and writing.
    assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == firms
    advisers.update_adviser(storage, ids["carla"], {"phone": "+503 2222 3333"}, ids["ana"])
    storage.close()

    everything = [db, *backups_of(db)]
    assert len(everything) == 3
    beto = keys_in(old_copy, {"beto": PASSWORDS["beto"]})
    assert beto and opened_by(everything, beto) == []
    # Nor does any secret held at the time open anything through the old copy.
    old_keys = keys_in(old_copy, {**PASSWORDS, "#recovery": ids["recovery"]})
    assert opened_by(everything, old_keys) == []
    # The main file alone (no -wal beside it) is under the new key too: the checkpoint ran.
    alone = tmp_path / "sola.db"
    shutil.copy(db, alone)
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    assert opened_by([alone], old_keys) == [] and cipher.opens(alone, keys.key_for(db))

    current = keyfile.KeyFile.read(db)
    assert current.entry_for("beto") is None
    assert {tuple(e.sealed) for e in current.entries} == {(current.key_id,)}  # the old generation pruned
    assert keys.key_id(keys.key_for(db)) == current.key_id
    security.lock(db)
    with pytest.raises(UserError):
        security.sign_in(db, "beto", PASSWORDS["beto"])
    assert security.sign_in(db, "carla", PASSWORDS["carla"]).role == "coordinator"
    security.lock(db)
    assert security.recover(db, ids["recovery"], "ana", "nuevaclave1", "nuevaclave1").role == "administrator"
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == firms
        assert storage.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        phone = storage.conn.execute("SELECT phone FROM advisers WHERE id = ?", (ids["carla"],)).fetchone()[0]
        assert phone and phone.endswith("22223333")


@pytest.mark.attack(9, "A deactivated adviser's old key-file copy still opens the database")
def test_deactivating_an_adviser_who_had_sign_in_rekeys_too(tmp_path):
    db = tmp_path / "rumbo.db"
    ids = make_centre(db, firms=3)
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"
    old_copy.parent.mkdir()
    shutil.copy(keys.key_file_path(db), old_copy)
    before = keys.key_for(db)
    with open_database(db) as storage:
        advisers.update_adviser(storage, ids["carla"], {"active": False}, ids["ana"])
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 3
    assert keys.key_for(db) != before
    assert opened_by([db, *backups_of(db)], keys_in(old_copy, {"carla": PASSWORDS["carla"]})) == []
    assert keyfile.KeyFile.read(db).entry_for("carla") is None
    security.lock(db)
    assert security.sign_in(db, "beto", PASSWORDS["beto"]).login == "beto"


def test_an_entry_the_advisers_table_no_longer_backs_is_closed_at_the_next_sign_in(tmp_path):
    """Access removed where no re-key could run (another device's change, a crash): the next sign-in does it."""
    db = tmp_path / "rumbo.db"
    ids = make_centre(db, firms=2)
    with open_database(db) as storage, storage.write():
        security.adviser_repo.update_adviser(storage, ids["beto"], {"login": None}, ids["ana"])
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"
    old_copy.parent.mkdir()
    shutil.copy(keys.key_file_path(db), old_copy)
    security.lock(db)
    security.sign_in(db, "carla", PASSWORDS["carla"])  # any adviser's sign-in closes it
    assert keyfile.KeyFile.read(db).entry_for("beto") is None
    beto = keys_in(old_copy, {"beto": PASSWORDS["beto"]})
    assert opened_by([db], beto) == []
    assert len(opened_by(backups_of(db), beto)) == 2  # the backups wait for the start-up task ...
    with open_database(db) as storage:
        assert rekey.finish_copies(storage).copies == 2  # ... which the app runs in the background
    assert opened_by([db, *backups_of(db)], beto) == []
    assert {tuple(e.sealed) for e in keyfile.KeyFile.read(db).entries} == {(keyfile.KeyFile.read(db).key_id,)}


def _version_1(db: Path, secrets: dict[str, str], recovery: str) -> None:
    """Write the key file as the earlier Rumbo did: the database key boxed under each Argon2id key."""
    key = keys.key_for(db)
    current = keyfile.KeyFile.read(db)

    def box(secret):
        salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
        wrapping = nacl.pwhash.argon2id.kdf(32, secret.encode(), salt, opslimit=keyfile.OPSLIMIT,
                                            memlimit=keyfile.MEMLIMIT)
        return {"salt": base64.b64encode(salt).decode(), "ops": keyfile.OPSLIMIT, "mem": keyfile.MEMLIMIT,
                "box": base64.b64encode(bytes(nacl.secret.SecretBox(wrapping).encrypt(key))).decode()}

    entries = [{"kind": "recovery", **box(keys.normalise_recovery_key(recovery))}]
    for entry in current.advisers():
        entries.append({"kind": "adviser", "adviser_id": entry.adviser_id, "login": entry.login, "name": entry.name,
                        **box(secrets[entry.login])})
    data = {"format": "rumbo-keys", "version": 1, "entries": entries, "failures": {"#recuperacion": {"count": 1}}}
    keys.key_file_path(db).write_text(json.dumps(data))


def test_a_version_1_key_file_is_upgraded_and_what_cannot_follow_a_rekey_is_said(tmp_path):
    db = tmp_path / "rumbo.db"
    ids = make_centre(db, firms=2)
    _version_1(db, PASSWORDS, ids["recovery"])
    security.lock(db)
    ana = security.sign_in(db, "ana", PASSWORDS["ana"])  # Ana's entry becomes a key pair on the way
    read = keyfile.KeyFile.read(db)
    assert read.entry_for("ana").version == 2 and read.entry_for("carla").version == 1
    assert read.attempts["recovery"] == {"count": 1}  # the old shared namespace, sorted out
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"
    old_copy.parent.mkdir()
    shutil.copy(keys.key_file_path(db), old_copy)

    with open_database(db) as storage:
        done = security.remove_access(storage, ids["ana"], ids["beto"])
        assert done.needs_password == ["Carla"] and done.recovery_owed
        accounts = {a["login"]: a["needs_password"] for a in security.accounts(storage)}
        assert accounts == {"ana": False, "carla": True, None: False}
    assert opened_by([db, *backups_of(db)], keys_in(old_copy, {**PASSWORDS, "#recovery": ids["recovery"]})) == []
    # Carla is told what to do instead of "wrong password"; the old recovery key is gone.
    security.lock(db)
    with pytest.raises(UserError) as carla:
        security.sign_in(db, "carla", PASSWORDS["carla"])
    assert carla.value.message == security.RESET
    with pytest.raises(UserError):
        security.recover(db, ids["recovery"], "ana", "nuevaclave1", "nuevaclave1")
    # The next administrator's sign-in gets a new recovery key, once; an adviser never does.
    ana = security.sign_in(db, "ana", PASSWORDS["ana"])
    assert security.issue_owed_recovery_key(db, security.SignedIn("x", "beto", "Beto", "adviser")) is None
    fresh = security.issue_owed_recovery_key(db, ana)
    assert fresh and security.issue_owed_recovery_key(db, ana) is None
    with open_database(db) as storage:
        security.grant_access(storage, ids["ana"], ids["carla"], "carla", "otra-clave-9", "coordinator")
    security.lock(db)
    assert security.sign_in(db, "carla", "otra-clave-9").role == "coordinator"
    security.lock(db)
    assert security.recover(db, fresh, "ana", "nuevaclave1", "nuevaclave1").login == "ana"


def test_the_command_line_prints_an_owed_recovery_key_once_to_an_administrator(tmp_path, private_backups):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "rumbo.db"
    ids = make_centre(db, firms=2)
    _version_1(db, PASSWORDS, ids["recovery"])
    security.lock(db)
    security.sign_in(db, "ana", PASSWORDS["ana"])
    with open_database(db) as storage:
        security.remove_access(storage, ids["ana"], ids["beto"])
    security.lock(db)

    def run(login):
        env = {**os.environ, "RUMBO_USER": login, "RUMBO_PASSWORD": PASSWORDS[login]}
        return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "export", "firms",
                               str(tmp_path / f"{login}.csv")], cwd=root, env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)

    first, second = run("ana"), run("ana")
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stderr.startswith("La llave de la base cambió y la clave de recuperación anterior ya no vale.")
    fresh = first.stderr.strip().rsplit(" ", 1)[1]
    assert second.stderr == "" and fresh not in first.stdout  # once, and never into what the command writes
    assert security.recover(db, fresh, "ana", "nuevaclave1", "nuevaclave1").login == "ana"
