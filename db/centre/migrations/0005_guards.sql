-- Who may write what on the server (issue 31).
--
-- * Functions: PUBLIC may run none. A device runs only the four that its row-level security and
--   column defaults call (current_device, current_centre, current_scope, may_write) and
--   revoke_devices below; the portfolio is written only by the trigger on changes, as the owner.
--   Functions the owner creates later are not PUBLIC's either (default privileges): a later
--   migration grants what devices need, by name.
-- * SECURITY DEFINER functions search pg_temp last: PostgreSQL looks for tables in a session's
--   temporary schema first unless the search path names it, so a device could otherwise hide the
--   real devices or origins behind a temporary table of its own and pass for national. Devices may
--   not create temporary tables nor anything in the public schema anyway.
-- * A record belongs to the centre of the first change stored for it (record_centres). A change to
--   a record of another centre, a child record whose firm or assessment is another centre's, and a
--   merge tombstone pointing into another centre are refused (SQLSTATE RB001, DETAIL "table:id"),
--   whoever sends them: a device's push and the owner's relay of a bundle go through the same
--   trigger. A change whose origin belongs to no centre is refused too (RB002).
-- * The national login writes nothing: until now it could still rename its own origin.
-- * Devices see their own centre's devices (national: all), never the login roles.
-- * A centre's desktop may end the server login of devices of its own centre (revoke_devices):
--   NOLOGIN, revoked_at, and its open sessions terminated. The owner is made a member of every
--   device role so that it may terminate their sessions.

-- Functions ---------------------------------------------------------------------------------------
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA portfolio FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$ BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;

ALTER FUNCTION current_device() SET search_path = public, pg_temp;
ALTER FUNCTION current_centre() SET search_path = public, pg_temp;
ALTER FUNCTION current_scope() SET search_path = public, pg_temp;
ALTER FUNCTION may_write(text) SET search_path = public, pg_temp;
ALTER FUNCTION portfolio.project(changes) SET search_path = portfolio, public, pg_temp;
ALTER FUNCTION portfolio.on_change() SET search_path = portfolio, public, pg_temp;

-- Each record's centre ------------------------------------------------------------------------------
CREATE TABLE record_centres (
    table_name text NOT NULL,
    record_id text NOT NULL,
    centre_id text NOT NULL REFERENCES centre (id),
    PRIMARY KEY (table_name, record_id)
);
INSERT INTO record_centres (table_name, record_id, centre_id)
    SELECT DISTINCT ON (table_name, record_id) table_name, record_id, centre_id
    FROM changes WHERE centre_id IS NOT NULL
    ORDER BY table_name, record_id, server_seq;

-- Before a change is stored: stamp it with its origin's centre (whatever the sender says), fix the
-- centre of a record seen for the first time, and check that every record the change touches is that
-- centre's: the record, its firm or assessment, the firm a merge tombstone points into. A parent the
-- server has not seen yet is not checked (it may arrive later, from a laptop not synced yet).
-- One function, no nested calls: it runs for every change stored, and the benchmark measures it.
CREATE FUNCTION place_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    held text;
    parent text;
BEGIN
    NEW.centre_id := (SELECT o.centre_id FROM origins o WHERE o.origin = NEW.origin);
    IF NEW.centre_id IS NULL THEN
        RAISE EXCEPTION 'the origin % belongs to no centre', NEW.origin USING ERRCODE = 'RB002';
    END IF;
    SELECT r.centre_id INTO held FROM record_centres r
        WHERE r.table_name = NEW.table_name AND r.record_id = NEW.record_id;
    IF held IS NULL THEN
        INSERT INTO record_centres VALUES (NEW.table_name, NEW.record_id, NEW.centre_id)
            ON CONFLICT DO NOTHING RETURNING centre_id INTO held;
        IF held IS NULL THEN  -- two first changes of one record raced from two centres: the first won
            SELECT r.centre_id INTO held FROM record_centres r
                WHERE r.table_name = NEW.table_name AND r.record_id = NEW.record_id;
        END IF;
    END IF;
    IF held <> NEW.centre_id THEN
        RAISE EXCEPTION 'a change touches a record of another centre'
            USING ERRCODE = 'RB001', DETAIL = NEW.table_name || ':' || NEW.record_id;
    END IF;
    parent := NEW.state ->> 'firm_id';
    IF parent IS NOT NULL AND (SELECT r.centre_id FROM record_centres r
                               WHERE r.table_name = 'firms' AND r.record_id = parent) <> NEW.centre_id THEN
        RAISE EXCEPTION 'a change touches a record of another centre' USING ERRCODE = 'RB001', DETAIL = 'firms:' || parent;
    END IF;
    parent := NEW.state ->> 'assessment_id';
    IF parent IS NOT NULL AND (SELECT r.centre_id FROM record_centres r
                               WHERE r.table_name = 'assessments' AND r.record_id = parent) <> NEW.centre_id THEN
        RAISE EXCEPTION 'a change touches a record of another centre'
            USING ERRCODE = 'RB001', DETAIL = 'assessments:' || parent;
    END IF;
    parent := NEW.extra ->> 'merged_into';
    IF parent IS NOT NULL AND (SELECT r.centre_id FROM record_centres r
                               WHERE r.table_name = 'firms' AND r.record_id = parent) <> NEW.centre_id THEN
        RAISE EXCEPTION 'a change touches a record of another centre' USING ERRCODE = 'RB001', DETAIL = 'firms:' || parent;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER stamp_centre ON changes;
DROP FUNCTION stamp_centre();
CREATE TRIGGER place_change BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION place_change();

-- The national login writes nothing, not even the name of its own origin.
DROP POLICY rename_own ON origins;
CREATE POLICY rename_own ON origins FOR UPDATE TO rumbo_device USING (
    device_id = current_device() AND current_scope() = 'centre');

-- Devices: their own centre's, without login roles ----------------------------------------------------
ALTER TABLE devices ADD COLUMN kind text CHECK (kind IN ('laptop', 'centre'));  -- NULL: enrolled before 0005
REVOKE SELECT ON devices FROM rumbo_device;
GRANT SELECT (device_id, name, centre_id, scope, kind, enrolled_at, revoked_at) ON devices TO rumbo_device;
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_centre ON devices FOR SELECT TO rumbo_device USING (
    (SELECT current_scope()) = 'national' OR centre_id = (SELECT current_centre()));

-- Ending a device's login ------------------------------------------------------------------------------
-- The owner's (and revoke_devices') one way: revoked, NOLOGIN, and its sessions ended (again, if it
-- was revoked before: revocations before 0005 left sessions open). Returns whether it was still live.
CREATE FUNCTION end_login(d text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    r text;
    live boolean;
BEGIN
    SELECT role_name, revoked_at IS NULL INTO r, live FROM devices WHERE device_id = d;
    IF r IS NULL THEN
        RETURN false;
    END IF;
    UPDATE devices SET revoked_at = now() WHERE device_id = d AND revoked_at IS NULL;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', r);
        -- Wait (up to 5 s) until each session is gone, so that none is left behind.
        PERFORM pg_terminate_backend(a.pid, 5000) FROM pg_stat_activity a
            WHERE a.usename = r AND a.pid <> pg_backend_pid();
    END IF;
    RETURN live;
END
$$;

-- A centre's desktop (kind centre, scope centre) ends the login of devices of its own centre named by
-- ``ids``: their device ids or origins they write (a laptop restored from a backup writes under a new
-- id). Returns the names of the devices revoked; never the caller itself.
CREATE FUNCTION revoke_devices(ids text[]) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    me devices;
    d record;
BEGIN
    SELECT * INTO me FROM devices WHERE role_name = session_user AND revoked_at IS NULL;
    IF me.device_id IS NULL OR me.kind IS DISTINCT FROM 'centre' OR me.scope <> 'centre' THEN
        RAISE EXCEPTION 'only a centre''s desktop may revoke devices' USING ERRCODE = 'RB003';
    END IF;
    FOR d IN SELECT v.device_id, v.name FROM devices v
             WHERE v.centre_id = me.centre_id AND v.device_id <> me.device_id AND v.revoked_at IS NULL
               AND (v.device_id = ANY (ids)
                    OR v.device_id IN (SELECT o.device_id FROM origins o WHERE o.origin = ANY (ids)))
             ORDER BY v.name, v.device_id LOOP
        IF end_login(d.device_id) THEN
            RETURN NEXT d.name;
        END IF;
    END LOOP;
END
$$;

GRANT EXECUTE ON FUNCTION current_device(), current_centre(), current_scope(), may_write(text),
    revoke_devices(text[]) TO rumbo_device;

-- The owner may terminate the sessions of the devices enrolled before this migration.
DO $$
DECLARE
    r text;
BEGIN
    FOR r IN SELECT d.role_name FROM devices d JOIN pg_roles p ON p.rolname = d.role_name LOOP
        EXECUTE format('GRANT %I TO CURRENT_USER', r);
    END LOOP;
END $$;
