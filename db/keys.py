"""The database key and the file that keeps it wrapped (``<database>.keys``).

An encrypted Rumbo database is keyed with 32 random bytes (SQLCipher's raw key).
That key is never stored as it is: the key file beside the database holds it
wrapped once per adviser, under a key derived from the adviser's password with
Argon2id, and once under the recovery key that the coordinator prints at set-up.
Wrapping is libsodium's ``crypto_secretbox`` (XSalsa20-Poly1305) through PyNaCl,
so a wrong password is detected by the box's authentication, never by trying the
key on the database.

The key file holds no client data: logins, names, salts, boxes and the count of
failed sign-ins (so the slow-down survives a restart). Writing it is atomic
(temporary file, fsync, rename), so a crash leaves the old or the new version.

Once unlocked, a database's key is remembered for the life of the process
(:func:`remember`), so every connection the app opens to that file, on any
thread, is keyed without passing the key around.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils

FORMAT = "rumbo-keys"
VERSION = 1
KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
# Argon2id cost: libsodium's "interactive" limits (64 MiB, 2 passes), above OWASP's minimum.
OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE
MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
RECOVERY_GROUPS = 8  # 8 groups of 4 base32 characters = 160 bits

_lock = threading.Lock()
_unlocked: dict[str, bytes] = {}


class KeyFileError(Exception):
    """The key file is missing, damaged or does not open with what was typed (one sentence)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


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


def pragma_key(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw key (hex, so no passphrase derivation by SQLCipher)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


# --- remembering unlocked databases ---------------------------------------------------

def _norm(db_path: str | Path) -> str:
    return str(Path(db_path).resolve())


def remember(db_path: str | Path, key: bytes) -> None:
    """Key every later connection to this file (this process only) with ``key``."""
    with _lock:
        _unlocked[_norm(db_path)] = key


def forget(db_path: str | Path) -> None:
    with _lock:
        _unlocked.pop(_norm(db_path), None)


def key_for(db_path: str | Path | None) -> bytes | None:
    if db_path is None or str(db_path) == ":memory:":
        return None
    with _lock:
        return _unlocked.get(_norm(db_path))


def candidates(db_path: str | Path) -> list[bytes | None]:
    """Keys to try on a file: none for plain SQLite; else its own, then the other unlocked ones.

    A backup is encrypted with its database's key, under another name: the keys
    unlocked in this process are the ones it can have (there is usually one).
    """
    if is_plain_sqlite(db_path) or not Path(db_path).is_file() or Path(db_path).stat().st_size == 0:
        return [None]
    own = key_for(db_path)
    with _lock:
        others = [k for k in _unlocked.values() if k != own]
    return ([own] if own is not None else []) + others or [None]


# --- the key file ----------------------------------------------------------------------

@dataclass
class Entry:
    """One wrapping of the database key: an adviser's password, or the recovery key."""

    kind: str  # "adviser" or "recovery"
    salt: bytes
    box: bytes
    adviser_id: str | None = None
    login: str | None = None
    name: str | None = None

    def to_json(self) -> dict:
        out = {"kind": self.kind, "salt": _b64(self.salt), "box": _b64(self.box),
               "ops": OPSLIMIT, "mem": MEMLIMIT}
        if self.kind == "adviser":
            out.update(adviser_id=self.adviser_id, login=self.login, name=self.name)
        return out


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(secret: str, salt: bytes, ops: int = OPSLIMIT, mem: int = MEMLIMIT) -> bytes:
    return nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, secret.encode("utf-8"), salt,
                                    opslimit=ops, memlimit=mem)


def wrap(key: bytes, secret: str, kind: str, **who) -> Entry:
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    box = nacl.secret.SecretBox(_derive(secret, salt)).encrypt(key)
    return Entry(kind=kind, salt=salt, box=bytes(box), **who)


def normalise_recovery_key(text: str) -> str:
    """The recovery key as typed ("abcd-efgh …", lower case, spaces) in its canonical form."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_recovery_key() -> str:
    """160 random bits as 8 groups of 4 base32 characters: ``K7QD-2M…``."""
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_GROUPS * 4 * 5 // 8)).decode("ascii")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


class KeyFile:
    """The parsed key file of one database."""

    def __init__(self, path: Path, entries: list[Entry], failures: dict, raw: dict):
        self.path = path
        self.entries = entries
        self.failures = failures  # login -> {"count": n, "last": iso time}
        self.raw = raw

    # reading and writing
    @classmethod
    def read(cls, db_path: str | Path) -> KeyFile:
        path = key_file_path(db_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError("missing", f"Falta el archivo de llaves {path.name} junto a la base de datos: "
                                          "sin él la base cifrada no se puede abrir.") from None
        except (OSError, ValueError):
            raise KeyFileError("damaged", f"El archivo de llaves {path.name} está dañado; "
                                          "restáurelo desde una copia de seguridad.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), list):
            raise KeyFileError("damaged", f"El archivo {path.name} no es un archivo de llaves de Rumbo.")
        entries = []
        try:
            for item in data["entries"]:
                entries.append(Entry(kind=item["kind"], salt=base64.b64decode(item["salt"]),
                                     box=base64.b64decode(item["box"]), adviser_id=item.get("adviser_id"),
                                     login=item.get("login"), name=item.get("name")))
        except (KeyError, TypeError, ValueError):
            raise KeyFileError("damaged", f"El archivo de llaves {path.name} está dañado; "
                                          "restáurelo desde una copia de seguridad.") from None
        return cls(path, entries, dict(data.get("failures") or {}), data)

    @classmethod
    def create(cls, db_path: str | Path, entries: list[Entry]) -> KeyFile:
        made = cls(key_file_path(db_path), entries, {}, {})
        made.write()
        return made

    def write(self) -> None:
        data = {"format": FORMAT, "version": VERSION, "entries": [e.to_json() for e in self.entries],
                "failures": self.failures}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.chmod(tmp, 0o600)
            except OSError:
                pass
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # who can open it
    def advisers(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "adviser"]

    def entry_for(self, login: str) -> Entry | None:
        wanted = login.strip().casefold()
        return next((e for e in self.advisers() if (e.login or "").casefold() == wanted), None)

    def unwrap(self, entry: Entry, secret: str) -> bytes | None:
        """The database key, or None when ``secret`` is not the one this entry was wrapped with."""
        try:
            return bytes(nacl.secret.SecretBox(_derive(secret, entry.salt)).decrypt(entry.box))
        except nacl.exceptions.CryptoError:
            return None

    def unlock_recovery(self, recovery_key: str) -> bytes | None:
        secret = normalise_recovery_key(recovery_key)
        for entry in (e for e in self.entries if e.kind == "recovery"):
            key = self.unwrap(entry, secret)
            if key is not None:
                return key
        return None

    # changing who can open it
    def set_password(self, key: bytes, adviser_id: str, login: str, name: str, password: str) -> None:
        """Wrap ``key`` for this adviser (replacing an earlier password of the same login or adviser)."""
        self.entries = [e for e in self.entries
                        if not (e.kind == "adviser" and (e.adviser_id == adviser_id
                                                         or (e.login or "").casefold() == login.casefold()))]
        self.entries.append(wrap(key, password, "adviser", adviser_id=adviser_id, login=login, name=name))
        self.failures.pop(login.casefold(), None)
        self.write()

    def remove_adviser(self, adviser_id: str) -> None:
        self.entries = [e for e in self.entries if not (e.kind == "adviser" and e.adviser_id == adviser_id)]
        self.write()

    # failed sign-ins
    def failed(self, login: str) -> int:
        record = self.failures.setdefault(login.casefold(), {"count": 0})
        record["count"] = int(record.get("count", 0)) + 1
        record["last"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.write()
        return record["count"]

    def succeeded(self, login: str) -> None:
        if self.failures.pop(login.casefold(), None) is not None:
            self.write()

    def failures_of(self, login: str) -> int:
        return int((self.failures.get(login.casefold()) or {}).get("count", 0))


def recovery_entry(key: bytes, recovery_key: str) -> Entry:
    return wrap(key, normalise_recovery_key(recovery_key), "recovery")
