"""The database key: making one, naming it, and remembering it once unlocked.

An encrypted Rumbo database is keyed with 32 random bytes (SQLCipher's raw key).
That key is never stored as it is: the key file beside the database
(``<database>.keys``, :mod:`db.keyfile`) holds it sealed to each adviser and to
the recovery key.

Once unlocked, a database's key is remembered for the life of the process
(:func:`remember`), so every connection the app opens to that file, on any
thread, is keyed without passing the key around. A re-key
(:mod:`desktop.services.rekey`) remembers the new key in its place.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from pathlib import Path

import nacl.utils

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
RECOVERY_GROUPS = 8  # 8 groups of 4 base32 characters = 160 bits

_lock = threading.Lock()
_unlocked: dict[str, bytes] = {}
_older: dict[str, list[bytes]] = {}


def key_file_path(db_path: str | Path) -> Path:
    """Where a database's key file lives: beside it, ``rumbo.db`` -> ``rumbo.db.keys``."""
    path = Path(db_path)
    return path.with_name(path.name + ".keys")


def is_plain_sqlite(db_path: str | Path) -> bool:
    """True when the file starts with SQLite's plain header (not encrypted), False otherwise."""
    try:
        with open(db_path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def new_database_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def key_id(key: bytes) -> str:
    """A short public name for a database key (a keyed hash: it reveals nothing of the key).

    The key file names each generation of the key by it, so a re-key can keep the old
    and the new one side by side until the database has moved to the new one.
    """
    return hashlib.blake2b(key, digest_size=8, person=b"rumbo-db-key").hexdigest()


def normalise_recovery_key(text: str) -> str:
    """The recovery key as typed ("abcd-efgh …", lower case, spaces) in its canonical form."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_recovery_key() -> str:
    """160 random bits as 8 groups of 4 base32 characters: ``K7QD-2M…``."""
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_GROUPS * 4 * 5 // 8)).decode("ascii")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def pragma_key(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw key (hex, so no passphrase derivation by SQLCipher)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


# --- remembering unlocked databases ---------------------------------------------------

def _norm(db_path: str | Path) -> str:
    return str(Path(db_path).resolve())


def remember(db_path: str | Path, key: bytes, older: list[bytes] | tuple[bytes, ...] = ()) -> None:
    """Key every later connection to this file (this process only) with ``key``.

    Args:
        older: earlier generations of the key that this process also unlocked (a re-key
            under way): backups not yet moved to ``key`` are read, and moved, with them.
    """
    with _lock:
        norm = _norm(db_path)
        _unlocked[norm] = key
        _older[norm] = [k for k in older if k != key]


def forget(db_path: str | Path) -> None:
    with _lock:
        _unlocked.pop(_norm(db_path), None)
        _older.pop(_norm(db_path), None)


def key_for(db_path: str | Path | None) -> bytes | None:
    if db_path is None or str(db_path) == ":memory:":
        return None
    with _lock:
        return _unlocked.get(_norm(db_path))


def older_keys(db_path: str | Path) -> list[bytes]:
    """Earlier generations of a database's key unlocked in this process (see :func:`remember`)."""
    with _lock:
        return list(_older.get(_norm(db_path), []))


def candidates(db_path: str | Path) -> list[bytes | None]:
    """Keys to try on a file: none for plain SQLite; else its own, then the other unlocked ones.

    A backup is encrypted with its database's key, under another name: the keys
    unlocked in this process are the ones it can have (there is usually one).
    """
    if is_plain_sqlite(db_path) or not Path(db_path).is_file() or Path(db_path).stat().st_size == 0:
        return [None]
    own = key_for(db_path)
    with _lock:
        others = [k for k in [*_unlocked.values(), *(k for ks in _older.values() for k in ks)] if k != own]
    return ([own] if own is not None else []) + others or [None]
