-- Schema 6 (PostgreSQL): a covering index for the annual report built from records (Art. 50(二)): the report counts
-- one agency's cases by applicant type, receipt, closure and outcome, answered from this index alone.
CREATE INDEX ix_cases_agency_id_received_on_closed_on_applicant_type_outcome
    ON cases (agency_id, received_on, closed_on, applicant_type, outcome);
