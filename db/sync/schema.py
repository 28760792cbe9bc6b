"""Schema for field bundles: peers, the replication log, concurrent versions,
conflicts, merges and bundle history.

These tables belong to the sync layer (:mod:`db.sync.exchange`), so they live in their
own sqlite-utils migration set, ``rumbo_sync``, recorded in the same
``_sqlite_migrations`` table as the core set. :func:`apply_sync_migrations`
is idempotent and cheap (one read when nothing is pending): ``open_storage``
applies it on every open, and the sync entry points call it again, which
then does nothing (it still covers a Storage opened with ``migrate=False``).

Never edit a released migration: add a new one to this set.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

SYNC_MIGRATIONS = Migrations("rumbo_sync")


@SYNC_MIGRATIONS(name="0001_sync_tables")
def m0001_sync_tables(db: Database) -> None:
    """Create the sync tables (see the comments on each)."""
    for sql in (
        # This database's role; the default peer of a laptop is the centre.
        """CREATE TABLE sync_local (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            role TEXT NOT NULL DEFAULT 'laptop' CHECK (role IN ('laptop', 'centre'))
        )""",
        "INSERT INTO sync_local (id, role) VALUES (1, 'laptop')",
        # Every other device we have heard of. ``known`` is the version vector
        # (origin -> highest sequence number) the device told us it holds, in
        # the manifest of a bundle it wrote: only that is trusted as received.
        # ``sent`` is what we last put in a bundle for it (shown, not relied on).
        """CREATE TABLE sync_peers (
            device_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT,
            known TEXT NOT NULL DEFAULT '{}',
            sent TEXT NOT NULL DEFAULT '{}',
            first_seen_at TEXT NOT NULL,
            last_received_at TEXT,
            last_sent_at TEXT
        )""",
        # The replication log: every change this database holds (its own,
        # captured from change_log, and every change received), exactly as a
        # bundle carries it, with the record version vector after the change.
        """CREATE TABLE sync_changes (
            n INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            rev INTEGER NOT NULL,
            op TEXT NOT NULL,
            vv TEXT NOT NULL,
            state TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            stored_at TEXT NOT NULL,
            UNIQUE (origin, origin_seq)
        )""",
        "CREATE INDEX sync_changes_record ON sync_changes(table_name, record_id)",
        # Versions of a record concurrent with the one in its table: kept, never
        # overwritten, until a change that includes them all arrives or is made.
        """CREATE TABLE sync_heads (
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            PRIMARY KEY (table_name, record_id, origin, origin_seq)
        )""",
        # Conflicts shown to advisers: concurrent edits of one record ("edit")
        # or one firm registered twice ("duplicate", other_id the second firm).
        """CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'duplicate')),
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            other_id TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'superseded')),
            detected_at TEXT NOT NULL,
            bundle_id TEXT,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT
        )""",
        "CREATE UNIQUE INDEX sync_conflicts_one_open ON sync_conflicts(kind, table_name, record_id, coalesce(other_id, '')) WHERE status = 'open'",
        # A firm merged into another: its tombstone points at the survivor.
        """CREATE TABLE sync_merges (
            from_id TEXT PRIMARY KEY,
            into_id TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            merged_by TEXT
        )""",
        # Bundles written and applied here.
        """CREATE TABLE sync_bundles (
            id TEXT PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
            file_name TEXT NOT NULL,
            peer_id TEXT,
            peer_name TEXT,
            bundle_created_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            changes INTEGER NOT NULL,
            applied INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            counts TEXT NOT NULL DEFAULT '{}',
            sha256 TEXT NOT NULL
        )""",
        "CREATE INDEX sync_bundles_time ON sync_bundles(recorded_at)",
    ):
        db.execute(sql)


@SYNC_MIGRATIONS(name="0002_distinct_firms")
def m0002_distinct_firms(db: Database) -> None:
    """Pairs of firms an adviser declared different: never offered as duplicates again.

    The decision travels in bundles (``extra.distinct_from`` on the firms' changes),
    so every device that receives it stops asking too.
    """
    db.execute(
        """CREATE TABLE sync_distinct (
            first_id TEXT NOT NULL,
            second_id TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            decided_by TEXT,
            PRIMARY KEY (first_id, second_id),
            CHECK (first_id < second_id)
        )"""
    )


@SYNC_MIGRATIONS(name="0003_device_keys")
def m0003_device_keys(db: Database) -> None:
    """This device's key pairs, the devices a coordinator enrolled, and which key each peer signs with.

    The keys are made here, once per database (at its first opening, or at the first
    opening of an older file by this Rumbo); see :mod:`db.sync.keys`.
    """
    from db.clock import now_iso
    from db.sync.keys import LocalKeys

    for sql in (
        # Private keys: the Ed25519 signing seed and the X25519 secret, 32 bytes each.
        """CREATE TABLE sync_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            signing_seed BLOB NOT NULL CHECK (length(signing_seed) = 32),
            encryption_secret BLOB NOT NULL CHECK (length(encryption_secret) = 32),
            created_at TEXT NOT NULL
        )""",
        # Devices whose bundles are accepted (and that bundles may be written for), one row per
        # signing key: a copied or restored file keeps its keys under a new device id.
        """CREATE TABLE sync_trusted (
            signing_key BLOB PRIMARY KEY CHECK (length(signing_key) = 32),
            encryption_key BLOB NOT NULL CHECK (length(encryption_key) = 32),
            device_id TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT,
            fingerprint TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            enrolled_by TEXT,
            revoked_at TEXT,
            revoked_by TEXT
        )""",
        "CREATE INDEX sync_trusted_device ON sync_trusted(device_id)",
        # The signing key a peer's bundles (or its enrolment card) carried: how a peer under a
        # new id (a restored file) is known to be a device enrolled under its earlier id.
        "ALTER TABLE sync_peers ADD COLUMN signing_key BLOB",
    ):
        db.execute(sql)
    keys = LocalKeys.generate()
    db.execute("INSERT INTO sync_keys (id, signing_seed, encryption_secret, created_at) VALUES (1, ?, ?, ?)",
               (keys.signing_seed, keys.encryption_secret, now_iso()))


@SYNC_MIGRATIONS(name="0004_change_links")
def m0004_change_links(db: Database) -> None:
    """Each change's link in its origin's hash chain, as bundles carry it (see ``db.chain``).

    ``hash`` is the origin's link for the change and ``before_sha`` the digest of the record
    before it, which the receiver needs to recompute the link (it never sees the record as
    the origin held it). Changes received before chains existed keep both empty.
    """
    db.execute("ALTER TABLE sync_changes ADD COLUMN hash TEXT")
    db.execute("ALTER TABLE sync_changes ADD COLUMN before_sha TEXT")


@SYNC_MIGRATIONS(name="0005_centre_server")
def m0005_centre_server(db: Database) -> None:
    """The centre's server this device syncs with (issue 17), kept on this device only.

    ``server_url`` holds the device's own credentials (the file is encrypted at rest);
    ``server_synced_at`` and ``server_result`` are what the Sincronización screen shows.
    """
    for column in ("server_url", "server_synced_at", "server_result"):
        db.execute(f"ALTER TABLE sync_local ADD COLUMN {column} TEXT")


# Client data: firms and what hangs from them (the tables a national device never writes).
CLIENT_TABLES = ("firms", "contacts", "notes", "assessments", "answers", "advisory_sessions", "plan_items",
                 "impact_milestones")
# The text of the refusal, which db.errors turns into the user's sentence (kind "national").
NATIONAL_REFUSAL = "rumbo: a national device writes no client data"


@SYNC_MIGRATIONS(name="0006_server_scope")
def m0006_server_scope(db: Database) -> None:
    """How this device is enrolled on the centre's server (issue 31): ``centre`` or ``national``.

    A national coordinator's device reads every centre on the server and writes nothing there
    (``rumbo sync`` never pushes its changes), so it must not write client data here either,
    or what is typed on it would be lost without a word: see :func:`guard_national`.
    """
    db.execute("ALTER TABLE sync_local ADD COLUMN server_scope TEXT CHECK (server_scope IN ('centre', 'national'))")


def guard_national(conn, national: bool) -> None:
    """Refuse (``national``) or allow again local writes of client data, inside the caller's transaction.

    The refusal is a trigger on the change log, the one place every local write of a record
    passes (``db.records``, conflict resolutions, merges, bulk imports, demo data): a change of
    this device's current origin to a firm or to what hangs from one aborts with its whole
    transaction. Changes pulled from the server or read from a bundle carry other origins and
    apply; advisers and settings (sign-in, the device's own configuration) stay writable. The
    trigger exists only on a national device, so the others' bulk writes pay nothing for it.
    """
    conn.execute("DROP TRIGGER IF EXISTS national_reads_only")
    if national:
        tables = ", ".join(f"'{t}'" for t in CLIENT_TABLES)
        conn.execute(f"""CREATE TRIGGER national_reads_only BEFORE INSERT ON change_log
            WHEN NEW.table_name IN ({tables}) AND NEW.origin = (SELECT id FROM devices WHERE is_local = 1)
            BEGIN SELECT RAISE(ABORT, '{NATIONAL_REFUSAL}'); END""")


@SYNC_MIGRATIONS(name="0007_authority_and_attestations")
def m0007_authority_and_attestations(db: Database) -> None:
    """Issue 31: authority claims not taken here, and what each origin signed of its history.

    ``sync_authority_refused``: another device's version of an adviser carried a role, sign-in
    or active flag other than this database's; the record was stored with this database's
    values (``db.sync.authority``) and the claim is kept here, once per change.

    ``sync_origins``: per origin (a device id, current or retired), the Ed25519 key that signs
    its history and the latest head of that history it signed (sequence number, link, signature),
    so that changes relayed for another device carry that device's own proof (``db.sync.attest``).
    """
    for sql in (
        """CREATE TABLE sync_authority_refused (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            claimed TEXT NOT NULL,
            changed_by TEXT,
            changed_at TEXT NOT NULL,
            refused_at TEXT NOT NULL,
            UNIQUE (origin, origin_seq)
        )""",
        """CREATE TABLE sync_origins (
            origin TEXT PRIMARY KEY,
            signing_key BLOB NOT NULL,
            head_seq INTEGER,
            head_hash TEXT,
            signature BLOB,
            learned_from TEXT,
            learned_at TEXT NOT NULL
        )""",
    ):
        db.execute(sql)


def apply_sync_migrations(db: Database) -> None:
    """Create or upgrade the sync tables (a no-op when they are current)."""
    if SYNC_MIGRATIONS.pending(db):
        SYNC_MIGRATIONS.apply(db)

