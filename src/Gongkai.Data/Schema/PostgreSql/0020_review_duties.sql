-- Gongkai schema 20 (PostgreSQL): 审核岗位 per agency (issue #12). A review duty (保密审查员, 科室负责人, …) was a global
-- Identity claim (staff_user_claims, type gongkai:review-duty): a 保密审查员 of one agency could decide items of every
-- agency. review_duties holds it per agency; each user's existing duty claims become duties in every agency where
-- they hold a membership (staff_memberships, schema 13), and the claims are removed (nothing reads them any more).
-- staff_user_roles (Identity's global roles) has not been read since schema 13 and is no longer written either: it is
-- emptied here, so that no stale global role can come back through Identity's sign-in claims.
CREATE TABLE review_duties (
    user_id text NOT NULL,
    agency_id integer NOT NULL,
    duty text NOT NULL,
    CONSTRAINT pk_review_duties PRIMARY KEY (user_id, agency_id, duty),
    CONSTRAINT fk_review_duties_user_id FOREIGN KEY (user_id) REFERENCES staff_users (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_duties_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE CASCADE
);

CREATE INDEX ix_review_duties_agency_id ON review_duties (agency_id);

INSERT INTO review_duties (user_id, agency_id, duty)
SELECT DISTINCT c.user_id, m.agency_id, btrim(c.claim_value)
FROM staff_user_claims c
JOIN staff_memberships m ON m.user_id = c.user_id
WHERE c.claim_type = 'gongkai:review-duty'
  AND c.claim_value IS NOT NULL
  AND btrim(c.claim_value) <> '';

DELETE FROM staff_user_claims WHERE claim_type = 'gongkai:review-duty';

DELETE FROM staff_user_roles;
