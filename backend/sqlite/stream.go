package sqlite

import "database/sql"

// The Each…Of functions (beside each list's query) read a whole list in one
// query, row by row, for exports of any size: nothing is held in memory but
// the current row, and fn's error stops the reading.

// ClientExport is one client as an export shows it.
type ClientExport struct {
	ClientRow
	PaymentTermsDays int
	Tags             string // tab-separated
	Email, Phone     string // of the first contact
}

func each(rows *sql.Rows, fn func(*sql.Rows) error) error {
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}
