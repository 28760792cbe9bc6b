-- The advisory loop a funder audits (issue 37): the portfolio carries what the laptops' migration
-- 0011_advisory_loop added to the advisory records.
--
-- * advisory_sessions: minutes of preparation and of travel.
-- * plan_items: the adviser in charge, the plan's order, the session whose next step it came from.
-- * impact_milestones: the stage (declared, documented, verified), the document seen (kind,
--   reference, who saw it and when; document_id for a document attached later).
--
-- The portfolio's rows are written by jsonb_populate_record from each record's shown change, which
-- drops the fields a table has no column for. Changes stored before this migration may already carry
-- the new fields (a laptop updated before its server), so the three tables are written again from
-- the version each record shows (portfolio.heads: the first by rev, origin, origin_seq), exactly as
-- portfolio.project writes them. No function is added, so no grant changes.

ALTER TABLE portfolio.advisory_sessions ADD COLUMN prep_minutes bigint, ADD COLUMN travel_minutes bigint;
ALTER TABLE portfolio.plan_items ADD COLUMN owner_adviser_id text, ADD COLUMN priority bigint,
    ADD COLUMN session_id text;
ALTER TABLE portfolio.impact_milestones ADD COLUMN stage text, ADD COLUMN document_seen boolean,
    ADD COLUMN document_kind text, ADD COLUMN document_ref text, ADD COLUMN document_id text,
    ADD COLUMN documented_by text, ADD COLUMN documented_on text;
CREATE INDEX portfolio_plan_items_due ON portfolio.plan_items (due_on) WHERE deleted_at IS NULL
    AND status IN ('pendiente', 'en_curso');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['advisory_sessions', 'plan_items', 'impact_milestones'] LOOP
        EXECUTE format('DELETE FROM portfolio.%I', t);
        EXECUTE format(
            'INSERT INTO portfolio.%1$I
             SELECT (jsonb_populate_record(NULL::portfolio.%1$I,
                     c.state || jsonb_build_object(''id'', c.record_id, ''centre_id'', c.centre_id))).*
             FROM (SELECT DISTINCT ON (h.record_id) h.origin, h.origin_seq FROM portfolio.heads h
                   WHERE h.table_name = %2$L
                   ORDER BY h.record_id, h.rev DESC, h.origin DESC, h.origin_seq DESC) top
             JOIN changes c ON c.origin = top.origin AND c.origin_seq = top.origin_seq', t, t);
    END LOOP;
END $$;
