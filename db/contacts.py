"""Contacts and notes repository: people at a firm, and free-text notes on it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db import records


def add_contact(storage, firm_id: str, data: Mapping[str, Any], actor: str | None) -> dict:
    """Store a contact person of a firm (name, role, gender, phone, email, notes)."""
    return records.insert(storage, "contacts", {**data, "firm_id": firm_id}, actor)


def update_contact(storage, contact_id: str, changes: Mapping[str, Any], actor: str | None,
                   expected_rev: int | None = None) -> dict:
    """Change a contact's fields (rev +1, logged)."""
    return records.update(storage, "contacts", contact_id, changes, actor, expected_rev)


def delete_contact(storage, contact_id: str, actor: str | None) -> dict:
    """Tombstone a contact."""
    return records.tombstone(storage, "contacts", contact_id, actor)


def contacts_of(storage, firm_id: str) -> list[dict]:
    """The live contacts of a firm, by name."""
    return records.select(storage, "contacts", "firm_id = ?", (firm_id,), order_by="name COLLATE NOCASE, id")


def add_note(storage, firm_id: str, body: str, actor: str | None, assessment_id: str | None = None) -> dict:
    """Store a note on a firm (optionally about one assessment)."""
    return records.insert(storage, "notes", {"firm_id": firm_id, "body": body, "assessment_id": assessment_id}, actor)


def update_note(storage, note_id: str, body: str, actor: str | None) -> dict:
    """Change a note's text."""
    return records.update(storage, "notes", note_id, {"body": body}, actor)


def delete_note(storage, note_id: str, actor: str | None) -> dict:
    """Tombstone a note."""
    return records.tombstone(storage, "notes", note_id, actor)


def notes_of(storage, firm_id: str) -> list[dict]:
    """The live notes of a firm, oldest first."""
    return records.select(storage, "notes", "firm_id = ?", (firm_id,), order_by="created_at, id")
