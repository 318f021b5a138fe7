-- Gongkai schema 10 (SQLite): the disclosure settings carry a version, checked by the UPDATE that saves them (a page
-- saved over a change made meanwhile is refused), who saved them last, and the agency's choice of separation of
-- duties in the review chain (off by default: a small office may have one person for several steps). The rules of
-- the statutory clock (rule_settings) carry a version too, checked the same way.
ALTER TABLE "disclosure_settings" ADD COLUMN "separate_duties" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "disclosure_settings" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "disclosure_settings" ADD COLUMN "updated_by" TEXT NULL;
ALTER TABLE "rule_settings" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
