-- Gongkai schema 14 (SQLite): published annual reports uploaded in bulk by a supervising office (reports of agencies
-- that are not on the platform), each read and audited, waiting for the office to confirm which agency it belongs to.
-- Kept in the database, not in one instance's memory, so that the confirmation may reach any instance.
CREATE TABLE "report_uploads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_report_uploads" PRIMARY KEY AUTOINCREMENT,
    "batch" TEXT NOT NULL,
    "supervising_agency_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "agency_name" TEXT NULL,
    "year" INTEGER NULL,
    "json" TEXT NULL,
    "error" TEXT NULL,
    "errors" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "suggested_agency_id" INTEGER NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_report_uploads_supervising_agency_id" FOREIGN KEY ("supervising_agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_report_uploads_batch" ON "report_uploads" ("batch");
