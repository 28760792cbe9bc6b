-- The portfolio: each record as every device shows it, in typed tables the Tablero and the
-- funder reports query in PostgreSQL (by centre, country, size, stage, band and period).
--
-- The server applies the laptops' rule to every change it stores: the versions held for a record
-- are the maximal ones by version vector (portfolio.heads), and the one shown is the first by
-- (rev, origin, origin_seq) with origins compared byte by byte, as Python compares them. So the
-- portfolio shows what a laptop holding the same changes shows, whatever the order of arrival;
-- conflicts stay for a person on a coordinator's desktop, whose decision arrives as one more change.
CREATE SCHEMA portfolio;

CREATE TABLE portfolio.firms (
    centre_id text, id text PRIMARY KEY, legal_name text, trade_name text, tax_id text,
    tax_id_type text, country text, department text, municipality text, address text, sector_isic text,
    year_founded bigint, legal_form text, formal_registration boolean, employees_women bigint,
    employees_men bigint, employees bigint, currency text, usd_rate text, sales_amount text,
    assets_amount text, exports_amount text, sales_usd bigint, assets_usd bigint, exports_usd bigint,
    owner_name text, owner_gender text, contact_name text, contact_gender text, phone text, email text,
    notes text, adviser_id text, size_class text, stage text, band text, created_at text,
    updated_at text, created_by text, updated_by text, rev bigint, origin text, deleted_at text
);
CREATE TABLE portfolio.advisers (
    centre_id text, id text PRIMARY KEY, name text, centre text, email text, phone text, active boolean,
    created_at text, updated_at text, created_by text, updated_by text, rev bigint, origin text,
    deleted_at text, role text, login text
);
CREATE TABLE portfolio.assessments (
    centre_id text, id text PRIMARY KEY, firm_id text, adviser_id text, questionnaire_id text,
    questionnaire_version text, status text, started_at text, completed_at text, result text,
    readiness_index double precision, band text, stage text, profile text, created_at text,
    updated_at text, created_by text, updated_by text, rev bigint, origin text, deleted_at text
);
CREATE TABLE portfolio.advisory_sessions (
    centre_id text, id text PRIMARY KEY, firm_id text, adviser_id text, held_on text, minutes bigint,
    mode text, topics text, notes text, next_step text, programme text, created_at text,
    updated_at text, created_by text, updated_by text, rev bigint, origin text, deleted_at text
);
CREATE TABLE portfolio.plan_items (
    centre_id text, id text PRIMARY KEY, firm_id text, assessment_id text, source_key text, title text,
    family text, dimension text, owner text, due_on text, status text, status_on text, drop_reason text,
    created_at text, updated_at text, created_by text, updated_by text, rev bigint, origin text,
    deleted_at text
);
CREATE TABLE portfolio.impact_milestones (
    centre_id text, id text PRIMARY KEY, firm_id text, kind text, occurred_on text, period text,
    jobs_women bigint, jobs_men bigint, amount text, currency text, amount_usd bigint,
    baseline_usd bigint, baseline_jobs bigint, markets text, source text, instrument text,
    description text, evidence text, verified_by text, verified_on text, programme text,
    created_at text, updated_at text, created_by text, updated_by text, rev bigint, origin text,
    deleted_at text
);
CREATE INDEX portfolio_firms_centre ON portfolio.firms (centre_id, country);
CREATE INDEX portfolio_assessments_firm ON portfolio.assessments (firm_id, completed_at);
CREATE INDEX portfolio_sessions_firm ON portfolio.advisory_sessions (firm_id, held_on);
CREATE INDEX portfolio_milestones_firm ON portfolio.impact_milestones (firm_id, occurred_on);

-- The maximal versions of each record (more than one while a conflict waits).
CREATE TABLE portfolio.heads (
    table_name text NOT NULL,
    record_id text NOT NULL,
    origin text COLLATE "C" NOT NULL,
    origin_seq bigint NOT NULL,
    rev integer NOT NULL,
    vv jsonb NOT NULL,
    PRIMARY KEY (table_name, record_id, origin, origin_seq)
);

-- Version a is included in version b (db.sync.state.vv_le).
CREATE FUNCTION portfolio.vv_le(a jsonb, b jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$ SELECT NOT EXISTS (SELECT 1 FROM jsonb_each_text(a) e WHERE e.value::bigint > coalesce((b ->> e.key)::bigint, 0)) $$;

CREATE FUNCTION portfolio.project(c changes) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = portfolio, public AS
$$
DECLARE
    top record;
BEGIN
    IF c.table_name NOT IN ('firms', 'advisers', 'assessments', 'advisory_sessions', 'plan_items',
                            'impact_milestones') THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM heads h WHERE h.table_name = c.table_name AND h.record_id = c.record_id) THEN
        IF EXISTS (SELECT 1 FROM heads h WHERE h.table_name = c.table_name AND h.record_id = c.record_id
                   AND vv_le(c.vv, h.vv)) THEN
            RETURN;  -- old news: a version held already includes it
        END IF;
        DELETE FROM heads h WHERE h.table_name = c.table_name AND h.record_id = c.record_id AND vv_le(h.vv, c.vv);
    END IF;
    INSERT INTO heads VALUES (c.table_name, c.record_id, c.origin, c.origin_seq, c.rev, c.vv);
    SELECT h.origin, h.origin_seq INTO top FROM heads h WHERE h.table_name = c.table_name AND h.record_id = c.record_id
        ORDER BY h.rev DESC, h.origin DESC, h.origin_seq DESC LIMIT 1;
    IF top.origin <> c.origin OR top.origin_seq <> c.origin_seq THEN
        SELECT * INTO c FROM changes WHERE origin = top.origin AND origin_seq = top.origin_seq;
    END IF;
    EXECUTE format('DELETE FROM portfolio.%I WHERE id = $1', c.table_name) USING c.record_id;
    EXECUTE format('INSERT INTO portfolio.%I SELECT * FROM jsonb_populate_record(NULL::portfolio.%I, $1)',
                   c.table_name, c.table_name)
        USING c.state || jsonb_build_object('id', c.record_id, 'centre_id', c.centre_id);
END
$$;

CREATE FUNCTION portfolio.on_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = portfolio, public AS
$$ BEGIN
    PERFORM portfolio.project(NEW);
    RETURN NULL;
END $$;
CREATE TRIGGER project AFTER INSERT ON changes FOR EACH ROW EXECUTE FUNCTION portfolio.on_change();

-- The changes stored before this migration, in their order of arrival.
SELECT portfolio.project(c) FROM (SELECT * FROM changes ORDER BY server_seq) c;

-- A device reads its centre's portfolio; the national coordinator reads every centre's.
GRANT USAGE ON SCHEMA portfolio TO rumbo_device;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['firms', 'advisers', 'assessments', 'advisory_sessions', 'plan_items',
                             'impact_milestones'] LOOP
        EXECUTE format('GRANT SELECT ON portfolio.%I TO rumbo_device', t);
        EXECUTE format('ALTER TABLE portfolio.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_centre ON portfolio.%I FOR SELECT TO rumbo_device USING ('
                       '(SELECT current_scope()) = ''national'' OR centre_id = (SELECT current_centre()))', t);
    END LOOP;
END $$;
