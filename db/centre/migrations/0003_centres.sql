-- Several centres in one database, each device in one centre or national; origins bound to devices.
--
-- * A centre's device reads the changes of its centre's origins; a national coordinator's device
--   reads every centre's. An origin belongs to one centre, so a device always receives an origin's
--   history whole (its chain of hashes stays checkable).
-- * A device writes only the origins bound to it: its own id, and any id it takes later (a laptop
--   restored from a backup goes on under a new id with the same credentials). A national device
--   reads only: a decision on a firm is taken in the firm's centre.
-- * Every check is the server's: functions keyed by session_user, row-level security, column grants.
ALTER TABLE centre ADD COLUMN country text;

ALTER TABLE devices ADD COLUMN centre_id text REFERENCES centre (id);
ALTER TABLE devices ADD COLUMN scope text NOT NULL DEFAULT 'centre' CHECK (scope IN ('centre', 'national'));
UPDATE devices SET centre_id = (SELECT id FROM centre ORDER BY created_at, id LIMIT 1);

CREATE FUNCTION current_centre() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT centre_id FROM devices WHERE role_name = session_user AND revoked_at IS NULL $$;

CREATE FUNCTION current_scope() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT scope FROM devices WHERE role_name = session_user AND revoked_at IS NULL $$;

-- Who writes each origin and which centre it belongs to. A device adds its own origins (the
-- defaults fill the binding from its login); the owner adds relayed ones (a bundle applied here).
ALTER TABLE origins ADD COLUMN device_id text REFERENCES devices (device_id);
ALTER TABLE origins ADD COLUMN centre_id text REFERENCES centre (id);
UPDATE origins o SET device_id = d.device_id, centre_id = d.centre_id FROM devices d WHERE d.device_id = o.origin;
INSERT INTO origins (origin, name, device_id, centre_id)
    SELECT device_id, name, device_id, centre_id FROM devices
    ON CONFLICT (origin) DO UPDATE SET device_id = excluded.device_id, centre_id = excluded.centre_id;
UPDATE origins SET centre_id = (SELECT id FROM centre ORDER BY created_at, id LIMIT 1) WHERE centre_id IS NULL;
ALTER TABLE origins ALTER COLUMN device_id SET DEFAULT current_device();
ALTER TABLE origins ALTER COLUMN centre_id SET DEFAULT current_centre();

CREATE FUNCTION may_write(o text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT EXISTS (SELECT 1 FROM origins WHERE origin = o AND device_id = current_device())
          AND current_scope() = 'centre' $$;

-- A change belongs to its origin's centre, set by the server whatever the sender says.
ALTER TABLE changes ADD COLUMN centre_id text;
UPDATE changes c SET centre_id = o.centre_id FROM origins o WHERE o.origin = c.origin;
CREATE INDEX changes_centre ON changes (centre_id, server_seq);

CREATE FUNCTION stamp_centre() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$ BEGIN
    NEW.centre_id := (SELECT centre_id FROM origins WHERE origin = NEW.origin);
    RETURN NEW;
END $$;
CREATE TRIGGER stamp_centre BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION stamp_centre();

GRANT EXECUTE ON FUNCTION current_centre(), current_scope(), may_write(text) TO rumbo_device;
REVOKE INSERT, UPDATE ON origins FROM rumbo_device;
GRANT INSERT (origin, name), UPDATE (name) ON origins TO rumbo_device;

-- The sub-selects are evaluated once per query, not once per row.
DROP POLICY read_all ON changes;
CREATE POLICY read_centre ON changes FOR SELECT TO rumbo_device USING (
    (SELECT current_scope()) = 'national' OR centre_id = (SELECT current_centre()));
DROP POLICY add_own ON changes;
CREATE POLICY add_own ON changes FOR INSERT TO rumbo_device WITH CHECK (may_write(origin));
DROP POLICY name_own ON origins;
CREATE POLICY name_own ON origins FOR INSERT TO rumbo_device WITH CHECK (
    device_id = current_device() AND current_scope() = 'centre');
DROP POLICY rename_own ON origins;
CREATE POLICY rename_own ON origins FOR UPDATE TO rumbo_device USING (device_id = current_device());
DROP POLICY read_names ON origins;
CREATE POLICY read_names ON origins FOR SELECT TO rumbo_device USING (
    (SELECT current_scope()) = 'national' OR centre_id = (SELECT current_centre()));
