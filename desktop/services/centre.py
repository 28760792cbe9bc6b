"""The centre's server (issue 17): prepare it, report it, enrol this device, sync directly.

A sync pushes this device's own changes the server lacks, then pulls every change this
device lacks and applies them with the bundles' rules (:func:`db.sync.exchange.apply_changes`).
Both halves are idempotent: a sync cut at any point (network, ``kill -9`` on either side)
leaves each side with whole batches only, and the next sync carries on from what each side
holds.

Two kinds of connection (issue 31): the technician's, as the database's owner, given for one
command and never stored (its password may stay out of the URL: libpq reads ``PGPASSWORD``, and
the command line asks at a prompt when :class:`OwnerPasswordNeeded` says the server wants one);
and each device's own login, kept in its encrypted database (enrolment refuses a plain one).
Revoking a device here also ends its login on the server (:mod:`desktop.services.centre_access`).
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from db import records
from db.centre import server
from db.centre.server import CentreError, Status
from db.clock import now_iso
from db.connection import Storage
from db.devices import own_ids
from db.schema import RECORD_TABLES
from db.sync import exchange
from db.sync.exchange import ApplyReport
from db.sync.format import BundleError
from db.sync.peers import local_role, server_settings, set_server_settings
from db.sync.state import capture_local_changes, changes_beyond, knowledge
from desktop.domain.errors import UserError
from desktop.services.security import require_role, state

__all__ = ["Status", "SyncResult", "OwnerPasswordNeeded", "init_centre", "centre_status", "add_centre",
           "enrol_device", "sync_now", "configured_server", "forget_server", "last_sync", "bundle_to_server",
           "open_portfolio", "owner_connection", "with_password", "is_national"]

MESSAGES = {
    "unreachable": "No se pudo conectar con el servidor del centro; revise la red y la dirección, y vuelva a intentarlo.",
    "auth": "El servidor del centro rechazó el usuario o la contraseña de este equipo; pida al técnico que lo inscriba de nuevo.",
    "revoked": "El servidor del centro ya no acepta a este equipo porque su acceso fue revocado; si fue un error, "
               "pida al técnico que lo inscriba de nuevo.",
    "owner_auth": "El servidor rechazó el usuario o la contraseña del propietario de la base (los del técnico); "
                  "revise la dirección y la contraseña y vuelva a intentarlo.",
    "owner_password": "El servidor pide la contraseña del propietario de la base: póngala en la variable PGPASSWORD "
                      "o ejecute la orden en una terminal para que se la pida.",
    "plain_database": "Esta base de datos no está cifrada y la contraseña de este equipo en el servidor quedaría "
                      "legible en el archivo; configure primero el inicio de sesión de Rumbo en ella y vuelva a "
                      "inscribir el equipo.",
    "other_centre": "El servidor rechazó un cambio sobre {what}, que es de otro centro: cada centro cambia solo sus "
                    "propias empresas, así que no se envió nada más y conviene avisar al coordinador.",
    "import_centre": "El paquete trae cambios de equipos que el servidor todavía no conoce ({names}); indique su "
                     "centro con --centre: {centres}.",
    "bad_url": "La dirección del servidor no es válida; debe tener la forma postgresql://usuario@servidor/base.",
    "not_prepared": "La base del servidor todavía no está preparada; el técnico debe ejecutar «rumbo centre init».",
    "not_enrolled": "Este equipo no está inscrito en el servidor del centro (o fue revocado); pida al técnico que lo inscriba.",
    "other_device": "Las credenciales guardadas son de otro equipo; pida al técnico que inscriba este.",
    "no_server": "Este equipo no tiene servidor del centro; inscríbalo con «rumbo centre enrol» o en Sincronización.",
    "no_centre": "El servidor no tiene el centro «{name}»; el técnico puede crearlo con «rumbo centre add».",
    "which_centre": "El servidor tiene varios centros ({names}); indique el de este equipo.",
    "centre_name": "Escriba el nombre del centro.",
    "country": "«{code}» no es un código de país de dos letras (por ejemplo SV, GT, HN).",
    "not_visible": "Este equipo no ve ningún centro llamado «{name}» en el servidor.",
    "centre_exists": "El servidor ya tiene un centro llamado «{name}».",
    "pull_inconsistent": "Lo recibido del servidor del centro hace referencia a registros que todavía no llegaron "
                         "(de una laptop que aún no sincroniza, o cuyo paquete no se llevó al servidor); no se aplicó "
                         "nada y la próxima sincronización lo intentará de nuevo.",
    "pull_history": "El historial de un equipo que guarda el servidor del centro no coincide con el recibido antes; "
                    "no se aplicó nada. Avise al técnico.",
    "pull_too_new": "El servidor del centro guarda cambios de una versión más nueva de Rumbo; actualice la aplicación "
                    "para sincronizar.",
    "cut": "La conexión con el servidor se cortó a mitad de la sincronización; lo ya enviado quedó guardado y la próxima vez se continúa.",
}


class OwnerPasswordNeeded(UserError):
    """The owner's URL has no password, ``PGPASSWORD`` is unset, and the server asks for one.

    The command line catches it to ask at a prompt (on a terminal); otherwise its sentence
    names ``PGPASSWORD``.
    """

    def __init__(self):
        super().__init__(MESSAGES["owner_password"], field="password")


def _say(kind: str, **values) -> UserError:
    return UserError(MESSAGES[kind].format(**values), field="server")


def _connect(url: str, owner: bool = False):
    """A connection with a device's login or, ``owner``, the technician's (each with its own sentences)."""
    try:
        return server.connect(url)
    except CentreError as exc:
        if owner and exc.kind == "no_password":
            raise OwnerPasswordNeeded() from exc
        if owner and exc.kind in ("auth", "revoked"):
            raise _say("owner_auth") from exc
        raise _say("auth" if exc.kind == "no_password" else exc.kind) from exc


def _connect_prepared(url: str, owner: bool = False):
    """A connection to a database ``rumbo centre init`` has brought up to date."""
    conn = _connect(url, owner)
    if server.schema_version(conn) < server.LATEST:
        conn.close()
        raise _say("not_prepared")
    return conn


def owner_connection(url: str):
    """A connection with the technician's (owner's) URL to a prepared database, with the owner's sentences."""
    return _connect_prepared(url, owner=True)


def with_password(url: str, password: str) -> str:
    """The owner's ``url`` with ``password`` (typed at a prompt or in the enrol box) put in."""
    try:
        params = conninfo_to_dict(url)
    except Exception as exc:  # noqa: BLE001 - psycopg's ProgrammingError for a malformed URL
        raise _say("bad_url") from exc
    params["password"] = password
    return make_conninfo(**params)


def add_centre(url: str, name: str, country: str | None = None) -> Status:
    """Another centre in the (national) database, with the owner's connection."""
    import pycountry

    name, code = name.strip(), (country or "").strip().upper() or None
    if not name:
        raise _say("centre_name")
    if code and (len(code) != 2 or pycountry.countries.get(alpha_2=code) is None):
        raise _say("country", code=country.strip())
    with _connect_prepared(url, owner=True) as conn:
        try:
            server.add_centre(conn, name, code)
        except CentreError as exc:
            raise _say(exc.kind, name=name) from exc
        return server.status(conn)


def bundle_to_server(storage: Storage, owner_url: str, path, adviser_id: str | None,
                     centre_name: str | None = None) -> tuple[int, int]:
    """Store a bundle's changes on the server (a laptop that never sees the network).

    The bundle is verified here as an import would verify it (it must be sealed to this
    desktop and signed by a device enrolled here); its changes go to the server with the
    technician's owner connection. Origins the server does not know yet join ``centre_name``,
    which is required when the server holds several centres; origins it knows keep their
    centre, and so do the records (the server refuses a change to another centre's record).
    Returns (changes in the bundle, new on the server).
    """
    require_role(storage, adviser_id, "coordinator", "llevar un paquete al servidor del centro")
    bundle = exchange.verified_bundle(storage, path)
    m = bundle.manifest
    names = {**m.devices, m.source_id: m.source_name}
    with _connect_prepared(owner_url, owner=True) as conn:
        listed = server.centres(conn)
        unknown = {ch.origin for ch in bundle.changes} - server.known_origins(conn, {ch.origin for ch in bundle.changes})
        if unknown and centre_name is None and len(listed) > 1:
            raise _say("import_centre", names=", ".join(sorted(f"«{names.get(o, o)}»" for o in unknown)),
                       centres=", ".join(c["name"] for c in listed))
        try:
            centre_id = server.find_centre(conn, centre_name)
            return len(bundle.changes), server.push(conn, bundle.changes, names, centre_id=centre_id)
        except CentreError as exc:
            raise _refused(exc, storage, centre_name, bundle.changes) from exc


def _refused(exc: CentreError, storage: Storage, centre_name: str | None = None, changes=()) -> UserError:
    """The sentence for a refusal by the server while storing changes."""
    if exc.kind != "other_centre":
        return _say(exc.kind, name=centre_name)
    table, _, record_id = exc.detail.partition(":")
    return _say("other_centre", what=_record_words(storage, table, record_id, changes))


def _record_words(storage: Storage, table: str, record_id: str, changes=()) -> str:
    """«la empresa «Café de Oriente»», or plainer words when the firm's name is not at hand."""
    firm_id = record_id if table == "firms" else None
    if table in RECORD_TABLES and table != "firms":
        row = records.get(storage, table, record_id) or {}
        if not row.get("firm_id") and row.get("assessment_id"):  # an answer: its assessment's firm
            row = records.get(storage, "assessments", row["assessment_id"]) or {}
        firm_id = row.get("firm_id")
    firm = records.get(storage, "firms", firm_id) if firm_id else None
    name = firm["legal_name"] if firm else next(
        (ch.state.get("legal_name") for ch in changes if ch.table == "firms" and ch.record_id == firm_id), None)
    return f"la empresa «{name}»" if name else "un registro de una empresa"


def visible_centre(source, name: str) -> str:
    """The id of the centre called ``name`` (any case) among those the server lets this device see."""
    for c in source.centres():
        if c["name"].lower() == name.strip().lower():
            return c["id"]
    raise _say("not_visible", name=name)


def open_portfolio(storage: Storage):
    """The centre server's portfolio as this device may see it (its centre's, or all for national)."""
    from db.centre.portfolio import ServerPortfolio

    url = server_settings(storage)["url"]
    if not url:
        raise _say("no_server")
    try:
        return ServerPortfolio(url)
    except CentreError as exc:
        raise _say(exc.kind) from exc


def init_centre(url: str, name: str | None = None) -> tuple[list[str], Status]:
    """Prepare an empty (or older) database with the owner's connection; returns (migrations applied, status)."""
    with _connect(url, owner=True) as conn:
        done = server.migrate(conn, name)
        return done, server.status(conn)


def centre_status(url: str) -> Status:
    """What the server holds, with the owner's connection."""
    with _connect(url, owner=True) as conn:
        return server.status(conn)


def enrol_device(storage: Storage, owner_url: str, adviser_id: str | None, *, centre_name: str | None = None,
                 national: bool = False) -> str:
    """Give this device its own login on the server (technician's connection) and keep it here.

    The device joins ``centre_name`` (required when the server holds several centres) or, ``national``,
    reads every centre (and from then on this database writes no client data, sync migration 0006).
    Returns the role name. The owner's password is not stored, only the device's, and only in an
    encrypted database. The server records whether this is a laptop or the centre's desktop (this
    database's role), which decides whether it may end other devices' logins.
    """
    require_role(storage, adviser_id, "coordinator", "conectar este equipo con el servidor del centro")
    if storage.path is None or state(storage.path) != "encrypted":
        raise _say("plain_database")
    with _connect_prepared(owner_url, owner=True) as conn:
        listed = server.centres(conn)
        if not national and not centre_name and len(listed) > 1:
            raise _say("which_centre", names=", ".join(c["name"] for c in listed))
        try:
            centre_id = None if national else server.find_centre(conn, centre_name)
        except CentreError as exc:
            raise _say(exc.kind, name=centre_name) from exc
        earlier = tuple(sorted(own_ids(storage) - {storage.device_id}))
        role, password = server.enrol_device(conn, storage.device_id, storage.device_name, centre_id=centre_id,
                                             national=national, earlier_ids=earlier, kind=local_role(storage))
    params = conninfo_to_dict(owner_url)
    params.update(user=role, password=password)
    set_server_settings(storage, url=make_conninfo(**params), result=None, synced_at=None,
                        scope="national" if national else "centre")
    return role


def is_national(storage: Storage) -> bool:
    """True when this device is enrolled as the national coordination's: it reads, and writes no client data."""
    return server_settings(storage)["scope"] == "national"


def configured_server(storage: Storage) -> str | None:
    """The server's address as shown (no credentials), or None."""
    url = server_settings(storage)["url"]
    if not url:
        return None
    params = conninfo_to_dict(url)
    return f"{params.get('host', 'localhost')}:{params.get('port', '5432')}/{params.get('dbname', '')}"


def forget_server(storage: Storage, adviser_id: str | None) -> None:
    require_role(storage, adviser_id, "coordinator", "desconectar este equipo del servidor del centro")
    set_server_settings(storage, url=None, result=None, synced_at=None, scope=None)


def last_sync(storage: Storage) -> tuple[str | None, str | None]:
    """(when, what) of the last direct sync, as stored on this device."""
    st = server_settings(storage)
    return st["synced_at"], st["result"]


@dataclass
class SyncResult:
    pushed: int
    pulled: int
    report: ApplyReport | None

    def sentence(self) -> str:
        conflicts = len(self.report.conflicts) if self.report else 0
        text = f"Enviados {self.pushed} cambios y recibidos {self.pulled}"
        return text + (f"; {conflicts} conflictos esperan una decisión." if conflicts else ".")


def sync_now(storage: Storage, url: str | None = None) -> SyncResult:
    """Push this device's changes the server lacks, then pull and apply what this device lacks."""
    import psycopg

    url = url or server_settings(storage)["url"]
    if not url:
        raise _say("no_server")
    conn = _connect_prepared(url)
    try:
        me = server.whoami(conn)
        if me is None:
            raise _say("not_enrolled")
        if me not in own_ids(storage):
            raise _say("other_device")
        with storage.write():
            capture_local_changes(storage)
        pushed = 0
        if server.my_scope(conn) == "centre":
            # A laptop restored from a backup writes under a new id with the credentials of its old one.
            writes = server.my_origins(conn) | {storage.device_id}
            own = [ch for ch in changes_beyond(storage, server.server_knowledge(conn)) if ch.origin in writes]
            try:
                pushed = server.push(conn, own, {storage.device_id: storage.device_name})
            except CentreError as exc:
                raise _refused(exc, storage) from exc
        incoming = server.pull(conn, knowledge(storage))
        names = server.origin_names(conn)
    except psycopg.OperationalError as exc:
        raise _say("cut") from exc
    finally:
        conn.close()
    try:
        report = exchange.apply_changes(storage, incoming, source_id="centre-server", source_name="Servidor del centro",
                                        devices={ch.origin: names[ch.origin] for ch in incoming if ch.origin in names})
    except BundleError as exc:  # the same checks as a bundle's, said of the server
        if exc.kind not in ("inconsistent", "history", "too_new"):
            raise
        result = _say(f"pull_{exc.kind}")
        set_server_settings(storage, synced_at=now_iso(), result=f"Enviados {pushed} cambios; {result}")
        raise result from exc
    result = SyncResult(pushed, len(incoming), report)
    set_server_settings(storage, synced_at=now_iso(), result=result.sentence())
    return result
