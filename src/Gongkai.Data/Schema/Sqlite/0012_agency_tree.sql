-- Gongkai schema 12 (SQLite): agencies as a tree (issue #12). The code (already unique) becomes the agency's address in
-- the platform (/agencies/wjj/), immutable; an optional 统一社会信用代码 (unique when given); archiving instead of
-- deleting an agency that has records; an order among siblings; and a version with who changed what, so that a stale
-- form of the tree page is refused (ADR 0007). Kinds: government, department (existing rows keep theirs), town, other.
ALTER TABLE "agencies" ADD COLUMN "uscc" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "archived_at" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "sort_order" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "agencies" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "agencies" ADD COLUMN "updated_by" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "updated_at" TEXT NULL;
ALTER TABLE "agencies" ADD COLUMN "last_change" TEXT NULL;

CREATE UNIQUE INDEX "ix_agencies_uscc" ON "agencies" ("uscc") WHERE "uscc" IS NOT NULL;
