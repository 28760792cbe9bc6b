"""Field bundles for the GUI's Sincronización screen and the ``rumbo bundle`` command.

Use cases: name this device, preview a bundle before applying it, import it,
export what a peer lacks, list conflicts and settle them field by field
(or merge firms registered twice), and read the history of bundles; and the
devices trusted for bundles: this device's card and fingerprint, enrolling
another device from its card, revoking one (see docs/architecture.md,
Security → Bundles). The
merge rules live in :mod:`db.sync.exchange` (see its docstring); this module turns
people's choices into values, validates firm fields like any other edit,
and shapes the results for the screen.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from db import devices
from db.connection import Storage, default_device_name
from db.firms import FIRM_FIELDS
from db.errors import guarded
from db.sync import authority
from db.sync import conflicts as sync_conflicts
from db.sync import exchange as engine
from db.sync import peers as sync_peers
from db.sync import trust as sync_trust
from db.sync.conflicts import Conflict
from db.sync.format import BundleError
from db.sync.keys import CardError, DeviceCard, TrustedDevice, read_card, write_card
from db.sync.peers import BundleRecord, Peer
from desktop.domain.errors import UserError
from desktop.services.security import require_role
from desktop.domain.text import Text
from desktop.services.registry.fields import prepare_firm

log = logging.getLogger(__name__)

__all__ = [
    "BundleError", "BundlePreview", "BundleRecord", "Conflict", "ExportResult", "ImportResult", "Peer", "Typed",
    "bundle_history", "export_bundle", "import_bundle", "keep_apart", "undo_merge", "list_conflicts", "list_peers", "preview_bundle",
    "records_summary", "resolve_conflict", "set_device_name", "set_device_role", "device_info",
    "CardError", "DeviceCard", "TrustedDevice", "this_device_card", "save_device_card", "read_device_card",
    "enrol_device", "trusted_devices", "revoke_device", "RevokedDevice", "find_trusted_device", "require_coordinator",
    "export_targets", "AUTHORITY_NOTE", "authority_refusals",
]

LOCAL, REMOTE = "local", "remote"
# Said after an import (CLI; the GUI words it with tr) when another device's roles were not taken.
AUTHORITY_NOTE = ("{n} cambios de rol, usuario o estado de asesores no se aplicaron: quién entra a esta base y con "
                  "qué rol lo decide su administrador.")
# Firm fields the service derives or caches itself: never asked of the adviser.
DERIVED_FIRM_FIELDS = frozenset({"sales_usd", "assets_usd", "exports_usd", "size_class", "stage", "band",
                                 "size_rulebook", "size_law_class", "size_law_subclass", "size_law_rulebook"})


@dataclass(frozen=True)
class Typed:
    """A value typed by the adviser, for the rare value that reads "local" or "remote"."""

    value: Any


@dataclass(frozen=True)
class BundlePreview:
    """What a bundle would do here; nothing has been written.

    Attributes:
        new, changed, deleted: records per table ("firms", "assessments" ...), each record
            counted once; a new firm that looks like one held here is not in ``new`` but in
            ``possible_duplicates`` (``new_firms`` likewise).
        conflicts_expected: conflicts the import would open (edits and duplicate firms).
        already_known: changes this database already has.
        already_imported: the very same bundle was imported before (importing does nothing).
        empty: the bundle brings no change from a device never seen here; nothing is recorded.
    """

    file_name: str
    source_name: str
    source_role: str
    created_at: str
    total: int
    new_firms: int
    changed_firms: int
    deleted_firms: int
    new_assessments: int
    conflicts_expected: int
    already_known: int
    already_imported: bool
    empty: bool = False  # no changes from an unknown device: nothing recorded
    new: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    possible_duplicates: int = 0
    source_fingerprint: str = ""  # the enrolled device whose signature was checked
    authority_refused: int = 0  # roles, sign-ins or active flags of advisers not taken (db.sync.authority)


@dataclass(frozen=True)
class ImportResult(BundlePreview):
    """What an import did. ``applied``: changes now shown; ``bundle_id``: its history line."""

    applied: int = 0
    bundle_id: str | None = None


@dataclass(frozen=True)
class ExportResult:
    """A bundle written. ``full``: the peer was unknown, so it carries everything.

    ``total`` and ``counts`` are changes; ``records`` the distinct records they touch per
    table, the unit an import's counts use.
    """

    path: str
    peer_name: str | None
    total: int
    counts: dict[str, int]
    full: bool
    bundle_id: str
    records: dict[str, int] = field(default_factory=dict)


def _summary(report: engine.ApplyReport) -> dict[str, Any]:
    return dict(
        file_name=report.file_name, source_name=report.source_name, source_role=report.source_role,
        created_at=report.created_at, total=report.total,
        new_firms=report.new.get("firms", 0), changed_firms=report.changed.get("firms", 0),
        deleted_firms=report.deleted.get("firms", 0), new_assessments=report.new.get("assessments", 0),
        conflicts_expected=len(report.conflicts), already_known=report.already_known + report.outdated,
        already_imported=report.already_imported, empty=report.empty, new=dict(report.new), changed=dict(report.changed),
        deleted=dict(report.deleted), conflicts=list(report.conflicts),
        possible_duplicates=report.possible_duplicates, source_fingerprint=report.source_fingerprint,
        authority_refused=report.authority_refused,
    )


def preview_bundle(storage: Storage, path: str | Path) -> BundlePreview:
    """Check a bundle completely and summarise what importing it would do.

    Raises:
        BundleError: the file is missing, damaged, altered or from a newer Rumbo.
    """
    return BundlePreview(**_summary(engine.preview_bundle(storage, path)))


def import_bundle(storage: Storage, path: str | Path) -> ImportResult:
    """Apply a bundle whole (one transaction) or not at all, and log it in the history.

    Raises:
        BundleError: refused; the database is unchanged.
    """
    storage.ensure_sound()
    try:
        report = engine.import_bundle(storage, path)
    except BundleError as exc:
        log.warning("Paquete rechazado (%s): %s", exc.kind, path)
        raise
    summary = _summary(report)
    log.info("Paquete %s importado desde %s: %s", report.bundle_id, path,
             {key: value for key, value in summary.items() if isinstance(value, int)})
    return ImportResult(**summary, applied=report.applied,
                        bundle_id=None if report.already_imported else report.bundle_id)


def export_bundle(storage: Storage, path: str | Path, peer: str | None = None) -> ExportResult:
    """Write every change ``peer`` (name or id; default the centre) is not known to have."""
    storage.ensure_sound()
    report = engine.export_bundle(storage, path, peer)
    log.info("Paquete %s exportado a %s para %s: %s cambios", report.bundle_id, report.path, report.peer_name,
             report.total)
    return ExportResult(report.path, report.peer_name, report.total, report.counts, report.full, report.bundle_id,
                        report.records)


# Per table: (Spanish plural, English plural, Spanish words are feminine).
_TABLE_WORDS = {
    "firms": ("empresas", "firms", True), "assessments": ("evaluaciones", "assessments", True),
    "answers": ("respuestas", "answers", True), "contacts": ("contactos", "contacts", False),
    "notes": ("notas", "notes", True), "advisers": ("asesores", "advisers", False),
    "settings": ("ajustes", "settings", False),
    "advisory_sessions": ("sesiones de asesoría", "advisory sessions", True),
    "plan_items": ("acciones del plan", "action-plan items", True),
    "impact_milestones": ("hitos de impacto", "impact milestones", False),
    "centre_programmes": ("programas del centro", "centre programmes", False),
}


def _table_words(table: str) -> tuple[str, str, bool]:
    return _TABLE_WORDS.get(table, (table, table, False))


def _table_order(table: str) -> tuple[int, str]:
    order = list(_TABLE_WORDS)
    return (order.index(table) if table in order else len(order), table)


def records_summary(result: BundlePreview | ExportResult) -> Text:
    """What a bundle holds or brings, in records per table, the same words on both sides.

    An export: "3 empresas, 6 evaluaciones, 62 respuestas". An import (or preview):
    "empresas: 2 nuevas, 1 modificada, 1 posible duplicado; evaluaciones: 3 nuevas".
    The numbers of one bundle add up the same on both sides (records, not changes).
    """
    if isinstance(result, ExportResult):
        items = sorted(result.records.items(), key=lambda kv: _table_order(kv[0]))
        es = ", ".join(f"{n} {_table_words(t)[0]}" for t, n in items if n) or "sin cambios"
        en = ", ".join(f"{n} {_table_words(t)[1]}" for t, n in items if n) or "no changes"
        return Text(es=es, en=en)
    seen = {*result.new, *result.changed, *result.deleted} | ({"firms"} if result.possible_duplicates else set())
    tables = sorted(seen, key=_table_order)
    es_parts, en_parts = [], []
    for table in tables:
        es_word, en_word, fem = _table_words(table)
        kinds = ((result.new.get(table, 0), ("nuevas" if fem else "nuevos", "new")),
                 (result.changed.get(table, 0), ("modificadas" if fem else "modificados", "changed")),
                 (result.deleted.get(table, 0), ("eliminadas" if fem else "eliminados", "deleted")),
                 (result.possible_duplicates if table == "firms" else 0, ("posibles duplicados", "possible duplicates")))
        es_parts.append(f"{es_word}: " + ", ".join(f"{n} {w[0]}" for n, w in kinds if n))
        en_parts.append(f"{en_word}: " + ", ".join(f"{n} {w[1]}" for n, w in kinds if n))
    return Text(es="; ".join(es_parts) or "nada nuevo", en="; ".join(en_parts) or "nothing new")


def list_conflicts(storage: Storage, table: str | None = None) -> list[Conflict]:
    """Open conflicts, oldest first (edit conflicts and duplicate firms)."""
    return sync_conflicts.list_conflicts(storage, table)


def conflicts_of(storage: Storage, table: str, record_id: str) -> list[Conflict]:
    """The open conflicts that involve one record (as itself or as the other duplicate)."""
    return [c for c in list_conflicts(storage, table) if record_id in (c.record_id, c.other_id)]


def _choose(name: str, choice: Any, local: Mapping[str, Any], remote: Mapping[str, Any]) -> Any:
    if isinstance(choice, Typed):
        return choice.value
    if choice == LOCAL:
        return local.get(name)
    if choice == REMOTE:
        return remote.get(name)
    return choice


def resolve_conflict(storage: Storage, conflict_id: str, choices: Mapping[str, Any],
                     adviser_id: str | None, survivor: str = LOCAL) -> dict:
    """Settle a conflict field by field; the result is a new change that travels.

    Args:
        choices: field -> "local" (the version stored here), "remote" (the other
            version) or a typed value (wrap in :class:`Typed` to store the words
            "local"/"remote" themselves). Every field listed in the conflict's
            ``fields`` must be chosen; "deleted_at" chooses whether the record
            stays deleted. Other fields keep the local value unless chosen.
        adviser_id: who decided.
        survivor: for duplicate firms, which firm is kept ("local": the first
            one, ``Conflict.local``; "remote": ``Conflict.remote``); the other's
            assessments, contacts and notes move to it and it becomes a tombstone.

    Returns:
        The settled record (for duplicates, the surviving firm).

    Raises:
        UserError: the conflict is not open, a differing field has no choice,
            or a chosen value is not valid for the field (nothing is written).
    """
    require_role(storage, adviser_id, "coordinator", "resolver los conflictos de sincronización")
    conflict = sync_conflicts.get_conflict(storage, conflict_id)
    derived = DERIVED_FIRM_FIELDS if conflict.table == "firms" else frozenset()
    missing = [f for f in conflict.fields if f not in choices and f not in derived]
    if missing:
        raise UserError(f"Elija qué valor conservar para el campo «{missing[0]}».", field=missing[0])
    local, remote = conflict.local, conflict.remote
    if conflict.kind == "duplicate":
        if survivor not in (LOCAL, REMOTE):
            raise UserError("Indique qué empresa se conserva: «local» o «remote».", field="survivor")
        kept = local if survivor == LOCAL else remote
        chosen = {n: _choose(n, c, local, remote) for n, c in choices.items() if n != "deleted_at"}
        values = _firm_values(kept, chosen)
        return sync_conflicts.merge_duplicates(storage, conflict_id, kept["id"], values, adviser_id)
    deleted_choice = choices.get("deleted_at", LOCAL)
    if isinstance(deleted_choice, bool):
        deleted = deleted_choice
    elif deleted_choice in (LOCAL, REMOTE):
        deleted = bool((local if deleted_choice == LOCAL else remote).get("deleted_at"))
    else:
        raise UserError("Para «deleted_at» elija «local» o «remote».", field="deleted_at")
    chosen = {n: _choose(n, c, local, remote) for n, c in choices.items() if n != "deleted_at"}
    if conflict.table == "firms" and not deleted:
        values = _firm_values(local, chosen)
    else:
        values = chosen
    return sync_conflicts.resolve_edit(storage, conflict_id, values, deleted, adviser_id)


def keep_apart(storage: Storage, conflict_id: str, adviser_id: str | None) -> None:
    """Settle a possible duplicate as two different firms; the pair is never offered again,
    here or on any device the decision reaches (it travels in bundles).

    Raises:
        UserError: the conflict is not open or is not a possible duplicate.
    """
    require_role(storage, adviser_id, "coordinator", "resolver los conflictos de sincronización")
    sync_conflicts.keep_apart(storage, conflict_id, adviser_id)


def list_merges(storage: Storage) -> list[dict]:
    """Merges in force, newest first (absorbed_id/_name, survivor_id/_name, merged_at)."""
    return sync_conflicts.list_merges(storage)


def undo_merge(storage: Storage, absorbed_id: str, adviser_id: str | None) -> dict:
    """"Deshacer fusión": restore a firm absorbed by a merge, with the records the merge
    moved; travels in bundles like any edit.

    Raises:
        UserError: the firm is not merged into another.
    """
    require_role(storage, adviser_id, "coordinator", "deshacer una fusión de empresas")
    return sync_conflicts.undo_merge(storage, absorbed_id, adviser_id)


def _firm_values(base: Mapping[str, Any], chosen: Mapping[str, Any]) -> dict[str, Any]:
    """Firm fields after the choices, normalised and derived like any edit; only those that change."""
    merged = {name: base.get(name) for name in FIRM_FIELDS}
    merged.update((k, v) for k, v in chosen.items() if k in FIRM_FIELDS)
    row, problems = prepare_firm(merged)
    if problems:
        name, message = next(iter(problems.items()))
        raise UserError(message, field=name)
    return {k: v for k, v in row.items() if k in FIRM_FIELDS and v != base.get(k)}


def bundle_history(storage: Storage, limit: int | None = None) -> list[BundleRecord]:
    """Bundles sent and received here, newest first."""
    return sync_peers.list_bundles(storage, limit)


def list_peers(storage: Storage) -> list[Peer]:
    """Other devices this database has exchanged bundles with (or heard of through them)."""
    return sync_peers.list_peers(storage)


def set_device_name(storage: Storage, name: str) -> dict:
    """Give this device the human name shown in bundles ("Laptop Ana – San Miguel")."""
    return devices.rename_device(storage, check_device_name(name))


def check_device_name(name: str) -> str:
    """The device's name as it will be stored; refuses an empty or too long one (one sentence)."""
    clean = " ".join((name or "").split())
    if not clean:
        raise UserError("Escriba un nombre para este equipo.", field="name")
    if len(clean) > 80:
        raise UserError("El nombre del equipo no puede pasar de 80 caracteres.", field="name")
    return clean


def device_needs_name(storage: Storage) -> bool:
    """True while this device still has the host's default name ("Equipo <host>"), which
    tells nobody apart in bundles and conflicts: the first start asks for a real one."""
    return storage.device_name == default_device_name()


def suggested_device_name(adviser_name: str | None) -> str:
    """The name offered at first start: "Laptop de <asesor>"."""
    clean = " ".join((adviser_name or "").split())
    return f"Laptop de {clean}"[:80] if clean else ""


def set_device_role(storage: Storage, role: str) -> None:
    """Mark this database as a field laptop ("laptop") or as the centre ("centre")."""
    sync_peers.set_local_role(storage, role)


def device_info(storage: Storage) -> dict[str, str]:
    """This device's id, name, role and fingerprint (what another device checks when enrolling it)."""
    sync_peers.ensure_schema(storage)
    return {"device_id": storage.device_id, "name": storage.device_name, "role": sync_peers.local_role(storage),
            "fingerprint": sync_trust.local_keys(storage).public.fingerprint}


# ------------------------------------------------------------------ trusted devices


def this_device_card(storage: Storage) -> DeviceCard:
    """This device's card: id, name, role and public keys (never a private key)."""
    return sync_trust.own_card(storage, sync_peers.local_role(storage))


def save_device_card(storage: Storage, path: str | Path) -> DeviceCard:
    """Write this device's card to ``path`` for a coordinator to enrol it on another device.

    Raises:
        CardError: the file cannot be written.
    """
    card = this_device_card(storage)
    write_card(path, card)
    log.info("Tarjeta de este equipo escrita en %s", path)
    return card


def read_device_card(path: str | Path) -> DeviceCard:
    """Read another device's card, to show its fingerprint before enrolling it.

    Raises:
        CardError: missing, unreadable, not a card, or altered (fingerprint and keys disagree).
    """
    return read_card(path)


def require_coordinator(storage: Storage, adviser_id: str | None) -> None:
    """The one check of who may enrol and revoke devices: a coordinator (or an administrator).

    Roles are in force once sign-in is set up on the database (issue 16's roles and
    sign-in, :func:`db.sync.trust.roles_in_force`); before that every adviser may, and
    the acting adviser is only recorded (``enrolled_by``, ``revoked_by``).

    Raises:
        UserError: roles are in force and the acting adviser is not a coordinator.
    """
    require_role(storage, adviser_id, "coordinator", "inscribir o revocar equipos")


def enrol_device(storage: Storage, card: DeviceCard, adviser_id: str | None) -> TrustedDevice:
    """Trust the device of ``card`` (after the adviser checked its fingerprint on both screens).

    From now on its bundles are accepted here, and bundles may be written for it.

    Raises:
        UserError: the acting adviser may not enrol devices, or the card is this device's own.
    """
    require_coordinator(storage, adviser_id)
    enrolled = sync_trust.enrol(storage, card, adviser_id)
    log.info("Equipo %s inscrito (huella %s) por %s", card.device_id, card.fingerprint, adviser_id)
    return enrolled


def trusted_devices(storage: Storage) -> list[TrustedDevice]:
    """The devices enrolled here, live ones first, by name."""
    return sync_trust.list_trusted(storage)


def find_trusted_device(storage: Storage, ref: str) -> TrustedDevice:
    """An enrolled device by id, name or fingerprint.

    Raises:
        UserError: none matches, or several do.
    """
    return sync_trust.find_trusted(storage, ref)


@dataclass(frozen=True)
class RevokedDevice(TrustedDevice):
    """A device revoked here, with what became of its login on the centre's server.

    ``server_note``: one sentence for the user (its login was ended, or is still open and how
    the technician ends it); see :mod:`desktop.services.centre_access`.
    """

    server_note: str = ""


def revoke_device(storage: Storage, ref: str | TrustedDevice, adviser_id: str | None) -> RevokedDevice:
    """Stop trusting a device: its bundles, even ones written before, are refused from now on, and its
    login on the centre's server ends (when this is the centre's desktop and the server answers).

    A device revoked here before whose server login is still open (the server could not be reached
    then) gets its login ended now; only when there is nothing left to end is it refused.

    Raises:
        UserError: the acting adviser may not revoke, no such enrolled device, or already revoked.
    """
    from desktop.services.centre_access import end_server_login

    require_coordinator(storage, adviser_id)
    device = ref if isinstance(ref, TrustedDevice) else sync_trust.find_trusted(storage, ref)
    ids = sync_trust.linked_ids(storage, device)
    if device.revoked:
        on_server = end_server_login(storage, ids, device.device_id)
        if not on_server.ended:
            sync_trust.revoke(storage, device, adviser_id)  # raises its "already revoked" sentence
        revoked = device
    else:
        revoked = sync_trust.revoke(storage, device, adviser_id)
        on_server = end_server_login(storage, ids, device.device_id)
    log.info("Equipo %s revocado por %s; en el servidor: %s", device.device_id, adviser_id, on_server.ended)
    return RevokedDevice(**{f.name: getattr(revoked, f.name) for f in fields(TrustedDevice)},
                         server_note=on_server.sentence)


def export_targets(storage: Storage) -> list[Peer]:
    """The devices a bundle can be written for: enrolled and not revoked, the centre first.

    A device known under several ids (a restored file) is offered once, under the id it
    last sent a bundle from.
    """
    chosen: dict[bytes, Peer] = {}
    for peer in sync_peers.list_peers(storage):
        enrolled = sync_trust.trusted_for_peer(storage, peer.device_id)
        if enrolled is None or enrolled.revoked:
            continue
        held = chosen.get(enrolled.keys.signing)
        if held is None or (peer.last_received_at or "") > (held.last_received_at or ""):
            chosen[enrolled.keys.signing] = peer
    return sorted(chosen.values(), key=lambda p: (p.role != "centre", p.name.lower()))


@guarded
def authority_refusals(storage: Storage) -> list[dict]:
    """Roles, sign-ins and active flags other devices claimed that this database did not take."""
    engine.ensure_schema(storage)
    return authority.refusals(storage)
