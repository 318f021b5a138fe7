-- Schema 2 (PostgreSQL): a case's history is append-only (Art. 45 working rules: every step is kept).
-- The database itself refuses to change or delete an entry, whatever the application does.
CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_events is append-only: history entries cannot be changed or deleted (%)', TG_OP;
END;
$$;

CREATE TRIGGER trg_case_events_append_only BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
