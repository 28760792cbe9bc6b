"""Simulated devices for the bundle tests: laptop A, laptop B and the centre.

Each device is its own database file; bundles travel through ``tmp_path``. The
``devices`` fixture enrols the three in each other first (real keys, real cards),
as a coordinator would before the first exchange.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from db import records
from db.sync import authority
from db.schema import RECORD_TABLES
from desktop.services import sync
from desktop.services.storage import open_database

_counter = itertools.count(1)


def logical_hash(storage) -> str:
    """A checksum of the database's logical contents (every table, every row)."""
    digest = hashlib.sha256()
    tables = [r[0] for r in storage.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        digest.update(table.encode("utf-8"))
        for row in sorted(map(repr, storage.conn.execute(f'SELECT * FROM "{table}"'))):
            digest.update(row.encode("utf-8"))
    return digest.hexdigest()


def snapshot(storage) -> dict:
    """Every record of every record table, by table and id (tombstones included).

    An adviser's role, sign-in and active flag are each database's own (``db.sync.authority``):
    they are left out, as is the local version of a record that only they changed.
    """
    out = {}
    for table in RECORD_TABLES:
        local = authority.fields_of(table)
        out[table] = {r["id"]: {k: v for k, v in r.items() if k not in local}
                      for r in records.select(storage, table, include_deleted=True)}
    return out


def open_conflicts(storage) -> set[tuple]:
    """Open conflicts as comparable tuples (ids of conflict rows are local)."""
    return {(c.kind, c.table, c.record_id, c.other_id) for c in sync.list_conflicts(storage)}


def enrol_each_other(*storages) -> None:
    """What a coordinator does before the first exchange: every device enrols every other's card
    (as the adviser signed in there, who must be a coordinator once sign-in is set up)."""
    from desktop.services.advisers import current_adviser_id

    cards = [sync.this_device_card(s) for s in storages]
    for storage in storages:
        for card in cards:
            if card.device_id != storage.device_id:
                sync.enrol_device(storage, card, current_adviser_id(storage))


def give_a_centre(storage, folder, name: str = "Centro") -> Path:
    """Make a centre database in ``folder`` and enrol it with ``storage`` both ways, so that
    ``storage`` can export for its centre; returns the centre's file."""
    path = Path(folder) / "centro-inscrito.db"
    with open_database(path, device_name=name) as centre:
        sync.set_device_role(centre, "centre")
        enrol_each_other(storage, centre)
    return path


def exchange(src, dst, folder) -> sync.ImportResult:
    """Carry one bundle from ``src`` to ``dst``, written for ``dst`` (by id when src knows it,
    else by name: a restored file goes on under a new id with the same keys)."""
    path = folder / f"b{next(_counter)}.rumbo"
    peer = dst.device_id if dst.device_id in {p.device_id for p in sync.list_peers(src)} else dst.device_name
    sync.export_bundle(src, path, peer=peer)
    return sync.import_bundle(dst, path)


@pytest.fixture
def devices(tmp_path):
    """Three fresh databases: (laptop A, laptop B, centre)."""
    a = open_database(tmp_path / "a.db", device_name="Laptop Ana – San Miguel")
    b = open_database(tmp_path / "b.db", device_name="Laptop Beto – Santa Ana")
    c = open_database(tmp_path / "c.db", device_name="Centro San Salvador")
    sync.set_device_role(c, "centre")
    enrol_each_other(a, b, c)
    yield a, b, c
    for s in (a, b, c):
        s.close()


@pytest.fixture
def folder(tmp_path):
    """Where bundles are written."""
    path = tmp_path / "bundles"
    path.mkdir()
    return path
