-- Gongkai schema 23 (PostgreSQL): a version on each category of 法定主动公开内容, with who changed it last and when, so
-- that a rename, move or removal decided on a page that has since changed is refused and the person told who changed it
-- (as the agency tree, the settings and the catalogue items are). Existing categories start at version 1.
ALTER TABLE catalog_categories ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE catalog_categories ADD COLUMN updated_by character varying(200) NULL;
ALTER TABLE catalog_categories ADD COLUMN updated_at timestamp with time zone NULL;
