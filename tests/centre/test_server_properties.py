"""Property test: random field work on three laptops, each syncing with the server whenever the
network happens to be there, converges; and the server's portfolio shows every firm exactly as
the laptops do (the same version while a conflict waits, deletions included)."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import UserError
from desktop.services import centre
from desktop.services.registry import firms
from tests.centre.devices import enrol, secure_database
from tests.sync.conftest import open_conflicts, snapshot

pytestmark = pytest.mark.postgres

N_FIRMS = 2
DEVICES = 3

op = st.one_of(
    st.tuples(st.sampled_from(["edit", "delete", "undelete"]), st.integers(0, DEVICES - 1),
              st.integers(0, N_FIRMS - 1)),
    st.tuples(st.just("sync"), st.integers(0, DEVICES - 1), st.just(0)),
)


def _fresh_database(pg_cluster) -> tuple[str, str]:
    host, port, password = pg_cluster
    admin = f"postgresql://postgres:{password}@{host}:{port}/postgres"
    name = f"rumbo_prop_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin, name


def _drop(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'rumbo\\_%%' "
                                    "AND rolname <> 'rumbo_device'").fetchall():
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _laptop_firms(storage) -> dict:
    return {r[0]: (r[1], r[2] is not None) for r in storage.conn.execute("SELECT id, notes, deleted_at FROM firms")}


@settings(max_examples=int(os.environ.get("RUMBO_SYNC_EXAMPLES", "15")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, min_size=1, max_size=14), order=st.permutations(range(DEVICES)))
def test_random_work_and_syncs_converge_and_the_portfolio_shows_what_laptops_show(pg_cluster, ops, order):
    admin, name = _fresh_database(pg_cluster)
    url = admin.rsplit("/", 1)[0] + "/" + name
    centre.init_centre(url, "CDMYPE San Miguel")
    with tempfile.TemporaryDirectory() as tmp:
        devs: list = [None] * DEVICES
        for i in order:  # ids are time-ordered and break ties: the order of creation matters
            devs[i] = secure_database(Path(tmp) / f"d{i}.db", f"Laptop {i}")
        try:
            for d in devs:
                enrol(d, url)
            ids = [firms.register_firm(devs[0], {"legal_name": f"Empresa {n}", "country": "SV"}, None)["id"]
                   for n in range(N_FIRMS)]
            for d in devs:
                centre.sync_now(d)
            for n, (kind, who, arg) in enumerate(ops):
                if kind == "sync":
                    centre.sync_now(devs[who])
                    continue
                try:
                    if kind == "edit":
                        firms.update_firm(devs[who], ids[arg], {"notes": f"nota {n}"}, None)
                    elif kind == "delete":
                        firms.delete_firm(devs[who], ids[arg], None)
                    else:
                        firms.undelete_firm(devs[who], ids[arg], None)
                except UserError:
                    continue  # editing a deleted firm is refused, nothing written
            for _ in range(2):
                for d in devs:
                    centre.sync_now(d)
            assert snapshot(devs[0]) == snapshot(devs[1]) == snapshot(devs[2])
            assert open_conflicts(devs[0]) == open_conflicts(devs[1]) == open_conflicts(devs[2])
            with psycopg.connect(url) as conn:
                shown = {r[0]: (r[1], r[2] is not None) for r in conn.execute(
                    "SELECT id, notes, deleted_at FROM portfolio.firms")}
            assert shown == _laptop_firms(devs[0])
        finally:
            for d in devs:
                d.close()
            _drop(admin, name)
