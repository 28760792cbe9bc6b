"""Devices for the server's tests: encrypted databases with sign-in, as ``rumbo centre enrol`` requires.

Whoever sets sign-in up is the database's administrator and its current adviser, so the
helpers act as that person (roles are in force on these files).
"""

from __future__ import annotations

from pathlib import Path

from desktop.services import centre, security, sync
from desktop.services.advisers import current_adviser_id
from desktop.services.storage import open_database

LOGIN, PASSWORD = "coord", "secreta-123"


def secure_database(path: str | Path, device_name: str, role: str | None = None):
    """A new database encrypted from its first byte, signed in, named ``device_name``; ``role`` "centre"
    makes it a centre's desktop."""
    security.set_up(path, "Coordinadora", LOGIN, PASSWORD)
    storage = open_database(path)
    sync.set_device_name(storage, device_name)
    if role:
        sync.set_device_role(storage, role)
    return storage


def enrol(storage, owner_url: str, **kwargs) -> str:
    """``rumbo centre enrol`` as the database's administrator."""
    return centre.enrol_device(storage, owner_url, current_adviser_id(storage), **kwargs)


def trust_each_other(*storages) -> None:
    """Every device enrols every other's card for bundles, as its administrator."""
    cards = [sync.this_device_card(s) for s in storages]
    for storage in storages:
        for card in cards:
            if card.device_id != storage.device_id:
                sync.enrol_device(storage, card, current_adviser_id(storage))


SIGN_IN_SCRIPT = f"from desktop.services import security; security.sign_in(sys.argv[1], {LOGIN!r}, {PASSWORD!r})"
