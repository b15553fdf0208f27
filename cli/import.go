package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cartera/backend/ar"
	"cartera/backend/demo"
	"cartera/backend/i18n"
	"cartera/backend/importer"
	"cartera/backend/settings"
	"cartera/backend/sqlite"
	"cartera/backend/tabular"
)

// runImport is `cartera import clients|invoices|payments FILE --portfolio P …`:
// the wizard's choices as flags, the same problems printed one per line, and
// a non-zero exit when nothing was imported.
func runImport(ctx context.Context, e *Env, args []string) int {
	if len(args) > 0 && args[0] == "bank" {
		return runImportBank(ctx, e, args[1:])
	}
	fs := e.flags("import")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	mapping := fs.String("mapping", "", e.t("usar la asignación de columnas guardada con este nombre", "use the column mapping saved under this name"))
	saveMapping := fs.String("save-mapping", "", e.t("guardar la asignación de columnas con este nombre", "save the column mapping under this name"))
	dryRun := fs.Bool("dry-run", false, e.t("revisar todo sin guardar nada", "check everything, save nothing"))
	var ch importer.Choices
	fs.BoolVar(&ch.CreateClients, "create-clients", false, e.t("crear los clientes que no están en la cartera", "create the clients the portfolio lacks"))
	fs.BoolVar(&ch.SkipInvalid, "skip-invalid", false, e.t("dejar fuera las filas con errores", "leave out the rows with errors"))
	fs.BoolVar(&ch.AcceptChanges, "accept-changes", false, e.t("aplicar los cambios de montos y fechas de una reimportación", "apply the changed amounts and dates of a re-import"))
	fs.BoolVar(&ch.AcceptTaxIDs, "accept-tax-ids", false, e.t("aceptar identificadores con dígito verificador incorrecto", "accept tax IDs with a wrong check digit"))
	sheet := fs.String("sheet", "", e.t("hoja del libro (por omisión, la primera con datos)", "workbook sheet (default: the first with data)"))
	headerRow := fs.Int("header-row", 0, e.t("fila de los nombres de columna (por omisión, se detecta)", "row of the column names (default: detected)"))
	encoding := fs.String("encoding", "", "utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252")
	delimiter := fs.String("delimiter", "", e.t("separador: , ; tab |", "delimiter: , ; tab |"))
	dateOrder := fs.String("date-order", "", "dmy, mdy, ymd")
	decimal := fs.String("decimal", "", e.t("separador decimal: , o .", "decimal separator: , or ."))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 2 || *portfolio == "" || !importer.ValidTarget(importer.Target(pos[0])) {
		e.errorf(e.t("uso: cartera import clients|invoices|payments ARCHIVO --portfolio CARTERA [--mapping NOMBRE] [--dry-run] [--create-clients] [--skip-invalid] [--accept-changes]",
			"usage: cartera import clients|invoices|payments FILE --portfolio PORTFOLIO [--mapping NAME] [--dry-run] [--create-clients] [--skip-invalid] [--accept-changes]"))
		return ExitUsage
	}
	if *delimiter == "tab" {
		*delimiter = "\t"
	}
	target, path := importer.Target(pos[0]), pos[1]
	opt := importer.Options{Target: target, Choices: ch, DryRun: *dryRun,
		Settings: tabular.Settings{Sheet: *sheet, HeaderRow: *headerRow, Encoding: tabular.Encoding(*encoding), Delimiter: *delimiter},
		Format:   importer.Format{DateOrder: importer.DateOrder(*dateOrder), Decimal: *decimal}}
	start := time.Now()
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera import"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()

	store := settings.Open(settings.Dir())
	pv, err := importer.MakePreview(ctx, db, path, opt)
	if err != nil {
		return e.fail(err)
	}
	var saved settings.Mapping
	var found bool
	if *mapping != "" {
		if saved, found = store.FindMapping(*mapping); !found {
			return e.fail(ar.Errorf(ar.EInvalid, "mapping", "import.mapping_not_found", "value", *mapping))
		}
	} else if saved, found = store.MappingFor(string(target), pv.Signature); found {
		e.printf(e.t("Se usa la asignación de columnas guardada «%s».", "Using the saved column mapping “%s”."), saved.Name)
	}
	if found && !importer.UseMapping(&opt, saved.Columns, saved.DateOrder, saved.Decimal, len(pv.Header)) {
		return e.fail(ar.Errorf(ar.EInvalid, "mapping", "import.mapping_width", "columns", strconv.Itoa(len(pv.Header))))
	}
	e.describe(pv, opt.Columns)
	rep, err := importer.Run(ctx, db, path, opt, e.Today, nil)
	if err != nil {
		return e.fail(err)
	}
	if *saveMapping != "" {
		cols := make([]string, len(rep.Columns))
		for i, c := range rep.Columns {
			cols[i] = string(c)
		}
		if err := store.SaveMapping(settings.Mapping{Name: *saveMapping, Target: string(target), Signature: importer.Signature(rep.Header),
			Columns: cols, DateOrder: string(rep.Format.DateOrder), Decimal: rep.Format.Decimal, SavedAt: time.Now()}); err != nil {
			e.errorf("%v", err)
		}
	}
	for _, pr := range rep.Problems {
		e.printf("%s", e.problem(pr))
	}
	total := 0
	for _, n := range rep.ByClass {
		total += n
	}
	if total > len(rep.Problems) {
		e.printf(e.t("… y %d problemas más.", "… and %d more problems."), total-len(rep.Problems))
	}
	c := rep.Counts
	if rep.Blocking == 0 {
		e.printf(e.t("%d filas leídas: %d nuevas, %d sin cambios, %d actualizadas, %d omitidas; %d clientes creados; %d pagos registrados.",
			"%d rows read: %d new, %d unchanged, %d updated, %d skipped; %d clients created; %d payments recorded."),
			c.Rows, c.Created, c.Unchanged, c.Updated, c.Skipped, c.ClientsCreated, c.Payments)
	} else {
		e.printf(e.t("%d filas leídas.", "%d rows read."), c.Rows)
	}
	switch {
	case rep.Blocking > 0:
		e.errorf(e.t("no se importó nada: %d filas tienen problemas. Corrija el archivo o elija qué hacer con ellas (--skip-invalid, --create-clients, --accept-changes, --accept-tax-ids).",
			"nothing was imported: %d rows have problems. Fix the file or choose what to do with them (--skip-invalid, --create-clients, --accept-changes, --accept-tax-ids)."), rep.Blocking)
		return ExitFail
	case rep.DryRun:
		e.printf(e.t("Prueba: no se guardó nada.", "Dry run: nothing was saved."))
		if c.Created+c.Updated+c.Payments == 0 {
			return ExitFail
		}
		return ExitOK
	case !rep.Committed && c.Skipped > 0 && c.Unchanged == 0:
		e.errorf(e.t("no se importó nada: las %d filas quedaron fuera (por las opciones elegidas, o por ser documentos anulados o que no son por cobrar; vea los avisos de arriba).",
			"nothing was imported: all %d rows were left out (by the choices made, or as voided documents or documents that are not receivables; see the notices above)."), c.Skipped)
		return ExitFail
	case !rep.Committed && c.Skipped > 0:
		e.errorf(e.t("no se importó nada: %d filas quedaron fuera (vea los avisos de arriba) y el resto ya está en la cartera.",
			"nothing was imported: %d rows were left out (see the notices above) and the rest is already in the portfolio."), c.Skipped)
		return ExitFail
	case !rep.Committed:
		e.errorf(e.t("no se importó nada: todo lo del archivo ya está en la cartera.", "nothing was imported: everything in the file is already in the portfolio."))
		return ExitFail
	}
	e.printf(e.t("Importación n.º %d guardada (%.1f s). Se puede deshacer con «cartera undo-import %d --portfolio …».",
		"Import no. %d saved (%.1f s). It can be undone with “cartera undo-import %d --portfolio …”."), rep.ImportID, time.Since(start).Seconds(), rep.ImportID)
	return ExitOK
}

// describe prints how the file is read and its columns mapped.
func (e *Env) describe(pv importer.Preview, columns []importer.Field) {
	s := pv.Info.Settings
	if s.Format == tabular.FormatXLSX || s.Format == tabular.FormatXLS {
		e.printf(e.t("Libro Excel, hoja «%s», nombres de columna en la fila %d.", "Excel workbook, sheet “%s”, column names on row %d."), s.Sheet, s.HeaderRow)
	} else {
		e.printf(e.t("Texto %s separado por «%s», nombres de columna en la línea %d.", "%s text delimited by “%s”, column names on line %d."), s.Encoding, strings.ReplaceAll(s.Delimiter, "\t", "tab"), s.HeaderRow)
	}
	if columns == nil {
		columns = pv.Columns
	}
	var parts []string
	for i, h := range pv.Header {
		if i == 60 {
			parts = append(parts, fmt.Sprintf(e.t("… y %d más", "… and %d more"), len(pv.Header)-i))
			break
		}
		if r := []rune(h); len(r) > 40 {
			h = string(r[:40]) + "…"
		}
		f := "—"
		if i < len(columns) && columns[i] != "" {
			f = i18n.Field(e.Lang, string(columns[i]))
		}
		parts = append(parts, fmt.Sprintf("«%s» → %s", h, f))
	}
	e.printf(e.t("Columnas: %s", "Columns: %s"), strings.Join(parts, ", "))
}

// problem renders one problem: row, column, value and reason.
func (e *Env) problem(pr importer.Problem) string {
	var b strings.Builder
	if pr.Line > 0 {
		b.WriteString(e.t("fila ", "row ") + strconv.Itoa(pr.Line))
	} else {
		b.WriteString(e.t("archivo", "file")) // said of the whole file
	}
	if pr.Column != "" {
		b.WriteString(e.t(", columna «", ", column “") + pr.Column + e.t("»", "”"))
	}
	if pr.Value != "" {
		b.WriteString(" (" + e.t("«", "“") + pr.Value + e.t("»", "”") + ")")
	}
	b.WriteString(": " + i18n.Message(e.Lang, pr.Key, pr.Params))
	switch pr.Class {
	case importer.ClassNotice:
		b.WriteString(e.t(" [aviso]", " [notice]"))
	case importer.ClassConflict:
		b.WriteString(e.t(" [cambio]", " [change]"))
	}
	return b.String()
}

// runUndoImport is `cartera undo-import ID --portfolio P`.
func runUndoImport(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("undo-import")
	portfolio := fs.String("portfolio", "", e.t("archivo de la cartera", "portfolio file"))
	pos, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	bank := len(pos) == 2 && pos[0] == "bank"
	if bank {
		pos = pos[1:]
	}
	id, perr := strconv.ParseInt(strings.Join(pos, ""), 10, 64)
	if len(pos) != 1 || *portfolio == "" || perr != nil {
		e.errorf(e.t("uso: cartera undo-import [bank] N --portfolio CARTERA", "usage: cartera undo-import [bank] N --portfolio PORTFOLIO"))
		return ExitUsage
	}
	db, err := sqlite.Open(ctx, *portfolio, sqlite.Options{Holder: "cartera undo-import"})
	if err != nil {
		return e.fail(err)
	}
	defer db.Close()
	undo := db.UndoImport
	if bank {
		undo = db.UndoBankImport
	}
	if err := undo(ctx, id); err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Importación n.º %d deshecha.", "Import no. %d undone."), id)
	return ExitOK
}

// runDemoFile is `cartera demo-file --out FILE.csv|.xlsx`: an ERP-like
// export of open documents to try the import with (and to benchmark it).
func runDemoFile(ctx context.Context, e *Env, args []string) int {
	fs := e.flags("demo-file")
	out := fs.String("out", "", e.t("archivo a crear: .csv o .xlsx", "file to create: .csv or .xlsx"))
	country := fs.String("country", "CL", "CL, CO, MX, PE, AR")
	clients := fs.Int("clients", 2000, e.t("cantidad de clientes", "number of clients"))
	rows := fs.Int("rows", 50000, e.t("cantidad de documentos", "number of documents"))
	seed := fs.Int64("seed", 1, e.t("semilla", "seed"))
	if !e.parseOut(fs, args, out) {
		return ExitUsage
	}
	lower := strings.ToLower(*out)
	xlsx := strings.HasSuffix(lower, ".xlsx")
	if !xlsx && !strings.HasSuffix(lower, ".csv") {
		e.errorf(e.t("el archivo debe terminar en .csv o .xlsx", "the file must end in .csv or .xlsx"))
		return ExitUsage
	}
	opt := demo.Options{Country: strings.ToUpper(*country), Clients: *clients, Invoices: *rows, Seed: *seed, Today: e.Today}
	if err := opt.Check(); err != nil {
		return e.fail(err)
	}
	start := time.Now()
	if err := demo.WriteExportFile(*out, demo.FileOptions{Country: opt.Country, Clients: opt.Clients, Rows: opt.Invoices, Seed: opt.Seed, XLSX: xlsx, Today: e.Today}); err != nil {
		return e.fail(err)
	}
	e.printf(e.t("Archivo de ejemplo creado: %s (%d documentos, %.1f s)", "Sample file created: %s (%d documents, %.1f s)"), *out, *rows, time.Since(start).Seconds())
	return ExitOK
}
