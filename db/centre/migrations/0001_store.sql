-- The centre's store: every change of every device, as bundles carry them.
-- A change's identity is (origin, origin_seq) everywhere, so storing one twice is a no-op.
CREATE TABLE centre (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
    device_id text PRIMARY KEY,          -- the laptop's device id (its origin)
    name text NOT NULL,
    role_name text NOT NULL UNIQUE,      -- the PostgreSQL login role it connects with
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE TABLE changes (
    origin text NOT NULL,
    origin_seq bigint NOT NULL CHECK (origin_seq > 0),
    table_name text NOT NULL,
    record_id text NOT NULL,
    rev integer NOT NULL,
    op text NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'undelete')),
    vv jsonb NOT NULL,
    state jsonb NOT NULL,
    changed_at text NOT NULL,
    changed_by text,
    extra jsonb NOT NULL DEFAULT '{}'::jsonb,
    hash text,
    before_sha text,
    server_seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- arrival order on the server
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (origin, origin_seq)
);
CREATE INDEX changes_record ON changes (table_name, record_id);

-- Names of the devices whose changes the server holds (relayed origins included).
CREATE TABLE origins (
    origin text PRIMARY KEY,
    name text NOT NULL
);
