-- Gongkai schema 18 (PostgreSQL): 承办人 and reminders (issue #13, item 5). cases.handler_id: the staff account a case
-- is assigned to, projected from its handlerAssigned events (null for every existing case: none was assigned).
-- reminder_settings: each agency's 提前提醒的工作日数 (no row: 3). reminder_digests: one row per day, inserted by the
-- instance that queues that day's reminder e-mails in the same transaction, so no day's digest is sent twice.
ALTER TABLE cases ADD COLUMN handler_id text NULL;

CREATE INDEX ix_cases_agency_id_handler_id ON cases (agency_id, handler_id);

CREATE TABLE reminder_settings (
    agency_id integer NOT NULL,
    days_ahead integer NOT NULL,
    updated_by text NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_reminder_settings PRIMARY KEY (agency_id),
    CONSTRAINT fk_reminder_settings_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE CASCADE
);

CREATE TABLE reminder_digests (
    day date NOT NULL,
    sent_by text NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    messages integer NOT NULL,
    skipped_no_email integer NOT NULL,
    CONSTRAINT pk_reminder_digests PRIMARY KEY (day)
);
