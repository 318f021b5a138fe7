-- Gongkai schema 15 (SQLite): the applicant's side (issue #13).
-- The review body (复议机关) and the court (人民法院) that a reply names as the applicant's remedies (Art. 51), set by
-- the agency with its 公开指南.
ALTER TABLE "agency_guides" ADD COLUMN "review_body" TEXT NULL;
ALTER TABLE "agency_guides" ADD COLUMN "court" TEXT NULL;

-- An organisation's 法定代表人 and 联系人 (Art. 29), as the online form posts them.
ALTER TABLE "online_applications" ADD COLUMN "legal_representative" TEXT NULL;
ALTER TABLE "online_applications" ADD COLUMN "contact_person" TEXT NULL;

-- A 补正 the applicant submitted online (Art. 30): its text; its files in case_supplement_files.
CREATE TABLE "case_supplements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_supplements" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    CONSTRAINT "fk_case_supplements_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_case_supplements_case_id" ON "case_supplements" ("case_id");

CREATE TABLE "case_supplement_files" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_supplement_files" PRIMARY KEY AUTOINCREMENT,
    "supplement_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "fk_case_supplement_files_supplement_id" FOREIGN KEY ("supplement_id") REFERENCES "case_supplements" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_case_supplement_files_supplement_id" ON "case_supplement_files" ("supplement_id");

-- Mail waiting to be sent (an outbox): a worker claims rows with a lease (claimed_by, lease_until_ms, Unix ms) in one
-- UPDATE, so several instances never send one message twice, and a failed send stays for the next attempt.
CREATE TABLE "mail_outbox" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mail_outbox" PRIMARY KEY AUTOINCREMENT,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "available_at_ms" INTEGER NOT NULL,
    "claimed_by" TEXT NULL,
    "lease_until_ms" INTEGER NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT NULL,
    "sent_at" TEXT NULL
);
CREATE INDEX "ix_mail_outbox_sent_at_available_at_ms" ON "mail_outbox" ("sent_at", "available_at_ms");

CREATE TABLE "mail_outbox_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mail_outbox_attachments" PRIMARY KEY AUTOINCREMENT,
    "message_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "fk_mail_outbox_attachments_message_id" FOREIGN KEY ("message_id") REFERENCES "mail_outbox" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_mail_outbox_attachments_message_id" ON "mail_outbox_attachments" ("message_id");

-- The notice also as PDF (GB/T 9704 layout), made with the DOCX; notices made before have none.
ALTER TABLE "case_notices" ADD COLUMN "pdf" BLOB NULL;
