-- 0001: portfolios, clients, documents, payments, allocations, audit log.
-- Money columns end in _minor: integer minor units of the row's currency.
-- Dates are ISO text (YYYY-MM-DD); timestamps are UTC RFC 3339 text.

CREATE TABLE portfolio (
    id                       INTEGER PRIMARY KEY CHECK (id = 1),
    name                     TEXT    NOT NULL,
    legal_name               TEXT    NOT NULL DEFAULT '',
    tax_id                   TEXT    NOT NULL DEFAULT '',
    country                  TEXT    NOT NULL,
    currency                 TEXT    NOT NULL,
    fiscal_year_start_month  INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    default_terms_days       INTEGER NOT NULL DEFAULT 30,
    created_at               TEXT    NOT NULL
);

CREATE TABLE clients (
    id                  INTEGER PRIMARY KEY,
    legal_name          TEXT    NOT NULL,
    trade_name          TEXT    NOT NULL DEFAULT '',
    tax_id              TEXT    NOT NULL DEFAULT '',
    tax_id_status       TEXT    NOT NULL DEFAULT 'none' CHECK (tax_id_status IN ('none','ok','warning','invalid')),
    country             TEXT    NOT NULL DEFAULT '',
    payment_terms_days  INTEGER NOT NULL DEFAULT 30,
    credit_limit_minor  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit_minor >= 0),
    segment             TEXT    NOT NULL DEFAULT '',
    tags                TEXT    NOT NULL DEFAULT '',   -- tab-separated
    notes               TEXT    NOT NULL DEFAULT '',
    search_text         TEXT    NOT NULL DEFAULT '',   -- folded names and tax ID, for search
    source              TEXT    NOT NULL DEFAULT 'manual',
    archived_at         TEXT,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX clients_legal_name ON clients (legal_name COLLATE NOCASE);
CREATE INDEX clients_tax_id ON clients (tax_id) WHERE tax_id <> '';

CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    position   INTEGER NOT NULL DEFAULT 0,
    name       TEXT    NOT NULL DEFAULT '',
    role       TEXT    NOT NULL DEFAULT '',
    email      TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    channel    TEXT    NOT NULL DEFAULT 'email'
);
CREATE INDEX contacts_client ON contacts (client_id);

-- Invoices, credit notes and debit notes. amount_minor never changes; open_minor
-- and credited_minor are kept from the allocations (cartera check verifies them).
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('invoice','credit_note','debit_note')),
    number          TEXT    NOT NULL,
    issue_date      TEXT    NOT NULL,
    due_date        TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0 AND amount_minor <= 1000000000000000),
    open_minor      INTEGER NOT NULL CHECK (open_minor >= 0 AND open_minor <= amount_minor),
    credited_minor  INTEGER NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
    applies_to_id   INTEGER REFERENCES documents (id),
    description     TEXT    NOT NULL DEFAULT '',
    source          TEXT    NOT NULL DEFAULT 'manual',
    import_id       INTEGER,
    voided_at       TEXT,
    void_reason     TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    CHECK (due_date >= issue_date)
);
-- A separate index rather than a UNIQUE clause, so that bulk loads can build it
-- at the end. It also serves every per-client query (ledger, open documents).
CREATE UNIQUE INDEX documents_number ON documents (client_id, kind, number);
CREATE INDEX documents_issue ON documents (issue_date);
CREATE INDEX documents_due_open ON documents (due_date) WHERE open_minor > 0 AND voided_at IS NULL;
-- Covering (open_minor, kind): the client list sums balances and overdue for
-- every client when sorted by them, without touching the table.
CREATE INDEX documents_client_open ON documents (client_id, currency, due_date, open_minor, kind) WHERE open_minor > 0 AND voided_at IS NULL;
CREATE INDEX documents_applies_to ON documents (applies_to_id) WHERE applies_to_id IS NOT NULL;

-- Money received. Never edited: reversed_at marks a reversal.
CREATE TABLE payments (
    id                 INTEGER PRIMARY KEY,
    client_id          INTEGER NOT NULL REFERENCES clients (id),
    date               TEXT    NOT NULL,
    currency           TEXT    NOT NULL,
    amount_minor       INTEGER NOT NULL CHECK (amount_minor > 0 AND amount_minor <= 1000000000000000),
    unallocated_minor  INTEGER NOT NULL CHECK (unallocated_minor >= 0 AND unallocated_minor <= amount_minor),
    method             TEXT    NOT NULL DEFAULT 'transfer',
    reference          TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    source             TEXT    NOT NULL DEFAULT 'manual',
    source_ref         TEXT    NOT NULL DEFAULT '',
    import_id          INTEGER,
    reversed_at        TEXT,
    reversal_reason    TEXT    NOT NULL DEFAULT '',
    created_at         TEXT    NOT NULL
);
CREATE INDEX payments_client_date ON payments (client_id, date);
CREATE INDEX payments_date ON payments (date);

-- A payment or a credit note applied to an invoice or debit note. Undoing it
-- sets reversed_at; rows are never deleted.
CREATE TABLE allocations (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id),
    payment_id      INTEGER REFERENCES payments (id),
    credit_note_id  INTEGER REFERENCES documents (id),
    amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
    created_at      TEXT    NOT NULL,
    reversed_at     TEXT,
    CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
CREATE INDEX allocations_document ON allocations (document_id);
CREATE INDEX allocations_payment ON allocations (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocations_credit_note ON allocations (credit_note_id) WHERE credit_note_id IS NOT NULL;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    os_user    TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    before     TEXT    NOT NULL DEFAULT '',
    after      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
