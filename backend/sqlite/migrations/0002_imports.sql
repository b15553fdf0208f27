-- 0002: imports, so that each can be listed and undone as a whole.
-- Rows an import creates carry its id (documents and payments had the column
-- already); the changes it makes to existing rows are in the audit log with it.
CREATE TABLE imports (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL,
    target     TEXT    NOT NULL CHECK (target IN ('clients','invoices','payments')),
    file_name  TEXT    NOT NULL,
    file_hash  TEXT    NOT NULL,   -- SHA-256 of the file, hex
    file_size  INTEGER NOT NULL,
    settings   TEXT    NOT NULL DEFAULT '',  -- JSON: sheet, header row, mapping, options
    counts     TEXT    NOT NULL DEFAULT '',  -- JSON: created, unchanged, updated, skipped…
    undone_at  TEXT,
    undone_by  TEXT    NOT NULL DEFAULT ''
);
ALTER TABLE clients ADD COLUMN import_id INTEGER;
ALTER TABLE audit_log ADD COLUMN import_id INTEGER;
CREATE INDEX clients_import ON clients (import_id) WHERE import_id IS NOT NULL;
CREATE INDEX audit_log_import ON audit_log (import_id) WHERE import_id IS NOT NULL;
