-- Schema 2 (SQLite): a case's history is append-only (Art. 45 working rules: every step is kept).
-- The database itself refuses to change or delete an entry, whatever the application does.
CREATE TRIGGER "trg_case_events_no_update" BEFORE UPDATE ON "case_events"
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only: history entries cannot be changed');
END;

CREATE TRIGGER "trg_case_events_no_delete" BEFORE DELETE ON "case_events"
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only: history entries cannot be deleted');
END;
