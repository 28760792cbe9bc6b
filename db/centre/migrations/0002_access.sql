-- Access: a device connects with its own login role, a member of rumbo_device; it reads every
-- change and may add only changes of its own origin. Row-level security enforces it in the server.
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rumbo_device') THEN
        CREATE ROLE rumbo_device NOLOGIN;
    END IF;
END $$;

CREATE FUNCTION current_device() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT device_id FROM devices WHERE role_name = session_user AND revoked_at IS NULL $$;

GRANT SELECT ON schema_migrations, centre, devices, origins TO rumbo_device;
GRANT SELECT, INSERT ON changes TO rumbo_device;
GRANT INSERT, UPDATE ON origins TO rumbo_device;
GRANT EXECUTE ON FUNCTION current_device() TO rumbo_device;

ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON changes FOR SELECT TO rumbo_device USING (current_device() IS NOT NULL);
CREATE POLICY add_own ON changes FOR INSERT TO rumbo_device WITH CHECK (origin = current_device());
ALTER TABLE origins ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_names ON origins FOR SELECT TO rumbo_device USING (true);
CREATE POLICY name_own ON origins FOR INSERT TO rumbo_device WITH CHECK (origin = current_device());
CREATE POLICY rename_own ON origins FOR UPDATE TO rumbo_device USING (origin = current_device());
