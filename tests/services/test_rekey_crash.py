"""A re-key killed (kill -9) at each of its steps: the database always opens for those who keep
access, never for the removed adviser's old key-file copy, and the next sign-in finishes the job."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db import keyfile, keys
from desktop.services import rekey, security
from desktop.services.storage import open_database
from tests.services.test_rekey import PASSWORDS, backups_of, keys_in, make_centre, opened_by, private_backups  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, signal, sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    import desktop.services.maintenance as maintenance
    maintenance.backup_folder = lambda: Path({folder!r})
    from db import cipher, keyfile
    from desktop.services import rekey, security
    from desktop.services.storage import open_database

    step = {step!r}

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    def before(module, name, when=lambda: True):
        real = getattr(module, name)
        def patched(*args, **kwargs):
            if when():
                die()
            return real(*args, **kwargs)
        setattr(module, name, patched)

    if step == "before the key file":
        before(rekey, "_new_generation")
    elif step == "before the rekey":
        before(cipher, "rekey_in_place")
    elif step == "after the rekey, before the checkpoint":
        before(cipher, "checkpoint")
    elif step == "between two backups":
        calls = []
        before(cipher, "rekey_copy", lambda: calls.append(1) or len(calls) == 2)
    elif step == "after a backup's rekey, before its checkpoint":
        before(cipher, "single_file")
    elif step == "before the old key is pruned":
        copied = []
        real_copies = rekey.rekey_copies
        rekey.rekey_copies = lambda *a: copied.append(1) or real_copies(*a)
        before(keyfile.KeyFile, "write", lambda: bool(copied))
    who = security.sign_in({db!r}, "ana", {password!r})
    storage = open_database({db!r})
    if step == "in the middle of the rekey":
        storage.conn.execute("PRAGMA cache_size = 20")  # the rewritten pages spill into the -wal as it goes
        print("READY", flush=True)
        time.sleep(0.5)
    security.remove_access(storage, who.adviser_id, {beto!r})
    print("DONE", flush=True)
    time.sleep(60)
""")

STEPS = ["before the key file", "before the rekey", "in the middle of the rekey",
         "after the rekey, before the checkpoint", "between two backups",
         "after a backup's rekey, before its checkpoint", "before the old key is pruned"]


def _kill_in_the_middle(child: subprocess.Popen, db: Path) -> int:
    """Wait until the rekey has written a good part of the file to the -wal, then kill -9 the child."""
    assert child.stdout.readline().strip() == "READY"
    wal = Path(f"{db}-wal")
    size = db.stat().st_size
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        written = wal.stat().st_size if wal.exists() else 0
        if written > size // 3:
            child.send_signal(signal.SIGKILL)
            return written
        time.sleep(0.0005)
    raise AssertionError("the rekey never wrote to the -wal")


@pytest.mark.attack(9, 'A re-key killed at any step leaves the removed adviser a way in, or nobody a way in')
@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_a_rekey_killed_at_each_step_is_safe_and_finished_at_the_next_sign_in(tmp_path, step, private_backups):
    db = tmp_path / "rumbo.db"
    # Large enough that the kill lands well before the rekey commits, even on a loaded machine.
    ids = make_centre(db, firms=200 if step == "in the middle of the rekey" else 6)
    with open_database(db) as storage:
        firms = storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0]
        storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old_copy = tmp_path / "guardada" / "rumbo.db.keys"
    old_copy.parent.mkdir()
    shutil.copy(keys.key_file_path(db), old_copy)
    old_key = keys.key_for(db)
    security.lock(db)
    keys._older.clear()

    script = CHILD.format(root=str(ROOT), folder=str(private_backups), step=step, db=str(db),
                          password=PASSWORDS["ana"], beto=ids["beto"])
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        if step == "in the middle of the rekey":
            _kill_in_the_middle(child, db)
        child.wait(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read()

    # At the moment of the kill: the key file never hands Beto anything but the old key ...
    at_kill = json.loads(keys.key_file_path(db).read_text())
    beto_entries = [e for e in at_kill["entries"] if e.get("login") == "beto"]
    assert beto_entries == [] or step == "before the key file"
    assert all(set(e.get("sealed", {})) == {keys.key_id(old_key)} for e in beto_entries)
    if step == "in the middle of the rekey":
        assert cipher_opens(db, old_key)  # cut before the rekey committed: still under the old key
    if step == "after a backup's rekey, before its checkpoint":
        assert list(private_backups.rglob("*.db-wal"))  # that copy's new pages are still in its -wal

    # ... and the next sign-in of anyone who keeps access opens it and finishes the job.
    assert security.sign_in(db, "carla", PASSWORDS["carla"]).role == "coordinator"
    assert cipher_opens(db, keys.key_for(db)) and not cipher_opens(db, old_key)  # the database: at sign-in
    with open_database(db) as storage:
        rekey.finish_copies(storage)  # the backups: the app's start-up task, in the background
    current = keyfile.KeyFile.read(db)
    assert current.entry_for("beto") is None
    assert {tuple(e.sealed) for e in current.entries} == {(current.key_id,)}
    everything = [db, *backups_of(db)]
    assert opened_by(everything, keys_in(old_copy, {**PASSWORDS, "#recovery": ids["recovery"]})) == []
    assert opened_by(everything, [keys.key_for(db)]) == everything
    assert not [p for p in private_backups.rglob("*") if p.name.endswith(("-wal", "-shm", ".tmp"))]
    with open_database(db) as storage:
        assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == firms
        assert storage.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        login = storage.conn.execute("SELECT login FROM advisers WHERE id = ?", (ids["beto"],)).fetchone()[0]
        assert login is None
    security.lock(db)
    assert security.sign_in(db, "ana", PASSWORDS["ana"]).role == "administrator"
    assert security.recover(db, ids["recovery"], "ana", "nuevaclave1", "nuevaclave1").login == "ana"


def cipher_opens(db: Path, key: bytes) -> bool:
    from db import cipher

    return cipher.opens(db, key)
