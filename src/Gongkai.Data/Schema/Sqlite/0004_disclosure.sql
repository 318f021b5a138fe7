-- Gongkai schema 4 (SQLite): proactive disclosure (主动公开, Arts. 19–26) — each agency's settings (索引号 pattern,
-- review chain), its catalogue categories, the 政府信息公开目录 (Art. 12) with each item's review history, the register
-- of 规章 and 规范性文件 (Art. 20(一)), and the other Art. 20 figures by year.
-- Tables generated from the EF model with GenerateCreateScript(), then reviewed; see docs/adr/0004.

CREATE TABLE "article20_figures" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_article20_figures" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "row_key" TEXT NOT NULL,
    "items" INTEGER NULL,
    "decisions" INTEGER NULL,
    "projects" INTEGER NULL,
    "amount_yuan" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_article20_figures_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "catalog_categories" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_catalog_categories" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "article20_item" INTEGER NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_catalog_categories_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "disclosure_settings" (
    "agency_id" INTEGER NOT NULL CONSTRAINT "pk_disclosure_settings" PRIMARY KEY,
    "index_pattern" TEXT NOT NULL,
    "review_chain" TEXT NOT NULL,
    "fee_decimals" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_disclosure_settings_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "catalog_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_catalog_items" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "index_number" TEXT NOT NULL,
    "index_scope" TEXT NOT NULL,
    "index_serial" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "generated_on" TEXT NOT NULL,
    "published_on" TEXT NULL,
    "document_number" TEXT NULL,
    "publisher" TEXT NOT NULL,
    "category_id" INTEGER NOT NULL,
    "channels" TEXT NOT NULL,
    "validity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "review_chain" TEXT NULL,
    "current_step" INTEGER NULL,
    "returned_reason" TEXT NULL,
    "withdrawn_reason" TEXT NULL,
    "attachments" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_catalog_items_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_catalog_items_category_id" FOREIGN KEY ("category_id") REFERENCES "catalog_categories" ("id") ON DELETE RESTRICT
);

CREATE TABLE "catalog_item_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_catalog_item_events" PRIMARY KEY AUTOINCREMENT,
    "item_id" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "step" INTEGER NULL,
    "step_name" TEXT NULL,
    "role" TEXT NULL,
    "actor" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_catalog_item_events_item_id" FOREIGN KEY ("item_id") REFERENCES "catalog_items" ("id") ON DELETE RESTRICT
);

CREATE TABLE "normative_documents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_normative_documents" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "document_number" TEXT NULL,
    "issued_on" TEXT NOT NULL,
    "published_on" TEXT NULL,
    "repealed_on" TEXT NULL,
    "catalog_item_id" INTEGER NULL,
    CONSTRAINT "fk_normative_documents_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_normative_documents_catalog_item_id" FOREIGN KEY ("catalog_item_id") REFERENCES "catalog_items" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ix_article20_figures_agency_id_year_row_key" ON "article20_figures" ("agency_id", "year", "row_key");

CREATE UNIQUE INDEX "ix_catalog_categories_agency_id_code" ON "catalog_categories" ("agency_id", "code");

CREATE UNIQUE INDEX "ix_catalog_item_events_item_id_sequence" ON "catalog_item_events" ("item_id", "sequence");

CREATE UNIQUE INDEX "ix_catalog_items_agency_id_index_number" ON "catalog_items" ("agency_id", "index_number");

CREATE UNIQUE INDEX "ix_catalog_items_agency_id_index_scope_index_serial" ON "catalog_items" ("agency_id", "index_scope", "index_serial");

CREATE INDEX "ix_catalog_items_agency_id_status_published_on" ON "catalog_items" ("agency_id", "status", "published_on");

CREATE INDEX "ix_catalog_items_category_id_status_published_on" ON "catalog_items" ("category_id", "status", "published_on");

CREATE INDEX "ix_normative_documents_agency_id_kind_issued_on" ON "normative_documents" ("agency_id", "kind", "issued_on");

CREATE INDEX "ix_normative_documents_catalog_item_id" ON "normative_documents" ("catalog_item_id");

-- A catalogue item's history is append-only, like a case's: who approved publication is never rewritten.
CREATE TRIGGER "trg_catalog_item_events_no_update" BEFORE UPDATE ON "catalog_item_events"
BEGIN
    SELECT RAISE(ABORT, 'catalog_item_events is append-only: history entries cannot be changed');
END;

CREATE TRIGGER "trg_catalog_item_events_no_delete" BEFORE DELETE ON "catalog_item_events"
BEGIN
    SELECT RAISE(ABORT, 'catalog_item_events is append-only: history entries cannot be deleted');
END;

-- The public search index (Data/Disclosure/CatalogSearch.cs): published items only, kept by the store. Not in the EF
-- model. Chinese has no spaces between words, so the text is indexed as overlapping character pairs ("卫生健康" →
-- "卫生 生健 健康 康<U+E000>"): any substring of two or more characters is an FTS5 phrase of consecutive pairs, and a
-- single character a prefix query — no word segmentation, and unlike the trigram tokenizer, 1–2 character searches
-- use the index too. "scope" holds the agency and category ("a12 c34") so filters stay inside the index.
CREATE VIRTUAL TABLE "catalog_search" USING fts5(
    "grams", "scope", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail='full'
);
