"""Device keys for bundles, their fingerprints, and the device card.

Every database holds two key pairs (libsodium, through PyNaCl; nothing here is
cryptography of our own):

* an **Ed25519 signing key**: the device signs every bundle it writes, so the
  receiver knows who wrote it and that nothing changed since;
* an **X25519 encryption key**: bundles for this device are sealed to it
  (libsodium's "sealed box"), so only this device can read them.

The private halves live in the database itself (table ``sync_keys``, made by
the sync migration ``0003_device_keys``), which is being encrypted at rest
separately. The public halves travel in the **device card**, a small JSON file
a coordinator carries to the other device and enrols there after checking
the **fingerprint** on both screens.

This module is pure: no SQL, no knowledge of the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from desktop.domain.errors import UserError

KEY_BYTES = 32
SIGNATURE_BYTES = 64
CARD_FORMAT = "rumbo-device-card"
CARD_VERSION = 1
MAX_CARD_BYTES = 64 << 10
ROLES = ("laptop", "centre")
# Six groups of four hex digits: 96 bits of SHA-256, short enough to read aloud and compare.
_FINGERPRINT_GROUPS = 6
_FINGERPRINT_CONTEXT = b"rumbo-device-fingerprint-1\n"


def fingerprint(signing_key: bytes, encryption_key: bytes) -> str:
    """The human-checkable text of a device's two public keys: "1A2B 3C4D 5E6F 7081 92A3 B4C5".

    Both keys count: a card whose encryption key was swapped (so that a laptop would
    seal its bundles to someone else) shows another fingerprint.
    """
    digest = hashlib.sha256(_FINGERPRINT_CONTEXT + signing_key + encryption_key).hexdigest().upper()
    return " ".join(digest[4 * i:4 * i + 4] for i in range(_FINGERPRINT_GROUPS))


@dataclass(frozen=True)
class PublicKeys:
    """A device's public keys, as 32 raw bytes each."""

    signing: bytes
    encryption: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing, self.encryption)

    def verify(self, message: bytes, signature: bytes) -> bool:
        """True when ``signature`` is this device's Ed25519 signature of ``message``."""
        try:
            VerifyKey(self.signing).verify(message, signature)
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def seal(self, plaintext: bytes) -> bytes:
        """Encrypt for this device only (libsodium sealed box to its X25519 key)."""
        return SealedBox(PublicKey(self.encryption)).encrypt(plaintext)


@dataclass(frozen=True)
class LocalKeys:
    """This device's private keys (seeds of 32 bytes), from the database."""

    signing_seed: bytes
    encryption_secret: bytes

    @classmethod
    def generate(cls) -> LocalKeys:
        return cls(bytes(SigningKey.generate()), bytes(PrivateKey.generate()))

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(bytes(SigningKey(self.signing_seed).verify_key),
                          bytes(PrivateKey(self.encryption_secret).public_key))

    def sign(self, message: bytes) -> bytes:
        """The detached Ed25519 signature of ``message`` (64 bytes)."""
        return SigningKey(self.signing_seed).sign(message).signature

    def unseal(self, ciphertext: bytes) -> bytes | None:
        """Open a sealed box addressed to this device; None when it is not for us or damaged."""
        try:
            return SealedBox(PrivateKey(self.encryption_secret)).decrypt(ciphertext)
        except (CryptoError, ValueError, TypeError):
            return None


@dataclass(frozen=True)
class TrustedDevice:
    """A device a coordinator enrolled here: its bundles are accepted until it is revoked.

    Attributes:
        device_id: its id when it was enrolled (a copied or restored file goes on under a new
            id with the same keys, and stays trusted: trust follows the keys).
        role: "laptop" or "centre", as its card said.
    """

    device_id: str
    name: str
    role: str | None
    keys: PublicKeys
    enrolled_at: str
    enrolled_by: str | None
    revoked_at: str | None = None
    revoked_by: str | None = None

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


# ---------------------------------------------------------------- device card


@dataclass(frozen=True)
class DeviceCard:
    """What one device tells another so that it can be enrolled there."""

    device_id: str
    name: str
    role: str | None
    keys: PublicKeys

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT, "format_version": CARD_VERSION, "device_id": self.device_id,
            "name": self.name, "role": self.role, "signing_key": self.keys.signing.hex(),
            "encryption_key": self.keys.encryption.hex(), "fingerprint": self.fingerprint,
        }


_CARD_MESSAGES = {
    "missing": "No se encontró la tarjeta de equipo «{name}».",
    "unreadable": "No se pudo leer la tarjeta de equipo «{name}»; revise que exista y que tenga permiso para abrirla.",
    "not_card": "El archivo «{name}» no es una tarjeta de equipo de Rumbo.",
    "too_new": "La tarjeta «{name}» la escribió una versión más nueva de Rumbo; actualice la aplicación para inscribirla.",
    "altered": "La huella escrita en la tarjeta «{name}» no corresponde a sus claves: la tarjeta fue alterada o se dañó.",
    "cannot_write": "No se pudo escribir la tarjeta «{name}»; revise que la carpeta exista, que tenga permiso y que haya espacio en el disco.",
}


class CardError(UserError):
    """A device card that cannot be used, with one sentence. ``kind`` is a key of the messages."""

    def __init__(self, kind: str, path: str | Path, detail: str = ""):
        super().__init__(_CARD_MESSAGES[kind].format(name=Path(path).name), field="card")
        self.kind = kind
        self.detail = detail


def parse_key(value: Any) -> bytes | None:
    """32 bytes from their hex text, or None when ``value`` is no such text."""
    if not isinstance(value, str) or len(value) != 2 * KEY_BYTES:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def write_card(path: str | Path, card: DeviceCard) -> None:
    """Write a device card; the file appears whole or not at all (only public keys inside)."""
    path = Path(path)
    data = json.dumps(card.to_json(), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".rumbo-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp_name, 0o644)  # public keys only: readable like any document
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise CardError("cannot_write", path, str(exc)) from exc


def read_card(path: str | Path) -> DeviceCard:
    """Read and check a device card (its fingerprint must match its keys).

    Raises:
        CardError: missing, unreadable, not a card, from a newer Rumbo, or altered.
    """
    path = Path(path)
    if not path.is_file():
        raise CardError("missing", path)
    try:
        with path.open("rb") as raw:
            data = raw.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise CardError("unreadable", path, str(exc)) from exc
    try:
        obj = json.loads(data.decode("utf-8")) if len(data) <= MAX_CARD_BYTES else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        obj = None
    if not isinstance(obj, dict) or obj.get("format") != CARD_FORMAT:
        raise CardError("not_card", path)
    version = obj.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CardError("not_card", path, "bad format_version")
    if version > CARD_VERSION:
        raise CardError("too_new", path)
    signing, encryption = parse_key(obj.get("signing_key")), parse_key(obj.get("encryption_key"))
    device_id, name, role = obj.get("device_id"), obj.get("name"), obj.get("role")
    if signing is None or encryption is None or not isinstance(device_id, str) or not device_id \
            or not isinstance(name, str) or not name.strip() or (role is not None and role not in ROLES):
        raise CardError("not_card", path, "bad fields")
    card = DeviceCard(device_id, " ".join(name.split()), role, PublicKeys(signing, encryption))
    if obj.get("fingerprint") not in (None, card.fingerprint):
        raise CardError("altered", path)
    return card
