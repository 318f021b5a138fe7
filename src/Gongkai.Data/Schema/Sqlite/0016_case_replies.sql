-- Gongkai schema 16 (SQLite): the reply as a document (Art. 36): the text sent to the applicant, and the documents
-- sent with it (the information given; for 部分公开 the redacted copies, Art. 37). 送达 stays an event of the case.
CREATE TABLE "case_replies" (
    "case_id" INTEGER NOT NULL CONSTRAINT "pk_case_replies" PRIMARY KEY,
    "text" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_case_replies_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_reply_documents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_reply_documents" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "redacted" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "fk_case_reply_documents_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_reply_documents_case_id" ON "case_reply_documents" ("case_id");
