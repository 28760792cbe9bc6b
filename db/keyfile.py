"""The key file beside an encrypted database (``rumbo.db.keys``): who can open it.

Version 2 gives each adviser, and the recovery key, an X25519 key pair (libsodium
through PyNaCl). The private key is kept in a secret box (XSalsa20-Poly1305) under
a key derived from the password (or the recovery key) with Argon2id; the database
key is *sealed* to the public key (``SealedBox``). Sealing needs only the public
key, so when an adviser loses access the database can move to a new key sealed to
everyone who keeps it, without knowing their passwords (:mod:`desktop.services.rekey`).
Each sealed key is filed under its key id (:func:`db.keys.key_id`), so during a
re-key an entry holds the old and the new generation side by side.

Version 1 wrapped the database key itself under the Argon2id key (``box``). Such
entries are still read; they become version 2 at the adviser's next sign-in (the
password is known then). An entry with neither is a *reset* marker: the adviser
was away when the key changed and needs a new password from an administrator.

The file holds no client data: logins, names, salts, public keys, boxes, and the
failed sign-ins of each login and of the recovery key (kept apart, so no login can
block the recovery key). Every change is read, made and written under an exclusive
lock (:func:`editing`), so two Rumbo processes never write over each other's
change; the write is atomic (temporary file, fsync, rename).
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nacl.exceptions
import nacl.public
import nacl.pwhash
import nacl.secret
import nacl.utils

from db.keys import key_file_path, key_id, normalise_recovery_key

FORMAT = "rumbo-keys"
VERSION = 2
# Argon2id cost: libsodium's "interactive" limits (64 MiB, 2 passes), above OWASP's minimum.
OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE
MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE
_OLD_RECOVERY_SLOT = "#recuperacion"  # where version 1 counted the recovery key's failures


class KeyFileError(Exception):
    """The key file is missing, damaged or not Rumbo's (one sentence)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(secret: str, salt: bytes, ops: int = OPSLIMIT, mem: int = MEMLIMIT) -> bytes:
    return nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, secret.encode("utf-8"), salt,
                                    opslimit=ops, memlimit=mem)


@dataclass
class Entry:
    """One way into the database: an adviser's password, or the recovery key."""

    kind: str  # "adviser" or "recovery"
    salt: bytes = b""
    adviser_id: str | None = None
    login: str | None = None
    name: str | None = None
    box: bytes | None = None  # version 1: the database key itself, under the Argon2id key
    public: bytes | None = None  # version 2: the X25519 public key
    private: bytes | None = None  # version 2: its private key, under the Argon2id key
    sealed: dict[str, bytes] = field(default_factory=dict)  # version 2: key id -> database key sealed to it
    ops: int = OPSLIMIT
    mem: int = MEMLIMIT

    @property
    def version(self) -> int:
        """1 or 2; 0 for a reset marker (no way in until an administrator sets a password)."""
        return 1 if self.box is not None else 2 if self.public is not None else 0

    def open(self, secret: str) -> list[bytes] | None:
        """Every database key this entry holds, or None when ``secret`` is not its password."""
        if self.version == 0:
            return None
        try:
            wrapping = nacl.secret.SecretBox(_derive(secret, self.salt, self.ops, self.mem))
            if self.box is not None:
                return [bytes(wrapping.decrypt(self.box))]
            private = nacl.public.PrivateKey(bytes(wrapping.decrypt(self.private)))
        except nacl.exceptions.CryptoError:
            return None
        opener = nacl.public.SealedBox(private)
        keys = []
        for sealed in self.sealed.values():
            try:
                keys.append(bytes(opener.decrypt(sealed)))
            except nacl.exceptions.CryptoError:
                continue  # a sealed key that does not open is nobody's: skip it
        return keys

    def seal(self, key: bytes) -> None:
        """Add ``key`` for this entry (public key only: no password needed)."""
        self.sealed[key_id(key)] = bytes(nacl.public.SealedBox(nacl.public.PublicKey(self.public)).encrypt(key))

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind}
        if self.kind == "adviser":
            out.update(adviser_id=self.adviser_id, login=self.login, name=self.name)
        if self.version:
            out.update(salt=_b64(self.salt), ops=self.ops, mem=self.mem)
        if self.box is not None:
            out["box"] = _b64(self.box)
        if self.public is not None:
            out.update(public=_b64(self.public), private=_b64(self.private),
                       sealed={kid: _b64(s) for kid, s in sorted(self.sealed.items())})
        return out

    @classmethod
    def from_json(cls, item: dict) -> Entry:
        def raw(name):
            return base64.b64decode(item[name]) if item.get(name) is not None else None

        entry = cls(kind=item["kind"], salt=raw("salt") or b"", adviser_id=item.get("adviser_id"),
                    login=item.get("login"), name=item.get("name"), box=raw("box"), public=raw("public"),
                    private=raw("private"), ops=int(item.get("ops") or OPSLIMIT), mem=int(item.get("mem") or MEMLIMIT))
        entry.sealed = {str(k): base64.b64decode(v) for k, v in (item.get("sealed") or {}).items()}
        if entry.kind not in ("adviser", "recovery") or (entry.public is not None and entry.private is None):
            raise ValueError("unknown entry")
        return entry


def new_entry(keys: Iterable[bytes], secret: str, kind: str, **who) -> Entry:
    """A version-2 entry for ``secret`` (a password or a recovery key) holding ``keys``."""
    pair = nacl.public.PrivateKey.generate()
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    private = nacl.secret.SecretBox(_derive(secret, salt)).encrypt(bytes(pair))
    entry = Entry(kind=kind, salt=salt, public=bytes(pair.public_key), private=bytes(private), **who)
    for key in keys:
        entry.seal(key)
    return entry


def recovery_entry(keys: Iterable[bytes], recovery_key: str) -> Entry:
    return new_entry(keys, normalise_recovery_key(recovery_key), "recovery")


class KeyFile:
    """The parsed key file of one database.

    Attributes:
        key_id: the id of the key the database is (or is being moved to) keyed with;
            None in a version-1 file.
        attempts: failed sign-ins, ``{"logins": {login: record}, "recovery": record}``.
        recovery_owed: the recovery entry was dropped by a re-key (a version-1 entry
            cannot follow the new key) and a new recovery key must be shown to an
            administrator.
    """

    def __init__(self, path: Path, entries: list[Entry], attempts: dict | None = None, key_id: str | None = None,
                 recovery_owed: bool = False):
        self.path = path
        self.entries = entries
        self.attempts = attempts or {"logins": {}, "recovery": {}}
        self.key_id = key_id
        self.recovery_owed = recovery_owed

    @classmethod
    def read(cls, db_path: str | Path) -> KeyFile:
        path = key_file_path(db_path)
        damaged = KeyFileError("damaged", f"El archivo de llaves {path.name} está dañado; "
                                          "restáurelo desde una copia de seguridad.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError("missing", f"Falta el archivo de llaves {path.name} junto a la base de datos: "
                                          "sin él la base cifrada no se puede abrir.") from None
        except (OSError, ValueError):
            raise damaged from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), list):
            raise KeyFileError("damaged", f"El archivo {path.name} no es un archivo de llaves de Rumbo.")
        try:
            entries = [Entry.from_json(item) for item in data["entries"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise damaged from None
        return cls(path, entries, _attempts_of(data), data.get("key_id"), bool(data.get("recovery_owed")))

    @classmethod
    def create(cls, db_path: str | Path, entries: list[Entry], key: bytes) -> KeyFile:
        with _locked(key_file_path(db_path)):
            made = cls(key_file_path(db_path), entries, key_id=key_id(key))
            made.write()
        return made

    def write(self) -> None:
        data = {"format": FORMAT, "version": VERSION, "key_id": self.key_id,
                "entries": [e.to_json() for e in self.entries], "attempts": self.attempts}
        if self.recovery_owed:
            data["recovery_owed"] = True
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
        wanted = (login or "").strip().casefold()
        return next((e for e in self.advisers() if (e.login or "").casefold() == wanted), None) if wanted else None

    def recovery(self) -> Entry | None:
        return next((e for e in self.entries if e.kind == "recovery"), None)

    def pending(self) -> bool:
        """True while some entry still holds a key other than the current one (a re-key under way)."""
        return any(set(e.sealed) - {self.key_id} for e in self.entries if e.version == 2)

    # changing who can open it
    def set_password(self, keys: Iterable[bytes], adviser_id: str | None, login: str, name: str,
                     password: str) -> None:
        """A new entry for this adviser holding ``keys`` (replacing their earlier one, by adviser or login)."""
        self.entries = [e for e in self.entries
                        if not (e.kind == "adviser" and ((adviser_id and e.adviser_id == adviser_id)
                                                         or (e.login or "").casefold() == login.casefold()))]
        self.entries.append(new_entry(keys, password, "adviser", adviser_id=adviser_id, login=login, name=name))
        self.attempts["logins"].pop(login.casefold(), None)

    def replace(self, old: Entry, new: Entry) -> None:
        self.entries = [new if e is old else e for e in self.entries]

    def remove(self, entry: Entry) -> None:
        self.entries = [e for e in self.entries if e is not entry]

    def remove_adviser(self, adviser_id: str) -> None:
        self.entries = [e for e in self.entries if not (e.kind == "adviser" and e.adviser_id == adviser_id)]


def _attempts_of(data: dict) -> dict:
    attempts = data.get("attempts")
    if isinstance(attempts, dict):
        return {"logins": dict(attempts.get("logins") or {}), "recovery": dict(attempts.get("recovery") or {})}
    # Version 1 kept logins and the recovery key in one namespace ("failures").
    old = dict(data.get("failures") or {})
    recovery = old.pop(_OLD_RECOVERY_SLOT, None) or {}
    return {"logins": old, "recovery": dict(recovery)}


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``<key file>.lock`` between Rumbo processes (and threads)."""
    lock_path = path.with_name(path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+b")
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # closing releases the lock on both systems


@contextmanager
def editing(db_path: str | Path) -> Iterator[KeyFile]:
    """Read the key file under the lock, let the caller change it, write it back.

    Raises:
        KeyFileError: the file is missing or damaged (nothing is written).
    """
    path = key_file_path(db_path)
    with _locked(path):
        key_file = KeyFile.read(db_path)
        yield key_file
        key_file.write()
