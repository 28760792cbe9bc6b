"""Numbered schema migrations, applied at start-up.

Each migration is a function registered, in order, on the sqlite-utils
``Migrations`` set ``rumbo``; sqlite-utils records the applied ones in
``_sqlite_migrations`` and runs each inside a transaction. Each migration
also stamps ``PRAGMA user_version`` with its number, so an older Rumbo can
tell that a file is newer than it understands (see ``db.connection``) without
knowing the newer migrations' names.

Never edit a released migration: add a new numbered one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("rumbo")

# Record metadata carried by every stored record (architecture: "Records").
_META = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT,
    updated_by TEXT,
    rev INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL,
    deleted_at TEXT
"""


def _run(db: Database, version: int, statements: list[str]) -> None:
    for sql in statements:
        db.execute(sql)
    db.execute(f"PRAGMA user_version = {int(version)}")


@MIGRATIONS(name="0001_core_tables")
def m0001_core_tables(db: Database) -> None:
    """Firms, people, assessments, settings, devices and the change log."""
    _run(db, 1, [
        """CREATE TABLE devices (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            is_local INTEGER NOT NULL DEFAULT 0,
            current_adviser_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # At most one row describes this database's own device.
        "CREATE UNIQUE INDEX devices_one_local ON devices(is_local) WHERE is_local = 1",
        f"""CREATE TABLE advisers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            centre TEXT,
            email TEXT,
            phone TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            {_META}
        )""",
        f"""CREATE TABLE firms (
            id TEXT PRIMARY KEY,
            legal_name TEXT NOT NULL,
            trade_name TEXT,
            tax_id TEXT,
            tax_id_type TEXT,
            country TEXT NOT NULL,
            department TEXT,
            municipality TEXT,
            address TEXT,
            sector_isic TEXT,
            year_founded INTEGER,
            legal_form TEXT,
            formal_registration INTEGER,
            employees_women INTEGER,
            employees_men INTEGER,
            employees INTEGER,
            currency TEXT NOT NULL DEFAULT 'USD',
            usd_rate TEXT NOT NULL DEFAULT '1',
            sales_amount TEXT,
            assets_amount TEXT,
            exports_amount TEXT,
            sales_usd INTEGER,
            assets_usd INTEGER,
            exports_usd INTEGER,
            owner_name TEXT,
            owner_gender TEXT CHECK (owner_gender IN ('F', 'M', 'X')),
            contact_name TEXT,
            contact_gender TEXT CHECK (contact_gender IN ('F', 'M', 'X')),
            phone TEXT,
            email TEXT,
            notes TEXT,
            adviser_id TEXT,
            size_class TEXT,
            stage TEXT,
            band TEXT,
            {_META}
        )""",
        "CREATE INDEX firms_tax_id ON firms(tax_id)",
        f"""CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            name TEXT NOT NULL,
            role TEXT,
            gender TEXT CHECK (gender IN ('F', 'M', 'X')),
            phone TEXT,
            email TEXT,
            notes TEXT,
            {_META}
        )""",
        "CREATE INDEX contacts_firm ON contacts(firm_id)",
        f"""CREATE TABLE assessments (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            adviser_id TEXT,
            questionnaire_id TEXT NOT NULL,
            questionnaire_version TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
            started_at TEXT NOT NULL,
            completed_at TEXT,
            result TEXT,
            readiness_index REAL,
            band TEXT,
            stage TEXT,
            profile TEXT,
            {_META}
        )""",
        "CREATE INDEX assessments_firm ON assessments(firm_id, status, completed_at)",
        f"""CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            question_id TEXT NOT NULL,
            value TEXT,
            special TEXT CHECK (special IN ('no_sabe', 'no_aplica', 'prefiere_no_responder')),
            evidence TEXT CHECK (evidence IN ('declarado', 'documento')),
            note TEXT,
            {_META},
            UNIQUE (assessment_id, question_id)
        )""",
        f"""CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            assessment_id TEXT REFERENCES assessments(id),
            body TEXT NOT NULL,
            {_META}
        )""",
        "CREATE INDEX notes_firm ON notes(firm_id)",
        f"""CREATE TABLE settings (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            value TEXT,
            {_META}
        )""",
        """CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY,
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            rev INTEGER NOT NULL,
            origin TEXT NOT NULL,
            origin_seq INTEGER NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'undelete', 'purge')),
            before TEXT,
            after TEXT,
            changed_at TEXT NOT NULL,
            changed_by TEXT,
            UNIQUE (origin, origin_seq)
        )""",
        "CREATE INDEX change_log_record ON change_log(table_name, record_id, seq)",
    ])


# Columns the firm list sorts by; each index ends with id, the tie-breaker,
# so ORDER BY col, id walks the index with no temporary sort.
SORT_INDEXES = {
    "legal_name": "legal_name COLLATE NOCASE, id",
    "trade_name": "trade_name COLLATE NOCASE, id",
    "country": "country, id",
    "municipality": "municipality COLLATE NOCASE, id",
    "size_class": "size_class, id",
    "sector_isic": "sector_isic, id",
    "employees": "employees, id",
    "sales_usd": "sales_usd, id",
    "updated_at": "updated_at, id",
}


@MIGRATIONS(name="0002_firm_search")
def m0002_firm_search(db: Database) -> None:
    """Indexes for the firm list and an FTS5 index over names, tax id and place.

    The FTS rows are keyed by ``firms_fts_key.n``, a stable integer per firm:
    the firms table's own rowid may change on VACUUM (its key is text), which
    would silently detach an external-content index.
    """
    statements = [f"CREATE INDEX firms_sort_{name} ON firms({cols})" for name, cols in SORT_INDEXES.items()]
    statements += [
        "CREATE INDEX firms_filter_adviser ON firms(adviser_id)",
        "CREATE INDEX firms_filter_stage ON firms(stage)",
        "CREATE INDEX firms_filter_band ON firms(band)",
        "CREATE TABLE firms_fts_key (n INTEGER PRIMARY KEY, firm_id TEXT NOT NULL UNIQUE)",
        """CREATE VIRTUAL TABLE firms_fts USING fts5(
            legal_name, trade_name, tax_id, municipality, people,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        )""",
        # Bulk inserts (db.firms.insert_firms) set bulk = 1 inside their
        # transaction and index all new rows at once with INSERT ... SELECT,
        # several times faster than one FTS insert per row.
        "CREATE TABLE firms_fts_control (id INTEGER PRIMARY KEY CHECK (id = 1), bulk INTEGER NOT NULL)",
        "INSERT INTO firms_fts_control (id, bulk) VALUES (1, 0)",
        f"""CREATE TRIGGER firms_fts_insert AFTER INSERT ON firms
            WHEN (SELECT bulk FROM firms_fts_control) = 0
        BEGIN
            INSERT OR IGNORE INTO firms_fts_key(firm_id) VALUES (new.id);
            INSERT INTO firms_fts(rowid, legal_name, trade_name, tax_id, municipality, people)
            VALUES ((SELECT n FROM firms_fts_key WHERE firm_id = new.id), {fts_values('new')});
        END""",
        f"""CREATE TRIGGER firms_fts_update
            AFTER UPDATE OF legal_name, trade_name, tax_id, municipality, owner_name, contact_name ON firms
        BEGIN
            DELETE FROM firms_fts WHERE rowid = (SELECT n FROM firms_fts_key WHERE firm_id = old.id);
            INSERT INTO firms_fts(rowid, legal_name, trade_name, tax_id, municipality, people)
            VALUES ((SELECT n FROM firms_fts_key WHERE firm_id = new.id), {fts_values('new')});
        END""",
        """CREATE TRIGGER firms_fts_delete AFTER DELETE ON firms BEGIN
            DELETE FROM firms_fts WHERE rowid = (SELECT n FROM firms_fts_key WHERE firm_id = old.id);
            DELETE FROM firms_fts_key WHERE firm_id = old.id;
        END""",
        # Firms written under schema 1 get their search rows now.
        "INSERT INTO firms_fts_key(firm_id) SELECT id FROM firms ORDER BY id",
        f"""INSERT INTO firms_fts(rowid, legal_name, trade_name, tax_id, municipality, people)
            SELECT k.n, {fts_values('f')} FROM firms f JOIN firms_fts_key k ON k.firm_id = f.id""",
    ]
    _run(db, 2, statements)


def fts_values(alias: str) -> str:
    a = alias
    return (
        f"{a}.legal_name, {a}.trade_name, {a}.tax_id, {a}.municipality, "
        f"trim(coalesce({a}.owner_name, '') || ' ' || coalesce({a}.contact_name, ''))"
    )


# Indexes of migration 0003: each sort column (ending with id, the tie-breaker),
# plus id alone, which answers "is this firm live?" without reading the row.
LIVE_INDEXES = {**SORT_INDEXES, "id": "id"}


@MIGRATIONS(name="0003_live_firm_indexes")
def m0003_live_firm_indexes(db: Database) -> None:
    """Partial indexes over live firms only (``deleted_at IS NULL``) for the firm list.

    The list always filters out tombstoned firms; with the deleted check
    inside the index, counting, paging to the end and searching read the
    index alone instead of a whole firm row per entry (at 100,000 firms:
    jumping to the last page 270 ms -> 7 ms, counting a country 50 -> 2 ms).
    They replace the full sort indexes of 0002, so writes maintain no more
    indexes than before; lists that include deleted firms (rare) sort
    without an index.

    Only indexes change, which an older Rumbo reads and writes correctly, so
    ``user_version`` is left as it is.
    """
    for name in SORT_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS firms_sort_{name}")
    for name, cols in LIVE_INDEXES.items():
        db.execute(f"CREATE INDEX firms_live_{name} ON firms({cols}) WHERE deleted_at IS NULL")


@MIGRATIONS(name="0004_search_prefix_one_letter")
def m0004_search_prefix_one_letter(db: Database) -> None:
    """Search index with one-letter prefixes, and an index of tombstoned firm ids.

    Typing a single letter matches about half of all firms; without a
    one-letter prefix index FTS5 merges the lists of every word starting with
    that letter. The table is rebuilt with ``prefix = '1 2 3'`` from its own
    stored text (same columns, same rowids = ``firms_fts_key.n``), so the
    triggers of 0002 and the bulk insert of ``db.firms`` keep working as they
    are. The partial index ``firms_deleted_id`` lets a search drop tombstoned
    firms from its hits without reading every firm row.

    Neither change alters what an older Rumbo reads or writes, so
    ``user_version`` is left as it is.
    """
    db.execute("CREATE TEMP TABLE firms_fts_copy AS "
               "SELECT rowid AS n, legal_name, trade_name, tax_id, municipality, people FROM firms_fts")
    # The 0002 triggers name firms_fts and are resolved when they run, so they
    # survive the table being dropped and created again under the same name.
    db.execute("DROP TABLE firms_fts")
    db.execute("""CREATE VIRTUAL TABLE firms_fts USING fts5(
            legal_name, trade_name, tax_id, municipality, people,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
        )""")
    db.execute("INSERT INTO firms_fts (rowid, legal_name, trade_name, tax_id, municipality, people) "
               "SELECT n, legal_name, trade_name, tax_id, municipality, people FROM temp.firms_fts_copy ORDER BY n")
    db.execute("DROP TABLE temp.firms_fts_copy")
    db.execute("CREATE INDEX firms_deleted_id ON firms(id) WHERE deleted_at IS NOT NULL")


# Rumbo's mark in the SQLite header (``PRAGMA application_id``): the bytes "RMBO". A file
# with another program's mark, or none and no Rumbo migrations table, is not ours.
APPLICATION_ID = 0x524D424F


@MIGRATIONS(name="0005_origin_home_and_application_id")
def m0005_origin_home_and_application_id(db: Database) -> None:
    """Where this database's origin lives, retired origins, and Rumbo's mark in the file header.

    ``devices.home`` is "<host>\\n<absolute path>" of the file the local origin writes to;
    a backup copy carries ``'copia'`` instead. A file opened elsewhere (copied to another
    laptop or folder) or a backup put back in place therefore no longer matches, and the
    database takes a new origin before its first write, so no (origin, sequence number)
    is ever handed out twice (see ``db.connection``). ``devices.retired_at`` marks this
    database's earlier origins: their changes are still its own to send.
    """
    _run(db, 3, [
        "ALTER TABLE devices ADD COLUMN home TEXT",
        "ALTER TABLE devices ADD COLUMN retired_at TEXT",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ])


ROLES = ("adviser", "coordinator", "administrator")


@MIGRATIONS(name="0006_adviser_roles_and_logins")
def m0006_adviser_roles_and_logins(db: Database) -> None:
    """Who may do what (issue 16): each adviser's role and sign-in name.

    ``role`` is one of :data:`ROLES`: an adviser edits the centre's firms; a coordinator also
    resolves sync conflicts and merges, changes settings and purges; an administrator also
    manages advisers and keys. Whoever sets up sign-in on a database becomes its administrator
    (a logged change, so it travels like any other). ``login`` is the name typed to sign in.
    """
    _run(db, 4, [
        "ALTER TABLE advisers ADD COLUMN role TEXT NOT NULL DEFAULT 'adviser'",
        "ALTER TABLE advisers ADD COLUMN login TEXT",
    ])


@MIGRATIONS(name="0007_change_log_chain")
def m0007_change_log_chain(db: Database) -> None:
    """The hash chain of the history (issue 16): one link per change-log entry.

    ``hash`` is written just before each transaction commits (``db.chain.seal``);
    entries of this database from before the chain are sealed when it next opens
    for writing. The partial index finds the unsealed ones without a scan. The
    version goes up because an older Rumbo would write entries without links,
    which a check then reports as broken.
    """
    _run(db, 5, [
        "ALTER TABLE change_log ADD COLUMN hash TEXT",
        "CREATE INDEX change_log_unsealed ON change_log(origin, origin_seq) WHERE hash IS NULL",
    ])


# The advisory record (issue 15): the values each coded field may take. Released migrations
# keep their own copy (never edit a migration); the domain's lists must match these.
SESSION_MODES = ("visita", "oficina", "telefono", "video")
PLAN_OWNERS = ("empresa", "centro")
PLAN_STATUSES = ("pendiente", "en_curso", "hecho", "descartado")
MILESTONE_KINDS = ("empleo", "ventas", "exportacion", "financiamiento", "formalizacion", "certificacion")
EVIDENCE_LEVELS = ("declarado", "documento", "firmado")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


@MIGRATIONS(name="0008_advisory_record")
def m0008_advisory_record(db: Database) -> None:
    """Sessions of advice, the followed action plan and verified impact (issue 15).

    All three are records (they sync, merge with their firm and keep their history).
    ``advisory_sessions.topics`` is a JSON list of instrument-family and instrument ids.
    A plan item comes from one recommendation of an assessment (``source_key``) and
    targets one dimension; a milestone carries its own baseline (the firm's figure at
    intake), its evidence level and who verified it. Amounts are kept as typed (text, in
    ``currency``) with their value in US dollars beside them.
    """
    _run(db, 6, [
        f"""CREATE TABLE advisory_sessions (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            adviser_id TEXT,
            held_on TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
            mode TEXT NOT NULL CHECK (mode IN ({_in(SESSION_MODES)})),
            topics TEXT,
            notes TEXT,
            next_step TEXT,
            programme TEXT,
            {_META}
        )""",
        "CREATE INDEX advisory_sessions_firm ON advisory_sessions(firm_id, held_on)",
        "CREATE INDEX advisory_sessions_day ON advisory_sessions(held_on)",
        f"""CREATE TABLE plan_items (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            assessment_id TEXT REFERENCES assessments(id),
            source_key TEXT,
            title TEXT NOT NULL,
            family TEXT,
            dimension TEXT,
            owner TEXT NOT NULL CHECK (owner IN ({_in(PLAN_OWNERS)})),
            due_on TEXT,
            status TEXT NOT NULL DEFAULT 'pendiente' CHECK (status IN ({_in(PLAN_STATUSES)})),
            status_on TEXT,
            drop_reason TEXT,
            {_META}
        )""",
        "CREATE INDEX plan_items_firm ON plan_items(firm_id, status)",
        f"""CREATE TABLE impact_milestones (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            kind TEXT NOT NULL CHECK (kind IN ({_in(MILESTONE_KINDS)})),
            occurred_on TEXT NOT NULL,
            period TEXT NOT NULL,
            jobs_women INTEGER CHECK (jobs_women >= 0),
            jobs_men INTEGER CHECK (jobs_men >= 0),
            amount TEXT,
            currency TEXT,
            amount_usd INTEGER CHECK (amount_usd >= 0),
            baseline_usd INTEGER,
            baseline_jobs INTEGER,
            markets TEXT,
            source TEXT,
            instrument TEXT,
            description TEXT,
            evidence TEXT NOT NULL CHECK (evidence IN ({_in(EVIDENCE_LEVELS)})),
            verified_by TEXT,
            verified_on TEXT,
            programme TEXT,
            {_META}
        )""",
        "CREATE INDEX impact_milestones_firm ON impact_milestones(firm_id, kind, period)",
        "CREATE INDEX impact_milestones_day ON impact_milestones(occurred_on)",
    ])


@MIGRATIONS(name="0009_size_definitions")
def m0009_size_definitions(db: Database) -> None:
    """Size under the law in force beside the study's table (issue 35).

    Firms keep, beside ``size_class`` (the study's table), the rulebook that gave it
    (``size_rulebook``, "id@version") and the class under the law in force:
    ``size_law_class`` (the study's class when no law is loaded for the country, so a
    list by law never goes blank), ``size_law_subclass`` and ``size_law_rulebook``
    ("id@version" of the law; NULL when the study's class stood in). Existing firms
    start with the study's class there until a coordinator re-classifies.

    ``size_definitions`` holds the law rulebooks and minimum-wage tables a centre
    imported (the JSON as read, checked), and ``size_reclassifications`` each explicit
    re-classification with every firm's classes before and after, so it can be undone.
    Both are records: they sync to the centre's laptops and keep their history.
    """
    _run(db, 7, [
        "ALTER TABLE firms ADD COLUMN size_rulebook TEXT",
        "ALTER TABLE firms ADD COLUMN size_law_class TEXT",
        "ALTER TABLE firms ADD COLUMN size_law_subclass TEXT",
        "ALTER TABLE firms ADD COLUMN size_law_rulebook TEXT",
        "UPDATE firms SET size_law_class = size_class",
        # Sorting and filtering the list by the law's class walks this index as 0003's do.
        "CREATE INDEX firms_live_size_law_class ON firms(size_law_class, id) WHERE deleted_at IS NULL",
        f"""CREATE TABLE size_definitions (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('law', 'minimum_wage')),
            def_id TEXT NOT NULL,
            version TEXT NOT NULL,
            country TEXT NOT NULL,
            body TEXT NOT NULL,
            file_name TEXT,
            {_META}
        )""",
        "CREATE INDEX size_definitions_ref ON size_definitions(kind, def_id, version)",
        f"""CREATE TABLE size_reclassifications (
            id TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            changes TEXT NOT NULL,
            undone_at TEXT,
            {_META}
        )""",
    ])


@MIGRATIONS(name="0010_programme_directory")
def m0010_programme_directory(db: Database) -> None:
    """The centre's programme directory (issue 39): today's support offer, with whom to call.

    One row per programme the centre keeps current: who runs it, where, which instrument
    family and instruments of the catalogue it serves, whom it is for (sizes, sector types
    and stages as JSON lists of the assessment's codes, empty = any; formal registration
    required or not; other requirements in plain words), whom to contact, the dates it is
    valid and the day someone last checked it with the institution, and where the facts come
    from. A record: it syncs to the centre's laptops and keeps its history.
    """
    _run(db, 8, [
        f"""CREATE TABLE centre_programmes (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            institution TEXT NOT NULL,
            country TEXT NOT NULL,
            territory TEXT,
            family TEXT NOT NULL,
            instruments TEXT,
            sizes TEXT,
            sectors TEXT,
            stages TEXT,
            requires_registration INTEGER NOT NULL DEFAULT 0,
            eligibility TEXT,
            contact_name TEXT,
            phone TEXT,
            email TEXT,
            web TEXT,
            valid_from TEXT,
            valid_to TEXT,
            checked_on TEXT,
            source TEXT,
            {_META}
        )""",
        "CREATE INDEX centre_programmes_country ON centre_programmes(country, family)",
    ])


# Issue 37: who does a plan item, the stages of a milestone, the documents that can back one.
MILESTONE_STAGES = ("declarado", "documentado", "verificado")
MAX_MINUTES = 24 * 60


@MIGRATIONS(name="0011_advisory_loop")
def m0011_advisory_loop(db: Database) -> None:
    """The advisory loop a funder audits (issue 37).

    * ``advisory_sessions``: minutes of preparation and of travel, counted apart from the
      session itself (as SBDC networks report them).
    * ``plan_items``: the adviser in charge (``owner_adviser_id``, when the centre does it),
      the plan's order (``priority``, lowest first; items of older plans have none and keep
      the order they were made in) and the session whose next step became the item
      (``session_id``).
    * ``impact_milestones``: its ``stage`` — declared by the firm, documented (a document seen,
      with who saw it, when, its kind and reference) or verified by a second person (a
      coordinator who is not its author: ``verified_by``/``verified_on`` from now on). A
      document attached to the record (``document_id``) comes with the documents themselves.

    Only new columns are filled: a milestone of an earlier Rumbo whose evidence was more than
    the firm's word becomes documented, by the adviser who recorded that evidence. Rows written
    by an older device later have no stage; readers take it from the evidence the same way.
    """
    stages = _in(MILESTONE_STAGES)
    _run(db, 9, [
        f"ALTER TABLE advisory_sessions ADD COLUMN prep_minutes INTEGER "
        f"CHECK (prep_minutes BETWEEN 0 AND {MAX_MINUTES})",
        f"ALTER TABLE advisory_sessions ADD COLUMN travel_minutes INTEGER "
        f"CHECK (travel_minutes BETWEEN 0 AND {MAX_MINUTES})",
        "ALTER TABLE plan_items ADD COLUMN owner_adviser_id TEXT",
        "ALTER TABLE plan_items ADD COLUMN priority INTEGER",
        "ALTER TABLE plan_items ADD COLUMN session_id TEXT",
        "CREATE INDEX plan_items_due ON plan_items(due_on) WHERE deleted_at IS NULL "
        "AND status IN ('pendiente', 'en_curso')",
        f"ALTER TABLE impact_milestones ADD COLUMN stage TEXT CHECK (stage IN ({stages}))",
        "ALTER TABLE impact_milestones ADD COLUMN document_seen INTEGER",
        "ALTER TABLE impact_milestones ADD COLUMN document_kind TEXT",
        "ALTER TABLE impact_milestones ADD COLUMN document_ref TEXT",
        "ALTER TABLE impact_milestones ADD COLUMN document_id TEXT",
        "ALTER TABLE impact_milestones ADD COLUMN documented_by TEXT",
        "ALTER TABLE impact_milestones ADD COLUMN documented_on TEXT",
        "UPDATE impact_milestones SET stage = 'declarado' WHERE evidence = 'declarado'",
        "UPDATE impact_milestones SET stage = 'documentado', document_seen = 1, documented_by = verified_by, "
        "documented_on = verified_on WHERE evidence <> 'declarado'",
    ])


# The schema version this code writes and understands.
SCHEMA_VERSION = 9  # the user_version of the last migration that changed tables (0003, 0004 only index)

# Tables whose rows follow the record model and are written through db.records.
RECORD_TABLES = ("firms", "advisers", "contacts", "assessments", "answers", "notes", "settings",
                 "advisory_sessions", "plan_items", "impact_milestones", "size_definitions",
                 "size_reclassifications", "centre_programmes")
