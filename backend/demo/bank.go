package demo

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/money"
	"cartera/backend/reconcile"
	"cartera/backend/reconcile/synth"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// BankFiles are what GenerateBank writes into its folder: a portfolio with
// the open invoices of a labelled dataset (backend/reconcile/synth), the
// bank statement of its deposits as the bank's spreadsheet export writes it,
// and the labels: which invoices each statement row truly pays.
type BankFiles struct {
	Portfolio string
	Statement string
	Labels    string
	Clients   int
	Documents int
	Lines     int
	Paying    int // statement rows that pay documents of the portfolio
	Elapsed   time.Duration
}

// LabelsHeader is the header of the labels file: one row per (statement
// row, invoice) the row truly pays, in the columns of `cartera reconcile --out`.
var LabelsHeader = []string{"bank_file", "row", "date", "amount_minor", "client_tax_id", "invoice_number", "amount_applied_minor", "case"}

// GenerateBank writes a labelled portfolio and statement into dir (created
// if missing; the files must not exist) for trying and measuring the
// reconciliation end to end: `cartera import bank`, then `cartera reconcile
// --out`, compared with the labels.
func GenerateBank(ctx context.Context, dir string, seed int64, cfg synth.Config) (BankFiles, error) {
	start := time.Now()
	ds := synth.Generate(seed, cfg)
	out := BankFiles{Portfolio: filepath.Join(dir, "cartera-banco.cartera"), Statement: filepath.Join(dir, "cartola.csv"), Labels: filepath.Join(dir, "etiquetas.csv"),
		Clients: len(ds.Clients), Documents: len(ds.Documents), Lines: len(ds.Lines)}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, ar.Wrap(ar.EReadOnly, err, "folder.read_only", "path", dir)
	}
	for _, p := range []string{out.Portfolio, out.Statement, out.Labels} {
		if _, err := os.Stat(p); err == nil {
			return out, ar.Errorf(ar.EConflict, "path", "portfolio.exists", "path", p)
		}
	}
	if err := writeBankPortfolio(ctx, out.Portfolio, ds); err != nil {
		return out, err
	}
	rows, err := writeStatement(out.Statement, ds)
	if err != nil {
		return out, err
	}
	if out.Paying, err = writeLabels(out.Labels, filepath.Base(out.Statement), ds, rows); err != nil {
		return out, err
	}
	out.Elapsed = time.Since(start)
	return out, nil
}

func writeBankPortfolio(ctx context.Context, path string, ds synth.Dataset) error {
	tmp := path + ".partial"
	sqlite.RemoveFiles(tmp)
	db, err := sqlite.Create(ctx, tmp, ar.Portfolio{Name: CompanyName(ds.Country) + " (banco)", Country: ds.Country, Currency: ds.Currency}, sqlite.Options{Holder: "Cartera demo"})
	if err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		sqlite.RemoveFiles(tmp)
		return err
	}
	l, err := sqlite.NewLoader(ctx, tmp, time.Now())
	if err != nil {
		sqlite.RemoveFiles(tmp)
		return err
	}
	fail := func(err error) error {
		l.Abort()
		sqlite.RemoveFiles(tmp)
		return err
	}
	for _, c := range ds.Clients {
		if err := l.Client(ar.Client{ID: c.ID, LegalName: c.LegalName, TradeName: c.TradeName, TaxID: c.TaxID, TaxIDStatus: ar.TaxIDOK,
			Country: c.Country, PaymentTermsDays: 30, Source: ar.SourceDemo}); err != nil {
			return fail(err)
		}
	}
	for _, d := range ds.Documents {
		// The book holds what is open; the amount issued is the open amount.
		due := d.DueDate
		if due.Before(d.IssueDate) {
			due = d.IssueDate
		}
		if err := l.Document(ar.Document{ID: d.ID, ClientID: d.ClientID, Kind: d.Kind, Number: d.Number, IssueDate: d.IssueDate, DueDate: due,
			Currency: d.Currency, Amount: d.Open, Open: d.Open, AppliesToID: d.AppliesToID, Source: ar.SourceDemo}); err != nil {
			return fail(err)
		}
	}
	if err := l.Audit("demo-bank", map[string]any{"country": ds.Country, "clients": len(ds.Clients), "documents": len(ds.Documents), "lines": len(ds.Lines)}); err != nil {
		return fail(err)
	}
	if err := l.Finish(nil); err != nil {
		sqlite.RemoveFiles(tmp)
		return err
	}
	// The payer rules the business had learned before this statement.
	db, err = sqlite.Open(ctx, tmp, sqlite.Options{Holder: "Cartera demo"})
	if err != nil {
		sqlite.RemoveFiles(tmp)
		return err
	}
	for _, r := range ds.Rules {
		if r.Kind != reconcile.RuleClient {
			continue
		}
		r.ID = 0
		if _, err := db.SaveBankRule(ctx, r); err != nil {
			db.Close()
			sqlite.RemoveFiles(tmp)
			return err
		}
	}
	if err := db.Close(); err != nil {
		sqlite.RemoveFiles(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// writeStatement writes the lines as a bank's CSV export: a preamble with the
// account and the opening balance, the movements with separate debit and
// credit columns and the running balance, the closing balance below. It
// returns each line's row (its physical line in the file).
func writeStatement(path string, ds synth.Dataset) ([]int, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, ar.Wrap(ar.EReadOnly, err, "export.write", "path", path)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	style := money.StyleFor(ds.Country)
	amt := func(v int64) string { return money.FormatPlain(v, ds.Currency, style) }
	opening := int64(100_000_000) * pow10(ds.Currency)
	fmt.Fprintf(w, "Cartola de Cuenta Corriente\r\nCuenta: %s\r\nMoneda: %s\r\nSaldo inicial: %s\r\n\r\n", ds.Account, ds.Currency, amt(opening))
	fmt.Fprintf(w, "Fecha;Descripción;Referencia;Cargos;Abonos;Saldo\r\n")
	line := 6
	rows := make([]int, len(ds.Lines))
	bal := opening
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	for i, l := range ds.Lines {
		line++
		rows[i] = line
		bal += l.Amount
		desc := l.Description
		if l.Payer != "" {
			desc = strings.TrimSpace(desc + " " + l.Payer)
		}
		if l.PayerID != "" {
			desc = strings.TrimSpace(desc + " " + l.PayerID)
		}
		if l.Reversal && !strings.HasPrefix(strings.ToUpper(desc), "REVERSA") {
			desc = "REVERSA " + desc
		}
		debit, credit := "", ""
		if l.Amount < 0 {
			debit = amt(-l.Amount)
		} else {
			credit = amt(l.Amount)
		}
		cw.Write([]string{fmtDate(l.Date), desc, l.Reference, debit, credit, amt(bal)})
	}
	cw.Flush()
	fmt.Fprintf(w, "\r\nSaldo final: %s\r\n", amt(bal))
	if err := w.Flush(); err != nil {
		f.Close()
		return nil, err
	}
	return rows, f.Close()
}

func pow10(currency string) int64 {
	exp, _ := money.Exponent(currency)
	p := int64(1)
	for ; exp > 0; exp-- {
		p *= 10
	}
	return p
}

func fmtDate(d date.Date) string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

func writeLabels(path, statement string, ds synth.Dataset, rows []int) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, ar.Wrap(ar.EReadOnly, err, "export.write", "path", path)
	}
	tax := make(map[int64]string, len(ds.Clients))
	for _, c := range ds.Clients {
		tax[c.ID] = taxid.Format(c.Country, c.TaxID)
	}
	number := make(map[int64]string, len(ds.Documents))
	for _, d := range ds.Documents {
		number[d.ID] = d.Number
	}
	w := csv.NewWriter(bufio.NewWriter(f))
	w.Write(LabelsHeader)
	paying := 0
	for i, lab := range ds.Labels {
		if !lab.PaysInvoices() {
			continue
		}
		paying++
		l := ds.Lines[i]
		for _, a := range lab.Allocs {
			w.Write([]string{statement, strconv.Itoa(rows[i]), l.Date.String(), strconv.FormatInt(l.Amount, 10), tax[lab.ClientID], number[a.DocumentID], strconv.FormatInt(a.Amount, 10), lab.Case})
		}
		if len(lab.Allocs) == 0 {
			w.Write([]string{statement, strconv.Itoa(rows[i]), l.Date.String(), strconv.FormatInt(l.Amount, 10), tax[lab.ClientID], "", "0", lab.Case})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return 0, err
	}
	return paying, f.Close()
}
