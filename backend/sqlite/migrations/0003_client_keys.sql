-- 0003: the keys the client list sorts by, and an index for client credit.
-- name_key orders names as Spanish readers do (accents and case ignored, ñ
-- after n: ar.NameSortKey); tax_id_key orders tax IDs by their number
-- (taxid.SortKey). Both are computed in Go, so existing clients get theirs
-- from the migration's Go step (sqlite.go) and new ones from every write.
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN tax_id_key TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_name_key ON clients (name_key);
CREATE INDEX clients_tax_id_key ON clients (tax_id_key);
-- Covering: the client list subtracts every client's unallocated payments
-- from its balance without touching the payments table.
CREATE INDEX payments_client_unallocated ON payments (client_id, currency, unallocated_minor) WHERE unallocated_minor > 0 AND reversed_at IS NULL;
