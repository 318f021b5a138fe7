-- Gongkai schema 9 (PostgreSQL): case numbers that cannot clash (one counter per agency, year and series, advanced
-- atomically in the transaction that stores the case), the idempotency key of an online application (a resubmission
-- of the same form finds the application it already made), the server's own secrets (the key from which query codes
-- are derived, shared by every instance through the database) and a version on notice templates (optimistic
-- concurrency, checked by the database).
CREATE TABLE case_number_sequences (
    agency_id integer NOT NULL,
    year integer NOT NULL,
    series character varying(8) NOT NULL,
    last_value integer NOT NULL,
    CONSTRAINT pk_case_number_sequences PRIMARY KEY (agency_id, year, series),
    CONSTRAINT fk_case_number_sequences_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE CASCADE
);

ALTER TABLE online_applications ADD COLUMN idempotency_key character varying(64);

CREATE UNIQUE INDEX ix_online_applications_agency_id_idempotency_key ON online_applications (agency_id, idempotency_key);

CREATE TABLE server_secrets (
    name character varying(64) NOT NULL,
    value bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_server_secrets PRIMARY KEY (name)
);

ALTER TABLE notice_templates ADD COLUMN version integer NOT NULL DEFAULT 0;
