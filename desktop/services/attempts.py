"""Failed sign-ins and the wait they impose before the next try.

After :data:`FREE_TRIES` wrong passwords in a row a login waits 2, 4, 8 … up to
:data:`MAX_WAIT` seconds. Logins and the recovery key are counted apart (a login
typed as ``#recuperacion`` cannot block the recovery key), and a login that
cannot exist (not the shape of a login) is not counted at all: no entry to guess.

Each count is kept twice, and the larger one holds: in the key file (it travels
with the database) and in the user's state folder (``platformdirs``), where it is
filed under the SHA-256 of the salt of the entry being guessed. Editing the key
file's count back to zero therefore does not lift the wait, and neither does
renaming a login there; changing the salt would make the guessed password useless.
What this does not stop: someone who also edits the state file, or who copies the
key file to another machine and guesses offline, where only Argon2id's cost
(64 MiB and two passes per guess) slows them down.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_state_dir

from db import keyfile
from desktop.domain.errors import UserError

log = logging.getLogger(__name__)

FREE_TRIES = 3
MAX_WAIT = 60
KEPT_LOGINS = 50  # failed logins remembered per key file; the oldest go first
FORGET_AFTER = 24 * 3600  # a record in the state folder idle this long is dropped


@dataclass(frozen=True)
class Slot:
    """What is being guessed: a login's password, or the recovery key.

    Attributes:
        kind: "logins" or "recovery" (the key file's two namespaces).
        name: the login (casefolded), or "recovery".
        mark: the name of its count in the state folder.
    """

    kind: str
    name: str
    mark: str


def _mark(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def login_slot(key_file: keyfile.KeyFile, login: str) -> Slot:
    name = (login or "").strip().casefold()
    entry = key_file.entry_for(name)
    if entry is not None and entry.salt:
        return Slot("logins", name, _mark("salt", entry.salt))
    return Slot("logins", name, _mark("login", str(key_file.path.resolve()), name))


def recovery_slot(key_file: keyfile.KeyFile) -> Slot:
    entry = key_file.recovery()
    if entry is not None and entry.salt:
        return Slot("recovery", "recovery", _mark("salt", entry.salt))
    return Slot("recovery", "recovery", _mark("recovery", str(key_file.path.resolve())))


def wait_seconds(failures: int) -> int:
    """How long a login waits before its next try after ``failures`` wrong passwords in a row."""
    return 0 if failures < FREE_TRIES else min(MAX_WAIT, 2 ** (failures - FREE_TRIES + 1))


# --- the copy in the user's state folder ---------------------------------------------------------

def state_file() -> Path:
    return Path(user_state_dir("Rumbo", appauthor=False)) / "intentos-de-acceso.json"


def _read_state() -> dict:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(data: dict) -> None:
    path = state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        # The key file's count still holds; a read-only profile must not stop a sign-in.
        log.warning("No se pudo guardar la cuenta de intentos en %s", path.parent)


# --- counting ------------------------------------------------------------------------------------

def _record(key_file: keyfile.KeyFile, slot: Slot) -> dict:
    if slot.kind == "recovery":
        return key_file.attempts["recovery"]
    return key_file.attempts["logins"].get(slot.name) or {}


def _stamp(record: dict) -> float:
    try:
        return datetime.fromisoformat(record["last"]).timestamp()
    except (KeyError, TypeError, ValueError):
        return 0.0


def count_of(key_file: keyfile.KeyFile, slot: Slot) -> tuple[int, float]:
    """Failures in a row and when the last was: the larger of the key file's and the state folder's."""
    records = [_record(key_file, slot), _read_state().get(slot.mark) or {}]
    return max(int(r.get("count", 0) or 0) for r in records), max(_stamp(r) for r in records)


def seconds_left(key_file: keyfile.KeyFile, slot: Slot, now: float | None = None) -> int:
    count, last = count_of(key_file, slot)
    wait = wait_seconds(count)
    if not wait or not last:
        return 0
    return max(0, int(last + wait - (time.time() if now is None else now) + 0.999))


def refuse_while_waiting(key_file: keyfile.KeyFile, slot: Slot) -> None:
    """Raises UserError (how many seconds are left) while the slot must wait."""
    left = seconds_left(key_file, slot)
    if left:
        raise UserError(f"Demasiados intentos fallidos: espere {left} segundos antes de volver a intentarlo.",
                        field="password")


_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


@contextlib.contextmanager
def _editing_unless_read_only(db_path: str | Path) -> Iterator[keyfile.KeyFile]:
    """The key file to edit; on read-only media (a CD, a locked stick) a copy whose changes are dropped.

    The count then lives only in the user's state folder; whoever holds such a medium can copy
    the key file anyway, so guessing it is bounded by Argon2id's cost alone.
    """
    stack = contextlib.ExitStack()
    try:
        key_file = stack.enter_context(keyfile.editing(db_path))
    except OSError as exc:
        if exc.errno not in _READ_ONLY:
            raise
        log.warning("No se pudo anotar el intento en el archivo de llaves (solo lectura)")
        yield keyfile.KeyFile.read(db_path)
        return
    try:
        with stack:
            yield key_file
    except OSError as exc:
        if exc.errno not in _READ_ONLY:
            raise
        log.warning("No se pudo anotar el intento en el archivo de llaves (solo lectura)")


def failed(db_path: str | Path, slot: Slot) -> int:
    """Count one more failure (both copies); returns the failures in a row now."""
    now = datetime.now(timezone.utc)
    count = count_of(keyfile.KeyFile.read(db_path), slot)[0] + 1
    record = {"count": count, "last": now.isoformat(timespec="seconds")}
    with _editing_unless_read_only(db_path) as key_file:
        count = max(count, count_of(key_file, slot)[0] + 1)
        record["count"] = count
        if slot.kind == "recovery":
            key_file.attempts["recovery"] = record
        else:
            logins = key_file.attempts["logins"]
            logins[slot.name] = record
            for old in sorted(logins, key=lambda name: logins[name].get("last") or "")[:-KEPT_LOGINS]:
                logins.pop(old)
    state = {mark: r for mark, r in _read_state().items()
             if isinstance(r, dict) and now.timestamp() - _stamp(r) < FORGET_AFTER}
    state[slot.mark] = record
    _write_state(state)
    return count


def succeeded(db_path: str | Path, slot: Slot) -> None:
    """The right password: both counts start again."""
    key_file = keyfile.KeyFile.read(db_path)
    if _record(key_file, slot):
        with _editing_unless_read_only(db_path) as key_file:
            if slot.kind == "recovery":
                key_file.attempts["recovery"] = {}
            else:
                key_file.attempts["logins"].pop(slot.name, None)
    state = _read_state()
    if state.pop(slot.mark, None) is not None:
        _write_state(state)
