"""Timestamps and identifiers for stored records."""

from __future__ import annotations

from datetime import datetime, timezone

import uuid_utils


def now_iso() -> str:
    """The current UTC time as ISO 8601 text with microseconds and a ``Z``.

    A fixed-width form, so timestamps sort correctly as text in SQL.
    """
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    """A new time-ordered record id (UUIDv7 text)."""
    return str(uuid_utils.uuid7())
