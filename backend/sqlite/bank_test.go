package sqlite_test

import (
	"strings"
	"testing"

	"cartera/backend/ar"
	"cartera/backend/bankfile"
	"cartera/backend/date"
	"cartera/backend/reconcile"
	"cartera/backend/sqlite"
)

func bal(d string, v int64) *bankfile.Balance {
	return &bankfile.Balance{Date: date.MustParse(d), Amount: v}
}

func bline(row int, d string, amount int64, desc string) bankfile.Line {
	return bankfile.Line{Row: row, Date: date.MustParse(d), Amount: amount, Description: desc}
}

// november is a Banco de Chile statement: opening 1.000.000, three deposits
// (two of them identical, genuinely two), a fee, closing as the file says.
func november(closing int64) bankfile.File {
	return bankfile.File{Format: bankfile.FormatTable, Profile: "cl-bancochile", Statements: []bankfile.Statement{{
		Account: "00-123-45678-09", Currency: "CLP",
		Opening: bal("2026-10-31", 1_000_000), Closing: bal("2026-11-30", closing),
		Lines: []bankfile.Line{
			bline(27, "2026-11-03", 595_000, "TRASPASO DE:COMERCIAL SUR SPA FACT 1001"),
			bline(28, "2026-11-05", 100_000, "DEP CHEQUE 2231"),
			bline(29, "2026-11-05", 100_000, "DEP CHEQUE 2231"),
			bline(30, "2026-11-06", -5_950, "COMISION MANTENCION"),
		},
	}}}
}

func importFile(t *testing.T, db *sqlite.DB, name string, f bankfile.File, account int64) sqlite.StatementReport {
	t.Helper()
	rep, err := db.ImportStatement(ctx, sqlite.StatementImport{FileName: name, FileHash: "h-" + name, FileSize: 100, File: f, AccountID: account, BankName: "Banco de Chile"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestImportStatement_ChecksBalancesAndKeepsEachMovementOnce(t *testing.T) {
	db := newPortfolio(t)
	rep := importFile(t, db, "nov.xls", november(1_000_000+595_000+200_000-5_950), 0)
	s := rep.Statements[0]
	if rep.New != 4 || rep.Duplicates != 0 || !s.NewAccount || s.Check != "ok" || s.Gap != nil {
		t.Fatalf("first import: %+v %+v", rep, s)
	}
	accounts, _ := db.BankAccounts(ctx)
	if len(accounts) != 1 || accounts[0].Number != "00-123-45678-09" || accounts[0].Bank != "Banco de Chile" || accounts[0].Lines != 4 || accounts[0].Pending != 3 {
		t.Fatalf("accounts %+v", accounts)
	}
	// The same file again: nothing new, and the two identical cheques are still two.
	again := importFile(t, db, "nov (1).xls", november(1_000_000+595_000+200_000-5_950), 0)
	if again.New != 0 || again.Duplicates != 4 {
		t.Fatalf("re-import: new %d, duplicates %d; want 0 and 4", again.New, again.Duplicates)
	}
	// An overlapping export (the 5th to the 10th) brings only what is new, into the same account.
	over := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Account: "0012345678 09", Currency: "CLP", Lines: []bankfile.Line{
		bline(5, "2026-11-05", 100_000, "DEP  CHEQUE 2231"),
		bline(6, "2026-11-05", 100_000, "dep cheque 2231"),
		bline(7, "2026-11-06", -5_950, "COMISION MANTENCION"),
		bline(8, "2026-11-10", 77_000, "TRANSF DE PANADERIA EL SOL"),
	}}}}
	rep3 := importFile(t, db, "5-10 nov.csv", over, 0)
	if rep3.New != 1 || rep3.Duplicates != 3 || rep3.Statements[0].AccountID != s.AccountID {
		t.Fatalf("overlap: %+v", rep3)
	}
	page, err := db.FindBankLines(ctx, sqlite.BankLineFilter{Status: "all"})
	if err != nil || page.Total != 5 {
		t.Fatalf("lines %d (%v); want 5", page.Total, err)
	}
	mustCheck(t, db)
}

func TestImportStatement_SaysWhenBalancesDoNotAgreeAndWhenAStretchIsMissing(t *testing.T) {
	db := newPortfolio(t)
	rep := importFile(t, db, "nov.xls", november(1_700_000), 0)
	if s := rep.Statements[0]; s.Check != "mismatch" || s.Diff != 1_700_000-(1_000_000+595_000+200_000-5_950) {
		t.Fatalf("check %q diff %d", s.Check, s.Diff)
	}
	// December starts at 1.800.000 while November ended at 1.700.000: a gap.
	dec := bankfile.File{Format: bankfile.FormatMT940, Statements: []bankfile.Statement{{Account: "00-123-45678-09", Currency: "CLP",
		Opening: bal("2026-12-01", 1_800_000), Closing: bal("2026-12-31", 1_900_000),
		Lines: []bankfile.Line{bline(4, "2026-12-02", 100_000, "ABONO")}}}}
	s := importFile(t, db, "dic.sta", dec, 0).Statements[0]
	if s.Check != "ok" || s.Gap == nil || s.Gap.PreviousClosing != 1_700_000 || s.Gap.Opening != 1_800_000 {
		t.Fatalf("december: %+v gap %+v", s, s.Gap)
	}
	hist, _ := db.BankImports(ctx)
	if len(hist) != 2 || hist[0].Statements[0].Gap == nil || hist[1].Statements[0].Check != "mismatch" {
		t.Fatalf("history %+v", hist)
	}
}

func TestImportStatement_AccountRules(t *testing.T) {
	db := newPortfolio(t)
	noAccount := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Lines: []bankfile.Line{bline(2, "2026-11-02", 1000, "x")}}}}
	// No account anywhere: one is made for the file's bank.
	rep := importFile(t, db, "a.csv", noAccount, 0)
	if !rep.Statements[0].NewAccount {
		t.Fatal("no account was made")
	}
	// A second account: a file that names none must now say which.
	if _, err := db.SaveBankAccount(ctx, sqlite.BankAccount{Bank: "BCI", Number: "777-1"}); err != nil {
		t.Fatal(err)
	}
	other := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Lines: []bankfile.Line{bline(2, "2026-11-03", 2000, "y")}}}}
	_, err := db.ImportStatement(ctx, sqlite.StatementImport{FileName: "b.csv", File: other})
	wantCode(t, err, ar.EInvalid, "accountId")
	// A statement in dollars cannot go into a peso account.
	usd := bankfile.File{Format: bankfile.FormatOFX, Statements: []bankfile.Statement{{Currency: "USD", Lines: []bankfile.Line{bline(1, "2026-11-03", 2000, "y")}}}}
	_, err = db.ImportStatement(ctx, sqlite.StatementImport{FileName: "c.ofx", File: usd, AccountID: rep.Statements[0].AccountID})
	wantCode(t, err, ar.EInvalid, "accountId")
	// Nothing of a refused file is kept.
	if page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{Status: "all"}); page.Total != 1 {
		t.Fatalf("%d lines after refused imports; want 1", page.Total)
	}
	// A dry run says what would come and keeps nothing.
	dry, err := db.ImportStatement(ctx, sqlite.StatementImport{FileName: "b.csv", File: other, AccountID: rep.Statements[0].AccountID, DryRun: true})
	if err != nil || dry.New != 1 || dry.ImportID != 0 {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	if page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{Status: "all"}); page.Total != 1 {
		t.Fatalf("%d lines after a dry run; want 1", page.Total)
	}
}

// A deposit accepted by the user becomes a payment applied as chosen, a
// credit note applied with it, the rest as credit; undoing the match
// reverses the payment and unapplies the note; undoing the import then works.
func TestAcceptAndUndoMatch(t *testing.T) {
	db := newPortfolio(t)
	sur := client(t, db, "Comercial Sur SpA", "76.123.456-0")
	f1 := invoice(t, db, sur.ID, "1001", "2026-10-01", 500_000)
	f2 := invoice(t, db, sur.ID, "1002", "2026-10-05", 300_000)
	nc, err := db.CreateDocument(ctx, ar.DocumentInput{ClientID: sur.ID, Kind: ar.KindCreditNote, Number: "88", IssueDate: date.MustParse("2026-10-10"), Currency: "CLP", Amount: 50_000})
	if err != nil {
		t.Fatal(err)
	}
	f := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Currency: "CLP", Lines: []bankfile.Line{
		bline(3, "2026-11-03", 800_000, "TRANSF COMERCIAL SUR FACT 1001 1002 NC 88"),
	}}}}
	rep := importFile(t, db, "nov.csv", f, 0)
	page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{})
	if page.Total != 1 {
		t.Fatalf("queue %d", page.Total)
	}
	line := page.Rows[0]
	// 800.000 pays 1001 (500.000) and 1002 (300.000 less the 50.000 note: 250.000), leaving 50.000 as credit.
	p := reconcile.Proposal{ClientID: sur.ID, Allocs: []reconcile.Alloc{{DocumentID: f1.ID, Amount: 500_000}, {DocumentID: f2.ID, Amount: 250_000}},
		Credits: []reconcile.CreditUse{{CreditNoteID: nc.ID, DocumentID: f2.ID, Amount: 50_000}}, Remainder: 50_000, Confidence: 1,
		Reasons: []reconcile.Reason{{Key: "bank.reason.manual"}}}
	got, err := db.AcceptMatch(ctx, line.ID, p)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "matched" || got.Match == nil || got.Match.Kind != "manual" || strings.Join(got.Match.Documents, ",") != "1001,1002" {
		t.Fatalf("accepted line %+v match %+v", got, got.Match)
	}
	pay, _ := db.FindPaymentByID(ctx, got.Match.PaymentID)
	if pay.Payment.Amount != 800_000 || pay.Available != 50_000 || pay.Payment.Source != ar.SourceBank || pay.Payment.Date != line.Date {
		t.Fatalf("payment %+v available %d", pay.Payment, pay.Available)
	}
	if d := doc(t, db, f2.ID); d.Document.Open != 0 || d.Document.Credited != 50_000 {
		t.Fatalf("1002 open %d credited %d", d.Document.Open, d.Document.Credited)
	}
	mustCheck(t, db)
	// Accepting again is refused; so is undoing the import while the line is matched.
	_, err = db.AcceptMatch(ctx, line.ID, p)
	wantCode(t, err, ar.EConflict, "lineId")
	wantCode(t, db.UndoBankImport(ctx, rep.ImportID), ar.EConflict, "importId")

	if err := db.UndoMatch(ctx, got.Match.ID); err != nil {
		t.Fatal(err)
	}
	if d := doc(t, db, f2.ID); d.Document.Open != 300_000 || d.Document.Credited != 0 {
		t.Fatalf("after undo 1002 open %d credited %d", d.Document.Open, d.Document.Credited)
	}
	if n := doc(t, db, nc.ID); n.Document.Open != 50_000 {
		t.Fatalf("after undo the note has %d open; want 50.000", n.Document.Open)
	}
	pay, _ = db.FindPaymentByID(ctx, got.Match.PaymentID)
	if pay.Status != ar.PaymentReversed {
		t.Fatalf("payment after undo: %s", pay.Status)
	}
	if back, _ := db.FindBankLine(ctx, line.ID); back.Status != "pending" {
		t.Fatalf("line after undo: %s", back.Status)
	}
	wantCode(t, db.UndoMatch(ctx, got.Match.ID), ar.EConflict, "matchId")
	mustCheck(t, db)
	if err := db.UndoBankImport(ctx, rep.ImportID); err != nil {
		t.Fatal(err)
	}
	if page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{Status: "all"}); page.Total != 0 {
		t.Fatalf("%d lines after undoing the import", page.Total)
	}
	// The same file comes back whole after an undo.
	if again := importFile(t, db, "nov.csv", f, 0); again.New != 1 {
		t.Fatalf("re-import after undo: %d new", again.New)
	}
	mustCheck(t, db)
}

// A proposal made stale by a payment recorded meanwhile is refused whole.
func TestAcceptMatch_StaleProposalIsRefusedWhole(t *testing.T) {
	db := newPortfolio(t)
	sur := client(t, db, "Comercial Sur SpA", "76.123.456-0")
	f1 := invoice(t, db, sur.ID, "1001", "2026-10-01", 500_000)
	importFile(t, db, "nov.csv", bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Currency: "CLP", Lines: []bankfile.Line{
		bline(3, "2026-11-03", 500_000, "TRANSF COMERCIAL SUR")}}}}, 0)
	if _, err := db.CreatePayment(ctx, ar.PaymentInput{ClientID: sur.ID, Date: date.MustParse("2026-11-02"), Currency: "CLP", Amount: 200_000, Method: "cash",
		Allocations: []ar.Line{{DocumentID: f1.ID, Amount: 200_000}}}); err != nil {
		t.Fatal(err)
	}
	page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{})
	_, err := db.AcceptMatch(ctx, page.Rows[0].ID, reconcile.Proposal{ClientID: sur.ID, Allocs: []reconcile.Alloc{{DocumentID: f1.ID, Amount: 500_000}}})
	wantCode(t, err, ar.EConflict, "lineId")
	if d := doc(t, db, f1.ID); d.Document.Open != 300_000 {
		t.Fatalf("open %d after a refused match", d.Document.Open)
	}
	var payments int
	db.SQL().QueryRow(`SELECT count(*) FROM payments`).Scan(&payments)
	if payments != 1 {
		t.Fatalf("%d payments after a refused match; want 1", payments)
	}
	mustCheck(t, db)
}

// A reconciliation run: the deposit that names its invoice and the payer's
// RUT is matched by itself and listed in the runs; undoing the run puts it back.
func TestReconcileRun_ListedAndUndone(t *testing.T) {
	db := newPortfolio(t)
	sur := client(t, db, "Comercial Sur SpA", "76.123.456-0")
	invoice(t, db, sur.ID, "1001", "2026-10-01", 500_000)
	importFile(t, db, "nov.csv", bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Currency: "CLP", Lines: []bankfile.Line{
		bline(3, "2026-11-03", 500_000, "TRANSF DE COMERCIAL SUR SPA 76.123.456-0 FACT 1001")}}}}, 0)
	rep, err := db.Reconcile(ctx, sqlite.ReconcileOptions{Today: today})
	if err != nil || rep.Auto != 1 {
		t.Fatalf("run: %+v %v", rep, err)
	}
	runs, err := db.ReconcileRuns(ctx)
	if err != nil || len(runs) != 1 || runs[0].Auto != 1 || runs[0].Live != 1 || runs[0].At.IsZero() {
		t.Fatalf("runs %+v %v", runs, err)
	}
	mustCheck(t, db)
	if n, err := db.UndoRun(ctx, runs[0].ID); err != nil || n != 1 {
		t.Fatalf("undo run: %d %v", n, err)
	}
	if page, _ := db.FindBankLines(ctx, sqlite.BankLineFilter{}); page.Total != 1 {
		t.Fatalf("queue after undo: %d", page.Total)
	}
	mustCheck(t, db)
}

// Statements that name no account go to the account of their bank: a
// second bank's cartola makes its own account, not the first bank's.
func TestImportStatement_FilesWithoutAccountGoToTheirBank(t *testing.T) {
	db := newPortfolio(t)
	chile := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Bank: "Banco de Chile", Lines: []bankfile.Line{bline(2, "2026-11-02", 1000, "a")}}}}
	bci := bankfile.File{Format: bankfile.FormatTable, Statements: []bankfile.Statement{{Bank: "BCI", Lines: []bankfile.Line{bline(2, "2026-11-02", 1000, "a")}}}}
	a := importFile(t, db, "chile.xls", chile, 0).Statements[0]
	b := importFile(t, db, "bci.xls", bci, 0).Statements[0]
	if !a.NewAccount || !b.NewAccount || a.AccountID == b.AccountID {
		t.Fatalf("Banco de Chile %+v, BCI %+v: want two new accounts", a, b)
	}
	// The next cartola of each bank goes to its account.
	chile.Statements[0].Lines[0] = bline(2, "2026-11-03", 2000, "b")
	if c := importFile(t, db, "chile-2.xls", chile, 0).Statements[0]; c.NewAccount || c.AccountID != a.AccountID {
		t.Fatalf("second Banco de Chile cartola went to %d (new %v); want %d", c.AccountID, c.NewAccount, a.AccountID)
	}
}
