-- 0004: the business's bank accounts, the statements imported into them and
-- their lines, the rules that classify lines and recognise payers, and the
-- matches of deposits to payments (reconciliation).
CREATE TABLE bank_accounts (
    id          INTEGER PRIMARY KEY,
    bank        TEXT    NOT NULL DEFAULT '',
    number      TEXT    NOT NULL,               -- as the user or the statement writes it
    number_key  TEXT    NOT NULL,               -- letters and digits only, to find the account a file names
    currency    TEXT    NOT NULL,
    name        TEXT    NOT NULL DEFAULT '',     -- the user's own label
    created_at  TEXT    NOT NULL,
    archived_at TEXT
);
CREATE UNIQUE INDEX bank_accounts_number ON bank_accounts (number_key, currency);

-- Layouts of spreadsheet/CSV statements the user mapped in the wizard (JSON of bankfile.Profile).
CREATE TABLE bank_profiles (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    profile     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

-- One statement file imported: undone as a whole.
CREATE TABLE bank_imports (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    os_user     TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    file_hash   TEXT    NOT NULL,       -- SHA-256 of the file, hex
    file_size   INTEGER NOT NULL,
    format      TEXT    NOT NULL,
    profile     TEXT    NOT NULL DEFAULT '',
    lines_total INTEGER NOT NULL,
    lines_new   INTEGER NOT NULL,
    undone_at   TEXT,
    undone_by   TEXT    NOT NULL DEFAULT ''
);

-- One account's statement inside an imported file (OFX and CAMT files may carry several).
CREATE TABLE bank_statements (
    id                  INTEGER PRIMARY KEY,
    import_id           INTEGER NOT NULL REFERENCES bank_imports (id),
    account_id          INTEGER NOT NULL REFERENCES bank_accounts (id),
    stmt_ref            TEXT    NOT NULL DEFAULT '',   -- the file's own statement id
    period_from         TEXT    NOT NULL DEFAULT '',
    period_to           TEXT    NOT NULL DEFAULT '',
    opening_minor       INTEGER,
    opening_date        TEXT    NOT NULL DEFAULT '',
    closing_minor       INTEGER,
    closing_date        TEXT    NOT NULL DEFAULT '',
    lines_total         INTEGER NOT NULL,
    lines_new           INTEGER NOT NULL,
    -- opening + movements = closing: 'ok', 'mismatch' (diff in balance_diff_minor), or 'none' when the file has no balances
    balance_check       TEXT    NOT NULL DEFAULT 'none' CHECK (balance_check IN ('none','ok','mismatch')),
    balance_diff_minor  INTEGER NOT NULL DEFAULT 0,
    -- the previous statement of the account ends elsewhere than this one starts (JSON of the gap), '' when they follow or it is unknown
    gap                 TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX bank_statements_account ON bank_statements (account_id, period_to);
CREATE INDEX bank_statements_import ON bank_statements (import_id);

CREATE TABLE bank_rules (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('client','fee','tax','transfer','outgoing','ignore')),
    pattern     TEXT    NOT NULL,
    client_id   INTEGER REFERENCES clients (id),
    note        TEXT    NOT NULL DEFAULT '',
    direction   INTEGER NOT NULL DEFAULT 0 CHECK (direction IN (-1, 0, 1)),  -- money in only (1), out only (-1), either (0)
    builtin     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    deleted_at  TEXT,
    CHECK ((kind = 'client') = (client_id IS NOT NULL))
);

CREATE TABLE bank_lines (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES bank_accounts (id),
    statement_id   INTEGER NOT NULL REFERENCES bank_statements (id),
    row            INTEGER NOT NULL,               -- 1-based position in its file
    date           TEXT    NOT NULL,
    value_date     TEXT    NOT NULL DEFAULT '',
    amount_minor   INTEGER NOT NULL,               -- > 0 money in
    currency       TEXT    NOT NULL,
    description    TEXT    NOT NULL DEFAULT '',
    reference      TEXT    NOT NULL DEFAULT '',
    bank_txn_id    TEXT    NOT NULL DEFAULT '',
    payer          TEXT    NOT NULL DEFAULT '',
    payer_id       TEXT    NOT NULL DEFAULT '',
    balance_minor  INTEGER,
    reversal       INTEGER NOT NULL DEFAULT 0,
    code           TEXT    NOT NULL DEFAULT '',
    dedupe_key     TEXT    NOT NULL,               -- same movement in two files ⇒ same key
    category       TEXT    NOT NULL DEFAULT 'deposit',
    rule_id        INTEGER REFERENCES bank_rules (id),
    -- pending: waits for a match (deposits) or is kept out of the queue (category other than deposit);
    -- matched: a payment records it; ignored: the user set it aside; removed: its import was undone
    status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','matched','ignored','removed')),
    suggestions    TEXT    NOT NULL DEFAULT ''     -- JSON: the matcher's ranked proposals at its last run
);
CREATE UNIQUE INDEX bank_lines_dedupe ON bank_lines (account_id, dedupe_key) WHERE status <> 'removed';
CREATE INDEX bank_lines_statement ON bank_lines (statement_id);
-- The queue (pending deposits, oldest first) and its count read this index alone.
CREATE INDEX bank_lines_pending ON bank_lines (category, date, id) WHERE status = 'pending';

CREATE TABLE reconcile_runs (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL,
    lines      INTEGER NOT NULL,   -- lines looked at
    auto       INTEGER NOT NULL,   -- matches accepted automatically
    undone_at  TEXT,
    undone_by  TEXT    NOT NULL DEFAULT ''
);

-- A deposit accepted as a payment: automatically (run_id set) or by the user.
CREATE TABLE bank_matches (
    id          INTEGER PRIMARY KEY,
    line_id     INTEGER NOT NULL REFERENCES bank_lines (id),
    payment_id  INTEGER NOT NULL REFERENCES payments (id),
    run_id      INTEGER REFERENCES reconcile_runs (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('auto','manual')),
    confidence  REAL    NOT NULL DEFAULT 0,
    reasons     TEXT    NOT NULL DEFAULT '',   -- JSON: the reasons shown when it was accepted
    created_at  TEXT    NOT NULL,
    os_user     TEXT    NOT NULL,
    undone_at   TEXT,
    undone_by   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX bank_matches_line ON bank_matches (line_id);
CREATE INDEX bank_matches_run ON bank_matches (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX bank_matches_payment ON bank_matches (payment_id);

-- Credit notes applied together with a matched deposit are undone with it.
ALTER TABLE allocations ADD COLUMN bank_match_id INTEGER REFERENCES bank_matches (id);
CREATE INDEX allocations_bank_match ON allocations (bank_match_id) WHERE bank_match_id IS NOT NULL;
