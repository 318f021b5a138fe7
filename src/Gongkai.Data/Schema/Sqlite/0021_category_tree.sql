-- Gongkai schema 21 (SQLite): 法定主动公开内容 as a tree of any depth (issue #14). An agency's own categories nest under
-- another (财政信息 → 预算 → 部门预算); a top-level category has no parent. A category with sub-categories or items
-- cannot be removed (RESTRICT), so nothing published loses its place.
ALTER TABLE "catalog_categories" ADD COLUMN "parent_id" INTEGER NULL CONSTRAINT "fk_catalog_categories_parent_id" REFERENCES "catalog_categories" ("id") ON DELETE RESTRICT;

CREATE INDEX "ix_catalog_categories_parent_id" ON "catalog_categories" ("parent_id");
