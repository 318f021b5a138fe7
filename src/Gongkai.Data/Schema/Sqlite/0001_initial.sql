-- Gongkai schema 1 (SQLite): agencies, cases and their history, review/litigation, annual reports, calendar years.
-- Generated from the EF model with GenerateCreateScript(), then reviewed; see docs/adr/0004.
CREATE TABLE "agencies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agencies" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_agencies_parent_id" FOREIGN KEY ("parent_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL CONSTRAINT "pk_calendar_years" PRIMARY KEY,
    "json" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TEXT NOT NULL
);

CREATE TABLE "annual_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_annual_reports" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "json" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    CONSTRAINT "fk_annual_reports_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "departments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_departments" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_departments_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "query_code_hash" TEXT NULL,
    "applicant_type" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_id_number" TEXT NULL,
    "applicant_contact" TEXT NULL,
    "channel" TEXT NOT NULL,
    "request" TEXT NULL,
    "requested_form" TEXT NULL,
    "received_on" TEXT NOT NULL,
    "department_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "reply_due" TEXT NULL,
    "closed_on" TEXT NULL,
    "outcome" TEXT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_cases_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_cases_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE SET NULL
);

CREATE TABLE "case_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_events" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_on" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    CONSTRAINT "fk_case_events_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "review_litigation" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_review_litigation" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "case_id" INTEGER NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NULL,
    "filed_on" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "concluded_on" TEXT NULL,
    "notes" TEXT NULL,
    CONSTRAINT "fk_review_litigation_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_review_litigation_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_agencies_code" ON "agencies" ("code");

CREATE UNIQUE INDEX "ix_agencies_name" ON "agencies" ("name");

CREATE INDEX "ix_agencies_parent_id" ON "agencies" ("parent_id");

CREATE UNIQUE INDEX "ix_annual_reports_agency_id_year" ON "annual_reports" ("agency_id", "year");

CREATE UNIQUE INDEX "ix_case_events_case_id_sequence" ON "case_events" ("case_id", "sequence");

CREATE INDEX "ix_cases_agency_id_closed_on" ON "cases" ("agency_id", "closed_on");

CREATE UNIQUE INDEX "ix_cases_agency_id_number" ON "cases" ("agency_id", "number");

CREATE INDEX "ix_cases_agency_id_received_on" ON "cases" ("agency_id", "received_on");

CREATE INDEX "ix_cases_agency_id_status_reply_due" ON "cases" ("agency_id", "status", "reply_due");

CREATE INDEX "ix_cases_department_id" ON "cases" ("department_id");

CREATE UNIQUE INDEX "ix_departments_agency_id_name" ON "departments" ("agency_id", "name");

CREATE INDEX "ix_review_litigation_agency_id_filed_on" ON "review_litigation" ("agency_id", "filed_on");

CREATE INDEX "ix_review_litigation_case_id" ON "review_litigation" ("case_id");

