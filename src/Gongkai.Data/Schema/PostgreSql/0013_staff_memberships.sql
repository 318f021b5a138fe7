-- Gongkai schema 13 (PostgreSQL): a person works for one or more agencies with one or more roles in each (issue #12).
-- staff_memberships replaces the global roles of staff_user_roles (kept, no longer read): each existing user's roles
-- become memberships in their staff_users.agency_id, or in the root agency (no parent, lowest id) when that is null.
CREATE TABLE staff_memberships (
    user_id text NOT NULL,
    agency_id integer NOT NULL,
    role character varying(32) NOT NULL,
    CONSTRAINT pk_staff_memberships PRIMARY KEY (user_id, agency_id, role),
    CONSTRAINT fk_staff_memberships_user_id FOREIGN KEY (user_id) REFERENCES staff_users (id) ON DELETE CASCADE,
    CONSTRAINT fk_staff_memberships_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE INDEX ix_staff_memberships_agency_id ON staff_memberships (agency_id);

INSERT INTO staff_memberships (user_id, agency_id, role)
SELECT DISTINCT ur.user_id,
       COALESCE(u.agency_id,
                (SELECT a.id FROM agencies a WHERE a.parent_id IS NULL ORDER BY a.id LIMIT 1),
                (SELECT MIN(a.id) FROM agencies a)),
       r.name
FROM staff_user_roles ur
JOIN staff_users u ON u.id = ur.user_id
JOIN staff_roles r ON r.id = ur.role_id
WHERE r.name IS NOT NULL
  AND COALESCE(u.agency_id, (SELECT MIN(a.id) FROM agencies a)) IS NOT NULL;
