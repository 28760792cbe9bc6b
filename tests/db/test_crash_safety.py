"""A process killed in the middle of a large write leaves a sound database
holding none of that write; killed just after it commits, all of it."""

from __future__ import annotations

import os
import signal
from db.driver import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent("""
    import sys, time
    from db.connection import open_storage
    from db import firms

    path, mode = sys.argv[1], sys.argv[2]
    storage = open_storage(path)
    # A tiny page cache makes SQLite spill the uncommitted pages into the WAL
    # file, so the kill really leaves half a transaction on disk.
    storage.conn.execute("PRAGMA cache_size = 50")
    rows = [{"legal_name": f"Importada {i} " + "x" * 200, "country": "SV", "municipality": "San Miguel"}
            for i in range(20000)]
    if mode == "middle":
        with storage.write():
            firms.insert_firms(storage, rows, None)
            print("MIDDLE", flush=True)
            time.sleep(120)
    else:
        firms.insert_firms(storage, rows, None)
        print("COMMITTED", flush=True)
        time.sleep(120)
""")

ROOT = Path(__file__).resolve().parents[2]


def _kill_at(path: Path, mode: str, marker: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), mode], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = child.stdout.readline().strip()
        assert line == marker, child.stderr.read()
        if mode == "middle":
            wal = Path(f"{path}-wal")
            assert wal.exists() and wal.stat().st_size > 1_000_000  # half a transaction is on disk
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL


def _prepare(path: Path) -> None:
    from db import firms
    from db.connection import open_storage

    with open_storage(path) as storage:
        firms.insert_firms(storage, [{"legal_name": f"Previa {i}", "country": "CR"} for i in range(100)], None)


def _state(path: Path) -> tuple[str, int, int, int]:
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        firms = conn.execute("SELECT count(*) FROM firms").fetchone()[0]
        logged = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM firms_fts WHERE firms_fts MATCH 'importada'").fetchone()[0]
        return integrity, firms, logged, indexed
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_mid_transaction_keeps_none_of_it(tmp_path):
    path = tmp_path / "rumbo.db"
    _prepare(path)
    _kill_at(path, "middle", "MIDDLE")
    assert _state(path) == ("ok", 100, 100, 0)
    from db.backup import check_file

    assert check_file(path).ok


@pytest.mark.slow
def test_killed_after_commit_keeps_all_of_it(tmp_path):
    path = tmp_path / "rumbo.db"
    _prepare(path)
    _kill_at(path, "committed", "COMMITTED")
    assert _state(path) == ("ok", 20100, 20100, 20000)
