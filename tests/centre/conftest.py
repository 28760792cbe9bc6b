"""A real PostgreSQL server for the centre's tests: a throwaway cluster started from the
distribution's install (``initdb``/``pg_ctl``), one fresh database per test.

Tests that need it are marked ``postgres``. Without PostgreSQL installed they are skipped on
a developer's machine and fail under CI (``CI=true``), which installs it (``.ci/run``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PASSWORD = "rumbo-test"


def _bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: run it as the distribution's "postgres" user then.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_cluster():
    """(host, port, superuser password) of a cluster that lives for the session."""
    bindir = _bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs it from the distribution's packages")
        pytest.skip("PostgreSQL is not installed here (apt-get install postgresql)")
    # Not under pytest's tmp dir: as root, the "postgres" user could not reach it (mode 700).
    root = Path(tempfile.mkdtemp(prefix="rumbo-pg-"))
    data, pwfile = root / "data", root / "pw"
    pwfile.write_text(PASSWORD)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(pwfile, "postgres")
        root.chmod(0o755)
    port = _free_port()
    subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile", str(pwfile),
                              "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                              "--locale=C.UTF-8"]), check=True, capture_output=True)
    subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                              f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]),
                   check=True, capture_output=True)
    try:
        yield "127.0.0.1", port, PASSWORD
    finally:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster):
    """The owner's URL of a fresh, empty database (dropped after the test, with its device roles)."""
    import psycopg

    host, port, password = pg_cluster
    admin = f"postgresql://postgres:{password}@{host}:{port}/postgres"
    name = f"rumbo_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres:{password}@{host}:{port}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'rumbo\\_%%' "
                                    "AND rolname <> 'rumbo_device'").fetchall():
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
