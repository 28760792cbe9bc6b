"""Business settings stored in the database (centre name, logo, default country,
exchange rates): key -> JSON value, each a record with history, so a report can
be reproduced later and a centre's parameters travel to its laptops.

Which keys exist and their defaults are declared once, in
``desktop.services.settings``; this module just stores values.
"""

from __future__ import annotations

from typing import Any

from db import records
from db.errors import guarded

TABLE = "settings"


def _find(storage, key: str) -> dict | None:
    rows = records.select(storage, TABLE, "key = ?", (key,), include_deleted=True)
    return rows[0] if rows else None


@guarded
def get_setting(storage, key: str, default: Any = None) -> Any:
    """The stored value of ``key``, or ``default`` if it was never set (or was cleared)."""
    row = _find(storage, key)
    if row is None or row["deleted_at"]:
        return default
    return row["value"]


@guarded
def set_setting(storage, key: str, value: Any, actor: str | None) -> dict:
    """Store ``value`` (anything JSON can hold) under ``key``; logged like any record."""
    with storage.write():
        row = _find(storage, key)
        if row is None:
            return records.insert(storage, TABLE, {"key": key, "value": value}, actor)
        if row["deleted_at"]:
            records.undelete(storage, TABLE, row["id"], actor)
        return records.update(storage, TABLE, row["id"], {"value": value}, actor)


@guarded
def clear_setting(storage, key: str, actor: str | None) -> None:
    """Forget a setting so its default applies again (a tombstone)."""
    with storage.write():
        row = _find(storage, key)
        if row is not None:
            records.tombstone(storage, TABLE, row["id"], actor)


@guarded
def all_settings(storage) -> dict[str, Any]:
    """Every stored setting, key -> value."""
    return {r["key"]: r["value"] for r in records.select(storage, TABLE, order_by="key")}
