package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/bankfile"
	"cartera/backend/bankimport"
	"cartera/backend/demo"
	"cartera/backend/money"
	"cartera/backend/reconcile"
	"cartera/backend/reconcile/synth"
	"cartera/backend/sqlite"
	"cartera/backend/taxid"
)

// runImportBank is `cartera import bank FILE --portfolio P [--account A]
// [--profile NAME] [--dry-run]`: the statement's lines into the account, the
// duplicates left out, the balance check and any gap said.
func runImportBank(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("import bank")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	account := fs.String("account", "", e.t("cuenta bancaria: su número, nombre o id (por omisión, la que indica el archivo)", "bank account: its number, name or id (default: the one the file names)"))
	profile := fs.String("profile", "", e.t("formato de banco a usar (por omisión, se detecta)", "bank layout to use (default: detected)"))
	dryRun := fs.Bool("dry-run", false, e.t("revisar todo sin guardar nada", "check everything, save nothing"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 1 || *portfolio == "" {
		e.errorf(e.t("uso: cartera import bank ARCHIVO --portfolio CARTERA [--account CUENTA] [--profile FORMATO] [--dry-run]",
			"usage: cartera import bank FILE --portfolio PORTFOLIO [--account ACCOUNT] [--profile LAYOUT] [--dry-run]"))
		return ExitUsage
	}
	start := time.Now()
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera import bank"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	p, err := db.Portfolio(ctx)
	if err != nil {
		return e.fail(err)
	}
	var accountID int64
	if *account != "" {
		if accountID, err = findAccountArg(ctx, db, *account); err != nil {
			return e.fail(err)
		}
	}
	rep, err := bankimport.Import(ctx, db, pos[0], bankimport.Options{Portfolio: p, AccountID: accountID, Profile: *profile, DryRun: *dryRun})
	if err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Formato: %s.", "Format: %s."), formatWords(e, rep.Format, rep.Profile))
	for _, s := range rep.Statements {
		e.printf("%s", statementLine(e, s, p.Country))
	}
	e.printf(e.t("%d líneas leídas: %d nuevas, %d ya estaban.", "%d lines read: %d new, %d already there."), rep.Lines, rep.New, rep.Duplicates)
	if rep.DryRun {
		e.printf(e.t("Prueba: no se guardó nada.", "Dry run: nothing was saved."))
	} else {
		e.printf(e.t("Importación %d (se deshace con: cartera undo-import bank %d --portfolio %s). %.1f s.", "Import %d (undo with: cartera undo-import bank %d --portfolio %s). %.1f s."),
			rep.ImportID, rep.ImportID, *portfolio, time.Since(start).Seconds())
	}
	return ExitOK
}

// formatWords names a statement's format and bank layout as a person would.
func formatWords(e *Env, format, profile string) string {
	words := map[string]string{"ofx": "OFX", "camt": "ISO 20022 CAMT", "mt940": "SWIFT MT940", "qif": "QIF", "table": e.t("planilla o texto", "spreadsheet or text")}[format]
	if words == "" {
		words = format
	}
	switch p, ok := bankfile.FindProfile(profile); {
	case profile == "guess":
		words += e.t(", columnas reconocidas por su nombre", ", columns recognised by their names")
	case ok:
		words += fmt.Sprintf(e.t(", formato de %s (%s)", ", %s layout (%s)"), p.Bank, profile)
	case profile != "":
		words += fmt.Sprintf(e.t(", formato guardado «%s»", ", saved layout “%s”"), profile)
	}
	return words
}

// statementLine says what one statement of a file brought.
func statementLine(e *Env, s sqlite.StatementSummary, country string) string {
	style := money.StyleFor(country)
	amt := func(v int64) string { return money.FormatPlain(v, s.Currency, style) }
	var b strings.Builder
	fmt.Fprintf(&b, e.t("Cuenta %s (%s), %s a %s: %d líneas, %d nuevas.", "Account %s (%s), %s to %s: %d lines, %d new."), s.Account, s.Currency, s.From, s.To, s.Lines, s.New)
	if s.NewAccount {
		b.WriteString(e.t(" Cuenta nueva.", " New account."))
	}
	switch s.Check {
	case "ok":
		fmt.Fprintf(&b, e.t(" Saldos cuadran: %s + movimientos = %s.", " Balances agree: %s + movements = %s."), amt(*s.Opening), amt(*s.Closing))
	case "mismatch":
		fmt.Fprintf(&b, e.t(" LOS SALDOS NO CUADRAN: saldo inicial %s + movimientos ≠ saldo final %s (diferencia %s).", " BALANCES DO NOT AGREE: opening %s + movements ≠ closing %s (difference %s)."),
			amt(*s.Opening), amt(*s.Closing), amt(s.Diff))
	default:
		b.WriteString(e.t(" El archivo no trae saldos para verificar.", " The file carries no balances to check."))
	}
	switch g := s.Gap; {
	case g != nil && g.Balances:
		fmt.Fprintf(&b, e.t(" FALTA UN TRAMO: la cartola anterior terminó el %s con %s y esta empieza el %s con %s.", " GAP: the previous statement ended on %s at %s and this one starts on %s at %s."),
			g.PreviousTo, amt(g.PreviousClosing), g.From, amt(g.Opening))
	case g != nil:
		fmt.Fprintf(&b, e.t(" FALTA UN TRAMO: ninguna cartola importada cubre los %d días entre el %s y el %s.", " GAP: no imported statement covers the %d days between %s and %s."), g.Days, g.PreviousTo, g.From)
	}
	return b.String()
}

// findAccountArg finds a bank account by id, number or name.
func findAccountArg(ctx context.Context, db *sqlite.DB, arg string) (int64, error) {
	accounts, err := db.BankAccounts(ctx)
	if err != nil {
		return 0, err
	}
	key := func(s string) string { return strings.ToUpper(strings.Map(keepAlnum, s)) }
	for _, a := range accounts {
		if strconv.FormatInt(a.ID, 10) == arg || (key(a.Number) != "" && key(a.Number) == key(arg)) || strings.EqualFold(a.Name, arg) {
			return a.ID, nil
		}
	}
	return 0, ar.Errorf(ar.EInvalid, "accountId", "bank.account_unknown", "value", arg)
}

func keepAlnum(r rune) rune {
	if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		return r
	}
	return -1
}

// runReconcile is `cartera reconcile --portfolio P [--dry-run] [--out
// matches.csv]`: the matcher over every pending line; with --out one CSV row
// per (bank line, invoice) allocation of the automatic matches and of the
// best suggestion of the rest.
func runReconcile(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("reconcile")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	dryRun := fs.Bool("dry-run", false, e.t("mostrar lo que se conciliaría, sin guardar nada", "show what would be matched, save nothing"))
	out := fs.String("out", "", e.t("escribir las coincidencias en este CSV", "write the matches to this CSV"))
	threshold := fs.Float64("threshold", 0, e.t("confianza desde la que se acepta sola una coincidencia (por omisión 0,95)", "confidence from which a match is accepted by itself (default 0.95)"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 0 || *portfolio == "" || *threshold < 0 || *threshold > 1 {
		e.errorf(e.t("uso: cartera reconcile --portfolio CARTERA [--dry-run] [--out coincidencias.csv] [--threshold 0.95]",
			"usage: cartera reconcile --portfolio PORTFOLIO [--dry-run] [--out matches.csv] [--threshold 0.95]"))
		return ExitUsage
	}
	start := time.Now()
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera reconcile"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	rep, err := db.Reconcile(ctx, sqlite.ReconcileOptions{DryRun: *dryRun, AutoThreshold: *threshold, Today: e.Today})
	if err != nil {
		return e.fail(err)
	}
	if *out != "" {
		if err := writeMatchesCSV(ctx, db, *out, rep, e.Lang); err != nil {
			return e.fail(err)
		}
	}
	e.printf(e.t("%d líneas revisadas: %d depósitos; %d conciliados automáticamente, %d con sugerencias, %d sin coincidencia; %d comisiones, %d impuestos, %d traspasos, %d egresos.",
		"%d lines looked at: %d deposits; %d matched automatically, %d with suggestions, %d with no match; %d fees, %d taxes, %d transfers, %d money out."),
		rep.Lines, rep.Deposits, rep.Auto, rep.Suggested, rep.Unmatched, rep.Classified["fee"], rep.Classified["tax"], rep.Classified["transfer"], rep.Classified["outgoing"])
	if rep.DryRun {
		e.printf(e.t("Prueba: no se guardó nada.", "Dry run: nothing was saved."))
	} else if rep.Auto > 0 {
		e.printf(e.t("Pasada %d (se deshace con: cartera undo-reconcile %d --portfolio %s). %.1f s.", "Run %d (undo with: cartera undo-reconcile %d --portfolio %s). %.1f s."),
			rep.RunID, rep.RunID, *portfolio, time.Since(start).Seconds())
	}
	return ExitOK
}

// MatchesHeader is the header of `cartera reconcile --out`: a public interface.
var MatchesHeader = []string{"bank_file", "row", "date", "amount_minor", "description", "client_tax_id", "invoice_number", "amount_applied_minor", "status", "confidence", "reason"}

// writeMatchesCSV writes one row per (bank line, invoice) allocation.
func writeMatchesCSV(ctx context.Context, db *sqlite.DB, path string, rep sqlite.ReconcileReport, lang string) error {
	var top []reconcile.Proposal
	for _, r := range rep.Results {
		if len(r.Result.Proposals) > 0 {
			top = append(top, r.Result.Proposals[0])
		}
	}
	names, err := db.NamesOf(ctx, top)
	if err != nil {
		return err
	}
	pf, err := db.Portfolio(ctx)
	if err != nil {
		return err
	}
	taxID := func(id int64) string {
		c := names.Clients[id]
		if c.Country == "" {
			c.Country = pf.Country
		}
		return taxid.Format(c.Country, c.TaxID)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return ar.Errorf(ar.EInvalid, "path", "export.write", "path", path)
	}
	w := csv.NewWriter(f)
	w.Write(MatchesHeader)
	for _, r := range rep.Results {
		if r.Result.Category != reconcile.CategoryDeposit || len(r.Result.Proposals) == 0 {
			continue
		}
		p := r.Result.Proposals[0]
		status := "suggested"
		if r.Result.Auto {
			status = "auto"
		}
		reason := reconcile.Describe(lang, p.Reasons)
		base := []string{filepath.Base(r.Line.FileName), strconv.Itoa(r.Line.Row), r.Line.Date.String(), strconv.FormatInt(r.Line.Amount, 10), r.Line.Description, taxID(p.ClientID)}
		conf := strconv.FormatFloat(p.Confidence, 'f', 3, 64)
		for _, a := range p.Allocs {
			w.Write(append(append([]string{}, base...), names.Documents[a.DocumentID].Number, strconv.FormatInt(a.Amount, 10), status, conf, reason))
		}
		if len(p.Allocs) == 0 {
			w.Write(append(append([]string{}, base...), "", "0", status, conf, reason))
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// runUndoReconcile is `cartera undo-reconcile RUN --portfolio P`.
func runUndoReconcile(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("undo-reconcile")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	var id int64
	if len(pos) == 1 {
		id, err = strconv.ParseInt(pos[0], 10, 64)
	}
	if len(pos) != 1 || err != nil || *portfolio == "" {
		e.errorf(e.t("uso: cartera undo-reconcile PASADA --portfolio CARTERA", "usage: cartera undo-reconcile RUN --portfolio PORTFOLIO"))
		return ExitUsage
	}
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera undo-reconcile"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	n, err := db.UndoRun(ctx, id)
	if err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Pasada %d deshecha: %d conciliaciones automáticas anuladas.", "Run %d undone: %d automatic matches undone."), id, n)
	return ExitOK
}

// runDemoBank is `cartera demo-bank --out DIR [--country C] [--clients N]
// [--invoices N] [--lines N] [--seed S]`: a labelled portfolio, its bank
// statement and the labels, to try and to measure the reconciliation.
func runDemoBank(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("demo-bank")
	out := fs.String("out", "", e.t("carpeta donde escribir la cartera, la cartola y las etiquetas", "folder to write the portfolio, the statement and the labels into"))
	country := fs.String("country", "CL", "CL, CO, MX, PE, AR")
	clients := fs.Int("clients", 300, e.t("cantidad de clientes", "number of clients"))
	invoices := fs.Int("invoices", 3000, e.t("cantidad de facturas abiertas", "number of open invoices"))
	lines := fs.Int("lines", 2000, e.t("cantidad de movimientos de la cartola", "number of statement lines"))
	seed := fs.Int64("seed", 1, e.t("semilla: la misma da los mismos archivos", "seed: the same one gives the same files"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 0 || *out == "" || *clients < 1 || *invoices < *clients || *lines < 1 || *invoices > 5_000_000 || *lines > 2_000_000 || !ar.KnownCountry(strings.ToUpper(*country)) {
		e.errorf(e.t("uso: cartera demo-bank --out CARPETA [--country CL] [--clients 300] [--invoices 3000] [--lines 2000] [--seed 1]",
			"usage: cartera demo-bank --out FOLDER [--country CL] [--clients 300] [--invoices 3000] [--lines 2000] [--seed 1]"))
		return ExitUsage
	}
	f, err := demo.GenerateBank(ctx, *out, *seed, synth.Config{Country: strings.ToUpper(*country), Clients: *clients, Invoices: *invoices, Lines: *lines})
	if err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Cartera: %s (%d clientes, %d documentos abiertos).\nCartola: %s (%d movimientos, %d pagan documentos).\nEtiquetas: %s. %.1f s.",
		"Portfolio: %s (%d clients, %d open documents).\nStatement: %s (%d lines, %d pay documents).\nLabels: %s. %.1f s."),
		f.Portfolio, f.Clients, f.Documents, f.Statement, f.Lines, f.Paying, f.Labels, f.Elapsed.Seconds())
	return ExitOK
}
