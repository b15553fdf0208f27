// Package cli is Cartera's command line: the same backend as the window,
// driven by subcommands for batch work, scripting and benchmarks. Messages
// follow the user's language (CARTERA_LANG, then LANG; Spanish by default).
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/date"
	"cartera/backend/demo"
	"cartera/backend/export"
	"cartera/backend/i18n"
	"cartera/backend/sqlite"
)

// Exit codes.
const (
	ExitOK    = 0 // done
	ExitFail  = 1 // the command ran and found or met a problem
	ExitUsage = 2 // the command line was wrong
)

// Env is what a run needs from the outside world; nil writers mean the
// process's console (attached to the parent's on Windows).
type Env struct {
	Version string
	Stdout  io.Writer
	Stderr  io.Writer
	// Today is the date figures are computed as of; zero means the computer's
	// date (CARTERA_TODAY=YYYY-MM-DD overrides it).
	Today date.Date
	// Lang is "es" or "en"; empty means from the environment.
	Lang string
}

type command struct {
	name    string
	summary [2]string // es, en
	run     func(ctx context.Context, e *Env, args []string) int
}

func commands() []command {
	return []command{
		{"new", [2]string{"crea una cartera vacía", "creates an empty portfolio"}, runNew},
		{"demo", [2]string{"genera una cartera de demostración", "generates a demo portfolio"}, runDemo},
		{"demo-file", [2]string{"genera un archivo de cuentas por cobrar de ejemplo, para probar la importación", "generates a sample receivables file, to try the import"}, runDemoFile},
		{"demo-bank", [2]string{"genera una cartera, su cartola y las respuestas correctas, para probar la conciliación", "generates a portfolio, its statement and the right answers, to try the reconciliation"}, runDemoBank},
		{"check", [2]string{"verifica un archivo de cartera y sus saldos", "verifies a portfolio file and its balances"}, runCheck},
		{"import", [2]string{"importa clientes, documentos o pagos desde Excel o CSV, o una cartola del banco", "imports clients, documents or payments from Excel or CSV, or a bank statement"}, runImport},
		{"undo-import", [2]string{"deshace una importación completa", "undoes a whole import"}, runUndoImport},
		{"reconcile", [2]string{"concilia los depósitos de las cartolas con las facturas abiertas", "matches statement deposits to open invoices"}, runReconcile},
		{"undo-reconcile", [2]string{"deshace las conciliaciones automáticas de una pasada", "undoes the automatic matches of a run"}, runUndoReconcile},
		{"export", [2]string{"exporta clientes, documentos o pagos a Excel o CSV", "exports clients, documents or payments to Excel or CSV"}, runExport},
		{"version", [2]string{"muestra la versión", "prints the version"}, runVersion},
		{"help", [2]string{"muestra esta ayuda", "prints this help"}, runHelp},
	}
}

// IsCommand reports whether arg names a subcommand, so that main can tell a
// headless run from a window start (macOS adds its own -psn_ arguments).
func IsCommand(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "-v", "--version":
		return true
	}
	for _, c := range commands() {
		if c.name == arg {
			return true
		}
	}
	return false
}

// Run executes one subcommand and returns the process exit code.
func Run(args []string, e Env) int {
	if e.Stdout == nil || e.Stderr == nil {
		out, errw := console()
		if e.Stdout == nil {
			e.Stdout = out
		}
		if e.Stderr == nil {
			e.Stderr = errw
		}
	}
	if e.Lang == "" {
		e.Lang = i18n.EnvLang()
	}
	if e.Today.IsZero() {
		e.Today = todayFromEnv()
	}
	if len(args) == 0 {
		return runHelp(nil, &e, nil)
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-v", "--version":
		name = "version"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, &e, args[1:])
		}
	}
	e.errorf(e.t("orden desconocida «%s»; vea «cartera help».", "unknown command “%s”; see “cartera help”."), name)
	return ExitUsage
}

func todayFromEnv() date.Date {
	if v := os.Getenv("CARTERA_TODAY"); v != "" {
		if d, err := date.Parse(v); err == nil {
			return d
		}
	}
	return date.Of(time.Now())
}

// t picks the Spanish or English text.
func (e *Env) t(es, en string) string {
	if e.Lang == "en" {
		return en
	}
	return es
}

func (e *Env) printf(format string, a ...any) { fmt.Fprintf(e.Stdout, format+"\n", a...) }
func (e *Env) errorf(format string, a ...any) {
	fmt.Fprintf(e.Stderr, "cartera: "+format+"\n", a...)
}

// fail prints err in the user's language, one line per issue, and returns ExitFail.
func (e *Env) fail(err error) int {
	if os.Getenv("CARTERA_DEBUG") != "" {
		fmt.Fprintln(os.Stderr, "DEBUG", err)
	}
	for _, line := range i18n.Error(e.Lang, err) {
		e.errorf("%s", line)
	}
	if ar.ErrorCode(err) == ar.EInvalid {
		return ExitUsage
	}
	return ExitFail
}

func (e *Env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("cartera "+name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	return fs
}

// parse parses flags wherever they stand among the positional arguments, so
// "check FILE --limit 5" and "check --limit 5 FILE" both work.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func runHelp(_ context.Context, e *Env, _ []string) int {
	e.printf("Cartera %s", e.Version)
	e.printf(e.t("Sin argumentos abre la ventana. Órdenes:", "With no arguments it opens the window. Commands:"))
	for _, c := range commands() {
		e.printf("  %-11s %s", c.name, e.t(c.summary[0], c.summary[1]))
	}
	e.printf("")
	e.printf("  cartera new --out FILE --name NAME --country CL|CO|MX|PE|AR [--currency ISO] [--tax-id ID]")
	e.printf("  cartera demo --out FILE [--country CL|CO|MX|PE|AR] [--clients N] [--invoices N] [--seed N]")
	e.printf("  cartera demo-file --out FILE.csv|FILE.xlsx [--country CL|CO|MX|PE|AR] [--clients N] [--rows N] [--seed N]")
	e.printf("  cartera check FILE [--limit N]")
	e.printf("  cartera import clients|invoices|payments FILE --portfolio FILE [--mapping NAME] [--save-mapping NAME] [--dry-run]")
	e.printf("         [--create-clients] [--skip-invalid] [--accept-changes] [--accept-tax-ids] [--sheet S] [--header-row N]")
	e.printf("         [--encoding E] [--delimiter D] [--date-order dmy|mdy|ymd] [--decimal ,|.]")
	e.printf("  cartera undo-import N --portfolio FILE")
	e.printf("  cartera export clients|invoices|payments --portfolio FILE --out FILE.xlsx|FILE.csv")
	e.printf("  cartera version")
	return ExitOK
}

func runVersion(_ context.Context, e *Env, _ []string) int {
	e.printf("Cartera %s (%s %s/%s, %s %d)", e.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH,
		e.t("esquema de cartera", "portfolio schema"), sqlite.SchemaVersion())
	return ExitOK
}

func runNew(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("new")
	out := fs.String("out", "", e.t("archivo de la cartera nueva (.cartera)", "file of the new portfolio (.cartera)"))
	name := fs.String("name", "", e.t("nombre de la cartera", "portfolio name"))
	country := fs.String("country", "", "CL, CO, MX, PE, AR")
	currency := fs.String("currency", "", e.t("moneda ISO 4217 (por defecto, la del país)", "ISO 4217 currency (default: the country's)"))
	taxID := fs.String("tax-id", "", e.t("identificador tributario de la empresa", "the company's tax ID"))
	if !e.parseOut(fs, args, out) {
		return ExitUsage
	}
	path := withExt(*out)
	db, err := sqlite.Create(ctx, path, ar.Portfolio{Name: *name, Country: *country, Currency: *currency, TaxID: *taxID}, sqlite.Options{Holder: "cartera new"})
	if err != nil {
		return e.fail(err)
	}
	p, _ := db.Portfolio(ctx)
	if err := db.Close(); err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Cartera creada: %s (%s, %s, %s)", "Portfolio created: %s (%s, %s, %s)"), path, p.Name, p.Country, p.Currency)
	return ExitOK
}

func withExt(path string) string {
	if strings.HasSuffix(strings.ToLower(path), sqlite.Ext) {
		return path
	}
	return path + sqlite.Ext
}

func runDemo(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("demo")
	out := fs.String("out", "", e.t("archivo de la cartera de demostración (.cartera)", "file of the demo portfolio (.cartera)"))
	country := fs.String("country", "CL", "CL, CO, MX, PE, AR")
	clients := fs.Int("clients", demo.DefaultClients, e.t("cantidad de clientes", "number of clients"))
	invoices := fs.Int("invoices", demo.DefaultInvoices, e.t("cantidad de facturas", "number of invoices"))
	seed := fs.Int64("seed", 1, e.t("semilla: la misma semilla da la misma cartera", "seed: the same seed gives the same portfolio"))
	quiet := fs.Bool("quiet", false, e.t("sin avance", "no progress"))
	if !e.parseOut(fs, args, out) {
		return ExitUsage
	}
	opt := demo.Options{Country: strings.ToUpper(*country), Clients: *clients, Invoices: *invoices, Seed: *seed, Today: e.Today}
	var last string
	progress := func(stage string, done, total int64) {
		if *quiet {
			return
		}
		line := map[string]string{"clients": e.t("clientes", "clients"), "invoices": e.t("facturas y pagos", "invoices and payments"),
			"indexes": e.t("índices", "indexes")}[stage]
		if total > 0 {
			line = fmt.Sprintf("%s %d%%", stage, done*100/total)
		}
		if line != last {
			last = line
			fmt.Fprintf(e.Stderr, "  %s\n", line)
		}
	}
	sum, err := demo.Generate(ctx, withExt(*out), opt, progress)
	if err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Cartera de demostración creada: %s", "Demo portfolio created: %s"), sum.Path)
	e.printf(e.t("  %d clientes, %d facturas, %d notas de crédito, %d pagos, %d imputaciones en %.1f s",
		"  %d clients, %d invoices, %d credit notes, %d payments, %d allocations in %.1f s"),
		sum.Clients, sum.Invoices, sum.CreditNotes, sum.Payments, sum.Allocations, sum.Elapsed.Seconds())
	return ExitOK
}

func runCheck(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("check")
	limit := fs.Int("limit", 20, e.t("máximo de casos mostrados por regla", "most cases shown per rule"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 1 {
		e.errorf(e.t("uso: cartera check FILE", "usage: cartera check FILE"))
		return ExitUsage
	}
	start := time.Now()
	db, err := sqlite.Open(ctx, pos[0], sqlite.Options{Holder: "cartera check"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	vs, err := db.Check(ctx, *limit)
	if err != nil {
		return e.fail(err)
	}
	if len(vs) == 0 {
		e.printf(e.t("OK: %s pasa la verificación de integridad, llaves foráneas y saldos (%.1f s).",
			"OK: %s passes the integrity, foreign key and balance checks (%.1f s)."), pos[0], time.Since(start).Seconds())
		return ExitOK
	}
	byRule := map[string]int{}
	for _, v := range vs {
		e.printf("%s: %s", v.Rule, v.Detail)
		byRule[v.Rule]++
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	e.errorf(e.t("%s tiene %d problema(s) en: %s", "%s has %d problem(s) in: %s"), pos[0], len(vs), strings.Join(rules, ", "))
	return ExitFail
}

// parseOut parses the flags of a command that writes one file: no positional
// arguments, and --out is required. It reports false after saying what is wrong.
func (e *Env) parseOut(fs *flag.FlagSet, args []string, out *string) bool {
	pos, err := parse(fs, args)
	if err != nil {
		return false
	}
	if len(pos) > 0 {
		e.errorf(e.t("sobra «%s»", "unexpected “%s”"), pos[0])
		return false
	}
	if *out == "" {
		e.errorf(e.t("falta --out FILE", "missing --out FILE"))
		return false
	}
	return true
}

func runExport(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("export")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	out := fs.String("out", "", e.t("archivo a crear: .xlsx o .csv", "file to create: .xlsx or .csv"))
	search := fs.String("search", "", e.t("solo lo que la búsqueda de la lista encuentra", "only what the list's search finds"))
	status := fs.String("status", "", e.t("documentos: solo los de este estado (open, partly_paid, partly_credited, overdue, paid, credited, voided, available, applied, unpaid)",
		"documents: only those in this status (open, partly_paid, partly_credited, overdue, paid, credited, voided, available, applied, unpaid)"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 1 || *portfolio == "" || *out == "" || (*status != "" && pos[0] != "invoices") {
		e.errorf(e.t("uso: cartera export clients|invoices|payments --portfolio FILE --out FILE.xlsx|FILE.csv [--search TEXTO] [--status ESTADO (solo invoices)]",
			"usage: cartera export clients|invoices|payments --portfolio FILE --out FILE.xlsx|FILE.csv [--search TEXT] [--status STATUS (invoices only)]"))
		return ExitUsage
	}
	f := export.All()
	f.Clients.Search, f.Documents.Search, f.Payments.Search = *search, *search, *search
	f.Documents.Status = ar.Status(*status)
	if _, err := export.FormatOf(*out); err != nil {
		return e.fail(err)
	}
	start := time.Now()
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera export"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	n, err := export.ListOf(ctx, db, pos[0], f, *out, e.Lang, e.Today, nil)
	if err != nil {
		return e.fail(err)
	}
	e.printf(e.t("%d filas exportadas a %s (%.1f s)", "%d rows exported to %s (%.1f s)"), n, *out, time.Since(start).Seconds())
	return ExitOK
}
