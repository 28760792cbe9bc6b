"""This device's keys and the devices a coordinator enrolled (trusted for bundles).

A bundle is accepted only from a device enrolled here and not revoked, and a
bundle is written only for such a device (it is sealed to its encryption key).
Trust follows the signing key, not the device id: a laptop whose file was
restored goes on under a new id (:mod:`db.connection`) with the same keys, and
stays trusted. ``sync_peers.signing_key`` links each peer id to the key its
bundles were signed with.
"""

from __future__ import annotations

from db.clock import now_iso
from db.errors import guarded
from db.sync.keys import DeviceCard, LocalKeys, PublicKeys, TrustedDevice
from db.sync.peers import note_device
from db.sync.state import ensure_schema
from desktop.domain.errors import UserError

_COLS = "device_id, name, role, signing_key, encryption_key, enrolled_at, enrolled_by, revoked_at, revoked_by"


def _trusted(row: tuple) -> TrustedDevice:
    device_id, name, role, signing, encryption, enrolled_at, enrolled_by, revoked_at, revoked_by = row
    return TrustedDevice(device_id, name, role, PublicKeys(bytes(signing), bytes(encryption)), enrolled_at,
                         enrolled_by, revoked_at, revoked_by)


def local_keys(storage) -> LocalKeys:
    """This device's private keys (made by the migration at the file's first opening)."""
    ensure_schema(storage)
    seed, secret = storage.conn.execute("SELECT signing_seed, encryption_secret FROM sync_keys WHERE id = 1").fetchone()
    return LocalKeys(bytes(seed), bytes(secret))


def own_card(storage, role: str | None) -> DeviceCard:
    """The card that lets another device enrol this one."""
    return DeviceCard(storage.device_id, storage.device_name, role, local_keys(storage).public)


@guarded
def list_trusted(storage) -> list[TrustedDevice]:
    """Every device enrolled here (revoked ones too), by name."""
    ensure_schema(storage)
    return [_trusted(r) for r in storage.conn.execute(
        f"SELECT {_COLS} FROM sync_trusted ORDER BY revoked_at IS NOT NULL, lower(name), enrolled_at")]


def trusted_by_key(storage, signing_key: bytes) -> TrustedDevice | None:
    """The enrolment of the device that signs with ``signing_key``, revoked or not; None if none."""
    row = storage.conn.execute(f"SELECT {_COLS} FROM sync_trusted WHERE signing_key = ?", (signing_key,)).fetchone()
    return None if row is None else _trusted(row)


def trusted_for_peer(storage, device_id: str) -> TrustedDevice | None:
    """The enrolment behind a peer id: enrolled under that id, or signing with a key enrolled here.

    A live enrolment wins over a revoked one (a device enrolled again with new keys).
    """
    rows = storage.conn.execute(
        f"SELECT {_COLS} FROM sync_trusted WHERE device_id = ?"
        " OR signing_key = (SELECT signing_key FROM sync_peers WHERE device_id = ?)"
        " ORDER BY revoked_at IS NOT NULL, enrolled_at DESC", (device_id, device_id)).fetchall()
    return _trusted(rows[0]) if rows else None


def link_peer_key(storage, device_id: str, signing_key: bytes) -> None:
    """Remember which key a peer signs with (inside the caller's transaction)."""
    storage.conn.execute("UPDATE sync_peers SET signing_key = ? WHERE device_id = ?", (signing_key, device_id))


def signed_by_another(storage, device_id: str, signing_key: bytes) -> bool:
    """True when ``device_id`` is known here to sign with a key other than ``signing_key``
    (an enrolled device writing a bundle under another device's id)."""
    row = storage.conn.execute("SELECT signing_key FROM sync_peers WHERE device_id = ?", (device_id,)).fetchone()
    return row is not None and row[0] is not None and bytes(row[0]) != signing_key


@guarded
def enrol(storage, card: DeviceCard, adviser_id: str | None) -> TrustedDevice:
    """Trust the device of ``card``: its bundles are accepted and bundles may be written for it.

    Enrolling a card again (a renamed device, or one revoked before) renews its enrolment.

    Raises:
        UserError: the card is this device's own.
    """
    ensure_schema(storage)
    if card.keys.signing == local_keys(storage).public.signing or card.device_id == storage.device_id:
        raise UserError("Esta tarjeta es la de este mismo equipo; inscriba la del otro equipo.", field="card")
    stamp = now_iso()
    with storage.write():
        storage.conn.execute(
            "INSERT INTO sync_trusted (signing_key, encryption_key, device_id, name, role, fingerprint, enrolled_at,"
            " enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(signing_key) DO UPDATE SET"
            " encryption_key = excluded.encryption_key, device_id = excluded.device_id, name = excluded.name,"
            " role = excluded.role, fingerprint = excluded.fingerprint, enrolled_at = excluded.enrolled_at,"
            " enrolled_by = excluded.enrolled_by, revoked_at = NULL, revoked_by = NULL",
            (card.keys.signing, card.keys.encryption, card.device_id, card.name, card.role, card.fingerprint, stamp,
             adviser_id))
        # An enrolled device is a peer from now on: the export's list offers it, and a laptop's
        # default destination is the centre it enrolled.
        note_device(storage, card.device_id, card.name, card.role)
        link_peer_key(storage, card.device_id, card.keys.signing)
    return trusted_by_key(storage, card.keys.signing)


def find_trusted(storage, ref: str) -> TrustedDevice:
    """The enrolled device a user named: its id, its name (case-insensitive) or its fingerprint.

    Raises:
        UserError: ``ref`` names no enrolled device, or several.
    """
    ensure_schema(storage)
    wanted = " ".join(ref.split()).upper()
    matches = [t for t in list_trusted(storage)
               if ref == t.device_id or ref.strip().lower() == t.name.lower()
               or wanted.replace(" ", "") == t.fingerprint.replace(" ", "")]
    if not matches:
        matches = [t for t in list_trusted(storage) if trusted_for_peer(storage, ref) == t]
    if len(matches) > 1:
        live = [t for t in matches if not t.revoked]
        if len(live) == 1:
            return live[0]
        raise UserError(f"Hay varios equipos inscritos llamados «{ref}»; indique su identificador.", field="device")
    if not matches:
        raise UserError(f"No hay ningún equipo inscrito que se llame o identifique «{ref}».", field="device")
    return matches[0]


@guarded
def revoke(storage, device: TrustedDevice, adviser_id: str | None) -> TrustedDevice:
    """Stop trusting a device: its bundles are refused from now on, and none is written for it.

    Raises:
        UserError: it was revoked already.
    """
    if device.revoked:
        raise UserError(f"«{device.name}» ya estaba revocado desde el {device.revoked_at[:10]}.", field="device")
    with storage.write():
        storage.conn.execute("UPDATE sync_trusted SET revoked_at = ?, revoked_by = ? WHERE signing_key = ?",
                             (now_iso(), adviser_id, device.keys.signing))
    return trusted_by_key(storage, device.keys.signing)


def linked_ids(storage, device: TrustedDevice) -> set[str]:
    """Every id ``device`` is known by here: the one it was enrolled under and those of the peers that
    sign with its key (a laptop restored from a backup writes under a new id)."""
    rows = storage.conn.execute("SELECT device_id FROM sync_peers WHERE signing_key = ?", (device.keys.signing,))
    return {device.device_id, *(r[0] for r in rows)}


def roles_in_force(storage) -> bool:
    """True once sign-in is set up on this database (its key file exists, :mod:`db.keys`):
    from then on advisers' roles decide who may enrol and revoke devices. Before that every
    adviser has the default role and nobody could, so nobody is stopped."""
    from db.keys import key_file_path

    columns = {row[1] for row in storage.conn.execute("PRAGMA table_info(advisers)")}
    return "role" in columns and storage.path is not None and key_file_path(storage.path).exists()
