"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The support log of every in-process and subprocess run goes to a throw-away folder,
# never into the real user's data folder.
os.environ.setdefault("RUMBO_LOG_DIR", tempfile.mkdtemp(prefix="rumbo-test-logs-"))
# The count of failed sign-ins kept in the user's state folder (platformdirs honours
# XDG_STATE_HOME on Linux) goes to a throw-away folder too.
os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="rumbo-test-state-"))

# The account of every database the ``encrypted_db`` fixture sets up.
TEST_NAME = "Técnica de pruebas"
TEST_LOGIN = "tecnica"
TEST_PASSWORD = "clave-de-pruebas"
TEST_CENTRE = "Centro de pruebas"


@pytest.fixture(scope="session")
def _sign_in_template(tmp_path_factory):
    """One real set-up for the whole session: its key file (Argon2id done once) and its database key."""
    from db import keys
    from desktop.services import security

    db = tmp_path_factory.mktemp("plantilla") / "plantilla.db"
    security.set_up(db, TEST_NAME, TEST_LOGIN, TEST_PASSWORD, centre=TEST_CENTRE)
    return keys.key_file_path(db), keys.key_for(db)


@pytest.fixture
def encrypted_db(_sign_in_template, monkeypatch):
    """``make(path)``: a database set up as ``rumbo setup`` sets one up, returned as its path.

    The file is encrypted from its first byte, its key file lies beside it, and its
    administrator (``TEST_LOGIN``) is the device's current adviser; the key is unlocked
    in this process, and RUMBO_USER / RUMBO_PASSWORD let commands run in subprocesses
    sign in. Wrapping the key with Argon2id costs a tenth of a second per wrap, so every
    database reuses the session's key file (the same key, a database of its own).
    """
    from db import keyfile, keys
    from desktop.services import security
    from desktop.services.storage import open_database

    key_file, key = _sign_in_template
    monkeypatch.setenv("RUMBO_USER", TEST_LOGIN)
    monkeypatch.setenv("RUMBO_PASSWORD", TEST_PASSWORD)

    def make(path: str | os.PathLike, device_name: str | None = None) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(key_file, keys.key_file_path(path))
        keys.key_file_path(path).chmod(0o600)
        keys.remember(path, key)
        # What security.set_up does after writing the key file, less the Argon2id wrapping.
        with open_database(path, device_name=device_name) as storage:
            admin = security._make_administrator(storage, TEST_NAME, TEST_LOGIN, TEST_CENTRE, None)
        # The copied entry names the template's administrator: point it at this database's, as set_up
        # does (a sign-in closes entries the advisers table does not back, by re-keying).
        with keyfile.editing(path) as copied:
            for entry in copied.advisers():
                entry.adviser_id = admin.adviser_id
        return path

    return make


@pytest.fixture(autouse=True)
def _forget_unlocked_keys():
    """Each test starts as a new process does: no database unlocked (keys are remembered per process)."""
    yield
    from db import keys

    keys._unlocked.clear()
