"""A damaged encrypted file or a wrong key gets one sentence, never a traceback or SQLCipher's log.

Issue 31, items 4 and 5: SQLCipher reports a page that fails its HMAC as MemoryError, and
writes «ERROR CORE …» lines to standard error before anything Rumbo says.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import keys
from db.errors import StorageError
from desktop.services import security
from desktop.services.demo import make_demo
from desktop.services.maintenance import check_database
from desktop.services.storage import open_database

ROOT = Path(__file__).resolve().parents[2]
DAMAGED = "La base de datos está dañada (la página {page} del archivo cifrado no pasa la comprobación de autenticidad)"
RESTORE = "restaure una copia de seguridad con «rumbo restore COPIA.db» o desde Configuración → Copias de seguridad."
PAGE = 4096


@pytest.fixture(autouse=True)
def private_backups(tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.services.maintenance.backup_folder", lambda: tmp_path / "copias")
    yield
    keys._unlocked.clear()


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    """An encrypted database of a few hundred pages, and its key file."""
    folder = tmp_path_factory.mktemp("sana")
    db = folder / "rumbo.db"
    import desktop.services.maintenance as maintenance

    real = maintenance.backup_folder
    maintenance.backup_folder = lambda: folder / "copias"
    try:
        security.set_up(db, "Ana", "ana", "secreta123")
        with open_database(db) as storage:
            make_demo(storage, 30)
            storage.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        maintenance.backup_folder = real
        keys._unlocked.clear()
    return db


def _flipped(sound: Path, folder: Path, offset: int) -> Path:
    db = folder / "rumbo.db"
    data = bytearray(sound.read_bytes())
    data[offset] ^= 0x55
    db.write_bytes(bytes(data))
    keys.key_file_path(db).write_bytes(keys.key_file_path(sound).read_bytes())
    return db


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "RUMBO_USER": "ana", "RUMBO_PASSWORD": "secreta123"}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)


def _pages(db: Path) -> int:
    return db.stat().st_size // PAGE


@pytest.mark.attack(12, 'rumbo check on an encrypted file with a flipped byte ends in a traceback')
@pytest.mark.parametrize("where", ["first page", "middle page", "last page"])
def test_rumbo_check_on_a_flipped_byte_says_damaged_in_one_sentence(sound, tmp_path, where):
    pages = _pages(sound)
    page = {"first page": 1, "middle page": pages // 2, "last page": pages}[where]
    db = _flipped(sound, tmp_path, (page - 1) * PAGE + 700)
    run = _cli(db, "check")
    assert run.returncode == 2, run.stderr
    assert run.stderr == f"{DAMAGED.format(page=page)}: no se escribe nada en ella; {RESTORE}\n"
    assert "Traceback" not in run.stdout + run.stderr and "ERROR CORE" not in run.stderr


def test_a_flipped_byte_in_the_clear_salt_is_told_as_a_key_that_does_not_open_it(sound, tmp_path):
    """The first 16 bytes (the salt) are part of every page's key: nothing can tell that from a wrong key."""
    run = _cli(_flipped(sound, tmp_path, 5), "check")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("La llave no abre esta base de datos")
    assert "dañada" in run.stderr and "ERROR CORE" not in run.stderr


@pytest.mark.attack(12, "SQLCipher's own error lines reach stderr before the sentence")
def test_a_wrong_key_file_on_the_command_line_gives_only_the_sentence(sound, tmp_path):
    other = tmp_path / "otra" / "rumbo.db"
    security.set_up(other, "Ana", "ana", "secreta123")  # same user and password, another key
    security.lock(other)
    db = tmp_path / "rumbo.db"
    db.write_bytes(sound.read_bytes())
    keys.key_file_path(db).write_bytes(keys.key_file_path(other).read_bytes())
    run = _cli(db, "export", "firms", str(tmp_path / "f.csv"))
    assert run.returncode == 2
    assert run.stderr == ("La llave no abre esta base de datos: el archivo de llaves no corresponde a ella o la base "
                          "está dañada. Restaure la base y su archivo .keys de la misma copia de seguridad.\n")
    assert not (tmp_path / "f.csv").exists()


def test_the_check_service_and_opening_name_the_damaged_page(sound, tmp_path):
    page = _pages(sound) // 2
    db = _flipped(sound, tmp_path, (page - 1) * PAGE + 100)
    security.sign_in(db, "ana", "secreta123")  # the first page is sound: sign-in works
    with pytest.raises(StorageError) as checked:
        check_database(db)
    assert checked.value.kind == "damaged" and f"la página {page} " in str(checked.value)
    with open_database(db) as storage, pytest.raises(StorageError) as bulk:
        storage.ensure_sound()  # what bulk work and the start-up backup run first (was: MemoryError)
    assert bulk.value.kind == "damaged" and "Restaure una copia de seguridad" in str(bulk.value)


def test_a_damaged_first_page_still_lets_rumbo_restore_put_a_backup_back(sound, tmp_path):
    db = tmp_path / "rumbo.db"
    db.write_bytes(sound.read_bytes())
    keys.key_file_path(db).write_bytes(keys.key_file_path(sound).read_bytes())
    copy = tmp_path / "copia.db"
    assert _cli(db, "backup", str(copy)).returncode == 0
    data = bytearray(db.read_bytes())
    data[300] ^= 0x01
    db.write_bytes(bytes(data))
    refused = _cli(db, "export", "firms", str(tmp_path / "f.csv"))
    assert refused.returncode == 2 and refused.stderr.startswith(DAMAGED.format(page=1))
    restored = _cli(db, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "Base de datos restaurada" in restored.stdout
    again = _cli(db, "check")
    assert again.returncode == 0 and "Integridad: correcta" in again.stdout
