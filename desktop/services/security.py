"""Sign-in, roles and the encrypted database (issue 16): what the GUI and the command line call.

A database is in one of four states (:func:`state`):

- ``new``: no file yet; :func:`set_up` creates it encrypted from its first byte;
- ``plain``: a database of an earlier Rumbo, not encrypted and without a key file;
  :func:`set_up` encrypts it in place (after a verified backup, :mod:`db.encryption`);
- ``interrupted``: the key file exists but the file is still plain (set-up was cut off
  before the encrypted copy replaced it); the next :func:`sign_in` finishes the job;
- ``encrypted``: the usual state; :func:`sign_in` unwraps its key with a password.

Whoever sets sign-in up becomes the database's administrator. Roles are in force from
then on (:func:`require_role`): an adviser edits the centre's firms, a coordinator also
settles sync conflicts and merges, changes settings and enrols devices, an administrator
also manages advisers and their passwords.

The key file (:mod:`db.keyfile`) seals the database key to each adviser's key pair, so
taking an adviser's sign-in away (or deactivating them) moves the database to a new key
that they never receive (:mod:`desktop.services.rekey`); every sign-in also closes entries
the advisers table no longer backs and finishes a re-key a crash cut off. Failed sign-ins
are counted by :mod:`desktop.services.attempts`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from db import advisers as adviser_repo
from db import cipher, devices, keyfile, keys
from db.encryption import encrypt_copies, encrypt_in_place, temporary_path
from db.errors import StorageError
from db.schema import ROLES
from desktop.domain.errors import UserError
from desktop.services import attempts, rekey
from desktop.services.attempts import wait_seconds

log = logging.getLogger(__name__)

MIN_PASSWORD = 8
# The account ``rumbo --demo`` sets up on a database without sign-in (documented in the README).
DEMO_LOGIN = "demo"
DEMO_PASSWORD = "rumbo-demo"
DEMO_NAME = "Asesora de demostración"
ROLE_NAMES = {"adviser": "Asesor", "coordinator": "Coordinador", "administrator": "Administrador"}
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
WRONG = "El usuario o la contraseña no son correctos."
RESET = ("La llave de la base cambió antes de que su cuenta se actualizara: pida a un administrador una "
         "contraseña nueva (Configuración → Acceso y seguridad).")


@dataclass(frozen=True)
class SignedIn:
    """Who opened the database: their adviser record's id, sign-in name, name and role."""

    adviser_id: str
    login: str
    name: str
    role: str


@dataclass(frozen=True)
class SetUpResult:
    signed_in: SignedIn
    recovery_key: str  # shown once; never stored in clear


# --- state -------------------------------------------------------------------------------

def state(db_path: str | Path) -> str:
    """"new", "plain", "interrupted" or "encrypted" (see the module's text).

    Raises:
        StorageError: the file is encrypted but its key file is missing (copied without it).
    """
    path = Path(db_path)
    exists = path.is_file() and path.stat().st_size > 0
    has_keys = keys.key_file_path(path).exists()
    if not exists:
        return "new"
    if keys.is_plain_sqlite(path):
        return "interrupted" if has_keys else "plain"
    if not has_keys:
        raise StorageError("key_file_missing", _missing_key_file(path), str(path))
    return "encrypted"


def _missing_key_file(path: Path) -> str:
    return (f"La base {path.name} está cifrada y falta su archivo de llaves {keys.key_file_path(path).name}: "
            "cópielo junto a la base (o restaure ambos de una copia de seguridad).")


def sign_in_set_up(db_path: str | Path | None) -> bool:
    """True when sign-in is set up on this file (its key file exists)."""
    return db_path is not None and str(db_path) != ":memory:" and keys.key_file_path(db_path).exists()


def is_unlocked(db_path: str | Path) -> bool:
    return keys.key_for(db_path) is not None


# --- checks of what is typed --------------------------------------------------------------

def check_login(login: str) -> str:
    value = (login or "").strip().casefold()
    if not value:
        raise UserError("Escriba el usuario con el que entrará a Rumbo.", field="login")
    if not _LOGIN.match(value):
        raise UserError("El usuario lleva de 2 a 32 letras sin tilde, cifras, puntos o guiones, sin espacios.",
                        field="login")
    return value


def check_password(password: str, repeated: str | None = None) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"La contraseña debe tener al menos {MIN_PASSWORD} caracteres.", field="password")
    if repeated is not None and repeated != password:
        raise UserError("Las dos contraseñas no coinciden: escríbala igual en ambos campos.", field="repeat")
    return password


def check_name(name: str) -> str:
    value = " ".join((name or "").split())
    if not value:
        raise UserError("Falta el nombre del asesor.", field="name")
    return value


# --- setting sign-in up ---------------------------------------------------------------------

def set_up(db_path: str | Path, name: str, login: str, password: str, repeated: str | None = None,
           centre: str | None = None, adviser_id: str | None = None) -> SetUpResult:
    """Set sign-in up on a new or plain database; the one who does it becomes its administrator.

    Args:
        adviser_id: an adviser already in a plain database who takes this account
            (by default the device's current adviser when the name matches, else a new one).

    Returns:
        Who is signed in and the recovery key (to be shown once and written down).

    Raises:
        UserError: a field is not valid, or sign-in is already set up here.
        StorageError: the database cannot be opened or encrypted (a plain one stays as it was).
    """
    from desktop.services.maintenance import database_backup_folder
    from desktop.services.storage import open_database

    path = Path(db_path)
    current = state(path)
    if current not in ("new", "plain"):
        raise UserError("Esta base ya tiene el inicio de sesión configurado: entre con su usuario.", field="login")
    name, login, password = check_name(name), check_login(login), check_password(password, repeated)
    key, recovery = keys.new_database_key(), keys.new_recovery_key()
    if current == "new":
        keys.key_file_path(path).unlink(missing_ok=True)  # a key file of a database since deleted
        # The key file first: an encrypted file must never exist without a way to open it.
        keyfile.KeyFile.create(path, [keyfile.recovery_entry([key], recovery),
                                      keyfile.new_entry([key], password, "adviser", login=login, name=name)], key)
        keys.remember(path, key)
    with open_database(path) as storage:
        who = _make_administrator(storage, name, login, centre, adviser_id)
        folder = database_backup_folder(storage)
    if current == "plain":
        keyfile.KeyFile.create(path, [keyfile.recovery_entry([key], recovery),
                                      keyfile.new_entry([key], password, "adviser", adviser_id=who.adviser_id,
                                                        login=login, name=name)], key)
        encrypt_in_place(path, key, folder)
        keys.remember(path, key)
    else:
        with keyfile.editing(path) as key_file:
            key_file.entry_for(login).adviser_id = who.adviser_id
    log.info("Inicio de sesión configurado en %s (base %s)", path.name, current)
    return SetUpResult(who, recovery)


def _make_administrator(storage, name: str, login: str, centre: str | None, adviser_id: str | None) -> SignedIn:
    taken = storage.conn.execute("SELECT id FROM advisers WHERE lower(login) = ? AND deleted_at IS NULL",
                                 (login,)).fetchone()
    if adviser_id is None:
        current = devices.current_adviser_id(storage)
        row = adviser_repo.get_adviser(storage, current, include_deleted=False) if current else None
        adviser_id = row["id"] if row and row["name"].casefold() == name.casefold() else None
    if taken and taken[0] != adviser_id:
        raise UserError(f"El usuario «{login}» ya es de otro asesor: elija otro.", field="login")
    with storage.write():
        if adviser_id is None:
            adviser_id = adviser_repo.create_adviser(storage, {"name": name, "centre": centre, "active": True},
                                                     None)["id"]
        changes = {"login": login, "role": "administrator", "active": True}
        if centre:
            changes["centre"] = centre
        adviser_repo.update_adviser(storage, adviser_id, changes, adviser_id)
        devices.set_current_adviser(storage, adviser_id)
    return SignedIn(adviser_id, login, name, "administrator")


def holds_no_firms(db_path: str | Path) -> bool:
    """True when a plain database has no firm at all (live or deleted)."""
    from desktop.services.storage import open_database

    with open_database(db_path) as storage:
        return storage.conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 0


def set_up_demo(db_path: str | Path) -> SetUpResult:
    """The documented demo account (``demo`` / ``rumbo-demo``), for ``rumbo --demo``."""
    return set_up(db_path, DEMO_NAME, DEMO_LOGIN, DEMO_PASSWORD, centre="Centro de demostración")


# --- signing in -------------------------------------------------------------------------------

def sign_in(db_path: str | Path, login: str, password: str, *, for_reading: bool = False) -> SignedIn:
    """Open an encrypted database with an adviser's password (or finish an interrupted set-up).

    A version-1 entry becomes version 2 on the way (the password is known now), and a
    re-key left unfinished, or owed to an adviser who lost access, is done before the
    database is handed over (:func:`desktop.services.rekey.rekey`).

    Args:
        for_reading: the caller only reads (an export, a check, one report): nothing is written
            into the database or its folder, so a file on read-only media (a CD, a locked stick)
            can be signed in to; the adviser is not stamped as the device's current one, and an
            unfinished re-key waits for a sign-in that may write.

    Raises:
        UserError: wrong user or password (one sentence, the same for both), too many tries
            (how long to wait), an account no longer active, or one whose password must be
            set again by an administrator.
        StorageError: the key file is missing or damaged, the file is damaged ...
    """
    path = Path(db_path)
    if state(path) in ("new", "plain"):
        raise UserError("Esta base aún no tiene el inicio de sesión configurado.", field="login")
    key_file = _read_key_file(path)
    name = (login or "").strip().casefold()
    countable = bool(_LOGIN.match(name))  # a login that cannot exist has nothing to guess: not counted
    slot = attempts.login_slot(key_file, name)
    if countable:
        attempts.refuse_while_waiting(key_file, slot)
    entry = key_file.entry_for(name) if countable else None
    if entry is not None and entry.version == 0:
        raise UserError(RESET, field="password")
    unlocked = entry.open(password or "") if entry is not None else None
    if not unlocked:
        count = attempts.failed(path, slot) if countable else 0
        log.warning("Inicio de sesión rechazado en %s (%s intentos seguidos)", path.name, count)
        message = WRONG
        if wait_seconds(count):
            message += f" Por seguridad, espere {wait_seconds(count)} segundos antes de volver a intentarlo."
        raise UserError(message, field="password")
    attempts.succeeded(path, slot)
    if entry.version == 1 and not for_reading:
        _upgrade(path, entry, password, unlocked)
    key = _opening_key(path, key_file, unlocked)
    if for_reading:
        return _open_to_read(path, key, name, unlocked)
    return _open_with(path, key, name, unlocked)


def _upgrade(path: Path, old: keyfile.Entry, secret: str, unlocked: list[bytes]) -> None:
    """A version-1 entry becomes a key pair holding the same key (its secret is known now)."""
    with _key_file(path) as key_file:
        for entry in key_file.entries:
            if entry.kind == old.kind and entry.version == 1 and entry.salt == old.salt:
                key_file.replace(entry, keyfile.new_entry(unlocked, secret, entry.kind, adviser_id=entry.adviser_id,
                                                          login=entry.login, name=entry.name))
        if key_file.key_id is None:
            key_file.key_id = keys.key_id(unlocked[0])
    log.info("Entrada del archivo de llaves de %s actualizada a la versión 2", path.name)


def _opening_key(path: Path, key_file: keyfile.KeyFile, unlocked: list[bytes]) -> bytes:
    """Of the keys an entry holds, the one the file is under now (the newest first)."""
    ordered = sorted(unlocked, key=lambda k: keys.key_id(k) != key_file.key_id)
    if keys.is_plain_sqlite(path):
        return ordered[0]  # an interrupted set-up: it is encrypted with the current key
    return cipher.first_that_opens(path, ordered) or ordered[0]  # none: opening says why


def recover(db_path: str | Path, recovery_key: str, login: str, password: str,
            repeated: str | None = None) -> SignedIn:
    """A forgotten password: the recovery key printed at set-up opens the base and sets a new one.

    Raises:
        UserError: the recovery key is wrong, the login is not an active adviser here, or the
            new password is not valid.
    """
    path = Path(db_path)
    login, password = check_login(login), check_password(password, repeated)
    key_file = _read_key_file(path)
    slot = attempts.recovery_slot(key_file)
    attempts.refuse_while_waiting(key_file, slot)
    secret = keys.normalise_recovery_key(recovery_key or "")
    entry = key_file.recovery()
    unlocked = entry.open(secret) if entry is not None else None
    if not unlocked:
        attempts.failed(path, slot)
        raise UserError("La clave de recuperación no es correcta: revise las letras y cifras impresas al configurar.",
                        field="recovery_key")
    attempts.succeeded(path, slot)
    if entry.version == 1:
        _upgrade(path, entry, secret, unlocked)
    who = _open_with(path, _opening_key(path, key_file, unlocked), login, unlocked)
    with _key_file(path) as key_file:
        key_file.set_password([keys.key_for(path)], who.adviser_id, who.login, who.name, password)
    log.info("Contraseña repuesta con la clave de recuperación en %s", path.name)
    return who


def _read_key_file(path: Path) -> keyfile.KeyFile:
    try:
        return keyfile.KeyFile.read(path)
    except keyfile.KeyFileError as exc:
        raise StorageError(f"key_file_{exc.kind}", exc.message, str(path)) from None


_key_file = rekey.editing


def _open_with(path: Path, key: bytes, login: str, unlocked: list[bytes] | None = None) -> SignedIn:
    """Remember the key, finish an interrupted encryption or re-key, check the account, stamp the adviser."""
    from desktop.services.maintenance import database_backup_folder
    from desktop.services.storage import open_database

    if keys.is_plain_sqlite(path):  # set-up was cut off before the encrypted copy replaced the file
        from db.tempfiles import remove_with_journals

        keys.forget(path)
        remove_with_journals(temporary_path(path))
        with open_database(path) as storage:
            folder = database_backup_folder(storage)
        encrypt_in_place(path, key, folder)
        log.info("Cifrado de %s terminado tras una interrupción", path.name)
    keys.remember(path, key, [k for k in (unlocked or []) if k != key])
    try:
        with open_database(path) as storage:
            row = _active_account(storage, login)
            devices.set_current_adviser(storage, row[0])
            folder = database_backup_folder(storage)
            _finish_rekey(storage, unlocked)
    except StorageError as exc:
        # The password opened the key, but the file is damaged: the key stays known to this
        # process so that ``rumbo restore`` can read the backups (encrypted with the same key).
        if exc.kind != "damaged":
            keys.forget(path)
        raise
    except BaseException:
        keys.forget(path)
        raise
    encrypt_copies(folder, keys.key_for(path))  # a copy left plain by a crash never stays readable
    return SignedIn(row[0], row[1], row[2], row[3])


def _finish_rekey(storage, unlocked: list[bytes] | None) -> None:
    """Entries the advisers table no longer backs, or a re-key cut off: done now, before any work.

    A failure here (a full disk) does not stop the sign-in: every step is safe to stop at,
    and the next sign-in goes on from there.
    """
    try:
        done = rekey.rekey(storage, unlocked, copies=False)  # backups: the start-up task, in the background
    except StorageError as exc:
        log.warning("Re-cifrado pendiente en %s: %s", storage.path, exc.kind)
        return
    if done.rekeyed:
        log.info("Re-cifrado terminado al entrar (%s copias)", done.copies)


def _open_to_read(path: Path, key: bytes, login: str, unlocked: list[bytes] | None = None) -> SignedIn:
    """Remember the key and check the account, reading only (see :func:`sign_in`'s ``for_reading``)."""
    from desktop.services.storage import open_for_reading

    if keys.is_plain_sqlite(path):  # an interrupted set-up is finished by a sign-in that may write
        return _open_with(path, key, login, unlocked)
    keys.remember(path, key, [k for k in (unlocked or []) if k != key])
    try:
        with open_for_reading(path) as storage:
            row = _active_account(storage, login)
    except BaseException:
        keys.forget(path)
        raise
    return SignedIn(row[0], row[1], row[2], row[3])


def _active_account(storage, login: str) -> tuple:
    row = storage.conn.execute(
        "SELECT id, login, name, role FROM advisers WHERE lower(login) = ? AND deleted_at IS NULL"
        " AND active = 1", (login,)).fetchone()
    if row is None:
        raise UserError("Esta cuenta ya no está activa en Rumbo: pida acceso a un administrador.", field="login")
    return row


def lock(db_path: str | Path) -> None:
    """Forget the key of a database (signing out); open connections keep working until closed."""
    keys.forget(db_path)


def check_password_of(db_path: str | Path, login: str, password: str) -> bool:
    """The password of a signed-in adviser, asked again by the idle lock (counts as a try)."""
    path = Path(db_path)
    key_file = _read_key_file(path)
    slot = attempts.login_slot(key_file, login)
    attempts.refuse_while_waiting(key_file, slot)
    entry = key_file.entry_for(login)
    if entry is not None and entry.open(password or "") is not None:
        attempts.succeeded(path, slot)
        return True
    attempts.failed(path, slot)
    return False


def signed_in_as(storage, adviser_id: str | None) -> SignedIn | None:
    """The signed-in adviser of a running session, as :func:`sign_in` returned them."""
    row = next((a for a in accounts(storage) if a["id"] == adviser_id and a["login"]), None)
    return SignedIn(row["id"], row["login"], row["name"], row["role"]) if row else None


def issue_owed_recovery_key(db_path: str | Path, who: SignedIn) -> str | None:
    """A new recovery key when a re-key had to drop the old one; only for an administrator.

    The recovery key opens the whole database, so it is shown to an administrator only
    (once: the GUI's recovery-key dialog, or printed once by the command line).

    Returns:
        The new recovery key to show, or None when none is owed (or ``who`` may not see it).
    """
    path = Path(db_path)
    if who.role != "administrator" or keys.key_for(path) is None or not sign_in_set_up(path):
        return None
    if not _read_key_file(path).recovery_owed:
        return None
    recovery = keys.new_recovery_key()
    with _key_file(path) as key_file:
        if not key_file.recovery_owed:
            return None  # another window issued it meanwhile
        key_file.entries = [e for e in key_file.entries if e.kind != "recovery"]
        key_file.entries.append(keyfile.recovery_entry([keys.key_for(path)], recovery))
        key_file.recovery_owed = False
    log.info("Clave de recuperación nueva emitida en %s", path.name)
    return recovery


# --- roles and passwords ------------------------------------------------------------------------

def role_of(storage, adviser_id: str | None) -> str | None:
    """The adviser's role, trusted only while their row matches its history (db.advisers.verified_role)."""
    return None if adviser_id is None else adviser_repo.verified_role(storage, adviser_id)


_NEEDED = {
    "coordinator": "Solo un coordinador puede {what}.",
    "administrator": "Solo un administrador puede {what}.",
}


def may(storage, adviser_id: str | None, role: str) -> bool:
    """True when roles are not in force on this database, or the adviser's role reaches ``role``."""
    if not sign_in_set_up(storage.path):
        return True
    have = role_of(storage, adviser_id)
    return have in ROLES and ROLES.index(have) >= ROLES.index(role)


def require_role(storage, adviser_id: str | None, role: str, what: str) -> None:
    """Refuse, with one sentence, an action above the acting adviser's role.

    Raises:
        UserError: roles are in force and the adviser's role is below ``role``.
    """
    if not may(storage, adviser_id, role):
        raise UserError(_NEEDED[role].format(what=what), field="adviser")


def grant_access(storage, actor: str | None, adviser_id: str, login: str, password: str,
                 role: str = "adviser", repeated: str | None = None) -> dict:
    """An administrator gives an adviser a sign-in (or a new password, or another role).

    Raises:
        UserError: not an administrator, a field not valid, the login taken.
    """
    require_role(storage, actor, "administrator", "dar acceso a los asesores")
    if role not in ROLES:
        raise UserError("El rol debe ser asesor, coordinador o administrador.", field="role")
    login, password = check_login(login), check_password(password, repeated)
    key = keys.key_for(storage.path)
    if key is None:
        raise UserError("Configure primero el inicio de sesión de esta base.", field="login")
    adviser = adviser_repo.get_adviser(storage, adviser_id, include_deleted=False)
    if adviser is None:
        raise UserError("Ese asesor no existe.", field="adviser")
    taken = storage.conn.execute("SELECT id FROM advisers WHERE lower(login) = ? AND deleted_at IS NULL",
                                 (login,)).fetchone()
    if taken and taken[0] != adviser_id:
        raise UserError(f"El usuario «{login}» ya es de otro asesor: elija otro.", field="login")
    if adviser_id == actor and role != "administrator":
        raise UserError("Un administrador no puede quitarse su propio rol.", field="role")
    with storage.write():
        updated = adviser_repo.update_adviser(storage, adviser_id, {"login": login, "role": role, "active": True},
                                              actor)
    with _key_file(storage.path) as key_file:
        key_file.set_password([key], adviser_id, login, adviser["name"], password)
    log.info("Acceso dado o cambiado para un asesor (rol %s)", role)
    return updated


def change_own_password(storage, adviser_id: str, current: str, password: str, repeated: str | None = None) -> None:
    """The signed-in adviser changes their password (the current one is asked first)."""
    password = check_password(password, repeated)
    adviser = adviser_repo.get_adviser(storage, adviser_id, include_deleted=False)
    if adviser is None or not adviser.get("login"):
        raise UserError("Este asesor no tiene inicio de sesión.", field="login")
    if not check_password_of(storage.path, adviser["login"], current):
        raise UserError("La contraseña actual no es correcta.", field="current")
    with _key_file(storage.path) as key_file:
        key_file.set_password([keys.key_for(storage.path)], adviser_id, adviser["login"], adviser["name"], password)


def remove_access(storage, actor: str | None, adviser_id: str, copies: bool = True) -> rekey.Rekeyed:
    """An administrator takes an adviser's sign-in away (their past work keeps their name).

    The database then moves to a new key that the adviser never receives, so a copy of
    the key file they kept, with their password, opens nothing any more
    (:func:`desktop.services.rekey.rekey`, through ``storage``'s own connection).

    Args:
        copies: re-key the backups now as well; False leaves them to
            :func:`desktop.services.rekey.finish_copies` (run in the background by the GUI).

    Returns:
        What the re-key did (advisers who need a new password, a recovery key owed).
    """
    require_role(storage, actor, "administrator", "quitar el acceso a los asesores")
    if adviser_id == actor:
        raise UserError("No puede quitarse su propio acceso.", field="adviser")
    with storage.write():
        adviser_repo.update_adviser(storage, adviser_id, {"login": None, "role": "adviser"}, actor)
    if not sign_in_set_up(storage.path):
        return rekey.Rekeyed()
    return rekey.rekey(storage, copies=copies)


def accounts(storage) -> list[dict]:
    """Advisers with their sign-in name and role, for the administrator's list.

    ``needs_password`` is True for a login the key file no longer opens (a re-key happened
    before that adviser's entry was updated): an administrator gives them a new password.
    """
    rows = [dict(zip(("id", "name", "login", "role", "active"), row)) for row in storage.conn.execute(
        "SELECT id, name, login, role, active FROM advisers WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")]
    key_file = keyfile.KeyFile.read(storage.path) if sign_in_set_up(storage.path) else None
    for row in rows:
        entry = key_file.entry_for(row["login"]) if key_file is not None and row["login"] else None
        row["needs_password"] = bool(key_file is not None and row["login"] and (entry is None or not entry.version))
    return rows
