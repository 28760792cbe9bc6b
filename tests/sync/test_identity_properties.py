"""Property test: one firm registered on two laptops, then random work, exchanges and
decisions (merge either way, keep apart, undo a merge) on three devices in random
orders. After everyone has exchanged everything, every device holds the same records,
the same open conflicts, the same merges and the same kept-apart pairs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db import assessments
from desktop.domain.errors import UserError
from db.audit import audit
from desktop.services import sync
from desktop.services.registry import firms
from desktop.services.storage import open_database
from tests.sync.conftest import enrol_each_other, exchange, open_conflicts, snapshot

DEVICES = 3  # 0 and 1 are laptops, 2 is the centre
PLACE = {"country": "SV", "department": "San Miguel", "municipality": "San Miguel"}

op = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, DEVICES - 1), st.integers(0, 1)),
    st.tuples(st.just("assess"), st.integers(0, DEVICES - 1), st.integers(0, 1)),
    st.tuples(st.just("sync"), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("decide"), st.integers(0, DEVICES - 1), st.integers(0, 2)),
    st.tuples(st.just("undo"), st.integers(0, DEVICES - 1), st.just(0)),
)


def _state(storage) -> tuple:
    merges = set(storage.conn.execute("SELECT from_id, into_id FROM sync_merges"))
    apart = set(storage.conn.execute("SELECT first_id, second_id FROM sync_distinct"))
    return snapshot(storage), open_conflicts(storage), merges, apart


def _step(devs, folder, ids, kind, who, arg, counter):
    storage = devs[who] if kind != "sync" else None
    if kind == "sync":
        src, dst = (who, 2) if arg else (2, who)
        exchange(devs[src], devs[dst], folder)
    elif kind == "edit":
        if firms.get_firm(storage, ids[arg]) is not None:
            firms.update_firm(storage, ids[arg], {"notes": f"nota {counter}"}, None)
    elif kind == "assess":
        if firms.get_firm(storage, ids[arg]) is not None:
            assessments.start_assessment(storage, ids[arg], "rumbo-readiness", "1", None, None)
    elif kind == "decide":
        dups = [c for c in sync.list_conflicts(storage) if c.kind == "duplicate"]
        if dups:
            if arg == 2:
                sync.keep_apart(storage, dups[0].id, None)
            else:
                sync.resolve_conflict(storage, dups[0].id, {n: "local" for n in dups[0].fields}, None,
                                      survivor=("local", "remote")[arg])
    else:
        merges = sync.list_merges(storage)
        if merges:
            sync.undo_merge(storage, merges[0]["absorbed_id"], None)


@settings(max_examples=int(os.environ.get("RUMBO_SYNC_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=1, max_size=12), order=st.permutations(range(DEVICES)))
# Named scenarios: an edit of the absorbed firm made elsewhere before the merge arrived;
# the two laptops deciding differently about the same pair; a merge undone on another device.
@example(ops=[("sync", 0, True), ("sync", 1, True), ("decide", 2, 1), ("assess", 0, 0), ("edit", 0, 0)],
         order=[0, 1, 2]).via("assessment and edit of the absorbed firm before the merge arrived")
@example(ops=[("sync", 0, True), ("sync", 1, True), ("edit", 0, 0), ("assess", 0, 0), ("decide", 2, 0),
              ("decide", 2, 1), ("sync", 0, False)], order=[0, 1, 2]).via("edit before the merge arrived")
@example(ops=[("sync", 0, True), ("sync", 1, True), ("sync", 0, False), ("sync", 1, False), ("decide", 0, 0),
              ("decide", 1, 2)], order=[2, 1, 0]).via("laptops decide differently")
@example(ops=[("sync", 0, True), ("sync", 1, True), ("decide", 2, 1), ("sync", 0, False), ("undo", 0, 0),
              ("edit", 2, 1)], order=[1, 0, 2]).via("merge undone elsewhere")
@example(ops=[("sync", 0, True), ("sync", 1, False), ("decide", 1, 0), ("undo", 1, 0)],
         order=[0, 1, 2]).via("a merge undone where it was made opens the pair again there too")
def test_duplicates_decisions_and_undos_converge_in_any_order(ops, order):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        devs: list = [None] * DEVICES
        for i in order:
            devs[i] = open_database(folder / f"d{i}.db", device_name=f"Laptop de asesor {i}")
        sync.set_device_role(devs[2], "centre")
        enrol_each_other(*devs)
        try:
            ids = [firms.register_firm(devs[0], {"legal_name": "Tortillería La Única", **PLACE}, None)["id"],
                   firms.register_firm(devs[1], {"legal_name": "TORTILLERIA LA UNICA S.A.", **PLACE}, None)["id"]]
            for counter, (kind, who, arg) in enumerate(ops):
                try:
                    _step(devs, folder, ids, kind, who, arg, counter)
                except UserError:
                    pass  # a refused step (a firm gone meanwhile): nothing written
            for _ in range(3):
                for laptop in (0, 1):
                    exchange(devs[laptop], devs[2], folder)
                for laptop in (0, 1):
                    exchange(devs[2], devs[laptop], folder)
            states = [_state(d) for d in devs]
            assert states[0] == states[1] == states[2]
            assert all(audit(d.conn).findings == [] for d in devs)  # merges and undos keep rows and history together
            for d in devs:  # nothing live is left under an absorbed firm
                assert d.conn.execute(
                    "SELECT count(*) FROM assessments a JOIN sync_merges m ON m.from_id = a.firm_id"
                    " WHERE a.deleted_at IS NULL").fetchone() == (0,)
        finally:
            for d in devs:
                d.close()
