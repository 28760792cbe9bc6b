"""Moving the database to a new key when someone loses access (issue 31).

Whoever could open the database could copy its key file and keep their password;
removing their entry from today's key file does not close that copy. So when an
adviser loses sign-in (access removed, or deactivated) the database moves to a new
random key that only the advisers who keep access (and the recovery key) receive:
the key file seals it to their public keys (:mod:`db.keyfile`), which needs none of
their passwords.

The steps, each safe to be cut off by a crash or ``kill -9``:

1. The key file gets the new generation: the leaving adviser's entry is removed,
   the new key is sealed to every other version-2 entry beside the current one,
   and ``key_id`` names the new key. A version-1 entry cannot receive it: an
   adviser's becomes a *reset* marker (an administrator gives a new password), the
   recovery key's is dropped and a new recovery key is owed to the next
   administrator who signs in. The new key exists nowhere else yet.
2. The database is re-keyed in place (``PRAGMA rekey``: one transaction in the WAL,
   then a ``TRUNCATE`` checkpoint rewrites the main file), through the caller's own
   connection, which keeps working; the process remembers the new key, so every
   connection opened later gets it.
3. The copies in this database's backup folder (and the ones a restore kept beside
   it) are re-keyed one by one, each in place in one transaction as the database is:
   at once, or in the background for the GUI (:func:`finish_copies`).
4. The old generation is pruned from the key file once the main file is wholly under
   the new key (the checkpoint went through) and every copy is.

A crash before 2 commits leaves the database under the old key, which everyone who
keeps access still holds beside the new one; the next sign-in (which unseals both)
finishes the job from where it stopped (:func:`rekey` with the signer's keys). The
removed adviser's entry is gone from step 1, and the new key is sealed only to the
others, so no moment hands it to them.

Not covered: connections opened with the old key in *other* processes (another
Rumbo window, a running command) fail with the wrong-key sentence and must be
opened again; copies written anywhere else (``rumbo backup OUT.db`` on a stick)
keep the old key and open only with the key file of their time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from db import advisers as adviser_repo
from db import cipher, keyfile, keys
from db.encryption import rekey_copies
from db.errors import StorageError, storage_errors

log = logging.getLogger(__name__)


@dataclass
class Rekeyed:
    """What a re-key did.

    Attributes:
        rekeyed: the database moved to a new key (or finished moving to it).
        needs_password: names of advisers whose version-1 entry could not follow the
            new key: an administrator gives them a new password.
        recovery_owed: a new recovery key must be shown to an administrator
            (:func:`desktop.services.security.issue_owed_recovery_key`).
        copies: backups moved to the new key.
    """

    rekeyed: bool = False
    needs_password: list[str] = field(default_factory=list)
    recovery_owed: bool = False
    copies: int = 0


def stale_entries(storage, key_file: keyfile.KeyFile) -> list[keyfile.Entry]:
    """Key-file entries of advisers who no longer have an active sign-in in the database."""
    accounts = adviser_repo.sign_in_accounts(storage)
    stale = []
    for entry in key_file.advisers():
        account = accounts.get((entry.login or "").casefold())
        if account is None or not account[1] or (entry.adviser_id and entry.adviser_id != account[0]):
            stale.append(entry)
    return stale


def _new_generation(key_file: keyfile.KeyFile, stale: list[keyfile.Entry], key: bytes, done: Rekeyed) -> None:
    """Step 1: the leaving entries go, the new key is sealed to everyone else (see the module)."""
    for entry in stale:
        key_file.remove(entry)
    for entry in list(key_file.entries):
        if entry.version == 2:
            entry.seal(key)
        elif entry.version == 1 and entry.kind == "adviser":
            key_file.replace(entry, keyfile.Entry(kind="adviser", adviser_id=entry.adviser_id, login=entry.login,
                                                  name=entry.name))
            done.needs_password.append(entry.name or entry.login or "")
        elif entry.version == 1:
            key_file.remove(entry)
            key_file.recovery_owed = True
    key_file.key_id = keys.key_id(key)


def backup_copies(storage) -> list[Path]:
    """The copies a re-key moves: this database's automatic backups and what restores kept aside."""
    from desktop.services.maintenance import database_backup_folder

    folder = database_backup_folder(storage)
    copies = sorted(folder.glob("*.db")) if folder.is_dir() else []
    path = Path(storage.path)
    aside = [p for p in sorted(path.parent.glob(f"{path.stem}.antes-de-restaurar-*"))
             if not p.name.endswith(("-wal", "-shm", "-journal"))]
    return copies + aside


def rekey(storage, known: list[bytes] | None = None, copies: bool = True) -> Rekeyed:
    """Close the database to every entry the advisers table no longer backs; finish a re-key under way.

    Args:
        storage: the caller's open connection (the GUI's own one keeps working).
        known: every generation of the key the caller unsealed (a sign-in during a
            re-key holds the old and the new one); the storage's key is always known.
        copies: re-key the backups now too (steps 3 and 4). False leaves them to
            :func:`finish_copies` (the GUI runs it in the background: it takes about
            as long per backup as the database itself) unless none needs it.

    Returns:
        What was done (nothing when no entry is stale and no re-key is under way).

    Raises:
        StorageError: the disk failed; what was done so far stays consistent and the
            next sign-in goes on.
    """
    path = Path(storage.path)
    current = keys.key_for(path)
    done = Rekeyed()
    if current is None or not keys.key_file_path(path).exists():
        return done
    known_keys = {keys.key_id(k): k for k in [*(known or []), *keys.older_keys(path), current]}
    with editing(path) as key_file:
        stale = stale_entries(storage, key_file)
        if stale:
            target = keys.new_database_key()
            _new_generation(key_file, stale, target, done)
            log.info("Llave nueva para %s: %s entradas retiradas", path.name, len(stale))
        elif key_file.key_id in known_keys:
            target = known_keys[key_file.key_id]
        else:
            target = current  # a version-1 file, or a generation this signer was not given
        pending = stale or key_file.pending()
        done.recovery_owed = key_file.recovery_owed
    if not pending and target == current:
        return done
    if target != current:
        with storage_errors(str(path)):
            cipher.rekey_in_place(storage.conn, target)
        keys.remember(path, target, [k for k in known_keys.values() if k != target])
        log.info("Base %s con llave nueva", path.name)
    done.rekeyed = True
    if copies or not copies_waiting(storage):
        done.copies = finish_copies(storage).copies
    return done


def copies_waiting(storage) -> bool:
    """True when a backup is still under an earlier key (cheap: one page of each is read)."""
    target = keys.key_for(storage.path)
    return any(not keys.is_plain_sqlite(c) and not cipher.opens(c, target) for c in backup_copies(storage))


def finish_copies(storage) -> Rekeyed:
    """Steps 3 and 4 of a re-key whose database part is done: the backups, then the prune.

    Safe on any thread with its own connection (the GUI's start-up task runs it), and a
    no-op when no re-key is under way. The checkpoint is tried again first: until the main
    file is wholly under the new key, the old key stays in the key file.
    """
    path = Path(storage.path)
    target = keys.key_for(path)
    done = Rekeyed()
    if target is None or not keys.key_file_path(path).exists():
        return done
    key_file = keyfile.KeyFile.read(path)
    if key_file.key_id != keys.key_id(target) or not key_file.pending():
        return done
    with storage_errors(str(path)):
        complete = cipher.checkpoint(storage.conn)
    done.rekeyed = True
    done.copies = rekey_copies(backup_copies(storage), keys.older_keys(path), target)
    if not complete:
        log.warning("Re-cifrado de %s pendiente: otra conexión leía la base", path.name)
        return done
    with editing(path) as key_file:
        if key_file.key_id == keys.key_id(target):
            for entry in key_file.entries:
                entry.sealed = {kid: box for kid, box in entry.sealed.items() if kid == key_file.key_id}
    keys.remember(path, target)
    log.info("Re-cifrado de %s terminado (%s copias)", path.name, done.copies)
    return done


@contextmanager
def _key_file_errors(path: Path) -> Iterator[None]:
    """Key-file trouble (missing, damaged) as the storage sentence the screens show."""
    try:
        yield
    except keyfile.KeyFileError as exc:
        raise StorageError(f"key_file_{exc.kind}", exc.message, str(path)) from exc


@contextmanager
def editing(path: str | Path) -> Iterator[keyfile.KeyFile]:
    """:func:`db.keyfile.editing`, with key-file trouble as the storage sentence."""
    with _key_file_errors(Path(path)), keyfile.editing(path) as key_file:
        yield key_file
