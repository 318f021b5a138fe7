-- Gongkai schema 5 (SQLite): the case work of the web application: extension requests awaiting a leader's
-- approval (Art. 33), online applications awaiting confirmation of receipt (Art. 31), notice templates and the
-- notices generated for cases.
CREATE TABLE "case_extension_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_extension_requests" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "working_days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    CONSTRAINT "fk_case_extension_requests_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_extension_requests_case_id_status" ON "case_extension_requests" ("case_id", "status");

CREATE TABLE "online_applications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_online_applications" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "query_code_hash" TEXT NOT NULL,
    "arrived_on" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "applicant_type" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "id_type" TEXT NULL,
    "id_number" TEXT NULL,
    "phone" TEXT NULL,
    "address" TEXT NULL,
    "email" TEXT NULL,
    "info_name" TEXT NULL,
    "document_number" TEXT NULL,
    "description" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "proof_content_type" TEXT NULL,
    "proof" BLOB NULL,
    "case_id" INTEGER NULL,
    CONSTRAINT "fk_online_applications_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_online_applications_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_online_applications_agency_id_number" ON "online_applications" ("agency_id", "number");

CREATE INDEX "ix_online_applications_case_id" ON "online_applications" ("case_id");

CREATE TABLE "notice_templates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notice_templates" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_notice_templates_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_notice_templates_agency_id_kind" ON "notice_templates" ("agency_id", "kind");

CREATE TABLE "case_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_notices" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_case_notices_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_notices_case_id" ON "case_notices" ("case_id");
