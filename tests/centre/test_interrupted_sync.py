"""``kill -9`` of a laptop in the middle of a direct sync (issue 17): the server keeps whole batches
only, the laptop's file is intact, and the next sync carries on with nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psycopg
import pytest

from desktop.services import centre
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.centre.devices import SIGN_IN_SCRIPT, enrol, secure_database

pytestmark = pytest.mark.postgres

N_FIRMS = 400
BATCH = 25

# A sync in a process of its own, pushing in small batches with a pause after each, so that the
# test can kill it between two batches or in the middle of one.
SLOW_SYNC = textwrap.dedent("""
    import sys, time
    import psycopg
    from db.centre import server
    from desktop.services import centre
    from desktop.services.storage import open_database

    server.BATCH = {batch}
    slow = psycopg.Cursor.executemany

    def executemany(self, *args, **kwargs):
        slow(self, *args, **kwargs)
        time.sleep(0.15)

    psycopg.Cursor.executemany = executemany
    {sign_in}
    with open_database(sys.argv[1]) as storage:
        print(centre.sync_now(storage).sentence(), flush=True)
""")


def _on_server(owner_url: str) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("SELECT count(*) FROM changes").fetchone()[0]


def _live_firms(path) -> int:
    with open_database(path) as storage:
        assert storage.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return storage.conn.execute("SELECT count(*) FROM firms WHERE deleted_at IS NULL").fetchone()[0]


def _start(script: str, path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen([sys.executable, "-c", script, str(path)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_a_laptop_killed_mid_push_resumes_without_loss_or_duplicates(tmp_path, pg_url):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    laptop, coord = tmp_path / "laptop.db", tmp_path / "coord.db"
    with secure_database(laptop, "Laptop Ana") as storage:
        enrol(storage, pg_url)
        centre.sync_now(storage)  # its sign-in first: what follows is the firms alone
        firms.register_firms(storage, ({"legal_name": f"Empresa {i} <&> ☕", "country": "SV"}
                                       for i in range(N_FIRMS)), None)
    with secure_database(coord, "Coordinación") as storage:
        enrol(storage, pg_url)
    signed_in = _on_server(pg_url)

    proc = _start(SLOW_SYNC.format(batch=BATCH, sign_in=SIGN_IN_SCRIPT), laptop)
    deadline = time.monotonic() + 60
    while _on_server(pg_url) - signed_in < 3 * BATCH and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _on_server(pg_url) - signed_in
    assert 3 * BATCH <= stored < N_FIRMS  # cut in the middle
    assert stored % BATCH == 0  # whole batches only: a batch is one transaction
    assert _live_firms(laptop) == N_FIRMS  # the laptop's file is intact

    with open_database(laptop) as storage:
        result = centre.sync_now(storage)
    assert result.pushed == N_FIRMS - stored  # nothing re-sent, nothing missing
    assert _on_server(pg_url) - signed_in == N_FIRMS


def test_a_desktop_killed_while_applying_a_pull_keeps_its_file_and_resumes(tmp_path, pg_url):
    centre.init_centre(pg_url, "CDMYPE San Miguel")
    laptop, coord = tmp_path / "laptop.db", tmp_path / "coord.db"
    with secure_database(laptop, "Laptop Ana") as storage:
        enrol(storage, pg_url)
        firms.register_firms(storage, ({"legal_name": f"Empresa {i}", "country": "SV"} for i in range(N_FIRMS)),
                             None)
        centre.sync_now(storage)
    with secure_database(coord, "Coordinación") as storage:
        enrol(storage, pg_url)

    # The pull's apply is slowed change by change, and killed part-way through.
    script = textwrap.dedent("""
        import sys, time
        from db.sync import exchange
        from desktop.services import centre
        from desktop.services.storage import open_database

        apply_one = exchange._apply_change

        def slow(storage, ch, *args):
            apply_one(storage, ch, *args)
            if ch.table == "firms":
                print("applied", flush=True)
                time.sleep(0.01)

        exchange._apply_change = slow
        {sign_in}
        with open_database(sys.argv[1]) as storage:
            centre.sync_now(storage)
    """)
    proc = _start(script.replace("{sign_in}", SIGN_IN_SCRIPT), coord)
    for _ in range(50):  # fifty firms written inside the (uncommitted) transaction
        assert proc.stdout.readline().strip() == "applied"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _live_firms(coord) == 0  # nothing half-applied

    with open_database(coord) as storage:
        result = centre.sync_now(storage)
    assert result.pulled == N_FIRMS + 2 and result.report.applied == N_FIRMS + 2  # and the laptop's sign-in
    assert _live_firms(coord) == N_FIRMS


def test_the_server_killed_mid_push_keeps_whole_batches_and_the_next_sync_resumes(tmp_path, pg_url, monkeypatch):
    """kill -9 of the server process serving this laptop, in the middle of a batch."""
    from db.centre import server
    from desktop.domain.errors import UserError

    centre.init_centre(pg_url, "CDMYPE San Miguel")
    storage = secure_database(tmp_path / "laptop.db", "Laptop Ana")
    enrol(storage, pg_url)
    centre.sync_now(storage)  # its sign-in first: what follows is the firms alone
    signed_in = _on_server(pg_url)
    firms.register_firms(storage, ({"legal_name": f"Empresa {i}", "country": "SV"} for i in range(N_FIRMS)), None)
    monkeypatch.setattr(server, "BATCH", BATCH)
    calls = []
    real = psycopg.Cursor.executemany

    def executemany(self, *args, **kwargs):
        real(self, *args, **kwargs)
        calls.append(1)
        if len(calls) == 3:  # the third batch is written but not committed
            os.kill(self.connection.info.backend_pid, signal.SIGKILL)

    monkeypatch.setattr(psycopg.Cursor, "executemany", executemany)
    with pytest.raises(UserError) as cut:
        centre.sync_now(storage)
    assert str(cut.value) == centre.MESSAGES["cut"]
    monkeypatch.setattr(psycopg.Cursor, "executemany", real)

    deadline = time.monotonic() + 30  # PostgreSQL restarts its processes after a crash
    while True:
        try:
            stored = _on_server(pg_url) - signed_in
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    assert stored == 2 * BATCH  # the batch being written when the server died is not there at all
    result = centre.sync_now(storage)
    assert result.pushed == N_FIRMS - 2 * BATCH and _on_server(pg_url) - signed_in == N_FIRMS
    assert storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == N_FIRMS
    storage.close()
