-- The audit log of every access to personal data (152-FZ) and the destruction records of
-- Roskomnadzor Order 179.
--
-- Flyway runs as the schema owner. The application connects as ${app_role} (or a login role
-- that is a member of it), which may read and insert but never change or remove a record.
-- Triggers refuse UPDATE, DELETE and TRUNCATE to everyone, owner included, so a change takes
-- a deliberate act (a superuser disabling triggers), and the hash chain exposes it.

-- One row per DataAccessed event, in chain order. hash = SHA-256 over the canonical form of
-- the row (see ChainHash) which ends with prev_hash, the hash of row seq - 1.
CREATE TABLE audit_record (
    seq          bigint      PRIMARY KEY CHECK (seq > 0),
    event_id     uuid        NOT NULL UNIQUE,
    occurred_at  timestamptz NOT NULL,
    actor        text,
    actor_role   text,
    patient_id   uuid,
    record_type  text,
    record_id    text,
    action       text,
    purpose      text,
    service      text,
    stored_at    timestamptz NOT NULL,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL
);
CREATE INDEX audit_record_patient_idx ON audit_record (patient_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_record_actor_idx ON audit_record (actor, occurred_at DESC, seq DESC);
CREATE INDEX audit_record_time_idx ON audit_record (occurred_at DESC, seq DESC);

CREATE FUNCTION audit_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change();

-- What was destroyed, for whom, where, why and when: the log extract an act of destruction
-- refers to. patient_id is the pseudonymous id every service knows the patient by; after an
-- erasure nothing maps it back to a person. Kept 3 years from destroyed_at, then purged.
CREATE TABLE destruction_record (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id       uuid        NOT NULL,
    data_categories  text[]      NOT NULL CHECK (cardinality(data_categories) > 0),
    system_name      text        NOT NULL,
    reason           text        NOT NULL,
    destroyed_at     timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    recorded_by      text        NOT NULL
);
CREATE INDEX destruction_record_patient_idx ON destruction_record (patient_id, destroyed_at DESC);
CREATE INDEX destruction_record_destroyed_idx ON destruction_record (destroyed_at);

-- A destruction record may only go once its 3 years are over, and is never changed.
CREATE FUNCTION destruction_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.destroyed_at < now() - interval '3 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'destruction records are kept for 3 years (Roskomnadzor Order 179): % refused', TG_OP;
END
$$;

CREATE TRIGGER destruction_record_retained BEFORE UPDATE OR DELETE ON destruction_record
    FOR EACH ROW EXECUTE FUNCTION destruction_record_guard();
CREATE TRIGGER destruction_record_no_truncate BEFORE TRUNCATE ON destruction_record
    FOR EACH STATEMENT EXECUTE FUNCTION destruction_record_guard();

-- The application holds no DELETE privilege; the retention job calls this instead. It runs
-- with the owner's rights and never removes a record younger than 3 years, whatever the
-- cutoff it is given.
CREATE FUNCTION purge_destruction_records(cutoff timestamptz) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH gone AS (
        DELETE FROM destruction_record
        WHERE destroyed_at < least(cutoff, now() - interval '3 years')
        RETURNING 1)
    SELECT count(*) FROM gone
$$;
REVOKE ALL ON FUNCTION purge_destruction_records(timestamptz) FROM PUBLIC;

-- The application's role. Roles belong to the whole cluster, so it may exist already (another
-- database, a DBA who created it with LOGIN and a password beforehand); it is only created if
-- missing, and then without LOGIN: production logs in as a member of it (see README.md).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE "${app_role}" NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created at the same moment by a migration of another database
END
$$;

REVOKE ALL ON audit_record, destruction_record FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${app_role}');
END
$$;
GRANT USAGE ON SCHEMA public TO "${app_role}";
GRANT SELECT, INSERT ON audit_record TO "${app_role}";
GRANT SELECT, INSERT ON destruction_record TO "${app_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
GRANT EXECUTE ON FUNCTION purge_destruction_records(timestamptz) TO "${app_role}";
