"""The field bundle file: writing it signed and sealed, and reading it back strictly.

A bundle (``.rumbo``, format version 2) is a ZIP archive with exactly three members:

``manifest.json`` (in clear, signed)
    One JSON object: ``format`` ("rumbo-bundle"), ``format_version`` (2), the
    ``source`` device (id, name, role and its two public keys), the ``peer`` it
    was written for (id, name and the encryption key the payload is sealed to),
    ``created_at``, ``app_version`` (the Rumbo that wrote it), and the sealed
    ``payload``'s name, scheme, SHA-256 and size. Nothing about firms is here.
``manifest.sig``
    The source device's Ed25519 signature (64 bytes) of ``SIGNING_CONTEXT`` and
    the exact bytes of ``manifest.json``. Since the manifest carries the sealed
    payload's SHA-256, the signature covers the payload too.
``payload.sealed``
    A libsodium sealed box (X25519 + XSalsa20-Poly1305) to the peer's
    encryption key, holding a zlib stream of: one JSON line, the ``contents``
    (the source's ``knowledge``: for every origin device, the highest change
    sequence number the source holds; the ``ranges`` carried per origin; the
    ``counts`` per table; ``devices``, origin id -> human name; and the
    SHA-256 and size of the changes), then the changes, one per line, as
    :class:`BundleChange` describes, each origin's in sequence order.

Reading is all or nothing, in this order: archive structure; the source must
be a device enrolled here (``trusted``) and not revoked; the signature must
verify with the enrolled key and the payload match the signed hash; the
payload must be sealed to this device; then every strict check of the
contents (the expansion limits below, every line, and that the ranges and
counts agree with the changes) before a single change is returned.
:class:`BundleError` carries one Spanish sentence that says which check
failed. Version-1 bundles (unsigned, in clear) are refused: the updated
laptop must write them again.

This module is file handling and libsodium calls (through :mod:`db.sync.keys`):
no SQL, no knowledge of the database; the caller says which devices are trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.sync import attest
from db.sync.attest import Head
from db.sync.keys import SIGNATURE_BYTES, LocalKeys, PublicKeys, TrustedDevice, parse_key
from desktop.domain.errors import UserError
from desktop.version import app_version

FORMAT_NAME = "rumbo-bundle"
FORMAT_VERSION = 2
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD_NAME = "payload.sealed"
CHANGES_NAME = "changes.jsonl"  # inside the sealed payload (and version 1's clear payload member)
MEMBERS = (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME)
ENCRYPTION = "x25519-sealedbox+zlib"
SIGNING_CONTEXT = b"rumbo-bundle 2\n"
# Refuse what claims more than this before reading it (a damaged or hostile file can claim any
# size); a laptop's season of work, and a centre's whole registry, are far smaller.
MAX_PAYLOAD_BYTES = 1 << 30  # the changes, expanded
MAX_SEALED_BYTES = 256 << 20  # the sealed (compressed) payload as it lies in the archive
MAX_MANIFEST_BYTES = 4 << 20
# The contents are expanded as a stream against these limits: one change (a firm with long
# notes, an assessment) is a few KB; real payloads compress about 5-15 times. A "ZIP bomb"
# (a small payload that expands without end) is refused part-way.
MAX_LINE_BYTES = 4 << 20
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 16 << 20  # tiny payloads compress oddly; the ratio counts above this size
_CHUNK = 1 << 20

OPS = ("insert", "update", "delete", "undelete")

_MESSAGES = {
    "missing": "No se encontró el archivo de paquete «{name}».",
    "unreadable": "No se pudo leer el archivo de paquete «{name}»; revise que exista y que tenga permiso para abrirlo.",
    "not_bundle": "El archivo «{name}» no es un paquete de sincronización de Rumbo.",
    "corrupt": "El paquete «{name}» está dañado o incompleto, así que no se aplicó ninguno de sus cambios.",
    "tampered": "El contenido del paquete «{name}» no coincide con su suma de verificación (fue alterado o se dañó), así que no se aplicó ninguno de sus cambios.",
    "too_new": "El paquete «{name}» fue creado por una versión más nueva de Rumbo (formato {version}); actualice la aplicación para importarlo.",
    "old_format": "El paquete «{name}» es de una versión anterior de Rumbo, sin firma ni cifrado, y ya no se acepta; pida que la laptop, una vez actualizada, lo escriba de nuevo.",
    "own": "El paquete «{name}» fue creado en este mismo equipo; no hay nada que importar.",
    "unknown_device": "El paquete «{name}» viene de un equipo no inscrito: «{device}» (huella {fingerprint}). Un coordinador debe inscribirlo primero.",
    "revoked_device": "El paquete «{name}» viene de «{device}», un equipo revocado el {date}, así que no se aplicó ninguno de sus cambios.",
    "bad_signature": "La firma del paquete «{name}» no es válida: fue modificado después de escribirse, así que no se aplicó ninguno de sus cambios.",
    "impostor": "El paquete «{name}» dice venir de «{device}», pero lo firmó otro equipo («{signer}»), así que no se aplicó ninguno de sus cambios.",
    "other_recipient": "El paquete «{name}» fue cifrado para otro equipo («{device}»), no para este, así que aquí no puede leerse; pida que lo escriban de nuevo para este equipo.",
    "inconsistent": "El paquete «{name}» hace referencia a registros que no trae ni existen en esta base, así que no se aplicó ninguno de sus cambios.",
    "history": "El historial de «{device}» que trae el paquete «{name}» no coincide con el recibido antes (cambio {seq} del {date}): fue modificado en origen, así que no se aplicó ninguno de sus cambios.",
    "empty": "El paquete «{name}» no trae ningún cambio; no hay nada que importar.",
    "unattested": "El paquete «{name}» trae cambios de «{device}» que ese equipo no firmó (solo el propio equipo o el centro pueden hacerlos llegar), así que no se aplicó ninguno de sus cambios.",
    "origin_impostor": "El paquete «{name}» trae cambios a nombre de «{device}» firmados por otro equipo, así que no se aplicó ninguno de sus cambios.",
    "cannot_write": "No se pudo escribir el paquete «{name}»; revise que la carpeta exista, que tenga permiso y que haya espacio en el disco.",
}


class BundleError(UserError):
    """A bundle file that cannot be used, refused whole with one sentence.

    Attributes:
        kind: a key of the messages above ("missing", "corrupt", "unknown_device",
            "revoked_device", "bad_signature", "other_recipient", "old_format" ...).
        path: the bundle file.
        detail: a technical note for logs and tests (never shown as the message).
    """

    def __init__(self, kind: str, path: str | Path, detail: str = "", version: int | None = None,
                 **words: str):
        super().__init__(_MESSAGES[kind].format(name=Path(path).name, version=version, **words), field="bundle")
        self.kind = kind
        self.path = str(path)
        self.detail = detail


@dataclass(frozen=True)
class BundleChange:
    """One change as a bundle carries it.

    Attributes:
        origin: device id that made the change.
        origin_seq: that device's sequence number for it (1, 2, 3 ...).
        table: the record table ("firms", "assessments" ...).
        record_id: the record's id.
        rev: the record's rev after the change.
        op: "insert", "update", "delete" or "undelete".
        vv: the record's version vector after the change (origin -> highest
            sequence number of that origin's changes to this record that the
            new version includes).
        state: the whole record after the change (decoded values).
        changed_at: UTC ISO 8601 time of the change.
        changed_by: adviser id, or None.
        extra: optional annotations, e.g. ``{"merged_into": firm_id}`` on the
            tombstone of a firm merged into another.
        hash: the change's link in its origin's history chain (``db.chain``), None
            for changes made before chains existed.
        before_sha: digest of the record before the change at its origin ("" for
            an insert), which the link covers.
    """

    origin: str
    origin_seq: int
    table: str
    record_id: str
    rev: int
    op: str
    vv: dict[str, int]
    state: dict[str, Any]
    changed_at: str
    changed_by: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    hash: str | None = None
    before_sha: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        """The change's identity everywhere: (origin, origin_seq)."""
        return (self.origin, self.origin_seq)

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin, "origin_seq": self.origin_seq, "table": self.table,
            "record_id": self.record_id, "rev": self.rev, "op": self.op, "vv": self.vv,
            "state": self.state, "changed_at": self.changed_at, "changed_by": self.changed_by,
            "extra": self.extra,
            **({"hash": self.hash, "before_sha": self.before_sha} if self.hash else {}),
        }


@dataclass(frozen=True)
class Manifest:
    """What a bundle says about itself: its clear manifest and its sealed contents together.

    ``payload_sha256`` and ``payload_bytes`` describe the changes (the JSON lines, before
    compression and sealing): the same changes give the same hash in every export.
    """

    source_id: str
    source_name: str
    created_at: str
    knowledge: dict[str, int]
    ranges: dict[str, tuple[int, int, int]]
    counts: dict[str, int]
    payload_sha256: str
    payload_bytes: int
    source_role: str = "laptop"
    peer_id: str | None = None
    peer_name: str | None = None
    devices: dict[str, str] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    app_version: str | None = None  # the Rumbo that wrote it
    source_keys: PublicKeys | None = None  # the signer's public keys
    peer_encryption_key: bytes | None = None  # the key the payload is sealed to
    heads: dict[str, Head] = field(default_factory=dict)  # per origin, what its author signed (db.sync.attest)

    @property
    def total(self) -> int:
        """How many changes the bundle carries."""
        return sum(self.counts.values())

    def cover(self) -> dict[str, Any]:
        """The clear part (``manifest.json`` without its payload description)."""
        keys = self.source_keys
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "source": {"device_id": self.source_id, "name": self.source_name, "role": self.source_role,
                       "signing_key": keys.signing.hex() if keys else None,
                       "encryption_key": keys.encryption.hex() if keys else None},
            "peer": {"device_id": self.peer_id, "name": self.peer_name,
                     "encryption_key": self.peer_encryption_key.hex() if self.peer_encryption_key else None},
            "created_at": self.created_at,
            "app_version": self.app_version,
        }

    def contents(self) -> dict[str, Any]:
        """The sealed part's first line."""
        return {
            "knowledge": self.knowledge,
            "ranges": {o: {"first": f, "last": la, "count": c} for o, (f, la, c) in self.ranges.items()},
            "counts": self.counts,
            "devices": self.devices,
            "changes": {"name": CHANGES_NAME, "sha256": self.payload_sha256, "bytes": self.payload_bytes},
            **({"heads": {o: h.to_json() for o, h in self.heads.items()}} if self.heads else {}),
        }


@dataclass(frozen=True)
class Bundle:
    """A bundle read and verified: its manifest and its changes, in file order."""

    manifest: Manifest
    changes: list[BundleChange]


def _json_line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _line(change: BundleChange) -> bytes:
    return _json_line(change.to_json())


def summarise(changes: Iterable[BundleChange]) -> tuple[dict[str, tuple[int, int, int]], dict[str, int]]:
    """The per-origin ranges (first, last, count) and per-table counts of some changes."""
    ranges: dict[str, tuple[int, int, int]] = {}
    counts: dict[str, int] = {}
    for ch in changes:
        first, last, count = ranges.get(ch.origin, (ch.origin_seq, ch.origin_seq, 0))
        ranges[ch.origin] = (min(first, ch.origin_seq), max(last, ch.origin_seq), count + 1)
        counts[ch.table] = counts.get(ch.table, 0) + 1
    return ranges, counts


def write_bundle(path: str | Path, changes: list[BundleChange], *, source_id: str, source_name: str,
                 created_at: str, knowledge: dict[str, int], signer: LocalKeys, recipient: PublicKeys,
                 source_role: str = "laptop", peer_id: str | None = None, peer_name: str | None = None,
                 devices: dict[str, str] | None = None, heads: dict[str, Head] | None = None) -> Manifest:
    """Write a bundle signed by ``signer`` and sealed to ``recipient``; it appears whole or not at all.

    Returns:
        The manifest written.

    Raises:
        BundleError: "cannot_write" when the folder is missing, read-only or full.
    """
    payload = b"".join(_line(ch) + b"\n" for ch in changes)
    ranges, counts = summarise(changes)
    manifest = Manifest(
        source_id=source_id, source_name=source_name, created_at=created_at, knowledge=dict(knowledge),
        ranges=ranges, counts=counts, payload_sha256=hashlib.sha256(payload).hexdigest(),
        payload_bytes=len(payload), source_role=source_role, peer_id=peer_id, peer_name=peer_name,
        devices=dict(devices or {}), app_version=app_version(), source_keys=signer.public,
        peer_encryption_key=recipient.encryption, heads=dict(heads or {}),
    )
    write_sealed(path, manifest.cover(), _json_line(manifest.contents()) + b"\n" + payload,
                 signer=signer, recipient=recipient)
    return manifest


def write_sealed(path: str | Path, cover: dict[str, Any], plaintext: bytes, *, signer: LocalKeys,
                 recipient: PublicKeys) -> None:
    """Compress and seal ``plaintext`` to ``recipient``, describe it in ``cover``, sign, and write the ZIP.

    The low level of :func:`write_bundle`; tests use it to write hostile contents that are
    nevertheless signed by an enrolled key. The archive is written to a temporary file beside
    ``path`` and renamed over it at the end, so an interrupted export never leaves half a bundle.
    """
    path = Path(path)
    sealed = recipient.seal(zlib.compress(plaintext, 6))
    cover = {**cover, "payload": {"name": PAYLOAD_NAME, "encryption": ENCRYPTION,
                                  "sha256": hashlib.sha256(sealed).hexdigest(), "bytes": len(sealed)}}
    manifest_bytes = json.dumps(cover, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    signature = signer.sign(SIGNING_CONTEXT + manifest_bytes)
    tmp_name = None
    try:
        # mkstemp makes the file 0600, which a bundle keeps: it travels on USB sticks and shared
        # folders, and even sealed it is nobody else's business.
        fd, tmp_name = tempfile.mkstemp(prefix=".rumbo-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            zf.writestr(MANIFEST_NAME, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
            zf.writestr(SIGNATURE_NAME, signature)
            zf.writestr(PAYLOAD_NAME, sealed)  # sealed bytes do not compress: stored as they are
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise BundleError("cannot_write", path, str(exc)) from exc


# ---------------------------------------------------------------- reading


class _Invalid(Exception):
    """Internal: the content is malformed (becomes BundleError "corrupt" or "tampered")."""

    def __init__(self, detail: str, kind: str = "corrupt"):
        super().__init__(detail)
        self.kind = kind


def _require(obj: dict, key: str, types: type | tuple[type, ...], optional: bool = False) -> Any:
    if key not in obj:
        if optional:
            return None
        raise _Invalid(f"missing {key!r}")
    value = obj[key]
    if value is None and optional:
        return None
    # bool is an int subclass; a count of True is not a count.
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise _Invalid(f"{key!r} has the wrong type")
    if not isinstance(value, types):
        raise _Invalid(f"{key!r} has the wrong type")
    return value


def _seq_map(value: Any, what: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise _Invalid(f"{what} is not an object")
    for k, v in value.items():
        if not k or isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise _Invalid(f"{what} has a bad entry {k!r}")
    return dict(value)


def _sha(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise _Invalid("bad sha256")
    return value


def _key(obj: dict, name: str) -> bytes:
    key = parse_key(obj.get(name))
    if key is None:
        raise _Invalid(f"bad {name}")
    return key


@dataclass(frozen=True)
class _Cover:
    """The clear manifest, parsed."""

    source_id: str
    source_name: str
    source_role: str
    source_keys: PublicKeys
    peer_id: str | None
    peer_name: str | None
    peer_encryption_key: bytes
    created_at: str
    app_version: str | None
    sealed_sha256: str
    sealed_bytes: int


def _parse_cover(data: dict) -> _Cover:
    source = _require(data, "source", dict)
    peer = _require(data, "peer", dict)
    payload = _require(data, "payload", dict)
    if _require(payload, "name", str) != PAYLOAD_NAME or _require(payload, "encryption", str) != ENCRYPTION:
        raise _Invalid("unexpected payload name or scheme")
    sealed_bytes = _require(payload, "bytes", int)
    if sealed_bytes < 0:
        raise _Invalid("bad payload size")
    return _Cover(
        source_id=_require(source, "device_id", str), source_name=_require(source, "name", str),
        source_role=_require(source, "role", str, optional=True) or "laptop",
        source_keys=PublicKeys(_key(source, "signing_key"), _key(source, "encryption_key")),
        peer_id=_require(peer, "device_id", str, optional=True), peer_name=_require(peer, "name", str, optional=True),
        peer_encryption_key=_key(peer, "encryption_key"), created_at=_require(data, "created_at", str),
        app_version=_require(data, "app_version", str, optional=True),
        sealed_sha256=_sha(_require(payload, "sha256", str)), sealed_bytes=sealed_bytes,
    )


def _parse_contents(data: Any, cover: _Cover, version: int) -> Manifest:
    if not isinstance(data, dict):
        raise _Invalid("contents are not an object")
    raw_ranges = _require(data, "ranges", dict)
    ranges = {}
    for origin, r in raw_ranges.items():
        if not isinstance(r, dict):
            raise _Invalid("bad range")
        first, last, count = (_require(r, k, int) for k in ("first", "last", "count"))
        if not (1 <= first <= last and 1 <= count <= last - first + 1):
            raise _Invalid("impossible range")
        ranges[origin] = (first, last, count)
    counts = _seq_map(_require(data, "counts", dict), "counts")
    changes = _require(data, "changes", dict)
    if _require(changes, "name", str) != CHANGES_NAME:
        raise _Invalid("unexpected changes name")
    devices = _require(data, "devices", dict, optional=True) or {}
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in devices.items()):
        raise _Invalid("bad devices")
    size = _require(changes, "bytes", int)
    if not 0 <= size <= MAX_PAYLOAD_BYTES:
        raise _Invalid("changes too large")
    heads = {}
    for origin, value in (_require(data, "heads", dict, optional=True) or {}).items():
        head = attest.parse(origin, value)
        if head is None:
            raise _Invalid(f"bad head for {origin!r}")
        heads[origin] = head
    return Manifest(
        source_id=cover.source_id, source_name=cover.source_name, source_role=cover.source_role,
        peer_id=cover.peer_id, peer_name=cover.peer_name, created_at=cover.created_at,
        app_version=cover.app_version, knowledge=_seq_map(_require(data, "knowledge", dict), "knowledge"),
        ranges=ranges, counts=counts, payload_sha256=_sha(_require(changes, "sha256", str)), payload_bytes=size,
        devices=devices, format_version=version, source_keys=cover.source_keys,
        peer_encryption_key=cover.peer_encryption_key, heads=heads,
    )


def _parse_change(line: bytes) -> BundleChange:
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _Invalid(f"bad JSON line: {exc}") from exc
    if not isinstance(obj, dict):
        raise _Invalid("change is not an object")
    op = _require(obj, "op", str)
    if op not in OPS:
        raise _Invalid(f"unknown op {op!r}")
    change = BundleChange(
        origin=_require(obj, "origin", str), origin_seq=_require(obj, "origin_seq", int),
        table=_require(obj, "table", str), record_id=_require(obj, "record_id", str),
        rev=_require(obj, "rev", int), op=op, vv=_seq_map(_require(obj, "vv", dict), "vv"),
        state=_require(obj, "state", dict), changed_at=_require(obj, "changed_at", str),
        changed_by=_require(obj, "changed_by", str, optional=True),
        extra=_require(obj, "extra", dict, optional=True) or {},
        hash=_require(obj, "hash", str, optional=True),
        before_sha=_require(obj, "before_sha", str, optional=True),
    )
    if change.origin_seq < 1 or change.rev < 1 or not change.origin or not change.record_id:
        raise _Invalid("bad change numbers")
    if change.state.get("id") != change.record_id or change.state.get("rev") != change.rev:
        raise _Invalid("state does not match its change")
    # The change itself must be part of the version it produces.
    if change.vv.get(change.origin) != change.origin_seq:
        raise _Invalid("version vector does not include the change")
    return change


def _open_archive(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise BundleError("missing", path)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        # A truncated archive loses its central directory and lands here too.
        raise BundleError("corrupt" if path.suffix == ".rumbo" else "not_bundle", path, str(exc)) from exc
    except OSError as exc:
        raise BundleError("unreadable", path, str(exc)) from exc
    if MANIFEST_NAME not in zf.namelist():
        zf.close()
        raise BundleError("not_bundle", path, "no manifest")
    return zf


def _read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, expanded as a stream and never more than ``limit`` (headers are not trusted)."""
    with zf.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise _Invalid(f"{name} is larger than {limit} bytes")
    return data


Trust = Callable[[bytes], "TrustedDevice | None"]


def read_bundle(path: str | Path, own: LocalKeys, trusted: Trust) -> Bundle:
    """Read a bundle and verify it completely before returning anything.

    Args:
        own: this device's keys (the payload must be sealed to them).
        trusted: the enrolment of the device that signs with a public signing key, or None.

    Raises:
        BundleError: missing, unreadable, not a bundle, corrupt or truncated, an earlier
            (unsigned) or newer format, from this same device, from a device not enrolled
            or revoked, a bad signature, sealed for another device, or contents that
            disagree with themselves ("tampered").
    """
    path = Path(path)
    zf = _open_archive(path)
    with zf:
        try:
            manifest_bytes = _read_member(zf, MANIFEST_NAME, MAX_MANIFEST_BYTES)
            data = json.loads(manifest_bytes.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
                raise BundleError("not_bundle", path, "wrong format name")
            version = data.get("format_version")
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise _Invalid("bad format_version")
            if version > FORMAT_VERSION:
                raise BundleError("too_new", path, f"format {version}", version=version)
            if version < FORMAT_VERSION:
                raise BundleError("old_format", path, f"format {version}")
            if sorted(zf.namelist()) != sorted(MEMBERS):
                raise _Invalid(f"unexpected members {zf.namelist()}")
            cover = _parse_cover(data)
            if cover.source_keys.signing == own.public.signing:
                raise BundleError("own", path)
            device = trusted(cover.source_keys.signing)
            if device is None:
                raise BundleError("unknown_device", path, "signer not enrolled", device=cover.source_name,
                                  fingerprint=cover.source_keys.fingerprint)
            if device.revoked:
                raise BundleError("revoked_device", path, "signer revoked", device=device.name,
                                  date=device.revoked_at[:10])
            signature = _read_member(zf, SIGNATURE_NAME, SIGNATURE_BYTES)
            if len(signature) != SIGNATURE_BYTES or not device.keys.verify(SIGNING_CONTEXT + manifest_bytes, signature):
                raise BundleError("bad_signature", path, "signature does not verify")
            if cover.sealed_bytes > MAX_SEALED_BYTES:
                raise _Invalid("sealed payload too large")
            sealed = _read_member(zf, PAYLOAD_NAME, cover.sealed_bytes) if cover.sealed_bytes else b""
            if len(sealed) != cover.sealed_bytes or hashlib.sha256(sealed).hexdigest() != cover.sealed_sha256:
                # The signed manifest describes another payload than the one in the archive.
                raise BundleError("bad_signature", path, "payload differs from the signed manifest")
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise BundleError("corrupt", path, str(exc)) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError("corrupt", path, f"manifest: {exc}") from exc
        except _Invalid as exc:
            raise BundleError(exc.kind, path, str(exc)) from exc
        except OSError as exc:
            raise BundleError("unreadable", path, str(exc)) from exc
    if cover.peer_encryption_key != own.public.encryption:
        raise BundleError("other_recipient", path, "sealed to another key", device=cover.peer_name or "—")
    compressed = own.unseal(sealed)
    del sealed
    if compressed is None:
        raise BundleError("corrupt", path, "the sealed box does not open")
    try:
        manifest, digest, size, changes = _read_contents(compressed, cover, version)
        if size != manifest.payload_bytes or digest != manifest.payload_sha256:
            raise _Invalid("changes checksum differs", "tampered")
        _check_agreement(manifest, changes)
    except zlib.error as exc:
        raise BundleError("corrupt", path, str(exc)) from exc
    except _Invalid as exc:
        raise BundleError(exc.kind, path, str(exc)) from exc
    return Bundle(manifest, changes)


def _inflate(blob: bytes) -> Iterator[bytes]:
    """The zlib stream ``blob`` expanded, at most :data:`_CHUNK` bytes at a time."""
    inflater = zlib.decompressobj()
    rest = blob
    while not inflater.eof:
        out = inflater.decompress(rest, _CHUNK)
        rest = inflater.unconsumed_tail
        if out:
            yield out
        elif not rest:
            break
    if not inflater.eof:
        raise _Invalid("the payload is cut short")
    if inflater.unused_data:
        raise _Invalid("data after the payload")


def _read_contents(blob: bytes, cover: _Cover, version: int) -> tuple[Manifest, str, int, list[BundleChange]]:
    """Expand the payload as a stream: the contents line, then the changes, within the limits above.

    Nothing is trusted before it is checked: the bytes actually expanded are counted
    against the size the contents declare, each line against :data:`MAX_LINE_BYTES` and
    the whole against :data:`MAX_RATIO`. Blank lines are refused (a bundle writes none),
    so nothing but newlines is no "empty bundle".
    """
    digest = hashlib.sha256()
    changes: list[BundleChange] = []
    manifest: Manifest | None = None
    expanded = size = 0
    pending = b""
    for chunk in _inflate(blob):
        expanded += len(chunk)
        if expanded > RATIO_FLOOR_BYTES and expanded > MAX_RATIO * max(len(blob), 1):
            raise _Invalid("payload expands too much for its size")
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        if len(pending) > (MAX_LINE_BYTES if manifest else MAX_MANIFEST_BYTES):
            raise _Invalid("a line is too long")
        for line in lines:
            if manifest is None:
                if len(line) > MAX_MANIFEST_BYTES:
                    raise _Invalid("contents line too long")
                try:
                    manifest = _parse_contents(json.loads(line.decode("utf-8")), cover, version)
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise _Invalid(f"contents: {exc}") from exc
                if manifest.payload_bytes > RATIO_FLOOR_BYTES and manifest.payload_bytes > MAX_RATIO * len(blob):
                    raise _Invalid("payload expands too much for its size")
                continue
            size += len(line) + 1
            # The bytes really expanded may not exceed what the contents declare.
            if size > manifest.payload_bytes:
                raise _Invalid("payload expands beyond its declared size", "tampered")
            if not line:
                raise _Invalid("blank line in the payload")
            if len(line) > MAX_LINE_BYTES:
                raise _Invalid("a line is too long")
            digest.update(line + b"\n")
            changes.append(_parse_change(line))
    if pending:
        raise _Invalid("the last change is cut short")
    if manifest is None:
        raise _Invalid("no contents line")
    return manifest, digest.hexdigest(), size, changes


def _check_agreement(manifest: Manifest, changes: list[BundleChange]) -> None:
    seen: set[tuple[str, int]] = set()
    for ch in changes:
        if ch.key in seen:
            raise _Invalid(f"change {ch.key} appears twice", "tampered")
        seen.add(ch.key)
    ranges, counts = summarise(changes)
    if ranges != manifest.ranges or counts != {k: v for k, v in manifest.counts.items() if v}:
        raise _Invalid("ranges or counts differ from the payload", "tampered")
    for origin, (_first, last, _count) in ranges.items():
        # The source cannot carry changes beyond what it says it holds.
        if manifest.knowledge.get(origin, 0) < last:
            raise _Invalid("knowledge is behind the changes carried", "tampered")

