-- Gongkai schema 7 (SQLite): the files attached to catalogue items (附件), kept in the database so that every
-- instance sharing it serves them and a backup of the database is a backup of the catalogue.
CREATE TABLE "catalog_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_catalog_attachments" PRIMARY KEY AUTOINCREMENT,
    "item_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_catalog_attachments_item_id" FOREIGN KEY ("item_id") REFERENCES "catalog_items" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_catalog_attachments_item_id" ON "catalog_attachments" ("item_id");
