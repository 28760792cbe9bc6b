"""A throwaway PostgreSQL cluster from the distribution's install (``initdb``/``pg_ctl``),
for the tests and the centre benchmark."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PASSWORD = "rumbo-test"


class NoPostgres(Exception):
    """PostgreSQL is not installed here."""


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


@contextlib.contextmanager
def cluster():
    """Start a cluster; yields (host, port, superuser password); stops and removes it after."""
    bindir = _bindir()
    if bindir is None:
        raise NoPostgres("PostgreSQL is not installed (apt-get install postgresql)")
    # Not under pytest's tmp dir: as root, the "postgres" user could not reach it (mode 700).
    root = Path(tempfile.mkdtemp(prefix="rumbo-pg-"))
    data, pwfile = root / "data", root / "pw"
    pwfile.write_text(PASSWORD)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(pwfile, "postgres")
        root.chmod(0o755)
    port = _free_port()
    try:
        subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile", str(pwfile),
                                  "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                                  "--locale=C.UTF-8"]), check=True, capture_output=True)
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                                  f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]),
                       check=True, capture_output=True)
        yield "127.0.0.1", port, PASSWORD
    finally:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def prepared_database(name: str, centre_name: str):
    """A cluster with one database ``name`` prepared by ``rumbo centre init`` (for the benchmarks).

    Yields (owner URL, host, port).
    """
    import psycopg

    from desktop.services import centre

    with cluster() as (host, port, password):
        admin = f"postgresql://postgres:{password}@{host}:{port}/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgresql://postgres:{password}@{host}:{port}/{name}"
        centre.init_centre(url, centre_name)
        yield url, host, port
