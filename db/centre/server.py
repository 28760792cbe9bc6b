"""The centre's PostgreSQL store, through psycopg 3: migrations, status, devices, push and pull.

The server keeps the record model's changes exactly as bundles carry them (``changes``, keyed
by ``(origin, origin_seq)``), so a device's knowledge vector says what it lacks and storing a
change twice does nothing. Merging happens where it does for bundles, on each desktop
(:func:`db.sync.exchange.apply_changes`): every device applies the same changes by the same
rules, so every device converges, and conflicts and possible duplicates wait for a person on
any coordinator's desktop, whose decision is one more change that travels.

Access is the server's: each device logs in with its own role, a member of ``rumbo_device``,
and row-level security lets it add only changes of the origins bound to it (``0002_access.sql``,
``0003_centres.sql``). One database can hold several centres: a centre's device reads its own
centre's changes, a national coordinator's device reads all of them (and writes none). Every
stored change also updates the current portfolio (``0004_portfolio.sql``), which
:mod:`db.centre.portfolio` queries. ``0005_guards.sql`` closes the seams (issue 31): no function
a device may run writes the portfolio, a record stays in the centre that stored it first (a
change to another centre's record is refused, SQLSTATE ``RB001``: :class:`CentreError`
"other_centre"), devices see only their centre's devices and no login role, and a device's
login can be ended (``end_login``: NOLOGIN, revoked, sessions terminated), by the owner or by
its centre's desktop (``revoke_devices``).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from hashlib import sha256
from importlib import resources
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from db.sync.format import BundleChange

MIGRATIONS = "db.centre.migrations"
BATCH = 1000  # changes per transaction when pushing: a cut connection keeps every batch committed before it


class CentreError(Exception):
    """The server cannot be reached or refuses; ``kind`` names why (see desktop.services.centre)."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


def connect(url: str, **kwargs) -> psycopg.Connection:
    """Open a connection (TLS when the server offers it: libpq's default ``sslmode=prefer``)."""
    try:
        # autocommit: every conn.transaction() block is a real transaction, committed as it ends.
        return psycopg.connect(url, connect_timeout=10, autocommit=True, **kwargs)
    except psycopg.OperationalError as exc:
        raise CentreError(_refusal(str(exc)), str(exc)) from exc
    except psycopg.ProgrammingError as exc:  # a malformed URL
        raise CentreError("bad_url", str(exc)) from exc


def _refusal(text: str) -> str:
    """Why a connection was refused, from libpq's words (they are not translated: lc_messages is C)."""
    if "no password supplied" in text:
        return "no_password"  # the URL has none, PGPASSWORD is unset and the server wants one
    if "not permitted to log in" in text:
        return "revoked"  # the right password, but the role was set NOLOGIN
    if "password" in text or "authentication" in text:
        return "auth"
    return "unreachable"


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for item in resources.files(MIGRATIONS).iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


LATEST = _migrations()[-1][0]


def schema_version(conn: psycopg.Connection) -> int:
    """The highest migration applied (0 for an empty database)."""
    exists = conn.execute("SELECT to_regclass('public.schema_migrations')").fetchone()[0]
    if exists is None:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(conn: psycopg.Connection, centre_name: str | None = None, country: str | None = None) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction; returns their names."""
    with conn.transaction():
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
    done = []
    for version, name, text in _migrations():
        if version <= schema_version(conn):
            continue
        with conn.transaction():
            conn.execute(text)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
        done.append(name)
    with conn.transaction():
        if conn.execute("SELECT count(*) FROM centre").fetchone()[0] == 0:
            conn.execute("INSERT INTO centre (id, name, country) VALUES (%s, %s, %s)",
                         (secrets.token_hex(8), centre_name or "Centro", country))
    return done


def add_centre(conn: psycopg.Connection, name: str, country: str | None = None) -> str:
    """Another centre in this (national) database; returns its id. Names are unique."""
    with conn.transaction():
        found = conn.execute("SELECT id FROM centre WHERE lower(name) = lower(%s)", (name,)).fetchone()
        if found:
            raise CentreError("centre_exists", name)
        centre_id = secrets.token_hex(8)
        conn.execute("INSERT INTO centre (id, name, country) VALUES (%s, %s, %s)", (centre_id, name, country))
    return centre_id


def centres(conn: psycopg.Connection) -> list[dict]:
    """Every centre, first created first: id, name, country."""
    rows = conn.execute("SELECT id, name, country FROM centre ORDER BY created_at, id").fetchall()
    return [{"id": r[0], "name": r[1], "country": r[2]} for r in rows]


def find_centre(conn: psycopg.Connection, name: str | None) -> str:
    """The id of the centre called ``name`` (any case), or the first centre when ``name`` is None."""
    listed = centres(conn)
    if name is None:
        return listed[0]["id"]
    for c in listed:
        if c["name"].lower() == name.lower() or c["id"] == name:
            return c["id"]
    raise CentreError("no_centre", name)


@dataclass
class Status:
    """What ``rumbo centre status`` reports."""

    version: int
    latest: int
    centre_name: str = ""
    tls: bool = False
    devices: list[dict] = field(default_factory=list)  # name, device_id, centre, scope, changes, last_seq, revoked
    centres: list[dict] = field(default_factory=list)  # id, name, country, firms
    changes: int = 0
    records: dict[str, int] = field(default_factory=dict)  # table -> distinct records


def status(conn: psycopg.Connection) -> Status:
    st = Status(schema_version(conn), LATEST, tls=bool(conn.pgconn.ssl_in_use))
    if st.version == 0:
        return st
    listed = centres(conn)
    st.centre_name = listed[0]["name"]
    per_origin = {o: (n, last) for o, n, last in conn.execute(
        "SELECT origin, count(*), max(origin_seq) FROM changes GROUP BY origin")}
    owned: dict[str, list[str]] = {}  # device -> the origins it writes (its id, and ids taken after a restore)
    for origin, owner in conn.execute("SELECT origin, device_id FROM origins WHERE device_id IS NOT NULL"):
        owned.setdefault(owner, []).append(origin)
    for device_id, name, revoked, centre_name, scope in conn.execute(
            "SELECT d.device_id, d.name, d.revoked_at, c.name, d.scope FROM devices d "
            "LEFT JOIN centre c ON c.id = d.centre_id ORDER BY c.name, d.name, d.device_id").fetchall():
        n = sum(per_origin.get(o, (0, 0))[0] for o in owned.get(device_id) or [device_id])
        last = per_origin.get(device_id, (0, 0))[1]
        st.devices.append({"device_id": device_id, "name": name, "changes": n, "last_seq": last,
                           "revoked": revoked is not None, "centre": centre_name or "", "scope": scope})
    firms = dict(conn.execute("SELECT centre_id, count(*) FROM portfolio.firms WHERE deleted_at IS NULL "
                              "GROUP BY centre_id"))
    st.centres = [dict(c, firms=firms.get(c["id"], 0)) for c in listed]
    st.changes = sum(n for n, _ in per_origin.values())
    st.records = dict(conn.execute(
        "SELECT table_name, count(DISTINCT record_id) FROM changes GROUP BY table_name ORDER BY table_name"))
    return st


def role_for(conn: psycopg.Connection, device_id: str) -> str:
    """The login role of a device on this database (roles are cluster-wide: the database is in the name)."""
    database = conn.info.dbname
    return "rumbo_" + sha256(f"{database}/{device_id}".encode()).hexdigest()[:16]


def enrol_device(conn: psycopg.Connection, device_id: str, name: str, *, centre_id: str | None = None,
                 national: bool = False, earlier_ids: tuple[str, ...] = (), kind: str = "laptop") -> tuple[str, str]:
    """Create (or renew) the device's login role with a new random password; returns (role, password).

    Run by the database's owner (the technician's connection). The device belongs to
    ``centre_id`` (the first centre when None) or, ``national``, reads every centre and
    writes nothing. ``earlier_ids`` are ids this laptop had before a restore: it goes on
    writing their origins too. ``kind`` is the enrolling database's own role ("laptop" or
    "centre"): a centre's desktop may end the logins of its centre's devices. The owner becomes
    a member of the device's role, which is what lets it terminate the device's sessions.
    """
    centre_id = None if national else (centre_id or centres(conn)[0]["id"])
    role = role_for(conn, device_id)
    password = secrets.token_urlsafe(24)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT rumbo_device TO {}").format(sql.Identifier(role)))
        conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(role)))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(conn.info.dbname), sql.Identifier(role)))
        conn.execute("INSERT INTO devices (device_id, name, role_name, centre_id, scope, kind) "
                     "VALUES (%s, %s, %s, %s, %s, %s) "
                     "ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, revoked_at = NULL, "
                     "centre_id = excluded.centre_id, scope = excluded.scope, kind = excluded.kind",
                     (device_id, name, role, centre_id, "national" if national else "centre", kind))
        for origin in (device_id, *earlier_ids):
            taken = conn.execute("SELECT device_id FROM origins WHERE origin = %s", (origin,)).fetchone()
            if taken and taken[0] not in (None, device_id) and origin != device_id:
                continue  # an id another enrolled device writes stays that device's
            conn.execute("INSERT INTO origins (origin, name, device_id, centre_id) VALUES (%s, %s, %s, %s) "
                         "ON CONFLICT (origin) DO UPDATE SET device_id = excluded.device_id, "
                         "centre_id = coalesce(origins.centre_id, excluded.centre_id)",
                         (origin, name, device_id, centre_id))
    return role, password


def revoke_device(conn: psycopg.Connection, device_id: str) -> bool:
    """The device can no longer log in, read or write, and its open sessions end (its changes stay).

    Run by the owner. Returns False when the device was revoked already (its login is closed
    again all the same).
    """
    with conn.transaction():
        return conn.execute("SELECT end_login(%s)", (device_id,)).fetchone()[0]


def find_devices(conn: psycopg.Connection, ref: str) -> list[dict]:
    """The devices (owner's view) that ``ref`` names: a device id, an origin it writes, or a name in any case.

    Each: device_id, name, centre (its name, "" for national), revoked.
    """
    rows = conn.execute(
        "SELECT DISTINCT d.device_id, d.name, coalesce(c.name, ''), d.revoked_at IS NOT NULL FROM devices d "
        "LEFT JOIN centre c ON c.id = d.centre_id "
        "WHERE d.device_id = %(ref)s OR lower(d.name) = lower(%(ref)s) "
        "OR d.device_id IN (SELECT device_id FROM origins WHERE origin = %(ref)s) "
        "ORDER BY 2, 1", {"ref": ref.strip()}).fetchall()
    return [{"device_id": r[0], "name": r[1], "centre": r[2], "revoked": r[3]} for r in rows]


def revoke_as_centre(conn: psycopg.Connection, ids: set[str]) -> list[str]:
    """A centre's desktop ends the logins of its centre's devices named by ``ids`` (device ids, or
    origins they write); returns the names of those it revoked.

    Raises:
        CentreError: "not_centre_desktop" when this connection is not a centre's desktop's.
    """
    try:
        with conn.transaction():
            return [r[0] for r in conn.execute("SELECT revoke_devices(%s)", (sorted(ids),)).fetchall()]
    except psycopg.DatabaseError as exc:
        if exc.sqlstate == "RB003":
            raise CentreError("not_centre_desktop", str(exc)) from exc
        raise


def server_knowledge(conn: psycopg.Connection) -> dict[str, int]:
    """Per origin, the highest sequence number the server holds."""
    return dict(conn.execute("SELECT origin, max(origin_seq) FROM changes GROUP BY origin"))


def whoami(conn: psycopg.Connection) -> str | None:
    """The device this connection logs in as (None for the owner or a revoked device)."""
    return conn.execute("SELECT current_device()").fetchone()[0]


def my_origins(conn: psycopg.Connection) -> set[str]:
    """The origins this connection's device may write (its id and the ids it took later)."""
    return {r[0] for r in conn.execute("SELECT origin FROM origins WHERE device_id = current_device()")}


def my_scope(conn: psycopg.Connection) -> str | None:
    """"centre" or "national" for a device's connection; None for the owner."""
    return conn.execute("SELECT current_scope()").fetchone()[0]


def _row(ch: BundleChange) -> tuple:
    return (ch.origin, ch.origin_seq, ch.table, ch.record_id, ch.rev, ch.op, Jsonb(ch.vv), Jsonb(ch.state),
            ch.changed_at, ch.changed_by, Jsonb(ch.extra), ch.hash, ch.before_sha)


COLUMNS = ("origin, origin_seq, table_name, record_id, rev, op, vv, state, changed_at, changed_by, extra, "
           "hash, before_sha")


def push(conn: psycopg.Connection, changes: list[BundleChange], names: dict[str, str],
         centre_id: str | None = None) -> int:
    """Store changes the server lacks, in batches (each committed whole); returns how many were new.

    A device names its own origins (the server binds a new one to the device). The owner, relaying
    a bundle's changes, binds each origin not yet known to ``centre_id``.
    """
    added = 0
    for start in range(0, len(changes), BATCH):
        batch = changes[start:start + BATCH]
        try:
            added += _push_batch(conn, batch, names, centre_id)
        except psycopg.DatabaseError as exc:
            if exc.sqlstate == "RB001":  # a record of another centre (0005_guards.sql): detail "table:id"
                raise CentreError("other_centre", exc.diag.message_detail or "") from exc
            raise
    return added


def _push_batch(conn: psycopg.Connection, batch: list[BundleChange], names: dict[str, str],
                centre_id: str | None) -> int:
    with conn.transaction(), conn.cursor() as cur:
        for origin in sorted({ch.origin for ch in batch}):
            if centre_id is not None:
                cur.execute("INSERT INTO origins (origin, name, device_id, centre_id) VALUES (%s, %s, NULL, %s) "
                            "ON CONFLICT (origin) DO NOTHING", (origin, names.get(origin, origin), centre_id))
            elif origin in names:
                cur.execute("INSERT INTO origins (origin, name) VALUES (%s, %s) "
                            "ON CONFLICT (origin) DO UPDATE SET name = excluded.name", (origin, names[origin]))
        cur.executemany(f"INSERT INTO changes ({COLUMNS}) VALUES ({', '.join(['%s'] * 13)}) "
                        "ON CONFLICT (origin, origin_seq) DO NOTHING", [_row(ch) for ch in batch])
        return cur.rowcount  # psycopg sums the rows each statement inserted


def known_origins(conn: psycopg.Connection, origins: set[str]) -> set[str]:
    """Those of ``origins`` the server has bound to a centre already."""
    return {r[0] for r in conn.execute("SELECT origin FROM origins WHERE origin = ANY (%s)", (sorted(origins),))}


def pull(conn: psycopg.Connection, known: dict[str, int], limit: int | None = None) -> list[BundleChange]:
    """The changes above ``known`` (origin -> highest held), per origin in sequence order."""
    params: list[Any] = [json.dumps(known)]
    query = (f"SELECT {COLUMNS} FROM changes c WHERE origin_seq > coalesce((%s::jsonb ->> c.origin)::bigint, 0) "
             "ORDER BY server_seq")
    if limit:
        query += " LIMIT %s"
        params.append(limit)
    rows = conn.execute(query, params).fetchall()
    return [BundleChange(origin=r[0], origin_seq=r[1], table=r[2], record_id=r[3], rev=r[4], op=r[5], vv=r[6],
                         state=r[7], changed_at=r[8], changed_by=r[9], extra=r[10] or {}, hash=r[11],
                         before_sha=r[12]) for r in rows]


def origin_names(conn: psycopg.Connection) -> dict[str, str]:
    names = dict(conn.execute("SELECT origin, name FROM origins"))
    names.update(conn.execute("SELECT device_id, name FROM devices"))
    return names
