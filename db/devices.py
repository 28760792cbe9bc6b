"""This database's device identity and the other devices it has heard of.

The device row is local state, not a record that travels: its id is the
``origin`` of every change made here, and its name is what other laptops and
the centre see in bundle summaries ("Laptop Ana – San Miguel"). The adviser
currently using this device is kept here too, since it belongs to the
machine, not to the shared data.
"""

from __future__ import annotations

from db.clock import now_iso
from db.errors import guarded


def _row(cur) -> dict | None:
    row = cur.fetchone()
    return None if row is None else dict(zip((d[0] for d in cur.description), row))


@guarded
def local_device(storage) -> dict:
    """This database's device row: id, name, current_adviser_id, timestamps."""
    return _row(storage.conn.execute("SELECT * FROM devices WHERE is_local = 1"))


@guarded
def own_ids(storage) -> set[str]:
    """This laptop's device id and the ids it had before a restore (retired: never handed out again)."""
    return {r[0] for r in storage.conn.execute("SELECT id FROM devices WHERE is_local = 1 OR retired_at IS NOT NULL")}


@guarded
def list_devices(storage) -> list[dict]:
    """Every device known here, this one first."""
    cur = storage.conn.execute("SELECT * FROM devices ORDER BY is_local DESC, name")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


@guarded
def rename_device(storage, name: str) -> dict:
    """Give this device a human name."""
    with storage.write():
        storage.conn.execute("UPDATE devices SET name = ?, updated_at = ? WHERE is_local = 1", (name, now_iso()))
    storage.device_name = name
    return local_device(storage)


@guarded
def set_current_adviser(storage, adviser_id: str | None) -> None:
    """Remember which adviser uses this device (None: nobody chosen)."""
    with storage.write():
        storage.conn.execute(
            "UPDATE devices SET current_adviser_id = ?, updated_at = ? WHERE is_local = 1", (adviser_id, now_iso())
        )


def current_adviser_id(storage) -> str | None:
    """The adviser chosen on this device, or None."""
    return local_device(storage)["current_adviser_id"]
