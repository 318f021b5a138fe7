-- Gongkai schema 12 (PostgreSQL): agencies as a tree (issue #12). The code (already unique) becomes the agency's
-- address in the platform (/agencies/wjj/), immutable; an optional 统一社会信用代码 (unique when given); archiving
-- instead of deleting an agency that has records; an order among siblings; and a version with who changed what, so
-- that a stale form of the tree page is refused (ADR 0007). Kinds: government, department (existing rows keep
-- theirs), town, other.
ALTER TABLE agencies ADD COLUMN uscc character varying(18) NULL;
ALTER TABLE agencies ADD COLUMN archived_at timestamp with time zone NULL;
ALTER TABLE agencies ADD COLUMN sort_order integer NOT NULL DEFAULT 0;
ALTER TABLE agencies ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN updated_by character varying(200) NULL;
ALTER TABLE agencies ADD COLUMN updated_at timestamp with time zone NULL;
ALTER TABLE agencies ADD COLUMN last_change character varying(500) NULL;
ALTER TABLE agencies ADD CONSTRAINT ck_agencies_kind CHECK (kind IN ('government', 'department', 'town', 'other'));

CREATE UNIQUE INDEX ix_agencies_uscc ON agencies (uscc) WHERE uscc IS NOT NULL;
