"""Ending a device's login on the centre's server (issue 31): a lost laptop must stop syncing.

Revoking a device in Sincronización or with ``rumbo device revoke`` stops its bundles here; this
module also ends its login on the server, so that it can neither push nor pull directly. The
centre's desktop does it with its own login: the server lets a device enrolled as a centre's
desktop end the logins of its own centre's devices (``revoke_devices`` in
``db/centre/migrations/0005_guards.sql``: NOLOGIN, ``revoked_at``, open sessions terminated).
The roles are checked here before (a coordinator, :func:`desktop.services.sync.require_coordinator`).

When this desktop has no server, cannot reach it, or is not the centre's desktop there, the local
revocation stands and the sentence says that the server login stays open and how the technician
ends it: ``rumbo centre revoke URL EQUIPO`` (:func:`revoke_on_server`, the owner's connection).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import psycopg

from db.centre import server
from db.centre.server import CentreError
from db.sync.peers import server_settings
from desktop.domain.errors import UserError
from desktop.services.centre import owner_connection

log = logging.getLogger(__name__)

_WHY_OPEN = {
    "no_server": "este equipo no está conectado a un servidor del centro",
    "not_centre_desktop": "este equipo no está inscrito en el servidor como el equipo del centro",
    "auth": "el servidor ya no acepta el acceso de este equipo",
    "revoked": "el servidor ya no acepta el acceso de este equipo",
    "not_prepared": "la base del servidor no está al día",
}


@dataclass(frozen=True)
class ServerRevocation:
    """What became of a revoked device's login on the server: ``ended`` it now, and the sentence to show."""

    ended: bool
    sentence: str


def end_server_login(storage, ids: set[str], device_id: str) -> ServerRevocation:
    """End, with this desktop's own login, the server login of the device known here by ``ids``
    (its id and the ids linked to its signing key: a laptop restored from a backup writes under a
    new one). ``device_id`` names it in the sentence for the technician. Never raises for the
    server's sake: the local revocation has happened already.
    """
    url = server_settings(storage)["url"]
    if not url:
        return _still_open("no_server", device_id)
    try:
        with server.connect(url) as conn:
            if server.schema_version(conn) < server.LATEST:
                return _still_open("not_prepared", device_id)
            names = server.revoke_as_centre(conn, ids)
    except CentreError as exc:
        return _still_open(exc.kind, device_id)
    except psycopg.Error as exc:  # the connection dropped half-way
        log.warning("No se pudo revocar en el servidor: %s", exc)
        return _still_open("unreachable", device_id)
    log.info("Acceso al servidor cerrado para %s", ", ".join(names) or "ningún equipo")
    if names:
        return ServerRevocation(True, "Su acceso al servidor del centro quedó cerrado y sus conexiones abiertas, "
                                      "terminadas.")
    return ServerRevocation(False, "El servidor del centro no le conocía ningún acceso abierto en este centro.")


def _still_open(kind: str, device_id: str) -> ServerRevocation:
    why = _WHY_OPEN.get(kind, "no se pudo conectar con el servidor")
    return ServerRevocation(False, f"Su acceso al servidor del centro, si lo tiene, sigue abierto porque {why}; el "
                                   f"técnico lo cierra con «rumbo centre revoke postgresql://… {device_id}».")


@dataclass(frozen=True)
class ServerDevice:
    """A device as the server's owner sees it."""

    device_id: str
    name: str
    centre: str
    was_live: bool


def revoke_on_server(owner_url: str, ref: str) -> ServerDevice:
    """The technician ends a device's login (owner's connection): ``ref`` is its id, an origin it
    writes, or its name.

    Raises:
        UserError: no device or several match; the owner's connection fails.
    """
    with owner_connection(owner_url) as conn:
        found = server.find_devices(conn, ref)
        live = [d for d in found if not d["revoked"]]
        if len(found) > 1 and len(live) == 1:
            found = live
        if not found:
            raise UserError(f"El servidor no tiene ningún equipo que se llame o identifique «{ref}».", field="device")
        if len(found) > 1:
            ids = ", ".join(f"{d['device_id']} ({d['centre'] or 'nacional'})" for d in found)
            raise UserError(f"Hay varios equipos llamados «{ref}» en el servidor ({ids}); indique su identificador.",
                            field="device")
        [device] = found
        was_live = server.revoke_device(conn, device["device_id"])
    return ServerDevice(device["device_id"], device["name"], device["centre"], was_live)


__all__ = ["ServerDevice", "ServerRevocation", "end_server_login", "revoke_on_server"]
