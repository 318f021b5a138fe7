-- Gongkai schema 22 (SQLite): the change log of the site search (issue #14, ADR 0013). Each instance keeps a search
-- index in memory derived from the database; a trigger on each searched table appends (source, row id) here in the
-- same transaction as the change, so every instance — whichever one made the change, or a script, or psql — reads
-- the rows changed since its high-water mark and updates its index before it answers. Not in the EF model.
CREATE TABLE "search_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_search_changes" PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "row_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER "trg_catalog_items_search_ins" AFTER INSERT ON "catalog_items"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('catalog', NEW."id"); END;
CREATE TRIGGER "trg_catalog_items_search_upd" AFTER UPDATE ON "catalog_items"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('catalog', NEW."id"); END;
CREATE TRIGGER "trg_catalog_items_search_del" AFTER DELETE ON "catalog_items"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('catalog', OLD."id"); END;

CREATE TRIGGER "trg_catalog_categories_search_upd" AFTER UPDATE ON "catalog_categories"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('category', NEW."id"); END;

CREATE TRIGGER "trg_normative_documents_search_ins" AFTER INSERT ON "normative_documents"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('register', NEW."id"); END;
CREATE TRIGGER "trg_normative_documents_search_upd" AFTER UPDATE ON "normative_documents"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('register', NEW."id"); END;
CREATE TRIGGER "trg_normative_documents_search_del" AFTER DELETE ON "normative_documents"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('register', OLD."id"); END;

CREATE TRIGGER "trg_disclosure_rules_search_ins" AFTER INSERT ON "disclosure_rules"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('policy', NEW."id"); END;
CREATE TRIGGER "trg_disclosure_rules_search_upd" AFTER UPDATE ON "disclosure_rules"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('policy', NEW."id"); END;
CREATE TRIGGER "trg_disclosure_rules_search_del" AFTER DELETE ON "disclosure_rules"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('policy', OLD."id"); END;

CREATE TRIGGER "trg_agency_guides_search_ins" AFTER INSERT ON "agency_guides"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('guide', NEW."agency_id"); END;
CREATE TRIGGER "trg_agency_guides_search_upd" AFTER UPDATE ON "agency_guides"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('guide', NEW."agency_id"); END;
CREATE TRIGGER "trg_agency_guides_search_del" AFTER DELETE ON "agency_guides"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('guide', OLD."agency_id"); END;

CREATE TRIGGER "trg_annual_reports_search_ins" AFTER INSERT ON "annual_reports"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('report', NEW."id"); END;
CREATE TRIGGER "trg_annual_reports_search_upd" AFTER UPDATE ON "annual_reports"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('report', NEW."id"); END;
CREATE TRIGGER "trg_annual_reports_search_del" AFTER DELETE ON "annual_reports"
BEGIN INSERT INTO "search_changes" ("source", "row_id") VALUES ('report', OLD."id"); END;
