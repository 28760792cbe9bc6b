"""The field bundle file: writing it, and reading it back strictly.

A bundle (``.rumbo``) is a ZIP archive with exactly two members:

``manifest.json``
    One JSON object: ``format`` ("rumbo-bundle"), ``format_version``, the
    ``source`` device (id, name, role), the ``peer`` it was written for, its
    ``created_at`` time, the source's ``knowledge`` (for every origin device,
    the highest change sequence number the source holds: what the receiver may
    assume the source has seen), the ``ranges`` of sequence numbers carried per
    origin (first, last, count), ``counts`` per table, the SHA-256 and size of
    the payload, and ``devices`` (origin id -> human name, so the receiver can
    name whose work it is), and ``app_version``, the Rumbo that wrote it (absent
    in bundles written before the field existed; no reader depends on it).
``changes.jsonl``
    One change per line, as :class:`BundleChange` describes, in the order the
    source wants them applied (each origin's changes in sequence order).

Reading is all or nothing: :func:`read_bundle` checks everything (archive
structure, CRCs, manifest fields and version, payload checksum, every line,
and that the manifest's ranges and counts agree with the payload) before it
returns a single change, and raises :class:`BundleError` with one Spanish
sentence otherwise. The SHA-256 guards against damage and casual editing of
the payload; it is not a signature (anyone who rewrites the payload can
rewrite the manifest too), which is acceptable for files carried by hand
between a centre's own machines.

This module is pure file handling: no SQL, no knowledge of the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.errors import UserError
from desktop.version import app_version

FORMAT_NAME = "rumbo-bundle"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
PAYLOAD_NAME = "changes.jsonl"
# Refuse archives that claim more than this before reading them (a damaged or
# hostile ZIP can claim any size); a laptop's season of work is far smaller.
MAX_PAYLOAD_BYTES = 1 << 30
MAX_MANIFEST_BYTES = 4 << 20
# The payload is read as a stream against these limits, whatever the archive's headers claim:
# one change (a firm with long notes, an assessment) is a few KB; real payloads compress about
# 5-15 times. A "ZIP bomb" (a small file that expands without end) is refused part-way.
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
    "inconsistent": "El paquete «{name}» hace referencia a registros que no trae ni existen en esta base, así que no se aplicó ninguno de sus cambios.",
    "empty": "El paquete «{name}» no trae ningún cambio; no hay nada que importar.",
    "cannot_write": "No se pudo escribir el paquete «{name}»; revise que la carpeta exista, que tenga permiso y que haya espacio en el disco.",
}


class BundleError(UserError):
    """A bundle file that cannot be used, refused whole with one sentence.

    Attributes:
        kind: "missing", "unreadable", "not_bundle", "corrupt", "tampered",
            "too_new", "inconsistent", "empty" or "cannot_write".
        path: the bundle file.
        detail: a technical note for logs and tests (never shown as the message).
    """

    def __init__(self, kind: str, path: str | Path, detail: str = "", version: int | None = None):
        super().__init__(_MESSAGES[kind].format(name=Path(path).name, version=version), field="bundle")
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
        }


@dataclass(frozen=True)
class Manifest:
    """What a bundle says about itself (see the module docstring)."""

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
    app_version: str | None = None  # the Rumbo that wrote it; None in bundles older than the field

    @property
    def total(self) -> int:
        """How many changes the bundle carries."""
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "source": {"device_id": self.source_id, "name": self.source_name, "role": self.source_role},
            "peer": {"device_id": self.peer_id, "name": self.peer_name},
            "created_at": self.created_at,
            "knowledge": self.knowledge,
            "ranges": {o: {"first": f, "last": la, "count": c} for o, (f, la, c) in self.ranges.items()},
            "counts": self.counts,
            "payload": {"name": PAYLOAD_NAME, "sha256": self.payload_sha256, "bytes": self.payload_bytes},
            "devices": self.devices,
            "app_version": self.app_version,
        }


@dataclass(frozen=True)
class Bundle:
    """A bundle read and verified: its manifest and its changes, in file order."""

    manifest: Manifest
    changes: list[BundleChange]


def _line(change: BundleChange) -> bytes:
    return json.dumps(change.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


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
                 created_at: str, knowledge: dict[str, int], source_role: str = "laptop",
                 peer_id: str | None = None, peer_name: str | None = None,
                 devices: dict[str, str] | None = None) -> Manifest:
    """Write a bundle file; the file appears whole or not at all.

    The archive is written to a temporary file beside ``path`` and renamed
    over it at the end, so an interrupted export never leaves a half bundle.

    Returns:
        The manifest written.

    Raises:
        BundleError: "cannot_write" when the folder is missing, read-only or full.
    """
    path = Path(path)
    payload = b"".join(_line(ch) + b"\n" for ch in changes)
    ranges, counts = summarise(changes)
    manifest = Manifest(
        source_id=source_id, source_name=source_name, created_at=created_at, knowledge=dict(knowledge),
        ranges=ranges, counts=counts, payload_sha256=hashlib.sha256(payload).hexdigest(),
        payload_bytes=len(payload), source_role=source_role, peer_id=peer_id, peer_name=peer_name,
        devices=dict(devices or {}), app_version=app_version(),
    )
    manifest_bytes = json.dumps(manifest.to_json(), ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    tmp_name = None
    try:
        # mkstemp makes the file 0600, which a bundle keeps: it carries client data through USB sticks
        # and shared folders, readable by the adviser's own account only.
        fd, tmp_name = tempfile.mkstemp(prefix=".rumbo-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST_NAME, manifest_bytes)
            zf.writestr(PAYLOAD_NAME, payload)
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise BundleError("cannot_write", path, str(exc)) from exc
    return manifest


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


def _parse_manifest(data: Any) -> Manifest:
    if not isinstance(data, dict):
        raise _Invalid("manifest is not an object")
    source = _require(data, "source", dict)
    peer = _require(data, "peer", dict, optional=True) or {}
    payload = _require(data, "payload", dict)
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
    sha = _require(payload, "sha256", str)
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise _Invalid("bad sha256")
    devices = _require(data, "devices", dict, optional=True) or {}
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in devices.items()):
        raise _Invalid("bad devices")
    if _require(payload, "name", str) != PAYLOAD_NAME:
        raise _Invalid("unexpected payload name")
    return Manifest(
        source_id=_require(source, "device_id", str), source_name=_require(source, "name", str),
        source_role=_require(source, "role", str, optional=True) or "laptop",
        peer_id=_require(peer, "device_id", str, optional=True),
        peer_name=_require(peer, "name", str, optional=True),
        created_at=_require(data, "created_at", str),
        app_version=_require(data, "app_version", str, optional=True),
        knowledge=_seq_map(_require(data, "knowledge", dict), "knowledge"),
        ranges=ranges, counts=counts, payload_sha256=sha,
        payload_bytes=_require(payload, "bytes", int), devices=devices,
        format_version=data["format_version"],
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
    names = zf.namelist()
    if MANIFEST_NAME not in names:
        zf.close()
        raise BundleError("not_bundle", path, "no manifest")
    if sorted(names) != sorted([MANIFEST_NAME, PAYLOAD_NAME]):
        zf.close()
        raise BundleError("corrupt", path, f"unexpected members {names}")
    return zf


def read_manifest(path: str | Path) -> Manifest:
    """Read and check only the manifest (fast; the payload is not verified)."""
    return read_bundle(path, verify_payload=False).manifest


def read_bundle(path: str | Path, verify_payload: bool = True) -> Bundle:
    """Read a bundle and verify it completely before returning anything.

    Raises:
        BundleError: missing, unreadable, not a bundle, corrupt or truncated,
            tampered (checksum, ranges or counts disagree), or a newer format.
    """
    path = Path(path)
    zf = _open_archive(path)
    with zf:
        try:
            info = zf.getinfo(MANIFEST_NAME)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise _Invalid("manifest too large")
            data = json.loads(zf.read(MANIFEST_NAME).decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
                raise BundleError("not_bundle", path, "wrong format name")
            version = data.get("format_version")
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise _Invalid("bad format_version")
            if version > FORMAT_VERSION:
                raise BundleError("too_new", path, f"format {version}", version=version)
            manifest = _parse_manifest(data)
            if not verify_payload:
                return Bundle(manifest, [])
            pinfo = zf.getinfo(PAYLOAD_NAME)
            if pinfo.file_size != manifest.payload_bytes or pinfo.file_size > MAX_PAYLOAD_BYTES:
                raise _Invalid("payload size differs from the manifest", "tampered")
            if pinfo.file_size > RATIO_FLOOR_BYTES and pinfo.file_size > MAX_RATIO * max(pinfo.compress_size, 1):
                raise _Invalid("payload expands too much for its size")
            digest, changes = _read_payload(zf, pinfo, manifest.payload_bytes)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise BundleError("corrupt", path, str(exc)) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError("corrupt", path, f"manifest: {exc}") from exc
        except _Invalid as exc:
            raise BundleError(exc.kind, path, str(exc)) from exc
        except OSError as exc:
            raise BundleError("unreadable", path, str(exc)) from exc
    try:
        if digest != manifest.payload_sha256:
            raise _Invalid("payload checksum differs", "tampered")
        _check_agreement(manifest, changes)
    except _Invalid as exc:
        raise BundleError(exc.kind, path, str(exc)) from exc
    return Bundle(manifest, changes)


def _read_payload(zf: zipfile.ZipFile, info: zipfile.ZipInfo, declared: int) -> tuple[str, list[BundleChange]]:
    """Stream the payload: its SHA-256 and its changes, within the limits above.

    Nothing is trusted from the archive's headers: the bytes actually expanded
    are counted against the size the manifest declares, each line against
    :data:`MAX_LINE_BYTES` and the whole against :data:`MAX_RATIO`. Blank lines
    are refused (a bundle writes none), so a member of nothing but newlines is
    no "empty bundle".
    """
    digest = hashlib.sha256()
    changes: list[BundleChange] = []
    expanded = 0
    pending = b""
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            expanded += len(chunk)
            # The declared size passed the ratio test; the bytes really expanded may not exceed it.
            if expanded > declared:
                raise _Invalid("payload expands beyond its declared size", "tampered")
            digest.update(chunk)
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            if len(pending) > MAX_LINE_BYTES:
                raise _Invalid("a line is too long")
            for line in lines:
                if not line:
                    raise _Invalid("blank line in the payload")
                if len(line) > MAX_LINE_BYTES:
                    raise _Invalid("a line is too long")
                changes.append(_parse_change(line))
    if pending:
        raise _Invalid("the last change is cut short")
    if expanded != declared:
        raise _Invalid("payload size differs from the manifest", "tampered")
    return digest.hexdigest(), changes


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

