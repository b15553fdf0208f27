package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/settings"
	"cartera/backend/shell"
	"cartera/backend/sqlite"
)

type recorder struct {
	mu     sync.Mutex
	events []string
	done   chan JobDone
}

func (r *recorder) emit(name string, data any) {
	r.mu.Lock()
	r.events = append(r.events, name)
	r.mu.Unlock()
	if d, ok := data.(JobDone); ok {
		r.done <- d
	}
}

func newSession(t *testing.T) (*Session, *recorder) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("CARTERA_HOME", filepath.Join(dir, "carteras"))
	s := NewSession(Config{Settings: settings.Open(filepath.Join(dir, "config")), Version: "test",
		Today: func() date.Date { return date.MustParse("2026-11-24") }, BackupEvery: time.Hour})
	r := &recorder{done: make(chan JobDone, 4)}
	s.SetEmitter(r.emit)
	t.Cleanup(s.Shutdown)
	return s, r
}

// Switching portfolios changes the generation the frontend keys its screens
// by, and the second portfolio shows nothing of the first.
func TestPortfolios_SwitchingChangesGenerationAndData(t *testing.T) {
	s, _ := newSession(t)
	p, c := NewPortfolios(s), NewClients(s)
	a, err := p.Create(NewPortfolioRequest{Name: "Empresa A", Country: "CL"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ar.ClientInput{LegalName: "Cliente de A", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	b, err := p.Create(NewPortfolioRequest{Name: "Empresa B", Country: "MX"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Generation <= a.Generation || b.Portfolio.Currency != "MXN" {
		t.Fatalf("a %+v b %+v", a, b)
	}
	page, err := c.List(clientFilter())
	if err != nil || page.Total != 0 {
		t.Fatalf("portfolio B lists %d clients (%v); want none of A's", page.Total, err)
	}
	rec := p.Recent()
	if len(rec) != 2 || rec[0].Name != "Empresa B" {
		t.Errorf("recent %+v; want B then A", rec)
	}
	if _, err := p.Open(a.Path); err != nil {
		t.Fatal(err)
	}
	page, _ = c.List(clientFilter())
	if page.Total != 1 {
		t.Errorf("back in A: %d clients", page.Total)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.List(clientFilter()); ar.ErrorCode(err) != ar.ENoPortfolio {
		t.Errorf("with no portfolio open: %v; want %s", err, ar.ENoPortfolio)
	}
}

// The demo runs as a job: progress events, then done with the opened portfolio.
func TestStartDemo_ReportsProgressAndOpensThePortfolio(t *testing.T) {
	s, r := newSession(t)
	p := NewPortfolios(s)
	id, err := p.StartDemo(DemoRequest{Country: "CO", Clients: 20, Invoices: 400})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-r.done:
		if d.ID != id || !d.OK {
			t.Fatalf("job end %+v", d)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the demo job did not end")
	}
	info := p.Current()
	if !info.Open || info.Portfolio.Country != "CO" {
		t.Errorf("current %+v", info)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !strings.Contains(strings.Join(r.events, " "), EventJobProgress) {
		t.Errorf("no progress event among %v", r.events)
	}
	if _, err := p.StartDemo(DemoRequest{Country: "BR", Clients: 1, Invoices: 1}); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("a demo for Brazil: %v", err)
	}
}

// Errors reach the window as a code and a sentence in the user's language naming the field.
func TestToDTO_SaysWhatIsWrongInTheUsersLanguage(t *testing.T) {
	err := ar.Errorf(ar.EInvalid, "dueDate", "due_before_issue", "issue", "2026-11-24", "due", "2026-11-01")
	es, en := ToDTO("es", err), ToDTO("en", err)
	if es.Code != "invalid" || len(es.Issues) != 1 || es.Issues[0].Field != "dueDate" {
		t.Fatalf("dto %+v", es)
	}
	if es.Message == en.Message || !strings.Contains(strings.ToLower(es.Message), "vencimiento") || !strings.Contains(strings.ToLower(en.Message), "due") {
		t.Errorf("es %q en %q", es.Message, en.Message)
	}
	plain := ToDTO("es", errors.New("boom"))
	if plain.Code != string(ar.EInternal) || !strings.HasPrefix(plain.Message, "ocurrió un error inesperado; no se guardó nada.") {
		t.Errorf("an unexpected error shows %+v; want a plain internal-error sentence", plain)
	}
}

func clientFilter() sqlite.ClientFilter { return sqlite.ClientFilter{Limit: 50} }

// A bug that panics inside a call reaches the window as an internal error, not a crash.
func TestWith_PanicBecomesAnInternalError(t *testing.T) {
	s, r := newSession(t)
	if _, err := NewPortfolios(s).Create(NewPortfolioRequest{Name: "P", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	_, err := with(s, func(ctx context.Context, db *sqlite.DB) (int, error) { panic("a bug") })
	if ar.ErrorCode(err) != ar.EInternal {
		t.Fatalf("err = %v; want %s", err, ar.EInternal)
	}
	id := s.startJob("bug", func(ctx context.Context, progress func(string, int64, int64)) (any, error) { panic("a bug in a job") })
	select {
	case d := <-r.done:
		if d.ID != id || d.OK || d.Error == nil || d.Error.Code != string(ar.EInternal) {
			t.Errorf("job end %+v", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a panicking job never ended")
	}
	// The session still works afterwards.
	if _, err := NewClients(s).List(clientFilter()); err != nil {
		t.Errorf("after the panics: %v", err)
	}
}

func TestExports_RunAsAJobAndReportTheFile(t *testing.T) {
	s, r := newSession(t)
	if _, err := NewPortfolios(s).Create(NewPortfolioRequest{Name: "P", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	NewClients(s).Create(ar.ClientInput{LegalName: "Cliente Uno", Country: "CL"})
	old, _ := NewClients(s).Create(ar.ClientInput{LegalName: "Cliente Archivado", Country: "CL"})
	if _, err := NewClients(s).Archive(old.ID, true); err != nil {
		t.Fatal(err)
	}
	x := NewExports(s)
	out := filepath.Join(t.TempDir(), "clientes.xlsx")
	// The list's default filter shows active clients only: so does the export.
	id, err := x.StartClients(clientFilter(), out)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-r.done:
		res, ok := d.Result.(ExportDone)
		if d.ID != id || !d.OK || !ok || res.Rows != 1 || res.Path != out {
			t.Fatalf("job end %+v", d)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the export never ended")
	}
	if _, err := x.StartClients(clientFilter(), filepath.Join(t.TempDir(), "x.txt")); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("a .txt export: %v", err)
	}
	if path, err := x.ChooseFile("clients"); path != "" || err != nil {
		t.Errorf("headless ChooseFile = %q %v; want nothing", path, err)
	}
}

// The Wails runtime rejects a failed call with new Error(<formatter output>),
// which turns anything but a string into "[object Object]": the formatter must
// hand over text that parses back into the field-level DTO.
func TestErrorFormatter_SendsTextThatParsesBackToTheFieldMessages(t *testing.T) {
	s, _ := newSession(t)
	err := ar.Errorf(ar.EInvalid, "email", "email.invalid", "value", "ana@")
	out, ok := ErrorFormatter(s)(err).(string)
	if !ok {
		t.Fatalf("the formatter returns %T; the runtime would show it as [object Object]", ErrorFormatter(s)(err))
	}
	var dto ErrorDTO
	if jerr := json.Unmarshal([]byte(out), &dto); jerr != nil {
		t.Fatalf("formatter output %q is not JSON: %v", out, jerr)
	}
	if dto.Code != "invalid" || len(dto.Issues) != 1 || dto.Issues[0].Field != "email" || dto.Issues[0].Message == "" || strings.Contains(out, "object Object") {
		t.Errorf("formatter output %q", out)
	}
	if !strings.Contains(dto.Issues[0].Message, "«ana@» no es un correo válido") {
		t.Errorf("field message %q", dto.Issues[0].Message)
	}
}

// A negative payment is refused on its amount field with "debe ser
// positivo", not with a sentence about allocations exceeding the payment.
func TestPayments_NegativeAmountSaysPositiveUnderTheField(t *testing.T) {
	s, _ := newSession(t)
	if _, err := NewPortfolios(s).Create(NewPortfolioRequest{Name: "P", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	c, _ := NewClients(s).Create(ar.ClientInput{LegalName: "Cliente", Country: "CL"})
	d, err := NewInvoices(s).Create(ar.DocumentInput{ClientID: c.ID, Number: "1", IssueDate: date.MustParse("2026-11-01"), Currency: "CLP", Amount: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	for _, amount := range []int64{-50_000, 0} {
		_, err = NewPayments(s).Create(ar.PaymentInput{ClientID: c.ID, Date: date.MustParse("2026-11-20"), Currency: "CLP", Amount: amount,
			Allocations: []ar.Line{{DocumentID: d.ID, Amount: 50_000}}})
		dto := ToDTO("es", err)
		if dto.Code != "invalid" || len(dto.Issues) != 1 || dto.Issues[0].Field != "amount" || dto.Issues[0].Message != "el monto debe ser positivo." {
			t.Errorf("payment of %d: %+v", amount, dto)
		}
	}
	_, err = NewInvoices(s).Create(ar.DocumentInput{ClientID: c.ID, Number: "2", IssueDate: date.MustParse("2026-11-01"), Currency: "CLP", Amount: -1})
	if dto := ToDTO("en", err); len(dto.Issues) != 1 || dto.Issues[0].Field != "amount" || dto.Issues[0].Message != "the amount must be positive." {
		t.Errorf("negative invoice: %+v", dto)
	}
	_, err = NewInvoices(s).Create(ar.DocumentInput{ClientID: c.ID, Number: "3", IssueDate: date.MustParse("2026-11-01"), Currency: "CLP", Amount: ar.MaxAmount + 1})
	if dto := ToDTO("es", err); len(dto.Issues) != 1 || dto.Issues[0].Field != "amount" || dto.Issues[0].Message != "el monto es absurdamente grande; revise los ceros." {
		t.Errorf("invoice above the ceiling: %+v", dto)
	}
}

// A page may open or reveal the file an export just wrote, and no other path.
func TestShell_OpensTheExportJustWrittenAndNothingElse(t *testing.T) {
	s, r := newSession(t)
	var ran [][]string
	s.opener = shell.NewOpenerFor("darwin", func(name string, args ...string) error {
		ran = append(ran, append([]string{name}, args...))
		return nil
	})
	if _, err := NewPortfolios(s).Create(NewPortfolioRequest{Name: "P", Country: "CL"}); err != nil {
		t.Fatal(err)
	}
	sh := NewShell(s)
	out := filepath.Join(t.TempDir(), "clientes.xlsx")
	if err := sh.Open(out); ar.ErrorCode(err) != ar.EInvalid {
		t.Fatalf("before the export wrote it, Open = %v; want refused", err)
	}
	if _, err := NewExports(s).StartClients(sqlite.ClientFilter{Archived: "all"}, out); err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-r.done:
		if !d.OK {
			t.Fatalf("export failed: %+v", d)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the export never ended")
	}
	if err := sh.Open(out); err != nil {
		t.Fatal(err)
	}
	if err := sh.Reveal(out); err != nil {
		t.Fatal(err)
	}
	if err := sh.Open(s.info.Path); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("Open(the portfolio file) = %v; want refused", err)
	}
	want := [][]string{{"open", out}, {"open", "-R", out}}
	if len(ran) != 2 || strings.Join(ran[0], " ") != strings.Join(want[0], " ") || strings.Join(ran[1], " ") != strings.Join(want[1], " ") {
		t.Errorf("ran %q, want %q", ran, want)
	}
}

// About's folders open in the file manager (made first if missing); a name
// that is not one of them, or the backups with no portfolio open, is refused.
func TestShell_OpensAboutsFoldersOnly(t *testing.T) {
	s, _ := newSession(t)
	var ran [][]string
	s.opener = shell.NewOpenerFor("linux", func(name string, args ...string) error {
		ran = append(ran, append([]string{name}, args...))
		return nil
	})
	sh := NewShell(s)
	if err := sh.OpenFolder("backups"); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("backups with no portfolio open: %v; want refused", err)
	}
	if err := sh.OpenFolder("/etc"); ar.ErrorCode(err) != ar.EInvalid {
		t.Errorf("a path: %v; want refused", err)
	}
	if err := sh.OpenFolder("settings"); err != nil {
		t.Fatal(err)
	}
	want := NewPreferences(s).About().Settings
	if len(ran) != 1 || ran[0][0] != "xdg-open" || ran[0][1] != want {
		t.Errorf("ran %q, want xdg-open %s", ran, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Errorf("the settings folder was not made: %v", err)
	}
}
